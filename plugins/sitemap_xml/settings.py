"""Defaults of the sitemap_xml plugin."""

from __future__ import annotations

import re
from typing import Any

from contract.settings import fill_and_check, list_of_text, text

DEFAULTS: dict[str, Any] = {
    # Where the sitemap is written, inside the site; robots.txt points to it.
    "SITEMAP_XML_SAVE_AS": "sitemap.xml",
    # Addresses (relative to the site, as in `tags/`) left out: regular expressions.
    "SITEMAP_XML_EXCLUDE": [r"^404\.html$", r"^search/"],
}


CHECKS = {
    "SITEMAP_XML_SAVE_AS": text("a path"),
    "SITEMAP_XML_EXCLUDE": list_of_text("a list of patterns"),
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check them, each pattern included."""
    settings = fill_and_check("sitemap_xml", pelican.settings, DEFAULTS, CHECKS)
    for pattern in settings["SITEMAP_XML_EXCLUDE"]:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(
                f"sitemap_xml: SITEMAP_XML_EXCLUDE: {pattern!r} is not a pattern: {error}"
            ) from None
