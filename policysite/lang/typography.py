"""Chinese typography for rendered pages: full-width punctuation in Chinese text.

Seeds often come with ASCII `,;:!?()` where the original had full-width
marks (copied through systems that "normalised" them). The Markdown pages keep
the seed's characters, so every page can be traced to its line; the reader
sees the full-width marks, restored here in the rendered HTML (and in the page
titles, descriptions and table of contents that MkDocs renders beside it).

A mark is restored only where it sits in Chinese text: next to a Han character
or CJK punctuation. Numbers, times, URLs and Latin text keep theirs: 5.5%,
2022-01-21 22:38, 020-87006626, https://example.com.
"""

from __future__ import annotations

import html
import re

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}

# Inline elements: Chinese text runs on across them, so the characters on either
# side of `<strong>…</strong>` are neighbours. Any other tag ends a run.
INLINE_TAGS = {"a", "abbr", "b", "em", "i", "mark", "small", "span", "strong", "sub", "sup", "u", "wbr"}
# Elements whose text is code or markup, never prose.
VERBATIM_TAGS = {"code", "kbd", "math", "pre", "samp", "script", "style", "svg", "textarea"}

TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>|&#?\w+;)", re.DOTALL)
TAG_NAME = re.compile(r"</?\s*([a-zA-Z][\w-]*)")


def fullwidth(text: str) -> str:
    """Plain text with full-width punctuation restored in its Chinese runs."""
    return apply(text, edits(text)) if has_marks(text) else text


def fullwidth_html(markup: str) -> str:
    """HTML with full-width punctuation restored in the text of its Chinese runs.

    Tags, attributes, entities and code are left exactly as they are.
    """
    if not has_marks(markup):
        return markup
    pieces = TOKEN.split(markup)   # text, token, text, token, …
    run: list[int] = []            # indices of the pieces of the current run of text
    verbatim: list[str] = []       # open verbatim elements, innermost last
    for index, piece in enumerate(pieces):
        if index % 2 == 0 or piece.startswith("&"):   # text, or an entity standing for one character
            if piece and not verbatim:
                run.append(index)
            continue
        name_match = TAG_NAME.match(piece)
        name = name_match[1].lower() if name_match else ""
        if name in INLINE_TAGS:
            continue
        convert_run(pieces, run)
        run = []
        if name in VERBATIM_TAGS:
            if piece.startswith("</"):
                if name in verbatim:
                    del verbatim[len(verbatim) - 1 - verbatim[::-1].index(name)]
            elif not piece.endswith("/>"):
                verbatim.append(name)
    convert_run(pieces, run)
    return "".join(pieces)


def convert_run(pieces: list[str], run: list[int]) -> None:
    """Convert one run of text pieces in place; each entity counts as its character."""
    if not any(MARK_OR_ENTITY.search(pieces[i]) for i in run):
        return  # most runs: nothing to do, decided without building the run's text
    shown = [html.unescape(pieces[i]) if pieces[i].startswith("&") else pieces[i] for i in run]
    text = "".join(shown)
    found = edits(text) if has_marks(text) else {}
    if not found:
        return
    offset = 0
    for index, part in zip(run, shown):
        end = offset + len(part)
        if not pieces[index].startswith("&") and any(offset <= at < end for at in found):
            pieces[index] = apply(part, {at - offset: new for at, new in found.items() if offset <= at < end})
        offset = end


# --- the rule ----------------------------------------------------------------------

MARKS = re.compile(r"[,;:!?()]")
MARK_OR_ENTITY = re.compile(r"[,;:!?()&]")


def edits(text: str) -> dict[int, str]:
    """Replacements the rule makes in one run of text: offset → new text ("" drops)."""
    found: dict[int, str] = {}
    opened: list[int] = []
    for match in MARKS.finditer(text):
        index, char = match.start(), match.group()
        if char == "(":
            opened.append(index)
        elif char == ")":
            if not opened:
                continue
            start = opened.pop()
            inside = text[start + 1 : index]
            # Chinese inside, or a short Latin note right after Chinese: 总值(GDP).
            # Not a link target or a call: [点我](javascript:…), f(x).
            if any(is_cjk(c) for c in inside) or (start and is_cjk(text[start - 1]) and len(inside) <= 12):
                found[start], found[index] = FULL_WIDTH["("], FULL_WIDTH[")"]
        else:
            before, after = neighbour(text, index, -1), neighbour(text, index, 1)
            if is_digit(before) and is_digit(after):
                continue  # 1,000 and 22:38
            if is_cjk(before) or is_cjk(after):
                found[index] = FULL_WIDTH[char]
                # A full-width mark carries its own spacing: drop ASCII spaces after it.
                space = index + 1
                while space < len(text) and text[space] == " ":
                    found[space] = ""
                    space += 1
    return found


def apply(text: str, found: dict[int, str]) -> str:
    if not found:
        return text
    out, last = [], 0
    for at in sorted(found):
        out.append(text[last:at])
        out.append(found[at])
        last = at + 1
    out.append(text[last:])
    return "".join(out)


def neighbour(text: str, index: int, step: int) -> str:
    """The nearest character that is not a space, looking one way from index."""
    index += step
    while 0 <= index < len(text) and text[index] in " \t\n":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def is_cjk(char: str) -> bool:
    if not char:
        return False
    code = ord(char[0])
    return (
        0x3400 <= code <= 0x9FFF        # CJK unified ideographs (and extension A)
        or 0xF900 <= code <= 0xFAFF     # compatibility ideographs
        or 0x3000 <= code <= 0x303F     # CJK punctuation: 、。「」《》
        or 0xFF00 <= code <= 0xFFEF     # full-width forms: ，；（）
        or 0x20000 <= code <= 0x2FA1F   # supplementary ideographs
        or char in "“”‘’…—"
    )


def is_digit(char: str) -> bool:
    return char.isascii() and char.isdigit()


def has_marks(text: str) -> bool:
    return any(mark in text for mark in FULL_WIDTH)


def fullwidth_nav(items):
    """A navigation (MkDocs' nav: lists of {title: path or items}) with full-width
    punctuation in its titles, as every renderer shows them."""
    if isinstance(items, list):
        return [fullwidth_nav(item) for item in items]
    if isinstance(items, dict):
        return {fullwidth(title): fullwidth_nav(value) for title, value in items.items()}
    return items
