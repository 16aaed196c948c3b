"""Defaults of the permanent_addresses plugin."""

from __future__ import annotations

from typing import Any

from contract.settings import fill_and_check, text

DEFAULTS: dict[str, Any] = {
    # The record of every address ever published, inside the content folder and kept in
    # the repository; `python3 dev.py addresses.record` (and publish) add new ones.
    "PERMANENT_ADDRESSES_RECORD": "published-addresses.toml",
    # Redirects from moved briefings' old addresses, as Netlify and Cloudflare Pages read
    # them; '' writes no file (the redirect pages are written anyway).
    "PERMANENT_ADDRESSES_REDIRECTS_SAVE_AS": "_redirects",
}

CHECKS = {
    "PERMANENT_ADDRESSES_RECORD": text("a file inside the content folder, or '' for no check"),
    "PERMANENT_ADDRESSES_REDIRECTS_SAVE_AS": text("a path in the output folder, or ''"),
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check them."""
    fill_and_check("permanent_addresses", pelican.settings, DEFAULTS, CHECKS)
