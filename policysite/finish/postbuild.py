"""Post-build: what is done to the built site, whichever renderer built it.

    python -m policysite.finish.postbuild [--docs docs] [--site site] [--site-url URL] [--typeset] [--no-search]

- compact: whitespace between tags collapsed. Material's templates indent
  every navigation item by dozens of spaces; at an archive's size that is a
  third of a page's bytes. Runs of blank space become one line break, which
  HTML renders exactly as before (no element of ours or Material's keeps
  white space but <pre> and <textarea>, left as they are);
- typeset (--typeset): full-width punctuation in every page's text, for a
  renderer that did not restore it while rendering (the MkDocs hook does);
- search: the Pagefind index over the built pages and the worker Material's
  search UI talks to (policysite.finish.search); --no-search keeps the renderer's own;
- robots.txt naming the sitemap, when the site's address is known.

The MkDocs hook compacts each page as MkDocs writes it and calls `finish`
after the build; policysite.adapters.zensical runs typeset, compact and robots.txt
over Zensical's output, whose search UI is its own.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from policysite.finish import search
from policysite.lang import typography

# Elements whose white space is content.
VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
BLANK_RUN = re.compile(r"[ \t\r]*\n\s*")


def compact_html(markup: str) -> str:
    """The page with every run of blank space that holds a line break cut to one line break."""
    pieces, position = [], 0
    for verbatim in VERBATIM.finditer(markup):
        pieces.append(BLANK_RUN.sub("\n", markup[position : verbatim.start()]))
        pieces.append(verbatim.group(0))
        position = verbatim.end()
    pieces.append(BLANK_RUN.sub("\n", markup[position:]))
    return "".join(pieces)


def typeset_and_compact(markup: str) -> str:
    return compact_html(typography.fullwidth_html(markup))


def rewrite_pages(site_dir: Path, transform) -> int:
    """Every HTML page of a built site through `transform`, in place (written
    only when it changes); how many changed."""
    changed = 0
    for path in sorted(site_dir.rglob("*.html")):
        markup = path.read_text(encoding="utf-8")
        rewritten = transform(markup)
        if rewritten != markup:
            path.write_text(rewritten, encoding="utf-8")
            changed += 1
    return changed


def robots(site_dir: Path, site_url: str) -> None:
    """robots.txt naming the sitemap, when the site's address is known."""
    if site_url:
        text = f"User-agent: *\nAllow: /\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
        (site_dir / "robots.txt").write_text(text, encoding="utf-8")


def finish(docs_dir: Path, site_dir: Path, site_url: str = "", page_meta: dict | None = None, articles: dict | None = None) -> None:
    """What every MkDocs build ends with: the search index, then robots.txt.
    (`articles`: what a live preview remembers of the pages' text, search.collect.)"""
    search.index_site(docs_dir, site_dir, page_meta, articles)
    robots(site_dir, site_url)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m policysite.finish.postbuild", description="Finish a built site: compact pages, index search, write robots.txt")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the generated pages the site was built from (default: docs/)")
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site/)")
    parser.add_argument("--site-url", default="", help="the site's address, for robots.txt")
    parser.add_argument("--typeset", action="store_true", help="also restore full-width punctuation (for a renderer that did not)")
    parser.add_argument("--no-search", action="store_true", help="leave the renderer's own search as it is")
    args = parser.parse_args(argv)
    for folder in (args.docs, args.site):
        if not folder.is_dir():
            print(f"{folder}: no such folder", file=sys.stderr)
            return 2
    rewrite_pages(args.site, typeset_and_compact if args.typeset else compact_html)
    if args.no_search:
        robots(args.site, args.site_url)
        return 0
    try:
        finish(args.docs, args.site, args.site_url)
    except search.SearchUnavailable as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
