"""A build with nothing to do does nothing: no parsing, no jieba, no writes."""

from __future__ import annotations

import subprocess

from conftest import ENV, PYTHON, SEED, make_project, run_build
from test_build import snapshot

# Runs the pipeline in a fresh interpreter and says whether jieba was loaded.
PROBE = (
    "import sys; from pathlib import Path; from policysite.pipeline import build; "
    "r = build(Path('seeds'), Path('docs')); "
    "print(r.summary(), 'jieba' in sys.modules, len(r.site['nav']), len(r.site['tags']))"
)


def probe(project):
    result = subprocess.run([PYTHON, "-c", PROBE], cwd=project, capture_output=True, text=True, env=ENV, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_unchanged_build_skips_the_pipeline(tmp_path):
    project = make_project(tmp_path)
    first = probe(project)
    assert first[-3] == "True"                      # a first build segments with jieba
    before = snapshot(project / "docs")
    again = probe(project)
    assert again[-3] == "False"                     # nothing changed: jieba never loads
    assert again[-2:] == first[-2:]                 # the same navigation and tag kinds for MkDocs
    assert "0 page(s) written" in " ".join(again)
    assert snapshot(project / "docs") == before     # and nothing is written


def test_an_edited_seed_or_page_or_code_rebuilds(tmp_path):
    project = make_project(tmp_path)
    assert run_build(project).returncode == 0
    page = project / "docs" / "liwan-2022" / "pingtai-jianshe.md"
    original = page.read_bytes()

    page.write_text("hand edit", encoding="utf-8")  # a generated page edited by hand is put back
    assert probe(project)[-3] == "True"
    assert page.read_bytes() == original

    lexicon = project / "policysite" / "lang" / "lexicon.txt"  # the code (and its lexicon) is an input too
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert probe(project)[-3] == "True"
    assert probe(project)[-3] == "False"

    seed = project / "seeds" / SEED.name
    seed.write_text(seed.read_text(encoding="utf-8").replace("狠抓重大项目建设。", "狠抓重大项目建设。新增一句。"), encoding="utf-8")
    assert probe(project)[-3] == "True"
    assert "新增一句。" in page.read_text(encoding="utf-8")
