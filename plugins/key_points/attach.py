"""Give each briefing and page its ``key_points`` list, and report problems with them."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican.contents import Article, Page

from briefing_metadata.plain_text import value_problems
from briefing_metadata.problems import Problem, display_path, report

from .parse import BODY_KEY, LIST_ITEM, PROBLEMS_KEY, header_points, opening_line

logger = logging.getLogger(__name__)


def _as_list(value: str | list[str] | None) -> list[str]:
    """Return a metadata value Pelican may have turned from a one-item list into a string."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def attach_key_points(content: Any) -> None:
    """Set ``content.key_points`` from its ``Key_points`` field or its body block."""
    if not isinstance(content, (Article, Page)):
        return
    metadata = content.metadata
    from_header = header_points(metadata.get("key_points"))
    from_body = _as_list(metadata.pop(BODY_KEY, None))
    for problem in _as_list(metadata.pop(PROBLEMS_KEY, None)):
        logger.warning("key_points: %s: %s", content.source_path, problem)
    if from_header and from_body:
        logger.warning(
            "key_points: %s: key points are both in the Key_points field and in a ':::' "
            "block; showing the field's, remove one of them",
            content.source_path,
        )
    for leftover in (BODY_KEY, PROBLEMS_KEY):
        content.__dict__.pop(leftover, None)
    if from_body and not from_header:
        _check_block_points(content, from_body)
    content.key_points = from_header or from_body
    metadata["key_points"] = content.key_points


def _check_block_points(content: Any, points: list[str]) -> None:
    """Report markup in the points of a body block, each at its own line.

    The header's Key_points field is checked with the other fields; a block's points are
    only known once Markdown has read the body, so they are checked here.
    """
    mistakes = [(point, value_problems("key_points", point)) for point in points]
    mistakes = [(point, found) for point, found in mistakes if found]
    if not mistakes:
        return
    settings = content.settings
    lines = Path(content.source_path).read_text(encoding="utf-8").splitlines()
    opening = opening_line(settings["KEY_POINTS_MARKER"])
    start = next((n for n, line in enumerate(lines) if opening.match(line)), 0)
    shown = display_path(content.source_path, settings)
    problems = []
    for point, found in mistakes:
        # Points come in the order they are written: search on from the last one found.
        start = _line_of_point(lines, start, point)
        problems.extend(Problem(shown, start, "key points", msg, fix) for _, msg, fix in found)
    report(problems, settings)


def _line_of_point(lines: list[str], start: int, point: str) -> int:
    """Return the line, from 1, of the part of ``point`` with markup, after line ``start``."""
    for number, line in enumerate(lines[start:], start + 1):
        item = LIST_ITEM.match(line)
        text = item.group("text") if item else line.strip()
        # A point wrapped over lines was joined: the markup is on one part of it.
        if text and text in point and value_problems("key_points", text):
            return number
    return start + 1
