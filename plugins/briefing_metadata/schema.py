"""The schema of a briefing's (and a page's) metadata header, checked field by field."""

from __future__ import annotations

import difflib
import re
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from .history import check_history
from .languages import check_language
from .plain_text import listed_names, value_problems
from .problems import Problem
from .registry import SLUG, Entry, Registry, Vocabulary
from .scaffold import PLACEHOLDER_BODY, PLACEHOLDER_FIELDS
from .source import Source

# Dates Pelican reads exactly; dateutil would guess the rest ("February 2024" → today's day).
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?(?:Z|[+-]\d{2}:?\d{2})?$")
DATE_FIX = "write it as YYYY-MM-DD or YYYY-MM-DD HH:MM, for example 2026-02-12 16:30"
STATUSES = ("published", "draft", "hidden", "withdrawn")
COMMENT_STATES = ("open", "closed")

# Fields each kind of content may use; the first ones listed are required.
FIELDS = {
    "briefing": {
        "required": ("title", "date", "spokesperson"),
        "optional": (
            *("tags", "summary", "key_points", "location", "source"),
            *("modified", "status", "slug", "comments", "story", "lang"),
            # A briefing's history (history.py): Correction, Update and Moved_from may repeat.
            *("correction", "update", "withdrawn", "moved_from", "source_url"),
        ),
    },
    "page": {
        "required": ("title",),
        "optional": (
            *("summary", "key_points", "date", "modified", "status", "slug"),
            *("template", "save_as", "url", "lang"),
        ),
    },
}
# Familiar names from other tools, and what this archive calls them.
FAMILIAR_NAMES = {
    "author": "spokesperson",
    "authors": "spokesperson",
    "spokespeople": "spokesperson",
    "category": "tags",
    "dateline": "location",
    "keypoints": "key_points",
    "key-points": "key_points",
    "updated": "update",
    "corrected": "correction",
    "corrections": "correction",
    "updates": "update",
    "withdrawal": "withdrawn",
    "previous_address": "moved_from",
    "old_address": "moved_from",
    "redirect_from": "moved_from",
    "source_link": "source_url",
    "transcript": "source_url",
    "stories": "story",
    "series": "story",
    "thread": "story",
    "language": "lang",
    "translation_of": "lang",
}


def field_label(key: str) -> str:
    """Return a field's name as editors write it: ``key_points`` → ``Key_points``."""
    return key.capitalize()


def check_fields(
    source: Source, kind: str, registry: Registry, settings: dict[str, Any]
) -> dict[str, list[Entry]]:
    """Check every header field of ``source``; return its spokespeople, tags and stories."""
    allowed = FIELDS[kind]["required"] + FIELDS[kind]["optional"]
    for key in source.fields:
        if key not in allowed:
            _unknown_field(source, key, kind, allowed)
    for key in FIELDS[kind]["required"]:
        if key not in source.fields or not source.fields[key].value.strip():
            source.problem(
                key,
                "is missing" if key not in source.fields else "is empty",
                f"add a line `{field_label(key)}: ...` to the header",
            )
    for field in source.fields.values():
        for offset, message, fix in value_problems(field.key, field.value):
            source.problems.append(
                Problem(source.shown_path, field.line + offset, field.name, message, fix)
            )
    values = {key: entry.value for key, entry in source.fields.items()}
    if "title" in values:
        limit = settings["BRIEFING_METADATA_MAX_TITLE_LENGTH"]
        if len(values["title"]) > limit:
            source.problem(
                "title",
                f"is {len(values['title'])} characters long; at most {limit} are allowed",
                "shorten the headline and move detail into the summary",
            )
    dates = {key: _check_date(source, key) for key in ("date", "modified") if key in values}
    if dates.get("date") and dates.get("modified") and dates["modified"] < dates["date"]:
        source.problem("modified", "is earlier than Date", "give the day the briefing changed")
    if kind == "briefing":
        source.history = check_history(source, dates.get("date"))
    # Only a briefing can be withdrawn: a page is simply deleted or hidden.
    statuses = STATUSES if kind == "briefing" else STATUSES[:3]
    if "status" in values and values["status"].strip().lower() not in statuses:
        source.problem(
            "status", f"{values['status']!r} is not a status", f"use one of {', '.join(statuses)}"
        )
    if "comments" in values and values["comments"].strip().lower() not in COMMENT_STATES:
        source.problem(
            "comments",
            f"{values['comments']!r} is not a comments setting",
            f"use one of {', '.join(COMMENT_STATES)}",
        )
    if "slug" in values and not SLUG.match(values["slug"]):
        source.problem(
            "slug",
            f"{values['slug']!r} is not a valid address part",
            "use lower-case letters, digits and hyphens only, such as visa-document-checks",
        )
    check_language(source, settings)
    if values.get("status", "published").strip().lower() != "draft":
        _check_placeholders(source)
    for key in ("save_as", "url"):
        if key in values:
            _check_relative_address(source, key, values[key])
    if "template" in values:
        template = Path(settings["THEME"]) / "templates" / f"{values['template']}.html"
        if not template.is_file():
            source.problem(
                "template",
                f"the theme has no template {values['template']!r}",
                f"use a template from {Path(settings['THEME']).name}/templates/, without .html",
            )
    return {
        "spokespeople": _entries(
            source,
            "spokesperson",
            listed_names(values.get("spokesperson", "")),
            registry.spokespeople,
        ),
        "tags": _entries(source, "tags", listed_names(values.get("tags", "")), registry.tags),
        "stories": _entries(
            source, "story", listed_names(values.get("story", "")), registry.stories
        ),
    }


def _check_placeholders(source: Source) -> None:
    """Refuse, outside drafts, the placeholder text that `python3 dev.py new` wrote."""
    fix = "replace it with your own words, or keep `Status: draft` until it is ready"
    for key, placeholder in PLACEHOLDER_FIELDS.items():
        field = source.fields.get(key)
        if field and any(line in field.value.splitlines() for line in placeholder.splitlines()):
            source.problem(key, "still has the placeholder text from `python3 dev.py new`", fix)
    lines = source.text.splitlines()
    for number, line in enumerate(lines[source.body_line - 1 :], source.body_line):
        if line.strip() in PLACEHOLDER_BODY:
            source.problems.append(
                Problem(source.shown_path, number, "body", "still has placeholder text", fix)
            )
            return


def _unknown_field(source: Source, key: str, kind: str, allowed: tuple[str, ...]) -> None:
    meant = FAMILIAR_NAMES.get(key) or next(
        iter(difflib.get_close_matches(key, allowed, n=1, cutoff=0.7)), None
    )
    hint = f"did you mean {field_label(meant)}?" if meant in allowed else "remove it"
    source.problem(
        key,
        f"is not a field of a {kind}",
        f"{hint} (fields: {', '.join(field_label(name) for name in allowed)})",
    )


def _check_date(source: Source, key: str) -> datetime | None:
    value = source.fields[key].value.strip()
    if not DATE.match(value):
        source.problem(key, f"{value!r} is not a full date", DATE_FIX)
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as error:
        source.problem(key, f"{value!r} is not a real date ({error})", "check the day and month")
        return None
    # Compare naive with naive: an offset only matters to Pelican, not to this order check.
    return parsed.replace(tzinfo=None)


def _check_relative_address(source: Source, key: str, value: str) -> None:
    parts = PurePosixPath(value).parts
    if value.startswith("/") or "\\" in value or ".." in parts or ":" in value:
        source.problem(
            key,
            f"{value!r} points outside the site",
            "give a path inside the site without .. or a leading /, such as about/index.html",
        )


def _entries(source: Source, key: str, spellings: list[str], vocabulary: Vocabulary) -> list:
    """Return the registry entries ``spellings`` name, each once; report unknown ones."""
    entries, unknown = vocabulary.resolve(spellings)
    for spelling, suggestion in unknown:
        source.problem(key, *vocabulary.unknown_name(spelling, suggestion))
    return entries
