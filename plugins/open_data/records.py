"""Describe a published briefing as one plain-text record, the unit of every data file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from contract.addresses import public_siteurl

# The columns of briefings.csv, in order; briefings.json uses the same keys.
FIELDS = [
    "title",
    "url",
    "date",
    "modified",
    "spokespeople",
    "tags",
    "location",
    "source",
    "source_url",
    "summary",
    "key_points",
    "lang",
    "translations",
    # Last, so the columns readers of the CSV already use keep their places.
    "changes",
]
LIST_FIELDS = {"spokespeople", "tags", "key_points"}


def plain_text(value: Any) -> str:
    """Return a field as the plain text a reader sees: markup stripped, no-break spaces plain."""
    if value is None:
        return ""
    # Only Markup carries entities and tags to strip; a plain str is already text.
    text = value.striptags() if isinstance(value, Markup) else str(value)
    return text.replace("\xa0", " ").strip()


def absolute_url(settings: dict[str, Any], path: str) -> str:
    """Return the public address of a path inside the site."""
    return f"{public_siteurl(settings)}/{path.lstrip('/')}"


def change_date(change: Any, briefing: Any) -> str:
    """Return a correction's or update's date in ISO 8601, in the briefing's time zone."""
    # Editors write the day (or day and time) alone: it is the briefing's local time.
    date = change.date
    if date.tzinfo is None:
        date = date.replace(tzinfo=briefing.date.tzinfo)
    return date.isoformat()


def change_records(briefing: Any, settings: dict[str, Any]) -> list[dict[str, str]]:
    """Return a briefing's corrections and updates, oldest first, as its page numbers them."""
    page = absolute_url(settings, briefing.url)
    return [
        {
            "date": change_date(change, briefing),
            "kind": change.kind,
            # Plain text already: briefing_metadata refuses markup in it, the page escapes it.
            "text": change.text,
            # The change's place in the page's change list, where the ledger links too.
            "url": f"{page}#change-{number}",
        }
        for number, change in enumerate(getattr(briefing, "changes", []), start=1)
    ]


def briefing_record(
    briefing: Any,
    settings: dict[str, Any],
    typeset: Callable[[str], Any] = Markup.escape,
) -> dict[str, Any]:
    """Return a briefing's fields as plain text, lists and ISO 8601 dates.

    ``typeset`` is the filter the page shows key points with, so the record says what
    the page says (curly quotes included).
    """
    modified = getattr(briefing, "modified", None)
    # Only an editor's summary: Pelican's automatic one is a cut of the body's HTML.
    summary = briefing.summary if "summary" in briefing.metadata else None
    return {
        "title": plain_text(briefing.title),
        "url": absolute_url(settings, briefing.url),
        "date": briefing.date.isoformat(),
        "modified": modified.isoformat() if modified and modified > briefing.date else None,
        "spokespeople": [str(person) for person in getattr(briefing, "authors", [])],
        "tags": [str(tag) for tag in getattr(briefing, "tags", [])],
        "location": plain_text(getattr(briefing, "location", None)) or None,
        "source": plain_text(getattr(briefing, "source", None)) or None,
        # The official transcript or recording, an https address (briefing_metadata checks it).
        "source_url": getattr(briefing, "source_url", None),
        "summary": plain_text(summary) or None,
        "key_points": [
            plain_text(Markup(typeset(point))) for point in getattr(briefing, "key_points", [])
        ],
        "lang": getattr(briefing, "lang", None) or settings.get("DEFAULT_LANG", "en"),
        "changes": change_records(briefing, settings),
    }


def with_translations(briefing: Any, record: dict[str, Any], settings: dict[str, Any]) -> dict:
    """Return a record with the addresses of the briefing's translations, as the page links them.

    Added on every build, never kept in the cached record: a translation added later changes
    what the original's record says, though the original's file did not change.
    """
    translations = [
        {"lang": other.lang, "url": absolute_url(settings, other.url)}
        for other in getattr(briefing, "translations", [])
        if other.status == "published"
    ]
    # In the order of FIELDS, the CSV's columns: the cached record has no translations.
    return {field: translations if field == "translations" else record[field] for field in FIELDS}


def record_of(
    briefing: Any,
    settings: dict[str, Any],
    typeset: Callable[[str], Any] = Markup.escape,
) -> dict[str, Any]:
    """Return a briefing's record, made once and kept on the briefing (and in the cache)."""
    # Every build writes all records to the data files and each page's JSON-LD uses one:
    # an unchanged briefing comes from the content cache with its record already made.
    record = getattr(briefing, "open_data_record", None)
    if record is None:
        record = briefing.open_data_record = briefing_record(briefing, settings, typeset)
    return record


def keep_records(generator: Any) -> None:
    """Make each published briefing's record before the content cache keeps the briefing."""
    typeset = generator.env.filters.get("typographic", Markup.escape)
    for briefing in [*generator.articles, *generator.translations]:
        record_of(briefing, generator.settings, typeset)


def csv_row(record: dict[str, Any]) -> dict[str, str]:
    """Return a record as CSV cells: one value a line in list cells, empty for none.

    Translations are one "lang url" pair a line, changes one "date kind: text" a line.
    """
    row = {
        field: "\n".join(record[field]) if field in LIST_FIELDS else record[field] or ""
        for field in FIELDS
        if field not in ("translations", "changes")
    }
    row["translations"] = "\n".join(f"{t['lang']} {t['url']}" for t in record["translations"])
    # A change's text is one line: briefing_metadata joins the lines of a long one.
    row["changes"] = "\n".join(f"{c['date']} {c['kind']}: {c['text']}" for c in record["changes"])
    return row
