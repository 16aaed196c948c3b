"""Defaults of the briefing_metadata plugin, applied to Pelican's settings at start-up."""

from __future__ import annotations

from typing import Any

from contract.settings import TRUE_OR_FALSE, fill_and_check, text, whole_number

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


CHECKS = {
    "BRIEFING_METADATA_WORDS_PER_MINUTE": whole_number(1),
    "BRIEFING_METADATA_REGISTRY_PATH": text("a folder inside the content folder"),
    "BRIEFING_METADATA_STRICT": TRUE_OR_FALSE,
    "BRIEFING_METADATA_MAX_FILE_BYTES": whole_number(1),
    "BRIEFING_METADATA_MAX_TITLE_LENGTH": whole_number(1),
    "BRIEFING_METADATA_MAX_NESTING": whole_number(1),
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check them."""
    fill_and_check("briefing_metadata", pelican.settings, DEFAULTS, CHECKS)
