"""The post-build step alone: `python -m policysite.finish.postbuild` over a site that a
renderer built without our hook gives it full-width punctuation, compact pages
and the search index."""

from __future__ import annotations

import json
import re
import subprocess

from conftest import ENV, MKDOCS, PYTHON, ROOT, make_project, run_build


def test_postbuild_command_finishes_a_site_built_without_the_hook(tmp_path):
    from policysite.finish.search import MARKER, front_matter, searchable

    project = make_project(tmp_path / "project")
    assert run_build(project).returncode == 0
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "stock.yml").write_text(re.sub(r"(?m)^hooks:\n(?:  - .*\n)+", "", config), encoding="utf-8")
    built = subprocess.run([MKDOCS, "build", "-q", "-f", "stock.yml", "-d", "site"], cwd=project, capture_output=True, text=True, env=ENV)
    assert built.returncode == 0, built.stderr[-2000:]
    page = project / "site" / "liwan-2022" / "index.html"
    assert "示范区,荔湾" in page.read_text(encoding="utf-8")  # as the seed has it: nothing typeset yet

    result = subprocess.run([PYTHON, "-m", "policysite.finish.postbuild", "--docs", "docs", "--site", "site", "--typeset"],
                            cwd=project, capture_output=True, text=True, env=ENV, timeout=300)
    assert result.returncode == 0, result.stderr
    markup = page.read_text(encoding="utf-8")
    assert "建设老城市新活力示范区，荔湾2022有这些展望" in markup and "示范区,荔湾" not in re.sub(r"<[^>]+>", "", markup)
    assert not re.search(r"\n {8,}<", markup)  # compact: no template indentation left
    entry = json.loads((project / "site" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    (language,) = entry["languages"].values()
    assert language["page_count"] == sum(1 for p in (project / "docs").rglob("*.md") if searchable(front_matter(p)))
    (worker,) = (project / "site" / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    assert worker.read_text(encoding="utf-8").startswith(MARKER)


def test_postbuild_command_on_a_missing_site_says_so(tmp_path):
    result = subprocess.run([PYTHON, "-m", "policysite.finish.postbuild", "--site", str(tmp_path / "nowhere")],
                            cwd=ROOT, capture_output=True, text=True, env=ENV)
    assert result.returncode == 2 and result.stderr.strip().count("\n") == 0 and "no such folder" in result.stderr
