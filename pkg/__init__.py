"""khabar: clean scraped Persian news pages.

The library lives in :mod:`khabar.core`; :mod:`khabar.cli` is the command line
over it. ``from khabar.core import clean_bytes`` is the one-call API.
"""

__version__ = "0.1.0"
