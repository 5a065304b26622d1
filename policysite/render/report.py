"""A report's own pages: an item (or a part without items, an appendix,
the glossary), a part with items, the overview, the full text.
"""

from __future__ import annotations

from .. import tree
from ..annotations import ReportNotes
from ..model import Document, Page, Section
from ..site import addresses
from ..site.addresses import md_link
from .body import glossary_link, paragraphs_with_tables, part_cards, related_block, section_body, section_cards
from .markup import SITE_NAME, first_sentence, lead, page, text
from .provenance import byline, credit, crumbs, place_and_year
from .shudu import figures_box
from .tags import chip_order


def section_page(document: Document, notes: ReportNotes, section: Section, position: int, archive: bool = False) -> Page:
    """An item, a part without items, an appendix or the glossary. In an archive its
    tag chips link to the report's own tag page (`tag_listing`: the tags partial reads it)."""
    meta = {
        "title": section.heading,
        "description": section.subtitle or first_sentence(section.paragraphs),
        "tags": chip_order(notes.page(section)),
        "document": document.title,
        **place_and_year(document),
        "outlet": document.outlet,
        "date": document.date,
        "author": document.footer.reporter,
        "seed": f"seeds/{document.seed}",
        "lines": [section.first_line, section.last_line],
        "position": position,
        "sections": len(document.sections),
    }
    if section.part is not None:
        meta["part"] = section.part.heading
    if archive:
        meta["tag_listing"] = addresses.url(addresses.report_tags(document.slug))
    path = addresses.report_page(document.slug, notes.slug(section))
    meta["crumbs"] = crumbs(document, path, section.part, notes)
    body = [f"# {text(section.heading)}"]
    if section.subtitle:
        body.append(lead(section.subtitle))
    body.append(figures_box(document, notes, position, path))
    body += section_body(section, level=2, run_in_headings=True, glossary=glossary_link(document, notes, path))
    body.append(related_block(notes.page(section).related, path))
    body.append(credit(document, link=f"{md_link(path, addresses.fulltext(document.slug))}#{notes.slug(section)}"))
    return page(path, meta, body)


def part_page(document: Document, notes: ReportNotes, node: tree.Node) -> Page:
    """A part of a report whose items are pages: its own text, then its items."""
    part, items = node.page, [item.page for item in node.children]
    meta = {
        "title": part.heading,
        "description": first_sentence(part.paragraphs) or f"{document.title}:{part.heading}",
        "document": document.title,
        **place_and_year(document),
        "outlet": document.outlet,
        "date": document.date,
        "seed": f"seeds/{document.seed}",
        "lines": [part.first_line, part.last_line],
    }
    path = addresses.report_page(document.slug, node.slug)
    meta["crumbs"] = crumbs(document, path)
    body = [f"# {text(part.heading)}"]
    body += paragraphs_with_tables(part.paragraphs, glossary_link(document, notes, path))
    body.append("## 本部分各项")
    body.append(section_cards(document, notes, path, items))
    body.append(credit(document, link=f"{md_link(path, addresses.fulltext(document.slug))}#{node.slug}"))
    return page(path, meta, body)


def overview_page(document: Document, notes: ReportNotes, home: bool = False) -> Page:
    """A report's overview: its introduction and its items as cards; on a
    one-report site the home page too (kept out of search: the report's own is found)."""
    meta = {
        "title": document.title,
        "description": first_sentence(document.intro) or document.title,
        "document": document.title,
        **place_and_year(document),
        "outlet": document.outlet,
        "date": document.date,
        "author": document.footer.reporter,
        "seed": f"seeds/{document.seed}",
    }
    if home:
        meta["search"] = {"exclude": True}
    path = addresses.HOME if home else addresses.overview(document.slug)
    # The home page of a one-report site is the site's, with the report under it;
    # the report's own overview has the report's title.
    body = ([f"# {SITE_NAME}", f"## [{text(document.title)}]({md_link(path, addresses.overview(document.slug))})"] if home
            else [f"# {text(document.title)}"])
    body.append(byline(document))
    body += [text(paragraph) for paragraph in document.intro]
    body.append("## 各部分")
    body += part_cards(document, notes, path)
    body.append(f"[阅读全文]({md_link(path, addresses.fulltext(document.slug))}){{ .md-button }} "
                f"[数读:报告里的数字]({md_link(path, addresses.figures(document.slug))}){{ .md-button }}")
    body.append(credit(document))
    return page(path, meta, body)


def fulltext_page(document: Document, notes: ReportNotes) -> Page:
    meta = {
        "title": f"全文:{document.title}",
        "description": first_sentence(document.intro) or document.title,
        "document": document.title,
        **place_and_year(document),
        "outlet": document.outlet,
        "date": document.date,
        "seed": f"seeds/{document.seed}",
        # The whole article repeats every section: search finds the sections
        # (and the intro on the overview), and indexes each text once.
        "search": {"exclude": True},
        "crumbs": crumbs(document, addresses.fulltext(document.slug)),
    }
    body = [f"# 全文：{text(document.title)}", byline(document)]
    body += [text(paragraph) for paragraph in document.intro]
    path = addresses.fulltext(document.slug)
    for node, part in tree.walk(tree.outline(document, notes)):
        level = 3 if part is not None else 2
        body.append(f"{'#' * level} {text(node.heading)} {{ #{node.slug} }}")
        if node.is_group:
            body += paragraphs_with_tables(node.page.paragraphs)
            continue
        if node.page.subtitle:
            body.append(lead(node.page.subtitle))
        body += section_body(node.page, level=level + 1, run_in_headings=False, glossary=glossary_link(document, notes, path))
    body += [text(line) for line in document.footer.lines]
    return page(path, meta, body)
