"""The site's navigation: reports grouped by place and year, each report's
pages in source order (a part with items a group, its overview first).
"""

from __future__ import annotations

from .. import tree
from ..model import Document
from ..site import addresses
from ..annotations import ReportNotes
from ..site.context import Site
from . import terms
from .delivery import delivery_nav
from .targets import compare_years, places_over_years


def nav(site: Site) -> list:
    """MkDocs navigation: documents newest first, sections in article order.

    With navigation.prune each page renders only the path to itself, so with
    an archive grouped by year (and place) a page lists a bounded number of
    links however large the archive grows.
    """
    entries: list = [{"首页": addresses.HOME}]
    for group in site.groups:  # newest first: a group follows its siblings
        level = entries
        for title in group.titles:
            if not level or title not in level[-1]:
                level.append({title: []})
            level = level[-1][title]
        # Under its place a report is its year (its title when the place has two of one year).
        years = [document.year for document in group.documents]
        level.extend(
            document_nav(document, site.notes[document], with_tags=site.archive,
                         title=f"{document.year}年" if group.titles and document.year and years.count(document.year) == 1 else "")
            for document in group.documents
        )
    targets = site.targets
    if targets:
        years = compare_years(targets)
        places = places_over_years(targets)
        section = [{"概览": addresses.compare_index()}]
        if len(years) > 1:
            section += [{f"{y or '未注明年份'}年": addresses.compare_year(y)} for y in years]
        if places:
            section.append({"各地历年": [{place: addresses.compare_place(slug)} for place, (slug, _) in places.items()]})
        section += delivery_nav(site.deliveries)
        entries.insert(1, {"目标对比": section[0]["概览"] if len(section) == 1 else section})
    terms_entry = terms.nav_entry(site.documents)
    if terms_entry:
        entries.insert(2 if targets else 1, terms_entry)
    entries += [{"标签": addresses.TAGS_PAGE}, {"地名与项目": addresses.ENTITIES_PAGE}, {"关于": addresses.ABOUT_PAGE}]
    return entries


def document_nav(document: Document, notes: ReportNotes, with_tags: bool = False, title: str = "") -> dict:
    """A report's pages in source order; a part with items is a group, its overview first."""
    children: list = [{"概览": addresses.overview(document.slug)}, {"数读": addresses.figures(document.slug)}]
    for node in tree.outline(document, notes):
        if node.is_group:
            children.append({node.heading: [{"概述": addresses.report_page(document.slug, node.slug)}] + [
                {item.heading: addresses.report_page(document.slug, item.slug)} for item in node.children]})
        else:
            children.append({node.heading: addresses.report_page(document.slug, node.slug)})
    children.append({"全文": addresses.fulltext(document.slug)})
    if with_tags:
        children.append({"标签": addresses.report_tags(document.slug)})
        children.append({"地名与项目": addresses.report_entities(document.slug)})
    return {title or document.title: children}
