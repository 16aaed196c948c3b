"""Related briefings: links from each briefing to its neighbours in time and by shared tags."""

from pelican import signals

from contract import start_build

from .links import link_briefings
from .settings import apply_defaults

__all__ = ["register"]


def register() -> None:
    """Connect the linking step to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    # After Pelican has grouped briefings by tag, and after the content cache was
    # saved, so links are worked out afresh on every build and never go stale.
    signals.article_generator_finalized.connect(link_briefings)
