"""The render stage's HTML blocks: links as MkDocs writes them, output as Markdown would give it."""

from __future__ import annotations

import re

import markdown
import pytest

from conftest import SEED
from policysite.site.addresses import href
from policysite.site.context import work_out
from policysite.enrich.reports import enrich
from policysite.adapters.htmlblocks import HtmlBlocks
from policysite.read.parse import parse
from policysite.read.seed import read_seed
from policysite.render import HTML_BLOCK_END, HTML_BLOCK_START, render

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]


@pytest.mark.parametrize("page, target, url", [
    ("liwan-2022/keji-chuangxin.md", "liwan-2022/shudu.md", "../shudu/"),
    ("liwan-2022/keji-chuangxin.md", "liwan-2023/keji-chuangxin.md", "../../liwan-2023/keji-chuangxin/"),
    ("liwan-2022/keji-chuangxin.md", "liwan-2022/index.md", "../"),
    ("liwan-2022/index.md", "liwan-2022/keji-chuangxin.md", "keji-chuangxin/"),
    ("index.md", "liwan-2022/keji-chuangxin.md", "liwan-2022/keji-chuangxin/"),
    ("liwan-2022/tags.md", "liwan-2022/quanwen.md#keji-chuangxin", "../quanwen/#keji-chuangxin"),
    ("liwan-2022/tags.md", "tags.md", "../../tags/"),
    ("liwan-2022/index.md", "liwan-2022/index.md", "./"),
])
def test_href_is_the_directory_url_mkdocs_writes(page, target, url):
    assert href(page, target) == url


@pytest.fixture(scope="module")
def pages():
    return [page for page in render(work_out(*enrich([parse(read_seed(SEED))]))) if page.path.endswith(".md")]


def convert(text: str, extensions: list) -> str:
    body = text.split("\n---\n", 1)[1]
    return markdown.Markdown(extensions=extensions).convert(body)


def test_html_blocks_render_as_markdown_renders_them(pages):
    marked = [page for page in pages if HTML_BLOCK_START in page.content]
    assert len(marked) >= 12  # sections' 数读 boxes, cards, 数读 tables
    for page in marked:
        stock = convert(page.content, EXTENSIONS)
        ours = convert(page.content, [*EXTENSIONS, HtmlBlocks()])
        without_markers = stock.replace(HTML_BLOCK_START, "").replace(HTML_BLOCK_END, "")
        assert re.sub(r"\s+", " ", ours) == re.sub(r"\s+", " ", without_markers), page.path
        assert "policysite:html" not in ours


def test_an_unclosed_block_is_left_to_markdown():
    text = f"前言\n\n{HTML_BLOCK_START}\n<p>甲</p>\n\n**乙**"
    html = markdown.Markdown(extensions=[*EXTENSIONS, HtmlBlocks()]).convert(text)
    assert "<p>甲</p>" in html and "<strong>乙</strong>" in html
