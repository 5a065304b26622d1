"""The address book: every file the pipeline writes, as a path under docs/ and
as the URL MkDocs gives it (as MkDocs' `File` knows its source and its URL).

Pages are named by what they are — a report's overview, an item, its 数读,
a year's 目标对比 — and only here turned into paths; nothing else spells a
path or a URL. The site's own top-level folders are reserved: a report
cannot take one.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote

# A report's own pages besides its items, by slug.
OVERVIEW = "index"
FULLTEXT = "quanwen"
FIGURES = "shudu"
TAGS = "tags"
ENTITIES = "entities"
REPORT_PAGES = {OVERVIEW, FULLTEXT, FIGURES, TAGS, ENTITIES}

# The site's pages and folders.
HOME = "index.md"
TAGS_PAGE = f"{TAGS}.md"
ENTITIES_PAGE = f"{ENTITIES}.md"
ABOUT_PAGE = "about.md"
ABOUT = "about"              # past many reports, one page of sources a year
REPORTS = "reports"          # past many reports, one index a year
COMPARE = "compare"          # 目标对比
TERMS = "terms"              # 新提法
SCHEMA = "schema/report.schema.json"
UNDATED = "nianfen"          # the page name of "no year" where a year would be

# Top-level names a report's folder may not take: the site's own pages and
# folders, and what the theme and the search index put beside them.
RESERVED_FOLDERS = frozenset({
    "index", TAGS, ENTITIES, "about", ABOUT, REPORTS, COMPARE, TERMS, "schema",
    "assets", "javascripts", "stylesheets", "search", "pagefind", "404", "sitemap",
})


class AddressClash(ValueError):
    """Two pages want one path."""


# --- a report's pages ----------------------------------------------------------------


def place_of_folder(folder: str) -> str:
    """The place part of a report's folder (guangdong-2026 → guangdong, liwan-2022-2 → liwan):
    the name of a place's page of 目标对比, 承诺兑现 or 新提法 ("place" when the folder is all year)."""
    return re.sub(r"-\d{4}(?:-\d+)?$", "", folder) or "place"


def report_page(folder: str, slug: str) -> str:
    """A page of the report in `folder`: an item, a part, or one of REPORT_PAGES."""
    return f"{folder}/{slug}.md"


def overview(folder: str) -> str:
    return report_page(folder, OVERVIEW)


def fulltext(folder: str) -> str:
    return report_page(folder, FULLTEXT)


def figures(folder: str, number: int = 1) -> str:
    """数读, continued on shudu-2, shudu-3 … past one page."""
    return report_page(folder, FIGURES if number == 1 else f"{FIGURES}-{number}")


def report_tags(folder: str) -> str:
    return report_page(folder, TAGS)


def report_entities(folder: str) -> str:
    return report_page(folder, ENTITIES)


def report_file(folder: str, name: str) -> str:
    """A download of the report's: data.json, figures.csv."""
    return f"{folder}/{name}"


# --- the site's pages ----------------------------------------------------------------


def year_name(year: str) -> str:
    return year or UNDATED


def reports_of_year(year: str) -> str:
    return f"{REPORTS}/{year_name(year)}.md"


def about_of_year(year: str) -> str:
    return f"{ABOUT}/{year_name(year)}.md"


def compare_index() -> str:
    return f"{COMPARE}/index.md"


def compare_year(year: str) -> str:
    return f"{COMPARE}/{year_name(year)}.md"


def compare_place(slug: str) -> str:
    return f"{COMPARE}/{slug}.md"


def delivery_index() -> str:
    """承诺兑现, under 目标对比."""
    return f"{COMPARE}/duixian/index.md"


def delivery_place(slug: str) -> str:
    return f"{COMPARE}/duixian/{slug}.md"


def compare_file(name: str) -> str:
    """A download of 目标对比: targets.csv|json, delivery.csv|json."""
    return f"{COMPARE}/{name}"


def terms_index() -> str:
    return f"{TERMS}/index.md"


def terms_year(year: str) -> str:
    return f"{TERMS}/{year_name(year)}.md"


def terms_place(slug: str) -> str:
    """A place's terms year by year (quanguo for the national report)."""
    return f"{TERMS}/place-{slug}.md"


def terms_of_report(folder: str) -> str:
    """新提法 of one report: kept out of the navigation (mkdocs.yml's not_in_nav)."""
    return f"{TERMS}/report/{folder}.md"


def terms_file(name: str) -> str:
    """A download of 新提法: new.csv, new.json."""
    return f"{TERMS}/{name}"


# --- URLs ---------------------------------------------------------------------------
# Directory URLs, as mkdocs.yml has them (the hook refuses a site without).


def directory(path: str) -> str:
    """a/index.md → a, a/b.md → a/b, index.md → . (a page's URL path, without the slash)."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return stem or "."


def url(path: str) -> str:
    """A page's URL from the site's root: a/b.md → a/b/, a/index.md → a/, index.md → ""."""
    stem = directory(path)
    return "" if stem == "." else stem + "/"


def page_at(url: str) -> str:
    """The page a report's URL names: liwan-2022/ → liwan-2022/index.md, liwan-2022/a/ → liwan-2022/a.md."""
    stem = url.strip("/")
    return overview(stem) if "/" not in stem else f"{stem}.md"


def built_path(path: str) -> str:
    """Where MkDocs writes a page: a/b.md → a/b/index.html, index.md → index.html."""
    return url(path) + "index.html"


def href(page_path: str, target: str) -> str:
    """The URL MkDocs gives a link from page `page_path` to `target` (both
    paths, the target perhaps with a #fragment)."""
    target, hash_, fragment = target.partition("#")
    relative = posixpath.relpath(directory(target), directory(page_path))
    relative = "./" if relative == "." else relative + "/"
    return relative + hash_ + fragment


def md_link(page_path: str, target: str) -> str:
    """A Markdown link's target from page `page_path` to `target` (both paths):
    MkDocs resolves it to the target's URL and checks that it exists."""
    return posixpath.relpath(target, posixpath.dirname(page_path) or ".")


def one_page_each(pages, owner_of) -> None:
    """Refuse two pages at one path, naming what each came from (`owner_of(page)`)."""
    seen: dict[str, object] = {}
    for page in pages:
        other = seen.setdefault(page.path, page)
        if other is not page:
            raise AddressClash(f"{page.path}: written by both {owner_of(other)} and {owner_of(page)}")


# --- text fragments -----------------------------------------------------------------
# A link to a sentence marks it: #:~:text=prefix-,words (the browser scrolls to it).


def fragment_words(text: str) -> str:
    """A text fragment's words: ASCII escaped as the syntax needs (- , & %), Chinese
    characters as they are (the browser encodes them; a third of the bytes)."""
    return "".join(char if ord(char) > 127 else quote(char, safe="") for char in text)


# A downloaded URL is all ASCII (the pages show Chinese in their links as it is).
FRAGMENT_SAFE = ":~=,-%&"


def download_url(page_path: str, fragment: str = "") -> str:
    """A page's URL with a text fragment, as targets.csv, delivery.csv and new.csv give it."""
    return url(page_path) + (f"#{quote(fragment, safe=FRAGMENT_SAFE)}" if fragment else "")
