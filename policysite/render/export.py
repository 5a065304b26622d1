"""Machine-readable exports of a document: JSON (with a JSON Schema) and CSV of figures."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

from .. import tree
from ..annotations import ReportNotes
from ..model import Document
from ..site import addresses

SCHEMA_PATH = addresses.SCHEMA
CSV_FIELDS = ["section", "section_title", "role", "scope", "indicator", "item", "value", "unit", "text", "qualifier", "meaning", "measure",
              "kind", "low", "high", "line", "sentence"]

FIGURE_SCHEMA = {
    "type": "object",
    "required": ["section", "value", "unit", "text", "qualifier", "meaning", "measure", "kind", "low", "high", "line", "sentence",
                 "role", "scope", "indicator", "item"],
    "additionalProperties": False,
    "properties": {
        "section": {"type": "integer", "minimum": 0, "description": "1-based section position; 0 for the intro"},
        "value": {"type": "string", "description": "the number as written: 5.5, 2-3, 1至2"},
        "unit": {"type": "string", "description": "%, 亿元, 万平方米, 家 …"},
        "text": {"type": "string", "description": "figure as written with its unit and trailing qualifier: 6%以上"},
        "qualifier": {"type": "string", "description": "Chinese qualifiers, space separated: 力争 以上; 以内, 左右, 争取更好结果"},
        "meaning": {"type": "string", "description": "the qualifiers in English: aim, at least"},
        "measure": {"type": "string", "description": "what is measured: 地区生产总值增长, 5G基站"},
        "kind": {"enum": ["percent", "money", "area", "length", "concentration", "energy", "weight", "volume", "duration",
                          "ratio", "count"]},
        "role": {"enum": ["target", "result", "baseline"],
                 "description": "target: what the report commits to for its year or plan period; result: what was "
                                "achieved (工作回顾, 比上年); baseline: the from-value of 从…提高到…, 较…"},
        "scope": {"enum": ["main", "item", "period", ""],
                  "description": "of a target: main (the report's main-targets passage, 主要预期目标是…), item (a target "
                                 "stated in a policy item), period (a plan period's goal: 年均, “十五五”时期, 到2030年); "
                                 "empty for results and baselines"},
        "indicator": {"type": "string", "description": "a main indicator's common name across reports "
                                                       "(地区生产总值增长, 城镇新增就业 …); empty for other figures"},
        "item": {"type": "string", "description": "in a 分别 list (A、B分别增长4.5%、5.5%), the item this value belongs to"},
        "low": {"type": "number"},
        "high": {"type": "number"},
        "line": {"type": "integer", "minimum": 0, "description": "source line of the paragraph in the seed"},
        "sentence": {"type": "integer", "minimum": 0,
                     "description": "the sentence the figure is in: its index in the document's `sentences`"},
    },
}

NODE_SCHEMA = {
    "type": "object",
    "required": ["kind", "heading", "lines", "children"],
    "additionalProperties": False,
    "properties": {
        "kind": {"enum": ["part", "item", "section", "appendix", "glossary", "point"],
                 "description": "part 一、; item （一） (a page); section of an article; appendix; glossary; point inside a page"},
        "heading": {"type": "string", "description": "as written, numbering included"},
        "number": {"type": "integer", "minimum": 0, "description": "3 for 三、 or （三）; 0 when unnumbered"},
        "slug": {"type": "string", "description": "the page's file name in the report's folder (parts with items have an overview page)"},
        "position": {"type": "integer", "minimum": 1, "description": "the page's position in `sections`"},
        "lines": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
        "children": {"type": "array", "items": {"$ref": "#/$defs/node"}},
    },
}

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_PATH,
    "title": "政府工作报告 document export",
    "type": "object",
    "required": ["title", "slug", "outlet", "date", "seed", "source_url", "footer", "intro", "sections", "figures", "sentences",
                 "place", "level", "year", "delivered", "published", "speaker", "kind", "outline", "dropped"],
    "additionalProperties": False,
    "$defs": {"node": NODE_SCHEMA},
    "properties": {
        "title": {"type": "string", "description": "composed from place and year when the text's own is a bare 政府工作报告"},
        "slug": {"type": "string", "pattern": "^[a-z0-9-]+$", "description": "URL folder: place and year, e.g. guangdong-2026"},
        "outlet": {"type": "string"},
        "date": {"type": "string", "description": "ISO 8601: the date delivered when known, else the date published; empty when unknown"},
        "place": {
            "type": "object",
            "required": ["name", "short", "code"],
            "additionalProperties": False,
            "properties": {
                "name": {"type": "string", "description": "full name: 广东省, 广州市荔湾区"},
                "short": {"type": "string", "description": "short form: 广东, 荔湾"},
                "code": {"type": "string", "description": "six-digit administrative division code; empty when not found"},
            },
        },
        "level": {"enum": ["省级", "市级", "区县级", ""], "description": "administrative level of the place"},
        "year": {"type": "string", "description": "the year the report plans for"},
        "delivered": {"type": "string", "description": "ISO date the report was delivered to the people's congress"},
        "published": {"type": "string", "description": "ISO date (or date-time) the text was published"},
        "speaker": {"type": "string", "description": "who delivered the report"},
        "kind": {"enum": ["official", "news", "explainer", "list"],
                 "description": "official full text, news coverage, explainer, or a numbered list"},
        "outline": {"type": "array", "items": {"$ref": "#/$defs/node"}, "description": "the report as a tree: parts → items → points"},
        "dropped": {
            "type": "array",
            "description": "lines taken out as web-page chrome (toolbars, breadcrumbs, page metadata, link lists)",
            "items": {
                "type": "object", "required": ["line", "text", "rule"], "additionalProperties": False,
                "properties": {"line": {"type": "integer", "minimum": 1}, "text": {"type": "string"}, "rule": {"type": "string"}},
            },
        },
        "seed": {"type": "string", "description": "seed file, relative to seeds/"},
        "source_url": {"type": "string"},
        "footer": {
            "type": "object",
            "required": ["reporter", "editor", "copyright", "contact"],
            "properties": {k: {"type": "string"} for k in ("reporter", "editor", "copyright", "contact")},
        },
        "intro": {"type": "array", "items": {"type": "string"}},
        "sections": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["position", "slug", "heading", "subtitle", "tags", "lines", "paragraphs", "kind", "part"],
                "additionalProperties": False,
                "properties": {
                    "position": {"type": "integer", "minimum": 1},
                    "kind": {"enum": ["section", "item", "part", "appendix", "glossary"]},
                    "part": {"type": "string", "description": "heading of the part an item belongs to; empty otherwise"},
                    "slug": {"type": "string"},
                    "heading": {"type": "string"},
                    "subtitle": {"type": "string"},
                    "tags": {"type": "array", "items": {"type": "object", "required": ["name", "kind"],
                             "properties": {"name": {"type": "string"}, "kind": {"enum": ["topic", "place", "org", "policy"]}}}},
                    "lines": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
                    "paragraphs": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
        "figures": {"type": "array", "items": FIGURE_SCHEMA},
        "sentences": {"type": "array", "items": {"type": "string"},
                      "description": "the sentences figures are in, each once, in the order figures first cite them"},
    },
}


def document_json(document: Document, notes: ReportNotes) -> str:
    # A sentence holds several figures: it is written once and cited by index.
    sentences: dict[str, int] = {}
    figures = [figure_dict(f) | {"sentence": sentences.setdefault(f.sentence, len(sentences))} for f in notes.figures]
    data = {
        "title": document.title,
        "slug": document.slug,
        "outlet": document.outlet,
        "date": document.date,
        "seed": document.seed,
        "source_url": document.source_url,
        "footer": {k: getattr(document.footer, k) for k in ("reporter", "editor", "copyright", "contact")},
        "place": {"name": document.place_name, "short": document.place, "code": document.place_code},
        "level": document.level,
        "year": document.year,
        "delivered": document.delivered,
        "published": document.published,
        "speaker": document.speaker,
        "kind": document.kind or "news",
        "intro": document.intro,
        "outline": outline(document, notes),
        "dropped": [dataclasses.asdict(d) for d in document.dropped],
        "sections": [
            {
                "position": position,
                "slug": page.slug,
                "heading": s.heading,
                "subtitle": s.subtitle,
                "tags": [{"name": tag, "kind": page.kinds.get(tag, "topic")} for tag in page.tags],
                "lines": [s.first_line, s.last_line],
                "paragraphs": s.paragraphs,
                "kind": s.kind,
                "part": s.part.heading if s.part else "",
            }
            for position, s in enumerate(document.sections, 1)
            for page in [notes.page(s)]
        ],
        "figures": figures,
        "sentences": list(sentences),
    }
    return json_lines(data)


def json_lines(data: dict) -> str:
    """JSON with a line per top-level key and per element of a top-level list:
    a change shows as the lines it changed, and no indentation or spacing is
    repeated for each of a large report's tens of thousands of figures."""
    compact = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            lines.append(f"{compact(key)}:[\n" + ",\n".join(compact(item) for item in value) + "\n]")
        else:
            lines.append(f"{compact(key)}:{compact(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def outline(document: Document, notes: ReportNotes) -> list[dict]:
    """The report as a tree: parts with their items, pages with their points (policysite.tree)."""
    return [node_dict(node) for node in tree.outline(document, notes)]


def node_dict(node: tree.Node) -> dict:
    children = [node_dict(child) for child in node.children]
    if node.kind == "point":
        return {"kind": "point", "heading": node.heading, "lines": list(node.lines), "children": children}
    fields = {"kind": node.kind, "heading": node.heading, "number": node.number, "slug": node.slug}
    if not node.is_group:
        fields["position"] = node.position
    return fields | {"lines": list(node.lines), "children": children}


def figure_dict(figure) -> dict:
    # Its fields are plain values: read them, without asdict's deep copy (a
    # provincial report has hundreds of figures, an archive hundreds of reports).
    return {key: getattr(figure, key) for key in FIGURE_SCHEMA["properties"]}


def figures_csv(document: Document, notes: ReportNotes) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    titles = {position: s.heading for position, s in enumerate(document.sections, 1)} | {0: "主要预期目标"}
    for figure in notes.figures:
        writer.writerow(figure_dict(figure) | {"section_title": titles[figure.section]})
    return buffer.getvalue()


def schema_json() -> str:
    return json.dumps(SCHEMA, ensure_ascii=False, indent=1) + "\n"


def rows_csv(rows: list[dict], fields: list[str]) -> str:
    """Rows of a download (targets, delivery, new terms) as CSV, a header line first."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def rows_json(rows: list[dict]) -> str:
    """The same rows as a JSON list."""
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
