"""Defaults of the parallel_reading plugin."""

from __future__ import annotations

import os
from typing import Any

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


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check their types."""
    settings = pelican.settings
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
    processes = settings["PARALLEL_READING_PROCESSES"]
    if processes is None:
        settings["PARALLEL_READING_PROCESSES"] = available_cores()
    elif not isinstance(processes, int) or isinstance(processes, bool) or processes < 1:
        raise ValueError(
            "parallel_reading: PARALLEL_READING_PROCESSES must be a whole number of at "
            f"least 1, or None for every core, not {processes!r}"
        )
    minimum = settings["PARALLEL_READING_MIN_FILES"]
    if not isinstance(minimum, int) or isinstance(minimum, bool) or minimum < 1:
        raise ValueError(
            "parallel_reading: PARALLEL_READING_MIN_FILES must be a whole number of at "
            f"least 1, not {minimum!r}"
        )
