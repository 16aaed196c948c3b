"""Entries of a listing that stand for part of a briefing (a correction, a question)."""

from __future__ import annotations

from typing import Any


class PartOfBriefing:
    """What the incremental writer keys an entry by: its briefing's file and slug."""

    briefing: Any

    @property
    def source_path(self) -> str:
        """Return the briefing's file: all the entry is made from."""
        return self.briefing.source_path

    @property
    def slug(self) -> str:
        """Return the briefing's slug (the writer keys comments by it)."""
        return self.briefing.slug
