"""The question lists of every other language than the default, where it has questions.

A language's list of the questions on a tag (``hi/tags/<slug>/questions/``, with its Atom
feed under ``hi/feeds/``) and of a spokesperson's answers (``hi/spokespeople/<slug>/answers/``)
is made from what that language's listings list (the languages plugin's ``languages_pages``:
each briefing's version in the language, else the briefing marked), and exists only when at
least one of its questions is from a briefing in the language. The language's tag and
spokesperson pages then show their latest questions from it, and link it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefing_metadata.wrappers import canonical
from contract.build import build_state
from contract.languages import language_prefix

from .attach import LISTING_INPUTS, QuestionIndex, build_index, shown_on_listing

# The build's note of each language's index, by its code.
LANGUAGE_INDEX = "transcripts.index."


@dataclass
class LanguageQuestions:
    """One language's questions: its subjects with a question in it, and their lists."""

    lang: str
    prefix: str
    index: QuestionIndex


def in_language(entries: list[Any], lang: str) -> bool:
    """Return whether any of the questions ``entries`` is from a briefing in ``lang``."""
    return any(entry.briefing.lang == lang for entry in entries)


def language_index(subject: Any, settings: dict[str, Any]) -> QuestionIndex | None:
    """Return the index of the language ``subject`` (a tag or spokesperson) is named in."""
    lang = getattr(subject, "lang", None)
    return build_state(settings).notes.get(LANGUAGE_INDEX + lang) if lang else None


def index_languages(generator: Any) -> list[LanguageQuestions]:
    """Index each other language's questions, for its list pages and its listings."""
    settings, context = generator.settings, generator.context
    notes = build_state(settings).notes
    inputs = notes.setdefault(LISTING_INPUTS, {})
    found = []
    for lang, pages in context.get("languages_pages", {}).items():
        index = build_index(pages.articles)
        names = {
            "tags": {tag.slug: tag for tag, _ in pages.tags},
            "speakers": {person.slug: person for person, _ in pages.authors},
        }
        for group, named in names.items():
            # Named in the language, as its listings name them; only with a question in it.
            kept = {
                slug: (named.get(slug, subject), entries)
                for slug, (subject, entries) in getattr(index, group).items()
                if in_language(entries, lang)
            }
            setattr(index, group, kept)
        notes[LANGUAGE_INDEX + lang] = index
        prefix = language_prefix(lang, settings)
        for subject, entries in (*index.tags.values(), *index.speakers.values()):
            # The language's tag or spokesperson page shows these as its latest questions.
            inputs[prefix + canonical(subject).save_as] = shown_on_listing(entries, settings)
        found.append(LanguageQuestions(lang, prefix, index))
    return found
