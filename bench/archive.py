"""Synthetic archives for the scaling benchmark, made from a real seed, and
copies of the project to build them in (the tests use the same copies).

Each copy reports on another district and year: the seed's district and year
are replaced, its sections shuffled, so every copy has its own title, date,
slug and section order, as an archive of every district and every year would.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from official import PROVINCES, official_report  # noqa: E402
from policysite.read.parse import parse  # noqa: E402
from policysite.read.seed import read_seed  # noqa: E402

# What a copy of the project needs besides its seeds and generated pages.
PROJECT_FILES = ["mkdocs.yml", "build.py", "hooks", "overrides", "policysite", "docs/stylesheets", "docs/javascripts", "docs/assets"]

# Guangzhou's eleven districts, as the report names them.
DISTRICTS = ["荔湾", "越秀", "海珠", "天河", "白云", "黄埔", "番禺", "花都", "南沙", "从化", "增城"]


def make_archive(seed: Path, count: int, folder: Path) -> list[Path]:
    """Write `count` seeds into folder (district × year copies of `seed`)."""
    document = parse(read_seed(seed))
    text = seed.read_text(encoding="utf-8")
    lines = text.split("\n")
    home = next((d for d in DISTRICTS if d in document.title), "")
    year = document.date[:4]
    # The seed as head / sections / tail, by line numbers (1-based, inclusive).
    bounds = [(s.first_line, s.last_line) for s in document.sections]
    head = lines[: bounds[0][0] - 1]
    blocks = ["\n".join(lines[a - 1 : b]) for a, b in bounds]
    tail = lines[bounds[-1][1] :]
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        district = DISTRICTS[index % len(DISTRICTS)]
        new_year = str(int(year) - index // len(DISTRICTS))
        shuffled = blocks[:]
        if index:  # the first copy is the seed itself
            random.Random(index).shuffle(shuffled)
        body = "\n".join(head) + "\n" + "\n\n".join(shuffled) + "\n" + "\n".join(tail)
        if home:
            body = body.replace(home, district)
        body = body.replace(year, new_year)
        path = folder / f"{index:04d}_{district}_{new_year}.txt"
        path.write_text(body, encoding="utf-8")
        written.append(path)
    return written


def make_mixed_archive(seed: Path, count: int, folder: Path) -> list[Path]:
    """Write `count` seeds in both shapes: three in five official full texts of a
    province and year (bench/official.py, about 20,000 characters each), the rest
    news summaries (district × year copies of `seed`)."""
    officials = count * 3 // 5
    written = make_archive(seed, count - officials, folder)
    for index in range(officials):
        province, head = PROVINCES[index % len(PROVINCES)]
        year = 2026 - index // len(PROVINCES)
        path = folder / f"gov_{year}_{index % len(PROVINCES):02d}.txt"
        path.write_text(official_report(province, head, year, random.Random(index)), encoding="utf-8")
        written.append(path)
    return written


def copy_project(where: Path) -> Path:
    """The project's code and configuration, without seeds or generated pages, in `where`."""
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, where / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (where / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, where / name)
    return where


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write a synthetic archive of N seeds")
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--mixed", action="store_true", help="official full texts and news summaries (default: news copies only)")
    args = parser.parse_args()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    make = make_mixed_archive if args.mixed else make_archive
    print(f"{len(make(seeds[0], args.count, args.folder))} seeds written to {args.folder}")
