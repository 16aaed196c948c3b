"""Read key points from a briefing's ``Key_points`` field or a ``::: key-points`` body block."""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

# Metadata keys through which the Markdown extension hands its findings to the plugin:
# Pelican copies every key of Markdown's metadata into the briefing's metadata.
BODY_KEY = "key_points_from_body"
PROBLEMS_KEY = "key_points_problems"
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?P<text>.*\S)\s*$")
CLOSING = re.compile(r"^ {0,3}:::\s*$")


def opening_line(marker: str) -> re.Pattern[str]:
    """Return the pattern of the line that opens a key-points block, ``::: key-points``."""
    return re.compile(rf"^ {{0,3}}:::\s*{re.escape(marker)}\s*$")


def header_points(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    """Return the points of a ``Key_points`` field: each non-empty line, exactly as written."""
    if value is None:
        return []
    lines = value.splitlines() if isinstance(value, str) else list(value)
    return [line.strip() for line in lines if line.strip()]


def block_points(lines: list[str]) -> list[str]:
    """Return the points of a body block: Markdown list items, wrapped lines joined."""
    points: list[str] = []
    continues = False
    for line in lines:
        item = LIST_ITEM.match(line)
        if not line.strip():
            continues = False
        elif item:
            points.append(item.group("text"))
            continues = True
        elif continues and line[:1].isspace():
            points[-1] = f"{points[-1]} {line.strip()}"
        else:
            points.append(line.strip())
            continues = True
    return points


class KeyPointsBlock(Preprocessor):
    """Remove a ``::: key-points`` … ``:::`` block from the body and keep its points."""

    def __init__(self, md: Markdown, marker: str) -> None:
        super().__init__(md)
        self.marker = marker
        self.opening = opening_line(marker)

    def run(self, lines: list[str]) -> list[str]:
        """Return the body lines without key-points blocks."""
        kept: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None and self.opening.match(line):
                block = []
            elif block is not None and CLOSING.match(line):
                self._store(block)
                block = None
            elif block is not None:
                block.append(line)
            else:
                kept.append(line)
        if block is not None:
            # An unclosed block keeps its text in the body rather than lose it.
            self._problem(
                f"the '::: {self.marker}' block is never closed; "
                "add a line with only ':::' after the last point"
            )
            kept.extend(block)
        return kept

    def _meta(self) -> dict[str, list[str]]:
        if getattr(self.md, "Meta", None) is None:
            self.md.Meta = {}
        return self.md.Meta

    def _store(self, block: list[str]) -> None:
        points = block_points(block)
        if points:
            self._meta().setdefault(BODY_KEY, []).extend(points)
        else:
            self._problem(
                f"the '::: {self.marker}' block has no points; "
                "write one '- point' per line, or remove the block"
            )

    def _problem(self, message: str) -> None:
        self._meta().setdefault(PROBLEMS_KEY, []).append(message)


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
