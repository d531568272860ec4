"""What a short run (one page, one date) costs to start: work done once and
kept, not redone at each start. (Times are for benchmarks/; these hold the
behaviour that makes them.)"""

from __future__ import annotations


def test_the_compound_keys_are_read_from_the_lexicon_cache_not_built_at_each_start(tmp_path, monkeypatch):
    from khabar.core import halfspace_lexicon, halfspace_spaced, lexicon_table

    monkeypatch.setenv("KHABAR_CACHE_DIR", str(tmp_path))
    halfspace_lexicon.lexicon.cache_clear()
    try:
        built = halfspace_lexicon.lexicon()  # builds and writes the cache
        halfspace_lexicon.lexicon.cache_clear()
        lex = halfspace_lexicon.lexicon()
        assert isinstance(lex.compound_keys, lexicon_table.Table)  # looked up in the mapped file
        assert halfspace_spaced._compound_keys() is lex.compound_keys
        # 'جان‌باخته' alone and with a joined suffix ('جانباختگان')
        assert "جانباخته" in lex.compound_keys and "جانباختگان" in lex.compound_keys
        assert set(lex.compound_keys) == set(built.compound_keys) == halfspace_lexicon._compound_keys(lex.halfspaced)
    finally:
        halfspace_lexicon.lexicon.cache_clear()
