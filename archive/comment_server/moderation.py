"""Editors' moderation: list pending comments, approve or reject them, sync approved ones."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from comments.store import StoredComment, dumps, thread_slug

from .config import isso_config

# Isso's comment modes.
APPROVED, PENDING = 1, 2
# A time as moderation shows it: in the site's time zone, as the pages do, with its name.
TIME_FORMAT = "%Y-%m-%d %H:%M %Z"


@dataclass(frozen=True)
class PendingComment:
    """A comment waiting for an editor, as `comments.pending` lists it."""

    id: int
    briefing: str
    name: str
    created: datetime
    text: str

    def first_words(self, count: int = 12) -> str:
        """Return the comment's first words, with … if there are more."""
        words = self.text.split()
        return " ".join(words[:count]) + (" …" if len(words) > count else "")


class ModerationError(ValueError):
    """An editor named a comment that cannot be approved or rejected."""


def open_db(settings: dict[str, Any]) -> Any:
    """Return Isso's database layer on the comment database."""
    from isso.db import SQLite3

    conf = isso_config(settings)
    return SQLite3(conf.get("general", "dbpath"), conf)


def _comments(db: Any, mode: int) -> list[dict[str, Any]]:
    return list(db.comments.fetchall(mode=mode, order_by="created", limit=None))


def _when(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, tz=UTC).replace(microsecond=0)


def site_time(timestamp: float, settings: dict[str, Any]) -> datetime:
    """Return Isso's ``timestamp`` in the site's time zone (TIMEZONE), as the pages show it."""
    return datetime.fromtimestamp(timestamp, tz=ZoneInfo(settings["TIMEZONE"])).replace(
        microsecond=0
    )


def pending_comments(settings: dict[str, Any]) -> list[PendingComment]:
    """Return the comments waiting for moderation, oldest first."""
    return [
        PendingComment(
            row["id"],
            thread_slug(row["uri"]),
            html.unescape(row["author"] or "Anonymous"),
            site_time(row["created"], settings),
            row["text"],
        )
        for row in _comments(open_db(settings), PENDING)
    ]


def approve(settings: dict[str, Any], ids: list[int], *, every: bool = False) -> list[int]:
    """Approve the pending comments ``ids`` (or every pending one); return the ids approved."""
    db = open_db(settings)
    if every:
        ids = [row["id"] for row in _comments(db, PENDING)]
    _check_ids(db, ids, {PENDING}, "pending")
    for comment_id in ids:
        db.comments.activate(comment_id)
    return ids


def reject(settings: dict[str, Any], ids: list[int]) -> list[int]:
    """Delete the comments ``ids``, pending or approved; return the ids deleted."""
    db = open_db(settings)
    _check_ids(db, ids, {PENDING, APPROVED}, "pending or approved")
    for comment_id in ids:
        db.comments.delete(comment_id)
    return ids


def _check_ids(db: Any, ids: list[int], modes: set[int], described: str) -> None:
    """Refuse the whole request, changing nothing, if one id is not a comment in ``modes``."""
    unknown = [i for i in ids if (db.comments.get(i) or {}).get("mode") not in modes]
    if unknown:
        listed = ", ".join(str(i) for i in unknown)
        raise ModerationError(
            f"no {described} comment with id {listed}; `python3 dev.py comments.pending` lists them"
        )


@dataclass(frozen=True)
class SyncReport:
    """What `comments.sync` changed in the content folder."""

    written: list[Path]
    removed: list[Path]
    comments: int


def sync(settings: dict[str, Any]) -> SyncReport:
    """Write each briefing's approved comments to content/comments/<slug>.json; remove the rest."""
    threads: dict[str, tuple[str, list[StoredComment]]] = {}
    rows = _comments(open_db(settings), APPROVED)
    for row in rows:
        slug = thread_slug(row["uri"])
        # Isso stores names HTML-escaped; the data file keeps them as typed, the theme escapes.
        comment = StoredComment(
            row["id"],
            html.unescape(row["author"] or "Anonymous"),
            _when(row["created"]),
            row["text"],
        )
        threads.setdefault(slug, (row["uri"], []))[1].append(comment)
    folder = Path(settings["PATH"]) / settings["COMMENTS_PATH"]
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for slug, (uri, comments) in sorted(threads.items()):
        path = folder / f"{slug}.json"
        text = dumps(uri, comments)
        # Unchanged files keep their date, so a sync without news changes nothing.
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    removed = [path for path in sorted(folder.glob("*.json")) if path.stem not in threads]
    for path in removed:
        path.unlink()
    return SyncReport(written, removed, len(rows))
