"""数读: figures extracted from the seed, the 数读 page, and the exports."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import jsonschema
import pytest

from policysite.render import export
from policysite.enrich.reports import enrich
from policysite.read.parse import parse
from policysite.read.seed import read_seed

from conftest import SEED

# Hand-checked: every quantity the seed commits to, as (section position, figure as written, qualifiers).
# Section 0 is the intro. Dates (1月20日, 2022年, 5·21), names (1906科技园, 5G, 3D) and
# formulas (3+2) are not figures; Chinese numerals name things here (三大平台, 八大提质工程).
HAND_CHECKED = [
    (0, "5.5%", ""), (0, "6%以上", "力争 以上"), (0, "53.2亿元", ""), (0, "10%以上", "以上"),
    (2, "超80家", "力争 超"), (2, "2-3家", "力争"), (2, "1家", "力争"),
    (4, "1至2个", ""), (4, "10个以上", "力争 以上"),
    (5, "300座", ""), (5, "2个", ""),
    (6, "约1500亿元", "约"), (6, "101个", ""), (6, "不少于180万平方米", "力争 不少于"), (6, "27个", "力争"),
    (6, "不少于13万平方米", "力争 不少于"), (6, "300亿元", ""), (6, "130个", ""), (6, "26个", "力争"),
    (6, "8个", "力争"), (6, "14个", ""),
    (9, "7大", ""), (9, "62个", ""), (9, "14个", ""), (9, "6个以上", "力争 以上"), (9, "50个", ""),
    (10, "90万平方米以上", "以上"),
    (11, "1.6万人以上", "以上"),
]


@pytest.fixture(scope="module")
def report():
    """The seed's report and its notes, as enrich gives them."""
    [document], notes = enrich([parse(read_seed(SEED))])
    return document, notes[document]


@pytest.fixture(scope="module")
def figures(report):
    return report[1].figures


def test_precision_and_recall_against_the_hand_checked_list(figures):
    extracted = [(f.section, f.text, f.qualifier) for f in figures]
    true_positives = sum(1 for item in extracted if item in HAND_CHECKED)
    precision = true_positives / len(extracted)
    recall = true_positives / len(HAND_CHECKED)
    print(f"figures: precision {precision:.2f}, recall {recall:.2f} ({true_positives}/{len(HAND_CHECKED)})")
    assert precision == 1.0 and recall == 1.0, sorted(set(extracted) ^ set(HAND_CHECKED))


@pytest.mark.parametrize("section,value,unit,qualifier,measure", [
    (0, "5.5", "%", "", "地区生产总值增长"),
    (0, "53.2", "亿元", "", "一般公共预算收入"),
    (5, "300", "座", "", "5G基站"),
    (11, "1.6", "万人", "以上", "新增就业"),
    (6, "180", "万平方米", "力争 不少于", "土地整备"),
    (2, "2-3", "家", "力争", "科创载体"),
    (4, "1至2", "个", "", "村级工业园"),
])
def test_key_figures(figures, section, value, unit, qualifier, measure):
    match = [f for f in figures if f.value == value and f.unit == unit]
    assert match, value
    figure = match[0]
    assert (figure.section, figure.qualifier, figure.measure) == (section, qualifier, measure)
    assert value.split("-")[0].split("至")[0] in figure.sentence


def test_no_date_or_year_is_a_figure(figures):
    for figure in figures:
        assert figure.unit not in ("年", "月", "日")
        assert not re.fullmatch(r"(19|20)\d\d", figure.value)
    texts = {f.text for f in figures}
    assert not {"2022", "5", "21", "20", "1906", "3+2"} & texts


def test_lines_point_at_the_figure(figures):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for figure in figures:
        assert figure.value.split("-")[0].split("至")[0] in lines[figure.line - 1]


def test_export_validates_and_round_trips(report, figures):
    data = json.loads(export.document_json(*report))
    jsonschema.validate(data, export.SCHEMA)
    assert len(data["sections"]) == 11 and len(data["figures"]) == len(HAND_CHECKED)
    assert data["sections"][5]["tags"][0] == {"name": "平台建设", "kind": "topic"}
    assert {figure["role"] for figure in data["figures"]} == {"target"}  # a plan for the year
    assert [f["indicator"] for f in data["figures"][:4]] == ["地区生产总值增长", "地区生产总值增长", "一般公共预算收入", "固定资产投资增长"]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    rows = list(csv.DictReader(io.StringIO(export.figures_csv(*report))))
    assert [(int(r["section"]), r["text"], r["qualifier"]) for r in rows] == [(f.section, f.text, f.qualifier) for f in figures]
    assert rows[0]["section_title"] == "主要预期目标"


def test_figures_page_links_every_figure_to_its_sentence(built_site, report, figures):
    from urllib.parse import unquote

    page = html.unescape((built_site / "liwan-2022" / "shudu" / "index.html").read_text(encoding="utf-8"))
    links = re.findall(r'<a href="([^"#]*)#:~:text=([^"]+)"><strong>([^<]+)</strong></a>', page)
    assert len(links) == len(figures)
    for (target, fragment, text), figure in zip(sorted(links, key=lambda l: l[2]), sorted(figures, key=lambda f: f.text)):
        assert text == figure.text and unquote(fragment).split("-,")[-1] == figure.text
    for figure in figures:
        document, notes = report
        slug = notes.slug(document.sections[figure.section - 1]) if figure.section else None
        target = f"../{slug}/" if slug else "../"
        assert any(t == target and x == figure.text for t, _, x in links), figure.text
    # This year's targets first: the seed plans for 2022, every figure is a target.
    assert page.index("id=\"主要预期目标\"") < page.index("id=\"各部分的目标\"") and "id=\"已实现的结果与基数\"" not in page
    for name in ("data.json", "figures.csv"):
        assert (built_site / "liwan-2022" / name).is_file()
    jsonschema.validate(json.loads((built_site / "liwan-2022" / "data.json").read_text(encoding="utf-8")),
                        json.loads((built_site / "schema" / "report.schema.json").read_text(encoding="utf-8")))
    section = html.unescape((built_site / "liwan-2022" / "shuzi-jingji" / "index.html").read_text(encoding="utf-8"))
    assert 'class="figures-box"' in section and "<strong>300座</strong>" in section


def test_a_long_figures_box_shows_six_rows_and_the_rest_on_request(built_site):
    section = html.unescape((built_site / "liwan-2022" / "pingtai-jianshe" / "index.html").read_text(encoding="utf-8"))
    box = section.split('class="figures-box"', 1)[1].split("</aside>", 1)[0]
    shown, hidden = box.split("<details>", 1)
    assert shown.count("<li>") == 6 and "展开其余 4 项" in hidden and hidden.count("<li>") == 4


# --- what real reports write ----------------------------------------------------------------
#
# Own-written sentences with the structures of official reports: each case is
# (sentence, the part's stance, [(text, value, unit, low, high, qualifier, role, measure, indicator, item)]).

from policysite.enrich.figures import extract, row_figures, sentence_figures  # noqa: E402

CASES = [
    ("全省地区生产总值达到14.58万亿元，增长5.4%。", "result", [
        ("14.58万亿元", "14.58", "万亿元", 14.58, 14.58, "", "result", "地区生产总值", "地区生产总值", ""),
        ("5.4%", "5.4", "%", 5.4, 5.4, "", "result", "地区生产总值增长", "地区生产总值增长", "")]),
    ("货物进出口总额9.5万亿元，新增经营主体3.8万家。", "result", [
        ("9.5万亿元", "9.5", "万亿元", 9.5, 9.5, "", "result", "货物进出口总额", "", ""),
        ("3.8万家", "3.8", "万家", 3.8, 3.8, "", "result", "新增经营主体", "", "")]),
    ("实际使用外资不少于3亿美元。", "target", [
        ("不少于3亿美元", "3", "亿美元", 3, 3, "不少于", "target", "实际使用外资", "", "")]),
    ("细颗粒物平均浓度控制在28微克/立方米以下。", "target", [
        ("控制在28微克/立方米以下", "28", "微克/立方米", 28, 28, "控制在 以下", "target", "细颗粒物平均浓度", "细颗粒物浓度", "")]),
    ("空气质量连续30个月居全国前10位。", "result", [
        ("30个月", "30", "个月", 30, 30, "", "result", "空气质量连续", "", "")]),
    ("全年抽检食品4800批次。", "result", [
        ("4800批次", "4800", "批次", 4800, 4800, "", "result", "抽检食品", "", "")]),
    ("概念验证中心、中试基地分别达到69家、107家。", "result", [
        ("69家", "69", "家", 69, 69, "", "result", "概念验证中心", "", "概念验证中心"),
        ("107家", "107", "家", 107, 107, "", "result", "中试基地", "", "中试基地")]),
    ("事故起数、死亡人数分别下降38.3%、17.9%。", "result", [
        ("38.3%", "38.3", "%", 38.3, 38.3, "", "result", "事故起数下降", "", "事故起数"),
        ("17.9%", "17.9", "%", 17.9, 17.9, "", "result", "死亡人数下降", "", "死亡人数")]),
    ("城镇、农村居民人均可支配收入分别增长4.5%、5.5%左右。", "target", [
        ("4.5%", "4.5", "%", 4.5, 4.5, "", "target", "城镇居民人均可支配收入增长", "城镇居民人均可支配收入增长", "城镇居民人均可支配收入"),
        ("5.5%左右", "5.5", "%", 5.5, 5.5, "左右", "target", "农村居民人均可支配收入增长", "农村居民人均可支配收入增长",
         "农村居民人均可支配收入")]),
    ("高等教育毛入学率从53.4%提高到63%以上。", "target", [
        ("53.4%", "53.4", "%", 53.4, 53.4, "", "baseline", "高等教育毛入学率", "", ""),
        ("63%以上", "63", "%", 63, 63, "以上", "target", "高等教育毛入学率提高", "", "")]),
    ("地区生产总值较“十三五”末的9323.1亿元增长40%。", "result", [
        ("9323.1亿元", "9323.1", "亿元", 9323.1, 9323.1, "", "baseline", "地区生产总值", "地区生产总值", ""),
        ("40%", "40", "%", 40, 40, "", "result", "地区生产总值增长", "地区生产总值增长", "")]),
    ("城镇调查失业率控制在3%以内，政务服务事项1个工作日以内办结。", "target", [
        ("控制在3%以内", "3", "%", 3, 3, "控制在 以内", "target", "城镇调查失业率", "城镇调查失业率", ""),
        ("1个工作日以内", "1", "个工作日", 1, 1, "以内", "target", "政务服务事项", "", "")]),
    ("力争引进重大项目50个；新建学校20所。", "target", [
        ("50个", "50", "个", 50, 50, "力争", "target", "重大项目", "", ""),
        ("20所", "20", "所", 20, 20, "", "target", "新建学校", "", "")]),
    ("有序实施总投资约1500亿元的重点项目。", "target", [
        ("约1500亿元", "1500", "亿元", 1500, 1500, "约", "target", "总投资", "", "")]),
    ("地区生产总值增长4.5%—5%，一般公共预算收入增长5%-5.5%，固定资产投资增长4.5-5%。", "target", [
        ("4.5%—5%", "4.5%—5", "%", 4.5, 5, "", "target", "地区生产总值增长", "地区生产总值增长", ""),
        ("5%-5.5%", "5%-5.5", "%", 5, 5.5, "", "target", "一般公共预算收入增长", "一般公共预算收入增长", ""),
        ("4.5-5%", "4.5-5", "%", 4.5, 5, "", "target", "固定资产投资增长", "固定资产投资增长", "")]),
    ("地区生产总值增长5％左右，在实际工作中努力争取更好结果。", "target", [
        ("5％左右", "5", "%", 5, 5, "左右 争取更好结果", "target", "地区生产总值增长", "地区生产总值增长", "")]),
    ("一般公共预算收入按增长5%安排，社会消费品零售总额增长5%以上。", "target", [
        ("5%", "5", "%", 5, 5, "", "target", "一般公共预算收入增长", "一般公共预算收入增长", ""),
        ("5%以上", "5", "%", 5, 5, "以上", "target", "社会消费品零售总额增长", "社会消费品零售总额增长", "")]),
    ("居民消费价格涨幅百分之二左右。", "target", [
        ("百分之二左右", "2", "%", 2, 2, "左右", "target", "居民消费价格涨幅", "居民消费价格涨幅", "")]),
    ("规模以上工业增加值比上年增长6.2%。", "target", [
        ("6.2%", "6.2", "%", 6.2, 6.2, "", "result", "规模以上工业增加值比上年增长", "规模以上工业增加值增长", "")]),
    ("2025年城镇新增就业68万人，2026年城镇新增就业60万人以上。", "", [
        ("68万人", "68", "万人", 68, 68, "", "result", "城镇新增就业", "城镇新增就业", ""),
        ("60万人以上", "60", "万人", 60, 60, "以上", "target", "城镇新增就业", "城镇新增就业", "")]),
]


@pytest.mark.parametrize("sentence,stance,expected", CASES, ids=[case[0][:14] for case in CASES])
def test_figures_as_real_reports_write_them(sentence, stance, expected):
    found = sentence_figures(sentence, 1, 1, stance, "2026")
    got = [(f.text, f.value, f.unit, f.low, f.high, f.qualifier, f.role, f.measure, f.indicator, f.item) for f in found]
    assert got == expected


def test_a_table_row_measures_what_its_first_cell_names():
    header = ["指标", "2026年目标", "2025年完成"]
    found = row_figures("一般公共预算收入\t增长3%\t增长2.1%", 0, 1, "target", "2026", header)
    assert [(f.text, f.measure, f.role, f.indicator) for f in found] == [
        ("3%", "一般公共预算收入增长", "target", "一般公共预算收入增长"),
        ("2.1%", "一般公共预算收入增长", "result", "一般公共预算收入增长")]


def test_roles_follow_the_outline_of_an_official_report():
    from policysite.read.sidecar import read_sidecar

    path = SEED.parent.parent / "tests" / "fixtures" / "reports" / "official_province.txt"
    figures = extract(parse(read_sidecar(read_seed(path, path.name))))
    growth = [(f.text, f.role) for f in figures if f.indicator == "地区生产总值增长"]
    # The plan's target, the table's target and result, the review's result.
    assert growth == [("5%左右", "target"), ("5%左右", "target"), ("5.4%", "result"), ("5.4%", "result")]
    assert all(f.role == "result" for f in figures if f.section in (1, 2, 3))  # 一、2025年工作回顾


def test_a_news_report_of_the_congress_gives_its_looks_back_as_results_and_no_attendance():
    """News of the congress, one page without parts: its count of deputies is no figure
    of the report, and 县长在报告中指出，一年来… looks back however the sentence opens."""
    from policysite.enrich.figures import read_blocks

    paragraphs = ("会议应到代表210名，实到代表198名，符合法定人数。",
                  "李明在报告中指出，一年来，全县地区生产总值预计完成312.4亿元、增长4.8%，固定资产投资增长3.6%。",
                  "李明在报告中强调，今年全县经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。")
    found = read_blocks([(1, paragraphs, (1, 2, 3), "开幕", "开幕")], "2026")
    assert [(f.text, f.role, f.scope) for f in found] == [
        ("312.4亿元", "result", ""), ("4.8%", "result", ""), ("3.6%", "result", ""), ("5.5%左右", "target", "main")]
