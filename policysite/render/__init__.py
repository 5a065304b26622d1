"""Render stage: enriched reports → Markdown pages with YAML front matter.

One module per page kind — a report's own pages (report), 数读 (shudu), the
home page (home), 目标对比 (targets), 新提法 (terms), tags, 地名与项目
(entities), 关于 (about) — over shared pieces: markup (escaping, HTML blocks, front matter),
provenance (breadcrumbs, bylines, credits) and body (a node's text, cards).
Every path comes from policysite.site.addresses; a page kind is a function from
reports to `Page`s, so it can be tested on a report built by hand.
"""

from __future__ import annotations

import dataclasses

from .. import tree
from ..enrich import compare
from ..annotations import Annotations, ReportNotes
from ..model import Document, Page
from ..site import addresses
from ..site.context import Site
from . import export
from . import terms
from .about import about_pages
from .delivery import delivery_pages
from .entities import entities_page, site_entities_page
from .home import home_pages
from .markup import HTML_BLOCK_END, HTML_BLOCK_START
from .navigation import nav
from .report import fulltext_page, overview_page, part_page, section_page
from .shudu import figures_pages
from .tags import site_tags_page, tag_anchor, tags_page
from .targets import compare_pages

__all__ = ["HTML_BLOCK_END", "HTML_BLOCK_START", "nav", "render", "report_pages", "site_pages", "tag_anchor"]


def render(site: Site, pages_of_report=None) -> list[Page]:
    """Every generated page of the site, sorted by path. `pages_of_report`
    makes a report's pages (report_pages, or one that remembers them).
    Two pages at one path are refused (addresses.AddressClash), naming both."""
    pages_of_report = pages_of_report or report_pages
    pages = site_pages(site)
    for document in site.documents:
        pages.extend(pages_of_report(document, site.notes[document], site.archive))
    addresses.one_page_each(pages, lambda page: f"seeds/{page.owner}" if page.owner else "the site's own pages")
    return sorted(pages, key=lambda page: page.path)


def site_pages(site: Site) -> list[Page]:
    """The pages about all reports: home, 目标对比, tags, places, 关于."""
    documents, notes, targets = site.documents, site.notes, site.targets
    pages = [*home_pages(site.newest, notes, compared=bool(targets)),
             site_entities_page(documents, notes) if site.archive else entities_page(documents, notes), *about_pages(site.newest)]
    pages.append(site_tags_page(documents, notes) if site.archive else tags_page(documents, notes))
    pages.append(Page(addresses.SCHEMA, export.schema_json()))
    if targets:
        pages.extend(compare_pages(site))
        rows = [target.row() for target in targets]
        pages.append(Page(addresses.compare_file("targets.csv"), export.rows_csv(rows, compare.FIELDS)))
        pages.append(Page(addresses.compare_file("targets.json"), export.rows_json(rows)))
    pages.extend(delivery_pages(site.deliveries, notes))
    pages.extend(terms.pages(documents, notes))
    return pages


def report_pages(document: Document, notes: ReportNotes, archive: bool) -> list[Page]:
    """One report's own pages: a function of the report and its notes alone (and of
    whether the site is an archive), which is what lets a live preview keep them."""
    pages = []
    if archive:  # each report lists its own tags and names; the site's pages would grow without end
        own = Annotations({document.seed: notes})
        pages.append(tags_page([document], own, of_report=True))
        pages.append(entities_page([document], own, of_report=True))
    pages.append(overview_page(document, notes))
    pages.append(fulltext_page(document, notes))
    pages.extend(figures_pages(document, notes))
    pages.append(Page(addresses.report_file(document.slug, "data.json"), export.document_json(document, notes)))
    pages.append(Page(addresses.report_file(document.slug, "figures.csv"), export.figures_csv(document, notes)))
    pages.extend(section_page(document, notes, section, position, archive) for position, section in enumerate(document.sections, 1))
    pages.extend(part_page(document, notes, node) for node in tree.outline(document, notes) if node.is_group)
    return [dataclasses.replace(page, owner=document.seed) for page in pages]
