"""新提法: terms a report uses for the first time, terms it dropped, terms year by year, and their pages."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from browser import chromium, serve
from conftest import ROOT, SEED, broken_links, built_project, make_project

from policysite.enrich import terms
from policysite.enrich.reports import enrich
from policysite.read.parse import parse
from policysite.read.seed import read_seed

FIXTURES = Path(__file__).parent / "fixtures"
# Own-written: a city in three years where “人工智能+”行动, 新质生产力 and 低空经济
# appear (2025) and grow (2026), 银发经济 appears and goes, “三个一批”工程 goes.
WUHU = [FIXTURES / "terms" / f"wuhu_{year}.txt" for year in (2024, 2025, 2026)]
OTHERS = [FIXTURES / "reports" / name for name in
          ("official_province.txt", "official_city.txt", "district_huadu_2025.txt", "district_huadu_2026.txt")]


def documents(paths: list[Path]):
    """The reports as enrich gives them, and its annotations."""
    return enrich([parse(read_seed(path, path.name)) for path in paths])


@pytest.fixture(scope="module")
def enriched():
    return documents(WUHU + OTHERS)


@pytest.fixture(scope="module")
def archive(enriched):
    return {d.slug: d for d in enriched[0]}


@pytest.fixture
def texts(enriched):
    """What is read of each report, once per test (terms.Texts)."""
    return terms.Texts(enriched[1])


def listed(found: list[terms.Term]) -> list[tuple[str, str, int]]:
    return [(t.text, t.kind, t.count) for t in found]


def test_what_counts_as_a_term_in_a_passage():
    from policysite.lang import segment
    from policysite.enrich.termwords import passage_terms

    def named(text: str) -> list[tuple[str, str]]:
        return [(term, kind) for term, kind in passage_terms(text, segment.generation()) if kind != "word"]

    # An enumeration's items, the first one without the verb before it.
    assert named("培育具身智能、低空经济、银发经济等新增长点。") == [
        ("具身智能", "list"), ("低空经济", "list"), ("银发经济", "list"),
        ("具身智能", "compound"), ("低空经济", "compound"), ("银发经济", "compound")]
    assert ("投资于人", "list") in named("更加注重惠民生、促消费、投资于人。")
    # Quoted whole, the programme with its quotes; a programme named after a verb.
    assert named("开展“人工智能+”行动。") == [("“人工智能+”行动", "programme"), ("人工智能+", "quoted")]
    assert ("制造业数字化转型行动", "programme") in named("实施制造业数字化转型行动。")
    # A compound jieba cuts into lone characters.
    assert ("新质生产力", "compound") in named("因地制宜发展新质生产力。")
    assert not named("我们坚持问题导向和目标导向。")


def test_new_terms_of_a_year_against_the_year_before(archive, texts):
    news = terms.new_terms(archive["wuhu-2025"], archive["wuhu-2024"], texts)
    assert listed(news) == [
        ("人工智能+", "quoted", 1), ("“人工智能+”行动", "programme", 1),
        ("具身智能", "list", 1), ("低空经济", "list", 1), ("银发经济", "list", 1),
        ("机器人产业", "compound", 1), ("新质生产力", "compound", 1), ("首发经济", "compound", 1),
    ]
    # 数实融合 is cut differently but stands in 2024's related-reports line; 城市更新 was
    # unquoted then, quoted now: neither is new.
    assert "数实融合" not in {t.text for t in news} and "城市更新" not in {t.text for t in news}
    later = terms.new_terms(archive["wuhu-2026"], archive["wuhu-2025"], texts)
    assert listed(later) == [("商业航天", "list", 1), ("冰雪经济", "list", 1), ("场景工程", "compound", 1), ("未来产业", "lexicon", 1),
                             ("产业园", "word", 2)]  # a plain word of three characters used twice


def test_terms_the_next_report_no_longer_uses(archive, texts):
    gone = terms.gone_terms(archive["wuhu-2026"], archive["wuhu-2025"], texts)
    assert listed(gone)[:3] == [("三个一批", "quoted", 1), ("“三个一批”工程", "programme", 1), ("银发经济", "list", 1)]
    assert all(t.page.startswith("wuhu-2025/") for t in gone)  # linking the earlier report's sentences


def test_a_programme_appears_grows_and_is_counted_year_by_year(archive, texts):
    reports = [archive["wuhu-2024"], archive["wuhu-2025"], archive["wuhu-2026"]]
    news = {r.slug: terms.new_terms(r, before, texts) for before, r in zip(reports, reports[1:])}
    trend = dict(terms.trend(reports, news, texts))
    assert trend["新质生产力"] == [0, 1, 4]
    assert trend["“人工智能+”行动"] == [0, 1, 3]
    assert trend["低空经济"] == [0, 1, 4]
    # The most used at their peak first; 人工智能+ adds nothing to “人工智能+”行动 (same counts).
    assert list(trend)[:3] == ["新质生产力", "低空经济", "“人工智能+”行动"] and "人工智能+" not in trend


def test_each_new_term_links_its_first_sentence(archive, texts):
    news = {t.text: t for t in terms.new_terms(archive["wuhu-2025"], archive["wuhu-2024"], texts)}
    assert news["新质生产力"].page == "wuhu-2025/gongzuo-anpai.md"
    assert news["新质生产力"].fragment == ":~:text=因地制宜发展-,新质生产力"  # the item heading that says it first
    assert news["“人工智能+”行动"].fragment == ":~:text=开展-,“人工智能%2B”行动"


def test_without_a_previous_report_the_distinctive_terms_are_shown(archive, texts):
    reports = terms.primary(list(archive.values()))
    assert terms.previous_reports(list(archive.values())) == {
        "wuhu-2025": archive["wuhu-2024"], "wuhu-2026": archive["wuhu-2025"], "huadu-2026": archive["huadu-2025"]}
    own = [t.text for t in terms.distinctive_terms(archive["wuhu-2024"], reports, texts)]
    assert "“三个一批”工程" in own[:3] and "夜间经济" in own


def test_across_a_year_shared_and_own_terms(archive, texts):
    year = [d for d in terms.primary(list(archive.values())) if d.year == "2026"]
    shared = {term: places for term, places, _ in terms.year_shared(year, texts)}
    assert shared["城市更新"] == 2  # 洛阳 and 芜湖
    own = terms.year_own(year, texts)
    assert [t.text for t in own["wuhu-2026"]] == ["人工智能+", "“人工智能+”行动", "低空经济"]
    assert "空港经济" in [t.text for t in own["huadu-2026"]]


def raw(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def assert_new_is_new(term: terms.Term, now: str, before: str) -> None:
    """Precision, checked on the seed files themselves: present as written in this
    report, absent from the previous one however quoted or spaced."""
    def bare(text: str) -> str:
        return "".join(re.sub("[“”\"「」『』]", "", unicodedata.normalize("NFKC", text)).split())

    assert term.text in now, term
    assert term.text not in before and bare(term.text) not in bare(before), term


def test_every_listed_new_term_is_absent_from_the_previous_seed(archive, texts):
    pairs = [("wuhu-2025", "wuhu-2024", WUHU[1], WUHU[0]), ("wuhu-2026", "wuhu-2025", WUHU[2], WUHU[1]),
             ("huadu-2026", "huadu-2025", OTHERS[3], OTHERS[2])]
    for now, before, now_path, before_path in pairs:
        for term in terms.new_terms(archive[now], archive[before], texts):
            assert_new_is_new(term, raw(now_path), raw(before_path))


# Own-written phrases the generated reports are made of: quoted and unquoted
# forms of one term, enumerations, words split by a line break, terms inside
# longer ones.
PHRASES = [
    "加快发展新质生产力。", "培育具身智能、低空经济、银发经济等新增长点。", "开展“人工智能+”行动。",
    "推进“城市更新”。", "推进城市更新。", "坚持数实融合发展。", "实施“三个一批”工程。", "发展首发经济、冰雪经济。",
    "建设低空经济产业园。", "打造“一刻钟便民生活圈”。", "完善一刻钟便民生活圈。", "推动以旧换新扩围提质。",
    "深化“放管服”改革。", "落实放管服改革。", "建设智能\n工厂十家。", "培育商业航天、生物制造等未来产业。",
    "发展银发经济。", "推动人工智能与实体经济融合。", "办好汽车消费季。", "建设口袋公园二十个。",
]


def report_text(year: int, phrases: list[str]) -> str:
    body = "\n".join(phrases)
    return (f"政府工作报告\n——{year}年1月10日在芜湖市第十七届人民代表大会第四次会议上\n市长 王某某\n各位代表：\n"
            f"一、{year - 1}年工作回顾\n过去一年，我们稳中求进。\n{body}\n二、{year}年工作安排\n今年要继续努力。\n"
            f"{body}\n各位代表，让我们携手奋进！\n")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PHRASES), min_size=1, max_size=10), st.lists(st.sampled_from(PHRASES), min_size=1, max_size=10))
def test_precision_on_generated_reports(tmp_path, before_phrases, now_phrases):
    paths = []
    for year, phrases in ((2024, before_phrases), (2025, now_phrases)):
        path = tmp_path / f"wuhu_{year}.txt"
        path.write_text(report_text(year, phrases), encoding="utf-8")
        paths.append(path)
    (before, now), notes = documents(paths)
    texts = terms.Texts(notes)
    for term in terms.new_terms(now, before, texts):
        assert_new_is_new(term, raw(paths[1]), raw(paths[0]))
    for term in terms.gone_terms(now, before, texts):
        assert_new_is_new(term, raw(paths[0]), raw(paths[1]))


def test_the_national_report_is_a_place_of_its_own():
    from policysite.render import terms as render_terms

    (before, now), notes = documents([FIXTURES / "terms" / "national_2024.txt", FIXTURES / "terms" / "national_2025.txt"])
    assert terms.place_key(now) == "全国" and terms.previous_reports([before, now]) == {now.slug: before}
    news = [t.text for t in terms.new_terms(now, before, terms.Texts(notes))]
    assert {"具身智能", "量子科技", "投资于人", "首发经济", "冰雪经济", "银发经济"} <= set(news)
    assert not {"新质生产力", "人工智能+", "“人工智能+”行动"} & set(news)
    pages = {page.path: page.content for page in render_terms.pages([before, now], notes)}
    chart = pages["terms/place-quanguo.md"]
    assert "新提法:全国历年" in chart and "具身智能：2024年0次，2025年1次" in chart


def test_a_changed_report_is_read_again_and_the_rest_remembered():
    # What a long-running process (mkdocs serve) relies on: reports are remembered by what they hold.
    from policysite.render import terms as render_terms

    reports, notes = documents(WUHU)
    first = {page.path: page.content for page in render_terms.pages(reports, notes)}
    assert len(terms.Texts.remembered) == 3  # the reports of the last build, no more
    reports[2].sections[-1].paragraphs.append("发展海洋经济。")
    again = {page.path: page.content for page in render_terms.pages(reports, notes)}
    assert "海洋经济" in again["terms/report/wuhu-2026.md"] and "海洋经济" not in first["terms/report/wuhu-2026.md"]
    assert again["terms/report/wuhu-2025.md"] == first["terms/report/wuhu-2025.md"]
    assert len(terms.Texts.remembered) == 3


def test_a_single_report_site_has_no_terms_pages():
    from policysite.site.context import work_out
    from policysite.render import nav, render

    site = work_out(*documents([SEED]))
    assert not [p for p in render(site) if p.path.startswith("terms/")]
    assert "新提法" not in [next(iter(entry)) for entry in nav(site)]


# --- the built site ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("terms"), {p.name: p.read_bytes() for p in WUHU + OTHERS})
    return built_project(project) / "site"


def test_pages_are_built_small_and_linked(site):
    pages = sorted((site / "terms").rglob("*.html"))
    names = {p.relative_to(site / "terms").as_posix() for p in pages}
    assert {"index.html", "2025/index.html", "report/wuhu-2025/index.html", "report/wuhu-2024/index.html", "place-wuhu/index.html",
            "place-huadu/index.html"} <= names
    assert max(p.stat().st_size for p in pages) < 60_000
    report = (site / "terms" / "report" / "wuhu-2025" / "index.html").read_text(encoding="utf-8")
    assert "与2024年的报告相比" in report and "新质生产力" in report and "不再提及" in report
    first = (site / "terms" / "report" / "wuhu-2024" / "index.html").read_text(encoding="utf-8")
    assert "本站没有芜湖市在2024年以前的报告" in first and "三个一批" in first
    overview = (site / "terms" / "index.html").read_text(encoding="utf-8")
    assert "与站内搜索相同的词典" in overview  # the page says what it counted
    assert broken_links(site) == []  # every term's link reaches a page holding its words


def test_new_terms_are_exported(site):
    rows = list(csv.DictReader(io.StringIO((site / "terms" / "new.csv").read_text(encoding="utf-8"))))
    assert list(rows[0]) == ["place", "year", "term", "count", "first_url", "kind"]
    assert rows == [{k: str(v) for k, v in row.items()} for row in json.loads((site / "terms" / "new.json").read_text(encoding="utf-8"))]
    wuhu = {(r["year"], r["term"]): r for r in rows if r["place"] == "芜湖市"}
    assert wuhu[("2025", "新质生产力")]["count"] == "1" and wuhu[("2025", "新质生产力")]["kind"] == "compound"
    assert wuhu[("2025", "新质生产力")]["first_url"].startswith("wuhu-2025/gongzuo-anpai/#:~:text=")
    assert ("2026", "新质生产力") not in wuhu and ("2026", "冰雪经济") in wuhu


def test_navigation_lists_terms_after_targets(site):
    manifest = json.loads((site.parent / "docs" / ".generated.json").read_text(encoding="utf-8"))
    top = [next(iter(entry)) for entry in manifest["site"]["nav"]]
    assert top[:3] == ["首页", "目标对比", "新提法"]
    section = manifest["site"]["nav"][2]["新提法"]
    assert section[0] == {"概览": "terms/index.md"} and {"2025年": "terms/2025.md"} in section


def test_charts_are_drawn_and_readable_on_a_phone_and_pages_pass_axe(site):
    with serve(site) as base, chromium() as browser:
        tab = browser.new_page(viewport={"width": 390, "height": 844})
        tab.goto(base + "terms/place-wuhu/")
        charts = tab.locator("svg.term-chart")
        assert charts.count() >= 3
        for index in range(charts.count()):
            chart = charts.nth(index)
            box = chart.bounding_box()
            assert 60 < box["width"] <= 390 and box["height"] > 20
            assert chart.get_attribute("role") == "img"
            label = chart.locator("title").text_content()
            assert re.search(r"2024年\d+次，2025年\d+次，2026年\d+次", label)
            assert chart.locator("rect").count() >= 1 and chart.locator("text").count() == 6  # counts and years as text
        assert "新质生产力：2024年0次，2025年1次，2026年4次" in tab.locator("svg.term-chart title").all_text_contents()
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
        table = tab.locator(".compare-table table").last
        assert "新质生产力" in table.inner_text()
        for path in ("terms/place-wuhu/", "terms/report/wuhu-2025/", "terms/2026/"):
            tab.goto(base + path)
            assert tab.evaluate("document.documentElement.scrollWidth") <= 390, path  # tables scroll in their box
            tab.add_script_tag(path=str(ROOT / "node_modules" / "axe-core" / "axe.min.js"))
            result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
            assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == [], path
