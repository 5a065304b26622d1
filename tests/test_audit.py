"""`build.py --audit`: one row per seed of what the build understood, as a table
or as JSON; writes nothing. Run on the report fixtures (own-written texts)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from conftest import ENV, PYTHON

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "reports"
KEYS = {"file", "title", "place", "level", "year", "year_from", "kind", "parts", "items", "pages",
        "targets", "dropped", "warnings", "slug", "warning_lines"}


def audit(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, str(ROOT / "build.py"), "--audit", *args], cwd=cwd,
                          capture_output=True, text=True, env=ENV, timeout=120)


def test_json_rows_say_what_each_seed_became(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES, seeds)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = audit(str(seeds), "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # writes nothing
    assert [row["file"] for row in rows] == sorted(p.name for p in FIXTURES.glob("*.txt"))
    assert all(set(row) == KEYS for row in rows)
    by_file = {row["file"]: row for row in rows}
    province = by_file["official_province.txt"]
    assert (province["title"], province["place"], province["level"], province["year"], province["year_from"], province["kind"]) \
        == ("2026年安徽省政府工作报告", "安徽省", "省级", "2026", "dateline", "official")
    assert province["parts"] >= 2 and province["items"] >= 5 and province["pages"] >= province["items"]
    assert province["targets"] >= 3   # 地区生产总值增长, 城镇新增就业 … in the main-targets passage
    assert province["warnings"] == len(province["warning_lines"])
    news = by_file["news_no_headline.txt"]
    assert news["kind"] == "news" and news["items"] == 0


def test_two_seeds_wanting_one_folder_are_warned(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(FIXTURES / "official_city.txt", seeds / name)
    rows = json.loads(audit(str(seeds), "--json").stdout)
    assert rows[0]["slug"] == rows[1]["slug"]
    assert [any("also wanted by" in w for w in r["warning_lines"]) for r in rows] == [True, True]


def test_plain_table_has_a_header_and_one_row_per_seed(tmp_path):
    result = audit(str(FIXTURES / "official_city.txt"), str(FIXTURES / "news_list.txt"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["file", "title", "place", "level", "year", "from", "kind", "parts", "items",
                                "pages", "targets", "dropped", "warnings"]
    assert [line.split()[0] for line in lines[1:3]] == ["official_city.txt", "news_list.txt"]
    assert lines[-1].startswith("2 seed(s)")


def test_a_missing_seed_is_one_line(tmp_path):
    result = audit(str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such seed file or folder"


def test_outline_urls_are_the_built_urls(tmp_path):
    """--outline cuts headings with the seed's quoted terms as the build does (“十五五” is one word)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    items = "".join(f"（{n}）推进第{n}项任务。围绕“十五五”目标抓好落实，确保各项举措落地见效，让群众得到更多实惠。" * 3 + "\n"
                    for n in "一二三")
    (seeds / "r.txt").write_text(
        "2026年涞源县政府工作报告\n——2026年1月10日在涞源县第十届人民代表大会第四次会议上\n各位代表：\n"
        "一、“十四五”时期工作回顾\n" + items + "二、“十五五”时期经济社会发展主要目标\n" + items
        + "各位代表！让我们团结奋斗！\n", encoding="utf-8")
    built = subprocess.run([PYTHON, str(ROOT / "build.py"), "--seeds", str(seeds), "--out", str(tmp_path / "docs"), "-q"],
                           capture_output=True, text=True, env=ENV, timeout=120)
    assert built.returncode == 0, built.stderr
    outline = subprocess.run([PYTHON, str(ROOT / "build.py"), "--outline", str(seeds / "r.txt")],
                             capture_output=True, text=True, env=ENV, timeout=120).stdout
    urls = set(re.findall(r"→ (\S+/)", outline))
    pages = {p.relative_to(tmp_path / "docs").as_posix()[:-3] + "/" for p in (tmp_path / "docs").glob("*/*.md")}
    assert urls and urls <= pages
    assert any("shiwuwu" in url for url in urls)
