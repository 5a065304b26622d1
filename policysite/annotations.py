"""What the enrich stage finds of a report, kept beside its document tree.

The reading stages make a `Document` and nothing changes it afterwards; enrich
answers in these objects instead (as Material's tags plugin keeps its tag
mapping apart from the pages): each page node's slug, tags and related pages,
kept by the node, and the report's figures. A page kind reads the document
for what the report says and its notes for what was worked out about it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from .model import Part, Related, Section


@dataclass(frozen=True)
class PageNotes:
    """What enrich found of one page node (an item, a part, an appendix …)."""

    slug: str                                   # the page's name in its report's folder
    tags: tuple[str, ...] = ()                  # the topic first, then places, names, keywords
    kinds: Mapping[str, str] = field(default_factory=dict)  # tag → topic / place / org / policy
    related: tuple[Related, ...] = ()           # 相关政策, best first


@dataclass(frozen=True)
class ReportNotes:
    """What enrich found of one report: its page nodes' notes, its figures, and
    what its results answer of the targets of the year before.

    Notes are kept by node — the report's own Section and Part objects, which
    no stage changes — not by a number read from the text: pages a copy gives
    on one source line (a JSON record, a page's HTML) share their line numbers.
    """

    pages: tuple[tuple[Section | Part, PageNotes], ...]  # (node, its notes), in reading order
    figures: tuple = ()                         # figures.Figure, in article order
    answers: Mapping[int, str] = field(default_factory=dict)  # figure index → 对照2025年目标5%左右：达到

    def page(self, node: Section | Part) -> PageNotes:
        index = self.__dict__.get("_index")
        if index is None:  # id → place in `pages`, made on first use (not pickled: ids are the process's)
            index = {id(known): at for at, (known, _) in enumerate(self.pages)}
            object.__setattr__(self, "_index", index)
        return self.pages[index[id(node)]][1]

    def slug(self, node: Section | Part) -> str:
        return self.page(node).slug

    def __getstate__(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if key != "_index"}


@dataclass(frozen=True)
class Annotations:
    """What enrich found of the whole archive: each report's notes, and each
    year's main targets beside the next year's results (承诺兑现)."""

    reports: Mapping[str, ReportNotes] = field(default_factory=dict)  # by seed
    deliveries: tuple = ()                      # delivery.Delivery, without URLs (the site gives them)

    def __getitem__(self, document) -> ReportNotes:
        return self.reports[document.seed]

