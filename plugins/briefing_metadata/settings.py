"""Defaults of the briefing_metadata plugin, applied to Pelican's settings at start-up."""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # Words a reader gets through in a minute, for the "N min read" label.
    "BRIEFING_METADATA_WORDS_PER_MINUTE": 220,
    # The folder, inside the content folder, of spokespeople.toml and tags.toml.
    "BRIEFING_METADATA_REGISTRY_PATH": "registry",
    # Errors fail the build; False lists them as warnings and builds the good briefings.
    "BRIEFING_METADATA_STRICT": True,
    # Larger files are refused before they are read (a briefing is rarely over 50 KB).
    "BRIEFING_METADATA_MAX_FILE_BYTES": 1_000_000,
    "BRIEFING_METADATA_MAX_TITLE_LENGTH": 250,
    # Deeper quotes or lists are refused: Markdown's time grows steeply with depth.
    "BRIEFING_METADATA_MAX_NESTING": 12,
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check their types."""
    settings = pelican.settings
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
        if type(settings[key]) is not type(default):
            raise ValueError(
                f"briefing_metadata: {key} must be a {type(default).__name__}, "
                f"not {settings[key]!r}"
            )
    for key in ("WORDS_PER_MINUTE", "MAX_FILE_BYTES", "MAX_TITLE_LENGTH", "MAX_NESTING"):
        if settings[f"BRIEFING_METADATA_{key}"] <= 0:
            raise ValueError(f"briefing_metadata: BRIEFING_METADATA_{key} must be positive")
