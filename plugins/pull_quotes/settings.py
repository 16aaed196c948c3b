"""Defaults of the pull_quotes plugin."""

from __future__ import annotations

from typing import Any

from contract.settings import TRUE_OR_FALSE, fill_and_check

DEFAULTS: dict[str, Any] = {
    # Turn a quotation's last paragraph starting with a dash ("— Name, role") into its caption.
    "PULL_QUOTES_ATTRIBUTION": True,
}

CHECKS = {"PULL_QUOTES_ATTRIBUTION": TRUE_OR_FALSE}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check them."""
    fill_and_check("pull_quotes", pelican.settings, DEFAULTS, CHECKS)
