"""Defaults of the key_points plugin, applied to Pelican's settings at start-up."""

from __future__ import annotations

from typing import Any

from contract.settings import NON_EMPTY_TEXT, fill_and_check

from .parse import KeyPointsExtension

DEFAULTS: dict[str, Any] = {
    # The box's heading, shown to readers and announced by screen readers.
    "KEY_POINTS_HEADING": "Key points",
    # The word after ``:::`` that opens a key-points block in a briefing's body.
    "KEY_POINTS_MARKER": "key-points",
}


CHECKS = {
    "KEY_POINTS_HEADING": NON_EMPTY_TEXT,
    "KEY_POINTS_MARKER": NON_EMPTY_TEXT,
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings, check them and add the Markdown extension."""
    settings = fill_and_check("key_points", pelican.settings, DEFAULTS, CHECKS)
    extensions = settings.setdefault("MARKDOWN", {}).setdefault("extensions", [])
    if not any(isinstance(ext, KeyPointsExtension) for ext in extensions):
        extensions.append(KeyPointsExtension(marker=settings["KEY_POINTS_MARKER"]))
