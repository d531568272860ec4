"""The language guess: letters one vote each, function words three, a tie Persian."""

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.core.chars import ARABIC_ONLY_LETTERS as ARABIC_LETTERS, PERSIAN_ONLY_LETTERS as PERSIAN_LETTERS
from khabar.core.language import ARABIC_WORDS, PERSIAN_WORDS, guess_language


def by_the_rule(text: str) -> str:
    """The vote as stated, counted word by word with the two word sets in turn."""
    words = text.split()
    fa = sum(map(text.count, PERSIAN_LETTERS)) + 3 * sum(w in PERSIAN_WORDS for w in words)
    ar = sum(map(text.count, ARABIC_LETTERS)) + 3 * sum(w in ARABIC_WORDS for w in words)
    return "fa" if fa >= ar else "ar"


PIECES = sorted(PERSIAN_WORDS | ARABIC_WORDS | PERSIAN_LETTERS | ARABIC_LETTERS) + [
    "کتاب", "الحكومة", "مدرسه", "ستعمل", "منطقه", "ایران", "\u200c", "۱۴۰۱"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=12, max_size=80),
       st.lists(st.sampled_from([" ", "\n", "\t", "\u00a0", "، ", ""]), min_size=80, max_size=80))
def test_the_language_vote_counts_letters_once_and_function_words_three_times(pieces, gaps):
    text = "".join(p + g for p, g in zip(pieces, gaps))
    guess = guess_language(text)
    if guess in ("fa", "ar"):
        assert guess == by_the_rule(text)


def test_arabic_function_words_outvote_a_few_persian_letters():
    text = "في من على التي الذي إلى هذا كان عن " * 2 + "گچپژگچپژ"  # 8 votes against 18 × 3 + 2 (the two إ)
    assert guess_language(text) == "ar"
    assert guess_language(text + " گ" * 48) == "fa"  # 56 against 56: a tie is Persian
    assert guess_language(text + " گ" * 47) == "ar"
