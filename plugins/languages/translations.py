"""Which briefings each language lists: its own, and the untranslated others, marked or not."""

from __future__ import annotations

from typing import Any

from contract.build import build_state
from contract.languages import default_language, site_languages

# The build's note of every original briefing (one per translation group), newest first as
# Pelican ordered them, before "hide" takes any out of the default language's listings.
ORIGINALS = "languages.originals"


def listed_in(lang: str, originals: list[Any], settings: dict[str, Any]) -> list[Any]:
    """Return the briefings a listing in ``lang`` shows, in the order of ``originals``.

    Each briefing appears once: in ``lang`` if it has that version, else (unless
    LANGUAGES_UNTRANSLATED is "hide") in its original language, which the page marks.
    """
    hide = settings.get("LANGUAGES_UNTRANSLATED", "mark") == "hide"
    listed = []
    for original in originals:
        version = version_in(original, lang)
        if version is not None:
            listed.append(version)
        elif not hide:
            listed.append(original)
    return listed


def version_in(briefing: Any, lang: str) -> Any | None:
    """Return the version of ``briefing`` in ``lang`` (itself or a translation), or None."""
    if briefing.lang == lang:
        return briefing
    return next((other for other in briefing.translations if other.lang == lang), None)


def sort_translations(generator: Any) -> None:
    """Order each briefing's translations as LANGUAGES lists them, and apply "hide"."""
    settings = generator.settings
    order = {code: number for number, code in enumerate(site_languages(settings))}
    for group in ("articles", "translations", "hidden_articles", "hidden_translations"):
        for briefing in getattr(generator, group, []):
            briefing.translations.sort(key=lambda other: order.get(other.lang, len(order)))
    build_state(settings).notes[ORIGINALS] = list(generator.articles)
    if settings["LANGUAGES_UNTRANSLATED"] == "hide":
        # Pelican lists a briefing with no original in the default language among the
        # originals; hidden from the default listings, it is still written, as translations are.
        default = default_language(settings)
        others = [b for b in generator.articles if b.lang != default]
        generator.articles[:] = [b for b in generator.articles if b.lang == default]
        generator.translations.extend(others)
