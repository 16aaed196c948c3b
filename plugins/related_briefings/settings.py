"""Defaults of the related_briefings plugin."""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # How many related briefings a briefing page lists.
    "RELATED_BRIEFINGS_MAX": 3,
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check their types."""
    settings = pelican.settings
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
    limit = settings["RELATED_BRIEFINGS_MAX"]
    if not isinstance(limit, int) or limit < 0:
        raise ValueError(
            "related_briefings: RELATED_BRIEFINGS_MAX must be a whole number of "
            f"0 or more, not {limit!r}"
        )
