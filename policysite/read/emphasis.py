"""Clean rule: Markdown's bold marks out of a report kept as Markdown.

A copy taken from a Markdown page marks its headings bold
(**一、2023年工作回顾**, **二、2024年工作总体要求和主要目标**), which hides
them from the outline: the parts are not found, and a review part's figures
lose the part that makes them results. A report's own text never holds `**`,
so the marks come out wherever they stand — around a line, or opening a
heading on one line and closing it on the next. A line of marks alone is
recorded in `dropped`.
"""

from __future__ import annotations

import re

from ..model import Line

BOLD = re.compile(r"\*\*")


def unwrap_bold(result) -> None:
    from .clean import record

    empty = set()
    for index, line in enumerate(result.lines):
        if "**" not in line.text:
            continue
        fixed = BOLD.sub("", line.text).strip()
        if fixed:
            result.lines[index] = Line(line.number, fixed)
        else:
            empty.add(index)
    record(result, "Markdown bold marks", empty)
