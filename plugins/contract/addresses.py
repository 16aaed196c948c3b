"""The site's public address, the one search engines, feeds and shared links must use."""

from __future__ import annotations

from typing import Any


def public_siteurl(settings: dict[str, Any]) -> str:
    """Return the site's absolute address, without a slash at the end ("" if none is set)."""
    # PUBLIC_SITEURL stays absolute where templates see SITEURL as a relative path (a
    # RELATIVE_URLS build); settings without it name the site by SITEURL alone.
    return (settings.get("PUBLIC_SITEURL") or settings.get("SITEURL") or "").rstrip("/")
