"""Clean rule: Markdown's bold marks out of a report kept as Markdown.

A copy taken from a Markdown page marks its headings bold
(**一、2023年工作回顾**, **二、2024年工作总体要求和主要目标**), which hides
them from the outline: the parts are not found, and a review part's figures
lose the part that makes them results. A report's own text never holds `**`,
so the marks come out wherever they stand — around a line, or opening a
heading on one line and closing it on the next. A line of asterisks alone
(***, a Markdown rule, or text that happens to be asterisks) is left as it
is: it holds no bold text to unwrap. Nor are asterisks standing for a name
(在**县第十八届人民代表大会…: a copy that masks the place) bold marks.
"""

from __future__ import annotations

import re

from ..lang.patterns import MASKED_NAME
from ..model import Line

BOLD = re.compile(r"\*\*")
MASKS = re.compile(f"({MASKED_NAME.pattern})")   # split on, kept: not bold marks
ASTERISKS = re.compile(r"[*\s]+")


def unwrap_bold(result) -> None:
    for index, line in enumerate(result.lines):
        if "**" in line.text and not ASTERISKS.fullmatch(line.text):
            pieces = MASKS.split(line.text)  # odd pieces are masks
            text = "".join(piece if odd % 2 else BOLD.sub("", piece) for odd, piece in enumerate(pieces))
            result.lines[index] = Line(line.number, text.strip())
