"""The site, worked out once per build from the enriched reports (as a
static-site generator computes its context before it writes a page): how the
reports are grouped, whether the site is an archive, every report's main
targets and what the next year's report says of them, every tag's kind. Page kinds, the navigation and the site data the
renderer is told all read it; none works it out again.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..enrich import compare, delivery
from ..annotations import Annotations
from ..model import Document
from .groups import Group, archive_groups

# Sections of several reports beyond which tags and names are listed per report:
# one listing of every tag's pages grows with the archive's square.
LISTING_SECTIONS = 60


@dataclass(frozen=True)
class Site:
    documents: list[Document]       # in seed order
    notes: Annotations              # what enrich found beside each report's tree
    groups: list[Group]             # navigation groups, newest year first within each
    archive: bool                   # each report lists its own tags and names
    targets: list                   # compare.Target: every report's main targets
    deliveries: list                # delivery.Delivery: a year's targets beside the next year's results
    tags: dict[str, str]            # tag → kind (the first kind it was given, in article order)

    @property
    def newest(self) -> list[Document]:
        """Reports newest first, as the home page and 关于 list them."""
        return sorted(self.documents, key=lambda d: (d.date, d.slug), reverse=True)

    @property
    def scopes(self) -> dict[str, str]:
        """Report folder → its group's id, where the search scope menu offers one."""
        return {d.slug: group.scope for group in self.groups for d in group.documents if group.scope}


def work_out(documents: list[Document], notes: Annotations) -> Site:
    from ..render import shudu

    def locate(document: Document, figure) -> tuple[str, str]:  # where a sentence is shown: a page of its report
        return shudu.locate(document, notes[document], figure)

    groups = archive_groups(documents)
    return Site(documents, notes, groups, is_archive(documents, groups), compare.all_targets(documents, notes, locate),
                delivery.with_urls(list(notes.deliveries), locate), tag_kinds(documents, notes))


def is_archive(documents: list[Document], groups: list[Group]) -> bool:
    """Whether each report lists its own tags and names (an archive): when the
    navigation groups the reports, or when several reports have many sections."""
    if any(group.titles for group in groups):
        return True
    return len(documents) > 1 and sum(len(d.sections) for d in documents) > LISTING_SECTIONS


def tag_kinds(documents: list[Document], notes: Annotations) -> dict[str, str]:
    """Every tag of the site → its kind (the first kind it was given, in article order)."""
    kinds: dict[str, str] = {}
    for document in documents:
        for section in document.sections:
            page = notes[document].page(section)
            for tag in page.tags:
                kinds.setdefault(tag, page.kinds.get(tag, "topic"))
    return kinds
