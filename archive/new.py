"""Start a new briefing: a file with today's date, every field and a key-points stub."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pelican.utils import slugify

from briefing_metadata.plain_text import listed_names, value_problems
from briefing_metadata.reader import registry_for
from briefing_metadata.scaffold import PLACEHOLDER_BODY, PLACEHOLDER_FIELDS
from briefing_metadata.settings import DEFAULTS

from .build import site_settings
from .paths import SETTINGS


class NewBriefingError(ValueError):
    """The briefing cannot be started as asked; each problem says what to change."""

    def __init__(self, *problems: str) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(problems))


@dataclass
class NewBriefing:
    """Where the new briefing was written, and its addresses as a draft and once published."""

    path: Path
    draft_url: str
    url: str


# The checks refuse to publish a briefing that still has any of the placeholders.
TEMPLATE = (
    "Title: {title}\n"
    "Date: {date}\n"
    "Spokesperson: {spokespeople}\n"
    "Tags: {tags}\n"
    "Location: {location}\n"
    "Source: {source}\n"
    f"Summary: {PLACEHOLDER_FIELDS['summary']}\n"
    "Key_points: " + PLACEHOLDER_FIELDS["key_points"].replace("\n", "\n    ") + "\n"
    "Status: draft\n"
    "\n" + "\n\n".join(PLACEHOLDER_BODY) + "\n"
)


def _names(spellings: list[str], vocabulary: Any, option: str, unknown: list[str]) -> list[str]:
    """Return the registry's spelling of each name; add each unknown one, as the build says it."""
    entries, missing = vocabulary.resolve(spellings)
    for spelling, suggestion in missing:
        message, fix = vocabulary.unknown_name(spelling, suggestion)
        unknown.append(f"{option}: {message}; {fix}")
    return [entry.name for entry in entries]


def new_briefing(
    title: str,
    spokesperson: str,
    tags: str = "",
    *,
    location: str = "",
    source: str = "",
    now: datetime | None = None,
    settings_file: Path = SETTINGS,
    **overrides: Any,
) -> NewBriefing:
    """Write a new draft briefing into the content folder; never overwrite a file."""
    title = " ".join(title.split())
    if not title:
        raise NewBriefingError('Give the briefing a title, such as: new "Minister visits port"')
    settings = {**DEFAULTS, **site_settings(settings_file, **overrides)}
    registry = registry_for(settings)
    if not listed_names(spokesperson):
        raise NewBriefingError('name the spokesperson: --spokesperson "Randhir Jaiswal"')
    # The checks' own rules, so `new` never writes a file that the build would refuse.
    options = {
        "title": title,
        "--spokesperson": spokesperson,
        "--tags": tags,
        "--location": location,
        "--source": source,
    }
    mistakes = [
        f"{option}: {message}; {fix}."
        for option, value in options.items()
        for _, message, fix in value_problems(option.removeprefix("--"), value)
    ]
    unknown: list[str] = []
    people = _names(listed_names(spokesperson), registry.spokespeople, "--spokesperson", unknown)
    labels = _names(listed_names(tags), registry.tags, "--tags", unknown)
    # Every mistake at once, one a line, as the build lists them.
    if mistakes or unknown:
        raise NewBriefingError(*mistakes, *unknown)
    when = (now or datetime.now(ZoneInfo(settings["TIMEZONE"]))).astimezone(
        ZoneInfo(settings["TIMEZONE"])
    )
    slug = slugify(
        title,
        regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"],
        use_unicode=settings["SLUGIFY_USE_UNICODE"],
    )
    if not slug:
        raise NewBriefingError(f"{title!r} gives no address: add a few Latin letters or digits")
    folder = Path(settings["PATH"]) / settings["ARTICLE_PATHS"][0] / f"{when:%Y}"
    path = folder / f"{slug}.md"
    text = TEMPLATE.format(
        title=title,
        date=f"{when:%Y-%m-%d %H:%M}",
        spokespeople=", ".join(people),
        tags=", ".join(labels),
        location=location,
        source=source,
    )
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as briefing:  # "x": never overwrite
            briefing.write("".join(f"{line.rstrip()}\n" for line in text.splitlines()))
    except FileExistsError:
        shown = path.relative_to(Path(settings["PATH"]).parent)
        raise NewBriefingError(
            f"{shown} already exists; edit that file, or choose another title for a new briefing"
        ) from None
    return NewBriefing(
        path,
        settings["DRAFT_URL"].format(slug=slug, date=when),
        settings["ARTICLE_URL"].format(slug=slug, date=when),
    )
