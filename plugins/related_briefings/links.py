"""Work out each briefing's newer and older neighbour and its related briefings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any


def related_by_tags(briefings: Sequence[Any], limit: int) -> dict[Any, list[Any]]:
    """Return, for each briefing, up to ``limit`` others sharing the most tags, newest first.

    ``briefings`` must be sorted newest first.
    """
    # Comparing every briefing with every other that shares a tag grows with N × (briefings
    # per tag): quadratic, as a few tags hold most briefings. Instead, for every set of tags
    # a briefing has, keep the newest ``limit + 1`` briefings having all of them. A briefing
    # that shares exactly the set S with B and is not among the newest limit + 1 having S is
    # outranked by limit others (at least as many shared tags, and newer), so the candidates
    # always hold the true ranking. Cost: N × 2^(tags per briefing) × limit, linear in N.
    newest: dict[frozenset[Any], list[Any]] = defaultdict(list)
    tag_sets = {briefing: frozenset(getattr(briefing, "tags", [])) for briefing in briefings}
    for briefing in briefings:
        for subset in _subsets(tag_sets[briefing]):
            kept = newest[subset]
            if len(kept) <= limit:
                kept.append(briefing)
    order = {briefing: index for index, briefing in enumerate(briefings)}
    related = {}
    for briefing in briefings:
        tags = tag_sets[briefing]
        candidates = {
            other for subset in _subsets(tags) for other in newest[subset] if other is not briefing
        }
        # Most shared tags, then newest; among equal dates, the order of `briefings`.
        ranked = sorted(
            candidates,
            key=lambda other: (-len(tags & tag_sets[other]), _newest_first(other), order[other]),
        )
        related[briefing] = ranked[:limit]
    return related


def _newest_first(briefing: Any) -> float:
    return -briefing.date.timestamp()


def _subsets(tags: frozenset[Any]) -> list[frozenset[Any]]:
    """Return every non-empty subset of ``tags``."""
    items = sorted(tags, key=str)
    return [
        frozenset(items[i] for i in range(len(items)) if mask >> i & 1)
        for mask in range(1, 1 << len(items))
    ]


def link_briefings(generator: Any) -> None:
    """Attach ``newer_briefing``, ``older_briefing`` and ``related_briefings`` to each briefing."""
    # Each language apart: a briefing's neighbours and related briefings are in its language
    # (Pelican keeps the versions in other languages than the default among translations).
    by_language: dict[str, list[Any]] = defaultdict(list)
    for briefing in [*generator.articles, *generator.translations]:
        by_language[getattr(briefing, "lang", "")].append(briefing)
    for same_language in by_language.values():
        # Sorted here, not taken from Pelican's order: ARTICLE_ORDER_BY may list by title.
        briefings = sorted(same_language, key=lambda briefing: briefing.date, reverse=True)
        for index, briefing in enumerate(briefings):
            briefing.newer_briefing = briefings[index - 1] if index > 0 else None
            briefing.older_briefing = briefings[index + 1] if index + 1 < len(briefings) else None
        related = related_by_tags(briefings, generator.settings["RELATED_BRIEFINGS_MAX"])
        for briefing, others in related.items():
            briefing.related_briefings = others
