"""Reports built by hand, for tests of one page kind at a time: no seed, no
jieba, no parse — the tree and what enrich would have found of it (its notes),
written out (as pandoc's Builder makes documents for its writers' tests).

    built = report("2026年青禾省政府工作报告", "qinghe-2026", place="青禾省",
                   parts=[part("一、2025年工作回顾", item("（一）经济运行稳中有进", "全年地区生产总值增长5.2%。"))])
    site(built, …)   # the site of these reports, as work_out makes it from enrich's output
"""

from __future__ import annotations

import dataclasses
import itertools
from typing import NamedTuple

from policysite.annotations import Annotations, PageNotes, ReportNotes
from policysite.enrich import delivery
from policysite.enrich.figures import Figure
from policysite.model import Document, Footer, Part, Section, SubHeading
from policysite.site.context import Site, work_out


@dataclasses.dataclass
class Item:
    """A page as the builder holds it: the Section, and the notes enrich would give it."""

    section: Section
    slug: str
    tags: dict[str, str]


class Built(NamedTuple):
    document: Document
    notes: ReportNotes


def item(heading: str, *paragraphs: str, slug: str = "", kind: str = "item", subtitle: str = "",
         tags: dict[str, str] | None = None, points: dict[int, str] | None = None,
         leads: dict[int, str] | None = None) -> Item:
    """A page of a report. `tags`: tag → kind (place / org / policy / topic), in chip
    order as enrich gives them; `points`: paragraph index → sub-heading shown before it;
    `leads`: paragraph index → the run-in clause that paragraph opens with."""
    section = Section(
        heading=heading, subtitle=subtitle, paragraphs=list(paragraphs), first_line=0, last_line=0,
        subheadings=[SubHeading(text, index) for index, text in (points or {}).items()],
        leads=dict(leads or {}), kind=kind,
    )
    return Item(section, slug, dict(tags or {}))


def part(heading: str, *items: Item, text: tuple[str, ...] = (), slug: str = "", number: int = 0) -> tuple[Part, str, list[Item]]:
    """A part; with items, a navigation group whose own text is its overview page."""
    return Part(heading, list(text), [], 0, 0, number=number), slug, list(items)


def report(title: str, slug: str, *, parts=(), pages: tuple[Item, ...] = (), place: str = "", place_code: str = "",
           level: str = "", year: str = "", date: str = "", intro: tuple[str, ...] = ("导语。",), seed: str = "",
           outlet: str = "", speaker: str = "", kind: str = "official", figures=()) -> Built:
    """A report of `parts` (each from part()) followed by loose `pages` (appendices,
    a news article's sections), with its notes. Source lines are numbered in reading
    order, as a seed's would be; `figures` are (text, page position, fields), each made by figure()."""
    built: list[Item] = []
    part_slugs: list[tuple[Part, str]] = []
    for owner, part_slug, items in parts:
        if not items:  # a part without items is a page of kind part
            built.append(Item(Section(owner.heading, "", list(owner.paragraphs), 0, 0, kind="part"), part_slug, {}))
        else:
            part_slugs.append((owner, part_slug))
        for one in items:
            one.section.part = owner
            built.append(one)
    built += list(pages)
    sections = [one.section for one in built]
    numbers = itertools.count(1)
    intro_lines = [next(numbers) for _ in intro]
    for owner, _, _ in parts:
        owner.first_line = next(numbers)
        owner.paragraph_lines = [next(numbers) for _ in owner.paragraphs]
    for section in sections:
        section.first_line = next(numbers)
        section.paragraph_lines = [next(numbers) for _ in section.paragraphs]
        section.last_line = section.paragraph_lines[-1] if section.paragraph_lines else section.first_line
    for owner, _, items in parts:
        owner.last_line = max([owner.first_line, *owner.paragraph_lines, *(one.section.last_line for one in items)])
    document = Document(
        seed=seed or f"{slug}.txt", title=title, outlet=outlet, date=date, intro=list(intro), sections=sections,
        footer=Footer(), slug=slug, place=place, place_name=place, place_code=place_code, level=level, year=year,
        speaker=speaker, kind=kind, intro_lines=intro_lines,
    )
    notes = [(one.section, PageNotes(one.slug, tuple(one.tags), dict(one.tags))) for one in built]
    notes += [(owner, PageNotes(part_slug)) for owner, part_slug in part_slugs]
    found = tuple(figure(document, text, position, **fields) for text, position, fields in figures)
    return Built(document, ReportNotes(tuple(notes), found))


def site(*reports: Built) -> Site:
    """The site of these reports, as the pipeline works it out from enrich's output:
    each report's notes with the results that answer the year before's targets."""
    documents = [built.document for built in reports]
    figures = {built.document.seed: built.notes.figures for built in reports}
    found = delivery.deliveries(documents, figures)
    answers = delivery.answer_notes(found, figures)
    notes = {built.document.seed: dataclasses.replace(built.notes, answers=answers.get(built.document.seed, {}))
             for built in reports}
    return work_out(documents, Annotations(notes, tuple(found)))


def figure(document: Document, text: str, position: int, **fields) -> Figure:
    """A figure as figures.extract gives it, read from the sentence of page `position`
    that holds `text` (0: the intro). Fields not given are empty."""
    paragraphs = document.sections[position - 1].paragraphs if position else document.intro
    lines = document.sections[position - 1].paragraph_lines if position else document.intro_lines
    index = next(i for i, p in enumerate(paragraphs) if text in p)
    number = float("".join(c for c in text if c.isdigit() or c == ".") or 0)
    given = {"value": str(number), "unit": "", "text": text, "qualifier": "", "meaning": "", "measure": "",
             "kind": "percent" if "%" in text else "count", "sentence": paragraphs[index], "section": position,
             "line": lines[index], "low": number, "high": number} | fields
    empty = {f.name: (0.0 if f.type in ("float",) else 0 if f.type in ("int",) else "")
             for f in dataclasses.fields(Figure) if f.default is dataclasses.MISSING}
    return Figure(**(empty | given))
