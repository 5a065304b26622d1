"""build.py end to end on a copy of the project: pages, ownership, idempotence."""

from __future__ import annotations

import json
import re

import pytest

from conftest import SEED, SEED_HEADINGS, front_matter, make_project, run_build

SECTION_SLUGS = [
    "yiqing-fangkong", "keji-chuangxin", "chanye-tixi", "shiti-jingji", "shuzi-jingji", "pingtai-jianshe",
    "guangfu-tongcheng", "shangquan-jianshe", "wenhua-chuancheng", "jiceng-zhili", "minsheng-shishi",
]
REQUIRED_KEYS = {"title", "description", "tags", "document", "outlet", "date", "author", "seed", "lines", "position"}


@pytest.fixture
def project(tmp_path):
    project = make_project(tmp_path)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def test_one_summary_line(tmp_path):
    project = make_project(tmp_path)
    result = run_build(project)
    assert result.returncode == 0
    generated = len(json.loads((project / "docs" / ".generated.json").read_text(encoding="utf-8"))["files"])
    assert generated == 8 + 5 + 11  # site pages (with 目标对比 and its CSV and JSON), document pages and exports, sections
    assert result.stdout.splitlines() == [f"1 document(s): {generated} page(s) written, 0 unchanged, 0 removed"]
    assert result.stderr == ""


def test_one_page_per_section_at_pinyin_urls(project):
    pages = sorted(p.stem for p in (project / "docs" / "liwan-2022").glob("*.md"))
    assert pages == sorted(SECTION_SLUGS + ["index", "quanwen", "shudu"])


def test_front_matter_is_valid_with_provenance(project):
    for position, (slug, heading) in enumerate(zip(SECTION_SLUGS, SEED_HEADINGS), start=1):
        meta = front_matter(project / "docs" / "liwan-2022" / f"{slug}.md")
        assert REQUIRED_KEYS <= set(meta)
        assert meta["title"] == heading and heading in meta["tags"]
        assert meta["position"] == position and meta["sections"] == 11
        assert meta["seed"] == f"seeds/{SEED.name}"
        assert meta["date"] == "2022-01-21T22:38:00+08:00" and meta["author"] == "南都记者 代国辉"
        first, last = meta["lines"]
        assert SEED.read_text(encoding="utf-8").split("\n")[first - 1] == heading and last >= first


def test_filler_words_are_never_tags(project):
    filler = {"推动", "建设", "发展", "加快", "打造", "推进", "加强", "提升", "实施", "项目"}
    for slug in SECTION_SLUGS:
        tags = front_matter(project / "docs" / "liwan-2022" / f"{slug}.md")["tags"]
        assert 2 <= len(tags) <= 10 and not filler & set(tags), (slug, tags)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。;!?])", text) if s.strip()]


def test_no_text_lost(project):
    """Every sentence of the intro and of every section appears verbatim in the pages."""
    from policysite.read.parse import parse
    from policysite.read.seed import read_seed

    document = parse(read_seed(SEED))
    generated = "".join(p.read_text(encoding="utf-8") for p in (project / "docs").rglob("*.md"))
    body = document.intro + [p for s in document.sections for p in [s.subtitle, *s.paragraphs]]
    assert len(body) > 30
    for paragraph in body:
        for sentence in sentences(paragraph):
            assert sentence in generated, sentence
    section_pages = {slug: (project / "docs" / "liwan-2022" / f"{slug}.md").read_text(encoding="utf-8") for slug in SECTION_SLUGS}
    for slug, section in zip(SECTION_SLUGS, document.sections):
        for index, paragraph in enumerate(section.paragraphs):
            clause = section.leads.get(index)
            if clause:  # a run-in heading: its own heading, then the rest of the paragraph
                assert f"## {clause}\n\n{paragraph[len(clause) + 1:]}\n" in section_pages[slug]
            else:
                assert paragraph in section_pages[slug]


def test_every_page_credits_the_source(project):
    for page in (project / "docs" / "liwan-2022").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert "南方都市报" in text and "南都新闻,未经授权不得转载。" in text, page.name
    about = (project / "docs" / "about.md").read_text(encoding="utf-8")
    assert "南都新闻,未经授权不得转载。" in about and "banquan@nandu.cc" in about


def test_second_run_writes_nothing(project):
    before = snapshot(project / "docs")
    result = run_build(project)
    assert result.returncode == 0
    assert result.stdout.strip() == "1 document(s): 0 page(s) written, 24 unchanged, 0 removed"
    assert snapshot(project / "docs") == before


def test_output_is_deterministic(tmp_path):
    first = make_project(tmp_path / "a")
    second = make_project(tmp_path / "b")
    run_build(first)
    run_build(second)
    content = lambda folder: {k: v[0] for k, v in snapshot(folder / "docs").items()}
    assert content(first) == content(second)


def test_check_reports_stale_pages_and_writes_nothing(project):
    assert run_build(project, "--check").returncode == 0
    seed = project / "seeds" / SEED.name
    seed.write_text(seed.read_text(encoding="utf-8").replace("建设5G基站300座", "建设5G基站400座"), encoding="utf-8")
    before = snapshot(project / "docs")
    result = run_build(project, "--check")
    assert result.returncode == 1
    assert "stale:" in result.stdout and "shuzi-jingji.md" in result.stdout
    assert snapshot(project / "docs") == before
    assert run_build(project).returncode == 0
    assert "400座" in (project / "docs" / "liwan-2022" / "shuzi-jingji.md").read_text(encoding="utf-8")
    assert run_build(project, "--check").returncode == 0


def test_hand_written_files_are_never_touched(project):
    handmade = project / "docs" / "notes.md"
    handmade.write_text("# 手写的页面\n", encoding="utf-8")
    in_the_way = project / "docs" / "liwan-2022" / "extra.md"
    in_the_way.write_text("# 手写\n", encoding="utf-8")
    (project / "seeds" / SEED.name).unlink()
    result = run_build(project, "--out", "docs")
    assert result.returncode == 1  # no seeds left
    (project / "seeds" / "other.txt").write_bytes(SEED.read_bytes())
    result = run_build(project)
    assert result.returncode == 0
    assert handmade.read_text(encoding="utf-8") == "# 手写的页面\n"
    assert in_the_way.read_text(encoding="utf-8") == "# 手写\n"
    assert (project / "docs" / "stylesheets" / "extra.css").exists()


def test_hand_written_file_in_the_way_is_refused(project):
    conflict = project / "docs" / "liwan-2022" / "yiqing-fangkong.md"
    (project / "docs" / ".generated.json").write_text('{"files": {}}', encoding="utf-8")
    conflict.write_text("# mine\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert "yiqing-fangkong.md: not generated by build.py" in result.stderr
    assert conflict.read_text(encoding="utf-8") == "# mine\n"


def test_removed_seed_removes_its_pages(project):
    (project / "seeds" / "second.txt").write_bytes(
        SEED.read_bytes().replace("荔湾2022".encode(), "荔湾2023".encode()).replace(b"2022-01-21", b"2023-01-21")
    )
    assert run_build(project).returncode == 0
    assert (project / "docs" / "liwan-2023" / "yiqing-fangkong.md").exists()
    (project / "seeds" / "second.txt").unlink()
    result = run_build(project)
    assert result.returncode == 0 and "removed" in result.stdout
    assert not (project / "docs" / "liwan-2023").exists()
    assert (project / "docs" / "liwan-2022" / "yiqing-fangkong.md").exists()


def test_usage_errors_exit_2(project):
    result = run_build(project, "--no-such-option")
    assert result.returncode == 2
    result = run_build(project, "--help")
    assert result.returncode == 0 and "exit codes" in result.stdout and "--check" in result.stdout


def test_out_dir_option(tmp_path):
    project = make_project(tmp_path)
    result = run_build(project, "--out", str(tmp_path / "elsewhere"), "-q")
    assert result.returncode == 0 and result.stdout == ""
    assert (tmp_path / "elsewhere" / "liwan-2022" / "yiqing-fangkong.md").exists()
