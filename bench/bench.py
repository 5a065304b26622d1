"""Benchmarks: what our stage costs, and how the site holds up as the archive grows.

    make bench            # full: archives of 1, 10, 100 and 300 seeds (about 15 minutes)
    make bench-quick      # quick: 1 and 10 seeds (what CI runs)

Prints a table per measurement and writes every figure to
bench/results/bench.json (or --json PATH). Times are medians of --runs runs.

- throughput: seed text parsed, tagged and rendered per second, in one process
  with jieba already loaded (its one-time load is reported on its own); and
  figures extracted per second (数读) with their share of that time;
- build: `mkdocs build` as the README prescribes (`make site`; the hook runs
  the pipeline), against a stock `mkdocs build` of the same pages with our
  hook removed (ratio);
- no-change: `python build.py` with nothing to do, beside bare interpreter
  start-up and jieba's dictionary load;
- serve: from saving a seed to `mkdocs serve` serving the new text;
- sizes: bytes per page type, search index (Pagefind's bundle and the query
  words), whole site (raw and gzip);
- scaling: build time and sizes for archives of N seeds (bench/archive.py),
  with where the time goes at the largest N (pyinstrument);
- archive (full mode 300 reports, quick 20): both shapes of seed (official
  full texts of about 20,000 characters and news summaries, bench/official.py):
  `make site` time, our stage's share, the largest page but a 全文 and any
  page over 60 KB;
- 新提法 (full mode 300 reports, quick 20): the same shapes; the feature's
  computing time, pages, and its share of `make site`;
- renderers (full: 1, 100, 300 reports; quick: 1, 10): `mkdocs build` beside
  `python -m policysite.adapters.zensical` on the same written pages; at the largest,
  a seed edit → served page under `mkdocs serve`;
- search (full mode; quick mode at 10 seeds): at 100 and 300 seeds, in
  headless Chromium from the home page, the reader queries of
  tests/test_search.py: how many find their section in the top 5, bytes
  transferred for the first query of a visit (engine included) and the
  median after it, first result cold and warm; and the time to index the
  built site (policysite.finish.search.index_site) on its own.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from archive import copy_project, make_archive, make_mixed_archive  # noqa: E402

PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]
RESULTS = ROOT / "bench" / "results" / "bench.json"


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmarks of the build, the site and search")
    parser.add_argument("--quick", action="store_true", help="archives of 1 and 10 seeds only, no browser search timing")
    parser.add_argument("--runs", type=int, default=3, help="runs per timing; medians are reported (default 3)")
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"where to write the figures (default {RESULTS.relative_to(ROOT)})")
    args = parser.parse_args()

    counts = [1, 10] if args.quick else [1, 10, 100, 300]
    results: dict = {"machine": machine(), "mode": "quick" if args.quick else "full", "runs": args.runs}
    with tempfile.TemporaryDirectory(prefix="policysite-bench-") as scratch:
        scratch = Path(scratch)
        results["dictionary"] = dictionary_load(args.runs)
        results["throughput"] = throughput(scratch, 10 if args.quick else 100, args.runs)
        one = project(scratch / "one", 1)
        results["build"] = build_ratio(one, args.runs)
        results["no_change"] = no_change(one, args.runs)
        results["sizes"] = sizes(one / "site")
        results["serve"] = serve_latency(one, args.runs)
        # Stock builds of large archives take minutes each: one run of those in full mode.
        results["scaling"] = scaling(scratch, counts, args.runs, stock_runs=args.runs if args.quick else 1)
        results["search"] = search_at_scale(scratch, [10] if args.quick else [n for n in counts if n >= 100], args.runs)
        # One archive built once, measured twice: the whole site, then 新提法's share of it.
        results["archive"], archive = mixed_archive(scratch, 20 if args.quick else 300)
        results["terms"] = terms_feature(archive, results["archive"]["make_site_s"])
        shutil.rmtree(archive)
        results["renderers"] = renderers(scratch, [1, 10] if args.quick else [1, 100, 300], args.runs)
    report(results)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nfigures written to {args.json}")
    return 0


# --- measurements ----------------------------------------------------------------------------


def dictionary_load(runs: int) -> dict:
    """jieba's dictionary and our lexicon, loaded in a fresh process (a one-time cost)."""
    code = (
        "import time, sys; sys.path.insert(0, %r); t = time.perf_counter(); from policysite.lang import segment; "
        "segment.ready(); a = time.perf_counter(); segment.posseg(); b = time.perf_counter(); print(a - t, b - a)"
    ) % str(ROOT)
    loads, possegs = [], []
    for _ in range(runs):
        out = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, check=True).stdout.split()
        loads.append(float(out[0]))
        possegs.append(float(out[1]))
    return {"jieba_and_lexicon_s": median(loads), "part_of_speech_tables_s": median(possegs)}


def throughput(scratch: Path, count: int, runs: int) -> dict:
    """MB of seed text through read → parse → enrich → render per second, jieba already loaded."""
    from policysite.lang import segment
    from policysite.enrich.reports import enrich
    from policysite.read.parse import parse
    from policysite.read.seed import read_seed
    from policysite.site.context import work_out
    from policysite.render import render

    seeds = make_archive(SEED, count, scratch / "throughput")
    segment.ready()
    segment.posseg()
    size = sum(path.stat().st_size for path in seeds)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        pages = render(work_out(*enrich([parse(read_seed(path, path.name)) for path in seeds])))
        times.append(time.perf_counter() - start)
    seconds = median(times)
    # 数读 alone: figures extracted from the parsed documents.
    from policysite.enrich.figures import extract

    documents = [parse(read_seed(path, path.name)) for path in seeds]
    figure_times, figures = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        figures = sum(len(extract(document)) for document in documents)
        figure_times.append(time.perf_counter() - start)
    # Tags alone: candidates by part of speech, then each section's choice.
    from policysite.enrich.reports import enrich as enrich_all

    tag_times = []
    for _ in range(runs):
        fresh = [parse(read_seed(path, path.name)) for path in seeds]
        start = time.perf_counter()
        enrich_all(fresh)
        tag_times.append(time.perf_counter() - start)
    return {
        "seeds": count, "seed_bytes": size, "pages": len(pages), "seconds": seconds,
        "mb_per_s": size / 1e6 / seconds, "seeds_per_s": count / seconds,
        "figures": figures, "figures_per_s": figures / median(figure_times),
        "figures_share": median(figure_times) / seconds,
        "enrich_s_per_seed": median(tag_times) / count, "enrich_share": median(tag_times) / seconds,
    }


def build_ratio(folder: Path, runs: int) -> dict:
    """`make site` (mkdocs build, whose hook runs the pipeline) against stock MkDocs on the same pages."""
    stock_config(folder)
    ours, stock = [], []
    for _ in range(runs):
        ours.append(timed([PYTHON, "-m", "mkdocs", "build", "-q", "-d", "site"], folder))
        stock.append(timed([PYTHON, "-m", "mkdocs", "build", "-q", "-f", "stock.yml", "-d", "stock-site"], folder))
    return {"ours_mkdocs_build_s": median(ours), "stock_mkdocs_build_s": median(stock), "ratio": median(ours) / median(stock)}


def no_change(folder: Path, runs: int) -> dict:
    interpreter = median([timed([PYTHON, "-c", "pass"], folder) for _ in range(runs)])
    build = median([timed([PYTHON, "build.py", "-q"], folder) for _ in range(runs)])
    return {"build_py_s": build, "interpreter_s": interpreter, "beyond_interpreter_s": build - interpreter}


def sizes(site: Path) -> dict:
    kinds: dict[str, list[tuple[int, int]]] = {}
    for path in site.rglob("*.html"):
        kinds.setdefault(page_kind(site, path), []).append(raw_and_gzip(path))
    index = search_index_size(site)
    total = [p for p in site.rglob("*") if p.is_file()]
    return {
        "pages": {kind: {"count": len(v), "median_bytes": median([r for r, _ in v]), "median_gzip_bytes": median([g for _, g in v])}
                  for kind, v in sorted(kinds.items())},
        "search_index_bytes": index[0],
        "search_index_gzip_bytes": index[1],
        "site_bytes": sum(p.stat().st_size for p in total),
        "site_files": len(total),
    }


def serve_latency(folder: Path, runs: int) -> dict:
    """Seconds from saving an edited seed to `mkdocs serve` serving the new text,
    and to its search index written again. Each save waits for the server to be
    ready (the memo filled after the first build) and for the last save's index,
    as a maintainer reading the page between saves would."""
    port = free_port()
    log_path = folder / "serve-bench.log"
    log = open(log_path, "w")
    server = subprocess.Popen(
        [PYTHON, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=folder, env=ENV,
        stdout=log, stderr=subprocess.STDOUT,
    )
    seed = sorted((folder / "seeds").glob("*.txt"))[0]
    original = seed.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/"
    logged = lambda: log_path.read_text(encoding="utf-8")  # noqa: E731
    latencies, searchable, rendered = [], [], []
    try:
        wait_for(url, "</html>", timeout=900)
        wait_until(lambda: "ready for saves" in logged(), timeout=600)
        # A section page of the seed that is edited (the manifest says which pages are its).
        owned = json.loads((folder / "docs" / ".generated.json").read_text(encoding="utf-8"))["files"]
        sections = sorted(path for path, owner in owned.items() if owner == seed.name and path.endswith(".md")
                          and path.count("/") == 1 and path.rsplit("/", 1)[1] not in ("index.md", "quanwen.md", "shudu.md", "tags.md", "entities.md"))
        page = url + sections[0][: -len(".md")] + "/"
        # Eight Chinese characters of the page's text: the seed has them as they are.
        paragraph = re.search(r"<p>[^<]*?([\u4e00-\u9fff]{8})[^<]{20,}</p>", fetch(page))[1]
        for run in range(runs):
            marker = f"编辑测试{run}号"
            indexed = logged().count("search index written again")
            start = time.perf_counter()
            seed.write_text(original.replace(paragraph, paragraph + marker, 1), encoding="utf-8")
            wait_for(page, marker, timeout=900)
            latencies.append(time.perf_counter() - start)
            wait_until(lambda: logged().count("search index written again") > indexed, timeout=900)
            searchable.append(time.perf_counter() - start)
            rendered.append(int(re.findall(r"(\d+) page\(s\) rendered again", logged())[-1]))
    finally:
        seed.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return {"edit_to_served_s": median(latencies), "runs_s": latencies, "edit_to_searchable_s": median(searchable),
            "pages_rendered": rendered, "whole_site_builds": logged().count("building the whole site")}


def scaling(scratch: Path, counts: list[int], runs: int, stock_runs: int) -> list[dict]:
    rows = []
    for count in counts:
        folder = project(scratch / f"n{count}", count, build=False)
        cold = timed([PYTHON, "build.py", "-q"], folder)
        warm = median([timed([PYTHON, "build.py", "-q"], folder) for _ in range(runs)])
        mk_runs = [timed([PYTHON, "-m", "mkdocs", "build", "-q", "-d", "site"], folder) for _ in range(runs)]
        mk = median(mk_runs)
        stock_config(folder)
        stock = median([timed([PYTHON, "-m", "mkdocs", "build", "-q", "-f", "stock.yml", "-d", "stock-site"], folder) for _ in range(stock_runs)])
        shutil.rmtree(folder / "stock-site")
        site = folder / "site"
        section_sizes = [p.stat().st_size for p in site.rglob("index.html") if page_kind(site, p) == "section"]
        index = search_index_size(site)
        row = {
            "seeds": count, "runs": runs, "stock_runs": stock_runs, "build_py_cold_s": cold, "build_py_s": warm, "mkdocs_build_s": mk, "mkdocs_build_runs_s": mk_runs, "total_s": warm + mk,
            "stock_mkdocs_build_s": stock, "ratio_to_stock": mk / stock,
            "pages": sum(1 for _ in site.rglob("index.html")),
            "section_page_max_bytes": max(section_sizes), "section_page_median_bytes": median(section_sizes),
            "search_index_bytes": index[0], "search_index_gzip_bytes": index[1],
            "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        }
        rows.append(row)
        if count == counts[-1]:
            row["where_the_time_goes"] = profile(folder)
        if count != counts[-1]:
            shutil.rmtree(folder)  # disk: a 300-seed site is large
    for small, large in zip(rows, rows[1:]):
        # Growth exponent between successive sizes: 1.0 is linear, 2.0 quadratic.
        large["growth_exponent"] = math.log(large["mkdocs_build_s"] / small["mkdocs_build_s"]) / math.log(large["seeds"] / small["seeds"])
    return rows


def profile(folder: Path) -> dict:
    """Share of `mkdocs build` time by component, from pyinstrument (at the largest archive)."""
    out = folder / "profile.json"
    subprocess.run(
        [PYTHON, "-m", "pyinstrument", "-r", "json", "-o", str(out), "-m", "mkdocs", "build", "-q", "-d", "site"],
        cwd=folder, env=ENV, check=True, capture_output=True,
    )
    root = json.loads(out.read_text(encoding="utf-8"))["root_frame"]
    shares: dict[str, float] = {}
    attribute(root, shares)
    total = sum(shares.values())
    return {name: round(seconds / total, 3) for name, seconds in sorted(shares.items(), key=lambda kv: -kv[1])}


# Components by where their code lives. Our code counts wherever it runs (Material's
# search plugin calls our segmenter); otherwise a frame belongs to the nearest
# component above it, so jieba called by the search plugin counts as search.
OURS = ("/policysite/", "/hooks/policysite_hook.py")  # not the project folder's own name
COMPONENTS = [
    ("templates (jinja2)", ("jinja2",)),
    ("markdown", ("/markdown/", "pymdownx")),
    ("search plugin", ("material/plugins/search",)),
    ("tags plugin", ("material/plugins/tags",)),
    ("yaml", ("/yaml/",)),
]
OURS_NAME = "ours (policysite, hook)"


def attribute(frame: dict, shares: dict[str, float], current: str = "mkdocs, material, other") -> None:
    path = frame.get("file_path", "") or ""
    if any(needle in path for needle in OURS):
        shares[OURS_NAME] = shares.get(OURS_NAME, 0.0) + frame["time"]
        return
    current = next((name for name, needles in COMPONENTS if any(n in path for n in needles)), current)
    children = frame.get("children", [])
    own = frame["time"] - sum(child["time"] for child in children)
    shares[current] = shares.get(current, 0.0) + max(own, 0.0)
    for child in children:
        attribute(child, shares, current)


def search_at_scale(scratch: Path, counts: list[int], runs: int) -> list[dict]:
    """Reader queries typed on the home page of archives, in headless Chromium."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import chromium, serve, wait_for_answer, watch_answers
    from test_search import QUERIES

    rows = []
    for count in counts:
        folder = scratch / f"n{count}"
        if not (folder / "site").is_dir():
            folder = project(folder, count)
        indexing = median([timed([PYTHON, "-c", "from pathlib import Path; from policysite.finish.search import index_site; "
                                  "index_site(Path('docs'), Path('site'))"], folder) for _ in range(runs)])
        with serve(folder / "site") as base, chromium() as browser:
            tab = browser.new_page(viewport={"width": 1280, "height": 900})
            transferred: list[int] = []
            tab.on("requestfinished", lambda r: ("/pagefind/" in r.url or "/search/" in r.url)
                   and transferred.append(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]))
            tab.goto(base)
            tab.wait_for_load_state("load")
            # Count the worker's answers, to time each one.
            tab.wait_for_function("() => window.__searchWorker")
            tab.evaluate("() => { window.__answers = 0; window.__searchWorker.addEventListener('message', "
                         "e => { if (e.data && e.data.type === 3) window.__answers++ }) }")
            box = tab.locator(".md-search__input")
            # The first query's bytes include Pagefind's engine, which loads when search opens.
            transferred.clear()
            box.click()
            found, times, sizes = 0, [], []
            for number, (query, slugs) in enumerate(QUERIES.items()):
                if number:
                    transferred.clear()
                answers = tab.evaluate("window.__answers")
                watch_answers(tab)
                start = time.perf_counter()
                box.fill(query)  # the box's input event searches (javascripts/search.js)
                tab.wait_for_function(f"() => window.__answers > {answers}", timeout=120_000)
                times.append(time.perf_counter() - start)
                wait_for_answer(tab, query)  # the list drawn
                # Playwright tells of a finished request after the page has used it: count
                # once no more arrive (quiet for 100 ms), or the bytes are read too early.
                heard = -1
                while heard != len(transferred):
                    heard = len(transferred)
                    tab.wait_for_timeout(100)
                sizes.append(sum(transferred))
                hrefs = tab.locator(".md-search-result__item > .md-search-result__link").evaluate_all("els => els.map(e => e.href)")
                paths = [urllib.parse.urlsplit(href).path.strip("/").split("/") for href in hrefs[:5]]
                sections = {parts[1] if len(parts) > 1 else "" for parts in paths}  # "" is a report's overview
                found += bool({slug or "" for slug in slugs} & sections)
        rows.append({
            "seeds": count, "queries": len(QUERIES), "found_in_top_5": found,
            "first_query_bytes": sizes[0], "later_query_median_bytes": median(sizes[1:]),
            "first_result_cold_s": times[0], "first_result_warm_median_s": median(times[1:]),
            "indexing_s": indexing,
        })
    return rows


# No page but a report's 全文 may weigh more than this (HTML bytes, uncompressed).
PAGE_LIMIT = 60_000


def mixed_archive(scratch: Path, count: int) -> tuple[dict, Path]:
    """An archive in both shapes (official full texts and news summaries, bench/archive.py):
    `make site` from clean (pages written, then `mkdocs build --strict`), our share
    of that time, and the largest pages; and the folder, built, for terms_feature."""
    folder = scratch / f"mixed{count}"
    copy_project(folder)
    make_mixed_archive(SEED, count, folder / "seeds")
    build = timed([PYTHON, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"], folder)
    shares = profile(folder)
    site = folder / "site"
    files = list(site.rglob("*.html"))
    full_texts = {p for p in files if page_kind(site, p) == "full text"}
    pages = [(p.stat().st_size, p.relative_to(site).as_posix()) for p in files]
    others = [(size, name) for (size, name), p in zip(pages, files) if p not in full_texts]
    row = {
        "seeds": count, "official": count * 3 // 5, "make_site_s": build, "ours_share": shares.get(OURS_NAME, 0.0),
        "where_the_time_goes": shares, "pages": len(pages),
        "largest_page": max(others), "largest_full_text": max((p for p in pages if p not in others), default=(0, "")),
        "pages_over_limit": sorted(p for p in others if p[0] > PAGE_LIMIT)[-20:],
    }
    return row, folder


def terms_feature(folder: Path, build: float) -> dict:
    """新提法 (policysite/render/terms.py) on an archive built by mixed_archive
    (`make site` from clean took `build` seconds): in one process the pipeline up
    to enrich and the feature's pages computed after it (cold: what a build
    does), their number, and their share of `make site`: the computing, plus
    their share of the pages MkDocs rendered (a page costs about the same as another)."""
    from policysite.site import addresses
    from policysite.enrich.reports import enrich
    from policysite.render import terms as render_terms
    from policysite.read.parse import parse
    from policysite.read.seed import read_seed

    seeds = sorted((folder / "seeds").glob("*.txt"))
    pages = list((folder / "site").rglob("*.html"))
    ours = [p.stat().st_size for p in pages if p.relative_to(folder / "site").parts[0] == addresses.TERMS]
    documents, notes = enrich([parse(read_seed(path, path.name)) for path in seeds])
    start = time.perf_counter()
    written = render_terms.pages(documents, notes)
    compute = time.perf_counter() - start
    rendering = (build - compute) * len(ours) / len(pages)
    return {"seeds": len(seeds), "make_site_s": build, "compute_s": compute, "pages": len(ours), "site_pages": len(pages),
            "files": len(written), "largest_page": max(ours, default=0),
            "share": (compute + rendering) / build}


def renderers(scratch: Path, counts: list[int], runs: int) -> list[dict]:
    """MkDocs + Material (`mkdocs build`, hook included) beside Zensical
    (`python -m policysite.adapters.zensical`: render and post-build) on the same pages,
    archives in both shapes; pages written beforehand, so both time rendering.
    At the largest archive, also a seed edit → served page under `mkdocs serve`."""
    rows = []
    for count in counts:
        folder = copy_project(scratch / f"renderers{count}")
        if count == 1:
            (folder / "seeds").mkdir()
            shutil.copy2(SEED, folder / "seeds" / SEED.name)
        else:
            make_mixed_archive(SEED, count, folder / "seeds")
        timed([PYTHON, "build.py", "-q"], folder)
        mkdocs = [timed([PYTHON, "-m", "mkdocs", "build", "-q", "-d", "site"], folder) for _ in range(runs)]
        # Zensical 0.0.73 takes about a quarter of an hour at 300 reports: one run of the large archives.
        zensical = [timed([PYTHON, "-m", "policysite.adapters.zensical"], folder) for _ in range(runs if count < 100 else 1)]
        row = {"seeds": count, "mkdocs_build_s": median(mkdocs), "zensical_build_s": median(zensical),
               "pages": sum(1 for _ in (folder / "site-zensical").rglob("index.html"))}
        if count == counts[-1]:
            row["serve"] = serve_latency(folder, runs)
        rows.append(row)
        shutil.rmtree(folder)
    return rows


def search_index_size(site: Path) -> tuple[int, int]:
    """Raw and gzip bytes of everything search serves: Pagefind's bundle and the query words."""
    files = [p for folder in ("pagefind", "search") for p in (site / folder).rglob("*") if p.is_file()]
    sizes = [raw_and_gzip(p) for p in files]
    return sum(r for r, _ in sizes), sum(g for _, g in sizes)


# --- projects ----------------------------------------------------------------------------------


def project(folder: Path, count: int, build: bool = True) -> Path:
    """A copy of the project with an archive of `count` seeds (built unless told not to)."""
    copy_project(folder)
    if count == 1:
        (folder / "seeds").mkdir()
        shutil.copy2(SEED, folder / "seeds" / SEED.name)
    else:
        make_archive(SEED, count, folder / "seeds")
    if build:
        subprocess.run([PYTHON, "build.py", "-q"], cwd=folder, env=ENV, check=True)
        subprocess.run([PYTHON, "-m", "mkdocs", "build", "-q", "-d", "site"], cwd=folder, env=ENV, check=True)
    return folder


def stock_config(folder: Path) -> None:
    """mkdocs.yml without our hook: stock MkDocs + Material on the same generated pages."""
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^hooks:\n(?:  - .*\n)+", "", config)
    (folder / "stock.yml").write_text(config, encoding="utf-8")


SITE_PAGES = {"tags", "entities", "about"}


def page_kind(site: Path, path: Path) -> str:
    """home, 404, tags, entities, about, overview, section, full text or 数读."""
    folders = path.relative_to(site).parent.parts
    if not folders:
        return "home" if path.name == "index.html" else path.stem
    if len(folders) == 1:
        return folders[0] if folders[0] in SITE_PAGES else "overview"
    return {"quanwen": "full text", "shudu": "数读", "tags": "report tags"}.get(folders[-1], "section")


# --- helpers -------------------------------------------------------------------------------------


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{result.stderr}")
    return elapsed


def raw_and_gzip(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6, mtime=0))


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_until(condition, timeout: float) -> None:
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"not within {timeout} s")
        time.sleep(0.1)


def wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if text in fetch(url):
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not serve {text!r} within {timeout} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def median(values):
    return statistics.median(values) if values else 0


def machine() -> dict:
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
    }


# --- report ----------------------------------------------------------------------------------------


def report(r: dict) -> None:
    m = r["machine"]
    print(f"policysite benchmarks · {m['date']} · {m['cpus']} CPUs, {m['memory_gib']} GiB · Python {m['python']} · medians of {r['runs']}")
    d, t = r["dictionary"], r["throughput"]
    print(f"\none-time jieba load: {d['jieba_and_lexicon_s']:.2f} s (+ {d['part_of_speech_tables_s']:.2f} s part-of-speech tables)")
    print(f"throughput: {t['mb_per_s']:.2f} MB/s of seed text ({t['seeds_per_s']:.1f} seeds/s; {t['seeds']} seeds, {t['pages']} pages)")
    print(f"数读: {t['figures_per_s']:,.0f} figures extracted per second ({t['figures']} figures), "
          f"{t['figures_share']:.1%} of the pipeline's time")
    print(f"tags (enrich: tags, slugs, relations, figures): {t['enrich_s_per_seed'] * 1000:.0f} ms per seed, "
          f"{t['enrich_share']:.0%} of the pipeline's time")
    b = r["build"]
    print(f"\nbuild (1 seed): mkdocs build with our hook {b['ours_mkdocs_build_s']:.2f} s,"
          f" stock (no hook) {b['stock_mkdocs_build_s']:.2f} s: ratio {b['ratio']:.2f}")
    n = r["no_change"]
    print(f"no-change build.py: {n['build_py_s']:.2f} s ({n['beyond_interpreter_s']:.2f} s beyond a bare interpreter's {n['interpreter_s']:.2f} s)")
    print(f"serve: edit to new page served in {r['serve']['edit_to_served_s']:.2f} s")
    s = r["sizes"]
    print(f"\n{'page type':14} {'count':>5} {'bytes':>9} {'gzip':>8}")
    for kind, v in s["pages"].items():
        print(f"{kind:14} {v['count']:5} {v['median_bytes']:9.0f} {v['median_gzip_bytes']:8.0f}")
    print(f"search index {s['search_index_bytes']:,} bytes ({s['search_index_gzip_bytes']:,} gzip); site {s['site_bytes']:,} bytes in {s['site_files']} files")
    print(f"\n{'seeds':>5} {'build.py cold':>13} {'build.py':>9} {'mkdocs':>8} {'stock':>8} {'ratio':>6} {'exp':>5} {'pages':>6} {'section max':>11} {'index':>11} {'index gz':>9} {'site MB':>8}")
    for row in r["scaling"]:
        exponent = f"{row['growth_exponent']:.2f}" if "growth_exponent" in row else ""
        print(f"{row['seeds']:5} {row['build_py_cold_s']:13.2f} {row['build_py_s']:9.2f} {row['mkdocs_build_s']:8.2f} "
              f"{row['stock_mkdocs_build_s']:8.2f} {row['ratio_to_stock']:6.2f} {exponent:>5} "
              f"{row['pages']:6} {row['section_page_max_bytes']:11,} {row['search_index_bytes']:11,} {row['search_index_gzip_bytes']:9,} {row['site_bytes'] / 1e6:8.1f}")
    largest = r["scaling"][-1]
    print(f"mkdocs build at {largest['seeds']} seeds, each run: " + " / ".join(f"{t:.1f}" for t in largest["mkdocs_build_runs_s"])
          + f" s; stock: median of {largest['stock_runs']}")
    where = r["scaling"][-1].get("where_the_time_goes", {})
    if where:
        print(f"where the time goes at {r['scaling'][-1]['seeds']} seeds (mkdocs build): " + ", ".join(f"{k} {v:.0%}" for k, v in where.items()))
    print(f"\n{'reports':>7} {'mkdocs build':>12} {'zensical':>9} {'pages':>6}")
    for row in r["renderers"]:
        print(f"{row['seeds']:7} {row['mkdocs_build_s']:12.2f} {row['zensical_build_s']:9.2f} {row['pages']:6}")
    last = r["renderers"][-1]
    v = last["serve"]
    print(f"mkdocs serve at {last['seeds']} reports: seed saved → page served in {v['edit_to_served_s']:.2f} s (median; runs "
          + " / ".join(f"{t:.2f}" for t in v["runs_s"]) + f"), searchable in {v['edit_to_searchable_s']:.1f} s; "
          f"pages rendered per save {v['pages_rendered']}, whole-site builds {v['whole_site_builds']}")
    a = r["archive"]
    print(f"\narchive of {a['seeds']} reports ({a['official']} official full texts, the rest news): make site {a['make_site_s']:.1f} s, "
          f"ours {a['ours_share']:.0%} of it; {a['pages']} pages; largest but 全文 {a['largest_page'][0]:,} bytes ({a['largest_page'][1]}), "
          f"largest 全文 {a['largest_full_text'][0]:,}; {len(a['pages_over_limit'])} page(s) over {PAGE_LIMIT:,} bytes")
    t = r["terms"]
    print(f"新提法 at {t['seeds']} reports: {t['compute_s']:.2f} s computing, {t['pages']} pages (largest {t['largest_page']:,} bytes); "
          f"about {t['share']:.1%} of make site's {t['make_site_s']:.1f} s")
    for row in r.get("search", []):
        print(f"search at {row['seeds']} seeds: {row['found_in_top_5']} of {row['queries']} queries find their section in the top 5;"
              f" {row['first_query_bytes']:,} bytes for the first query, {row['later_query_median_bytes']:,.0f} after (median);"
              f" first result {row['first_result_cold_s']:.2f} s cold, {row['first_result_warm_median_s'] * 1000:.0f} ms warm;"
              f" indexing {row['indexing_s']:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
