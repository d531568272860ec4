"""Where an agency's article ends: its "انتهای پیام" mark.

Agencies close the text with "انتهای پیام/": prose after the mark (related
teasers written headline and lead on one line, comments) is not the article
when a text of its own stands before it, however long the prose after it is.
"""

from __future__ import annotations

# The rule of the end mark (data/rules.toml), and the score of a text of its own before it.
END_OF_ARTICLE = "end-of-article"
ARTICLE_MIN_SCORE = 40


def before_end_of_article(feats, scores, barriers, densest_run) -> tuple[int, int] | None:
    """The densest run before the first end mark, when it is a text of its own."""
    end = next((i for i, f in enumerate(feats) if f.rule is not None and f.rule.name == END_OF_ARTICLE), None)
    if end is None:
        return None
    span = densest_run(scores[:end], barriers)
    return span if span is not None and sum(scores[span[0]:span[1] + 1]) >= ARTICLE_MIN_SCORE else None
