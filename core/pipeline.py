"""The whole cleaning, one page at a time: decode → normalize → segment →
classify → metadata → assemble the article."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import datetime
from functools import cache, partial

from khabar.core.bars import cut_runs, known, split_bars
from khabar.core.classify import Weigh, classify
from khabar.core.config import Config
from khabar.core.decode import Decoded, decode
from khabar.core.errors import InputError
from khabar.core.headline import retitle
from khabar.core.language import guess_language
from khabar.core.lineups import keep_lineups
from khabar.core.listruns import cut_box_items, cut_list_runs
from khabar.core.metadata import extract
from khabar.core.metalines import join_metadata
from khabar.core.model import KEPT, Article, Kind, Labeled, Line
from khabar.core.normalize import NormalizeConfig, normalize
from khabar.core.reshape import rejoin, reshape
from khabar.core.rules import RuleKind, Rules, load_rules
from khabar.core.segment import segment
from khabar.core.tagruns import tags_after_article
from khabar.core.template import Template


# The half-space repair alone, every other fix off; a page is repaired on its
# own, without reading the usage of a whole text (see NormalizeConfig.usage).
HALFSPACES_ONLY = NormalizeConfig(**{f.name: False for f in fields(NormalizeConfig)} | {"halfspaces": True})


@cache
def rules_for(paths: tuple[str, ...]) -> Rules:
    return load_rules(paths)


def warm(config: Config = Config()) -> None:
    """Load now the data that is otherwise loaded on first use (the half-space
    lexicon, rules, stop words), e.g. before forking workers that then share it."""
    from khabar.core.halfspace_lexicon import read_whole
    from khabar.core.language import stopwords

    rules_for(config.rules)
    stopwords()
    normalize("گرم کردن", config=config.normalize)
    read_whole()  # a pool's run is a long one: the tables as dicts and sets, shared by the workers


def clean_text(text: str | bytes, *, path: str = "-", config: Config = Config(), reference: datetime | None = None,
               encoding: str | None = None, template: Template | None = None, weigh: Weigh | None = None) -> Article:
    """Clean one page that is already text. Pure: the same input gives the same article.

    ``reference`` is when the page was read (for relative and year-less dates;
    default: ``config.reference``'s fixed moment);
    ``template`` the lines learnt from the page's folder; ``weigh`` features beside the
    text's own (see :func:`classify`). The stages alone: the
    article's language and warnings are :func:`clean_bytes`'s, which takes text
    too, and which bytes given here go to.
    """
    if not isinstance(text, str):
        return clean_bytes(_as_bytes(text), path=path, config=config, reference=reference, template=template)
    if reference is None:
        reference = config.reference.at()  # the run's fixed moment, if it has one
    # The costly repair (half-spaces) waits until the lines are classified and then
    # runs on the lines kept or read, not on menus and link lists: classifying
    # does not depend on half-spaces, and repairing is idempotent.
    reshaped = _reshape(text)  # another saved shape (Markdown, one line, entities) into khabar's lines
    normalized = _normalized(reshaped.text, replace(config.normalize, halfspaces=False))
    rules = rules_for(config.rules)
    lines = segment(normalized, partial(_prepass, rules=rules, shape=reshaped.shape))
    labeled = classify(lines, rules=rules, reference=reference, template=template, thresholds=config.classify,
                       weigh=weigh)
    labeled = keep_lineups(rejoin(retitle(labeled, hint=reshaped.title_hint), reshaped.shape))
    labeled = tags_after_article(labeled, reshaped.shape)
    if config.normalize.halfspaces:
        # The other fixes have run: repeating them would change nothing (idempotent).
        labeled = _repaired(labeled, HALFSPACES_ONLY)
    meta = extract(labeled, reference=reference)

    def first(kind: Kind) -> str | None:
        return next((item.line.text for item in labeled if item.kind is kind), None)

    body = [item for item in labeled if item.kind in (Kind.LEAD, Kind.PARAGRAPH, Kind.SUBHEADING)]
    return Article(
        path=path,
        title=first(Kind.TITLE),
        surtitle=(first(Kind.SURTITLE) or "").rstrip(":： ") or None,
        lead=first(Kind.LEAD),
        published=meta.published,
        updated=meta.updated,
        news_id=meta.news_id,
        source=meta.source,
        agency=meta.agency,
        author=meta.author,
        tags=list(meta.tags),
        subheadings=[item.line.text for item in body if item.kind is Kind.SUBHEADING],
        text="\n\n".join(item.line.text for item in body),
        encoding=encoding,
        lines=labeled,
        shape=reshaped.shape,
    )


# clean_bytes reads the page's language on the text clean_text reshaped: the
# last page's shape is kept (a page object, compared by identity) for it.
_last_reshaped: list = [None, None]


def _reshape(text: str):
    last = _last_reshaped
    if last[0] is not text:
        last[:] = text, reshape(text)
    return last[1]


def _prepass(lines: list[Line], *, rules: Rules, shape: str) -> list[Line]:
    """The page's lines before fragments are joined: bars of menu items cut (runs
    of them inside the sentences of a page saved on one line), and metadata a
    dump split over lines joined back; on a page saved on one line, runs of
    headlines cut into their items."""
    if shape == "oneline":
        lines = cut_box_items(cut_list_runs(cut_runs(lines, rules)), partial(_list_header, rules=rules))
    return join_metadata(split_bars(lines, rules), rules=rules)


def _list_header(text: str, rules: Rules) -> bool:
    rule = known(rules, text)
    return rule is not None and rule.kind is RuleKind.LIST_HEADER


# Menus, footers and link lists recur on every page of a site: a short line is
# normalised once and remembered (every fix works within a line, so a line
# normalised alone is the line normalised in its page); the page's other lines
# are normalised together.
LINE_MEMO_MAX_CHARS = 120
LINE_MEMO_MAX_LINES = 1 << 13
_line_memo: dict[NormalizeConfig, dict[str, str]] = {}


def _normalized(text: str, config: NormalizeConfig) -> str:
    memo = _line_memo.setdefault(config, {})
    if len(memo) >= LINE_MEMO_MAX_LINES:
        memo.clear()
    lines = text.split("\n")
    todo = [i for i, line in enumerate(lines) if line not in memo]
    fixed = normalize("\n".join(lines[i] for i in todo), config=config, changes=False).text.split("\n") \
        if todo else []
    out = [memo.get(line, line) for line in lines]
    for i, line in zip(todo, fixed):
        if len(lines[i]) <= LINE_MEMO_MAX_CHARS:
            memo[lines[i]] = line
        out[i] = line
    return "\n".join(out)


def _repaired(labeled: list[Labeled], config: NormalizeConfig) -> list[Labeled]:
    """The lines kept or read, repaired in one pass (normalize keeps lines, so they
    are joined and split again); the removed lines as they were."""
    chosen = [i for i, item in enumerate(labeled) if item.kind in KEPT or item.kind is Kind.METADATA]
    fixed = normalize("\n".join(labeled[i].line.text for i in chosen), config=config, changes=False).text.split("\n")
    out = list(labeled)
    for i, text in zip(chosen, fixed):
        item = labeled[i]
        if text != item.line.text:  # most lines are as they were: kept as they are
            out[i] = Labeled(Line(text, item.line.numbers, item.line.gap_before), item.kind, item.reason)
    return out


def clean_bytes(data: bytes | str, *, path: str = "-", config: Config = Config(),
                reference: datetime | None = None, template: Template | None = None,
                decoded: Decoded | None = None) -> Article:
    """Clean one page given as bytes (or as text: taken as it is, ``encoding`` None);
    raises InputError when the bytes are not a text page.
    ``decoded``: ``decode(data)``, when the caller has it already."""
    if config.input != "text":
        from khabar.core.html_input import feed_root, looks_like_html

        raw = data if isinstance(data, str) else _as_bytes(data)
        if config.input == "html" or looks_like_html(raw):
            from khabar.core.html_page import clean_html_page  # selectolax only for HTML pages

            return clean_html_page(raw, path=path, config=config, reference=reference, template=template)
        if (root := feed_root(raw)) is not None:
            raise InputError(f"{path}: an XML feed or document (<{root}>), not a news page; skipped")
    if decoded is None:
        if isinstance(data, str):
            decoded = Decoded(data, None)
        else:
            decoded = decode(_as_bytes(data), path=path)
    article = clean_text(decoded.text, path=path, config=config, reference=reference,
                         encoding=decoded.encoding, template=template)
    # Markup (URLs, entities) is not the page's language: read the text as reshaped.
    plain = article.shape == "lines" and "&" not in decoded.text
    return page_warnings(article, decoded, decoded.text if plain else _reshape(decoded.text).text)


def page_warnings(article: Article, decoded: Decoded, text: str) -> Article:
    """The article's language (read on ``text``) and the warnings about its input."""
    article.language = guess_language(text)
    if article.language in ("ar", "und-Latn"):
        article.warnings.append(f"not a Persian page (language: {article.language})")
    if decoded.unmangled:
        article.warnings.append("the text had been decoded as Latin-1 once (mojibake); repaired")
    if decoded.replaced:
        article.warnings.append(f"{decoded.replaced} undecodable bytes replaced with U+FFFD")
    if not article.text:
        article.warnings.append("no article text found")
    return article


def clean_record(data: bytes | str, *, path: str = "-", config: Config = Config(),
                 reference: datetime | None = None) -> dict:
    """One page in, its article as a plain dict (the JSON fields) out: the function
    to map over pages in another pipeline (Dask, Ray, datatrove). Pure and
    picklable; the word lists load on first use in each process. Raises
    InputError for data that is not a text page."""
    from khabar.core.render import record

    return record(clean_bytes(data, path=path, config=config, reference=reference))


def _as_bytes(data) -> bytes:
    """bytes, bytearray and memoryview alike; anything else is a TypeError that names it."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError(f"a page is bytes or str, not {type(data).__name__}")
