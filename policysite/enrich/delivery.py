"""承诺兑现: did a place deliver what its report promised?

When the archive holds one place's reports of consecutive years, each main
target of year N (scope `main`) stands beside the result that year N+1's
report states in its review for the same indicator (`2025年目标 5%左右` →
`2026年报告：增长5.4%`), with a verdict by one rule (RULE, shown on the page):

- 以上, 不少于, 超过 … : met when the result is at least the value;
- 以内, 以下, 控制在 … : met when the result is at most the value;
- 左右: met when the result is within half a point of the value (5% of the
  value for a count or an amount), or better than it;
- a range (4.5%—5%), or a bare value: met when the result reaches it;

"better" is higher, except for the indicators where lower is better
(失业率, 物价涨幅, 细颗粒物浓度). 无法判断 when the later report states no
result for the indicator, or states it in another unit.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..model import Document
from ..site import addresses
from .figures import Figure
from .scopes import spans_years

FIELDS = ["place", "level", "indicator", "year", "target", "low", "high", "qualifier", "result", "result_value",
          "result_year", "verdict", "target_url", "result_url"]
MET, MISSED, UNKNOWN = "达到", "未达到", "无法判断"
VERDICTS = [MET, MISSED, UNKNOWN]
RULE = ("判断规则：写“以上”“不少于”“超过”的目标，结果不低于目标值即达到；写“以内”“以下”“控制在”的，结果不高于目标值即达到；"
        "写“左右”的，结果与目标值相差不超过0.5个百分点（数量、金额为目标值的5%）或好于目标即达到；区间目标和只写一个数的目标，"
        "结果达到目标值（区间取下限）即达到。失业率、物价涨幅、细颗粒物浓度越低越好，比较方向相反（区间取上限）。"
        "结果写成区间（如预计增长8%—8.5%）时，两端结论相同才下结论，否则为无法判断。"
        "下一年的报告没有写出同一指标的结果，或单位不同，为无法判断。")
AT_LEAST = {"以上", "不少于", "不低于", "至少", "超过", "超", "突破", "高于"}
AT_MOST = {"以内", "之内", "内", "以下", "不超过", "控制在", "低于"}
LOWER_IS_BETTER = {"城镇调查失业率", "居民消费价格涨幅", "细颗粒物浓度"}
# Words near a result that make it a restated target, not what was achieved (年初确定的5%左右的目标).
RESTATED = re.compile(r"目标|预期|计划")


@dataclass(frozen=True)
class Delivery:
    document: Document        # the report of the target's year
    target: Figure
    later: Document           # the report of the next year
    result: Figure | None
    verdict: str
    target_url: str = ""
    result_url: str = ""

    @property
    def place(self) -> str:
        return self.document.place_name or self.document.place

    def row(self) -> dict:
        result = self.result
        return {
            "place": self.place, "level": self.document.level, "indicator": self.target.indicator,
            "year": self.document.year, "target": self.target.text, "low": self.target.low, "high": self.target.high,
            "qualifier": self.target.qualifier, "result": result.text if result else "",
            "result_value": result.low if result else "", "result_year": self.later.year, "verdict": self.verdict,
            "target_url": self.target_url, "result_url": self.result_url,
        }


def verdict(target: Figure, result: Figure | None) -> str:
    """达到 / 未达到 / 无法判断 by RULE; a result stated as a range (预计增长8%—8.5%) when both its ends agree."""
    if result is None or result.unit != target.unit:
        return UNKNOWN
    ends = {value_verdict(target, result.low), value_verdict(target, result.high)}
    return ends.pop() if len(ends) == 1 else UNKNOWN


def value_verdict(target: Figure, value: float) -> str:
    words = set(target.qualifier.split())
    lower_better = target.indicator in LOWER_IS_BETTER
    if words & AT_LEAST:
        return MET if value >= target.low else MISSED
    if words & AT_MOST:
        return MET if value <= target.high else MISSED
    if "左右" in words and target.low == target.high:
        slack = 0.5 if target.kind == "percent" else abs(target.low) * 0.05
        reached = value <= target.high + slack if lower_better else value >= target.low - slack
        return MET if reached else MISSED
    reached = value <= target.high if lower_better else value >= target.low
    return MET if reached else MISSED


def year_result(figures: list[Figure], indicator: str, unit: str, year: str) -> Figure | None:
    """The first result a report gives for an indicator of the year before its
    own: not a plan period's average (“十四五”时期年均增长), not a restated target."""
    for figure in figures:
        if figure.role != "result" or figure.indicator != indicator:
            continue
        before = figure.sentence[: max(0, figure.sentence.find(figure.text))]
        after = re.split(r"[，,；;。、]", figure.sentence[len(before) + len(figure.text):])[0]
        clause = re.split(r"[，,；;、]", before)[-1] + after
        if spans_years(before, year) or RESTATED.search(clause):
            continue
        # (a year in brackets names a plan's span, 规划（2021—2035年）, not the result's year)
        years = re.findall(r"(20\d\d)年", re.sub(r"[（(][^）)]*[）)]", "", before))
        if years and int(years[-1]) != int(year) - 1:
            continue  # a result of another year
        if figure.unit == unit:
            return figure
    return None


def by_place(documents: list[Document]) -> dict[str, dict[int, Document]]:
    """Each place's official reports by year (one per year: the first by slug)."""
    found: dict[str, dict[int, Document]] = {}
    for document in sorted(documents, key=lambda d: d.slug):
        place = document.place_name or document.place
        if place and document.year.isdigit():
            found.setdefault(place, {}).setdefault(int(document.year), document)
    return found


def deliveries(documents: list[Document], figures: Mapping[str, Sequence[Figure]]) -> list[Delivery]:
    """Every main target of a year whose place has the next year's report, beside
    its result. `figures` holds each report's figures, by seed."""
    found = []
    for place, years in sorted(by_place(documents).items()):
        for year, document in sorted(years.items()):
            later = years.get(year + 1)
            if later is None:
                continue
            seen = set()
            for target in figures[document.seed]:
                if target.role != "target" or target.scope != "main" or not target.indicator or target.indicator in seen:
                    continue
                seen.add(target.indicator)
                result = year_result(figures[later.seed], target.indicator, target.unit, later.year)
                found.append(Delivery(document, target, later, result, verdict(target, result)))
    return found


def with_urls(found: list[Delivery], locate) -> list[Delivery]:
    """The same deliveries with the site-relative URLs of their sentences, as
    targets.csv gives them. `locate(document, figure)` → (page, fragment)."""
    return [dataclasses.replace(delivery, target_url=addresses.download_url(*locate(delivery.document, delivery.target)),
                                result_url=addresses.download_url(*locate(delivery.later, delivery.result)) if delivery.result else "")
            for delivery in found]


def answer_notes(found: list[Delivery], figures: Mapping[str, Sequence[Figure]]) -> dict[str, dict[int, str]]:
    """Each report's results that answer a target of its year before, by seed:
    figure index → 对照2025年目标5%左右：达到, for the report's 数读."""
    answers: dict[str, dict[int, str]] = {}
    for delivery in found:
        if delivery.result is not None:
            index = next(n for n, f in enumerate(figures[delivery.later.seed]) if f is delivery.result)
            answers.setdefault(delivery.later.seed, {})[index] = f"对照{delivery.document.year}年目标{delivery.target.text}：{delivery.verdict}"
    return answers


def tally(found: list[Delivery]) -> dict[str, int]:
    """How many targets were met, missed, undecidable."""
    return {name: sum(1 for d in found if d.verdict == name) for name in VERDICTS}
