"""Old addresses keep working: a page whose URL changed leaves a redirect behind.

A renamed heading gives its page a new slug, so a new URL; readers have
shared and bookmarked the old one. The manifest remembers every address each
report's pages ever had (`addresses`: seed → page key → URLs, newest first),
so a fresh clone knows them too. Every address no page has any more gets a
small generated page there (template `moved.html`: meta refresh, canonical
link, `noindex`, a visible link to the page now showing that part of the
report), outside the navigation, the search index and the sitemap.

A page is known by its report's seed and its position among the report's
pages: a rename keeps both. An address whose page is gone (the report has
fewer pages now) sends the reader to the report's overview.
"""

from __future__ import annotations

import dataclasses

from ..annotations import Annotations
from ..model import Document, Page
from . import addresses

TEMPLATE = "moved.html"
OVERVIEW = "index"   # the key of a report's own overview page


def current_addresses(documents: list[Document], notes: Annotations) -> dict[str, dict[str, str]]:
    """seed → page key → the URL it has now (directory URLs, relative to the site)."""
    found: dict[str, dict[str, str]] = {}
    for document in documents:
        pages = {OVERVIEW: addresses.url(addresses.overview(document.slug))}
        pages.update({str(position): addresses.url(addresses.report_page(document.slug, notes[document].slug(section)))
                      for position, section in enumerate(document.sections, 1)})
        found[document.seed] = pages
    return found


def remember(known: dict, documents: list[Document], notes: Annotations, keep: set[str]) -> dict[str, dict[str, list[str]]]:
    """Every address each report's pages have had, the current one first.

    `known` is the last build's record; seeds in `keep` (which failed this
    time) keep theirs as they were; a seed that is gone takes its history with it.
    """
    history = {seed: pages for seed, pages in known.items() if seed in keep} if isinstance(known, dict) else {}
    for seed, pages in current_addresses(documents, notes).items():
        before = known.get(seed, {}) if isinstance(known, dict) else {}
        merged = {key: list(urls) for key, urls in before.items() if isinstance(urls, list)}
        for key, url in pages.items():
            merged[key] = [url, *(old for old in merged.get(key, []) if old != url)]
        history[seed] = dict(sorted(merged.items(), key=lambda item: sort_key(item[0])))
    return dict(sorted(history.items()))


def redirect_pages(history: dict[str, dict[str, list[str]]], documents: list[Document], notes: Annotations,
                   pages: list[Page]) -> list[Page]:
    """A redirect page at every remembered address that no page has now."""
    taken = {page.path for page in pages}
    now = current_addresses(documents, notes)
    titles = {addresses.url(addresses.report_page(d.slug, notes[d].slug(s))): s.heading for d in documents for s in d.sections}
    titles.update({addresses.url(addresses.overview(d.slug)): d.title for d in documents})
    found: dict[str, Page] = {}
    for seed, keys in history.items():
        current = now.get(seed)
        if current is None:
            continue  # a seed that failed this time: its old pages are still on disk
        for key, urls in keys.items():
            target = current.get(key) or current[OVERVIEW]
            for old in urls:
                path = addresses.page_at(old)
                if old == target or path in taken or path in found:
                    continue
                page = redirect_page(path, addresses.page_at(target), titles.get(target, target))
                found[path] = dataclasses.replace(page, owner=seed)
    return [found[path] for path in sorted(found)]


def redirect_page(path: str, target: str, title: str) -> Page:
    """The page left at an old address: front matter the template reads, and a
    link MkDocs checks (so a redirect to nowhere fails a strict build)."""
    from ..render.markup import page, text

    meta = {"template": TEMPLATE, "title": title, "redirect": addresses.href(path, target),
            "redirect_path": addresses.url(target), "search": {"exclude": True}}
    return page(path, meta, [f"本页已移至 [{text(title)}]({addresses.md_link(path, target)})。"])


def moved_pages(pages: list[Page]) -> list[str]:
    """The paths of the redirect pages among `pages` (the hook keeps them out of the navigation)."""
    return sorted(page.path for page in pages if page.content.startswith(f"---\ntemplate: {TEMPLATE}\n"))


def sort_key(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (0, key)
