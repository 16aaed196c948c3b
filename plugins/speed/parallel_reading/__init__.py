"""Parallel reading: Markdown, HTML cleaning and typography of new briefings on every core."""

from pelican import signals

from contract import start_build

from .reading import read_ahead
from .settings import apply_defaults

__all__ = ["register"]


def register() -> None:
    """Read the briefings the content cache lacks in worker processes, before Pelican's loop."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    # Sent once the generator has its readers and has loaded the content cache, just before
    # Pelican reads the files one by one: what is read ahead waits in the cache for it.
    signals.article_generator_init.connect(read_ahead)
