"""Corrections: the change notices on a briefing, the ledgers of corrections and withdrawals."""

from pelican import signals

from contract import start_build

from .generator import add_ledger_generator
from .notices import add_change_notices
from .settings import apply_defaults

__all__ = ["register"]


def register() -> None:
    """Connect the notices and the ledgers to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    signals.content_object_init.connect(add_change_notices)
    # A generator of its own, after Pelican's: its context then holds every briefing.
    signals.get_generators.connect(add_ledger_generator)
