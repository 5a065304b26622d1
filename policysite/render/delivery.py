"""Pages of 目标对比 by scope and of 承诺兑现.

目标对比's year tables: the year's GDP growth targets as a bar chart, every
report's main targets (its main-targets passage) aligned by indicator with
the national report first, the passage's other targets per report, then the
targets stated in policy items and the plan periods' goals in tables of
their own. 承诺兑现 (compare/duixian/): an overview of how many targets
each place met, and a page per place: its GDP growth target and result by
year as a chart, and every target beside the next year's result.
"""

from __future__ import annotations

from ..enrich import compare, delivery
from ..enrich.reports import unique
from ..annotations import Annotations
from ..model import Page
from ..site import addresses
from ..site.addresses import md_link
from . import charts
from .comparetable import ORDER_NOTE, place_name, report_order, rest_list, split_indicators
from .export import rows_csv, rows_json
from .markup import anchor, escape, html_block, page, pinyin_key, text
from .shudu import sentence_link, target_link

GDP = "地区生产总值增长"
SCOPE_TITLES = {"main": "主要预期目标", "item": "工作任务中的目标", "period": "规划期目标"}
SCOPE_NOTES = {
    "main": "报告“主要预期目标”一段中的目标；全国的报告（有的话）在第一行。",
    "item": "主要预期目标一段之外、各项工作中写出的主要指标目标。",
    "period": "五年规划等多年期的目标（年均、“十五五”时期、到2030年），不是当年的目标。",
}


# Reports in a year beyond which its 目标对比 page shows the main targets only:
# the item and plan-period tables of 31 provinces would take the page past 60 KB.
MANY_REPORTS = 20


def year_tables(path: str, of_year: list, heading: str = "###") -> list[str]:
    """The blocks of one year of 目标对比: chart, main table, the passage's other targets, item and period tables."""
    body = []
    gdp = [t for t in of_year if t.scope == "main" and t.indicator == GDP]
    seen = set()
    rows = []
    for t in gdp:
        if t.document.slug not in seen:
            seen.add(t.document.slug)
            rows.append((place_name(t.document), t.figure.low, t.figure.high, t.figure.text))
    if len(rows) > 1:
        body.append(html_block(charts.bars("各地地区生产总值增长目标（%）", rows, "数字见下方“主要预期目标”表的“地区生产总值增长”一列")))
    many = len({t.document.slug for t in of_year}) > MANY_REPORTS
    for scope in compare.SCOPES:
        scoped = [t for t in of_year if t.scope == scope]
        if many and scope != "main" and scoped:
            # A year of many reports keeps its page small: these tables are each report's 数读 and targets.csv's.
            body.append(f"{heading} {SCOPE_TITLES[scope]}")
            body.append(f"{SCOPE_NOTES[scope]}这一年有{len({t.document.slug for t in of_year})}份报告，"
                        f"这类目标见各报告的“数读”页，或下载 targets.csv（scope 列为 {scope}）。")
            continue
        table = scope_table(path, [t for t in scoped if t.indicator])
        if not table and scope != "main":
            continue
        body.append(f"{heading} {SCOPE_TITLES[scope]}")
        body.append(SCOPE_NOTES[scope])
        if table:
            body.append(table)
        if scope == "main":
            body.append(other_main(path, [t for t in scoped if not t.indicator]))
    return body


def scope_table(path: str, targets: list) -> str:
    """Reports × indicators: the first target of each, in the report's words, linking
    its sentence. In a shape a phone can read (comparetable): the indicators most
    reports state as columns, the country first, then by level and place; the
    other indicators listed per report below the table."""
    if not targets:
        return ""
    indicators, rest = split_indicators(targets, compare.ORDER)
    reports = sorted({t.document.slug: t.document for t in targets}.values(), key=report_order)
    cells = {}
    for t in targets:
        cells.setdefault((t.document.slug, t.indicator), t)
    names = {}
    rows = ['<tr><th><button type="button" class="sort">报告</button></th>'
            + "".join(f'<th><button type="button" class="sort">{escape(i)}</button></th>' for i in indicators) + "</tr>"]
    for document in reports:
        name = place_name(document)
        if [place_name(d) for d in reports].count(name) > 1:  # several texts on one place's report (news, explainers)
            name = f"{name}（{document.title}）"
        names[document.slug] = name
        row = [f'<td>{anchor(path, addresses.overview(document.slug), escape(name))}</td>']
        for indicator in indicators:
            target = cells.get((document.slug, indicator))
            row.append(f'<td data-value="{target.figure.low:g}">{target_link(path, target)}</td>' if target else "<td>—</td>")
        rows.append("<tr>" + "".join(row) + "</tr>")
    note = ORDER_NOTE + "\n{ .byline }\n\n" if len(reports) > 1 else ""
    table = html_block('<div class="compare-table sortable">\n<table>\n<thead>\n' + rows[0]
                       + "\n</thead>\n<tbody>\n" + "\n".join(rows[1:]) + "\n</tbody>\n</table>\n</div>")
    listed = rest_list(reports, names, cells, rest, path) if rest else ""
    return note + table + ("\n\n" + html_block(listed) if listed else "")


def other_main(path: str, targets: list) -> str:
    """The passage's targets without a common indicator, per report: 粮食播种面积 … 1000万亩."""
    if not targets:
        return ""
    by_report: dict[str, list] = {}
    for t in targets:
        by_report.setdefault(t.document.slug, []).append(t)
    lines = []
    for found in by_report.values():
        items = "；".join(f"{escape(t.figure.measure) or '—'} {target_link(path, t)}" for t in found)
        lines.append(f"<li><strong>{escape(place_name(found[0].document))}</strong>：{items}</li>")
    return html_block('<div class="compare-others">\n<p>一段中的其他目标：</p>\n<ul>\n' + "\n".join(lines) + "\n</ul>\n</div>")


def delivery_pages(found: list, notes: Annotations) -> list[Page]:
    """承诺兑现 (`found`: the site's deliveries; `notes`: where each report's
    sentences are): the overview, a page per place, compare/delivery.csv|json;
    nothing without consecutive years."""
    if not found:
        return []
    places = place_slugs(found)
    pages = [overview_page(found, places)]
    pages += [place_page(place, slug, [d for d in found if d.place == place], notes) for place, slug in places.items()]
    rows = [found_one.row() for found_one in found]
    pages.append(Page(addresses.compare_file("delivery.csv"), rows_csv(rows, delivery.FIELDS)))
    pages.append(Page(addresses.compare_file("delivery.json"), rows_json(rows)))
    return pages


def place_slugs(found: list) -> dict[str, str]:
    """Place → its page name under compare/duixian/, from its reports' folders (guangdong-2026 → guangdong)."""
    slugs, taken = {}, set()
    for d in sorted(found, key=lambda d: pinyin_key(d.place)):
        if d.place not in slugs:
            slugs[d.place] = unique(addresses.place_of_folder(d.document.slug), taken)
    return slugs


def overview_link(page_path: str) -> str:
    """On 目标对比's overview: where 承诺兑现 is."""
    return f"上一年的目标完成了没有：见[承诺兑现]({md_link(page_path, addresses.delivery_index())})（每个地方的目标与下一年报告写出的结果对照）。"


def delivery_nav(found: list) -> list:
    if not found:
        return []
    places = place_slugs(found)
    return [{"承诺兑现": [{"概览": addresses.delivery_index()}] + [{p: addresses.delivery_place(s)} for p, s in places.items()]}]


def overview_page(found: list, places: dict[str, str]) -> Page:
    path = addresses.delivery_index()
    meta = {"title": "承诺兑现", "description": "各地上一年的主要预期目标，与下一年政府工作报告写出的结果对照。",
            "search": {"exclude": True}}
    body = ["# 承诺兑现", "每个地方某一年报告的主要预期目标，对照下一年报告回顾中写出的同一指标的结果。\n{ .byline }",
            delivery.RULE]
    rows = ["<tr><th>地区</th><th>层级</th><th>年份</th>" + "".join(f"<th>{v}</th>" for v in delivery.VERDICTS) + "</tr>"]
    for place, slug in places.items():
        of_place = [d for d in found if d.place == place]
        counts = delivery.tally(of_place)
        spans = sorted({d.document.year for d in of_place})
        rows.append(f"<tr><td>{anchor(path, addresses.delivery_place(slug), escape(place))}</td>"
                    f"<td>{escape(of_place[0].document.level)}</td><td>{'、'.join(spans)}年目标</td>"
                    + "".join(f"<td>{counts[v]}</td>" for v in delivery.VERDICTS) + "</tr>")
    body.append(table(rows))
    body.append(f"下载：{downloads(path)}（每个目标一行：地区、层级、指标、年份、目标、"
                "下限、上限、限定词、结果、结果数值、结果所在报告年份、判断、两句的链接）")
    return page(path, meta, body)


def place_page(place: str, slug: str, found: list, notes: Annotations) -> Page:
    path = addresses.delivery_place(slug)
    meta = {"title": f"承诺兑现:{place}", "description": f"{place}历年主要预期目标与下一年报告写出的结果。",
            "search": {"exclude": True}}
    body = [f"# {text(meta['title'])}", "左边是某一年报告的目标，右边是下一年报告回顾中写出的结果；点击查看原句。\n{ .byline }",
            delivery.RULE]
    gdp = [d for d in found if d.target.indicator == GDP]
    if gdp:
        points = [(d.document.year, d.target.low, d.target.high, d.target.text,
                   d.result.low if d.result else None, d.result.text if d.result else "") for d in gdp]
        body.append(html_block(charts.years(f"{place}地区生产总值增长：目标与结果（%）", points)))
    for year in sorted({d.document.year for d in found}):
        of_year = [d for d in found if d.document.year == year]
        body.append(f"## {year}年目标")
        rows = [f"<tr><th>指标</th><th>{year}年目标</th><th>{of_year[0].later.year}年报告写出的结果</th><th>判断</th></tr>"]
        for d in of_year:
            target = sentence_link(path, d.document, notes[d.document], d.target, escape(d.target.text))
            result = sentence_link(path, d.later, notes[d.later], d.result, escape(d.result.text)) if d.result else "—"
            rows.append(f"<tr><td>{escape(d.target.indicator)}</td><td>{target}</td><td>{result}</td>"
                        f'<td class="verdict verdict--{["met", "missed", "unknown"][delivery.VERDICTS.index(d.verdict)]}">'
                        f"{d.verdict}</td></tr>")
        body.append(table(rows, "delivery-table"))
    body.append(f"[全部地区]({md_link(path, addresses.delivery_index())}) · 下载：{downloads(path)}")
    return page(path, meta, body)


def downloads(page_path: str) -> str:
    return " · ".join(f"[{name}]({md_link(page_path, addresses.compare_file(name))})" for name in ("delivery.csv", "delivery.json"))


def table(rows: list[str], kind: str = "compare-table") -> str:
    return html_block(f'<div class="{kind}">\n<table>\n<thead>\n' + rows[0] + "\n</thead>\n<tbody>\n"
                          + "\n".join(rows[1:]) + "\n</tbody>\n</table>\n</div>")
