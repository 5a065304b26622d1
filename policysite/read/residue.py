"""Clean rules for what copying a page leaves in the text itself: broken
characters, a body pasted twice, a teaser repeating the opening, a licence
notice under the text, a site's mark where it left text out, pictographs a
repost added. (A scraper's record around the text: policysite.read.records.)

Each rule takes the clean stage's `Cleaned` (lines, dropped, facts,
warnings) and is one of clean.RULES. A repair that is certain (an entity
or a `??` standing for a space, a literal `\\r\\n`) changes the line and is
counted; one that is not (U+FFFD: a character is lost) keeps the rest of
the line and records the line as it was in `dropped`. One warning per file
says how many lines were repaired.
"""

from __future__ import annotations

import html
import re

from ..model import Dropped, Line

# &nbsp; &emsp; &#12288; &amp; …: entities a copy kept as text.
ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
# \r\n, \n, \t written out as two characters by a scraper.
ESCAPE = re.compile(r"(?:\\[rnt])+")
# ?? standing for spaces a page's encoding could not hold: a run of two or
# more at the start or end of a line, or between two non-Latin characters.
QUESTION_RUN = re.compile(r"^[?？]{2,}|[?？]{2,}$|(?<=[^\x00-\x7f])[?？]{2,}(?=[^\x00-\x7f])")
REPLACEMENT = "\ufffd"

# 内容摘要：… / 摘要：… / 导读：…: a teaser repeating the opening.
TEASER = re.compile(r"^(?:【(?:内容摘要|内容提要|摘要|导读|简介)】\s*[:：]?|(?:内容摘要|内容提要|摘要|导读|简介)\s*[:：])\s*(?P<text>.+)$")
# Wiki and repository licence notices under the text.
LICENCE = re.compile(r"^(?:本作品(?:是|在|已|于|来自)|Public domain$|(?:true|false)$|本文(?:档|件)?(?:采用|遵循).{0,20}(?:许可|协议))")
# ……(某某网http://…省略912字,正式会员可完整阅读)……, （此处隐藏3000字）: a site that
# shows part of the text marks what it left out. The mark, not the text around it, goes.
_LEFT_OUT = r"(?:省略|隐藏|余下|剩余)\s*\d+\s*字"
_NOT_BRACKET = r"[^()（）【】\[\]]"
_ELLIPSIS = r"(?:…+|\.{3,})"
OMISSION = re.compile(
    rf"{_ELLIPSIS}?\s*[(（【\[](?:{_NOT_BRACKET}{{0,60}}?{_LEFT_OUT}{_NOT_BRACKET}{{0,40}}"
    rf"|{_NOT_BRACKET}{{0,40}}(?:正式会员|VIP会员|登录后|注册后){_NOT_BRACKET}{{0,20}}(?:阅读|查看|下载){_NOT_BRACKET}{{0,20}})"
    rf"[)）】\]]\s*{_ELLIPSIS}?"
    rf"|{_ELLIPSIS}[^…。]{{0,60}}?{_LEFT_OUT}[^…。]{{0,40}}?{_ELLIPSIS}"
)
# Pictographs a repost sprinkles over the text (📜, 🏆, 👉): never a report's own.
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+")
MIN_REPEAT = 1500     # characters of a stretch that, seen twice, is a copy pasted twice (not a passage quoted again)
MIN_REPEAT_LINES = 5
MIN_REPEAT_LINE = 12  # lines shorter than this (headings such as 各位代表！) are not evidence


def repair_broken_characters(result) -> None:
    """&nbsp; / ?? / literal \\r\\n out (certain); U+FFFD out, the line kept in dropped too."""
    repaired = 0
    drop, blank = set(), set()
    for index, line in enumerate(result.lines):
        text = line.text
        if not text.strip():
            blank.add(index)  # an em space alone (\u2003): a blank line the reader did not trim
            continue
        fixed = QUESTION_RUN.sub("", ESCAPE.sub("", ENTITY.sub(unescape, text)))
        if REPLACEMENT in fixed:
            result.dropped.append(Dropped(line.number, text, "broken characters"))
            fixed = fixed.replace(REPLACEMENT, "")
        fixed = fixed.strip()
        if fixed == text:
            continue
        repaired += 1
        if fixed:
            result.lines[index] = Line(line.number, fixed)
        else:
            drop.add(index)
    record(result, "broken characters", drop)
    record(result, "blank", blank)
    if repaired:
        result.warnings.append(f"{repaired} line(s) had broken characters (HTML entities, ?? runs, \\r\\n written out, U+FFFD): "
                               "repaired; lines that lost a character are kept as they were in `dropped`")


def unescape(match: re.Match) -> str:
    """An entity as its character (&ldquo; → “); a space entity (&nbsp; &emsp;) as nothing: Chinese
    text has no spaces. &amp; &lt; &gt; &quot; stay as written: a text about markup may mean them."""
    char = html.unescape(match.group())
    if char.isspace():
        return ""
    return match.group() if char in "&<>\"'" or char == match.group() else char


def drop_teaser(result) -> None:
    """内容摘要：… near the top, when the text it quotes opens a later line."""
    lines = result.lines
    for index in range(min(len(lines), 20)):
        match = TEASER.match(lines[index].text)
        if not match:
            continue
        teaser = match["text"].rstrip("…. ")[:30]
        if len(teaser) >= 8 and any(line.text.startswith(teaser[:20]) for line in lines[index + 1:]):
            record(result, "teaser", {index})
        return


def drop_repeated_stretches(result) -> None:
    """A body pasted twice: the second copy of a stretch of at least MIN_REPEAT characters."""
    lines = result.lines
    first: dict[str, int] = {}
    drop: set[int] = set()
    index = 0
    while index < len(lines):
        text = lines[index].text
        earlier = first.get(text) if len(text) >= MIN_REPEAT_LINE else None
        if earlier is None:
            first.setdefault(text, index)
            index += 1
            continue
        length = 0
        while index + length < len(lines) and earlier + length < index \
                and lines[earlier + length].text == lines[index + length].text:
            length += 1
        stretch = range(index, index + length)
        if length >= MIN_REPEAT_LINES and sum(len(lines[i].text) for i in stretch) >= MIN_REPEAT:
            drop.update(stretch)
            index += length
        else:
            index += 1
    if drop:
        result.warnings.append(f"{len(drop)} line(s) repeat an earlier stretch of the text (a copy pasted twice): "
                               "the second copy is in `dropped`")
    record(result, "repeated stretch", drop)


def drop_omission_marks(result) -> None:
    """A site's mark where it left text out: cut from its line (the line dropped when
    nothing else is on it), recorded, and a warning that the copy is incomplete."""
    lines, drop, marks = result.lines, set(), []
    for index, line in enumerate(lines):
        found = OMISSION.search(line.text)
        if not found:
            continue
        marks.append(line.number)
        rest = (line.text[:found.start()] + line.text[found.end():]).strip()
        if re.fullmatch(r"[…\.。,，\s]*", rest):
            drop.add(index)
            continue
        result.dropped.append(Dropped(line.number, found.group().strip(), "omission mark"))
        lines[index] = Line(line.number, rest)
    if marks:
        result.warnings.append(f"the copy leaves text out where it says so (line(s) {', '.join(map(str, marks))}): "
                               "those passages are missing from its pages; a complete copy of the report settles it")
    record(result, "omission mark", drop)


def strip_emoji(result) -> None:
    """Pictographs out of every line (a line of nothing else is dropped, recorded)."""
    drop = set()
    for index, line in enumerate(result.lines):
        if EMOJI.search(line.text):
            text = EMOJI.sub("", line.text).strip()
            if text:
                result.lines[index] = Line(line.number, text)
            else:
                drop.add(index)
    record(result, "pictographs", drop)


def drop_licence_notice(result) -> None:
    """本作品是…属于公有领域 / Public domain under the text: from there to the end."""
    lines = result.lines
    for index in range(max(0, len(lines) - 40), len(lines)):
        if LICENCE.match(lines[index].text) and all(len(line.text) <= 120 for line in lines[index:]):
            record(result, "licence notice", set(range(index, len(lines))))
            return


def record(result, rule: str, indexes: set[int]) -> None:
    from .clean import record as clean_record

    clean_record(result, rule, indexes)
