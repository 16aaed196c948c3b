"""Defaults of the transcripts plugin, applied to Pelican's settings at start-up."""

from __future__ import annotations

from typing import Any

from contract.build import build_state
from contract.settings import NON_EMPTY_TEXT, fill_and_check, text, whole_number

from .reader import TranscriptExtension

DEFAULTS: dict[str, Any] = {
    # The word after ``:::`` that opens the questions and answers in a briefing's body.
    "TRANSCRIPTS_MARKER": "transcript",
    # The heading of the questions and answers on a briefing page.
    "TRANSCRIPTS_HEADING": "Questions and answers",
    # Every question with its answer, as JSON and as CSV; an empty string writes no file.
    "TRANSCRIPTS_JSON_SAVE_AS": "questions.json",
    "TRANSCRIPTS_CSV_SAVE_AS": "questions.csv",
    # Every question on one tag across the archive, paginated; '' writes no such pages.
    "TRANSCRIPTS_TAG_URL": "tags/{slug}/questions/",
    "TRANSCRIPTS_TAG_SAVE_AS": "tags/{slug}/questions/index.html",
    # The Atom feed of a tag's questions; '' writes none.
    "TRANSCRIPTS_TAG_FEED_ATOM": "feeds/questions/{slug}.atom.xml",
    # Every answer a spokesperson gave, paginated; '' writes no such pages.
    "TRANSCRIPTS_SPOKESPERSON_URL": "spokespeople/{slug}/answers/",
    "TRANSCRIPTS_SPOKESPERSON_SAVE_AS": "spokespeople/{slug}/answers/index.html",
    # Questions a page of those lists shows.
    "TRANSCRIPTS_PER_PAGE": 20,
    # The newest questions a tag's page (and answers a spokesperson's page) shows.
    "TRANSCRIPTS_LATEST": 5,
}

ADDRESS = text("an address pattern with {slug}, or '' for none")
OUTPUT_FILE = text("a path in the output folder, or '' for no file")
CHECKS = {
    "TRANSCRIPTS_MARKER": NON_EMPTY_TEXT,
    "TRANSCRIPTS_HEADING": NON_EMPTY_TEXT,
    "TRANSCRIPTS_JSON_SAVE_AS": OUTPUT_FILE,
    "TRANSCRIPTS_CSV_SAVE_AS": OUTPUT_FILE,
    "TRANSCRIPTS_TAG_URL": ADDRESS,
    "TRANSCRIPTS_TAG_SAVE_AS": ADDRESS,
    "TRANSCRIPTS_TAG_FEED_ATOM": ADDRESS,
    "TRANSCRIPTS_SPOKESPERSON_URL": ADDRESS,
    "TRANSCRIPTS_SPOKESPERSON_SAVE_AS": ADDRESS,
    "TRANSCRIPTS_PER_PAGE": whole_number(1),
    "TRANSCRIPTS_LATEST": whole_number(0),
}

JSON = "application/json"
# The template of the question lists, paginated as Pelican paginates listings.
LIST_TEMPLATE = "questions"


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings, check them, add the Markdown extension and the pagination."""
    settings = fill_and_check("transcripts", pelican.settings, DEFAULTS, CHECKS)
    extensions = settings.setdefault("MARKDOWN", {}).setdefault("extensions", [])
    if not any(isinstance(ext, TranscriptExtension) for ext in extensions):
        extensions.append(TranscriptExtension(marker=settings["TRANSCRIPTS_MARKER"]))
    paginated = dict(settings.get("PAGINATED_TEMPLATES") or {})
    paginated[LIST_TEMPLATE] = settings["TRANSCRIPTS_PER_PAGE"]
    settings["PAGINATED_TEMPLATES"] = paginated
    # briefings.json and the JSON Feed link to the questions' data files.
    build_state(settings).notes.setdefault("open_data.related", []).extend(
        [
            ("Every question and answer (JSON)", settings["TRANSCRIPTS_JSON_SAVE_AS"], JSON),
            ("Every question and answer (CSV)", settings["TRANSCRIPTS_CSV_SAVE_AS"], "text/csv"),
        ]
    )
