"""`mkdocs serve` picks up a seed edit without a restart, searches it, and settles."""

from __future__ import annotations

import subprocess
import time
import urllib.request

from browser import chromium
from conftest import ENV, MKDOCS, SEED, free_port, make_project
from test_search import search

PAGE = "liwan-2022/shuzi-jingji/"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, seconds: float) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.2)
    return None


def test_seed_edit_is_served_without_restart(tmp_path):
    project = make_project(tmp_path)
    port = free_port()
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen(
        [MKDOCS, "serve", "-a", f"127.0.0.1:{port}"], cwd=project, stdout=log, stderr=subprocess.STDOUT, env=ENV
    )
    url = f"http://127.0.0.1:{port}/{PAGE}"
    try:
        assert wait_for(lambda: "5G基站300座" in fetch(url), 90) is not None, (tmp_path / "serve.log").read_text()
        seed = project / "seeds" / SEED.name
        seed.write_text(seed.read_text(encoding="utf-8").replace("5G基站300座", "5G基站345座"), encoding="utf-8")
        latency = wait_for(lambda: "5G基站345座" in fetch(url), 30)
        assert latency is not None and latency < 15, (tmp_path / "serve.log").read_text()
        # The preview searches what was just saved (its index is written right after the page).
        assert wait_for(lambda: "search index written again" in (tmp_path / "serve.log").read_text(), 30) is not None
        with chromium() as browser:
            tab = browser.new_page()
            tab.goto(f"http://127.0.0.1:{port}/")
            assert PAGE in search(tab, f"http://127.0.0.1:{port}/", "345座")[:1]
        # One rebuild per save, of the pages it changed: the pages it wrote into
        # docs/ start no other, and the whole site is built only once, at the start.
        time.sleep(4)
        log_text = (tmp_path / "serve.log").read_text()
        assert log_text.count("Building documentation") == 1 and log_text.count("rendered again") == 1, log_text
        # A stylesheet (written by hand) is still watched, and builds the whole site.
        css = project / "docs" / "stylesheets" / "extra.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
        assert wait_for(lambda: "/* edited */" in fetch(f"http://127.0.0.1:{port}/stylesheets/extra.css"), 30) is not None
        time.sleep(4)
        assert (tmp_path / "serve.log").read_text().count("Building documentation") == 2
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
