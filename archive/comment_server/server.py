"""The comment server: a small WSGI app that checks a comment and stores it for moderation.

It answers the form's requests only (``POST /new?uri=…``, its CORS preflight, and ``GET /info``
as a health check), always in JSON, and gives nothing back but the new comment's id: no
cookie, no other reader's data.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import traceback
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs
from zoneinfo import ZoneInfo

from comments.store import thread_slug

from ..ports import port_busy
from .config import allowed_origin, db_path, threads_path
from .database import Limits, Stored, connect, store_comment
from .moderation import TIME_FORMAT, site_time
from .rules import Refusal, Rules, check_comment
from .threads import OpenThreads

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 32 * 1024
# JSON nested deeper than a comment's (an object of strings) is refused before it is parsed.
MAX_NESTING = 2
THANKS = "Thank you — your comment will appear after moderation."

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class SiteTimeFormatter(logging.Formatter):
    """Stamp the server's log lines in the site's time zone, named, as moderation shows times."""

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__("%(asctime)s %(levelname)s: %(message)s")
        self.zone = ZoneInfo(settings["TIMEZONE"])

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802 - logging's name
        """Return the record's time in the site's time zone, with the zone's name."""
        return f"{datetime.fromtimestamp(record.created, self.zone):%Y-%m-%d %H:%M:%S %Z}"


def too_deep(body: bytes) -> bool:
    """Return True if the JSON ``body`` nests arrays or objects deeper than a comment does."""
    depth = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in b"[{":
            depth += 1
            if depth > MAX_NESTING:
                return True
        elif byte in b"]}":
            depth -= 1
    return False


class CommentServer:
    """The WSGI app: refuses with a JSON reason, or stores the comment and answers its id."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.rules = Rules.from_settings(settings)
        self.limits = Limits(
            settings["COMMENTS_RATE_LIMIT"],
            settings["COMMENTS_BRIEFING_LIMIT"],
            settings["COMMENTS_BRIEFING_LIMIT_HOURS"] * 3600,
        )
        self.trusted_proxies = set(settings["COMMENTS_TRUSTED_PROXIES"])
        self.origin = allowed_origin(settings)
        self.database = db_path(settings)
        self.threads = OpenThreads(threads_path(settings))
        connect(self.database).close()  # created (or moved from Isso's layout) at start

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        """Answer one request; whatever happens, in JSON and never with a stack trace."""
        try:
            status, answer = self.answer(environ)
        except sqlite3.OperationalError as error:  # busy beyond the timeout, disk full
            logger.error("comments: the database refused a comment: %s", error)
            status, answer = (
                503,
                _refused(
                    Refusal(
                        "form",
                        "The comment server is busy; please send the comment again.",
                        code="busy",
                    )
                ),
            )
        except Exception:
            logger.error("comments: unexpected error\n%s", traceback.format_exc())
            status, answer = (
                503,
                _refused(
                    Refusal(
                        "form",
                        "The comment server could not store the comment; please retry.",
                        code="server_error",
                    )
                ),
            )
        body = json.dumps(answer, ensure_ascii=True).encode("ascii")
        headers = [
            ("Content-Type", "application/json"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
            ("Access-Control-Allow-Origin", self.origin(environ)),
            ("Vary", "Origin"),
        ]
        if status == 200 and environ.get("REQUEST_METHOD") == "OPTIONS":
            headers += [
                ("Access-Control-Allow-Methods", "POST"),
                ("Access-Control-Allow-Headers", "Content-Type"),
                ("Access-Control-Max-Age", "86400"),
            ]
        if status in {429, 503}:
            headers.append(("Retry-After", "60" if status == 429 else "5"))
        start_response(f"{status} {_REASONS.get(status, 'Refused')}", headers)
        return [body]

    def answer(self, environ: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Return the status and JSON answer of one request."""
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "")
        if (method, path) == ("GET", "/info"):
            return 200, {"comments": "open"}
        if path != "/new":
            return 404, _refused(Refusal("form", "Not found.", 404, "not_found"))
        if method == "OPTIONS":
            return 200, {}
        if method != "POST":
            return 405, _refused(Refusal("form", "Comments are sent with POST.", 405, "post_only"))
        outcome = self.receive(environ)
        if isinstance(outcome, Refusal):
            if outcome.status != 404:
                logger.info("comments: refused a comment (%s): %s", outcome.field, outcome.message)
            return outcome.status, _refused(outcome)
        uri, stored = outcome
        logger.info(
            "comments: comment %d on %s (sent %s) waits for moderation: "
            "python3 dev.py comments.approve %d or python3 dev.py comments.reject %d "
            "(python3 dev.py comments.pending lists every waiting comment)",
            stored.id,
            thread_slug(uri),
            f"{site_time(stored.created, self.settings):{TIME_FORMAT}}",
            stored.id,
            stored.id,
        )
        return 202, {"id": stored.id, "message": THANKS}

    def receive(self, environ: dict[str, Any]) -> tuple[str, Stored] | Refusal:
        """Check a POST /new and store its comment; return the address and id, or a refusal."""
        uris = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True).get("uri", [])
        if len(uris) != 1:
            return Refusal(
                "form", "Comments can only be left on a briefing's page.", 400, "no_page"
            )
        uri = uris[0]
        title = self.threads.title(uri)
        if title is None:
            return Refusal(
                "form",
                "This page does not take comments (it is not a published briefing).",
                404,
                "not_briefing",
            )
        if not environ.get("CONTENT_TYPE", "").startswith("application/json"):
            return Refusal(
                "form",
                "Comments are sent by the page's script: turn on JavaScript.",
                code="needs_script",
            )
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if not 0 < length <= MAX_BODY_BYTES:
            return Refusal("text", "The comment is too long to be read.", 413, "too_large")
        body = environ["wsgi.input"].read(length)
        try:
            data = None if too_deep(body) else json.loads(body)
        except (ValueError, RecursionError):
            data = None
        comment = check_comment(data, self.rules)
        if isinstance(comment, Refusal):
            return comment
        db = connect(self.database)
        try:
            stored = store_comment(
                db, uri, title, comment, self.reader_address(environ), self.limits
            )
        finally:
            db.close()
        return stored if isinstance(stored, Refusal) else (uri, stored)

    def reader_address(self, environ: dict[str, Any]) -> str:
        """Return the reader's IP address (a trusted proxy's X-Forwarded-For if given)."""
        remote = environ.get("REMOTE_ADDR", "")
        forwarded = environ.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded and remote in self.trusted_proxies:
            # The address the proxy saw (one proxy): the last one named.
            return forwarded.split(",")[-1].strip()
        return remote


_REASONS = {
    200: "OK",
    202: "Accepted",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    413: "Content Too Large",
    429: "Too Many Requests",
    503: "Service Unavailable",
}


def _refused(refusal: Refusal) -> dict[str, str]:
    return {"field": refusal.field, "message": refusal.message, "code": refusal.code}


def make_comment_app(settings: dict[str, Any]) -> WSGIApp:
    """Return the comment server's WSGI app, configured by the settings."""
    return CommentServer(settings)


def comment_server(settings: dict[str, Any], host: str, port: int) -> Any:
    """Return a threaded local HTTP server for the comment app (port 0: any free port).

    A connection that sends nothing for COMMENTS_READ_TIMEOUT seconds is closed.
    """
    from werkzeug.serving import WSGIRequestHandler, make_server

    class Handler(WSGIRequestHandler):
        timeout = settings["COMMENTS_READ_TIMEOUT"]

    app = make_comment_app(settings)
    try:
        return make_server(host, port, app, threaded=True, request_handler=Handler)
    except OSError as error:
        raise port_busy(
            host,
            port,
            error,
            "is the comment server already running? Or choose another port: "
            f"python3 dev.py comments.serve --port {port + 1}",
        ) from None


def serve(settings: dict[str, Any], host: str, port: int) -> None:
    """Run the comment server at http://host:port/ until interrupted."""
    console = logging.StreamHandler()
    console.setFormatter(SiteTimeFormatter(settings))
    logging.basicConfig(level=logging.INFO, handlers=[console], force=True)
    server = comment_server(settings, host, port)
    print(
        f"Comment server at http://{host}:{server.server_port}/ (Ctrl-C stops); "
        f"database {db_path(settings)}; briefings open for comments from {threads_path(settings)}",
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Stopped.")
    finally:
        server.server_close()
