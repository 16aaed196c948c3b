"""List the archive's public pages, with their dates, from the briefings the build has read."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pelican.paginator import Paginator


@dataclass(frozen=True)
class SitemapEntry:
    """One page: its address relative to the site, and when what it shows last changed."""

    url: str
    lastmod: datetime | None


def changed_on(briefing: Any) -> datetime:
    """Return when a briefing last changed: its modified date, else its date."""
    return getattr(briefing, "modified", None) or briefing.date


def newest(briefings: Iterable[Any]) -> datetime | None:
    """Return the latest change among ``briefings``, or None when there are none."""
    return max((changed_on(briefing) for briefing in briefings), default=None)


def _address(url: str) -> str:
    # Pelican's URLs may end in index.html; a sitemap names the folder, as readers do.
    return re.sub(r"(^|/)index\.html$", r"\1", url)


def listing_entries(
    save_as: str, url: str, briefings: Sequence[Any], settings: dict[str, Any], template: str
) -> Iterator[SitemapEntry]:
    """Yield each page of a listing, paginated as Pelican's writer paginates it."""
    if not save_as:
        return
    paginated = settings["PAGINATED_TEMPLATES"]
    if template not in paginated:
        yield SitemapEntry(_address(url), newest(briefings))
        return
    per_page = paginated[template] or settings["DEFAULT_PAGINATION"]
    paginator = Paginator(save_as, url, briefings, settings, per_page)
    for number in range(1, paginator.num_pages + 1):
        page = paginator.page(number)
        yield SitemapEntry(_address(page.url), newest(page.object_list))


def _direct_templates(context: dict[str, Any], settings: dict[str, Any]) -> Iterator[SitemapEntry]:
    # As ArticlesGenerator.generate_direct_templates names them.
    for template in settings["DIRECT_TEMPLATES"]:
        save_as = settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
        url = settings.get(f"{template.upper()}_URL", save_as)
        yield from listing_entries(save_as, url, context["articles"], settings, template)


def site_entries(context: dict[str, Any], settings: dict[str, Any]) -> list[SitemapEntry]:
    """Return every public page the build writes, each once, sorted by address."""
    # Published briefings and pages only: drafts, hidden and scheduled ones are kept apart
    # by Pelican, in lists this never reads.
    entries = [SitemapEntry(_address(b.url), changed_on(b)) for b in context["articles"]]
    entries += [
        SitemapEntry(
            _address(page.url), getattr(page, "modified", None) or getattr(page, "date", None)
        )
        for page in context.get("pages", [])
    ]
    entries += _direct_templates(context, settings)
    for group in ("tags", "authors"):
        template = group[:-1]
        for subject, briefings in context.get(group, []):
            entries += listing_entries(subject.save_as, subject.url, briefings, settings, template)
    for periods in context.get("period_archives", {}).values():
        for period in periods:
            entries += listing_entries(
                period["save_as"], period["url"], period["articles"], settings, "period_archives"
            )
    entries += context.get("sitemap_entries", [])
    excluded = [re.compile(pattern) for pattern in settings["SITEMAP_XML_EXCLUDE"]]
    unique = {entry.url: entry for entry in entries}
    return [
        unique[url]
        for url in sorted(unique)
        if not any(pattern.search(url) for pattern in excluded)
    ]
