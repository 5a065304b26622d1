"""The benchmark runs (quick mode: archives of 1 and 10 seeds) and reports every figure."""

from __future__ import annotations

import json
import subprocess

from conftest import ENV, PYTHON, ROOT


def test_quick_bench_reports_every_figure(tmp_path):
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [PYTHON, "bench/bench.py", "--quick", "--runs", "1", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "ratio" in result.stdout and "MB/s" in result.stdout  # the printed table
    figures = json.loads(out.read_text(encoding="utf-8"))

    assert figures["mode"] == "quick" and figures["machine"]["cpus"] >= 1
    assert figures["dictionary"]["jieba_and_lexicon_s"] > 0
    assert figures["throughput"]["mb_per_s"] > 0 and figures["throughput"]["seeds"] == 10
    assert figures["throughput"]["figures_per_s"] > 0 and 0 < figures["throughput"]["figures_share"] < 1
    assert 0 < figures["throughput"]["enrich_share"] < 1
    build = figures["build"]
    assert build["ours_mkdocs_build_s"] > 0 and build["stock_mkdocs_build_s"] > 0
    assert build["ratio"] == build["ours_mkdocs_build_s"] / build["stock_mkdocs_build_s"]
    assert 0 < figures["no_change"]["beyond_interpreter_s"] < figures["no_change"]["build_py_s"]
    assert figures["serve"]["edit_to_served_s"] > 0
    pages = figures["sizes"]["pages"]
    assert {"home", "overview", "section", "full text", "数读", "tags", "404"} <= set(pages)
    assert pages["section"]["count"] == 11 and pages["section"]["median_gzip_bytes"] < pages["section"]["median_bytes"]
    assert figures["sizes"]["search_index_bytes"] > figures["sizes"]["search_index_gzip_bytes"] > 0
    (search,) = figures["search"]
    assert search["seeds"] == 10 and search["found_in_top_5"] >= 0.95 * search["queries"]
    assert 0 < search["later_query_median_bytes"] < search["first_query_bytes"] and search["indexing_s"] > 0

    rows = figures["scaling"]
    assert [row["seeds"] for row in rows] == [1, 10]
    archive = figures["archive"]
    assert archive["seeds"] == 20 and archive["official"] == 12 and archive["make_site_s"] > 0 and 0 < archive["ours_share"] < 1
    news = figures["terms"]
    assert news["seeds"] == 20 and news["pages"] > 0 and 0 < news["share"] < 1 and news["largest_page"] < 60_000
    mk, zen = figures["renderers"]
    assert [mk["seeds"], zen["seeds"]] == [1, 10] and all(r["mkdocs_build_s"] > 0 and r["zensical_build_s"] > 0 for r in (mk, zen))
    assert zen["pages"] > mk["pages"]
    # A save under `mkdocs serve` renders a few pages, not the archive, and search follows.
    serve = zen["serve"]
    assert 0 < serve["edit_to_served_s"] < serve["edit_to_searchable_s"] and serve["whole_site_builds"] == 0
    assert all(0 < pages < 20 for pages in serve["pages_rendered"])
    assert archive["largest_page"][0] <= 60_000 and not archive["pages_over_limit"] and archive["largest_full_text"][0] > 60_000
    for row in rows:
        for key in ("build_py_cold_s", "build_py_s", "mkdocs_build_s", "stock_mkdocs_build_s", "total_s", "section_page_max_bytes",
                    "search_index_bytes", "search_index_gzip_bytes", "site_bytes", "pages"):
            assert row[key] > 0, key
        assert len(row["mkdocs_build_runs_s"]) == row["runs"] and row["mkdocs_build_s"] in row["mkdocs_build_runs_s"]
    assert "growth_exponent" in rows[1]
    where = rows[-1]["where_the_time_goes"]
    assert "ours (policysite, hook)" in where and abs(sum(where.values()) - 1) < 0.01
