"""Reports as the web copies them, read right: each class of copy (a scraper's
key–value header, a portal's counters and teaser, a title split or missing,
a portal timestamp, broken characters, a body pasted twice, a cut copy, the
national report, places named only in the text, a digest, a report on one
line) in a small text of our own writing."""

from __future__ import annotations

from pathlib import Path

import pytest

from policysite.enrich.reports import document_slug
from policysite.site.groups import place_path
from policysite.read.parse import parse
from policysite.read.seed import read_seed

# An own-written report body: parts, items, the main targets, the closing appeal.
BODY = """各位代表：
现在，我代表{government}，向大会报告工作，请予审议。
一、{review}年工作回顾
过去一年，全{unit}上下团结一心，经济运行稳中有进，地区生产总值增长5.2%，城乡面貌持续改善。
（一）产业发展势头良好。新建标准厂房二十万平方米，引进制造项目十二个，工业投资增长8%。
（二）民生保障扎实有力。新增城镇就业三千人，改造老旧小区十五个，新建幼儿园四所。
二、{plan}年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业3000人以上，居民消费价格涨幅3%左右。
（一）壮大实体经济。围绕主导产业招引项目，推动园区扩容提质，力争工业投资增长10%。
（二）办好民生实事。完善社区养老服务网络，新建口袋公园十个，让群众生活更加便利。
各位代表！让我们团结一心、真抓实干，为完成全年目标任务而努力奋斗！"""


def body(government="县人民政府", unit="县", review=2023, plan=2024) -> str:
    return BODY.format(government=government, unit=unit, review=review, plan=plan)


def long_body(**kwargs) -> str:
    """body() with six more items of some length: a report whose copy pasted twice is long enough to tell."""
    more = "".join(f"\n（{n}）推进第{n}项重点任务。" + "围绕目标抓好落实，确保各项举措落地见效，群众得到实惠。" * 8 for n in "三四五六七八")
    return body(**kwargs).replace("\n各位代表！", more + "\n各位代表！")


def read(tmp_path: Path, text: str, name: str = "seed.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse(read_seed(path, name))


def page_text(document) -> str:
    """Everything that reaches a page: title, intro, parts' own text, headings, paragraphs."""
    parts = [document.title, *document.intro]
    parts += [x for part in document.parts for x in [part.heading, *part.paragraphs]]
    parts += [x for s in document.sections for x in [s.heading, s.subtitle, *(h.text for h in s.subheadings), *s.paragraphs]]
    return "\n".join(parts)


def rules(document) -> set[str]:
    return {d.rule for d in document.dropped}


# --- 1. a scraper's key–value header ---------------------------------------------------


def test_scraper_header_becomes_metadata(tmp_path):
    text = ("标题：2024年安国市政府工作报告\n发文单位：安国市人民政府\n发文时间：2024-02-20\n"
            "来源URL：https://example.org/anguo/2024.html\n正文：\n" + body("市人民政府", "市"))
    document = read(tmp_path, text)
    assert document.title == "2024年安国市政府工作报告"
    assert document.source_url == "https://example.org/anguo/2024.html"
    assert (document.place_name, document.level, document.year, document.kind) == ("保定市安国市", "区县级", "2024", "official")
    assert "scraper header" in rules(document)
    for key in ("标题：", "发文单位", "来源URL", "正文："):
        assert key not in page_text(document)


@pytest.mark.parametrize("header", [
    ["title: 2024年宝丰县政府工作报告", "url: https://example.org/baofeng/2024.html", "publish_time: 2024-01-25 10:00:00",
     "source: 宝丰县人民政府", "content:"],
    ["【标题】2024年宝丰县政府工作报告", "【来源】宝丰县人民政府", "[网址] https://example.org/baofeng/2024.html",
     "【日期】2024-01-25", "【正文】"],
])
def test_a_datasets_own_keys_english_or_bracketed_are_its_record(tmp_path, header):
    document = read(tmp_path, "\n".join([*header, body()]))
    assert (document.title, document.published[:10], document.kind) == ("2024年宝丰县政府工作报告", "2024-01-25", "official")
    assert document.source_url == "https://example.org/baofeng/2024.html" and document.outlet == "宝丰县人民政府"
    assert "scraper header" in rules(document) and "example.org" not in page_text(document)


def test_a_record_written_as_one_json_object_is_read_with_its_text(tmp_path):
    import json

    record = {"id": 17, "title": "2024年宝丰县政府工作报告", "url": "https://example.org/baofeng/2024.html",
              "date": "2024-01-25", "content": body()}
    document = read(tmp_path, json.dumps(record, ensure_ascii=False) + "\n")
    assert (document.title, document.source_url, document.place_name) == (
        "2024年宝丰县政府工作报告", "https://example.org/baofeng/2024.html", "平顶山市宝丰县")
    assert [s.heading for s in document.sections] == ["一、2023年工作回顾", "二、2024年工作安排"]
    (dropped,) = [d for d in document.dropped if d.rule == "scraper header"]
    assert "content" not in dropped.text and '"id": 17' in dropped.text  # its text is on the pages, not twice


# --- 2. a portal's header: channel label, counters, teaser; 3. its timestamp -----------


def test_portal_header_counters_and_teaser_stay_off_the_pages(tmp_path):
    text = ("工作报告\n2020年涞水县政府工作报告\n时间：2022-11-23\n作者：\n来源：\n阅读：\n235\n评论：\n0\n"
            "内容摘要：过去一年，全县上下团结一心，经济运行稳中有进\n"
            "——2020年1月9日在涞水县第十七届人民代表大会第四次会议上\n代县长 林 小川\n"
            + body(review=2019, plan=2020))
    document = read(tmp_path, text)
    assert (document.title, document.year, document.year_from) == ("2020年涞水县政府工作报告", "2020", "title")
    assert (document.place_name, document.speaker, document.kind) == ("保定市涞水县", "林小川", "official")
    shown = page_text(document)
    for residue in ("阅读：", "评论：", "作者：", "内容摘要", "工作报告\n2020"):
        assert residue not in shown
    assert not any(line in ("235", "0") for line in shown.splitlines())
    assert {"teaser", "toolbar", "page metadata"} <= rules(document)


def test_a_year_only_a_portal_timestamp_gives_is_warned(tmp_path):
    text = "时间：2021-03-02\n" + "县里召开大会部署今年工作\n" + "会议指出，要抓好产业发展和民生实事，推动各项工作落地见效。\n" * 2
    document = read(tmp_path, text)
    assert (document.year, document.year_from) == ("2021", "timestamp")
    assert any("publication date" in warning for warning in document.warnings)


# --- 3. titles split, spaced out, absent -------------------------------------------------


@pytest.mark.parametrize("title", ["政府工作报\n告", "政 府 工 作 报 告", ""])
def test_titles_split_spaced_or_absent(tmp_path, title):
    text = (title + "\n" if title else "") + "——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理\n王　明\n" \
        + body("国务院", "国")
    document = read(tmp_path, text)
    assert (document.title, document.year, document.year_from) == ("2024年政府工作报告", "2024", "dateline")
    assert (document.kind, document.speaker) == ("official", "王明")
    assert not any("title composed" in warning for warning in document.warnings)


# --- 4. the national report ---------------------------------------------------------------


def test_national_report_has_its_own_place_and_url(tmp_path):
    document = read(tmp_path, "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n" + body("国务院", "国"))
    assert (document.place, document.place_name, document.level, document.place_code) == ("全国", "全国", "全国", "")
    assert document_slug(document) == "quanguo-2024"
    assert place_path(document) == ("全国",)


def test_national_report_without_dateline_takes_the_year_it_reviews(tmp_path):
    document = read(tmp_path, body("国务院", "国", review=2014, plan=2015).replace("二、2015年工作安排", "二、今年工作总体部署"))
    assert (document.level, document.year, document.year_from, document.kind) == ("全国", "2015", "review part", "official")
    assert document.title == "2015年政府工作报告"


# --- 5. broken characters --------------------------------------------------------------------


def test_broken_characters_are_repaired_and_warned_once(tmp_path):
    text = body().replace("过去一年，", "??过去一年，&nbsp;", 1).replace("（一）产业", "&emsp;&emsp;（一）产业") \
        .replace("新建幼儿园四所。", "新建幼儿园四所。\\r\\n").replace("新建口袋公园", "新建口\ufffd公园")
    document = read(tmp_path, "2024年涞源县政府工作报告\n" + text)
    shown = page_text(document)
    for residue in ("??", "&nbsp;", "&emsp;", "\\r\\n", "\ufffd"):
        assert residue not in shown
    assert "过去一年，全县上下" in shown and "（一）产业发展势头良好" in shown
    warned = [w for w in document.warnings if "broken characters" in w]
    assert len(warned) == 1 and warned[0].startswith("4 line(s)")
    assert [d.text for d in document.dropped if d.rule == "broken characters"] == \
        [line for line in text.splitlines() if "\ufffd" in line]


# --- 6. a body pasted twice ---------------------------------------------------------------


def test_a_body_pasted_twice_shows_once(tmp_path):
    text = "2024年涞源县政府工作报告\n" + long_body() + "\n" + long_body().split("\n", 2)[2]
    document = read(tmp_path, text)
    shown = page_text(document)
    assert shown.count("新建标准厂房二十万平方米") == 1
    assert any(d.rule == "repeated stretch" for d in document.dropped)
    assert any("repeat an earlier stretch" in w for w in document.warnings)
    once = read(tmp_path, "2024年涞源县政府工作报告\n" + body() + "\n" + body().split("\n", 4)[4], "quoted.txt")
    assert not any(d.rule == "repeated stretch" for d in once.dropped)  # a short passage twice is not a copy


# --- 7. truncated copies ---------------------------------------------------------------------


def test_cut_copies_say_which_end_is_missing(tmp_path):
    head = read(tmp_path, "2024年涞源县政府工作报告\n" + body()[:-30], "head.txt")
    assert any(w.startswith("the end is missing") for w in head.warnings)
    tail = "二、2024年工作安排" + body().split("二、2024年工作安排", 1)[1].replace("各位代表！", "各位代表，")
    more = "".join(f"\n（{n}）推进第{n}项重点任务。围绕目标抓好落实，确保各项举措落地见效，让群众得到更多实惠。" for n in "三四五")
    cut = read(tmp_path, tail.replace("\n各位代表，", more + "\n各位代表，"), "tail.txt")
    assert cut.kind == "official"
    assert any(w.startswith("the start is missing") for w in cut.warnings)
    whole = read(tmp_path, "2024年涞源县政府工作报告\n" + body(), "whole.txt")
    assert not any("missing" in w for w in whole.warnings)


# --- 8. places -------------------------------------------------------------------------------


@pytest.mark.parametrize(("government", "unit", "place", "level"), [
    ("长阳土家族自治县人民政府", "县", "宜昌市长阳土家族自治县", "区县级"),
    ("阿荣旗人民政府", "旗", "呼伦贝尔市阿荣旗", "区县级"),
    ("安国市人民政府", "市", "保定市安国市", "区县级"),
])
def test_place_named_only_in_the_opening_sentence(tmp_path, government, unit, place, level):
    document = read(tmp_path, "——2024年1月10日在第十届人民代表大会第四次会议上\n" + body(government, unit))
    assert (document.place_name, document.level, document.kind) == (place, level, "official")
    assert document.title == f"2024年{place}政府工作报告"


@pytest.mark.parametrize("caption", ["县长林小川作政府工作报告。本报记者 张三 摄", "大会现场（本报记者 张三 摄影）"])
def test_caption_with_reporter_credit_is_dropped(tmp_path, caption):
    text = "2024年涞源县政府工作报告\n" + caption + "\n" + body()
    document = read(tmp_path, text)
    assert "本报记者" not in page_text(document) and "photo caption" in rules(document)


# --- 9. kind ---------------------------------------------------------------------------------


def test_official_text_reposted_by_a_newspaper_is_official_a_digest_is_news(tmp_path):
    reposted = read(tmp_path, "涞源日报\n2024年涞源县政府工作报告\n——2024年1月10日在涞源县第十届人民代表大会第四次会议上\n"
                    + body(), "reposted.txt")
    assert reposted.kind == "official"
    digest = read(tmp_path, "2024年涞源县政府工作报告（摘登）\n——2024年1月10日在涞源县第十届人民代表大会第四次会议上\n"
                  + body(), "digest.txt")
    assert digest.kind == "news"


# --- 10. a whole report on one line -----------------------------------------------------------


def test_a_report_on_one_line_gets_its_parts_and_items_back(tmp_path):
    whole = "政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理王明" + body("国务院", "国").replace("\n", "")
    line = whole.replace("各位代表！", "".join(f"（{n}）推进第{n}项重点任务。" + "围绕目标抓好落实，确保各项举措落地见效，群众得到实惠。" * 8
                                              for n in "三四五六七八") + "各位代表！")
    document = read(tmp_path, line)
    assert (document.title, document.level, document.speaker) == ("2024年政府工作报告", "全国", "王明")
    headings = [part.heading for part in document.parts] + [s.heading for s in document.sections] \
        + [h.text for s in document.sections for h in s.subheadings]
    assert {"一、2023年工作回顾", "二、2024年工作安排"} <= set(headings)
    assert any(h.startswith("（一）产业发展势头良好") for h in headings)
    assert any(h.startswith("（八）推进第八项重点任务") for h in headings)


# --- an enumeration 一是…二是… -------------------------------------------------------------


def test_every_point_of_an_enumeration_is_a_lead(tmp_path):
    points = ["一是园区扩容提质。完善道路、管网等配套设施，园区承载能力明显增强，入驻企业达到一百二十家。",
              "二是“链主”企业、配套企业加快集聚。引进制造、物流项目十二个，总投资八十亿元，带动作用明显。",
              "三是坚持创新驱动，加快培育新质生产力，推动科技创新和产业创新深度融合，新增高新技术企业三十家以上。"]
    text = "2024年涞源县政府工作报告\n" + long_body().replace("（一）产业发展势头良好。", "（一）产业发展势头良好。\n" + "\n".join(points) + "\n")
    document = read(tmp_path, text)
    leads = [clause for s in document.sections for clause in s.leads.values()]
    assert ["一是园区扩容提质", "二是“链主”企业、配套企业加快集聚", "三是坚持创新驱动"] == [c for c in leads if "是" in c[:3]]


def test_a_province_mentioning_the_premier_stays_a_province(tmp_path):
    text = "2024年河北省政府工作报告\n——2024年1月20日在河北省第十四届人民代表大会第二次会议上\n" \
        + body("省人民政府", "省").replace("过去一年，", "过去一年，国务院总理来我省考察指导，", 1)
    document = read(tmp_path, text)
    assert (document.place_name, document.level) == ("河北省", "省级")


@pytest.mark.parametrize("top", ["2024年涞源县政府工作报告（全文）\n——2024年1月10日在涞源县第十届人民代表大会第四次会议上",
                                 "2024年涞源县政府工作报告——2024年1月10日在涞源县第十届人民代表大会第四次会议上"])
def test_title_with_a_label_or_its_dateline_on_one_line(tmp_path, top):
    document = read(tmp_path, top + "\n" + body())
    assert (document.title, document.delivered, document.kind) == ("2024年涞源县政府工作报告", "2024-01-10", "official")


@pytest.mark.parametrize(("line", "speaker"), [("县委副书记、代县长 林小川", "林小川"), ("市长 龚 正", "龚正"), ("代理县长：林 小 川", "林小川")])
def test_speaker_lines_with_offices_and_spaces(tmp_path, line, speaker):
    document = read(tmp_path, "2024年涞源县政府工作报告\n——2024年1月10日在涞源县第十届人民代表大会第四次会议上\n" + line + "\n" + body())
    assert document.speaker == speaker


# --- title blocks as city and provincial sites copy them ----------------------------------


def test_a_report_delivered_in_december_plans_for_the_next_year(tmp_path):
    text = "——2025年12月20日在洛阳市第十五届人民代表大会第六次会议上\n洛阳市市长 张某某\n" + body("市人民政府", "市", 2025, 2026)
    document = read(tmp_path, text)
    assert (document.year, document.year_from, document.delivered) == ("2026", "dateline", "2025-12-20")
    assert document.title == "2026年洛阳市政府工作报告"


def test_a_title_block_repeated_above_the_title_is_not_the_title(tmp_path):
    block = "——2024年1月20日在洛阳市第十五届人民代表大会第四次会议上\n洛阳市人民政府市长 张某某\n"
    document = read(tmp_path, block + "政府工作报告\n" + block + body("市人民政府", "市", 2023, 2024))
    assert document.title == "2024年洛阳市政府工作报告" and document.kind == "official"
    assert document.speaker == "张某某" and document.place_name == "洛阳市"


def test_a_dateline_split_after_its_place_is_one_dateline(tmp_path):
    text = "政府工作报告\n2022年4月9日在宁波市\n第十六届人民代表大会第一次会议上\n张某某\n" + body("市人民政府", "市", 2021, 2022)
    document = read(tmp_path, text)
    assert (document.place_name, document.delivered, document.year) == ("宁波市", "2022-04-09", "2022")
    assert document.title == "2022年宁波市政府工作报告"


def test_a_speakers_office_names_the_place_and_captions_and_markup_comments_are_chrome(tmp_path):
    text = "甘肃省代省长 李某某\n李某某作《政府工作报告》\n<!-- 李某某作政府工作报告。 -->\n" + body("省人民政府", "省", 2020, 2021)
    document = read(tmp_path, text)
    assert (document.place_name, document.speaker, document.kind) == ("甘肃省", "李某某", "official")
    assert document.title == "2021年甘肃省政府工作报告"
    assert {"photo caption", "markup comment"} <= rules(document)
    assert "作《政府工作报告》" not in page_text(document) and "<!--" not in page_text(document)


def test_a_name_alone_above_the_opening_is_the_speaker(tmp_path):
    document = read(tmp_path, "张某某\n" + body("市人民政府", "市", 2023, 2024).replace("全市上下", "长沙全市上下"))
    assert document.speaker == "张某某" and document.kind == "official" and document.title.endswith("政府工作报告")


def test_without_a_title_block_the_place_the_text_names_most_is_read_and_said(tmp_path):
    """A province's report names its capital more than itself: the opening (我代表省人民政府) says it is a province's."""
    named = "现代化河南建设迈出新步伐，郑州国家中心城市建设提速，郑州都市圈、郑州航空港加快发展，河南粮食生产稳定，河南制造业提质。"
    text = body("省人民政府", "省", 2023, 2024).replace("（二）民生保障扎实有力。", "（二）民生保障扎实有力。" + named * 2)
    document = read(tmp_path, text)
    assert document.place_name == "河南省" and document.level == "省级"
    assert any("read from how often the text names it" in w and "`place:`" in w for w in document.warnings)


def test_a_title_shown_twice_over_a_channel_label_and_a_timestamp_is_the_title_block_it_heads(tmp_path):
    text = ("2026年政府工作报告\n要闻\n2026年政府工作报告\n2026年02月10日 07时41分\n"
            "——2026年1月28日在洛阳市第十五届人民代表大会第六次会议上\n市长 张某某\n" + body("市人民政府", "市", 2025, 2026))
    document = read(tmp_path, text)
    assert (document.kind, document.place_name, document.speaker) == ("official", "洛阳市", "张某某")
    assert document.title == "2026年洛阳市政府工作报告" and "above title" in rules(document)


def test_a_dateline_and_speaker_on_one_line_and_a_credited_caption(tmp_path):
    line = "2026年1月27日在甘肃省第十四届人民代表大会第四次会议上 甘肃省省长 李某某"
    text = ("2026年甘肃省政府工作报告\n" + line + "\n2026年甘肃省政府工作报告\n" + line
            + "\n李某某作政府工作报告。甘肃日报记者 王某\n" + body("省人民政府", "省", 2025, 2026))
    document = read(tmp_path, text)
    assert (document.kind, document.speaker, document.delivered) == ("official", "李某某", "2026-01-27")
    assert document.title == "2026年甘肃省政府工作报告" and "photo caption" in rules(document)
    assert "记者 王某" not in page_text(document)


# --- what sample-text sites, e-paper pages and reposts add ----------------------------------


def test_a_sites_mark_where_it_left_text_out_is_cut_and_said(tmp_path):
    """A sample-text site shows part of a report and marks the rest as left out:
    the mark is chrome, the text on either side stays, and the copy is said to be incomplete."""
    mark = "……(某某范文网http://www.example.cn省略860字,正式会员可完整阅读)……"
    lines = body().split("\n")
    lines.insert(4, mark)
    lines[6] = lines[6] + "（此处隐藏1200字）"
    document = read(tmp_path, "\n".join(["2024年宝丰县政府工作报告", *lines]))
    text = page_text(document)
    assert "省略" not in text and "隐藏" not in text and "正式会员" not in text
    assert "（一）产业发展势头良好" in text and "新增城镇就业三千人" in text
    assert [d.text for d in document.dropped if d.rule == "omission mark"] == [mark, "（此处隐藏1200字）"]
    assert any("leaves text out" in w and "line(s) 6, 8" in w for w in document.warnings), document.warnings


def test_a_title_shown_whole_and_then_with_its_place_masked_is_read_whole(tmp_path):
    text = "\n".join(["您的位置:范文网>>政府报告>>正文", "在宝丰县第十七届人民代表大会第五次会议上的政府工作报告",
                      "发表时间:2023/12/20 10:12:31", "在**县第十七届人民代表大会第五次会议上的政府工作报告", body()])
    document = read(tmp_path, text)
    assert document.title_block[0] == "在宝丰县第十七届人民代表大会第五次会议上的政府工作报告"  # not 在**县
    assert (document.title, document.place_name, document.year) == ("2024年平顶山市宝丰县政府工作报告", "平顶山市宝丰县", "2024")


def test_an_e_paper_pages_label_and_a_pictures_file_name_are_chrome(tmp_path):
    text = "\n".join(["第一版:要闻版总第5120期 >2024-01-22编印", "县十七届人大五次会议开幕", "县长代表县人民政府向大会作工作报告",
                      "刊发日期:2024-01-22 作者:  语音阅读:", "20240122001.jpg",
                      "1月21日上午，宝丰县第十七届人民代表大会第五次会议开幕。县长代表县人民政府作工作报告，全县地区生产总值增长5.2%。",
                      "今年主要预期目标是：地区生产总值增长5.5%左右。"])
    document = read(tmp_path, text)
    assert document.title == "县十七届人大五次会议开幕" and document.published.startswith("2024-01-22")
    assert {"edition label", "image file name"} <= rules(document) and ".jpg" not in page_text(document)


def test_pictographs_a_repost_adds_are_taken_off_and_its_headings_read(tmp_path):
    text = "\n".join(["宝丰县2024年政府工作报告📜", "各位代表,大家好!👋", "回顾2023年工作成果🏆",
                      "过去一年，全县地区生产总值增长5.6%，城乡居民人均可支配收入分别增长5%和7%。📈", "🌱",
                      "展望2024年工作目标🎯", "地区生产总值增长6%左右，一般公共预算收入增长5%。📈💪",
                      "重点工作安排📋", "实施重点项目60个，完成投资50亿元以上。🚧"])
    document = read(tmp_path, text)
    assert document.title == "宝丰县2024年政府工作报告"
    assert [s.heading for s in document.sections] == ["回顾2023年工作成果", "展望2024年工作目标", "重点工作安排"]
    assert not any(ord(c) >= 0x1F000 for c in page_text(document)) and "pictographs" in rules(document)


@pytest.mark.parametrize("title,site", [
    ("2024年宝丰县政府工作报告_宝丰县人民政府", "宝丰县人民政府"),
    ("2024年宝丰县政府工作报告-宝丰县人民政府网", "宝丰县人民政府网"),
    ("宝丰县2024年政府工作报告 | 宝丰县人民政府门户网站", "宝丰县人民政府门户网站"),
])
def test_a_title_copied_with_its_pages_site_name_is_the_title_and_the_site_the_outlet(tmp_path, title, site):
    document = read(tmp_path, "\n".join(["首页 > 政务公开 > 规划计划", title, body()]))
    assert "政府工作报告" in document.title and site not in document.title and document.outlet == site
    assert document.place_name == "平顶山市宝丰县" and "breadcrumb" in rules(document)


def test_a_yearbook_page_trail_teaser_and_repeated_headline_are_chrome_and_its_site_names_the_place(tmp_path):
    text = "\n".join(["首页 理论教育 2023年工作回顾-宝丰县年鉴", "2023年工作回顾-宝丰县年鉴", "时间:2025-08-11 理论教育 版权反馈",
                      "【摘要】:2023年，我们攻坚克难、稳中求进，经济社会发展实现预期目标。", "2023年工作回顾-宝丰县年鉴",
                      "2023年，在市委市政府和县委的坚强领导下，县政府坚持稳中求进工作总基调。",
                      "2023年，我们攻坚克难、稳中求进，经济社会发展实现预期目标。粮食总产量26.5万吨。"])
    document = read(tmp_path, text)
    assert (document.title, document.outlet, document.place_name) == ("2023年工作回顾", "宝丰县年鉴", "平顶山市宝丰县")
    assert {"breadcrumb", "teaser", "title repeated"} <= rules(document)
    assert page_text(document).count("攻坚克难") == 1 and "年鉴" not in page_text(document)


def test_a_disclosure_tables_rows_between_bars_are_metadata_and_the_untitled_block_is_read(tmp_path):
    """An information-disclosure page's table flattened into cells between bars,
    then a title block without its title (a dateline over two lines, the speaker)."""
    top = ["文件名称 | 宝丰县2024年政府工作报告 | ||", "索引号 | /2024-0012 | 公开目录: | 工作报告 |",
           "公开责任部门 | 公开形式: | 主动公开 | |", "有效性 | 有效 | 公开日期: | 2024-03-15 14:43 |",
           "2024年1月21日在宝丰县第十七届", "人民代表大会第五次会议上", "宝丰县人民政府代县长 李明"]
    document = read(tmp_path, "\n".join([*top, body()]))
    assert (document.title, document.kind, document.speaker) == ("宝丰县2024年政府工作报告", "official", "李明")
    assert (document.delivered, document.published[:10], document.place_name) == ("2024-01-21", "2024-03-15", "平顶山市宝丰县")
    assert [d.rule for d in document.dropped].count("page metadata") == 4 and "|" not in page_text(document)


def test_a_search_box_above_the_title_is_chrome(tmp_path):
    document = read(tmp_path, "\n".join(["快捷搜索:论文 合同 演讲 心得", "2024年宝丰县政府工作报告", body()]))
    assert document.title == "2024年宝丰县政府工作报告" and "toolbar" in rules(document)


def test_a_title_naming_its_congress_is_the_dateline_and_the_report_is_named_by_place_and_year(tmp_path):
    document = read(tmp_path, "\n".join(["在宝丰县第十七届人民代表大会第五次会议上的政府工作报告", body()]))
    assert document.title == "2024年平顶山市宝丰县政府工作报告" and document.kind == "official"
    assert document.title_block[0] == "在宝丰县第十七届人民代表大会第五次会议上的政府工作报告"


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_chinese_decoded_with_a_western_codec_and_saved_again_is_read_as_it_was(tmp_path, encoding):
    """æ”¿åºœ for 政府 (UTF-8 bytes shown as Windows-1252), Õþ¸® (GBK shown as Latin-1),
    saved as UTF-8: the bytes are recovered and read; the repair is said."""
    text = "2024年宝丰县政府工作报告\n" + body()
    shown = "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252" if encoding == "utf-8" else "latin-1")
                    for b in text.encode(encoding))
    document = read(tmp_path, shown)
    assert (document.title, document.place_name) == ("2024年宝丰县政府工作报告", "平顶山市宝丰县")
    assert "新建幼儿园四所" in page_text(document)
    said = {"utf-8": "UTF-8", "gbk": "GB18030"}[encoding]  # GB18030 reads GBK's bytes
    assert any("decoded with a Western codec" in w and said in w for w in document.warnings), document.warnings


def test_a_bilingual_copy_reads_its_title_block_through_the_english_lines_and_takes_figures_from_the_chinese(tmp_path):
    from policysite.enrich.figures import extract

    text = "\n".join([
        "政府工作报告", "——2024年1月14日在宝丰县第十七届人民代表大会第五次会议上", "REPORT ON THE WORK OF THE GOVERNMENT",
        "Delivered at the Fifth Session of the Seventeenth Baofeng County People's Congress on January 14, 2024",
        "宝丰县县长 李明", "Li Ming, County Head of Baofeng", "各位代表：", "Fellow Deputies,",
        "一、2023年工作回顾", "I. Review of Our Work in 2023",
        "过去一年，全县地区生产总值增长5.2%。", "Over the past year, the county's GDP grew by 5.2 percent.",
        "二、2024年工作安排", "II. Our Work for 2024",
        "今年主要预期目标是：地区生产总值增长5.5%左右。", "The main target for this year is GDP growth of around 5.5 percent.",
    ])
    document = read(tmp_path, text)
    assert (document.speaker, document.delivered, document.place_name) == ("李明", "2024-01-14", "平顶山市宝丰县")
    assert "Li Ming, County Head of Baofeng" in document.title_block and "Fellow Deputies," in page_text(document)
    assert [(f.text, f.role) for f in extract(document)] == [("5.2%", "result"), ("5.5%左右", "target")]


@pytest.mark.parametrize("trail,outlet", [("当前位置：宝丰县人民政府 > 政务公开 > 规划计划", "宝丰县人民政府"),
                                          ("您的位置：首页 > 要闻 > 正文", ""), ("您的位置：新闻中心 > 要闻", "")])
def test_a_trail_that_starts_at_the_sites_name_gives_the_outlet(tmp_path, trail, outlet):
    document = read(tmp_path, "\n".join([trail, "2024年宝丰县政府工作报告", body()]))
    assert document.outlet == outlet and "breadcrumb" in rules(document)


def test_bold_lines_opening_on_an_office_are_bold_not_masked(tmp_path):
    """**市长 程用文** is a bold speaker line (a copy kept as Markdown); only asterisks
    after a word and before 县/市 (在**县) mask a name."""
    text = "\n".join(["**2024年宝丰县政府工作报告**", "**——2024年1月14日在宝丰县第十七届人民代表大会第五次会议上**",
                      "**县长 李明**", body()])
    document = read(tmp_path, text)
    assert (document.speaker, document.delivered) == ("李明", "2024-01-14") and "*" not in page_text(document)


def test_a_text_that_kept_its_pages_html_is_read_as_the_page_showed_it(tmp_path):
    lines = body().split("\n")
    html = ("<h1>2024年宝丰县政府工作报告</h1>\n" + "\n".join(f'<p style="text-indent:2em;">{line}</p>' for line in lines[:6])
            + "\n<table><tr><td>指标</td><td>目标</td></tr><tr><td>地区生产总值增长</td><td>5.5%左右</td></tr></table>\n"
            + "\n".join(f"<p>{line}&nbsp;</p>" for line in lines[6:]) + "\n<script>var x = 1;</script>")
    document = read(tmp_path, html)
    text = page_text(document)
    assert (document.title, document.place_name) == ("2024年宝丰县政府工作报告", "平顶山市宝丰县")
    assert "<" not in text and "&nbsp;" not in text and "var x" not in text
    assert "地区生产总值增长\t5.5%左右" in text  # a table's row, its cells apart


def test_pages_a_copy_gives_on_one_source_line_each_have_their_own_address(tmp_path):
    """A page's HTML (or a JSON record) on one line: every page's text comes from line 1,
    and each page still has its own slug and its own notes."""
    from policysite.enrich.reports import enrich

    html = "<div><p>2024年宝丰县政府工作报告</p>" + "".join(f"<p>{line}</p>" for line in body().split("\n")) + "</div>"
    [document], notes = enrich([read(tmp_path, html)])
    slugs = [notes[document].slug(s) for s in document.sections]
    assert {s.first_line for s in document.sections} == {1} and len(set(slugs)) == len(slugs) == 2


def test_a_few_lines_holding_tags_in_a_plain_text_stay_as_written(tmp_path):
    lines = body().split("\n")
    lines[3] += "<b>加粗</b><br><span>注</span>"
    document = read(tmp_path, "\n".join(["2024年宝丰县政府工作报告", *lines]))
    assert "<b>加粗</b><br><span>注</span>" in page_text(document)


def test_a_copy_in_traditional_characters_is_read_and_shown_in_simplified_ones(tmp_path):
    """As Hong Kong, Macao and Taiwan sites repost a report; some print pinyin after characters."""
    from policysite.lang.script import converter

    simplified = "2024年宝丰县政府工作报告\n" + body()
    traditional = simplified.translate(str.maketrans("报告县区经济发产长实体业务设为岁际厂万门开这进过时约国", "報告縣區經濟發產長實體業務設為歲際廠萬門開這進過時約國"))
    assert converter().convert(traditional) == simplified  # the fixture is what t2s reads back
    for character, syllable in {"報": "bào", "經": "jīng", "發": "fā", "產": "chǎn", "長": "zhǎng"}.items():
        traditional = traditional.replace(character, f"{character}({syllable})", 1)  # pinyin after characters
    document = read(tmp_path, traditional)
    assert (document.title, document.place_name, document.year) == ("2024年宝丰县政府工作报告", "平顶山市宝丰县", "2024")
    assert "经济运行稳中有进" in page_text(document) and "(jīng)" not in page_text(document)
    assert any("traditional characters" in w for w in document.warnings)


def test_a_simplified_text_naming_a_few_traditional_characters_is_left_as_it_is(tmp_path):
    text = "2024年宝丰县政府工作报告\n" + body().replace("民生保障扎实有力", "民生保障扎实有力，於、著、乾隆年间的老街修缮一新")
    document = read(tmp_path, text)
    assert "於、著、乾隆年间" in page_text(document) and not any("traditional" in w for w in document.warnings)
