"""Live preview under `mkdocs serve`: a save rebuilds only what it changed.

MkDocs rebuilds the whole site after every save; an archive of 300 reports
is 9,000 pages, a minute a save. (`--dirty` skips pages whose source did not
change, but still lays out every page and leaves their navigation stale.)
So, while serving, the hook hands the server this builder instead:

1. the pipeline runs with a memo (pipeline.Memo, filled in the background
   after the first build): only the saved seed is read and parsed again,
   only reports whose enriched content changed are rendered again, and only
   pages whose bytes changed are written;
2. when the site's shape is as the last full build left it (the same
   configuration, templates and hand-written files; the same navigation and
   search scopes, no tag shown elsewhere of another kind; the same set of
   pages; see `site_change`), MkDocs renders only the
   pages written, with the files, navigation and theme of that build. That is
   what a full build would make of them: every other page's HTML depends only
   on its own source and on those;
3. anything else (a new heading changes the navigation, a report is added or
   removed, a stylesheet or template is saved) is a full build, as before;
4. the search index, which Pagefind writes whole (seconds at this size), is
   written again in the background once the page is served: search catches
   up a few seconds after the page.

The hook starts a session at `on_startup("serve")`, feeds it what each full
build laid out (`laid_out`, `built`), and swaps the server's builder for
`Session.rebuild` in `on_serve`.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..finish import postbuild, search
from ..pipeline import Memo, build
from ..write import hand_written

log = logging.getLogger("mkdocs.hooks.policysite")


@dataclass
class Layout:
    """What a full MkDocs build laid out, reused to render single pages."""

    config: object      # MkDocsConfig, its plugins (our hook among them) as they ran
    files: object       # mkdocs.structure.files.Files, every page's File and Page
    nav: object         # mkdocs.structure.nav.Navigation
    env: object         # the theme's Jinja environment
    page_meta: dict     # each page's front matter, for the search index
    site: dict          # the pipeline's site data the build was made with (navigation, tag kinds …)
    shape: dict         # stat of everything besides the seeds that the site is made from


class Session:
    """One `mkdocs serve`: the memo, the last full build, the search indexer."""

    def __init__(self) -> None:
        self.memo = Memo()
        self.lock = threading.Lock()    # one pipeline at a time uses the memo
        self.layout: Layout | None = None
        self.pending: dict = {}
        self.indexer = Indexer()
        self.full_build = None
        self.server = None              # MkDocs' LiveReloadServer, told when a save changed nothing
        self.warnings = Warnings()
        self.warmed = False

    # --- fed by the hook during a full build ------------------------------------------------

    def laid_out(self, **parts) -> None:
        """The parts of a full build as MkDocs makes them: nav (on_nav), files and env (on_env)."""
        self.pending.update(parts)

    def built(self, config, page_meta: dict, site: dict) -> None:
        """A full build finished (on_post_build): its layout can render single pages."""
        if {"files", "nav", "env"} <= self.pending.keys():
            self.layout = Layout(config, self.pending["files"], self.pending["nav"], self.pending["env"],
                                 page_meta, site, shape(config))
        self.pending = {}
        if not self.warmed:
            self.warmed = True
            threading.Thread(target=self.warm, args=(config,), name="policysite-warm", daemon=True).start()

    def warm(self, config) -> None:
        """Fill the memo while the first page is read: the first build of a
        session found its pages up to date and parsed nothing, and the first
        save should not wait for every report to be parsed and tagged."""
        started = time.perf_counter()
        with self.lock, collector_paused():
            try:
                report = build(seeds_dir(config), Path(config.docs_dir), check=True, memo=self.memo, shortcut=False)
            except Exception:  # noqa: BLE001 - only a head start: the first save does the same work
                log.debug("policysite: filling the preview's memo failed", exc_info=True)
                return
        log.info(f"policysite: ready for saves ({report.seeds} report(s) read in {time.perf_counter() - started:.1f} s)")

    # --- the server's builder ---------------------------------------------------------------

    def rebuild(self) -> None:
        """What the server runs after a save: the pages it changed, else the whole site."""
        started = time.perf_counter()
        layout = self.layout
        if layout is None:
            return self.whole_site("the last build did not finish")
        if shape(layout.config) != layout.shape:
            return self.whole_site("the configuration, a template or a hand-written file changed")
        with self.lock, collector_paused():
            reason, pages = self.changed_pages(layout)
        if reason:
            return self.whole_site(reason)
        if pages:
            self.indexer.request(layout)
            log.info(f"policysite: {pages} page(s) rendered again in {time.perf_counter() - started:.2f} s; search follows")
        elif pages is None:
            self.keep_browsers()
        return None

    def changed_pages(self, layout: Layout) -> tuple[str, int | None]:
        """Run the pipeline and render what it wrote: ("", files rendered or
        copied; None when it wrote nothing), or why the whole site must be
        built instead."""
        report = build(seeds_dir(layout.config), Path(layout.config.docs_dir), memo=self.memo)
        log_report(report)
        if not report.site:
            return "", None  # no seed could be read: what is served stays as it was
        written = [page.path for page in report.plan.write]
        changed = site_change(layout.site, report.site)
        if changed:
            return changed, 0
        if report.plan.remove or any(layout.files.get_file_from_path(path) is None for path in written):
            return "pages were added or removed", 0
        if not written:
            return "", None
        # New tags (and their anchors) appear only on the pages that now carry them.
        layout.config.extra["tag_kinds"] = report.site["tags"]
        layout.config.extra["tag_anchors"] = report.site["anchors"]
        layout.site = report.site
        try:
            return "", render_pages(layout, written)
        except Exception as error:  # noqa: BLE001 - whatever it was, a full build says it properly
            return f"rendering the changed pages alone failed ({error})", 0

    def keep_browsers(self) -> None:
        """The save wrote nothing: the server's browsers keep their page.

        MkDocs' server stamps each rebuild with a new epoch before it runs the
        builder, and the pages it serves poll until the epoch they were served
        with is no longer the latest: giving the rebuild back the epoch being
        shown is how a rebuild says it changed nothing (mkdocs.livereload).
        """
        server = self.server
        if server is None or not hasattr(server, "_epoch_cond"):
            return  # another server: it reloads as it always did
        with server._epoch_cond:
            server._wanted_epoch = server._visible_epoch
            server._epoch_cond.notify_all()
        log.info("policysite: the save changed no page; browsers keep theirs")

    def whole_site(self, reason: str) -> None:
        log.info(f"policysite: building the whole site: {reason}")
        self.indexer.wait(cancel=True)  # a full build empties the site folder, then indexes it itself
        self.layout = None
        with self.lock:  # its pre-build uses the memo too
            self.full_build()


def site_change(last: dict, now: dict) -> str:
    """What in the pipeline's site data makes the pages not written this time
    differ from those of the last full build ("" when nothing does).

    The navigation, the reports' folders and the search scopes are part of
    every page. A tag's kind and anchor are shown only on pages carrying the
    tag, whose front matter lists it: a tag added or dropped changes only
    pages that are written anyway, a tag whose kind changed changes others.
    Quoted terms and warnings are not shown on pages.
    """
    for key in ("nav", "folders", "scopes"):
        if last.get(key) != now.get(key):
            return f"the site's {key} changed"
    # Whether there are any at all decides how chips are drawn (tags: with icons)
    # and where they link (anchors: in an archive, to the report's tag page).
    for key, appeared in (("tags", "the site's first tag appeared, or its last went"),
                          ("anchors", "the site became an archive, or stopped being one")):
        before, after = last.get(key, {}), now.get(key, {})
        if any(before[tag] != after[tag] for tag in before.keys() & after.keys()):
            return f"the {key} of tags on other pages changed"
        if bool(before) != bool(after):
            return appeared
    return ""


def render_pages(layout: Layout, paths: list[str]) -> int:
    """The written files through MkDocs again, as its build would: Markdown
    pages rendered into the theme with the last build's navigation, other
    files copied. How many pages were rendered."""
    from mkdocs.commands.build import _build_page, _populate_page
    from mkdocs.structure.files import InclusionLevel

    config, files = layout.config, layout.files
    documentation = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    rendered = 0
    for path in paths:
        file = files.get_file_from_path(path)
        if file.page is None:
            file.copy_file()
            continue
        _populate_page(file.page, config, files)
        _build_page(file.page, config, documentation, layout.nav, layout.env, excluded=file.inclusion.is_excluded())
        file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        rendered += 1
    return rendered


class Indexer:
    """Writes the search index in a thread of its own, once more for every
    request made while it writes (so the last one reads the last pages)."""

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self.layout: Layout | None = None   # what to index next, if anything
        self.busy = False
        self.thread: threading.Thread | None = None
        self.articles: dict = {}            # each built page's text, read again only when rebuilt

    def request(self, layout: Layout) -> None:
        with self.condition:
            self.layout = layout
            if self.thread is None:
                self.thread = threading.Thread(target=self.run, name="policysite-search", daemon=True)
                self.thread.start()
            self.condition.notify_all()

    def wait(self, cancel: bool = False) -> None:
        """Until no index is being written (and, with `cancel`, none is due)."""
        with self.condition:
            if cancel:
                self.layout = None
            self.condition.wait_for(lambda: not self.busy and self.layout is None)

    def run(self) -> None:
        while True:
            with self.condition:
                self.condition.wait_for(lambda: self.layout is not None)
                layout, self.layout, self.busy = self.layout, None, True
            started = time.perf_counter()
            try:
                config = layout.config
                postbuild.finish(Path(config.docs_dir), Path(config.site_dir), config.site_url or "", layout.page_meta, self.articles)
                log.info(f"policysite: search index written again in {time.perf_counter() - started:.1f} s")
            except search.SearchUnavailable as error:
                log.error(str(error))
            except Exception:  # noqa: BLE001 - the server goes on; the next save tries again
                log.exception("policysite: the search index could not be written")
            finally:
                with self.condition:
                    self.busy = False
                    self.condition.notify_all()


# --- helpers ----------------------------------------------------------------------------


def seeds_dir(config) -> Path:
    return Path(config.config_file_path).resolve().parent / "seeds"


def shape(config) -> dict:
    """Size and mtime of every file the site is made from besides the seeds and
    the generated pages: the configuration, the theme's overrides, what in docs/
    is written by hand, anything else MkDocs was told to watch."""
    roots = [Path(config.config_file_path)]
    if config.theme.custom_dir:
        roots.append(Path(config.theme.custom_dir))
    roots += hand_written(Path(config.docs_dir))
    roots += [Path(path) for path in config.watch]
    found = {}
    for root in roots:
        for path in ([root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())):
            stat = path.stat()
            found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


@contextmanager
def collector_paused():
    """No cyclic garbage collection while the pipeline runs: it makes millions of
    short-lived objects, and each collection would walk the memo's and MkDocs'
    long-lived ones again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def log_report(report) -> None:
    """The pipeline's errors, doubts and summary in MkDocs' log (as the hook's pre-build).

    A seed that cannot be used is an error, which `mkdocs build --strict`
    refuses. A doubt (a guessed title, a long page) is advice for whoever
    keeps the seeds, not a broken site: it is logged as information, so a
    strict build of an archive with a doubtful report still deploys. While
    serving, only the doubts of seeds that changed since the last build: a
    doubt said once is not said again on every save.
    """
    for line in report.errors:
        log.error(line)
    for line in SESSION.warnings.fresh(report) if SESSION else report.warnings:
        log.info(f"policysite: doubt: {line}")
    log.info(f"policysite: {report.summary()}")


class Warnings:
    """What a serving process last said about each seed's doubts."""

    def __init__(self) -> None:
        self.said: dict[str, tuple[str, list[str]]] = {}   # seed → (digest of its files, its warnings)

    def fresh(self, report) -> list[str]:
        """The report's warnings of seeds whose text, sidecar or warnings changed since the last build."""
        pairs = report.site.get("warnings", [])
        if len(pairs) != len(report.warnings):
            return report.warnings  # not the pipeline's own list: say everything
        by_seed: dict[str, list[str]] = {}
        files: dict[str, str] = {}
        for (name, warning), line in zip(pairs, report.warnings):
            by_seed.setdefault(name, []).append(line)
            files[name] = line[: -len(f": {warning}")]  # each line is "<seed file>: <warning>"
        now = {name: (seed_digest(Path(files[name])), lines) for name, lines in by_seed.items()}
        fresh = [line for name, lines in by_seed.items() if self.said.get(name) != now[name] for line in lines]
        self.said = now
        return fresh


def seed_digest(path: Path) -> str:
    """The bytes of a seed and of its sidecar, as one digest ("" when unreadable)."""
    digest = hashlib.sha256()
    for file in (path, path.with_suffix(".yml")):
        try:
            digest.update(file.read_bytes())
        except OSError:
            digest.update(b"\0")
    return digest.hexdigest()


# The session of this process's `mkdocs serve`, if it is one.
SESSION: Session | None = None


def start() -> Session:
    global SESSION
    SESSION = Session()
    return SESSION


def session() -> Session | None:
    return SESSION


def memo() -> Memo | None:
    return SESSION.memo if SESSION else None

