"""数读: every number a report commits to or reports, with its unit, its
qualifier, what it measures, and whether it is a target, a result or a baseline.

Arabic figures are taken, and Chinese-numeral percentages (百分之五, read by
cn2an). Otherwise Chinese numerals name things in this genre rather than
quantities (三大平台, 六稳, 八大提质工程, 三年行动计划); dates (2022年, 1月20日,
5·21, 2022-01-21), formulas (3+2) and names (1906科技园, 5G, 3D) are not figures.

A sentence is read clause by clause:
  - a qualifier belongs to the figure it is written against (约1500亿元,
    5%左右, 控制在3%以内); 力争/确保 reach to the end of the sentence or `；`;
  - `A、B分别增长4.5%、5.5%` gives each item its own figure, in order;
  - `从53.4%提高到63%以上` is a baseline and a target; `较…的9323.1亿元` a baseline;
  - a figure in a review part (工作回顾, 过去一年) is a result, in a plan part
    (工作安排, 主要预期目标, 重点工作) a target, unless its sentence says otherwise.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, replace

from ..model import Document
from . import scopes

# Units, longest first where one begins another (个百分点 / 个月 / 个; 万亿元 / 亿元).
UNIT_KINDS = {
    "percent": ["个百分点", "%", "‰"],
    "money": ["万亿元", "亿元", "万元", "元", "亿美元", "万美元", "美元"],
    "area": ["平方公里", "万平方米", "平方米", "万亩", "亩"],
    "length": ["公里", "千米"],
    "concentration": ["微克/立方米", "毫克/立方米"],
    "energy": ["亿千瓦时", "万千瓦时", "千瓦时", "万千瓦", "千瓦", "万吨标准煤", "吨标准煤"],
    "weight": ["万亿斤", "亿斤", "万斤", "亿吨", "万吨", "吨"],
    "volume": ["亿立方米", "万立方米", "立方米"],
    "duration": ["个工作日", "工作日", "个月", "小时", "分钟"],
    "ratio": ["倍"],
    "count": ["万人次", "人次", "万人", "人", "万户", "户", "万家", "家", "万名", "名", "万个", "个", "万辆", "辆",
              "万件", "件", "万套", "套", "万张", "张", "万台", "台", "批次", "批", "座", "所", "项", "条", "间", "场",
              "次", "处", "栋", "位", "支", "艘", "架", "款", "种", "部", "宗", "大"],
}
KIND = {unit: kind for kind, units in UNIT_KINDS.items() for unit in units}
UNITS = "|".join(re.escape(unit) for unit in sorted(KIND, key=len, reverse=True))

NUMBER = r"\d+(?:\.\d+)?"
DASH = r"(?:——|[-—–―~～至到])"
FIGURE = re.compile(
    rf"(?<![\d.·:/+\-A-Za-z])(?P<value>{NUMBER}(?:%?\s*{DASH}\s*{NUMBER})?)\s*"
    rf"(?P<unit>{UNITS})(?P<after>以上|以下|左右|以内|之内|内)?(?![\d·:/A-Za-z])"
)
CHINESE_PERCENT = re.compile(r"百分之(?P<number>[零〇一二两三四五六七八九十百点]+)(?P<after>以上|以下|左右|以内)?")
# Full-width digits and signs read as ASCII, position for position.
HALF_WIDTH = str.maketrans("０１２３４５６７８９％．－～", "0123456789%.-~")

# Qualifiers written against a figure, and how they read in English.
BEFORE = {"约": "about", "超过": "more than", "超": "more than", "突破": "more than", "不少于": "at least",
          "不低于": "at least", "至少": "at least", "高于": "more than", "低于": "less than", "不超过": "at most",
          "控制在": "at most", "达到": "", "达": "", "近": "nearly", "按": ""}
AFTER = {"以上": "at least", "以下": "at most", "左右": "about", "以内": "at most", "之内": "at most", "内": "at most"}
AIMS = {"力争": "aim", "确保": "ensure"}
MEANINGS = {**AIMS, **BEFORE, **AFTER, "争取更好结果": "aim higher"}
BEFORE_LONGEST_FIRST = sorted(BEFORE, key=len, reverse=True)   # 超过 before 超
HIGHER = "争取更好结果"

LEADING = re.compile(
    r"^(?:其中|今年|明年|全年|每年|[一二三四五六七八九十两\d]+年)?(?:全省|全市|全区|全县|全州|全盟)?"
    r"(?:有序|全面|大力|加快|积极|深入|重点)?"
    r"(?:实施|建设|推进|完成|打造|推出|启动|开展|拆除|推动|引进|培育|发展|实现)?"
)
TRAILING = re.compile(r"(?:下降到|降到|降至|提高到|提升到|增加到|达到|完成|达|为|约|超过|超|不少于|不低于|至少|近|控制在|突破|按|到"
                      r"|跨过|跨越|迈上|站上|接近|接)$")  # (接: 接近 before its 近 was read as a qualifier)
VERBS = "增长|下降|提高|提升|降低|增加|减少|上涨|上升|扩大|缩小"
SINCE = re.compile(r"^(?:比上年|比去年|同比|较上年|较去年)")  # 比上年增长5.4%: the growth of the clause before

# Where a figure stands: a part or section heading that looks back, or ahead.
REVIEW = re.compile(r"回顾|过去|成绩|成就|成效|总结|取得|完成情况|完成值|执行情况|实际|实绩")
PLAN = re.compile(r"安排|目标|任务|重点工作|计划|展望|部署|打算|总体要求|思路|建议")
# What a sentence says about its figures.
TARGET_WORDS = re.compile(r"力争|确保|预期|目标|计划|争取|到20\d\d年|今年|年底前|左右|以上目标|安排")
RESULT_WORDS = re.compile(r"比上年|同比|增长了|下降了|实现了|完成了|达到了|过去一年|去年|上年|累计|已经|取得|超额")
# A sentence about the congress sitting, as news of it gives: its attendance, not a figure of the report.
CONGRESS_ITSELF = re.compile(r"应到[^，,。；;]{0,8}\d|实到[^，,。；;]{0,8}\d|符合法定人数")
BASELINE_BEFORE = re.compile(r"(?:[从由]|较|比(?:上年|去年|20\d\d年))[^，,；;。]{0,16}?$")

# The main indicators, named alike across reports (the report's words stay in `measure`).
INDICATORS = [
    # The economy's own growth, not a sector's (海洋经济增长, 人均地区生产总值): the measure begins with it.
    ("地区生产总值增长", r"^(?:地区|国内)?(?:生产总值|GDP|经济)(?:总量)?(?:全年)?(?:比上年|同比|预计|预期|实际|年均|年平均)?(?:增长|增速)", "percent"),
    ("地区生产总值", r"^(?:地区|国内)?(?:生产总值|GDP)|^经济总量", "money"),
    ("一般公共预算收入增长", r"一般公共预算(?:总)?收入.{0,6}增长", "percent"),
    ("一般公共预算收入", r"一般公共预算(?:总)?收入", "money"),
    ("城镇新增就业", r"城镇新增就业|新增城镇就业|新增就业", "count"),
    ("城镇登记失业率", r"登记失业率", "percent"),
    ("城镇调查失业率", r"调查失业率|失业率", "percent"),
    ("居民消费价格涨幅", r"居民消费价格|CPI|物价", "percent"),
    ("城镇居民人均可支配收入增长", r"城镇(?:常住)?居民人均可支配收入", "percent"),
    ("农村居民人均可支配收入增长", r"农村(?:常住)?居民人均可支配收入", "percent"),
    ("居民人均可支配收入增长", r"居民(?:人均可支配)?收入", "percent"),
    ("粮食产量", r"粮食(?:总)?产量|粮食产能", "weight"),
    ("固定资产投资增长", r"固定资产投资", "percent"),
    ("社会消费品零售总额增长", r"社会消费品零售总额|社零", "percent"),
    ("规模以上工业增加值增长", r"规模以上工业增加值|规上工业增加值|规模工业增加值", "percent"),
    ("外贸进出口增长", r"进出口|外贸", "percent"),
    ("单位地区生产总值能耗", r"单位(?:地区|国内)?生产总值能耗|单位GDP能耗|能耗强度", "percent"),
    ("研发经费投入强度", r"(?:研发|R&D)(?:经费)?(?:投入)?强度|(?:研发|R&D)经费(?:投入|支出)?(?:占|相当于)|(?:研发|R&D)投入占", "percent"),
    ("细颗粒物浓度", r"PM2\.5|细颗粒物", "concentration"),
    ("空气质量优良天数比例", r"优良天数", "percent"),
]


@dataclass(frozen=True)
class Figure:
    value: str          # as written: "5.5", "2-3", "1至2", "4.5%—5"
    unit: str           # "%", "亿元", "家" …
    text: str           # the figure as written, with the qualifiers next to it: "约1500亿元", "6%以上"
    qualifier: str      # Chinese qualifiers, space separated: "力争 以上"
    meaning: str        # the same in English: "aim, at least"
    measure: str        # what is counted, in the report's words: "地区生产总值增长", "5G基站"
    kind: str           # percent / money / area / count / …
    sentence: str
    section: int        # 1-based section position; 0 for the intro and parts' own text
    line: int           # source line of the paragraph
    low: float
    high: float
    role: str = "target"    # target / result / baseline
    indicator: str = ""     # a main indicator's common name: "地区生产总值增长"
    item: str = ""          # of a 分别 list: the item this value belongs to
    scope: str = ""         # of a target: main (the year's main-targets passage), item (a policy item's), period (a plan period's)


# Figures of the reports read lately, by the text they were read from: under
# `mkdocs serve` a save re-reads only the report it changed.
REMEMBERED: OrderedDict[tuple, tuple[Figure, ...]] = OrderedDict()
REMEMBER_REPORTS = 2048


def extract(document: Document) -> list[Figure]:
    """Every figure of the intro, the parts' own text and the sections, in article order."""
    # A part's own text (二、2026年工作安排 … 主要预期目标是：) belongs to no page section: with the intro.
    blocks = [(0, tuple(document.intro), tuple(document.intro_lines), "", "")]
    blocks += [(0, tuple(part.paragraphs), tuple(part.paragraph_lines), part.heading, part.heading) for part in document.parts]
    blocks += [
        (position, tuple(s.paragraphs), tuple(s.paragraph_lines), f"{s.part.heading if s.part else ''} {s.heading}", s.heading)
        for position, s in enumerate(document.sections, 1)
    ]
    key = (document.year, tuple(blocks))  # everything the figures are read from
    if key in REMEMBERED:
        REMEMBERED.move_to_end(key)
    else:
        REMEMBERED[key] = tuple(scopes.without_passage(read_blocks(blocks, document.year)))
        if len(REMEMBERED) > REMEMBER_REPORTS:
            REMEMBERED.popitem(last=False)
    return list(REMEMBERED[key])


def read_blocks(blocks: list[tuple], year: str) -> list[Figure]:
    figures: list[Figure] = []
    for position, paragraphs, lines, headings, own_heading in blocks:
        context = stance(headings, year)
        period = scopes.period_heading(headings)
        header: list[str] = []
        marked = scopes.passages(list(paragraphs), scopes.heading_passage(own_heading), period, year)
        for paragraph, line, sentences in zip(paragraphs, lines, marked):
            if "\t" in paragraph:  # a row of a flattened table: its first cell names the measure
                row = row_figures(paragraph, position, line, context, year, header)
                if not row and not header:
                    header = paragraph.split("\t")  # 指标 / 2026年目标 / 2025年完成
                figures += row
                continue
            header = []
            if scopes.running_heading(paragraph):
                # An unnumbered heading the outline left in the text (2024年工作回顾): it sets the stance below it.
                context = stance(paragraph, year) or context
            looking_back = context
            for sentence, passage in sentences:
                # 过去一年，… opens a look back over the rest of its paragraph, up to 今年…
                if scopes.looks_back(sentence, year):
                    looking_back = "result"
                elif passage or scopes.LOOKING_AHEAD.match(scopes.opening(sentence)):
                    looking_back = context
                figures += sentence_figures(sentence, position, line, looking_back, year, passage, period)
    return figures


def stance(headings: str, year: str) -> str:
    """'result' under a heading that looks back, 'target' under one that plans, else ''."""
    years = [int(y) for y in re.findall(r"(20\d\d)年", headings)]
    if years and year and max(years) < int(year):
        return "result"
    if REVIEW.search(headings) and not PLAN.search(headings):
        return "result"
    if PLAN.search(headings):
        return "target"
    return ""


def sentence_figures(sentence: str, position: int, line: int, context: str, year: str,
                     passage: str = "", period: bool = False) -> list[Figure]:
    """The figures of one sentence. `passage` is 'main' or 'period' inside a
    main-targets passage; `period` says the part is about a plan period."""
    found: list[Figure] = []
    if CONGRESS_ITSELF.search(sentence):
        return found  # 应到代表210名，实到198名: a news report's count of the congress, not the report's
    plain = sentence.translate(HALF_WIDTH)
    matches = [(m.start(), m.end(), m["value"], m["unit"], m["after"] or "") for m in FIGURE.finditer(plain)
               if not (m["unit"] == "大" and not re.match(r"[\u4e00-\u9fff]", plain[m.end():]))]
    matches += [(m.start(), m.end(), chinese_percent(m["number"]), "%", m["after"] or "") for m in CHINESE_PERCENT.finditer(plain)]
    matches = [m for m in sorted(matches) if m[2]]
    pairs = respectively(plain, matches)
    previous_end, pending_from = 0, ""
    for start, end, value, unit, after in matches:
        if unit in ("位", "名") and plain[max(0, start - 1):start] in ("前", "第"):
            continue  # a rank (居全国前10位), not a quantity
        clause_start = max(plain.rfind(mark, 0, start) for mark in ",，、;；:：") + 1
        before = plain[clause_start:start]
        scope_start = max(plain.rfind(mark, 0, start) for mark in ";；") + 1
        if passage:  # a passage lists targets clause by clause: 力争 is its own clause's
            scope_start = max(plain.rfind(mark, 0, start) for mark in ",，;；:：") + 1
        aims = [word for word in AIMS if word in plain[scope_start:start]]
        qualifiers = list(aims)
        written = ""   # a qualifier written against the number: 约, 超, 不少于
        bare = before
        for word in BEFORE_LONGEST_FIRST:
            if bare.endswith(word):
                if BEFORE[word]:
                    qualifiers.append(word)
                    written = word
                bare = bare[: -len(word)]
                break
        if after:
            qualifiers.append(after)
        if HIGHER in plain[end:end + 24]:
            qualifiers.append(HIGHER)

        between = plain[previous_end:start]
        role = ""
        if re.search(r"[从由]$", bare.strip()) or BASELINE_BEFORE.search(bare) and not re.search(VERBS, bare):
            # 从53.4%提高到…, 较“十三五”末的9323.1亿元: the figure compared with, of what stands before.
            role = "baseline"
            bare = re.split(r"[从由]$|较|比(?=上年|去年|20\d\d年)", bare.strip())[0]
            pending_from = what_is_measured(bare, "", unit)
        measure, item = "", ""
        if (start, end) in pairs:
            item, verb = pairs[(start, end)]
            measure = item + (verb if re.fullmatch(VERBS, verb) else "")
        elif pending_from and role != "baseline" and re.fullmatch(rf"(?:{VERBS})到?|到", between.strip()):
            # …提高到63%, …增长40%: the measure of the baseline before it.
            verb = re.match(VERBS, between.strip())
            measure = pending_from + (verb[0] if verb else "")
            pending_from = ""
        if not measure:
            measure = what_is_measured(bare, plain[end:], unit)
            if measure == "总量":  # 地区生产总值迈上新台阶，总量突破5万亿元: the total of what the sentence named
                named = re.findall(r"(?:地区|国内)?生产总值|GDP", plain[:start])
                measure = named[-1] + measure if named else measure
            listed = shared_list(plain, start, previous_end, unit)
            if listed and measure and not re.fullmatch(VERBS, measure) and listed.endswith(measure):
                measure = listed  # A、B、C增长5%左右: each_of gives each its row
        if (not measure or re.fullmatch(VERBS, SINCE.sub("", measure))) and found and found[-1].sentence == sentence.strip():
            named = own_subject(between)
            if named:  # …增长5%，固定资产投资止跌回稳、力争增长5%: what the words between name, not the figure before
                measure = named + (measure or "")
            else:
                # 地区生产总值14.58万亿元，增长5.4%: the growth of what the clause before measured.
                subject = re.sub(rf"(?:{VERBS})$", "", found[-1].measure)
                measure = subject + measure if measure else found[-1].measure
        if not role:
            role = role_of(plain[:start], plain, context, year, passage, plain[clause_start:end + 12])
        scope = scopes.scope_of(plain[:start], passage, period, year) if role == "target" else ""
        text = sentence[start:end]
        if written and not text.startswith(written):
            text = written + text
        low, high = bounds(value)
        meaning = ", ".join(dict.fromkeys(MEANINGS[q] for q in qualifiers if MEANINGS[q]))
        figure = Figure(
            value=value, unit=unit, text=text, qualifier=" ".join(dict.fromkeys(qualifiers)), meaning=meaning,
            measure=measure, kind=KIND.get(unit, "count"), sentence=sentence.strip(), section=position, line=line,
            low=low, high=high, role=role, indicator=indicator_of(measure or before, unit), item=item, scope=scope,
        )
        found += each_of(figure)
        previous_end = end
    return found


# Words between two figures that name nothing: marks, 比上年, 力争, a verb, 实现, 达到, 其中.
CONNECTING = re.compile(rf"[\s，,、；;：:（）()]|比上年|比去年|同比|较上年|较去年|力争|确保|争取|预计|全年|其中|实现|达到|达|为|约|{VERBS}")


def own_subject(between: str) -> str:
    """What a clause between the figure before and this one names (固定资产投资止跌回稳、力争增长 → 固定资产投资),
    or '' when it is only connecting words (，增长 / 、比上年增长)."""
    clause = re.split(r"[，,；;。]", between)[-1]
    if len(CONNECTING.sub("", clause)) < 2:
        return ""
    head = re.split(r"[、]|止跌|回稳|企稳|保持|稳定|持续|进一步|继续", clause)[0]
    head = LEADING.sub("", CONNECTING.sub("", head), count=1)  # 今年启动 names nothing
    return head if len(head) >= 2 else ""


def respectively(plain: str, matches: list) -> dict[tuple[int, int], tuple[str, str]]:
    """`A、B分别增长4.5%、5.5%`: each figure's item and the verb after 分别."""
    pairs = {}
    for hit in re.finditer("分别", plain):
        clause_start = max(plain.rfind(mark, 0, hit.start()) for mark in ",，;；:：。") + 1
        clause_end = min([plain.find(mark, hit.end()) for mark in ",，;；。" if plain.find(mark, hit.end()) >= 0] or [len(plain)])
        items = [item.strip() for item in re.split(r"[、和与及]", re.sub(r"^\s*其中", "", plain[clause_start:hit.start()]))
                 if item.strip()]
        figures = [m for m in matches if hit.end() <= m[0] < clause_end]
        if len(items) == 1 and len(figures) == 2 and "城乡" in items[0]:
            # 城乡居民人均可支配收入分别增长5%、6.5%: the towns' figure, then the countryside's.
            items = [items[0].replace("城乡", "城镇", 1), items[0].replace("城乡", "农村", 1)]
        sectors = re.match(r"(?:其中)?([一二三]{2,3})产(业?)(.*)", items[0]) if len(items) == 1 else None
        if sectors and len(sectors[1]) == len(figures):
            # 一二三产增加值分别增长3.5%、6%、5%: one figure for each sector, in order.
            items = [f"{numeral}产{sectors[2]}{sectors[3]}" for numeral in sectors[1]]
        three = re.match(r"(?:其中)?三次产业(.*)", items[0]) if len(items) == 1 and len(figures) == 3 else None
        if three:  # 三次产业增加值分别增长2%、6.5%和7.5%
            items = [f"第{numeral}产业{three[1]}" for numeral in "一二三"]
        if len(items) < 2 or len(figures) < 2:
            continue
        items = shared_tail(items[-len(figures):] if len(items) > len(figures) else items)
        verb = plain[hit.end():figures[0][0]].strip()
        verb = re.sub(r"(?:为|达到|达|是)$", "", verb)
        for item, figure in zip(items, figures):
            pairs[(figure[0], figure[1])] = (LEADING.sub("", item, count=1) or item, verb)
    return pairs


def shared_list(plain: str, start: int, previous_end: int, unit: str) -> str:
    """The items a percentage before it is shared by (地区生产总值、固定资产投资增长5%左右 →
    the whole list), '' when its clause holds no list or another figure."""
    clause_start = max(plain.rfind(mark, 0, start) for mark in ",，;；:：") + 1
    clause = plain[clause_start:start]
    if KIND.get(unit) != "percent" or "、" not in clause or clause_start < previous_end or "分别" in clause:
        return ""
    return TRAILING.sub("", LEADING.sub("", clause.strip(), count=1))


def each_of(figure: Figure) -> list[Figure]:
    """`A和B均增长10%左右`, `A、B、C增长5%左右`: the figure once for each item, each with its own indicator."""
    both = re.fullmatch(rf"(.+?)(?:均|都)({VERBS})", figure.measure)
    if not both and figure.kind == "percent" and "、" in figure.measure:
        both = re.fullmatch(rf"((?:[^、]{{2,}}、)+[^、]{{2,}}?)({VERBS})", figure.measure)
    items = [item for item in re.split(r"[、和与及]", both[1]) if item] if both else []
    if len(items) < 2:
        return [figure]
    return [replace(figure, measure=item + both[2], item=item, indicator=indicator_of(item + both[2], figure.unit))
            for item in shared_tail(items)]


def shared_tail(items: list[str]) -> list[str]:
    """城镇、农村居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入."""
    head = len(items[0])
    last = items[-1]
    if head <= 2 and all(len(item) <= 2 for item in items[:-1]) and len(last) > head + 2:
        tail = last[head:]
        return [item + tail for item in items[:-1]] + [last]
    return items


def role_of(before: str, sentence: str, context: str, year: str, passage: str = "", clause: str = "") -> str:
    """target or result. A review part holds results only, a main-targets
    passage targets only; elsewhere the sentence's words decide, then the part."""
    if context == "result" or scopes.DONE.search(clause):
        return "result"  # 好于预期 or 超年度计划 in a review says how a target went, not a new one
    if passage:
        return "target"
    years = [int(y) for y in re.findall(r"(20\d\d)年", before)]
    if years and year:
        return "result" if max(years) < int(year) else "target"
    says_target = bool(TARGET_WORDS.search(sentence))
    says_result = bool(RESULT_WORDS.search(sentence))
    if context == "result":
        return "target" if says_target and not says_result else "result"
    if context == "target":
        return "result" if says_result and not says_target else "target"
    return "result" if says_result and not says_target else "target"


# Words before what a figure measures that do not change what it is (全省地区生产总值, 预计全年经济增长).
MEASURE_PREFIX = re.compile(r"^(?:预计|初步核算|初步测算|其中|今年|去年|上年|全年|20\d\d年|全[省市区县州盟国]|[本我][省市区县州]|实现|完成|力争|确保|并"
                            r"|主要预期目标是|[\u4e00-\u9fff]{2,4}?(?:实现|完成)|(?!人均)[\u4e00-\u9fff]{2,3}(?<!地)[省市区县州](?=(?:地区)?生产总值))+")


def indicator_of(measure: str, unit: str) -> str:
    kind = KIND.get(unit, "count")
    if unit == "个百分点" and re.search(r"高于|快于|低于|领先", measure):
        return ""  # 农村居民收入增速高于城镇居民1个百分点: a gap between two measures, not either one
    measure = MEASURE_PREFIX.sub("", re.sub(r"[（(][^）)]*[）)]", "", measure))  # 地区生产总值（GDP）增长
    for name, pattern, wanted in INDICATORS:
        if re.search(pattern, measure) and (kind == wanted or (wanted == "money" and unit in ("万亿元", "亿元"))):
            return name
    return ""


def row_figures(row: str, position: int, line: int, context: str, year: str, header: list[str]) -> list[Figure]:
    """A table row (cells joined by tabs): its figures measure what its first
    cell names; a column headed 2025年完成 holds results, 2026年目标 targets."""
    cells = row.split("\t")
    unit = next((cell.strip() for cell in cells[1:] if cell.strip() in KIND), "")
    found = []
    for column, cell in enumerate(cells[1:], 1):
        cell = cell.strip()
        if unit and re.fullmatch(NUMBER, cell.translate(HALF_WIDTH)):
            cell = cell + unit
        heading = header[column] if column < len(header) else ""
        for figure in sentence_figures(cell, position, line, stance(heading, year) or context, year):
            measure = cells[0].strip() + (figure.measure if re.fullmatch(VERBS, figure.measure or "-") else "")
            found.append(replace(figure, measure=measure, sentence=row.replace("\t", " "),
                                 indicator=indicator_of(measure, figure.unit)))
    return found


def chinese_percent(number: str) -> str:
    import cn2an

    try:
        value = cn2an.cn2an(number, "smart")
    except (ValueError, KeyError):
        return ""
    return f"{value:g}"


def what_is_measured(before: str, after: str, unit: str) -> str:
    """The noun phrase a figure counts: after a measure word (101个重点项目), else before it."""
    if KIND.get(unit) == "count" and after:
        following = re.match(r"[\u4e00-\u9fffA-Za-z0-9]+", after)
        if following:
            noun = re.split(r"[的并和及与为]|开展|建设$", following.group())[0]
            if len(noun) >= 2:
                return noun[:12]
    before = re.sub(r"^[^\u4e00-\u9fffA-Za-z0-9“”]+", "", before)
    head, _, tail = before.rpartition("的")
    # After 的 a ratio word names nothing alone (…相当于全市生产总值的比例): keep what it is a ratio of.
    before = before if re.match(r"(?:比例|比重|占比|水平|规模)", tail) else tail
    before = re.sub(rf"按(?={VERBS})", "", before)  # 按增长5%安排
    while (stripped := re.sub(r"^(?:力争|确保|并|将|再|按)", "", before)) != before:
        before = stripped
    return TRAILING.sub("", LEADING.sub("", before, count=1))[-24:]


def bounds(value: str) -> tuple[float, float]:
    numbers = [float(n) for n in re.findall(NUMBER, value)]
    return numbers[0], numbers[-1]
