"""Post-build search: the built site → a Pagefind index cut for Chinese.

Pagefind (https://pagefind.app) writes a chunked index a browser loads a
little at a time, so an archive of hundreds of reports is searched whole from
any page. It reads the site after any renderer has built it:

  1. every page's Markdown source says what the page is (front matter: its
     report, place and year; `search: exclude` for pages that repeat others);
  2. its built HTML gives the text a reader sees (the `<article>`);
  3. the text is cut into our search atoms (policysite.lang.segment) and handed to
     Pagefind as already-cut words, in a language Pagefind does not cut again;
  4. the atoms also go to `search/words/`, from which the search worker cuts
     queries the same way;
  5. Material's search worker is replaced by ours (assets/search-worker.js),
     which speaks Material's worker protocol and answers from Pagefind, so
     Material's search box, dialog and result list stay as they are.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..lang import segment
from ..model import report_name as report_name_of
from ..site import addresses

WORKER = Path(__file__).with_name("assets") / "search-worker.js"
MARKER = "/* policysite search worker */"
# Pagefind's own Chinese cut differs from ours (jieba with the domain lexicon),
# at index time and in the browser. Text arrives cut, in a language code
# Pagefind neither segments nor stems.
LANGUAGE = "und"
WORD_BUCKETS = 64
# What Pagefind writes for its own UIs, which the site does not use.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchUnavailable(RuntimeError):
    """The site cannot be indexed (a library missing): one line for the maintainer."""


@dataclass
class Record:
    """One searchable page: where it is, what it is called, its report, its text."""
    url: str                      # relative to the site root, as a directory URL
    title: str
    report: str = ""              # the report's name as results show it
    filters: dict[str, str] = field(default_factory=dict)  # report / place / year
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (h1…h6 or p, text)
    order: str = ""               # newest report first, its pages together (see report_order)


@dataclass
class IndexStats:
    pages: int = 0
    words: int = 0
    skipped: list[str] = field(default_factory=list)  # sources whose page was not built


def missing_libraries() -> list[str]:
    """What search needs and cannot import: checked before a build starts."""
    import importlib.util

    missing = [] if segment.available() else ["jieba"]
    try:
        if importlib.util.find_spec("pagefind") is None:
            missing.append("pagefind")
    except ImportError:
        missing.append("pagefind")
    return missing


def index_site(docs_dir: Path, site_dir: Path, meta: dict[str, dict] | None = None, articles: dict | None = None) -> IndexStats:
    """Index the built site in `site_dir`: Pagefind's bundle in pagefind/, the
    query vocabulary in search/words/, and Material's worker replaced.

    `meta` maps a page's source (docs-relative, "x/y.md") to its front matter,
    when the renderer has read it already; otherwise it is read from docs_dir.
    `articles` remembers each built page's text between runs (see `collect`).
    """
    missing = missing_libraries()
    if missing:
        raise SearchUnavailable(f"{' and '.join(missing)} not installed, so the site cannot be searched: pip install -r requirements.txt")
    records, stats = collect(docs_dir, site_dir, meta, articles)
    write_pagefind(records, site_dir / "pagefind")
    stats.words = write_words(records, site_dir / "search" / "words")
    install_worker(site_dir)
    return stats


def index_for_zensical(docs_dir: Path, site_dir: Path) -> IndexStats:
    """Zensical's own search index (search.json) rewritten from the same records
    as Pagefind's: a page per item, its text without what is not the page's
    (cards, bylines, 相关政策), named by its report, with full-width punctuation.
    Zensical's worker cuts Chinese itself (Intl.Segmenter), so the text stays uncut."""
    index = site_dir / "search.json"
    if not index.is_file():
        raise SearchUnavailable(f"{index}: not found (is this a site Zensical built?)")
    data = json.loads(index.read_text(encoding="utf-8"))
    records, stats = collect(docs_dir, site_dir)
    data["items"] = [
        {
            "location": record.url, "level": 1, "title": record.title,
            "text": "".join(f"<p>{html.escape(text, quote=False)}</p>" for tag, text in record.blocks if tag != "h1"),
            "path": [record.report] if record.report else [], "tags": [],
        }
        for record in records
    ]
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return stats


# --- what to index ----------------------------------------------------------------------


def collect(
    docs_dir: Path, site_dir: Path, known: dict[str, dict] | None = None, articles: dict | None = None,
) -> tuple[list[Record], IndexStats]:
    """A record for every searchable page of the site, in source order.

    `articles` (built page → its stat and text when last read) lets a
    long-running process read again only the pages rebuilt since."""
    stats = IndexStats()
    records = []
    articles = {} if articles is None else articles
    for source in sorted(docs_dir.rglob("*.md")):
        relative = source.relative_to(docs_dir).as_posix()
        meta = known[relative] if known and relative in known else front_matter(source)
        if not searchable(meta):
            continue
        built = site_dir / addresses.built_path(relative)
        try:
            stat = built.stat()
        except OSError:
            stats.skipped.append(relative)
            continue
        key = (stat.st_mtime_ns, stat.st_size)
        seen = articles.get(built)
        if seen is None or seen[0] != key:
            seen = articles[built] = (key, read_article(built.read_text(encoding="utf-8")))
        title, blocks = seen[1]
        records.append(Record(
            url=addresses.url(relative), title=title or str(meta.get("title") or ""),
            report=report_name(meta), filters=report_filters(meta), blocks=blocks, order=report_order(meta, relative),
        ))
    stats.pages = len(records)
    return records, stats


# libyaml's loader when PyYAML has it: an archive's thousands of front matters.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def front_matter(source: Path) -> dict:
    text = source.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    end = text.find("\n---", 3)
    try:
        meta = yaml.load(text[3:end], Loader=SAFE_LOADER) if end > 0 else None
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def searchable(meta: dict) -> bool:
    """False for pages that repeat others (全文, 数读, tag lists): front matter `search: exclude`."""
    setting = meta.get("search")
    return not (isinstance(setting, dict) and setting.get("exclude"))


def report_name(meta: dict) -> str:
    """The name of the report a page belongs to, from its front matter (model.report_name)."""
    return report_name_of(str(meta.get("place") or ""), str(meta.get("year") or ""), str(meta.get("document") or ""))


def report_order(meta: dict, source: str) -> str:
    """The key results are sorted by, descending: year, date, then the report's
    folder, so a report's pages come together, the newest report first. Every
    page has one (Pagefind leaves out of a sorted search a page without it)."""
    year, date = str(meta.get("year") or "0000"), str(meta.get("date") or "")[:10] or "0000-00-00"
    folder = source.split("/", 1)[0] if "/" in source else ""
    return f"{year} {date} {folder}"


def report_filters(meta: dict) -> dict[str, str]:
    filters = {"report": report_name(meta), "place": meta.get("place"), "year": meta.get("year")}
    return {key: str(value) for key, value in filters.items() if value}


# --- the text of a built page -------------------------------------------------------------

ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.S)
BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dt", "dd", "blockquote", "figcaption", "pre", "caption"}
SKIPPED = {"script", "style", "svg", "nav", "template", "button", "form"}
# Not the page's own text: heading links (¶), the byline, links to related
# sections in other reports, the source-file footer.
SKIPPED_CLASSES = {"headerlink", "byline", "related", "md-source-file"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "source"}
TOKEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>|<!--.*?-->|<![^>]*>|<|([^<]+)", re.S)
CLASS = re.compile(r'\bclass="([^"]*)"')


def read_article(page: str) -> tuple[str, list[tuple[str, str]]]:
    """The page's title (its first h1) and its text as blocks, from the built HTML.

    The `<article>` is what any renderer of the site shows as the page; within
    it, heading links, tag chips, the byline and anything marked
    `data-pagefind-ignore` are not the page's text. Markup written by
    Markdown is regular enough for a tokenizer: a tenth of html.parser's time.
    """
    match = ARTICLE.search(page)
    blocks: list[tuple[str, str]] = []
    stack: list[tuple[str, bool]] = []   # open elements: (tag, skipped)
    skipping = 0                         # open elements that are not text
    current: list[str] = []
    block = "p"

    def flush():
        nonlocal current, block
        text = " ".join(html.unescape("".join(current)).split())
        if text:
            blocks.append((block, text))
        current, block = [], "p"

    for token in TOKEN.finditer(match.group(1) if match else page):
        closing, tag, attributes, text = token.groups()
        if text is not None:
            if not skipping:
                current.append(text)
            continue
        if tag is None:  # a comment, a doctype, a stray "<"
            continue
        tag = tag.lower()
        if tag in VOID or attributes.endswith("/"):
            continue
        if not closing:
            skip = bool(skipping) or tag in SKIPPED or "data-pagefind-ignore" in attributes or bool(
                SKIPPED_CLASSES.intersection(CLASS.search(attributes)[1].split() if CLASS.search(attributes) else ()))
            stack.append((tag, skip))
            if skip:
                skipping += 1
            elif tag in BLOCKS:
                flush()
                block = tag if tag[0] == "h" and len(tag) == 2 else "p"
            continue
        if not any(open_tag == tag for open_tag, _ in stack):
            continue
        while stack:  # close anything left open inside it
            open_tag, skipped = stack.pop()
            if skipped:
                skipping -= 1
            elif open_tag in BLOCKS:
                flush()
            if open_tag == tag:
                break
    flush()
    title = next((text for tag, text in blocks if tag == "h1"), "")
    return title, blocks


# --- Pagefind -----------------------------------------------------------------------------


def record_html(record: Record) -> str:
    """The page as Pagefind indexes it: cut text, with its name and filters as metadata."""
    e = lambda text: html.escape(text, quote=True)  # noqa: E731
    head = [f'<meta data-pagefind-meta="title[content]" content="{e(record.title)}">']
    if record.report:
        head.append(f'<meta data-pagefind-meta="report[content]" content="{e(record.report)}">')
    head += [f'<meta data-pagefind-filter="{key}[content]" content="{e(value)}">' for key, value in record.filters.items()]
    head.append(f'<meta data-pagefind-sort="report[content]" content="{e(record.order or "0000")}">')
    body = [f"<{tag}>{e(segment.for_search(text))}</{tag}>" for tag, text in record.blocks]
    return (f'<!DOCTYPE html><html lang="{LANGUAGE}"><head>{"".join(head)}</head>'
            f'<body><main data-pagefind-body>{"".join(body)}</main></body></html>')


def write_pagefind(records: list[Record], output: Path) -> None:
    """Pagefind's bundle for the records, in `output`.

    The records go to Pagefind's command line as a folder of pages, and the
    bundle is used once the command has exited. Not its Python API: that
    API stops Pagefind's process as soon as Pagefind answers that it wrote
    the files, but Pagefind answers when its writes are queued (tokio's
    `File::write_all` without a flush), not done; on a busy machine the
    process was stopped with files still empty (`pagefind.js`,
    `wasm.unknown.pagefind`). A process that exits by itself finishes its
    writes first.
    """
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise SearchUnavailable("Pagefind's program is not installed, so the site cannot be searched: pip install -r requirements.txt")
    final, output = output, output.with_name(f".{output.name}-next")
    shutil.rmtree(output, ignore_errors=True)
    # In memory where the system has a RAM disk: after a build has just
    # written the site, thousands of small files on disk wait for writeback.
    ram = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="policysite-search-", dir=ram) as folder:
        pages = os.path.join(folder, "pages")
        for record in records:
            os.makedirs(os.path.join(pages, record.url), exist_ok=True)
            with open(os.path.join(pages, record.url, "index.html"), "w", encoding="utf-8") as page:
                page.write(record_html(record))
        # Run where no pagefind.yml can be, with none of the PAGEFIND_ settings it reads.
        environment = {key: value for key, value in os.environ.items() if not key.startswith("PAGEFIND_")}
        result = subprocess.run(
            [str(binary), "--site", pages, "--output-path", str(output.resolve()), "--force-language", LANGUAGE],
            cwd=folder, env=environment, capture_output=True, text=True,
        )
    if result.returncode != 0:
        last = (result.stderr.strip() or result.stdout.strip() or f"exit status {result.returncode}").splitlines()[-1]
        raise RuntimeError(f"Pagefind could not index the site: {last}")
    for name in UNUSED:
        (output / name).unlink(missing_ok=True)
    replace_folder(output, final)


def replace_folder(new: Path, target: Path) -> None:
    """`new` in place of `target`, which a server may be serving: gone for
    the moment between two renames, never half written."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


# --- the query vocabulary -----------------------------------------------------------------


def bucket(word: str) -> int:
    """Which words file holds a word: by its first character (the worker uses the same rule)."""
    return ord(word[0]) % WORD_BUCKETS


def write_words(records: list[Record], folder: Path) -> int:
    """The index's Chinese words, one file per first-character bucket: the
    worker loads the buckets of a query's characters to cut it as the index is cut."""
    words: set[str] = set()
    for record in records:
        for _, text in record.blocks:
            for run in segment.HAN_RUN.findall(text):
                words.update(segment.search_words(run))
    buckets: dict[int, list[str]] = {n: [] for n in range(WORD_BUCKETS)}
    for word in sorted(words):
        buckets[bucket(word)].append(word)
    final, folder = folder, folder.with_name(f".{folder.name}-next")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for number, members in buckets.items():
        (folder / f"{number}.txt").write_text("\n".join(members), encoding="utf-8")
    replace_folder(folder, final)
    return len(words)


# --- the worker -----------------------------------------------------------------------------


def install_worker(site_dir: Path) -> None:
    """Material's search UI talks to the worker its templates name; that file gets ours."""
    code = f"{MARKER}\n{WORKER.read_text(encoding='utf-8')}"
    for worker in sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js")):
        worker.write_text(code, encoding="utf-8")
        source_map = worker.with_name(worker.name + ".map")
        source_map.unlink(missing_ok=True)
