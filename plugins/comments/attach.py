"""Attach each briefing's approved comments, and whether readers may add one, at build time."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from markupsafe import Markup

from .policy import allow_comment_server
from .render import comment_html
from .store import CommentFileError, StoredComment, read_comments

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Comment:
    """An approved comment as a briefing page shows it."""

    id: int
    name: str
    created: datetime
    date_label: str
    html: Markup

    @property
    def anchor(self) -> str:
        """Return the comment's permalink fragment, without the ``#``."""
        return f"comment-{self.id}"


@dataclass
class CommentThread:
    """A briefing's comments, oldest first, and where its form posts (None when closed)."""

    uri: str
    comments: list[Comment] = field(default_factory=list)
    post_url: str | None = None

    @property
    def open(self) -> bool:
        """Return True when readers may add a comment."""
        return self.post_url is not None


def shown_comment(stored: StoredComment, settings: dict[str, Any]) -> Comment:
    """Return a stored comment with its date in the site's time zone and its text as HTML."""
    created = stored.created.astimezone(ZoneInfo(settings["TIMEZONE"]))
    label = f"{created.strftime(settings['DEFAULT_DATE_FORMAT'])}, {created:%H:%M}"
    return Comment(stored.id, stored.name, created, label, comment_html(stored.text))


def _read(path: Path, settings: dict[str, Any]) -> list[Comment]:
    try:
        return [shown_comment(stored, settings) for stored in read_comments(path)]
    except CommentFileError as error:
        logger.error(
            "comments: %s: is not a comments file (%s); run `python3 dev.py comments.sync` to "
            "write it again from the comment server",
            path,
            error,
        )
        return []


def attach_comments(generator: Any) -> None:
    """Give each published briefing its ``comment_thread`` and, if open, its page's CSP."""
    settings = generator.settings
    if not settings["COMMENTS_ENABLED"]:
        return
    folder = Path(settings["PATH"]) / settings["COMMENTS_PATH"]
    files = {path.stem: path for path in folder.glob("*.json")} if folder.is_dir() else {}
    # Hidden briefings show their comments but take none: the server accepts comments for
    # published, listed briefings only (threads.py lists them).
    published = set(map(id, generator.articles))
    briefings = [*generator.articles, *getattr(generator, "hidden_articles", [])]
    server = settings["COMMENTS_SERVER_URL"].rstrip("/")
    for briefing in briefings:
        uri = f"/{briefing.url}"
        path = files.get(briefing.slug)
        thread = CommentThread(uri, _read(path, settings) if path else [])
        listed = id(briefing) in published
        if listed and str(briefing.metadata.get("comments", "open")).strip().lower() != "closed":
            thread.post_url = f"{server}/new?uri={quote(uri)}"
            # Only pages with a form may talk to the comment server.
            briefing.content_security_policy = allow_comment_server(
                settings["CONTENT_SECURITY_POLICY"], server
            )
        briefing.comment_thread = thread
    known = {b.slug for b in [*briefings, *getattr(generator, "drafts", [])]}
    for slug in sorted(set(files) - known):
        logger.warning(
            "comments: %s: no briefing has the slug %r; its comments are not shown "
            "(`python3 dev.py comments.sync` removes files of briefings without comments)",
            files[slug],
            slug,
        )
