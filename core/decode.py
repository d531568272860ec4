"""Decode a page's bytes: the one stage that picks an encoding.

Scraped files come as UTF-8 (with or without BOM), UTF-16 (with a BOM) or
Windows-1256, the encoding of older Iranian sites. A file with NUL bytes and
no UTF-16 BOM is binary and refused. Bytes that no candidate decodes are
replaced, counted and reported, never silently dropped.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from khabar.core.chars import ARABIC_BLOCK, ZWNJ
from khabar.core.errors import InputError

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Windows-1256 decodes any byte, so it must come last and only when the text it
# gives looks like Persian/Arabic rather than mojibake.
FALLBACK = "cp1256"
# High bytes of the code points Persian text in UTF-16 is made of.
UTF16_HIGH_BYTES = (0x00, 0x06, 0x20, 0xFB, 0xFC, 0xFD, 0xFE)
# Share of a Windows-1256 reading's high bytes that must be Arabic-script letters.
CP1256_MIN_LETTERS = 0.8
# Share of control characters above which a file is taken for binary.
MAX_CONTROL_SHARE = 0.05


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str | None  # None: text given as text, never decoded
    replaced: int = 0  # bytes that could not be decoded and became U+FFFD
    unmangled: bool = False  # the text had been decoded wrongly once (mojibake) and was put back


CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")


def _control_share(text: str) -> float:
    if not text or not CONTROL.search(text):
        return 0.0  # most pages: one pass that finds nothing
    return len(CONTROL.findall(text)) / len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 Persian text without a BOM: every other byte is the high byte of
    U+06xx (letters), U+00xx (spaces, digits, newlines) or U+20xx (ZWNJ, dashes)."""
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if high.count(0) and sum(high.count(b) for b in UTF16_HIGH_BYTES) > len(high) * 0.9:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _refuse_binary(text: str, path: str) -> None:
    if "\x00" in text or _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError(f"{path}: binary data (NUL or control bytes), not a text page; skipped")


def decode(data: bytes, *, path: str = "-") -> Decoded:
    """Bytes in, text out with the encoding used; raises InputError for binary data."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            _refuse_binary(text, path)
            return Decoded(text.lstrip("\ufeff"), encoding.replace("-sig", "") + " (BOM)", text.count("\ufffd"))
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(f"{path}: binary data (NUL bytes), not a text page; skipped")
        _refuse_binary(text, path)
        return Decoded(text, "utf-16")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
        replaced = 0
    except UnicodeDecodeError as err:
        text, encoding, replaced = _damaged_utf8_or_cp1256(data)
        if text is None:
            raise InputError(f"{path}: not UTF-8, UTF-16 or Windows-1256 text "
                             f"(first bad byte at offset {err.start}); skipped") from None
    _refuse_binary(text, path)
    if encoding == "utf-8" and MOJIBAKE.search(text):
        unmangled = _undo_mojibake(text)
        if unmangled is not None:
            return Decoded(unmangled, "utf-8", replaced, unmangled=True)
    return Decoded(text, encoding, replaced)


# UTF-8 Persian once decoded as Latin-1 or Windows-1252 and saved again as UTF-8:
# "رئیس" becomes "Ø±Ø¦ÛŒØ³". The lead bytes of Arabic letters (D8–DB) show as Ø Ù Ú Û.
MOJIBAKE = re.compile("[ØÙÚÛ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
                      "\u02dc\u2013-\u2122]")


def _undo_mojibake(text: str) -> str | None:
    """The text as it was before the wrong decoding, when that is sure: the
    whole text goes back to valid UTF-8 and comes out Persian."""
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        persian = sum(1 for ch in fixed if "\u0600" <= ch <= "\u06ff")
        if persian > len(MOJIBAKE.findall(text)) // 2:
            return fixed
    return None


def _damaged_utf8_or_cp1256(data: bytes) -> tuple[str | None, str, int]:
    """Bytes that are not valid UTF-8: UTF-8 with bad bytes, or Windows-1256, by
    which reading explains more of the high bytes as text: the UTF-8 reading's
    valid multi-byte sequences, or the Windows-1256 reading's Arabic-script letters.
    Neither reading plausible: (None, "", 0).

    A damaged UTF-8 page keeps nearly all its sequences valid, read as Windows-1256
    about half its bytes are letters; a Windows-1256 page is letters byte for byte,
    and read as UTF-8 only a chance pair (a letter, then پ چ ژ گ ک) is valid."""
    text = data.decode("utf-8", errors="replace")
    high = len(data.translate(None, ASCII))
    genuine = data.count("\ufffd".encode())  # U+FFFD written in the page, not a bad byte
    replaced = text.count("\ufffd") - genuine
    # Bytes in valid multi-byte sequences: all the text's UTF-8 less ASCII and what was replaced.
    valid = len(text.encode("utf-8")) - (len(data) - high) - 3 * replaced
    sequences = len(text) - (len(data) - high) - replaced
    letters = len(data) - len(data.translate(None, CP1256_LETTER_BYTES))
    utf8 = sequences >= replaced  # as many good characters as broken ones, or more
    cp1256 = letters > high * CP1256_MIN_LETTERS
    if utf8 and (not cp1256 or valid >= letters):
        return text, "utf-8", replaced
    if cp1256:
        return data.decode(FALLBACK), "windows-1256", 0
    return None, "", 0


ASCII = bytes(range(0x80))
CP1256_LETTER = re.compile(f"[{ARABIC_BLOCK}{ZWNJ}\u200d«»]")
# The high bytes Windows-1256 reads as Arabic-script letters (and ZWNJ, ZWJ, « »).
CP1256_LETTER_BYTES = bytes(b for b in range(0x80, 0x100) if CP1256_LETTER.match(bytes([b]).decode(FALLBACK, "replace")))
