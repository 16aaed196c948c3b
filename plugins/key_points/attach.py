"""Give each briefing and page its ``key_points`` list, and report problems with them."""

from __future__ import annotations

import logging
from typing import Any

from pelican.contents import Article, Page

from .parse import BODY_KEY, PROBLEMS_KEY, header_points

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
    content.key_points = from_header or from_body
    metadata["key_points"] = content.key_points
