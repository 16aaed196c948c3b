"""Related briefings keep their ranking (most shared tags, then newest) at any archive size."""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta

import pytest

from related_briefings.links import related_by_tags


def compare_every_pair(briefings, limit):
    """Rank by definition: count the tags shared with every other briefing."""
    related = {}
    for briefing in briefings:
        shared = Counter()
        for other in briefings:
            if other is not briefing and set(briefing.tags) & set(other.tags):
                shared[other] = len(set(briefing.tags) & set(other.tags))
        ranked = sorted(shared, key=lambda other: (shared[other], other.date), reverse=True)
        related[briefing] = ranked[:limit]
    return related


class Briefing:
    """Just what the ranking reads; compared by identity, as Pelican's articles are."""

    def __init__(self, title: str, date: datetime, tags: list[str]) -> None:
        self.title, self.date, self.tags = title, date, tags


def small_archive(seed: int, count: int):
    rng = random.Random(seed)
    tags = [f"tag-{i}" for i in range(8)]
    start = datetime(2020, 1, 1)
    briefings = [
        Briefing(
            title=f"b{n}",
            date=start + timedelta(hours=n),
            tags=rng.sample(tags, rng.randint(0, 4)),
        )
        for n in range(count)
    ]
    return sorted(briefings, key=lambda b: b.date, reverse=True)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("limit", [0, 1, 3, 5])
def test_ranking_is_the_same_as_comparing_every_pair(seed, limit):
    briefings = small_archive(seed, 60)
    assert related_by_tags(briefings, limit) == compare_every_pair(briefings, limit)


def test_a_briefing_without_tags_has_no_related_ones():
    briefings = small_archive(1, 10)
    briefings[0].tags = []
    assert related_by_tags(briefings, 3)[briefings[0]] == []
