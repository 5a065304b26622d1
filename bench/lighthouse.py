"""Lighthouse (mobile) on the home page, a section page and 目标对比 of this
project's site, and on the home page and a year's 目标对比 of an archive of 40
own-written reports (bench/archive.py), served gzip-compressed.

    make lighthouse        # or: python bench/lighthouse.py [--json out.json]

Builds the site with site_url set to where it is served (so canonical URLs
are right), serves it with bench/static_server.py, runs npm's `lighthouse`
in Debian's Chromium and prints the four category scores and the bytes
transferred, of the median of five runs per page. Targets: performance
≥ 0.95; accessibility, best practices and SEO 1.00; first load ≤ 150 KB.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from archive import copy_project, make_mixed_archive  # noqa: E402
from static_server import serving  # noqa: E402

SEED = ROOT / "seeds" / "000_135597961e4228ea.txt"
ARCHIVE = 40  # reports of the archive whose pages are measured too

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
MAX_BYTES = 150 * 1024


def main() -> int:
    parser = argparse.ArgumentParser(description="Lighthouse scores of the built site")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    parser.add_argument("--runs", type=int, default=5, help="runs per page; the median run is reported (default 5)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("lighthouse is not installed: run `make lighthouse` (npm ci)", file=sys.stderr)
        return 2
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        port = free_port()
        archive = Path(scratch) / "archive"
        copy_project(archive)
        make_mixed_archive(SEED, ARCHIVE, archive / "seeds")
        for project, label in ((ROOT, ""), (archive, f"archive {ARCHIVE}: ")):
            site = Path(scratch) / f"site-{len(results)}"
            build_site(project, site, f"http://127.0.0.1:{port}/")
            with serving(site, port) as base:
                pages = {"home": base, "目标对比": base + "compare/"}
                if project is ROOT:
                    pages["section"] = base + first_section(site)
                else:
                    pages["目标对比"] = base + f"compare/{newest_year(site)}/"
                for name, url in pages.items():
                    runs = [run_lighthouse(url, Path(scratch) / f"run-{len(results)}-{run}.json") for run in range(args.runs)]
                    results[label + name] = median_run(runs)
    print_table(results)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0 if all(meets_targets(r) for r in results.values()) else 1


def build_site(project: Path, site: Path, site_url: str) -> None:
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    python = sys.executable
    subprocess.run([python, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=project, check=True, env=env)


def newest_year(site: Path) -> str:
    return max(p.name for p in (site / "compare").iterdir() if p.name.isdigit())


def first_section(site: Path) -> str:
    """The first section card linked from the home page (a path relative to the site root)."""
    home = (site / "index.html").read_text(encoding="utf-8")
    cards = home.split('class="grid cards"', 1)[-1]
    return re.search(r'href="(?:\./)?([^"#]+/)"', cards)[1]


def run_lighthouse(url: str, report: Path) -> dict:
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--form-factor=mobile", "--output=json", f"--output-path={report}",
         f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)],
        check=True, env=dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium")),
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    failing = sorted(
        key for key, audit in audits.items()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    )
    return {
        "url": url,
        "lighthouse": data["lighthouseVersion"],
        "scores": {name: data["categories"][name]["score"] for name in CATEGORIES},
        "bytes": int(audits["total-byte-weight"]["numericValue"]),
        "first_contentful_paint_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "largest_contentful_paint_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "total_blocking_time_ms": round(audits["total-blocking-time"]["numericValue"]),
        "failing_audits": failing,
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score (Lighthouse's advice for noisy machines)."""
    ordered = sorted(runs, key=lambda r: r["scores"]["performance"])
    result = dict(ordered[len(ordered) // 2])
    result["performance_runs"] = [r["scores"]["performance"] for r in runs]
    return result


def meets_targets(result: dict) -> bool:
    return all(result["scores"][name] >= target for name, target in TARGETS.items()) and result["bytes"] <= MAX_BYTES


def print_table(results: dict) -> None:
    print(f"{'page':24} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'KB':>7} {'FCP ms':>7} {'LCP ms':>7} {'TBT ms':>7}")
    for name, r in results.items():
        s = r["scores"]
        print(
            f"{name:24} {s['performance']:5.2f} {s['accessibility']:5.2f} {s['best-practices']:5.2f} {s['seo']:5.2f} "
            f"{r['bytes'] / 1024:7.1f} {r['first_contentful_paint_ms']:7} {r['largest_contentful_paint_ms']:7} {r['total_blocking_time_ms']:7}"
        )
        print(f"{'':25}performance in {len(r['performance_runs'])} runs: {r['performance_runs']}")
        if r["failing_audits"]:
            print(f"         failing: {', '.join(r['failing_audits'])}")
    print(f"targets: performance ≥ {TARGETS['performance']}, others 1.00, ≤ {MAX_BYTES // 1024} KB (Lighthouse {next(iter(results.values()))['lighthouse']}, mobile)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


if __name__ == "__main__":
    sys.exit(main())
