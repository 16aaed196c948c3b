"""Reader comments: approved comments from content/comments/ under each briefing, and the form."""

from pelican import signals

from contract import start_build

from .attach import attach_comments
from .settings import apply_defaults
from .threads import write_threads

__all__ = ["register"]


def register() -> None:
    """Connect the comment steps to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    # After the content cache was saved, as related_briefings does: comments change
    # without their briefing changing, so they are read afresh on every build.
    signals.article_generator_finalized.connect(attach_comments)
    # After the briefings are written (Pelican has cleaned the output folder by then): the
    # addresses the comment server accepts comments for.
    signals.article_writer_finalized.connect(write_threads)
