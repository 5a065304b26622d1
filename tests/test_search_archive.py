"""Search in an archive of one place over several years, in Chromium: results
grouped by report, newest first, each report with its matching sections;
snippets that are the sentence holding the whole query; text put into the box
without a key press (pasted, committed by an input method) searches."""

from __future__ import annotations

import re
import urllib.parse

import pytest

from browser import chromium, serve, wait_for_answer, watch_answers
from conftest import SEED, built_project, make_project

SEED_YEAR = "2022"


def year_copies() -> dict[str, bytes]:
    """The seed's district over four years. 白鹅潭 is named in two sections of
    each year, but in one only in 2021 and in none in 2020."""
    text = SEED.read_text(encoding="utf-8")
    copies = {}
    for year in ("2019", "2020", "2021", SEED_YEAR):
        body = text.replace(SEED_YEAR, year)
        if year == "2020":
            body = body.replace("白鹅潭", "江湾")
        if year == "2021":
            body = body.replace("培育白鹅潭世界级商圈", "培育江湾世界级商圈")
        copies[f"liwan_{year}.txt"] = body.encode("utf-8")
    return copies


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    project = built_project(make_project(tmp_path_factory.mktemp("years"), year_copies()))
    return project / "site"


@pytest.fixture(scope="module")
def tab(archive):
    with serve(archive) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base)
        yield base, page


def put(page, query: str, how: str = "paste") -> None:
    """Text into the search box without a key press: pasted (fill) or committed
    by an input method (insert_text: an input event only)."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    page.wait_for_function("() => !document.querySelector('.md-search-result__list').children.length")
    watch_answers(page)
    if how == "paste":
        box.fill(query)
    else:
        page.keyboard.insert_text(query)
    page.wait_for_function("() => document.querySelector('.md-search-result__list').children.length > 0")
    wait_for_answer(page, query)


def groups(page, base: str) -> list[list[tuple[str, str]]]:
    """Each listed item as (path, title) of its links: the report first, then its sections."""
    return page.locator(".md-search-result__item").evaluate_all("""items => items.map(item =>
        [...item.querySelectorAll(':scope > .md-search-result__link')].map(a =>
            [new URL(a.href).pathname, a.querySelector('h1, h2').textContent.trim()]))""")


@pytest.mark.parametrize("how", ["paste", "input method"])
def test_results_are_grouped_by_report_newest_first(tab, how):
    base, page = tab
    put(page, "白鹅潭", how)
    found = groups(page, base)
    assert [tuple(item[0]) for item in found] == [
        ("/liwan-2022/", "广州市荔湾区 · 2022年"), ("/liwan-2021/", "广州市荔湾区 · 2021年"), ("/liwan-2019/", "广州市荔湾区 · 2019年")]
    sections = [{path for path, _ in item[1:]} for item in found]
    assert sections[0] == {"/liwan-2022/pingtai-jianshe/", "/liwan-2022/shangquan-jianshe/"}
    assert sections[1] == {"/liwan-2021/pingtai-jianshe/"}
    assert sections[2] == {"/liwan-2019/pingtai-jianshe/", "/liwan-2019/shangquan-jianshe/"}
    assert "按报告列出" in page.locator(".md-search-result__meta").inner_text()


SENTENCE_END = "。！？；"


def sentences_of(page, url: str) -> list[str]:
    """The sentences of a page's article text, as a reader sees them."""
    text = page.evaluate("""async url => {
        const html = await (await fetch(url)).text()
        const doc = new DOMParser().parseFromString(html, 'text/html')
        doc.querySelectorAll('.headerlink').forEach(e => e.remove())
        return [...doc.querySelectorAll('article p, article li, article h2, article h3')].map(e => e.textContent).join('\\n')
    }""", url)
    return [s for s in re.split(rf"(?<=[{SENTENCE_END}])|\n", text.replace("\u200b", "")) if s.strip()]


@pytest.mark.parametrize("query", ["夜间经济", "白鹅潭", "专精特新", "5G基站", "国际医药港"])
def test_a_snippet_is_the_sentence_holding_the_whole_phrase(tab, query):
    base, page = tab
    put(page, query)
    snippets = page.locator(".md-search-result__link").evaluate_all("""links => links
        .filter(a => a.querySelector('h2, h1') && a.querySelector('article > p:last-of-type mark'))
        .map(a => { const p = a.querySelector('article > p:last-of-type');
                    return [a.href, p.textContent, [...p.querySelectorAll('mark')].map(m => m.textContent)] })""")
    phrases = 0
    for url, text, marks in snippets:
        whole = text.replace("\u200b", "").strip()
        cut_before, cut_after = whole.startswith("…"), whole.endswith("…")
        core = whole.strip("…")
        sentences = sentences_of(page, urllib.parse.urljoin(url, "?"))
        holding = [s.strip() for s in sentences if core in s]
        assert holding, (url, whole)
        sentence = holding[0]
        if any(query in s for s in sentences):  # the page holds the phrase: it is the snippet's, marked whole
            phrases += 1
            assert query in whole and marks and all(mark.replace("\u200b", "") == query for mark in marks), (url, marks)
        # The whole sentence, or the clauses around the phrase: never a start mid-clause.
        assert sentence.startswith(core) or (cut_before and sentence[sentence.index(core) - 1] in "，、："), (sentence, whole)
        assert sentence.endswith(core) or cut_after, (sentence, whole)
    assert phrases >= 3


def test_a_page_view_loads_the_search_engine_only_when_search_opens(tab):
    base, opened = tab
    with opened.context.browser.new_context(viewport={"width": 390, "height": 844}) as context:
        page = context.new_page()
        fetched = []
        page.on("request", lambda request: fetched.append(urllib.parse.urlsplit(request.url).path))
        page.goto(base)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        assert page.evaluate("!!window.__searchWorker")  # Material's worker is up, and has been asked with the empty box
        assert not [path for path in fetched if path.startswith("/pagefind/")]
        page.locator("label[for=__search]").first.click()
        page.wait_for_function("() => document.querySelector('.ps-search-scope') && !document.querySelector('.ps-search-scope').hidden")
        assert "/pagefind/pagefind.js" in fetched
