"""Under `mkdocs serve`, a save renders only the pages it changed, a change to
the site's shape builds the whole site, and either way the served site is
what a full build makes of the same seeds (policysite.adapters.preview)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

from conftest import ENV, MKDOCS, ROOT, SEED, free_port, make_project, run_build
from test_serve import fetch

sys.path.insert(0, str(ROOT / "bench"))
from archive import make_mixed_archive  # noqa: E402

COUNT = 10  # six provinces' official reports and four districts' news: an archive
# Pagefind writes its filter and metadata files in an order of its own: two
# full builds of the same site differ there (the pages' fragments do not).
UNSTABLE = re.compile(r"pagefind/(pagefind-entry\.json|filter/.*|pagefind\..*\.pf_meta)")


class Server:
    """`mkdocs serve` on a project, its log, and the folder it serves from."""

    def __init__(self, project: Path, scratch: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = scratch / "serve.log"
        temp = scratch / "tmp"  # where `mkdocs serve` makes the folder it serves
        temp.mkdir()
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [MKDOCS, "serve", "-a", f"127.0.0.1:{self.port}"], cwd=project,
            stdout=self.log, stderr=subprocess.STDOUT, env={**ENV, "TMPDIR": str(temp)},
        )
        self.temp = temp

    def text(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def wait(self, predicate, seconds: float, what: str) -> float:
        start = time.monotonic()
        while time.monotonic() - start < seconds:
            if predicate():
                return time.monotonic() - start
            time.sleep(0.1)
        raise AssertionError(f"{what} not within {seconds} s:\n{self.text()}")

    def settled_after(self, offset: int) -> bool:
        """The rebuild started after `offset` in the log is done, search index included."""
        text = self.text()[offset:]
        return "search index written again" in text or "Documentation built" in text

    def site(self) -> Path:
        return next(self.temp.glob("mkdocs_*"))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


def save(path: Path, change) -> None:
    text = path.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    path.write_text(changed, encoding="utf-8")


def site_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_saves_render_only_their_pages_and_the_result_equals_a_full_build(tmp_path):
    project = make_project(tmp_path / "project", seeds={})
    make_mixed_archive(SEED, COUNT, project / "seeds")
    assert run_build(project).returncode == 0
    owners = json.loads((project / "docs" / ".generated.json").read_text(encoding="utf-8"))["files"]
    official = sorted((project / "seeds").glob("gov_*.txt"))[0]
    folder = next(path.split("/")[0] for path, seed in owners.items() if seed == official.name)
    fulltext = f"{folder}/quanwen/"
    assert f"{folder}/tags.md" in owners  # an archive: each report lists its own tags

    server = Server(project, tmp_path)
    try:
        server.wait(lambda: "</html>" in fetch(server.url), 180, "the first build")
        server.wait(lambda: "Serving on" in server.text(), 30, "the server")

        # 1. A sentence edited: only the report's own pages that show it are rendered.
        offset = len(server.text())
        save(official, lambda text: text.replace("。", "。预览测试一。", 1))
        server.wait(lambda: "预览测试一" in fetch(server.url + fulltext), 60, "the edited sentence")
        server.wait(lambda: server.settled_after(offset), 120, "the search index")
        rebuilt = server.text()[offset:]
        assert "rendered again" in rebuilt and "Building documentation" not in rebuilt, rebuilt
        rendered = int(re.search(r"(\d+) page\(s\) rendered again", rebuilt)[1])
        assert 1 <= rendered <= 6, rebuilt

        # 2. A heading renamed: the navigation changes, so the whole site is built.
        offset = len(server.text())
        save(official, lambda text: re.sub(r"（一）([^\n。]{4,30})", r"（一）\1预览测试二", text, count=1))
        server.wait(lambda: "预览测试二" in fetch(server.url + fulltext), 300, "the renamed heading")
        server.wait(lambda: server.settled_after(offset), 120, "the full build")
        rebuilt = server.text()[offset:]
        assert "building the whole site: the site's nav changed" in rebuilt and "Building documentation" in rebuilt, rebuilt

        # 3. A target changed after that full build: the report's 数读 and the
        # site's 目标对比 change with it, still without building the whole site.
        offset = len(server.text())
        save(official, lambda text: re.sub(r"(\d+(?:\.\d+)?)%左右", "9.5%左右", text, count=1))
        server.wait(lambda: server.settled_after(offset), 120, "the changed target")
        rebuilt = server.text()[offset:]
        assert "rendered again" in rebuilt and "Building documentation" not in rebuilt, rebuilt
        assert "9.5" in fetch(server.url + f"{folder}/data.json")

        # What is served now is what a full build makes of the same seeds.
        full = tmp_path / "full"
        result = subprocess.run([MKDOCS, "build", "-q", "-d", str(full)], cwd=project, capture_output=True, text=True,
                                env={**ENV, "SITE_URL": server.url})
        assert result.returncode == 0, result.stderr
        served, built = site_files(server.site()), site_files(full)
        assert sorted(path for path in served if not UNSTABLE.fullmatch(path)) == sorted(path for path in built if not UNSTABLE.fullmatch(path))
        different = [path for path in built if not UNSTABLE.fullmatch(path) and served[path] != built[path]]
        assert not different, different[:10]
        assert len([p for p in served if UNSTABLE.fullmatch(p)]) == len([p for p in built if UNSTABLE.fullmatch(p)])
    finally:
        server.stop()
