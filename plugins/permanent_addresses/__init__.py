"""Permanent addresses: no published address is lost; a moved briefing leaves a redirect."""

from pelican import signals

from contract import start_build

from .generator import add_address_generator
from .settings import apply_defaults

__all__ = ["register"]


def register() -> None:
    """Connect the address check and the redirects to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    # A generator of its own, after Pelican's: its context then holds every briefing and
    # page, published or hidden, which is what the record is checked against.
    signals.get_generators.connect(add_address_generator)
