"""Defaults of the related_briefings plugin."""

from __future__ import annotations

from typing import Any

from contract.settings import fill_and_check, whole_number

DEFAULTS: dict[str, Any] = {
    # How many related briefings a briefing page lists.
    "RELATED_BRIEFINGS_MAX": 3,
}


CHECKS = {"RELATED_BRIEFINGS_MAX": whole_number(0)}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check them."""
    fill_and_check("related_briefings", pelican.settings, DEFAULTS, CHECKS)
