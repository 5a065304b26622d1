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
    if not has_marks(text):
        return text
    return "".join(convert(list(text)))


def fullwidth_html(markup: str) -> str:
    """HTML with full-width punctuation restored in the text of its Chinese runs.

    Tags, attributes, entities and code are left exactly as they are.
    """
    if not has_marks(markup):
        return markup
    pieces = TOKEN.split(markup)
    out = list(pieces)
    run: list[tuple[int, int]] = []   # (piece index, character index) of each character in the run
    chars: list[str] = []
    verbatim: list[str] = []          # open verbatim elements, innermost last

    def flush():
        if not chars:
            return
        converted = convert(chars)
        # Re-assemble each piece of the run from its converted characters.
        by_piece: dict[int, list[str]] = {}
        for (piece, _), new in zip(run, converted):
            by_piece.setdefault(piece, []).append(new)
        for piece, parts in by_piece.items():
            if pieces[piece].startswith("&"):
                continue  # an entity stands for one character; never rewritten
            out[piece] = "".join(parts)
        run.clear()
        chars.clear()

    for index, piece in enumerate(pieces):
        if not piece:
            continue
        if index % 2 == 1 and not piece.startswith("&"):   # a tag or comment
            name_match = TAG_NAME.match(piece)
            name = name_match[1].lower() if name_match else ""
            if name in VERBATIM_TAGS:
                flush()
                if piece.startswith("</"):
                    if name in verbatim:
                        del verbatim[len(verbatim) - 1 - verbatim[::-1].index(name)]
                elif not piece.endswith("/>"):
                    verbatim.append(name)
            elif name not in INLINE_TAGS:
                flush()
            continue
        if verbatim:
            continue
        if index % 2 == 1:  # an entity: context for its neighbours, left as written
            run.append((index, 0))
            chars.append(html.unescape(piece))
            continue
        for position, char in enumerate(piece):
            run.append((index, position))
            chars.append(char)
    flush()
    return "".join(out)


# --- the rule ----------------------------------------------------------------------


def convert(chars: list[str]) -> list[str]:
    """Each character's replacement ("" drops it) in one run of text."""
    out = list(chars)
    opened: list[int] = []
    for index, char in enumerate(chars):
        if char in ",;:!?":
            before, after = neighbour(chars, index, -1), neighbour(chars, index, 1)
            if is_digit(before) and is_digit(after):
                continue  # 1,000 and 22:38
            if is_cjk(before) or is_cjk(after):
                out[index] = FULL_WIDTH[char]
                drop_spaces(chars, out, index + 1)
        elif char == "(":
            opened.append(index)
        elif char == ")" and opened:
            start = opened.pop()
            inside = chars[start + 1 : index]
            # Chinese inside, or a short Latin note right after Chinese: 总值(GDP).
            # Not a link target or a call: [点我](javascript:…), f(x).
            if any(is_cjk(c) for c in inside) or (is_cjk(chars[start - 1] if start else "") and len(inside) <= 12):
                out[start], out[index] = FULL_WIDTH["("], FULL_WIDTH[")"]
    return out


def neighbour(chars: list[str], index: int, step: int) -> str:
    """The nearest character that is not a space, looking one way from index."""
    index += step
    while 0 <= index < len(chars) and chars[index] in " \t\n":
        index += step
    return chars[index] if 0 <= index < len(chars) else ""


def drop_spaces(chars: list[str], out: list[str], index: int) -> None:
    """A full-width mark carries its own spacing: drop ASCII spaces after it."""
    while index < len(chars) and chars[index] == " ":
        out[index] = ""
        index += 1


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
