"""Machine-readable exports of a document: JSON (with a JSON Schema) and CSV of figures."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

from .model import Document

SCHEMA_PATH = "schema/report.schema.json"
CSV_FIELDS = ["section", "section_title", "value", "unit", "text", "qualifier", "meaning", "measure", "kind", "low", "high", "line", "sentence"]

FIGURE_SCHEMA = {
    "type": "object",
    "required": ["section", "value", "unit", "text", "qualifier", "meaning", "measure", "kind", "low", "high", "line", "sentence"],
    "additionalProperties": False,
    "properties": {
        "section": {"type": "integer", "minimum": 0, "description": "1-based section position; 0 for the intro"},
        "value": {"type": "string", "description": "the number as written: 5.5, 2-3, 1至2"},
        "unit": {"type": "string", "description": "%, 亿元, 万平方米, 家 …"},
        "text": {"type": "string", "description": "figure as written with its unit and trailing qualifier: 6%以上"},
        "qualifier": {"type": "string", "description": "Chinese qualifiers, space separated: 力争 以上"},
        "meaning": {"type": "string", "description": "the qualifiers in English: aim, at least"},
        "measure": {"type": "string", "description": "what is measured: 地区生产总值增长, 5G基站"},
        "kind": {"enum": ["percent", "money", "area", "count", "quantity"]},
        "low": {"type": "number"},
        "high": {"type": "number"},
        "line": {"type": "integer", "minimum": 0, "description": "source line of the paragraph in the seed"},
        "sentence": {"type": "string"},
    },
}

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_PATH,
    "title": "政府工作报告 document export",
    "type": "object",
    "required": ["title", "slug", "outlet", "date", "seed", "source_url", "footer", "intro", "sections", "figures"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string"},
        "slug": {"type": "string", "pattern": "^[a-z0-9-]+$"},
        "outlet": {"type": "string"},
        "date": {"type": "string", "description": "ISO 8601, empty when unknown"},
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
                "required": ["position", "slug", "heading", "subtitle", "tags", "lines", "paragraphs"],
                "additionalProperties": False,
                "properties": {
                    "position": {"type": "integer", "minimum": 1},
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
    },
}


def document_json(document: Document) -> str:
    data = {
        "title": document.title,
        "slug": document.slug,
        "outlet": document.outlet,
        "date": document.date,
        "seed": document.seed,
        "source_url": document.source_url,
        "footer": {k: getattr(document.footer, k) for k in ("reporter", "editor", "copyright", "contact")},
        "intro": document.intro,
        "sections": [
            {
                "position": position,
                "slug": s.slug,
                "heading": s.heading,
                "subtitle": s.subtitle,
                "tags": [{"name": tag, "kind": s.kinds.get(tag, "topic")} for tag in s.tags],
                "lines": [s.first_line, s.last_line],
                "paragraphs": s.paragraphs,
            }
            for position, s in enumerate(document.sections, 1)
        ],
        "figures": [figure_dict(f) for f in document.figures],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def figure_dict(figure) -> dict:
    data = dataclasses.asdict(figure)
    return {key: data[key] for key in FIGURE_SCHEMA["properties"]}


def figures_csv(document: Document) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    titles = {position: s.heading for position, s in enumerate(document.sections, 1)} | {0: "主要预期目标"}
    for figure in document.figures:
        writer.writerow(figure_dict(figure) | {"section_title": titles[figure.section]})
    return buffer.getvalue()


def schema_json() -> str:
    return json.dumps(SCHEMA, ensure_ascii=False, indent=1) + "\n"
