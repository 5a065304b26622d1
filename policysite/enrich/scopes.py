"""Where a report states its targets: the year's main-targets passage, a
policy item, or a plan period — and the words that make a figure a result.

An official report states the year's targets once, in a passage opened by
`主要预期目标是：` (or `主要目标：`, `主要预期目标为`), up to the full stop
that ends it; written as a list, the passage runs over the short lines after
its colon. A plan period's goals (`“十五五”时期…主要目标是`, `到2030年`,
`年均增长`) are kept apart from the year's. Everything else a plan part
commits to is a target of a policy item.
"""

from __future__ import annotations

import re
from dataclasses import replace

# The opening of a main-targets passage.
# (主要预期目标是, 主要目标建议为, 发展的预期目标是, 经济社会发展目标是：; not 主要目标任务圆满完成)
# (…发展的预期性指标是：, as some cities write it)
MAIN_PASSAGE = re.compile(r"(?:主要|发展的?|今年的?)(?:预期)?(?:目标|(?<=预期)性指标)(?:任务)?[^，,。；;：:、和]{0,4}?(?:是|为|如下|[：:])")
# Words in the clause before it (or in a heading) that make it a plan period's.
PERIOD_WORDS = re.compile(r"十[一二三四五六]五|时期|今后五年|未来五年|五年|规划|[到至]20\d\d年")
# Words before a figure that make it a goal for several years, not the year's
# own target: 年均增长 or “十五五”时期 in its clause, 到2030年 anywhere before it
# ("2026年是“十五五”开局之年，主要预期目标是：……" stays the year's).
# (年均浓度, 年均值: a year's average, measured every year, not a goal over years.)
PERIOD_CLAUSE = re.compile(r"年均(?!浓度|值)|年平均(?!浓度|值)|期间|时期|十[一二三四五六]五|累计")
FUTURE_YEAR = re.compile(r"[到至](20\d\d)年")
# Words that make a figure a result wherever it stands: 超年度计划28%, 完成年度计划的112%.
DONE = re.compile(r"超(?:额完成)?(?:年度|全年|序时)?(?:计划|目标)|完成(?:年度|全年)?(?:计划|目标)的|完成率|好于预期|高于预期")
# A list line of a passage written one target a line.
LIST_LINE = re.compile(r"^(?:——|—|－|-|·|•|\d{1,2}[.．、]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]+是)")
LIST_LINE_LENGTH = 120


def passage_kind(text_before: str) -> str:
    """'main' for the year's passage, 'period' for a plan period's, judged by
    the clause that opens it: `2026年是“十五五”开局之年，主要预期目标是` is the year's."""
    clause = re.split(r"[，,。；;]", text_before)[-1]
    return "period" if PERIOD_WORDS.search(clause) else "main"


def heading_passage(heading: str) -> str:
    """A heading that is only the main targets (（一）主要预期目标) makes its
    whole block a passage; one that also names tasks (总体要求、主要目标和重点任务) does not."""
    name = re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]?", "", heading.strip())
    if not re.search(r"主要(?:预期)?目标", name) or len(name) > 16 or re.search(r"任务|要求|工作|举措|完成", name):
        return ""
    return "period" if PERIOD_WORDS.search(name) else "main"


# A paragraph that opens looking back: its sentences report results (过去一年，…。国内生产总值增长10.3%，…).
LOOKING_BACK = re.compile(r"^(?:(?:刚刚)?过去的?(?:一|五)年|去年|上一年|一年来|五年来)")
# A news report's attribution before what the report says: 李明在报告中指出，… / 报告显示，….
ATTRIBUTION = re.compile(r"^[^，,。；;]{0,16}(?:指出|表示|强调|介绍|说|提到|显示|透露|称)[，,：:]")
# A sentence that opens on the year before the report's (刚刚过去的2025年，…; 过去的2025年): it looks back too.
LOOKED_BACK_YEAR = re.compile(r"^(?:刚刚)?(?:过去的)?(20\d\d)年[，,是]")
# A sentence that turns to the year ahead: looking back ends there.
LOOKING_AHEAD = re.compile(r"^(?:今年|明年|我们将|我们要)")


def opening(sentence: str) -> str:
    """A sentence as it opens, after a news report's attribution (李明在报告中指出，)."""
    sentence = sentence.strip()
    return sentence[ATTRIBUTION.match(sentence).end():] if ATTRIBUTION.match(sentence) else sentence


def looks_back(sentence: str, year: str) -> bool:
    """A sentence that opens looking back on the year before the report (or earlier)."""
    sentence = opening(sentence)
    if LOOKING_BACK.match(sentence):
        return True
    found = LOOKED_BACK_YEAR.match(sentence)
    return bool(found and year.isdigit() and int(found[1]) < int(year))


def year_passage(opening: str, year: str) -> bool:
    """An opening that names the report's own year (今年, 2026年, 预期目标): its passage
    holds the year's targets even under a heading about a plan period
    (二、“十五五”时期目标任务和2026年工作安排 … 今年…主要预期目标是：)."""
    return bool(re.search(r"今年|本年|预期" + (f"|{year}年" if year else ""), opening))


def period_heading(headings: str) -> bool:
    """A part about a plan period (二、“十五五”时期主要目标任务): its targets span years."""
    return bool(re.search(r"十[一二三四五六]五|今后五年|未来五年", headings))





def running_heading(paragraph: str) -> bool:
    """A short line without a sentence's punctuation that names a review or a plan (2024年工作回顾,
    2025年主要工作安排): a heading left in the text, not a sentence."""
    line = paragraph.strip()
    return len(line) <= 20 and not re.search(r"[。，,；;：:！？!?、]", line) \
        and bool(re.search(r"工作回顾|回顾|工作安排|重点工作|主要任务|目标任务", line))


# A sentence that ends a passage: the reasons and the work that follow it.
PASSAGE_END = re.compile(r"^(?:实现|完成|为实现|要实现|确保实现)?(?:这些|上述|以上|今年|全年)(?:预期)?目标|主要考虑|^做好|^我们将|^为此"
                         r"|着重说明|需要说明|^提出|的(?:增长|预期)?目标[，,]")
FIGURE_HINT = re.compile(r"\d|百分之")
SHORT_SENTENCE = 40


def passages(paragraphs: list[str], block_kind: str, heading_period: bool = False,
             year: str = "") -> list[list[tuple[str, str]]]:
    """Each paragraph's sentences with the passage each stands in ('main',
    'period' or ''). A passage runs from its opening through the sentences
    that list targets (each holds a figure, or is short), to the end of its
    paragraph; an opening that ends its paragraph with a colon continues over
    the next paragraph and the list lines after it. A heading naming the main
    targets opens one at the top of its block. Under a heading about a plan
    period, a passage is the year's only when its opening names the year
    (year_passage). An opening cut over two lines (…主要预期目标 / 是：…)
    is read across the cut."""
    out = []
    open_kind, lines_after, listing = block_kind, 0, bool(block_kind)
    carried = ""  # the unfinished end of the paragraph before
    for paragraph in paragraphs:
        sentences = re.findall(r"[^。！？；!?;]+[。！？；!?;]?", paragraph)
        long_prose = len(paragraph) > LIST_LINE_LENGTH and not LIST_LINE.match(paragraph)
        if not listing or "\t" in paragraph or lines_after and long_prose:
            open_kind = ""  # past the paragraph after the colon, only list lines continue a passage
        lines_after += 1
        row = []
        for number, sentence in enumerate(sentences):
            joined = carried + sentence if number == 0 else sentence
            opening = MAIN_PASSAGE.search(joined)
            if opening and (number or opening.end() > len(carried)):
                open_kind, lines_after = passage_kind(joined[:opening.start()]), 0
                if open_kind == "main" and heading_period and not year_passage(joined, year):
                    open_kind = "period"
            elif open_kind and (PASSAGE_END.search(sentence.strip())
                                or not FIGURE_HINT.search(sentence) and len(sentence) > SHORT_SENTENCE
                                and not sentence.rstrip().endswith(("；", ";"))):  # a target in words, listed with ；
                open_kind = ""
            row.append((sentence, open_kind))
        # A colon opens a list below; a list line ending in 。 is its last.
        ending = paragraph.rstrip()
        listing = bool(open_kind) and (ending.endswith(("：", ":"))
                                       or listing and not ending.endswith(("。", "！", "!")))
        out.append(row)
        # A line cut right after the opening's noun (…主要预期目标 / 是：…) carries it to the next.
        cut = bool(sentences) and re.search(r"目标(?:任务)?$", paragraph.rstrip())
        carried = (joined if len(sentences) == 1 else sentences[-1])[-SHORT_SENTENCE:] if cut else ""
    return out


# A sentence that names the year's expected targets outside a passage (news: 今年GDP预期增长6.5%左右).
EXPECTED = re.compile(r"预期|主要目标")


def without_passage(figures: list) -> list:
    """A report with no main-targets passage (a news summary, an explainer): its targets whose
    own sentence says they are the year's expected ones stand for its main targets."""
    if any(f.scope == "main" for f in figures):
        return figures
    # (纲要…今后五年…16个预期性指标 is a plan's count of its indicators, not the year's target.)
    return [replace(f, scope="main") if f.scope == "item" and EXPECTED.search(f.sentence)
            and not PERIOD_WORDS.search(f.sentence) else f for f in figures]


def spans_years(before: str, year: str) -> bool:
    """The words before a figure make it a goal for several years."""
    clause = re.split(r"[，,：:]", before)[-1]
    if PERIOD_CLAUSE.search(clause):
        return True
    return any(year and int(found) > int(year) for found in FUTURE_YEAR.findall(before))


def scope_of(before: str, passage: str, headings_period: bool, year: str) -> str:
    """A target's scope: main (the year's passage), period (a plan period's), item (a policy item's).
    (A main passage under a period heading was judged by its opening: see passages.)"""
    if passage == "period" or headings_period and passage != "main" or spans_years(before, year):
        return "period"
    return "main" if passage == "main" else "item"
