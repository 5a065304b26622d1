"""A Markdown extension that passes the render stage's HTML blocks through unparsed.

The render stage writes the lists and tables it generates as HTML blocks
between two comment lines (`render.markup.html_block`). Markdown would pass them
through anyway, but only after tokenising them with `html.parser`, which cost
more than the prose around them. This extension stores each marked block as
it is, so the output is the same, faster. Without it (a stock `mkdocs build`
of the generated pages) the blocks render identically, comments aside.
"""

from __future__ import annotations

from markdown import Extension
from markdown.preprocessors import Preprocessor

from ..render.markup import HTML_BLOCK_END, HTML_BLOCK_START


class HtmlBlocks(Extension):
    def extendMarkdown(self, md):
        # After whitespace normalisation (30), before Markdown's own HTML block pass (20).
        md.preprocessors.register(StashHtmlBlocks(md), "policysite_html_blocks", 25)


class StashHtmlBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if HTML_BLOCK_START not in lines:
            return lines
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None:
                if line == HTML_BLOCK_START:
                    block = []
                else:
                    out.append(line)
            elif line == HTML_BLOCK_END:
                out += ["", self.md.htmlStash.store("\n".join(block)), ""]
                block = None
            else:
                block.append(line)
        if block is not None:  # no end marker: leave the text to Markdown as written
            out += [HTML_BLOCK_START, *block]
        return out


def makeExtension(**kwargs):  # noqa: N802 (Markdown's name for the entry point)
    return HtmlBlocks(**kwargs)
