"""Defaults of the threads plugin."""

from __future__ import annotations

from typing import Any

from contract.settings import NON_EMPTY_TEXT, TRUE_OR_FALSE, fill_and_check, text, whole_number

DEFAULTS: dict[str, Any] = {
    # Story pages, the stories index and "Part 2 of 5" on briefing pages.
    "THREADS_STORIES": True,
    # The stories index's address (each story is at stories/<slug>/); linked from the menu.
    "THREADS_STORIES_URL": "stories/",
    # A timeline page for each tag: its briefings' key points by year and month.
    "THREADS_TIMELINES": True,
    # A page (with feeds) for each tag × spokesperson and tag × year pair.
    "THREADS_FACETS": True,
    # The fewest briefings a tag × spokesperson or tag × year pair needs to get its page.
    "THREADS_FACET_MIN_BRIEFINGS": 1,
    # Entries in each story, tag × spokesperson and tag × year feed (Atom and JSON Feed).
    "THREADS_FEED_MAX_ITEMS": 10,
    # The same pages in each other language (LANGUAGES), where they show one of its briefings.
    "THREADS_OTHER_LANGUAGES": True,
    # A JSON Feed of each tag beside Pelican's Atom feed (TAG_FEED_ATOM), with as many
    # entries (FEED_MAX_ITEMS); '' for none.
    "THREADS_TAG_FEED_JSON": "feeds/tags/{slug}.json",
}


CHECKS = {
    "THREADS_STORIES": TRUE_OR_FALSE,
    "THREADS_STORIES_URL": NON_EMPTY_TEXT,
    "THREADS_TIMELINES": TRUE_OR_FALSE,
    "THREADS_FACETS": TRUE_OR_FALSE,
    "THREADS_FACET_MIN_BRIEFINGS": whole_number(1),
    "THREADS_FEED_MAX_ITEMS": whole_number(1),
    "THREADS_OTHER_LANGUAGES": TRUE_OR_FALSE,
    "THREADS_TAG_FEED_JSON": text("a file name pattern with {slug}, or '' for none"),
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check them."""
    fill_and_check("threads", pelican.settings, DEFAULTS, CHECKS)
