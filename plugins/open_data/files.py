"""Write the open-data files: briefings.json, briefings.csv and the JSON Feed."""

from __future__ import annotations

import csv
import json
import logging
from pathlib import Path
from typing import Any

from markupsafe import Markup

from contract.addresses import public_siteurl
from contract.build import build_state

from .records import FIELDS, absolute_url, csv_row, record_of, with_translations

logger = logging.getLogger(__name__)

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def newest_first(briefings: list[Any]) -> list[Any]:
    """Return published briefings, newest first, whatever ARTICLE_ORDER_BY says."""
    return sorted(briefings, key=lambda briefing: briefing.date, reverse=True)


def json_feed(
    briefings: list[Any], records: list[dict[str, Any]], settings: dict[str, Any]
) -> dict[str, Any]:
    """Return a JSON Feed 1.1 document of the newest briefings."""
    limit = settings.get("FEED_MAX_ITEMS") or len(briefings)
    siteurl = public_siteurl(settings)
    items = []
    for briefing, record in zip(briefings[:limit], records[:limit], strict=False):
        item = {
            "id": record["url"],
            "url": record["url"],
            "title": record["title"],
            "content_html": briefing.get_content(siteurl),
            "date_published": record["date"],
            "authors": [
                {"name": str(person), "url": absolute_url(settings, person.url)}
                for person in getattr(briefing, "authors", [])
            ],
            "tags": record["tags"],
        }
        if record["summary"]:
            item["summary"] = record["summary"]
        if record["modified"]:
            item["date_modified"] = record["modified"]
        items.append(item)
    feed = {
        "version": JSON_FEED_VERSION,
        "title": settings["SITENAME"],
        "home_page_url": absolute_url(settings, ""),
        "feed_url": absolute_url(settings, settings["OPEN_DATA_JSON_FEED_SAVE_AS"]),
        "description": settings.get("SITE_DESCRIPTION", ""),
        "language": settings.get("DEFAULT_LANG", "en"),
        "items": items,
    }
    if related := related_files(settings):
        # JSON Feed's extensions start with an underscore and say where they are described.
        feed["_archive"] = {"about": absolute_url(settings, ""), "related": related}
    return feed


# The build state's note where plugins list other data files (questions.json and .csv).
RELATED = "open_data.related"


def related_files(settings: dict[str, Any]) -> list[dict[str, str]]:
    """Return the other data files plugins offer: title, absolute address, media type."""
    return [
        {"title": title, "url": absolute_url(settings, save_as), "type": media_type}
        for title, save_as, media_type in build_state(settings).notes.get(RELATED, [])
        if save_as
    ]


def _output_file(generator: Any, key: str) -> Path | None:
    """Return where the file named by setting ``key`` goes, or None when it is switched off."""
    save_as = generator.settings[key]
    if not save_as:
        return None
    # The generator's folder: a staged build writes somewhere else than OUTPUT_PATH.
    path = Path(generator.output_path) / save_as
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _write_json(path: Path, document: dict[str, Any]) -> None:
    # Streamed: the whole archive as one string would cost tens of MB at 10,000 briefings.
    with path.open("w", encoding="utf-8") as file:
        json.dump(document, file, ensure_ascii=False, indent=1)
        file.write("\n")


def write_open_data(generator: Any, writer: Any = None) -> None:
    """Write every published briefing as JSON and CSV, and the newest as a JSON Feed."""
    settings = generator.settings
    # Published briefings only (drafts and hidden ones live elsewhere), in every language:
    # Pelican keeps the versions in other languages than the default among its translations.
    briefings = newest_first([*generator.articles, *generator.translations])
    # The filter the page shows key points with, when the typography plugin offers it.
    typeset = generator.env.filters.get("typographic", Markup.escape)
    records = [
        with_translations(briefing, record_of(briefing, settings, typeset), settings)
        for briefing in briefings
    ]

    if path := _output_file(generator, "OPEN_DATA_JSON_SAVE_AS"):
        document = {
            "title": settings["SITENAME"],
            "home_page_url": absolute_url(settings, ""),
            "briefings": records,
        }
        if related := related_files(settings):
            document["related"] = related
        _write_json(path, document)
        logger.info("open_data: wrote %s", path)
    if path := _output_file(generator, "OPEN_DATA_CSV_SAVE_AS"):
        # newline="" lets the csv module write its own line ends, and quote line breaks.
        with path.open("w", encoding="utf-8", newline="") as file:
            table = csv.DictWriter(file, fieldnames=FIELDS)
            table.writeheader()
            table.writerows(csv_row(record) for record in records)
        logger.info("open_data: wrote %s", path)
    if path := _output_file(generator, "OPEN_DATA_JSON_FEED_SAVE_AS"):
        # The feed of the default language's listings, as its Atom feed (FEED_ALL_ATOM)
        # lists them; each other language has a Atom feed of its own (TRANSLATION_FEED_ATOM).
        listed = {id(briefing) for briefing in generator.articles}
        kept = [(b, r) for b, r in zip(briefings, records, strict=True) if id(b) in listed]
        feed = json_feed([b for b, _ in kept], [r for _, r in kept], settings)
        _write_json(path, feed)
        logger.info("open_data: wrote %s", path)
