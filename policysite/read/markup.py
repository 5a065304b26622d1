"""Clean rule: a text that kept its page's HTML (<p>…</p>, <br>, a table's
<td> cells) — as scraped datasets store it — read as the text the page showed.

Block tags end lines, a table's cells are separated by tabs (the clean stage
shows such rows as a table), scripts and styles go, entities are decoded; the
lines keep the number of the source line they came from. Only a text that is
markup throughout (tags on at least half its lines) is read so: a few lines
holding tags in a text without them are text, shown as written (escaped).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..model import Line

TAG = re.compile(r"</?(?:p|div|br|span|h[1-6]|strong|b|em|i|u|table|tbody|thead|tr|td|th|li|ul|ol|font|section|article"
                 r"|img|a|center|blockquote|hr|sup|sub)\b[^<>]*>", re.IGNORECASE)
MIN_TAGS = 3
MARKED_SHARE = 0.5    # of a text's lines that hold tags, for it to be a page's HTML
BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "tbody", "thead", "ul", "ol",
          "section", "article", "blockquote", "center", "hr", "title"}
CELLS = {"td", "th"}
HIDDEN = {"script", "style", "noscript"}


class PageText(HTMLParser):
    """The text a fragment of HTML shows, a line per block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.lines.append("")
        elif tag in CELLS:
            self.lines[-1] += "\t"

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.lines[-1] += data.replace("\n", " ")

    def text(self) -> list[str]:
        return [cleaned for line in self.lines if (cleaned := re.sub(r"[ \u00a0]+", " ", line).strip(" \t\u3000"))]


def read_html(result) -> None:
    """Each line's HTML read as the lines it shows, when the text holds markup."""
    marked = [line for line in result.lines if TAG.search(line.text)]
    if sum(len(TAG.findall(line.text)) for line in marked) < MIN_TAGS or len(marked) < MARKED_SHARE * len(result.lines):
        return
    lines = []
    for line in result.lines:
        parser = PageText()
        parser.feed(line.text)
        parser.close()
        lines += [Line(line.number, text) for text in parser.text()]
    result.lines = lines
