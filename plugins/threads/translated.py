"""The threads pages of every other language than the default: its stories, under its prefix.

A language gets a story's page (``hi/stories/<slug>/``, with its feeds under ``hi/feeds/``)
when at least one step of the story has a version in it. Each step is shown in that language
where it has a version, else (unless LANGUAGES_UNTRANSLATED is "hide") in its own, marked, as
that language's tag pages list it. Titles and descriptions come from the story registry's
``[slug.<lang>]`` tables. Only languages that have pages of their own (the languages plugin's
``languages_pages``) get any, so a site without the languages plugin gets none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefing_metadata.reader import registry_for
from contract.languages import language_prefix
from languages.catalogs import translations_for
from languages.translations import version_in
from sitemap_xml.entries import SitemapEntry, language_versions, newest

from . import addresses
from .feeds import write_feeds
from .stories import Story

# The languages plugin's map of every address to its versions (hreflang, the switcher).
VERSIONS = "language_versions"


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
class LanguageThreads:
    """One language's threads pages: its stories index and the stories with a step in it."""

    lang: str
    index_url: str
    stories: list[StoryIn] = field(default_factory=list)

    def pages(self) -> list[tuple[str, str, list[Any], dict[str, Any]]]:
        """Return each page to write: template, address, the briefings it shows, its variables."""
        common = {"page_lang": self.lang}
        shown = [step for story in self.stories for step in story.steps]
        pages = [("stories", self.index_url, shown, {"stories": self.stories, **common})]
        pages += [("story", s.url, s.steps, {"story": s, **common}) for s in self.stories]
        return pages


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


def language_threads(generator: Any, default_urls: list[str]) -> list[LanguageThreads]:
    """Return the threads pages of each other language, and name them in the sitemap.

    ``default_urls`` are the addresses of the default language's threads pages, which the
    languages' versions pair them with.
    """
    settings, context = generator.settings, generator.context
    if not settings["THREADS_STORIES"]:
        return []
    found = []
    # In the order LANGUAGES lists them: the languages plugin made their other pages.
    for lang in context.get("languages_pages", {}):
        prefix = language_prefix(lang, settings)
        stories = [s for s in (story_in(s, lang, settings) for s in generator.stories) if s]
        # The index exists whenever the language has pages (its menu links it), stories or not.
        found.append(LanguageThreads(lang, prefix + settings["THREADS_STORIES_URL"], stories))
    entries = [SitemapEntry(url, newest(shown)) for t in found for _, url, shown, _ in t.pages()]
    context.setdefault("sitemap_entries", []).extend(entries)
    versions = context.get(VERSIONS)
    if versions is not None and entries:
        # The languages generator named every version it knew of before these pages existed.
        urls = default_urls + [entry.url for entry in entries]
        versions.update(language_versions([], urls, settings))
    return found


def write_language_threads(generator: Any, writer: Any, keep: Any) -> tuple[int, int]:
    """Write each language's threads pages and feeds; return how many were written and kept."""
    written = kept = 0
    settings = generator.settings
    for threads in generator.language_threads:
        for template, url, shown, variables in threads.pages():
            save_as = addresses.page(url)[1]
            if keep and keep(save_as, shown, template, url, threads.lang):
                kept += 1
                continue
            writer.write_file(
                save_as,
                generator.get_template(template),
                generator.context,
                relative_urls=settings["RELATIVE_URLS"],
                url=url,
                template_name=template,
                **variables,
            )
            written += 1
        feed_settings = settings_in(threads.lang, settings)
        for story in threads.stories:
            shown = list(reversed(story.steps))
            if keep and all([keep(name, shown, "feed", story.url) for name in story.feeds]):
                kept += 2
                continue
            write_feeds(
                generator.output_path,
                story.feeds,
                story.url,
                story.title,
                story.description,
                shown,
                feed_settings,
            )
            written += 2
    return written, kept


def settings_in(lang: str, settings: dict[str, Any]) -> dict[str, Any]:
    """Return the settings a feed in ``lang`` is written with: its language, the site's name."""
    site_name = translations_for(lang, settings).gettext(settings["SITENAME"])
    return {**settings, "DEFAULT_LANG": lang, "SITENAME": site_name}
