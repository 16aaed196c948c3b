"""Dates as each language writes them, with Babel: "12 फ़रवरी 2026" on a Hindi page."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from babel.dates import format_date
from pelican.contents import Article, Page

from contract.languages import babel_locale, default_language


def date_in(moment: date | datetime, lang: str, settings: dict[str, Any]) -> str:
    """Return ``moment`` as a long date in ``lang`` ("12 February 2026", "12 फ़रवरी 2026")."""
    if lang == default_language(settings):
        # The default language keeps DEFAULT_DATE_FORMAT, as Pelican writes it.
        return moment.strftime(settings["DEFAULT_DATE_FORMAT"])
    return format_date(moment, format="long", locale=babel_locale(lang, settings))


def localise_dates(content: Any) -> None:
    """Write a briefing's date (and modified date) in its own language."""
    if not isinstance(content, Article | Page) or content.in_default_lang:
        return
    settings, lang = content.settings, content.lang
    if getattr(content, "date", None) is not None:
        content.locale_date = date_in(content.date, lang, settings)
    if getattr(content, "modified", None) is not None:
        content.locale_modified = date_in(content.modified, lang, settings)


def date_filter(settings: dict[str, Any]) -> Any:
    """Return the ``|date_in(lang)`` filter for templates that show other dates."""
    # A briefing's date is shown on every listing, timeline and facet page it is on, and
    # Pelican's strftime and Babel are slow: write each date once a language. Keyed by the
    # ISO text, offset and all: equal instants in two time zones fall on different days.
    written: dict[tuple[str, str], str] = {}

    def write(moment: date | datetime, lang: str) -> str:
        key = (moment.isoformat(), lang)
        if key not in written:
            written[key] = date_in(moment, lang, settings)
        return written[key]

    return write
