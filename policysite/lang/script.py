"""Which characters a text is written in: a copy in traditional characters
(as Hong Kong, Macao and Taiwan sites repost the national report) is read and
shown in simplified ones, which every rule and reader of the site expects;
pinyin a page printed after its characters (報(bào)告) comes out.

OpenCC's t2s table does the conversion (the reference converter, also used by
Wikipedia's zh variants). Simplified text is left alone: it is converted only
when a real share of its characters are traditional.
"""

from __future__ import annotations

import functools
import re

# Of a text's ideographs, the share that t2s changes for it to count as traditional
# (a simplified report changes none; a name or a quoted title may change a few).
TRADITIONAL_SHARE = 0.02
MIN_CHANGED = 20
IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
# 報(bào)告: a tone-marked syllable in brackets right after a character.
PINYIN_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
MIN_PINYIN = 5


@functools.lru_cache(maxsize=1)
def converter():
    import opencc

    return opencc.OpenCC("t2s.json")


def simplified(text: str) -> tuple[str, list[str]]:
    """The text in simplified characters, without printed pinyin, and what was done (empty: nothing)."""
    done = []
    if len(PINYIN_AFTER.findall(text)) >= MIN_PINYIN:
        text = PINYIN_AFTER.sub("", text)
        done.append("pinyin printed after its characters (報(bào)告) taken out")
    ideographs = len(IDEOGRAPH.findall(text))
    converted = converter().convert(text)
    changed = sum(a != b for a, b in zip(text, converted)) if len(converted) == len(text) else ideographs
    if changed >= MIN_CHANGED and changed >= TRADITIONAL_SHARE * ideographs:
        text = converted
        done.append("written in traditional characters: read and shown in simplified ones (OpenCC t2s)")
    return text, done
