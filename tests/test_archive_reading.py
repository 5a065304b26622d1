"""An archive in both shapes read as a reader would: official provincial
reports and news summaries, by clicking from the home page; 目标对比; pages
that stay small; screenshots and axe on the archive's own pages."""

from __future__ import annotations

import json
import re
import sys

import pytest

from browser import chromium, serve
from conftest import ROOT, SEED, broken_links, built_project, make_project
from test_reading import AXE, DESKTOP, MOBILE

sys.path.insert(0, str(ROOT / "bench"))
from archive import make_mixed_archive  # noqa: E402

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
COUNT = 10  # six provinces' 2026 reports (bench/official.py) and four districts' news of 2022


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("mixed"), seeds={})
    make_mixed_archive(SEED, COUNT, project / "seeds")
    return built_project(project)


@pytest.fixture(scope="module")
def tab(mixed_site):
    with serve(mixed_site / "site") as base, chromium() as browser:
        yield base, browser


def reports(project) -> dict[str, dict]:
    return {p.parent.name: json.loads(p.read_text(encoding="utf-8")) for p in (project / "docs").glob("*/data.json")}


def test_home_lists_every_report_with_its_place_and_year(mixed_site):
    home = (mixed_site / "site" / "index.html").read_text(encoding="utf-8")
    listed = {}
    for block in re.split(r'<h2 id="', home)[1:]:
        for place, folder in re.findall(r'<tr><td>([^<]+)</td><td>[^<]+</td><td><a href="([a-z0-9-]+)/">', block):
            listed[folder] = (place, block[:4])
    expected = {slug: (data["place"]["name"], data["year"]) for slug, data in reports(mixed_site).items()}
    assert listed == expected
    assert {place for place, _ in listed.values()} >= {"北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省"}


def test_no_page_but_a_full_text_weighs_more_than_60_kb(mixed_site):
    site = mixed_site / "site"
    heavy = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.stat().st_size > 60_000 and p.parent.name != "quanwen"]
    assert heavy == []
    # A provincial report's 数读 runs on over pages, each reached from the first.
    first = (site / "hebei-2026" / "shudu" / "index.html").read_text(encoding="utf-8")
    assert 'href="../shudu-2/"' in first and (site / "hebei-2026" / "shudu-2" / "index.html").is_file()
    assert broken_links(site) == []


def heading(page) -> str:
    """The page's h1 without its permalink mark."""
    return page.locator("h1").first.evaluate("h => h.firstChild.textContent").strip()


def test_clicking_from_home_to_a_related_item_in_another_report_and_back(tab):
    base, browser = tab
    page = browser.new_page(viewport=DESKTOP)
    page.goto(base)
    # Home → a province's report.
    page.locator(".home-index a", has_text="2026年河北省政府工作报告").click()
    page.wait_for_url(re.compile(r"/hebei-2026/$"))
    assert heading(page) == "2026年河北省政府工作报告"
    # → one of its items, from the overview's cards.
    item = page.locator("article a").filter(has_text=re.compile(r"^（[一二三四五六七八九十]+）")).first
    title = item.inner_text().strip().split("\n")[0]
    item.click()
    page.wait_for_url(re.compile(r"/hebei-2026/[a-z0-9-]+/$"))
    crumbs = page.locator("nav.crumbs").inner_text()
    assert "河北省" in crumbs and "2026年河北省政府工作报告" in crumbs
    assert "2026年河北省政府工作报告" in page.title() and heading(page) == title
    # → a related item in another report, named by its report.
    related = page.locator("ul.related li").filter(has_not_text="河北省").first
    report = related.locator(".related__report").inner_text().strip()
    assert report and "河北" not in report
    related.locator("a").first.click()
    page.wait_for_url(lambda url: "/hebei-2026/" not in url)
    place, year = report.split(" · ")  # 北京市 · 2026年
    crumbs = page.locator("nav.crumbs").inner_text()
    assert crumbs.startswith(place) and year in crumbs and place in page.title()
    # ← back to that report by its breadcrumb.
    crumb = page.locator("nav.crumbs a").first
    name = crumb.inner_text().strip()
    assert place in name and year in name
    crumb.click()
    page.wait_for_url(re.compile(r"/[a-z0-9-]+-20\d\d/$"))
    assert heading(page) == name
    page.close()


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_screenshots_of_home_a_report_and_target_comparison(tab, viewport):
    base, browser = tab
    context = browser.new_context(viewport=DESKTOP if viewport == "desktop" else MOBILE, is_mobile=viewport == "mobile")
    page = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in {"archive-home": "", "archive-report": "hebei-2026/", "archive-compare": "compare/2026/"}.items():
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        # Nothing wider than the screen: tables scroll inside their own box.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
        shot = SCREENSHOTS / f"{name}-{viewport}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
    context.close()


@pytest.mark.parametrize("path", ["", "hebei-2026/", "compare/2026/", "hebei-2026/shudu-2/"])
def test_archive_pages_have_no_axe_violations(tab, path):
    base, browser = tab
    page = browser.new_page(viewport=DESKTOP)
    page.goto(base + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
    page.close()


# --- what keeps pages small at 300 reports (bench/bench.py measures the built pages) ---------------


@pytest.fixture(scope="module")
def enriched(mixed_site):
    from policysite.enrich.reports import enrich
    from policysite.read.parse import parse
    from policysite.read.seed import read_seed

    return enrich([parse(read_seed(p, p.name)) for p in sorted((mixed_site / "seeds").glob("*.txt"))], {})


@pytest.fixture(scope="module")
def documents(enriched):
    return enriched[0]


def test_past_its_budget_the_home_page_lists_older_years_by_place(enriched, documents, monkeypatch):
    from policysite.render import home as home_page

    monkeypatch.setattr(home_page, "HOME_ROWS", 6)  # the six 2026 reports in full, 2022's by place
    home, *years = home_page.home_pages(sorted(documents, key=lambda d: d.date, reverse=True), enriched[1])
    assert [p.path for p in years] == ["reports/2022.md"]
    assert home.content.count("<tr><td>") == 6 and "[4份报告的日期、报告人和条目数](reports/2022.md)" in home.content
    for document in documents:  # every report still on the home page, under its year
        year_block = home.content.split(f"## {document.year}年", 1)[1].split("\n## ", 1)[0]
        assert f'href="{document.slug}/"' in year_block
    assert years[0].content.count("<tr><td>") == 4 and 'href="../../liwan-2022/"' in years[0].content


def test_past_its_budget_about_lists_sources_by_year(documents, monkeypatch):
    from policysite.render import about as about_page

    monkeypatch.setattr(about_page, "ABOUT_SOURCES", 3)
    about, *years = about_page.about_pages(documents)
    assert sorted(p.path for p in years) == ["about/2022.md", "about/2026.md"]
    assert "[2026年](about/2026.md)：6份" in about.content
    assert "(../hebei-2026/index.md)" in next(p for p in years if p.path == "about/2026.md").content


def test_a_long_shudu_continues_on_further_pages_with_every_figure_once(enriched, documents):
    from policysite.render import shudu

    hebei = next(d for d in documents if d.slug == "hebei-2026")
    notes = enriched[1][hebei]
    pages = shudu.figures_pages(hebei, notes)
    assert len(pages) == -(-len(notes.figures) // shudu.FIGURES_PER_PAGE) > 1
    assert [p.path for p in pages][:2] == ["hebei-2026/shudu.md", "hebei-2026/shudu-2.md"]
    links = sum(len(re.findall(r"#:~:text=", p.content)) for p in pages)
    assert links == len(notes.figures)
    assert "## 各部分的目标(续)" in pages[1].content or "## 已实现的结果与基数" in pages[1].content


# --- reading on a phone (390 px) -------------------------------------------------------------

PHONE_PAGES = ["", "compare/", "compare/2026/", "hebei-2026/", "hebei-2026/shudu/", "liwan-2022/", "liwan-2022/pingtai-jianshe/"]


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_on_a_phone_no_page_scrolls_sideways_and_wide_tables_scroll_in_a_box_with_a_cue(tab, path):
    base, browser = tab
    context = browser.new_context(viewport=MOBILE, is_mobile=True)
    page = context.new_page()
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    boxes = page.evaluate("""() => [...document.querySelectorAll('article .md-typeset__scrollwrap')].map(box => ({
        home: !!box.closest('.home-index'), wide: box.scrollWidth > box.clientWidth + 1, width: box.scrollWidth,
        marked: box.hasAttribute('data-overflow'), focusable: box.tabIndex === 0,
        hint: !!(box.previousElementSibling && box.previousElementSibling.classList.contains('table-hint')
                 && box.previousElementSibling.getBoundingClientRect().height > 0)}))""")
    for box in boxes:
        if box["home"]:  # the home index fits the screen
            assert not box["wide"], box
        else:
            assert box["width"] <= 2 * MOBILE["width"], box
            assert box["marked"] == box["wide"] == box["hint"] == box["focusable"], box
    if path == "":
        assert boxes and all(b["home"] for b in boxes)
        # Place, report and date; a title on at most two lines.
        shown = page.evaluate("[...document.querySelector('.home-index thead').querySelectorAll('th')].filter(th => th.offsetWidth).map(th => th.textContent)")
        assert shown == ["地区", "报告", "日期"]
        # (a report's own title, such as 2026年内蒙古自治区政府工作报告; a news headline may take three)
        lines = page.evaluate("""[...document.querySelectorAll('.home-index td:nth-child(3) a')]
            .filter(a => a.textContent.endsWith('政府工作报告')).map(a =>
            Math.round(a.getBoundingClientRect().height / parseFloat(getComputedStyle(a).lineHeight)))""")
        assert len(lines) == 6 and max(lines) <= 2, lines
    if path == "liwan-2022/":  # 阅读全文 and 数读 do not touch
        a, b = page.locator("article .md-button").evaluate_all("els => els.map(e => e.getBoundingClientRect().toJSON())")[:2]
        apart = b["left"] >= a["right"] + 4 or b["top"] >= a["bottom"] + 4
        assert apart, (a, b)
    context.close()


def test_a_wide_table_reached_by_instant_navigation_gets_its_cue(tab):
    base, browser = tab
    page = browser.new_page(viewport=MOBILE)
    page.goto(base)
    page.locator("article a", has_text="目标对比").first.click()  # Material swaps the page in
    page.wait_for_url(re.compile(r"/compare/$"))
    page.locator("article a", has_text="2026年").first.click()
    page.wait_for_url(re.compile(r"/compare/2026/$"))
    page.wait_for_selector("article .table-hint")
    box = page.locator("article .md-typeset__scrollwrap").first
    assert box.get_attribute("data-overflow") == "" and "左右滑动" in page.locator(".table-hint").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.close()


def test_cards_break_between_words_only(mixed_site, tab):
    overview = (mixed_site / "site" / "liwan-2022" / "index.html").read_text(encoding="utf-8")
    assert "生态<wbr>布局" in overview and "生态布<wbr>" not in overview
    # Lines break at those <wbr> alone: every line of a card ends at a word's end.
    base, browser = tab
    page = browser.new_page(viewport=MOBILE)
    page.goto(base + "hebei-2026/")  # an official report's long item headings wrap on a phone
    ends = page.evaluate("""() => [...document.querySelectorAll('.grid.cards p')].flatMap(p => {
        const ends = [], walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange()
            for (let i = 1; i < node.length; i++) {  // a character starting a new line inside a text node
                range.setStart(node, i - 1); range.setEnd(node, i); const before = range.getBoundingClientRect().top
                range.setStart(node, i); range.setEnd(node, i + 1); const after = range.getBoundingClientRect().top
                if (after > before + 4) ends.push(node.data.slice(Math.max(0, i - 3), i) + '|' + node.data.slice(i, i + 3))
            }
        }
        return ends })""")
    # A text node holds one word (or punctuation after it): a line starting inside one broke a word.
    assert len(ends) > 3 and [end for end in ends if not re.match(r"^.*[，。、；：“”（）,.;:]\|", end)] == [], ends
    page.close()


def test_titles_use_one_separator_and_footer_links_name_their_pages(mixed_site):
    site = mixed_site / "site"

    def title(path):
        return re.search(r"<title>([^<]*)</title>", (site / path).read_text(encoding="utf-8"))[1]

    assert title("index.html") == "政府工作报告"
    assert title("compare/index.html") == "目标对比 · 政府工作报告"
    assert title("hebei-2026/shudu/index.html") == "数读 · 2026年河北省政府工作报告"
    pages = [p for p in site.rglob("index.html") if p.parent.name not in ("assets", "pagefind")]
    assert all(" - " not in title(p.relative_to(site)) for p in pages)
    # The footer's link names the page it leads to, not its short entry in the navigation (2022年).
    year = (site / "compare" / "2026" / "index.html").read_text(encoding="utf-8")
    following = re.search(r'md-footer__link--next" aria-label="下一页: ([^"]+)"', year)[1]
    assert following == "目标对比：2022年"
