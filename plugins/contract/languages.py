"""The site's languages, as every plugin reads them: codes, names, locales and address prefixes."""

from __future__ import annotations

from typing import Any

# What a site without a LANGUAGES setting (or without the languages plugin) speaks.
ENGLISH = {"name": "English", "locale": "en_IN", "direction": "ltr"}


def site_languages(settings: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Return LANGUAGES, or the default language alone when the setting is missing."""
    configured = settings.get("LANGUAGES")
    if configured:
        return configured
    default = settings.get("DEFAULT_LANG", "en")
    return {default: {**ENGLISH, "name": default} if default != "en" else ENGLISH}


def default_language(settings: dict[str, Any]) -> str:
    """Return the language of briefings that name none, and of the site's own addresses."""
    return settings.get("DEFAULT_LANG", "en")


def other_languages(settings: dict[str, Any]) -> list[str]:
    """Return the codes of every language but the default one, in the setting's order."""
    default = default_language(settings)
    return [code for code in site_languages(settings) if code != default]


def language_prefix(lang: str | None, settings: dict[str, Any]) -> str:
    """Return the folder a language's pages live in: "" for the default, "hi/" for Hindi."""
    if not lang or lang == default_language(settings):
        return ""
    return f"{lang}/"


def babel_locale(lang: str, settings: dict[str, Any]) -> str:
    """Return the Babel locale a language writes dates and numbers in."""
    return site_languages(settings).get(lang, {}).get("locale") or lang
