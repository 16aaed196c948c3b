"""Work out each briefing's newer and older neighbour and its related briefings."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any


def related_by_tags(briefings: Sequence[Any], limit: int) -> dict[Any, list[Any]]:
    """Return, for each briefing, up to ``limit`` others sharing the most tags, newest first."""
    by_tag: dict[Any, list[Any]] = defaultdict(list)
    for briefing in briefings:
        for tag in getattr(briefing, "tags", []):
            by_tag[tag].append(briefing)
    related = {}
    for briefing in briefings:
        shared: Counter[Any] = Counter()
        for tag in getattr(briefing, "tags", []):
            shared.update(other for other in by_tag[tag] if other is not briefing)
        ranked = sorted(shared, key=lambda other: (shared[other], other.date), reverse=True)
        related[briefing] = ranked[:limit]
    return related


def link_briefings(generator: Any) -> None:
    """Attach ``newer_briefing``, ``older_briefing`` and ``related_briefings`` to each briefing."""
    # Sorted here, not taken from Pelican's order: ARTICLE_ORDER_BY may list by title.
    briefings = sorted(generator.articles, key=lambda briefing: briefing.date, reverse=True)
    for index, briefing in enumerate(briefings):
        briefing.newer_briefing = briefings[index - 1] if index > 0 else None
        briefing.older_briefing = briefings[index + 1] if index + 1 < len(briefings) else None
    related = related_by_tags(briefings, generator.settings["RELATED_BRIEFINGS_MAX"])
    for briefing, others in related.items():
        briefing.related_briefings = others
