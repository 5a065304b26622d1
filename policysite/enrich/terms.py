"""新提法: the terms a report uses for the first time, and how terms rise and fall.

Pure functions over enriched documents (the pages are render_terms.py's).

What counts as a term (policysite/enrich/termwords.py): the report's text is cut by
the same jieba and lexicon as search (policysite/lang/segment.py); from its words come
- quoted terms, whole (“人工智能+”, “两重”) and quoted programmes (“人工智能+”行动);
- the items of enumerations (生物制造、商业航天、低空经济等), whose words name things;
- compounds jieba does not know, which it cuts into single characters
  (新 质 生产力 → 新质生产力), and modifier + head compounds (低空 经济);
- words of the domain lexicon, and other words used several times.
A term's count is how often it occurs in the report's text (quote marks,
spaces and full-width forms ignored), not how often jieba cut it out.

A term is new when the previous report's whole text (title, chrome, footer
and dropped lines included) does not contain it, compared as plain text:
quote marks and spaces removed and both texts NFKC-normalised, so a term
listed as new is absent from the previous report however it is written.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass

from .. import tree
from ..annotations import Annotations, ReportNotes
from ..lang import segment
from ..lang.typography import fullwidth
from ..model import Document
from ..site import addresses
from .termwords import passage_terms

# Kinds, in the order a reader cares about them.
KINDS = {"quoted": "引号提法", "programme": "专项提法", "list": "并列名目", "compound": "复合词", "lexicon": "领域词", "word": "常用词"}
RANK = {kind: rank for rank, kind in enumerate(KINDS)}
NAMED = {"quoted", "programme", "list", "compound", "lexicon"}
MAX_NEW = 400         # new terms listed per report (its page shows the first render_terms.SHOWN)
MAX_GONE = 30         # terms of the previous report no longer used
MAX_DISTINCT = 20     # a report's own terms against the archive, when it has no previous one
WORD_MIN_COUNT = 3    # a plain word is a term when used this often (a long one: twice)

QUOTE_CHARS = "“”‘’\"'「」『』"


@dataclass(frozen=True)
class Passage:
    """A paragraph or heading as a page shows it."""

    page: str   # docs-relative .md path of the page holding it
    text: str


@dataclass(frozen=True)
class Term:
    text: str       # as written in the report
    kind: str       # a key of KINDS
    count: int      # occurrences in the report's text
    page: str       # page of its first sentence
    fragment: str   # text fragment marking it there ("" when not found)
    first: int      # where it first occurs in the report (for a stable order)


# --- the text of a report -----------------------------------------------------------------


def passages(document: Document, notes: ReportNotes) -> list[Passage]:
    """The report's text in reading order, each piece with the page that shows it:
    the intro on the overview, a part's own text on its page, a section's on its."""
    found = [Passage(addresses.overview(document.slug), p) for p in document.intro]
    for node, _ in tree.walk(tree.outline(document, notes)):
        home, page = addresses.report_page(document.slug, node.slug), node.page
        if node.is_group:
            found += [Passage(home, page.heading)] + [Passage(home, p) for p in page.paragraphs]
            continue
        found += [Passage(home, t) for t in (page.heading, page.subtitle) if t]
        for index, paragraph in enumerate(page.paragraphs):
            found += [Passage(home, sub.text) for sub in page.subheadings if sub.paragraph_index == index]
            found.append(Passage(home, paragraph))
        found += [Passage(home, sub.text) for sub in page.subheadings if sub.paragraph_index >= len(page.paragraphs)]
    return found


def plain(text: str) -> str:
    """Text as terms are compared: NFKC, without quote marks or spaces."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    for mark in QUOTE_CHARS:
        if mark in text:
            text = text.replace(mark, "")
    return "".join(text.split())


@functools.lru_cache(maxsize=1 << 16)
def plain_term(term: str) -> str:
    """plain() of a term, remembered: a term is compared with many texts."""
    return plain(term)


def extra_text(document: Document) -> list[str]:
    """What the seed held beside the report's passages: title, title block,
    footer, page chrome, glossary entries."""
    return [document.title, document.outlet, *document.title_block, *document.footer.lines,
            *(d.text for d in document.dropped), *(n for s in document.sections for n in s.notes.values())]


def count(term: str, text: str) -> int:
    """How often a term occurs in a plain text."""
    return text.count(plain_term(term))


# --- candidates -----------------------------------------------------------------------------


def candidates(pieces: list[Passage]) -> dict[str, tuple[str, int]]:
    """Every term of the report → (its kind, how often jieba cut it out as a
    word), in order of first occurrence; the kind is the most telling one it
    was found as."""
    found: dict[str, tuple[str, int]] = {}
    for passage in pieces:
        for term, kind in passage_terms(passage.text, segment.generation()):
            known, times = found.get(term, (kind, 0))
            found[term] = (kind if RANK[kind] < RANK[known] else known, times + (kind == "word"))
    return found


# --- comparing ------------------------------------------------------------------------------


class Texts:
    """What is read from each report, once: its passages as plain text, its whole
    text, its terms and their counts. Kept by what the report holds (its slug,
    pages and text: a digest), across builds too: under `mkdocs serve` a save
    reads again only the reports it changed."""

    remembered: dict = {}   # report key → what was read from it (the last build's reports)

    def __init__(self, notes: Annotations) -> None:
        self.notes = notes                 # each report's notes: which page a passage is on
        self.keys: dict[int, tuple] = {}   # id(document) → its key, for this build's documents
        self.frequency: tuple[int, dict[str, int]] | None = None

    def record(self, document: Document) -> dict:
        key = self.keys.get(id(document))
        if key is None:
            pieces = passages(document, self.notes[document])
            digest = hashlib.blake2b("\x00".join([*extra_text(document), *(p.page + "\x01" + p.text for p in pieces)]).encode())
            key = self.keys[id(document)] = (document.slug, segment.generation(), digest.digest())
            if key not in self.remembered:
                self.remembered[key] = {"passages": [(p, plain(p.text)) for p in pieces], "counts": {}}
        return self.remembered[key]

    def forget_others(self) -> None:
        """Keep only what this build read: a long-running process does not grow."""
        used = set(self.keys.values())
        for key in [key for key in self.remembered if key not in used]:
            del self.remembered[key]

    def passages(self, document: Document) -> list[tuple[Passage, str]]:
        """The report's passages with their plain text."""
        return self.record(document)["passages"]

    def body(self, document: Document) -> str:
        """The report's own text, plain, a line per passage: what counts are taken from."""
        found = self.record(document)
        if "body" not in found:
            found["body"] = "\n".join(flat for _, flat in found["passages"])
        return found["body"]

    def whole(self, document: Document) -> str:
        """Everything the seed held, plain: a term found anywhere here is not new the
        year after. Its pieces run on (a heading into its paragraph, a line into the
        next), as the seed's lines may have been split anywhere."""
        found = self.record(document)
        if "whole" not in found:
            found["whole"] = "".join([*map(plain, extra_text(document)), *(flat for _, flat in found["passages"])])
        return found["whole"]

    def candidates(self, document: Document) -> dict[str, tuple[str, int]]:
        found = self.record(document)
        if "candidates" not in found:
            found["candidates"] = candidates([passage for passage, _ in found["passages"]])
        return found["candidates"]

    def kept(self, document: Document) -> dict[str, str]:
        """The terms a reader would care about → kind: named terms, and plain
        words jieba cut out several times (a longer one: twice)."""
        found = self.record(document)
        if "kept" not in found:
            found["kept"] = {
                term: kind for term, (kind, cut) in self.candidates(document).items()
                if kind in NAMED or cut >= WORD_MIN_COUNT or (len(term) >= 3 and cut >= 2)}
        return found["kept"]

    def count(self, document: Document, term: str) -> int:
        counts = self.record(document)["counts"]
        if term not in counts:
            counts[term] = count(term, self.body(document))
        return counts[term]

    def counted(self, document: Document, terms: dict[str, str]) -> dict[str, tuple[str, int]]:
        """Terms → (kind, count), those the report's text holds."""
        found = {t: (kind, self.count(document, t)) for t, kind in terms.items()}
        return {t: value for t, value in found.items() if value[1]}

    def compared(self, name: str, document: Document, other: Document, compare) -> list:
        """`compare(document, other)`, remembered with the first report's record (by the other's key)."""
        self.record(other)
        found = self.record(document).setdefault(name, {})
        key = self.keys[id(other)]
        if key not in found:
            found[key] = compare()
        return found[key]

    def document_frequency(self, documents: list[Document]) -> dict[str, int]:
        """Term → how many of the documents it is a candidate of (once per set of documents)."""
        if self.frequency is None or self.frequency[0] != len(documents):
            df: dict[str, int] = {}
            for document in documents:
                for term in self.candidates(document):
                    df[term] = df.get(term, 0) + 1
            self.frequency = (len(documents), df)
        return self.frequency[1]


def ranked(document: Document, terms: dict[str, tuple[str, int]], limit: int, texts: Texts) -> list[Term]:
    """Terms in a reader's order: named kinds first, then by count; those that
    only ever occur inside a longer listed term of the same count left out
    (a quoted term is kept beside its programme: both are how it is cited)."""
    order = {t: i for i, t in enumerate(terms)}
    chosen, taken = [], []
    for t in sorted(terms, key=lambda t: (RANK[terms[t][0]], -terms[t][1], order[t])):
        if len(chosen) == limit:
            break
        if terms[t][0] != "quoted" and any(t in longer and terms[longer][1] >= terms[t][1] for longer in taken):
            continue
        chosen.append(t)
        taken.append(t)
    where = first_sentences(document, chosen, texts)
    return [Term(t, terms[t][0], terms[t][1], *where[t], order[t]) for t in chosen]


def new_terms(document: Document, previous: Document, texts: Texts) -> list[Term]:
    """Terms this report uses that the previous one does not hold anywhere."""

    def compare() -> list[Term]:
        before = texts.whole(previous)
        fresh = {t: kind for t, kind in texts.kept(document).items() if plain_term(t) not in before}
        return ranked(document, texts.counted(document, fresh), MAX_NEW, texts)

    return texts.compared("new", document, previous, compare)


def gone_terms(document: Document, previous: Document, texts: Texts) -> list[Term]:
    """The previous report's named terms that this one no longer holds anywhere."""

    def compare() -> list[Term]:
        after = texts.whole(document)
        gone = {t: kind for t, kind in texts.kept(previous).items() if kind in NAMED and plain_term(t) not in after}
        return ranked(previous, texts.counted(previous, gone), MAX_GONE, texts)

    return texts.compared("gone", previous, document, compare)


def distinctive_terms(document: Document, documents: list[Document], texts: Texts) -> list[Term]:
    """A report's own terms against the archive (for a report without a previous
    one): used often here, by few other reports (count × inverse document frequency)."""
    if len(documents) < 2:
        return []
    df = texts.document_frequency(documents)
    rare = {t: kind for t, kind in texts.kept(document).items() if df.get(t, 1) <= max(2, len(documents) // 4)}
    terms = texts.counted(document, rare)
    score = {t: n * math.log(len(documents) / df.get(t, 1)) for t, (_, n) in terms.items()}
    # Named terms first, each group by score: a plain word says less about a report.
    best = [t for t in sorted(score, key=lambda t: (terms[t][0] not in NAMED, -score[t], t)) if score[t] > 0][:MAX_DISTINCT]
    listed = ranked(document, {t: terms[t] for t in best}, MAX_DISTINCT, texts)
    return sorted(listed, key=lambda term: (term.kind not in NAMED, -score[term.text], term.first))


def first_sentences(document: Document, terms: list[str], texts: Texts) -> dict[str, tuple[str, str]]:
    """Each term → (page, text fragment) of the first passage holding it."""
    where = {}
    for term in terms:
        wanted = plain_term(term)
        for passage, flat in texts.passages(document):
            if wanted in flat:
                at = passage.text.find(term)
                # Written with spaces or other quote marks there: the page, without a mark.
                where[term] = (passage.page, fragment(passage.text, at, term) if at >= 0 else "")
                break
        else:
            where[term] = (addresses.overview(document.slug), "")
    return where


def fragment(text: str, at: int, term: str) -> str:
    """A text fragment that marks the term's first occurrence in its sentence:
    a few words of the clause before it as prefix (as render.locate does)."""
    words = addresses.fragment_words
    before = re.split(r"[，。；：！？、,;:!?（）()“”\s]", text[max(0, at - 6):at])[-1]
    prefix = "".join(fullwidth(before).split())
    return ":~:text=" + (words(prefix) + "-," if prefix else "") + words(fullwidth(term))


# --- the archive ----------------------------------------------------------------------------


NATIONAL = "全国"
NATIONAL_SIGNS = ("全国人民代表大会", "代表国务院")


def place_key(document: Document) -> str:
    """The place a report is about: its division code, its name, or 全国 for the
    national report (delivered to the 全国人民代表大会, on behalf of the 国务院)."""
    return document.place_code or document.place_name or document.place or (NATIONAL if national(document) else "")


def place_name(document: Document) -> str:
    return document.place_name or document.place or (NATIONAL if national(document) else document.title)


def national(document: Document) -> bool:
    opening = [document.title, *document.title_block, *document.intro[:3]]
    return any(sign in line for line in opening for sign in NATIONAL_SIGNS)


def primary(documents: list[Document]) -> list[Document]:
    """One text per place and year, the report itself where the archive has it:
    an official text before news about it, then the longest."""
    best: dict[tuple[str, str], Document] = {}
    for document in documents:
        key = (place_key(document), document.year)
        if not key[0] or not document.year:
            continue
        other = best.get(key)
        if other is None or preference(document) > preference(other):
            best[key] = document
    return sorted(best.values(), key=lambda d: (place_key(d), d.year))


def preference(document: Document) -> tuple:
    size = sum(len(p) for s in document.sections for p in s.paragraphs)
    return (document.kind == "official", size, document.slug)


def series(documents: list[Document]) -> dict[str, list[Document]]:
    """Place → its reports, oldest year first (one per year)."""
    found: dict[str, list[Document]] = {}
    for document in primary(documents):
        found.setdefault(place_key(document), []).append(document)
    return found


def previous_reports(documents: list[Document]) -> dict[str, Document]:
    """Report slug → the same place's report of the nearest earlier year in the archive."""
    return {later.slug: earlier for found in series(documents).values() for earlier, later in zip(found, found[1:])}


def trend(reports: list[Document], news: dict[str, list[Term]], texts: Texts, most: int = 8) -> list[tuple[str, list[int]]]:
    """A place's leading terms with their count in each year's report: the named
    terms that were new in some year, the most used at their peak first, then the
    latest report's most used named terms. A term inside another with the same
    counts every year (人工智能+ in “人工智能+”行动) adds nothing and is left out."""
    new = list(dict.fromkeys(t.text for r in reports for t in news.get(r.slug, []) if t.kind in NAMED))
    latest = reports[-1]
    named = texts.counted(latest, {t: kind for t, kind in texts.kept(latest).items() if kind in NAMED and t not in new})
    new += sorted(named, key=lambda t: (-named[t][1], t))[: most * 2]
    counts = {t: [texts.count(r, t) for r in reports] for t in new}
    chosen: list[str] = []
    for term in sorted(new, key=lambda t: (-max(counts[t]), -len(t), new.index(t))):  # the longer of equals: the more specific
        if len(chosen) < most and not any(term in other and counts[other] == counts[term] for other in chosen):
            chosen.append(term)
    return [(term, counts[term]) for term in chosen]


def year_shared(reports: list[Document], texts: Texts, most: int = 20) -> list[tuple[str, int, int]]:
    """Named terms most of a year's places use → (term, places, total count)."""
    places: dict[str, int] = {}
    for report in reports:
        for term, kind in texts.kept(report).items():
            if kind in NAMED:
                places[term] = places.get(term, 0) + 1
    floor = max(2, math.ceil(len(reports) / 2))
    shared = sorted((t for t, n in places.items() if n >= floor), key=lambda t: (-places[t], t))[: most * 3]
    totals = {t: sum(texts.count(r, t) for r in reports) for t in shared}
    return [(t, places[t], totals[t]) for t in sorted(shared, key=lambda t: (-places[t], -totals[t], t))[:most]]


def year_own(reports: list[Document], texts: Texts, most: int = 3) -> dict[str, list[Term]]:
    """Each report's named terms that no other report of the year holds anywhere."""
    seen: dict[str, int] = {}
    for report in reports:
        for term in texts.candidates(report):
            seen[term] = seen.get(term, 0) + 1
    own = {}
    for report in reports:
        alone = texts.counted(report, {t: kind for t, kind in texts.kept(report).items() if kind in NAMED and seen.get(t) == 1})
        alone = {t: v for t, v in sorted(alone.items(), key=lambda item: -item[1][1])[: most * 2]
                 if not any(plain_term(t) in texts.whole(r) for r in reports if r is not report)}
        own[report.slug] = ranked(report, alone, most, texts)
    return own
