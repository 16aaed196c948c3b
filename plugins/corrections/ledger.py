"""The entries of the corrections and withdrawals ledgers, made from the briefings' fields."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from contract.parts import PartOfBriefing


def local(moment: datetime, briefing: Any) -> datetime:
    """Return a change's date (naive, as the editor wrote it) in the briefing's time zone."""
    return moment.replace(tzinfo=briefing.date.tzinfo) if moment.tzinfo is None else moment


@dataclass(frozen=True)
class Correction(PartOfBriefing):
    """One correction of a published briefing, as the ledger and its feeds list it."""

    briefing: Any
    change: Any
    # The change's place in the briefing's list, oldest first: its anchor is change-<number>.
    number: int

    @property
    def date(self) -> datetime:
        """Return when the correction was made, in the site's time zone."""
        return local(self.change.date, self.briefing)

    @property
    def anchor(self) -> str:
        """Return the id of the correction in the briefing page's change list."""
        return f"change-{self.number}"


def corrections(briefings: Iterable[Any]) -> list[Correction]:
    """Return every correction of ``briefings``, newest first."""
    found = [
        Correction(briefing, change, number)
        for briefing in briefings
        for number, change in enumerate(getattr(briefing, "changes", []), start=1)
        if change.is_correction
    ]
    # Ties (two on one day) in a fixed order, so every build lists them alike.
    found.sort(key=lambda entry: (entry.date, entry.briefing.url, entry.number), reverse=True)
    return found


def withdrawn(briefings: Iterable[Any]) -> list[Any]:
    """Return the withdrawn briefings, most recently withdrawn first."""
    found = [briefing for briefing in briefings if getattr(briefing, "withdrawal", None)]
    found.sort(key=lambda b: (b.withdrawal.date, b.date.replace(tzinfo=None), b.url), reverse=True)
    return found
