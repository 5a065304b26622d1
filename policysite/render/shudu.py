"""数读: every figure of a report in tables (the year's main targets, the
other targets by part, results and baselines), each linking to its sentence;
the box of a page's figures above its text.
"""

from __future__ import annotations

from ..annotations import ReportNotes
from ..lang.typography import fullwidth
from ..model import Document, Page
from ..site import addresses
from ..site.addresses import href, md_link
from .markup import anchor, escape, html_block, page, text
from .provenance import credit, crumbs, place_and_year


# Figures a 数读 page lists before it continues on the next: a provincial report
# can hold several hundred, and a page should stay small on a phone.
FIGURES_PER_PAGE = 120


def figures_pages(document: Document, notes: ReportNotes) -> list[Page]:
    """数读: this year's main targets, the other targets by part, then results and
    baselines apart; each figure links to its sentence. Continued on further
    pages (shudu-2/, shudu-3/ …) past FIGURES_PER_PAGE figures."""
    targets = [f for f in notes.figures if f.role == "target"]
    main = [f for f in targets if f.scope == "main"]  # the report's main-targets passage
    period = [f for f in targets if f.scope == "period"]
    others = [f for f in targets if f.scope not in ("main", "period")]
    done = [f for f in notes.figures if f.role != "target"]
    results_note = "上一年或上一个规划期已经完成的数字,以及“从……提高到……”“较……”中作比较的基数,不是本报告的目标。"
    tables = [("主要预期目标", "", main, ["出处", "目标", "指标"]),
              ("各部分的目标", "", others, ["部分", "目标", "指标"]),
              ("规划期目标", "五年规划等多年期的目标(年均、“十五五”时期、到2030年),不是今年的目标。", period, ["部分", "目标", "指标"]),
              ("已实现的结果与基数", results_note, done, ["部分", "结果", "指标"])]
    # Page by page: each a list of (heading, note, figures, columns), tables cut where a page is full.
    chunks: list[list] = [[]]
    room = FIGURES_PER_PAGE
    for heading, note, figures, head in tables:
        continued = False
        while figures:
            if room == 0:
                chunks.append([])
                room = FIGURES_PER_PAGE
            taken, figures = figures[:room], figures[room:]
            chunks[-1].append((heading + ("(续)" if continued else ""), "" if continued else note, taken, head))
            room -= len(taken)
            continued = True
    paths = [addresses.figures(document.slug, number) for number in range(1, len(chunks) + 1)]
    pages = []
    for number, (path, chunk) in enumerate(zip(paths, chunks), 1):
        meta = {
            "title": f"数读:{document.title}" + (f"(第{number}页)" if number > 1 else ""),
            "description": f"{document.title}中的全部数字:主要预期目标和各部分的量化任务。",
            "document": document.title,
            **place_and_year(document),
            "seed": f"seeds/{document.seed}",
            "search": {"exclude": True},  # its figures are found in their sections
            "crumbs": crumbs(document, path),
        }
        body = ["# 数读" + (f"(第{number}页)" if number > 1 else ""),
                f"{text(document.title)}中的数字:今年的目标在前,已实现的结果另列;点击数字查看原句。\n{{ .byline }}"]
        for heading, note, figures, head in chunk:
            body += [f"## {heading}", note, figure_table(figures, document, notes, path, head)]
        if not notes.figures:
            body.append("这篇文章没有可提取的数字。")
        if len(paths) > 1:
            body.append(pager(path, paths, number))
        downloads = [("JSON", addresses.report_file(document.slug, "data.json")), ("CSV", addresses.report_file(document.slug, "figures.csv")),
                     ("数据说明(JSON Schema)", addresses.SCHEMA)]
        body.append("下载:" + " · ".join(f"[{label}]({md_link(path, target)})" for label, target in downloads))
        body.append(credit(document))
        pages.append(page(path, meta, body))
    return pages


def pager(path: str, paths: list[str], number: int) -> str:
    """第 2 / 3 页 with links to the others: a page's place in a run of pages."""
    links = [f"**{n}**" if n == number else f"[{n}]({md_link(path, other)})" for n, other in enumerate(paths, 1)]
    return "页码:" + " · ".join(links) + "\n{ .pager }"


ROLE_LABELS = {"target": "目标", "result": "结果", "baseline": "基数"}


def figure_home(document: Document, notes: ReportNotes, figure) -> tuple[str, str]:
    """The page that holds a figure's sentence and that page's name: its section,
    a part's own page, or the overview (导语)."""
    if figure.section:
        section = document.sections[figure.section - 1]
        return addresses.report_page(document.slug, notes.slug(section)), section.heading
    for part in document.parts:
        if part.first_line <= figure.line <= part.last_line:
            return addresses.report_page(document.slug, notes.slug(part)), part.heading
    return addresses.overview(document.slug), "导语"


def locate(document: Document, notes: ReportNotes, figure) -> tuple[str, str]:
    """Where a figure's sentence is: its page, and a text fragment that scrolls to and marks it."""
    at = figure.sentence.find(figure.text)
    # As the page shows it: full-width punctuation in Chinese text (typography).
    # A table row's cells are joined by spaces in its sentence: the prefix is
    # the words before the figure, which the browser matches across cells.
    prefix = "".join(fullwidth(figure.sentence[max(0, at - 6):at]).split()) if at > 0 else ""
    words = addresses.fragment_words
    fragment = ":~:text=" + (words(prefix) + "-," if prefix else "") + words(fullwidth(figure.text))
    return figure_home(document, notes, figure)[0], fragment


def sentence_link(page_path: str, document: Document, notes: ReportNotes, figure, label: str) -> str:
    """A link to the figure's sentence on its page."""
    target, fragment = locate(document, notes, figure)
    return f'<a href="{escape(href(page_path, target))}#{escape(fragment)}">{label}</a>'


def figure_table(figures, document: Document, notes: ReportNotes, page_path: str, head: list[str]) -> str:
    """A table of figures, each linking to its sentence. With a first column 部分,
    the rows are grouped under their page (one heading row each) rather than
    naming it on every row: a provincial report has hundreds of figures."""
    by_page = head[0] == "部分"
    columns = head[1:] if by_page else head[1:] + head[:1]  # always 目标, 指标 first; 出处 last
    rows = []
    home = None
    index = {id(f): n for n, f in enumerate(notes.figures)}
    for f in figures:
        figure = sentence_link(page_path, document, notes, f, f"<strong>{escape(f.text)}</strong>")
        answers = notes.answers.get(index.get(id(f)), "")
        note = " ".join(filter(None, [escape(unwritten(f)), "" if f.role == "target" else ROLE_LABELS[f.role], escape(answers)]))
        value = figure + (f" <small>{note}</small>" if note else "")
        place, name = figure_home(document, notes, f)
        if by_page:
            if place != home:
                home = place
                rows.append(f'<tr class="figures-table__group"><th colspan="2" scope="colgroup">{anchor(page_path, place, escape(name))}</th></tr>')
            cells = [value, escape(f.indicator or f.measure) or "—"]
        else:
            cells = [value, escape(f.indicator or f.measure) or "—", anchor(page_path, place, escape(name))]
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    head_row = "<tr>" + "".join(f"<th>{h}</th>" for h in columns) + "</tr>"
    return html_block(f'<div class="figures-table">\n<table>\n<thead>\n{head_row}\n</thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>\n</div>")


def unwritten(figure) -> str:
    """The qualifiers the figure's own words do not already show (力争 of 力争…6%以上, not 以上 again)."""
    return " ".join(word for word in figure.qualifier.split() if word not in figure.text)


BOX_ROWS = 6  # rows a section's 数读 box shows before 展开: the text starts on a phone's first screen


def figures_box(document: Document, notes: ReportNotes, position: int, page_path: str) -> str:
    figures = [f for f in notes.figures if f.section == position]
    if not figures:
        return ""
    # Targets first, then what was achieved.
    figures.sort(key=lambda f: f.role != "target")
    items = []
    for f in figures:
        note = " ".join(filter(None, [escape(unwritten(f)), "" if f.role == "target" else ROLE_LABELS[f.role]]))
        items.append(f"<li><strong>{escape(f.text)}</strong> {escape(f.measure)}" + (f" <small>{note}</small>" if note else "") + "</li>")
    shown, rest = items[:BOX_ROWS], items[BOX_ROWS:]
    more = (f'<details>\n<summary>展开其余 {len(rest)} 项</summary>\n<ul>\n' + "\n".join(rest) + "\n</ul>\n</details>\n") if rest else ""
    # Kept out of the search index: its figures are in the text, and search
    # snippets should show the text.
    return html_block(
        '<aside class="figures-box" data-pagefind-ignore aria-label="数读">\n<p class="figures-box__title">数读</p>\n<ul>\n'
        + "\n".join(shown) + "\n</ul>\n" + more
        + f"<p>{anchor(page_path, addresses.figures(document.slug), '全部数字')}</p>\n</aside>"
    )


def target_link(page_path: str, target) -> str:
    """A target of 目标对比 (compare.Target), linking to its sentence."""
    # Bold by the stylesheet (.compare-table td a): a year's table has hundreds of cells.
    return f'<a href="{escape(href(page_path, target.page))}#{escape(target.fragment)}">{escape(target.figure.text)}</a>'
