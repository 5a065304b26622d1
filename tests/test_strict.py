"""`mkdocs build --strict` (make site, the Pages workflow) deploys an archive with
doubtful seeds, and still refuses a site that is broken."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, mkdocs_build

FIXTURES = Path(__file__).parent / "fixtures" / "reports"


def long_report() -> bytes:
    """An official report one of whose items holds far more than a page should."""
    text = (FIXTURES / "official_city.txt").read_text(encoding="utf-8")
    return text.replace("（三）持续保障和改善民生。", "（三）持续保障和改善民生。" + "推进民生工程建设，提升公共服务水平。" * 500).encode()


def test_doubts_about_a_seed_do_not_fail_a_strict_build_but_are_summed_up(tmp_path):
    project = make_project(tmp_path, {"long.txt": long_report()})
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    log = result.stderr.splitlines()
    doubts = [line for line in log if "doubt:" in line]
    assert doubts and all("long.txt" in line for line in doubts)
    assert any("（三）持续保障和改善民生" in line and "characters" in line for line in doubts)
    assert not [line for line in log if line.startswith("WARNING")]
    # The build ends (before MkDocs' own last line) by counting the doubtful seeds and saying where to read them.
    assert "1 seed(s) with doubts" in log[-2] and "build.py --audit" in log[-2]
    assert (project / "site" / "index.html").is_file()


def test_a_broken_link_still_fails_a_strict_build(tmp_path):
    project = make_project(tmp_path, {"long.txt": long_report()})
    (project / "docs" / "notes.md").write_text("# 说明\n\n见[不存在的页面](missing.md)。\n", encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 1
    assert "missing.md" in result.stderr and "Aborted" in result.stdout + result.stderr
