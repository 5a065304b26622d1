"""Optional `seeds/<name>.yml` beside a seed: what detection cannot know.

    slug: liwan-2022             # URL folder of the document
    title: 荔湾区2022年政府工作报告  # replaces the first line as title
    date: 2022-01-21             # ISO 8601 date or date-time
    source: https://…            # link to the original article
    headings: [疫情防控, 科技创新]  # exact heading lines, in order
    tags: [荔湾]                 # extra tags for every section
"""

from __future__ import annotations

import dataclasses
import datetime
import re

import yaml

from ..model import Seed
from ..site import addresses
from .seed import SeedError

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?")
URL = re.compile(r"https?://\S+")


def read_sidecar(seed: Seed) -> Seed:
    """The seed with its validated sidecar attached (unchanged when there is none)."""
    path = seed.path.with_suffix(".yml")
    if not path.is_file():
        return seed
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise SeedError(f"{path}: undecodable: sidecar files must be UTF-8") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise SeedError(f"{path}: invalid YAML{where}: {getattr(error, 'problem', None) or error}") from None
    return dataclasses.replace(seed, sidecar=validate(data, path))


def validate(data: object, path) -> dict:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SeedError(f"{path}: expected a mapping of keys (slug, title, date, source, headings, tags)")
    checks = {
        "slug": (lambda v: isinstance(v, str) and SLUG.fullmatch(v), "lowercase ASCII words joined by hyphens"),
        "title": (lambda v: isinstance(v, str) and v.strip(), "non-empty text"),
        "date": (lambda v: isinstance(v, (datetime.date, str)) and ISO_DATE.fullmatch(str(v)), "an ISO 8601 date"),
        "source": (lambda v: isinstance(v, str) and URL.fullmatch(v), "an http(s) URL"),
        "headings": (lambda v: is_text_list(v) and v, "a non-empty list of heading lines"),
        "tags": (is_text_list, "a list of tags"),
    }
    for key, value in data.items():
        if key not in checks:
            raise SeedError(f"{path}: unknown key {key!r}; expected one of {', '.join(checks)}")
        valid, expected = checks[key]
        if not valid(value):
            raise SeedError(f"{path}: {key} must be {expected}, not {value!r}")
    if data.get("slug") in addresses.RESERVED_FOLDERS:
        raise SeedError(f"{path}: slug {data['slug']!r} is a folder of the site itself "
                        f"({', '.join(sorted(addresses.RESERVED_FOLDERS))}); choose another `slug:`")
    clean = dict(data)
    if "date" in clean:
        clean["date"] = str(clean["date"]).replace(" ", "T")
    return clean


def is_text_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value)
