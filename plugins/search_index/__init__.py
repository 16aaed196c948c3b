"""Search index: full-text search of published briefings, built with the site by Pagefind."""

from pelican import signals

from contract import start_build

from .index import index_site, plan_shards, start_after_briefings
from .settings import apply_defaults

__all__ = ["register"]


def register() -> None:
    """Connect indexing to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    # Before any page is written: each shard's briefings, and the shards for the search page.
    signals.article_generator_finalized.connect(plan_shards)
    # Started once the briefing pages are written, finished once every page is, so
    # `pelican`, `python3 dev.py build` and the live preview all end with a complete index.
    signals.content_written.connect(start_after_briefings)
    signals.finalized.connect(index_site)
