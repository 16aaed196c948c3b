"""The ledgers of every other language than the default, where it has corrections of its own.

A language's corrections ledger (``hi/corrections/``, with its feeds under ``hi/feeds/``)
exists when at least one of its briefings has been corrected, and its withdrawals ledger
(``hi/withdrawn/``) when at least one has been withdrawn. Each lists what that language's
listings list (the languages plugin's ``languages_pages``: a briefing's version in the
language, else the briefing in its own, marked, unless LANGUAGES_UNTRANSLATED is "hide").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contract.languages import language_prefix
from languages.translations import listed_in

from .feeds import write_atom, write_json
from .ledger import Correction, corrections, withdrawn


@dataclass
class LanguageLedgers:
    """One language's ledgers: None for a ledger it has no entry of its own in."""

    lang: str
    prefix: str
    corrections: list[Correction] | None
    withdrawn: list[Any] | None


def language_ledgers(context: dict[str, Any], settings: dict[str, Any]) -> list[LanguageLedgers]:
    """Return the ledgers of each other language that has pages of its own."""
    found = []
    for lang, pages in context.get("languages_pages", {}).items():
        corrected = corrections(pages.articles)
        hidden = listed_in(lang, context.get("hidden_articles", []), settings)
        gone = withdrawn(hidden)
        found.append(
            LanguageLedgers(
                lang,
                language_prefix(lang, settings),
                corrected if any(e.briefing.lang == lang for e in corrected) else None,
                gone if any(b.lang == lang for b in gone) else None,
            )
        )
    return found


def write_language_ledgers(generator: Any, writer: Any) -> None:
    """Write each language's ledgers and its corrections feeds, under its prefix."""
    settings = generator.settings
    relative = settings["RELATIVE_URLS"]
    output = Path(generator.output_path)
    for ledgers in generator.languages:
        prefix, common = ledgers.prefix, {"page_lang": ledgers.lang}
        if ledgers.corrections is not None and settings["CORRECTIONS_SAVE_AS"]:
            writer.write_file(
                prefix + settings["CORRECTIONS_SAVE_AS"],
                generator.get_template("corrections"),
                generator.context,
                relative,
                paginated={"corrections": ledgers.corrections},
                template_name="corrections",
                url=prefix + settings["CORRECTIONS_URL"],
                **common,
            )
            if settings["CORRECTIONS_FEED_ATOM"]:
                path = output / (prefix + settings["CORRECTIONS_FEED_ATOM"])
                write_atom(path, ledgers.corrections, settings, ledgers.lang)
            if settings["CORRECTIONS_FEED_JSON"]:
                path = output / (prefix + settings["CORRECTIONS_FEED_JSON"])
                write_json(path, ledgers.corrections, settings, ledgers.lang)
        if ledgers.withdrawn is not None and settings["CORRECTIONS_WITHDRAWN_SAVE_AS"]:
            writer.write_file(
                prefix + settings["CORRECTIONS_WITHDRAWN_SAVE_AS"],
                generator.get_template("withdrawn"),
                generator.context,
                relative,
                url=prefix + settings["CORRECTIONS_WITHDRAWN_URL"],
                withdrawn_briefings=ledgers.withdrawn,
                **common,
            )
