"""Defaults of the open_data plugin."""

from __future__ import annotations

from typing import Any

from contract.settings import NON_EMPTY_TEXT, fill_and_check, text

DEFAULTS: dict[str, Any] = {
    # Every published briefing as JSON; an empty string writes no file.
    "OPEN_DATA_JSON_SAVE_AS": "briefings.json",
    # The same rows as CSV; an empty string writes no file.
    "OPEN_DATA_CSV_SAVE_AS": "briefings.csv",
    # A JSON Feed 1.1 of the newest briefings (FEED_MAX_ITEMS), beside the Atom feeds.
    "OPEN_DATA_JSON_FEED_SAVE_AS": "feeds/all.json",
    # The organisation named as publisher in each briefing's JSON-LD; None means SITENAME.
    "OPEN_DATA_PUBLISHER": None,
}


# An empty string writes no file.
OUTPUT_FILE = text("a path in the output folder, or '' for no file")
CHECKS = {
    "OPEN_DATA_JSON_SAVE_AS": OUTPUT_FILE,
    "OPEN_DATA_CSV_SAVE_AS": OUTPUT_FILE,
    "OPEN_DATA_JSON_FEED_SAVE_AS": OUTPUT_FILE,
    "OPEN_DATA_PUBLISHER": NON_EMPTY_TEXT.or_none("a name or None"),
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check them."""
    fill_and_check("open_data", pelican.settings, DEFAULTS, CHECKS)
