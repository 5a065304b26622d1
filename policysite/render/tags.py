"""Tags: each tag's kind, the tag index (the site's, or one report's in an
archive), the order of a page's chips.
"""

from __future__ import annotations

import html
import json

from ..annotations import Annotations, PageNotes
from ..model import Document, Page, Section
from ..site import addresses
from ..site.addresses import href, md_link
from ..site.context import tag_kinds
from .markup import anchor, escape, html_block, page, pinyin_key, text


# Tag kinds as the tag index groups them; enrich names the kinds.
KIND_TITLES = {"place": "地点", "org": "机构与项目", "policy": "政策", "topic": "主题"}

MAX_SITE_TAGS = 60     # tags of one kind on an archive's tag index


def tag_sections(documents: list[Document], notes: Annotations) -> dict[str, list[tuple[Document, Section, str]]]:
    """Each tag → the pages it is on: (report, section, the section's slug)."""
    found: dict[str, list[tuple[Document, Section, str]]] = {}
    for document in documents:
        for section in document.sections:
            page = notes[document].page(section)
            for tag in page.tags:
                found.setdefault(tag, []).append((document, section, page.slug))
    return found


def newest_first(sections: dict[str, list[tuple[Document, Section, str]]]) -> dict[str, list[tuple[Document, Section, str]]]:
    """Each tag's sections, newest report first (article order within a report)."""
    return {tag: sorted(found, key=lambda pair: pair[0].date, reverse=True) for tag, found in sections.items()}


def tags_of_kind(kind: str, kinds: dict[str, str], sections: dict[str, list]) -> list[str]:
    """Tags of one kind, those covering the most sections first."""
    return sorted((tag for tag, k in kinds.items() if k == kind), key=lambda t: (-len(sections[t]), t))


def tags_page(documents: list[Document], notes: Annotations, of_report: bool = False) -> Page:
    """Tags grouped by kind, each with how many sections it covers; Material lists the pages.

    `of_report`: the tags of the one report of `documents`, in an archive, listed here rather
    than by Material's tags plugin, whose listings each scan every page of the
    site (an archive's square); tag chips link here (overrides/partials/tags.html).
    """
    meta = {"title": "标签", "description": "按地点、机构与项目、政策和主题浏览各政策部分。", "search": {"exclude": True}}
    sections = tag_sections(documents, notes)
    path = addresses.report_tags(documents[0].slug) if of_report else addresses.TAGS_PAGE
    body = ["# 标签"]
    if of_report:
        body.append(f"{text(documents[0].title)}的标签。[全站标签]({md_link(path, addresses.TAGS_PAGE)})\n{{ .byline }}")
    for title, names in tags_by_kind(documents, notes, sections):
        body.append(f"## {title}")
        if of_report:
            body.append(html_block("<ul>\n" + "\n".join(
                f'<li><strong id="tag:{escape(tag_anchor(tag))}">{escape(tag)}</strong>:'
                + "、".join(anchor(path, addresses.report_page(document.slug, slug), escape(section.heading)) for document, section, slug in sections[tag])
                + "</li>"
                for tag in names
            ) + "\n</ul>"))
            continue
        # Raw links: the anchors are made by the tags plugin after MkDocs checks Markdown links.
        body.append(" ".join(tag_count(tag, len(sections[tag]), f"#tag:{tag_anchor(tag)}") for tag in names))
        include = json.dumps(names, ensure_ascii=False)
        body.append(f"<!-- material/tags {{ include: {include}, toc: false }} -->")
    return page(path, meta, body)


def site_tags_page(documents: list[Document], notes: Annotations) -> Page:
    """An archive's tag index: the most used tags by kind, each linking to the
    newest report's listing of it (each report has its own tags page)."""
    meta = {"title": "标签", "description": "按地点、机构与项目、政策和主题浏览各报告的政策部分。", "search": {"exclude": True}}
    sections = newest_first(tag_sections(documents, notes))
    body = ["# 标签", f"各报告中最常见的标签,每类至多{MAX_SITE_TAGS}个;数字为涉及的部分数,链接到最新一份报告的标签页。\n{{ .byline }}"]
    for title, names in tags_by_kind(documents, notes, sections, most=MAX_SITE_TAGS):
        body.append(f"## {title}")
        body.append(" ".join(
            tag_count(tag, len(sections[tag]), href(addresses.TAGS_PAGE, f"{addresses.report_tags(sections[tag][0][0].slug)}#tag:{tag_anchor(tag)}"))
            for tag in names
        ))
    return page(addresses.TAGS_PAGE, meta, body)


def tags_by_kind(documents: list[Document], notes: Annotations, sections: dict[str, list],
                 most: int | None = None) -> list[tuple[str, list[str]]]:
    """(kind title, its tags) for each kind that has tags: the `most` used (all
    by default), listed in pinyin order."""
    kinds = tag_kinds(documents, notes)
    found = [(title, sorted(tags_of_kind(kind, kinds, sections)[:most], key=pinyin_key)) for kind, title in KIND_TITLES.items()]
    return [(title, names) for title, names in found if names]


CHIP_KINDS = ["place", "org", "policy", "topic"]


def chip_order(page: PageNotes) -> list[str]:
    """A page's tags as its chips show them: by kind (places first), then pinyin."""
    kind_rank = {kind: rank for rank, kind in enumerate(CHIP_KINDS)}
    return sorted(page.tags, key=lambda tag: (kind_rank.get(page.kinds.get(tag, "topic"), 3), pinyin_key(tag)))


def tag_count(tag: str, count: int, href: str) -> str:
    return f'<a class="tag-count" href="{html.escape(href)}">{text(tag)}&nbsp;<small>{count}</small></a>'


def tag_anchor(tag: str) -> str:
    """The id Material's tags plugin gives a tag's listing (pymdownx slugify, lower case)."""
    from pymdownx.slugs import slugify

    return slugify(case="lower")(tag, "-")
