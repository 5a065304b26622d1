"""地名与项目: each place, project and programme with the sentences naming it.
"""

from __future__ import annotations

import re

from ..annotations import Annotations
from ..model import Document, Page, Section
from ..site import addresses
from ..site.addresses import href, md_link
from ..site.context import tag_kinds
from .markup import page, pinyin_key, text
from .provenance import crumbs
from .tags import KIND_TITLES, MAX_SITE_TAGS, newest_first, tag_anchor, tag_count, tag_sections, tags_of_kind


MAX_MENTIONS = 12      # sentences shown for one place or project on the 地名与项目 page


def entities_page(documents: list[Document], notes: Annotations, of_report: bool = False) -> Page:
    """地名与项目: each place, project and programme with the sentences that name it.

    `of_report`: those of the one report of `documents`, in an archive (each report has its own,
    as with tags: the site's page would grow with the archive).
    """
    meta = {
        "title": "地名与项目",
        "description": "报告提到的地点、机构与项目、政策,以及提到它们的原文句子。",
        # Its sentences are the sections' own, which search finds; indexing
        # them again would grow every reader's download with the archive.
        "search": {"exclude": True},
    }
    path = addresses.report_entities(documents[0].slug) if of_report else addresses.ENTITIES_PAGE
    kinds, sections = tag_kinds(documents, notes), newest_first(tag_sections(documents, notes))
    body = ["# 地名与项目", "报告中出现的地点、机构与项目和政策名称,附原文句子和所在部分。"]
    if of_report:
        meta["document"] = documents[0].title
        meta["crumbs"] = crumbs(documents[0], path)
        body[1] = f"{text(documents[0].title)}中出现的地点、机构与项目和政策名称,附原文句子和所在部分。[全站地名与项目]({md_link(path, addresses.ENTITIES_PAGE)})"
    for kind in ("place", "org", "policy"):
        names = sorted(tags_of_kind(kind, kinds, sections), key=pinyin_key)
        if not names:
            continue
        body.append(f"## {KIND_TITLES[kind]}")
        for name in names:
            # A name in bold, not a heading: the contents sidebar would list every one.
            body.append(f"**{text(name)}**\n{{ #{tag_anchor(name)} .entity }}")
            items = []
            for document, section, slug in sections[name]:
                link = md_link(path, addresses.report_page(document.slug, slug))
                for sentence in mentioning(section, name):
                    items.append(f"- {text(sentence)} ([{text(section.heading)}]({link}))")
            # Newest reports first, a bounded number each: an archive names 白鹅潭 every year.
            shown = items[:MAX_MENTIONS]
            if len(items) > len(shown):
                shown.append(f"- 另有{len(items) - len(shown)}处提及,可用搜索查找。")
            body.append("\n".join(shown))
    return page(path, meta, body)


def site_entities_page(documents: list[Document], notes: Annotations) -> Page:
    """An archive's 地名与项目: the most named places, projects and programmes by
    kind, each linking to the newest report's own listing of it."""
    meta = {"title": "地名与项目", "description": "各报告提到的地点、机构与项目、政策。", "search": {"exclude": True}}
    sections = newest_first(tag_sections(documents, notes))
    kinds = tag_kinds(documents, notes)
    body = ["# 地名与项目", f"各报告中最常提到的地点、机构与项目和政策,每类至多{MAX_SITE_TAGS}个;"
            "数字为涉及的部分数,链接到最新一份报告里提到它的原文句子。\n{ .byline }"]
    for kind in ("place", "org", "policy"):
        names = sorted(tags_of_kind(kind, kinds, sections)[:MAX_SITE_TAGS], key=pinyin_key)
        if names:
            body.append(f"## {KIND_TITLES[kind]}")
            body.append(" ".join(
                tag_count(name, len(sections[name]), href(addresses.ENTITIES_PAGE, f"{addresses.report_entities(sections[name][0][0].slug)}#{tag_anchor(name)}"))
                for name in names
            ))
    return page(addresses.ENTITIES_PAGE, meta, body)


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
