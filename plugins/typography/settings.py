"""Defaults of the typography plugin."""

from __future__ import annotations

from typing import Any

from contract.settings import TRUE_OR_FALSE, fill_and_check, list_of_text

DEFAULTS: dict[str, Any] = {
    # Elements whose text is left exactly as written.
    "TYPOGRAPHY_IGNORE_TAGS": ["pre", "code", "kbd", "samp", "script", "style"],
    # Set to False to leave everything as the editor typed it.
    "TYPOGRAPHY_ENABLED": True,
    # Languages whose text gets SmartyPants' curly quotes and dashes and small caps; the
    # others (Hindi) keep the quotes their editors type, with only & and widow control.
    "TYPOGRAPHY_SMARTYPANTS_LANGUAGES": ["en"],
}


CHECKS = {
    "TYPOGRAPHY_IGNORE_TAGS": list_of_text("a list of tag names"),
    "TYPOGRAPHY_ENABLED": TRUE_OR_FALSE,
    "TYPOGRAPHY_SMARTYPANTS_LANGUAGES": list_of_text("a list of language codes"),
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings, check them and refuse Pelican's own Typogrify pass."""
    settings = fill_and_check("typography", pelican.settings, DEFAULTS, CHECKS)
    if settings.get("TYPOGRIFY"):
        # Pelican's pass would read raw titles as HTML, so markup in a title would go live.
        raise ValueError(
            "typography: set TYPOGRIFY = False; the typography plugin typesets "
            "titles after escaping them"
        )
