"""How an archive is grouped: by place (its level, province or city), each
place's reports by year.

The navigation lists a group at a time and 相关政策 looks within a
section's group (and its place's other years), so what a page costs stays
bounded as the archive grows. A site of a few reports is one group. (Search
covers the whole archive from every page: policysite/finish/search.py.)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Document

MAX_GROUP = 12   # reports listed together before an archive is grouped (and a year by place)


@dataclass(frozen=True)
class Group:
    """Documents listed together in the navigation."""

    titles: tuple[str, ...]   # ("省级", "广东省"), ("广州市", "广州市荔湾区")…; () when the site is small
    scope: str                # group id ("" = the whole site): 相关政策 pools, per-report tag listings
    documents: list[Document]


def archive_groups(documents: list[Document]) -> list[Group]:
    """A small site is one group; an archive is grouped by place, placed where
    the division data puts it (省级 › 广东省, 市级 › 洛阳市, 广州市 › 荔湾区),
    each place's reports newest year first."""
    newest_first = sorted(documents, key=lambda d: (d.year, d.date, d.slug), reverse=True)
    if len(documents) <= MAX_GROUP:
        return [Group((), "", newest_first)]
    by_place: dict[tuple[str, ...], list[Document]] = {}
    for document in newest_first:
        by_place.setdefault(place_path(document), []).append(document)
    ordered = sorted(by_place.items(), key=lambda item: (TOP_ORDER.get(item[0][0], 2), pinyin(item[0])))
    return [Group(titles, min(d.slug for d in found), found) for titles, found in ordered]


TOP_ORDER = {"全国": -1, "省级": 0, "市级": 1, "其他": 3}  # cities holding districts come between, by name
NATION = "全国"  # the national report's level: a place of its own


def place_path(document: Document) -> tuple[str, ...]:
    """Where a report sits in the navigation: (省级, 广东省), (市级, 洛阳市), (广州市, 荔湾区)."""
    from ..lang import places

    place = places.divisions().get(document.place_code) if document.place_code else None
    if document.level == NATION:
        return (NATION,)  # the State Council's report: a place of its own, first
    if place is None:
        return ("其他", document.place_name or document.place or "未注明地区")
    if place.level == places.PROVINCE:
        return ("省级", place.name)
    if place.level == places.CITY:
        return ("市级", place.name)
    divisions = places.divisions()
    city = divisions.get(place.parent) or divisions.get(place.code[:2] + "0000")
    return (city.name if city else "其他", place.name)


def pinyin(titles: tuple[str, ...]) -> list[list[str]]:
    from pypinyin import lazy_pinyin

    return [lazy_pinyin(title) for title in titles]


def search_scopes(documents: list[Document]) -> dict[str, str]:
    """Document slug → group id ("" everywhere when the site is one group)."""
    return {d.slug: group.scope for group in archive_groups(documents) for d in group.documents}
