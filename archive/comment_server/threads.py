"""The briefings readers may comment on: the list the build writes, read again when it changes."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

logger = logging.getLogger(__name__)

# Bumped if the file's shape ever changes (plugins/comments/threads.py writes it).
FORMAT = 1


class OpenThreads:
    """The addresses (and titles) of the published briefings open for comments."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._seen: tuple[int, int] | None = None
        self._titles: dict[str, str] = {}

    def title(self, uri: str) -> str | None:
        """Return the briefing's title if ``uri`` is open for comments, else None."""
        return self.titles().get(uri)

    def titles(self) -> dict[str, str]:
        """Return every open address with its title, reading the file again if it changed."""
        try:
            stat = self.path.stat()
        except OSError:
            return {}
        seen = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            if seen != self._seen:
                self._titles = self._read()
                self._seen = seen
            return self._titles

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data["format"] != FORMAT:
                raise ValueError(f"format {data['format']!r}, not {FORMAT}")
            return {str(item["url"]): str(item["title"]) for item in data["briefings"]}
        except (OSError, ValueError, KeyError, TypeError) as error:
            logger.error(
                "comments: %s is not the build's list of briefings (%s); no comment is accepted "
                "until `python3 dev.py build` writes it again",
                self.path,
                error,
            )
            return {}
