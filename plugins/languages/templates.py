"""What templates get from the languages plugin: dates in a language, and the languages."""

from __future__ import annotations

from typing import Any

from .dates import date_filter


def add_language_helpers(generator: Any) -> None:
    """Offer ``|date_in(lang)`` to templates."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.filters["date_in"] = date_filter(generator.settings)
