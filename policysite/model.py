"""Plain data passed between the pipeline stages.

read → parse → enrich → render → write: each stage takes and returns these
objects (or lists of them) and nothing else, so each can be tested alone.
What enrich finds of a report's pages is kept beside them, in
policysite.annotations; no stage changes an object another stage made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Line:
    """One non-blank line of a seed, normalised, with its 1-based line number."""

    number: int
    text: str


@dataclass(frozen=True)
class Dropped:
    """A line the clean stage took out as page chrome, and the rule that did."""

    line: int
    text: str
    rule: str


@dataclass(frozen=True)
class Seed:
    """A seed file after decoding and normalisation (the read stage's output)."""

    path: Path          # where the seed lives, for messages and provenance
    name: str           # file name relative to the seeds folder, e.g. "000_x.txt"
    encoding: str       # the encoding the bytes were decoded with
    digest: str         # sha256 of the raw bytes: unchanged seeds can be skipped
    lines: tuple[Line, ...]
    sidecar: dict = field(default_factory=dict)  # validated seeds/<name>.yml, if any
    repairs: tuple[str, ...] = ()  # what reading repaired of the whole text (mojibake, traditional characters)


@dataclass
class SubHeading:
    """A heading inside a section, e.g. an "(一)" item of a numbered report."""

    text: str
    paragraph_index: int  # shown before this paragraph of the section


@dataclass(eq=False)  # compared and hashed by identity: one object per part
class Part:
    """A numbered part of a report (一、2025年工作回顾) whose items are pages.

    A part without items is a page itself (a Section of kind "part"); a part
    with items is a navigation group with an overview page of its own text.
    """

    heading: str                    # as written, numbering included: "三、2026年重点工作"
    paragraphs: list[str]           # the part's own text before its first item
    paragraph_lines: list[int]
    first_line: int
    last_line: int
    number: int = 0                 # 3 for 三、; 0 when the part line is unnumbered


@dataclass(frozen=True)
class Related:
    """Another section sharing tags with this one (相关政策)."""

    document: str       # document slug
    slug: str
    heading: str
    shared: tuple[str, ...]
    score: float
    report: str = ""    # the other report's name (place and year, or its title); "" within one report


@dataclass
class Section:
    """One policy heading of the article: becomes one page."""

    heading: str
    subtitle: str
    paragraphs: list[str]
    first_line: int
    last_line: int
    subheadings: list[SubHeading] = field(default_factory=list)
    paragraph_lines: list[int] = field(default_factory=list)  # source line of each paragraph
    # Run-in headings: paragraph index → the short clause it opens with
    # ("狠抓白鹅潭商务区开发建设" of "狠抓白鹅潭商务区开发建设。落实……").
    leads: dict[int, str] = field(default_factory=dict)
    kind: str = "section"           # section / item / part / appendix / glossary
    part: Part | None = None        # the part an item belongs to
    number: int = 0                 # 5 for （五）, 0 when unnumbered
    notes: dict[str, str] = field(default_factory=dict)  # glossary entries: marker number → entry


@dataclass
class Footer:
    reporter: str = ""
    editor: str = ""
    copyright: str = ""
    contact: str = ""
    lines: list[str] = field(default_factory=list)  # every footer line, verbatim


@dataclass(frozen=True)
class Document:
    """One seed article, parsed: made by the reading stages, never changed after
    (a stage that settles more of it, as enrich does its URL folder, makes a new one)."""

    seed: str                   # seed file name, relative to the seeds folder
    title: str
    outlet: str                 # outlet/channel line, e.g. "南方都市报APP • 南都广州"
    date: str                   # ISO 8601, "" when the article carries none
    intro: list[str]
    sections: list[Section]
    footer: Footer
    slug: str = ""              # URL folder, e.g. "liwan-2022": the sidecar's, else enrich's (a new Document)
    place: str = ""             # the area reported on, e.g. "荔湾": the header's, else enrich's
    source_url: str = ""
    extra_tags: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    intro_lines: list[int] = field(default_factory=list)  # source line of each intro paragraph
    # Metadata read from the text (read.header, read.metadata), each "" when the text has none.
    year: str = ""              # the year the report plans for: "2026"
    year_from: str = ""         # where the year was read: sidecar / title / dateline / session / plan part / timestamp / text
    place_name: str = ""        # full: 广东省, 广州市荔湾区 ("place" is the short form: 广东, 荔湾)
    place_code: str = ""        # administrative division code: 440103
    level: str = ""             # 省级 / 市级 / 区县级
    delivered: str = ""         # ISO date the report was delivered to the congress
    published: str = ""         # ISO date the text was published
    speaker: str = ""           # who delivered the report: 孟凡利
    kind: str = ""              # official / news / explainer / list
    title_block: list[str] = field(default_factory=list)  # dateline and speaker lines under an official title
    dropped: list[Dropped] = field(default_factory=list)  # page chrome the clean stage took out

    @property
    def name(self) -> str:
        """How links and search results name the report (report_name)."""
        return report_name(self.place_name or self.place, self.year, self.title)

    @property
    def parts(self) -> list[Part]:
        """The parts whose items are pages, in source order."""
        return list(dict.fromkeys(s.part for s in self.sections if s.part is not None))


def report_name(place: str, year: str, title: str) -> str:
    """A report as a reader tells it from others: 广州市荔湾区 · 2023年, else its title."""
    return f"{place} · {year}年" if place and year else title


@dataclass(frozen=True)
class Page:
    """A file to be written under the output folder (the render stage's output)."""

    path: str       # POSIX path relative to the output folder (policysite.site.addresses)
    content: str
    owner: str = ""  # the seed whose report it belongs to; "" for the site's own pages
