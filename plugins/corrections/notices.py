"""The notices a corrected or updated briefing shows under its headline."""

from __future__ import annotations

from typing import Any

from pelican.contents import Article


def change_notices(changes: list[Any]) -> list[Any]:
    """Return the changes to announce: the latest correction, and any later update."""
    # A correction stays announced even when an update follows it: readers who cited the
    # briefing need to see that something they may have quoted was wrong.
    corrections = [change for change in changes if change.is_correction]
    notices = corrections[-1:]
    if changes and (not notices or changes[-1].date > notices[0].date):
        notices.append(changes[-1])
    return notices


def add_change_notices(content: Any) -> None:
    """Give each briefing the notices its page shows near the headline."""
    if isinstance(content, Article):
        content.change_notices = change_notices(getattr(content, "changes", []))
