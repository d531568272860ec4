"""Half-spaces put back inside words whose half-space was deleted
('کارتهای' -> 'کارت‌های', 'سهشنبه' -> 'سه‌شنبه'): the readings of one run of
letters, steps 1 to 5 of ``halfspace``, and the pass over a text."""

from __future__ import annotations

import functools
import itertools
import operator
import re

from khabar.core.chars import DIGITS

from .halfspace import HAS_MARK, LETTERS, WORD, ZWNJ
from .halfspace_lexicon import JOINED_SUFFIXES, Lexicon, HalfspaceRules, lexicon, rules

# What follows a word: spaces, then the next word if there is one.
# (A number is a digit or, in masked text, its placeholder: the same to the repair.)
NEXT_WORD = re.compile(f" *(?:([{LETTERS}]+)|([\ue000\ue001«({DIGITS}]))?")
# Parts of speech of a word that can take a plural or start a compound.
CONTENT_POS = frozenset({"N", "AJ", "ADV", "NUM"})
# Plural with ezafe: must be followed by the word it links to.
EZAFE_PLURAL = "های"


def _base(lex: Lexicon, base: str, *, weak_ok: bool = False) -> tuple[str, int] | None:
    """How a base is spelled and how frequent it is, or None if it is no base.

    A base is a content word hazm lists (not a pronoun: 'آنها' stays joined),
    a word hazm lists only with a half-space, a participle ('می‌رفته' +
    'اند'), or a listed word plus the derivational 'ی' ('توانمند' + 'ی',
    'احمدی‌نژاد' + 'ی'; not when hazm lists those letters joined too).
    """
    entry = lex.words.get(base)
    if entry is not None:
        if "PRO" in entry[1] or not entry[1] & CONTENT_POS:
            return None
        return base, entry[0]
    if base in lex.halfspaced and base not in lex.weak:
        return lex.halfspaced[base]
    if base in lex.verbs and lex.verbs[base].endswith("ه"):
        return lex.verbs[base], 0
    if base.endswith("ی") and len(base) > 3 and base[:-1] in lex.words:
        return base, 0
    if base.endswith("ی") and base[:-1] in lex.halfspaced and base not in lex.weak and base[:-1] not in lex.weak:
        return lex.halfspaced[base[:-1]][0] + "ی", 0  # 'احمدی‌نژاد' + 'ی' (+ 'ها')
    if weak_ok and base in lex.weak:
        return base, 0
    return None


def _join(base: str, suffix: str) -> str:
    return base + ZWNJ + suffix


def _suffix_readings(lex: Lexicon, r: HalfspaceRules, piece: str) -> dict[str, int]:
    """Every way the letters read as a base plus a half-spaced suffix, with the
    frequency of the base."""
    readings: dict[str, int] = {}
    for family, suffix in r.suffixes_by_last_letter.get(piece[-1:], ()):
        if not piece.endswith(suffix) or len(piece) - len(suffix) < 2:
            continue
        stem = piece[: -len(suffix)]
        if family == "after_heh" and not stem.endswith("ه"):
            continue
        if family == "after_silent_heh" and (not _ends_in_silent_heh(r, stem) or piece[:-2] in lex.words):
            continue  # 'گروهشان' joined; 'متهمان' is 'متهم' + 'ان'
        if family == "comparative":
            adjective = lex.words.get(stem) or lex.words.get(stem[:-1] if stem.endswith("ی") else "")
            if adjective is None or "AJ" not in adjective[1] or stem in r.joined_comparative_bases:
                continue
        base = _base(lex, stem, weak_ok=family == "plural")
        if base is None and family == "after_heh" and suffix in r.perfect_endings and _participle(lex, r, stem):
            base = stem, 0  # 'بازنگشته' + 'اند'
        if base is None and family == "plural" and stem.endswith(r.comparative):
            inner = _suffix_readings(lex, r, stem)  # 'بزرگ‌تر' + 'ها'
            base = inner.popitem() if len(inner) == 1 else None
        if base is not None:
            reading = _join(base[0], suffix)
            readings[reading] = max(readings.get(reading, 0), base[1])
    return readings


def _participle(lex: Lexicon, r: HalfspaceRules, stem: str) -> bool:
    """Whether the letters are a past participle of a verb hazm lists, after an
    optional preverb and negative prefix ('باز' + 'ن' + 'گشته', 'ن' +
    'یاموخته' for 'آموخته'), written joined."""
    glide, alef = r.alef_after_prefix
    for preverb in ("", *r.preverbs):
        if not stem.startswith(preverb):
            continue
        rest = stem[len(preverb):]
        for prefix in ("", *r.participle_prefixes):
            if not rest.startswith(prefix):
                continue
            head = rest[len(prefix):]
            # 'نیاموخته' is 'ن' + 'آموخته', but 'نیافته' is 'ن' + 'یافته': both are tried.
            if head in lex.verb_heads or (prefix and head.startswith(glide)
                                          and alef + head[len(glide):] in lex.verb_heads):
                return True
    return False


def _compound_readings(lex: Lexicon, r: HalfspaceRules, piece: str) -> dict[str, int]:
    """Two known content words, the first ending in 'ه' ('فاصله' + 'گذاری'),
    or a prefix written with a half-space and a known word ('بی' + 'رحم').
    Two number words are a number ('پنج' + 'هزار'), whatever else the letters
    read as ('پنجه' + 'زار')."""
    readings: dict[str, int] = {}
    numbers: dict[str, int] = {}
    for i in range(2, len(piece) - 2):
        second = _base(lex, piece[i:])
        if second is None:
            continue
        if _number_word(lex, piece[:i]) and _number_word(lex, piece[i:]) and piece[i - 1] not in r.non_joining:
            numbers[piece[:i] + ZWNJ + piece[i:]] = 1
        if piece[:i] in r.halfspaced_prefixes:
            readings[piece[:i] + ZWNJ + second[0]] = max(second[1], 1)
        elif i >= 4 and piece[i - 1] == "ه" and (first := _base(lex, piece[:i])) is not None:
            readings[first[0] + ZWNJ + second[0]] = max(min(first[1], second[1]), 1)
    return numbers or readings


def stem_compound(lex: Lexicon, r: HalfspaceRules, head: str, tail: str, suffixes: tuple[str, ...]) -> bool:
    """Whether a content word and a verb's present stem with a derivational
    suffix make a compound hazm does not list ('منفی' + 'گرایی', 'تحول' +
    'گرایانه'): the tail is no word alone, nor is the stem ('کار' + 'ی',
    'فرهنگ' + 'ی' are nouns with the suffix 'ی': 'ساعت کاری', 'میراث
    فرهنگی'); the head is one."""
    entry = lex.words.get(head)
    if entry is None or len(head) < r.compound_min_first or not entry[1] & CONTENT_POS or head in r.not_after_ezafe:
        return False
    if tail in lex.words:
        return False
    stems = lex.bound_stems
    return any(tail.endswith(suffix) and (stem := tail[: len(tail) - len(suffix)]) in stems
               and stem not in lex.words for suffix in suffixes if len(tail) > len(suffix) + 1)


def _number_word(lex: Lexicon, word: str) -> bool:
    entry = lex.words.get(word)
    return entry is not None and "NUM" in entry[1]


def unknown_to_hazm(lex: Lexicon, piece: str) -> bool:
    """Whether the letters are no word, spelling or verb form hazm lists."""
    return not (piece in lex.words or piece in lex.weak or piece in lex.halfspaced
                or piece in lex.verbs or piece in lex.joined_verbs)


def _ends_in_silent_heh(r: HalfspaceRules, word: str) -> bool:
    """A final 'ه' that is no consonant ('خانه', not 'گروه', 'آگاه', 'الله',
    nor 'توجه', 'مشابه': see :func:`_consonant_heh`)."""
    return word.endswith("ه") and not word.endswith(r.consonant_heh_endings) and not _consonant_heh(r, word)


def _consonant_heh(r: HalfspaceRules, word: str) -> bool:
    """Whether hazm lists the word with the Arabic plural 'ات' after its final
    'ه' ('توجهات'): then the 'ه' is a consonant ('توجهی', not 'توجه‌ی')."""
    return word + r.consonant_heh_plural in lexicon().words


def _ezafe_after_silent_heh(lex: Lexicon, r: HalfspaceRules, piece: str) -> str | None:
    """'دربارهی' -> 'درباره‌ی': a known word ending in a silent 'ه' (not 'اه',
    'وه', 'الله': 'آگاهی', 'گروهی') and the ezafe 'ی' joined to it."""
    stem = piece[: -len(r.ezafe_yeh)]
    if not piece.endswith(r.ezafe_yeh) or len(stem) < r.ezafe_min_stem or not _ends_in_silent_heh(r, stem):
        return None
    if unknown_to_hazm(lex, stem) or not unknown_to_hazm(lex, piece):
        return None
    return (lex.halfspaced[stem][0] if stem in lex.halfspaced else stem) + ZWNJ + r.ezafe_yeh


def _unknown_word_readings(lex: Lexicon, r: HalfspaceRules, piece: str) -> dict[str, int]:
    """Readings of letters hazm does not know at all, which a lost half-space
    leaves behind: a word ending in 'ی' and a clitic ('هم‌تیمی' + 'اش'), a
    known word and a family-name or place ending ('حسین' + 'زاده', 'کره' +
    'جنوبی'), a known word and an infinitive or past participle ('فعال' +
    'کردن', 'رسیدگی' + 'شده'), or a known word and an Arabic compound with
    the article ('حجت' + 'الاسلام'). Several readings: none is taken."""
    readings: dict[str, int] = {}
    for suffix in r.after_yeh:
        stem = piece[: -len(suffix)]
        if piece.endswith(suffix) and len(stem) >= 3 and stem.endswith("ی") and stem[-2] not in r.glide_before_yeh:
            base = _base(lex, stem, weak_ok=True)
            if base is not None:
                readings[base[0] + ZWNJ + suffix] = 1
    for ending in r.name_endings + r.place_endings:
        first = piece[: -len(ending)]
        if not piece.endswith(ending) or len(first) < r.compound_min_first or first[-1] in r.non_joining:
            continue
        if len(ending) <= r.short_name_ending_max and ending in r.name_endings and not first.endswith("ی"):
            continue
        base = _base(lex, first, weak_ok=True)
        if base is not None:
            readings[base[0] + ZWNJ + ending] = 1
    if not any(piece.startswith(p) and not unknown_to_hazm(lex, piece[len(p):]) for p in r.verb_prefix_letters):
        for i in range(r.compound_min_first, len(piece) - 2):
            if piece[i:] in lex.verb_heads and piece[i - 1] not in r.non_joining:
                base = _base(lex, piece[:i], weak_ok=True)
                if base is not None:
                    readings[base[0] + ZWNJ + piece[i:]] = 1
    for suffix in r.joined_stem_suffixes:
        if not piece.endswith(suffix):
            continue
        rest = piece[: len(piece) - len(suffix)]
        # a stem of two letters or more, after a first part of compound_min_first
        for i in range(r.compound_min_first, len(rest) - 1):
            if rest[i:] in lex.bound_stems and piece[i - 1] not in r.non_joining \
                    and stem_compound(lex, r, piece[:i], piece[i:], (suffix,)):
                readings[piece[:i] + ZWNJ + piece[i:]] = 1
    article = r.arabic_article
    for i in range(r.compound_min_first, len(piece) - len(article) - 1):
        if not piece.startswith(article, i) or piece[i - 1] in r.non_joining:
            continue
        first, second = _base(lex, piece[:i]), _base(lex, piece[i + len(article):])
        if first is not None and second is not None and ZWNJ not in second[0]:
            readings[first[0] + ZWNJ + piece[i:]] = 1
    return readings


def _parts_before_inner_alef_madda(r: HalfspaceRules, piece: str) -> list[str]:
    """Unknown letters cut before each 'آ' that follows a letter joining it:
    'ایدهآل' -> ['ایده', 'آل']. Only the start of a word or of a part of a
    compound has 'آ'; the Arabic words with one inside ('مآخذ') are listed,
    and the article is left alone ('الآخر')."""
    cuts = [i for i in range(r.inner_alef_madda_min_first, len(piece))
            if piece[i] == "آ" and piece[i - 1] not in r.non_joining
            and not piece[:i].endswith(r.arabic_article)]
    return [piece[i:j] for i, j in zip([0, *cuts], [*cuts, len(piece)])]


def _halfspaced_spelling(lex: Lexicon, piece: str) -> str | None:
    """The half-spaced spelling hazm lists for these letters, or for them less a
    joined suffix ('دانش‌آموز' + 'ان', 'جان‌باخته' -> 'جان‌باختگان')."""
    if piece in lex.halfspaced:
        return lex.halfspaced[piece][0]
    for suffix, base_end in JOINED_SUFFIXES:
        if piece.endswith(suffix) and len(piece) > len(suffix) + 2:
            base = piece[: -len(suffix)] + base_end
            if base in lex.halfspaced and base not in lex.words and base not in lex.weak:
                spelled = lex.halfspaced[base][0]
                return spelled[: len(spelled) - len(base_end)] + suffix
    return None


def _joined_freq(lex: Lexicon, piece: str) -> int | None:
    """Frequency of the word when the letters are a listed word plus a joined
    'ی' or 'یی' ('تنهایی' = 'تنها' + 'یی'); None when they are not."""
    for suffix in ("ی", "یی"):
        stem = piece[: -len(suffix)]
        if piece.endswith(suffix) and stem in lex.words:
            return lex.words[stem][0]
    return None


def _comparative_listed_joined(lex: Lexicon, reading: str) -> bool:
    """Whether a reading ends in a comparative suffix ('تر', 'ترین' ...) whose
    joined spelling hazm lists, as the word itself or as its comparative
    ('بزرگتر' for 'بزرگ‌ترین')."""
    suffix = reading.rsplit(ZWNJ, 1)[-1]
    if not suffix.startswith("تر"):
        return False
    joined = reading.replace(ZWNJ, "")
    comparative = joined[: len(joined) - len(suffix) + 2]
    return any(w in lex.weak or w in lex.words for w in (joined, comparative))


def _choose(readings: dict[str, int], margin: int) -> str | None:
    """The only reading, or the one whose base is far more frequent; else None."""
    if len(readings) == 1:
        return next(iter(readings))
    ranked = sorted(readings.items(), key=lambda kv: kv[1], reverse=True)
    if ranked and ranked[0][1] > 0 and ranked[0][1] >= margin * ranked[1][1]:
        return ranked[0][0]
    return None


@functools.lru_cache(maxsize=1 << 15)
def restore_piece(piece: str, ezafe_follows: bool = True) -> str:
    """Half-spaces for one run of Persian letters that has none.

    ``ezafe_follows`` is False when the next word cannot be linked by an
    ezafe (no next word, punctuation, 'که', 'را' ...): then the letters
    cannot end in the plural-with-ezafe 'های'.
    """
    if len(piece) < 3:
        return piece
    lex, r = lexicon(), rules()
    entry = lex.words.get(piece)
    verb = lex.verbs.get(piece)
    if entry is not None and verb is None:
        return piece  # a word hazm lists, and no verb form: written as it is (most words)
    readings = _suffix_readings(lex, r, piece)
    if not ezafe_follows:
        plural = max((v for k, v in readings.items() if k.endswith(ZWNJ + EZAFE_PLURAL)), default=None)
        readings = {k: v for k, v in readings.items() if not k.endswith(ZWNJ + EZAFE_PLURAL)}
        if plural is not None and readings and plural >= r.reading_margin * max(readings.values()):
            # 'سالهای' before 'که' is rather 'سال‌هایی' misspelt than 'ساله‌ای':
            # the far rarer reading does not win by elimination.
            return piece
    # hazm lists 'مهمترین', 'بزرگتر' joined: news writes them both ways, and
    # the superlative as the comparative ('بزرگتر' -> 'بزرگترین').
    readings = {k: v for k, v in readings.items() if not _comparative_listed_joined(lex, k)}
    joined = _joined_freq(lex, piece)
    if verb is not None:
        if entry is not None and entry[0] >= r.joined_word_min_freq:
            return piece
        if joined is not None and joined >= r.noun_with_yeh_min_freq:
            return piece  # 'میدانی': 'میدان' + 'ی', not 'you know'
        if not readings or max(readings.values()) < r.noun_with_yeh_min_freq:
            return _respell(verb, r)
        # else 'نهادهای' before a noun is 'نهاد' + 'های', not 'you have put'
    elif entry is not None:
        return piece
    if piece in lex.joined_verbs:
        return piece  # 'بینجامد', not 'بین' + 'جامد'
    if piece in lex.weak and not readings:
        return piece  # hazm lists the joined spelling: news writes it so ('پیشگیری')
    listed = _halfspaced_spelling(lex, piece)
    if listed is not None and _determiner_first(r, listed):
        listed = None
    if listed is not None:
        readings[listed] = max(readings.get(listed, 0), lex.halfspaced.get(piece, ("", 1))[1], 1)
    ezafe = _ezafe_after_silent_heh(lex, r, piece)
    if ezafe is not None and not readings:
        readings[ezafe] = 1
    elif joined is not None:
        readings[piece] = joined
    if not readings and piece not in lex.weak:
        readings = _compound_readings(lex, r, piece)
    if not readings and unknown_to_hazm(lex, piece):
        parts = _parts_before_inner_alef_madda(r, piece)
        if len(parts) > 1:
            return ZWNJ.join([*parts[:-1], restore_piece(parts[-1], ezafe_follows)])
        readings = _unknown_word_readings(lex, r, piece)
    chosen = _choose(readings, r.reading_margin)
    return piece if chosen is None else _respell(chosen, r)


def _determiner_first(r: HalfspaceRules, spelled: str) -> bool:
    """Whether a listed compound's first part is a demonstrative or 'هیچ'
    ('هیچ‌گونه', 'همان‌طوری', 'این‌طوری'): news writes those joined when it
    does not half-space them."""
    return spelled.split(ZWNJ, 1)[0] in r.joined_after_determiners


def _respell(word: str, r: HalfspaceRules) -> str:
    """Drop a half-space that would stand after a non-joining letter ('کارها')."""
    if ZWNJ not in word:
        return word
    return "".join(
        ch for i, ch in enumerate(word) if ch != ZWNJ or (i > 0 and word[i - 1] not in r.non_joining)
    )


def _ezafe_can_follow(text: str, end: int, r: HalfspaceRules) -> bool:
    m = NEXT_WORD.match(text, end)
    if m.group(2):
        return True  # a number, a name in Latin letters, a quotation
    return m.group(1) is not None and m.group(1) not in r.not_after_ezafe


# A word and the text between words, alternately: 'split' with this pattern
# gives [between, word, between, word, ..., between].
_WORDS_AND_GAPS = re.compile(f"({WORD.pattern})")
# Word -> the word restored; or, for a word whose last piece ends in the
# plural-with-ezafe 'های' and which the next word decides, the pair (restored
# when an ezafe can follow, restored when not). Kept across calls: most words
# of a text were seen before, and a dictionary look-up is all they cost.
_RESTORED: dict[str, str | tuple[str, str]] = {}
_RESTORED_MAX = 1 << 15


def _restore_word(word: str, ezafe: bool) -> str:
    pieces = word.split(ZWNJ)
    # Until nothing changes, so that a second run changes nothing either.
    for _ in range(3):
        last = len(pieces) - 1
        fixed = ZWNJ.join(restore_piece(p, ezafe if i == last else True) for i, p in enumerate(pieces))
        if fixed == word:
            break
        word = fixed
        pieces = word.split(ZWNJ)
    return word


def _restored(word: str) -> str | tuple[str, str]:
    if HAS_MARK.search(word) or _arabic_particle(word):
        return word
    if not word.rsplit(ZWNJ, 1)[-1].endswith(EZAFE_PLURAL):
        return _restore_word(word, True)
    linked, alone = _restore_word(word, True), _restore_word(word, False)
    return linked if linked == alone else (linked, alone)


def _arabic_particle(word: str) -> bool:
    """An Arabic particle, alone or with the attached pronoun 'ها' ('فیها',
    'ولکن'): one word, in Arabic quoted in Persian text."""
    r = rules()
    return word in r.arabic_particles or (
        word.endswith(r.arabic_pronoun) and word[: -len(r.arabic_pronoun)] in r.arabic_particles)


def restores(word: str) -> bool:
    """Whether the repair puts a half-space into the word: one was deleted there
    ('کارتهای'). Remembered, as the repair remembers it."""
    fixed = _RESTORED.get(word)
    if fixed is None:
        if len(_RESTORED) > _RESTORED_MAX:
            _RESTORED.clear()
        fixed = _RESTORED[word] = _restored(word)
    return fixed != word


def restore_halfspaces(text: str) -> str:
    """Put back half-spaces missing inside Persian words ('کارتهای' -> 'کارت‌های')."""
    parts = _WORDS_AND_GAPS.split(text)
    words = parts[1::2]
    memo = _RESTORED
    known = list(map(memo.get, words))
    # Only the words that change, or are not known yet, are looked at one by one
    # (picked out at C speed: most words of a page are neither).
    todo = list(itertools.compress(itertools.count(), map(operator.ne, words, known)))
    if not todo:
        return text
    if len(memo) > _RESTORED_MAX:
        memo.clear()
    r = rules()
    for i in todo:
        word, fixed = words[i], known[i]
        if fixed is None:
            fixed = memo[word] = _restored(word)
        if isinstance(fixed, tuple):
            j = 2 * i + 2  # the text after the word, then the next word
            after = parts[j] + (parts[j + 1] if j + 1 < len(parts) else "")
            fixed = fixed[0] if _ezafe_can_follow(after, 0, r) else fixed[1]
        words[i] = fixed
    parts[1::2] = words
    return "".join(parts)

