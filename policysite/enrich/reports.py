"""Enrich stage: each report's URL folder and place, and beside its tree the
slugs, tags, relations and figures of its pages (policysite.annotations).

Works on the whole corpus at once, because tag salience and slug collisions
are properties of the corpus, not of one section. Nothing read before is
changed: a report whose folder or place is settled here is a new Document.
"""

from __future__ import annotations

import dataclasses
import functools
import heapq
import math
import re
from collections import Counter

from pypinyin import Style, lazy_pinyin

from .. import tree
from ..annotations import Annotations, PageNotes, ReportNotes
from ..lang import places, segment
from ..model import Document, Related, Section
from ..site import addresses
from ..site.groups import search_scopes
from . import delivery, figures
from .tagkinds import FILLER, FORMULA, ORG, PLACE, POLICY, TOPIC, one_name_per_entity, tag_kind  # noqa: F401 (FILLER: also read by tests)

# Slugs reserved for the pages every document has besides its sections.
RESERVED_SLUGS = addresses.REPORT_PAGES

MAX_SLUG_WORDS = 4    # words of a heading that go into its slug

# Parts of speech that name things: nouns, places, institutions, other proper nouns.
NOUN_TAGS = {"n", "nz", "ns", "nt", "nr", "nrt", "nw", "vn"}

ADMIN_SUFFIXES = "区县市镇"

# Places so broad that nearly every section of a report is in them.
BROAD_PLACES = set("中国 全国 国家 广东 广东省 广州 广州市 羊城 华南 珠三角 粤港澳 内地 全省 全市".split())


def enrich(documents: list[Document], folders: dict[str, str] | None = None,
           terms: list[str] | None = None) -> tuple[list[Document], Annotations]:
    """Every report with its URL folder and place settled, and what was found beside them.

    `folders` (seed → URL folder of the last build) keeps each report's
    folder where it was when another seed is added; `terms` are the reports'
    quoted terms (quoted_terms), when the caller has them already.
    """
    segment.add_words(quoted_terms(documents) if terms is None else terms)
    # Segmenting with parts of speech is the costly step: once per section.
    found = {id(section): candidates(section) for document in documents for section in document.sections}
    # One tag per place however the reports name it (澳门 / 澳门特别行政区).
    names = one_name_per_entity({word for words in found.values() for word, kind in words if kind == PLACE})
    found = {key: [(names.get(word, word), kind) for word, kind in words] for key, words in found.items()}
    idf = corpus_idf(list(found.values()))
    common = too_common(list(found.values()))
    documents = [dataclasses.replace(d, place=d.place or document_place(d), slug=d.slug or document_slug(d)) for d in documents]
    documents = assign_document_slugs(documents, folders or {})
    pages = {}
    for document in documents:
        slugs = page_slugs(document)
        for section in document.sections:
            tags, kinds = section_tags(section, [(w, k) for w, k in found[id(section)] if not (k == TOPIC and w in common)],
                                       document, idf, document.place)
            pages[id(section)] = PageNotes(slugs[id(section)], tuple(tags), kinds)
        pages.update({id(part): PageNotes(slugs[id(part)]) for part in document.parts})
    pages = relate(documents, pages)
    extracted = {document.seed: tuple(figures.extract(document)) for document in documents}
    delivered = delivery.deliveries(documents, extracted)
    answers = delivery.answer_notes(delivered, extracted)  # a result beside the target of the year before it answers
    notes = {
        document.seed: ReportNotes(
            tuple((node, pages[id(node)]) for node in [*document.sections, *document.parts]),
            extracted[document.seed], answers.get(document.seed, {}),
        )
        for document in documents
    }
    return documents, Annotations(notes, tuple(delivered))


def quoted_terms(documents: list[Document]) -> list[str]:
    """Programme names and slogans the articles put in quotes: “六稳”, “三大平台”.

    Quoted lists are split into their items (“一个定位、两大引擎、三大平台”);
    only short all-Chinese items are kept, as long entries hurt search.
    """
    found = set()
    for document in documents:
        text = "".join(document.intro + [p for s in document.sections for p in [s.subtitle, *s.paragraphs]])
        for quoted in re.findall(r"[“「『\"]([^”」』\"]{2,40})[”」』\"]", text):
            for item in re.split(r"[、,，+/—\-·\s]+", quoted):
                if 2 <= len(item) <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", item):
                    found.add(item)
    return sorted(found)


# --- slugs ------------------------------------------------------------------------


def to_slug(text: str, max_words: int = MAX_SLUG_WORDS) -> str:
    """ASCII slug from Chinese text: pinyin per word, words joined by hyphens.

    疫情防控 → yiqing-fangkong; 5G基站 → 5g-jizhan.
    """
    return pinyin_slug(text, max_words, segment.generation())


# Remembered by text and by what jieba knows, as text_candidates.
@functools.lru_cache(maxsize=1 << 15)
def pinyin_slug(text: str, max_words: int, dictionary: int) -> str:
    parts = []
    for word in split_compounds(segment.words(text)):
        syllables = lazy_pinyin(word, style=Style.NORMAL, errors=lambda chars: list(chars))
        part = re.sub(r"[^a-z0-9]+", "", "".join(syllables).lower())
        if part:
            parts.append(part)
    return "-".join(parts[:max_words])


def split_compounds(words: list[str]) -> list[str]:
    """Split long all-Han words into pairs (实体经济 → 实体 经济), join lone characters.

    Chinese compounds are overwhelmingly built of two-character words, and
    pairs keep slugs readable and independent of which compounds the lexicon
    happens to list, so a lexicon change does not move URLs.
    """
    pieces: list[str] = []
    for word in words:
        single = len(word) == 1 and "\u4e00" <= word <= "\u9fff"
        if single and pieces and len(pieces[-1]) == 1 and "\u4e00" <= pieces[-1] <= "\u9fff":
            pieces[-1] += word  # 同 城 → 同城: lone characters read as one word
        elif len(word) >= 4 and len(word) % 2 == 0 and re.fullmatch(r"[\u4e00-\u9fff]+", word):
            pieces.extend(word[i : i + 2] for i in range(0, len(word), 2))
        else:
            pieces.append(word)
    return pieces


def document_slug(document: Document) -> str:
    """Place and year, e.g. guangdong-2026, liwan-2022, so URLs say which report this is."""
    year = document.year or document.date[:4] or next(iter(re.findall(r"(?:19|20)\d\d", document.title)), "")
    if document.place_code:
        base = places.slug(places.divisions()[document.place_code])
    else:
        base = to_slug(document.place, max_words=2) if document.place else to_slug(document.title, max_words=3)
    return "-".join(part for part in (base, year) if part) or "report"


def document_place(document: Document) -> str:
    """The administrative area an article reports on.

    Prefers a place named in the title that the text also names with its
    administrative suffix (荔湾 in the title, 荔湾区 in the text).
    """
    text = "".join(document.intro) + "".join(p for s in document.sections for p in s.paragraphs)
    places = [word for word, flag in segment.tagged_words(document.title) if flag == "ns" and len(word) >= 2]
    scored = [
        (sum(text.count(place.rstrip(ADMIN_SUFFIXES) + s) for s in ADMIN_SUFFIXES), -index, place)
        for index, place in enumerate(places)
    ]
    scored = [entry for entry in scored if entry[0] > 0]
    if scored:
        return max(scored)[2].rstrip(ADMIN_SUFFIXES) or max(scored)[2]
    # 我代表青禾区人民政府: the name starts after 代表 (not 表青禾).
    found = re.findall(rf"(?:代表|向|由|^|[^\u4e00-\u9fff])([\u4e00-\u9fff]{{2,3}}?)[{ADMIN_SUFFIXES}]人民政府", text)
    named = Counter(name for name in found if not re.search(r"我|代表", name))  # 我代表县人民政府 names no place
    return named.most_common(1)[0][0] if named else ""


def page_slugs(document: Document) -> dict[int, str]:
    """Distinct slugs for the pages of a report (parts with items included), by
    id of the node, in source order: a repeated heading gets -2, -3 …"""
    taken = set(RESERVED_SLUGS)
    slugs: dict[int, str] = {}
    for node, _ in tree.walk(tree.outline(document)):
        key = id(node.page)
        if node.is_group and key not in slugs:
            first = node.children[0].position
            slugs[key] = unique(to_slug(slug_words(node.heading)) or f"part-{node.number or first}", taken)
        elif not node.is_group:
            slugs[key] = unique(to_slug(slug_words(node.heading)) or f"section-{node.position}", taken)
    return slugs


def assign_document_slugs(documents: list[Document], folders: dict[str, str]) -> list[Document]:
    """Distinct URL folders: a report keeps the folder it had (when its place
    and year still give it); a clash gets -2, -3 … and a warning naming both."""
    taken: set[str] = set(addresses.RESERVED_FOLDERS)  # the site's own folders are never a report's
    by_seed = sorted(documents, key=lambda d: d.seed)
    kept = {}
    for document in by_seed:
        before = folders.get(document.seed, "")
        if before and re.sub(r"-\d+$", "", before) in (document.slug, re.sub(r"-\d+$", "", document.slug)) and before not in taken:
            kept[document.seed] = before
            taken.add(before)
    owner = {folder: seed for seed, folder in kept.items()}
    settled = {}
    for document in by_seed:
        base = document.slug
        folder = kept.get(document.seed) or unique(base, taken)
        owner.setdefault(folder, document.seed)
        warnings = document.warnings
        if folder != base and base in owner:
            warnings = warnings + [
                f"URL folder {base!r} is taken by {owner[base]}: this report is at {folder!r}; "
                "set `slug:` in a sidecar to choose"
            ]
        settled[document.seed] = dataclasses.replace(document, slug=folder, warnings=warnings)
    return [settled[document.seed] for document in documents]


def unique(base: str, taken: set[str]) -> str:
    slug, counter = base, 1
    while slug in taken:
        counter += 1
        slug = f"{base}-{counter}"
    taken.add(slug)
    return slug


def strip_numbering(heading: str) -> str:
    """一、…, （一）…, 1.…, 附件1 … → the words of the heading."""
    return re.sub(
        r"^(?:[一二三四五六七八九十百零〇]+[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[，,、:：]|\d{1,2}[.．、](?!\d)|附件\s*\d*)\s*", "", heading
    )


def slug_words(heading: str) -> str:
    """What a page's slug is made of: the heading without numbering or a leading year
    (2026年工作安排 → 工作安排: the folder already says the year)."""
    return re.sub(r"^(?:19|20)\d\d年(?:和)?", "", strip_numbering(heading)) or strip_numbering(heading)


# --- tags -------------------------------------------------------------------------
#
# Four kinds, in this order on a page: the topic (the heading itself), places,
# institutions/projects and programmes, then salient topic keywords. Kinds come
# from jieba's parts of speech (the lexicon sets them for domain words) and
# from the shape of a name (…中心, …集团, …园 are institutions or projects).

KIND_LIMITS = {PLACE: 4, ORG: 3, POLICY: 3, TOPIC: 4}
MAX_TAGS_IN_ALL = 10
KIND_WEIGHTS = {PLACE: 3.0, ORG: 3.0, POLICY: 3.0, TOPIC: 1.0}
MAX_RELATED = 3


def corpus_idf(sections: list[list[tuple[str, str]]]) -> dict[str, float]:
    """Inverse section frequency of each candidate word across every seed (one candidate list per section)."""
    counts: Counter[str] = Counter()
    for found in sections:
        counts.update({word for word, _ in found})
    return {word: math.log((1 + len(sections)) / (1 + n)) + 1 for word, n in counts.items()}


COMMON_SHARE = 0.25     # a topic word in more than this share of an archive's sections means nothing there
COMMON_MIN_SECTIONS = 40


def too_common(sections: list[list[tuple[str, str]]]) -> set[str]:
    """The archive's own list of words too common to be topics (发展, 改革 …): in
    more than a quarter of all sections, once there are enough sections to tell."""
    if len(sections) < COMMON_MIN_SECTIONS:
        return set()
    counts: Counter[str] = Counter()
    for found in sections:
        counts.update({word for word, kind in found if kind == TOPIC})
    return {word for word, n in counts.items() if n / len(sections) > COMMON_SHARE}


def candidates(section: Section) -> list[tuple[str, str]]:
    """(word, kind) of every possible tag in the section, in order, with repeats.

    Words of a lead (the subtitle, or the opening sentence of a paragraph such
    as 狠抓白鹅潭商务区开发建设。) say what the section is about: they count twice.
    """
    return list(text_candidates((section.subtitle, *section.paragraphs), segment.generation()))


# Remembered by text and by what jieba knows (a taught word changes the cut):
# under `mkdocs serve` a save re-tags only the sections it changed.
@functools.lru_cache(maxsize=1 << 15)
def text_candidates(paragraphs: tuple[str, ...], dictionary: int) -> tuple[tuple[str, str], ...]:
    found = []
    for index, paragraph in enumerate(paragraphs):
        lead = re.match(r"[^。!?;]{2,30}[。!?;]", paragraph)
        lead_text = lead.group() if lead else paragraph if index == 0 else ""
        for text in (paragraph, lead_text):
            found += [(formula, POLICY) for formula in FORMULA.findall(text)]
            at = 0
            for word, flag in segment.tagged_words(text):
                at = max(text.find(word, at), at)
                before, at = text[max(0, at - 4): at], at + len(word)
                if flag in NOUN_TAGS and is_taggable(word) and (kind := tag_kind(word, flag, before)):
                    found.append((word, kind))
    return tuple(found)


def is_taggable(word: str) -> bool:
    return (
        len(word) >= 2
        and word not in FILLER
        and not re.fullmatch(r"[\d.%+\-]+|[a-zA-Z]", word)
        and bool(re.search(r"[\u4e00-\u9fffA-Za-z]", word))
    )


def section_tags(
    section: Section, found: list[tuple[str, str]], document: Document, idf: dict[str, float], home: str
) -> tuple[list[str], dict[str, str]]:
    """The topic, then places, institutions and programmes, then keywords; and each one's kind."""
    counts = Counter(word for word, _ in found)
    kinds = {word: kind for word, kind in found}
    first_seen = {word: index for index, (word, _) in reversed(list(enumerate(found)))}
    text = "".join([section.subtitle, *section.paragraphs])
    broken = fragments(counts, text)
    ranked = sorted(
        (word for word in counts if word not in broken),
        key=lambda w: (-(counts[w] * idf.get(w, 1.0) * (1 + 0.15 * min(len(w), 6))), first_seen[w], w),
    )
    domain = segment.lexicon_words()
    ranked.sort(key=lambda w: w not in domain)  # stable sort: domain words first, by salience
    # The report's own place is what every page is about: never a tag.
    own = {home, document.place_name, *(document.place_name[i:] for i in range(len(document.place_name)))} - {""}
    ranked = [w for w in ranked if not (kinds[w] == PLACE and (w in BROAD_PLACES or w in own or (home and w.startswith(home))))]
    # The heading is the first tag when it is a short subject (平台建设), not a
    # sentence-long item heading, a date or a part title (2026年重点工作).
    heading = strip_numbering(section.heading)
    topic = heading if 2 <= len(heading) <= 8 and not re.search(r"\d|年|工作$|回顾|安排", heading) else ""
    tag_kinds = {topic: TOPIC} if topic else {}
    chosen = {kind: [w for w in ranked if kinds[w] == kind and w != topic][:limit] for kind, limit in KIND_LIMITS.items()}
    named = sorted(chosen[ORG] + chosen[POLICY], key=ranked.index)[: KIND_LIMITS[ORG]]
    tags = [*([topic] if topic else []), *chosen[PLACE], *named]
    tags += chosen[TOPIC][: max(2, MAX_TAGS_IN_ALL - len(tags))]
    tag_kinds.update({tag: kinds[tag] for tag in tags if tag != topic})
    # The sidecar's tags are the maintainer's: they stay, within the ten.
    extras = [extra for extra in document.extra_tags if extra not in tags]
    tags = tags[: max(1, MAX_TAGS_IN_ALL - len(extras))] + extras
    for extra in extras:
        tag_kinds[extra] = TOPIC
    return tags, tag_kinds


def fragments(counts: Counter[str], text: str) -> set[str]:
    """Candidates that mostly occur inside a longer candidate (大湾 in 大湾区)."""
    inside: Counter[str] = Counter()
    for longer in counts:
        occurrences = text.count(longer)
        for size in range(2, len(longer)):
            for start in range(len(longer) - size + 1):
                part = longer[start : start + size]
                if part in counts:
                    inside[part] += occurrences
    return {word for word, n in inside.items() if n >= text.count(word)}


def relate(documents: list[Document], pages: dict[int, PageNotes]) -> dict[int, PageNotes]:
    """相关政策: for each section, the sections sharing the most weighted tags.

    `pages` holds each page's notes by id(node); the same notes come back with
    their relations. The score of a pair is the same seen from either side; a
    section is never related to itself, and relations cross documents. In an
    archive a section is compared with those of its own group (groups.py) and
    of its place in other years, through an index of tags: the work grows with
    the archive, not with its square.
    """
    everything = [(document, section, pages[id(section)]) for document in documents for section in document.sections]
    scopes = search_scopes(documents)
    pools = [[("group", scopes.get(d.slug, ""))] + ([("place", d.place)] if d.place else []) for d, _, _ in everything]
    postings: dict[tuple, list[int]] = {}
    for index, (_, _, notes) in enumerate(everything):
        for pool in pools[index]:
            for tag in notes.tags:
                postings.setdefault((pool, tag), []).append(index)
    related = dict(pages)
    for index, (document, section, notes) in enumerate(everything):
        shared_tags: dict[int, set[str]] = {}
        for pool in pools[index]:
            for tag in notes.tags:
                for other in postings[(pool, tag)]:
                    if other != index:
                        shared_tags.setdefault(other, set()).add(tag)
        # Best first; among equals, in source order. (Two sections of one pool
        # have all their tags in its postings: `shared_tags` holds every tag they share.)
        weights = [(tag, KIND_WEIGHTS[notes.kinds.get(tag, TOPIC)]) for tag in notes.tags]
        best = heapq.nsmallest(MAX_RELATED, (
            (-sum(weight for tag, weight in weights if tag in tags), other) for other, tags in shared_tags.items()
        ))
        found = []
        for score, other in best:
            other_document, other_section, other_notes = everything[other]
            shared = tuple(tag for tag in notes.tags if tag in shared_tags[other])
            report = "" if other_document is document else other_document.name
            found.append(Related(other_document.slug, other_notes.slug, other_section.heading, shared, -score, report))
        related[id(section)] = dataclasses.replace(notes, related=tuple(found))
    return related


def pair_score(a: PageNotes, b: PageNotes) -> float:
    """Weighted shared tags (summed in tag order: the same float every run)."""
    return sum(KIND_WEIGHTS[a.kinds.get(tag, TOPIC)] for tag in a.tags if tag in b.tags)
