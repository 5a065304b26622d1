"""The parse stage on the real seed and on reflowed copies of it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policysite.read.parse import parse
from policysite.read.seed import read_seed

from conftest import SEED, SEED_HEADINGS

SEED_SUBTITLES = [
    "构建高效智慧体系,提高“平战转换”能力",
    "优化科技创新生态布局,培育壮大科创载体",
    "做强具有荔湾特色的“3+2”现代产业体系",
    "筑牢实体经济底盘,推动制造业比重稳步上升",
    "强化数字经济赋能,培育壮大一批标杆企业",
    "建平台抓项目,推动协同、错位、集聚发展",
    "紧抓“双区”机遇,加强广佛共建",
    "聚焦扩大有效需求,增强国际商贸中心功能",
    "探索南片土地出让收入“反哺”北片历史文化保护传承",
    "大数据赋能基层治理,打造全市示范区",
    "健全保障体系,办人民满意教育",
]


def parse_text(tmp_path: Path, data: bytes):
    path = tmp_path / "seed.txt"
    path.write_bytes(data)
    return parse(read_seed(path))


@pytest.fixture(scope="module")
def document():
    return parse(read_seed(SEED))


def test_header(document):
    assert document.title == "建设老城市新活力示范区,荔湾2022有这些展望"
    assert document.outlet == "南方都市报APP • 南都广州"
    assert document.date == "2022-01-21T22:38:00+08:00"


def test_intro_holds_the_main_targets(document):
    assert len(document.intro) == 3
    assert document.intro[0].startswith("1月20日上午")
    assert "地区生产总值增长5.5%" in document.intro[2]


def test_eleven_sections_with_exact_headings_and_subtitles(document):
    assert [s.heading for s in document.sections] == SEED_HEADINGS
    assert [s.subtitle for s in document.sections] == SEED_SUBTITLES


def test_section_line_ranges_point_at_the_seed(document):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for section in document.sections:
        assert lines[section.first_line - 1] == section.heading
        assert lines[section.first_line + 1] == section.subtitle  # a blank line between
        assert lines[section.last_line - 1] == section.paragraphs[-1]
    ends = [s.last_line for s in document.sections]
    assert ends == sorted(ends)


def test_footer_is_not_section_text(document):
    footer = document.footer
    assert footer.reporter == "南都记者 代国辉"
    assert footer.editor == "代国辉"
    assert footer.copyright == "南都新闻,未经授权不得转载。"
    assert "banquan@nandu.cc" in footer.contact and "020-87006626" in footer.contact
    last = document.sections[-1].paragraphs
    assert not any("采写" in p or "banquan" in p or "未经授权" in p for p in last)


def reflowed_variants() -> dict[str, bytes]:
    text = SEED.read_text(encoding="utf-8")
    no_blanks = "\n".join(line for line in text.split("\n") if line.strip())
    return {
        "no blank lines": no_blanks.encode(),
        "CRLF": text.replace("\n", "\r\n").encode(),
        "lone CR": text.replace("\n", "\r").encode(),
        "full-width indent": "\n".join("\u3000\u3000" + line if line else line for line in text.split("\n")).encode(),
        "ASCII indent and trailing blanks": "\n".join("    " + line + "  \t" for line in text.split("\n")).encode(),
        "doubled blank lines": text.replace("\n\n", "\n\n\n").encode(),
        "all at once": "\r\n".join("\u3000" + line for line in no_blanks.split("\n")).encode(),
    }


@pytest.mark.parametrize("variant", list(reflowed_variants()))
def test_reflowed_seed_gives_the_same_sections(tmp_path, variant, document):
    reflowed = parse_text(tmp_path, reflowed_variants()[variant])
    assert [s.heading for s in reflowed.sections] == SEED_HEADINGS
    assert [s.subtitle for s in reflowed.sections] == SEED_SUBTITLES
    assert [s.paragraphs for s in reflowed.sections] == [s.paragraphs for s in document.sections]
    assert reflowed.intro == document.intro
    assert reflowed.footer.reporter == document.footer.reporter


def test_detection_is_structural_not_a_word_list(tmp_path):
    """Other headings in the same shape are found just the same."""
    text = SEED.read_text(encoding="utf-8")
    renamed = {h: f"新题{i}号" for i, h in enumerate(SEED_HEADINGS)}
    for old, new in renamed.items():
        text = re.sub(rf"^{old}$", new, text, flags=re.M)
    document = parse_text(tmp_path, text.encode())
    assert [s.heading for s in document.sections] == list(renamed.values())


def test_run_in_headings_of_the_seed(document):
    leads = {section.heading: list(section.leads.values()) for section in document.sections if section.leads}
    assert leads["平台建设"] == ["狠抓白鹅潭商务区开发建设", "狠抓海龙围科创区开发建设", "狠抓重大项目建设"]
    assert "健全多层次社会保障体系" in leads["民生实事"]
    for section in document.sections:
        for index, clause in section.leads.items():
            assert section.paragraphs[index].startswith(clause + "。")


@pytest.mark.parametrize(
    ("paragraph", "lead"),
    [
        ("健全多层次社会保障体系。" + "完善社会保险制度,扩大参保覆盖面,提高待遇水平,推进医保支付方式改革。", "健全多层次社会保障体系"),
        ("今年是全面实施十四五规划的关键之年。" + "全区上下要坚定信心,攻坚克难,奋力完成全年目标任务。", ""),
        ("完成14个地块收储。" + "为产业发展释放空间,加快推进一批重大项目落地,形成有效投资。", ""),
        ("推进交通建设。" + "打通断头路。", ""),  # too little after it: a sentence, not a heading
        ("2022年,荔湾区将坚定不移建平台、抓项目,在夯实发展后劲上谋求更大突破。", ""),
        ("加快建设“智慧荔湾”。" + "推动政务服务一网通办,提升城市治理和公共服务的数字化、智能化水平。", "加快建设“智慧荔湾”"),
    ],
)
def test_run_in_lead_is_a_short_clause_opening_a_long_paragraph(paragraph, lead):
    from policysite.read.headings import run_in_lead

    assert run_in_lead(paragraph) == lead


def test_full_width_punctuation_in_a_seed(tmp_path):
    """Seeds that kept their full-width marks parse like those that lost them."""
    ascii_seed = SEED.read_text(encoding="utf-8")
    full_width = re.sub(r"(?<=[\u4e00-\u9fff]),", "\uff0c", ascii_seed)
    full_width = full_width.replace("狠抓白鹅潭商务区开发建设。", "\uff08一\uff09狠抓白鹅潭商务区开发建设。")
    document = parse_text(tmp_path, full_width.encode("utf-8"))
    assert [s.heading for s in document.sections] == SEED_HEADINGS
    platform = document.sections[5]
    assert [sub.text for sub in platform.subheadings] == ["\uff08一\uff09狠抓白鹅潭商务区开发建设"]
    assert document.sections[0].subtitle == SEED_SUBTITLES[0].replace(",", "\uff0c")


def test_items_counted_in_words_are_pages_and_a_sentence_opening_with_one_is_not(tmp_path):
    """第一，…/第二，… heading lines (no full stop) are a plan part's items where the
    report has no （一） items; 第一，要…。 opening a paragraph stays text."""
    filler = "推进重点项目建设，完善配套政策，加强要素保障，确保各项任务落地见效。" * 8
    text = "\n".join([
        "2026年青禾省政府工作报告", "——2026年1月20日在青禾省第十四届人民代表大会第五次会议上", "青禾省省长 王某",
        "一、2025年工作回顾", "过去一年，全省经济运行稳中有进。" + filler,
        "第一，要坚持稳中求进。第二，要坚持改革创新。" + filler,
        "二、2026年主要工作", "今年主要预期目标是：地区生产总值增长5%左右。",
        "第一，全面推进城乡融合发展", "推动县域经济扩量提质。" + filler,
        "第二，深入实施创新驱动发展战略", "建设区域科技创新中心。" + filler,
        "第三，着力扩大有效需求", "实施提振消费专项行动。" + filler,
        "三、加强政府自身建设", "全面提升政府治理能力。" + filler,
    ])
    document = parse_text(tmp_path, text.encode())
    items = [(s.heading, s.part.heading if s.part else "") for s in document.sections if s.kind == "item"]
    assert items == [("第一，全面推进城乡融合发展", "二、2026年主要工作"), ("第二，深入实施创新驱动发展战略", "二、2026年主要工作"),
                     ("第三，着力扩大有效需求", "二、2026年主要工作")]
    review = next(s for s in document.sections if s.heading == "一、2025年工作回顾")
    assert any(p.startswith("第一，要坚持稳中求进。") for p in review.paragraphs)
    assert [s.number for s in document.sections if s.kind == "item"] == [1, 2, 3]


def test_items_numbered_1_run_into_their_text_are_pages_where_the_report_has_no_other_items(tmp_path):
    """1．聚焦科技创新，激发内生动力。坚持…: a city report's items numbered in digits and
    run into their first paragraph are its pages; their short lists stay inside a page."""
    filler = "推进重点项目建设，完善配套政策，加强要素保障，确保各项任务落地见效。" * 8
    text = "\n".join([
        "2021年青禾市政府工作报告", "——2021年1月20日在青禾市第十六届人民代表大会第五次会议上", "青禾市市长 王某",
        "一、2020年工作回顾", "过去一年，全市经济运行稳中有进。",
        "1．经济发展迈上新台阶。全市地区生产总值增长3.4%。" + filler,
        "2．改革开放激发新活力。持续深化重点领域改革。" + filler,
        "二、2021年主要工作", "今年主要预期目标是：地区生产总值增长6%以上。",
        "1．聚焦科技创新，奋力激发内生增长动力。建设区域科技创新中心。" + filler,
        "2．聚焦民生福祉，努力提升百姓幸福指数。办好十件民生实事：", "1.新建幼儿园10所；", "2.改造老旧小区30个。", filler,
    ])
    document = parse_text(tmp_path, text.encode())
    items = [(s.heading, s.part.heading) for s in document.sections if s.kind == "item"]
    assert items == [("1．经济发展迈上新台阶", "一、2020年工作回顾"), ("2．改革开放激发新活力", "一、2020年工作回顾"),
                     ("1．聚焦科技创新，奋力激发内生增长动力", "二、2021年主要工作"),
                     ("2．聚焦民生福祉，努力提升百姓幸福指数", "二、2021年主要工作")]
    last = document.sections[-1]
    inside = [*last.paragraphs, *(sub.text for sub in last.subheadings)]
    assert last.paragraphs[0].startswith("办好十件民生实事") and any(t.startswith("1.新建幼儿园") for t in inside) and any(t.startswith("2.改造老旧小区") for t in inside)
