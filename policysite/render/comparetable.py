"""目标对比's year table in a shape a phone can read.

The table holds only the indicators most reports of the year state, one row
per report, provinces first, then cities, then districts, each level in
pinyin order of the place; an indicator fewer reports state is listed under
each of them below the table, not a column of dashes.
"""

from __future__ import annotations

from ..model import Document
from ..site import addresses
from .markup import anchor, escape, pinyin_key
from .shudu import target_link

LEVELS = {"全国": -1, "省级": 0, "市级": 1, "区县级": 2}  # the national report first, where the archive holds it
ORDER_NOTE = "表中是半数以上报告都列出的指标，各行按层级（全国、省级、市级、区县级）、再按地名拼音排列；其余指标按地区列在表下。"


def place_name(document: Document) -> str:
    """How a row names its report: the place, else the title."""
    return document.place_name or document.place or document.title


def report_order(document: Document) -> tuple:
    """The country, provinces, then cities, then districts; within a level by the place's pinyin."""
    return LEVELS.get(document.level, len(LEVELS)), pinyin_key(place_name(document)), document.slug


def split_indicators(targets: list, order: dict[str, int]) -> tuple[list[str], list[str]]:
    """(indicators most reports state, the others), each in the indicators' order.

    A column is an indicator stated by more than half of the year's reports
    (two at least): real reports share eight or so of their fifteen, and a
    table of those stays within two screens of a phone. A year of one report
    has one row: all its indicators are the table's."""
    reports: dict[str, set[str]] = {}
    for target in targets:
        reports.setdefault(target.indicator, set()).add(target.document.slug)
    count = len({t.document.slug for t in targets})
    ranked = sorted(reports, key=lambda name: order.get(name, len(order)))
    shared = [name for name in ranked if count == 1 or len(reports[name]) >= max(2, count // 2 + 1)]
    return shared, [name for name in ranked if name not in shared]


def rest_list(reports: list[Document], names: dict[str, str], cells: dict, rest: list[str], path: str) -> str:
    """The indicators not in the table, under the name of each report stating them (HTML list, '' when none)."""
    items = []
    for document in reports:
        own = [cells[(document.slug, name)] for name in rest if (document.slug, name) in cells]
        if own:
            listed = "；".join(f"{escape(t.indicator)} {target_link(path, t)}" for t in own)
            items.append(f'<li>{anchor(path, addresses.overview(document.slug), escape(names[document.slug]))}：{listed}</li>')
    return '<p class="compare-rest__title">其余指标</p>\n<ul class="compare-rest">\n' + "\n".join(items) + "\n</ul>" if items else ""
