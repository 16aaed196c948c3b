"""Defaults of the briefing_metadata plugin."""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # Words a reader gets through in a minute, for the "N min read" label.
    "BRIEFING_METADATA_WORDS_PER_MINUTE": 220,
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check their types."""
    settings = pelican.settings
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
    speed = settings["BRIEFING_METADATA_WORDS_PER_MINUTE"]
    if not isinstance(speed, int) or speed <= 0:
        raise ValueError(
            "briefing_metadata: BRIEFING_METADATA_WORDS_PER_MINUTE must be a "
            f"positive whole number, not {speed!r}"
        )
