"""The whole pipeline: seeds folder → pages in the output folder.

build.py and the MkDocs hook both call `build()`; neither does any work of
its own.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from . import tree, write
from .lang import segment
from .annotations import Annotations, ReportNotes
from .model import Document, Page, Seed
from .read.seed import SeedError, read_seed
from .read.sidecar import read_sidecar
from .site import addresses, redirects

SEED_SUFFIXES = (".txt",)
# The code that turns seeds into pages: a change to it is a change to the output.
CODE = Path(__file__).resolve().parent


@dataclass
class Report:
    documents: list[Document] = field(default_factory=list)  # empty when nothing changed (fast path)
    errors: list[str] = field(default_factory=list)      # one line each, naming the file
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)       # -v detail: encodings used
    plan: write.Plan = field(default_factory=write.Plan)
    site: dict = field(default_factory=dict)             # what MkDocs needs: nav, tag kinds (write.site_data)
    seeds: int = 0                                       # seeds read
    doubtful: int = 0                                    # seeds with warnings

    def doubts(self, pairs: list[tuple[str, str]], seeds_dir: Path) -> None:
        """The warnings of the seeds, each (seed, warning): one line each naming the file."""
        self.warnings = [f"{seeds_dir / name}: {warning}" for name, warning in pairs]
        self.doubtful = len({name for name, _ in pairs})

    @property
    def ok(self) -> bool:
        return not self.errors

    def doubts_summary(self) -> str:
        """The line that ends a build whose seeds left doubts: how many, and where to read them."""
        if not self.doubtful:
            return ""
        return (f"{self.doubtful} seed(s) with doubts ({len(self.warnings)} in all, each listed above); "
                "`python build.py --audit` shows what was read of every seed, and a sidecar settles each doubt")

    def summary(self) -> str:
        p = self.plan
        return (
            f"{self.seeds} document(s): {len(p.write)} page(s) written, "
            f"{len(p.unchanged)} unchanged, {len(p.remove)} removed"
            + (f", {len(self.errors)} error(s)" if self.errors else "")
        )


class Memo:
    """What a long-running process (the live preview under `mkdocs serve`)
    keeps from one build to the next, so that a save re-does only what it
    changed: each seed's parse, each report's pages, what is on disk.

    Every entry is keyed by everything it was made from, so using one is the
    same as doing the work again; a build without a memo starts from nothing.
    (Figures and tag candidates are remembered by their text, in
    enrich/figures.py and enrich/reports.py.)
    """

    def __init__(self, out_dir: Path | None = None) -> None:
        self.out_dir = out_dir
        self.read: dict[Path, Seed] = {}                          # seed file → as last read
        self.parsed: dict[str, tuple[tuple, Document]] = {}       # seed → (its key, the Document parse made)
        self.pages: dict[str, tuple[bytes, list[Page]]] = {}      # seed → (digest of the enriched report, its pages)
        self.on_disk: dict[str, write.OnDisk] = {}               # page path → as last written or read

    def read_seed(self, path: Path, name: str) -> Seed:
        """read.read_seed, again only when the file's bytes changed."""
        seed = self.read.get(path)
        try:
            same = seed is not None and seed.name == name and hashlib.sha256(path.read_bytes()).hexdigest() == seed.digest
        except OSError:
            same = False  # read_seed says why
        if not same:
            seed = self.read[path] = read_seed(path, name)
        return seed

    def parse(self, seed: Seed) -> Document:
        """The seed parsed, again only when the seed or its sidecar changed (no
        later stage changes a Document: the one of last time is kept as it is)."""
        from .read.parse import parse

        key = (str(seed.path), seed.digest, json.dumps(seed.sidecar, sort_keys=True, default=str))
        found = self.parsed.get(seed.name)
        if found is None or found[0] != key:
            found = self.parsed[seed.name] = (key, parse(seed))
        return found[1]

    def report_pages(self, document: Document, notes: ReportNotes, archive: bool) -> list[Page]:
        """render.report_pages, again only when the report or its notes are not those of last time."""
        from .render import report_pages

        key = hashlib.blake2b(pickle.dumps((document, notes, archive), protocol=pickle.HIGHEST_PROTOCOL)).digest()
        found = self.pages.get(document.seed)
        if found is None or found[0] != key:
            found = self.pages[document.seed] = (key, report_pages(document, notes, archive))
        return found[1]

    def start(self, out_dir: Path, seeds: set[str]) -> None:
        """Forget what belongs to another output folder or to seeds that are gone."""
        if self.out_dir != out_dir:
            self.__init__(out_dir)
        for entries in (self.parsed, self.pages):
            for name in [name for name in entries if name not in seeds]:
                del entries[name]
        for path in [path for path, seed in self.read.items() if seed.name not in seeds]:
            del self.read[path]


def build(seeds_dir: Path, out_dir: Path, check: bool = False, memo: Memo | None = None, shortcut: bool = True) -> Report:
    """Read, parse, enrich, render and (unless `check`) write every seed.

    When the seeds and the code are those of the last build and its pages are
    intact, the manifest already says what the build would do: nothing is
    parsed, segmented or rendered (the costly part is jieba); `shortcut=False`
    does the work anyway (to fill a memo). `memo` carries what a long-running
    process remembers between builds.
    """
    report = Report()
    seed_files = find_seeds(seeds_dir)
    if not seed_files:
        report.errors.append(f"{seeds_dir}: no seed files ({', '.join('*' + s for s in SEED_SUFFIXES)})")
        return report

    seeds, failed = [], set()
    for path in seed_files:
        name = path.relative_to(seeds_dir).as_posix()
        try:
            seeds.append(read_sidecar(memo.read_seed(path, name) if memo else read_seed(path, name)))
        except SeedError as error:
            report.errors.append(str(error))
            failed.add(name)
            continue
        report.notes.append(f"{path}: read as {seeds[-1].encoding}")
    report.seeds = len(seeds)

    inputs = write.fingerprint(seeds, CODE)
    cached = None if failed or not shortcut else write.unchanged_build(out_dir, inputs)
    if cached is not None:
        report.plan, report.site = cached
        report.doubts([tuple(pair) for pair in report.site["warnings"]], seeds_dir)
        segment.add_words(report.site["terms"])
        return report

    # Imported only now: a build with nothing to do needs none of the stages
    # (importing pypinyin alone takes about 0.3 s).
    from .site.context import work_out
    from .enrich.reports import enrich, quoted_terms
    from .read.parse import parse
    from .render import nav, render, tag_anchor

    if memo is not None:
        memo.start(out_dir, {seed.name for seed in seeds})
    parsed = [memo.parse(seed) if memo else parse(seed) for seed in seeds]
    # Each report keeps the URL folder the last build gave it; old addresses stay.
    folders = write.read_record(out_dir).get("site", {}).get("folders", {})
    terms = quoted_terms(parsed)
    report.documents, notes = enrich(parsed, folders, terms) if parsed else ([], Annotations())
    site = work_out(report.documents, notes)
    history = redirects.remember(write.read_record(out_dir).get("site", {}).get("addresses", {}), site.documents, notes, failed)
    try:
        pages = render(site, memo.report_pages if memo else None) if site.documents else []
    except addresses.AddressClash as clash:  # nothing is written: one of the two would be lost
        report.errors.append(f"{out_dir / str(clash)}")
        return report
    pages = sorted(pages + redirects.redirect_pages(history, site.documents, notes, pages), key=lambda page: page.path)
    warnings = [(document.seed, warning) for document in report.documents for warning in document.warnings]
    report.doubts(warnings, seeds_dir)
    report.site = write.site_data(
        nav=nav(site), tags=site.tags, scopes=site.scopes,
        # An archive lists each report's tags itself: where a tag's chip links to.
        anchors={tag: f"tag:{tag_anchor(tag)}" for tag in site.tags} if site.archive else {},
        terms=terms, warnings=warnings,
        addresses=history, moved=redirects.moved_pages(pages),
        # A seed that failed this time keeps its folder for when it is mended.
        folders={**{seed: folder for seed, folder in folders.items() if seed in failed},
                 **{document.seed: document.slug for document in report.documents}},
    )
    # A failed seed keeps its pages, and the site-wide pages are not removed for
    # want of documents: a bad seed never costs anything that was built before.
    keep = failed | {""} if failed else set()
    if failed and not report.documents:
        report.site = write.read_record(out_dir).get("site") or report.site
    report.plan = write.plan(
        pages, out_dir, keep_seeds=keep,
        inputs=inputs, site=report.site, known=memo.on_disk if memo else None,
    )
    report.errors += [
        f"{out_dir / path}: not generated by build.py; refusing to overwrite it" for path in report.plan.conflicts
    ]
    if not check:
        write.apply(report.plan, out_dir, known=memo.on_disk if memo else None)
    return report


def describe(path: Path, out_dir: Path) -> tuple[list[str], list[str]]:
    """What a build would make of one seed, as lines to print: its metadata and
    outline (with each page's URL, as the build gives it), then its warnings.
    Writes nothing.

    A seed in a folder of seeds is read with the others, as a build reads it:
    its URLs depend on them (jieba learns every report's quoted terms, and two
    reports of one place and year share out folders).
    """
    document, notes = read_with_neighbours(path, out_dir)
    folder = addresses.url(addresses.overview(document.slug))
    lines = [
        f"title:     {document.title}",
        f"place:     {document.place_name or '?'} ({document.place or '?'}, {document.place_code or 'no code'}, {document.level or '?'})",
        f"year:      {document.year or '?'}",
        f"delivered: {document.delivered or '-'}   published: {document.published or '-'}",
        f"speaker:   {document.speaker or '-'}   outlet: {document.outlet or '-'}   kind: {document.kind}",
        f"folder:    {folder}",
        f"intro:     {sum(len(p) for p in document.intro)} characters",
        f"dropped:   {len(document.dropped)} line(s) of page chrome"
        + "".join(f"\n  line {d.line} ({d.rule}): {d.text}" for d in document.dropped),
        "outline:",
    ]
    for node, part in tree.walk(tree.outline(document, notes)):
        indent = "    " if part is not None else "  "
        url = addresses.url(addresses.report_page(document.slug, node.slug))
        if node.is_group:
            lines.append(f"{indent}{node.heading}  → {url}")
            continue
        size = sum(len(p) for p in node.page.paragraphs)
        lines.append(f"{indent}{node.heading}  → {url}  [{node.kind}, {size} characters]")
        lines += [f"{indent}  · {point.heading}" for point in node.children]
    return lines, document.warnings


def read_with_neighbours(path: Path, out_dir: Path) -> tuple[Document, ReportNotes]:
    """The seed at `path` parsed and enriched as a build of its folder would, and its notes
    (seeds beside it that cannot be read are left out, as a build leaves them)."""
    from .enrich.reports import enrich
    from .read.parse import parse

    seed = read_sidecar(read_seed(path, path.name))  # a bad seed is the error to report
    documents = [parse(seed)]
    for other in find_seeds(path.parent):
        if other.resolve() != path.resolve():
            try:
                documents.append(parse(read_sidecar(read_seed(other, other.relative_to(path.parent).as_posix()))))
            except SeedError:
                continue
    folders = write.read_record(out_dir).get("site", {}).get("folders", {})
    enriched, notes = enrich(documents, folders)
    return enriched[0], notes[enriched[0]]


def find_seeds(seeds_dir: Path) -> list[Path]:
    if not seeds_dir.is_dir():
        return []
    return sorted(
        path for path in seeds_dir.rglob("*")
        if path.is_file() and path.suffix.lower() in SEED_SUFFIXES and not path.name.startswith(".")
    )

