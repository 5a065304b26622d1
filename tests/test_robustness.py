"""Seeds as they come: other encodings and heading styles, traps, broken files."""

from __future__ import annotations

import codecs

import pytest

from policysite.read.parse import parse
from policysite.read.seed import read_seed

from conftest import SEED, SEED_HEADINGS, front_matter, make_project, run_build
from test_build import snapshot

TEXT = SEED.read_text(encoding="utf-8")


def headings_of(tmp_path, data: bytes, name="seed.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return [section.heading for section in parse(read_seed(path)).sections]


def restyled(make_heading, keep_deck=True) -> str:
    """The real seed with its heading lines rewritten (and optionally its deck lines dropped)."""
    lines = TEXT.split("\n")
    out, number = [], 0
    for index, line in enumerate(lines):
        if line in SEED_HEADINGS:
            number += 1
            out.append(make_heading(number, line))
        elif not keep_deck and index >= 2 and lines[index - 2] in SEED_HEADINGS:
            continue
        else:
            out.append(line)
    return "\n".join(out)


CN = "一二三四五六七八九十"


def cn(number: int) -> str:
    return CN[number - 1] if number <= 10 else "十" + CN[number - 11]


# --- reading ----------------------------------------------------------------------------


@pytest.mark.parametrize("encoding,data", [
    ("utf-8-sig", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
    ("utf-16", TEXT.encode("utf-16")),                            # with BOM (LE here)
    ("utf-16", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
    ("gb18030", TEXT.encode("gb18030")),
    ("gb18030", TEXT.replace("•", "·").encode("gbk")),
])
def test_encodings(tmp_path, encoding, data):
    path = tmp_path / "seed.txt"
    path.write_bytes(data)
    seed = read_seed(path)
    assert seed.encoding == encoding
    assert [s.heading for s in parse(seed).sections] == SEED_HEADINGS


def test_verbose_names_the_encoding(tmp_path):
    project = make_project(tmp_path, {"gbk.txt": TEXT.replace("•", "·").encode("gbk")})
    result = run_build(project, "-v")
    assert result.returncode == 0
    assert "gbk.txt: read as gb18030" in result.stdout


def test_invisible_and_lookalike_characters_are_normalised(tmp_path):
    dirty = TEXT.replace("白鹅潭", "白\u200b鹅\u200d潭").replace("老城市", "⽼城市").replace("工业", "⼯业")
    project = make_project(tmp_path, {"dirty.txt": dirty.encode("utf-8")})
    assert run_build(project).returncode == 0
    pages = "".join(p.read_text(encoding="utf-8") for p in (project / "docs").rglob("*.md"))
    assert "\u200b" not in pages and "\u200d" not in pages and "⽼" not in pages and "⼯" not in pages
    assert "白鹅潭" in pages and "老城市新活力" in pages
    assert (project / "seeds" / "dirty.txt").read_text(encoding="utf-8") == dirty  # the seed is untouched


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", " \n\t\n\u3000\r\n".encode("utf-8"), "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4, "binary"),
    ("garbage.txt", bytes([0x81, 0x30, 0xFF, 0xFE, 0x80, 0x20]) * 50 + b"\xff\xff", "undecodable"),
])
def test_unusable_seed_is_refused_and_nothing_else_is_lost(tmp_path, name, data, reason):
    project = make_project(tmp_path)
    assert run_build(project).returncode == 0
    (project / "seeds" / "second.txt").write_bytes(TEXT.replace("荔湾2022", "荔湾2023").replace("2022-01-21", "2023-01-21").encode())
    assert run_build(project).returncode == 0
    before = snapshot(project / "docs" / "liwan-2023")
    (project / "seeds" / "second.txt").write_bytes(data)   # a good seed goes bad
    (project / "seeds" / name).write_bytes(data)
    result = run_build(project)
    assert result.returncode == 1
    errors = result.stderr.strip().split("\n")
    assert len(errors) == 2 and all(reason in line for line in errors), errors
    assert any(name in line for line in errors) and any("second.txt" in line for line in errors)
    assert "Traceback" not in result.stderr
    assert snapshot(project / "docs" / "liwan-2023") == before     # its pages are kept as they were
    assert (project / "docs" / "liwan-2022" / "yiqing-fangkong.md").exists()  # the others still build


# --- structure --------------------------------------------------------------------------


@pytest.mark.parametrize("style", ["一、", "一.", "markdown ##", "markdown # title ##"])
def test_other_heading_styles(tmp_path, style):
    if style.startswith("一"):
        text = restyled(lambda n, h: f"{cn(n)}{style[1]}{h}")
    elif style == "markdown ##":
        text = restyled(lambda n, h: f"## {h}")
    else:
        text = "# " + restyled(lambda n, h: f"## {h}")
    path = tmp_path / "seed.txt"
    path.write_text(text, encoding="utf-8")
    document = parse(read_seed(path))
    # Headings are shown as written: a numbered report is cited by its numbers.
    numbered = [f"{cn(n)}{style[1]}{h}" for n, h in enumerate(SEED_HEADINGS, 1)] if style.startswith("一") else SEED_HEADINGS
    assert [s.heading for s in document.sections] == numbered
    assert document.sections[0].subtitle == "构建高效智慧体系,提高“平战转换”能力"
    assert document.title == "建设老城市新活力示范区,荔湾2022有这些展望"


def test_numbered_sub_items_become_headings_inside_the_page(tmp_path):
    text = restyled(lambda n, h: f"{cn(n)}、{h}", keep_deck=False)
    text = text.replace("强化科技创新策源能力方面", "(一)强化科技创新策源能力\n强化科技创新策源能力方面")
    text = text.replace("狠抓白鹅潭商务区开发建设。", "(一)狠抓白鹅潭商务区开发建设。")
    text = text.replace("狠抓海龙围科创区开发建设。", "(二)狠抓海龙围科创区开发建设。")
    project = make_project(tmp_path, {"numbered.txt": text.encode("utf-8")})
    assert run_build(project).returncode == 0
    folder = project / "docs" / "liwan-2022"
    titles = sorted(front_matter(p)["title"] for p in folder.glob("*.md") if p.stem not in ("index", "quanwen", "shudu"))
    assert titles == sorted(f"{cn(n)}、{h}" for n, h in enumerate(SEED_HEADINGS, 1))
    page = (folder / "pingtai-jianshe.md").read_text(encoding="utf-8")
    assert "## (一)狠抓白鹅潭商务区开发建设\n" in page and "## (二)狠抓海龙围科创区开发建设\n" in page
    assert "落实三年行动计划,有序实施总投资约1500亿元" in page
    assert "## (一)强化科技创新策源能力" in (folder / "keji-chuangxin.md").read_text(encoding="utf-8")


def test_headings_with_full_width_parentheses_and_no_blank_lines(tmp_path):
    text = restyled(lambda n, h: f"{cn(n)}、{h}", keep_deck=False)
    text = text.replace("狠抓白鹅潭商务区开发建设。", "(一)狠抓白鹅潭商务区开发建设。")
    text = "\n".join(line for line in text.split("\n") if line.strip())
    path = tmp_path / "seed.txt"
    path.write_text(text, encoding="utf-8")
    document = parse(read_seed(path))
    assert [s.heading for s in document.sections] == [f"{cn(n)}、{h}" for n, h in enumerate(SEED_HEADINGS, 1)]
    assert [sub.text for sub in document.sections[5].subheadings] == ["(一)狠抓白鹅潭商务区开发建设"]


def test_traps_do_not_become_headings(tmp_path):
    text = TEXT.replace("南方都市报APP", "首页 > 南都广州 > 正文\n南方都市报APP", 1)
    text = "首页 > 新闻 > 广州\n" + text
    text = text.replace("商圈建设\n", "海珠湿地。\n\n图/南都记者 代国辉\n\n商圈建设\n")
    text = text.replace("文化传承\n", "采写:南都记者 代国辉\n编辑:代国辉\n\n文化传承\n")
    text = text.replace("1月20日上午", "白鹅潭夜景\n\n1月20日上午")
    assert headings_of(tmp_path, text.encode()) == SEED_HEADINGS


def test_duplicate_headings_get_distinct_pages(tmp_path):
    extra = "\n\n疫情防控\n\n再次强调疫情防控的要求\n\n" + "荔湾区将继续做好常态化疫情防控工作,完善应急处置预案,守住不发生规模性疫情的底线。" * 2 + "\n"
    text = TEXT.replace("\n\n采写:", extra + "\n采写:")
    project = make_project(tmp_path, {"dup.txt": text.encode()})
    assert run_build(project).returncode == 0
    folder = project / "docs" / "liwan-2022"
    assert front_matter(folder / "yiqing-fangkong.md")["position"] == 1
    assert front_matter(folder / "yiqing-fangkong-2.md")["position"] == 12
    assert front_matter(folder / "yiqing-fangkong-2.md")["description"] == "再次强调疫情防控的要求"


def test_no_headings_gives_one_page_and_a_warning(tmp_path):
    body = "\n\n".join(line for line in TEXT.split("\n")[5:9] if line)
    project = make_project(tmp_path, {"plain.txt": f"荔湾区政府工作报告摘要\n\n{body}\n".encode()})
    result = run_build(project)
    assert result.returncode == 0
    assert "warning:" in result.stderr and "no headings" in result.stderr and "plain.txt" in result.stderr
    pages = [p for p in (project / "docs").rglob("*.md") if p.parent.name != "docs"]
    sections = [p for p in pages if p.stem not in ("index", "quanwen", "shudu")]
    assert len(sections) == 1
    assert "荔湾区人民政府区长谭明鹤" in sections[0].read_text(encoding="utf-8")


# --- sidecar ------------------------------------------------------------------------------


def test_sidecar_overrides_detection(tmp_path):
    project = make_project(tmp_path)
    (project / "seeds" / f"{SEED.stem}.yml").write_text(
        "slug: lw-report\ntitle: 荔湾区政府工作报告\ndate: 2022-01-20\nsource: https://example.org/a\n"
        "headings: [疫情防控, 平台建设]\ntags: [荔湾]\n",
        encoding="utf-8",
    )
    assert run_build(project).returncode == 0
    folder = project / "docs" / "lw-report"
    meta = front_matter(folder / "pingtai-jianshe.md")
    assert meta["document"] == "荔湾区政府工作报告" and meta["date"] == "2022-01-20"
    assert "荔湾" in meta["tags"]
    assert "推动“三大平台”建设" not in (folder / "pingtai-jianshe.md").read_text(encoding="utf-8")  # intro stays intro
    assert "大力推进交通基础设施建设" in (folder / "pingtai-jianshe.md").read_text(encoding="utf-8")
    assert "培育壮大科创载体" in (folder / "yiqing-fangkong.md").read_text(encoding="utf-8")  # up to the next listed heading
    assert "https://example.org/a" in (project / "docs" / "about.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("sidecar,message", [
    ("colour: red\n", "unknown key 'colour'"),
    ("date: yesterday\n", "date must be an ISO 8601 date"),
    ("slug: 荔湾\n", "slug must be lowercase ASCII"),
    ("slug: compare\n", "slug 'compare' is a folder of the site itself"),  # 目标对比's: the report would overwrite it
    ("headings: 疫情防控\n", "headings must be a non-empty list"),
    ("title: [unclosed\n", "invalid YAML at line"),
    ("- just\n- a list\n", "expected a mapping"),
])
def test_bad_sidecar_is_one_clear_error(tmp_path, sidecar, message):
    project = make_project(tmp_path)
    assert run_build(project).returncode == 0
    before = snapshot(project / "docs")
    (project / "seeds" / f"{SEED.stem}.yml").write_text(sidecar, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 1 and f"{SEED.stem}.yml" in lines[0] and message in lines[0], lines
    assert snapshot(project / "docs") == before


def test_seeds_option_names_a_missing_folder_or_a_file(tmp_path):
    project = make_project(tmp_path)
    for where, what in ((tmp_path / "nowhere", "no such folder"), (project / "seeds" / SEED.name, "is a file")):
        result = run_build(project, "--seeds", str(where))
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.strip().splitlines() == [f"error: {where}: " + result.stderr.split(": ", 2)[2].strip()]
        assert what in result.stderr and "Traceback" not in result.stderr


def test_check_with_a_bad_seed_does_not_say_up_to_date(tmp_path):
    project = make_project(tmp_path)
    assert run_build(project).returncode == 0
    (project / "seeds" / "bad.txt").write_bytes(b"\x00\x01\x02")
    result = run_build(project, "--check")
    assert result.returncode == 1 and "up to date" not in result.stdout and "bad.txt" in result.stderr


def test_make_serve_on_a_busy_port_says_so_in_one_line(tmp_path):
    import socket
    import subprocess

    from conftest import ROOT

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(["make", "-s", "serve", f"PORT={port}"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if not line.startswith("make")]
    assert lines == [f"port {port} is already in use: stop the server there, or choose another port: make serve PORT=8001"]
