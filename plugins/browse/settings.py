"""Defaults of the browse plugin."""

from __future__ import annotations

from typing import Any

from contract.settings import NON_EMPTY_TEXT, fill_and_check

DEFAULTS: dict[str, Any] = {
    # The heading of the front page's topic block, and of the tags index.
    "BROWSE_TOPICS_HEADING": "Browse by topic",
}

CHECKS = {"BROWSE_TOPICS_HEADING": NON_EMPTY_TEXT}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check them."""
    fill_and_check("browse", pelican.settings, DEFAULTS, CHECKS)
