"""Every option of a cleaning, in one immutable object passed from the CLI (or
the library's caller) down to the stages."""

from __future__ import annotations

from dataclasses import dataclass, field

from khabar.core.normalize import NormalizeConfig
from khabar.core.reading import MAX_BYTES
from khabar.core.reference import MTIME, Reference  # noqa: F401 (part of the config)
from khabar.core.thresholds import DEFAULT as DEFAULT_THRESHOLDS, Thresholds


@dataclass(frozen=True)
class Config:
    """Everything that changes how a page is cleaned; the CLI's flags map onto it."""

    normalize: NormalizeConfig = field(default_factory=NormalizeConfig)
    rules: tuple[str, ...] = ()  # the user's extra rules files, tried before khabar's own
    input: str = "auto"  # "text", "html", or "auto": HTML recognised by its content
    classify: Thresholds = DEFAULT_THRESHOLDS  # the classifier's thresholds (named constants as defaults)
    reference: Reference = Reference()
    max_bytes: int = MAX_BYTES  # larger inputs are refused (InputError)
