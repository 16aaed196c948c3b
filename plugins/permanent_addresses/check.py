"""Compare the addresses a build publishes with the record; find every one lost."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from briefing_metadata.problems import Problem, display_path

from .record import Record


def published_addresses(context: dict[str, Any]) -> dict[str, Any]:
    """Return every address this build publishes, published or hidden, with its content."""
    contents = [
        content
        for key in ("articles", "hidden_articles", "pages", "hidden_pages")
        for content in context.get(key, [])
    ]
    # The address a host serves it at, from the file it is written to (a page's Url may
    # say otherwise, as the 404 page's does).
    return {
        re.sub(r"(^|/)index\.html$", r"\1", content.save_as): content
        for content in contents
        if content.save_as
    }


def redirects(briefings: Iterable[Any]) -> dict[str, Any]:
    """Return each old address a briefing names in `Moved_from`, with the briefing."""
    moved: dict[str, Any] = {}
    for briefing in briefings:
        for address in getattr(briefing, "moved_from", []):
            moved.setdefault(address, briefing)
    return moved


def _moved_problem(briefing: Any, message: str, fix: str) -> Problem:
    line = getattr(briefing, "source_lines", {}).get("moved_from", 1)
    shown = display_path(briefing.source_path, briefing.settings)
    return Problem(shown, line, "Moved_from", message, fix)


def moved_problems(briefings: Iterable[Any], current: dict[str, Any]) -> list[Problem]:
    """Return the `Moved_from` addresses that are another page's, or named twice."""
    problems = []
    claimed: dict[str, Any] = {}
    for briefing in briefings:
        for address in getattr(briefing, "moved_from", []):
            owner = current.get(address)
            if owner is briefing:
                problems.append(
                    _moved_problem(
                        briefing,
                        f"{address} is this briefing's own address",
                        "give the address it had before, or remove the line",
                    )
                )
            elif owner is not None:
                where = display_path(owner.source_path, owner.settings)
                problems.append(
                    _moved_problem(
                        briefing,
                        f"{address} is the address of {where}",
                        "a redirect there would hide that page: remove the line",
                    )
                )
            elif address in claimed:
                other = display_path(claimed[address].source_path, claimed[address].settings)
                problems.append(
                    _moved_problem(
                        briefing,
                        f"{address} is also named as an old address by {other}",
                        "an old address can lead to one briefing only: remove one of the lines",
                    )
                )
            claimed.setdefault(address, briefing)
    return problems


def _likely_new_home(address: str, current: dict[str, Any]) -> Any:
    """Return the briefing that most likely took over ``address``: the one with its last part."""
    name = address.rstrip("/").rsplit("/", 1)[-1]
    return next(
        (content for url, content in current.items() if url.rstrip("/").endswith(f"/{name}")),
        None,
    )


def lost_addresses(
    record: Record, shown: str, current: dict[str, Any], moved: dict[str, Any]
) -> list[Problem]:
    """Return a problem for each recorded address with no page, redirect or deletion."""
    problems = []
    for address in record.published:
        if address in current or address in moved or address in record.deleted:
            continue
        home = _likely_new_home(address, current)
        if home is not None:
            where = display_path(home.source_path, home.settings)
            fix = f"if {where} moved from there, add the line `Moved_from: {address}` to its header"
        else:
            fix = (
                "if its briefing moved, add `Moved_from: "
                f"{address}` to that briefing's header; if it was withdrawn, restore it with "
                "`Status: withdrawn`; to delete it for good, list it under [deleted] in "
                f'{shown}: "{address}" = "the reason"'
            )
        problems.append(
            Problem(
                shown,
                record.lines.get(address, 1),
                "address",
                f"{address} was published, but no page, redirect or [deleted] entry has it now",
                fix,
            )
        )
    return problems
