"""Headless Debian Chromium through Playwright, and a static server for built sites."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from static_server import serving  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def serve(folder: Path):
    """Serve a built site on a free loopback port, as a static host does (gzip, 404 page)."""
    return serving(folder)


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


# The answers of the page's search worker, as Material's search dialog gets them
# (RESULT messages, kept once the page's own handlers have run: the list drawn,
# the count written). Tests wait for the answer to the query they typed rather
# than for a fixed time: Material asks on every key press, and the answer to an
# earlier, shorter query may come after the last key.
WATCH_ANSWERS = """() => {
    const worker = window.__searchWorker
    if (!worker) return false
    if (!worker.answers) {
        worker.answers = []
        worker.addEventListener("message", event => {
            const message = event.data || {}
            if (message.type === 3) setTimeout(() => worker.answers.push(message.data || {}), 0)
        })
    }
    return true
}"""

# The last answer is shown, and is the one to `query` (any answer when `query`
# is null): the words it was searched with, each used as often as needed, make
# up the query's letters and digits, as the worker cuts it. An answer that found
# nothing is the query's if it is a search's (with its count of pages: the
# answer to the emptied box has none).
ANSWER_SHOWN = """query => {
    const answers = window.__searchWorker.answers, last = answers[answers.length - 1]
    if (!last) return false
    const items = last.items || []
    const links = [...document.querySelectorAll(".md-search-result__item > .md-search-result__link")]
    if (!items.length) return !links.length && (query === null || "pages" in last)
    if (query !== null) {
        const words = Object.keys(items[0][0].terms || {})
        const text = query.normalize("NFKC").toLowerCase().replace(/[^\\p{L}\\p{N}]/gu, "")
        const made = [true]
        for (let end = 1; end <= text.length; end++)
            made[end] = words.some(w => w.length <= end && made[end - w.length] && text.slice(end - w.length, end) === w)
        if (!made[text.length]) return false
    }
    const path = address => new URL(address, window.location.href).pathname
    return links.length > 0 && path(links[0].href) === path(items[0][0].location)
}"""


def watch_answers(page) -> None:
    """Keep the search worker's answers from now on, forgetting earlier ones."""
    page.wait_for_function(WATCH_ANSWERS)
    page.evaluate("() => { window.__searchWorker.answers.length = 0 }")


def wait_for_answer(page, query: str | None = None) -> None:
    """Until the answer to `query` (or to whatever was asked since watch_answers) is shown."""
    page.wait_for_function(ANSWER_SHOWN, arg=query)
