"""Roles and scopes of targets, and 承诺兑现: a place's targets of one year beside
the results its next year's report states, with a verdict by one stated rule.

Fixtures are own-written: one province over three consecutive years
(tests/fixtures/delivery/jiangxi_20xx.txt) with met, missed and undecidable
targets, a national report, and the province of tests/fixtures/reports.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest

from browser import chromium, serve
from conftest import broken_links, make_project, run_build, mkdocs_build
from policysite.enrich import compare, delivery
from policysite.enrich.reports import enrich
from policysite.enrich.figures import read_blocks, sentence_figures
from policysite.read.parse import parse
from policysite.read.seed import read_seed
from policysite.read.sidecar import read_sidecar

FIXTURES = Path(__file__).parent / "fixtures"
DELIVERY = FIXTURES / "delivery"
PROVINCE = FIXTURES / "reports" / "official_province.txt"


def read(path: Path):
    return parse(read_sidecar(read_seed(path, path.name)))


@pytest.fixture(scope="module")
def enriched():
    """The reports as enrich gives them, and what it found beside them."""
    return enrich([read(path) for path in sorted(DELIVERY.glob("*.txt"))] + [read(PROVINCE)])


def figures_of(enriched, slug):
    documents, notes = enriched
    return next(notes[d] for d in documents if d.slug == slug).figures


# --- roles and scopes ------------------------------------------------------------------------


def test_a_review_part_holds_results_a_plan_part_targets_and_a_plan_period_its_own(enriched):
    figures = figures_of(enriched, "jiangxi-2026")
    got = [(f.text, f.role, f.scope, f.indicator) for f in figures if f.indicator == "地区生产总值增长"]
    assert got == [
        ("4.6%", "result", "", "地区生产总值增长"),          # 过去一年 … 比上年增长4.6%
        ("5%以上", "result", "", "地区生产总值增长"),        # last year's target restated in the review: never a target
        ("5.3%", "result", "", "地区生产总值增长"),          # “十四五”时期年均增长: a result of the review
        ("5%左右", "target", "period", "地区生产总值增长"),   # “十五五”时期…年均增长
        ("4.5%—5%", "target", "main", "地区生产总值增长"),   # 主要预期目标是：
    ]
    # A review sentence that says 好于预期 is still a result.
    first = [(f.text, f.role) for f in figures_of(enriched, "jiangxi-2024") if f.indicator == "地区生产总值增长"]
    assert first == [("4.1%", "result"), ("5%左右", "target")]


def test_exceeding_a_plan_is_a_result_and_a_plan_periods_goals_are_period(enriched):
    figures = figures_of(enriched, "jiangxi-2026")
    assert [(f.text, f.role) for f in figures if f.measure == "超年度计划"] == [("12%", "result")]
    period = [(f.text, f.measure, f.scope) for f in figures if f.scope == "period"]
    assert period == [("5%左右", "地区生产总值年均增长", "period"), ("9%以上", "研发经费投入年均增长", "period"),
                      ("70%", "到2030年常住人口城镇化率", "period")]
    # A growth rate of R&D spending is not its intensity; the intensity is.
    assert [(f.text, f.indicator, f.scope) for f in figures if f.indicator == "研发经费投入强度"] == [("2.3%", "研发经费投入强度", "item")]


def test_respectively_pairs_give_a_row_each_with_its_own_indicator_and_qualifier(enriched):
    pairs = [(f.text, f.indicator, f.qualifier, f.scope) for f in figures_of(enriched, "jiangxi-2026")
             if f.role == "target" and "居民人均可支配收入" in f.indicator]
    assert pairs == [("5%左右", "城镇居民人均可支配收入增长", "左右", "main"),
                     ("6.5%左右", "农村居民人均可支配收入增长", "左右", "main")]
    found = sentence_figures("城乡居民人均可支配收入分别增长5%、6.5%左右。", 1, 1, "target", "2026", "main")
    assert [(f.text, f.low, f.indicator, f.qualifier) for f in found] == [
        ("5%", 5, "城镇居民人均可支配收入增长", ""), ("6.5%左右", 6.5, "农村居民人均可支配收入增长", "左右")]


@pytest.mark.parametrize("sentence,expected", [
    # A sector's growth is not the economy's; 人均 is not the total.
    ("海洋经济增长8%，人均地区生产总值达到10万元。", [("8%", ""), ("10万元", "")]),
    ("地区生产总值（GDP）增长6%左右，一般公共预算总收入增长5%。", [("6%左右", "地区生产总值增长"), ("5%", "一般公共预算收入增长")]),
    ("全省地区生产总值预期增长6.5%。", [("6.5%", "地区生产总值增长")]),
    # A ratio of GDP is not GDP; R&D spending as a share of it is the R&D intensity.
    ("全社会研发经费支出相当于全市生产总值的比例达到3.6%左右。", [("3.6%左右", "研发经费投入强度")]),
    ("全社会研发投入占GDP比重3.9%左右，研发投入增长9%。", [("3.9%左右", "研发经费投入强度"), ("9%", "")]),
])
def test_gdp_growth_is_the_economys_own(sentence, expected):
    assert [(f.text, f.indicator) for f in sentence_figures(sentence, 1, 1, "target", "2026", "main")] == expected


def test_a_passage_of_comma_separated_targets():
    # 力争 is its own clause's; A和B均 gives each its row; a place's name before 实现 is not the measure.
    found = sentence_figures("今年主要预期目标是，生产总值增长7%左右，进出口总额力争增长6%左右，城镇新增就业80万人，"
                             "城镇居民人均可支配收入和农民人均纯收入均增长8%左右。", 1, 1, "target", "2026", "main")
    assert [(f.text, f.indicator or f.measure, f.qualifier) for f in found] == [
        ("7%左右", "地区生产总值增长", "左右"), ("6%左右", "外贸进出口增长", "力争 左右"), ("80万人", "城镇新增就业", ""),
        ("8%左右", "城镇居民人均可支配收入增长", "左右"), ("8%左右", "农民人均纯收入增长", "左右")]
    review = sentence_figures("过去一年，赣南实现地区生产总值5300亿元，增长5.2%。", 1, 1, "result", "2026")
    assert [(f.text, f.indicator) for f in review] == [("5300亿元", "地区生产总值"), ("5.2%", "地区生产总值增长")]


def test_a_news_summary_without_a_passage_keeps_the_years_expected_targets_only():
    from policysite.enrich.scopes import without_passage

    paragraphs = ("2026年全区地区生产总值预期增长4.5%左右，在实际工作中努力争取更好结果。", "今年新建学校12所。")
    figures = without_passage(read_blocks([(0, paragraphs, (1, 2), "数字1：4.5%左右", "数字1：4.5%左右")], "2026"))
    assert [(f.text, f.indicator or f.measure, f.scope) for f in figures] == [
        ("4.5%左右", "地区生产总值增长", "main"), ("12所", "新建学校", "item")]
    # A report with its passage keeps the rest as they are.
    assert without_passage(figures) == figures


def test_a_passage_written_as_a_list_and_one_running_over_several_sentences():
    listed = ("主要预期目标：", "——地区生产总值增长5.5%左右；", "——城镇调查失业率控制在5.5%以内。", "新建学校20所。")
    figures = read_blocks([(0, listed, (1, 2, 3, 4), "二、2026年工作安排", "二、2026年工作安排")], "2026")
    assert [(f.text, f.scope) for f in figures] == [("5.5%左右", "main"), ("控制在5.5%以内", "main"), ("20所", "item")]
    running = ("今年主要预期目标是：地区生产总值增长6%。城镇新增就业50万人，城乡居民收入增长与经济增长同步。"
               "实现这些目标，要新建学校20所。",)
    figures = read_blocks([(0, running, (1,), "三、2026年工作安排", "三、2026年工作安排")], "2026")
    assert [(f.text, f.scope) for f in figures] == [("6%", "main"), ("50万人", "main"), ("20所", "item")]


def test_a_years_passage_under_a_plan_period_heading_stays_the_years():
    heading = "二、“十五五”时期目标任务和2026年工作安排"
    paragraphs = ("“十五五”时期主要目标是：地区生产总值年均增长5%左右。",
                  "今年是开局之年。全市经济社会发展的主要预期目标是：地区生产总值增长4.5%左右，城镇新增就业12万人以上。")
    figures = read_blocks([(0, paragraphs, (1, 2), heading, heading)], "2026")
    assert [(f.text, f.scope) for f in figures] == [("5%左右", "period"), ("4.5%左右", "main"), ("12万人以上", "main")]
    # An opening that does not name the year stays a plan period's under such a heading.
    plain = ("主要目标是：地区生产总值增长5%左右，全员劳动生产率增长6%。",)
    figures = read_blocks([(0, plain, (1,), "二、“十五五”时期主要目标", "二、“十五五”时期主要目标")], "2026")
    assert [f.scope for f in figures] == ["period", "period"]


def test_an_opening_cut_over_two_lines_still_opens_the_passage():
    paragraphs = ("新的一年任务繁重。全区经济社会发展的", "主要预期目标", "是：地区生产总值增长4%—4.5%，一般公共预算收入增长1%左右。",
                  "新建学校6所。")
    figures = read_blocks([(0, paragraphs, (1, 2, 3, 4), "三、2026年工作安排", "三、2026年工作安排")], "2026")
    assert [(f.text, f.indicator or f.measure, f.scope) for f in figures] == [
        ("4%—4.5%", "地区生产总值增长", "main"), ("1%左右", "一般公共预算收入增长", "main"), ("6所", "新建学校", "item")]
    # A restatement cut the same way is not a new passage: the cut must fall after 目标 itself.
    restated = ("今年预期目标设定", "为4%以上，考虑了多方面因素。")
    figures = read_blocks([(0, restated, (1, 2), "三、2026年工作安排", "三、2026年工作安排")], "2026")
    assert [f.scope for f in figures] == ["item"]


def test_a_plans_count_of_indicators_is_not_the_years_target():
    from policysite.enrich.scopes import without_passage

    # A report without a passage: a sentence of 预期 about a plan's five years gives no main target.
    paragraphs = ("规划纲要草案提出今后五年的主要指标20个，其中预期性指标14个。", "今年全市生产总值预期增长5%。")
    figures = without_passage(read_blocks([(0, paragraphs, (1, 2), "", "")], "2026"))
    assert [(f.text, f.scope) for f in figures] == [("20个", "item"), ("14个", "item"), ("5%", "main")]


def test_sectors_and_residents_listed_with_respectively_get_their_own_rows():
    found = sentence_figures("其中一二三产增加值分别增长4%左右、5.5%左右、6%左右。", 1, 1, "target", "2026", "main")
    assert [(f.text, f.measure) for f in found] == [
        ("4%左右", "一产增加值增长"), ("5.5%左右", "二产增加值增长"), ("6%左右", "三产增加值增长")]
    found = sentence_figures("城镇和农村常住居民人均可支配收入分别增长4.5%左右和7%左右。", 1, 1, "target", "2026", "main")
    assert [(f.text, f.indicator, f.qualifier) for f in found] == [
        ("4.5%左右", "城镇居民人均可支配收入增长", "左右"), ("7%左右", "农村居民人均可支配收入增长", "左右")]
    found = sentence_figures("规模工业增加值增长6.5%。", 1, 1, "target", "2026", "main")
    assert [f.indicator for f in found] == ["规模以上工业增加值增长"]


def test_a_years_average_concentration_is_the_years_own_target():
    found = sentence_figures("细颗粒物年均浓度控制在31微克/立方米左右。", 1, 1, "target", "2026", "main")
    assert [(f.text, f.indicator, f.scope) for f in found] == [("控制在31微克/立方米左右", "细颗粒物浓度", "main")]
    found = sentence_figures("研发经费投入年均增长8%。", 1, 1, "target", "2026", "main")
    assert [f.scope for f in found] == ["period"]


def test_a_look_back_inside_a_plan_part_reports_results_until_the_year_ahead():
    paragraphs = ("2026年是关键之年。过去一年，我们顶住了压力。地区生产总值增长4.9%，城镇新增就业31万人。"
                  "今年要新建学校8所。",
                  "刚刚过去的2025年，面对复杂形势，全区地区生产总值增长5.1%。")
    figures = read_blocks([(0, paragraphs, (1, 2), "三、2026年的工作", "三、2026年的工作")], "2026")
    assert [(f.text, f.role) for f in figures] == [("4.9%", "result"), ("31万人", "result"), ("8所", "target"),
                                                    ("5.1%", "result")]


def test_a_figure_after_a_new_subject_is_that_subjects_not_the_one_before():
    found = sentence_figures("主要预期目标是：全区生产总值增长4.5%，工业投资企稳回升、力争增长3%，社会消费品零售总额增长5%。",
                             1, 1, "target", "2026", "main")
    assert [(f.text, f.indicator or f.measure) for f in found] == [
        ("4.5%", "地区生产总值增长"), ("3%", "工业投资增长"), ("5%", "社会消费品零售总额增长")]
    # Only connecting words between: the growth of what the clause before measured.
    found = sentence_figures("全区生产总值812亿元，比上年增长5.2%。", 1, 1, "result", "2026")
    assert [(f.text, f.indicator) for f in found] == [("812亿元", "地区生产总值"), ("5.2%", "地区生产总值增长")]
    found = sentence_figures("预计GDP全年增长4.8%。", 1, 1, "result", "2026")
    assert [f.indicator for f in found] == ["地区生产总值增长"]
    # 总量 alone is the total of what the sentence named before it.
    found = sentence_figures("全年地区生产总值迈上新台阶，总量突破6万亿元，增长4.8%。", 1, 1, "result", "2026")
    assert [(f.text, f.indicator) for f in found] == [("突破6万亿元", "地区生产总值"), ("4.8%", "地区生产总值增长")]


def test_a_heading_left_unnumbered_in_the_text_sets_the_stance_below_it():
    paragraphs = ("各位代表：", "2025年工作回顾", "全区上下顶压前行，地区生产总值增长5.3%，新建学校9所。",
                  "2026年主要工作安排", "新建学校11所。")
    figures = read_blocks([(0, paragraphs, (1, 2, 3, 4, 5), "", "")], "2026")
    assert [(f.text, f.role) for f in figures] == [("5.3%", "result"), ("9所", "result"), ("11所", "target")]


def test_a_year_in_brackets_does_not_make_a_result_another_years():
    figures = read_blocks([(0, ("过去一年，国土空间规划（2021—2035年）获批实施，全区地区生产总值增长5.6%。",), (1,),
                            "一、2025年工作回顾", "一、2025年工作回顾")], "2026")
    found = delivery.year_result(figures, "地区生产总值增长", "%", "2026")
    assert found is not None and found.text == "5.6%"


def test_markdown_bold_headings_are_read_as_the_reports_outline(tmp_path):
    seed = tmp_path / "bold.txt"
    seed.write_text("\n".join([
        "**政府工作报告**", "**——2026年1月12日在江西省第十四届人民代表大会第五次会议上**", "**江西省省长 某某**", "各位代表：",
        "**一、2025年工作回顾**", "过去一年困难很多。地区生产总值增长5.1%，城镇新增就业41万人。",
        "（一）产业升级。新增规上企业1800家。" + "我们坚持问题导向，加强要素保障，推动政策落地见效。" * 4,
        "**二、2026年工作安排**", "今年主要预期目标是：地区生产总值增长5%左右。",
        "（一）扩大需求。新开工项目**500个**。" + "我们坚持问题导向，加强要素保障，推动政策落地见效。" * 4, "**", ""]), encoding="utf-8")
    document = read(seed)
    assert [section.heading for section in document.sections] == ["一、2025年工作回顾", "二、2026年工作安排"]
    assert "**" not in document.title and document.place_name == "江西省"
    [document], notes = enrich([document])
    figures = notes[document].figures
    assert [(f.text, f.role) for f in figures if f.indicator == "地区生产总值增长"] == [("5.1%", "result"), ("5%左右", "target")]
    assert any(f.text == "500个" for f in figures)


def test_a_passage_of_expected_indicators_and_a_total_reached():
    paragraphs = ("今年全市经济社会发展的预期性指标是：地区生产总值增长5.5%；一般公共预算收入增长3%。",)
    figures = read_blocks([(0, paragraphs, (1,), "三、2026年工作安排", "三、2026年工作安排")], "2026")
    assert [(f.text, f.scope) for f in figures] == [("5.5%", "main"), ("3%", "main")]
    # A total reached or neared (跨过, 接近) is the total's; the growth after it, its growth.
    found = sentence_figures("预计全市地区生产总值接近9000亿元、增长5.5%左右。", 1, 1, "result", "2026")
    assert [(f.text, f.indicator) for f in found] == [("近9000亿元", "地区生产总值"), ("5.5%左右", "地区生产总值增长")]
    found = sentence_figures("全市地区生产总值跨过6000亿元台阶，达到6120亿元、增长4.2%。", 1, 1, "result", "2026")
    assert [f.indicator for f in found] == ["地区生产总值", "地区生产总值", "地区生产总值增长"]


def test_a_target_in_words_listed_with_a_semicolon_does_not_end_the_passage():
    paragraphs = ("今年主要预期目标为：全区生产总值增长5%左右；一般公共预算收入、城乡居民人均可支配收入与经济增长基本同步，"
                  "城乡居民收入差距继续缩小，基本公共服务水平稳步提高；城镇新增就业3万人；居民消费价格涨幅2%左右。", "新建学校4所。")
    figures = read_blocks([(0, paragraphs, (1, 2), "二、2026年工作安排", "二、2026年工作安排")], "2026")
    assert [(f.text, f.scope) for f in figures] == [("5%左右", "main"), ("3万人", "main"), ("2%左右", "main"), ("4所", "item")]


def test_a_growth_shared_by_a_list_and_three_sectors_give_a_row_each():
    found = sentence_figures("主要预期目标是：地区生产总值、固定资产投资、社会消费品零售总额增长5%左右，进出口增长2%。",
                             1, 1, "target", "2026", "main")
    assert [(f.text, f.indicator) for f in found] == [
        ("5%左右", "地区生产总值增长"), ("5%左右", "固定资产投资增长"), ("5%左右", "社会消费品零售总额增长"),
        ("2%", "外贸进出口增长")]
    found = sentence_figures("其中，三次产业增加值分别增长2.5%、6%和6.5%。", 1, 1, "target", "2026", "main")
    assert [(f.text, f.measure) for f in found] == [
        ("2.5%", "第一产业增加值增长"), ("6%", "第二产业增加值增长"), ("6.5%", "第三产业增加值增长")]
    found = sentence_figures("其中第一、第二、第三产业增加值分别增长3%、5%和7%。", 1, 1, "target", "2026", "main")
    assert [f.measure for f in found] == ["第一产业增加值增长", "第二产业增加值增长", "第三产业增加值增长"]


def test_a_gap_between_two_growth_rates_is_neither_rate():
    found = sentence_figures("农村居民人均可支配收入增速高于城镇居民1个百分点。", 1, 1, "target", "2026", "main")
    assert [(f.text, f.indicator) for f in found] == [("1个百分点", "")]


# --- 承诺兑现 -------------------------------------------------------------------------------


def test_three_consecutive_years_give_met_missed_and_undecidable_verdicts(enriched):
    rows = [(d.document.year, d.target.indicator, d.target.text, d.result.text if d.result else "", d.later.year, d.verdict)
            for d in enriched[1].deliveries]
    assert rows == [
        ("2024", "地区生产总值增长", "5%左右", "5.1%", "2025", "达到"),
        ("2024", "一般公共预算收入增长", "4%", "", "2025", "无法判断"),   # the review gives only the amount
        ("2024", "城镇新增就业", "40万人以上", "38万人", "2025", "未达到"),
        ("2024", "城镇调查失业率", "控制在5.5%以内", "", "2025", "无法判断"),
        ("2024", "居民消费价格涨幅", "3%左右", "0.2%", "2025", "达到"),      # lower is better
        ("2025", "地区生产总值增长", "5%以上", "4.6%", "2026", "未达到"),   # not the restated 5%以上
        ("2025", "城镇居民人均可支配收入增长", "5%", "4.8%", "2026", "未达到"),
        ("2025", "农村居民人均可支配收入增长", "6%左右", "6.2%", "2026", "达到"),
        ("2025", "城镇新增就业", "40万人以上", "", "2026", "无法判断"),
    ]


@pytest.mark.parametrize("target,result,expected", [
    ("增长5%左右", "增长4.6%", "达到"), ("增长5%左右", "增长4.4%", "未达到"), ("增长5%左右", "增长6.1%", "达到"),
    ("增长4.5%—5%", "增长4.5%", "达到"), ("增长4.5%—5%", "增长4.3%", "未达到"),
    ("新增就业60万人以上", "新增就业60万人", "达到"), ("新增就业60万人以上", "新增就业59万人", "未达到"),
    ("失业率控制在5.5%以内", "失业率5.6%", "未达到"), ("失业率控制在5.5%以内", "失业率5.1%", "达到"),
    ("居民消费价格涨幅2%左右", "居民消费价格上涨2.6%", "未达到"),
    ("一般公共预算收入增长4%", "一般公共预算收入3100亿元", "无法判断"),
    # A result stated as a range: a verdict only when both its ends agree.
    ("增长6%以上", "预计增长7%—7.5%", "达到"), ("增长6%以上", "预计增长5%—5.5%", "未达到"),
    ("增长6%以上", "预计增长5.5%—6.5%", "无法判断"),
])
def test_the_verdict_rule(target, result, expected):
    planned = sentence_figures(target + "。", 1, 1, "target", "2026", "main")[0]
    achieved = sentence_figures(result + "。", 1, 1, "result", "2027")[0]
    assert delivery.verdict(planned, achieved if achieved.unit == planned.unit else None) == expected


def test_the_later_reports_figures_note_the_target_they_answer(enriched):
    documents, annotations = enriched
    later = annotations[next(d for d in documents if d.slug == "jiangxi-2026")]
    notes = {later.figures[index].text: note for index, note in later.answers.items()}
    assert notes == {"4.6%": "对照2025年目标5%以上：未达到", "4.8%": "对照2025年目标5%：未达到",
                     "6.2%": "对照2025年目标6%左右：达到"}


def test_the_national_report_comes_first_in_a_years_targets(enriched):
    documents, notes = enriched
    national = next(d for d in documents if d.slug == "quanguo-2026")
    assert (national.level, national.place_name) == (compare.NATIONAL, "全国")  # read from its title block
    order = list(dict.fromkeys(t.document.slug for t in compare.all_targets(documents, notes, lambda d, f: ("x.md", ""))
                               if t.document.year == "2026" and t.scope == "main"))
    assert order == ["quanguo-2026", "anhui-2026", "jiangxi-2026"]


# --- the built site ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    # The national report beside two provinces (its level, 全国, read from its title block).
    seeds = {path.name: path.read_bytes() for path in DELIVERY.iterdir()}
    seeds[PROVINCE.name] = PROVINCE.read_bytes()
    project = make_project(tmp_path_factory.mktemp("delivery"), seeds)
    assert run_build(project).returncode == 0
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_delivery_csv_and_json_hold_a_row_per_target(site):
    rows = list(csv.DictReader(io.StringIO((site / "compare" / "delivery.csv").read_text(encoding="utf-8"))))
    assert list(rows[0]) == delivery.FIELDS
    assert rows == [{key: str(value) for key, value in row.items()}
                    for row in json.loads((site / "compare" / "delivery.json").read_text(encoding="utf-8"))]
    gdp = [(r["year"], r["target"], r["result"], r["result_year"], r["verdict"]) for r in rows if r["indicator"] == "地区生产总值增长"]
    assert gdp == [("2024", "5%左右", "5.1%", "2025", "达到"), ("2025", "5%以上", "4.6%", "2026", "未达到")]
    assert all(r["place"] == "江西省" and r["level"] == "省级" and "#:~:text=" in r["target_url"] for r in rows)
    assert all(("#:~:text=" in r["result_url"]) == bool(r["result"]) for r in rows)


def test_targets_csv_has_the_scope_of_each_target(site):
    rows = list(csv.DictReader(io.StringIO((site / "compare" / "targets.csv").read_text(encoding="utf-8"))))
    jiangxi = [(r["scope"], r["indicator"], r["text"]) for r in rows if r["place"] == "江西省" and r["year"] == "2026"]
    assert jiangxi == [
        ("main", "地区生产总值增长", "4.5%—5%"), ("main", "城镇新增就业", "40万人以上"),
        ("main", "城镇居民人均可支配收入增长", "5%左右"), ("main", "农村居民人均可支配收入增长", "6.5%左右"),
        ("item", "外贸进出口增长", "3%以上"), ("item", "研发经费投入强度", "2.3%"),
        ("period", "地区生产总值增长", "5%左右")]


def test_the_national_row_comes_first_in_the_years_table_of_a_built_site(site):
    page = html.unescape((site / "compare" / "2026" / "index.html").read_text(encoding="utf-8"))
    table = page.split('<div class="compare-table', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>", 1)[1], re.S)
    names = [re.sub(r"<[^>]+>", "", row.split("</td>", 1)[0]).strip() for row in rows]
    assert names[0] == "全国" and set(names[1:]) == {"安徽省", "江西省"}, names
    assert "4.5%—5%" in rows[0]  # the country's own GDP growth target in its row
    csv_rows = list(csv.DictReader(io.StringIO((site / "compare" / "targets.csv").read_text(encoding="utf-8"))))
    assert (csv_rows[0]["place"], csv_rows[0]["level"], csv_rows[0]["year"]) == ("全国", "全国", "2026")


def test_the_place_page_shows_the_rule_both_sentences_and_a_chart(site):
    page = html.unescape((site / "compare" / "duixian" / "jiangxi" / "index.html").read_text(encoding="utf-8"))
    assert delivery.RULE in page
    assert page.count('class="verdict verdict--met"') == 3 and page.count('class="verdict verdict--missed"') == 3
    assert 'href="../../../jiangxi-2025/' in page and "#:~:text=" in page
    overview = html.unescape((site / "compare" / "duixian" / "index.html").read_text(encoding="utf-8"))
    assert re.search(r"江西省</a></td><td>省级</td><td>2024、2025年目标</td><td>3</td><td>3</td><td>3</td>", overview)
    assert 'href="duixian/"' in (site / "compare" / "index.html").read_text(encoding="utf-8")  # from 目标对比
    assert broken_links(site) == []


def test_shudu_shows_beside_a_result_the_target_it_answers_and_no_qualifier_twice(site):
    page = html.unescape((site / "jiangxi-2026" / "shudu" / "index.html").read_text(encoding="utf-8"))
    assert "<strong>4.6%</strong></a> <small>结果 对照2025年目标5%以上:未达到</small>" in page.replace("：", ":")
    assert "<strong>3%以上</strong></a> <small>力争</small>" in page  # 以上 is in the figure's own words
    assert 'class="figures-table__group"' in page


def test_every_new_page_is_under_60_kb(site):
    pages = [*(site / "compare").rglob("index.html"), site / "jiangxi-2026" / "shudu" / "index.html"]
    assert len(pages) >= 6
    assert max(page.stat().st_size for page in pages) < 60_000


def test_charts_in_chromium_at_a_phones_width(site):
    with serve(site) as base, chromium() as browser:
        tab = browser.new_page(viewport={"width": 390, "height": 844})
        for url, name in [("compare/2026/", "各地地区生产总值增长目标（%）"), ("compare/duixian/jiangxi/", "江西省地区生产总值增长：目标与结果（%）")]:
            tab.goto(base + url)
            chart = tab.locator("svg.chart").first
            assert chart.get_attribute("role") == "img" and chart.get_attribute("aria-label") == name
            box = chart.bounding_box()
            assert 300 <= box["width"] <= 390 and box["height"] >= 40  # two bars, or a dot chart
            # Its numbers as a table: its own a click away, or the page's table whose column the caption names.
            if tab.locator(".chart-figure summary").count():
                tab.locator(".chart-figure summary").first.click()
                cells = tab.locator(".chart-figure table.chart-data td").all_inner_texts()
            else:
                assert "地区生产总值增长" in tab.locator(".chart-figure figcaption").inner_text()
                column = tab.locator(".compare-table thead th").all_inner_texts().index("地区生产总值增长")
                cells = tab.locator(".compare-table").first.locator("tbody tr").evaluate_all(
                    f"rows => rows.map(r => r.cells[{column}].textContent)")
            labels = tab.locator("svg.chart text").evaluate_all("ts => ts.map(t => t.textContent)")
            assert cells and all(cell in labels for cell in cells if "%" in cell) and any("%" in cell for cell in cells), labels
            text_size = tab.evaluate("() => Math.min(...[...document.querySelectorAll('svg.chart text')].map(t => t.getBoundingClientRect().height))")
            assert text_size >= 9  # labels still legible when the chart shrinks to the phone's width
            assert tab.evaluate("document.documentElement.scrollWidth") <= 390
            # No script of another host (the charts are drawn at build time).
            assert tab.evaluate("[...document.scripts].every(s => !s.src || new URL(s.src).origin === location.origin)")
            assert not tab.locator("svg.chart script").count()


def test_delivery_and_comparison_pages_have_no_axe_violations(site):
    axe = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
    with serve(site) as base, chromium() as browser:
        tab = browser.new_page(viewport={"width": 390, "height": 844})
        for path in ("compare/duixian/", "compare/duixian/jiangxi/", "compare/2026/", "jiangxi-2026/shudu/"):
            tab.goto(base + path)
            tab.add_script_tag(path=str(axe))
            result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
            assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == [], path
