"""Pelican with listings grouped in time linear in the number of briefings."""

from __future__ import annotations

from typing import Any

from pelican import Pelican
from pelican.generators import ArticlesGenerator


class MembershipList(list):
    """A list whose ``in`` is a set lookup: Pelican asks it once per briefing per listing."""

    def __init__(self, items: Any = ()) -> None:
        super().__init__(items)
        self._members = {id(item) for item in self}

    def __contains__(self, item: object) -> bool:
        return id(item) in self._members


class LinearArticlesGenerator(ArticlesGenerator):
    """Pelican's articles generator, without its scans of a list for every briefing.

    Pelican builds each tag's, spokesperson's and period's list with ``a in list`` for every
    briefing: N × (briefings in the listing), quadratic for a big tag. The lists here answer
    ``in`` from a set; what is listed, and in which order, is Pelican's own.
    """

    def generate_context(self) -> None:
        """Group the briefings as Pelican does, with lists that answer ``in`` at once."""
        super().generate_context()
        for tag in list(self.tags):
            self.tags[tag] = MembershipList(self.tags[tag])
        self.authors = [(author, MembershipList(items)) for author, items in self.authors]
        # Every briefing is in the one category: Pelican scans it once per briefing even
        # though no category page is written (50,000 briefings: half a minute).
        self.categories = [(category, MembershipList(items)) for category, items in self.categories]

    def _build_period_archives(
        self, sorted_articles: list[Any], articles: list[Any], settings: dict[str, Any]
    ) -> dict[str, list[dict[str, Any]]]:
        # Pelican fills each period's "articles" with `a in dates` for every briefing;
        # given no articles, it does the rest (addresses, names) and this fills them in.
        period_archives = super()._build_period_archives(sorted_articles, [], settings)
        # Each period's briefings in the order of ``articles``: sorting a period by position
        # costs its own size, where a scan of ``articles`` per period costs the archive's.
        position = {id(article): number for number, article in enumerate(articles)}
        for archives in period_archives.values():
            for archive in archives:
                listed = [article for article in archive["dates"] if id(article) in position]
                archive["articles"] = sorted(listed, key=lambda article: position[id(article)])
        return period_archives


class ArchivePelican(Pelican):
    """Pelican with the linear articles generator."""

    def _get_generator_classes(self) -> list[type]:
        return [
            LinearArticlesGenerator if generator is ArticlesGenerator else generator
            for generator in super()._get_generator_classes()
        ]
