"""Pull quotes: a quotation whose last line starts with a dash is shown with its attribution."""

from pelican import signals

from contract import start_build

from .attribute import attribute_pull_quotes
from .settings import apply_defaults

__all__ = ["register"]


def register() -> None:
    """Connect the pull-quote step to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    # After typography has typeset the cleaned body, so the content cache keeps the result.
    signals.content_object_init.connect(attribute_pull_quotes)
