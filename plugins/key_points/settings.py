"""Defaults of the key_points plugin, applied to Pelican's settings at start-up."""

from __future__ import annotations

from typing import Any

from .parse import KeyPointsExtension

DEFAULTS: dict[str, Any] = {
    # The box's heading, shown to readers and announced by screen readers.
    "KEY_POINTS_HEADING": "Key points",
    # The word after ``:::`` that opens a key-points block in a briefing's body.
    "KEY_POINTS_MARKER": "key-points",
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings, check their types and add the Markdown extension."""
    settings = pelican.settings
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
        if not isinstance(settings[key], str) or not settings[key].strip():
            raise ValueError(
                f"key_points: setting {key} must be a non-empty string, not {settings[key]!r}"
            )
    extensions = settings.setdefault("MARKDOWN", {}).setdefault("extensions", [])
    if not any(isinstance(ext, KeyPointsExtension) for ext in extensions):
        extensions.append(KeyPointsExtension(marker=settings["KEY_POINTS_MARKER"]))
