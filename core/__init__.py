"""khabar's pipeline: scraped page bytes in, a clean article out.

Stages, each a module with one job: decode → normalize → segment → classify →
metadata → render. :func:`clean_bytes` runs them all on a page; the public API
(``khabar.clean``, ``khabar.clean_many``) is :mod:`khabar.core.api`. Nothing here
imports a terminal library; errors are :class:`KhabarError` subclasses for the
CLI to report.
"""

from khabar.core.errors import InputError, KhabarError, RulesError

__all__ = ["Config", "InputError", "KhabarError", "RulesError", "clean_bytes", "clean_record", "clean_text"]


def __getattr__(name: str):
    # The pipeline is imported on first use so that `import khabar.core` stays cheap.
    if name in ("clean_bytes", "clean_text", "clean_record", "Config"):
        from khabar.core import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
