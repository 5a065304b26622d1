"""The home page: a one-report site's overview, or an archive's index of
reports by year and province (older years on a page each).
"""

from __future__ import annotations

from ..lang import places
from ..annotations import Annotations
from ..model import Document, Page
from ..site import addresses
from ..site.addresses import md_link
from ..site.groups import NATION
from .markup import SITE_NAME, anchor, chinese_date, escape, html_block, page, pinyin_key
from .narrow import date_cell
from .report import overview_page


# Reports the home page lists row by row (newest years first); the older years
# beyond them are listed by place, each year's table on a page of its own
# (reports/<year>/), so the home page stays small however large the archive.
HOME_ROWS = 100


def home_pages(documents: list[Document], notes: Annotations, compared: bool = True) -> list[Page]:
    """With one document the home page is its overview; with more, an index of them
    (pointing to 目标对比 when it is `compared`: there are targets to compare)."""
    if len(documents) == 1:
        return [overview_page(documents[0], notes[documents[0]], home=True)]
    meta = {"title": SITE_NAME, "description": "政府工作报告逐条阅读：按政策主题切分、可搜索、可按标签浏览。"}
    years = sorted({d.year for d in documents if d.year}, reverse=True) + ([""] if any(not d.year for d in documents) else [])
    named = [y for y in years if y]
    span = f"{named[-1]}—{named[0]}年" if len(named) > 1 else (f"{named[0]}年" if named else "")
    places = {d.place_name or d.place for d in documents if d.place_name or d.place}
    body = [
        f"# {SITE_NAME}",
        f"本站收录{span}{len(places)}个地方的{len(documents)}份政府工作报告及相关报道，每份按政策条目分页。"
        "用页面顶部的搜索框可搜全部报告（可按年份、地区或报告筛选）"
        + (f"；[目标对比]({md_link(addresses.HOME, addresses.compare_index())})把各地的主要预期目标并排列出。" if compared else "。"),
    ]
    pages, room = [], HOME_ROWS
    for year in years:
        of_year = [d for d in documents if d.year == year]
        body.append(f"## {year}年" if year else "## 未注明年份")
        if len(of_year) <= room:
            room -= len(of_year)
            body.append(report_table(of_year, addresses.HOME))
            continue
        room = 0  # older years are listed by place too, so the years stay in order
        path = addresses.reports_of_year(year)
        body.append(report_links(of_year, addresses.HOME))
        body.append(f"[{len(of_year)}份报告的日期、报告人和条目数]({md_link(addresses.HOME, path)})")
        title = f"{year}年的报告" if year else "未注明年份的报告"
        pages.append(page(path, {"title": title, "description": f"{title}：地区、层级、日期、报告人和条目数。", "search": {"exclude": True}},
                          [f"# {title}", report_table(of_year, path)]))
    return [page(addresses.HOME, meta, body), *pages]


def report_table(documents: list[Document], page_path: str) -> str:
    """Reports as rows — place, level, report, date, speaker, items — grouped by province."""
    rows = ["<tr><th>地区</th><th>层级</th><th>报告</th><th>日期</th><th>报告人</th><th>条目</th></tr>"]
    for province, of_province in provinces(documents):
        if named_group(province, of_province):
            rows.append(f'<tr class="home-group"><th colspan="6">{escape(province)}</th></tr>')
        for document in of_province:
            rows.append(
                f'<tr><td>{escape(document.place_name or document.place or "—")}</td>'
                f"<td>{escape(document.level or '—')}</td>"
                f'<td>{anchor(page_path, addresses.overview(document.slug), escape(document.title))}</td>'
                f"<td>{date_cell(chinese_date(document.delivered or document.published or document.date))}</td>"
                f"<td>{escape(document.speaker or '—')}</td><td>{len(document.sections)}</td></tr>"
            )
    return html_block('<div class="home-index">\n<table>\n<thead>\n' + rows[0] + "\n</thead>\n<tbody>\n"
                      + "\n".join(rows[1:]) + "\n</tbody>\n</table>\n</div>")


def named_group(province: str, documents: list[Document]) -> bool:
    """Whether a province's reports are shown under its name: not when its only report is its own."""
    return bool(province) and [d.place_name for d in documents] != [province]


def report_links(documents: list[Document], page_path: str) -> str:
    """Reports as links by province, each named by its place (its title when a place has two)."""
    names = [d.place_name or d.title for d in documents]
    items = []
    for province, of_province in provinces(documents):
        links = []
        for document in of_province:
            name = document.place_name or document.title
            label = name if names.count(name) == 1 else document.title
            links.append(anchor(page_path, addresses.overview(document.slug), escape(label)))
        head = f"<strong>{escape(province)}</strong>：" if named_group(province, of_province) else ""
        items.append(f"<li>{head}{' · '.join(links)}</li>")
    return html_block('<ul class="home-places">\n' + "\n".join(items) + "\n</ul>")


def provinces(documents: list[Document]) -> list[tuple[str, list[Document]]]:
    """Reports grouped by province (a city or district under its own), provinces in pinyin order;
    within one, province first, then cities and their districts by name."""
    def province_of(document: Document) -> str:
        code = document.place_code
        place = places.divisions().get(code[:2] + "0000") if code else None
        return place.name if place else (NATION if document.level == NATION else "")

    groups: dict[str, list[Document]] = {}
    for document in documents:
        groups.setdefault(province_of(document), []).append(document)
    level_rank = {"省级": 0, "市级": 1, "区县级": 2}
    return [
        (province, sorted(found, key=lambda d: (d.place_code[:4] if d.place_code else "", level_rank.get(d.level, 3),
                                                pinyin_key(d.place_name or d.title), d.slug)))
        for province, found in sorted(groups.items(), key=lambda item: (item[0] != NATION, not item[0], pinyin_key(item[0])))
    ]
