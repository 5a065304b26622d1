"""`mkdocs serve` picks up a seed edit without a restart, searches it, and settles."""

from __future__ import annotations

import re
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


# An own-written news item with no headings: its seed gets a warning.
DOUBTFUL = (
    "荔湾区召开街坊议事会\n"
    "本报讯 近日，荔湾区在恩宁路举行街坊议事会，居民代表围绕骑楼修缮、停车位和社区饭堂提出意见建议。"
    "区有关部门逐条作出回应，明确骑楼修缮年内完成首批十栋，社区饭堂新增两家。"
    "议事会还邀请规划师讲解老街区微改造方案，街坊们表示，家门口的事情有了商量的地方。\n"
)


def epoch(page: str) -> int:
    """The build a served page belongs to: MkDocs' live-reload script polls until a newer one is served."""
    return int(re.search(r"livereload\((\d+),", page)[1])


def test_a_save_that_changes_no_page_reloads_nothing_and_doubts_are_said_once(tmp_path):
    project = make_project(tmp_path, seeds={SEED.name: SEED.read_bytes(), "doubtful.txt": DOUBTFUL.encode()})
    port = free_port()
    log_path = tmp_path / "serve.log"
    log = open(log_path, "w")
    server = subprocess.Popen(
        [MKDOCS, "serve", "-a", f"127.0.0.1:{port}"], cwd=project, stdout=log, stderr=subprocess.STDOUT, env=ENV
    )
    url = f"http://127.0.0.1:{port}/{PAGE}"
    seed = project / "seeds" / SEED.name
    doubt = "doubtful.txt: no headings detected"
    try:
        assert wait_for(lambda: "5G基站300座" in fetch(url), 90) is not None, log_path.read_text()
        first = epoch(fetch(url))
        assert log_path.read_text().count(doubt) == 1, log_path.read_text()

        # Saved again as it was (an editor's save without changes): nothing is rendered, no browser reloads.
        offset = len(log_path.read_text())
        seed.write_bytes(seed.read_bytes())
        assert wait_for(lambda: "changed no page" in log_path.read_text()[offset:], 30) is not None, log_path.read_text()
        assert "rendered again" not in log_path.read_text()[offset:]
        assert epoch(fetch(url)) == first

        # A real edit reloads the browsers; the other seed's doubt is not said again.
        seed.write_text(seed.read_text(encoding="utf-8").replace("5G基站300座", "5G基站346座"), encoding="utf-8")
        assert wait_for(lambda: "5G基站346座" in fetch(url), 30) is not None, log_path.read_text()
        assert epoch(fetch(url)) > first
        assert log_path.read_text().count(doubt) == 1, log_path.read_text()

        # The doubtful seed itself saved with a change: its doubt is said again.
        doubtful = project / "seeds" / "doubtful.txt"
        doubtful.write_text(DOUBTFUL.replace("两家", "三家"), encoding="utf-8")
        assert wait_for(lambda: log_path.read_text().count(doubt) == 2, 30) is not None, log_path.read_text()
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
