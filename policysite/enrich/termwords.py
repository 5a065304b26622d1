"""What counts as a term in one passage of a report (新提法, policysite/enrich/terms.py).

From the passage's words as jieba cuts them with the lexicon (the same cut as
search): quoted terms whole and quoted programmes, the items of enumerations,
compounds jieba does not know (a run of lone characters with the word after
it, a modifier before a head word), lexicon words, nouns.
"""

from __future__ import annotations

import functools
import re

from ..lang import segment

QUOTED = re.compile(r"[“「『]([^“”「」『』。；，！？：\n]{1,16})[”」』]")
QUOTED_PROGRAMME = re.compile(
    r"“[^“”。；，！？：\n]{1,16}”[\u4e00-\u9fff]{0,4}?"
    r"(?:行动计划|行动|工程|计划|战略|政策|建设|体系|模式|格局|机制|改革|规划|试点|品牌|经济|产业|工作)"
)
HAN = re.compile(r"[\u3400-\u9fff]")
# Words that end a compound: what follows a modifier to name an economy, industry or programme.
HEADS = {"经济", "产业", "智能", "制造", "资本", "消费", "生产力", "赛道", "集群", "行动", "工程", "计划", "战略", "航天", "融合", "两用"}
# Words that end a programme's name when a verb comes before it (实施…行动).
PROGRAMME_HEADS = {"行动", "工程", "计划", "战略", "专项行动", "三年行动", "行动计划", "攻坚战"}
NOUNISH = {"n", "nz", "nt", "ns", "nr", "j", "a", "b", "an", "ng", "vn", "l", "i", "d"}
MODIFIERS = {"n", "nz", "ns", "j", "a", "b", "an", "d"}
NOT_LONE = {"m", "q", "r", "p", "c", "u", "f", "x", "uj", "ul", "y", "e"}
RUN_ENDS = NOUNISH | {"v"}
NAME_ENDS = {"n", "nz", "nt", "ns", "nr", "j", "an", "ng"}
# Verbs that open a report's clauses, some of which jieba tags as nouns or
# adjectives (深化 j, 落实 a, 新建 ns): never the start of a name.
LEADING_VERBS = set("""
深化 落实 新建 推进 加快 加强 完善 推动 实施 建设 打造 培育 发展 提升 强化 健全 优化 扩大 促进 支持 坚持 持续
积极 大力 着力 全面 深入 统筹 稳定 壮大 做强 做优 做大 提高 巩固 拓展 开展 建成 新增 改造 引导 鼓励 规范 保障
聚焦 围绕 抓好 办好 用好 落地 启动 组织 布局 谋划 探索 创新 加大 新开工 开工 建立 构建
""".split())
# Single characters that are grammar, never part of a name.
GRAMMAR = set("的了和与及等在对把被将从向以为于并或也都又其之个项各每这那是有要而就还更再已很最中上下内外好让使")
CLAUSE_END = set("，。；：！？（）()\n")
NUMBERS = re.compile(r"\d{3,}|^\d|[%％]")


@functools.lru_cache(maxsize=1 << 15)
def passage_terms(text: str, dictionary: int) -> tuple[tuple[str, str], ...]:
    """(term, kind) pairs of one paragraph; remembered by its text and what jieba knows."""
    found = [(m.group(), "programme") for m in QUOTED_PROGRAMME.finditer(text)]
    for match in QUOTED.finditer(text):
        inner = match.group(1).strip()
        found += [(inner, "quoted")] + [(item, "quoted") for item in inner.split("、") if item != inner]
    words = segment.tagged_words(text)
    if "、" in text:
        found += [(item, "list") for item in list_items(words)]
    found = [(term, kind) for term, kind in found if is_term(term)]
    return tuple(found + word_terms(words, segment.lexicon_words()))


@functools.lru_cache(maxsize=1 << 16)
def is_term(term: str) -> bool:
    return 2 <= len(term) <= 16 and len(HAN.findall(term)) >= 2 and not NUMBERS.search(term)


def list_items(words: tuple[tuple[str, str], ...]) -> list[str]:
    """The items of enumerations (A、B、C等): each the nounish words before, between or after 、."""
    items, done = [], -1
    for at in [index for index, (word, _) in enumerate(words) if word == "、"]:
        if at <= done:
            continue  # in a clause already read
        start, end = at, at
        while start > 0 and words[start - 1][0] not in CLAUSE_END:
            start -= 1
        while end < len(words) and (words[end][0] == "、" or words[end][0] not in CLAUSE_END):
            end += 1
        items += clause_items(list(words[start:end]))
        done = end
    return items


def clause_items(clause: list[tuple[str, str]]) -> list[str]:
    groups, current = [], []
    for word, flag in clause:
        if word == "、":
            groups.append(current)
            current = []
        else:
            current.append((word, flag))
    groups.append(current)
    items = [name_before(groups[0])]
    for group in groups[1:]:
        # Up to the first word of grammar (等, 的, 和): what comes after is the sentence going on.
        taken = []
        for word, flag in group:
            if (word in GRAMMAR or flag in ("u", "p", "c", "uj", "x")) and not (word == "于" and taken):
                break  # 于 inside a name goes on: 投资于人
            taken.append((word, flag))
        items.append(taken)
    return ["".join(w for w, _ in item) for item in items if is_name(item)]


def is_name(words: list[tuple[str, str]]) -> bool:
    """Whether an enumeration's item names a thing: it ends in a noun (or a head
    word such as 制造), not a verb (早投产) or an idiom (迎难而上)."""
    item = "".join(w for w, _ in words)
    if not words or not 3 <= len(item) <= 8 or not all(HAN.match(c) or c.isalnum() for c in item):
        return False
    last, flag = words[-1]
    return last in HEADS or flag in NAME_ENDS


def name_before(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The name at the end of the words before an enumeration's first 、:
    培育具身智能 → 具身智能 (its head, then nouns and unknown characters before it)."""
    taken = []
    for index, (word, flag) in enumerate(reversed(words)):
        single = len(word) == 1 and word not in GRAMMAR and HAN.match(word)
        if index and not single and (flag not in NOUNISH - {"vn", "d"} or word in LEADING_VERBS):
            break
        if not HAN.match(word[0]) and not word.isalnum():
            break
        taken.append((word, flag))
    return taken[::-1]


def word_terms(words: tuple[tuple[str, str], ...], lexicon: frozenset[str]) -> list[tuple[str, str]]:
    """The words of a passage that may be terms (one pass, as it runs for every
    word of the archive): lexicon words, nouns, and names jieba does not know —
    a run of lone characters with the word after it (新 质 生产力), a modifier
    before a head word (低空 经济, 银发 经济) — and programmes named after a
    verb (实施 制造业 数字化 转型 行动)."""
    found = []
    run: list[str] = []
    before, before_flag = "", ""
    named: list[str] | None = None   # the words since a verb (实施 …), which may name a programme
    for word, flag in words:
        if len(word) == 1:
            if word not in GRAMMAR and flag not in NOT_LONE and HAN.match(word):
                run.append(word)
                if named is not None:
                    named.append(word)
            else:
                run, named = [], None
            before = ""
            continue
        if named:
            if word in PROGRAMME_HEADS and 4 <= len(programme := "".join(named) + word) <= 12 and is_term(programme):
                found.append((programme, "programme"))
        if flag == "v" or word in LEADING_VERBS:
            named = []
        elif word in PROGRAMME_HEADS:
            named = None  # a name ends at its head (…工程行动 is not another programme)
        elif named is not None:
            if flag in NOUNISH and len(named) < 4:
                named.append(word)
            else:
                named = None
        if word in lexicon and is_term(word):
            found.append((word, "lexicon"))
        if flag in NOUNISH and len(word) <= 16 and HAN.match(word):
            found.append((word, "word"))
        if run:
            if len(run) >= 2 and flag in RUN_ENDS and HAN.match(word) and is_term(compound := "".join(run) + word):
                found.append((compound, "compound"))
            run = []
        if word in HEADS and len(before) >= 2 and before_flag in MODIFIERS and before not in LEADING_VERBS and before[0] not in "全我本各该" and HAN.match(before):
            found.append((before + word, "compound"))
        before, before_flag = word, flag
    return found
