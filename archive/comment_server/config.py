"""The comment server's settings: the site's comment settings, and where its files are."""

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
    """Return the function that picks a request's Access-Control-Allow-Origin (CORS).

    A page of the site gets its own origin back; any other page gets the site's first address,
    so the browser keeps the answer from its script.
    """
    sites = {_origin(url): _origin(url) for url in site_urls(settings)}
    first = next(iter(sites.values()))
    local = settings["COMMENTS_ALLOW_LOCAL_ORIGINS"]

    def pick(environ: dict[str, Any]) -> str:
        asked = environ.get("HTTP_ORIGIN", "")
        if local and is_local_origin(asked):
            return asked
        return sites.get(_origin(asked), first)

    return pick


def _origin(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return f"{parts.scheme}://{parts.netloc}".lower()


def threads_path(settings: dict[str, Any]) -> Path:
    """Return the built list of the briefings open for comments, which the server reads."""
    if settings["COMMENTS_THREADS_FILE"]:
        return ROOT / settings["COMMENTS_THREADS_FILE"]
    return ROOT / settings["OUTPUT_PATH"] / settings["COMMENTS_THREADS_SAVE_AS"]
