"""Clean stage: what a web page adds around a report comes out; broken lines are joined.

Text copied from government and newspaper sites carries the page with it:
toolbars (下载 / 打印 / 【字号：大 中 小】), breadcrumbs one item per line,
metadata tables one cell per line (索引号 / 发布机构 / 发布日期 …), share
prompts and "相关报道" link lists. HTML extraction also breaks sentences
(PM / 2.5 / 年平均浓度) and flattens tables one cell per line.

Each rule is a small function over the lines. What a rule drops is recorded
with its line number, so "every sentence of the seed is somewhere" stays
checkable: on a page, or in `dropped`. Joined lines keep the number of their
first line. Page metadata (来源, 发布日期) is dropped from the text but kept as
`facts` for the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lang.patterns import is_sentence
from ..model import Dropped, Line
from . import emphasis, linebreaks, markup, records, residue

REPORT = "政府工作报告"


# A line that is nothing but page controls, alone or several together:
# 下载 打印 全屏 收藏 关闭 【字号：大 中 小】 分享到： 返回顶部 …
TOOL = (
    r"下载|打印|全屏|收藏|关闭|关闭窗口|打印本页|关闭本页|加入收藏|返回顶部|回到顶部|返回|顶部|分享|分享到|"
    r"字号|字体|大|中|小|加大|还原|减小|默认|放大|缩小|正常|朗读|播报|语音播报|纠错|我要纠错|"
    r"微信|微博|新浪微博|QQ|QQ空间|复制链接|二维码|扫一扫|浏览次数|阅读|点赞|评论|视力保护色|护眼模式"
)
TOOLBAR = re.compile(rf"^(?:[【\[〔(（]?\s*(?:{TOOL})\s*(?:[:：]\s*)?[】\]〕)）]?[\s|｜/·]*)+$")
SCAN_PROMPT = re.compile(r"^(?:扫一扫|微信扫一扫|用微信扫描|手机扫描|扫描二维码).{0,20}$")
SHARE = re.compile(r"^(?:分享到?|分享至)\s*[:：]?.{0,20}$")
SEARCH_BOX = re.compile(r"^(?:快捷搜索|热门搜索|站内搜索|热搜词?|搜索)\s*[:：]?.{0,30}$")
# Breadcrumbs: "您的位置：首页 > 要闻 > 正文", or the same one item per line.
CRUMB_LEAD = re.compile(r"^(?:您的位置|您现在的位置|当前位置|所在位置|位置)\s*[:：]")
CRUMB_SEPARATOR = re.compile(r"^[>›»/＞→]+$")
# 首页 理论教育 2023年工作回顾-某县年鉴: a trail from the home page, its items spaced apart.
CRUMB_HOME = re.compile(r"^(?:网站)?首页(?:\s*[>›»/＞|]\s*|\s+)\S")
CRUMB_INLINE = re.compile(r"^[^>›»＞。,，]{1,12}(?:\s*[>›»＞]\s*[^>›»＞。,，]{1,14}){1,}\s*[>›»＞]?$")
# Page metadata, a label and its value (on the same line or the next):
# 索引号 / 发布机构 / 主题分类 / 成文日期 / 发布日期, 来源：甘肃日报, 时间：2026-02-10.
META_LABELS = (
    "索引号|发布机构|发文机关|发文机构|主题分类|主题词|成文日期|发布日期|发文日期|生效日期|废止日期|有效性|"
    "文号|发文字号|分类|公开方式|公开范围|信息来源|来源|时间|发布时间|更新时间|作者|访问量|浏览量|点击数|浏览次数|阅读量|"
    "发表时间|发稿时间|刊发日期|刊发时间|出版日期|见报日期|阅读|评论|点击|点击量|阅读次数|评论数"
)
# Labels that are also ordinary words (a heading 分类, 来源 in a sentence): fields only with their colon.
BARE_WORDS = ("来源", "时间", "作者", "分类")
META_LINE = re.compile(rf"^(?P<label>{META_LABELS})\s*(?:[:：]\s*(?P<value>.{{0,40}})|$)")
META_INLINE = re.compile(rf"(?:{META_LABELS})\s*[:：]")
COUNT = re.compile(r"^\d{1,7}$")   # 235 under 阅读：, 0 under 评论：
TIMESTAMP = re.compile(r"^(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}[:：]\d\d(?:[:：]\d\d)?)?$")
# A photo caption: "……作政府工作报告。本报记者 ×× 摄".
CAPTION = re.compile(r"(?:记者|摄影|通讯员|供图|图片来源).{0,20}(?:摄影?|供图)[)）]?$|^[(（]?(?:图|图片|资料图)[)）]?[:：]")
# A photo's caption: 任振鹤作《政府工作报告》, perhaps with its credit (…甘肃日报记者 某某).
SPEAKER_CAPTION = re.compile(r"^[\u4e00-\u9fff·]{2,4}作《?政府工作报告》?。?(?:\S{0,20}记者\s*[\u4e00-\u9fff·]{2,4})?$")
# A dateline's first line: dashes, or the date itself (2022年4月9日在宁波市).
DATELINE_START = re.compile(r"^(?:[—―─\-－]{1,2}|(?:19|20)\d\d年\d{1,2}月\d{1,2}日在)")
# A comment of the page's markup left in the copy: <!-- 任振鹤作政府工作报告。 -->.
HTML_COMMENT = re.compile(r"^<!--.*-->$")
# A picture's file name left where the picture was: 20260122001.jpg.
IMAGE_NAME = re.compile(r"^[\w\-.()（）]{1,80}\.(?:jpe?g|png|gif|webp|bmp)$", re.IGNORECASE)
# A newspaper's page label over an e-paper article: 第一版:要闻版总第5120期 >2026-01-22编印, A02版：要闻.
EDITION = re.compile(r"^(?:第\s*[A-Z]?[0-9一二三四五六七八九十]{1,3}\s*版|[A-Z]?\d{1,3}\s*版)\s*[:：]?.{0,40}$")
# Where the report ends and the page's link lists begin.
TAIL = re.compile(r"^(?:【?\s*(?:相关报道|相关链接|相关新闻|相关阅读|相关文章|延伸阅读|推荐阅读|更多报道|热点推荐|猜你喜欢|上一篇|下一篇)\s*】?\s*[:：]?.{0,30})$")
# A table flattened one cell per line starts with header cells such as these.
TABLE_HEADERS = re.compile(r"^(?:序号|指标|指标名称|主要指标|项目|项目名称|类别|名称|任务|内容|单位|属性)$")
TABLE_CELL_MAX = 24
# Lines a heading or list item may end with: they are never broken sentences.
OPENS_LIST = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.．、](?!\d)|附件)")


@dataclass
class Cleaned:
    """The lines the report consists of, and what was taken away."""

    lines: list[Line]
    dropped: list[Dropped] = field(default_factory=list)
    facts: dict[str, str] = field(default_factory=dict)   # page metadata: 来源, 发布日期 …
    warnings: list[str] = field(default_factory=list)     # doubt a rule found (repairs, repeats)


def clean(lines: list[Line]) -> Cleaned:
    result = Cleaned(list(lines))
    for rule in RULES:
        rule(result)
    return result


# --- rules, in the order they run ------------------------------------------------


def drop_toolbars(result: Cleaned) -> None:
    """下载 / 打印 / 【字号：大 中 小】 / 分享到: / 扫一扫在手机打开当前页 / 快捷搜索: 论文 合同 (at the top)."""
    keep_if(result, "toolbar", lambda i, text: not (
        (len(text) <= 40 and TOOLBAR.match(text) and not text in ("大", "中", "小") or tool_run(result.lines, i))
        or SCAN_PROMPT.match(text) or SHARE.match(text) and len(text) <= 20
        or i < 5 and SEARCH_BOX.match(text) and not is_sentence(text)
        or counter_value(result.lines, i)
    ))


def counter_value(lines: list[Line], index: int) -> bool:
    """235 under 阅读：, 0 under 评论：: a page counter's value on the line after its label."""
    return bool(index and COUNT.match(lines[index].text) and re.search(r"[:：]$", lines[index - 1].text)
                and TOOLBAR.match(lines[index - 1].text))


def tool_run(lines: list[Line], index: int) -> bool:
    """大 / 中 / 小 alone are text only outside a run of toolbar lines."""
    text = lines[index].text
    if text not in ("大", "中", "小", "【", "】", "[", "]", "|"):
        return False
    near = [lines[j].text for j in range(max(0, index - 5), min(len(lines), index + 5)) if j != index]
    return any(TOOLBAR.match(t) and t not in ("大", "中", "小") for t in near)


def drop_breadcrumbs(result: Cleaned) -> None:
    """您的位置：首页 > 要闻 > 正文, inline or one crumb per line, near the top."""
    lines, drop = result.lines, set()
    top = min(len(lines), 40)
    index = 0
    while index < top:
        text = lines[index].text
        if CRUMB_LEAD.match(text):
            drop.add(index)
            rest = CRUMB_LEAD.sub("", text).strip()
            site = re.split(r"\s*[>›»＞→]+\s*", rest)[0].strip()
            if re.fullmatch(r"[\u4e00-\u9fff]{1,16}(?:网|网站|人民政府|政府|日报|晚报|在线|门户)", site):
                result.facts.setdefault("outlet", site)  # 当前位置：××县人民政府 > 政务公开: the site's name
            index += 1
            # One crumb per line: items joined by separator lines.
            expect_item = not rest or CRUMB_SEPARATOR.match(rest[-1:])
            while index < top:
                text = lines[index].text
                if CRUMB_SEPARATOR.match(text):
                    expect_item = True
                elif expect_item and len(text) <= 14 and not is_sentence(text):
                    expect_item = False
                else:
                    break
                drop.add(index)
                index += 1
            continue
        # Without a lead: 首页 / > / 政务公开 / > / 正文, short items joined by separator lines.
        run = crumb_run(lines, index, top)
        if run:
            drop.update(range(index, index + run))
            index += run
            continue
        if CRUMB_INLINE.match(text) and any(mark in text for mark in ">›»＞"):
            drop.add(index)
        elif index < 5 and CRUMB_HOME.match(text) and len(text) <= 60 and not is_sentence(text):
            drop.add(index)
        index += 1
    record(result, "breadcrumb", drop)


def crumb_run(lines: list, start: int, top: int) -> int:
    """How many lines from `start` are crumbs joined by separator lines (0 if fewer than two crumbs)."""
    def crumb(at: int) -> bool:
        return at < top and len(lines[at].text) <= 14 and not is_sentence(lines[at].text) and not CRUMB_SEPARATOR.match(lines[at].text)

    end = start
    while crumb(end) and end + 2 < top + 1 and CRUMB_SEPARATOR.match(lines[end + 1].text if end + 1 < top else "") and crumb(end + 2):
        end += 2
    return end - start + 1 if end > start else 0


def take_page_metadata(result: Cleaned) -> None:
    """索引号 / 发布机构 / 发布日期 …, 来源：甘肃日报, 时间：2026-02-10, bare timestamps.

    Only near the top or the bottom of the text, where pages put them; the
    values are kept as facts (来源 names the outlet, a date the publication).
    """
    lines, drop = result.lines, set()
    edge = set(range(min(len(lines), 30))) | set(range(max(0, len(lines) - 12), len(lines)))
    for index in sorted(edge):
        if index in drop:
            continue
        text = lines[index].text
        match = META_LINE.match(text)
        if TIMESTAMP.match(text) and index < 30:
            drop.add(index)
            result.facts.setdefault("published", text)
        elif match and (match["value"] or index + 1 < len(lines)) and len(text) <= 50:
            label, value = match["label"], (match["value"] or "").strip()
            if not value:
                if label in BARE_WORDS and not re.search(r"[:：]", text):
                    continue  # 分类, 来源 alone: a heading or a word, not a field without its colon
                # The value is the next line, unless that is another label.
                following = lines[index + 1].text if index + 1 < len(lines) else ""
                if following and not META_LINE.match(following) and len(following) <= 40 and not is_sentence(following) \
                        and not re.match(r"^[^：:]{1,8}[：:]", following):  # 内容摘要：… is another field, not this one's value
                    value = lines[index + 1].text
                    drop.add(index + 1)
                elif re.search(r"[:：]\s*$", text) and (META_LINE.match(following) or not following or COUNT.match(following)
                                                        or re.match(r"^[^：:]{1,8}[：:]", following)):
                    pass  # 作者： with nothing after it: an empty field of the page's header
            if is_sentence(value):
                continue  # "来源：" opening a sentence is text
            drop.add(index)
            result.facts.setdefault(fact_name(label), value)
        elif len(text) <= 80 and len(META_INLINE.findall(text)) >= 2 and index < 30:
            # 来源：甘肃日报 时间：2026-02-10 on one line.
            drop.add(index)
            for label, value in re.findall(rf"({META_LABELS})\s*[:：]\s*(\S+(?:\s\d\d:\d\d(?::\d\d)?)?)", text):
                result.facts.setdefault(fact_name(label), value)
    record(result, "page metadata", drop)


def fact_name(label: str) -> str:
    if label in ("来源", "信息来源"):
        return "outlet"
    if label in ("发布日期", "发布时间", "时间", "发文日期", "更新时间", "发表时间", "发稿时间", "刊发日期", "刊发时间",
                 "出版日期", "见报日期"):
        return "published"
    if label in ("发布机构", "发文机关", "发文机构"):
        return "publisher"
    return label


def drop_captions(result: Cleaned) -> None:
    """Photo captions: "省长作政府工作报告。本报记者 ×× 摄", "任振鹤作《政府工作报告》"; markup comments."""
    keep_if(result, "photo caption", lambda i, text: not (len(text) <= 100 and (CAPTION.search(text) or SPEAKER_CAPTION.match(text))))
    keep_if(result, "markup comment", lambda i, text: not HTML_COMMENT.match(text))
    keep_if(result, "image file name", lambda i, text: not IMAGE_NAME.match(text))
    keep_if(result, "edition label", lambda i, text: not (i < 6 and EDITION.match(text) and re.search(r"版|期|编印", text[2:])))


def drop_tail_links(result: Cleaned) -> None:
    """相关报道： and the link titles under it, to the end of the text.

    Only when what follows is a list of short titles: a long sentence after
    the label means the text goes on, and nothing is dropped.
    """
    lines = result.lines
    for index in range(max(0, len(lines) - 40), len(lines)):
        if TAIL.match(lines[index].text):
            rest = lines[index + 1:]
            if all(len(line.text) <= 60 for line in rest):
                record(result, "related links", set(range(index, len(lines))))
            return


def join_datelines(result: Cleaned) -> None:
    """——2026年1月26日在广东省第十四届 / 人民代表大会第五次会议上, or 2022年4月9日在宁波市 /
    第十六届人民代表大会第一次会议上: one line."""
    lines = result.lines
    index = 0
    while index + 1 < len(lines):
        text, following = lines[index].text, lines[index + 1].text
        if DATELINE_START.match(text) and not re.search(r"会议上\s*$", text) and len(text) <= 40 \
                and re.search(r"会议上\s*$", following) and len(following) <= 40:
            lines[index] = Line(lines[index].number, text + following)
            del lines[index + 1]
        index += 1


def join_broken_lines(result: Cleaned) -> None:
    """A sentence broken by HTML extraction: PM / 2.5 / 年平均浓度……, 推动…， / 发展……。

    Joins a line that cannot end a paragraph (it ends with a comma, an
    opening bracket or a short Latin/digit fragment) with the next one, and a
    line the next one continues (it starts with a closing mark or unit).
    """
    lines = result.lines
    index = 0
    while index + 1 < len(lines):
        text, following = lines[index].text, lines[index + 1].text
        if is_broken(text, following):
            lines[index] = Line(lines[index].number, text + following)
            del lines[index + 1]
            continue
        index += 1


def is_broken(text: str, following: str) -> bool:
    if OPENS_LIST.match(following) or is_sentence(text):
        return False
    if text[-1] in "，,、（(“‘《—" and len(text) >= 8:
        return True   # no paragraph ends on a comma or an opening mark
    if re.search(r"[A-Za-z]$", text) and re.match(r"\d", following):
        return True   # PM / 2.5
    if re.match(r"^[，,。、；;：:）)”’》%]", following):
        return True   # the next line continues this one: 2.5 / ）年平均浓度
    return False


def rebuild_flat_tables(result: Cleaned) -> None:
    """指标 / 预期目标 / 完成情况 / 地区生产总值增长 / 5%左右 / 5.4% …: rows again.

    A run of short cell lines that opens with a header cell (指标, 项目, 序号 …)
    is cut into rows of n cells, for the n under which the header cells carry
    no figures and every other cell of a row does; each row becomes one line,
    its cells separated by tabs (render shows a table).
    """
    lines = result.lines
    index = 0
    while index < len(lines):
        if not TABLE_HEADERS.match(lines[index].text):
            index += 1
            continue
        end = index
        while end < len(lines) and is_cell(lines[end].text):
            end += 1
        cells = [line.text for line in lines[index:end]]
        rows, columns = table_shape(cells)
        if not rows:
            index += 1
            continue
        lines[index: index + rows * columns] = [
            Line(lines[index + r * columns].number, "\t".join(cells[r * columns:(r + 1) * columns])) for r in range(rows)
        ]
        index += rows


def table_shape(cells: list[str]) -> tuple[int, int]:
    """(rows, cells per row) of the table the run opens with; (0, 0) when it is not one."""
    best = (0, 0, 0)
    for columns in range(2, 8):
        rows = len(cells) // columns
        if rows < 2 or not all(is_header_cell(cell) for cell in cells[:columns]):
            continue
        good = 1
        while good < rows and all(re.search(r"\d", cell) for cell in cells[good * columns + 1:(good + 1) * columns]):
            good += 1
        if good >= 2 and good * columns > best[0]:
            best = (good * columns, good, columns)
    return best[1], best[2]


def is_header_cell(text: str) -> bool:
    return len(text) <= 10 and not re.search(r"\d(?!\d*年)", text) and not is_sentence(text)


def is_cell(text: str) -> bool:
    return len(text) <= TABLE_CELL_MAX and not is_sentence(text) and "\t" not in text


def join_split_titles(result: Cleaned) -> None:
    """政府工作报 / 告 on two lines, 政 府 工 作 报 告 spaced out: one title line, near the top."""
    lines = result.lines
    for index in range(min(len(lines), 12)):
        text = lines[index].text
        spaced = re.fullmatch(r"(?:[\u4e00-\u9fff《》]\s+){3,}[\u4e00-\u9fff《》]", text)
        if spaced and REPORT in re.sub(r"\s+", "", text):
            lines[index] = Line(lines[index].number, re.sub(r"\s+", "", text))
        elif index + 1 < len(lines) and REPORT not in text and len(lines[index + 1].text) <= 4 \
                and REPORT in text + lines[index + 1].text and len(text) <= 40:
            lines[index] = Line(lines[index].number, text + lines[index + 1].text)
            del lines[index + 1]
            return


RULES = [
    records.read_json_record, markup.read_html, linebreaks.split_run_on_lines, records.read_record_header, records.read_metadata_table,
    residue.repair_broken_characters, residue.strip_emoji,
    emphasis.unwrap_bold, residue.drop_omission_marks,
    join_split_titles,
    linebreaks.split_title_from_dateline,
    drop_toolbars, drop_breadcrumbs, take_page_metadata, drop_captions, drop_tail_links, residue.drop_licence_notice,
    residue.drop_teaser, join_datelines, rebuild_flat_tables, join_broken_lines, residue.drop_repeated_stretches,
    residue.drop_licence_notice,  # again: a copy pasted twice holds one in its middle
]


# --- helpers -------------------------------------------------------------------


def keep_if(result: Cleaned, rule: str, keep) -> None:
    record(result, rule, {i for i, line in enumerate(result.lines) if not keep(i, line.text)})


def record(result: Cleaned, rule: str, indexes: set[int]) -> None:
    """Move the lines at `indexes` to `dropped`, naming the rule."""
    if not indexes:
        return
    result.dropped += [Dropped(result.lines[i].number, result.lines[i].text, rule) for i in sorted(indexes)]
    result.dropped.sort(key=lambda d: d.line)
    result.lines = [line for i, line in enumerate(result.lines) if i not in indexes]
