"""A maintainer's first steps on a fresh clone change nothing that git tracks:
building the pages, the site with MkDocs and with Zensical, and serving it."""

from __future__ import annotations

import subprocess

import pytest

from conftest import ENV, MKDOCS, PYTHON, ROOT, free_port
from test_serve import fetch, wait_for


def git(*args: str, cwd) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def clone(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    target = tmp_path / "clone"
    git("clone", "-q", str(ROOT), str(target), cwd=tmp_path)
    return target


def test_building_and_serving_a_fresh_clone_leaves_git_status_clean(clone):
    for command in ([PYTHON, "build.py"], [MKDOCS, "build", "--strict", "-q"], [PYTHON, "-m", "policysite.adapters.zensical"]):
        result = subprocess.run(command, cwd=clone, capture_output=True, text=True, env=ENV, timeout=300)
        assert result.returncode == 0, (command, result.stderr[-2000:])
    port = free_port()
    server = subprocess.Popen([MKDOCS, "serve", "-a", f"127.0.0.1:{port}"], cwd=clone, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env=ENV)
    try:
        assert wait_for(lambda: "5G基站300座" in fetch(f"http://127.0.0.1:{port}/liwan-2022/shuzi-jingji/"), 90) is not None
    finally:
        server.terminate()
        server.wait(timeout=10)
    # The committed pages and manifest are what the committed code writes.
    assert git("status", "--porcelain", "--untracked-files=all", cwd=clone) == ""


@pytest.mark.parametrize("site_url", ["", "https://example.org/reports/"])
def test_make_site_warns_when_the_site_url_is_not_set(tmp_path, site_url):
    import shutil

    from conftest import make_project

    project = make_project(tmp_path / "project")
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    venv = ROOT / ".venv"
    env = {key: value for key, value in ENV.items() if key != "SITE_URL"}
    if site_url:
        env["SITE_URL"] = site_url
    # The project's own environment, taken as set up (-o: not remade).
    result = subprocess.run(["make", "-s", "-o", f"{venv}/.site", "site", f"VENV={venv}"], cwd=project,
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    warned = "warning: SITE_URL is not set" in result.stdout
    assert warned == (not site_url)
    robots = (project / "site" / "robots.txt").read_text(encoding="utf-8")
    assert robots.endswith(f"Sitemap: {site_url or 'http://127.0.0.1:8000/'}sitemap.xml\n")
