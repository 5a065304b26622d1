"""Parse stage: cleaned lines → a Document: metadata and an outline of pages.

A text is read top-down: cleaned (policysite.read.clean), its header (policysite.read.header:
title block or headline), intro, body, footer (policysite.read.footer); then
what the header lacks is read from the whole (policysite.read.metadata). The body's
headings are found by structure, never by a list of known words: each heading
style is a small detector (policysite.read.headings), tried in order of how
explicit it is, and the first that recognises the text wins. An
official report is a tree (parts 一、 → items （一） → points; appendices; a
glossary), and `assemble` turns the headings found into that tree: an item is
a page under its part, a part without items is a page, appendices and the
glossary are pages.
"""

from __future__ import annotations

import dataclasses

import re
from typing import Sequence

from ..lang.patterns import ARABIC_NUMBERED, CRUMB, DATE, SUB_NUMBERED
from ..model import Document, Dropped, Line, Part, Section, Seed, SubHeading
from . import header as headers
from . import metadata
from .clean import clean
from .footer import find_footer, read_footer
from .headings import STYLES, Hit, HeadingStyle, arabic_subheading, explicit_style, first_clause, run_in_lead, split_run_in

BIG_PAGE = 8000      # characters of a page worth a warning
# ［1］, [1], 〔1〕: a marker in the text, or the number opening a glossary entry.
NOTE_ENTRY = re.compile(r"^(?:[［\[〔](?P<a>\d{1,3})[］\]〕]|(?P<b>\d{1,3})\s*[.．、]|[(（](?P<c>\d{1,3})[)）])\s*(?P<text>\S.*)$")


def parse(seed: Seed) -> Document:
    cleaned = clean(list(seed.lines))
    lines, dropped = cleaned.lines, list(cleaned.dropped)
    while len(lines) > 1 and CRUMB.match(lines[0].text) and not DATE.search(lines[0].text):
        dropped.append(Dropped(lines[0].number, lines[0].text, "breadcrumb"))
        lines.pop(0)  # crumbs above the title are site navigation, not the article
    header = headers.read_header(lines, cleaned.facts)
    dropped += header.dropped
    footer_start = find_footer(lines, header.body_start)
    body = lines[header.body_start:footer_start]
    footer = read_footer(lines[footer_start:])

    explicit = seed.sidecar.get("headings")
    styles = [explicit_style(explicit)] if explicit else STYLES
    hits: list[Hit] = []
    style = styles[-1]
    for style in styles:
        hits = style.find(body)
        if hits:
            break

    warnings = list(cleaned.warnings)
    # What reading repaired of the whole text (read.seed): said, so that a maintainer can check its pages.
    warnings += [f"{repair}; check its pages, or save the seed again from the original page" for repair in seed.repairs]
    if explicit and len(hits) < len(explicit):
        found = {hit.heading for hit in hits}
        missing = [h for h in explicit if h not in found]
        warnings.append(f"headings from the sidecar not found in the text: {', '.join(missing)}")

    intro_end = hits[0].index if hits else len(body)
    intro = [line.text for line in body[:intro_end]]
    intro_lines = [line.number for line in body[:intro_end]]
    sections = assemble(body, hits, style) if hits else []
    if not hits and body:
        intro, intro_lines = [], []
        sections = [whole_text_section(header.title or first_clause(body[0].text), body)]
        warnings.append("no headings detected: the whole text is one page; list them as `headings:` in the sidecar")
    elif not body:
        warnings.append("no text besides the title")

    document = Document(
        seed=seed.name,
        title=seed.sidecar.get("title") or header.title,
        outlet=header.outlet,
        date=seed.sidecar.get("date") or header.date,
        intro=intro,
        sections=sections,
        footer=footer,
        slug=seed.sidecar.get("slug", ""),
        source_url=seed.sidecar.get("source", "") or cleaned.facts.get("source", ""),
        extra_tags=list(seed.sidecar.get("tags", [])),
        intro_lines=intro_lines,
        dropped=sorted(dropped, key=lambda d: d.line),
    )
    document, guesses = metadata.complete(document, header, seed.sidecar)
    return dataclasses.replace(document, warnings=warnings + guesses + coverage_warnings(document))


def coverage_warnings(document: Document) -> list[str]:
    """Doubt worth a maintainer's look: pages too long to read, headings covering little of the text."""
    warnings = []
    for section in document.sections:
        size = sum(len(p) for p in section.paragraphs)
        if size > BIG_PAGE and len(document.sections) > 1:
            warnings.append(
                f"page {section.heading!r} (lines {section.first_line}–{section.last_line}) holds {size} characters: "
                "its headings may not have been recognised; "
                "list them as `headings:` in the sidecar"
            )
    intro = sum(len(p) for p in document.intro)
    body = intro + sum(len(p) for s in document.sections for p in s.paragraphs)
    if document.sections and body > 4000 and intro > 0.3 * body:
        warnings.append(
            f"headings cover only part of the text ({intro} of {body} characters come before the first): "
            "list them as `headings:` in the sidecar"
        )
    return warnings


def assemble(body: Sequence[Line], hits: list[Hit], style: HeadingStyle) -> list[Section]:
    """Pages in source order: items under their parts, item-less parts, appendices, glossary."""
    sections: list[Section] = []
    part: Part | None = None
    for position, hit in enumerate(hits):
        following = hits[position + 1] if position + 1 < len(hits) else None
        if hit.kind == "part" and following is not None and following.kind == "item":
            part = make_part(body, hit, following)
            continue
        section = make_section(body, hit, following, style)
        section.kind, section.number = hit.kind, hit.number
        if hit.kind == "item":
            section.part = part
        else:
            part = None
        if hit.kind == "glossary":
            section.notes = glossary_entries(section)
        sections.append(section)
    for each in {id(s.part): s.part for s in sections if s.part}.values():
        each.last_line = max(s.last_line for s in sections if s.part is each)
    return sections


def make_part(body: Sequence[Line], hit: Hit, first_item: Hit) -> Part:
    """A part with items: its heading and the text before its first item."""
    lines = body[hit.index + hit.consumed : first_item.index]
    paragraphs = ([hit.rest] if hit.rest else []) + [line.text for line in lines]
    numbers = ([body[hit.index].number] if hit.rest else []) + [line.number for line in lines]
    first = body[hit.index].number
    return Part(hit.heading, paragraphs, numbers, first, first, number=hit.number)


def glossary_entries(section: Section) -> dict[str, str]:
    """［1］数字经济：…, 1.数字经济：… → {"1": "数字经济：…"}."""
    entries = {}
    for paragraph in section.paragraphs:
        match = NOTE_ENTRY.match(paragraph)
        if match:
            entries.setdefault(match["a"] or match["b"] or match["c"], match["text"])
    return entries


def make_section(body: Sequence[Line], hit: Hit, following: Hit | None, style: HeadingStyle) -> Section:
    end = following.index if following else len(body)
    lines = body[hit.index + hit.consumed : end]
    paragraphs = [hit.rest] if hit.rest else []
    numbers = [body[hit.index].number] if hit.rest else []
    subheadings = []
    for position, line in enumerate(lines):
        following = lines[position + 1].text if position + 1 < len(lines) else ""
        sub = style.subheading(line.text, following)
        if sub is None:
            paragraphs.append(line.text)
            numbers.append(line.number)
            continue
        head, rest = split_run_in(sub)
        subheadings.append(SubHeading(head, len(paragraphs)))
        if rest:
            paragraphs.append(rest)
            numbers.append(line.number)
    return Section(
        heading=hit.heading,
        subtitle=hit.subtitle,
        paragraphs=paragraphs,
        first_line=body[hit.index].number,
        last_line=body[end - 1].number,
        subheadings=subheadings,
        paragraph_lines=numbers,
        leads={index: clause for index, paragraph in enumerate(paragraphs) if (clause := run_in_lead(paragraph))},
    )


def whole_text_section(title: str, body: Sequence[Line]) -> Section:
    """The whole text as one page; numbered lines (a short 1. list) are its headings."""
    numbered = sum(1 for line in body if ARABIC_NUMBERED.match(line.text) or SUB_NUMBERED.match(line.text))
    style = HeadingStyle("whole", lambda lines: [], arabic_subheading if numbered >= 2 else (lambda text, following: None))
    section = make_section([Line(0, title), *body], Hit(0, title), None, style)
    section.first_line = body[0].number
    return section
