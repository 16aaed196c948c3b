"""What templates get from the languages plugin: the page's language, its versions, dates."""

from __future__ import annotations

import re
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from contract.languages import default_language, language_prefix, site_languages

from .catalogs import page_language
from .dates import date_filter

# The build's map of every page address with versions in other languages to those versions,
# as (hreflang, address) pairs with "x-default" (LanguagesGenerator.generate_context).
VERSIONS = "language_versions"


def address_of(output_file: str) -> str:
    """Return a page's address, as the sitemap names it, from the file it is written to."""
    return re.sub(r"(^|/)index\.html$", r"\1", output_file or "")


def language_helpers(settings: dict[str, Any]) -> dict[str, Any]:
    """Return the globals templates use to write a page in its language and link its versions."""
    languages = site_languages(settings)

    @pass_context
    def page_versions(context: Context) -> list[dict[str, str]]:
        """Return the page in every language it exists in, x-default last; [] when one only."""
        versions = context.get(VERSIONS) or {}
        pairs = versions.get(address_of(context.get("output_file", "")), ())
        return [
            {
                "hreflang": hreflang,
                "url": url,
                "name": languages.get(hreflang, {}).get("name", ""),
                "lang": hreflang if hreflang in languages else default_language(settings),
            }
            for hreflang, url in pairs
        ]

    def language_feed(lang: str) -> str:
        """Return the Atom feed of a language's briefings (the default: FEED_ALL_ATOM)."""
        if lang == default_language(settings) or not settings.get("TRANSLATION_FEED_ATOM"):
            return settings.get("FEED_ALL_ATOM") or ""
        return str(settings["TRANSLATION_FEED_ATOM"]).format(lang=lang)

    return {
        "page_language": pass_context(lambda context: page_language(context)),
        "page_versions": page_versions,
        "language_prefix": lambda lang: language_prefix(lang, settings),
        "language_feed": language_feed,
        "site_languages": languages,
    }


def add_language_helpers(generator: Any) -> None:
    """Offer ``|date_in(lang)`` and the language helpers to templates."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.filters["date_in"] = date_filter(generator.settings)
        env.globals.update(language_helpers(generator.settings))
