"""Write stage: put rendered pages on disk, touching only what build.py owns.

Ownership is recorded in a manifest inside the output folder; a file that is
not in it was written by a person and is never overwritten or deleted. A page
whose bytes are already on disk is not rewritten, so an unchanged build
changes no file and no mtime.

The manifest also records what the last build was made from (a fingerprint of
the seeds and of the code) and a digest of what it wrote, with the few things
MkDocs needs from a build (navigation, tag kinds): when both still hold, the
next build has nothing to do and skips straight to them.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from .model import Page, Seed

MANIFEST = ".generated.json"   # dotfiles are excluded from the site by MkDocs


@dataclass(frozen=True)
class OnDisk:
    """A page as this process last wrote or read it, and the file's stat then:
    while the stat holds, the file still has these bytes."""

    content: str
    stat: tuple[int, int] | None
    digest: str


@dataclass
class Plan:
    """What a build would do to the output folder."""

    write: list[Page] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)   # hand-written files in the way
    manifest: bytes = b""
    manifest_changed: bool = False
    digests: dict[str, str] = field(default_factory=dict)  # sha256 of each page's bytes

    @property
    def stale(self) -> list[str]:
        return sorted([page.path for page in self.write] + self.remove)


# Libraries whose versions change what the pages say (segmentation, pinyin, YAML).
LIBRARIES = ("jieba", "pypinyin", "PyYAML")


def load_manifest(out_dir: Path) -> dict:
    """The manifest as written, or {} when there is none or it is not ours to read."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_manifest(out_dir: Path) -> dict[str, str]:
    """Generated file → seed it came from ("" for site-wide pages)."""
    try:
        return {str(path): str(seed) for path, seed in load_manifest(out_dir)["files"].items()}
    except (KeyError, TypeError, AttributeError):
        return {}


def fingerprint(seeds: list[Seed], code_dir: Path) -> str:
    """What a build is made from: every seed (bytes and sidecar), the code, the libraries."""
    digest = hashlib.sha256()
    for path in sorted(p for p in code_dir.rglob("*") if p.is_file() and p.suffix in {".py", ".txt", ".js"}):
        digest.update(f"{path.relative_to(code_dir).as_posix()}\0".encode() + path.read_bytes())
    for library in LIBRARIES:
        digest.update(f"{library}={library_version(library)}\0".encode())
    for seed in seeds:
        sidecar = json.dumps(seed.sidecar, ensure_ascii=False, sort_keys=True, default=str)
        digest.update(f"{seed.name}\0{seed.digest}\0{sidecar}\0".encode())
    return digest.hexdigest()


def site_data(
    nav: list, tags: dict[str, str], scopes: dict[str, str], anchors: dict[str, str],
    terms: list[str], warnings: list[tuple[str, str]], folders: dict[str, str],
    addresses: dict | None = None, moved: list[str] | None = None,
) -> dict:
    """What MkDocs takes from a build besides the pages (kept in the manifest):
    also every address each report's pages have had, and the redirect pages
    left at old ones (policysite.site.redirects)."""
    return {
        "nav": nav, "tags": dict(sorted(tags.items())), "scopes": dict(sorted(scopes.items())),
        "anchors": dict(sorted(anchors.items())), "terms": sorted(terms), "warnings": [list(w) for w in warnings],
        "folders": dict(sorted(folders.items())), "addresses": addresses or {}, "moved": sorted(moved or []),
    }


def hand_written(out_dir: Path) -> list[Path]:
    """The top-level entries of `out_dir` that hold nothing the pipeline writes:
    stylesheets, scripts, images, pages written by hand. A live preview watches
    these and the seeds, not the generated pages, whose writing would rebuild
    the site a second time after every save."""
    generated = set(load_manifest(out_dir).get("files", {}))
    tops = {path.split("/", 1)[0] for path in generated}
    return sorted(entry for entry in out_dir.iterdir() if entry.name not in tops and not entry.name.startswith("."))


def read_record(out_dir: Path) -> dict:
    """The last build's record in the manifest: inputs, outputs and site data."""
    data = load_manifest(out_dir)
    return {key: data[key] for key in ("inputs", "outputs", "site") if key in data}


def unchanged_build(out_dir: Path, inputs: str) -> tuple[Plan, dict] | None:
    """The last build's plan and site data, if it was made from `inputs` and its files are intact."""
    data = load_manifest(out_dir)
    if not inputs or data.get("inputs") != inputs:
        return None
    try:
        files = sorted(data["files"])
        digests = {path: hashlib.sha256((out_dir / path).read_bytes()).hexdigest() for path in files}
        if data.get("outputs") != outputs_digest(digests):
            return None
        return Plan(unchanged=files), data["site"]
    except (OSError, KeyError, TypeError, AttributeError):
        return None


def plan(
    pages: list[Page], out_dir: Path, keep_seeds: set[str],
    inputs: str = "", site: dict | None = None, known: dict[str, OnDisk] | None = None,
) -> Plan:
    """Compare rendered pages with the output folder.

    Each page names the seed it belongs to (`owner`); pages of seeds in `keep_seeds` (seeds
    that failed this time) stay on disk as they were. `inputs` and `site` are
    recorded for the next build (see `unchanged_build`). `known` is what this
    process saw on disk last time (see `apply`): a page that matches it is not
    read again.
    """
    previous = read_manifest(out_dir)
    result = Plan()
    files: dict[str, str] = {path: seed for path, seed in previous.items() if seed in keep_seeds}
    digests: dict[str, str] = {}
    for page in pages:
        target = out_dir / page.path
        seen = known.get(page.path) if known is not None else None
        if seen is not None and (seen.content is page.content or seen.content == page.content) and stat_key(target) == seen.stat:
            files[page.path] = page.owner
            digests[page.path] = seen.digest
            result.unchanged.append(page.path)
            continue
        data = page.content.encode("utf-8")
        if target.exists() and page.path not in previous:
            result.conflicts.append(page.path)
            continue
        files[page.path] = page.owner
        digests[page.path] = hashlib.sha256(data).hexdigest()
        if target.is_file() and target.read_bytes() == data:
            result.unchanged.append(page.path)
            if known is not None:
                known[page.path] = OnDisk(page.content, stat_key(target), digests[page.path])
        else:
            result.write.append(page)
    result.remove = sorted(
        path for path in previous if path not in files and (out_dir / path).exists()
    )
    result.digests = digests
    if keep_seeds:
        # Some seeds failed: the record of the last good build stands as it was.
        last = read_record(out_dir)
        inputs, outputs, site = last.get("inputs", ""), last.get("outputs", ""), last.get("site", {})
    else:
        # Only a build that wrote every file it owns can vouch for them next time.
        complete = inputs and not result.conflicts and len(digests) == len(files)
        inputs, outputs = (inputs, outputs_digest(digests)) if complete else ("", "")
    result.manifest = manifest_bytes(files, inputs, outputs, site or {})
    manifest_path = out_dir / MANIFEST
    result.manifest_changed = not manifest_path.is_file() or manifest_path.read_bytes() != result.manifest
    return result


def apply(result: Plan, out_dir: Path, known: dict[str, OnDisk] | None = None) -> None:
    """Carry out the plan; `known` learns what was written (see `plan`)."""
    for page in result.write:
        target = out_dir / page.path
        write_atomic(target, page.content.encode("utf-8"))
        if known is not None:
            known[page.path] = OnDisk(page.content, stat_key(target), result.digests[page.path])
    for path in result.remove:
        (out_dir / path).unlink(missing_ok=True)
        prune_empty_dirs((out_dir / path).parent, out_dir)
        if known is not None:
            known.pop(path, None)
    if result.manifest_changed:
        write_atomic(out_dir / MANIFEST, result.manifest)


def stat_key(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def manifest_bytes(files: dict[str, str], inputs: str, outputs: str, site: dict) -> bytes:
    data = {"generator": "build.py", "inputs": inputs, "outputs": outputs, "files": dict(sorted(files.items())), "site": site}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def outputs_digest(digests: dict[str, str]) -> str:
    """One digest of every file written: path and sha256 of its bytes, in path order."""
    digest = hashlib.sha256()
    for path in sorted(digests):
        digest.update(f"{path}\0{digests[path]}\0".encode())
    return digest.hexdigest()


def library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


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
