"""What the header lacks, read from the whole document: the place and its
level, the year planned for, the speaker, the kind of text and a full title.

`complete` returns a new Document with them (the one parse made is left as it
was) and a warning for every guess, saying which sidecar key settles it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lang import places
from ..model import Document
from .header import OFFICE, REPORT, REPORTING, SPEAKER_LINE, Header

SPEAKER_IN_TEXT = re.compile(rf"{OFFICE}(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?:代表|向大会|作)")
CONGRESS = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,16}?)第?[一二三四五六七八九十]{1,3}届人民代表大会")
# Part headings that name the year planned for: 2026年重点工作, 2026年工作安排.
PLAN_YEAR = re.compile(r"((?:19|20)\d\d)年(?:政府)?(?:重点工作|工作安排|工作任务|主要任务|政府工作任务|经济社会发展|主要预期目标|工作建议)")
# 一、2014年工作回顾 / 2025年工作总结: the year reviewed, before the one planned for.
REVIEW_YEAR = re.compile(r"((?:19|20)\d\d)年(?:政府)?(?:工作)?(?:回顾|总结)")
# “十二五”: the twelfth five-year plan (the third ran 1966–1970, each since five years on).
FIVE_YEAR_PLAN = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?")
THIS_YEAR_OF_PLAN = re.compile(r"今年是[“\"]?十([一二三四五六七八九])五[”\"]?(?:规划)?(?:的)?(开局|起步|收官|决胜|最后一)")
# The national report: the State Council's, to the National People's Congress.
NATIONAL = re.compile(r"全国人民代表大会第[一二三四五六七八九十]+次会议|我代表国务院|国务院总理")
NATION = "全国"
DIGEST = re.compile(r"摘登|摘编|摘要|要点|节选")
EXPLAINER = re.compile(r"解读|一图|读懂|关键词|看点|划重点|速览|图解|要点")


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
    if not candidates and re.search(r"人民政府|政府网|门户网站|年鉴", header.outlet):
        # Copied from a government's own site or yearbook (its name after the page title): its place.
        candidates = places.mentioned(header.outlet, short_counties=True)
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
