"""A language's date archives: its briefings by year and by month, the months named in it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from babel.dates import format_date

from contract.languages import babel_locale, language_prefix

# Each granularity's period as Pelican numbers it (its period_num), from a briefing's date.
PERIODS: dict[str, Callable[[Any], tuple[int, ...]]] = {
    "year": lambda moment: (moment.year,),
    "month": lambda moment: (moment.year, moment.month),
}


def period_label(period: tuple[int, ...], moment: Any, locale: str) -> tuple[Any, ...]:
    """Return a period as the archive pages print it: (2026,) or (2026, "फ़रवरी")."""
    if len(period) == 1:
        return period
    # "LLLL": the month's stand-alone name, as a heading says it.
    return (period[0], format_date(moment, format="LLLL", locale=locale))


def period_archives(
    articles: Sequence[Any], dates: Sequence[Any], lang: str, settings: dict[str, Any]
) -> dict[str, list[dict[str, Any]]]:
    """Return a language's year and month archives, shaped as Pelican's ``period_archives``.

    Each is a dict with ``period``, ``period_num``, ``save_as``, ``url`` (under the
    language's prefix), ``articles`` (in the order of ``articles``) and ``dates`` (in the
    order of ``dates``). Day archives are left out, as the site's settings leave them out.
    """
    prefix = language_prefix(lang, settings)
    locale = babel_locale(lang, settings)
    found: dict[str, list[dict[str, Any]]] = {}
    for granularity, key in PERIODS.items():
        save_as = settings.get(f"{granularity.upper()}_ARCHIVE_SAVE_AS")
        url = settings.get(f"{granularity.upper()}_ARCHIVE_URL") or ""
        if not save_as:
            continue
        archives: dict[tuple[int, ...], dict[str, Any]] = {}
        for briefing in dates:
            period = key(briefing.date)
            if period not in archives:
                archives[period] = {
                    "period": period_label(period, briefing.date, locale),
                    "period_num": period,
                    "save_as": prefix + save_as.format(date=briefing.date),
                    "url": prefix + url.format(date=briefing.date),
                    "articles": [],
                    "dates": [],
                }
            archives[period]["dates"].append(briefing)
        for briefing in articles:
            archives[key(briefing.date)]["articles"].append(briefing)
        found[granularity] = list(archives.values())
    return found
