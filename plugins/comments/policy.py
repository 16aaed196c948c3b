"""The Content-Security-Policy of a page with a comment form: the site's, plus the server."""

from __future__ import annotations

from urllib.parse import urlsplit

from contract.policy import add_sources


def origin(url: str) -> str:
    """Return the origin (scheme://host[:port]) of an absolute URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def allow_comment_server(policy: str, server_url: str) -> str:
    """Return ``policy`` letting pages send requests and forms to the comment server only."""
    server = origin(server_url)
    return add_sources(add_sources(policy, "connect-src", server), "form-action", server)
