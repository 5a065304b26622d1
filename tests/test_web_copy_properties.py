"""Property-based: an own-written report wrapped as the web copies it — a
scraper's or a portal's header, counters, a teaser, broken characters, the
body pasted twice — loses nothing (every line is on a page or in `dropped`),
and none of the wrapping reaches a page."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policysite.read.parse import parse
from policysite.read.seed import read_seed

from test_web_copies import long_body

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PLACES = [("涞源县", "县人民政府", "县"), ("安国市", "市人民政府", "市"), ("阿荣旗", "旗人民政府", "旗")]
RESIDUE = re.compile(r"\?\?|\ufffd|&[a-z]+;|\\r|\\n|标题：|发文单位：|来源URL：|正文：|阅读：|评论：|内容摘要：|作者：|^\d{1,4}$")
UNMARKED = re.compile(r"[\s。，、；：！？（）()“”]")


@st.composite
def web_copies(draw):
    place, government, unit = draw(st.sampled_from(PLACES))
    year = draw(st.integers(2019, 2026))
    title = f"{year}年{place}政府工作报告"
    report = [title, f"——{year}年1月10日在{place}第十届人民代表大会第四次会议上"] + long_body(government=government, unit=unit, review=year - 1, plan=year).splitlines()
    header = draw(st.sampled_from(["none", "scraper", "portal"]))
    top: list[str] = []
    if header == "scraper":
        top = [f"标题：{title}", f"发文单位：{place}人民政府", f"发文时间：{year + 2}-11-23", "来源URL：https://example.org/a.html", "正文："]
        report = report[1:]   # the title is the 标题 value
    elif header == "portal":
        top = ["工作报告", title, f"时间：{year + 2}-11-23", "作者：", "来源：", "阅读：",
               str(draw(st.integers(0, 9999))), "评论：", "0", "内容摘要：" + report[3][:24]]
        report = report[1:]
    lines = top + report
    broken = draw(st.lists(st.sampled_from(["&nbsp;", "??", "\\r\\n"]), min_size=len(lines), max_size=len(lines)))
    mojibake = draw(st.booleans())
    shown = []   # each line of the report as a page should show it
    out = []
    for index, line in enumerate(lines):
        shown.append(line)
        if mojibake and index >= len(top) and index % 3 == 0:
            mark = broken[index]
            line = line + mark if mark == "\\r\\n" else mark + line
        out.append(line)
    twice = draw(st.booleans())
    if twice:
        out += report[3:]
    return "\n".join(out), len(top), shown, mojibake, twice


def shown_text(document) -> str:
    """What the pages show, in source order, punctuation and spaces left out."""
    blocks = [document.title, *document.title_block, *document.intro]
    for part in document.parts:
        blocks += [part.heading, *part.paragraphs]
    for section in document.sections:
        blocks.append(section.heading)
        for index, paragraph in enumerate(section.paragraphs):
            blocks += [h.text for h in section.subheadings if h.paragraph_index == index]
            blocks.append(paragraph)
    return "".join(UNMARKED.sub("", block) for block in blocks)


@SETTINGS
@given(web_copies())
def test_web_copies_lose_nothing_and_show_no_wrapping(tmp_path, copy):
    text, header_lines, shown, mojibake, twice = copy
    path = tmp_path / "seed.txt"
    path.write_text(text, encoding="utf-8")
    document = parse(read_seed(path, "seed.txt"))
    on_pages = shown_text(document)
    dropped = {d.line for d in document.dropped}
    for number, line in enumerate(text.splitlines(), 1):
        expected = UNMARKED.sub("", shown[number - 1]) if number <= len(shown) else UNMARKED.sub("", line)
        assert number in dropped or expected in on_pages, (number, line)
    pages = [document.title, *document.intro] + [p for part in document.parts for p in part.paragraphs] \
        + [x for s in document.sections for x in [s.heading, *s.paragraphs]]
    for block in pages:
        for line in block.splitlines():
            assert not RESIDUE.search(line), line
    assert document.kind == "official"
    assert len([w for w in document.warnings if "broken characters" in w]) == (1 if mojibake else 0)
    assert any("repeat an earlier stretch" in w for w in document.warnings) == twice
    assert on_pages.count(UNMARKED.sub("", shown[header_lines + 4])) == 1
