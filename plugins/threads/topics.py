"""The line on a topic over time: each tag's timeline, and its pages by year and spokesperson."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from transcripts.records import entries_of

from . import addresses
from .stories import oldest_first

MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]


def normalised(point: str) -> str:
    """Return the wording two key points share when they say the same thing."""
    # Case, spacing and punctuation aside: "Focus on drugs." and "focus on  drugs" match.
    return " ".join(re.findall(r"\w+", str(point).casefold()))


# Where a sentence ends: its stop (and a closing quote), then a space and no lowercase word,
# so "Mr. Jaiswal" may cut short but "e.g. the chemicals" does not.
SENTENCE_END = re.compile(r"[.!?…।][\"'”’)]*(?=\s+(?![a-z]))")


def step_points(briefing: Any) -> list[str]:
    """Return what a briefing said, as timeline and story steps show it: its key points."""
    return list(getattr(briefing, "key_points", None) or [])


def first_sentence(text: str) -> str:
    """Return the first sentence of ``text``'s first paragraph."""
    paragraph = text.strip().split("\n\n", 1)[0]
    end = SENTENCE_END.search(paragraph)
    return paragraph[: end.end()] if end else paragraph


@dataclass(frozen=True)
class Answered:
    """A question of a step's transcript: its anchor, its text, its answer's first sentence.

    ``new`` says whether the answer's wording is new under the timeline's tag; None where
    nothing is marked (a story page).
    """

    url: str
    number: int
    question: str
    answer: str
    new: bool | None = None


def step_answers(briefing: Any, tag: Any = None) -> list[Answered]:
    """Return a briefing's questions (those on ``tag``, if given), each with its answer."""
    answered = []
    for entry in entries_of(briefing):
        if tag is not None and tag.slug not in {t.slug for t in entry.question.tags}:
            continue
        answer = first_sentence(entry.answers[0].text) if entry.answers else ""
        question = entry.question.paragraphs[0] if entry.question.paragraphs else ""
        answered.append(Answered(entry.url, entry.question.number, question, answer))
    return answered


@dataclass(frozen=True)
class Point:
    """One key point on a timeline, and whether its wording is new under the tag."""

    text: str
    new: bool


@dataclass
class TimelineEntry:
    """A briefing on a timeline: key points and answers on the tag, marked new or repeated."""

    briefing: Any
    points: list[Point]
    answers: list[Answered] = field(default_factory=list)


@dataclass
class TimelineMonth:
    """The briefings of one month."""

    label: str
    entries: list[TimelineEntry] = field(default_factory=list)


@dataclass
class TimelineYear:
    """The months of one year, oldest first.

    ``seen_before`` is a digest of the wording seen under the tag in the years before: all a
    year's page takes from them (its marks), so only a change there re-renders the page.
    """

    year: int
    months: list[TimelineMonth] = field(default_factory=list)
    seen_before: str = ""


class Wordings:
    """Each briefing's key points and answers with their normalised wording, worked out once.

    A briefing is on the timeline of each of its tags, in each language it is listed in,
    and a rebuild works out every timeline's marks again (to know which pages to keep).
    Keyed by the briefing object: make one for a build, and drop it with the build.
    """

    def __init__(self) -> None:
        self._points: dict[int, list[tuple[str, str]]] = {}
        self._answers: dict[int, list[tuple[frozenset[str], Answered, str]]] = {}

    def points(self, briefing: Any) -> list[tuple[str, str]]:
        """Return each key point of ``briefing`` with its normalised wording."""
        key = id(briefing)
        if key not in self._points:
            self._points[key] = [(point, normalised(point)) for point in step_points(briefing)]
        return self._points[key]

    def answers(self, briefing: Any, tag: Any) -> list[tuple[Answered, str]]:
        """Return the questions of ``briefing`` on ``tag``, each with its answer's wording."""
        key = id(briefing)
        if key not in self._answers:
            self._answers[key] = [
                (frozenset(t.slug for t in entry.question.tags), item, normalised(item.answer))
                for entry, item in zip(entries_of(briefing), step_answers(briefing), strict=True)
            ]
        return [(item, wording) for tags, item, wording in self._answers[key] if tag.slug in tags]


def timeline(
    briefings: Iterable[Any], tag: Any = None, wordings: Wordings | None = None
) -> list[TimelineYear]:
    """Group ``briefings`` by year and month, oldest first, and mark each key point new or not.

    With ``tag``, each briefing also shows its questions on the tag, and each answer is
    marked the same way: key points and answers share one record of the wording seen.
    """
    wordings = wordings or Wordings()
    seen: set[str] = set()
    # Grows with each wording seen for the first time, in order: equal digests, equal marks.
    history = hashlib.sha256()
    years: list[TimelineYear] = []

    def first_seen(wording: str) -> bool:
        new = wording not in seen
        if new:
            seen.add(wording)
            history.update(wording.encode() + b"\0")
        return new

    for briefing in oldest_first(briefings):
        date = briefing.date
        if not years or years[-1].year != date.year:
            years.append(TimelineYear(date.year, seen_before=history.hexdigest()))
        points = [Point(point, first_seen(wording)) for point, wording in wordings.points(briefing)]
        answers = []
        if tag is not None:
            # One answer to two questions on the tag is judged once: not "repeated" from itself.
            judged: dict[str, bool] = {}
            for item, wording in wordings.answers(briefing, tag):
                if not wording:
                    answers.append(item)
                    continue
                if wording not in judged:
                    judged[wording] = first_seen(wording)
                answers.append(replace(item, new=judged[wording]))
        label = f"{MONTHS[date.month - 1]} {date.year}"
        months = years[-1].months
        if not months or months[-1].label != label:
            months.append(TimelineMonth(label))
        months[-1].entries.append(TimelineEntry(briefing, points, answers))
    return years


@dataclass(frozen=True)
class FacetLink:
    """A link with a count, as the tag and spokesperson pages show it: "2026 (5)"."""

    label: str
    count: int
    url: str


@dataclass
class Facet:
    """One tag's briefings in one year, or by one spokesperson: a page with two feeds."""

    tag: Any
    kind: str  # "year" or "spokesperson"
    value: Any  # the year (int) or the spokesperson (Pelican's Author)
    briefings: list[Any]  # newest first

    @property
    def url(self) -> str:
        """Return the page's address."""
        if self.kind == "year":
            return addresses.tag_year(self.tag.slug, self.value)
        return addresses.tag_spokesperson(self.tag.slug, self.value.slug)

    @property
    def save_as(self) -> str:
        """Return the file the page is saved as."""
        return addresses.page(self.url)[1]

    @property
    def feeds(self) -> tuple[str, str]:
        """Return the page's Atom and JSON Feed files."""
        return addresses.feeds_of(self.url)

    @property
    def title(self) -> str:
        """Return the page's heading, as plain text."""
        if self.kind == "year":
            return f"{self.tag} in {self.value}"
        return f"{self.tag}: briefings by {self.value}"


@dataclass(frozen=True)
class TimelinePage:
    """One year of a tag's timeline: the newest at ``timeline/``, each other at its year's."""

    year: int
    url: str
    briefings: list[Any]  # newest first


@dataclass
class Topic:
    """A tag's derived pages: its timeline, a page a year, and its facets."""

    tag: Any
    briefings: list[Any]
    years: list[Facet]
    spokespeople: list[Facet]
    timeline_pages: list[TimelinePage] = field(default_factory=list)  # oldest year first

    @property
    def timeline_url(self) -> str:
        """Return the timeline's address: its newest year."""
        return addresses.timeline(self.tag.slug)


def timeline_pages(tag: Any, by_year: dict[int, list[Any]]) -> list[TimelinePage]:
    """Return a tag's timeline pages, oldest year first: one a year, the newest at timeline/."""
    newest = max(by_year, default=None)
    return [
        TimelinePage(
            year,
            addresses.timeline(tag.slug)
            if year == newest
            else addresses.timeline_year(tag.slug, year),
            items,
        )
        for year, items in sorted(by_year.items())
    ]


def newest_first(briefings: Iterable[Any]) -> list[Any]:
    """Return ``briefings`` newest first; the slug settles equal dates."""
    return sorted(briefings, key=lambda briefing: (-briefing.date.timestamp(), briefing.slug))


def topics(tags: dict[Any, Sequence[Any]], minimum: int) -> list[Topic]:
    """Return each tag's facets that hold at least ``minimum`` briefings."""
    result = []
    for tag, briefings in sorted(tags.items(), key=lambda item: item[0].slug):
        ordered = newest_first(briefings)
        by_year: dict[int, list[Any]] = defaultdict(list)
        by_person: dict[str, list[Any]] = defaultdict(list)
        people: dict[str, Any] = {}
        for briefing in ordered:
            by_year[briefing.date.year].append(briefing)
            for person in getattr(briefing, "authors", []):
                people.setdefault(person.slug, person)
                by_person[person.slug].append(briefing)
        years = [
            Facet(tag, "year", year, items)
            for year, items in sorted(by_year.items())
            if len(items) >= minimum
        ]
        spokespeople = [
            Facet(tag, "spokesperson", people[slug], items)
            for slug, items in sorted(by_person.items(), key=lambda item: str(people[item[0]]))
            if len(items) >= minimum
        ]
        pages = timeline_pages(tag, by_year)
        result.append(Topic(tag, ordered, years, spokespeople, pages))
    return result


def facet_links(facets: Iterable[Facet], label: Any) -> tuple[FacetLink, ...]:
    """Return links to ``facets``, each labelled by ``label(facet)`` with its count."""
    return tuple(FacetLink(str(label(f)), len(f.briefings), f.url) for f in facets)


def topic_pages(topic: Topic, timelines: bool) -> list[tuple[str, str, list[Any], dict[str, Any]]]:
    """Return a tag's pages to write: template, address, the briefings it shows, its variables.

    Its timeline's years (when ``timelines``), then its tag × year and tag × spokesperson pages.
    """
    pages = []
    if timelines:
        # A page a year, so a timeline stays small however long the tag's history.
        for year_page in topic.timeline_pages:
            variables = {"topic": topic, "tag": topic.tag, "timeline_page": year_page}
            pages.append(("tag_timeline", year_page.url, year_page.briefings, variables))
    for facet in (*topic.years, *topic.spokespeople):
        variables = {"facet": facet, "tag": topic.tag, "articles": facet.briefings}
        pages.append(("topic_facet", facet.url, facet.briefings, variables))
    return pages


@dataclass(frozen=True)
class TagTopicLinks:
    """What a tag's page links to: its timeline, its years and who spoke on it, with counts.

    And its JSON Feed, beside Pelican's Atom feed of the tag.
    """

    timeline_url: str
    years: tuple[FacetLink, ...]
    spokespeople: tuple[FacetLink, ...]
    json_feed: str = ""


def link_listings(
    found: list[Topic],
    spokespeople: Iterable[Any],
    timeline_url: Callable[[Topic], str],
    json_feed: Callable[[Any], str],
) -> None:
    """Give tags and spokespeople the links their pages show (and their page keys count).

    ``timeline_url(topic)`` and ``json_feed(tag)`` name a tag's timeline and JSON Feed, or ''.
    """
    by_person: dict[str, list[Facet]] = defaultdict(list)
    for topic in found:
        topic.tag.topic_links = TagTopicLinks(
            timeline_url(topic),
            facet_links(topic.years, lambda facet: facet.value),
            facet_links(topic.spokespeople, lambda facet: facet.value),
            json_feed(topic.tag),
        )
        for facet in topic.spokespeople:
            by_person[facet.value.slug].append(facet)
    for person in spokespeople:
        facets = sorted(by_person.get(person.slug, []), key=lambda facet: str(facet.tag))
        person.topic_links = facet_links(facets, lambda facet: facet.tag)
