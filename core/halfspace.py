"""Restore the half-space (ZWNJ, U+200C) that scrapers drop from Persian words.

'سهشنبه' -> 'سه‌شنبه', 'کارتهای' -> 'کارت‌های', 'میشود' -> 'می‌شود',
'برنامهریزی' -> 'برنامه‌ریزی', 'می شود' -> 'می‌شود'.

The lexicon is hazm's: its word list (``hazm.utils.words_list``: words with
frequencies and parts of speech, about 13k of them with a half-space) and
the verb forms its conjugator writes (``hazm.lemmatizer.Conjugation`` over
``hazm.utils.verbs_list``). Half-spaced spellings hazm lists without a
part of speech and whose first part is no word ('دوومی‌دانی') are typos and
are dropped. hazm's own ``Normalizer`` is not used: its
spacing joins and splits by rules that differ from news usage, and its other
steps damage URLs and numbers (see ``normalize``). Nor is its
``seperate_mi``: it splits any letters whose 'می' split is a verb form, so
the noun 'میانجی' and 'میدانی' (of the field) become 'می‌انجی' and
'می‌دانی', and it misses 'برمیگردد' and 'میتوان'; step 1 below does its
job over the same verb forms, with those exceptions.

For each run of Persian letters without a half-space, in order:

1. A verb form hazm writes with a half-space ('می‌شود', 'شده‌اند'), unless
   the letters are a frequent word ('میانجی'), a frequent word plus the
   suffix 'ی' ('میدانی' = of the field), or better read as a plural.
2. A word hazm lists joined, with a part of speech, stays as it is.
3. Letters hazm lists only with a half-space ('سهشنبه' -> 'سه‌شنبه',
   'ثبتنام' -> 'ثبت‌نام'), also before a joined suffix ('دانش‌آموزان').
   When hazm lists the joined letters too, even without a part of speech,
   they stay joined: news writes 'پیشگیری', 'اینکه', 'همزمان' (and
   'مهمترین', 'بزرگتر' about as often as 'مهم‌ترین', 'بزرگ‌تر'; a
   superlative follows its comparative: 'بزرگتر' listed, 'بزرگترین' kept).
4. Morphology: a known base and a suffix written after a half-space (plural
   'ها', comparative 'تر', clitics after a final 'ه', the perfect tense
   after a participle of hazm's verbs: 'بازنگشته‌اند'); then two known words
   the first of which ends in 'ه' ('فاصله' + 'گذاری'), or a prefix such as
   'بی' before a known word. When readings disagree ('زمینهای': 'زمین‌های'
   or 'زمینه‌ای') the one whose base is far more frequent wins, and the
   next word decides between plural-with-ezafe 'های' and 'ه‌ای': 'های' is
   always followed by the word it links to, never by 'که', 'را' or a full
   stop.
5. Letters hazm does not know at all, which is what a lost half-space
   leaves: an 'آ' after a letter joining it, which starts a part
   ('ایده‌آل'), the ezafe 'ی' after a silent 'ه' ('درباره‌ی'), a clitic after
   'ی' ('هم‌تیمی‌اش'), a known word and a family-name or place ending
   ('حسین‌زاده', 'کره‌جنوبی'), an infinitive or participle ('فعال‌کردن'),
   or an Arabic compound with the article ('حجت‌الاسلام'). Any other split
   of unknown letters into two words is not tried on the lexicon alone:
   foreign names ('نیلسون') read as two words too often.
6. Letters still unknown that the same text also writes as two words, with a
   space, more than once ('جام جهانی' ... 'جامجهانی' -> 'جام‌جهانی'): the
   writers' own usage, read from the whole text (``written_apart``).

Half-spaces typed as spaces ('می طلبد', 'کارت های', 'جامع تر', 'شده اند',
'سرمایه گذاری') are put back first, by ``halfspace_spaced``: two words
become one where the lexicon says the joined form is the word and the two
apart are not a likelier reading; only in a text whose own usage says its
spaces may stand for half-spaces (its prefixed verbs are not written
joined: a text that deleted its half-spaces keeps its spaces, the writer's).
In a text that lost its half-spaces both ways, deleted and typed as spaces
(the seed), a line with two pairs or more to join and no deleted half-space
in it or beside it is its writer's spacing and is kept (``halfspace_lines``).
In ``normalize``, a pair the text also writes as one word as often is
joined too (``halfspace_usage.written_joined``), and in a text that lost its
half-spaces both ways a compound it writes apart three times as often as
joined stays apart (``halfspace_spaced.kept_apart``: a writer who half-spaces
loses about as many each way). A text that deleted no half-space (its
prefixed verbs spaced or half-spaced, none joined) keeps the letters it writes
joined ('سالهای'): they are its writer's, and steps 1 to 6 are not run on it
(``halfspace_spaced.how_lost``). A half-space is never put
after a letter that does not join the next one ('کارها'). The rules (suffix
lists, exceptions) are data, in ``data/halfspace.toml``; the lexicon is
mapped from a cache file on first use (a few milliseconds; built once, in
seconds, when missing or broken), never at import.

The parts: ``halfspace_lexicon`` (rules and lexicon), ``halfspace_joined``
(steps 1 to 5), ``halfspace_usage`` (step 6, and pairs written joined),
``halfspace_spaced`` (words written apart), ``halfspace_lines`` (a line's
writer who spaces).
"""

from __future__ import annotations

import importlib
import re

from khabar.core.chars import LETTERS, MARKS, ZWNJ

# A Persian word: letters and marks, possibly with half-spaces between letters.
WORD = re.compile(f"[{LETTERS}{MARKS}]+(?:{ZWNJ}[{LETTERS}{MARKS}]+)*")
HAS_MARK = re.compile(f"[{MARKS}]")

# The repair's parts, each in its module (loaded on first use of a name: the
# modules import the letter table above).
_EXPORTS = {
    "halfspace_lexicon": ("HalfspaceRules", "rules", "Lexicon", "lexicon", "_cache_file", "_prune"),
    "halfspace_joined": ("restore_piece", "restore_halfspaces"),
    "halfspace_usage": ("written_apart", "words_in", "apart_splitter", "written_joined", "pairs_in"),
    "halfspace_spaced": ("join_spaced_words", "join_spaced_words_by_line", "spaces_stand_for_halfspaces",
                         "spaced_and_deleted", "how_lost", "joins_apart", "kept_apart"),
}
_HOME = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__package__}.{_HOME[name]}"), name)
