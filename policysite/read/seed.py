"""Read stage: seed bytes → normalised lines.

The seed file on disk is never modified; everything here works on a copy.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from pathlib import Path

from ..lang import script
from ..model import Line, Seed


class SeedError(Exception):
    """A seed that cannot be used. The message is one line for the maintainer."""


# Characters that are invisible in print but split words for search.
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))

# Lookalikes that render like an ideograph but are not one: Kangxi radicals and
# CJK radicals supplement. NFKC maps them to the ideograph they imitate; CJK
# compatibility ideographs are already mapped by NFC.
RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")

# Text that is not content: controls other than tab/newline.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Blank characters trimmed at both ends of a line: ASCII and full-width spaces.
BLANK = " \t\u3000\u00a0"


def read_seed(path: Path, name: str | None = None) -> Seed:
    """Decode and normalise one seed file."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SeedError(f"{path}: cannot read: {error.strerror}") from None
    text, encoding, mojibake = decode(raw, path)
    repairs = [f"the text had been decoded with a Western codec and saved again (æ”¿åºœ for 政府): {mojibake}"] if mojibake else []
    text, done = script.simplified(normalise(text))
    lines = split_lines(text)
    if not lines:
        raise SeedError(f"{path}: empty: the file has no text")
    return Seed(
        path=path,
        name=name or path.name,
        encoding=encoding,
        digest=hashlib.sha256(raw).hexdigest(),
        lines=tuple(lines),
        repairs=tuple(repairs + done),
    )


def decode(raw: bytes, path: Path) -> tuple[str, str, str]:
    """Return the text, the encoding it was read with, and how it was recovered
    from mojibake ("" for a text that was not: undo_mojibake).

    A byte-order mark decides; otherwise strict UTF-8, then strict GB18030
    (a superset of GBK and GB2312, the usual encodings of Chinese text files)
    when the result reads as Chinese.
    """
    if not raw.strip():
        raise SeedError(f"{path}: empty: the file has no text")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return check_text(raw.decode(encoding), path), encoding, ""
            except UnicodeDecodeError:
                raise SeedError(f"{path}: undecodable: invalid {encoding} after its byte-order mark") from None
    if b"\x00" in raw[:8192]:
        # UTF-16 saved without a byte-order mark still reads as Chinese; other NULs mean binary.
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if reads_as_chinese(text) and not CONTROL.search(text):
                return text, encoding, ""
        raise SeedError(f"{path}: binary: not a text file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Mojibake holds C1 controls (Windows-1252's gaps) that are not binary: checked once repaired.
        repaired, how = undo_mojibake(text) or (text, "")
        return check_text(repaired, path), "utf-8", how
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        raise SeedError(f"{path}: undecodable: neither UTF-8, UTF-16 nor GB18030") from None
    if not reads_as_chinese(text):
        raise SeedError(f"{path}: undecodable: neither UTF-8, UTF-16 nor GB18030")
    return check_text(text, path), "gb18030", ""


# Bytes 0x80–0x9F as Windows-1252 shows them (€ ‚ ƒ „ …): a text decoded with it was bytes once.
CP1252 = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def undo_mojibake(text: str) -> tuple[str, str] | None:
    """Chinese that was decoded with a Western codec and saved again (æ”¿åºœ for 政府,
    Õþ¸® for 政府 in GBK): the text as it was, and what was repaired; None for text
    that reads as Chinese already, or that is not such a copy."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if reads_as_chinese(text) or sum(ord(ch) < 0x100 or ch in CP1252 for ch in wide) < 0.9 * len(wide):
        return None
    try:
        raw = bytes(ord(ch) if ord(ch) < 0x100 else CP1252[ch] for ch in text)
    except (KeyError, ValueError):
        return None  # a character no Western codec gives: not a mis-decoded copy
    for encoding in ("utf-8", "gb18030"):
        try:
            repaired = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if reads_as_chinese(repaired):
            return repaired, f"read as the {encoding.upper()} it was, not as Windows-1252 or Latin-1"
    return None


def check_text(text: str, path: Path) -> str:
    if len(CONTROL.findall(text)) > max(2, len(text) // 100):
        raise SeedError(f"{path}: binary: not a text file")
    return text


def reads_as_chinese(text: str) -> bool:
    """True when the non-ASCII characters are mostly common ideographs and CJK punctuation.

    Bytes of another encoding decoded as GB18030 give rare ideographs, symbols
    and four-byte code points; real Chinese text gives the common block.
    """
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return True
    common = sum(
        1 for ch in wide
        if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
        or "\u2010" <= ch <= "\u2027"
    )
    return common >= 0.9 * len(wide)


def normalise(text: str) -> str:
    """One canonical form of the text, so that parsing and search see one spelling."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(ZERO_WIDTH)
    text = CONTROL.sub("", text)
    text = RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return unicodedata.normalize("NFC", text)


def split_lines(text: str) -> list[Line]:
    """Non-blank, trimmed lines with their 1-based numbers in the original file."""
    lines: list[Line] = []
    for number, raw_line in enumerate(text.split("\n"), start=1):
        stripped = raw_line.strip(BLANK)
        if stripped:
            lines.append(Line(number, stripped))
    return lines
