"""Read key points from a briefing's ``Key_points`` metadata or a ``::: key-points`` body block."""

from __future__ import annotations

import logging
import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

logger = logging.getLogger(__name__)

# Where the body block's points wait for Pelican to read the metadata.
BODY_KEY = "key_points_from_body"
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?P<text>.*\S)\s*$")


def split_points(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    """Return the key points of a metadata value, one per non-empty line."""
    if value is None:
        return []
    lines = value.splitlines() if isinstance(value, str) else list(value)
    points = []
    for line in lines:
        item = LIST_ITEM.match(line)
        text = (item.group("text") if item else line).strip()
        if text:
            points.append(text)
    return points


class KeyPointsBlock(Preprocessor):
    """Remove a ``::: key-points`` … ``:::`` block from the body and keep its points."""

    def __init__(self, md: Markdown, marker: str) -> None:
        super().__init__(md)
        self.opening = re.compile(rf"^:::\s*{re.escape(marker)}\s*$")

    def run(self, lines: list[str]) -> list[str]:
        """Return the body lines without key-points blocks."""
        kept: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None and self.opening.match(line):
                block = []
            elif block is not None and line.strip() == ":::":
                self._store(block)
                block = None
            elif block is not None:
                block.append(line)
            else:
                kept.append(line)
        if block is not None:
            # An unclosed block keeps its text in the body rather than lose it.
            logger.warning(
                "key_points: a ':::' block is never closed; "
                "add a line with only ':::' after the last point"
            )
            kept.extend(block)
        return kept

    def _store(self, block: list[str]) -> None:
        meta = getattr(self.md, "Meta", None)
        if meta is None:
            meta = self.md.Meta = {}
        meta.setdefault(BODY_KEY, []).extend(split_points(block))


class KeyPointsExtension(Extension):
    """Python-Markdown extension that lifts key-points blocks out of the body."""

    def __init__(self, marker: str = "key-points", **kwargs: Any) -> None:
        self.marker = marker
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        """Register the key-points preprocessor."""
        # Below fenced_code (25) so a block shown inside a code sample stays as code,
        # and below meta (27) so md.Meta already exists.
        md.preprocessors.register(KeyPointsBlock(md, self.marker), "key_points", 20)


def collect_key_points(generator: Any, metadata: dict[str, Any]) -> None:
    """Set ``metadata['key_points']`` to the briefing's list of points (maybe empty)."""
    from_header = split_points(metadata.get("key_points"))
    from_body = split_points(metadata.pop(BODY_KEY, None))
    if from_header and from_body:
        logger.warning(
            "key_points: %s has key points both in its Key_points field and in a "
            "':::' block; showing the Key_points field, remove one of them",
            metadata.get("title", "a briefing"),
        )
    metadata["key_points"] = from_header or from_body
