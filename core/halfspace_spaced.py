"""Two words written apart, with a space, where an editor writes one word with
a half-space: 'می طلبد' -> 'می‌طلبد', 'کارت های' -> 'کارت‌های', 'جامع تر' ->
'جامع‌تر', 'شده اند' -> 'شده‌اند', 'پیش بینی' -> 'پیش‌بینی'.

A space is made a half-space only where the lexicon says the joined form is
the word and the two apart are not a likelier reading:

- the verb prefix 'می'/'نمی' before letters with which it makes a verb form
  hazm conjugates ('می طلبد'); not after the month 'ماه' or a cup of 'می'
  (wine): 'ماه می', 'جام می';
- the plural 'ها', 'های', 'هایی' ... after a word that is no function word
  ('کارت های', 'آن ها'; not 'که ها'), hazm's or one it does not know
  ('اپلیکیشن های');
- a family-name ending after a first part in 'ی' ('احمدی نژاد');
- the comparative 'تر', 'ترین' after an adjective ('جامع تر'; 'تر', wet,
  after a noun stays: 'چشم تر'); the comparatives written joined by
  convention are joined ('بیش تر' -> 'بیشتر');
- the clitics 'ای', 'ام', 'اش', 'ایم', 'اید', 'اند' after a silent 'ه'
  ('رسانه ای', 'شده اند'; never 'است': 'شده است' is how it is written),
  and the ezafe 'ی' ('درباره ی': a 'ی' alone is no word);
  'اش' and 'شان' after a word ending in 'ی' ('زندگی اش');
- two words hazm lists as one with a half-space at that cut ('پیش‌بینی'),
  when the compound is no rarer than ``compound_share`` of its rarer part:
  then the pair is mostly that compound, not two words that meet; and an
  Arabic compound with the article that hazm lists ('آیت الله').

Each decision reads the two words (the first as joined so far, so that
'پیش بینی های' becomes 'پیش‌بینی‌های') and, for 'می', the word before; never
the words after, so that the text once repaired gives the same decisions.
"""

from __future__ import annotations

import collections
import functools
import itertools
import operator
import re
from collections.abc import Collection

from .halfspace import LETTERS, MARKS, ZWNJ
from .halfspace_joined import CONTENT_POS, unknown_to_hazm, JOINED_SUFFIXES, _base, _ends_in_silent_heh, _halfspaced_spelling, _respell, stem_compound
from .halfspace_lexicon import Lexicon, HalfspaceRules, lexicon, rules
from .halfspace_lines import keep_spaced_lines

# A word and the text between words, alternately (as in halfspace_joined).
_WORDS_AND_GAPS = re.compile(f"([{LETTERS}{MARKS}]+(?:{ZWNJ}[{LETTERS}{MARKS}]+)*)")


@functools.cache
def _compound_keys() -> frozenset[str]:
    """The letters of the compounds hazm lists with a half-space, alone and with a
    joined suffix ('جان‌باخته' -> 'جانباختگان'). Built on first use (a few
    hundredths of a second): a text that deleted its half-spaces never needs it."""
    halfspaced = lexicon().halfspaced
    return frozenset({key[: len(key) - len(drop)] + suffix
                      for key in halfspaced for suffix, drop in JOINED_SUFFIXES if key.endswith(drop)}
                     | halfspaced.keys())


@functools.cache
def _first_words() -> frozenset[str]:
    """Words that may be the first of a pair written apart, other than a
    listed compound's: the verb prefixes and the prefixes written with a half-space."""
    r = rules()
    return frozenset((*r.verb_prefixes, *_prefixed_preverbs(), *r.spaced_prefixes))


@functools.cache
def _second_words() -> frozenset[str]:
    """Words that may be the second of a pair written apart, other than a
    listed compound's: the lexicon's suffixes and bound parts, and the
    family-name endings."""
    return lexicon().spaced_seconds | frozenset((*rules().spaced_name_endings, rules().ezafe_yeh))


def _letters(word: str) -> str:
    return word.replace(ZWNJ, "")


def joined_pair(lex: Lexicon, r: HalfspaceRules, before: str, first: str, second: str) -> str | None:
    """The one word that ``first`` and ``second``, written apart, make, or None
    when they are two words. ``before`` is the word before them ('' if none)."""
    found = reading(lex, r, before, first, second)
    return None if found is None else found[0]


def reading(lex: Lexicon, r: HalfspaceRules, before: str, first: str, second: str) -> tuple[str, str] | None:
    """(the one word, the rule that makes it), or None: see :func:`joined_pair`."""
    base, tail = _letters(first), _letters(second)
    if first in r.verb_prefixes or first in _prefixed_preverbs():
        form = lex.verbs.get(base + tail)
        if form is not None and _letters(form.split(ZWNJ, 1)[0]) == first and before not in r.not_before_verb_prefix:
            return first + ZWNJ + second, "verb prefix"
        return None
    if second in r.plural:
        entry = lex.words.get(base)
        if first in r.not_after_ezafe or (entry is not None and not entry[1] - frozenset(r.function_pos)):
            return None
        if entry is not None or _base(lex, base, weak_ok=True) is not None:
            return _respell(first + ZWNJ + second, r), "plural"
        if len(base) >= r.compound_min_first and unknown_to_hazm(lex, base):
            return first + ZWNJ + second, "plural"  # 'اپلیکیشن های': a word hazm does not know
        return None
    if second in r.spaced_comparative:
        entry = lex.words.get(base) or lex.words.get(base[:-1] if base.endswith("ی") else "")
        if first in r.not_after_ezafe or entry is None or "AJ" not in entry[1]:
            return None
        if base in r.joined_comparative_bases:
            return first + second, "comparative"
        return _respell(first + ZWNJ + second, r), "comparative"
    if second in r.spaced_after_heh and _ends_in_silent_heh(r, base) and len(base) >= 2:
        return first + ZWNJ + second, "clitic after heh"
    if second == r.ezafe_yeh and _ends_in_silent_heh(r, base) and len(base) >= r.ezafe_min_stem:
        return first + ZWNJ + second, "ezafe after heh"  # 'درباره ی': 'ی' is never a word alone
    if second in r.spaced_after_yeh and base.endswith("ی") and len(base) >= 3:
        return first + ZWNJ + second, "clitic after yeh"
    if base in r.spaced_prefixes and _base(lex, tail) is not None:
        return first + ZWNJ + second, "prefix"  # 'بی توجهی'
    if tail in r.spaced_name_endings and base.endswith("ی") and len(base) >= r.compound_min_first \
            and base not in r.not_after_ezafe:
        return first + ZWNJ + second, "family name"  # 'احمدی نژاد', 'رائفی پور'
    key = base + tail
    if key not in _compound_keys() and tail not in lex.spaced_seconds:
        return None  # (most pairs: the two checks below would say so, slower)
    if tail not in lex.words and not _plural_of_word(lex, tail) and stem_compound(lex, r, base, tail, r.stem_suffixes):
        return _respell(first + ZWNJ + second, r), "stem compound"  # 'تحول گرایانه'
    listed = _halfspaced_spelling(lex, key)
    if listed is None or not _cut_at(listed, len(base)):
        return None
    word = _compound(lex, r, first, second, listed)
    return None if word is None else (word, "compound")


def _plural_of_word(lex: Lexicon, tail: str) -> bool:
    """Whether the letters are the plural in 'ان' of a word hazm lists
    ('نمایندگان', of 'نماینده'): a free word, not a stem with a suffix
    ('مجلس نمایندگان' is two words)."""
    return any(tail.endswith(suffix) and tail[: len(tail) - len(suffix)] + end in lex.words
               for suffix, end in _PLURAL_SUFFIXES if len(tail) > len(suffix) + 1)


_PLURAL_SUFFIXES = (("ان", ""), ("گان", "ه"))


def _cut_at(spelled: str, n: int) -> bool:
    """Whether a half-spaced spelling has a half-space after its first n letters
    (read on letters alone: the first word may have its own half-spaces or not)."""
    letters = 0
    for part in spelled.split(ZWNJ)[:-1]:
        letters += len(part)
        if letters == n:
            return True
    return False


@functools.cache
def _prefixed_preverbs() -> frozenset[str]:
    """'برمی', 'درنمی' ...: a preverb and the verb prefix."""
    r = rules()
    return frozenset(p + v for p in r.preverbs for v in r.verb_prefixes)


def _free_word(lex: Lexicon, word: str) -> bool:
    """A content word hazm lists (a noun, adjective ...), not a function word."""
    entry = lex.words.get(word)
    return entry is not None and bool(entry[1] & CONTENT_POS)


def _compound(lex: Lexicon, r: HalfspaceRules, first: str, second: str, listed: str) -> str | None:
    """The compound hazm lists, when it is a word of its own and its second
    part is bound: letters that are no word alone ('بین' + 'المللی'), or a
    verb's present stem with a derivational suffix ('سرمایه' + 'گذاری',
    'تهیه' + 'کننده'). Left apart: two free words that hazm's corpus joins as
    a name or phrase ('خلیج فارس', 'رئیس جمهور', 'ثبت نام'), a bare stem that
    is a word too ('پیش فروش': sale), a function word and a word ('به
    زودی', 'به روز'), participles ('اعلام شده': compound verbs are written
    apart) and number words ('یک میلیون'); and compounds hazm's corpus
    writes fewer than ``compound_min_freq`` times, which writers split as
    often as not."""
    head, tail = _letters(first), _letters(second)
    if tail in lex.verb_heads or "NUM" in (lex.words.get(tail) or (0, ()))[1]:
        return None
    last = head.split(ZWNJ)[-1]
    if head in r.not_after_ezafe or (last in lex.words and not _free_word(lex, last)):
        return None
    if tail in r.compound_tails:
        return listed  # 'سه شنبه': the days of the week
    if tail.startswith(r.arabic_article) and len(tail) > len(r.arabic_article) + 1:
        return listed  # 'آیت الله', 'حجت الاسلام': an Arabic compound with the article
    entry = lex.words.get(listed)
    if entry is not None and entry[0] < r.compound_min_freq:
        return None
    if tail not in lex.words:
        return listed
    if any(tail.endswith(suffix) and tail[: -len(suffix)] in lex.bound_stems for suffix in r.stem_suffixes):
        return listed
    return None


def join_spaced_words(text: str, *, by_line: bool = False, kept: Collection[str] = ()) -> str:
    """Make one word with a half-space of two written apart where the lexicon
    says so ('می طلبد' -> 'می‌طلبد', 'کارت های' -> 'کارت‌های'). ``by_line``:
    the text lost its half-spaces both ways, and a line whose writer spaces
    keeps its spaces (``halfspace_lines``). ``kept``: the letters of words
    that stay two (see :func:`kept_apart`)."""
    if " " not in text:
        return text
    parts = _WORDS_AND_GAPS.split(text)
    joins = _join(parts, kept)
    if not joins:
        return text
    if by_line and not keep_spaced_lines(parts, joins):
        return text
    return "".join(parts)


def _join(parts: list[str], kept: Collection[str] = ()) -> list[tuple[int, int, str, str, str]]:
    """Join the pairs of words the lexicon makes one in ``parts`` (words and the
    text between them, alternately), in place. -> the joins: (second word's
    index, first word's index, the three parts replaced); ``made`` takes the
    word each join makes."""
    words = parts[1::2]
    if len(words) < 2:
        return []
    lex, r = lexicon(), rules()
    # Pairs worth a look, picked at C speed: a suffix second, a prefix first, or
    # two words whose letters hazm lists as one; and a single space between.
    candidate = map(operator.or_, map(_second_words().__contains__, words[1:]),
                    map(_first_words().__contains__, words[:-1]))
    candidate = map(operator.or_, candidate, map(_compound_keys().__contains__, map(operator.add, words, words[1:])))
    todo = list(itertools.compress(itertools.count(), map(operator.and_, candidate, map(" ".__eq__, parts[2:-1:2]))))
    head = -1
    joins: list[tuple[int, int, str, str, str]] = []
    for i in todo:
        if parts[2 * i + 1]:  # word i still stands alone: it starts the word
            head = i
        first, second = parts[2 * head + 1], words[i + 1]
        if first in r.verb_prefixes and head > 0 and parts[2 * head] == " " \
                and words[head - 1] in r.not_before_verb_prefix:
            continue  # 'ماه می', 'جام می'
        word = _DECIDED.get((first, second), _UNSEEN)
        if word is _UNSEEN:
            if len(_DECIDED) > _DECIDED_MAX:
                _DECIDED.clear()
            word = _DECIDED[first, second] = joined_pair(lex, r, "", first, second)
        if word is not None and not (kept and _letters(word) in kept):
            # the first word takes the second; the gap and the second go
            joins.append((i, head, parts[2 * head + 1], parts[2 * i + 2], parts[2 * i + 3]))
            parts[2 * head + 1], parts[2 * i + 2], parts[2 * i + 3] = word, "", ""
    return joins


@functools.lru_cache(maxsize=1 << 12)
def _rule(first: str, second: str) -> str | None:
    """The rule by which two words written apart make one (see :func:`reading`)."""
    found = reading(lexicon(), rules(), "", first, second)
    return None if found is None else found[1]


def kept_apart(text: str) -> frozenset[str]:
    """In a text that lost its half-spaces both ways, deleted and typed as
    spaces, the compounds the lexicon makes of two words written apart that the
    text's writers space: written apart ``writer_apart_min`` times or more, and
    as one word (deleted or with a half-space) fewer than one time for every
    ``writer_apart_over_one_word``. (Where a writer half-spaced, about as many
    were deleted as spaced; the spaced ones beyond are the writers' spaces:
    'قلعه نویی', a family name, 13 times apart and 7 with a half-space in
    dev.txt.) Only the rules in ``writer_apart_rules``: writers disagree on
    compounds, and a writer who half-spaces does so in every verb and plural.
    -> the compounds' letters.

    Read on the text as given, and on the text repaired the same: a pair kept
    apart stays apart, and one joined is one word more."""
    # The text's words as split at spaces (a word with a mark beside it, '،',
    # is left out: the counts are a sample, read the same on the text repaired).
    words = text.split()
    r = rules()
    # Pairs worth a look, picked at C speed: two words whose letters hazm lists
    # as one, or a bound part or name ending second, or a prefix first.
    seconds = lexicon().spaced_seconds.difference(r.plural, r.spaced_comparative, r.spaced_after_heh,
                                                  r.spaced_after_yeh).union(r.spaced_name_endings)
    candidate = map(operator.or_, map(_compound_keys().__contains__, map(operator.add, words, words[1:])),
                    map(seconds.__contains__, words[1:]))
    candidate = map(operator.or_, candidate, map(frozenset(r.spaced_prefixes).__contains__, words))
    pairs = collections.Counter(itertools.compress(zip(words, words[1:]), candidate))
    apart: collections.Counter[str] = collections.Counter()
    for (first, second), n in pairs.items():
        if _rule(first, second) in r.writer_apart_rules:
            apart[_letters(first + second)] += n
    apart = {word: n for word, n in apart.items() if n >= r.writer_apart_min}
    if not apart:
        return frozenset()
    # As one word: deleted (the letters as they are), or with half-spaces (few words: read each).
    one_word = collections.Counter(filter(apart.__contains__, words))
    halfspaced = itertools.compress(words, map(operator.contains, words, itertools.repeat(ZWNJ)))
    one_word.update(filter(apart.__contains__, map(_letters, halfspaced)))
    return frozenset(word for word, n in apart.items() if r.writer_apart_over_one_word * one_word[word] < n)


def joins_apart(pair: str) -> bool:
    """Whether two words, 'X Y', written apart, make one word by the lexicon."""
    first, _, second = pair.partition(" ")
    return joined_pair(lexicon(), rules(), "", first, second) is not None


def join_spaced_words_by_line(text: str, kept: Collection[str] = ()) -> str:
    """``join_spaced_words`` for a text that lost its half-spaces both ways."""
    return join_spaced_words(text, by_line=True, kept=kept)


# (first word, second word) -> the one word they make, or None: kept across calls.
_DECIDED: dict[tuple[str, str], str | None] = {}
_DECIDED_MAX = 1 << 15
_UNSEEN = object()


# The verb prefix, then a space, a half-space or nothing, then letters. (A
# literal first, for speed: the letter before is checked in Python.)
_PREFIX_AND_WORD = re.compile(f"می([ {ZWNJ}]?)([{LETTERS}]+)")
_LETTER_OR_ZWNJ = re.compile(f"[{LETTERS}{MARKS}{ZWNJ}]")


def spaces_stand_for_halfspaces(text: str) -> bool:
    """Whether the text's spaces may stand for half-spaces, by its own usage:
    see :func:`spaced_and_deleted`."""
    return spaced_and_deleted(text)[0]


def spaced_and_deleted(text: str) -> tuple[bool, bool]:
    """Whether the text's spaces may stand for half-spaces, by its own usage.

    The verb prefix says how a text writes its half-spaces: with a space ('می
    شود'), with a half-space ('می‌شود'), or deleted ('میشود'). A text whose
    prefixed verbs are written one word (with a half-space or without) more
    than ``one_word_over_spaced`` times as often as spaced keeps its spaces:
    there a spaced verb, a spaced plural, is the writer's choice. Counting
    both one-word spellings keeps the answer when the text is repaired again
    (a deleted half-space comes back, a kept space stays).

    -> (spaces may stand for half-spaces, and half-spaces were deleted too:
    one-word verbs at least one for every ``one_word_per_spaced_lines``
    spaced, so that its lines are read each by its writer's usage, see
    ``halfspace_lines``). The second holds as well once the text is repaired:
    joined verbs only add to the one-word ones.
    """
    return how_lost(text)[:2]


def how_lost(text: str) -> tuple[bool, bool, bool]:
    """(spaces may stand for half-spaces, half-spaces were deleted too: see
    :func:`spaced_and_deleted`; and none was deleted: the text writes
    ``kept_verbs_min`` prefixed verbs or more with a space or a half-space,
    and joined fewer than one for every ``kept_per_deleted`` of them). In a
    text that deleted none, letters left joined are its writer's spelling
    ('سالهای', 'کلانشهر'), not a lost half-space. The third holds as well
    once the text is repaired: joining a spaced verb makes it half-spaced."""
    lex = lexicon()
    verbs, words = lex.verbs, lex.words
    spaced = one_word = deleted = 0
    for m in _PREFIX_AND_WORD.finditer(text):
        start, prefix = m.start(), "می"
        if start and _LETTER_OR_ZWNJ.match(text, start - 1):
            if text[start - 1] != "ن" or (start > 1 and _LETTER_OR_ZWNJ.match(text, start - 2)):
                continue  # 'می' inside a word
            prefix = "نمی"
        letters = prefix + m.group(2)
        form = verbs.get(letters)
        if form is None or not form.startswith(prefix + ZWNJ):
            continue
        if m.group(1) == " ":
            spaced += 1
        elif letters not in words:  # 'میدان' is a word, not a prefixed verb
            one_word += 1
            deleted += not m.group(1)
    r = rules()
    kept = spaced + one_word - deleted
    none_deleted = kept >= r.kept_verbs_min and deleted * r.kept_per_deleted < kept
    if one_word > r.one_word_over_spaced * spaced and one_word:
        return False, False, none_deleted
    return True, one_word * r.one_word_per_spaced_lines >= spaced > 0, none_deleted
