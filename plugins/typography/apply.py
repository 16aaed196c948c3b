"""Typeset titles, summaries and bodies of briefings and pages with Typogrify."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import lru_cache, partial
from typing import Any

from markupsafe import Markup
from pelican.contents import Article, Page
from typogrify.filters import typogrify

from contract.build import build_state

from .urls import with_addresses_kept


def english_rules(lang: str | None, settings: dict[str, Any]) -> bool:
    """Return whether text in ``lang`` gets SmartyPants' quotes and dashes and small caps."""
    return lang is None or lang in settings.get("TYPOGRAPHY_SMARTYPANTS_LANGUAGES", ["en"])


def typeset_html(
    fragment: str, settings: dict[str, Any], *, widont: bool = True, lang: str | None = None
) -> Markup:
    """Return an HTML fragment with typographic quotes and dashes, and widow control.

    Text in a language without English typographic rules (Hindi) keeps the quotes and
    dashes its editor typed, and gets no small caps: only the ampersand and widow control.
    """
    if not settings.get("TYPOGRAPHY_ENABLED", True):
        return Markup(fragment)
    ignore_tags = settings["TYPOGRAPHY_IGNORE_TAGS"]
    english = english_rules(lang, settings)
    rules = {} if english else {"smartypants": False, "caps": False, "initial_quotes": False}
    return Markup(
        with_addresses_kept(
            fragment, partial(typogrify, ignore_tags=ignore_tags, widont=widont, **rules)
        )
    )


def typeset_text(
    text: str, settings: dict[str, Any], *, widont: bool = True, lang: str | None = None
) -> Markup:
    """Escape plain text, then typeset it; the result is safe HTML."""
    if not settings.get("TYPOGRAPHY_ENABLED", True):
        return Markup.escape(text)
    # quote=False leaves straight quotes for SmartyPants, which curls every one of them,
    # so no bare quote survives to break an attribute. Without SmartyPants they are escaped.
    quote = not english_rules(lang, settings)
    escaped = html.escape(str(text), quote=quote)
    return typeset_html(escaped, settings, widont=widont, lang=lang)


def typeset_content(content: Any) -> None:
    """Escape and typeset a briefing's or page's title and summary, and typeset its body."""
    if not isinstance(content, (Article, Page)):
        return
    settings = content.settings
    lang = getattr(content, "lang", None)
    if hasattr(content, "title"):
        # No widow control: its no-break space would reach <title>, feeds and
        # share links, which want plain text; CSS balances headline lines instead.
        content.title = typeset_text(content.title, settings, widont=False, lang=lang)
        content.metadata["title"] = content.title
    # Only a summary the editor wrote: Pelican's automatic one is already HTML.
    if "summary" in content.metadata:
        content._summary = typeset_text(content.metadata["summary"], settings, lang=lang)
        content.metadata["summary"] = content._summary
    if content._content:
        content._content = str(typeset_html(content._content, settings, lang=lang))


def typographic_filter(settings: dict[str, Any]) -> Callable[[str], Markup]:
    """Return ``typeset_text`` for these settings, remembering recent results."""

    # A briefing's key points are shown on its page and in every listing it appears in
    # (home, tags, spokesperson, year, month): typeset each point once, not a dozen times.
    @lru_cache(maxsize=1 << 16)
    def typeset(text: str) -> Markup:
        known = build_state(settings).notes.get(TYPESET_POINTS, {})
        return known.get(text) or typeset_text(text, settings)

    return lambda text: typeset(str(text))


# The build's note of key points as typeset when their briefing was read (cached ones too).
TYPESET_POINTS = "typography.key_points"


def typeset_key_points(generator: Any) -> None:
    """Typeset each briefing's key points once, and keep them with it in the content cache."""
    # Runs before Pelican saves the cache, so a cached briefing brings its typeset points
    # and the filter above never typesets them again (open data shows every briefing's).
    settings = generator.settings
    known: dict[str, Markup] = {}
    build_state(settings).notes[TYPESET_POINTS] = known
    groups = ("articles", "hidden_articles", "drafts", "translations", "hidden_translations")
    for briefing in [b for group in groups for b in getattr(generator, group, [])]:
        points = getattr(briefing, "key_points", None) or []
        typeset = getattr(briefing, "typeset_key_points", None)
        if typeset is None or len(typeset) != len(points):
            lang = getattr(briefing, "lang", None)
            typeset = [typeset_text(point, settings, lang=lang) for point in points]
            briefing.typeset_key_points = typeset
        known.update(zip(map(str, points), typeset, strict=True))


def add_typographic_filter(generator: Any) -> None:
    """Offer ``|typographic`` to templates, for plain text such as key points."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.filters["typographic"] = typographic_filter(generator.settings)
