"""Clean rules for a scraper's record around the text: what a dataset or a
disclosure page keeps beside a report, read as facts and taken off the page.

- a key–value header, one field a line, with the dataset's own keys: Chinese
  (标题：… / 发文时间：…), English (title: … / publish_time: …) or bracketed
  (【标题】… / [来源] …), ending where the text starts (正文： / content:);
- a record written as one JSON object, its text in a field (content, 正文 …);
- an information-disclosure table flattened into cells between bars.

Each is one of clean.RULES; values go to `facts` under the header's names:
title, source (the page's URL), outlet, publisher, published.
"""

from __future__ import annotations

import json
import re

from ..model import Line
from .residue import record

# Keys as datasets write them → the fact each gives ("": the text starts there).
RECORD_KEYS = {
    "标题": "title", "文章标题": "title", "题目": "title", "发文单位": "publisher", "发文机关": "publisher",
    "发布机构": "publisher", "发文时间": "published", "发布时间": "published", "发布日期": "published", "日期": "published",
    "来源URL": "source", "来源网址": "source", "原文链接": "source", "原文地址": "source", "链接": "source", "网址": "source",
    "来源": "outlet", "正文": "", "内容": "", "全文": "",
    "title": "title", "headline": "title", "url": "source", "link": "source", "source_url": "source", "href": "source",
    "source": "outlet", "site": "outlet", "site_name": "outlet", "publisher": "publisher", "author": "author",
    "publish_time": "published", "publish_date": "published", "pub_time": "published", "pub_date": "published",
    "pubdate": "published", "release_time": "published", "created_at": "published", "date": "published", "time": "published",
    "content": "", "text": "", "body": "", "article": "",
}
# Keys that say nothing to a reader (a record's id, its category): off the page, not facts.
IGNORED_KEYS = {"id", "category", "tags", "keywords", "分类", "栏目", "关键词", "作者", "编辑", "责任编辑"}
_KEYS = "|".join(sorted(map(re.escape, RECORD_KEYS.keys() | IGNORED_KEYS), key=len, reverse=True))
RECORD_LINE = re.compile(
    rf"^(?:【(?P<bracketed>{_KEYS})】|\[(?P<squared>{_KEYS})\]|(?P<key>{_KEYS})\s*[:：])\s*(?P<value>.*)$", re.IGNORECASE)
URL = re.compile(r"^https?://\S+$")

# An information-disclosure page's table, its rows flattened into cells between bars:
# 文件名称 | 2024年××县政府工作报告 | || / 索引号 | /2024-0012 | 公开目录: | 工作报告 |
TABLE_LABELS = {
    "文件名称": "title", "标题": "title", "名称": "title", "发布机构": "publisher", "公开责任部门": "publisher",
    "发文机关": "publisher", "公开日期": "published", "发布日期": "published", "发布时间": "published", "成文日期": "",
    "索引号": "", "公开目录": "", "公开形式": "", "公开方式": "", "公开范围": "", "文号": "", "发文字号": "", "有效性": "",
    "主题分类": "", "体裁分类": "", "组配分类": "", "生效日期": "", "废止日期": "", "信息来源": "outlet", "来源": "outlet",
}


def read_record_header(result) -> None:
    """A run of key–value lines at the top (two at least: one 标题： alone may be
    text): values to facts, keys off the page; a text key (正文：, content:) with a
    value on its line keeps the value as the text's first line."""
    lines = result.lines
    run = 0
    while run < min(len(lines), 12) and RECORD_LINE.match(lines[run].text):
        run += 1
    if run < 2 or not any(record_key(RECORD_LINE.match(lines[i].text)) in RECORD_KEYS for i in range(run)):
        return
    drop = set()
    for index in range(run):
        match = RECORD_LINE.match(lines[index].text)
        key, value = record_key(match), match["value"].strip()
        if RECORD_KEYS.get(key) == "" and value:
            lines[index] = Line(lines[index].number, value)  # 正文：各位代表：… — the text starts here
            continue
        drop.add(index)
        keep_fact(result.facts, RECORD_KEYS.get(key, ""), value)
    record(result, "scraper header", drop)


def record_key(match: re.Match) -> str:
    key = match["bracketed"] or match["squared"] or match["key"]
    return key.lower() if key.isascii() else key


def keep_fact(facts: dict, name: str, value: str) -> None:
    """A record's value as the fact it names (an outlet given as a URL is the page's address)."""
    if not name or not value or name == "author":
        return
    if name == "outlet" and URL.match(value):
        name = "source"
    facts.setdefault(name, value)


def read_json_record(result) -> None:
    """A record written as one JSON object on the first line: its fields to facts;
    its text field (content, 正文 …), when it has one, becomes the lines of the text."""
    lines = result.lines
    if not lines or not (lines[0].text.startswith("{") and lines[0].text.endswith("}")):
        return
    try:
        fields = json.loads(lines[0].text)
    except ValueError:
        return
    if not isinstance(fields, dict) or not any(str(key).lower() in RECORD_KEYS for key in fields):
        return
    number, text, rest = lines[0].number, [], {}
    for key, value in fields.items():
        name = RECORD_KEYS.get(str(key).lower(), RECORD_KEYS.get(str(key)))
        if name == "" and isinstance(value, str):
            text += [part.strip() for part in value.splitlines() if part.strip()]
            continue
        rest[key] = value
        if isinstance(value, (str, int, float)):
            keep_fact(result.facts, name or "", str(value).strip())
    # What is recorded as dropped is the record without its text (which is on the pages).
    lines[0] = Line(number, json.dumps(rest, ensure_ascii=False))
    record(result, "scraper header", {0})
    # The text's lines all come from the record's one line: they keep its number.
    result.lines[0:0] = [Line(number, part) for part in text]


def read_metadata_table(result) -> None:
    """Rows of a disclosure table near the top (cells between bars, at least one a
    known label): off the page, their values kept as facts (the title, the dates)."""
    drop = set()
    for index, line in enumerate(result.lines[:15]):
        cells = [cell.strip().rstrip(":：").strip() for cell in line.text.split("|")]
        if line.text.count("|") < 2 or not any(cell in TABLE_LABELS for cell in cells):
            continue
        drop.add(index)
        cells = [cell for cell in cells if cell]
        for label, value in zip(cells, cells[1:]):
            if TABLE_LABELS.get(label) and value not in TABLE_LABELS:
                result.facts.setdefault(TABLE_LABELS[label], value)
    record(result, "page metadata", drop)
