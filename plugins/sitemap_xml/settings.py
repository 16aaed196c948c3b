"""Defaults of the sitemap_xml plugin."""

from __future__ import annotations

import re
from typing import Any

DEFAULTS: dict[str, Any] = {
    # Where the sitemap is written, inside the site; robots.txt points to it.
    "SITEMAP_XML_SAVE_AS": "sitemap.xml",
    # Addresses (relative to the site, as in `tags/`) left out: regular expressions.
    "SITEMAP_XML_EXCLUDE": [r"^404\.html$", r"^search/"],
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check their types."""
    settings = pelican.settings
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
    save_as = settings["SITEMAP_XML_SAVE_AS"]
    if not isinstance(save_as, str):
        raise ValueError(f"sitemap_xml: SITEMAP_XML_SAVE_AS must be a path, not {save_as!r}")
    exclude = settings["SITEMAP_XML_EXCLUDE"]
    if not isinstance(exclude, list | tuple) or not all(isinstance(p, str) for p in exclude):
        raise ValueError(
            f"sitemap_xml: SITEMAP_XML_EXCLUDE must be a list of patterns, not {exclude!r}"
        )
    for pattern in exclude:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(
                f"sitemap_xml: SITEMAP_XML_EXCLUDE: {pattern!r} is not a pattern: {error}"
            ) from None
