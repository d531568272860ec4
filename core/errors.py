"""Exceptions the library raises; the CLI turns each into one "Error: …" line."""


class KhabarError(Exception):
    """Base class: the message says what went wrong and, where it can, what to do."""


class InputError(KhabarError):
    """An input that cannot be cleaned (binary, too large, undecodable)."""


class RulesError(KhabarError):
    """A rules file that cannot be read or has a bad entry."""
