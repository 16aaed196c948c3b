"""The corrections ledger as Atom and JSON Feed 1.1, newest first."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from feedgenerator import Atom1Feed

from contract.addresses import public_siteurl
from contract.languages import language_prefix
from languages.catalogs import translations_for

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


def entry_fields(entry: Correction, settings: dict[str, Any], gettext: Any = str) -> dict[str, str]:
    """Return what a feed says of one correction: its address, title and text."""
    url = absolute(settings, entry.briefing.url) + f"#{entry.anchor}"
    title = gettext("Correction: %(title)s") % {"title": plain(entry.briefing.title)}
    return {"id": url, "url": url, "title": title}


def feed_words(settings: dict[str, Any], lang: str) -> tuple[str, str, Any]:
    """Return a ledger feed's language, address prefix and gettext (the default language's)."""
    lang = lang or settings.get("DEFAULT_LANG", "en")
    return lang, language_prefix(lang, settings), translations_for(lang, settings).gettext


def write_atom(
    path: Path, entries: list[Correction], settings: dict[str, Any], lang: str = ""
) -> None:
    """Write the Atom feed of the newest corrections (of the ledger in ``lang``, if given)."""
    lang, prefix, gettext = feed_words(settings, lang)
    feed = LedgerFeed(
        title=f"{gettext(settings['SITENAME'])}: {gettext('corrections')}",
        link=absolute(settings, prefix + settings["CORRECTIONS_URL"]),
        feed_url=absolute(settings, prefix + settings["CORRECTIONS_FEED_ATOM"]),
        description=gettext("Every correction made to a published briefing, newest first."),
        language=lang,
    )
    for entry in entries[: settings.get("FEED_MAX_ITEMS") or len(entries)]:
        fields = entry_fields(entry, settings, gettext)
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


def json_feed(
    entries: list[Correction], settings: dict[str, Any], lang: str = ""
) -> dict[str, Any]:
    """Return the JSON Feed 1.1 document of the newest corrections."""
    lang, prefix, gettext = feed_words(settings, lang)
    items = []
    for entry in entries[: settings.get("FEED_MAX_ITEMS") or len(entries)]:
        fields = entry_fields(entry, settings, gettext)
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
        "title": f"{gettext(settings['SITENAME'])}: {gettext('corrections')}",
        "home_page_url": absolute(settings, prefix + settings["CORRECTIONS_URL"]),
        "feed_url": absolute(settings, prefix + settings["CORRECTIONS_FEED_JSON"]),
        "language": lang,
        "items": items,
    }


def write_json(
    path: Path, entries: list[Correction], settings: dict[str, Any], lang: str = ""
) -> None:
    """Write the JSON Feed of the newest corrections (of the ledger in ``lang``, if given)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as file:
        json.dump(json_feed(entries, settings, lang), file, ensure_ascii=False, indent=1)
        file.write("\n")
