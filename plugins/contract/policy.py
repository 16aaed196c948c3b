"""Add sources to a page's Content-Security-Policy without loosening anything else."""

from __future__ import annotations

# Where a fetch directive a policy leaves out takes its sources from, nearest first (CSP
# Level 3). Directives not listed here (form-action, base-uri, frame-ancestors, ...) have no
# fallback: left out, they restrict nothing.
FALLBACKS: dict[str, tuple[str, ...]] = {
    "script-src-elem": ("script-src", "default-src"),
    "script-src-attr": ("script-src", "default-src"),
    "style-src-elem": ("style-src", "default-src"),
    "style-src-attr": ("style-src", "default-src"),
    "worker-src": ("child-src", "script-src", "default-src"),
    "frame-src": ("child-src", "default-src"),
    **dict.fromkeys(
        (
            "child-src",
            "connect-src",
            "font-src",
            "img-src",
            "manifest-src",
            "media-src",
            "object-src",
            "script-src",
            "style-src",
        ),
        ("default-src",),
    ),
}


def parse_policy(policy: str) -> dict[str, list[str]]:
    """Return a policy's directives by name (lower case), each with its sources, in order."""
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        name, *sources = part.split() or [""]
        # Browsers obey the first of two directives of one name and ignore the other.
        if name and name.lower() not in directives:
            directives[name.lower()] = sources
    return directives


def add_sources(policy: str, directive: str, *sources: str) -> str:
    """Return ``policy`` with ``sources`` also allowed by ``directive``, and nothing else."""
    directives = parse_policy(policy)
    if directive not in directives:
        fallback = next((name for name in FALLBACKS.get(directive, ()) if name in directives), None)
        if fallback is None:
            # Nothing restricts this directive, so there is nothing to allow.
            return policy
        # A copy of what applied until now, so every other source stays as it was.
        directives[directive] = list(directives[fallback])
    allowed = directives[directive]
    if any(source not in allowed for source in sources):
        # 'none' next to a source means nothing; it is dropped so the directive reads truly.
        kept = [source for source in allowed if source != "'none'"]
        directives[directive] = kept + [source for source in sources if source not in kept]
    return "; ".join(" ".join([name, *values]) for name, values in directives.items())
