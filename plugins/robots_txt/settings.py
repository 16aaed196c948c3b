"""Defaults of the robots_txt plugin."""

from __future__ import annotations

from typing import Any

from contract.settings import fill_and_check, list_of_text, text

DEFAULTS: dict[str, Any] = {
    # Where robots.txt is written; crawlers only read it at the root of a domain.
    "ROBOTS_TXT_SAVE_AS": "robots.txt",
    # The sitemap it points to, a path inside the site (the sitemap_xml plugin writes it).
    "ROBOTS_TXT_SITEMAP": "sitemap.xml",
    # Paths crawlers are asked not to visit, e.g. ["/drafts/"].
    "ROBOTS_TXT_DISALLOW": [],
}


CHECKS = {
    "ROBOTS_TXT_SAVE_AS": text("a path"),
    "ROBOTS_TXT_SITEMAP": text("a path"),
    "ROBOTS_TXT_DISALLOW": list_of_text("a list of paths"),
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check them."""
    fill_and_check("robots_txt", pelican.settings, DEFAULTS, CHECKS)
