"""Defaults of the parallel_reading plugin."""

from __future__ import annotations

import os
from typing import Any

from contract.settings import fill_and_check, whole_number

DEFAULTS: dict[str, Any] = {
    # Worker processes that read briefings; None uses every core this process may run on.
    # 1 (or a system without fork) reads in Pelican's own loop, one file after another.
    "PARALLEL_READING_PROCESSES": None,
    # Fewer briefings to read than this (a preview after one edit, a small site) are read
    # in Pelican's loop: starting workers costs more than it saves.
    "PARALLEL_READING_MIN_FILES": 100,
}


def available_cores() -> int:
    """Return how many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


CHECKS = {
    "PARALLEL_READING_PROCESSES": whole_number(1).or_none(
        "a whole number of at least 1, or None for every core"
    ),
    "PARALLEL_READING_MIN_FILES": whole_number(1),
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings, check them, and count the cores for None."""
    settings = fill_and_check("parallel_reading", pelican.settings, DEFAULTS, CHECKS)
    if settings["PARALLEL_READING_PROCESSES"] is None:
        settings["PARALLEL_READING_PROCESSES"] = available_cores()
