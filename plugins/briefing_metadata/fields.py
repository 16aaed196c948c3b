"""Turn a briefing's editor-facing fields into what Pelican and the theme use."""

from __future__ import annotations

import math
import re
from typing import Any

from markupsafe import Markup
from pelican.contents import Article
from pelican.urlwrappers import Author

WORD = re.compile(r"\w+")


def spokesperson_names(value: str | list[str] | tuple[str, ...]) -> list[str]:
    """Return the names in a ``Spokesperson`` field: comma-separated or one per line."""
    lines = value.splitlines() if isinstance(value, str) else list(value)
    names = (name.strip() for line in lines for name in line.split(","))
    return [name for name in names if name]


def attach_spokespeople(generator: Any, metadata: dict[str, Any]) -> None:
    """Make a briefing's spokespeople its Pelican authors."""
    if "spokesperson" not in metadata:
        return
    names = spokesperson_names(metadata["spokesperson"])
    if not names:
        # Pelican fails on an empty author list: leave the briefing without one.
        return
    metadata["authors"] = [Author(name, generator.settings) for name in names]
    metadata["author"] = metadata["authors"][0]


def reading_minutes(html: str, words_per_minute: int) -> int:
    """Return the whole minutes a reader needs for an HTML fragment, at least one."""
    words = len(WORD.findall(Markup(html).striptags()))
    return max(1, math.ceil(words / words_per_minute))


def add_reading_time(content: Any) -> None:
    """Give each briefing its reading time in minutes."""
    if isinstance(content, Article):
        speed = content.settings["BRIEFING_METADATA_WORDS_PER_MINUTE"]
        content.reading_minutes = reading_minutes(content._content or "", speed)
