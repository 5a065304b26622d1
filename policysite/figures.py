"""数读: every number a report commits to, with its qualifier and what it measures.

Only Arabic figures are taken. In this genre Chinese numerals name things
rather than commit to quantities (三大平台, 六稳, 八大提质工程, 三年行动计划,
十二次党代会), while targets are written in digits; dates (2022年, 1月20日,
5·21, 2022-01-21), formulas (3+2) and names (1906科技园, 5G, 3D) are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Document

UNITS = (
    "个百分点|%|亿元|万元|元|万平方米|平方米|平方公里|万亩|亩|公里|千米|万人次|人次|万人|人|万户|户|"
    "万吨|吨|万辆|辆|个|家|座|所|项|条|批|台|套|间|张|场|次|处|栋|名|位|支|大"
)
NUMBER = r"\d+(?:\.\d+)?"
FIGURE = re.compile(
    rf"(?<![\d.·:/+\-A-Za-z])(?P<value>{NUMBER}(?:\s*(?:-|—|~|～|至|到)\s*{NUMBER})?)\s*"
    rf"(?P<unit>{UNITS})(?P<after>以上|以下|左右)?(?![\d·:/A-Za-z])"
)
# Qualifiers: the words that soften or bound a figure, and how they read in English.
BEFORE = {"约": "about", "超过": "more than", "超": "more than", "不少于": "at least", "不低于": "at least",
          "至少": "at least", "达到": "", "达": "", "近": "nearly"}
AFTER = {"以上": "at least", "以下": "at most", "左右": "about"}
AIM = "力争"
MEANINGS = {AIM: "aim", **BEFORE, **AFTER}
BEFORE_LONGEST_FIRST = sorted(BEFORE, key=len, reverse=True)   # 超过 before 超
KIND = {"万人": "count", "人": "count", "万人次": "count", "人次": "count", "万户": "count", "户": "count", "%": "percent", "个百分点": "percent", "亿元": "money", "万元": "money", "元": "money",
        "万平方米": "area", "平方米": "area", "平方公里": "area", "万亩": "area", "亩": "area"}
COUNT_UNITS = set("个家座所项条批台套间张场次处栋名位支大")

LEADING = re.compile(
    r"^(?:其中|今年|明年|全年|每年|[一二三四五六七八九十两\d]+年)?"
    r"(?:有序|全面|大力|加快|积极|深入|重点)?"
    r"(?:实施|建设|推进|完成|打造|推出|启动|开展|拆除|推动|引进|培育|发展|实现)?"
)
TRAILING = re.compile(r"(?:完成|达到|达|为|约|超过|超|不少于|不低于|至少|近)$")


@dataclass(frozen=True)
class Figure:
    value: str          # as written: "5.5", "2-3", "1至2"
    unit: str           # "%", "亿元", "家" …
    text: str           # the figure as written, with the qualifiers next to it: "约1500亿元", "6%以上"
    qualifier: str      # Chinese qualifiers, space separated: "力争 以上"
    meaning: str        # the same in English: "aim, at least"
    measure: str        # what is counted: "地区生产总值增长", "5G基站"
    kind: str           # percent / money / area / count / quantity
    sentence: str
    section: int        # 1-based section position; 0 for the intro
    line: int           # source line of the paragraph
    low: float
    high: float


def extract(document: Document) -> list[Figure]:
    """Every figure of the intro and the sections, in article order."""
    figures: list[Figure] = []
    # A part's own text (二、2026年工作安排 … 主要预期目标是：) belongs to no page section: with the intro.
    own = [(p, n) for part in document.parts for p, n in zip(part.paragraphs, part.paragraph_lines)]
    parts = [(0, list(zip(document.intro, document.intro_lines)) + own)] + [
        (position, list(zip(s.paragraphs, s.paragraph_lines))) for position, s in enumerate(document.sections, 1)
    ]
    for position, paragraphs in parts:
        for paragraph, line in paragraphs:
            for sentence in re.findall(r"[^。!?;]+[。!?;]?", paragraph):
                figures += sentence_figures(sentence, position, line)
    return figures


def sentence_figures(sentence: str, position: int, line: int) -> list[Figure]:
    found: list[Figure] = []
    aim_at = sentence.find(AIM)
    for match in FIGURE.finditer(sentence):
        value, unit, after = match["value"], match["unit"], match["after"] or ""
        if unit == "大" and not re.match(r"[\u4e00-\u9fff]", sentence[match.end():]):
            continue
        clause_start = max(sentence.rfind(mark, 0, match.start()) for mark in ",，、;；:：") + 1
        before = sentence[clause_start : match.start()]
        qualifiers = [AIM] if 0 <= aim_at < match.start() else []
        written = ""   # a qualifier written against the number: 约, 超, 不少于
        for word in BEFORE_LONGEST_FIRST:
            if before.endswith(word):
                if BEFORE[word]:
                    qualifiers.append(word)
                    written = word
                before = before[: -len(word)]
                break
        if after:
            qualifiers.append(after)
        measure = what_is_measured(before, sentence[match.end():], unit)
        if not measure and found and found[-1].sentence == sentence:
            measure = found[-1].measure
        low, high = bounds(value)
        meaning = ", ".join(dict.fromkeys(MEANINGS[q] for q in qualifiers))
        found.append(Figure(
            value=value, unit=unit, text=f"{written}{value}{unit}{after}", qualifier=" ".join(qualifiers), meaning=meaning,
            measure=measure, kind=KIND.get(unit, "count" if unit in COUNT_UNITS else "quantity"),
            sentence=sentence.strip(), section=position, line=line, low=low, high=high,
        ))
    return found


def what_is_measured(before: str, after: str, unit: str) -> str:
    """The noun phrase a figure counts: after a measure word (101个重点项目), else before it."""
    if unit in COUNT_UNITS:
        following = re.match(r"[\u4e00-\u9fffA-Za-z0-9]+", after)
        if following:
            noun = re.split(r"[的并和及与为]|开展|建设$", following.group())[0]
            if len(noun) >= 2:
                return noun[:12]
    before = re.sub(r"^[^\u4e00-\u9fffA-Za-z0-9]+", "", before).rsplit("的", 1)[-1]
    while (stripped := re.sub(r"^(?:力争|并|将|再)", "", before)) != before:
        before = stripped
    return TRAILING.sub("", LEADING.sub("", before, count=1))[-16:]


def bounds(value: str) -> tuple[float, float]:
    numbers = [float(n) for n in re.findall(NUMBER, value)]
    return numbers[0], numbers[-1]
