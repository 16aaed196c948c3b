"""Defaults of the comments plugin, shared by the build and the comment server."""

from __future__ import annotations

from typing import Any

from contract.settings import (
    TRUE_OR_FALSE,
    Expect,
    fill_and_check,
    list_of_text,
    text,
    whole_number,
)

DEFAULTS: dict[str, Any] = {
    # Site-wide switch: False shows no comments and no form on any briefing.
    "COMMENTS_ENABLED": True,
    # Where readers' browsers send comments (the comment server's public address).
    "COMMENTS_SERVER_URL": "http://127.0.0.1:8080",
    # Where `python3 dev.py comments.serve` listens.
    "COMMENTS_SERVER_HOST": "127.0.0.1",
    "COMMENTS_SERVER_PORT": 8080,
    # The comment server's SQLite database, relative to the project folder.
    "COMMENTS_DB_PATH": "comments.db",
    # The folder, inside the content folder, of the approved comments (`comments.sync`).
    "COMMENTS_PATH": "comments",
    # Pages allowed to post comments (CORS); empty: the site's own address, PUBLIC_SITEURL.
    "COMMENTS_SITE_URLS": [],
    # Also accept comments from any page on this computer (http://127.0.0.1, localhost or
    # [::1], on any port): the local preview's, whichever port it runs on. Never in public.
    "COMMENTS_ALLOW_LOCAL_ORIGINS": False,
    # Comment length in characters, after trimming spaces at both ends.
    "COMMENTS_MIN_LENGTH": 50,
    "COMMENTS_MAX_LENGTH": 2000,
    # A comment without a name is signed "Anonymous"; False makes the name required.
    "COMMENTS_ALLOW_ANONYMOUS": True,
    # New comments a reader's address (IPv4 /24, IPv6 /48) may send per minute.
    "COMMENTS_RATE_LIMIT": 2,
    # Comments a reader's address may send on one briefing within COMMENTS_BRIEFING_LIMIT_HOURS.
    "COMMENTS_BRIEFING_LIMIT": 10,
    "COMMENTS_BRIEFING_LIMIT_HOURS": 24,
    # The list of the briefings open for comments that the build writes (output-relative);
    # the comment server accepts comments for these addresses only.
    "COMMENTS_THREADS_SAVE_AS": "comments/threads.json",
    # The list the comment server reads; "" is OUTPUT_PATH/COMMENTS_THREADS_SAVE_AS.
    "COMMENTS_THREADS_FILE": "",
    # Seconds `comments.serve` waits for a slow reader's request before closing it.
    "COMMENTS_READ_TIMEOUT": 10,
    # Proxies in front of the server whose X-Forwarded-For is trusted for the address.
    "COMMENTS_TRUSTED_PROXIES": [],
    # Offered to readers without JavaScript as another way to comment ("" offers none).
    "COMMENTS_EMAIL": "",
}


CHECKS = {
    "COMMENTS_ENABLED": TRUE_OR_FALSE,
    "COMMENTS_SERVER_URL": Expect(
        lambda url: isinstance(url, str) and url.startswith(("http://", "https://")),
        "an http:// or https:// address",
    ),
    "COMMENTS_SERVER_HOST": text("a host name or address"),
    "COMMENTS_SERVER_PORT": whole_number(1),
    "COMMENTS_DB_PATH": text("a file's path"),
    "COMMENTS_PATH": text("a folder inside the content folder"),
    "COMMENTS_SITE_URLS": list_of_text("a list of addresses"),
    "COMMENTS_ALLOW_LOCAL_ORIGINS": TRUE_OR_FALSE,
    "COMMENTS_MIN_LENGTH": whole_number(1),
    "COMMENTS_MAX_LENGTH": whole_number(1),
    "COMMENTS_ALLOW_ANONYMOUS": TRUE_OR_FALSE,
    "COMMENTS_RATE_LIMIT": whole_number(1),
    "COMMENTS_BRIEFING_LIMIT": whole_number(1),
    "COMMENTS_BRIEFING_LIMIT_HOURS": whole_number(1),
    "COMMENTS_THREADS_SAVE_AS": text("a file's path inside the output folder"),
    "COMMENTS_THREADS_FILE": text("a file's path, or ''"),
    "COMMENTS_READ_TIMEOUT": whole_number(1),
    "COMMENTS_TRUSTED_PROXIES": list_of_text("a list of addresses"),
    "COMMENTS_EMAIL": text("an email address, or '' for none"),
}


def fill_defaults(settings: dict[str, Any]) -> dict[str, Any]:
    """Fill in missing comment settings in ``settings``, check them, and return it."""
    fill_and_check("comments", settings, DEFAULTS, CHECKS)
    if settings["COMMENTS_MIN_LENGTH"] > settings["COMMENTS_MAX_LENGTH"]:
        raise ValueError("comments: COMMENTS_MIN_LENGTH must not exceed COMMENTS_MAX_LENGTH")
    return settings


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check them."""
    fill_defaults(pelican.settings)
