"""Editors' moderation: list pending comments, approve or reject them, sync approved ones."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from comments.store import StoredComment, dumps, thread_slug

from .config import db_path
from .database import APPROVED, PENDING, connect, rows, transaction

# A time as moderation shows it: in the site's time zone, as the pages do, with its name.
TIME_FORMAT = "%Y-%m-%d %H:%M %Z"


@dataclass(frozen=True)
class PendingComment:
    """A comment waiting for an editor, as `comments.pending` lists it: all of it."""

    id: int
    uri: str
    title: str
    name: str
    email: str | None
    created: datetime
    text: str

    @property
    def briefing(self) -> str:
        """Return the slug of the comment's briefing."""
        return thread_slug(self.uri)


class ModerationError(ValueError):
    """An editor named a comment that cannot be approved or rejected."""


def open_db(settings: dict[str, Any]) -> sqlite3.Connection:
    """Return a connection to the comment database."""
    return connect(db_path(settings))


def _when(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, tz=UTC).replace(microsecond=0)


def site_time(timestamp: float, settings: dict[str, Any]) -> datetime:
    """Return the ``timestamp`` in the site's time zone (TIMEZONE), as the pages show it."""
    return datetime.fromtimestamp(timestamp, tz=ZoneInfo(settings["TIMEZONE"])).replace(
        microsecond=0
    )


def pending_comments(settings: dict[str, Any]) -> list[PendingComment]:
    """Return the comments waiting for moderation, oldest first."""
    db = open_db(settings)
    try:
        return [
            PendingComment(
                row["id"],
                row["uri"],
                row["title"],
                row["author"],
                row["email"],
                site_time(row["created"], settings),
                row["text"],
            )
            for row in rows(db, PENDING)
        ]
    finally:
        db.close()


def _set(settings: dict[str, Any], ids: list[int], modes: set[int], described: str, sql: str):
    db = open_db(settings)
    try:
        with transaction(db):
            marks = ",".join("?" * len(ids))
            found = {
                row["id"]: row["mode"]
                for row in db.execute(f"SELECT id, mode FROM comments WHERE id IN ({marks})", ids)
            }
            unknown = [i for i in ids if found.get(i) not in modes]
            if unknown:
                # Refuse the whole request, changing nothing.
                listed = ", ".join(str(i) for i in unknown)
                raise ModerationError(
                    f"no {described} comment with id {listed}; "
                    "`python3 dev.py comments.pending` lists them"
                )
            db.executemany(sql, [(i,) for i in ids])
    finally:
        db.close()
    return ids


def approve(settings: dict[str, Any], ids: list[int], *, every: bool = False) -> list[int]:
    """Approve the pending comments ``ids`` (or every pending one); return the ids approved."""
    if every:
        ids = [comment.id for comment in pending_comments(settings)]
    sql = f"UPDATE comments SET mode = {APPROVED} WHERE id = ?"
    return _set(settings, ids, {PENDING}, "pending", sql)


def reject(settings: dict[str, Any], ids: list[int]) -> list[int]:
    """Delete the comments ``ids``, pending or approved; return the ids deleted."""
    sql = "DELETE FROM comments WHERE id = ?"
    return _set(settings, ids, {PENDING, APPROVED}, "pending or approved", sql)


@dataclass(frozen=True)
class SyncReport:
    """What `comments.sync` changed in the content folder."""

    written: list[Path]
    removed: list[Path]
    comments: int


def sync(settings: dict[str, Any]) -> SyncReport:
    """Write each briefing's approved comments to content/comments/<slug>.json; remove the rest."""
    threads: dict[str, tuple[str, list[StoredComment]]] = {}
    db = open_db(settings)
    try:
        approved = rows(db, APPROVED)
    finally:
        db.close()
    for row in approved:
        if not thread_slug(row["uri"]):
            continue  # no briefing's address (Isso accepted any): never published
        comment = StoredComment(row["id"], row["author"], _when(row["created"]), row["text"])
        threads.setdefault(thread_slug(row["uri"]), (row["uri"], []))[1].append(comment)
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
    return SyncReport(written, removed, len(approved))
