"""Document metadata from the text: title, place, level, year, dates, speaker, outlet, kind.

Two shapes of header are read. An official full text opens with a title block:

    2026年广东省政府工作报告            (or a bare 政府工作报告)
    ——2026年1月26日在广东省第十四届人民代表大会第五次会议上
    广东省省长 孟凡利
    各位代表：

News coverage opens with a headline, then outlet and date lines, or with no
headline at all ("南都讯 1月20日，……"). What the header lacks is read from the
text (the congress sentence of a news lede, the part headings) and said to be
a guess, with the sidecar key that settles it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..lang import places
from ..lang.patterns import DATE, is_sentence, iso_date, strip_markdown_heading
from ..model import Document, Dropped, Line

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
SPEAKER_IN_TEXT = re.compile(rf"{OFFICE}(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?:代表|向大会|作)")
CONGRESS = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,16}?)第?[一二三四五六七八九十]{1,3}届人民代表大会")
# A lede without a headline: 南都讯 1月20日，…; 新华社广州1月26日电 …
LEDE = re.compile(r"^(?:\S{1,10}讯|(?:新华社|中新社|本报|中新网)\S{0,12}电)")
# Part headings that name the year planned for: 2026年重点工作, 2026年工作安排.
PLAN_YEAR = re.compile(r"((?:19|20)\d\d)年(?:政府)?(?:重点工作|工作安排|工作任务|主要任务|政府工作任务|经济社会发展|主要预期目标|工作建议)")
# 一、2014年工作回顾 / 2025年工作总结: the year reviewed, before the one planned for.
REVIEW_YEAR = re.compile(r"((?:19|20)\d\d)年(?:政府)?(?:工作)?(?:回顾|总结)")
# “十二五”: the twelfth five-year plan (the third ran 1966–1970, each since five years on).
FIVE_YEAR_PLAN = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?")
THIS_YEAR_OF_PLAN = re.compile(r"今年是[“\"]?十([一二三四五六七八九])五[”\"]?(?:规划)?(?:的)?(开局|起步|收官|决胜|最后一)")
OPENING = re.compile(r"^各位代表[:：，,!！]?")
# Asterisks standing for a name a copy masked: 在**县第十八届人民代表大会….
MASK = re.compile(r"\*{2,}(?=[省市县区州盟旗镇乡村])")
# The national report: the State Council's, to the National People's Congress.
NATIONAL = re.compile(r"全国人民代表大会第[一二三四五六七八九十]+次会议|我代表国务院|国务院总理")
NATION = "全国"
# The opening sentence of an official report: 我代表××人民政府（国务院），向大会报告工作.
REPORTING = re.compile(r"我(?:受国务院的委托|代表(?:国务院|[\u4e00-\u9fff]{0,14}人民政府))[，,]?\s*向(?:本次)?大会(?:报告|作)")
DIGEST = re.compile(r"摘登|摘编|摘要|要点|节选")
EXPLAINER = re.compile(r"解读|一图|读懂|关键词|看点|划重点|速览|图解|要点")


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
    header.outlet = header.outlet or facts.get("outlet", "") or facts.get("publisher", "")
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
    if not (header.dateline or header.speaker or any(OPENING.match(line.text) for line in lines[index: index + 2])):
        if title_at > 0 or lines[title_at].text != REPORT:
            return None  # a headline that only names the report: read it as an article
    header.body_start = index
    return header


def unmasked_title(lines: list[Line], titles: list[int], title_at: int) -> str:
    """The title as written, or, when it masks the place (在**县…) and the page
    showed it whole above, the whole one."""
    text = lines[title_at].text
    if not MASK.search(text):
        return text
    shape = re.compile(MASK.sub(lambda _: "[\u4e00-\u9fff]{1,8}", re.escape(text).replace(r"\*", "*")))
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
    return header


def is_title(text: str) -> bool:
    """A first line that reads as a headline rather than as the first paragraph."""
    return len(text) <= MAX_TITLE and not (is_sentence(text) and len(text) > 30)


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


# --- what the header lacks, from the whole document -------------------------------------


def complete(document: Document, header: Header, sidecar: dict) -> tuple[Document, list[str]]:
    """The document with place, level, year, speaker, kind and a full title filled
    in (a new Document: the one given is left as it was), and warnings for guesses."""
    text = " ".join(document.intro[:6] + [p for s in document.sections[:3] for p in s.paragraphs[:3]])
    warnings = []

    place = None
    facts: dict[str, str] = {}
    national = not sidecar.get("place") and is_national(header, text)
    if national:
        facts.update(place=NATION, place_name=NATION, level=NATION)
    elif sidecar.get("place"):
        place = places.resolve([sidecar["place"]])
        if place is None:
            warnings.append(f"sidecar place {sidecar['place']!r} is not a Chinese administrative division")
    if place is None and not national:
        place = find_place(document.title if header.has_title else "", header, text)
        if place is None and header.official:
            place = most_named(document)
            if place is not None:
                warnings.append(f"place {place.full} read from how often the text names it (the title block names none): "
                                "set `place:` in the sidecar if it is another")
        if place is None:
            warnings.append("place not found in the title block or the opening text: set `place:` in the sidecar")
    if place is not None:
        facts.update(place=place.short, place_name=place.full, place_code=place.code, level=place.level)

    if sidecar.get("year"):
        facts.update(year=str(sidecar["year"]), year_from="sidecar")
    else:
        facts["year"], facts["year_from"] = find_year(document, header)
    if not facts["year"]:
        warnings.append("year not found: set `year:` in the sidecar")
    elif facts["year_from"] == "timestamp":
        warnings.append(f"year {facts['year']} read from a publication date only: set `year:` in the sidecar")

    document = replace(
        document, **facts, speaker=header.speaker or (m["name"] if (m := SPEAKER_IN_TEXT.search(text)) else ""),
        delivered=header.delivered, published=header.published, title_block=header.block,
    )
    document = replace(document, kind=kind_of(document, header))
    warnings += truncation_warnings(document, header)

    if not sidecar.get("title"):
        title, guessed = full_title(document, header)
        if guessed:
            warnings.append(f"title composed as {title!r} (the text has no headline): set `title:` in the sidecar")
        document = replace(document, title=title)
    return document, warnings


def find_place(title: str, header: Header, text: str) -> places.Place | None:
    candidates = places.mentioned(title, short_counties=True)
    candidates += places.mentioned(header.dateline)
    # 甘肃省代省长 任振鹤: the office the speaker holds is the place's.
    candidates += [name for line in header.block if (m := SPEAKER_LINE.match(line)) for name in places.mentioned(m["office"])]
    congress = CONGRESS.search(header.dateline) or CONGRESS.search(text)
    if congress:
        candidates += places.mentioned(congress["place"])
    if not candidates:
        # 荔湾区人民政府, 广东省人民政府: the government the text speaks for.
        government = re.findall(r"([\u4e00-\u9fff]{2,12}?[省市区县州旗盟])人民政府", text)
        candidates = [name for g in government for name in places.mentioned(g)]
    return places.resolve(candidates, context=text) if candidates else None


# A place the text names this often, and twice as often as any other, is the one it reports on.
MOST_NAMED = 5
# 我代表省人民政府 (a government that does not say its name), or 我代表青禾区人民政府.
GOVERNMENT_LEVEL = re.compile(r"我代表(?P<name>[\u4e00-\u9fff]{0,10}?)(?P<level>省|自治区|市|区|县|州|旗)人民政府")
# The levels of division a government of that name is (a 市 may be 北京, a province-level city).
GOVERNMENT_LEVELS = {"省": (places.PROVINCE,), "自治区": (places.PROVINCE,), "市": (places.PROVINCE, places.CITY),
                     "州": (places.CITY,), "区": (places.COUNTY,), "县": (places.COUNTY,), "旗": (places.COUNTY,)}


def most_named(document: Document) -> places.Place | None:
    """The province or city an official text names most (现代化河南建设 … 河南), when
    no line of its title block names one; None unless it stands out from the
    places outside it."""
    text = "".join(document.intro + [p for s in document.sections for p in s.paragraphs])[:20000]
    # 我代表省人民政府: a province's report, whatever city it names most (its capital).
    government = GOVERNMENT_LEVEL.search(text)
    if government and government["name"]:
        return None  # it names itself, and not as a division we know: no guess
    levels = GOVERNMENT_LEVELS[government["level"]] if government else (places.PROVINCE, places.CITY)
    counts: dict = {}
    for name in places.mentioned(text):
        for place in places.names().get(name, []):
            if place.level in levels:
                counts[place] = counts.get(place, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].code))
    if not ranked or ranked[0][1] < MOST_NAMED:
        return None
    top, count = ranked[0]
    # Its own cities (郑州 in 河南's report) and its province (浙江 in 宁波's) do not compete with it.
    others = [n for place, n in ranked[1:] if place not in top.ancestors() and top not in place.ancestors()]
    return top if not others or count >= 2 * others[0] else None


def find_year(document: Document, header: Header) -> tuple[str, str]:
    """The year the report plans for, and where it was read: the title's, the
    dateline's, a plan part's, the publication's (a timestamp: said so)."""
    title_year = re.search(r"((?:19|20)\d\d)", document.title) if header.has_title else None
    if title_year:
        return title_year.group(1), "title"
    if header.delivered:
        # Delivered in November or December (南昌, 2022年12月22日): for the year about to begin.
        year, month = int(header.delivered[:4]), int(header.delivered[5:7])
        return str(year + 1 if month >= 11 else year), "dateline"
    headings = [s.heading for s in document.sections] + [p.heading for p in document.parts]
    planned = [m.group(1) for heading in headings if (m := PLAN_YEAR.search(heading))]
    if planned:
        return max(planned), "plan part"
    reviewed = [int(m.group(1)) + 1 for heading in headings if (m := REVIEW_YEAR.search(heading))]
    if reviewed:
        return str(max(reviewed)), "review part"   # 一、2014年工作回顾: the report plans for 2015
    period = plan_period_year(headings, " ".join(document.intro + [p for s in document.sections[:2] for p in s.paragraphs]))
    if period:
        return period, "plan period"
    if header.date:
        return header.date[:4], "timestamp"
    years = re.findall(r"((?:19|20)\d\d)年", " ".join(document.intro[:3]))
    return (max(years), "text") if years else ("", "")


def is_national(header: Header, text: str) -> bool:
    """The State Council's report to the National People's Congress (国务院, 全国人民代表大会, 国务院总理)."""
    if header.dateline:
        return bool(NATIONAL.search(header.dateline))
    # Without a dateline: the speaker line (国务院总理) or the opening sentence (我代表国务院), not any mention.
    return header.official and bool(NATIONAL.search(" ".join(header.block)) or re.search(r"我(?:代表|受)国务院", text[:300]))


def starts_mid_report(document: Document, header: Header) -> bool:
    """Page 2 of N: no title block, the first heading numbered （二） or later, and the report's 各位代表！ (or 各位代表，)."""
    opening = document.sections[0].part or document.sections[0] if document.sections else None
    first = re.match(r"[(（]([二三四五六七八九十]+)[)）]|([二三四五六七八九十]+)、", opening.heading) if opening else None
    return not header.official and bool(first) \
        and any(re.search(r"各位代表[！!，,]", p) for s in document.sections for p in s.paragraphs)


def truncation_warnings(document: Document, header: Header) -> list[str]:
    """A copy of page 1 of N, or one that starts mid-report: which end is missing."""
    if starts_mid_report(document, header):
        return ["the start is missing (no title, dateline or 各位代表： opening): the rest is built; "
                "set `title:`, `place:` and `year:` in the sidecar"]
    if document.kind != "official":
        return []
    paragraphs = [p for s in document.sections for p in s.paragraphs] or document.intro
    last = paragraphs[-1].rstrip() if paragraphs else ""
    if last and not re.search(r"[。！!？?；;：:…）)][”」』]?$", last):
        return [f"the end is missing: the text stops mid-sentence ({last[-12:]!r}); the rest is built"]
    return []


def plan_period_year(headings: list[str], text: str) -> str:
    """今年是“十二五”收官之年 → 2015; a part reviewing “十一五”时期 → 2011 (the next plan's first year)."""
    def first_year(numeral: str) -> int:
        return 1966 + 5 * ("一二三四五六七八九".index(numeral) + 11 - 3)

    this_year = THIS_YEAR_OF_PLAN.search(text)
    if this_year:
        start = first_year(this_year.group(1))
        return str(start + 4 if this_year.group(2) in ("收官", "决胜", "最后一") else start)
    for heading in headings:
        plan = FIVE_YEAR_PLAN.search(heading)
        if plan and "回顾" in heading:
            return str(first_year(plan.group(1)) + 5)
    return ""


def kind_of(document: Document, header: Header) -> str:
    if DIGEST.search(document.title):
        return "news"   # 政府工作报告（摘登）: a digest is not the report
    if header.official or REPORTING.search(" ".join(document.intro[:3])) or starts_mid_report(document, header):
        return "official"
    if document.title and EXPLAINER.search(document.title):
        return "explainer"
    if document.sections and all(re.match(r"^\d{1,2}[.．、]", s.heading) for s in document.sections):
        return "list"
    return "news"


def full_title(document: Document, header: Header) -> tuple[str, bool]:
    """The title to show, and whether it was composed for want of one.

    An official title that lacks the place or the year (a bare 政府工作报告)
    gets them: 2026年广东省政府工作报告.
    """
    place, year = document.place_name, document.year
    if place == NATION:
        place = ""  # the national report is the 政府工作报告: 2024年政府工作报告
    if not header.has_title:
        return (f"{year}年{place}{REPORT}" if place or year else document.title or REPORT), not header.official
    title = document.title
    if header.official and REPORT in title:
        has_place = bool(place) and (document.place in title or place in title)
        has_year = bool(year) and year in title
        if not has_place and place:
            title = title.replace(REPORT, f"{place}{REPORT}", 1)
        if not has_year and year:
            title = f"{year}年{title}"
    return title, False
