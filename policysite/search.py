"""Chinese search on top of Material's: index atoms, and queries cut the same way.

Material's search plugin cuts Chinese with jieba's accurate mode. Here the
built index is re-cut into search atoms (segment.for_search) and the search
worker gets a small prelude (assets/search-zh.js) that cuts queries into the
index's own words. Material's search UI is untouched.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import segment

PRELUDE = Path(__file__).with_name("assets") / "search-zh.js"
MARKER = "/* policysite search-zh */"


def adapt_site(site_dir: Path) -> None:
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        index.write_text(recut_index(index.read_text(encoding="utf-8")), encoding="utf-8")
    for worker in sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js")):
        patch_worker(worker)


def recut_index(data: str) -> str:
    """The search index JSON with every title, text and tag cut into atoms."""
    index = json.loads(data)
    for doc in index["docs"]:
        for field in ("title", "text"):
            if isinstance(doc.get(field), str):
                doc[field] = segment.for_search(doc[field])
        if isinstance(doc.get("tags"), list):
            doc["tags"] = [segment.for_search(tag) if isinstance(tag, str) else tag for tag in doc["tags"]]
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def patch_worker(worker: Path) -> None:
    """Put the query prelude in front of Material's worker (once)."""
    code = worker.read_text(encoding="utf-8")
    if not code.startswith(MARKER):
        worker.write_text(f"{MARKER}\n{PRELUDE.read_text(encoding='utf-8')}\n{code}", encoding="utf-8")
