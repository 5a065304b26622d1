"""Write stage: put rendered pages on disk, touching only what build.py owns.

Ownership is recorded in a manifest inside the output folder; a file that is
not in it was written by a person and is never overwritten or deleted. A page
whose bytes are already on disk is not rewritten, so an unchanged build
changes no file and no mtime.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .model import Page

MANIFEST = ".generated.json"   # dotfiles are excluded from the site by MkDocs


@dataclass
class Plan:
    """What a build would do to the output folder."""

    write: list[Page] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)   # hand-written files in the way
    manifest: bytes = b""
    manifest_changed: bool = False

    @property
    def stale(self) -> list[str]:
        return sorted([page.path for page in self.write] + self.remove)


def read_manifest(out_dir: Path) -> dict[str, str]:
    """Generated file → seed it came from ("" for site-wide pages)."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        return {str(path): str(seed) for path, seed in data["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def plan(pages: list[Page], owners: dict[str, str], out_dir: Path, keep_seeds: set[str]) -> Plan:
    """Compare rendered pages with the output folder.

    `owners` maps each page to its seed; pages of seeds in `keep_seeds` (seeds
    that failed this time) stay on disk as they were.
    """
    previous = read_manifest(out_dir)
    result = Plan()
    files: dict[str, str] = {path: seed for path, seed in previous.items() if seed in keep_seeds}
    for page in pages:
        target = out_dir / page.path
        data = page.content.encode("utf-8")
        if target.exists() and page.path not in previous:
            result.conflicts.append(page.path)
            continue
        files[page.path] = owners.get(page.path, "")
        if target.is_file() and target.read_bytes() == data:
            result.unchanged.append(page.path)
        else:
            result.write.append(page)
    result.remove = sorted(
        path for path in previous if path not in files and (out_dir / path).exists()
    )
    result.manifest = manifest_bytes(files)
    manifest_path = out_dir / MANIFEST
    result.manifest_changed = not manifest_path.is_file() or manifest_path.read_bytes() != result.manifest
    return result


def apply(result: Plan, out_dir: Path) -> None:
    for page in result.write:
        write_atomic(out_dir / page.path, page.content.encode("utf-8"))
    for path in result.remove:
        (out_dir / path).unlink(missing_ok=True)
        prune_empty_dirs((out_dir / path).parent, out_dir)
    if result.manifest_changed:
        write_atomic(out_dir / MANIFEST, result.manifest)


def manifest_bytes(files: dict[str, str]) -> bytes:
    data = {"generator": "build.py", "files": dict(sorted(files.items()))}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_atomic(target: Path, data: bytes) -> None:
    """Write via a temporary file and a rename, so a reader never sees half a page."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def prune_empty_dirs(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
