"""Defaults of the typography plugin."""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # Elements whose text is left exactly as written.
    "TYPOGRAPHY_IGNORE_TAGS": ["pre", "code", "kbd", "samp", "script", "style"],
    # Set to False to leave everything as the editor typed it.
    "TYPOGRAPHY_ENABLED": True,
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and refuse Pelican's own Typogrify pass."""
    settings = pelican.settings
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
    if not isinstance(settings["TYPOGRAPHY_IGNORE_TAGS"], (list, tuple)):
        raise ValueError("typography: TYPOGRAPHY_IGNORE_TAGS must be a list of tag names")
    if settings.get("TYPOGRIFY"):
        # Pelican's pass would read raw titles as HTML, so markup in a title would go live.
        raise ValueError(
            "typography: set TYPOGRIFY = False; the typography plugin typesets "
            "titles after escaping them"
        )
