"""Markup helpers every page kind uses: seed text as Markdown that renders
exactly its characters (`text`), generated HTML blocks (`html_block`,
`escape`, `anchor`), front matter and body into a page (`page`), and the
small formatters of dates, sentences and sort keys.

Seed text is data, never markup: every string from a seed goes through
`text()` (or YAML serialisation), so it renders as the characters it is.
The lists and tables the pages carry are HTML blocks, which Markdown passes
through untouched (policysite.adapters.htmlblocks, without even tokenising them):
their text goes through `escape` and their links through `addresses.href`.
"""

from __future__ import annotations

import functools
import html
import re

import yaml

from ..model import Page
from ..site.addresses import href


YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Lines around each generated HTML block (see html_block).
HTML_BLOCK_START = "<!-- policysite:html -->"

HTML_BLOCK_END = "<!-- /policysite:html -->"

SITE_NAME = "政府工作报告"


def page(path: str, meta: dict, body: list[str]) -> Page:
    # libyaml's dumper when PyYAML has it (same output, many times faster).
    front = yaml.dump(meta, Dumper=YAML_DUMPER, allow_unicode=True, sort_keys=False, width=1_000_000)
    content = f"---\n{front}---\n\n" + "\n\n".join(block for block in body if block) + "\n"
    return Page(path, content)


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
    """Generated HTML as a block of the page, marked so policysite.adapters.htmlblocks
    passes it through as it is."""
    return f"{HTML_BLOCK_START}\n{markup}\n{HTML_BLOCK_END}"


def escape(value: str) -> str:
    """Seed text inside an HTML block."""
    return html.escape(value, quote=True)


def anchor(page_path: str, target: str, label: str) -> str:
    """An HTML link from one page to another (`label` is HTML)."""
    return f'<a href="{escape(href(page_path, target))}">{label}</a>'


def web_address(url: str) -> bool:
    """An address a link may point to: http(s) only, nothing a Markdown link could break out of."""
    return bool(re.fullmatch(r"https?://[^\s<>]+", url or ""))


def lead(subtitle: str) -> str:
    return f"{text(subtitle)}\n{{ .lead }}"


def display_date(iso: str) -> str:
    """2022-01-21T22:38:00+08:00 → 2022-01-21 22:38"""
    return iso[:16].replace("T", " ")


def chinese_date(iso: str) -> str:
    """2022-01-21T22:38:00+08:00 → 2022年1月21日."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    return f"{match[1]}年{int(match[2])}月{int(match[3])}日" if match else "—"


def first_sentence(paragraphs: list[str]) -> str:
    for paragraph in paragraphs:
        match = re.match(r".+?[。!?！？]", paragraph)
        return (match.group() if match else paragraph)[:120]
    return ""


@functools.lru_cache(maxsize=None)
def pinyin_key(text: str) -> tuple:
    """Sort key in pinyin order (tags and places recur across an archive's pages: read once)."""
    from pypinyin import lazy_pinyin

    return (tuple(lazy_pinyin(text)), text)
