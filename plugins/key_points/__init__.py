"""Key points: lift a briefing's key points out of its metadata or body into one box."""

from pelican import signals

from contract import start_build

from .attach import attach_key_points
from .parse import KeyPointsExtension
from .settings import apply_defaults
from .templates import add_template_fallback

__all__ = ["KeyPointsExtension", "attach_key_points", "register"]


def register() -> None:
    """Connect the key-points steps to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    # Inside the reader, from metadata only (never .content), so the content cache
    # keeps each briefing's key points and problems are reported with its path.
    signals.content_object_init.connect(attach_key_points)
    signals.generator_init.connect(add_template_fallback)
