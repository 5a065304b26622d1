"""目标对比 pages: the main targets of a year's reports side by side, and a
place's targets year by year (the rows come from policysite.enrich.compare).
"""

from __future__ import annotations

from ..enrich import compare
from ..enrich.reports import unique
from ..model import Page
from ..site import addresses
from ..site.addresses import md_link
from ..site.context import Site
from .comparetable import rest_list, split_indicators
from .delivery import overview_link, year_tables
from .markup import anchor, escape, html_block, page, pinyin_key, text
from .shudu import target_link


def compare_years(targets: list) -> list[str]:
    """The years of the targets, newest first ("" for reports without one, last)."""
    return sorted({t.document.year for t in targets}, key=lambda year: year or "0", reverse=True)


def compare_pages(site: Site) -> list[Page]:
    """目标对比: an overview, and with several years a page per year (each year's
    table grows with the reports of that year only)."""
    targets, delivered = site.targets, bool(site.deliveries)
    years = compare_years(targets)
    places = [place_compare_page(place, slug, found) for place, (slug, found) in places_over_years(targets).items()]
    if len(years) == 1:
        return [compare_page(targets, years, delivered=delivered)] + places
    return ([compare_page(targets, [], delivered=delivered)]
            + [compare_page(targets, [year], year=year) for year in years] + places)


def compare_page(targets: list, years: list[str], year: str | None = None, delivered: bool = False) -> Page:
    """目标对比: the given years' targets by scope side by side (render/delivery.year_tables);
    on the overview, where 承诺兑现 is (when `delivered`) and each place's targets over the years."""
    path = addresses.compare_year(year) if year is not None else addresses.compare_index()
    title = f"目标对比:{year or '未注明年份'}年" if year is not None else "目标对比"
    meta = {"title": title, "description": "各报告的主要预期目标按指标对齐，逐年比较。", "search": {"exclude": True}}
    body = [f"# {text(title)}", "各报告的主要预期目标按指标对齐，每格是报告原文的写法，点击查看原句；点击表头可排序。"
            "\n{ .byline }"]
    if year is None and not years:  # the overview of several years: where each year's table is
        body.append("\n".join(
            f"- [{y or '未注明年份'}年]({md_link(path, addresses.compare_year(y))}):{len({t.document.slug for t in targets if t.document.year == y})}份报告"
            for y in compare_years(targets)
        ))
    for year_shown in years:
        of_year = [t for t in targets if t.document.year == year_shown]
        if year is None:
            body.append(f"## {year_shown or '未注明年份'}年")
        body += year_tables(path, of_year, "###" if year is None else "##")
    if year is not None:
        body.append(f"下载：{downloads(path)}")
        return page(path, meta, body)
    if delivered:
        body.append(overview_link(path))
    several = places_over_years(targets)
    if several:
        body.append("## 各地历年目标")
        body.append("\n".join(
            f"- [{text(place)}]({md_link(path, addresses.compare_place(slug))}):{'、'.join(sorted({t.document.year + '年' for t in found}))}"
            for place, (slug, found) in several.items()
        ))
    body.append(f"下载：{downloads(path)}（每个报告 × 指标一行：地区、层级、年份、指标、原文、"
                "下限、上限、单位、限定词、原句链接）")
    return page(path, meta, body)


def downloads(page_path: str) -> str:
    """Links to targets.csv and targets.json."""
    return " · ".join(f"[{name}]({md_link(page_path, addresses.compare_file(name))})" for name in compare.DOWNLOADS)


def places_over_years(targets: list) -> dict[str, tuple[str, list]]:
    """Places with targets in several years → (page name under compare/, their targets), in pinyin order."""
    by_place: dict[str, list] = {}
    for t in (t for t in targets if t.scope == "main" and t.indicator):  # the years' own main targets
        by_place.setdefault(t.document.place_name or t.document.place, []).append(t)
    found, taken = {}, set()
    for place, of_place in sorted(by_place.items(), key=lambda item: pinyin_key(item[0])):
        if place and len({t.document.year for t in of_place}) > 1:
            slug = unique(addresses.place_of_folder(of_place[0].document.slug), taken)
            found[place] = (slug, of_place)
    return found


def place_compare_page(place: str, slug: str, found: list) -> Page:
    """One place's main targets year by year, with the change from the year before.

    A row per year, newest first, so that the table grows downwards as years
    are added and stays as wide as a phone allows: its columns are the
    indicators most of the place's reports state (comparetable.split_indicators),
    the others listed under each year below the table."""
    path = addresses.compare_place(slug)
    meta = {"title": f"目标对比:{place}", "description": f"{place}历年政府工作报告的主要预期目标。", "search": {"exclude": True}}
    body = [f"# {text(meta['title'])}", "每行一年，新的在前；每格是报告原文的写法，点击查看原句；括号里是与上一年相比的变化。\n{ .byline }"]
    cells: dict = {}
    for t in found:
        cells.setdefault((t.document.slug, t.indicator), t)
    chosen = [t for t in found if cells[(t.document.slug, t.indicator)] is t]
    reports = {t.document.year: t.document for t in sorted(chosen, key=lambda t: t.document.slug, reverse=True)}
    years = sorted(reports, reverse=True)
    kept = [t for t in chosen if reports[t.document.year] is t.document]  # one report a year
    shared, rest = split_indicators(kept, compare.ORDER)
    moved = changes(kept, years, reports)
    rows = ["<tr><th>年份</th>" + "".join(f"<th>{escape(name)}</th>" for name in shared) + "</tr>"]
    for year in years:
        document = reports[year]
        row = [f"<th>{anchor(path, addresses.overview(document.slug), escape(year + '年'))}</th>"]
        for name in shared:
            target = cells.get((document.slug, name))
            change = moved.get((year, name), "")
            row.append("<td>—</td>" if target is None else
                       f"<td>{target_link(path, target)}" + (f" <small>（{change}）</small>" if change else "") + "</td>")
        rows.append("<tr>" + "".join(row) + "</tr>")
    body.append(html_block('<div class="compare-table">\n<table>\n<thead>\n' + rows[0] + "\n</thead>\n<tbody>\n"
                           + "\n".join(rows[1:]) + "\n</tbody>\n</table>\n</div>"))
    listed = rest_list([reports[y] for y in years], {d.slug: f"{d.year}年" for d in reports.values()}, cells, rest, path)
    if listed:
        body.append(html_block(listed))
    return page(path, meta, body)


def changes(targets: list, years: list[str], reports: dict) -> dict[tuple[str, str], str]:
    """(year, indicator) → how its target moved from the last earlier year that states it ("−0.5", "持平")."""
    moved, last = {}, {}
    for year in sorted(years):
        for t in (t for t in targets if t.document is reports[year]):
            if t.indicator in last:
                moved[(year, t.indicator)] = compare.change(last[t.indicator].figure, t.figure)
            last[t.indicator] = t
    return moved
