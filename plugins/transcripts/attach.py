"""Facts a briefing's transcript adds to it: reading time, JSON-LD, and the archive's index."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup
from pelican.contents import Article

from briefing_metadata.fields import reading_minutes
from briefing_metadata.wrappers import canonical
from contract.build import build_state
from contract.languages import language_prefix, site_languages

from .records import QuestionEntry, entries_of, questions_json_ld

INDEX = "transcripts.index"
# Listing pages that show questions of briefings they do not list (a tag's latest
# questions): the incremental writer adds these briefings' files to the page's key.
LISTING_INPUTS = "incremental.listing_inputs"


def shown_on_listing(entries: list[Any], settings: dict[str, Any]) -> tuple[int, list[Any]]:
    """Return what a tag's or spokesperson's page shows of its questions: count and latest.

    Only these are the page's inputs: an edit to an older question leaves every page of a
    tag's listing as it was (hundreds, for a tag of thousands of briefings).
    """
    return len(entries), entries[: settings["TRANSCRIPTS_LATEST"]]


def count_transcript(content: Any) -> None:
    """Count the questions and answers in the briefing's reading time."""
    transcript = getattr(content, "transcript", None)
    if isinstance(content, Article) and transcript is not None:
        speed = content.settings["BRIEFING_METADATA_WORDS_PER_MINUTE"]
        words = f"{content._content or ''} {Markup.escape(transcript.plain_text())}"
        content.reading_minutes = reading_minutes(words, speed)


def describe_questions(generator: Any) -> None:
    """Give each published briefing with a transcript its questions as schema.org JSON-LD."""
    for briefing in generator.articles:
        if getattr(briefing, "transcript", None) is not None:
            briefing.schema_org_parts = questions_json_ld(briefing, generator.settings)


@dataclass
class QuestionIndex:
    """Every question of the published briefings, newest briefing first, by tag and speaker."""

    entries: list[QuestionEntry] = field(default_factory=list)
    tags: dict[str, tuple[Any, list[QuestionEntry]]] = field(default_factory=dict)
    speakers: dict[str, tuple[Any, list[QuestionEntry]]] = field(default_factory=dict)


def build_index(briefings: Iterable[Any]) -> QuestionIndex:
    """Return the index of the questions of ``briefings``."""
    index = QuestionIndex()
    for briefing in sorted(briefings, key=lambda b: b.date, reverse=True):
        for entry in entries_of(briefing):
            index.entries.append(entry)
            for tag in entry.question.tags:
                index.tags.setdefault(tag.slug, (tag, []))[1].append(entry)
            for speaker in dict.fromkeys(answer.speaker for answer in entry.answers):
                if speaker is not None:
                    index.speakers.setdefault(speaker.slug, (speaker, []))[1].append(entry)
    return index


def index_of(settings: dict[str, Any]) -> QuestionIndex:
    """Return this build's index of questions (empty before the briefings are read)."""
    return build_state(settings).notes.get(INDEX) or QuestionIndex()


def index_questions(generator: Any) -> None:
    """Index the published briefings' questions, for the tag and spokesperson pages."""
    settings = generator.settings
    index = build_index(generator.articles)
    notes = build_state(settings).notes
    notes[INDEX] = index
    inputs = notes.setdefault(LISTING_INPUTS, {})
    # The same page in every language (hi/tags/…/) shows the same latest questions.
    prefixes = [language_prefix(lang, settings) for lang in site_languages(settings)]
    for subject, entries in (*index.tags.values(), *index.speakers.values()):
        address = canonical(subject).save_as
        for prefix in prefixes:
            inputs[prefix + address] = shown_on_listing(entries, settings)


class Questions:
    """What templates ask about questions: a tag's, a spokesperson's, and their pages.

    A tag or spokesperson named in another language (on that language's pages) gets that
    language's questions and list pages, where it has them (translated.py).
    """

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings

    def _index(self, subject: Any, group: str) -> tuple[QuestionIndex, str]:
        """Return the index that lists ``subject``'s questions, and its pages' prefix."""
        from .translated import language_index

        index = language_index(subject, self.settings)
        if index is not None and subject.slug in getattr(index, group):
            return index, language_prefix(subject.lang, self.settings)
        return index_of(self.settings), ""

    def on_tag(self, tag: Any) -> list[QuestionEntry]:
        """Return every question on ``tag``, newest briefing first."""
        index, _ = self._index(tag, "tags")
        return index.tags.get(tag.slug, (None, []))[1]

    def answered_by(self, spokesperson: Any) -> list[QuestionEntry]:
        """Return every question ``spokesperson`` answered, newest briefing first."""
        index, _ = self._index(spokesperson, "speakers")
        return index.speakers.get(spokesperson.slug, (None, []))[1]

    def _address(self, subject: Any, group: str, setting: str) -> str:
        pattern = self.settings[setting]
        return self._index(subject, group)[1] + pattern.format(slug=subject.slug) if pattern else ""

    def tag_url(self, tag: Any) -> str:
        """Return the address of the list of questions on ``tag``, or ''."""
        return self._address(tag, "tags", "TRANSCRIPTS_TAG_URL")

    def tag_feed(self, tag: Any) -> str:
        """Return the path of the Atom feed of questions on ``tag``, or ''."""
        return self._address(tag, "tags", "TRANSCRIPTS_TAG_FEED_ATOM")

    def spokesperson_url(self, spokesperson: Any) -> str:
        """Return the address of the list of answers of ``spokesperson``, or ''."""
        return self._address(spokesperson, "speakers", "TRANSCRIPTS_SPOKESPERSON_URL")


def add_template_globals(generator: Any) -> None:
    """Offer ``transcripts`` to templates."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["transcripts"] = Questions(generator.settings)
