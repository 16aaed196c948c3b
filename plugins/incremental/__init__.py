"""Incremental builds: a content cache that cannot go stale, and unchanged briefing pages reused."""

from pelican import signals

from .cache import (
    forget_uncacheable,
    keep_pages_out_of_cache,
    key_content_cache,
    record_problems,
)
from .settings import apply_defaults
from .writer import save_manifest, use_incremental_writer

__all__ = ["register"]


def register() -> None:
    """Connect the cache and the writer to Pelican's signals."""
    signals.initialized.connect(apply_defaults)
    signals.initialized.connect(record_problems)
    # After every plugin has applied its defaults, before the generators open the cache.
    signals.get_generators.connect(key_content_cache)
    # Before Pelican saves the cache: scheduled briefings and files with problems are read
    # again on every build.
    signals.article_generator_pretaxonomy.connect(forget_uncacheable)
    signals.page_generator_init.connect(keep_pages_out_of_cache)
    signals.get_writer.connect(use_incremental_writer)
    signals.finalized.connect(save_manifest)
