"""Safe HTML: raw HTML in briefing bodies is cut down to an allow-list, and the cuts reported."""

from pelican import signals

from contract import start_build

from .clean import clean_content
from .settings import apply_defaults

__all__ = ["register"]


def register() -> None:
    """Connect cleaning to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    # On each new content object, before the typography plugin adds its own markup.
    signals.content_object_init.connect(clean_content)
