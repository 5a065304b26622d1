"""One jieba for the whole process, with the domain lexicon loaded.

jieba's default tokenizer is a module-level singleton that Material's search
plugin also uses, so loading the lexicon here makes tagging and the search
index cut text the same way, and the dictionary is loaded once per process.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

LEXICON = Path(__file__).with_name("lexicon.txt")


class MissingJieba(RuntimeError):
    """jieba is not installed: nothing Chinese can be segmented."""


@functools.cache
def ready():
    """Load jieba's dictionary and the lexicon (once; later calls are free)."""
    try:
        import jieba
        import jieba.posseg  # noqa: F401  (makes jieba.posseg available)
    except ImportError:
        raise MissingJieba("jieba is not installed: pip install -r requirements.txt") from None
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    jieba.load_userdict(str(LEXICON))
    return jieba


# Dictionary words only (HMM=False): jieba's HMM guesses new words from unknown
# characters, which yields fragments such as 创区 or 商则 as tags, and its
# part-of-speech Viterbi takes seconds on long runs of rare characters.


def words(text: str) -> list[str]:
    return ready().lcut(text, HMM=False)


def tagged_words(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech) pairs, e.g. ("白鹅潭", "ns")."""
    return [(pair.word, pair.flag) for pair in ready().posseg.cut(text, HMM=False)]


def is_word(text: str) -> bool:
    """True when jieba's dictionary (with the lexicon) knows this exact word."""
    return bool(ready().dt.FREQ.get(text))
