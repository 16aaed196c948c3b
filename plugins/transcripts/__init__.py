"""Transcripts: a briefing's questions and answers, each with its own address, as pages and data."""

from pelican import signals

from contract import start_build

from .attach import add_template_globals, count_transcript, describe_questions
from .pages import add_question_pages
from .reader import use_transcript_reader
from .settings import apply_defaults

__all__ = ["register"]


def register() -> None:
    """Connect the transcript steps to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    # Replaces briefing_metadata's reader with one that also reads the transcript block.
    signals.readers_init.connect(use_transcript_reader)
    signals.content_object_init.connect(count_transcript)
    # Before the content cache keeps the briefing, with its JSON-LD made.
    signals.article_generator_pretaxonomy.connect(describe_questions)
    signals.generator_init.connect(add_template_globals)
    signals.get_generators.connect(add_question_pages)
