"""The reading experience, proven in a real Chromium: requests, typography,
accessibility (axe-core), keyboard, print, sub-path hosting and screenshots.

Screenshots land in test-artifacts/screenshots/ (not committed): look at them.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import pytest

from browser import chromium, serve
from conftest import ENV, ROOT, SEED_HEADINGS, make_project, run_build

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 860}
MOBILE = {"width": 390, "height": 844}

SECTION = "liwan-2022/pingtai-jianshe/"
PAGES_TO_CHECK = {"home": "", "section": SECTION, "tags": "tags/", "shudu": "liwan-2022/shudu/"}

CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
ASCII_BETWEEN_CJK = re.compile(rf"{CJK}[,;:]{CJK}")


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def base(built_site):
    with serve(built_site) as base:
        yield base


def all_pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" if p.parent != site else "" for p in site.rglob("index.html"))


class Recorder:
    """Every request a tab makes, and every console error or uncaught exception."""

    def __init__(self, tab, base: str):
        self.origin = urllib.parse.urlsplit(base).netloc
        self.foreign: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        tab.on("request", self.request)
        # A request cut short by leaving the page (ERR_ABORTED) is not a failure.
        tab.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "") and self.failed.append(r.url))
        tab.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"))
        tab.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        tab.on("pageerror", lambda e: self.errors.append(str(e)))

    def request(self, request):
        host = urllib.parse.urlsplit(request.url).netloc
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host != self.origin:
            self.foreign.append(request.url)


def open_search_result(tab, query: str) -> None:
    """Type a query into the search box and click the first result."""
    box = tab.locator(".md-search__input")
    box.click()
    box.press_sequentially(query, delay=5)
    box.press("End")  # an IME commits with a key press: Material searches on keyup
    first = tab.locator(".md-search-result__item > .md-search-result__link").first
    first.wait_for()
    first.click()


# --- requests and errors -----------------------------------------------------------------


def test_every_page_loads_locally_without_errors(built_site, base, browser):
    pages = all_pages(built_site)
    assert len(pages) >= 18
    tab = browser.new_page(viewport=DESKTOP)
    recorder = Recorder(tab, base)
    for path in pages:
        tab.goto(base + path)
        tab.wait_for_load_state("networkidle")
        assert tab.locator("article h1").count() == 1, path
    # Search, then tag navigation, by clicking.
    tab.goto(base)
    open_search_result(tab, "白鹅潭")
    tab.wait_for_url(re.compile(r".*/liwan-2022/(pingtai|shangquan)-jianshe/.*"))
    tab.locator("article .md-tag", has_text="白鹅潭").first.click()
    tab.wait_for_url(re.compile(r".*/tags/#.*"))
    listing = tab.locator("article a", has_text="商圈建设")
    assert listing.count() >= 1
    listing.first.click()
    tab.wait_for_url(re.compile(r".*/liwan-2022/shangquan-jianshe/.*"))
    tab.wait_for_load_state("networkidle")
    assert recorder.foreign == [], recorder.foreign
    assert recorder.failed == [], recorder.failed
    assert recorder.errors == [], recorder.errors


def test_missing_page_shows_the_404_page(base, browser):
    tab = browser.new_page(viewport=DESKTOP)
    response = tab.goto(base + "liwan-2022/no-such-page/")
    assert response.status == 404
    assert "页面不存在" in tab.locator("article h1").inner_text()
    tab.locator("article a[href]").first.click()  # a way back in
    tab.wait_for_load_state("networkidle")
    assert tab.locator("article h1").count() == 1


# --- typography ----------------------------------------------------------------------------


def test_section_text_has_full_width_punctuation(built_site, base, browser):
    tab = browser.new_page(viewport=DESKTOP)
    texts = []
    for path in all_pages(built_site):
        tab.goto(base + path)
        text = tab.locator("article").inner_text()
        assert not ASCII_BETWEEN_CJK.search(text), (path, ASCII_BETWEEN_CJK.findall(text)[:5])
        texts.append(text)
        if path == SECTION:
            assert "，" in text and "：" in text
            assert tab.evaluate("document.documentElement.lang") == "zh"
    everything = "\n".join(texts)
    # Numbers, dates, times and phone numbers keep their ASCII marks.
    for kept in ("5.5%", "2022-01-21 22:38", "020-87006626", "banquan@nandu.cc"):
        assert kept in everything, kept
    # Titles, descriptions and the navigation too.
    tab.goto(base)
    assert "，" in tab.title() + tab.locator(".md-nav--primary").inner_text()
    description = tab.locator('meta[name="description"]').get_attribute("content")
    assert not ASCII_BETWEEN_CJK.search(description), description


def test_section_reads_like_a_chinese_page(base, browser):
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto(base + SECTION)
    style = tab.evaluate(
        """() => {
            const p = [...document.querySelectorAll("article > p")].find(p => p.textContent.length > 80);
            const s = getComputedStyle(p);
            return [parseFloat(s.lineHeight) / parseFloat(s.fontSize), s.fontFamily, p.getBoundingClientRect().width / parseFloat(s.fontSize)];
        }"""
    )
    line_height, fonts, characters_per_line = style
    assert 1.7 <= line_height <= 2.0
    assert "Noto Sans CJK SC" in fonts and "PingFang SC" in fonts
    assert 28 <= characters_per_line <= 48  # a comfortable measure for Chinese
    assert tab.locator("article .lead").inner_text().startswith("建平台抓项目")
    assert tab.locator("article .figures-box", has_text="数读").count() == 1
    assert tab.locator("article .md-tag").count() >= 3
    assert tab.locator("article h2", has_text="相关政策").count() == 1
    assert "南方都市报" in tab.locator("article .credit").inner_text()


def test_run_in_headings_are_in_the_table_of_contents(base, browser):
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto(base + SECTION)
    toc = tab.locator(".md-sidebar--secondary .md-nav__link").all_inner_texts()
    for heading in ("狠抓白鹅潭商务区开发建设", "狠抓海龙围科创区开发建设", "狠抓重大项目建设"):
        assert heading in toc
    # Watched from before the click: Material's anchor tracking may soon put the
    # section in view at the page's foot (相关政策) in the address instead.
    with tab.expect_event("framenavigated", lambda frame: urllib.parse.unquote(frame.url).endswith("#狠抓重大项目建设"), timeout=10_000):
        tab.locator(".md-sidebar--secondary .md-nav__link", has_text="狠抓重大项目建设").click()
    assert tab.locator("article h2", has_text="狠抓重大项目建设").is_visible()


# --- accessibility -----------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_reports_no_violations(base, browser, scheme):
    assert AXE.is_file(), "axe-core is not installed: run `make test` (npm ci)"
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    tab = context.new_page()
    found = {}
    for name, path in PAGES_TO_CHECK.items():
        tab.goto(base + path)
        tab.wait_for_load_state("networkidle")
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
        if result["violations"]:
            found[name] = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]]
    context.close()
    assert found == {}


def test_search_and_navigation_by_keyboard(base, browser):
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto(base)
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.textContent.trim()") == "跳转至"  # skip link first
    tab.keyboard.press("/")  # Material's shortcut opens the search
    assert tab.evaluate("document.activeElement.classList.contains('md-search__input')")
    tab.keyboard.type("海龙围", delay=5)
    tab.keyboard.press("End")
    tab.locator(".md-search-result__item").first.wait_for()
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r".*/liwan-2022/pingtai-jianshe/.*"))
    # Every link of the primary navigation can be reached with Tab.
    tab.goto(base)
    names = set()
    for _ in range(80):
        tab.keyboard.press("Tab")
        names.add(tab.evaluate("document.activeElement.textContent.trim()"))
    assert set(SEED_HEADINGS) <= names


# --- print --------------------------------------------------------------------------------------


def test_print_shows_one_clean_section(base, browser):
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto(base + SECTION)
    tab.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
        assert not tab.locator(chrome).first.is_visible(), chrome
    assert tab.locator("article h1").is_visible()
    assert tab.locator("article .credit").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert not tab.locator("article .md-tags").is_visible()       # navigation aids stay on screen
    assert not tab.locator("article h2#相关政策").is_visible()
    pdf = tab.pdf(path=str(SCREENSHOTS / "section-print.pdf"), format="A4")
    assert 1 <= len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) <= 3


# --- hosting under a sub-path ----------------------------------------------------------------------


def test_site_works_under_a_sub_path(tmp_path, browser):
    project = make_project(tmp_path / "project")
    assert run_build(project).returncode == 0
    served = tmp_path / "www"
    result = mkdocs_build_with_url(project, served / "reports", "http://127.0.0.1/reports/")
    assert result.returncode == 0, result.stderr
    with serve(served) as base:
        tab = browser.new_page(viewport=DESKTOP)
        recorder = Recorder(tab, base)
        tab.goto(base + "reports/")
        open_search_result(tab, "海龙围")
        tab.wait_for_url(re.compile(r".*/reports/liwan-2022/pingtai-jianshe/.*"))
        response = tab.goto(base + "reports/no-such-page/")
        assert response.status == 404
        tab.wait_for_load_state("networkidle")
        # The 404 page's styles and scripts load from the sub-path too.
        assert tab.locator(".md-header").is_visible()
        # Nothing failed but the missing page itself (Chromium logs its 404 as an error).
        assert recorder.failed == [f"404 {base}reports/no-such-page/"], recorder.failed
        assert recorder.errors == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
        assert recorder.foreign == []


def mkdocs_build_with_url(project: Path, site: Path, url: str):
    import subprocess

    from conftest import MKDOCS

    return subprocess.run(
        [MKDOCS, "build", "--strict", "-d", str(site)], cwd=project, capture_output=True, text=True,
        env={**ENV, "SITE_URL": url}, timeout=300,
    )


# --- screenshots -------------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_screenshots(base, browser, viewport):
    """Desktop and mobile screenshots of the main page types and a search result."""
    size = DESKTOP if viewport == "desktop" else MOBILE
    context = browser.new_context(viewport=size, device_scale_factor=1, is_mobile=viewport == "mobile")
    tab = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in PAGES_TO_CHECK.items():
        tab.goto(base + path)
        tab.wait_for_load_state("networkidle")
        shot = SCREENSHOTS / f"{name}-{viewport}.png"
        tab.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
    tab.goto(base)
    if viewport == "mobile":
        tab.locator("label.md-header__button[for='__search']").click()
    box = tab.locator(".md-search__input")
    box.click()
    box.press_sequentially("白鹅潭", delay=5)
    box.press("End")
    tab.locator(".md-search-result__item").first.wait_for()
    shot = SCREENSHOTS / f"search-{viewport}.png"
    tab.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    context.close()
