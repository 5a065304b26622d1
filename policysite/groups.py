"""How an archive is grouped: by year, and a crowded year by place.

The navigation lists a group at a time and 相关政策 looks within a
section's group (and its place's other years), so what a page costs stays
bounded as the archive grows. A site of a few reports is one group. (Search
covers the whole archive from every page: policysite/search.py.)
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .model import Document

MAX_GROUP = 12   # reports listed together before an archive is grouped (and a year by place)


@dataclass(frozen=True)
class Group:
    """Documents listed together in the navigation."""

    titles: tuple[str, ...]   # ("2022年",), ("2020年代", "2022年", "荔湾")…; () when the site is small
    scope: str                # group id ("" = the whole site): 相关政策 pools, per-report tag listings
    documents: list[Document]


def archive_groups(documents: list[Document]) -> list[Group]:
    """A small site is one group; an archive is grouped by year (years by decade
    when there are many), and a crowded year by place."""
    # By year first: a report without a date must not start a second run of its year.
    newest_first = sorted(documents, key=lambda d: (d.year, d.date, d.slug), reverse=True)
    if len(documents) <= MAX_GROUP:
        return [Group((), "", newest_first)]
    years = grouped(newest_first, lambda d: d.year)
    groups = []
    for year, in_year in years:
        titles = (f"{year[:3]}0年代",) if len(years) > MAX_GROUP and year else ()
        titles += (f"{year}年" if year else "未注明年份",)
        if len(in_year) <= MAX_GROUP:
            groups.append(Group(titles, year or "undated", in_year))
            continue
        for place, in_place in grouped(sorted(in_year, key=lambda d: (d.place, d.slug)), lambda d: d.place):
            groups.append(Group(titles + (place or "其他",), min(d.slug for d in in_place), in_place))
    return groups


def search_scopes(documents: list[Document]) -> dict[str, str]:
    """Document slug → group id ("" everywhere when the site is one group)."""
    return {d.slug: group.scope for group in archive_groups(documents) for d in group.documents}


def grouped(documents: list[Document], key) -> list[tuple[str, list[Document]]]:
    """Documents in runs of equal key, in the order given (itertools.groupby, listed)."""
    return [(name, list(run)) for name, run in itertools.groupby(documents, key=key)]
