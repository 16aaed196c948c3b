"""The threads pages of every other language than the default, under its prefix.

A language gets a story's page (``hi/stories/<slug>/``, with its feeds under ``hi/feeds/``)
when at least one step of the story has a version in it, and a tag's timeline years, tag ×
year and tag × spokesperson pages (with their feeds) when they hold at least one of its
briefings. Each page lists what that language's tag pages list: a briefing's version in the
language where it has one, else (unless LANGUAGES_UNTRANSLATED is "hide") the briefing in its
own language, marked. Names come from the registries' ``[slug.<lang>]`` tables. Only
languages that have pages of their own (the languages plugin's ``languages_pages``) get any,
so a site without the languages plugin gets none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from briefing_metadata.reader import registry_for
from contract.languages import babel_locale, default_language, language_prefix
from languages.catalogs import translations_for
from languages.translations import version_in
from sitemap_xml.entries import SitemapEntry, add_language_versions, newest

from . import addresses
from .stories import Story, StoryPart
from .topics import (
    Facet,
    Topic,
    link_listings,
    timeline_pages,
    topic_pages,
    topics,
)
from .writing import TimelineMarks, write_feed_pairs, write_pages


@dataclass
class StoryIn(Story):
    """A story in a language other than the default: its steps in that language where they can."""

    lang: str = ""
    prefix: str = ""

    @property
    def url(self) -> str:
        """Return the story page's address, under the language's prefix."""
        return self.prefix + addresses.story(self.slug)

    @property
    def feeds(self) -> tuple[str, str]:
        """Return the story's Atom and JSON Feed files, under the language's prefix."""
        atom, json_feed = addresses.story_feeds(self.slug)
        return self.prefix + atom, self.prefix + json_feed


@dataclass
class FacetIn(Facet):
    """A tag × year or tag × spokesperson page in a language other than the default."""

    prefix: str = ""
    heading: str = ""

    @property
    def url(self) -> str:
        """Return the page's address, under the language's prefix."""
        return self.prefix + Facet.url.fget(self)

    @property
    def feeds(self) -> tuple[str, str]:
        """Return the page's Atom and JSON Feed files, under the language's prefix."""
        atom, json_feed = addresses.feeds_of(Facet.url.fget(self))
        return self.prefix + atom, self.prefix + json_feed

    @property
    def title(self) -> str:
        """Return the page's heading in its language."""
        return self.heading


@dataclass
class LanguageThreads:
    """One language's threads pages: its stories, and its tags' timelines and facets."""

    lang: str
    index_url: str | None
    stories: list[StoryIn] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)

    def pages(self) -> list[tuple[str, str, list[Any], dict[str, Any]]]:
        """Return each page to write: template, address, the briefings it shows, its variables."""
        common = {"page_lang": self.lang}
        pages = []
        if self.index_url is not None:
            shown = [step for story in self.stories for step in story.steps]
            pages.append(("stories", self.index_url, shown, {"stories": self.stories, **common}))
            pages += [("story", s.url, s.steps, {"story": s, **common}) for s in self.stories]
        for topic in self.topics:
            # Its timeline pages are none when the site has no timelines.
            pages += topic_pages(topic, timelines=True)
        return [(t, url, shown, {**v, **common}) for t, url, shown, v in pages]


def story_in(story: Story, lang: str, settings: dict[str, Any]) -> StoryIn | None:
    """Return ``story`` as readers of ``lang`` see it, or None when no step is in ``lang``."""
    hide = settings.get("LANGUAGES_UNTRANSLATED", "mark") == "hide"
    steps = []
    for step in story.steps:
        version = version_in(step, lang)
        if version is not None:
            steps.append(version)
        elif not hide:
            steps.append(step)
    if not any(step.lang == lang for step in steps):
        return None
    entry = registry_for(settings).stories.entries.get(story.slug)
    title = entry.name_in(lang) if entry else story.title
    description = entry.details_in(lang).get("description", "") if entry else story.description
    return StoryIn(
        story.slug, title, description, steps, lang=lang, prefix=language_prefix(lang, settings)
    )


def link_parts_in(stories: list[StoryIn], lang: str) -> None:
    """Give each briefing in ``lang`` its place in that language's stories ("भाग 2 (कुल 5)")."""
    # Only the language's own briefings: a step shown from another language keeps its place
    # in its own language's stories, as its page is in that language.
    parts: dict[int, list[StoryPart]] = {}
    for story in sorted(stories, key=lambda story: story.slug):
        steps, total = story.steps, len(story.steps)
        for index, briefing in enumerate(steps):
            if briefing.lang != lang:
                continue
            previous = steps[index - 1] if index > 0 else None
            following = steps[index + 1] if index + 1 < total else None
            part = StoryPart(story, index + 1, total, previous, following)
            parts.setdefault(id(briefing), []).append(part)
            briefing.story_parts = parts[id(briefing)]


def in_language(briefings: list[Any], lang: str) -> bool:
    """Return whether any of ``briefings`` is written in ``lang``."""
    return any(briefing.lang == lang for briefing in briefings)


def topics_in(pages: Any, settings: dict[str, Any]) -> list[Topic]:
    """Return a language's tags that hold one of its briefings, with their pages in it.

    ``pages`` is the languages plugin's LanguagePages: its tags and spokespeople, named in
    the language, with the briefings their pages list (worked out once, by that plugin).
    """
    lang, prefix = pages.lang, language_prefix(pages.lang, settings)
    gettext = translations_for(lang, settings).gettext
    wanted = {tag: found for tag, found in pages.tags if in_language(found, lang)}
    people = {person.slug: person for person, _ in pages.authors}
    found = topics(wanted, settings["THREADS_FACET_MIN_BRIEFINGS"])
    for topic in found:
        tag = topic.tag
        if settings["THREADS_FACETS"]:
            topic.years = [
                FacetIn(tag, "year", f.value, f.briefings, prefix, gettext("%(tag)s in %(year)s"))
                for f in topic.years
                if in_language(f.briefings, lang)
            ]
            topic.spokespeople = [
                FacetIn(tag, f.kind, people.get(f.value.slug, f.value), f.briefings, prefix)
                for f in topic.spokespeople
                if in_language(f.briefings, lang)
            ]
            for facet in topic.years:
                facet.heading = facet.heading % {"tag": tag, "year": facet.value}
            for facet in topic.spokespeople:
                heading = gettext("%(tag)s: briefings by %(name)s")
                facet.heading = heading % {"tag": tag, "name": facet.value}
        else:
            topic.years, topic.spokespeople = [], []
        # A year of the timeline in the language only when one of its briefings is; the
        # newest of those is the language's timeline/.
        by_year = {
            p.year: p.briefings for p in topic.timeline_pages if in_language(p.briefings, lang)
        }
        topic.timeline_pages = (
            [replace(page, url=prefix + page.url) for page in timeline_pages(tag, by_year)]
            if settings["THREADS_TIMELINES"]
            else []
        )
    return found


def language_threads(generator: Any, default_urls: list[str]) -> list[LanguageThreads]:
    """Return the threads pages of each other language, and name them in the sitemap.

    ``default_urls`` are the addresses of the default language's threads pages, which the
    languages' versions pair them with.
    """
    settings, context = generator.settings, generator.context
    if not settings["THREADS_OTHER_LANGUAGES"]:
        return []
    found = []
    # In the order LANGUAGES lists them: the languages plugin made their other pages.
    for lang, pages in context.get("languages_pages", {}).items():
        prefix = language_prefix(lang, settings)
        threads = LanguageThreads(lang, None)
        if settings["THREADS_STORIES"]:
            # The index exists whenever the language has pages (its menu links it).
            threads.index_url = prefix + settings["THREADS_STORIES_URL"]
            threads.stories = [
                s for s in (story_in(s, lang, settings) for s in generator.stories) if s
            ]
            link_parts_in(threads.stories, lang)
        if generator.topics:
            threads.topics = topics_in(pages, settings)
            # As in English, but a timeline's newest page is the newest year in the
            # language, and a tag's JSON Feed is the languages plugin's.
            link_listings(
                threads.topics,
                (person for person, _ in pages.authors),
                lambda topic: topic.timeline_pages[-1].url if topic.timeline_pages else "",
                lambda tag: "",
            )
        found.append(threads)
    entries = [SitemapEntry(url, newest(shown)) for t in found for _, url, shown, _ in t.pages()]
    context.setdefault("sitemap_entries", []).extend(entries)
    if entries:
        add_language_versions(context, default_urls + [entry.url for entry in entries], settings)
    return found


def write_language_threads(generator: Any, writer: Any) -> tuple[int, int]:
    """Write each language's threads pages and feeds; return how many were written and kept."""
    written = kept = 0
    settings = generator.settings
    for threads in generator.language_threads:
        marks = TimelineMarks(generator.wordings, babel_locale(threads.lang, settings))
        counts = [write_pages(generator, writer, threads.pages(), marks, threads.lang)]
        gettext = translations_for(threads.lang, settings).gettext
        feeds = [
            (story.feeds, story.url, story.title, story.description, list(reversed(story.steps)))
            for story in threads.stories
        ]
        for topic in threads.topics:
            description = gettext("Briefings tagged %(tag)s, newest first.") % {"tag": topic.tag}
            for facet in (*topic.years, *topic.spokespeople):
                feeds.append((facet.feeds, facet.url, facet.title, description, facet.briefings))
        feed_settings = settings_in(threads.lang, settings)
        counts.append(write_feed_pairs(generator, writer, feeds, feed_settings))
        written += sum(w for w, _ in counts)
        kept += sum(k for _, k in counts)
        write_follow_map(generator, threads)
    return written, kept


def follow_map(generator: Any, threads: LanguageThreads) -> dict[str, Any]:
    """Return what a search in a language can follow, by the names its filters show.

    A search on the Hindi search page filters by Hindi tag labels and spokesperson names, so
    the map is keyed by those: each tag's Hindi page and feeds, and each year's and
    spokesperson's Hindi page where there is one, else the default language's.
    """
    settings = generator.settings
    pages = generator.context["languages_pages"][threads.lang]
    prefix = language_prefix(threads.lang, settings)
    names = {person.slug: str(person) for person, _ in pages.authors}
    default = {topic.tag.slug: topic for topic in generator.topics}
    own = {topic.tag.slug: topic for topic in threads.topics}
    atom = settings.get("TAG_FEED_ATOM")
    # The language's tag JSON Feeds are written only with open_data (languages plugin).
    json_feed = settings.get("LANGUAGES_TAG_FEED_JSON")
    if "OPEN_DATA_JSON_FEED_SAVE_AS" not in settings:
        json_feed = ""
    document: dict[str, Any] = {}
    for tag, _ in pages.tags:
        if tag.slug not in default:
            continue
        # The default language's pages, where the language has none, say their language.
        other = default_language(settings)
        years = {str(f.value): follow(f, other) for f in default[tag.slug].years}
        people = {
            names.get(f.value.slug, str(f.value)): follow(f, other)
            for f in default[tag.slug].spokespeople
        }
        if tag.slug in own:
            years.update({str(f.value): follow(f) for f in own[tag.slug].years})
            people.update({str(f.value): follow(f) for f in own[tag.slug].spokespeople})
        document[str(tag)] = {
            "url": tag.url,
            "atom": prefix + atom.format(slug=tag.slug) if atom else None,
            "json": prefix + json_feed.format(slug=tag.slug) if json_feed else None,
            "year": years,
            "spokesperson": people,
        }
    return {"tag": document}


def follow(facet: Facet, lang: str = "") -> dict[str, str]:
    """Return a facet page as the follow map names it: its address, feeds and title.

    ``lang`` is the page's language when it is not the search page's.
    """
    atom, json_feed = facet.feeds
    found = {"url": facet.url, "atom": atom, "json": json_feed, "title": facet.title}
    return {**found, "lang": lang} if lang else found


def write_follow_map(generator: Any, threads: LanguageThreads) -> None:
    """Write a language's follow map beside its search page (hi/search/follow.json)."""
    if not generator.settings["THREADS_FACETS"]:
        return  # The search page offers none (search.html), as in the default language.
    name = language_prefix(threads.lang, generator.settings) + addresses.FOLLOW_JSON
    path = Path(generator.output_path) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as file:
        json.dump(follow_map(generator, threads), file, ensure_ascii=False, sort_keys=True)
        file.write("\n")


def settings_in(lang: str, settings: dict[str, Any]) -> dict[str, Any]:
    """Return the settings a feed in ``lang`` is written with: its language, the site's name."""
    site_name = translations_for(lang, settings).gettext(settings["SITENAME"])
    return {**settings, "DEFAULT_LANG": lang, "SITENAME": site_name}
