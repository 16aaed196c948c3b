"""The data file of a briefing's approved comments: content/comments/<slug>.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

# Bumped if the file's shape ever changes, so an old file is recognised.
FORMAT = 1


@dataclass(frozen=True)
class StoredComment:
    """One approved comment as the archive keeps it: never the e-mail address."""

    id: int
    name: str
    created: datetime
    text: str


class CommentFileError(ValueError):
    """A comments data file is not what `comments.sync` writes."""


def thread_slug(uri: str) -> str:
    """Return the briefing slug of a comment thread: the last part of its page address."""
    return uri.rstrip("/").rsplit("/", 1)[-1]


def dumps(uri: str, comments: list[StoredComment]) -> str:
    """Return the data file's text for the comments of the briefing at ``uri``."""
    data = {
        "format": FORMAT,
        "briefing": uri,
        "comments": [
            {
                "id": comment.id,
                "name": comment.name,
                "created": comment.created.isoformat(),
                "text": comment.text,
            }
            for comment in sorted(comments, key=lambda comment: (comment.created, comment.id))
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def read_comments(path: Path) -> list[StoredComment]:
    """Return the comments in a data file, oldest first; raise CommentFileError if malformed."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise CommentFileError(f"format is {data.get('format')!r}, not {FORMAT}")
        comments = [
            StoredComment(
                id=int(item["id"]),
                name=str(item["name"]),
                created=datetime.fromisoformat(item["created"]),
                text=str(item["text"]),
            )
            for item in data["comments"]
        ]
    except CommentFileError:
        raise
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise CommentFileError(f"{type(error).__name__}: {error}") from None
    return sorted(comments, key=lambda comment: (comment.created, comment.id))
