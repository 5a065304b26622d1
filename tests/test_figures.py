"""数读: figures extracted from the seed, the 数读 page, and the exports."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import jsonschema
import pytest

from policysite import export
from policysite.enrich import enrich
from policysite.parse import parse
from policysite.read import read_seed

from conftest import SEED

# Hand-checked: every quantity the seed commits to, as (section position, figure as written, qualifiers).
# Section 0 is the intro. Dates (1月20日, 2022年, 5·21), names (1906科技园, 5G, 3D) and
# formulas (3+2) are not figures; Chinese numerals name things here (三大平台, 八大提质工程).
HAND_CHECKED = [
    (0, "5.5%", ""), (0, "6%以上", "力争 以上"), (0, "53.2亿元", ""), (0, "10%以上", "以上"),
    (2, "超80家", "力争 超"), (2, "2-3家", "力争"), (2, "1家", "力争"),
    (4, "1至2个", ""), (4, "10个以上", "力争 以上"),
    (5, "300座", ""), (5, "2个", ""),
    (6, "约1500亿元", "约"), (6, "101个", ""), (6, "不少于180万平方米", "力争 不少于"), (6, "27个", "力争"),
    (6, "不少于13万平方米", "力争 不少于"), (6, "300亿元", ""), (6, "130个", ""), (6, "26个", "力争"),
    (6, "8个", "力争"), (6, "14个", ""),
    (9, "7大", ""), (9, "62个", ""), (9, "14个", ""), (9, "6个以上", "力争 以上"), (9, "50个", ""),
    (10, "90万平方米以上", "以上"),
    (11, "1.6万人以上", "以上"),
]


@pytest.fixture(scope="module")
def document():
    return enrich([parse(read_seed(SEED))])[0]


def test_precision_and_recall_against_the_hand_checked_list(document):
    extracted = [(f.section, f.text, f.qualifier) for f in document.figures]
    true_positives = sum(1 for item in extracted if item in HAND_CHECKED)
    precision = true_positives / len(extracted)
    recall = true_positives / len(HAND_CHECKED)
    print(f"figures: precision {precision:.2f}, recall {recall:.2f} ({true_positives}/{len(HAND_CHECKED)})")
    assert precision == 1.0 and recall == 1.0, sorted(set(extracted) ^ set(HAND_CHECKED))


@pytest.mark.parametrize("section,value,unit,qualifier,measure", [
    (0, "5.5", "%", "", "地区生产总值增长"),
    (0, "53.2", "亿元", "", "一般公共预算收入"),
    (5, "300", "座", "", "5G基站"),
    (11, "1.6", "万人", "以上", "新增就业"),
    (6, "180", "万平方米", "力争 不少于", "土地整备"),
    (2, "2-3", "家", "力争", "科创载体"),
    (4, "1至2", "个", "", "村级工业园"),
])
def test_key_figures(document, section, value, unit, qualifier, measure):
    match = [f for f in document.figures if f.value == value and f.unit == unit]
    assert match, value
    figure = match[0]
    assert (figure.section, figure.qualifier, figure.measure) == (section, qualifier, measure)
    assert value.split("-")[0].split("至")[0] in figure.sentence


def test_no_date_or_year_is_a_figure(document):
    for figure in document.figures:
        assert figure.unit not in ("年", "月", "日")
        assert not re.fullmatch(r"(19|20)\d\d", figure.value)
    texts = {f.text for f in document.figures}
    assert not {"2022", "5", "21", "20", "1906", "3+2"} & texts


def test_lines_point_at_the_figure(document):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for figure in document.figures:
        assert figure.value.split("-")[0].split("至")[0] in lines[figure.line - 1]


def test_export_validates_and_round_trips(document):
    data = json.loads(export.document_json(document))
    jsonschema.validate(data, export.SCHEMA)
    assert len(data["sections"]) == 11 and len(data["figures"]) == len(HAND_CHECKED)
    assert data["sections"][5]["tags"][0] == {"name": "平台建设", "kind": "topic"}
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    rows = list(csv.DictReader(io.StringIO(export.figures_csv(document))))
    assert [(int(r["section"]), r["text"], r["qualifier"]) for r in rows] == [(f.section, f.text, f.qualifier) for f in document.figures]
    assert rows[0]["section_title"] == "主要预期目标"


def test_figures_page_links_every_figure_to_its_section(built_site, document):
    page = html.unescape((built_site / "liwan-2022" / "shudu" / "index.html").read_text(encoding="utf-8"))
    for figure in document.figures:
        if figure.section:
            slug = document.sections[figure.section - 1].slug
            assert re.search(rf'href="\.\./{slug}/"[^<]*>[^<]*</a></td>\s*<td><strong>{re.escape(figure.text)}</strong>', page), figure.text
        else:
            assert f"<strong>{figure.text}</strong>" in page
    for name in ("data.json", "figures.csv"):
        assert (built_site / "liwan-2022" / name).is_file()
    jsonschema.validate(json.loads((built_site / "liwan-2022" / "data.json").read_text(encoding="utf-8")),
                        json.loads((built_site / "schema" / "report.schema.json").read_text(encoding="utf-8")))
    section = html.unescape((built_site / "liwan-2022" / "shuzi-jingji" / "index.html").read_text(encoding="utf-8"))
    assert "数读" in section and "<strong>300座</strong>" in section
