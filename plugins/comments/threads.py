"""The list of briefings open for comments, for the comment server: output/comments/threads.json.

The server accepts a comment only for an address in this list: published (not a draft, hidden or
scheduled briefing), with its form open. It is made from the content, so every build writes the
same file for the same content.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# Read by archive/comment_server/threads.py, which checks this number.
FORMAT = 1


def open_threads(briefings: list[Any]) -> list[dict[str, str]]:
    """Return the address and title of each briefing whose form is open, by address."""
    listed = [
        {"url": briefing.comment_thread.uri, "title": briefing.title}
        for briefing in briefings
        if getattr(briefing, "comment_thread", None) and briefing.comment_thread.open
    ]
    return sorted(listed, key=lambda item: item["url"])


def write_threads(generator: Any, writer: Any = None) -> None:
    """Write the list of the published briefings open for comments."""
    settings = generator.settings
    if not settings["COMMENTS_ENABLED"] or not settings["COMMENTS_THREADS_SAVE_AS"]:
        return
    path = Path(settings["OUTPUT_PATH"]) / settings["COMMENTS_THREADS_SAVE_AS"]
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"format": FORMAT, "briefings": open_threads(generator.articles)}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
