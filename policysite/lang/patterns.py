"""Character classes and small text tests shared by the header and body parsers."""

from __future__ import annotations

import re

# A line that ends one of these (before closing quotes/brackets) is a sentence.
SENTENCE_END = "。!?！？;；…"
CLOSERS = "”’」』）》】\"')"
CLAUSE_END = ",，、:："

DATE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<H>\d{1,2})[:：](?P<M>\d\d)(?:[:：](?P<S>\d\d))?)?"
)
# "首页 > 新闻 > 正文": navigation crumbs copied along with an article.
CRUMB = re.compile(r"^[^>›»/]{1,12}(?:\s*[>›»/]\s*[^>›»/]{1,12}){1,}\s*[>›»/]?$")
MARKDOWN_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*$")

# "一、" parts, "(一)" items and "1." points of numbered reports.
CN_NUMBER = "一二三四五六七八九十百零〇"
NUMBERED = re.compile(rf"^(?P<number>[{CN_NUMBER}]+)\s*[、.．]\s*(?P<text>\S.*)$")
SUB_NUMBERED = re.compile(rf"^[(（]\s*(?P<number>[{CN_NUMBER}]+)\s*[)）]\s*(?P<text>\S.*)$")
# 第一，全面提速成渝地区双城经济圈建设: an item heading line of reports that count
# their items in words. Only a whole line without a full stop: 第一，要…。 opens a sentence.
ORDINAL_HEADING = re.compile(rf"^第(?P<number>[{CN_NUMBER}]+)\s*[，,、:：]\s*(?P<text>[^。；;！!？?]+)$")
# 在**县第十八届…: asterisks after a word and before an administrative suffix stand for
# a name a copy masked (**市长 程用文** opening a line is Markdown bold).
MASKED_NAME = re.compile(r"(?<=[\u4e00-\u9fff])\*{2,}(?=[省市县区州盟旗镇乡村])")
ARABIC_NUMBERED = re.compile(r"^(?P<number>\d{1,2})\s*[.．、](?!\d)\s*(?P<text>\S.*)$")


def is_sentence(text: str) -> bool:
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def strip_markdown_heading(text: str) -> str:
    match = MARKDOWN_HEADING.match(text)
    return match["text"] if match else text


def iso_date(match: re.Match) -> str:
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return ""
    if match["H"] is None:
        return f"{y:04d}-{m:02d}-{d:02d}"
    # Chinese outlets publish in China Standard Time.
    return f"{y:04d}-{m:02d}-{d:02d}T{int(match['H']):02d}:{match['M']}:{match['S'] or '00'}+08:00"


def cn_number(numeral: str) -> int:
    """Value of a small Chinese numeral (一 … 九十九) or of digits."""
    if numeral.isdigit():
        return int(numeral)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    if numeral == "十":
        return 10
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return digits.get(tens, 1) * 10 + digits.get(ones, 0)
    value = 0
    for char in numeral:
        value = value * 10 + digits.get(char, 0)
    return value
