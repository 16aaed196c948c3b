"""The corrections ledger as Atom and JSON Feed 1.1, newest first."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from feedgenerator import Atom1Feed

from contract.addresses import public_siteurl

from .ledger import Correction

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# An empty ledger's feed needs an `updated` date too: a fixed one, so rebuilds agree.
EMPTY_FEED_DATE = datetime(2000, 1, 1, tzinfo=UTC)


class LedgerFeed(Atom1Feed):
    """An Atom feed whose date, when it has no entries, is fixed rather than the time of writing."""

    def latest_post_date(self) -> datetime:
        """Return the newest entry's date, or a fixed date for an empty feed."""
        return super().latest_post_date() if self.items else EMPTY_FEED_DATE


def absolute(settings: dict[str, Any], path: str) -> str:
    """Return the public address of a path inside the site."""
    return f"{public_siteurl(settings)}/{path.lstrip('/')}"


def plain(value: Any) -> str:
    """Return a title as plain text (titles reach plugins typeset, as safe HTML)."""
    text = value.striptags() if hasattr(value, "striptags") else str(value)
    return text.replace("\xa0", " ")


def entry_fields(entry: Correction, settings: dict[str, Any]) -> dict[str, str]:
    """Return what a feed says of one correction: its address, title and text."""
    url = absolute(settings, entry.briefing.url) + f"#{entry.anchor}"
    return {"id": url, "url": url, "title": f"Correction: {plain(entry.briefing.title)}"}


def write_atom(path: Path, entries: list[Correction], settings: dict[str, Any]) -> None:
    """Write the Atom feed of the newest corrections."""
    feed = LedgerFeed(
        title=f"{settings['SITENAME']}: corrections",
        link=absolute(settings, settings["CORRECTIONS_URL"]),
        feed_url=absolute(settings, settings["CORRECTIONS_FEED_ATOM"]),
        description="Every correction made to a published briefing, newest first.",
        language=settings.get("DEFAULT_LANG", "en"),
    )
    for entry in entries[: settings.get("FEED_MAX_ITEMS") or len(entries)]:
        fields = entry_fields(entry, settings)
        feed.add_item(
            title=fields["title"],
            link=fields["url"],
            unique_id=fields["id"],
            description=entry.change.text,
            pubdate=entry.date,
            updateddate=entry.date,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as file:
        feed.write(file, "utf-8")


def json_feed(entries: list[Correction], settings: dict[str, Any]) -> dict[str, Any]:
    """Return the JSON Feed 1.1 document of the newest corrections."""
    items = []
    for entry in entries[: settings.get("FEED_MAX_ITEMS") or len(entries)]:
        fields = entry_fields(entry, settings)
        items.append(
            {
                **fields,
                "content_text": entry.change.text,
                "date_published": entry.date.isoformat(),
                "external_url": absolute(settings, entry.briefing.url),
            }
        )
    return {
        "version": JSON_FEED_VERSION,
        "title": f"{settings['SITENAME']}: corrections",
        "home_page_url": absolute(settings, settings["CORRECTIONS_URL"]),
        "feed_url": absolute(settings, settings["CORRECTIONS_FEED_JSON"]),
        "language": settings.get("DEFAULT_LANG", "en"),
        "items": items,
    }


def write_json(path: Path, entries: list[Correction], settings: dict[str, Any]) -> None:
    """Write the JSON Feed of the newest corrections."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as file:
        json.dump(json_feed(entries, settings), file, ensure_ascii=False, indent=1)
        file.write("\n")
