"""The classifier's thresholds: each a named constant (its default), and the one
object that carries them to :func:`khabar.core.classify.classify`
(``Config.classify``), so a caller can tune them without editing code."""

from __future__ import annotations

from dataclasses import dataclass

# A line reads as prose: enough words, enough stop words, not mostly Latin words
# or numbers, and it ends like a sentence (or is longer than any headline).
PROSE_MIN_WORDS = 10
PROSE_MIN_STOPWORD_SHARE = 0.12
PROSE_MAX_FOREIGN_SHARE = 0.5
# A headline has at most this many words.
HEADLINE_MAX_WORDS = 25
# A longer short line inside the article is a paragraph, not a subheading.
SUBHEADING_MAX_WORDS = 14
# At most this many short lines close the article before its footer.
TAIL_MAX_LINES = 3
# A list announced by a line ending in ':' may be longer.
LIST_TAIL_MAX_LINES = 12
# Three short lines of at most three words in a row are a menu.
MENU_MIN_LINES = 3
MENU_ITEM_MAX_WORDS = 3
# A title of fewer words may be an author's name or a section standing above the article.
FULL_TITLE_WORDS = 4
# A list item is a headline: short and without a full stop.
LIST_ITEM_MAX_WORDS = 25
# A tag under its label may be a person's title and name ("سورنا ستاری معاون علمی و فناوری ریاست جمهوری").
TAG_MAX_WORDS = 8
# Scores for the densest run: prose earns its words (up to a cap), the rest costs.
PROSE_SCORE_CAP = 60
SENTENCE_SCORE = 2
SHORT_COST = 3
META_COST = 1
RULE_COST = 6
# A box of at most this many links ("بیشتر بخوانید") right above the article's
# first paragraph, with prose above it, stands inside the article: it is removed,
# and the prose above it is the article's lead.
INLINE_BOX_MAX_ITEMS = 3


@dataclass(frozen=True)
class Thresholds:
    """The classifier's thresholds, one field per constant above (same name, lower case)."""

    prose_min_words: int = PROSE_MIN_WORDS
    prose_min_stopword_share: float = PROSE_MIN_STOPWORD_SHARE
    prose_max_foreign_share: float = PROSE_MAX_FOREIGN_SHARE
    headline_max_words: int = HEADLINE_MAX_WORDS
    subheading_max_words: int = SUBHEADING_MAX_WORDS
    tail_max_lines: int = TAIL_MAX_LINES
    list_tail_max_lines: int = LIST_TAIL_MAX_LINES
    menu_min_lines: int = MENU_MIN_LINES
    menu_item_max_words: int = MENU_ITEM_MAX_WORDS
    full_title_words: int = FULL_TITLE_WORDS
    list_item_max_words: int = LIST_ITEM_MAX_WORDS
    tag_max_words: int = TAG_MAX_WORDS
    prose_score_cap: int = PROSE_SCORE_CAP
    sentence_score: float = SENTENCE_SCORE
    short_cost: float = SHORT_COST
    meta_cost: float = META_COST
    rule_cost: float = RULE_COST
    inline_box_max_items: int = INLINE_BOX_MAX_ITEMS


DEFAULT = Thresholds()
