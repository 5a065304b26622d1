"""Zensical as the second renderer: `python -m policysite.adapters.zensical` (make
site-zensical) builds the same pages, in the same navigation, with full-width
punctuation and a Chinese search that works, and nothing from other hosts."""

from __future__ import annotations

import json
import re
import subprocess
import urllib.parse

import pytest

from browser import chromium, serve
from conftest import ENV, PYTHON, make_project
from test_search import QUERIES


@pytest.fixture(scope="module")
def zensical_project(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("zensical"))
    result = subprocess.run([PYTHON, "-m", "policysite.adapters.zensical"], cwd=project, capture_output=True, text=True, env=ENV, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Zensical built site-zensical" in result.stdout
    return project


def manifest_nav(project) -> list:
    return json.loads((project / "docs" / ".generated.json").read_text(encoding="utf-8"))["site"]["nav"]


def test_every_generated_page_is_built(zensical_project):
    from policysite.site.addresses import built_path

    docs, site = zensical_project / "docs", zensical_project / "site-zensical"
    sources = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
    assert len(sources) >= 19  # the report: overview, 11 sections, 全文, 数读; home, 目标对比, 标签, 地名与项目, 关于
    assert [s for s in sources if not (site / built_path(s)).is_file()] == []
    for data in docs.rglob("*.json"):  # data.json, the schema, targets.json: copied as they are
        if not data.name.startswith("."):
            assert (site / data.relative_to(docs)).read_bytes() == data.read_bytes()


def test_navigation_follows_the_report_in_source_order(zensical_project):
    from policysite.lang.typography import fullwidth

    (report,) = [entry for entry in manifest_nav(zensical_project) if isinstance(next(iter(entry.values())), list)]
    expected = [fullwidth(next(iter(child))) for child in next(iter(report.values()))]
    page = (zensical_project / "site-zensical" / "liwan-2022" / "keji-chuangxin" / "index.html").read_text(encoding="utf-8")
    primary = page.split('md-nav--primary', 1)[1].split("</nav>\n</div>", 1)[0]
    labels = [" ".join(label.split()) for label in re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', primary)]
    assert [label for label in labels if label in expected] == expected


def test_pages_show_full_width_punctuation(zensical_project):
    site = zensical_project / "site-zensical"
    home = site / "liwan-2022" / "index.html"
    page = home.read_text(encoding="utf-8")
    assert "<h1" in page and "建设老城市新活力示范区，荔湾2022有这些展望" in page
    assert "示范区,荔湾" not in re.sub(r"<[^>]+>", "", page.split("<body", 1)[1])
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    assert index["items"] and all("," not in re.sub(r"[\x00-\x7f]{2,}", "", item["title"]) for item in index["items"])


@pytest.fixture(scope="module")
def zensical_tab(zensical_project):
    with serve(zensical_project / "site-zensical") as base, chromium() as browser:
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.add_init_script(COUNT_ANSWERS)
        requests = []
        tab.on("request", lambda request: requests.append(request.url))
        tab.goto(base)
        yield base, tab, requests


# Zensical's search worker answers each query, in order, once: the dialog shows
# the answer to what was typed (each key press sends the box's text at once)
# when every query sent has been answered, counted once the page has drawn it.
COUNT_ANSWERS = """(() => {
    const Native = window.Worker
    window.Worker = class extends Native {
        constructor(url, options) {
            super(url, options)
            if (!String(url).includes("search")) return
            window.__searchWorker = this
            this.asked = this.answered = 0
            this.addEventListener("message", event => {
                if ((event.data || {}).type === 3) setTimeout(() => this.answered++, 0)
            })
        }
        postMessage(message, ...rest) {
            if (this === window.__searchWorker && (message || {}).type === 2) this.asked++
            return super.postMessage(message, ...rest)
        }
    }
})()"""


def search(tab, query: str) -> list[str]:
    """Type into Zensical's search dialog as a reader would; result page paths in order."""
    if not tab.locator("dialog[open] input[role=combobox]").count():
        tab.locator(".md-search__button").click()
    box = tab.locator("dialog[open] input[role=combobox]")
    box.fill("")
    box.press_sequentially(query, delay=5)
    tab.locator("dialog[open] [role=status]").filter(has_text=re.compile(r"\d|No results")).wait_for()
    tab.wait_for_function("() => window.__searchWorker.asked === window.__searchWorker.answered")
    found = []
    for href in tab.locator("dialog[open] a[role=option]").evaluate_all("links => links.map(a => a.href)"):
        path = urllib.parse.urlsplit(href).path.lstrip("/")
        if path not in found:
            found.append(path)
    return found


def test_reader_queries_find_their_sections(zensical_tab):
    base, tab, _ = zensical_tab
    misses = {}
    for query, slugs in QUERIES.items():
        want = [f"liwan-2022/{slug}/" if slug else "liwan-2022/" for slug in slugs]
        got = search(tab, query)
        if not set(want) <= set(got[: len(want) + 2]):
            misses[query] = got[:4]
    # Zensical's engine cuts with the browser's segmenter, not our lexicon: a few may miss.
    assert len(misses) <= 0.05 * len(QUERIES), json.dumps(misses, ensure_ascii=False)


def test_nothing_is_requested_from_another_host(zensical_tab):
    base, tab, requests = zensical_tab
    for path in ("liwan-2022/keji-chuangxin/", "liwan-2022/shudu/", "compare/"):
        tab.goto(base + path)
        tab.wait_for_load_state("networkidle")
    search(tab, "白鹅潭")
    assert requests and [url for url in requests if not url.startswith(base) and not url.startswith("data:")] == []
