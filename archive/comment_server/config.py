"""The comment server's settings: the site's comment settings, and Isso's configuration."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from comments.settings import fill_defaults
from contract.addresses import public_siteurl

from ..paths import ROOT, SETTINGS


def comment_settings(settings_file: Path = SETTINGS, **overrides: Any) -> dict[str, Any]:
    """Return the site's settings from ``settings_file``, with the comment defaults filled in."""
    from pelican.settings import read_settings

    return fill_defaults(read_settings(str(settings_file), override=overrides))


def db_path(settings: dict[str, Any]) -> Path:
    """Return the comment database's file (a relative setting is inside the project)."""
    return ROOT / settings["COMMENTS_DB_PATH"]


def site_urls(settings: dict[str, Any]) -> list[str]:
    """Return the addresses of the pages that may post comments."""
    urls = settings["COMMENTS_SITE_URLS"] or [public_siteurl(settings)]
    return [url.rstrip("/") for url in urls]


def is_local_origin(origin: str) -> bool:
    """Return True if ``origin`` (an Origin header) is a page served from this computer."""
    try:
        parts = urlsplit(origin)
        host, _ = parts.hostname, parts.port  # .port: ValueError unless a number
    except ValueError:
        return False
    if parts.scheme not in {"http", "https"} or parts.username or parts.password:
        return False
    if parts.path or parts.query or parts.fragment or not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_origin(settings: dict[str, Any]) -> Callable[[dict[str, Any]], str]:
    """Return the function that picks a request's Access-Control-Allow-Origin (CORS)."""
    from isso import wsgi

    site = wsgi.origin(site_urls(settings))
    if not settings["COMMENTS_ALLOW_LOCAL_ORIGINS"]:
        return site

    def site_or_local(environ: dict[str, Any]) -> str:
        asked = environ.get("HTTP_ORIGIN", "")
        return asked if is_local_origin(asked) else site(environ)

    return site_or_local


def isso_config(settings: dict[str, Any]) -> Any:
    """Return Isso's configuration: its own defaults, with what the archive decides set."""
    from isso import config

    conf = config.load(config.default_file())
    path = db_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    values = {
        "general": {
            "dbpath": str(path),
            # Isso answers cross-origin requests (CORS) from these pages only.
            "host": "\n".join(site_urls(settings)),
            "notify": "stdout",
            "gravatar": "false",
            "latest-enabled": "false",
        },
        # Every new comment waits for an editor (`python3 dev.py comments.approve`).
        "moderation": {"enabled": "true", "approve-if-email-previously-approved": "false"},
        "admin": {"enabled": "false"},
        "server": {
            "public-endpoint": settings["COMMENTS_SERVER_URL"].rstrip("/"),
            "trusted-proxies": "\n".join(settings["COMMENTS_TRUSTED_PROXIES"]),
        },
        "guard": {
            "enabled": "true",
            "ratelimit": str(settings["COMMENTS_RATE_LIMIT"]),
            # Comments one address may leave on one briefing (pending and approved).
            "direct-reply": "10",
            "require-author": "false",
            "require-email": "false",
        },
        "rss": {"base": ""},
    }
    for section, options in values.items():
        for key, value in options.items():
            conf.set(section, key, value)
    return conf
