"""The header of a text: its title, title block or headline, dateline, speaker, outlet, dates.

Two shapes of header are read. An official full text opens with a title block:

    2026年广东省政府工作报告            (or a bare 政府工作报告)
    ——2026年1月26日在广东省第十四届人民代表大会第五次会议上
    广东省省长 孟凡利
    各位代表：

News coverage opens with a headline, then outlet and date lines, or with no
headline at all ("南都讯 1月20日，……"). A title copied with its page's
<title> keeps the site's name (2024年××县政府工作报告_××县人民政府): that is the
outlet. What the header lacks is read from the whole text by
policysite.read.metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lang.patterns import DATE, MASKED_NAME, is_sentence, iso_date, strip_markdown_heading
from ..model import Dropped, Line

MAX_META = 40          # characters of an outlet or date line under a headline
MAX_TITLE = 60
REPORT = "政府工作报告"
# ——2026年1月26日在广东省第十四届人民代表大会第五次会议上 (dashes of any kind).
DATELINE = re.compile(
    r"^(?:[—―─\-－~～]{1,2}\s*(?P<text>.{6,60}?(?:会议|大会)上?)"
    r"|[(（]?(?P<bare>(?:(?:19|20)\d\d|[一二〇○零]{4})年.{2,50}?在.{2,40}?人民代表大会.{0,20}?会议上)[)）]?)\s*$"
)
OFFICE = r"(?:代理)?(?:代)?(?:省长|市长|区长|县长|州长|主席|盟长|旗长|总理)"
SPEAKER_LINE = re.compile(rf"^(?P<office>[\u4e00-\u9fff、，]{{0,16}}?{OFFICE})\s*[:：]?\s*(?P<name>[\u4e00-\u9fff·][\u4e00-\u9fff·\s]{{1,6}})$")
# A dateline and the speaker line run together: …会议上 陕西省省长 赵刚.
DATELINE_AND_SPEAKER = re.compile(rf"^(?P<dateline>.{{6,70}}?会议上)\s+(?P<speaker>[\u4e00-\u9fff、，]{{0,16}}?{OFFICE}\s*[:：]?\s*[\u4e00-\u9fff·][\u4e00-\u9fff·\s]{{1,6}})$")
# A page's timestamp under the title: 2026年02月10日 07时41分.
TIMESTAMP_LINE = re.compile(r"^(?:19|20)\d\d年\d{1,2}月\d{1,2}日\s*(?:\d{1,2}[:：时]\d{2}分?(?:[:：]\d{2})?)?$")
# A caption of the report being delivered (任振鹤作政府工作报告。…记者 …), never its title.
DELIVERS = re.compile(r"^[\u4e00-\u9fff·]{2,4}作《?政府工作报告")
OFFICE_LINE = re.compile(rf"^[\u4e00-\u9fff]{{0,14}}?{OFFICE}$")   # 国务院总理 / 李　强 on two lines
# A lede without a headline: 南都讯 1月20日，…; 新华社广州1月26日电 …
LEDE = re.compile(r"^(?:\S{1,10}讯|(?:新华社|中新社|本报|中新网)\S{0,12}电)")
OPENING = re.compile(r"^各位代表[:：，,!！]?")
# A line of a bilingual text's English (REPORT ON THE WORK OF THE GOVERNMENT, Delivered at …).
TRANSLATION = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'’:;()\-–—&]{3,160}")
CONGRESS_TITLE = re.compile(rf"^(?P<dateline>在.{{4,40}}会议上)的?{REPORT}$")
# A page title's site name after the title: _××县人民政府, | ××县人民政府门户网站, -××日报.
SITE_SUFFIX = re.compile(
    r"\s*(?:[_|｜]\s*(?P<site>[^_|｜]{2,30})"
    r"|[-—–]\s*(?P<named>[^-—–]{2,30}?(?:人民政府|政府网|门户网站|网站|网|日报|晚报|新闻网|年鉴|客户端|频道)))$"
)
# The opening sentence of an official report: 我代表××人民政府（国务院），向大会报告工作.
REPORTING = re.compile(r"我(?:受国务院的委托|代表(?:国务院|[\u4e00-\u9fff]{0,14}人民政府))[，,]?\s*向(?:本次)?大会(?:报告|作)")


@dataclass
class Header:
    title: str = ""
    outlet: str = ""
    date: str = ""              # the document's date: delivered if known, else published
    published: str = ""
    delivered: str = ""
    speaker: str = ""
    dateline: str = ""
    body_start: int = 0         # index of the first body line
    official: bool = False      # an official title block was read
    has_title: bool = True      # False: the text starts with its lede and the title is composed
    block: list[str] = field(default_factory=list)  # title-block lines under the title, as written
    dropped: list[Dropped] = field(default_factory=list)


def read_header(lines: list[Line], facts: dict[str, str]) -> Header:
    """Title block of an official text, or headline, outlet and date of an article."""
    if not lines:
        return Header(has_title=False)
    header = official_header(lines) or article_header(lines)
    if facts.get("title") and (not header.has_title or header.official and REPORT in facts["title"] and not re.search(r"\d", header.title)):
        header.title, header.has_title = strip_title(facts["title"]), True   # a scraper's 标题：
    header.title, site = without_site(header.title)
    header.outlet = header.outlet or facts.get("outlet", "") or facts.get("publisher", "") or site
    published = facts.get("published", "")
    match = DATE.search(published) if published else None
    header.published = header.published or (iso_date(match) if match else "")
    header.date = header.delivered or header.date or header.published
    return header


def official_header(lines: list[Line]) -> Header | None:
    """The title block of an official full text, if the text opens with one."""
    titles = [i for i, line in enumerate(lines[:8]) if REPORT in line.text and len(line.text) <= MAX_TITLE
              and not is_sentence(line.text) and not DELIVERS.search(line.text)]
    # A page that shows the title twice (its headline, then the article's) or
    # over a channel label: the title is the one its title block follows.
    title_at = next((i for i in reversed(titles) if opens_title_block(lines, i + 1)), titles[0] if titles else None)
    if title_at is None:
        return untitled_official_header(lines)
    above = lines[:title_at]
    if any((len(line.text) > 30 or is_sentence(line.text)) and not is_title_block_line(line.text) for line in above):
        return None  # text above it: this is an article that mentions the report
    header = Header(title=strip_title(unmasked_title(lines, titles, title_at)), official=True)
    header.dropped = [Dropped(line.number, line.text, "above title") for line in above]
    index = read_title_block(lines, title_at + 1, header)
    congress = CONGRESS_TITLE.match(header.title)
    if congress and not header.dateline:
        # 在××县第十八届人民代表大会第三次会议上的政府工作报告: the dateline is the title's
        # (shown under it as written); the title is the report's own, composed with its place and year.
        header.dateline = congress["dateline"]
        header.block.insert(0, header.title)
        header.title = REPORT
    if not (header.dateline or header.speaker or any(OPENING.match(line.text) for line in lines[index: index + 2])):
        if title_at > 0 or lines[title_at].text != REPORT:
            return None  # a headline that only names the report: read it as an article
    header.body_start = index
    return header


def unmasked_title(lines: list[Line], titles: list[int], title_at: int) -> str:
    """The title as written, or, when it masks the place (在**县…) and the page
    showed it whole above, the whole one."""
    text = lines[title_at].text
    if not MASKED_NAME.search(text):
        return text
    shape = re.compile(MASKED_NAME.sub(lambda _: "[\u4e00-\u9fff]{1,8}", re.escape(text).replace(r"\*", "*")))
    return next((lines[i].text for i in titles if i < title_at and shape.fullmatch(lines[i].text)), text)


def read_title_block(lines: list[Line], start: int, header: Header) -> int:
    """Dateline, speaker and date lines from `start`; the index of the first line after them."""
    index = start
    while index < len(lines) and index <= start + 5:
        text = lines[index].text
        dateline = DATELINE.match(text)
        speaker = SPEAKER_LINE.match(text)
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        both = DATELINE_AND_SPEAKER.match(text) if not dateline else None
        if both and not header.dateline:  # 2026年1月27日在陕西省…会议上 陕西省省长 赵刚
            dateline, speaker = DATELINE.match(both["dateline"]), SPEAKER_LINE.match(both["speaker"])
            header.speaker = header.speaker or re.sub(r"\s+", "", speaker["name"])
        if dateline and not header.dateline:
            header.dateline = dateline["text"] or dateline["bare"]
            header.delivered = chinese_date(header.dateline)
        elif speaker and not header.speaker:
            header.speaker = re.sub(r"\s+", "", speaker["name"])
        elif OFFICE_LINE.match(text) and not header.speaker and re.fullmatch(r"[\u4e00-\u9fff·][\u4e00-\u9fff·\s]{1,5}", following):
            header.speaker = re.sub(r"\s+", "", following)  # 国务院总理 / 李　强
            header.block.append(text)
            text = following
            index += 1
        elif len(text) <= MAX_META and (DATE.fullmatch(text.strip()) or TIMESTAMP_LINE.match(text)):
            match = DATE.search(text)
            header.published = header.published or iso_date(match)
        elif not header.speaker and re.fullmatch(r"[\u4e00-\u9fff·]{2,4}", text) and OPENING.match(following):
            header.speaker = text  # the speaker's name alone, just above 各位代表：
        elif re.fullmatch(r"[(（][^()（）]{2,20}[)）]", text):
            pass  # (2026年1月26日) or (草案) under the title: part of the title block
        elif header.block and TRANSLATION.fullmatch(text):
            pass  # a bilingual text's English under each line of the block: part of it
        else:
            break
        header.block.append(text)
        index += 1
    return index


def untitled_official_header(lines: list[Line]) -> Header | None:
    """A report copied without its title: it opens with the dateline, or with 各位代表： and
    the sentence that reports to the congress. The title is composed later."""
    header = Header(has_title=False, official=True)
    start = next((i for i, line in enumerate(lines[:3]) if DATELINE.match(line.text)), None)
    if start is not None:
        header.dropped = [Dropped(line.number, line.text, "above title") for line in lines[:start] if len(line.text) <= 30]
        if len(header.dropped) < start:
            return None
        header.body_start = read_title_block(lines, start, header)
        return header
    # 各位代表： and the reporting sentence, perhaps under the speaker line (甘肃省代省长 任振鹤).
    opening_at = next((i for i, line in enumerate(lines[:4]) if OPENING.match(line.text)), None)
    if opening_at is None or not REPORTING.search(" ".join(line.text for line in lines[opening_at: opening_at + 2])):
        return None
    if opening_at and read_title_block(lines, 0, header) != opening_at:
        return None  # lines above it that are not a title block's
    header.body_start = opening_at
    return header


def opens_title_block(lines: list[Line], index: int) -> bool:
    """Whether what follows an official title starts at `index` (after the page's
    timestamp, if any): a dateline (perhaps with the speaker), a speaker line, 各位代表."""
    while index < len(lines) and TIMESTAMP_LINE.match(lines[index].text):
        index += 1
    text = lines[index].text if index < len(lines) else ""
    return bool(DATELINE.match(text) or DATELINE_AND_SPEAKER.match(text) or SPEAKER_LINE.match(text) or OPENING.match(text))


def is_title_block_line(text: str) -> bool:
    """A dateline or a speaker line: above the title when a page repeats its title block."""
    return bool(DATELINE.match(text) or DATELINE_AND_SPEAKER.match(text) or SPEAKER_LINE.match(text))


def article_header(lines: list[Line]) -> Header:
    first = lines[0].text
    if LEDE.match(first) or not is_title(first):
        # No headline: the article starts with its text; the title is composed later.
        return Header(has_title=False, body_start=0)
    header = Header(title=strip_title(first), body_start=1)
    for offset in range(1, min(4, len(lines))):
        text = lines[offset].text
        if len(text) > MAX_META or is_sentence(text):
            break
        match = DATE.search(text)
        if match:
            header.outlet = " ".join(line.text for line in lines[1:offset])
            header.date = header.published = iso_date(match)
            header.body_start = offset + 1
            break
    # A page showing its headline twice (the page's, then the article's): the second is the first again.
    while header.body_start < len(lines) and not is_sentence(first) \
            and strip_title(lines[header.body_start].text) == strip_title(first):
        header.dropped.append(Dropped(lines[header.body_start].number, lines[header.body_start].text, "title repeated"))
        header.body_start += 1
    return header


def is_title(text: str) -> bool:
    """A first line that reads as a headline rather than as the first paragraph."""
    return len(text) <= MAX_TITLE and not (is_sentence(text) and len(text) > 30)


def without_site(title: str) -> tuple[str, str]:
    """The title without the site name a page's <title> adds after it, and that name."""
    match = SITE_SUFFIX.search(title) if len(title) > 8 else None
    if not match or len(title[:match.start()]) < 4:
        return title, ""
    return title[:match.start()], (match["site"] or match["named"]).strip()


def strip_title(text: str) -> str:
    """《…》 and a （全文） label off a title: 2024年政府工作报告（全文） → 2024年政府工作报告."""
    title = re.sub(r"^《(.+)》$", r"\1", strip_markdown_heading(text).strip())
    return re.sub(r"(?<=政府工作报告)\s*(?:[(（【\[]全文[)）】\]]|全文)$", "", title)


def chinese_date(text: str) -> str:
    """ISO date of 2026年1月26日 or 二〇二六年一月二十七日 in `text` ("" if none)."""
    match = DATE.search(text)
    if not match:
        import cn2an

        match = DATE.search(cn2an.transform(text, "cn2an"))
    return iso_date(match)[:10] if match else ""
