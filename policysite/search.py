"""Chinese search on top of Material's: index atoms, and queries cut the same way.

Material's search plugin cuts the Chinese of titles and text while it builds
the index; the hook has it cut them into search atoms instead
(`for_search`), and after the build the tags get the same cut and the search
worker a small prelude (assets/search-zh.js) that cuts queries into the
index's own words. Material's search UI is untouched.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from . import segment

PRELUDE = Path(__file__).with_name("assets") / "search-zh.js"
MARKER = "/* policysite search-zh */"


def for_search(text: str) -> str:
    """Titles and text as the index wants them (Material's `_segment_chinese`)."""
    return segment.for_search(text)


def adapt_site(site_dir: Path, scopes: dict[str, str]) -> None:
    """Cut the index's tags, split it by scope (for an archive), patch the worker."""
    path = site_dir / "search" / "search_index.json"
    if path.is_file():
        index = cut_tags(json.loads(path.read_text(encoding="utf-8")))
        path.write_text(dump(index), encoding="utf-8")
        for scope, part in split_index(index, scopes).items():
            (site_dir / "search" / f"{SCOPE_PREFIX}{scope}.json").write_text(dump(part), encoding="utf-8")
    for worker in sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js")):
        patch_worker(worker)


def cut_tags(index: dict) -> dict:
    """The search index with every tag cut into atoms, as titles and text are."""
    cut = functools.lru_cache(maxsize=None)(segment.for_search)  # a tag is on many pages: cut each once
    for doc in index["docs"]:
        if isinstance(doc.get("tags"), list):
            doc["tags"] = [cut(tag) if isinstance(tag, str) else tag for tag in doc["tags"]]
    return index


# --- an archive, searched a part at a time ---------------------------------------------
#
# One index of a whole archive is megabytes the reader downloads, and lunr
# indexes in the browser, before the first result. So each page of an archive
# loads the index of its navigation group (a year, or a year and place), and
# the site's own pages an index of every report's title and intro:
# search/scope-*.json.

SCOPE_PREFIX = "scope-"
SITE_SCOPE = "site"


def split_index(index: dict, scopes: dict[str, str]) -> dict[str, dict]:
    """Scope → the part of the index it searches (empty when the site is one scope)."""
    if not scopes:
        return {}
    parts: dict[str, list] = {SITE_SCOPE: []}
    for doc in index["docs"]:
        location = doc["location"]
        slug = location.split("/")[0] if "/" in location else ""
        if slug in scopes:
            parts.setdefault(scopes[slug], []).append(doc)
        if slug not in scopes or location == f"{slug}/":
            parts[SITE_SCOPE].append(doc)  # site pages, and each report's title and intro
    return {scope: {"config": index["config"], "docs": docs} for scope, docs in sorted(parts.items())}


def dump(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def patch_worker(worker: Path) -> None:
    """Put the query prelude in front of Material's worker (once)."""
    code = worker.read_text(encoding="utf-8")
    if not code.startswith(MARKER):
        worker.write_text(f"{MARKER}\n{PRELUDE.read_text(encoding='utf-8')}\n{code}", encoding="utf-8")
