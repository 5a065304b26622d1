"""One jieba for the whole process, with the domain lexicon loaded.

jieba's default tokenizer is a module-level singleton that Material's search
plugin also uses, so loading the lexicon here makes tagging and the search
index cut text the same way, and the dictionary is loaded once per process.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import jieba
import jieba.posseg

LEXICON = Path(__file__).with_name("lexicon.txt")


@functools.cache
def ready() -> None:
    """Load jieba's dictionary and the lexicon (once; later calls are free)."""
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    jieba.load_userdict(str(LEXICON))


def words(text: str) -> list[str]:
    ready()
    return jieba.lcut(text)


def tagged_words(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech) pairs, e.g. ("白鹅潭", "ns")."""
    ready()
    return [(pair.word, pair.flag) for pair in jieba.posseg.cut(text)]


def is_word(text: str) -> bool:
    """True when jieba's dictionary (with the lexicon) knows this exact word."""
    ready()
    return bool(jieba.dt.FREQ.get(text))
