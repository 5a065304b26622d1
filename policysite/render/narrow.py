"""Markup that lets a phone show a page in fewer lines (the stylesheet decides
what a narrow screen leaves out): the year of a date the heading above already
gives, and where a card's words may break."""

from __future__ import annotations

import html
import re

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
YEAR = re.compile(r"^(\d{4}年)(?=\d)")


def date_cell(date: str) -> str:
    """2026年1月27日 with its year marked (a phone under the year's heading shows 1月27日)."""
    return YEAR.sub(r'<span class="year">\1</span>', html.escape(date, quote=False))


def word_breaks(text: str) -> str:
    """Text as HTML with a <wbr> between its words (jieba's cut): a card's line
    breaks between words (生态/布局 stays 生态布局), the stylesheet keeping
    Chinese from breaking elsewhere."""
    from ..lang import segment

    if not segment.available():
        return html.escape(text, quote=False)
    pieces = []
    for word in segment.words(text):
        if pieces and HAN.match(pieces[-1][-1]) and HAN.match(word[0]):  # other marks break as they do
            pieces.append("<wbr>")
        pieces.append(word)
    return "".join(piece if piece == "<wbr>" else html.escape(piece, quote=True) for piece in pieces)
