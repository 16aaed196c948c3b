"""The threads generator: links stories and facets into the context, then writes their pages."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from sitemap_xml.entries import SitemapEntry, newest

from . import addresses
from .feeds import json_feed, write_json_feed
from .stories import Story, gather_stories, link_story_parts
from .topics import (
    Facet,
    Topic,
    Wordings,
    link_listings,
    step_answers,
    step_points,
    topic_pages,
    topics,
)
from .translated import language_threads, write_language_threads
from .writing import TimelineMarks, write_feed_pairs, write_pages

logger = logging.getLogger(__name__)


def add_threads_generator(pelican: Any) -> type[ThreadsGenerator]:
    """Offer Pelican the generator of story, timeline and facet pages."""
    return ThreadsGenerator


class ThreadsGenerator(Generator):
    """Story pages and index, tag timelines, tag × year and tag × spokesperson pages, feeds."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # What a story step shows: the story page asks the same function as the timeline.
        self.env.globals["step_points"] = step_points
        self.env.globals["step_answers"] = step_answers

    def generate_context(self) -> None:
        """Link each briefing to its stories and each tag and spokesperson to their facets."""
        settings = self.settings
        briefings = self.context.get("articles", [])
        self.wordings = Wordings()
        self.stories: list[Story] = gather_stories(briefings) if settings["THREADS_STORIES"] else []
        link_story_parts(briefings, self.stories)
        for other in (*self.context.get("drafts", []), *self.context.get("hidden_articles", [])):
            other.story_parts = []
        wanted = (
            settings["THREADS_TIMELINES"]
            or settings["THREADS_FACETS"]
            or settings["THREADS_TAG_FEED_JSON"]
        )
        tags = dict(self.context.get("tags", {}))
        self.topics: list[Topic] = (
            topics(tags, settings["THREADS_FACET_MIN_BRIEFINGS"]) if wanted else []
        )
        if not settings["THREADS_FACETS"]:
            for topic in self.topics:
                topic.years, topic.spokespeople = [], []
        self._link_listings()
        entries = self._sitemap_entries()
        self.context.setdefault("sitemap_entries", []).extend(entries)
        # The same pages in each other language that has content for them (translated.py).
        self.language_threads = language_threads(self, [entry.url for entry in entries])

    def _link_listings(self) -> None:
        """Give tags and spokespeople the links their pages show (and their page keys count)."""
        timelines = self.settings["THREADS_TIMELINES"]
        link_listings(
            self.topics,
            (author for author, _ in self.context.get("authors", [])),
            lambda topic: topic.timeline_url if timelines else "",
            self._tag_json_feed,
        )

    def _tag_json_feed(self, tag: Any) -> str:
        """Return the file of a tag's JSON Feed, or ''."""
        pattern = self.settings["THREADS_TAG_FEED_JSON"]
        return pattern.format(slug=tag.slug) if pattern else ""

    def _pages(self) -> list[tuple[str, str, list[Any], dict[str, Any]]]:
        """Return each page to write: template, address, the briefings it shows, its variables."""
        pages = []
        if self.settings["THREADS_STORIES"]:
            shown = [step for story in self.stories for step in story.steps]
            index = self.settings["THREADS_STORIES_URL"]
            pages.append(("stories", index, shown, {"stories": self.stories}))
            pages += [("story", s.url, s.steps, {"story": s}) for s in self.stories]
        for topic in self.topics:
            pages += topic_pages(topic, self.settings["THREADS_TIMELINES"])
        return pages

    def _sitemap_entries(self) -> list[SitemapEntry]:
        return [SitemapEntry(url, newest(shown)) for _, url, shown, _ in self._pages()]

    def _feeds(self) -> list[tuple[tuple[str, str], str, str, str, list[Any]]]:
        """Return each pair of feeds: files, page address, title, description, briefings."""
        feeds = []
        for story in self.stories:
            newest_first = list(reversed(story.steps))
            feeds.append((story.feeds, story.url, story.title, story.description, newest_first))
        for topic in self.topics:
            for facet in (*topic.years, *topic.spokespeople):
                description = f"Briefings tagged {facet.tag}, newest first."
                feeds.append((facet.feeds, facet.url, facet.title, description, facet.briefings))
        return feeds

    def generate_output(self, writer: Any) -> None:
        """Write every page and feed, reusing those whose briefings are unchanged."""
        written, kept = write_pages(self, writer, self._pages(), TimelineMarks(self.wordings))
        more_written, more_kept = write_feed_pairs(self, writer, self._feeds(), self.settings)
        written, kept = written + more_written, kept + more_kept
        keep = getattr(writer, "keep_page", None)
        for topic in self.topics:
            name = self._tag_json_feed(topic.tag)
            # As many entries as Pelican's Atom feed of the tag, from the same briefings.
            shown = topic.briefings[: self.settings.get("FEED_MAX_ITEMS")]
            if not name or (keep and keep(name, shown, "feed", topic.tag.url)):
                kept += bool(name)
                continue
            title = f"Briefings tagged “{topic.tag}”"
            description = f"Briefings tagged {topic.tag}, newest first."
            document = json_feed(name, topic.tag.url, title, description, shown, self.settings)
            write_json_feed(self.output_path, name, document)
            written += 1
        more_written, more_kept = write_language_threads(self, writer)
        written, kept = written + more_written, kept + more_kept
        self._write_follow_map()
        logger.info("threads: wrote %d pages and feeds, kept %d unchanged", written, kept)

    def _write_follow_map(self) -> None:
        """Write the pages and feeds a search with one tag (and a year or person) can follow."""
        tag_feed = self.settings.get("TAG_FEED_ATOM")
        document: dict[str, Any] = {}
        for topic in self.topics:
            tag = topic.tag
            document[str(tag)] = {
                "url": tag.url,
                "atom": tag_feed.format(slug=tag.slug) if tag_feed else None,
                "json": self._tag_json_feed(tag) or None,
                "year": {str(f.value): _follow(f) for f in topic.years},
                "spokesperson": {str(f.value): _follow(f) for f in topic.spokespeople},
            }
        path = Path(self.output_path) / addresses.FOLLOW_JSON
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as file:
            json.dump({"tag": document}, file, ensure_ascii=False, sort_keys=True)
            file.write("\n")


def _follow(facet: Facet) -> dict[str, str]:
    atom, json_feed = facet.feeds
    return {"url": facet.url, "atom": atom, "json": json_feed, "title": facet.title}
