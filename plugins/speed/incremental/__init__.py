"""Incremental builds: a content cache that cannot go stale, and unchanged briefing pages reused."""

from pelican import signals

from contract import start_build

from .cache import key_content_cache, load_briefings, save_briefings
from .settings import apply_defaults
from .writer import save_manifest, use_incremental_writer

__all__ = ["register"]


def register() -> None:
    """Connect the cache and the writer to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    # After every plugin has applied its defaults, before the generators open the cache.
    signals.get_generators.connect(key_content_cache)
    # Before Pelican's reading loop, which takes what is kept, and before parallel_reading
    # (listed after this plugin) reads what is not.
    signals.article_generator_init.connect(load_briefings)
    # Where Pelican itself would save its cache: every briefing read and checked, none yet
    # linked to another (related briefings), so each shard pickles on its own.
    signals.article_generator_pretaxonomy.connect(save_briefings)
    signals.get_writer.connect(use_incremental_writer)
    signals.finalized.connect(save_manifest)
