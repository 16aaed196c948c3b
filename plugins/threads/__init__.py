"""Threads: stories, each tag's line over time, tag × spokesperson and tag × year pages, feeds."""

from pelican import signals

from contract import start_build

from .generator import add_threads_generator
from .settings import apply_defaults

__all__ = ["register"]


def register() -> None:
    """Connect the threads generator to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    # A generator of its own, after Pelican's: its context step links stories and counts the
    # facets before any page is written (briefing, tag and spokesperson pages show them).
    signals.get_generators.connect(add_threads_generator)
