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

from . import redirects, segment, write
from .model import Document, Page, Seed
from .read import SeedError, read_seed
from .sidecar import read_sidecar

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

    @property
    def ok(self) -> bool:
        return not self.errors

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
    (Figures and tag candidates are remembered by their text, in figures.py
    and enrich.py.)
    """

    def __init__(self, out_dir: Path | None = None) -> None:
        self.out_dir = out_dir
        self.read: dict[Path, Seed] = {}                          # seed file → as last read
        self.parsed: dict[str, tuple[tuple, bytes]] = {}          # seed → (its key, the pickled Document)
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
        """The seed parsed: a fresh Document each time, as enrich changes it."""
        from .parse import parse

        key = (str(seed.path), seed.digest, json.dumps(seed.sidecar, sort_keys=True, default=str))
        found = self.parsed.get(seed.name)
        if found is None or found[0] != key:
            found = self.parsed[seed.name] = (key, pickle.dumps(parse(seed), protocol=pickle.HIGHEST_PROTOCOL))
        # Unpickled even when just parsed, so that the report's pickled bytes
        # (report_pages' key) are the same from its first build on.
        return pickle.loads(found[1])

    def report_pages(self, document: Document, archive: bool) -> list[Page]:
        """render.report_pages, again only when the enriched report is not the one of last time."""
        from .render import report_pages

        key = hashlib.blake2b(pickle.dumps((document, archive), protocol=pickle.HIGHEST_PROTOCOL)).digest()
        found = self.pages.get(document.seed)
        if found is None or found[0] != key:
            found = self.pages[document.seed] = (key, report_pages(document, archive))
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
        report.warnings = [f"{seeds_dir / name}: {warning}" for name, warning in report.site["warnings"]]
        segment.add_words(report.site["terms"])
        return report

    # Imported only now: a build with nothing to do needs none of the stages
    # (importing pypinyin alone takes about 0.3 s).
    from .enrich import enrich, quoted_terms
    from .groups import search_scopes
    from .parse import parse
    from .render import is_archive, nav, render, tag_anchor, tag_kinds

    if memo is not None:
        memo.start(out_dir, {seed.name for seed in seeds})
    report.documents = [memo.parse(seed) if memo else parse(seed) for seed in seeds]
    # Each report keeps the URL folder the last build gave it; old addresses stay.
    folders = write.read_record(out_dir).get("site", {}).get("folders", {})
    documents = enrich(report.documents, folders) if report.documents else []
    addresses = redirects.remember(write.read_record(out_dir).get("site", {}).get("addresses", {}), documents, failed)
    pages = render(documents, memo.report_pages if memo else None) if documents else []
    pages = sorted(pages + redirects.redirect_pages(addresses, documents, pages), key=lambda page: page.path)
    warnings = [(document.seed, warning) for document in report.documents for warning in document.warnings]
    report.warnings = [f"{seeds_dir / name}: {warning}" for name, warning in warnings]
    scopes = {slug: scope for slug, scope in search_scopes(report.documents).items() if scope}
    tags = tag_kinds(report.documents)
    report.site = write.site_data(
        nav=nav(report.documents), tags=tags, scopes=scopes,
        # An archive lists each report's tags itself: where a tag's chip links to.
        anchors={tag: f"tag:{tag_anchor(tag)}" for tag in tags} if is_archive(report.documents) else {},
        terms=quoted_terms(report.documents), warnings=warnings,
        addresses=addresses, moved=redirects.moved_pages(pages),
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
        pages, owners(report.documents, pages), out_dir, keep_seeds=keep,
        inputs=inputs, site=report.site, known=memo.on_disk if memo else None,
    )
    report.errors += [
        f"{out_dir / path}: not generated by build.py; refusing to overwrite it" for path in report.plan.conflicts
    ]
    if not check:
        write.apply(report.plan, out_dir, known=memo.on_disk if memo else None)
    return report


def describe(path: Path) -> tuple[list[str], list[str]]:
    """What a build would make of one seed, as lines to print: its metadata and
    outline (with each page's URL), then its warnings. Writes nothing."""
    from .enrich import assign_section_slugs, document_slug
    from .parse import parse

    document = parse(read_sidecar(read_seed(path, path.name)))
    document.slug = document.slug or document_slug(document)
    assign_section_slugs(document)
    lines = [
        f"title:     {document.title}",
        f"place:     {document.place_name or '?'} ({document.place or '?'}, {document.place_code or 'no code'}, {document.level or '?'})",
        f"year:      {document.year or '?'}",
        f"delivered: {document.delivered or '-'}   published: {document.published or '-'}",
        f"speaker:   {document.speaker or '-'}   outlet: {document.outlet or '-'}   kind: {document.kind}",
        f"folder:    {document.slug}/",
        f"intro:     {sum(len(p) for p in document.intro)} characters",
        f"dropped:   {len(document.dropped)} line(s) of page chrome"
        + "".join(f"\n  line {d.line} ({d.rule}): {d.text}" for d in document.dropped),
        "outline:",
    ]
    part = None
    for section in document.sections:
        indent = "  "
        if section.part is not None:
            if section.part is not part:
                part = section.part
                lines.append(f"  {part.heading}  → {document.slug}/{part.slug}/")
            indent = "    "
        size = sum(len(p) for p in section.paragraphs)
        lines.append(f"{indent}{section.heading}  → {document.slug}/{section.slug}/  [{section.kind}, {size} characters]")
        lines += [f"{indent}  · {sub.text}" for sub in section.subheadings]
    return lines, document.warnings


def find_seeds(seeds_dir: Path) -> list[Path]:
    if not seeds_dir.is_dir():
        return []
    return sorted(
        path for path in seeds_dir.rglob("*")
        if path.is_file() and path.suffix.lower() in SEED_SUFFIXES and not path.name.startswith(".")
    )


def owners(documents: list[Document], pages: list[Page]) -> dict[str, str]:
    """Page path → seed it belongs to; site-wide pages belong to none."""
    by_slug = {document.slug: document.seed for document in documents}
    return {page.path: by_slug.get(page.path.split("/")[0], "") for page in pages if "/" in page.path}
