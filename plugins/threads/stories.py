"""Story threads: each story's briefings, oldest first, and each briefing's place in them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from . import addresses


def oldest_first(briefings: Iterable[Any]) -> list[Any]:
    """Return ``briefings`` by date, oldest first; the slug settles equal dates."""
    return sorted(briefings, key=lambda briefing: (briefing.date, briefing.slug))


@dataclass
class Story:
    """One story: the registry's entry and its briefings (steps), oldest first."""

    slug: str
    title: str
    description: str
    steps: list[Any] = field(default_factory=list)

    @property
    def url(self) -> str:
        """Return the story page's address."""
        return addresses.story(self.slug)

    @property
    def save_as(self) -> str:
        """Return the file the story page is saved as."""
        return addresses.page(self.url)[1]

    @property
    def feeds(self) -> tuple[str, str]:
        """Return the story's Atom and JSON Feed files."""
        return addresses.story_feeds(self.slug)

    @property
    def latest(self) -> Any:
        """Return the newest step."""
        return self.steps[-1]


@dataclass(frozen=True)
class StoryPart:
    """A briefing's place in one story: "Part 2 of 5", and the steps either side."""

    story: Story
    number: int
    total: int
    previous: Any | None
    next: Any | None


def gather_stories(briefings: Iterable[Any]) -> list[Story]:
    """Return every story some briefing names, its steps oldest first; stories by latest step."""
    stories: dict[str, Story] = {}
    members: dict[str, list[Any]] = defaultdict(list)
    for briefing in briefings:
        for entry in getattr(briefing, "stories", None) or []:
            stories.setdefault(
                entry.slug,
                Story(entry.slug, entry.name, entry.details.get("description", "")),
            )
            members[entry.slug].append(briefing)
    for slug, story in stories.items():
        story.steps = oldest_first(members[slug])
    # The index lists the story that moved most recently first.
    return sorted(stories.values(), key=lambda story: (-story.latest.date.timestamp(), story.slug))


def link_story_parts(briefings: Iterable[Any], stories: list[Story]) -> None:
    """Give each briefing ``story_parts``: its place in each story it belongs to."""
    for briefing in briefings:
        briefing.story_parts = []
    for story in sorted(stories, key=lambda story: story.slug):
        total = len(story.steps)
        for index, briefing in enumerate(story.steps):
            briefing.story_parts.append(
                StoryPart(
                    story,
                    index + 1,
                    total,
                    story.steps[index - 1] if index > 0 else None,
                    story.steps[index + 1] if index + 1 < total else None,
                )
            )
