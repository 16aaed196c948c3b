"""Start a new briefing: a file with today's date, every field and a key-points stub."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pelican.utils import slugify

from briefing_metadata.reader import registry_for
from briefing_metadata.schema import spokesperson_names, tag_spellings
from briefing_metadata.settings import DEFAULTS

from .build import site_settings
from .paths import SETTINGS


class NewBriefingError(ValueError):
    """The briefing cannot be started as asked; the message says what to change."""


@dataclass
class NewBriefing:
    """Where the new briefing was written, and its addresses as a draft and once published."""

    path: Path
    draft_url: str
    url: str


TEMPLATE = """\
Title: {title}
Date: {date}
Spokesperson: {spokespeople}
Tags: {tags}
Location: {location}
Source: {source}
Summary: One or two plain sentences on what was announced: the standfirst and feed summary.
Key_points: The first key point, in a few words
    The second key point
    The third key point
Status: draft

Write the briefing here, in Markdown. Start with the news: who said what, where and when.

> A quotation set as a block quote is shown as a pull quote.

Delete the `Status: draft` line above when the briefing is ready to publish.
"""


def _names(spellings: list[str], vocabulary: Any, kind: str) -> list[str]:
    """Return the registry's spelling of each name; unknown ones are an error with a hint."""
    names = []
    for spelling in spellings:
        entry = vocabulary.find(spelling)
        if entry is None:
            suggestion = vocabulary.suggestion(spelling)
            hint = f" Did you mean {suggestion!r}?" if suggestion else ""
            raise NewBriefingError(
                f"{spelling!r} is not in the {kind} registry ({vocabulary.shown_path}).{hint}"
            )
        names.append(entry.name)
    return names


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
    people = _names(spokesperson_names(spokesperson), registry.spokespeople, "spokesperson")
    if not people:
        raise NewBriefingError('Name the spokesperson: --spokesperson "Randhir Jaiswal"')
    labels = _names(tag_spellings(tags), registry.tags, "tag")
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
