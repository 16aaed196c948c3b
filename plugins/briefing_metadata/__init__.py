"""Briefing metadata: spokespeople as Pelican authors, and derived facts such as reading time."""

from pelican import signals

from .fields import add_reading_time, attach_spokespeople
from .settings import apply_defaults

__all__ = ["register"]


def register() -> None:
    """Connect the metadata steps to Pelican's signals."""
    signals.initialized.connect(apply_defaults)
    # Before the article exists, so Pelican builds its author pages and feeds from it.
    signals.article_generator_context.connect(attach_spokespeople)
    signals.content_object_init.connect(add_reading_time)
