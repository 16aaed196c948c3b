"""Defaults of the comments plugin, shared by the build and the comment server."""

from __future__ import annotations

from typing import Any

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
    # New comments a reader's address may send per minute.
    "COMMENTS_RATE_LIMIT": 2,
    # Proxies in front of the server whose X-Forwarded-For is trusted for the address.
    "COMMENTS_TRUSTED_PROXIES": [],
    # Offered to readers without JavaScript as another way to comment ("" offers none).
    "COMMENTS_EMAIL": "",
}


def fill_defaults(settings: dict[str, Any]) -> dict[str, Any]:
    """Fill in missing comment settings in ``settings``, check their types, and return it."""
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
        if type(settings[key]) is not type(default):
            raise ValueError(
                f"comments: {key} must be a {type(default).__name__}, not {settings[key]!r}"
            )
    for key in ("MIN_LENGTH", "MAX_LENGTH", "RATE_LIMIT", "SERVER_PORT"):
        if settings[f"COMMENTS_{key}"] <= 0:
            raise ValueError(f"comments: COMMENTS_{key} must be positive")
    if settings["COMMENTS_MIN_LENGTH"] > settings["COMMENTS_MAX_LENGTH"]:
        raise ValueError("comments: COMMENTS_MIN_LENGTH must not exceed COMMENTS_MAX_LENGTH")
    if not settings["COMMENTS_SERVER_URL"].startswith(("http://", "https://")):
        raise ValueError(
            "comments: COMMENTS_SERVER_URL must be an http:// or https:// address, "
            f"not {settings['COMMENTS_SERVER_URL']!r}"
        )
    return settings


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check their types."""
    fill_defaults(pelican.settings)
