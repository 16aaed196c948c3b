"""The comment database: SQLite in WAL mode, one transaction per comment, limits checked inside it.

Every worker process opens its own connection per request; ``BEGIN IMMEDIATE`` makes the
writers take turns, so the limits read in a transaction still hold when its comment is stored,
whatever the number of processes and threads.
"""

from __future__ import annotations

import hashlib
import html
import ipaddress
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .rules import Comment, Refusal

# A comment's state: waiting for an editor, or approved (Isso's numbers, kept).
APPROVED, PENDING = 1, 2
# How long a writer waits for another's transaction before the reader is asked to retry.
BUSY_TIMEOUT_MS = 5000
# The same text on the same briefing from the same reader within this time is refused.
DUPLICATE_SECONDS = 24 * 3600

SCHEMA = """
CREATE TABLE IF NOT EXISTS comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uri TEXT NOT NULL,
    title TEXT NOT NULL,
    created REAL NOT NULL,
    mode INTEGER NOT NULL,
    remote_addr TEXT NOT NULL,
    author TEXT NOT NULL,
    email TEXT,
    text TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    key TEXT UNIQUE
);
CREATE INDEX IF NOT EXISTS comments_by_reader ON comments (remote_addr, created);
CREATE INDEX IF NOT EXISTS comments_by_mode ON comments (mode, created);
"""


@dataclass(frozen=True)
class Limits:
    """The limits of one reader's address (an IPv4 /24, an IPv6 /48)."""

    per_minute: int
    per_briefing: int
    per_briefing_seconds: float


@dataclass(frozen=True)
class Stored:
    """What the server tells the reader about a stored comment: its id, nothing else."""

    id: int
    created: float


def reader_network(address: str) -> str:
    """Return the network a reader is counted by: their IPv4 /24 or IPv6 /48."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "unknown"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def fingerprint(text: str) -> str:
    """Return the hash a duplicate text is recognised by (spacing and case ignored)."""
    return hashlib.sha256(" ".join(text.casefold().split()).encode("utf-8")).hexdigest()


def connect(path: Path) -> sqlite3.Connection:
    """Open the database (created, or moved from Isso's layout, on first use)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    db.row_factory = sqlite3.Row
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode = WAL")
    # An acknowledged comment is on disk: WAL synced at each commit.
    db.execute("PRAGMA synchronous = FULL")
    if not _has_table(db, "comments") or _is_isso(db):
        with transaction(db):
            if _is_isso(db):
                _move_from_isso(db)
            _create(db)
    return db


def _create(db: sqlite3.Connection) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return db.execute(query, (name,)).fetchone() is not None


def _is_isso(db: sqlite3.Connection) -> bool:
    if not _has_table(db, "threads") or not _has_table(db, "comments"):
        return False
    return "tid" in {row[1] for row in db.execute("PRAGMA table_info(comments)")}


def _move_from_isso(db: sqlite3.Connection) -> None:
    """Copy an Isso database's comments into the archive's table, ids kept; drop Isso's."""
    db.execute("ALTER TABLE comments RENAME TO isso_comments")
    _create(db)
    rows = db.execute(
        "SELECT c.id, t.uri, COALESCE(t.title, t.uri), c.created, c.mode, c.remote_addr, "
        "COALESCE(c.author, 'Anonymous'), c.email, c.text FROM isso_comments c "
        "JOIN threads t ON t.id = c.tid WHERE c.mode IN (1, 2)"
    ).fetchall()
    for row in rows:
        db.execute(
            "INSERT INTO comments (id, uri, title, created, mode, remote_addr, author, email, "
            "text, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*row[:6], html.unescape(row[6]), row[7], row[8], fingerprint(row[8])),
        )
    for table in ("isso_comments", "threads", "preferences"):
        db.execute(f"DROP TABLE IF EXISTS {table}")


@contextmanager
def transaction(db: sqlite3.Connection, *, write: bool = True) -> Iterator[sqlite3.Connection]:
    """Run the block in one transaction (taking the write lock first if ``write``)."""
    db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def store_comment(
    db: sqlite3.Connection,
    uri: str,
    title: str,
    comment: Comment,
    address: str,
    limits: Limits,
    now: float | None = None,
) -> Stored | Refusal:
    """Store a pending comment if the reader's limits allow it; all in one transaction."""
    network = reader_network(address)
    mark = fingerprint(comment.text)
    with transaction(db):
        now = time.time() if now is None else now
        if comment.key is not None:
            again = db.execute(
                "SELECT id, created, uri, fingerprint FROM comments WHERE key = ?",
                (comment.key,),
            ).fetchone()
            if again is not None:
                if (again["uri"], again["fingerprint"]) == (uri, mark):
                    return Stored(again["id"], again["created"])  # a retry: already stored
                return Refusal(
                    "form", "Please reload the page, then send your comment.", 409, "reload"
                )
        recent = db.execute(
            "SELECT COUNT(*) FROM comments WHERE remote_addr = ? AND created > ?",
            (network, now - 60),
        ).fetchone()[0]
        if recent >= limits.per_minute:
            return Refusal(
                "form",
                f"You have sent {limits.per_minute} comment(s) in the last minute; "
                "please wait a minute, then send this one again.",
                429,
                "too_fast",
            )
        on_briefing = db.execute(
            "SELECT fingerprint FROM comments WHERE remote_addr = ? AND uri = ? AND created > ?",
            (network, uri, now - max(limits.per_briefing_seconds, DUPLICATE_SECONDS)),
        ).fetchall()
        if any(row["fingerprint"] == mark for row in on_briefing):
            return Refusal(
                "text",
                "You have already sent this comment on this briefing; it waits for moderation.",
                409,
                "duplicate",
            )
        within = db.execute(
            "SELECT COUNT(*) FROM comments WHERE remote_addr = ? AND uri = ? AND created > ?",
            (network, uri, now - limits.per_briefing_seconds),
        ).fetchone()[0]
        if within >= limits.per_briefing:
            hours = round(limits.per_briefing_seconds / 3600)
            return Refusal(
                "form",
                f"Your network has sent {limits.per_briefing} comments on this briefing in "
                f"{hours} hours; please try again later.",
                429,
                "too_many",
            )
        cursor = db.execute(
            "INSERT INTO comments (uri, title, created, mode, remote_addr, author, email, text, "
            "fingerprint, key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                uri,
                title,
                now,
                PENDING,
                network,
                comment.author,
                comment.email,
                comment.text,
                mark,
                comment.key,
            ),
        )
        return Stored(int(cursor.lastrowid or 0), now)


def rows(db: sqlite3.Connection, mode: int) -> list[dict[str, Any]]:
    """Return the comments in ``mode``, oldest first."""
    query = "SELECT * FROM comments WHERE mode = ? ORDER BY created, id"
    return [dict(row) for row in db.execute(query, (mode,))]
