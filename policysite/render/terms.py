"""新提法 pages: what each report says for the first time, a place's terms year
by year (charts drawn here, at build time), a year's shared and own terms, and
terms/new.csv|json. The counting is policysite/enrich/terms.py's.

Pages live under terms/: index.md, <year>.md, place-<place>.md and one page
per report (report/<report slug>.md, linked from its year and its place, not
listed in the navigation, which would grow with the archive: mkdocs.yml's
not_in_nav).
"""

from __future__ import annotations

from ..enrich import terms
from ..enrich.reports import unique
from ..annotations import Annotations
from ..model import Document, Page
from ..site import addresses
from ..site.addresses import href, md_link
from .export import rows_csv, rows_json
from .markup import anchor, escape, html_block, page, pinyin_key, text

TITLE = "新提法"
FIELDS = ["place", "year", "term", "count", "first_url", "kind"]
SHOWN_IN_ROW = 5     # terms named in a year's table of reports
SHOWN = 80           # new terms a report's page lists (new.csv has them all): the page stays small
MANY_PLACES = 60     # reports in a year beyond which its page lists counts, not terms
METHOD = (
    "统计方法：用与站内搜索相同的词典（jieba 加本站领域词表）切分报告正文，引号里的提法整体计算。"
    "候选提法是：引号提法及带引号的专项名称（如“人工智能+”行动）、并列列举的名目（如“具身智能、低空经济等”里的各项）、"
    "词典未收的复合词（如新质生产力）、领域词表里的词，以及用了至少3次的常用词。"
    "次数是提法在报告正文里出现的次数（不计引号、空格和全角半角之别）。"
    "新提法是本报告用到、而该地上一份报告全文（连同标题和网页上的附带文字）里一处也没有的提法；不再提及的反之。"
)


def has_terms(documents: list[Document]) -> bool:
    """Whether the site has 新提法 to show: two or more reports with a place and year."""
    return len(terms.primary(documents)) >= 2


def nav_entry(documents: list[Document]) -> dict | None:
    """The navigation's 新提法: overview, each year, each place with several years."""
    if not has_terms(documents):
        return None
    section: list = [{"概览": addresses.terms_index()}]
    section += [{f"{year}年": addresses.terms_year(year)} for year in years(documents)]
    places = place_pages(documents)
    if places:
        section.append({"各地历年": [{name: path} for name, path, _ in places.values()]})
    return {TITLE: section}


def years(documents: list[Document]) -> list[str]:
    return sorted({d.year for d in terms.primary(documents)}, reverse=True)


def place_pages(documents: list[Document]) -> dict[str, tuple[str, str, list[Document]]]:
    """Places with reports of several years → (name, page path, reports oldest first), in pinyin order."""
    found, taken = {}, set()
    several = [(key, reports) for key, reports in terms.series(documents).items() if len(reports) > 1]
    for key, reports in sorted(several, key=lambda item: pinyin_key(place_name(item[1][-1]))):
        base = "quanguo" if key == terms.NATIONAL else addresses.place_of_folder(reports[-1].slug)
        found[key] = (place_name(reports[-1]), addresses.terms_place(unique(base, taken)), reports)
    return found


place_name = terms.place_name


def pages(documents: list[Document], notes: Annotations) -> list[Page]:
    """Every 新提法 page and export ([] when the site has nothing to show)."""
    if not has_terms(documents):
        return []
    texts = terms.Texts(notes)
    reports = terms.primary(documents)
    previous = terms.previous_reports(documents)
    by_slug = {r.slug: r for r in reports}
    news = {slug: terms.new_terms(by_slug[slug], before, texts) for slug, before in previous.items()}
    places = place_pages(documents)
    place_of = {r.slug: path for _, path, found in places.values() for r in found}
    result = [index_page(documents, places)]
    for year in years(documents):
        result.append(year_page(year, [r for r in reports if r.year == year], previous, news, texts))
    for report in reports:
        before = previous.get(report.slug)
        if before is not None:
            result.append(report_page(report, before, news[report.slug], terms.gone_terms(report, before, texts), place_of))
        else:
            result.append(report_page(report, None, terms.distinctive_terms(report, reports, texts), [], place_of))
    for name, path, found in places.values():
        result.append(place_page(name, path, found, terms.trend(found, news, texts)))
    texts.forget_others()
    rows = [row(report, term) for report in reports for term in news.get(report.slug, [])]
    result.append(Page(addresses.terms_file("new.csv"), rows_csv(rows, FIELDS)))
    result.append(Page(addresses.terms_file("new.json"), rows_json(rows)))
    return result


# --- pages -----------------------------------------------------------------------------------


def index_page(documents: list[Document], places: dict) -> Page:
    path = addresses.terms_index()
    meta = {"title": TITLE, "description": "每份政府工作报告比上一年多了哪些提法、少了哪些，各地提法的逐年变化。", "search": {"exclude": True}}
    reports = terms.primary(documents)
    body = [f"# {TITLE}", "每份报告第一次用到的提法（与同一地方上一年的报告相比），各地历年提法的升降，"
            "以及同一年各地共同的和独有的提法。\n{ .byline }", text(METHOD)]
    body.append("## 各年")
    body.append("\n".join(f"- [{y}年]({md_link(path, addresses.terms_year(y))}):{sum(r.year == y for r in reports)}份报告" for y in years(documents)))
    if places:
        body.append("## 各地历年")
        body.append("\n".join(f"- [{text(name)}]({md_link(path, p)}):"
                              + "、".join(f"{r.year}年" for r in found) for name, p, found in places.values()))
    body.append(f"下载：{downloads(path)}（每份报告 × 新提法一行：地区、年份、提法、次数、首次出现的原句链接、类别）")
    return page(path, meta, body)


def year_page(year: str, reports: list[Document], previous: dict, news: dict, texts: terms.Texts) -> Page:
    """A year's reports with their new terms; with three places or more, the
    terms most of them share and those only one uses."""
    path = addresses.terms_year(year)
    title = f"{TITLE}:{year}年"
    meta = {"title": title, "description": f"{year}年各地政府工作报告的新提法、共同提法和独有提法。", "search": {"exclude": True}}
    body = [f"# {text(title)}", "点击地区查看该报告的全部新提法和原句。\n{ .byline }"]
    named = len(reports) <= MANY_PLACES  # a year of many places lists counts only: the page stays small
    rows = ["<tr><th>地区</th><th>对比</th><th>新提法</th>" + ("<th>其中</th>" if named else "") + "</tr>"]
    for report in sorted(reports, key=lambda r: pinyin_key(place_name(r))):
        before = previous.get(report.slug)
        found = news.get(report.slug, [])
        shown = "、".join(escape(t.text) for t in found[:SHOWN_IN_ROW]) + ("等" if len(found) > SHOWN_IN_ROW else "")
        rows.append(f"<tr><td>{anchor(path, addresses.terms_of_report(report.slug), escape(place_name(report)))}</td>"
                    f"<td>{f'{before.year}年' if before else '—'}</td><td>{len(found) if before else '—'}</td>"
                    + (f"<td>{shown or ('无上一年报告' if not before else '—')}</td>" if named else "") + "</tr>")
    body.append(table(rows))
    if len(reports) >= 3:
        shared = terms.year_shared(reports, texts)
        if shared:
            body.append("## 各地共同的提法")
            body.append(f"{len(reports)}个地方中至少一半的报告用到的提法。")
            body.append(table(["<tr><th>提法</th><th>地方数</th><th>合计次数</th></tr>"]
                              + [f"<tr><td>{escape(t)}</td><td>{n}</td><td>{total}</td></tr>" for t, n, total in shared], "各地共同的提法"))
        own = terms.year_own(reports, texts)
        if any(own.values()):
            body.append("## 一地独有的提法")
            # The places whose own terms they use most, when there are many.
            most = sorted((r for r in reports if own.get(r.slug)), key=lambda r: -own[r.slug][0].count)[:MANY_PLACES // 2]
            body.append("只有一个地方的报告用到、同年其他报告全文里都没有的提法，点击查看原句"
                        + (f"（只列出用得最多的{len(most)}个地方）。" if len(most) < sum(1 for r in reports if own.get(r.slug)) else "。"))
            items = []
            for report in sorted(most, key=lambda r: pinyin_key(place_name(r))):
                if own.get(report.slug):
                    links = "、".join(term_link(path, t) for t in own[report.slug])
                    items.append(f"<li>{escape(place_name(report))}：{links}</li>")
            body.append(html_block("<ul>\n" + "\n".join(items) + "\n</ul>"))
    body.append(f"下载：{downloads(path)}")
    return page(path, meta, body)


def report_page(report: Document, before: Document | None, listed: list, gone: list, place_of: dict) -> Page:
    """One report's new terms against the previous report, and the terms it dropped;
    without a previous report, its most distinctive terms against the archive."""
    path = addresses.terms_of_report(report.slug)
    title = f"{TITLE}:{report.title}"
    meta = {"title": title, "description": f"{report.title}第一次用到的提法和不再提及的提法。", "search": {"exclude": True}}
    body = [f"# {text(title)}"]
    trend = place_of.get(report.slug)
    links = [f"[报告概览]({md_link(path, addresses.overview(report.slug))})"]
    if trend:
        links.append(f"[{text(place_name(report))}历年提法]({md_link(path, trend)})")
    if before is None:
        body.append(f"本站没有{text(place_name(report))}在{report.year}年以前的报告，无从比较新提法。"
                    "下面是这份报告与本站其他报告相比最有特色的提法（用得多、别的报告少用）。\n{ .byline }")
        body.append(" · ".join(links))
        body.append("## 本报告的特色提法")
        body.append(terms_table(path, listed) if listed else "没有找到特色提法。")
        return page(path, meta, body)
    links.insert(1, f"[上一份报告:{text(before.title)}]({md_link(path, addresses.overview(before.slug))})")
    body.append(f"与{before.year}年的报告相比：本报告用到、而上一份报告全文里没有的提法{len(listed)}个，"
                f"上一份报告用过、本报告不再提及的{len(gone)}个。点击提法查看它第一次出现的原句。\n{{ .byline }}")
    body.append(" · ".join(links))
    body.append("## 新提法")
    body.append(terms_table(path, listed[:SHOWN]) if listed else "没有找到上一份报告里没有的提法。")
    if len(listed) > SHOWN:
        body.append(f"另有{len(listed) - SHOWN}个新提法（多为只用一两次的词）见[new.csv]({md_link(path, addresses.terms_file('new.csv'))})。")
    body.append("## 不再提及")
    body.append(terms_table(path, gone, column=f"{before.year}年次数") if gone else "上一份报告的提法本报告都还在用。")
    body.append(f"统计方法见[{TITLE}]({md_link(path, addresses.terms_index())})。")
    return page(path, meta, body)


def place_page(name: str, path: str, reports: list[Document], trend: list[tuple[str, list[int]]]) -> Page:
    """A place's leading terms year by year: a small chart per term, the counts as a table too."""
    title = f"{TITLE}:{name}历年"
    meta = {"title": title, "description": f"{name}历年政府工作报告里主要提法的出现次数。", "search": {"exclude": True}}
    body = [f"# {text(title)}", "各年报告里主要提法的出现次数：先是某一年新出现的提法，再是最近一年用得最多的提法。\n{ .byline }"]
    body.append(" · ".join(f"[{r.year}年新提法]({md_link(path, addresses.terms_of_report(r.slug))})" for r in reports))
    labels = [f"{r.year}年" for r in reports]
    if trend:
        if len(labels) > CHART_YEARS:  # a chart of more years would draw its numbers too small on a phone
            body.append(f"图中为最近{CHART_YEARS}年，各年的次数见下表。")
        body.append(html_block('<div class="term-trends">\n' + "\n".join(
            chart(term, labels[-CHART_YEARS:], counts[-CHART_YEARS:], number)
            for number, (term, counts) in enumerate(trend, 1)) + "\n</div>"))
        rows = ["<tr><th>提法</th>" + "".join(f"<th>{label}</th>" for label in labels) + "</tr>"]
        rows += [f"<tr><td>{escape(term)}</td>" + "".join(f"<td>{n}</td>" for n in counts) + "</tr>" for term, counts in trend]
        body.append("## 逐年次数")
        body.append(table(rows, "逐年次数"))
    return page(path, meta, body)


# --- parts ----------------------------------------------------------------------------------

BAR_WIDTH, SLOT, CHART_HEIGHT, BAR_ROOM = 24, 44, 84, 44
CHART_YEARS = 8  # years a chart draws: 360 px wide, a phone's column at full size


def chart(term: str, labels: list[str], counts: list[int], number: int) -> str:
    """A small bar chart of one term's count per year, as SVG with its numbers as text
    and a text alternative (role img, title)."""
    width = SLOT * len(counts) + 8
    most = max(counts) or 1
    summary = f"{term}：" + "，".join(f"{label}{n}次" for label, n in zip(labels, counts))
    parts = [f'<svg class="term-chart" viewBox="0 0 {width} {CHART_HEIGHT}" width="{width}" height="{CHART_HEIGHT}" '
             f'role="img" aria-labelledby="trend-{number}"><title id="trend-{number}">{escape(summary)}</title>']
    for index, (label, n) in enumerate(zip(labels, counts)):
        middle = 4 + SLOT * index + SLOT // 2
        height = round(BAR_ROOM * n / most)
        top = 16 + BAR_ROOM - height
        if n:
            parts.append(f'<rect x="{middle - BAR_WIDTH // 2}" y="{top}" width="{BAR_WIDTH}" height="{height}"/>')
        parts.append(f'<text x="{middle}" y="{top - 4}" text-anchor="middle">{n}</text>')
        parts.append(f'<text x="{middle}" y="{CHART_HEIGHT - 6}" text-anchor="middle" class="term-chart__year">{escape(label[:-1])}</text>')
    parts.append(f'<line x1="2" x2="{width - 2}" y1="{16 + BAR_ROOM}" y2="{16 + BAR_ROOM}"/></svg>')
    return f'<figure class="term-trend">\n<figcaption>{escape(term)}</figcaption>\n' + "".join(parts) + "\n</figure>"


def terms_table(path: str, listed: list, column: str = "次数") -> str:
    rows = [f"<tr><th>提法</th><th>类别</th><th>{column}</th></tr>"]
    rows += [f"<tr><td>{term_link(path, t)}</td><td>{terms.KINDS[t.kind]}</td><td>{t.count}</td></tr>" for t in listed]
    return table(rows)


def term_link(path: str, term: terms.Term) -> str:
    target = href(path, term.page) + (f"#{term.fragment}" if term.fragment else "")
    return f'<a href="{escape(target)}">{escape(term.text)}</a>'


def table(rows: list[str], label: str = "") -> str:
    """A table in a box that scrolls on a phone; one without links is labelled and
    focusable, so that a keyboard can scroll it."""
    box = f'<div class="compare-table" role="region" aria-label="{escape(label)}" tabindex="0">' if label else '<div class="compare-table">'
    return html_block(box + '\n<table>\n<thead>\n' + rows[0] + "\n</thead>\n<tbody>\n"
                      + "\n".join(rows[1:]) + "\n</tbody>\n</table>\n</div>")


def downloads(page_path: str) -> str:
    return " · ".join(f"[{name}]({md_link(page_path, addresses.terms_file(name))})" for name in ("new.csv", "new.json"))


# --- exports --------------------------------------------------------------------------------


def row(report: Document, term: terms.Term) -> dict:
    return {"place": place_name(report), "year": report.year, "term": term.text, "count": term.count,
            "first_url": addresses.download_url(term.page, term.fragment), "kind": term.kind}
