"""The Content-Security-Policy of a page with a comment form: the site's, plus the server."""

from __future__ import annotations

from urllib.parse import urlsplit


def origin(url: str) -> str:
    """Return the origin (scheme://host[:port]) of an absolute URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def allow_comment_server(policy: str, server_url: str) -> str:
    """Return ``policy`` letting pages send requests and forms to the comment server only."""
    directives: dict[str, list[str]] = {}
    for directive in policy.split(";"):
        name, *sources = directive.split()
        if name:
            directives[name.lower()] = sources
    server = origin(server_url)
    # connect-src falls back to default-src, so a new one starts from its sources;
    # form-action has no fallback: if the policy leaves forms free, there is nothing to add.
    if "connect-src" not in directives and "default-src" in directives:
        directives["connect-src"] = list(directives["default-src"])
    for name in ("connect-src", "form-action"):
        sources = directives.get(name)
        if sources is not None and server not in sources:
            directives[name] = [source for source in sources if source != "'none'"] + [server]
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())
