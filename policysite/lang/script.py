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

# A text counts as traditional when t2s changes a share of its ideographs (a simplified
# report changes none; a name or a quoted title may change a few), and most of
# those are everyday characters of any report (發, 經, 國, 會, 區…), not rare ones.
TRADITIONAL_SHARE = 0.02
MIN_EVERYDAY = 10
EVERYDAY = set("們個為會這來時說發經國與對業區縣報過進關產當從還點務實現總體應開長將動問題電機費變門義種讓黨濟環廣鄉鎮"
               "設農資優質創幹積極強運費萬億歲際權層條級標準項舉證醫療衛養據覽統計劃緊營貿")
IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
EVERYDAY_IN = re.compile(f"[{''.join(sorted(EVERYDAY))}]")
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
    if len(EVERYDAY_IN.findall(text)) < MIN_EVERYDAY:
        return text, done  # too few everyday traditional characters to be traditional: not converted to tell
    ideographs = len(IDEOGRAPH.findall(text))
    converted = converter().convert(text)
    if len(converted) == len(text):
        changed = [a for a, b in zip(text, converted) if a != b]
    else:
        changed = [a for a in text if a in EVERYDAY]
    everyday = sum(a in EVERYDAY for a in changed)
    if len(changed) >= TRADITIONAL_SHARE * ideographs and everyday >= MIN_EVERYDAY and everyday * 3 >= len(changed):
        text = converted
        done.append("written in traditional characters: read and shown in simplified ones (OpenCC t2s)")
    return text, done
