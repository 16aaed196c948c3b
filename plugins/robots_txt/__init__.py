"""Robots.txt: tell crawlers where the sitemap is."""

from pelican import signals

from contract import start_build

from .settings import apply_defaults
from .write import write_robots_txt

__all__ = ["register"]


def register() -> None:
    """Connect writing robots.txt to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    # At the end, with the sitemap: Pelican has cleaned the output folder by then.
    signals.finalized.connect(write_robots_txt)
