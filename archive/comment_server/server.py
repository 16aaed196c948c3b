"""The comment server: Isso's WSGI app behind a thin middleware enforcing the archive's rules."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from comments.store import thread_slug

from ..ports import port_busy
from .config import allowed_origin, db_path, isso_config
from .moderation import TIME_FORMAT, site_time
from .rules import Refusal, Rules, check_comment

logger = logging.getLogger(__name__)

# The only requests the archive's form makes (and a health check); Isso's other endpoints
# (editing, votes, listing, its admin) could bypass the rules, so they are not served.
ENDPOINTS = {("POST", "/new"), ("GET", "/info")}
MAX_BODY_BYTES = 32 * 1024
FORWARDED = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_PREFIX")

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def not_isso_notification(record: logging.LogRecord) -> bool:
    """Keep a log record unless it is one of Isso's notices of a new comment.

    They end with Isso's "Activate comment" and "Delete comment" links, which lead to its
    moderation endpoints, not served here (404); the server logs the archive's commands instead.
    """
    return record.module != "notifications"


class SiteTimeFormatter(logging.Formatter):
    """Stamp the server's log lines in the site's time zone, named, as moderation shows times."""

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__("%(asctime)s %(levelname)s: %(message)s")
        self.zone = ZoneInfo(settings["TIMEZONE"])

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802 - logging's name
        """Return the record's time in the site's time zone, with the zone's name."""
        return f"{datetime.fromtimestamp(record.created, self.zone):%Y-%m-%d %H:%M:%S %Z}"


class CommentRules:
    """WSGI middleware in front of Isso: refuses, stores nothing and says why, or passes on."""

    def __init__(self, isso_app: WSGIApp, settings: dict[str, Any]) -> None:
        from isso import db, wsgi

        conf = isso_config(settings)
        self.app = isso_app
        self.settings = settings
        self.rules = Rules.from_settings(settings)
        self.rate_limit = settings["COMMENTS_RATE_LIMIT"]
        self.trusted_proxies = set(settings["COMMENTS_TRUSTED_PROXIES"])
        # Isso's own database layer, for its per-address limits before anything is stored.
        self.guard = db.SQLite3(conf.get("general", "dbpath"), conf).guard
        self.origin = allowed_origin(settings)
        self.cors = lambda app: wsgi.CORSMiddleware(
            app,
            origin=self.origin,
            allowed=("Origin", "Referer", "Content-Type"),
            exposed=("X-Set-Cookie", "Date"),
        )

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        """Answer one request."""
        from isso.utils import anonymize

        # Isso's own CORS layer knows only the site's addresses; the archive's rule decides.
        start_response = self.with_allowed_origin(environ, start_response)
        if environ.get("REMOTE_ADDR") not in self.trusted_proxies:
            # Only a trusted proxy may say who the reader is; Isso would believe anyone.
            for header in FORWARDED:
                environ.pop(header, None)
        method = environ.get("REQUEST_METHOD", "GET")
        if method == "OPTIONS":
            return self.app(environ, start_response)
        if (method, environ.get("PATH_INFO", "")) not in ENDPOINTS:
            return self.refuse(environ, start_response, Refusal("form", "Not found.", 404))
        if method == "GET":
            return self.app(environ, start_response)
        outcome = self.check(environ)
        if isinstance(outcome, Refusal):
            return self.refuse(environ, start_response, outcome)
        uri, comment = outcome
        address = anonymize(self.reader_address(environ))
        valid, reason = self.guard.validate(
            uri, {**comment, "remote_addr": address, "parent": None}
        )
        if not valid:
            return self.refuse(environ, start_response, self.limit_refusal(reason))
        body = json.dumps(comment).encode("utf-8")
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        environ["CONTENT_TYPE"] = "application/json"
        return self.store(uri, environ, start_response)

    def store(self, uri: str, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        """Pass a comment to Isso to store; log how to moderate it once it waits for an editor."""
        statuses: list[str] = []

        def remember_status(status: str, headers: list[Any], exc_info: Any = None) -> Any:
            statuses.append(status)
            return start_response(status, headers, exc_info)

        answer = self.app(environ, remember_status)
        try:
            body = b"".join(answer)
        finally:
            # Isso's middleware clears its per-request state when the answer is closed.
            if hasattr(answer, "close"):
                answer.close()
        if statuses and statuses[0].startswith("202"):  # stored, waiting for moderation
            stored = json.loads(body)
            logger.info(
                "comments: comment %d on %s (sent %s) waits for moderation: "
                "python3 dev.py comments.approve %d or python3 dev.py comments.reject %d "
                "(python3 dev.py comments.pending lists every waiting comment)",
                stored["id"],
                thread_slug(uri),
                f"{site_time(stored['created'], self.settings):{TIME_FORMAT}}",
                stored["id"],
                stored["id"],
            )
        return [body]

    def with_allowed_origin(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Callable[..., Any]:
        """Return ``start_response`` answering with the origin this request may read from."""
        origin = self.origin(environ)

        def respond(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            kept = [(k, v) for k, v in headers if k.lower() != "access-control-allow-origin"]
            kept.append(("Access-Control-Allow-Origin", origin))
            return start_response(status, kept, exc_info)

        return respond

    def check(self, environ: dict[str, Any]) -> tuple[str, dict[str, Any]] | Refusal:
        """Return the thread and the cleaned comment of a POST /new, or why it is refused."""
        from urllib.parse import parse_qs

        if not environ.get("CONTENT_TYPE", "").startswith("application/json"):
            return Refusal("form", "Comments are sent by the page's script: turn on JavaScript.")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if not 0 < length <= MAX_BODY_BYTES:
            return Refusal("text", "The comment is too long to be read.", 413)
        try:
            data = json.loads(environ["wsgi.input"].read(length))
        except (ValueError, UnicodeDecodeError):
            data = None
        uri = parse_qs(environ.get("QUERY_STRING", "")).get("uri", [""])[0]
        comment = check_comment(data, uri, self.rules)
        return comment if isinstance(comment, Refusal) else (uri, comment)

    def reader_address(self, environ: dict[str, Any]) -> str:
        """Return the reader's IP address (from a trusted proxy's X-Forwarded-For if given)."""
        forwarded = environ.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            # The address the proxy saw, as Isso's ProxyFix reads it (one proxy).
            return forwarded.split(",")[-1].strip()
        return environ.get("REMOTE_ADDR", "")

    def limit_refusal(self, reason: str) -> Refusal:
        """Return the reader's message for a refusal of Isso's guard."""
        if "ratelimit" in reason:
            return Refusal(
                "form",
                f"You have sent {self.rate_limit} comment(s) in the last minute; "
                "please wait a minute, then send this one again.",
                429,
            )
        if "direct responses" in reason:
            return Refusal("form", "You have already sent several comments on this briefing.", 429)
        return Refusal("form", f"The comment was not accepted ({reason}).", 403)

    def refuse(self, environ: dict[str, Any], start_response: Callable[..., Any], refusal: Refusal):
        """Answer with the refusal as JSON, readable by the page's script (CORS)."""
        from werkzeug.wrappers import Response

        if refusal.status != 404:
            logger.info("comments: refused a comment (%s): %s", refusal.field, refusal.message)
        body = json.dumps({"field": refusal.field, "message": refusal.message})
        response = Response(body, status=refusal.status, mimetype="application/json")
        return self.cors(response)(environ, start_response)


def make_comment_app(settings: dict[str, Any]) -> WSGIApp:
    """Return the comment server's WSGI app: Isso, configured by the settings, behind the rules."""
    import isso

    logging.getLogger("isso").addFilter(not_isso_notification)
    return CommentRules(isso.make_app(isso_config(settings)), settings)


def comment_server(settings: dict[str, Any], host: str, port: int) -> Any:
    """Return a threaded local HTTP server for the comment app (port 0: any free port)."""
    from werkzeug.serving import make_server

    app = make_comment_app(settings)
    try:
        return make_server(host, port, app, threaded=True)
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
    # Isso sets up the log when imported, unless it is set up already; this is the one.
    console = logging.StreamHandler()
    console.setFormatter(SiteTimeFormatter(settings))
    logging.basicConfig(level=logging.INFO, handlers=[console], force=True)
    server = comment_server(settings, host, port)
    print(
        f"Comment server at http://{host}:{server.server_port}/ (Ctrl-C stops); "
        f"database {db_path(settings)}",
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Stopped.")
    finally:
        server.server_close()
