"""The end of an article: credits, copyright and contact lines, read into a Footer.

Credits (采写, 编辑, 记者 …) are never headings or body text, wherever they stand.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..model import Footer, Line

# Credits that are never headings or body text: bylines, photo credits, editors.
CREDIT = re.compile(
    r"^(?P<label>[图文]|采写|撰文|撰稿|编辑|责编|责任编辑|校对|审核|审校|统筹|监制|出品|记者|"
    r"通讯员|实习生|摄影|摄像|视频|制图|设计|来源|作者)\s*[:：/|丨]"
)
COPYRIGHT = re.compile(r"未经授权|不得转载|禁止转载|版权所有|版权声明|授权联系|©|copyright|all rights reserved", re.I)
CONTACT = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?(?:\s+[\d()\s+-]{7,})?$|^[\d()\s+-]{7,}$")
CONTACT_LABEL = re.compile(r"(?:授权|版权)?联系(?:方式|电话|邮箱)|邮箱[:：]|电话[:：]")


def is_footer_line(text: str) -> bool:
    return bool(CREDIT.match(text) or COPYRIGHT.search(text) or CONTACT.match(text))


def find_footer(lines: Sequence[Line], body_start: int) -> int:
    """Index of the first footer line: credits, copyright and contact at the end."""
    start = len(lines)
    while start - 1 >= body_start and is_footer_line(lines[start - 1].text):
        start -= 1
    return start


def read_footer(lines: Sequence[Line]) -> Footer:
    footer = Footer(lines=[line.text for line in lines])
    notice: list[str] = []
    for line in lines:
        credit = CREDIT.match(line.text)
        if not credit:
            notice.append(line.text)
            continue
        label, value = credit["label"], line.text[credit.end():].strip()
        if label in ("采写", "撰文", "撰稿", "记者", "文", "作者") and not footer.reporter:
            footer.reporter = value
        elif label in ("编辑", "责编", "责任编辑") and not footer.editor:
            footer.editor = value
    text = " ".join(notice)
    label = CONTACT_LABEL.search(text)
    if label:
        footer.copyright, footer.contact = text[: label.start()].strip(), text[label.start():].strip()
    elif text and CONTACT.match(notice[-1]) and len(notice) > 1:
        footer.copyright, footer.contact = " ".join(notice[:-1]), notice[-1]
    else:
        footer.copyright = text
    return footer
