"""The Persian characters every stage reads: letters, digits, folding, outlet words.

One place for the facts of the script (as ftfy keeps them in ``chardata``), so
that no stage declares its own letter or digit table. Regex fragments are
strings (to build a stage's patterns); nothing is compiled at import.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# ------------------------------------------------------------------ letters
# The Persian and Arabic letters that join and make words (half-spaces stand
# between them): hamza to ghain, feh to yeh, alef wasla to yeh barree, ae, the
# dal/reh with inverted v, and the three extended letters (shin, dad, ghain with
# dot below) and heh with inverted v. A regex class body.
LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
# Diacritics and other combining marks of Arabic script.
MARKS = "\u064b-\u065f\u0670\u06d6-\u06ed"
# The half-space (zero-width non-joiner) between the parts of one word.
ZWNJ = "\u200c"
# What a word of a date or a label is made of: the Arabic-script letters (the
# whole extended block \u06fa-\u06ff, signs included, without ae and the
# Kurdish dal/reh) and Latin letters ("Aug", "Tehran"). A regex class body.
WORD_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ffA-Za-z"
# Any character of the Arabic block: enough to tell a Persian line from a Latin one.
ARABIC_BLOCK = "\u0600-\u06ff"
# Letters only Persian writes (Arabic has none of them); letters only Arabic writes.
PERSIAN_ONLY_LETTERS = frozenset("پچژگ")
ARABIC_ONLY_LETTERS = frozenset("ةأإؤ")
# The Latin letters as UTF-8 bytes (for bytes.translate, which counts in C).
LATIN_LETTER_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

# ------------------------------------------------------------------ digits
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"
# The three sets of decimal digits pages use. A regex class body.
DIGITS = "0-9\u06f0-\u06f9\u0660-\u0669"
# str.translate tables.
TO_LATIN_DIGITS = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)
TO_PERSIAN_DIGITS = str.maketrans(LATIN_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)
# Arabic-Indic digits as the Persian ones, pair by pair (for chained str.replace).
ARABIC_TO_PERSIAN_DIGITS = tuple(zip(ARABIC_DIGITS, PERSIAN_DIGITS))

# ------------------------------------------------------------------ outlets
# Words that name a kind of outlet, as regex alternatives. Each use takes the
# subset it was tuned on (a credit's noise is cut only before the first five).
OUTLET_KINDS = ("خبرگزاری", "روزنامه", "پایگاه", "سایت", "شبکه")
# "منبع روزنامه …": words that open an outlet's name.
OUTLET_OPENERS = (*OUTLET_KINDS, "هفته ?نامه", "ماهنامه", "خبرنامه", "رادیو", "تلویزیون")
# "به گزارش خبرگزاری فارس": the outlet's kind as a credit spells it out.
OUTLET_NAMES = ("خبرگزاری", "روزنامه", "پایگاه خبری", "پایگاه اطلاع[\u200c ]?رسانی", "سایت", "شبکه",
                "هفته[\u200c ]?نامه")
# "خبرگزاری فارس:" as a dateline (plain strings, matched unfolded; the Arabic yeh too).
DATELINE_OUTLETS = ("خبرگزاری", "خبرگزاري", "پایگاه خبری", "روزنامه")
# Words right before "مهر" that make it the agency Mehr, not the month.
AGENCY_BEFORE_MEHR = ("خبرگزاری", "گزارش", "منبع")


# ------------------------------------------------------------------ folding
# Two foldings, for two jobs:
# - fold(): the key a line is compared by (rules' phrases, templates, repeats):
#   one spelling of each letter, no spaces or half-spaces, no trailing marks,
#   lower case. Lengths change; the result is never shown.
# - fold_text() / fold_text_mapped(): the text dates are read in: one spelling
#   of each letter, digits as Latin ones, every odd space a space, marks and
#   kashida dropped; spaces stay, and the mapped form says where each folded
#   character came from (so a date's span is given in the original text).

# Chained str.replace beats str.translate with a mapping on short lines.
FOLD_PAIRS = (("ي", "ی"), ("ى", "ی"), ("ك", "ک"), ("ة", "ه"), ("ۀ", "ه"), ("أ", "ا"), ("إ", "ا"),
              ("\u200c", ""), (" ", ""), ("\u0640", ""), ("\u00a0", ""), ("\t", ""), ("\u200b", ""),
              ("\u200d", ""), ("\u200e", ""), ("\u200f", ""), ("\ufeff", ""))
TRAILING = ":：؛…. -|»«\"'"
# A page's line is folded by several stages (rules, template, repeats): a short
# one is remembered across pages (a site repeats its menus), a paragraph only
# while its page is worked on (the last few hundred); a text folded once
# (a whole article) is not kept.
FOLD_MEMO_MAX_CHARS = 300
FOLD_RECENT_MAX_CHARS = 4000


def fold(text: str, *, remember: bool = True) -> str:
    """The comparison key of a line (see above)."""
    if not remember or len(text) > FOLD_RECENT_MAX_CHARS:
        return _fold_key(text)
    return _fold_remembered(text) if len(text) <= FOLD_MEMO_MAX_CHARS else _fold_recent(text)


def _fold_key(text: str) -> str:
    text = text.strip().strip(TRAILING)
    for old, new in FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text.lower()


_fold_remembered = lru_cache(maxsize=1 << 12)(_fold_key)
_fold_recent = lru_cache(maxsize=1 << 8)(_fold_key)


# One character for another in fold_text (Arabic letters, odd spaces and marks).
TEXT_FOLD_MAP = {
    "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا",
    "\u200c": " ", "\u200d": " ", "\u200e": " ", "\u200f": " ", "\u061c": " ",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\t": " ",
    "\u202a": " ", "\u202b": " ", "\u202c": " ", "\u202d": " ", "\u202e": " ",
    "\u2066": " ", "\u2067": " ", "\u2068": " ", "\u2069": " ",
    "٫": ".", "٬": ",", "：": ":", "−": "-",
}
# Characters whose folded form is not exactly one character (see _fold_char):
# presentation forms, vowel marks, kashida, zero-width space, BOM, soft hyphen.
_RESIZING = "[\ufb50-\ufdff\ufe70-\ufefc\u064b-\u0655\u0640\u0670\u200b\ufeff\u00ad]"
# Chained str.replace of the characters present is several times faster than
# str.translate with a mapping on Persian text.
_ONE_FOR_ONE = tuple({**TEXT_FOLD_MAP, **dict(zip(PERSIAN_DIGITS, LATIN_DIGITS)),
                      **dict(zip(ARABIC_DIGITS, LATIN_DIGITS))}.items())


def _fold_char(ch: str) -> str:
    """The folded form of one character ("" drops it)."""
    code = ord(ch)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFC:  # Arabic presentation forms
        plain = unicodedata.normalize("NFKC", ch)
        # Some (ornate parentheses ﴾﴿) have no plainer form.
        return ch if plain == ch else "".join(_fold_char(c) for c in plain)
    if 0x06F0 <= code <= 0x06F9:
        return str(code - 0x06F0)
    if 0x0660 <= code <= 0x0669:
        return str(code - 0x0660)
    if 0x064B <= code <= 0x0655 or code in (0x0640, 0x0670, 0x200B, 0xFEFF, 0x00AD):
        return ""  # vowel marks, kashida, zero-width space
    return TEXT_FOLD_MAP.get(ch, ch)


def _one_for_one(text: str) -> str:
    for old, new in _ONE_FOR_ONE:
        if old in text:
            text = text.replace(old, new)
    return text


_resizing = None


def _resizes(text: str) -> bool:
    global _resizing
    if _resizing is None:
        _resizing = re.compile(_RESIZING)
    return _resizing.search(text) is not None


def fold_text_mapped(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index it came from."""
    if not _resizes(text):
        # Every character folds to one character: positions stay (the common case, fast).
        return _one_for_one(text), list(range(len(text)))
    chars, where = [], []
    for i, ch in enumerate(text):
        for out in _fold_char(ch):
            chars.append(out)
            where.append(i)
    return "".join(chars), where


def fold_text(text: str) -> str:
    """The folded text alone (see fold_text_mapped), without the map of offsets."""
    if not _resizes(text):
        return _one_for_one(text)
    return "".join(map(_fold_char, text))
