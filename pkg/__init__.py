"""khabar: turn scraped Persian news pages into clean articles.

    >>> import khabar
    >>> article = khabar.clean(open("page.txt", "rb").read())   # bytes or str
    >>> print(article.title, article.published)
    >>> print(article.to_json())                                 # what `khabar clean` writes
    >>> for article in khabar.clean_many("pages/", dedupe=True):  # folders: templates learnt
    ...     print(article.path, article.duplicate_of)

Options go in one :class:`Config` (``khabar.Config(reference=khabar.Reference.parse("2024-03-05"))``).
The library lives in :mod:`khabar.core`; :mod:`khabar.cli` is the command line
over it. Names are imported on first use, so ``import khabar`` stays cheap.
"""

__version__ = "0.1.0"

__all__ = ["Article", "Config", "InputError", "KhabarError", "NormalizeConfig", "Reference", "RulesError",
           "Thresholds", "clean", "clean_many", "__version__"]

# Where each public name lives (imported on first use).
_HOMES = {
    "clean": "khabar.core.api",
    "clean_many": "khabar.core.api",
    "Article": "khabar.core.model",
    "Config": "khabar.core.config",
    "Reference": "khabar.core.reference",
    "NormalizeConfig": "khabar.core.normalize",
    "Thresholds": "khabar.core.thresholds",
    "InputError": "khabar.core.errors",
    "KhabarError": "khabar.core.errors",
    "RulesError": "khabar.core.errors",
}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'khabar' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
