"""Seed text is text: markup in a seed renders as the characters it is, and never runs."""

from __future__ import annotations

import html
import re


from policysite.lang.typography import fullwidth

from browser import chromium, serve, wait_for_answer, watch_answers
from conftest import SEED, front_matter, make_project, mkdocs_build, run_build

INJECTED = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    "[点我](javascript:window.__pwned=3)",
    "# 不是标题",
    "1. 不是列表",
    "- 不是列表",
    "> 不是引用",
    "| 不是 | 表格 |",
    "---",
    "***",
    "{{ config.site_name }}",
    "{% raw %}模板{% endraw %}",
    "*不是强调* _也不是_ `不是代码`",
    '<a href="javascript:window.__pwned=4">链接</a>',
    "&amp; &lt;实体&gt;",
]
HOSTILE_HEADING = '科技: "创新" --- # 一'
HOSTILE_DECK = "优化布局: 'x' #y --- {z}"


def injected_lines() -> list[str]:
    return [f"{line}第{i}行。" if not re.fullmatch(r"[-*]+", line) else line for i, line in enumerate(INJECTED)]


def hostile_seed() -> str:
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("科技创新\n\n优化科技创新生态布局,培育壮大科创载体", f"{HOSTILE_HEADING}\n\n{HOSTILE_DECK}")
    lines = "\n\n".join(injected_lines())
    return text.replace("\n\n产业体系\n", f"\n\n{lines}\n\n产业体系\n")


def test_hostile_text_is_escaped_and_never_runs(tmp_path):
    project = make_project(tmp_path, {"hostile.txt": hostile_seed().encode("utf-8")})
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    pages = {p.stem: p for p in (project / "docs" / "liwan-2022").glob("*.md")}
    section = next(p for p in pages.values() if front_matter(p).get("title") == HOSTILE_HEADING)
    meta = front_matter(section)
    assert meta["description"] == HOSTILE_DECK
    site = tmp_path / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr

    page = (site / "liwan-2022" / section.stem / "index.html").read_text(encoding="utf-8")
    article = page.split('<article', 1)[1].split("</article>", 1)[0]
    assert not re.search(r"<script\b|<img\b|<a\b[^>]*href=\"javascript", article)
    body = article.split('class="credit"')[0].split("</h1>", 1)[1]
    body = re.sub(r'<aside class="figures-box"[^>]*>.*?</aside>', "", body, flags=re.S)       # our 数读 box
    body = re.split(r'<h2[^>]* id="相关政策"', body)[0]                                     # our 相关政策 list
    for tag in ("<h2", "<h3", "<ol", "<ul", "<blockquote", "<table", "<hr", "<em>", "<code>"):
        assert tag not in body, tag
    # The reader sees each line as written, with full-width marks in its Chinese text.
    text = html.unescape(re.sub(r"<[^>]+>", "", article))
    for line in injected_lines():
        assert fullwidth(line) in text, line
    assert fullwidth(HOSTILE_HEADING) in text and fullwidth(HOSTILE_DECK) in text

    with serve(site) as base, chromium() as browser:
        tab = browser.new_page()
        dialogs = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        tab.goto(f"{base}liwan-2022/{section.stem}/")
        tab.wait_for_load_state("networkidle")
        assert tab.evaluate("window.__pwned") is None
        assert tab.locator("article h1").inner_text().strip().rstrip("¶") == fullwidth(HOSTILE_HEADING)
        assert tab.locator("article script:not([type])").count() == 0
        for line in injected_lines()[:3]:
            assert tab.get_by_text(fullwidth(line), exact=False).count() >= 1
        tab.get_by_text("[点我](javascript:window.__pwned=3)", exact=False).first.click()
        assert tab.evaluate("window.__pwned") is None and not dialogs

        # Search shows the same text as characters: titles, snippets and the query.
        for query in ("pwned", "不是列表", '<img src=x onerror="window.__pwned=5">', '"><script>window.__pwned=6</script>'):
            box = tab.locator(".md-search__input")
            box.click()
            box.fill("")
            watch_answers(tab)
            box.press_sequentially(query, delay=2)
            box.press("End")
            tab.wait_for_function(
                "() => !document.querySelector('.md-search-result__meta').textContent.includes('键入')")
            wait_for_answer(tab, query)  # the results of the whole query drawn
            results = tab.locator(".md-search-result")
            assert results.locator("script, img, a[href^='javascript']").count() == 0
            assert tab.evaluate("window.__pwned") is None and not dialogs
        box.fill("")
        box.press_sequentially("创新", delay=2)
        box.press("End")
        # The hostile heading is a result title, as characters.
        tab.wait_for_function(
            "t => [...document.querySelectorAll('.md-search-result__item h1')].some(h => h.textContent.trim() === t)",
            arg=fullwidth(HOSTILE_HEADING))
        box.fill("")
        box.press_sequentially("pwned", delay=2)
        box.press("End")
        tab.wait_for_function(
            "() => [...document.querySelectorAll('.md-search-result__item')].some(i => i.textContent.includes('window.__pwned'))")
        assert tab.locator(".md-search-result").locator("script, img").count() == 0
        assert tab.evaluate("window.__pwned") is None and not dialogs
