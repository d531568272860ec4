"""khabar.core.normalize: one test per fix, must-not-change cases, properties."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.core import spans
from khabar.core.normalize import FIXES, NormalizeConfig, Normalized, normalize

ZWNJ = "\u200c"
OFF = NormalizeConfig(
    letters=False, marks=False, spaces=False, punctuation=False, halfspaces=False, digits=False, teh_marbuta=False
)
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7619606070423613.txt"


def fixed(text: str, **fields) -> str:
    return normalize(text, config=NormalizeConfig(**fields)).text


# --- the interface ---------------------------------------------------------


def test_returns_normalized_with_named_changes():
    result = normalize("كتاب  علي")
    assert isinstance(result, Normalized)
    assert result.text == "کتاب علی"
    assert dict(result.changes) == {"unify_letters": 2, "unify_spaces": 1}


def test_every_fix_has_a_config_field():
    fields = set(NormalizeConfig.__dataclass_fields__)
    assert {"letters", "spaces", "halfspaces", "digits", "punctuation"} <= fields
    for fix in FIXES:
        assert fix.enabled(OFF) is False, fix.name


def test_everything_off_changes_nothing():
    text = "كتاب  ي\u200b ،سلام میشود ـــ\u00a0ﻻ ٣ ة\n\n  https://x.ir "
    assert normalize(text, config=OFF) == Normalized(text, ())


def test_import_does_not_load_hazm():
    code = "import sys, khabar.core.normalize; print('hazm' in sys.modules or 'nltk' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_bad_digits_value_is_refused():
    with pytest.raises(ValueError):
        normalize("۱۲", config=NormalizeConfig(digits="roman"))


# --- letters ---------------------------------------------------------------


def test_arabic_letters_become_persian():
    assert fixed("كيك و موسى") == "کیک و موسی"


def test_arabic_indic_digits_become_persian():
    assert fixed("سال ٢٠٢٠") == "سال ۲۰۲۰"


def test_presentation_forms_become_letters():
    assert fixed("ﻻ ﺑﺮای") == "لا برای"


def test_teh_marbuta_kept_by_default_and_changed_on_request():
    assert fixed("ولایة الفقیه") == "ولایة الفقیه"
    assert fixed("ولایة", teh_marbuta=True) == "ولایه"


def test_letters_off():
    assert fixed("كتاب", letters=False) == "كتاب"


# --- marks -----------------------------------------------------------------


def test_invisible_marks_removed_zwnj_kept():
    assert fixed("\ufeffسلام\u200f دنیا\u200e") == "سلام دنیا"
    assert fixed("می\u200cشود\u200b") == "می\u200cشود"


def test_kashida_removed_inside_words_kept_as_dash():
    assert fixed("تهـــران") == "تهران"
    assert fixed("تهران ـ ایرنا") == "تهران ـ ایرنا"


# --- spaces ----------------------------------------------------------------


def test_odd_and_repeated_spaces():
    assert fixed("سلام\u00a0\u00a0 دنیا\tخوب  است ") == "سلام دنیا خوب است"


def test_stray_halfspaces_removed():
    assert fixed("کتاب\u200c را\u200c\u200c") == "کتاب را"
    assert fixed("خانه\u200c\u200cها") == "خانه\u200cها"


def test_lines_kept():
    text = "  سطر اول  \n\n\u00a0\nسطر  دوم\r\n"
    out = fixed(text)
    assert out.count("\n") == text.count("\n")
    assert out.split("\n")[0] == "سطر اول"


# --- punctuation -----------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("سلام ،خوبی؟بله", "سلام، خوبی؟ بله"),
        ("روحانی ؛ کرونا", "روحانی؛ کرونا"),
        ("( متن )", "( متن)"),
        ("گفت :« سازمان »", "گفت: « سازمان»"),
        ("خبر داد .", "خبر داد."),
    ],
)
def test_punctuation_spacing(before, after):
    assert fixed(before) == after


@pytest.mark.parametrize(
    "text",
    [
        "قیمت ۱،۲۰۰ تومان شد.",
        "امام خمینی(ره) گفت.",
        # the spacing around an opening mark is the writer's
        "سازمان(ملل) و « متن» آمد.",
        "ج.ا.ا و ساعت ۷:۳۰ صبح",
        "The deal ( signed in 2015 ) , officials said.",
    ],
)
def test_punctuation_must_not_change(text):
    assert fixed(text) == text


# --- digits ----------------------------------------------------------------


def test_digits_kept_by_default():
    text = "نرخ 38.5 درصد و ۳۸٫۵ و 1,250 تومان"
    assert fixed(text) == text


def test_digits_to_persian_only_in_prose():
    assert fixed("نرخ 38.5 و 1,250 و iOS 17.4.1", digits="fa") == "نرخ ۳۸٫۵ و ۱٬۲۵۰ و iOS 17.4.1"


def test_digits_to_latin_only_in_prose():
    assert fixed("نرخ ۳۸٫۵ و ١٢ و COVID-19", digits="latin") == "نرخ 38.5 و 12 و COVID-19"


# --- protected spans -------------------------------------------------------

PROTECTED = [
    "https://www.isna.ir/news/1403031510/",
    "https://example.com/report.v2.pdf?id=123&lang=fa",
    "https://fa.wikipedia.org/wiki/ایران",
    "info@irna.ir",
    "iOS 17.4.1",
    "A1B2-C3D4",
    "COVID-19",
    "G20",
    "#ایران_قوی",
    "@IRNA_English",
    "data_2024_final.csv",
    "U.S.A.",
    "$2.5 billion",
    "www.president.ir",
    "GPT-4o",
    "✌️",
    "❤️",
    "👨\u200d👩\u200d👧",
    "1️⃣",
]
NUMBERS = ["38.5", "1,250", "۳۸٫۵", "۱،۲۰۰", "1403/03/15", "7:30", "021-88776655", "۴۵٪", "12%", "-5.5"]


@pytest.mark.parametrize("piece", PROTECTED + NUMBERS)
def test_protected_pieces_untouched(piece):
    out = fixed(f"در این خبر {piece} آمده است ، ببینید")
    assert piece in out


def test_english_sentence_untouched():
    text = 'The "Iran Nuclear Deal" was signed in 2015, officials said... (Reuters)'
    assert fixed(text) == text
    assert fixed("خبر: " + text) == "خبر: " + text


def test_spans_split_and_mask_round_trip():
    text = "شرکت Apple نسخه iOS 17.4.1 را با ۳۸٫۵ درصد و https://x.ir/a منتشر کرد."
    parts = spans.split(text)
    assert "".join(p.text for p in parts) == text
    assert [p.text for p in parts if p.kind == "protected"] == ["Apple", "iOS 17.4.1", "https://x.ir/a"]
    assert [p.text for p in parts if p.kind == "number"] == ["۳۸٫۵"]
    assert spans.unmask(spans.mask(text)) == text


# --- the seed ----------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="seed text not present")
def test_seed_words_restored_and_lines_kept():
    text = SEED.read_text(encoding="utf-8")
    out = normalize(text).text
    for word in ["سه‌شنبه", "کارت‌های", "سیاست‌های", "زمینه‌ها", "ثبت‌نام", "برنامه‌ریزی", "سامانه‌های", "دستگاه‌ها", "استان‌ها"]:
        assert word in out, word
    assert out.count("\n") == text.count("\n")
    # Only spacing changed: the letters are the same once spaces are set aside.
    strip = lambda s: "".join(ch for ch in s if not ch.isspace() and ch != ZWNJ)  # noqa: E731
    assert strip(out) == strip(text)


# --- properties ------------------------------------------------------------

PERSIAN_WORDS = [
    "کتاب", "کتابها", "میشود", "می", "شود", "سهشنبه", "خانه", "ای", "ها", "برنامهریزی", "و", "را", "كه",
    "علي", "زمینهای", "نامهای", "تهـــران", "ﻻ", "ة", "بیشتر", "مهمترین", "آنها", "اینکه",
]
JUNK = [" ", "  ", "\u00a0", "\u200c", "\u200b", "\u200f", "\n", "\t", "،", "؛", "؟", "«", "»", "(", ")", ":", ".", "ـ", "\r\n"]
text_pieces = st.lists(
    st.one_of(st.sampled_from(PERSIAN_WORDS), st.sampled_from(JUNK), st.sampled_from(PROTECTED + NUMBERS), st.text(max_size=4)),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(text_pieces)
def test_idempotent_and_keeps_lines(text):
    once = normalize(text).text
    assert once.count("\n") == text.count("\n")
    assert normalize(once).text == once


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(PERSIAN_WORDS + JUNK[:9]), st.sampled_from(PROTECTED + NUMBERS)),
        min_size=1,
        max_size=8,
    )
)
def test_protected_spans_never_change(pairs):
    # Each protected piece stands apart from its neighbours by a space.
    text = " ".join(f"{word} {piece}" for word, piece in pairs) + " پایان"
    out = normalize(text).text
    for _, piece in pairs:
        assert piece in out


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_everything_off_is_identity(text):
    assert normalize(text, config=OFF).text == text
