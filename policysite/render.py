"""Render stage: enriched Documents → Markdown pages with YAML front matter.

Seed text is data, never markup: every string from a seed goes through
`text()` (or YAML serialisation), so it renders as the characters it is.

Prose is Markdown. The lists and tables this stage generates on every page
(数读 box, 相关政策, a report's tag listing, cards, figure tables) are HTML
blocks, which Markdown passes through untouched (the hook's Markdown
extension, policysite.htmlblocks, without even tokenising them): parsing them
as Markdown cost most of a large archive's Markdown time. Their text goes
through `html.escape` and their links through `href()`.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re

import yaml

from . import compare, export
from .enrich import unique
from .groups import MAX_GROUP, archive_groups
from .model import Document, Page, Part, Section
from .typography import fullwidth

GENERATOR = "build.py"
FULLTEXT = "quanwen"   # slug of each document's full-text page
FIGURES = "shudu"      # slug of each document's 数读 page
ENTITIES = "entities"  # site-wide page of places, projects and programmes
SITE_NAME = "政府工作报告"
YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
MAX_MENTIONS = 12      # sentences shown for one place or project on the 地名与项目 page
MAX_SITE_TAGS = 60     # tags of one kind on an archive's tag index
# Lines around each generated HTML block (see html_block).
HTML_BLOCK_START = "<!-- policysite:html -->"
HTML_BLOCK_END = "<!-- /policysite:html -->"


def render(documents: list[Document], pages_of_report=None) -> list[Page]:
    """Every generated page of the site, sorted by path. `pages_of_report`
    makes a report's pages (report_pages, or one that remembers them)."""
    pages_of_report = pages_of_report or report_pages
    archive = is_archive(documents)
    pages = site_pages(documents)
    for document in documents:
        pages.extend(pages_of_report(document, archive))
    return sorted(pages, key=lambda page: page.path)


def site_pages(documents: list[Document]) -> list[Page]:
    """The pages about all reports: home, 目标对比, tags, places, 关于."""
    newest = sorted(documents, key=lambda d: (d.date, d.slug), reverse=True)
    archive = is_archive(documents)
    pages = [*home_pages(newest), site_entities_page(documents) if archive else entities_page(documents), *about_pages(newest)]
    pages.append(site_tags_page(documents) if archive else tags_page(documents))
    pages.append(Page(export.SCHEMA_PATH, export.schema_json()))
    targets = compare.all_targets(documents, locate)
    if targets:
        pages.extend(compare_pages(documents, targets))
        pages.append(Page(f"{compare.FOLDER}/targets.csv", compare.targets_csv(targets)))
        pages.append(Page(f"{compare.FOLDER}/targets.json", compare.targets_json(targets)))
    return pages


def report_pages(document: Document, archive: bool) -> list[Page]:
    """One report's own pages: a function of the enriched report alone (and of
    whether the site is an archive), which is what lets a live preview keep them."""
    pages = []
    if archive:  # each report lists its own tags and names; the site's pages would grow without end
        pages.append(tags_page([document], prefix=f"{document.slug}/"))
        pages.append(entities_page([document], prefix=f"{document.slug}/"))
    pages.append(overview_page(document))
    pages.append(fulltext_page(document))
    pages.extend(figures_pages(document))
    pages.append(Page(f"{document.slug}/data.json", export.document_json(document)))
    pages.append(Page(f"{document.slug}/figures.csv", export.figures_csv(document)))
    pages.extend(section_page(document, section, position) for position, section in enumerate(document.sections, 1))
    pages.extend(part_page(document, part) for part in document.parts)
    return pages


def nav(documents: list[Document]) -> list:
    """MkDocs navigation: documents newest first, sections in article order.

    With navigation.prune each page renders only the path to itself, so with
    an archive grouped by year (and place) a page lists a bounded number of
    links however large the archive grows.
    """
    entries: list = [{"首页": "index.md"}]
    archive = is_archive(documents)
    for group in archive_groups(documents):  # newest first: a group follows its siblings
        level = entries
        for title in group.titles:
            if not level or title not in level[-1]:
                level.append({title: []})
            level = level[-1][title]
        # Under its place a report is its year (its title when the place has two of one year).
        years = [document.year for document in group.documents]
        level.extend(
            document_nav(document, with_tags=archive,
                         title=f"{document.year}年" if group.titles and document.year and years.count(document.year) == 1 else "")
            for document in group.documents
        )
    targets = compare.all_targets(documents, locate)
    if targets:
        years = compare_years(targets)
        places = places_over_years(targets)
        section = [{"概览": f"{compare.FOLDER}/index.md"}]
        if len(years) > 1:
            section += [{f"{y or '未注明年份'}年": f"{compare.FOLDER}/{y or 'nianfen'}.md"} for y in years]
        if places:
            section.append({"各地历年": [{place: f"{compare.FOLDER}/{slug}.md"} for place, (slug, _) in places.items()]})
        entries.insert(1, {"目标对比": section[0]["概览"] if len(section) == 1 else section})
    entries += [{"标签": "tags.md"}, {"地名与项目": f"{ENTITIES}.md"}, {"关于": "about.md"}]
    return entries


def document_nav(document: Document, with_tags: bool = False, title: str = "") -> dict:
    """A report's pages in source order; a part with items is a group, its overview first."""
    children: list = [{"概览": f"{document.slug}/index.md"}, {"数读": f"{document.slug}/{FIGURES}.md"}]
    for section in document.sections:
        entry = {section.heading: f"{document.slug}/{section.slug}.md"}
        part = section.part
        if part is None:
            children.append(entry)
            continue
        if not (children and part.heading in children[-1] and isinstance(children[-1][part.heading], list)):
            children.append({part.heading: [{"概述": f"{document.slug}/{part.slug}.md"}]})
        children[-1][part.heading].append(entry)
    children.append({"全文": f"{document.slug}/{FULLTEXT}.md"})
    if with_tags:
        children.append({"标签": f"{document.slug}/tags.md"})
        children.append({"地名与项目": f"{document.slug}/{ENTITIES}.md"})
    return {title or document.title: children}


# --- pages -------------------------------------------------------------------------


def section_page(document: Document, section: Section, position: int) -> Page:
    meta = {
        "title": section.heading,
        "description": section.subtitle or first_sentence(section.paragraphs),
        "tags": chip_order(section),
        "document": document.title,
        **place_and_year(document),
        "outlet": document.outlet,
        "date": document.date,
        "author": document.footer.reporter,
        "seed": f"seeds/{document.seed}",
        "lines": [section.first_line, section.last_line],
        "position": position,
        "sections": len(document.sections),
    }
    if section.part is not None:
        meta["part"] = section.part.heading
    path = f"{document.slug}/{section.slug}.md"
    meta["crumbs"] = crumbs(document, path, section.part)
    body = [f"# {text(section.heading)}"]
    if section.subtitle:
        body.append(lead(section.subtitle))
    body.append(figures_box(document, position, path))
    body += section_body(section, level=2, run_in_headings=True, notes=notes_link(document, path))
    body.append(related_block(document, section, path))
    body.append(credit(document, link=f"{FULLTEXT}.md#{section.slug}"))
    return page(path, meta, body)


def overview_page(document: Document, prefix: str = "", search: bool = True) -> Page:
    meta = {
        "title": document.title,
        "description": first_sentence(document.intro) or document.title,
        "document": document.title,
        **place_and_year(document),
        "outlet": document.outlet,
        "date": document.date,
        "author": document.footer.reporter,
        "seed": f"seeds/{document.seed}",
    }
    if not search:
        meta["search"] = {"exclude": True}
    path = "index.md" if prefix else f"{document.slug}/index.md"  # the home page, or the report's own
    # The home page of a one-report site is the site's, with the report under it;
    # the report's own overview has the report's title.
    body = [f"# {SITE_NAME}", f"## [{text(document.title)}]({prefix}index.md)"] if prefix else [f"# {text(document.title)}"]
    body.append(byline(document))
    body += [text(paragraph) for paragraph in document.intro]
    body.append("## 各部分")
    body += part_cards(document, path, prefix)
    body.append(f"[阅读全文]({prefix}{FULLTEXT}.md){{ .md-button }} [数读:报告里的数字]({prefix}{FIGURES}.md){{ .md-button }}")
    body.append(credit(document))
    return page(path, meta, body)


def fulltext_page(document: Document) -> Page:
    meta = {
        "title": f"全文:{document.title}",
        "description": first_sentence(document.intro) or document.title,
        "document": document.title,
        **place_and_year(document),
        "outlet": document.outlet,
        "date": document.date,
        "seed": f"seeds/{document.seed}",
        # The whole article repeats every section: search finds the sections
        # (and the intro on the overview), and indexes each text once.
        "search": {"exclude": True},
        "crumbs": crumbs(document, f"{document.slug}/{FULLTEXT}.md"),
    }
    body = [f"# 全文：{text(document.title)}", byline(document)]
    body += [text(paragraph) for paragraph in document.intro]
    path, part = f"{document.slug}/{FULLTEXT}.md", None
    for section in document.sections:
        level = 2
        if section.part is not None:
            level = 3
            if section.part is not part:
                part = section.part
                body.append(f"## {text(part.heading)} {{ #{part.slug} }}")
                body += paragraphs_with_tables(part.paragraphs)
        body.append(f"{'#' * level} {text(section.heading)} {{ #{section.slug} }}")
        if section.subtitle:
            body.append(lead(section.subtitle))
        body += section_body(section, level=level + 1, run_in_headings=False, notes=notes_link(document, path))
    body += [text(line) for line in document.footer.lines]
    return page(f"{document.slug}/{FULLTEXT}.md", meta, body)


# Figures a 数读 page lists before it continues on the next: a provincial report
# can hold several hundred, and a page should stay small on a phone.
FIGURES_PER_PAGE = 120


def figures_pages(document: Document) -> list[Page]:
    """数读: this year's main targets, the other targets by part, then results and
    baselines apart; each figure links to its sentence. Continued on further
    pages (shudu-2/, shudu-3/ …) past FIGURES_PER_PAGE figures."""
    targets = [f for f in document.figures if f.role == "target"]
    main = compare.first_targets(targets, document.year)
    others = [f for f in targets if f not in main]
    done = [f for f in document.figures if f.role != "target"]
    results_note = "上一年或上一个规划期已经完成的数字,以及“从……提高到……”“较……”中作比较的基数,不是本报告的目标。"
    tables = [("主要预期目标", "", main, ["指标", "目标", "出处"]),
              ("各部分的目标", "", others, ["部分", "目标", "指标"]),
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
    paths = [f"{document.slug}/{FIGURES}.md"] + [f"{document.slug}/{FIGURES}-{n}.md" for n in range(2, len(chunks) + 1)]
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
            body += [f"## {heading}", note, figure_table(figures, document, path, head)]
        if not document.figures:
            body.append("这篇文章没有可提取的数字。")
        if len(paths) > 1:
            body.append(pager(path, paths, number))
        body.append(f"下载:[JSON](data.json) · [CSV](figures.csv) · [数据说明(JSON Schema)](../{export.SCHEMA_PATH})")
        body.append(credit(document))
        pages.append(page(path, meta, body))
    return pages


def pager(path: str, paths: list[str], number: int) -> str:
    """第 2 / 3 页 with links to the others: a page's place in a run of pages."""
    links = [f"**{n}**" if n == number else f"[{n}]({md_link(path, other)})" for n, other in enumerate(paths, 1)]
    return "页码:" + " · ".join(links) + "\n{ .pager }"


ROLE_LABELS = {"target": "目标", "result": "结果", "baseline": "基数"}


def figure_home(document: Document, figure) -> tuple[str, str]:
    """The page that holds a figure's sentence and that page's name: its section,
    a part's own page, or the overview (导语)."""
    if figure.section:
        section = document.sections[figure.section - 1]
        return f"{document.slug}/{section.slug}.md", section.heading
    for part in document.parts:
        if part.first_line <= figure.line <= part.last_line:
            return f"{document.slug}/{part.slug}.md", part.heading
    return f"{document.slug}/index.md", "导语"


def figure_page(document: Document, figure) -> str:
    return figure_home(document, figure)[0]


def locate(document: Document, figure) -> tuple[str, str]:
    """Where a figure's sentence is: its page, and a text fragment that scrolls to and marks it."""
    at = figure.sentence.find(figure.text)
    # As the page shows it: full-width punctuation in Chinese text (typography).
    # A table row's cells are joined by spaces in its sentence: the prefix is
    # the words before the figure, which the browser matches across cells.
    prefix = "".join(fullwidth(figure.sentence[max(0, at - 6):at]).split()) if at > 0 else ""
    fragment = ":~:text=" + (quote_fragment(prefix) + "-," if prefix else "") + quote_fragment(fullwidth(figure.text))
    return figure_page(document, figure), fragment


def sentence_link(page_path: str, document: Document, figure, label: str) -> str:
    """A link to the figure's sentence on its page."""
    target, fragment = locate(document, figure)
    return f'<a href="{escape(href(page_path, target))}#{escape(fragment)}">{label}</a>'


def quote_fragment(text: str) -> str:
    """A text fragment's words: ASCII escaped as the syntax needs (- , & %), Chinese
    characters as they are (the browser encodes them; a third of the bytes)."""
    from urllib.parse import quote

    return "".join(char if ord(char) > 127 else quote(char, safe="") for char in text)


def figure_table(figures, document: Document, page_path: str, head: list[str]) -> str:
    """A table of figures, each linking to its sentence. With a first column 部分,
    the rows are grouped under their page (one heading row each) rather than
    naming it on every row: a provincial report has hundreds of figures."""
    by_page = head[0] != "指标"
    columns = head[1:] if by_page else head
    rows = []
    home = None
    for f in figures:
        figure = sentence_link(page_path, document, f, f"<strong>{escape(f.text)}</strong>")
        # The qualifier is shown when the figure's own words do not already say it.
        qualifier = f.qualifier if f.qualifier and f.qualifier not in f.text else ""
        note = " ".join(filter(None, [escape(qualifier), "" if f.role == "target" else ROLE_LABELS[f.role]]))
        value = figure + (f" <small>{note}</small>" if note else "")
        place, name = figure_home(document, f)
        if by_page:
            if place != home:
                home = place
                rows.append(f'<tr><th colspan="2" scope="colgroup">{anchor(page_path, place, escape(name))}</th></tr>')
            cells = [value, escape(f.measure) or "—"]
        else:
            cells = [escape(f.indicator), value, anchor(page_path, place, escape(name))]
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    head_row = "<tr>" + "".join(f"<th>{h}</th>" for h in columns) + "</tr>"
    return html_block(f'<div class="figures-table">\n<table>\n<thead>\n{head_row}\n</thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>\n</div>")


BOX_ROWS = 6  # rows a section's 数读 box shows before 展开: the text starts on a phone's first screen


def figures_box(document: Document, position: int, page_path: str) -> str:
    figures = [f for f in document.figures if f.section == position]
    if not figures:
        return ""
    # Targets first, then what was achieved.
    figures.sort(key=lambda f: f.role != "target")
    items = []
    for f in figures:
        note = " ".join(filter(None, [escape(f.qualifier), "" if f.role == "target" else ROLE_LABELS[f.role]]))
        items.append(f"<li><strong>{escape(f.text)}</strong> {escape(f.measure)}" + (f" <small>{note}</small>" if note else "") + "</li>")
    shown, rest = items[:BOX_ROWS], items[BOX_ROWS:]
    more = (f'<details>\n<summary>展开其余 {len(rest)} 项</summary>\n<ul>\n' + "\n".join(rest) + "\n</ul>\n</details>\n") if rest else ""
    # Kept out of the search index: its figures are in the text, and search
    # snippets should show the text.
    return html_block(
        '<aside class="figures-box" data-pagefind-ignore aria-label="数读">\n<p class="figures-box__title">数读</p>\n<ul>\n'
        + "\n".join(shown) + "\n</ul>\n" + more
        + f"<p>{anchor(page_path, f'{document.slug}/{FIGURES}.md', '全部数字')}</p>\n</aside>"
    )


def part_page(document: Document, part: Part) -> Page:
    """A part of a report whose items are pages: its own text, then its items."""
    items = [section for section in document.sections if section.part is part]
    meta = {
        "title": part.heading,
        "description": first_sentence(part.paragraphs) or f"{document.title}:{part.heading}",
        "document": document.title,
        **place_and_year(document),
        "outlet": document.outlet,
        "date": document.date,
        "seed": f"seeds/{document.seed}",
        "lines": [part.first_line, part.last_line],
    }
    path = f"{document.slug}/{part.slug}.md"
    meta["crumbs"] = crumbs(document, path)
    body = [f"# {text(part.heading)}"]
    body += paragraphs_with_tables(part.paragraphs, notes_link(document, path))
    body.append("## 本部分各项")
    body.append(section_cards(document, path, items))
    body.append(credit(document, link=f"{FULLTEXT}.md#{part.slug}"))
    return page(path, meta, body)


def crumbs(document: Document, page_path: str, part: Part | None = None) -> list[dict]:
    """Where a page stands, for the breadcrumb above its title: the place, the
    report (linked), the part (linked)."""
    trail = [{"title": document.place_name or document.place}] if document.place_name or document.place else []
    trail.append({"title": document.title, "url": href(page_path, f"{document.slug}/index.md")})
    if part is not None:
        trail.append({"title": part.heading, "url": href(page_path, f"{document.slug}/{part.slug}.md")})
    return trail


def place_and_year(document: Document) -> dict:
    """Where and when the report is, for every page's front matter."""
    return {"place": document.place_name or document.place, "year": document.year}


# Reports the home page lists row by row (newest years first); the older years
# beyond them are listed by place, each year's table on a page of its own
# (reports/<year>/), so the home page stays small however large the archive.
HOME_ROWS = 100
REPORTS = "reports"


def home_pages(documents: list[Document]) -> list[Page]:
    """With one document the home page is its overview; with more, an index of them."""
    if len(documents) == 1:
        only = documents[0]
        overview = overview_page(only, prefix=f"{only.slug}/", search=False)
        return [Page("index.md", overview.content)]
    meta = {"title": SITE_NAME, "description": "政府工作报告逐条阅读：按政策主题切分、可搜索、可按标签浏览。"}
    years = sorted({d.year for d in documents if d.year}, reverse=True) + ([""] if any(not d.year for d in documents) else [])
    named = [y for y in years if y]
    span = f"{named[-1]}—{named[0]}年" if len(named) > 1 else (f"{named[0]}年" if named else "")
    places = {d.place_name or d.place for d in documents if d.place_name or d.place}
    body = [
        f"# {SITE_NAME}",
        f"本站收录{span}{len(places)}个地方的{len(documents)}份政府工作报告及相关报道，每份按政策条目分页。"
        "用页面顶部的搜索框可搜全部报告（可按年份、地区或报告筛选）；[目标对比](compare/index.md)把各地的主要预期目标并排列出。",
    ]
    pages, room = [], HOME_ROWS
    for year in years:
        of_year = [d for d in documents if d.year == year]
        body.append(f"## {year}年" if year else "## 未注明年份")
        if len(of_year) <= room:
            room -= len(of_year)
            body.append(report_table(of_year, "index.md"))
            continue
        room = 0  # older years are listed by place too, so the years stay in order
        path = f"{REPORTS}/{year or 'nianfen'}.md"
        body.append(report_links(of_year, "index.md"))
        body.append(f"[{len(of_year)}份报告的日期、报告人和条目数]({path})")
        title = f"{year}年的报告" if year else "未注明年份的报告"
        pages.append(page(path, {"title": title, "description": f"{title}：地区、层级、日期、报告人和条目数。", "search": {"exclude": True}},
                          [f"# {title}", report_table(of_year, path)]))
    return [page("index.md", meta, body), *pages]


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
                f'<td>{anchor(page_path, f"{document.slug}/index.md", escape(document.title))}</td>'
                f"<td>{escape(chinese_date(document.delivered or document.published or document.date))}</td>"
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
            links.append(anchor(page_path, f"{document.slug}/index.md", escape(label)))
        head = f"<strong>{escape(province)}</strong>：" if named_group(province, of_province) else ""
        items.append(f"<li>{head}{' · '.join(links)}</li>")
    return html_block('<ul class="home-places">\n' + "\n".join(items) + "\n</ul>")


def provinces(documents: list[Document]) -> list[tuple[str, list[Document]]]:
    """Reports grouped by province (a city or district under its own), provinces in pinyin order;
    within one, province first, then cities and their districts by name."""
    from . import places

    def province_of(document: Document) -> str:
        code = document.place_code
        place = places.divisions().get(code[:2] + "0000") if code else None
        return place.name if place else ("全国" if document.level == "全国" else "")

    groups: dict[str, list[Document]] = {}
    for document in documents:
        groups.setdefault(province_of(document), []).append(document)
    level_rank = {"省级": 0, "市级": 1, "区县级": 2}
    return [
        (province, sorted(found, key=lambda d: (d.place_code[:4] if d.place_code else "", level_rank.get(d.level, 3),
                                                pinyin_key(d.place_name or d.title), d.slug)))
        for province, found in sorted(groups.items(), key=lambda item: (item[0] != "全国", not item[0], pinyin_key(item[0])))
    ]


def chinese_date(iso: str) -> str:
    """2022-01-21T22:38:00+08:00 → 2022年1月21日."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    return f"{match[1]}年{int(match[2])}月{int(match[3])}日" if match else "—"


def compare_years(targets: list) -> list[str]:
    """The years of the targets, newest first ("" for reports without one, last)."""
    return sorted({t.document.year for t in targets}, key=lambda year: year or "0", reverse=True)


def compare_pages(documents: list[Document], targets: list) -> list[Page]:
    """目标对比: an overview, and with several years a page per year (each year's
    table grows with the reports of that year only)."""
    years = compare_years(targets)
    places = [place_compare_page(place, slug, found) for place, (slug, found) in places_over_years(targets).items()]
    if len(years) == 1:
        return [compare_page(targets, years)] + places
    return [compare_page(targets, [])] + [compare_page(targets, [year], year=year) for year in years] + places


def compare_page(targets: list, years: list[str], year: str | None = None) -> Page:
    """目标对比: the given years' main targets side by side; on the overview,
    each place's targets over the years."""
    path = f"{compare.FOLDER}/{year or 'nianfen'}.md" if year is not None else f"{compare.FOLDER}/index.md"
    title = f"目标对比:{year or '未注明年份'}年" if year is not None else "目标对比"
    meta = {"title": title, "description": "各报告的主要预期目标按指标对齐，逐年比较。", "search": {"exclude": True}}
    body = [f"# {text(title)}", "各报告的主要预期目标按指标对齐，每格是报告原文的写法，点击查看原句；点击表头可排序。"
            "\n{ .byline }"]
    if year is None and not years:  # the overview of several years: where each year's table is
        body.append("\n".join(
            f"- [{y or '未注明年份'}年]({y or 'nianfen'}.md):{len({t.document.slug for t in targets if t.document.year == y})}份报告"
            for y in compare_years(targets)
        ))
    for year_shown in years:
        of_year = [t for t in targets if t.document.year == year_shown]
        indicators = sorted({t.indicator for t in of_year}, key=lambda name: compare.ORDER.get(name, 99))
        reports = list({t.document.slug: t.document for t in of_year}.values())
        cells = {(t.document.slug, t.indicator): t for t in of_year}
        if year is None:
            body.append(f"## {year_shown or '未注明年份'}年")
        rows = ['<tr><th><button type="button" class="sort">报告</button></th>'
                + "".join(f'<th><button type="button" class="sort">{escape(i)}</button></th>' for i in indicators) + "</tr>"]
        places_seen = [d.place_name or d.title for d in reports]
        for document in reports:
            name = document.place_name or document.title
            if places_seen.count(name) > 1:  # several texts on one place's report (news, explainers)
                name = f"{name}（{document.title}）"
            row = [f'<td>{anchor(path, f"{document.slug}/index.md", escape(name))}</td>']
            for indicator in indicators:
                target = cells.get((document.slug, indicator))
                row.append(f'<td data-value="{target.figure.low:g}">{target_link(path, target)}</td>' if target else "<td>—</td>")
            rows.append("<tr>" + "".join(row) + "</tr>")
        body.append(html_block('<div class="compare-table sortable">\n<table>\n<thead>\n' + rows[0]
                               + "\n</thead>\n<tbody>\n" + "\n".join(rows[1:]) + "\n</tbody>\n</table>\n</div>"))
    if year is not None:
        body.append("下载：[targets.csv](targets.csv) · [targets.json](targets.json)")
        return page(path, meta, body)
    several = places_over_years(targets)
    if several:
        body.append("## 各地历年目标")
        body.append("\n".join(
            f"- [{text(place)}]({slug}.md):{'、'.join(sorted({t.document.year + '年' for t in found}))}"
            for place, (slug, found) in several.items()
        ))
    body.append("下载：[targets.csv](targets.csv) · [targets.json](targets.json)（每个报告 × 指标一行：地区、层级、年份、指标、原文、"
                "下限、上限、单位、限定词、原句链接）")
    return page(path, meta, body)


def places_over_years(targets: list) -> dict[str, tuple[str, list]]:
    """Places with targets in several years → (page name under compare/, their targets), in pinyin order."""
    by_place: dict[str, list] = {}
    for t in targets:
        by_place.setdefault(t.document.place_name or t.document.place, []).append(t)
    found, taken = {}, set()
    for place, of_place in sorted(by_place.items(), key=lambda item: pinyin_key(item[0])):
        if place and len({t.document.year for t in of_place}) > 1:
            base = re.sub(r"-\d{4}(?:-\d+)?$", "", of_place[0].document.slug) or "place"
            slug = unique(base, taken)
            found[place] = (slug, of_place)
    return found


def place_compare_page(place: str, slug: str, found: list) -> Page:
    """One place's main targets year by year, with the change from the year before."""
    path = f"{compare.FOLDER}/{slug}.md"
    meta = {"title": f"目标对比:{place}", "description": f"{place}历年政府工作报告的主要预期目标。", "search": {"exclude": True}}
    body = [f"# {text(meta['title'])}", "每格是报告原文的写法，点击查看原句；括号里是与上一年相比的变化。\n{ .byline }"]
    place_years = sorted({t.document.year for t in found})
    indicators = sorted({t.indicator for t in found}, key=lambda name: compare.ORDER.get(name, 99))
    cells = {(t.document.year, t.indicator): t for t in found}
    rows = ["<tr><th>指标</th>" + "".join(f"<th>{y}年</th>" for y in place_years) + "</tr>"]
    for indicator in indicators:
        row, previous = [f"<td>{escape(indicator)}</td>"], None
        for y in place_years:
            target = cells.get((y, indicator))
            if target is None:
                row.append("<td>—</td>")
                continue
            moved = compare.change(previous.figure, target.figure) if previous else ""
            row.append(f"<td>{target_link(path, target)}" + (f" <small>{moved}</small>" if moved else "") + "</td>")
            previous = target
        rows.append("<tr>" + "".join(row) + "</tr>")
    body.append(html_block('<div class="compare-table">\n<table>\n<thead>\n' + rows[0] + "\n</thead>\n<tbody>\n"
                           + "\n".join(rows[1:]) + "\n</tbody>\n</table>\n</div>"))
    return page(path, meta, body)


def target_link(page_path: str, target) -> str:
    # Bold by the stylesheet (.compare-table td a): a year's table has hundreds of cells.
    return f'<a href="{escape(href(page_path, target.page))}#{escape(target.fragment)}">{escape(target.figure.text)}</a>'


# Tag kinds as the tag index groups them; enrich names the kinds.
KIND_TITLES = {"place": "地点", "org": "机构与项目", "policy": "政策", "topic": "主题"}


def tag_kinds(documents: list[Document]) -> dict[str, str]:
    """Every tag of the site → its kind (the first kind it was given, in article order)."""
    kinds: dict[str, str] = {}
    for document in documents:
        for section in document.sections:
            for tag in section.tags:
                kinds.setdefault(tag, section.kinds.get(tag, "topic"))
    return kinds


def tag_sections(documents: list[Document]) -> dict[str, list[tuple[Document, Section]]]:
    found: dict[str, list[tuple[Document, Section]]] = {}
    for document in documents:
        for section in document.sections:
            for tag in section.tags:
                found.setdefault(tag, []).append((document, section))
    return found


def newest_first(sections: dict[str, list[tuple[Document, Section]]]) -> dict[str, list[tuple[Document, Section]]]:
    """Each tag's sections, newest report first (article order within a report)."""
    return {tag: sorted(found, key=lambda pair: pair[0].date, reverse=True) for tag, found in sections.items()}


def tags_of_kind(kind: str, kinds: dict[str, str], sections: dict[str, list]) -> list[str]:
    """Tags of one kind, those covering the most sections first."""
    return sorted((tag for tag, k in kinds.items() if k == kind), key=lambda t: (-len(sections[t]), t))


# Sections of several reports beyond which tags and names are listed per report:
# one listing of every tag's pages grows with the archive's square.
LISTING_SECTIONS = 60


def is_archive(documents: list[Document]) -> bool:
    """Whether each report lists its own tags and names (an archive): when the
    navigation groups the reports, or when several reports have many sections."""
    if any(group.titles for group in archive_groups(documents)):
        return True
    return len(documents) > 1 and sum(len(d.sections) for d in documents) > LISTING_SECTIONS


def tags_page(documents: list[Document], prefix: str = "") -> Page:
    """Tags grouped by kind, each with how many sections it covers; Material lists the pages.

    With a prefix, the tags of one report of an archive, listed here rather
    than by Material's tags plugin, whose listings each scan every page of the
    site (an archive's square); tag chips link here (overrides/partials/tags.html).
    """
    meta = {"title": "标签", "description": "按地点、机构与项目、政策和主题浏览各政策部分。", "search": {"exclude": True}}
    sections = tag_sections(documents)
    path = f"{prefix}tags.md"
    body = ["# 标签"]
    if prefix:
        body.append(f"{text(documents[0].title)}的标签。[全站标签](../tags.md)\n{{ .byline }}")
    for title, names in tags_by_kind(documents, sections):
        body.append(f"## {title}")
        if prefix:
            body.append(html_block("<ul>\n" + "\n".join(
                f'<li><strong id="tag:{escape(tag_anchor(tag))}">{escape(tag)}</strong>:'
                + "、".join(anchor(path, f"{prefix}{section.slug}.md", escape(section.heading)) for _, section in sections[tag])
                + "</li>"
                for tag in names
            ) + "\n</ul>"))
            continue
        # Raw links: the anchors are made by the tags plugin after MkDocs checks Markdown links.
        body.append(" ".join(tag_count(tag, len(sections[tag]), f"#tag:{tag_anchor(tag)}") for tag in names))
        include = json.dumps(names, ensure_ascii=False)
        body.append(f"<!-- material/tags {{ include: {include}, toc: false }} -->")
    return page(path, meta, body)


def site_tags_page(documents: list[Document]) -> Page:
    """An archive's tag index: the most used tags by kind, each linking to the
    newest report's listing of it (each report has its own tags page)."""
    meta = {"title": "标签", "description": "按地点、机构与项目、政策和主题浏览各报告的政策部分。", "search": {"exclude": True}}
    sections = newest_first(tag_sections(documents))
    body = ["# 标签", f"各报告中最常见的标签,每类至多{MAX_SITE_TAGS}个;数字为涉及的部分数,链接到最新一份报告的标签页。\n{{ .byline }}"]
    for title, names in tags_by_kind(documents, sections, most=MAX_SITE_TAGS):
        body.append(f"## {title}")
        body.append(" ".join(
            tag_count(tag, len(sections[tag]), f"../{sections[tag][0][0].slug}/tags/#tag:{tag_anchor(tag)}")
            for tag in names
        ))
    return page("tags.md", meta, body)


def tags_by_kind(documents: list[Document], sections: dict[str, list], most: int | None = None) -> list[tuple[str, list[str]]]:
    """(kind title, its tags) for each kind that has tags: the `most` used (all
    by default), listed in pinyin order."""
    kinds = tag_kinds(documents)
    found = [(title, sorted(tags_of_kind(kind, kinds, sections)[:most], key=pinyin_key)) for kind, title in KIND_TITLES.items()]
    return [(title, names) for title, names in found if names]


CHIP_KINDS = ["place", "org", "policy", "topic"]


def chip_order(section: Section) -> list[str]:
    """A page's tags as its chips show them: by kind (places first), then pinyin."""
    kind_rank = {kind: rank for rank, kind in enumerate(CHIP_KINDS)}
    return sorted(section.tags, key=lambda tag: (kind_rank.get(section.kinds.get(tag, "topic"), 3), pinyin_key(tag)))


@functools.lru_cache(maxsize=None)
def pinyin_key(text: str) -> tuple:
    """Sort key in pinyin order (tags and places recur across an archive's pages: read once)."""
    from pypinyin import lazy_pinyin

    return (tuple(lazy_pinyin(text)), text)


def tag_count(tag: str, count: int, href: str) -> str:
    return f'<a class="tag-count" href="{html.escape(href)}">{text(tag)}&nbsp;<small>{count}</small></a>'


def tag_anchor(tag: str) -> str:
    """The id Material's tags plugin gives a tag's listing (pymdownx slugify, lower case)."""
    from pymdownx.slugs import slugify

    return slugify(case="lower")(tag, "-")


def entities_page(documents: list[Document], prefix: str = "") -> Page:
    """地名与项目: each place, project and programme with the sentences that name it.

    With a prefix, those of one report of an archive (each report has its own,
    as with tags: the site's page would grow with the archive).
    """
    meta = {
        "title": "地名与项目",
        "description": "报告提到的地点、机构与项目、政策,以及提到它们的原文句子。",
        # Its sentences are the sections' own, which search finds; indexing
        # them again would grow every reader's download with the archive.
        "search": {"exclude": True},
    }
    path = f"{prefix}{ENTITIES}.md"
    kinds, sections = tag_kinds(documents), newest_first(tag_sections(documents))
    body = ["# 地名与项目", "报告中出现的地点、机构与项目和政策名称,附原文句子和所在部分。"]
    if prefix:
        meta["document"] = documents[0].title
        meta["crumbs"] = crumbs(documents[0], path)
        body[1] = f"{text(documents[0].title)}中出现的地点、机构与项目和政策名称,附原文句子和所在部分。[全站地名与项目](../{ENTITIES}.md)"
    for kind in ("place", "org", "policy"):
        names = sorted(tags_of_kind(kind, kinds, sections), key=pinyin_key)
        if not names:
            continue
        body.append(f"## {KIND_TITLES[kind]}")
        for name in names:
            # A name in bold, not a heading: the contents sidebar would list every one.
            body.append(f"**{text(name)}**\n{{ #{tag_anchor(name)} .entity }}")
            items = []
            for document, section in sections[name]:
                link = md_link(path, f"{document.slug}/{section.slug}.md")
                for sentence in mentioning(section, name):
                    items.append(f"- {text(sentence)} ([{text(section.heading)}]({link}))")
            # Newest reports first, a bounded number each: an archive names 白鹅潭 every year.
            shown = items[:MAX_MENTIONS]
            if len(items) > len(shown):
                shown.append(f"- 另有{len(items) - len(shown)}处提及,可用搜索查找。")
            body.append("\n".join(shown))
    return page(path, meta, body)


def site_entities_page(documents: list[Document]) -> Page:
    """An archive's 地名与项目: the most named places, projects and programmes by
    kind, each linking to the newest report's own listing of it."""
    meta = {"title": "地名与项目", "description": "各报告提到的地点、机构与项目、政策。", "search": {"exclude": True}}
    sections = newest_first(tag_sections(documents))
    kinds = tag_kinds(documents)
    body = ["# 地名与项目", f"各报告中最常提到的地点、机构与项目和政策,每类至多{MAX_SITE_TAGS}个;"
            "数字为涉及的部分数,链接到最新一份报告里提到它的原文句子。\n{ .byline }"]
    for kind in ("place", "org", "policy"):
        names = sorted(tags_of_kind(kind, kinds, sections)[:MAX_SITE_TAGS], key=pinyin_key)
        if names:
            body.append(f"## {KIND_TITLES[kind]}")
            body.append(" ".join(
                tag_count(name, len(sections[name]), f"../{sections[name][0][0].slug}/{ENTITIES}/#{tag_anchor(name)}")
                for name in names
            ))
    return page(f"{ENTITIES}.md", meta, body)


MENTION_CONTEXT = 24  # characters either side of a name in a long sentence on 地名与项目


def mentioning(section: Section, name: str) -> list[str]:
    """The sentences naming `name`; a long one cut to the words around it (…狠抓白鹅潭商务区…),
    so the page stays small however often a report names it."""
    sentences = [s for p in [section.subtitle, *section.paragraphs] for s in re.split(r"(?<=[。!?;])", p) if s]
    found = []
    for sentence in sentences:
        at = sentence.find(name)
        if at < 0:
            continue
        if len(sentence) > 2 * MENTION_CONTEXT + len(name) + 8:
            start, end = max(0, at - MENTION_CONTEXT), min(len(sentence), at + len(name) + MENTION_CONTEXT)
            sentence = ("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else "")
        found.append(sentence)
    return found


def related_block(document: Document, section: Section, page_path: str) -> str:
    if not section.related:
        return ""
    items = []
    for related in section.related:
        link = anchor(page_path, f"{related.document}/{related.slug}.md", escape(related.heading))
        shared = "、".join(escape(tag) for tag in related.shared)
        report = f"<span class=\"related__report\">{escape(related.report)}</span> " if related.report else ""
        items.append(f"<li>{report}{link} <small>共同标签:{shared}</small></li>")
    # Marked as its own, so print (extra.css) can leave it out.
    return "## 相关政策 { .related }\n\n" + html_block('<ul class="related">\n' + "\n".join(items) + "\n</ul>")


# Reports whose sources 关于 lists itself; beyond, one page of sources per year.
ABOUT_SOURCES = 30


def about_pages(documents: list[Document]) -> list[Page]:
    # Not searched: a list of every source, as long as the archive, that no query is for.
    meta = {"title": "关于", "description": "本站内容的来源与版权说明。", "search": {"exclude": True}}
    body = [
        "# 关于",
        "本站把政府工作报告及其报道按政策条目分页，便于阅读、搜索、比较各地的目标。"
        "正文逐字取自下列来源，版权归原作者和原发媒体所有；每页页脚都注明出处。",
        "## 来源",
    ]
    if len(documents) <= ABOUT_SOURCES:
        body += [source_entry(document, "about.md") for document in documents]
        return [page("about.md", meta, body)]
    years = sorted({d.year for d in documents}, key=lambda y: y or "0", reverse=True)
    pages, links = [], []
    for year in years:
        of_year = [d for d in documents if d.year == year]
        path = f"about/{year or 'nianfen'}.md"
        title = f"{year}年报告的来源" if year else "未注明年份的报告的来源"
        links.append(f"- [{year + '年' if year else '未注明年份'}]({path})：{len(of_year)}份")
        sources = {"title": title, "description": f"{title}与版权说明。", "search": {"exclude": True}}
        pages.append(page(path, sources, [f"# {title}", *(source_entry(d, path) for d in of_year)]))
    body.append("各年报告的出处、发布媒体和原文链接：\n\n" + "\n".join(links))
    return [page("about.md", meta, body), *pages]


def source_entry(document: Document, page_path: str) -> str:
    """Where a report comes from, as a list: title, place, speaker, dates, outlet, original, rights."""
    source = f"[{text(document.source_url)}](<{document.source_url}>)" if web_address(document.source_url) else text(document.source_url)
    report = md_link(page_path, f"{document.slug}/index.md")
    rows = [
        ("报告", f"[{text(document.title)}]({report})"),
        ("地区", text(document.place_name)),
        ("作报告", text(document.speaker)),
        ("报告日期", chinese_date(document.delivered) if document.delivered else ""),
        ("发布", text(document.outlet)),
        ("发布时间", chinese_date(document.published or document.date) if (document.published or document.date) else ""),
        ("采写", text(document.footer.reporter)),
        ("编辑", text(document.footer.editor)),
        ("原文", source),
        ("版权声明", text(document.footer.copyright)),
        ("授权联系", text(document.footer.contact)),
    ]
    return "\n".join(f"- {label}：{value}" for label, value in rows if value)


# --- pieces ------------------------------------------------------------------------


def section_body(section: Section, level: int, run_in_headings: bool, notes=None) -> list[str]:
    """Paragraphs verbatim, with "(一)"-style sub-headings where they stood.

    A run-in heading ("狠抓白鹅潭商务区开发建设。落实……") becomes a heading of
    its own (listed in the page's table of contents) when `run_in_headings`,
    else a bold lead that keeps the paragraph whole. Rows of a flattened
    table (cells separated by tabs) are shown as a table; glossary markers
    ［1］ link to their entry through `notes`.
    """
    prose = (lambda value: with_notes(text(value), notes)) if notes else text
    blocks: list[str] = []
    subheadings = {sub.paragraph_index: sub for sub in section.subheadings}
    run_in_level = level + 1 if section.subheadings else level
    for index in range(len(section.paragraphs) + 1):
        if index in subheadings:
            blocks.append(f"{'#' * level} {text(subheadings[index].text)}")
        if index == len(section.paragraphs):
            break
        paragraph, clause = section.paragraphs[index], section.leads.get(index)
        if "\t" in paragraph:
            if blocks and blocks[-1].startswith(TABLE_MARK):
                blocks[-1] = blocks[-1] + "\n" + paragraph
            else:
                blocks.append(TABLE_MARK + paragraph)
        elif not clause:
            entry = NOTE_ENTRY.match(paragraph) if section.notes else None
            anchor_id = f"\n{{ #note-{entry[1] or entry[2] or entry[3]} }}" if entry else ""
            blocks.append(prose(paragraph) + anchor_id)
        elif run_in_headings:
            blocks.append(f"{'#' * run_in_level} {text(clause)}")
            blocks.append(prose(paragraph[len(clause) + 1 :]))
        else:
            blocks.append(f"**{text(clause)}。**{prose(paragraph[len(clause) + 1 :])}")
    return [table_block(block) if block.startswith(TABLE_MARK) else block for block in blocks]


TABLE_MARK = "\0table\0"   # rows collected by section_body before they become a table


def table_block(rows: str) -> str:
    """Tab-separated rows (the first the header) as an HTML table."""
    cells = [row.split("\t") for row in rows.removeprefix(TABLE_MARK).split("\n")]
    head = "".join(f"<th>{escape(cell)}</th>" for cell in cells[0])
    body = "\n".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in cells[1:])
    return html_block(f'<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>')


def paragraphs_with_tables(paragraphs: list[str], notes=None) -> list[str]:
    """Text outside a page's sections (a part's own text) rendered like a section's."""
    return section_body(Section("", "", list(paragraphs), 0, 0), level=2, run_in_headings=False, notes=notes)


def notes_link(document: Document, page_path: str):
    """Marker number → link to its glossary entry, or None when the report has no glossary."""
    glossary = next((s for s in document.sections if s.notes), None)
    if glossary is None:
        return None
    target = f"{document.slug}/{glossary.slug}.md"
    return lambda number: href(page_path, f"{target}#note-{number}") if number in glossary.notes else ""


# ［1］ as text() leaves it, and [1] as text() escapes it.
NOTE_MARKER = re.compile(r"［(\d{1,3})］|\\\[(\d{1,3})\\\]|〔(\d{1,3})〕")


# A glossary entry: ［1］首台套：…, 1.首台套：… (parse.NOTE_ENTRY).
NOTE_ENTRY = re.compile(r"^(?:[［\[〔](\d{1,3})[］\]〕]|(\d{1,3})\s*[.．、]|[(（](\d{1,3})[)）])")


def with_notes(markdown: str, notes) -> str:
    def link(match: re.Match) -> str:
        number = match[1] or match[2] or match[3]
        url = notes(number)
        return f'<sup><a class="note-ref" href="{url}">{match.group()}</a></sup>' if url else match.group()

    return NOTE_MARKER.sub(link, markdown)


def part_cards(document: Document, page_path: str, prefix: str) -> list[str]:
    """A report's sections as cards, under the part each belongs to (linked to
    the part's page): a review's （一）… and a plan's （一）… are not one list."""
    groups: list[tuple[Part | None, list[Section]]] = []
    for section in document.sections:
        if groups and groups[-1][0] is section.part:
            groups[-1][1].append(section)
        else:
            groups.append((section.part, [section]))
    if all(part is None for part, _ in groups):
        return [section_cards(document, page_path)]
    blocks = []
    for index, (part, sections) in enumerate(groups):
        if part is not None:
            blocks.append(f"### [{text(part.heading)}]({prefix}{part.slug}.md)")
        elif index:  # parts without items, appendices: after the parts, as such
            blocks.append("### 其他部分")
        blocks.append(section_cards(document, page_path, sections))
    return blocks


def section_cards(document: Document, page_path: str, sections: list[Section] | None = None) -> str:
    cards = []
    for section in document.sections if sections is None else sections:
        card = f"<li>\n<p>{anchor(page_path, f'{document.slug}/{section.slug}.md', f'<strong>{escape(section.heading)}</strong>')}</p>"
        if section.subtitle:
            card += f"\n<p>{escape(section.subtitle)}</p>"
        cards.append(card + "\n</li>")
    # Each card repeats its section's heading and lead: search finds the sections.
    return html_block('<div class="grid cards" data-pagefind-ignore>\n<ul>\n' + "\n".join(cards) + "\n</ul>\n</div>")


def byline(document: Document) -> str:
    """Outlet and date of an article; the dateline and speaker of an official text, as written."""
    if document.title_block:
        return "  \n".join(text(line) for line in document.title_block) + "\n{ .byline }"
    parts = [text(part) for part in (document.outlet, display_date(document.date)) if part]
    return " · ".join(parts) + "\n{ .byline }" if parts else ""


def credit(document: Document, link: str = "") -> str:
    """Source credit and the seed's copyright notice, shown on every page."""
    parts = [f"来源:{text(document.outlet or document.title)}"]
    if document.date:
        parts.append(text(display_date(document.date)))
    if document.footer.reporter:
        parts.append(f"采写:{text(document.footer.reporter)}")
    if document.footer.editor:
        parts.append(f"编辑:{text(document.footer.editor)}")
    # 原文 is the original where the seed or its sidecar says where it is;
    # the site's own 全文 otherwise, named as such.
    if web_address(document.source_url):
        parts.append(f"[原文](<{document.source_url}>)")
    if link:
        parts.append(f"[本站全文]({link})")
    lines = [" · ".join(parts)]
    notice = " ".join(part for part in (document.footer.copyright, document.footer.contact) if part)
    if notice:
        lines.append(text(notice))
    return "  \n".join(lines) + "\n{ .credit }"


def web_address(url: str) -> bool:
    """An address a link may point to: http(s) only, nothing a Markdown link could break out of."""
    return bool(re.fullmatch(r"https?://[^\s<>]+", url or ""))


def lead(subtitle: str) -> str:
    return f"{text(subtitle)}\n{{ .lead }}"


def display_date(iso: str) -> str:
    """2022-01-21T22:38:00+08:00 → 2022-01-21 22:38"""
    return iso[:16].replace("T", " ")


def first_sentence(paragraphs: list[str]) -> str:
    for paragraph in paragraphs:
        match = re.match(r".+?[。!?！？]", paragraph)
        return (match.group() if match else paragraph)[:120]
    return ""


def page(path: str, meta: dict, body: list[str]) -> Page:
    # libyaml's dumper when PyYAML has it (same output, many times faster).
    front = yaml.dump(meta, Dumper=YAML_DUMPER, allow_unicode=True, sort_keys=False, width=1_000_000)
    content = f"---\n{front}---\n\n" + "\n\n".join(block for block in body if block) + "\n"
    return Page(path, content)


# --- escaping ----------------------------------------------------------------------

# Characters Markdown (or our extensions) would read as markup anywhere in a line.
INLINE = re.compile(r"([\\`*_\[\]{}])")
# Line openings Markdown reads as block markup: lists, headings, rules, quotes.
BLOCK_START = re.compile(r"^(\d+)([.)])(?=\s|$)|^([-+=:~#])")


def text(value: str) -> str:
    """Seed text as Markdown that renders exactly these characters."""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "&#124;")
    escaped = INLINE.sub(r"\\\1", escaped)
    escaped = BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"&#{ord(m[3])};", escaped)
    return escaped


def html_block(markup: str) -> str:
    """Generated HTML as a block of the page, marked so policysite.htmlblocks
    passes it through as it is."""
    return f"{HTML_BLOCK_START}\n{markup}\n{HTML_BLOCK_END}"


def escape(value: str) -> str:
    """Seed text inside an HTML block."""
    return html.escape(value, quote=True)


def anchor(page_path: str, target: str, label: str) -> str:
    """An HTML link from one page to another (`label` is HTML)."""
    return f'<a href="{escape(href(page_path, target))}">{label}</a>'


def md_link(page_path: str, target: str) -> str:
    """A Markdown link's target from page `page_path` to `target` (both source
    paths): MkDocs resolves it to the target's URL and checks that it exists."""
    return posixpath.relpath(target, posixpath.dirname(page_path) or ".")


def href(page_path: str, target: str) -> str:
    """The URL MkDocs gives a link from page `page_path` to `target` (both
    source paths, the target perhaps with a #fragment): directory URLs, as
    mkdocs.yml has them (the hook refuses a site without)."""
    target, hash_, fragment = target.partition("#")
    url = posixpath.relpath(directory(target), directory(page_path))
    url = "./" if url == "." else url + "/"
    return url + hash_ + fragment


def directory(path: str) -> str:
    """a/index.md → a, a/b.md → a/b, index.md → . (a page's URL path, without the slash)."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return stem or "."
