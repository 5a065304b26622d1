"""Parse stage: normalised lines → a Document of Sections.

An article is read top-down as header (title, outlet line, date), intro,
sections, footer. Section headings are found by structure, never by a list of
known words: each heading style is a small detector, tried in order of how
explicit it is, and the first that recognises the article wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from .model import Document, Footer, Line, Section, Seed, SubHeading

# --- character classes --------------------------------------------------------

# A line that ends one of these (before closing quotes/brackets) is a sentence.
SENTENCE_END = "。!?！？;；…"
CLOSERS = "”’」』）》】\"')"
CLAUSE_END = ",，、:："

# Credits that are never headings or body text: bylines, photo credits, editors.
CREDIT = re.compile(
    r"^(?P<label>[图文]|采写|撰文|撰稿|编辑|责编|责任编辑|校对|审核|审校|统筹|监制|出品|记者|"
    r"通讯员|实习生|摄影|摄像|视频|制图|设计|来源|作者)\s*[:：/|丨]"
)
COPYRIGHT = re.compile(r"未经授权|不得转载|禁止转载|版权所有|版权声明|授权联系|©|copyright|all rights reserved", re.I)
CONTACT = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?(?:\s+[\d()\s+-]{7,})?$|^[\d()\s+-]{7,}$")
CONTACT_LABEL = re.compile(r"(?:授权|版权)?联系(?:方式|电话|邮箱)|邮箱[:：]|电话[:：]")

DATE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<H>\d{1,2})[:：](?P<M>\d\d)(?:[:：](?P<S>\d\d))?)?"
)

# "一、" top-level items and "(一)" sub-items of numbered reports.
CN_NUMBER = "一二三四五六七八九十百零〇"
NUMBERED = re.compile(rf"^([{CN_NUMBER}]+)\s*[、.．]\s*(?P<text>\S.*)$")
SUB_NUMBERED = re.compile(rf"^[(（]\s*[{CN_NUMBER}]+\s*[)）]\s*(?P<text>\S.*)$")
# "首页 > 新闻 > 正文": navigation crumbs copied along with an article.
CRUMB = re.compile(r"^[^>›»/]{1,12}(?:\s*[>›»/]\s*[^>›»/]{1,12}){1,}\s*[>›»/]?$")
MARKDOWN_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*$")

MAX_HEADING = 16     # characters of a news-style heading line ("疫情防控")
MAX_SUBTITLE = 40    # characters of the deck line under it
# A run-in heading: a clause of 4–20 characters with no inner punctuation,
# ended by 。, opening a paragraph that runs on for at least MIN_RUN_ON more.
RUN_IN = re.compile(r"(?P<clause>[^。!?！？;；,，、:：\"()（）]{4,20})。")
MIN_RUN_ON = 30
MAX_META = 40        # characters of an outlet or date line under the title


@dataclass(frozen=True)
class Hit:
    """A heading found by a detector: where it is and what it says."""

    index: int              # index into the body lines
    heading: str
    subtitle: str = ""
    consumed: int = 1       # body lines taken by heading (and subtitle)
    rest: str = ""          # text after a run-in heading, kept as a paragraph


@dataclass(frozen=True)
class HeadingStyle:
    """One way articles mark their headings.

    `find` returns the top-level headings (each becomes a page), or nothing when
    the article is not in this style; `subheading` recognises a heading inside a
    section and returns its text, or None for an ordinary paragraph line.
    """

    name: str
    find: Callable[[Sequence[Line]], list[Hit]]
    subheading: Callable[[str], str | None]


# --- the stage -----------------------------------------------------------------


def parse(seed: Seed) -> Document:
    lines = [line for line in seed.lines]
    while len(lines) > 1 and CRUMB.match(lines[0].text) and not DATE.search(lines[0].text):
        lines.pop(0)  # crumbs above the title are site navigation, not the article
    if is_title(lines[0].text):
        title = strip_markdown_heading(lines[0].text)
        meta, body_start = read_meta(lines)
    else:  # no title line: the article starts with its text
        title, meta, body_start = first_clause(lines[0].text), {}, 0
    footer_start = find_footer(lines, body_start)
    body = lines[body_start:footer_start]
    footer = read_footer(lines[footer_start:])

    explicit = seed.sidecar.get("headings")
    styles = [explicit_style(explicit)] if explicit else STYLES
    hits: list[Hit] = []
    style = styles[-1]
    for style in styles:
        hits = style.find(body)
        if hits:
            break

    warnings = []
    if explicit and len(hits) < len(explicit):
        found = {hit.heading for hit in hits}
        missing = [h for h in explicit if h not in found]
        warnings.append(f"headings from the sidecar not found in the text: {', '.join(missing)}")

    if hits:
        intro = [line.text for line in body[: hits[0].index]]
        intro_lines = [line.number for line in body[: hits[0].index]]
        sections = [make_section(body, hit, nxt, style) for hit, nxt in zip(hits, hits[1:] + [None])]
    elif body:
        intro, intro_lines = [], []
        sections = [whole_text_section(title, body)]
        warnings.append("no headings detected: the whole text is one page")
    else:
        intro, intro_lines, sections = [], [], []
        warnings.append("no text besides the title")

    return Document(
        seed=seed.name,
        title=seed.sidecar.get("title") or title,
        outlet=meta.get("outlet", ""),
        date=seed.sidecar.get("date") or meta.get("date", ""),
        intro=intro,
        sections=sections,
        footer=footer,
        slug=seed.sidecar.get("slug", ""),
        source_url=seed.sidecar.get("source", ""),
        extra_tags=list(seed.sidecar.get("tags", [])),
        warnings=warnings,
        intro_lines=intro_lines,
    )


# --- header and footer --------------------------------------------------------


def read_meta(lines: Sequence[Line]) -> tuple[dict[str, str], int]:
    """Outlet and date lines right under the title.

    They form a short run of lines that ends with the date line; without a date
    line within the first three lines there is no such block.
    """
    for offset in range(1, min(4, len(lines))):
        text = lines[offset].text
        if len(text) > MAX_META or is_sentence(text):
            break
        match = DATE.search(text)
        if match:
            outlets = [line.text for line in lines[1:offset]]
            return {"outlet": " ".join(outlets), "date": iso_date(match)}, offset + 1
    return {}, 1


def iso_date(match: re.Match) -> str:
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return ""
    if match["H"] is None:
        return f"{y:04d}-{m:02d}-{d:02d}"
    # Chinese outlets publish in China Standard Time.
    return f"{y:04d}-{m:02d}-{d:02d}T{int(match['H']):02d}:{match['M']}:{match['S'] or '00'}+08:00"


def is_footer_line(text: str) -> bool:
    return bool(CREDIT.match(text) or COPYRIGHT.search(text) or CONTACT.match(text))


def find_footer(lines: Sequence[Line], body_start: int) -> int:
    """Index of the first footer line: credits, copyright and contact at the end."""
    start = len(lines)
    while start - 1 >= body_start and is_footer_line(lines[start - 1].text):
        start -= 1
    return start


def read_footer(lines: Sequence[Line]) -> Footer:
    footer = Footer(lines=[line.text for line in lines])
    notice: list[str] = []
    for line in lines:
        credit = CREDIT.match(line.text)
        if not credit:
            notice.append(line.text)
            continue
        label, value = credit["label"], line.text[credit.end():].strip()
        if label in ("采写", "撰文", "撰稿", "记者", "文", "作者") and not footer.reporter:
            footer.reporter = value
        elif label in ("编辑", "责编", "责任编辑") and not footer.editor:
            footer.editor = value
    text = " ".join(notice)
    label = CONTACT_LABEL.search(text)
    if label:
        footer.copyright, footer.contact = text[: label.start()].strip(), text[label.start():].strip()
    elif text and CONTACT.match(notice[-1]) and len(notice) > 1:
        footer.copyright, footer.contact = " ".join(notice[:-1]), notice[-1]
    else:
        footer.copyright = text
    return footer


# --- heading detectors -----------------------------------------------------------


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


def markdown_subheading(text: str) -> str | None:
    match = MARKDOWN_HEADING.match(text)
    return match["text"] if match else None


def numbered_headings(body: Sequence[Line]) -> list[Hit]:
    """`一、…` items, counted from 一 without gaps; at least two of them.

    The numbering is dropped from the heading: the navigation shows the order.
    """
    hits, expected = [], 1
    for index, line in enumerate(body):
        match = NUMBERED.match(line.text)
        if match and cn_number(match.group(1)) == expected:
            heading, rest = split_run_in(match["text"])
            hit = Hit(index, heading, rest=rest)
            hits.append(hit if rest else with_deck(body, hit))
            expected += 1
    return hits if len(hits) >= 2 else []


def numbered_subheading(text: str) -> str | None:
    return text if SUB_NUMBERED.match(text) else None


def news_headings(body: Sequence[Line]) -> list[Hit]:
    """A short heading line, a deck line under it, then a paragraph.

    Falls back to bare short heading lines followed by paragraphs when no
    heading in the article has a deck line.
    """
    hits, index = [], 0
    while index + 2 < len(body):
        heading, deck, after = (body[index + k].text for k in range(3))
        if is_heading_line(heading) and is_deck_line(deck) and is_paragraph(after, than=deck):
            hits.append(Hit(index, heading, deck, consumed=2))
            index += 2
        else:
            index += 1
    if hits:
        return hits
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
    HeadingStyle("numbered", numbered_headings, numbered_subheading),
    HeadingStyle("news", news_headings, numbered_subheading),
]


# --- sections ---------------------------------------------------------------------


def make_section(body: Sequence[Line], hit: Hit, following: Hit | None, style: HeadingStyle) -> Section:
    end = following.index if following else len(body)
    lines = body[hit.index + hit.consumed : end]
    paragraphs = [hit.rest] if hit.rest else []
    numbers = [body[hit.index].number] if hit.rest else []
    subheadings = []
    for line in lines:
        sub = style.subheading(line.text)
        if sub is None:
            paragraphs.append(line.text)
            numbers.append(line.number)
            continue
        head, rest = split_run_in(sub)
        subheadings.append(SubHeading(head, len(paragraphs)))
        if rest:
            paragraphs.append(rest)
            numbers.append(line.number)
    return Section(
        heading=hit.heading,
        subtitle=hit.subtitle,
        paragraphs=paragraphs,
        first_line=body[hit.index].number,
        last_line=body[end - 1].number,
        subheadings=subheadings,
        paragraph_lines=numbers,
        leads={index: clause for index, paragraph in enumerate(paragraphs) if (clause := run_in_lead(paragraph))},
    )


def whole_text_section(title: str, body: Sequence[Line]) -> Section:
    return Section(
        heading=title,
        subtitle="",
        paragraphs=[line.text for line in body],
        first_line=body[0].number,
        last_line=body[-1].number,
        paragraph_lines=[line.number for line in body],
    )


# --- small helpers -------------------------------------------------------------------


def is_title(text: str) -> bool:
    """A first line that reads as a headline rather than as the first paragraph."""
    return len(text) <= 60 and not (is_sentence(text) and len(text) > 30)


def first_clause(text: str) -> str:
    clause = re.split(r"[。!?！？;；,，]", text, maxsplit=1)[0]
    return clause[:30] or text[:30]


def is_sentence(text: str) -> bool:
    return text.rstrip(CLOSERS)[-1:] in SENTENCE_END if text.rstrip(CLOSERS) else False


def is_heading_line(text: str) -> bool:
    return (
        2 <= len(text) <= MAX_HEADING
        and not is_sentence(text)
        and text[-1] not in CLAUSE_END
        and not is_footer_line(text)
        and not DATE.fullmatch(text)
        and not CRUMB.match(text)
        and bool(re.search(r"[^\W\d_]", text))
    )


def is_deck_line(text: str) -> bool:
    return (
        len(text) <= MAX_SUBTITLE
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
            return Hit(hit.index, hit.heading, deck, consumed=2)
    return hit


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
    match = RUN_IN.match(paragraph)
    if not match or len(paragraph) - match.end() < max(MIN_RUN_ON, 2 * len(match["clause"])):
        return ""
    clause = match["clause"]
    if re.search(r"[\d\s]|是|了$|的$", clause):
        return ""
    return clause


def strip_markdown_heading(text: str) -> str:
    match = MARKDOWN_HEADING.match(text)
    return match["text"] if match else text


def cn_number(numeral: str) -> int:
    """Value of a small Chinese numeral (一 … 九十九)."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    if numeral == "十":
        return 10
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return digits.get(tens, 1) * 10 + digits.get(ones, 0)
    value = 0
    for char in numeral:
        value = value * 10 + digits.get(char, 0)
    return value
