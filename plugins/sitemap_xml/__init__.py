"""Sitemap: every public page of the archive, listed from the content rather than the writer."""

from pelican import signals

from contract import start_build

from .generator import SitemapGenerator
from .settings import apply_defaults

__all__ = ["register"]


def add_sitemap_generator(pelican: object) -> type[SitemapGenerator]:
    """Offer Pelican the generator that writes the sitemap after every other page."""
    return SitemapGenerator


def register() -> None:
    """Connect the sitemap to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    # A generator of its own, added after Pelican's: its context then holds every briefing,
    # tag, spokesperson and period, which is all the sitemap is made from. A rebuild that
    # reuses pages lists exactly what a clean build lists.
    signals.get_generators.connect(add_sitemap_generator)
