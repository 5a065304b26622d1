"""An archive of many reports: grouped navigation, bounded pages, search across it all."""

from __future__ import annotations

import json
import re
import sys

import pytest

from browser import chromium, serve, wait_for_answer, watch_answers
from test_search import QUERIES, search
from conftest import ROOT, SEED, broken_links, built_project, make_project

sys.path.insert(0, str(ROOT / "bench"))
from archive import make_archive  # noqa: E402

COUNT = 14  # more than one group's worth (groups.MAX_GROUP): 11 districts of 2022, 3 of 2021


@pytest.fixture(scope="module")
def archive_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("archive"), seeds={})
    make_archive(SEED, COUNT, project / "seeds")
    return built_project(project)


def test_navigation_is_grouped_by_place_then_year(archive_site):
    manifest = json.loads((archive_site / "docs" / ".generated.json").read_text(encoding="utf-8"))
    nav = manifest["site"]["nav"]
    top = [next(iter(entry)) for entry in nav]
    assert top == ["首页", "目标对比", "新提法", "广州市", "标签", "地名与项目", "关于"]  # the districts under their city
    districts = {next(iter(e)): e[next(iter(e))] for e in nav[3]["广州市"]}
    assert len(districts) == 11 and "荔湾区" in districts
    years = [next(iter(e)) for e in districts["荔湾区"]]
    assert years == ["2022年", "2021年"]  # each report under its place is its year, newest first


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
    article = listing.split("<article", 1)[1].split("</article>", 1)[0]
    assert 'href="../pingtai-jianshe/"' in article and "yuexiu-2022" not in article
    section = (site / "liwan-2021" / "pingtai-jianshe" / "index.html").read_text(encoding="utf-8")
    chips = re.findall(r'<a href="\.\./tags/#(tag:[^"]+)" class="md-tag', section)
    assert len(chips) >= 3  # each tag chip links to the report's own listing …
    for anchor in chips:
        assert f'id="{anchor}"' in listing  # … where that tag is


def searchable_pages(project) -> int:
    from policysite.finish.search import front_matter, searchable

    return sum(1 for page in (project / "docs").rglob("*.md") if searchable(front_matter(page)))


def test_search_index_holds_every_searchable_page(archive_site):
    site = archive_site / "site"
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    (language,) = entry["languages"].values()
    assert language["page_count"] == searchable_pages(archive_site)
    assert len(list((site / "search" / "words").glob("*.txt"))) == 64
    assert (site / "search" / "search_index.json").stat().st_size < 2_000  # Material's own index: config only


def section_of(location: str) -> str:
    """liwan-2021/pingtai-jianshe/ → pingtai-jianshe; a report's overview → ''."""
    parts = location.strip("/").split("/")
    return parts[1] if len(parts) > 1 else ""


@pytest.fixture(scope="module")
def archive_tab(archive_site):
    with serve(archive_site / "site") as base, chromium() as browser:
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        downloads = []
        tab.on("requestfinished", lambda r: ("/pagefind/" in r.url or "/search/" in r.url)
               and downloads.append(r.sizes()["responseBodySize"]))
        yield base, tab, downloads


@pytest.mark.parametrize("start", ["", "liwan-2021/pingtai-jianshe/"])
def test_reader_queries_find_their_section_from_any_page(archive_tab, start):
    base, tab, downloads = archive_tab
    tab.goto(base + start)
    queries = QUERIES if not start else dict(list(QUERIES.items())[::3])
    failures = {}
    for query, slugs in queries.items():
        got = search(tab, base, query)
        if not {slug or "" for slug in slugs} & {section_of(location) for location in got[:5]}:
            failures[query] = got[:5]
    # Every report in the archive holds these words; a few may tie.
    assert len(failures) <= len(queries) // 20, json.dumps(failures, ensure_ascii=False, indent=1)


def test_results_span_the_archive_and_name_their_report(archive_tab):
    base, tab, _ = archive_tab
    tab.goto(base + "liwan-2021/pingtai-jianshe/")
    got = search(tab, base, "白鹅潭")
    years = {location.split("/")[0].rsplit("-", 1)[-1] for location in got}
    assert years == {"2022"}  # the newest reports first (a 2021 page finds the 2022 reports too)
    # The years holding the word are named above the results; one of them scopes the search to it.
    meta = tab.locator(".md-search-result__meta")
    # The years follow the count once the worker has counted them: wait for them.
    tab.wait_for_function("() => document.querySelector('.md-search-result__meta')?.innerText?.includes('见于')")
    assert re.search(r"见于：2022年（\d+）、2021年（\d+）", meta.inner_text())
    watch_answers(tab)
    meta.locator("button", has_text="2021年").click()
    tab.wait_for_function("() => document.querySelector('.ps-search-scope select').value.includes('2021')")
    wait_for_answer(tab)  # the search again, in 2021
    hrefs = tab.locator(".md-search-result__item > .md-search-result__link").evaluate_all("els => els.map(e => e.href)")
    assert hrefs and all(re.search(r"/[a-z]+-2021/", href) for href in hrefs), hrefs
    tab.locator(".ps-search-scope select").select_option(value="")
    # The whole archive again: wait for its answer (2022's reports) to replace the 2021 results.
    tab.wait_for_function("() => [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]"
                          ".some(link => /-2022\\//.test(link.href))")
    # Grouped by report, newest first: each item headed by its report's name, its sections under it.
    items = tab.locator(".md-search-result__item")
    reports = items.locator(":scope > .md-search-result__link:first-child h1").all_inner_texts()
    assert len(reports) == items.count() > 1 and all(re.fullmatch(r"广州市\S+区 · 20\d\d年", r) for r in reports)
    assert [r[-5:] for r in reports] == sorted((r[-5:] for r in reports), reverse=True)


def test_scope_menu_restricts_to_a_year_or_a_report(archive_tab):
    base, tab, _ = archive_tab
    tab.goto(base)
    search(tab, base, "白鹅潭")
    menu = tab.locator(".ps-search-scope select")
    assert menu.is_visible() and menu.input_value() == ""  # the whole archive by default
    for label, folder in (("2021年", r"[a-z]+-2021"), ("广州市荔湾区 · 2022年", r"liwan-2022")):
        watch_answers(tab)
        menu.select_option(label=label)
        wait_for_answer(tab)  # the search again, in that scope
        hrefs = tab.locator(".md-search-result__item > .md-search-result__link").evaluate_all("els => els.map(e => e.href)")
        assert hrefs and all(re.search(rf"/{folder}/", href) for href in hrefs), (label, hrefs)
    menu.select_option(value="")


def test_query_downloads_stay_small(archive_tab):
    base, tab, downloads = archive_tab
    tab.goto(base)
    search(tab, base, "白鹅潭")
    sizes = []
    for query in ("永庆坊", "核酸", "5G基站", "国家呼吸医学中心", "夜间经济"):
        downloads.clear()
        search(tab, base, query)
        sizes.append(sum(downloads))
    assert sorted(sizes)[len(sizes) // 2] < 150_000, sizes


def test_home_lists_every_report_with_its_place_and_year(archive_site):
    home = (archive_site / "site" / "index.html").read_text(encoding="utf-8")
    folders = sorted(p.parent.name for p in (archive_site / "docs").glob("*/data.json"))
    for year_block in re.split(r'<h2 id="', home)[1:]:
        year = year_block[:4]
        for folder in re.findall(r'<td><a href="([a-z0-9-]+)/">', year_block):
            assert folder.endswith(year) and folder in folders
    listed = re.findall(r'<tr><td>([^<]+)</td><td>区县级</td><td><a href="([a-z0-9-]+)/">', home)
    assert sorted(folder for _, folder in listed) == folders
    assert all(place.startswith("广州市") and place.endswith("区") for place, _ in listed)


def test_places_and_projects_are_listed_per_report(archive_site):
    site = archive_site / "site"
    overall = (site / "entities" / "index.html").read_text(encoding="utf-8")
    assert 'href="../liwan-2022/entities/#' in overall  # the site's page points into the newest report's
    own = (site / "liwan-2021" / "entities" / "index.html").read_text(encoding="utf-8")
    article = own.split("<article", 1)[1].split("</article>", 1)[0]
    assert 'id="白鹅潭"' in article and 'href="../pingtai-jianshe/"' in article and "yuexiu-2022" not in article
    for page in (site / "entities" / "index.html", site / "liwan-2021" / "entities" / "index.html", site / "index.html"):
        assert page.stat().st_size < 60_000, page
