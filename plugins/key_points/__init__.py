"""Key points: lift a briefing's key points out of its metadata or body into one box."""

from pelican import signals

from .parse import KeyPointsExtension, collect_key_points
from .settings import apply_defaults
from .templates import add_template_fallback

__all__ = ["KeyPointsExtension", "collect_key_points", "register"]


def register() -> None:
    """Connect the key-points steps to Pelican's signals."""
    signals.initialized.connect(apply_defaults)
    # Metadata is final here and the article is not built yet, so the cached
    # article already carries its key points on the next build.
    signals.article_generator_context.connect(collect_key_points)
    signals.page_generator_context.connect(collect_key_points)
    signals.generator_init.connect(add_template_fallback)
