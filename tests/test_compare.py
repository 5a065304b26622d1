"""目标对比 and compare/targets.csv|json: main targets aligned by indicator across reports and years."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from browser import chromium, serve
from conftest import broken_links, make_project, mkdocs_build, run_build

FIXTURES = Path(__file__).parent / "fixtures" / "reports"
SEEDS = ["official_province.txt", "official_city.txt", "district_huadu_2025.txt", "district_huadu_2026.txt"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("compare"), {name: (FIXTURES / name).read_bytes() for name in SEEDS})
    assert run_build(project).returncode == 0
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_targets_csv_and_json_hold_one_row_per_report_and_indicator(site):
    rows = list(csv.DictReader(io.StringIO((site / "compare" / "targets.csv").read_text(encoding="utf-8"))))
    assert list(rows[0]) == ["place", "level", "year", "scope", "indicator", "text", "low", "high", "unit", "qualifier", "url"]
    assert rows == [{key: str(value) for key, value in row.items()}
                    for row in json.loads((site / "compare" / "targets.json").read_text(encoding="utf-8"))]
    growth = {(r["place"], r["year"]): r for r in rows if r["indicator"] == "地区生产总值增长" and r["scope"] == "main"}
    assert growth[("安徽省", "2026")]["text"] == "5%左右" and growth[("安徽省", "2026")]["level"] == "省级"
    assert growth[("广州市花都区", "2025")]["text"] == "5%左右" and growth[("广州市花都区", "2026")]["text"] == "4.5%左右"
    assert float(growth[("洛阳市", "2026")]["low"]) == 5.5 and growth[("洛阳市", "2026")]["qualifier"] == "左右"
    assert len({(r["place"], r["year"], r["scope"], r["indicator"], r["text"]) for r in rows}) == len(rows)
    # Each row links to its sentence: the page exists and shows the words the fragment marks.
    assert all("#:~:text=" in r["url"] for r in rows)
    assert broken_links(site) == []


def test_a_place_over_the_years_shows_the_change(site):
    overview = (site / "compare" / "index.html").read_text(encoding="utf-8")
    assert 'href="huadu/"' in overview.split('id="各地历年目标"', 1)[1]
    years = (site / "compare" / "huadu" / "index.html").read_text(encoding="utf-8")
    assert "广州市花都区" in years and "5%左右" in years and "4.5%左右" in years and "−0.5" in years


def test_tables_sort_by_a_click_on_their_heading(site):
    with serve(site) as base, chromium() as browser:
        tab = browser.new_page(viewport={"width": 390, "height": 844})
        tab.goto(base + "compare/2026/")  # a year's table (several years: a page each)
        table = tab.locator(".sortable table").first
        first_column = "els => els.map(e => e.cells[0].textContent.trim())"
        button = table.locator("th button.sort", has_text="地区生产总值增长")
        button.click()
        descending = table.locator("tbody tr").evaluate_all("rows => rows.map(r => parseFloat(r.cells[1].dataset.value))")
        assert descending == sorted(descending, reverse=True)
        button.click()
        ascending = table.locator("tbody tr").evaluate_all("rows => rows.map(r => parseFloat(r.cells[1].dataset.value))")
        assert ascending == sorted(ascending)
        assert table.locator("tbody tr").evaluate_all(first_column)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390  # a wide table scrolls in its box


def test_several_years_get_a_page_each_from_the_overview(site):
    overview = (site / "compare" / "index.html").read_text(encoding="utf-8")
    assert 'href="2026/"' in overview and 'href="2025/"' in overview
    year = (site / "compare" / "2025" / "index.html").read_text(encoding="utf-8")
    assert "5%左右" in year and "4.5%左右" not in year.split("<article", 1)[1]


def test_the_years_own_targets_are_kept_apart_from_a_plan_periods():
    # A report opening a five-year plan states the plan's goals before the year's.
    from policysite.enrich.compare import first_targets
    from policysite.enrich.figures import read_blocks

    paragraphs = (
        "“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5.5%左右。",
        "到2030年，全省地区生产总值增长5%以上，城镇新增就业累计300万人。",
        "2026年是“十五五”开局之年，主要预期目标是：地区生产总值增长5%—5.5%；城镇新增就业60万人以上。",
    )
    figures = read_blocks([(0, paragraphs, (1, 2, 3), "二、2026年工作安排", "二、2026年工作安排")], "2026")
    assert [(f.indicator, f.text) for f in first_targets(figures)] == [("地区生产总值增长", "5%—5.5%"), ("城镇新增就业", "60万人以上")]
    assert [(f.text, f.scope) for f in first_targets(figures, scope="period")] == [("5.5%左右", "period"), ("300万人", "period")]
    # Without a year's own passage, a plan's goal is never the year's main target.
    assert first_targets(figures[:3]) == []


def test_a_years_table_holds_shared_indicators_rows_by_level_then_place(site):
    import re

    page = (site / "compare" / "2026" / "index.html").read_text(encoding="utf-8").split("<article", 1)[1]
    assert "按层级" in page and "拼音" in page  # the order is said on the page
    table = page.split('<div class="compare-table sortable">', 1)[1].split("</table>", 1)[0]
    head = re.findall(r'<th><button type="button" class="sort">([^<]+)</button></th>', table)[1:]
    rows = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr><td>.*?</tr>", table)]
    names = [re.sub(r"<[^>]+>", "", row[0]) for row in rows]
    assert names == ["安徽省", "洛阳市", "广州市花都区"]  # 省级, 市级, 区县级
    for column, indicator in enumerate(head, start=1):  # every column is stated by most reports (two at least)
        assert sum(row[column] != "—" for row in rows) >= max(2, len(rows) // 2 + 1), indicator
    rest = page.split('<ul class="compare-rest">', 1)[1].split("</ul>", 1)[0] if "compare-rest" in page else ""
    listed = re.findall(r"([^；：>]+?) <a href", rest)
    assert listed and not set(listed) & set(head)
    assert all(name in names for name in re.findall(r'<li><a href="[^"]+">([^<]+)</a>', rest))


def test_reports_order_by_level_then_place_in_pinyin():
    from policysite.render.comparetable import report_order
    from policysite.model import Document, Footer

    def report(place, level, slug):
        return Document(seed=f"{slug}.txt", title=f"{place}政府工作报告", outlet="", date="", intro=[], sections=[],
                        footer=Footer(), place_name=place, level=level, slug=slug)

    found = [report("郑州市", "市级", "zhengzhou"), report("海珠区", "区县级", "haizhu"), report("河北省", "省级", "hebei"),
             report("安徽省", "省级", "anhui"), report("北京", "", "news"), report("洛阳市", "市级", "luoyang")]
    assert [d.slug for d in sorted(found, key=report_order)] == ["anhui", "hebei", "luoyang", "zhengzhou", "haizhu", "news"]


# --- one place over many years, on a phone ---------------------------------------------------

YEARS = range(2018, 2027)  # nine consecutive reports of one province
FILLER = "围绕这项工作，我们完善推进机制，压实各方责任，加强要素保障，推动各项措施落地见效。" * 2


def yearly_report(year: int) -> str:
    """An own-written provincial report of `year`: a review, then a passage of nine targets
    (the rate moving a little from year to year, one indicator stated only in the last years)."""
    step = (year - 2018) % 3 * 0.5
    extra = f"，全社会研发投入强度达到2.{year - 2020}%左右" if year >= 2024 else ""
    return "\n".join([
        f"{year}年湖南省政府工作报告",
        f"——{year}年1月15日在湖南省人民代表大会上",
        "湖南省省长 李某某",
        "各位代表：",
        f"一、{year - 1}年工作回顾",
        f"过去一年，全省地区生产总值增长{5 + step}%，城镇新增就业70万人。",
        f"（一）产业发展稳中有进。新增规模以上工业企业{1000 + year % 100}家。{FILLER}",
        f"二、{year}年工作安排",
        f"今年全省经济社会发展的主要预期目标是：地区生产总值增长{5.5 + step}%左右，一般公共预算收入增长{2 + step}%，"
        f"规模以上工业增加值增长{6 + step}%左右，固定资产投资增长{4 + step}%，社会消费品零售总额增长{5 + step}%左右，"
        f"城镇新增就业{68 + year % 10}万人以上，城镇调查失业率5.5%左右，居民消费价格涨幅{2 + step / 2}%左右，"
        f"粮食产量{600 + year % 10}亿斤以上{extra}。",
        f"（一）扩大有效需求。新开工重点项目{300 + year % 100}个。{FILLER}",
        "",
    ])


@pytest.fixture(scope="module")
def years_site(tmp_path_factory):
    seeds = {f"hunan_{year}.txt": yearly_report(year).encode() for year in YEARS}
    project = make_project(tmp_path_factory.mktemp("years"), seeds)
    assert run_build(project).returncode == 0
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_place_over_nine_years_reads_on_a_phone_a_row_a_year(years_site):
    page = (years_site / "compare" / "hunan" / "index.html").read_text(encoding="utf-8")
    table = page.split('<div class="compare-table', 1)[1].split("</table>", 1)[0]
    heads = re.findall(r"<th>(.*?)</th>", table.split("</thead>", 1)[0])
    assert heads[0] == "年份" and heads[1] == "地区生产总值增长" and len(heads) == 10  # the nine indicators all years state
    years = re.findall(r"<tr><th><a [^>]*>(\d{4})年</a></th>", table)
    assert years == [str(y) for y in reversed(YEARS)]  # newest first
    # The indicator only the last three years state is listed under each of them, not a column of dashes.
    rest = page.split('class="compare-rest"', 1)[1].split("</ul>", 1)[0]
    assert rest.count("研发经费投入强度") == 3 and "2.6%左右" in rest and "—" not in table
    assert "（−1）" in table and "（+0.5）" in table  # the change from the year before
    with serve(years_site) as base, chromium() as browser:
        tab = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
        tab.goto(base + "compare/hunan/")
        tab.wait_for_load_state("networkidle")
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        box = tab.evaluate("""() => { const box = document.querySelector('article .md-typeset__scrollwrap');
            const r = box.getBoundingClientRect(); const hint = box.previousElementSibling;
            return {height: r.height, wide: box.scrollWidth > box.clientWidth + 1, marked: box.hasAttribute('data-overflow'),
                    hint: !!(hint && hint.classList.contains('table-hint') && hint.getBoundingClientRect().height > 0),
                    width: box.scrollWidth} }""")
        assert box["height"] <= 2 * 844, box  # within two screens
        assert box["wide"] == box["marked"] == box["hint"], box  # wider than the phone: its own scroll box, with a cue
        assert box["width"] <= 2 * 390, box
