"""A renamed heading moves its page; the old address keeps a page that sends
the reader on to the new one (policysite.site.redirects)."""

from __future__ import annotations

import json
import re

from browser import chromium, serve
from conftest import SEED, make_project, mkdocs_build, run_build

OLD = "liwan-2022/yiqing-fangkong/"


def rename(project, old: str, new: str) -> None:
    seed = project / "seeds" / SEED.name
    text = seed.read_text(encoding="utf-8")
    assert f"\n{old}\n" in text
    seed.write_text(text.replace(f"\n{old}\n", f"\n{new}\n", 1), encoding="utf-8")


def summary(result) -> str:
    return result.stdout.strip().splitlines()[-1]


def test_a_renamed_headings_old_address_redirects_to_its_new_one(tmp_path):
    project = make_project(tmp_path / "project")
    assert run_build(project).returncode == 0
    assert (project / "docs" / "liwan-2022" / "yiqing-fangkong.md").is_file()

    rename(project, "疫情防控", "常态化疫情防控")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((project / "docs" / ".generated.json").read_text(encoding="utf-8"))
    history = manifest["site"]["addresses"][SEED.name]["1"]
    new = history[0]
    assert new != OLD and history[1:] == [OLD]
    moved = project / "docs" / "liwan-2022" / "yiqing-fangkong.md"
    assert moved.is_file() and manifest["site"]["moved"] == ["liwan-2022/yiqing-fangkong.md"]
    assert "search:\n  exclude: true" in moved.read_text(encoding="utf-8")

    # Nothing changed since: nothing is written, the manifest included.
    before = (project / "docs" / ".generated.json").read_bytes()
    again = summary(run_build(project))
    assert ": 0 page(s) written," in again and again.endswith(", 0 removed"), again
    assert (project / "docs" / ".generated.json").read_bytes() == before

    # Renamed again: both earlier addresses lead to the page's address now.
    rename(project, "常态化疫情防控", "疫情防控和公共卫生")
    assert run_build(project).returncode == 0
    manifest = json.loads((project / "docs" / ".generated.json").read_text(encoding="utf-8"))
    newest = manifest["site"]["addresses"][SEED.name]["1"][0]
    assert manifest["site"]["addresses"][SEED.name]["1"] == [newest, new, OLD]
    assert sorted(manifest["site"]["moved"]) == sorted(["liwan-2022/yiqing-fangkong.md", new.rstrip("/") + ".md"])

    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr  # strict: the redirects' links resolve, no page outside the navigation warns
    for old in (OLD, new):
        page = (site / old / "index.html").read_text(encoding="utf-8")
        refresh = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page)[1]
        assert (site / old / refresh / "index.html").resolve() == (site / newest / "index.html").resolve()
        assert '<meta name="robots" content="noindex">' in page
        assert re.search(rf'<link rel="canonical" href="[^"]*/{re.escape(newest)}">', page)
        assert old not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert newest in (site / "sitemap.xml").read_text(encoding="utf-8")
    # Not in the navigation.
    assert OLD not in (site / newest / "index.html").read_text(encoding="utf-8")

    with serve(site) as base, chromium() as browser:
        tab = browser.new_page()
        tab.goto(base + OLD + "#fragment")
        tab.wait_for_url(re.compile(re.escape(newest) + "#fragment$"), timeout=10_000)
        assert "疫情防控和公共卫生" in tab.locator("h1").first.inner_text()
