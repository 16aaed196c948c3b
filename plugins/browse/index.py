"""Count briefings by topic, spokesperson and year, and give every briefing its trail."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Entry:
    """One way into the archive: a tag, spokesperson or year, how many briefings, how recent."""

    subject: Any
    label: str
    url: str
    count: int
    latest: datetime

    @property
    def latest_label(self) -> str:
        """Return the date of the newest briefing, as the pages write dates."""
        return f"{self.latest:%-d %b %Y}"


# How many other topics a tag page's side column names (the tags index has them all).
SIDE_TOPICS = 8


@dataclass(frozen=True)
class FrontPage:
    """What the front page and the tags index list, and a digest of it for page reuse."""

    topics: list[Entry]
    spokespeople: list[Entry]
    years: list[Entry]

    @property
    def topics_by_name(self) -> list[Entry]:
        """Return the topics in alphabetical order, for the tags index."""
        return sorted(self.topics, key=lambda entry: entry.label.casefold())

    def topics_besides(self, url: str) -> list[Entry]:
        """Return the most active topics but the one at ``url``, for a tag page's side column."""
        return [entry for entry in self.topics if entry.url != url][:SIDE_TOPICS]

    @property
    def digest(self) -> str:
        """Return a hash of everything listed, so a page showing it is re-rendered on change."""
        return _digest([*self.topics, *self.spokespeople, *self.years])

    @property
    def side_digest(self) -> str:
        """Return a hash of what listing pages' side columns show: leading topics, years."""
        return _digest([*self.topics[: SIDE_TOPICS + 1], *self.years])


def _digest(entries: Sequence[Entry]) -> str:
    text = repr(
        [(entry.label, entry.url, entry.count, entry.latest.isoformat()) for entry in entries]
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def most_active_first(
    groups: Iterable[tuple[Any, Sequence[Any]]], url: Any = lambda subject: subject.url
) -> list[Entry]:
    """Return an entry per group: most briefings first, then the most recent, then by name."""
    entries = [
        Entry(subject, str(subject), url(subject), len(briefings), max(b.date for b in briefings))
        for subject, briefings in groups
        if briefings
    ]
    entries.sort(key=lambda entry: entry.label.casefold())
    entries.sort(key=lambda entry: (entry.count, entry.latest), reverse=True)
    return entries


def by_year(briefings: Sequence[Any], year_url: str) -> list[Entry]:
    """Return an entry per year that has briefings, newest year first."""
    counts = Counter(briefing.date.year for briefing in briefings)
    latest: dict[int, datetime] = {}
    for briefing in briefings:
        year = briefing.date.year
        latest[year] = max(latest.get(year, briefing.date), briefing.date)
    return [
        Entry(year, str(year), year_url.format(date=latest[year]), counts[year], latest[year])
        for year in sorted(counts, reverse=True)
    ]


def trail(briefing: Any, sitename: str) -> list[tuple[Any, str]]:
    """Return a briefing's breadcrumb trail: home, its first tag (its topic), itself."""
    crumbs = [(sitename, "")]
    if getattr(briefing, "tags", None):
        topic = briefing.tags[0]
        crumbs.append((str(topic), topic.url))
    # The title as the page prints it: typeset, already escaped (Markup).
    crumbs.append((briefing.title, briefing.url))
    return crumbs


def offer_front_page(generator: Any) -> None:
    """Put ``front_page`` in the templates' context and a trail on every briefing."""
    settings = generator.settings
    front_page = FrontPage(
        topics=most_active_first(generator.tags.items()),
        spokespeople=most_active_first(generator.authors),
        years=by_year(generator.articles, settings.get("YEAR_ARCHIVE_URL") or ""),
    )
    generator.context["front_page"] = front_page
    for briefing in [*generator.articles, *generator.drafts]:
        briefing.breadcrumbs = trail(briefing, settings["SITENAME"])
