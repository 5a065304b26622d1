"""Tags a reader would click, the tag index, 相关政策 and 地名与项目."""

from __future__ import annotations

import html
import re

import pytest

from policysite.enrich.reports import FILLER, enrich, pair_score
from policysite.read.parse import parse
from policysite.read.seed import read_seed

from conftest import SEED, front_matter, make_project, run_build
from test_build import SECTION_SLUGS

FRAGMENTS = {"大湾", "白鹅", "湾区", "鹅潭", "龙围", "庆坊"}


def enriched(seed):
    """The one report of a seed, and what enrich found of each of its pages (section, notes)."""
    [document], notes = enrich([parse(seed)])
    return document, [(section, notes[document].page(section)) for section in document.sections]


@pytest.fixture(scope="module")
def pages():
    return enriched(read_seed(SEED))[1]


def section(pages, slug):
    return next(notes for _, notes in pages if notes.slug == slug)


def test_no_filler_or_fragment_tags_and_every_tag_is_in_its_section(pages):
    for section_, s in pages:
        text = "".join([section_.subtitle, *section_.paragraphs])
        assert s.tags[0] == section_.heading and len(s.tags) <= 10 and len(set(s.tags)) == len(s.tags)
        for tag in s.tags[1:]:
            assert tag not in FILLER and tag not in FRAGMENTS, (section_.heading, tag)
            assert tag in text, (section_.heading, tag)
            assert not any(tag in other and tag != other and text.count(tag) == text.count(other) for other in s.tags), tag


def test_tags_are_ordered_by_kind(pages):
    order = {"topic": 0, "place": 1, "org": 2, "policy": 2}
    for section_, s in pages:
        kinds = [s.kinds[tag] for tag in s.tags]
        ranks = [0] + [order[k] if k != "topic" else 3 for k in kinds[1:]]
        assert ranks == sorted(ranks), (section_.heading, list(zip(s.tags, kinds)))


@pytest.mark.parametrize("slug,tag,kind", [
    ("pingtai-jianshe", "白鹅潭", "place"),
    ("shangquan-jianshe", "白鹅潭", "place"),
    ("pingtai-jianshe", "海龙围", "place"),
    ("guangfu-tongcheng", "横琴", "place"),
    ("wenhua-chuancheng", "永庆坊", "place"),
    ("keji-chuangxin", "国家呼吸医学中心", "org"),
    ("shiti-jingji", "村级工业园", "topic"),  # a kind of park (the village-level ones), not one park
    ("shiti-jingji", "三大平台", "policy"),
    ("chanye-tixi", "专精特新", "policy"),
    ("shuzi-jingji", "5G", "topic"),
    ("yiqing-fangkong", "公共卫生", "topic"),
    ("chanye-tixi", "中医药", "topic"),
])
def test_expected_tags(pages, slug, tag, kind):
    s = section(pages, slug)
    assert tag in s.tags and s.kinds[tag] == kind, s.tags


def test_related_sections_are_symmetric_and_never_the_page_itself(pages):
    for _, a in pages:
        assert all(r.slug != a.slug for r in a.related)
        assert len(a.related) <= 3
        for _, b in pages:
            assert pair_score(a, b) == pair_score(b, a)
        for r in a.related:
            other = section(pages, r.slug)
            assert r.score == pair_score(a, other) > 0 and r.shared and set(r.shared) <= set(a.tags) & set(other.tags)
    related = [r.slug for r in section(pages, "pingtai-jianshe").related]
    assert related[0] == "guangfu-tongcheng" and "shangquan-jianshe" in related  # 广佛 / 白鹅潭


def test_relations_cross_documents(tmp_path):
    second = SEED.read_text(encoding="utf-8").replace("荔湾2022", "荔湾2023").replace("2022-01-21", "2023-01-21")
    project = make_project(tmp_path, {SEED.name: SEED.read_bytes(), "next.txt": second.encode()})
    assert run_build(project).returncode == 0
    page = (project / "docs" / "liwan-2022" / "pingtai-jianshe.md").read_text(encoding="utf-8")
    related = page.split("## 相关政策", 1)[1].split("来源:", 1)[0]
    assert 'href="../../liwan-2023/pingtai-jianshe/"' in related
    # A link into another report names it.
    assert '<span class="related__report">广州市荔湾区 · 2023年</span> <a href="../../liwan-2023/' in related
    assert front_matter(project / "docs" / "liwan-2023" / "pingtai-jianshe.md")["tags"] == front_matter(project / "docs" / "liwan-2022" / "pingtai-jianshe.md")["tags"]


def test_tag_index_lists_each_tag_with_its_sections(built_site):
    page = html.unescape((built_site / "tags" / "index.html").read_text(encoding="utf-8"))
    docs = built_site.parent / "docs" / "liwan-2022"
    expected: dict[str, set[str]] = {}
    for slug in SECTION_SLUGS:
        for tag in front_matter(docs / f"{slug}.md")["tags"]:
            expected.setdefault(tag, set()).add(slug)
    for kind in ("地点", "机构与项目", "政策", "主题"):
        assert f">{kind}<" in page
    for tag, slugs in expected.items():
        listing = re.search(rf'<span class="md-tag[^"]*">{re.escape(tag)}</span>(.*?)</ul>', page, re.S)
        assert listing, tag
        linked = set(re.findall(r'href="\.\./liwan-2022/([a-z0-9-]+)/"', listing.group(1)))
        assert linked == slugs, (tag, linked, slugs)
        assert f"{tag}&nbsp;<small>{len(slugs)}</small>" in page.replace("\xa0", "&nbsp;") or f"{tag}\xa0<small>{len(slugs)}</small>" in page


def test_entity_page_quotes_and_links(built_site):
    page = html.unescape((built_site / "entities" / "index.html").read_text(encoding="utf-8"))
    assert "白鹅潭" in page and "狠抓白鹅潭商务区开发建设。" in page
    assert 'href="../liwan-2022/pingtai-jianshe/"' in page


# Words jieba files as places, institutions or proper nouns that no reader would click.
TRAPS = """美丽 深度 海洋 高原 新建 新区 大都市 法治化 惠及 城镇 滨河 山水 一马平川 马克思列宁主义 兴国
重大进展 新进展 新格局 东中西部 儿科学 城市核心 大学 集团 学校 服务中心 全覆盖 新时代 赋能 新一轮 铸牢
经济强 普通 政治 监督 实干 决策 突破 铸就 基本 本领 信心 高度 国家 报告 会议 努力提高 6月11日 青禾 青禾区""".split()


def test_tags_of_an_official_report_are_words_a_reader_would_click():
    from policysite.read.sidecar import read_sidecar

    path = SEED.parent.parent / "tests" / "fixtures" / "tags" / "traps.txt"
    document, pages = enriched(read_sidecar(read_seed(path, path.name)))
    assert document.place == "青禾"  # 我代表青禾区人民政府, not 表青禾
    tags = {tag: s.kinds[tag] for _, s in pages for tag in s.tags}
    assert not set(TRAPS) & set(tags), set(TRAPS) & set(tags)
    # Whole headings, dates and part titles are not tags; every tag is short or a name.
    assert all(len(tag) <= 8 or kind in ("org", "policy") for tag, kind in tags.items()), tags
    assert {"石湾镇": "place", "白沙岛": "place", "“1+4+N”政策体系": "policy"}.items() <= tags.items()


def test_a_quoted_word_is_forgotten_once_no_seed_quotes_it():
    # Under `mkdocs serve` one process builds again and again: a slogan quoted
    # by a seed and then edited away must not go on cutting text (and making
    # tags and slugs) that a fresh build would cut otherwise.
    from policysite.lang import segment

    jieba = segment.ready()
    segment.posseg()
    learnt = list(segment.LEARNT)  # the words of the seeds built before in this process
    text = "全面推进澜岚汐工程建设"
    before = (segment.words(text), segment.tagged_words(text), jieba.dt.total)
    segment.add_words([*learnt, "澜岚汐工程"])
    assert "澜岚汐工程" in segment.words(text)
    assert ("澜岚汐工程", "nz") in segment.tagged_words(text)
    segment.add_words(learnt)
    assert (segment.words(text), segment.tagged_words(text), jieba.dt.total) == before


# Own-written sentences (tests/fixtures/tags/kinds.txt) with each class of junk
# tag real reports give: words shaped like places or institutions that name a
# kind of thing, not a place or an institution; numbered slogans; one entity
# under two names.
NOT_PLACES = ["大庆", "海域", "中心区", "中心镇", "深水港"]
NOT_INSTITUTIONS = ["上市公司", "跨国公司", "公立医院", "疾控中心", "批发市场"]


@pytest.fixture(scope="module")
def kinds_report():
    path = SEED.parent.parent / "tests" / "fixtures" / "tags" / "kinds.txt"
    return enriched(read_seed(path, path.name))[1]


def all_kinds(pages) -> dict[str, str]:
    return {tag: s.kinds[tag] for _, s in pages for tag in s.tags}


def test_kinds_of_things_are_neither_places_nor_institutions(kinds_report):
    tags = all_kinds(kinds_report)
    assert not [tag for tag in NOT_PLACES if tags.get(tag) == "place"], tags
    assert not [tag for tag in NOT_INSTITUTIONS if tags.get(tag) == "org"], tags
    # Named places still are.
    assert {"石湾镇": "place", "白沙岛": "place"}.items() <= tags.items(), tags


def test_numbered_slogans_are_programmes(kinds_report):
    tags = all_kinds(kinds_report)
    assert tags.get("四个中心") == "policy" and tags.get("一区三中心") == "policy", tags


def test_one_tag_per_place_however_it_is_named(kinds_report):
    tags = all_kinds(kinds_report)
    assert tags.get("大湾区") == "place" and "粤港澳大湾区" not in tags, tags
    assert tags.get("澳门") == "place" and "澳门特别行政区" not in tags, tags


@pytest.mark.parametrize("word,slogan", [
    ("四个中心", True), ("一区三中心", True), ("三大平台", True), ("一带一路", True), ("两个确立", True),
    ("一体化", False), ("一流", False), ("十四五", False), ("三年行动", False), ("一网通办", False),
])
def test_what_a_numbered_slogan_is(word, slogan):
    from policysite.enrich.tagkinds import is_numbered_slogan

    assert is_numbered_slogan(word) is slogan


@pytest.mark.parametrize("word,named", [
    ("浙江大学", True), ("兰州大学", True), ("敦煌研究院", True), ("西安交通大学", True), ("国家呼吸医学中心", True),
    ("师范大学", False), ("债券市场", False), ("期货市场", False), ("控股公司", False), ("测试中心", False),
    ("综治中心", False), ("定点医院", False),
])
def test_an_institution_has_a_name_not_a_kind_before_its_suffix(word, named):
    """Two characters before …大学, …市场, …公司, …中心 name the institution only
    when they are a place's name; otherwise they say what kind it is."""
    from policysite.enrich.tagkinds import is_institution

    assert is_institution(word) is named


@pytest.mark.parametrize("word,kind", [
    ("强基工程", "policy"), ("双高计划", "policy"), ("千万工程", "policy"), ("乡村建设行动", "policy"),
    ("长效机制", None), ("保障机制", None), ("保险制度", None), ("水利工程", None), ("实际行动", None),
    ("科技创新中心", None), ("以治病为中心", None),
])
def test_a_programme_has_a_name_not_a_kind_before_its_suffix(word, kind):
    """Real reports' 长效机制, 保险制度 (every …机制, …制度 after two characters),
    水利工程, 实际行动 (an everyday word before …工程, …行动) are kinds of things, not
    programmes; a coined or numbered name (强基, 双高, 千万) is one. A name of generic
    words only (科技 + 创新) or a slogan (以…为中心) is no institution either."""
    from policysite.enrich.tagkinds import tag_kind

    assert tag_kind(word, "n") == kind


def test_a_slogan_shaped_like_a_place_is_not_one():
    """jieba files 港人治港 as a place name, and 港 is a place suffix (深水港 is not a place either)."""
    from policysite.enrich.tagkinds import tag_kind

    assert tag_kind("港人治港", "ns") is None and tag_kind("天津港", "ns") == "place"
