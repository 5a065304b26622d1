"""An archive of many reports: grouped navigation, bounded pages, search a part at a time."""

from __future__ import annotations

import json
import re
import sys

import pytest

from browser import chromium, serve
from conftest import ROOT, SEED, broken_links, make_project, mkdocs_build, run_build

sys.path.insert(0, str(ROOT / "bench"))
from archive import make_archive  # noqa: E402

COUNT = 14  # more than one group's worth (groups.MAX_GROUP): 11 districts of 2022, 3 of 2021


@pytest.fixture(scope="module")
def archive_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("archive"), seeds={})
    make_archive(SEED, COUNT, project / "seeds")
    assert run_build(project).returncode == 0
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project


def test_navigation_is_grouped_by_year(archive_site):
    manifest = json.loads((archive_site / "docs" / ".generated.json").read_text(encoding="utf-8"))
    top = [next(iter(entry)) for entry in manifest["site"]["nav"]]
    assert top == ["首页", "2022年", "2021年", "标签", "地名与项目", "关于"]
    years = {next(iter(e)): e[next(iter(e))] for e in manifest["site"]["nav"][1:3]}
    assert len(years["2022年"]) == 11 and len(years["2021年"]) == 3


def test_a_page_lists_only_the_path_to_itself(archive_site):
    site = archive_site / "site"
    page = (site / "liwan-2021" / "index.html").read_text(encoding="utf-8")
    # Pruned navigation: the 2022 reports are one link, not eleven trees.
    assert page.count('href="../yuexiu-2022/') <= 1 and "huadou-2022/pingtai-jianshe" not in page
    sizes = [p.stat().st_size for p in site.glob("*/*/index.html") if p.parent.name not in {"tags", "quanwen", "shudu"}]
    assert max(sizes) < 60_000


def test_every_link_between_pages_resolves(archive_site):
    # Across reports too: 相关政策 links other years, tag chips link report tag pages.
    assert broken_links(archive_site / "site") == []


def test_each_report_has_its_own_tag_listing(archive_site):
    site = archive_site / "site"
    listing = (site / "liwan-2021" / "tags" / "index.html").read_text(encoding="utf-8")
    assert 'href="../pingtai-jianshe/"' in listing and "yuexiu-2022" not in listing
    section = (site / "liwan-2021" / "pingtai-jianshe" / "index.html").read_text(encoding="utf-8")
    chips = re.findall(r'<a href="\.\./tags/#(tag:[^"]+)" class="md-tag', section)
    assert len(chips) >= 3  # each tag chip links to the report's own listing …
    for anchor in chips:
        assert f'id="{anchor}"' in listing  # … where that tag is


def test_search_loads_the_index_of_the_page_group(archive_site):
    site = archive_site / "site"
    parts = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (site / "search").glob("scope-*.json")}
    assert set(parts) == {"scope-2021.json", "scope-2022.json", "scope-site.json"}
    locations_2021 = {d["location"].split("/")[0] for d in parts["scope-2021.json"]["docs"]}
    assert locations_2021 == {"liwan-2021", "yuexiu-2021", "haizhu-2021"}
    whole = (site / "search" / "search_index.json").stat().st_size
    assert (site / "search" / "scope-2021.json").stat().st_size < whole / 3

    with serve(site) as base, chromium() as browser:
        tab = browser.new_page()
        requested = []
        tab.on("request", lambda r: "/search/" in r.url and r.url.endswith(".json") and requested.append(r.url))
        tab.goto(base + "liwan-2021/pingtai-jianshe/")
        box = tab.locator(".md-search__input")
        box.click()
        box.press_sequentially("白鹅潭", delay=5)
        box.press("End")
        tab.locator(".md-search-result__item").first.wait_for()
        hrefs = tab.locator(".md-search-result__item > .md-search-result__link").evaluate_all("els => els.map(e => e.href)")
        assert requested == [base + "search/scope-2021.json"]
        assert hrefs and all(re.search(r"/(liwan|yuexiu|haizhu)-2021/", href) for href in hrefs)
