"""目标对比: every report's targets, aligned by indicator.

A report's targets have a scope (figures.Figure.scope): `main`, every target
of its main-targets passage (主要预期目标是…); `item`, a main indicator's
target stated in a policy item; `period`, a plan period's goal (年均,
“十五五”时期, 到2030年). For each year, a table of every report's main
targets (地区生产总值增长, 城镇新增就业 …), the national report first, each
cell in the report's own words linking to its sentence; item and period
targets in tables of their own; for a place with several years, its targets
year by year with the change. The same rows go to compare/targets.csv and
compare/targets.json: every main target, and the first item and period
target of each main indicator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..annotations import Annotations
from ..model import Document
from ..site import addresses
from .figures import INDICATORS, Figure

DOWNLOADS = ("targets.csv", "targets.json")  # the rows, beside the pages (addresses.compare_file)
FIELDS = ["place", "level", "year", "scope", "indicator", "text", "low", "high", "unit", "qualifier", "url"]
SCOPES = ["main", "item", "period"]
NATIONAL = "全国"  # the level of the State Council's report: its row comes first
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

    @property
    def scope(self) -> str:
        return self.figure.scope

    def row(self) -> dict:
        return {
            "place": self.document.place_name or self.document.place, "level": self.document.level,
            "year": self.document.year, "scope": self.scope, "indicator": self.indicator or self.figure.measure,
            "text": self.figure.text,
            "low": self.figure.low, "high": self.figure.high, "unit": self.figure.unit,
            "qualifier": self.figure.qualifier, "url": addresses.download_url(self.page, self.fragment),
        }


def first_targets(figures: Sequence[Figure], scope: str = "main") -> list[Figure]:
    """The first target of each main indicator in the given scope, in the report's order."""
    chosen: dict[str, Figure] = {}
    for figure in figures:
        if figure.role == "target" and figure.indicator and figure.scope == scope:
            chosen.setdefault(figure.indicator, figure)
    return [f for f in figures if chosen.get(f.indicator) is f]


def scoped_targets(figures: list[Figure]) -> list[Figure]:
    """What a report's row of 目标对比 holds: every target of its main-targets
    passage, and the first item and period target of each main indicator."""
    main = [f for f in figures if f.role == "target" and f.scope == "main"]
    return main + first_targets(figures, scope="item") + first_targets(figures, scope="period")


def main_targets(document: Document, figures: Sequence[Figure], locate) -> list[Target]:
    """A report's targets: by scope (main, item, period), then in the order of the indicators.

    `locate(document, figure)` → (page, fragment) where the figure's sentence is.
    """
    found = [Target(document, figure, *locate(document, figure)) for figure in scoped_targets(figures)]
    return sorted(found, key=lambda t: (SCOPES.index(t.scope), ORDER.get(t.indicator, len(ORDER))))


def report_order(document: Document) -> tuple:
    """Newest year first; within a year the national report first, then by place."""
    return (-int(document.year or 0), document.level != NATIONAL, document.place_name or document.place, document.slug)


def all_targets(documents: list[Document], notes: Annotations, locate) -> list[Target]:
    """Every report's targets: newest year first, the national report first, then by place, scope and indicator."""
    return [t for d in sorted(documents, key=report_order) for t in main_targets(d, notes[d].figures, locate)]


def change(before: Figure, after: Figure) -> str:
    """How a target moved from one year to the next, in points of its unit: "−0.5", "+1", "持平"."""
    if before.unit != after.unit:
        return ""
    delta = round(after.low - before.low, 2)
    if delta == 0:
        return "持平"
    return f"{'+' if delta > 0 else '−'}{abs(delta):g}"
