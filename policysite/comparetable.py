"""目标对比's year table in a shape a phone can read.

The table holds only the indicators that several reports of the year state,
one row per report, provinces first, then cities, then districts, each level
in pinyin order of the place; an indicator only one report states is listed
under that report below the table, not a column of dashes.
"""

from __future__ import annotations

from .model import Document

LEVELS = {"省级": 0, "市级": 1, "区县级": 2}
ORDER_NOTE = "表中是两个及以上报告都列出的指标，各行按层级（省级、市级、区县级）、再按地名拼音排列；只有一份报告列出的指标列在表下。"


def several_reports(targets: list, years: list[str]) -> bool:
    """Whether a table of these years has several rows (then the page says how they are ordered)."""
    return any(len({t.document.slug for t in targets if t.document.year == year}) > 1 for year in years)


def report_order(document: Document) -> tuple:
    """Provinces, then cities, then districts; within a level by the place's pinyin."""
    from .render import pinyin_key

    return LEVELS.get(document.level, len(LEVELS)), pinyin_key(document.place_name or document.place or document.title), document.slug


def split_indicators(targets: list, order: dict[str, int]) -> tuple[list[str], list[str]]:
    """(indicators several reports state, indicators only one states), each in the indicators' order.
    A year of one report has one row: all its indicators are the table's."""
    reports: dict[str, set[str]] = {}
    for target in targets:
        reports.setdefault(target.indicator, set()).add(target.document.slug)
    several = len({t.document.slug for t in targets}) > 1
    ranked = sorted(reports, key=lambda name: order.get(name, len(order)))
    shared = [name for name in ranked if len(reports[name]) > 1 or not several]
    return shared, [name for name in ranked if name not in shared]


def rest_list(reports: list[Document], names: dict[str, str], cells: dict, rest: list[str], path: str) -> str:
    """The indicators only one report states, under that report's name (HTML list, '' when none)."""
    from .render import anchor, escape, target_link

    items = []
    for document in reports:
        own = [cells[(document.slug, name)] for name in rest if (document.slug, name) in cells]
        if own:
            listed = "；".join(f"{escape(t.indicator)} {target_link(path, t)}" for t in own)
            items.append(f'<li>{anchor(path, f"{document.slug}/index.md", escape(names[document.slug]))}：{listed}</li>')
    return '<ul class="compare-rest">\n' + "\n".join(items) + "\n</ul>" if items else ""
