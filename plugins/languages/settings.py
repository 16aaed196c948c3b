"""Defaults of the languages plugin: the languages the site is written in, and how it lists them."""

from __future__ import annotations

from typing import Any

from babel import Locale, UnknownLocaleError

from contract.settings import Expect, fill_and_check

DEFAULTS: dict[str, Any] = {
    # Every language the site publishes in: code → name (in that language), Babel locale,
    # writing direction. DEFAULT_LANG must be one of them; its pages have no prefix, the
    # others live under /<code>/. A new language needs an entry here and a catalog in
    # theme/translations/<code>/LC_MESSAGES/messages.po.
    "LANGUAGES": {"en": {"name": "English", "locale": "en_IN", "direction": "ltr"}},
    # "mark": a listing shows briefings with no translation into its language, marked
    # with their own language; "hide" leaves them out of other languages' listings.
    "LANGUAGES_UNTRANSLATED": "mark",
    # Where the catalogs are, inside the theme: <folder>/<code>/LC_MESSAGES/messages.po.
    "LANGUAGES_CATALOG_PATH": "translations",
    # Each other language's JSON Feed of a tag's and a spokesperson's page, under its prefix
    # (hi/feeds/tags/fentanyl.json), beside their Atom feeds (TAG_FEED_ATOM, AUTHOR_FEED_ATOM);
    # "" for none. Written only with the open_data plugin, which makes the records.
    "LANGUAGES_TAG_FEED_JSON": "feeds/tags/{slug}.json",
    "LANGUAGES_AUTHOR_FEED_JSON": "feeds/spokespeople/{slug}.json",
}

DIRECTIONS = ("ltr", "rtl")


def _is_locale(value: Any) -> bool:
    try:
        Locale.parse(value)
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def _language_table(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and bool(value)
        and all(
            isinstance(code, str)
            and code.islower()
            and code.replace("-", "").isalpha()
            and isinstance(entry, dict)
            and isinstance(entry.get("name"), str)
            and entry["name"].strip()
            and _is_locale(entry.get("locale"))
            and entry.get("direction", "ltr") in DIRECTIONS
            and set(entry) <= {"name", "locale", "direction"}
            for code, entry in value.items()
        )
    )


CHECKS = {
    "LANGUAGES": Expect(
        _language_table,
        'a dict of lower-case language codes, each {"name": ..., "locale": a Babel locale '
        'such as "hi_IN", "direction": "ltr" or "rtl"}',
    ),
    "LANGUAGES_UNTRANSLATED": Expect(lambda value: value in ("mark", "hide"), '"mark" or "hide"'),
    "LANGUAGES_CATALOG_PATH": Expect(
        lambda value: isinstance(value, str) and bool(value.strip()), "a folder inside the theme"
    ),
    "LANGUAGES_TAG_FEED_JSON": Expect(
        lambda value: isinstance(value, str) and (not value or "{slug}" in value),
        'a path with {slug}, or "" for none',
    ),
    "LANGUAGES_AUTHOR_FEED_JSON": Expect(
        lambda value: isinstance(value, str) and (not value or "{slug}" in value),
        'a path with {slug}, or "" for none',
    ),
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check them, and that DEFAULT_LANG is one of LANGUAGES."""
    settings = fill_and_check("languages", pelican.settings, DEFAULTS, CHECKS)
    if settings["DEFAULT_LANG"] not in settings["LANGUAGES"]:
        raise ValueError(
            f"languages: DEFAULT_LANG {settings['DEFAULT_LANG']!r} is not in LANGUAGES "
            f"({', '.join(settings['LANGUAGES'])}); add it, or set DEFAULT_LANG to one of them"
        )
