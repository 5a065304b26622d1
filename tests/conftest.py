"""Shared fixtures: a throw-away copy of the project, and real builds of it."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run (a run that passes passes
# again); HYPOTHESIS_PROFILE=explore draws new ones each run, to look further.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from archive import copy_project  # noqa: E402
SEED = ROOT / "seeds" / "000_135597961e4228ea.txt"
PYTHON = sys.executable
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


SEED_HEADINGS = [
    "疫情防控", "科技创新", "产业体系", "实体经济", "数字经济", "平台建设",
    "广佛同城", "商圈建设", "文化传承", "基层治理", "民生实事",
]


def make_project(where: Path, seeds: dict[str, bytes] | None = None) -> Path:
    """A copy of the project in `where`, with the given seeds (default: the real seed)."""
    copy_project(where)
    (where / "seeds").mkdir()
    for name, data in (seeds if seeds is not None else {SEED.name: SEED.read_bytes()}).items():
        (where / "seeds" / name).write_bytes(data)
    return where


def run_build(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "build.py", *args], cwd=project, capture_output=True, text=True, env=ENV, timeout=120
    )


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [MKDOCS, "build", "--strict", "-d", str(site)], cwd=project, capture_output=True, text=True, env=ENV, timeout=300
    )


def built_project(project: Path) -> Path:
    """The project's pages written and its site built into project/site, both without errors."""
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project


def broken_links(site: Path) -> list[str]:
    """Links in the built pages' articles to a page, file or anchor the site does not have."""
    import html
    import re
    from urllib.parse import unquote, urljoin, urlparse

    ids: dict[Path, set[str]] = {}
    broken = []
    for page in sorted(site.rglob("*.html")):
        where = page.relative_to(site).as_posix()
        base = "http://site/" + where.removesuffix("index.html")
        article = page.read_text(encoding="utf-8").split('<div class="md-content"', 1)[-1]
        for link in re.findall(r'<a\b[^>]*\bhref="([^"]*)"', article):
            url = urlparse(urljoin(base, html.unescape(link)))
            if url.netloc != "site":
                continue  # another site, mailto:
            target = site / unquote(url.path).lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{where}: {link}")
            elif url.fragment.startswith(":~:text=") and target.suffix == ".html":
                # A text fragment: the words it marks must be on that page.
                prefix, _, words = unquote(url.fragment[len(":~:text="):]).rpartition("-,")
                shown = html.unescape(re.sub(r"<[^>]+>", "", target.read_text(encoding="utf-8")))
                if "".join((prefix + words).split()) not in "".join(shown.split()):  # across elements, as browsers match
                    broken.append(f"{where}: {link} (text not on the page)")
            elif url.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = {html.unescape(i) for i in re.findall(r'\sid="([^"]*)"', target.read_text(encoding="utf-8"))}
                if unquote(url.fragment) not in ids[target]:
                    broken.append(f"{where}: {link} (no such anchor)")
    return broken


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def front_matter(path: Path) -> dict:
    import yaml

    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text.split("\n---\n", 1)[0][4:])


@contextlib.contextmanager
def run_lock(path: Path):
    """Held by one process of the test run at a time (pytest-xdist runs several)."""
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def run_folder(tmp_path_factory) -> Path:
    """A temporary folder of the whole test run: under pytest-xdist, the one above each worker's own."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real seed, built by build.py and `mkdocs build --strict`; returns the site folder.
    Built once per run: the first worker to ask builds it, the others wait and read it."""
    project = run_folder(tmp_path_factory) / "built-site-project"
    done = project.with_name(project.name + ".done")
    with run_lock(project.with_name(project.name + ".lock")):
        if not done.exists():
            shutil.rmtree(project, ignore_errors=True)  # a build another worker failed
            make_project(project)
            assert run_build(project).returncode == 0
            result = mkdocs_build(project, project / "site")
            assert result.returncode == 0, result.stderr
            done.touch()
    return project / "site"


@pytest.fixture(scope="session")
def search_records(built_site) -> list:
    """What the site's search index was made of: each searchable page's record (policysite.finish.search)."""
    from policysite.finish.search import collect

    records, stats = collect(built_site.parent / "docs", built_site)
    assert not stats.skipped
    return records
