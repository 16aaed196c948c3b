"""List the archive's public pages, with their dates, from the briefings the build has read."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from pelican.paginator import Paginator

from contract.languages import default_language, language_prefix, site_languages


@dataclass(frozen=True)
class SitemapEntry:
    """One page: its address relative to the site, and when what it shows last changed.

    ``alternates`` are the page in each language, as (hreflang, address) pairs, the page
    itself and "x-default" (the default language's) included; none for a one-language page.
    """

    url: str
    lastmod: datetime | None
    alternates: tuple[tuple[str, str], ...] = ()


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
    # Every language's version: Pelican keeps those of other languages among translations.
    briefings = [
        *context["articles"],
        *(t for b in context["articles"] for t in b.translations if t.status == "published"),
    ]
    entries = [SitemapEntry(_address(b.url), changed_on(b)) for b in briefings]
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
    alternates = language_versions(briefings, list(unique), settings)
    return [
        replace(unique[url], alternates=alternates.get(url, ()))
        for url in sorted(unique)
        if not any(pattern.search(url) for pattern in excluded)
    ]


def add_language_versions(
    context: dict[str, Any], urls: list[str], settings: dict[str, Any]
) -> None:
    """Pair ``urls`` with their versions in the build's map of them (the languages plugin's).

    For pages a plugin makes after the languages generator named every version it knew of:
    the switcher, hreflang links and sitemap alternates read that map.
    """
    versions = context.get("language_versions")
    if versions is not None:
        versions.update(language_versions([], urls, settings))


def language_versions(
    briefings: Sequence[Any], urls: list[str], settings: dict[str, Any]
) -> dict[str, tuple[tuple[str, str], ...]]:
    """Return, for each address with versions in other languages, every version by hreflang.

    A briefing's versions are its translations; a listing's are the same address under each
    language's prefix (tags/x/ and hi/tags/x/).
    """
    default = default_language(settings)
    groups: list[dict[str, str]] = []
    for briefing in briefings:
        if briefing.lang == default or not any(t.lang == default for t in briefing.translations):
            versions = [briefing, *(t for t in briefing.translations if t.status == "published")]
            if len(versions) > 1:
                groups.append({v.lang: _address(v.url) for v in versions})
    known = set(urls)
    briefing_urls = {url for group in groups for url in group.values()}
    for url in urls:
        if url in briefing_urls:
            continue
        versions = {
            lang: language_prefix(lang, settings) + url
            for lang in site_languages(settings)
            if language_prefix(lang, settings) + url in known
        }
        if default in versions and len(versions) > 1:
            groups.append(versions)
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    for group in groups:
        pairs = tuple(sorted(group.items()))
        if default in group:
            pairs += (("x-default", group[default]),)
        for url in group.values():
            found[url] = pairs
    return found
