"""One jieba for the whole process, with the domain lexicon loaded.

jieba's default tokenizer is a module-level singleton that Material's search
plugin also uses, so loading the lexicon here makes tagging and the search
index cut text the same way, and the dictionary is loaded once per process.
"""

from __future__ import annotations

import functools
import logging
import re
import sys
from pathlib import Path

LEXICON = Path(__file__).with_name("lexicon.txt")


class MissingJieba(RuntimeError):
    """jieba is not installed: nothing Chinese can be segmented."""


# Words learnt from the seeds, taught to jieba when it loads (or at once, if loaded).
LEARNT: dict[str, None] = {}
# What teaching changed in jieba's dictionary: word → its frequency before (None: absent).
TAUGHT: dict[str, int | None] = {}
TAUGHT_FREQ = 20


def available() -> bool:
    """Whether jieba can be imported (without loading its dictionary)."""
    import importlib.util

    try:
        return importlib.util.find_spec("jieba") is not None
    except ImportError:
        return False


@functools.cache
def ready():
    """Load jieba's dictionary and the lexicon (once; later calls are free)."""
    try:
        import jieba
    except ImportError:
        raise MissingJieba("jieba is not installed: pip install -r requirements.txt") from None
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    jieba.load_userdict(str(LEXICON))
    teach(jieba, LEARNT)
    return jieba


@functools.cache
def posseg():
    """jieba's part-of-speech tagger: loaded only when tags are computed."""
    import jieba.posseg

    ready()
    return jieba.posseg


# Dictionary words only (HMM=False): jieba's HMM guesses new words from unknown
# characters, which yields fragments such as 创区 or 商则 as tags, and its
# part-of-speech Viterbi takes seconds on long runs of rare characters.


@functools.cache
def lexicon_words() -> frozenset[str]:
    """The curated domain words: names a reader looks for."""
    return frozenset(line.split()[0] for line in LEXICON.read_text(encoding="utf-8").splitlines() if line.strip())


@functools.cache
def lexicon_kinds() -> dict[str, str]:
    """The lexicon's words with the part of speech it gives them: ns a named
    place, nt an institution, nz a programme, n a subject."""
    kinds = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if fields:
            kinds[fields[0]] = fields[2] if len(fields) > 2 else "n"
    return kinds


def add_words(terms: list[str]) -> None:
    """Teach jieba the words found in the seeds (quoted programme names and
    slogans): these, and no others. A word taught for seeds that no longer
    quote it is forgotten, so a long-running process (`mkdocs serve`) cuts
    text as a fresh build would.

    Taught when jieba loads, so a build with nothing to do never loads it.
    """
    LEARNT.clear()
    LEARNT.update(dict.fromkeys(terms))
    if ready.cache_info().currsize:
        teach(ready(), LEARNT)


def teach(jieba, terms) -> None:
    gone = [term for term in TAUGHT if term not in terms]
    for term in gone:
        forget(jieba, term)
    new = [term for term in terms if not jieba.dt.FREQ.get(term)]
    for term in new:
        TAUGHT[term] = jieba.dt.FREQ.get(term)
        jieba.add_word(term, freq=TAUGHT_FREQ, tag="nz")
    if new or gone:  # a word learnt or forgotten can change how text is cut
        global GENERATION
        GENERATION += 1
        atoms.cache_clear()
        search_words.cache_clear()
        tagged_words.cache_clear()


def forget(jieba, term: str) -> None:
    """Undo `jieba.add_word(term)`. The prefixes it registered stay: a prefix
    only lets jieba look further for a longer dictionary word, and every
    prefix of a dictionary word is registered already."""
    before = TAUGHT.pop(term)
    if before is None:
        del jieba.dt.FREQ[term]
    else:
        jieba.dt.FREQ[term] = before
    jieba.dt.total -= TAUGHT_FREQ
    jieba.dt.user_word_tag_tab.pop(term, None)
    tagger = sys.modules.get("jieba.posseg")
    if tagger is not None:
        tagger.dt.word_tag_tab.pop(term, None)


# How many times jieba's dictionary has changed: part of the key of what is
# remembered from its cuts.
GENERATION = 0


def generation() -> int:
    return GENERATION


def frequency(word: str) -> int:
    """How often jieba's dictionary has seen a word (0 for one it does not list)."""
    return ready().dt.FREQ.get(word) or 0


def words(text: str) -> list[str]:
    return ready().lcut(text, HMM=False)


@functools.lru_cache(maxsize=1 << 18)
def tagged_words(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech) pairs, e.g. ("白鹅潭", "ns"). Remembered: under
    `mkdocs serve` a save rebuilds the archive, whose other paragraphs are as
    they were (tagging is most of a build's time)."""
    return tuple((pair.word, pair.flag) for pair in posseg().cut(text, HMM=False))


# --- search --------------------------------------------------------------------
#
# The search index wants atoms: Pagefind matches a query word against the start
# of an index word, so 公共卫生 as one index word hides it from a search for 卫生.
# Tagging wants the compound. So the index cuts compounds of four or more
# characters into the dictionary words they are made of, and the search worker
# cuts queries into the index's own words (policysite/finish/assets/search-worker.js).

HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# Full-width letters and digits (５Ｇ) are the ASCII ones to a reader.
FULLWIDTH_ALNUM = {code: code - 0xFEE0 for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}


@functools.lru_cache(maxsize=1 << 16)
def search_words(run: str) -> tuple[str, ...]:
    """A run of Chinese cut into search atoms; remembered, as a site repeats
    many runs (headings, credits, the report's set phrases)."""
    return tuple(atom for word in ready().lcut(run, HMM=False) for atom in atoms(word))


@functools.lru_cache(maxsize=65536)
def atoms(word: str) -> tuple[str, ...]:
    """A word as search atoms; remembered, as a report repeats its words."""
    if len(word) < 4:
        return (word,)
    parts = split_compound(word)
    return tuple(parts) if len(parts) == 1 else tuple(atom for part in parts for atom in atoms(part))


def split_compound(word: str) -> list[str]:
    """公共卫生 → 公共 卫生; kept whole unless two or more words, at most one of them a single character, cover it."""
    freq = ready().dt.FREQ
    best: list[tuple[int, int, int] | None] = [(0, 0, -1)] + [None] * len(word)  # (singles, pieces, start)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 8), end):
            piece = word[start:end]
            if best[start] is None or piece == word or (len(piece) > 1 and not freq.get(piece)):
                continue
            singles, pieces, _ = best[start]
            candidate = (singles + (len(piece) == 1), pieces + 1, start)
            if best[end] is None or candidate[:2] < best[end][:2]:
                best[end] = candidate
    final = best[len(word)]
    if final is None or final[0] > 1 or final[1] < 2:
        return [word]
    parts, end = [], len(word)
    while end > 0:
        start = best[end][2]
        parts.append(word[start:end])
        end = start
    return parts[::-1]


def for_search(text: str) -> str:
    """Text as the search index takes it: its Chinese cut into atoms, words
    separated by spaces (5G基站300座 → 5G 基站 300 座)."""
    text = text.translate(FULLWIDTH_ALNUM)
    cut = HAN_RUN.sub(lambda m: " " + " ".join(search_words(m.group())) + " ", text)
    return " ".join(cut.split())
