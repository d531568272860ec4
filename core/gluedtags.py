"""Tags a saved shape glued together. A tag list is a run of links written with
no space between them ("<a>مرغ</a><a>پرچرب</a><a>سلامتی</a>"); a dump that
keeps inline elements on one line gives "مرغپرچربسلامتی", and a tag of
several words keeps only its inner spaces ("شهدای مدافع حرمانقلابشهید دانشگر").

Nothing marks the joins but the words: a token that is no word is cut into
the fewest words the article or hazm's dictionary knows (a word with a plural
or "ی" ending counts, "سلامتی"), and each cut inside a token ends a tag.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from khabar.core.chars import ZWNJ, fold

MIN_PIECE = 2  # letters of a piece the article uses
MIN_DICTIONARY_PIECE = 3  # letters of one only the dictionary knows ("دانشگر" is no "دانش" + "گر")
MAX_PIECES = 5  # in one token
MAX_TOKEN = 60  # letters: a longer token is no glued list (the cut search is quadratic)
# Endings a listed word takes in a tag ("سلامت" + "ی", "استان" + "ها").
ENDINGS = ("ی", "ها", "های", "ان", "یی", "ای")
# A piece the article itself uses costs less than one only the dictionary knows,
# and a word with an ending a little more than the word.
TEXT_COST, DICTIONARY_COST, ENDING_COST = 1.0, 1.5, 1.75


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The words of the article's text, whole and split at half-spaces."""
    words: set[str] = set()
    for text in texts:
        for token in text.split():
            token = token.strip(".,،؛:!?؟«»()[]\"'")
            if token:
                words.add(token.replace(ZWNJ, ""))
                # Its parts, not the endings ("ها", "ای"): they are no tag's words.
                words.update(part for part in token.split(ZWNJ) if len(part) >= MIN_DICTIONARY_PIECE)
    return frozenset(words)


def _cost(piece: str, in_text: frozenset[str], known: Callable[[str], bool]) -> float | None:
    piece = piece.strip(ZWNJ).replace(ZWNJ, "")
    if len(piece) < MIN_PIECE:
        return None
    if piece in in_text:
        return TEXT_COST
    if len(piece) < MIN_DICTIONARY_PIECE:
        return None
    if known(piece):
        return DICTIONARY_COST
    if any(piece.endswith(e) and len(piece) - len(e) >= MIN_DICTIONARY_PIECE and known(piece[:-len(e)])
           for e in ENDINGS):
        return ENDING_COST
    return None


def _pieces(token: str, in_text: frozenset[str], known: Callable[[str], bool],
            after_halfspace: bool = False) -> list[str] | None:
    """The token cut into known words at the least cost; None for a token that is
    a word itself or has no such cut. After a half-space it may open with the
    ending of the word before ("حرفه‌" + "ایکاراموکا")."""
    if _cost(token, in_text, known) is not None or len(token) > MAX_TOKEN:
        return None
    n = len(token)
    best: list[tuple[float, list[int]] | None] = [None] * (n + 1)
    best[0] = (0.0, [])
    for end in range(MIN_PIECE, n + 1):
        for start in range(0, end - MIN_PIECE + 1):
            if best[start] is None or len(best[start][1]) >= MAX_PIECES:
                continue
            piece = token[start:end]
            cost = TEXT_COST if after_halfspace and start == 0 and piece in ENDINGS else _cost(piece, in_text, known)
            if cost is None:
                continue
            total = best[start][0] + cost
            if best[end] is None or total < best[end][0]:
                best[end] = (total, best[start][1] + [start])
    if best[n] is None or len(best[n][1]) < 2:
        return None
    cuts = best[n][1] + [n]
    return [token[a:b].strip(ZWNJ) for a, b in zip(cuts, cuts[1:])]


def _token_pieces(token: str, in_text: frozenset[str], known: Callable[[str], bool]) -> list[str] | None:
    """A token's pieces: a half-space is written inside a word ("همتی‌زاده"), so
    only a part between half-spaces that is no word is cut."""
    parts = token.split(ZWNJ)
    pieces: list[str] = [""]
    cut = False
    for k, part in enumerate(parts):
        cuts = _pieces(part, in_text, known, after_halfspace=k > 0) if part else None
        glue = ZWNJ if k else ""
        if cuts is None:
            pieces[-1] += glue + part
            continue
        cut = True
        pieces[-1] += glue + cuts[0]
        pieces += cuts[1:]
    return [p.strip(ZWNJ) for p in pieces] if cut else None


def split_glued(text: str, in_text: frozenset[str], known: Callable[[str], bool]) -> list[str] | None:
    """The tags of a line of glued tags, or None when no token of it is glued."""
    tags: list[str] = []
    current: list[str] = []
    for token in text.split():
        pieces = _token_pieces(token, in_text, known)
        if pieces is None:
            current.append(token)
            continue
        tags.append(" ".join([*current, pieces[0]]))
        tags.extend(pieces[1:-1])
        current = [pieces[-1]]
    if not tags:
        return None
    return [*tags, " ".join(current)]


def dictionary() -> Callable[[str], bool]:
    """Whether hazm's word list has a word (loaded when a glued line is met)."""
    from khabar.core.halfspace_lexicon import lexicon

    words = lexicon().words
    return words.__contains__


# ------------------------------------------------------------------ tags run together
# Links with only a space between them ("<a>پاکستان</a> <a>ملا برادر</a>") come
# out of a layout dump as one run of words, "پاکستان ملا برادر افغانستان طالبان".
# A tag is most often a phrase of the article: the run is cut into the fewest
# phrases the text holds, a word it does not hold standing alone at a higher cost.
MAX_TAG_WORDS = 8
MIN_RUN_WORDS = 3
MIN_RUN_TAGS = 3  # two phrases of the text may be one tag ("تیم ملی فوتبال" + "ایران")
UNFOUND_WORD_COST = 2


def _words(text: str) -> list[str]:
    return [w for w in (fold(t.strip(".,،؛:!?؟«»()[]\"'")) for t in text.replace(ZWNJ, " ").split()) if w]


def phrases_of(texts: Iterable[str]) -> str:
    """The article's words, folded, one space apart and around (for phrase search)."""
    return " " + " ".join(w for text in texts for w in _words(text)) + " "


def split_run(text: str, phrases: str) -> list[str] | None:
    """The tags of a run of tags with single spaces between them, or None when the
    run is one phrase of the text or gives fewer than three tags. Words the text
    does not hold that stand together make one tag ("فیش های حقوقی")."""
    shown = text.split()
    n = len(shown)

    def key(a: int, b: int) -> str:
        return " " + " ".join(_words(" ".join(shown[a:b]))) + " "

    if n < MIN_RUN_WORDS or key(0, n) in phrases:
        return None
    from khabar.core.language import language

    # No tag ends in a word that joins ("و", "از", "های") or opens with an ending ("های", "ها").
    joining = language().joining_words
    no_end = [w in joining for w in shown]
    no_start = [w in joining and w in ENDINGS + ("های",) for w in shown]
    best: list[tuple[float, list[tuple[int, bool]]] | None] = [(0.0, [])] + [None] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_TAG_WORDS), end):
            if best[start] is None or no_end[end - 1] or no_start[start]:
                continue
            found = key(start, end) in phrases
            if not found and end - start > 1:
                continue
            total = best[start][0] + (1 if found else UNFOUND_WORD_COST)
            if best[end] is None or total < best[end][0]:
                best[end] = (total, best[start][1] + [(start, found)])
    if best[n] is None:
        return None
    cuts: list[int] = []
    last_found = True
    for start, found in best[n][1]:
        if found or last_found:
            cuts.append(start)
        last_found = found
    cuts.append(n)
    if len(cuts) - 1 < MIN_RUN_TAGS:
        return None
    return [" ".join(shown[a:b]) for a, b in zip(cuts, cuts[1:])]
