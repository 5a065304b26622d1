"""A node's text as Markdown: paragraphs verbatim with their sub-headings
and run-in leads, flattened tables as tables, glossary markers linked; the
cards that list a report's items; 相关政策.
"""

from __future__ import annotations

import re

from .. import tree
from ..annotations import ReportNotes
from ..model import Document, Related, Section
from ..site import addresses
from ..site.addresses import href, md_link
from .markup import anchor, escape, html_block, text
from .narrow import word_breaks


def section_body(section: Section, level: int, run_in_headings: bool, glossary=None) -> list[str]:
    """Paragraphs verbatim, with "(一)"-style sub-headings where they stood.

    A run-in heading ("狠抓白鹅潭商务区开发建设。落实……") becomes a heading of
    its own (listed in the page's table of contents) when `run_in_headings`,
    else a bold lead that keeps the paragraph whole. Rows of a flattened
    table (cells separated by tabs) are shown as a table; glossary markers
    ［1］ link to their entry through `glossary` (glossary_link).
    """
    prose = (lambda value: with_note_links(text(value), glossary)) if glossary else text
    blocks: list[str] = []
    subheadings = {sub.paragraph_index: sub for sub in section.subheadings}
    run_in_level = level + 1 if section.subheadings else level
    for index in range(len(section.paragraphs) + 1):
        if index in subheadings:
            blocks.append(f"{'#' * level} {text(subheadings[index].text)}")
        if index == len(section.paragraphs):
            break
        paragraph, clause = section.paragraphs[index], section.leads.get(index)
        if "\t" in paragraph:
            if blocks and blocks[-1].startswith(TABLE_MARK):
                blocks[-1] = blocks[-1] + "\n" + paragraph
            else:
                blocks.append(TABLE_MARK + paragraph)
        elif not clause:
            entry = NOTE_ENTRY.match(paragraph) if section.notes else None
            anchor_id = f"\n{{ #note-{entry[1] or entry[2] or entry[3]} }}" if entry else ""
            blocks.append(prose(paragraph) + anchor_id)
        elif run_in_headings:
            blocks.append(f"{'#' * run_in_level} {text(clause)}")
            blocks.append(prose(paragraph[len(clause) + 1 :]))
        else:
            blocks.append(f"**{text(clause)}。**{prose(paragraph[len(clause) + 1 :])}")
    return [table_block(block) if block.startswith(TABLE_MARK) else block for block in blocks]


TABLE_MARK = "\0table\0"   # rows collected by section_body before they become a table


def table_block(rows: str) -> str:
    """Tab-separated rows (the first the header) as an HTML table."""
    cells = [row.split("\t") for row in rows.removeprefix(TABLE_MARK).split("\n")]
    head = "".join(f"<th>{escape(cell)}</th>" for cell in cells[0])
    body = "\n".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in cells[1:])
    return html_block(f'<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>')


def paragraphs_with_tables(paragraphs: list[str], glossary=None) -> list[str]:
    """Text outside a page's sections (a part's own text) rendered like a section's."""
    return section_body(Section("", "", list(paragraphs), 0, 0), level=2, run_in_headings=False, glossary=glossary)


def glossary_link(document: Document, notes: ReportNotes, page_path: str):
    """Marker number → link to its glossary entry, or None when the report has no glossary."""
    glossary = next((s for s in document.sections if s.notes), None)
    if glossary is None:
        return None
    target = addresses.report_page(document.slug, notes.slug(glossary))
    return lambda number: href(page_path, f"{target}#note-{number}") if number in glossary.notes else ""


# ［1］ as text() leaves it, and [1] as text() escapes it.
NOTE_MARKER = re.compile(r"［(\d{1,3})］|\\\[(\d{1,3})\\\]|〔(\d{1,3})〕")

# A glossary entry: ［1］首台套：…, 1.首台套：… (parse.NOTE_ENTRY).
NOTE_ENTRY = re.compile(r"^(?:[［\[〔](\d{1,3})[］\]〕]|(\d{1,3})\s*[.．、]|[(（](\d{1,3})[)）])")


def with_note_links(markdown: str, glossary) -> str:
    def link(match: re.Match) -> str:
        number = match[1] or match[2] or match[3]
        url = glossary(number)
        return f'<sup><a class="note-ref" href="{url}">{match.group()}</a></sup>' if url else match.group()

    return NOTE_MARKER.sub(link, markdown)


def part_cards(document: Document, notes: ReportNotes, page_path: str) -> list[str]:
    """A report's pages as cards, under the part each belongs to (linked to
    the part's page): a review's （一）… and a plan's （一）… are not one list.
    Pages outside parts (appendices, the glossary) follow as 其他部分."""
    nodes = tree.outline(document, notes)
    if not any(node.is_group for node in nodes):
        return [section_cards(document, notes, page_path)]
    runs: list[tuple[tree.Node | None, list[Section]]] = []
    for node in nodes:
        if node.is_group:
            runs.append((node, [item.page for item in node.children]))
        elif runs and runs[-1][0] is None:
            runs[-1][1].append(node.page)
        else:
            runs.append((None, [node.page]))
    blocks = []
    for index, (part, sections) in enumerate(runs):
        if part is not None:
            blocks.append(f"### [{text(part.heading)}]({md_link(page_path, addresses.report_page(document.slug, part.slug))})")
        elif index:
            blocks.append("### 其他部分")
        blocks.append(section_cards(document, notes, page_path, sections))
    return blocks


def section_cards(document: Document, notes: ReportNotes, page_path: str, sections: list[Section] | None = None) -> str:
    cards = []
    for section in document.sections if sections is None else sections:
        card = f"<li>\n<p>{anchor(page_path, addresses.report_page(document.slug, notes.slug(section)), f'<strong>{word_breaks(section.heading)}</strong>')}</p>"
        if section.subtitle:
            card += f"\n<p>{word_breaks(section.subtitle)}</p>"
        cards.append(card + "\n</li>")
    # Each card repeats its section's heading and lead: search finds the sections.
    return html_block('<div class="grid cards" data-pagefind-ignore>\n<ul>\n' + "\n".join(cards) + "\n</ul>\n</div>")


def related_block(related_pages: tuple[Related, ...], page_path: str) -> str:
    if not related_pages:
        return ""
    items = []
    for related in related_pages:
        link = anchor(page_path, addresses.report_page(related.document, related.slug), escape(related.heading))
        shared = "、".join(escape(tag) for tag in related.shared)
        report = f"<span class=\"related__report\">{escape(related.report)}</span> " if related.report else ""
        items.append(f"<li>{report}{link} <small>共同标签:{shared}</small></li>")
    # Marked as its own, so print (extra.css) can leave it out.
    return "## 相关政策 { .related }\n\n" + html_block('<ul class="related">\n' + "\n".join(items) + "\n</ul>")
