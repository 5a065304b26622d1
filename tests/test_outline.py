"""Real reports read right: own-written fixtures of each structure official texts
and their coverage have (tests/fixtures/reports/), read into metadata, an outline
and pages; nothing of the text lost; URL folders from place and year that stay put."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policysite.read.parse import parse
from policysite.read.seed import read_seed

from conftest import SEED, front_matter, make_project, mkdocs_build, run_build

FIXTURES = Path(__file__).parent / "fixtures" / "reports"


def read(name: str):
    return parse(read_seed(FIXTURES / name, name))


def outline(document) -> list:
    """(part heading or None, page heading, kind) of every page, in source order."""
    return [(s.part.heading if s.part else None, s.heading, s.kind) for s in document.sections]


# --- metadata ------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), [
    ("official_province.txt", dict(
        title="2026年安徽省政府工作报告", place="安徽", place_name="安徽省", place_code="340000", level="省级",
        year="2026", delivered="2026-01-25", published="2026-02-01", speaker="王清宪", kind="official",
    )),
    ("official_city.txt", dict(
        title="2026年洛阳市政府工作报告", place="洛阳", place_name="洛阳市", place_code="410300", level="市级",
        year="2026", delivered="2026-01-27", published="2026-02-10", speaker="张某某", kind="official", outlet="洛阳日报",
    )),
    ("district_huadu_2025.txt", dict(
        title="花都区2025年政府工作报告", place="花都", place_name="广州市花都区", place_code="440114", level="区县级",
        year="2025", delivered="2025-01-14", speaker="陈某某", kind="official",
    )),
    ("news_no_headline.txt", dict(
        title="2026年广州市花都区政府工作报告", place_name="广州市花都区", year="2026", speaker="陈某某", kind="news",
    )),
    ("news_keywords.txt", dict(
        title="一组关键词读懂花都区政府工作报告", outlet="南都N视频APP · 南都政务", year="2026", kind="explainer",
        published="2026-01-13T12:00:00+08:00",
    )),
])
def test_metadata_is_read_from_the_text(name, expected):
    document = read(name)
    for key, value in expected.items():
        assert getattr(document, key) == value, key


def test_the_first_seed_keeps_its_headline_and_gains_its_place():
    document = parse(read_seed(SEED))
    assert document.title == "建设老城市新活力示范区,荔湾2022有这些展望"
    assert (document.place, document.place_name, document.level, document.year) == ("荔湾", "广州市荔湾区", "区县级", "2022")
    assert document.speaker == "谭明鹤" and document.kind == "news" and document.dropped == []


def test_a_guessed_title_says_how_to_settle_it():
    document = read("news_no_headline.txt")
    assert any("title composed" in w and "`title:`" in w for w in document.warnings)
    assert not any("南都讯" in s.heading for s in document.sections)


# --- outline ---------------------------------------------------------------------------


def test_official_province_outline():
    document = read("official_province.txt")
    one, two = "一、2025年工作回顾", "二、2026年工作安排"
    assert outline(document) == [
        (one, "（一）经济增长迈出坚实步伐", "item"),
        (one, "（二）创新能力持续增强", "item"),
        (one, "（三）民生福祉不断改善", "item"),
        (two, "（一）深入实施创新驱动发展战略，加快建设具有区域影响力的科技创新高地", "item"),
        (two, "（二）着力扩大有效需求", "item"),
        (two, "（三）加快构建现代化产业体系，推动传统产业改造升级和新兴产业培育壮大", "item"),
        (two, "（四）持续推进乡村全面振兴", "item"),
        (two, "（五）加强生态环境保护，推动美丽安徽建设迈出新步伐", "item"),
        (None, "三、加强政府自身建设", "part"),
        (None, "附件1 2026年省十件民生实事", "appendix"),
        (None, "附件2 名词解释", "glossary"),
    ]
    items = {s.heading: s for s in document.sections}
    # Points: a bare sub-head line, 1. lists; a run-in item keeps its text as a paragraph.
    assert [p.text for p in items["（一）深入实施创新驱动发展战略，加快建设具有区域影响力的科技创新高地"].subheadings] == ["产业结构持续优化"]
    assert [p.text for p in items["（三）加快构建现代化产业体系，推动传统产业改造升级和新兴产业培育壮大"].subheadings] == [
        "1.壮大先进制造业集群", "2.培育数字经济新业态"]
    assert items["（一）经济增长迈出坚实步伐"].paragraphs[0].startswith("全省地区生产总值增长5.4%")
    # Appendix items restart at 一、 and stay inside the appendix.
    assert [p.text for p in items["附件1 2026年省十件民生实事"].subheadings] == ["一、城乡居民增收工程", "二、老年助餐服务工程", "三、义务教育扩容工程"]
    assert items["附件2 名词解释"].notes == {"1": "主要目标任务：指年初省人民代表大会确定的经济社会发展主要预期目标。", "2": "首台套：指首台（套）重大技术装备。"}
    # The part's own text, with the flattened table rebuilt as rows.
    part = document.parts[1]
    assert part.paragraphs[0].startswith("今年经济社会发展的主要预期目标是")
    assert part.paragraphs[1:] == ["指标\t预期目标\t完成情况", "地区生产总值增长\t5%左右\t5.4%", "城镇新增就业\t60万人以上\t68万人"]
    # A sentence broken by extraction is one again.
    assert any("全省细颗粒物（PM2.5）年平均浓度下降到30微克/立方米以下，重污染天数持续减少。" in p
               for p in items["（五）加强生态环境保护，推动美丽安徽建设迈出新步伐"].paragraphs)


def test_web_chrome_is_dropped_and_recorded():
    document = read("official_province.txt")
    rules = {d.text: d.rule for d in document.dropped}
    for chrome in ("下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】"):
        assert rules[chrome] == "toolbar"
    assert rules["您的位置："] == "breadcrumb" and rules["政务公开"] == "breadcrumb"
    assert rules["索引号"] == rules["发布机构"] == rules["2026-02-01"] == "page metadata"
    assert rules["相关报道："] == rules["全省经济运行情况发布"] == "related links"
    assert document.intro == ["各位代表：", "现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。"]
    city = read("official_city.txt")
    assert {d.rule for d in city.dropped} == {"page metadata", "photo caption"}


def test_breadcrumbs_without_a_lead_are_chrome_not_the_title(tmp_path):
    # Copied from a page whose trail has no 您的位置：, one crumb per line.
    seed = tmp_path / "trail.txt"
    seed.write_text("首页\n>\n政务公开\n>\n政府工作报告\n政府工作报告\n——2026年1月20日在江西省第十四届人民代表大会第五次会议上\n"
                    "江西省省长　王某\n各位代表：\n一、2025年工作回顾\n过去一年，全省经济持续回升向好。\n", encoding="utf-8")
    document = parse(read_seed(seed, seed.name))
    assert [(d.text, d.rule) for d in document.dropped][:5] == [("首页", "breadcrumb"), (">", "breadcrumb"), ("政务公开", "breadcrumb"), (">", "breadcrumb"), ("政府工作报告", "breadcrumb")]
    assert document.title == "2026年江西省政府工作报告"


def test_unnumbered_parts_of_a_city_report():
    document = read("official_city.txt")
    work = "2026年重点工作"
    assert outline(document) == [
        (None, "2025年工作回顾", "part"),
        (work, "（一）坚定不移推进科技创新", "item"),
        (work, "（二）加快建设现代化产业体系", "item"),
        (work, "（三）持续保障和改善民生", "item"),
        (None, "政府自身建设", "part"),
    ]
    review = document.sections[0]
    assert [p.text for p in review.subheadings] == ["产业结构持续优化", "城市功能不断完善"]


@pytest.mark.parametrize(("name", "expected"), [
    ("news_keywords.txt", [(None, "关键词：人工智能", "section"), (None, "关键词：低空经济", "section"),
                           (None, "“十四五”回顾：全区各项工作取得显著成绩", "section")]),
    ("news_numbers.txt", [(None, "数字1：4.5%左右", "section"), (None, "数字2：3万人", "section")]),
    ("news_list.txt", [(None, "1.有效改善居住条件", "item"), (None, "2.扩大优质教育供给", "item"),
                       (None, "3.完善养老服务体系", "item")]),
    ("single_part.txt", [("一、2026年重点工作", "（一）做强空港经济", "item"), ("一、2026年重点工作", "（二）深化城乡融合", "item")]),
    ("news_no_headline.txt", [(None, "空港经济", "section"), (None, "城乡融合", "section")]),
])
def test_coverage_and_explainers(name, expected):
    assert outline(read(name)) == expected


def test_labels_are_not_decks():
    document = read("news_numbers.txt")
    assert [s.subtitle for s in document.sections] == ["", ""]
    assert document.sections[0].paragraphs[0] == "【原文】"


def test_a_short_list_stays_one_page_with_its_items_as_headings(tmp_path):
    text = "花都区民生实事清单\n南都N视频APP\n原创2026-01-15 10:00\n今年的民生实事如下。\n" + "\n".join(
        f"{n}.{item}。" for n, item in enumerate(["新建学位五千个", "新增养老床位三百张", "改造老旧小区二十个"], 1))
    path = tmp_path / "short.txt"
    path.write_text(text, encoding="utf-8")
    document = parse(read_seed(path))
    assert len(document.sections) == 1
    assert [s.text for s in document.sections[0].subheadings] == ["1.新建学位五千个", "2.新增养老床位三百张", "3.改造老旧小区二十个"]


# --- nothing lost ----------------------------------------------------------------------


def everything_kept(document) -> str:
    texts = [document.title, document.outlet, *document.title_block, *document.intro, *document.footer.lines]
    for part in document.parts:
        texts += [part.heading, *part.paragraphs]
    for section in document.sections:
        texts += [section.heading, section.subtitle]
        for index, paragraph in enumerate(section.paragraphs + [""]):
            texts += [sub.text for sub in section.subheadings if sub.paragraph_index == index] + [paragraph]
    return "".join(texts).replace("\t", "")


def without_marks(text: str) -> str:
    """A run-in heading is shown apart from its text, without the 。 that joined them."""
    return re.sub(r"[。\s]", "", text)


def assert_nothing_lost(path: Path, document) -> None:
    kept = without_marks(everything_kept(document))
    dropped = {d.line for d in document.dropped}
    for line in read_seed(path).lines:
        if line.number in dropped:
            continue
        date = re.search(r"(\d{4})-(\d\d)-(\d\d) (\d\d:\d\d)", line.text)
        if date and document.date.startswith(f"{date[1]}-{date[2]}-{date[3]}T{date[4]}"):
            continue  # the date line under a headline: the document's date, shown in its byline
        assert without_marks(line.text) in kept, f"{path.name}:{line.number} lost: {line.text}"


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_every_line_of_a_fixture_is_on_a_page_or_dropped_as_chrome(name):
    document = read(name)
    assert_nothing_lost(FIXTURES / name, document)
    assert {d.rule for d in document.dropped} <= {"toolbar", "breadcrumb", "page metadata", "photo caption", "related links", "above title"}


SENTENCES = st.lists(
    st.text(alphabet="政府推进建设发展改革创新民生经济城乡科技生态", min_size=8, max_size=40).map(lambda s: s + "。"),
    min_size=1, max_size=4,
).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(inserts=st.lists(st.tuples(st.integers(min_value=0, max_value=60), SENTENCES), min_size=1, max_size=6))
def test_sentences_added_anywhere_in_a_report_are_never_lost(tmp_path, inserts):
    lines = (FIXTURES / "official_province.txt").read_text(encoding="utf-8").split("\n")
    for position, sentence in inserts:
        lines.insert(min(position, len(lines)), sentence)
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    document = parse(read_seed(path))
    kept = without_marks(everything_kept(document))
    for _, sentence in inserts:
        assert without_marks(sentence) in kept
    assert all(not d.text.endswith("。") or d.rule == "photo caption" for d in document.dropped)


# --- pages and URLs ---------------------------------------------------------------------


def fixture_seeds(*names: str) -> dict[str, bytes]:
    return {name: (FIXTURES / name).read_bytes() for name in names}


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    seeds = fixture_seeds("official_province.txt", "official_city.txt", "district_huadu_2025.txt", "district_huadu_2026.txt")
    seeds[SEED.name] = SEED.read_bytes()
    project = make_project(tmp_path_factory.mktemp("reports"), seeds)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project


def test_outline_prints_the_urls_the_build_gives(archive):
    """--outline reads a seed with its neighbours, as the build does: the same
    quoted terms cut its headings, the same folders are taken."""
    owner = json.loads((archive / "docs" / ".generated.json").read_text(encoding="utf-8"))["files"]
    for seed in sorted((archive / "seeds").glob("*.txt")):
        result = run_build(archive, "--outline", f"seeds/{seed.name}")
        assert result.returncode == 0, result.stderr
        urls = re.findall(r"→ (\S+)/", result.stdout)
        folder = urls[0].split("/")[0]
        own = {path.removesuffix(".md") for path, name in owner.items() if name == seed.name and path.endswith(".md")}
        own -= {f"{folder}/{page}" for page in ("index", "quanwen", "shudu", "tags", "entities")}
        assert set(urls) == own, seed.name


def test_url_folders_come_from_place_and_year(archive):
    folders = sorted(p.name for p in (archive / "docs").iterdir() if (p / "data.json").exists())
    assert folders == ["anhui-2026", "huadu-2025", "huadu-2026", "liwan-2022", "luoyang-2026"]


def test_item_pages_carry_place_year_and_part(archive):
    meta = front_matter(archive / "docs" / "anhui-2026" / "zhuoli-kuoda-youxiao-xuqiu.md")
    assert (meta["place"], meta["year"], meta["part"]) == ("安徽省", "2026", "二、2026年工作安排")
    part = (archive / "docs" / "anhui-2026" / "gongzuo-anpai.md").read_text(encoding="utf-8")
    assert front_matter(archive / "docs" / "anhui-2026" / "gongzuo-anpai.md")["title"] == "二、2026年工作安排"
    # Its cards may break lines only between words (<wbr>).
    assert "<table" in part and "<td>5%左右</td>" in part and "（五）加强生态环境保护" in part.replace("<wbr>", "")


def test_data_json_has_metadata_outline_and_dropped(archive):
    import jsonschema

    data = json.loads((archive / "docs" / "anhui-2026" / "data.json").read_text(encoding="utf-8"))
    schema = json.loads((archive / "docs" / "schema" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["place"] == {"name": "安徽省", "short": "安徽", "code": "340000"}
    assert (data["level"], data["year"], data["kind"], data["speaker"]) == ("省级", "2026", "official", "王清宪")
    assert [node["heading"] for node in data["outline"]][:2] == ["一、2025年工作回顾", "二、2026年工作安排"]
    assert len(data["outline"][1]["children"]) == 5
    assert {"line": 1, "text": "下载", "rule": "toolbar"} in data["dropped"]


def test_the_site_builds_with_glossary_links_and_part_navigation(archive):
    result = mkdocs_build(archive, archive / "site")
    assert result.returncode == 0, result.stderr
    page = (archive / "site" / "anhui-2026" / "gongzuo-huigu" / "index.html").read_text(encoding="utf-8")
    assert 'href="../mingci-jieshi/#note-1"' in page
    glossary = (archive / "site" / "anhui-2026" / "mingci-jieshi" / "index.html").read_text(encoding="utf-8")
    assert 'id="note-1"' in glossary
    item = (archive / "site" / "anhui-2026" / "zhuoli-kuoda-youxiao-xuqiu" / "index.html").read_text(encoding="utf-8")
    assert "二、2026年工作安排" in item  # its part, in the navigation


def test_adding_a_seed_never_moves_another_reports_folder(tmp_path):
    project = make_project(tmp_path, fixture_seeds("news_list.txt"))
    assert run_build(project).returncode == 0
    assert (project / "docs" / "huadu-2026" / "index.md").exists()
    # A seed sorting first, of the same place and year, arrives later: the first keeps its folder.
    (project / "seeds" / "a_report.txt").write_bytes((FIXTURES / "district_huadu_2026.txt").read_bytes())
    result = run_build(project)
    assert result.returncode == 0
    assert front_matter(project / "docs" / "huadu-2026" / "index.md")["document"] == "2026年花都区十件民生实事出炉"
    assert front_matter(project / "docs" / "huadu-2026-2" / "index.md")["document"] == "花都区2026年政府工作报告"
    warning = [line for line in result.stderr.splitlines() if "huadu-2026" in line]
    assert warning and "a_report.txt" in warning[0] and "news_list.txt" in warning[0] and "`slug:`" in warning[0]


def test_outline_option_prints_the_tree_and_writes_nothing(tmp_path):
    project = make_project(tmp_path, fixture_seeds("official_city.txt"))
    result = run_build(project, "--outline", "seeds/official_city.txt")
    assert result.returncode == 0, result.stderr
    assert "title:     2026年洛阳市政府工作报告" in result.stdout
    assert re.search(r"2026年重点工作\s+→ luoyang-2026/zhongdian-gongzuo/", result.stdout)
    assert not (project / "docs" / "luoyang-2026").exists()
    missing = run_build(project, "--outline", "seeds/nothing.txt")
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "nothing.txt" in missing.stderr


def test_a_page_too_long_is_warned_about(tmp_path):
    text = (FIXTURES / "official_city.txt").read_text(encoding="utf-8").replace(
        "（三）持续保障和改善民生。", "（三）持续保障和改善民生。" + "推进民生工程建设，提升公共服务水平。" * 500)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    warnings = parse(read_seed(path)).warnings
    assert any("（三）持续保障和改善民生" in w and "characters" in w and "`headings:`" in w for w in warnings)
