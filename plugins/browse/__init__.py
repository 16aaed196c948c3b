"""Browse: what the front page offers for browsing (topics, spokespeople, years) and trails."""

from pelican import signals

from contract import start_build

from .index import offer_front_page
from .settings import apply_defaults

__all__ = ["register"]


def register() -> None:
    """Connect the browsing indexes to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    # Once Pelican has grouped briefings by tag and spokesperson, and after the content
    # cache was saved: counts, dates and trails are worked out afresh on every build.
    signals.article_generator_finalized.connect(offer_front_page)
