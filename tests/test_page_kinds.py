"""Each page kind, rendered from reports built by hand (tests/builder.py): no
seed, no jieba, no MkDocs. Whole-site builds (test_site, test_archive …) check
the same pages end to end."""

from __future__ import annotations

import json
import posixpath
import re

import pytest
import yaml

from builder import Built, item, part, report, site as site_of
from policysite.render import export
from policysite.site import addresses
from policysite.render import nav, render, report_pages
from policysite.render import shudu


def province(year: str, growth: str) -> Built:
    """A provincial report: a review part, a plan part with the year's targets, an appendix."""
    return report(
        f"{year}年青禾省政府工作报告", f"qinghe-{year}", place="青禾省", level="省级", year=year, date=f"{year}-01-20",
        speaker="王某", seed=f"qinghe_{year}.txt",
        parts=[
            part("一、过去一年工作回顾", item("（一）经济运行稳中有进", "青禾港货物吞吐量稳步增长。全年地区生产总值增长5.1%。", slug="jingji-yunxing",
                                              tags={"青禾港": "place", "制造业": "topic"}), slug="gongzuo-huigu"),
            part("二、今年工作安排", item("（一）扩大有效需求", f"地区生产总值增长{growth}左右。", "提振消费。", slug="kuoda-xuqiu",
                                          points={1: "1. 提振消费"}, tags={"青禾港": "place", "以旧换新": "policy"}),
                 item("（二）建设现代化产业体系", "培育先进制造业集群。", slug="chanye-tixi", leads={0: "培育先进制造业集群"},
                      tags={"制造业": "topic"}),
                 text=("今年主要预期目标是：地区生产总值增长" + growth + "左右。",), slug="gongzuo-anpai"),
        ],
        pages=(item("附件：十件民生实事", "新增托位1000个。", slug="minsheng-shishi", kind="appendix"),),
        figures=[("5.1%", 1, {"role": "result", "indicator": "地区生产总值增长", "measure": "地区生产总值增长", "unit": "%"}),
                 (f"{growth}左右", 2, {"indicator": "地区生产总值增长", "measure": "地区生产总值增长", "unit": "%",
                                      "qualifier": "左右", "scope": "main"})],
    )


def news() -> Built:
    """A news article: sections without parts."""
    return report("青禾区十件实事出炉", "qinghequ-2026", place="青禾区", level="区县级", year="2026", kind="news",
                  outlet="青禾日报", date="2026-01-25", seed="news.txt",
                  pages=(item("托育服务", "新增托位500个。", slug="tuoyu-fuwu", subtitle="家门口的托育"),
                         item("老旧小区", "改造小区20个。", slug="laojiu-xiaoqu")))


@pytest.fixture(scope="module")
def site():
    return site_of(province("2025", "5%"), province("2026", "5.5%"), news())


@pytest.fixture(scope="module")
def pages(site) -> dict[str, str]:
    return {page.path: page.content for page in render(site)}


def meta(content: str) -> dict:
    return yaml.safe_load(content.split("\n---\n", 1)[0].removeprefix("---\n"))


def links(path: str, content: str) -> list[str]:
    """Every link of a generated page as a path under docs/ (Markdown links and HTML blocks' hrefs)."""
    found = []
    for target in re.findall(r"\]\((?!<?https?:)<?([^)\s>]+)>?\)", content):
        found.append(posixpath.normpath(posixpath.join(posixpath.dirname(path), target.split("#")[0])))
    for url in re.findall(r'href="([^"#]*)(?:#[^"]*)?"', content):
        if url:
            directory = posixpath.normpath(posixpath.join(addresses.directory(path), url))
            found.append("index.md" if directory == "." else f"{directory}.md")
    return found


def test_every_link_of_every_page_kind_reaches_a_generated_page(pages):
    missing, checked = {}, 0
    for path, content in pages.items():
        if path.endswith(".md"):
            found = links(path, content)
            checked += len(found)
            wanted = [target for target in found if target not in pages and f"{target.removesuffix('.md')}/index.md" not in pages]
            if wanted:
                missing[path] = wanted
    assert not missing and checked > 80


def test_item_page_knows_its_report_part_and_place(pages):
    page = pages["qinghe-2026/kuoda-xuqiu.md"]
    front = meta(page)
    assert front["title"] == "（一）扩大有效需求" and front["part"] == "二、今年工作安排"
    assert front["place"] == "青禾省" and front["year"] == "2026" and front["seed"] == "seeds/qinghe_2026.txt"
    assert [crumb["title"] for crumb in front["crumbs"]] == ["青禾省", "2026年青禾省政府工作报告", "二、今年工作安排"]
    assert front["tags"] == ["青禾港", "以旧换新"]  # places first
    assert "## 1\\. 提振消费" in page  # a point, escaped as the characters it is
    assert "[本站全文](quanwen.md#kuoda-xuqiu)" in page
    assert 'class="figures-box"' in page and "5.5%左右" in page


def test_run_in_leads_are_headings_on_item_pages_and_bold_in_the_full_text(pages):
    assert "## 培育先进制造业集群" in pages["qinghe-2026/chanye-tixi.md"]
    assert "**培育先进制造业集群。**" in pages["qinghe-2026/quanwen.md"]


def test_part_page_has_its_own_text_and_its_items(pages):
    page = pages["qinghe-2026/gongzuo-anpai.md"]
    assert meta(page)["title"] == "二、今年工作安排"
    assert "今年主要预期目标是" in page and "本部分各项" in page
    assert page.index("kuoda-xuqiu") < page.index("chanye-tixi")


def test_overview_lists_items_under_their_parts_and_the_rest_apart(pages):
    page = pages["qinghe-2026/index.md"]
    headings = re.findall(r"^### (.+)$", page, re.M)
    assert headings == ["[一、过去一年工作回顾](gongzuo-huigu.md)", "[二、今年工作安排](gongzuo-anpai.md)", "其他部分"]
    assert "[阅读全文](quanwen.md){ .md-button }" in page


def test_full_text_has_every_node_in_order_with_its_anchor(pages):
    page = pages["qinghe-2026/quanwen.md"]
    headings = re.findall(r"^(#+) (.+?) \{ #([a-z-]+) \}$", page, re.M)
    assert [(len(level), slug) for level, _, slug in headings] == [
        (2, "gongzuo-huigu"), (3, "jingji-yunxing"), (2, "gongzuo-anpai"), (3, "kuoda-xuqiu"), (3, "chanye-tixi"),
        (2, "minsheng-shishi")]
    assert meta(page)["search"] == {"exclude": True}


def test_figures_page_puts_the_years_targets_first_and_continues(pages, monkeypatch):
    page = pages["qinghe-2026/shudu.md"]
    assert page.index("## 主要预期目标") < page.index("## 已实现的结果与基数")
    assert page.index("5.5%左右") < page.index("5.1%")
    monkeypatch.setattr(shudu, "FIGURES_PER_PAGE", 1)
    continued = shudu.figures_pages(*province("2026", "5.5%"))
    assert [p.path for p in continued] == ["qinghe-2026/shudu.md", "qinghe-2026/shudu-2.md"]
    assert "(续)" not in continued[0].content and "页码" in continued[1].content


def test_home_of_several_reports_is_an_index_and_of_one_the_report(site, pages):
    home = pages["index.md"]
    assert "2025—2026年" in home and home.count("<tr><td>") == 3
    (single,) = [p for p in render(site_of(news())) if p.path == "index.md"]
    assert "## [青禾区十件实事出炉](qinghequ-2026/index.md)" in single.content
    assert meta(single.content)["search"] == {"exclude": True}


def test_targets_side_by_side_per_year_and_per_place(pages):
    assert {"compare/index.md", "compare/2025.md", "compare/2026.md", "compare/targets.csv", "compare/targets.json"} <= set(pages)
    place = pages["compare/qinghe.md"]
    assert "5%左右" in place and "+0.5" in place
    rows = json.loads(pages["compare/targets.json"])
    assert [(r["year"], r["text"], r["url"].split("#")[0]) for r in rows] == [
        ("2026", "5.5%左右", "qinghe-2026/kuoda-xuqiu/"), ("2025", "5%左右", "qinghe-2025/kuoda-xuqiu/")]


def test_delivery_sets_a_years_target_beside_the_next_years_result(pages):
    """承诺兑现: 2025's 5%左右 beside the 5.1% 2026's review states, within half a point: 达到."""
    place = pages["compare/duixian/qinghe.md"]
    assert re.search(r"5%左右</a></td><td>.*?5\.1%</a></td><td class=\"verdict verdict--met\">达到</td>", place)
    (row,) = json.loads(pages["compare/delivery.json"])
    assert (row["year"], row["target"], row["result"], row["result_year"], row["verdict"]) == ("2025", "5%左右", "5.1%", "2026", "达到")
    assert "[承诺兑现](duixian/index.md)" in pages["compare/index.md"]


def test_tags_and_names_listed_per_report_in_an_archive(site, pages):
    assert site.archive is False
    assert "material/tags" in pages["tags.md"]
    archive = [p for p in report_pages(*province("2026", "5.5%"), archive=True)]
    paths = {p.path: p for p in archive}
    own = paths["qinghe-2026/tags.md"].content
    assert 'id="tag:' in own and "(../tags.md)" in own
    names = paths["qinghe-2026/entities.md"].content
    assert "**青禾港**" in names and "- 青禾港货物吞吐量稳步增长。 ([（一）经济运行稳中有进](jingji-yunxing.md))" in names
    assert all(p.owner == "qinghe_2026.txt" for p in archive)


def test_about_credits_every_report(pages):
    about = pages["about.md"]
    assert about.count("- 报告：") == 3 and "青禾日报" in about


def test_navigation_groups_a_part_with_its_overview_first(site):
    entries = nav(site)
    (report_entry,) = [e for e in entries if "2026年青禾省政府工作报告" in e]
    children = report_entry["2026年青禾省政府工作报告"]
    plan = next(c for c in children if "二、今年工作安排" in c)["二、今年工作安排"]
    assert plan[0] == {"概述": "qinghe-2026/gongzuo-anpai.md"} and len(plan) == 3
    assert list(children[-1]) == ["全文"]
    assert {"目标对比"} <= {key for entry in entries for key in entry}


def test_export_outline_is_the_tree(site):
    data = json.loads(export.document_json(site.documents[1], site.notes[site.documents[1]]))
    assert [(n["kind"], len(n["children"])) for n in data["outline"]] == [("part", 1), ("part", 2), ("appendix", 0)]
    point = data["outline"][1]["children"][0]["children"][0]
    assert point["kind"] == "point" and point["heading"] == "1. 提振消费"


def test_two_pages_at_one_path_are_refused_naming_both_seeds():
    with pytest.raises(addresses.AddressClash, match=r"qinghe_2026\.txt.*other\.txt"):
        render(site_of(province("2026", "5.5%"), report("另一份", "qinghe-2026", seed="other.txt", pages=(item("甲", "乙。", slug="jia"),))))


def test_a_year_of_many_reports_shows_its_main_targets_and_points_to_the_rest():
    """Past MANY_REPORTS a year's 目标对比 keeps to the main targets (31 provinces'
    item and plan-period tables would take the page past 60 KB); the rest are each
    report's 数读 and targets.csv's."""
    from policysite.render import delivery

    def one(n: int):
        return report(f"2026年青禾{n}号省政府工作报告", f"qinghe{n}-2026", place=f"青禾{n}号省", level="省级", year="2026",
                      seed=f"q{n}.txt", pages=(item("（一）扩大需求", "地区生产总值增长5%左右。", "新建5G基站1000个。", slug="kuoda-xuqiu"),),
                      figures=[("5%左右", 1, {"indicator": "地区生产总值增长", "measure": "地区生产总值增长", "unit": "%",
                                              "qualifier": "左右", "scope": "main"}),
                               ("1000个", 1, {"indicator": "5G基站", "measure": "新建5G基站", "scope": "item"})])

    few = {p.path: p.content for p in render(site_of(*[one(n) for n in range(3)]))}
    assert "## 工作任务中的目标" in few["compare/index.md"]
    assert "1000个" in few["compare/index.md"]
    many = {p.path: p.content for p in render(site_of(*[one(n) for n in range(delivery.MANY_REPORTS + 1)]))}
    page = many["compare/index.md"]
    assert "## 工作任务中的目标" in page and "targets.csv（scope 列为 item）" in page and "1000个" not in page
    assert page.count("5%左右") >= delivery.MANY_REPORTS + 1  # every report's main target is still there


def city(year: str, *items) -> Built:
    """A city's report of one year: its plan part's items as given."""
    return report(f"{year}年青禾市政府工作报告", f"qinghe-shi-{year}", place="青禾市", level="市级", year=year,
                  date=f"{year}-02-01", seed=f"city_{year}.txt", parts=[part("一、今年工作安排", *items, slug="gongzuo-anpai")])


def test_new_terms_page_lists_what_the_previous_report_never_said_and_links_its_sentence():
    before = city("2025", item("（一）稳住工业", "推动制造业稳步增长。", slug="gongye"))
    after = city("2026", item("（一）稳住工业", "推动制造业稳步增长。", slug="gongye"),
                 item("（二）培育新产业", "实施“青禾智造”行动，发展低空经济。", slug="xin-chanye"))
    pages = {page.path: page.content for page in render(site_of(before, after))}
    listed = pages["terms/report/qinghe-shi-2026.md"]
    assert "“青禾智造”行动" in listed and "低空经济" in listed and "制造业" not in listed.split("## ", 2)[1]
    assert 'href="../../../qinghe-shi-2026/xin-chanye/#:~:text=发展-,低空经济"' in listed  # its first sentence
    assert "本报告不再提及的0个" in listed
    rows = json.loads(pages["terms/new.json"])
    assert {(r["year"], r["term"]) for r in rows} >= {("2026", "“青禾智造”行动"), ("2026", "低空经济")}
    assert all(r["year"] == "2026" for r in rows)  # 2025 has no report before it


def test_an_address_a_page_had_before_gets_a_redirect_to_where_it_is_now():
    from policysite.site import redirects

    built = site_of(city("2026", item("（一）培育新产业", "发展低空经济。", slug="xin-chanye")))
    pages = render(built)
    known = {"city_2026.txt": {"1": ["qinghe-shi-2026/xinxing-chanye/"]}}  # its address under an older heading
    history = redirects.remember(known, built.documents, built.notes, set())
    assert history["city_2026.txt"]["1"] == ["qinghe-shi-2026/xin-chanye/", "qinghe-shi-2026/xinxing-chanye/"]
    (moved,) = redirects.redirect_pages(history, built.documents, built.notes, pages)
    assert moved.path == "qinghe-shi-2026/xinxing-chanye.md" and moved.owner == "city_2026.txt"
    front = meta(moved.content)
    assert front["redirect"] == "../xin-chanye/" and front["title"] == "（一）培育新产业" and front["search"] == {"exclude": True}
    assert redirects.moved_pages(pages + [moved]) == [moved.path]
