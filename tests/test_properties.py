"""Property-based: any input is handled without a traceback; article text is never lost."""

from __future__ import annotations

import csv
import io
import json
import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policysite.read.clean import META_LINE
from policysite.site.context import work_out
from policysite.enrich.reports import enrich
from policysite.read.parse import parse
from policysite.read.seed import SeedError, read_seed
from policysite.render import render

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def pipeline(tmp_path, data: bytes):
    """read → parse → enrich → render; returns pages, or None for a refused seed."""
    path = tmp_path / "seed.txt"
    path.write_bytes(data)
    try:
        seed = read_seed(path)
    except SeedError as error:
        assert str(error).startswith(str(path)) and "\n" not in str(error)
        return None
    return render(work_out(*enrich([parse(seed)])))


def check_pages(pages):
    for page in pages:
        assert re.fullmatch(r"[a-z0-9/._-]+", page.path), page.path
        if page.path.endswith(".json"):
            json.loads(page.content)
            continue
        if page.path.endswith(".csv"):
            assert list(csv.reader(io.StringIO(page.content)))[0][0] == "section"
            continue
        assert page.content.startswith("---\n")
        meta = yaml.safe_load(page.content.split("\n---\n", 1)[0][4:])
        assert isinstance(meta, dict) and isinstance(meta["title"], str)


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_never_crash(tmp_path, data):
    pages = pipeline(tmp_path, data)
    if pages is not None:
        check_pages(pages)


@SETTINGS
@given(st.text(max_size=1500))
def test_any_text_never_crashes(tmp_path, text):
    pages = pipeline(tmp_path, text.encode("utf-8", "surrogatepass") if not any(0xD800 <= ord(c) <= 0xDFFF for c in text) else b"x")
    if pages is not None:
        check_pages(pages)


HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
# Words of an article body; the footer's own vocabulary (版权, 编辑 …) and the page
# metadata's labels (发布日期, 出版日期 …: a label over its value is chrome) aside.
words = st.text(HAN, min_size=2, max_size=4).filter(lambda w: not FOOTER_WORDS.search(w) and not META_LINE.match(w))
FOOTER_WORDS = re.compile("版权|转载|授权|联系|编辑|采写|记者|来源|作者|校对")


@st.composite
def sentences(draw, count=st.integers(1, 4)):
    """Sentences of Chinese words, numbers and Chinese punctuation."""
    out = []
    for _ in range(draw(count)):
        parts = draw(st.lists(st.one_of(words, st.from_regex(r"[1-9][0-9]{0,3}(\.[0-9])?%?", fullmatch=True)), min_size=3, max_size=12))
        out.append(",".join(parts) + draw(st.sampled_from("。!?;")))
    return "".join(out)


@st.composite
def articles(draw):
    title = draw(words) + draw(words) + draw(words)
    intro = draw(st.lists(sentences(), min_size=0, max_size=3))
    sections = []
    for _ in range(draw(st.integers(1, 6))):
        heading = draw(words) + draw(st.sampled_from(["", "建设", "发展", "实事"]))
        deck = draw(words) + "," + draw(words) + draw(words)
        paragraphs = [p if len(p) > 45 else p + draw(words) * 12 + "。" for p in draw(st.lists(sentences(), min_size=1, max_size=3))]
        sections.append((heading, deck, paragraphs))
    blank = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n"]))
    indent = draw(st.sampled_from(["", "\u3000\u3000", "  "]))
    lines = [title, "某某日报 • 某频道", "2023-02-03 10:00", *intro]
    for heading, deck, paragraphs in sections:
        lines += [heading, deck, *paragraphs]
    lines += ["采写:记者 某某", "编辑:某某"]
    return blank.join(indent + line for line in lines), intro, sections


@SETTINGS
@given(articles())
def test_article_shaped_input_keeps_every_sentence(tmp_path, article):
    text, intro, sections = article
    pages = pipeline(tmp_path, text.encode("utf-8"))
    assert pages is not None
    check_pages(pages)
    generated = "".join(page.content for page in pages if page.path.endswith(".md"))
    for paragraph in intro + [p for _, _, paragraphs in sections for p in paragraphs]:
        for sentence in re.split(r"(?<=[。!?;])", paragraph):
            assert sentence in generated
    metas = [yaml.safe_load(p.content.split("\n---\n")[0][4:]) for p in pages if p.path.endswith(".md")]
    titles = [meta["title"] for meta in sorted((m for m in metas if "position" in m), key=lambda m: m["position"])]
    assert titles == [heading for heading, _, _ in sections]
