"""`build.py --audit`: what the build understood of each seed, one row per seed.

A maintainer who drops fifty seeds into `seeds/` reads one table to see what
each became — title, place, level, the year planned for and where that year
was read, kind, outline size, main targets found, lines dropped as page
chrome, warnings — and which to settle in a sidecar. Nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path

from .model import Document
from .read.seed import SeedError, read_seed
from .read.sidecar import read_sidecar

# The columns, in order: key of the row → heading of the plain table.
COLUMNS = {
    "file": "file", "title": "title", "place": "place", "level": "level", "year": "year",
    "year_from": "from", "kind": "kind", "parts": "parts", "items": "items", "pages": "pages",
    "targets": "targets", "dropped": "dropped", "warnings": "warnings",
}


def audit(paths: list[Path], root: Path | None = None) -> tuple[list[dict], list[str]]:
    """One row per readable seed, and one error line per seed that cannot be read."""
    from .enrich.reports import document_slug
    from .read.parse import parse

    rows, errors = [], []
    for path in paths:
        name = path.relative_to(root).as_posix() if root else path.name
        try:
            document = parse(read_sidecar(read_seed(path, name)))
        except SeedError as error:
            errors.append(str(error))
            continue
        rows.append(row(document, document.slug or document_slug(document)))
    mark_shared_folders(rows)
    return rows, errors


def mark_shared_folders(rows: list[dict]) -> None:
    """Two seeds wanting one URL folder (one place, one year): the build gives the second -2; say so on both."""
    wanted: dict[str, list[dict]] = {}
    for found in rows:
        wanted.setdefault(found["slug"], []).append(found)
    for slug, sharing in wanted.items():
        for found in sharing if len(sharing) > 1 else []:
            others = ", ".join(other["file"] for other in sharing if other is not found)
            found["warning_lines"].append(f"URL folder {slug!r} is also wanted by {others}: set `slug:` or `year:` in a sidecar")
            found["warnings"] += 1


def row(document: Document, slug: str) -> dict:
    from .enrich import compare, figures

    found = figures.extract(document)
    items = [s for s in document.sections if s.kind == "item"]
    return {
        "file": document.seed,
        "title": document.title,
        "place": document.place_name or document.place,
        "level": document.level,
        "year": document.year,
        "year_from": document.year_from,
        "kind": document.kind,
        "parts": len(document.parts),
        "items": len(items),
        "pages": len(document.sections) + len(document.parts),
        "targets": len(compare.first_targets(found)),
        "dropped": len(document.dropped),
        "warnings": len(document.warnings),
        "slug": slug,
        "warning_lines": list(document.warnings),
    }


def as_json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def as_table(rows: list[dict]) -> str:
    """A plain table: columns padded to the widest cell (a CJK character counts two)."""
    table = [list(COLUMNS.values())] + [[cell(r[key]) for key in COLUMNS] for r in rows]
    widths = [max(width(line[i]) for line in table) for i in range(len(COLUMNS))]
    lines = ["  ".join(text + " " * (widths[i] - width(text)) for i, text in enumerate(line)).rstrip() for line in table]
    doubtful = sum(1 for r in rows if r["warnings"])
    lines.append(f"{len(rows)} seed(s), {doubtful} with warnings (python build.py --outline SEED says which)")
    return "\n".join(lines)


def cell(value) -> str:
    return "-" if value in ("", None) else str(value)


def width(text: str) -> int:
    return sum(2 if ord(char) > 0x2e7f else 1 for char in text)
