"""The report as the tree it is: parts → items → points, beside pages that
belong to no part (a news article's sections, appendices, the glossary).

    Node(part, "二、2026年工作安排")
      ├─ Node(item, "（一）着力扩大有效需求", position=4)
      │    └─ Node(point, "1. 提振消费")
      └─ …
    Node(appendix, "附件：2026年十件民生实事", position=12)

The parse stage finds the pages (`Document.sections`, each knowing its part);
this is the one place that groups them, and the navigation, the full text,
the overview's cards, the export and `build.py --outline` walk it rather
than grouping again. Nodes are frozen: a walk cannot change the report.
Which nodes are pages is one rule: every node but a point is a page — an
item under its part; a part with items has its own text as its overview.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from .annotations import ReportNotes
from .model import Document, Part, Section

PAGE_KINDS = ("part", "item", "section", "appendix", "glossary")


@dataclass(frozen=True, eq=False)
class Node:
    kind: str                       # part / item / section / appendix / glossary / point
    heading: str                    # as written, numbering included
    number: int                     # 3 for 三、 and （三）; 0 when unnumbered
    lines: tuple[int, int]          # first and last source line
    slug: str = ""                  # its page's name in the report's folder ("" for a point)
    position: int = 0               # 1-based among the report's item pages (0: a part or a point)
    children: tuple["Node", ...] = ()
    page: Section | Part | None = None  # what the parse stage made of it: its paragraphs, sub-headings

    @property
    def is_group(self) -> bool:
        """A part whose items are pages: a group in the navigation, its own text an
        overview. (A part without items is a page like any other.)"""
        return isinstance(self.page, Part)


def outline(document: Document, notes: ReportNotes | None = None) -> tuple[Node, ...]:
    """The report's top-level nodes in source order: parts (their items as
    children, consecutive pages of one part grouped), and pages without a part.
    With the report's notes, each page node has its slug."""
    def slug(page: Section | Part) -> str:
        return notes.slug(page) if notes is not None else ""

    nodes: list[Node] = []
    members: list[list[Node]] = []
    for position, section in enumerate(document.sections, 1):
        node = Node(section.kind, section.heading, section.number, (section.first_line, section.last_line),
                    slug(section), position, points(section), section)
        part = section.part
        if part is None:
            nodes.append(node)
            members.append([])
        elif nodes and nodes[-1].page is part:
            members[-1].append(node)
        else:
            nodes.append(Node("part", part.heading, part.number, (part.first_line, part.last_line), slug(part), page=part))
            members.append([node])
    return tuple(
        Node(n.kind, n.heading, n.number, n.lines, n.slug, n.position, tuple(items), n.page) if items else n
        for n, items in zip(nodes, members)
    )


def points(section: Section) -> tuple[Node, ...]:
    """Headings inside a page — sub-head lines, 1. points, run-in leads — with their source lines."""
    found = [(sub.paragraph_index, sub.text) for sub in section.subheadings]
    found += list(section.leads.items())
    lines = section.paragraph_lines
    return tuple(
        Node("point", text, 0, (line, line))
        for index, text in sorted(found, key=lambda pair: pair[0])
        for line in [lines[index] if index < len(lines) else section.last_line]
    )


def walk(nodes: tuple[Node, ...]) -> Iterator[tuple[Node, Node | None]]:
    """Every page node, depth first, with the part it is under (None at the top)."""
    for node in nodes:
        yield node, None
        for child in node.children:
            if child.kind != "point":
                yield child, node
