"""Heading detectors: where a body's pages begin, found by the shape of its
lines, never by a list of known words.

Each style is a small detector (`HeadingStyle.find`) with its rule for
headings inside a page (`HeadingStyle.subheading`); STYLES lists them most
explicit first, and the parse stage takes the first that finds headings. An
official report's outline (parts 一、, items （一）, appendices, a glossary)
is one style; news styles (a heading over a deck line, labelled lines,
numbered lists, Markdown ##) are the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from ..model import Line
from .footer import is_footer_line
from ..lang.patterns import (
    ARABIC_NUMBERED, CLAUSE_END, CRUMB, DATE, MARKDOWN_HEADING, NUMBERED, ORDINAL_HEADING, SUB_NUMBERED,
    cn_number, is_sentence, strip_markdown_heading,
)

MAX_HEADING = 16     # characters of a news-style heading line ("疫情防控")
MAX_SUBTITLE = 40    # characters of the deck line under it
# A run-in heading: a clause of 4–20 characters with no inner punctuation,
# ended by 。, opening a paragraph that runs on for at least MIN_RUN_ON more.
RUN_IN = re.compile(r"(?P<clause>[^。!?！？;；,，、:：\"()（）]{4,20})。")
MIN_RUN_ON = 30
# 一是…。/ 二是…； : an enumerated point's clause, up to its first full stop (or comma, when it runs on).
ENUMERATED = re.compile(r"(?P<clause>[一二三四五六七八九十]{1,2}是(?:[^。；;！!？?]{2,40}?(?=[。；;])|[^。；;！!？?，,]{2,30}?(?=[，,])))[。；;，,]")
MAX_ITEM_HEADING = 60  # characters of an item line that is a heading by its numbering
SHORT_ITEMS = 200    # mean characters of text under items that read as a list, not as pages
LABEL_LINE = re.compile(r"^【[^】]{1,8}】$")   # 【原文】, 【点评】: labels, never decks
# "关键词：人工智能", "数字1：6.5%左右": a short label, a colon, a short heading.
LABELLED = re.compile(r"^(?P<label>[^：:。，,；;]{1,12})[：:](?P<text>[^。；;：:]{1,36})$")
APPENDIX = re.compile(r"^(?P<label>附件\s*[0-9一二三四五六七八九十]*|附录\s*[0-9一二三四五六七八九十]*)\s*[:：]?\s*(?P<text>.{0,40})$")
GLOSSARY = re.compile(r"(?:名词解释|名词注释|注释|注解|释义)[:：]?$")
# Part lines without numbering: 2026年重点工作, 2025年和“十四五”时期工作回顾, 政府自身建设.
PART_LINE = re.compile(
    r"^.{0,20}(?:工作回顾|重点工作|工作安排|工作任务|主要任务|目标任务|总体要求|主要预期目标|政府自身建设|"
    r"发展成就|发展环境|工作建议|发展思路)$"
)


@dataclass(frozen=True)
class Hit:
    """A heading found by a detector: where it is and what it says."""

    index: int              # index into the body lines
    heading: str
    subtitle: str = ""
    consumed: int = 1       # body lines taken by heading (and subtitle)
    rest: str = ""          # text after a run-in heading, kept as a paragraph
    kind: str = "section"   # section / part / item / appendix / glossary
    number: int = 0         # 3 for 三、 and （三）; 0 when unnumbered


@dataclass(frozen=True)
class HeadingStyle:
    """One way articles mark their headings.

    `find` returns the headings (each a page, or a part), or nothing when the
    text is not in this style; `subheading` recognises a heading inside a
    page from its line and the line after it, and returns its text, or None
    for an ordinary paragraph line.
    """

    name: str
    find: Callable[[Sequence[Line]], list[Hit]]
    subheading: Callable[[str, str], str | None]


def report_outline(body: Sequence[Line]) -> list[Hit]:
    """An official report's outline when it has parts: tried before news headings."""
    hits = outline_headings(body)
    return hits if sum(1 for h in hits if h.kind == "part") >= 2 else []


def outline_headings(body: Sequence[Line]) -> list[Hit]:
    """Parts 一、, items （一）, appendices and a glossary of an official report.

    Parts and items are counted from 一 without gaps: an item sequence that
    restarts at （一） without a numbered part line opens an unnumbered part
    (the short line before it). After an appendix line numbering is the
    appendix's own. Items whose text is short read as a list: they stay
    headings inside their part's page.
    """
    hits: list[Hit] = []
    numbered_parts = count_sequence(body, NUMBERED) >= 2
    items = item_numbering(body)
    part_number = item_number = 0
    for index, line in enumerate(body):
        text = line.text
        if hits and index < hits[-1].index + hits[-1].consumed:
            continue  # the title line under 附件1
        found = appendix_hit(body, index)
        if hits and hits[-1].kind in ("appendix", "glossary"):
            if found:
                hits.append(found)
            continue
        if found and (hits or index > 0):
            hits.append(found)
            continue
        part = NUMBERED.match(text)
        if part and cn_number(part["number"]) == part_number + 1 and len(part["text"]) <= MAX_ITEM_HEADING:
            part_number, item_number = part_number + 1, 0
            heading, rest = split_run_in(text)
            hit = Hit(index, heading, rest=rest, kind="part", number=part_number)
            hits.append(hit if rest else with_deck(body, hit))
            continue
        item = items.match(text)
        # Items in digits that count from 1 again inside a part are a list in its last item.
        if item and not (items is ARABIC_NUMBERED and cn_number(item["number"]) == 1 and item_number > 0):
            number = cn_number(item["number"])
            if number == 1 and item_number > 0 and not numbered_parts:
                opened = unnumbered_part(body, hits, index)
                if opened:
                    hits.append(opened)
            if number == item_number + 1 or (number == 1 and item_number > 0):
                item_number = number
                heading, rest = split_item(text)
                hits.append(Hit(index, heading, rest=rest, kind="item", number=number))
                continue
        if not numbered_parts and is_part_line(text) and index + 1 < len(body):
            hits.append(Hit(index, text, kind="part"))
            item_number = 0
    if not numbered_parts and not any(h.kind == "part" for h in hits):
        # Items at the top: before the first, a line that opens them is a part too.
        opened = unnumbered_part(body, [], next((h.index for h in hits if h.kind == "item"), 0))
        if opened:
            hits.insert(0, opened)
    hits = fold_short_items(body, hits)
    structural = [h for h in hits if h.kind in ("part", "item")]
    parts = [h for h in structural if h.kind == "part"]
    items = [h for h in structural if h.kind == "item"]
    if len(parts) >= 2 or len(items) >= 2 or (parts and items):
        return hits
    return []


def item_numbering(body: Sequence[Line]) -> re.Pattern:
    """How the report numbers its items: （一）; in a report without those,
    第一， heading lines (as some provinces' plan parts do), or else 1． items,
    headings or run in (1．聚焦科技创新，奋力激发内生增长动力。坚持…, as some cities write)."""
    if sum(1 for line in body if SUB_NUMBERED.match(line.text)) >= 2:
        return SUB_NUMBERED
    for pattern in (ORDINAL_HEADING, ARABIC_NUMBERED):
        if count_sequence(body, pattern, run_in=True) >= 2:
            return pattern
    return SUB_NUMBERED


def count_sequence(body: Sequence[Line], pattern: re.Pattern, run_in: bool = False) -> int:
    """How far the lines numbered by `pattern` count from 1 without a gap: lines
    whose text is a heading (at most MAX_ITEM_HEADING), or also a heading run into
    its paragraph (`run_in`: 1．经济发展迈上新台阶。经济运行…)."""
    expected = 1
    for line in body:
        match = pattern.match(line.text)
        if match and cn_number(match["number"]) == expected and (
                len(match["text"]) <= MAX_ITEM_HEADING or run_in and len(split_item(match["text"])[0]) <= MAX_ITEM_HEADING):
            expected += 1
    return expected - 1


def unnumbered_part(body: Sequence[Line], hits: list[Hit], item_index: int) -> Hit | None:
    """The short heading line before an item sequence that restarts at （一）."""
    start = hits[-1].index + 1 if hits else 0
    for index in range(item_index - 1, max(start, item_index - 4) - 1, -1):
        text = body[index].text
        if is_part_line(text) or (is_heading_line(text, limit=30) and not re.search(r"[,，、;；]", text)):
            if not any(h.index == index for h in hits):
                return Hit(index, text, kind="part")
    return None


def is_part_line(text: str) -> bool:
    return len(text) <= 30 and not is_sentence(text) and bool(PART_LINE.match(text))


def appendix_hit(body: Sequence[Line], index: int) -> Hit | None:
    """附件1 (a title on the same or the next line), 附件2 名词解释, or a bare 名词解释/注释 line."""
    text = body[index].text
    if GLOSSARY.fullmatch(text) or (len(text) <= 12 and GLOSSARY.search(text) and not is_sentence(text)):
        return Hit(index, text.rstrip(":："), kind="glossary")
    match = APPENDIX.match(text)
    if not match or is_sentence(text):
        return None
    title, consumed = match["text"].strip(), 1
    if not title and index + 1 < len(body) and is_heading_line(body[index + 1].text, limit=40):
        title, consumed = body[index + 1].text, 2
    heading = f"{match['label'].replace(' ', '')} {title}".strip()
    kind = "glossary" if GLOSSARY.search(title) else "appendix"
    return Hit(index, heading, consumed=consumed, kind=kind)


def fold_short_items(body: Sequence[Line], hits: list[Hit]) -> list[Hit]:
    """Items of a part that hold little text each, or a part's lone item, are
    headings in the part's page, not pages."""
    result: list[Hit] = []
    run: list[tuple[Hit, int]] = []   # the current part's items with their text sizes

    def flush():
        if len(run) >= 2 and reads_as_pages([size for _, size in run]):
            result.extend(hit for hit, _ in run)
        run.clear()

    for hit, size in zip(hits, text_sizes(body, hits)):
        if hit.kind == "item":
            run.append((hit, size))
            continue
        flush()
        result.append(hit)
    flush()
    return result


def text_sizes(body: Sequence[Line], hits: list[Hit]) -> list[int]:
    """Characters of text under each heading, up to the next."""
    ends = [hit.index for hit in hits[1:]] + [len(body)]
    return [len(hit.rest) + sum(len(line.text) for line in body[hit.index + 1 : end]) for hit, end in zip(hits, ends)]


def reads_as_pages(sizes: list[int]) -> bool:
    """Items holding this much text each are pages; less, and they read as a list."""
    return sum(sizes) / len(sizes) >= SHORT_ITEMS


def outline_subheading(text: str, following: str) -> str | None:
    """Inside a page: folded items （一）, appendix items 一、, points 1. and bare sub-head lines."""
    if SUB_NUMBERED.match(text) or NUMBERED.match(text) or ARABIC_NUMBERED.match(text):
        return text
    if is_point_line(text, following):
        return text
    return None


def is_point_line(text: str, following: str) -> bool:
    """产业结构持续优化。 — a short line of its own over a long paragraph."""
    return (
        4 <= len(text) <= 24
        and not re.search(r"[,，、;；:：\d]", text)
        and "。" not in text.rstrip("。")
        and bool(following) and len(following) > max(60, 3 * len(text))
    )


def labelled_headings(body: Sequence[Line]) -> list[Hit]:
    """关键词：人工智能 / 数字1：6.5%左右 — at least two labelled lines, each over text."""
    hits = []
    for index in range(len(body) - 1):
        text = body[index].text
        match = LABELLED.match(text)
        if not match or is_sentence(text) or is_footer_line(text):
            continue
        after = body[index + 1].text
        if is_paragraph(after, than=text) or LABEL_LINE.match(after) or LABEL_LINE.match(after[:6]):
            hits.append(with_deck(body, Hit(index, text)))
    labels = [re.sub(r"[\d一二三四五六七八九十]+$", "", LABELLED.match(body[h.index].text)["label"]) for h in hits]
    shared = max((labels.count(label) for label in labels), default=0)
    return hits if len(hits) >= 3 or shared >= 2 else []


def listed_headings(body: Sequence[Line]) -> list[Hit]:
    """1.有效改善居住条件。…… — a page per item; short items are headings of one page."""
    hits, expected = [], 1
    for index, line in enumerate(body):
        match = ARABIC_NUMBERED.match(line.text)
        if match and int(match["number"]) == expected:
            heading, rest = split_run_in(line.text)
            hit = Hit(index, heading, rest=rest, kind="item", number=expected)
            hits.append(hit if rest else with_deck(body, hit))
            expected += 1
    if len(hits) < 2:
        return []
    if not reads_as_pages(text_sizes(body, hits)):
        return []  # a short list: the text stays one page, the items its headings
    return hits


def arabic_subheading(text: str, following: str) -> str | None:
    return text if ARABIC_NUMBERED.match(text) or SUB_NUMBERED.match(text) else None


def explicit_style(headings: list[str]) -> HeadingStyle:
    """Headings the maintainer listed in the sidecar, matched in order."""

    def find(body: Sequence[Line]) -> list[Hit]:
        hits, wanted = [], list(headings)
        for index, line in enumerate(body):
            if wanted and strip_markdown_heading(line.text) == wanted[0]:
                hits.append(with_deck(body, Hit(index, wanted.pop(0))))
        return hits

    return HeadingStyle("explicit", find, numbered_subheading)


def markdown_headings(body: Sequence[Line]) -> list[Hit]:
    """`## 标题` lines typed by a maintainer; the shallowest level makes pages.

    At least two are needed: one stray line starting with "#" is text.
    """
    levels = [len(m["hashes"]) for line in body if (m := MARKDOWN_HEADING.match(line.text))]
    top = min(levels, default=0)
    hits = [
        with_deck(body, Hit(index, m["text"]))
        for index, line in enumerate(body)
        if (m := MARKDOWN_HEADING.match(line.text)) and len(m["hashes"]) == top
    ]
    return hits if len(hits) >= 2 else []


def markdown_subheading(text: str, following: str = "") -> str | None:
    match = MARKDOWN_HEADING.match(text)
    return match["text"] if match else None


def numbered_subheading(text: str, following: str = "") -> str | None:
    return text if SUB_NUMBERED.match(text) else None


def news_headings(body: Sequence[Line]) -> list[Hit]:
    """A short heading line, a deck line under it, then a paragraph."""
    hits, index = [], 0
    while index + 2 < len(body):
        heading, deck, after = (body[index + k].text for k in range(3))
        if is_heading_line(heading) and not is_numbered(heading) and is_deck_line(deck) and is_paragraph(after, than=deck):
            hits.append(Hit(index, heading, deck, consumed=2))
            index += 2
        else:
            index += 1
    return hits


def bare_headings(body: Sequence[Line]) -> list[Hit]:
    """Short heading lines followed by paragraphs, when no heading has a deck line."""
    bare = [
        Hit(index, body[index].text)
        for index in range(len(body) - 1)
        if is_heading_line(body[index].text) and not re.search(r"[,，、:：]", body[index].text)
        and is_paragraph(body[index + 1].text, than=body[index].text)
    ]
    return bare if len(bare) >= 2 else []


# Most explicit first: the first style that finds headings wins.
STYLES = [
    HeadingStyle("markdown", markdown_headings, markdown_subheading),
    HeadingStyle("report", report_outline, outline_subheading),
    HeadingStyle("news", news_headings, numbered_subheading),
    HeadingStyle("outline", outline_headings, outline_subheading),
    HeadingStyle("labelled", labelled_headings, numbered_subheading),
    HeadingStyle("list", listed_headings, arabic_subheading),
    HeadingStyle("bare", bare_headings, numbered_subheading),
]


def is_heading_line(text: str, limit: int = MAX_HEADING) -> bool:
    return (
        2 <= len(text) <= limit
        and not is_sentence(text)
        and text[-1] not in CLAUSE_END
        and not is_footer_line(text)
        and not DATE.fullmatch(text)
        and not CRUMB.match(text)
        and not APPENDIX.match(text)
        and bool(re.search(r"[^\W\d_]", text))
    )


def is_deck_line(text: str) -> bool:
    return (
        len(text) <= MAX_SUBTITLE
        and not LABEL_LINE.match(text)
        and not is_numbered(text)
        and not is_sentence(text)
        and text[-1] not in CLAUSE_END
        and not is_footer_line(text)
    )


def is_paragraph(text: str, than: str) -> bool:
    return is_sentence(text) or len(text) > max(MAX_SUBTITLE, len(than))


def with_deck(body: Sequence[Line], hit: Hit) -> Hit:
    """The hit with the deck line under its heading as subtitle, when one is there."""
    index = hit.index + 1
    if index + 1 < len(body):
        deck, after = body[index].text, body[index + 1].text
        if (
            is_deck_line(deck) and is_paragraph(after, than=deck)
            and not MARKDOWN_HEADING.match(deck) and not NUMBERED.match(deck) and not SUB_NUMBERED.match(deck)
        ):
            return replace(hit, subtitle=deck, consumed=2)
    return hit


def is_numbered(text: str) -> bool:
    return bool(NUMBERED.match(text) or SUB_NUMBERED.match(text) or ARABIC_NUMBERED.match(text))


def split_item(text: str) -> tuple[str, str]:
    """（一）深入落实城市总体规划，推动京津冀协同发展走深走实 is a heading by its
    numbering, commas and all; （一）经济增长迈出坚实步伐。抓好…… runs its text in."""
    end = re.search(r"[。!?！？;；]", text)
    if end is None and len(text) <= MAX_ITEM_HEADING:
        return text, ""
    if end and end.start() <= MAX_ITEM_HEADING:
        return text[: end.start()], text[end.end():].strip()
    return split_run_in(text)


def split_run_in(text: str) -> tuple[str, str]:
    """Split "(一)坚持创新驱动。具体内容……" into heading and remaining paragraph."""
    if len(text) <= MAX_SUBTITLE and not re.search(r"[。!?！？;；]", text[:-1]):
        return text.rstrip("。"), ""
    match = re.search(r"[。!?！？;；:：]", text)
    if match and match.start() <= MAX_SUBTITLE:
        return text[: match.start()], text[match.end():].strip()
    return text, ""


def run_in_lead(paragraph: str) -> str:
    """The short declarative clause a paragraph opens with, when it reads as a heading.

    "健全多层次社会保障体系。完善……" opens with a heading run into its paragraph;
    "今年是关键之年。……" and "完成14个地块收储。……" open with a statement.
    """
    enumerated = ENUMERATED.match(paragraph)
    if enumerated and len(paragraph) > enumerated.end():
        return enumerated["clause"]  # 一是…。二是…。: every point a lead, whatever marks its clause holds
    match = RUN_IN.match(paragraph)
    if not match or len(paragraph) - match.end() < max(MIN_RUN_ON, 2 * len(match["clause"])):
        return ""
    clause = match["clause"]
    if re.search(r"[\d\s]|是|了$|的$", clause):
        return ""
    return clause


def first_clause(text: str) -> str:
    clause = re.split(r"[。!?！？;；,，]", text, maxsplit=1)[0]
    return clause[:30] or text[:30]
