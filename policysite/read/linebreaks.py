"""Clean rule: a report whose line breaks were lost, read line by line again.

Some copies hold a whole report on one physical line (or one line per web
page): 政府工作报告——2023年3月5日在…会议上国务院总理李克强各位代表：…一、过去一年
工作回顾2022年是…（一）…. The lines are cut again where the report's own
structure says a line starts — the dateline, the speaker, 各位代表, a part
一、 or an item （一） after a sentence end — never inside a sentence. The
pieces keep the number of the line they came from; nothing is added or lost.
"""

from __future__ import annotations

import re

from ..model import Line

RUN_ON = 1500          # characters of a line that may be a whole page run together
NUMERAL = "一二三四五六七八九十"
# Where a new line starts inside a run-on line (a zero-width cut before the match).
CUT_BEFORE = re.compile(
    rf"(?<=政府工作报告)(?=[—―─]{{1,2}}\d)"                       # 政府工作报告|——2023年3月5日在…
    rf"|(?<=会议上)(?=[\u4e00-\u9fff]{{2,14}}(?:总理|省长|市长|区长|县长|州长|主席|盟长|旗长))"  # …会议上|国务院总理李强
    rf"|(?<=[\u4e00-\u9fff])(?=各位代表[:：！!])"                  # …李克强|各位代表：
    rf"|(?<=[。！？!?；;：:])(?=[{NUMERAL}]{{1,3}}、)"              # …。|一、过去一年工作回顾
    rf"|(?<=[。！？!?；;：:])(?=[(（][{NUMERAL}]{{1,3}}[)）])"      # …。|（一）
    rf"|(?<=[。！？!?])(?=本作品(?:是|在|已))"                      # …奋斗！|本作品是…（a licence notice)
)
# A part heading run into its first sentence: 一、2025年工作回顾|刚刚过去的一年.
PART_END = re.compile(
    rf"^[{NUMERAL}]{{1,3}}、.{{2,30}}?(?:工作回顾|发展回顾|发展成就|重点工作|工作安排|工作任务|主要任务|目标任务|总体要求|"
    r"政策取向|预期目标|重大举措|自身建设|建议)"
)


def split_run_on_lines(result) -> None:
    """Lines of more than RUN_ON characters that hold a report's structure are cut at it."""
    lines: list[Line] = []
    for line in result.lines:
        if len(line.text) < RUN_ON or not CUT_BEFORE.search(line.text):
            lines.append(line)
            continue
        for piece in cut(line.text):
            lines.append(Line(line.number, piece))
    result.lines = lines


# 2024年政府工作报告——2024年3月5日在…会议上: title and dateline on one line.
TITLE_DATELINE = re.compile(r"^(?P<title>.{0,30}政府工作报告)\s*(?P<dateline>[—―─]{1,2}.{6,60}?会议上)$")


def split_title_from_dateline(result) -> None:
    """A title and its dateline on one line, near the top: two lines, as the title block has them."""
    for index, line in enumerate(result.lines[:12]):
        match = TITLE_DATELINE.match(line.text)
        if match:
            result.lines[index: index + 1] = [Line(line.number, match["title"]), Line(line.number, match["dateline"])]
            return


def cut(text: str) -> list[str]:
    pieces = [piece.strip() for piece in CUT_BEFORE.split(text) if piece.strip()]
    out = []
    for piece in pieces:
        heading = PART_END.match(piece)
        if heading and heading.end() < len(piece):
            out += [heading.group(), piece[heading.end():]]
        else:
            out.append(piece)
    return out
