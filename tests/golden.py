"""Golden builds: the seed, and an archive of 25 own-written reports, built from
a copy of the project; every file of docs/ and site/ recorded by its digest.

tests/test_golden.py asserts a build still gives these bytes, so a change meant
to keep the output (a reorganisation) proves it does. A change meant to alter
the output records the new digests, and the diff of tests/golden/ shows which
files it changed:

    .venv/bin/python tests/golden.py --update
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))
sys.path.insert(0, str(TESTS.parent / "bench"))

from archive import make_mixed_archive  # noqa: E402
from conftest import ENV, MKDOCS, SEED, make_project  # noqa: E402

GOLDEN = TESTS / "golden"
FIXTURES = TESTS / "fixtures" / "reports"
# The reports of tests/fixtures/reports/ in the archive (a fixed list: fixtures added later do not change it).
ARCHIVE_FIXTURES = [
    "district_huadu_2025.txt", "district_huadu_2026.txt", "news_keywords.txt", "news_list.txt",
    "news_no_headline.txt", "news_numbers.txt", "official_city.txt", "official_province.txt", "single_part.txt",
]
# MkDocs dates the sitemap by the build; a fixed date makes it reproducible.
BUILD_ENV = {**ENV, "SOURCE_DATE_EPOCH": "1767225600"}


def nondeterministic(path: str) -> bool:
    """Pagefind's filter files, entry and metadata differ between two builds of the same
    site (its own ordering); the text fragments it serves, and everything else, do not."""
    return path.startswith(("pagefind/filter/", "pagefind/pagefind-entry.json")) or path.endswith(".pf_meta")


def seeds(name: str) -> dict[str, bytes]:
    if name == "seed":
        return {SEED.name: SEED.read_bytes()}
    return {f"fixture_{f}": (FIXTURES / f).read_bytes() for f in ARCHIVE_FIXTURES}


def build(name: str, where: Path) -> dict[str, str]:
    """Build the named golden project in `where`; every output file → its digest."""
    project = make_project(where, seeds(name))
    if name == "archive":  # 16 more: 9 provinces' official texts of 2026, 7 districts' news copies of 2022
        make_mixed_archive(SEED, 16, project / "seeds")
    result = subprocess.run([MKDOCS, "build", "--strict", "-q"], cwd=project, env=BUILD_ENV,
                            capture_output=True, text=True, timeout=600)
    if result.returncode:
        raise RuntimeError(f"mkdocs build of the golden {name} failed:\n{result.stderr}")
    digests = {}
    for folder in ("docs", "site"):
        for path in sorted((project / folder).rglob("*")):
            key = f"{folder}/{path.relative_to(project / folder).as_posix()}"
            if path.is_file() and not nondeterministic(key.removeprefix("site/")):
                digests[key] = hashlib.sha256(content(path)).hexdigest()[:20]
    return digests


def content(path: Path) -> bytes:
    """A file's bytes; of the pipeline's manifest, what it says about the output
    (not the fingerprint of the code that made it, which any change to the code changes)."""
    if path.name != ".generated.json":
        return path.read_bytes()
    manifest = json.loads(path.read_text(encoding="utf-8"))
    return json.dumps({key: manifest[key] for key in ("files", "site")}, sort_keys=True).encode()


def recorded(name: str) -> dict[str, str]:
    return json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))


def differences(expected: dict[str, str], actual: dict[str, str]) -> list[str]:
    return ([f"missing: {p}" for p in sorted(expected.keys() - actual.keys())]
            + [f"new: {p}" for p in sorted(actual.keys() - expected.keys())]
            + [f"changed: {p}" for p in sorted(expected.keys() & actual.keys()) if expected[p] != actual[p]])


def update(work: Path) -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name in ("seed", "archive"):
        shutil.rmtree(work / name, ignore_errors=True)
        (work / name).mkdir(parents=True)
        digests = build(name, work / name)
        (GOLDEN / f"{name}.json").write_text(json.dumps(digests, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"tests/golden/{name}.json: {len(digests)} files")


if __name__ == "__main__":
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description="Record the golden builds' digests (tests/golden/*.json)")
    parser.add_argument("--update", action="store_true", required=True)
    parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        update(Path(work))
