"""Plain data passed between the pipeline stages.

read → parse → enrich → render → write: each stage takes and returns these
objects (or lists of them) and nothing else, so each can be tested alone.
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
class Seed:
    """A seed file after decoding and normalisation (the read stage's output)."""

    path: Path          # where the seed lives, for messages and provenance
    name: str           # file name relative to the seeds folder, e.g. "000_x.txt"
    encoding: str       # the encoding the bytes were decoded with
    digest: str         # sha256 of the raw bytes: unchanged seeds can be skipped
    lines: tuple[Line, ...]
    sidecar: dict = field(default_factory=dict)  # validated seeds/<name>.yml, if any


@dataclass
class SubHeading:
    """A heading inside a section, e.g. an "(一)" item of a numbered report."""

    text: str
    paragraph_index: int  # shown before this paragraph of the section


@dataclass(frozen=True)
class Related:
    """Another section sharing tags with this one (相关政策)."""

    document: str       # document slug
    slug: str
    heading: str
    shared: tuple[str, ...]
    score: float


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
    slug: str = ""                  # set by enrich
    tags: list[str] = field(default_factory=list)  # set by enrich, topic first
    kinds: dict[str, str] = field(default_factory=dict)  # tag → topic/place/org/policy
    related: list[Related] = field(default_factory=list)  # set by enrich


@dataclass
class Footer:
    reporter: str = ""
    editor: str = ""
    copyright: str = ""
    contact: str = ""
    lines: list[str] = field(default_factory=list)  # every footer line, verbatim


@dataclass
class Document:
    """One seed article, parsed."""

    seed: str                   # seed file name, relative to the seeds folder
    title: str
    outlet: str                 # outlet/channel line, e.g. "南方都市报APP • 南都广州"
    date: str                   # ISO 8601, "" when the article carries none
    intro: list[str]
    sections: list[Section]
    footer: Footer
    slug: str = ""              # set by enrich, e.g. "liwan-2022"
    place: str = ""             # set by enrich: the area reported on, e.g. "荔湾"
    source_url: str = ""
    extra_tags: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    intro_lines: list[int] = field(default_factory=list)  # source line of each intro paragraph
    figures: list = field(default_factory=list)  # figures.Figure, set by enrich

    @property
    def year(self) -> str:
        return self.date[:4]


@dataclass(frozen=True)
class Page:
    """A file to be written under the output folder (the render stage's output)."""

    path: str       # POSIX path relative to the output folder
    content: str
