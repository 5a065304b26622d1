"""Tag kinds: what a candidate word is — a place, an institution or project,
a programme, a topic — or no tag at all.

Kinds are decided by what a word is, not by jieba's guess alone: jieba tags
美丽, 深度, 海洋 as places, 全覆盖, 新时代, 赋能 as proper nouns, 重大进展 as
an institution. A word that is not what its tag says is no tag at all.
"""

from __future__ import annotations

import re

from ..lang import places, segment

TOPIC, PLACE, ORG, POLICY = "topic", "place", "org", "policy"

# Words too general to help a reader find anything: never tags.
FILLER = set(
    """
    推动 建设 发展 加快 打造 推进 加强 提升 实施 完善 促进 落实 坚持 深入 强化 提高 优化
    实现 开展 支持 构建 健全 积极 全面 持续 着力 重点 项目 工作 体系 能力 水平 机制 方面
    作用 基础 领域 服务 管理 工程 政策 措施 方案 行动 计划 任务 目标 问题 质量 规模 需求
    功能 环境 资源 条件 特色 优势 动力 力度 一批 一批次 年度 今年 全年 同比 区域 全区 全市 我区
    社会 经济 城市 产业 企业 市场 政府 人民 群众 地区 布局 成果 过程 方式 途径 路径 格局
    核心 关键 重大 重要 主要 综合 整体 统筹 有序 有效 有力 高质量 高水平 新型 一体化
    大力 大力发展 培育 机遇 中心 群体 比重 合作 标杆 提质 基地 数据 基层 高端 历史 文化
    力争 宜居 周边地区 产业园 试验区 党代会 新兴产业 交通秩序 道路交通 示范区 全域
    政治 监督 实干 决策 突破 铸就 基本 本领 信心 高度 国家 报告 会议 努力 努力提高 重大进展 新进展 新格局
    结果 代表 增加值 要素 社会主义
    进展 成效 全覆盖 新时代 赋能 新一轮 铸牢 普通 大学 集团 学校 服务中心 政府主导 思想 精神 意识 理念
    主线 底线 红线 作风 纪律 责任 担当 使命 奋斗 征程 局面 态势 形势 挑战 风险 困难 短板 弱项
    专业市场 世界级商圈 国际 指导 系统 落户 利用 港区 智慧 营商 时代 改革 目的地 实验室 高标准 全区群众 平原地区 面貌 布局 功能
    """.split()
)

ORG_SUFFIX = re.compile(
    r"(?:中心|集团|研究院|研究所|实验室|基地|中学|小学|大学|学校|医院|公司|交易所|医药港|"
    r"科技园|产业园|工业园|创梦园|[^小]园区|商务区|科创区|试验区|合作区|先导区|商圈|综合体|市场)$"
)
# “3+2”现代产业体系, “1+N”政策体系: a quoted formula naming a programme.
FORMULA = re.compile(r"“[0-9A-Za-z+]{2,8}”[\u4e00-\u9fff]{2,8}?(?:体系|政策|模式|格局|战略|工程|行动|机制|计划)")


# Kinds are decided by what a word is, not by jieba's guess alone: jieba tags
# 美丽, 深度, 海洋 as places, 全覆盖, 新时代, 赋能 as proper nouns, 重大进展 as
# an institution. A word that is not what its tag says is no tag at all.

# Places: a name of the administrative-division data, a named place of the
# lexicon, or a proper noun with a place suffix (…潭, …坊, …岛, …街道).
PLACE_SUFFIX = re.compile(r"(?:[镇乡村湾潭岛港坊关洲围涌岗塘圩寨]|街道|新城|片区|[^城社小郊市辖山景湾园]区)$")
# Common words with a place's shape.
NOT_PLACES = set(
    """
    新区 城镇 大都市 滨河 山水 高原 海洋 美丽 深度 新建 法治化 惠及 一马平川 兴国 城区 老城区 中心城区
    开发区 园区 景区 街区 小区 港区 湾区 山区 林区 矿区 库区 牧区 郊区 市区 辖区 城乡 村镇 乡镇 集镇 社区
    乡村 农村 山村 渔村 边境 沿海 内陆 东部 西部 中部 东北 东中西部 南北 城市核心 商务区
    港人治港
    """.split()
)
# Institutions and projects are named: a proper noun before …中心, …集团, …园.
GENERIC_NAMES = set(
    """
    服务 创新 研究 科技 文化 体育 商务 城市 专业 世界级 综合 国际 现代 产业 交易 数据 物流 创业 孵化 会展
    党群 政务 便民 社区 卫生 医疗 文体 活动 培训 实训 研发 运营 调度 指挥 管理 信息 技术 工程 检测 公共
    新型 高端 特色 重点 重大 区域 示范 先进 职业 高等 一流 儿科 教育 养老 托育 消费 金融 商业 工业 农业
    医学 实验 智慧 物流 政务服务 科创 双创 人才 企业 产业链
    上市 跨国 公立 民营 私立 国有 外资 外商 中小 小微 龙头 骨干 批发 零售 农贸 疾控
    """.split()
)
# What a kind of place is, not its name: 中心区, 中心镇, 深水港, 核心区.
GENERIC_PLACE_WORDS = set("中心 深水 核心 内河 近海 远洋 主城 老城 城中 边远 偏远".split())
# Regions that name a larger area before its own name: 粤港澳大湾区 is the 大湾区.
REGIONS = set("粤港澳 京津冀 长三角 珠三角 成渝 闽三角 泛珠三角".split())
# Numbered slogans name programmes: 四个中心, 三大平台, 一区三中心, 一带一路.
NUMERAL = "一二两三四五六七八九十百千万"
NUMBERED_SLOGAN = re.compile(
    rf"[{NUMERAL}]+[个大项条张]\w{{1,5}}|(?:[{NUMERAL}]+[^{NUMERAL}\W]{{1,3}}){{2,4}}"
)
# A city's name after an anniversary is the celebration: 成立60周年大庆.
CELEBRATION = re.compile(r"(?:周年|华诞)$")
# Programmes: named with …工程, …行动, …计划, …战略, …制度, …改革, or quoted.
POLICY_SUFFIX = re.compile(r"(?:工程|行动|计划|战略|制度|改革|机制|模式|试点|三年行动)$")
# What a two-character word before the suffix says is a kind of thing, not a
# programme's name: every …机制, …制度, …模式 (长效机制, 保险制度), and an
# everyday word before …工程, …行动 (水利工程, 实际行动; jieba's dictionary has
# seen it more than COMMON_WORD times), where a coined name (强基工程, 双高计划) is rare.
KIND_SUFFIX = re.compile(r"(?:机制|制度|模式)$")
COMMON_WORD = 1000
# A quoted or lexicon term that names a subject, not a programme: 网红经济, 西关美食.
SUBJECT_SUFFIX = re.compile(r"(?:经济|美食|产业|文化|中医药|业态)$")


def tag_kind(word: str, flag: str, before: str = "") -> str | None:
    """The kind of tag a candidate is, or None when it should not be a tag
    (`before`: the text just before the word, where it was found)."""
    named = segment.lexicon_kinds().get(word)
    if is_numbered_slogan(word.strip("“”")):
        return POLICY
    if named == "ns" or (named is None and is_place_name(word, flag)):
        return None if CELEBRATION.search(before) else PLACE
    if named == "nt" or is_institution(word):
        return ORG
    if named == "nz" or word.startswith("“"):
        return TOPIC if SUBJECT_SUFFIX.search(word.strip("“”")) else POLICY
    if is_programme(word):
        return POLICY
    if named is None and POLICY_SUFFIX.search(word) and len(word) <= 4:
        return None  # 长效机制, 水利工程: a kind of mechanism or works
    if flag in ("ns", "nt", "nz") and named is None:
        return None  # jieba's proper-noun guess, with nothing to back it
    if named is None and (ORG_SUFFIX.search(word) or (flag == "vn" and len(word) == 2)):
        return None  # a bare 医学中心, or a verb such as 落户 or 运营
    return TOPIC if 2 <= len(word) <= 8 else None


def is_place_name(word: str, flag: str) -> bool:
    if word in NOT_PLACES or len(word) < 2:
        return False
    if any(place.level != places.COUNTY or word in (place.name, place.full) for place in divisions(word)):
        return True  # a province or city by any name, a county by its full name
    return flag == "ns" and len(word) >= 3 and bool(place_name_before_suffix(word))


def divisions(word: str) -> list:
    """The administrative divisions a word names; the table's 99… rows (海域,
    苏鲁交界) are areas it files somewhere, not divisions."""
    return [place for place in places.names().get(word, ()) if not place.code.startswith("99")]


def place_name_before_suffix(word: str) -> str:
    """石湾 of 石湾镇, 白沙 of 白沙岛; "" when the word has no place suffix or
    what comes before it says what kind of place it is (中心区, 深水港)."""
    match = PLACE_SUFFIX.search(word)
    if not match:
        return ""
    core = match.group()
    # The …区 rule matches the character before 区 as well: it belongs to the name.
    name = word[:-1] if core.endswith("区") and core != "片区" else word[: match.start()]
    generic = name in GENERIC_PLACE_WORDS or name in GENERIC_NAMES or name in FILLER or name in NOT_PLACES
    return "" if len(name) < 2 or generic else name


def is_numbered_slogan(word: str) -> bool:
    """四个中心, 一区三中心, 三大平台: a numbered slogan, which names a programme.
    (一体化, 一流 are not: one numeral, no measure word.)"""
    return bool(NUMBERED_SLOGAN.fullmatch(word))


def one_name_per_entity(words: set[str]) -> dict[str, str]:
    """Place names that name the same place as a shorter one among `words` →
    that shorter one (which the longer contains, so the tag is in the text):
    澳门特别行政区 → 澳门 (one division), 粤港澳大湾区 → 大湾区 (a region's name before it)."""
    names: dict[str, str] = {}
    for word in sorted(words, key=lambda w: (len(w), w)):
        for shorter in sorted(words, key=lambda w: (len(w), w)):
            if len(shorter) >= len(word) or shorter not in word:
                continue
            if same_division(word, shorter) or (word.endswith(shorter) and len(shorter) >= 3 and word[: -len(shorter)] in REGIONS):
                names[word] = names.get(shorter, shorter)
                break
    return names


def same_division(a: str, b: str) -> bool:
    first, second = divisions(a), divisions(b)
    return len(first) == 1 and len(second) == 1 and first[0].code == second[0].code


def is_institution(word: str) -> bool:
    name = specific_name(word, ORG_SUFFIX)
    if len(name) == 2 and not names_a_place(name):
        # Two characters before …大学, …市场, …公司, …中心 say what kind it is
        # (师范大学, 债券市场, 控股公司, 测试中心), unless they name the place
        # it is in or of (浙江大学, 敦煌研究院).
        return False
    return bool(name) and not name.startswith(("新", "大型"))


def names_a_place(name: str) -> bool:
    return bool(divisions(name)) or segment.lexicon_kinds().get(name) == "ns"


def is_programme(word: str) -> bool:
    name = specific_name(word, POLICY_SUFFIX)
    coined = any(c in NUMERAL for c in name)  # 千万工程, 百千万工程: numbers make a name
    if len(name) == 2 and not coined and (KIND_SUFFIX.search(word) or segment.frequency(name) >= COMMON_WORD):
        return False
    return bool(name)


def specific_name(word: str, suffix: re.Pattern) -> str:
    """The name before an institution's or programme's suffix (国家呼吸医学 of
    国家呼吸医学中心), or "" when there is none or it is a generic word (服务中心)."""
    match = suffix.search(word)
    name = word[: match.start()] if match else ""
    if len(name) < 2 or SLOGAN.fullmatch(word) or generic(name):
        return ""
    return name


# 以治病为中心, 以企业为主体: a slogan of what comes first, not a name.
SLOGAN = re.compile(r"以.{1,6}为.{1,4}")


def generic(name: str) -> bool:
    """A name made of generic words only (服务, 科技创新 = 科技 + 创新) says what kind it is."""
    if name in GENERIC_NAMES or name in FILLER:
        return True
    return len(name) == 4 and all(half in GENERIC_NAMES or half in FILLER for half in (name[:2], name[2:]))


