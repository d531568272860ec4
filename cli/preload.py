"""Imported by the workers' fork server before it forks them: the word lists,
rules and patterns are loaded once there, and every worker starts with them
(shared copy-on-write) instead of loading them itself."""

import gc

from khabar.cli.forkserver import restore_environment
from khabar.core import KhabarError
from khabar.core.pipeline import warm

restore_environment()  # khabar is imported: the workers get the run's own environment
try:
    warm()
except KhabarError:
    pass  # hazm missing or broken: each worker reports it on its first page
# The tables live as long as the process: kept out of the garbage collector's
# passes, their memory pages stay shared with the server instead of being copied.
gc.freeze()
