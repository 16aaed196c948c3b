"""Defaults of the open_data plugin."""

from __future__ import annotations

from typing import Any

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


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check their types."""
    settings = pelican.settings
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
    for key in ("OPEN_DATA_JSON_SAVE_AS", "OPEN_DATA_CSV_SAVE_AS", "OPEN_DATA_JSON_FEED_SAVE_AS"):
        if not isinstance(settings[key], str):
            raise ValueError(
                f"open_data: {key} must be a path in the output folder, or '' for no "
                f"file, not {settings[key]!r}"
            )
    publisher = settings["OPEN_DATA_PUBLISHER"]
    if publisher is not None and (not isinstance(publisher, str) or not publisher.strip()):
        raise ValueError(
            f"open_data: OPEN_DATA_PUBLISHER must be a name or None, not {publisher!r}"
        )
