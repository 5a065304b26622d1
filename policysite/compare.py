"""目标对比: every report's main targets, aligned by indicator.

For each year, one table of every report's main targets (地区生产总值增长,
城镇新增就业 …), each cell in the report's own words and linking to its
sentence; for a place with several years, its targets year by year with the
change. The same rows go to compare/targets.csv and compare/targets.json, one
per report × indicator.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from urllib.parse import quote

from . import addresses
from .figures import INDICATORS, Figure
from .model import Document

DOWNLOADS = ("targets.csv", "targets.json")  # the rows, beside the pages (addresses.compare_file)
# A downloaded URL is all ASCII (the pages show Chinese in their links as it is).
FRAGMENT_SAFE = ":~=,-%&"
FIELDS = ["place", "level", "year", "indicator", "text", "low", "high", "unit", "qualifier", "url"]
ORDER = {name: rank for rank, (name, _, _) in enumerate(INDICATORS)}


@dataclass(frozen=True)
class Target:
    document: Document
    figure: Figure
    page: str          # the page holding its sentence (docs-relative .md path)
    fragment: str      # the text fragment that marks it there

    @property
    def indicator(self) -> str:
        return self.figure.indicator

    def row(self) -> dict:
        return {
            "place": self.document.place_name or self.document.place, "level": self.document.level,
            "year": self.document.year, "indicator": self.indicator, "text": self.figure.text,
            "low": self.figure.low, "high": self.figure.high, "unit": self.figure.unit,
            "qualifier": self.figure.qualifier, "url": f"{addresses.url(self.page)}#{quote(self.fragment, safe=FRAGMENT_SAFE)}",
        }


# Words before a figure that make it a goal for several years, not the year's
# own target: 年均增长 or “十五五”时期 in its clause, 到2030年 anywhere before it
# ("2026年是“十五五”开局之年，主要预期目标是：……" stays the year's).
PERIOD_CLAUSE = re.compile(r"年均|年平均|期间|时期|十[一二三四五六]五")
FUTURE_YEAR = re.compile(r"[到至](20\d\d)年")


def first_targets(figures: list[Figure], year: str = "") -> list[Figure]:
    """The first target given for each main indicator, in the report's order:
    the year's own target where the report gives one, before a plan period's."""
    annual: dict[str, Figure] = {}
    period: dict[str, Figure] = {}
    for figure in figures:
        if figure.role != "target" or not figure.indicator:
            continue
        kept = period if spans_years(figure, year) else annual
        kept.setdefault(figure.indicator, figure)
    chosen = {**period, **annual}
    return [f for f in figures if chosen.get(f.indicator) is f]


def spans_years(figure: Figure, year: str) -> bool:
    before = figure.sentence[: max(0, figure.sentence.find(figure.text))]
    clause = re.split(r"[，,：:]", before)[-1]
    if PERIOD_CLAUSE.search(clause):
        return True
    return any(year and int(found) > int(year) for found in FUTURE_YEAR.findall(before))


def main_targets(document: Document, locate) -> list[Target]:
    """A report's main targets, in the order of the indicators.

    `locate(document, figure)` → (page, fragment) where the figure's sentence is.
    """
    found = [Target(document, figure, *locate(document, figure)) for figure in first_targets(document.figures, document.year)]
    return sorted(found, key=lambda t: ORDER.get(t.indicator, len(ORDER)))


def all_targets(documents: list[Document], locate) -> list[Target]:
    """Every report's main targets: newest year first, then by place and indicator."""
    targets = [t for d in documents for t in main_targets(d, locate)]
    return sorted(targets, key=lambda t: (-int(t.document.year or 0), t.document.place_name or t.document.place,
                                          t.document.slug, ORDER.get(t.indicator, len(ORDER))))


def targets_csv(targets: list[Target]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for target in targets:
        writer.writerow(target.row())
    return out.getvalue()


def targets_json(targets: list[Target]) -> str:
    return json.dumps([target.row() for target in targets], ensure_ascii=False, indent=1) + "\n"


def change(before: Figure, after: Figure) -> str:
    """How a target moved from one year to the next, in points of its unit: "−0.5", "+1", "持平"."""
    if before.unit != after.unit:
        return ""
    delta = round(after.low - before.low, 2)
    if delta == 0:
        return "持平"
    return f"{'+' if delta > 0 else '−'}{abs(delta):g}"
