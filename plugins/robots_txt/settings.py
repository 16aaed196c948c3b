"""Defaults of the robots_txt plugin."""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # Where robots.txt is written; crawlers only read it at the root of a domain.
    "ROBOTS_TXT_SAVE_AS": "robots.txt",
    # The sitemap it points to, a path inside the site (the sitemap_xml plugin writes it).
    "ROBOTS_TXT_SITEMAP": "sitemap.xml",
    # Paths crawlers are asked not to visit, e.g. ["/drafts/"].
    "ROBOTS_TXT_DISALLOW": [],
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check their types."""
    settings = pelican.settings
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
    for key in ("ROBOTS_TXT_SAVE_AS", "ROBOTS_TXT_SITEMAP"):
        if not isinstance(settings[key], str):
            raise ValueError(f"robots_txt: {key} must be a path, not {settings[key]!r}")
    disallow = settings["ROBOTS_TXT_DISALLOW"]
    if not isinstance(disallow, list | tuple) or not all(isinstance(p, str) for p in disallow):
        raise ValueError(
            f"robots_txt: ROBOTS_TXT_DISALLOW must be a list of paths, not {disallow!r}"
        )
