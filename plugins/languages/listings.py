"""The listings of every other language than the default: home, tags, spokespeople, dates.

The date archives (archives/, archives/<year>/, archives/<year>/<month>/) are written under
the language's prefix like the others, their months named in the language (periods.py).
"""

from __future__ import annotations

import json
from collections import defaultdict
from operator import attrgetter
from pathlib import Path, PurePosixPath
from typing import Any

from markupsafe import Markup
from pelican.generators import Generator, PelicanTemplateNotFound

from briefing_metadata.reader import registry_for
from briefing_metadata.wrappers import canonical, spokesperson_in, tag_in
from contract.build import build_state
from contract.languages import default_language, language_prefix, other_languages
from sitemap_xml.entries import language_versions, listing_entries, site_entries

from .catalogs import translations_for
from .periods import period_archives
from .templates import VERSIONS
from .translations import ORIGINALS, listed_in

# Pelican's direct templates a language gets, by the setting naming their address.
DIRECT_TEMPLATES = {
    "index": "INDEX",
    "tags": "TAGS",
    "authors": "AUTHORS",
    "search": "SEARCH",
    "archives": "ARCHIVES",
}
# Listed in the sitemap (the search page is not, as in the default language).
LISTED_TEMPLATES = ("index", "tags", "authors", "archives")


def canonical_groups(generator: Any) -> None:
    """Key the default language's tag and spokesperson pages by their default-language names."""
    # A briefing with no English version carries Hindi-named tags; equal to the English ones,
    # they would name the English tag page when such a briefing is the newest of its tag.
    generator.tags = {canonical(tag): briefings for tag, briefings in generator.tags.items()}
    generator.context["tags"] = list(generator.tags.items())
    generator.authors[:] = [(canonical(person), found) for person, found in generator.authors]


def direct_address(template: str, lang: str, settings: dict[str, Any]) -> tuple[str, str]:
    """Return the save_as and url of one of Pelican's direct templates in ``lang``."""
    name = DIRECT_TEMPLATES[template]
    if template not in settings.get("DIRECT_TEMPLATES", DIRECT_TEMPLATES):
        return "", ""
    save_as = settings.get(f"{name}_SAVE_AS", f"{template}.html")
    url = settings.get(f"{name}_URL", save_as if template != "index" else "")
    prefix = language_prefix(lang, settings)
    url = "" if url in ("index.html", "") else url
    return prefix + save_as, prefix + url


class LanguagePages:
    """One language's briefings, and their grouping by tag, spokesperson and date."""

    def __init__(self, lang: str, articles: list[Any], settings: dict[str, Any]) -> None:
        self.lang = lang
        self.articles = articles
        self.dates = sorted(
            articles, key=attrgetter("date"), reverse=settings.get("NEWEST_FIRST_ARCHIVES", True)
        )
        registry = registry_for(settings)
        tags: dict[str, list[Any]] = defaultdict(list)
        people: dict[str, list[Any]] = defaultdict(list)
        for briefing in articles:
            for tag in getattr(briefing, "tags", []):
                tags[tag.slug].append(briefing)
            for person in getattr(briefing, "authors", []):
                people[person.slug].append(briefing)
        self.tags = sorted(
            (tag_in(registry.tags.entries[slug], lang, settings), found)
            for slug, found in tags.items()
            if slug in registry.tags.entries
        )
        self.authors = sorted(
            (spokesperson_in(registry.spokespeople.entries[slug], lang, settings), found)
            for slug, found in people.items()
            if slug in registry.spokespeople.entries
        )
        self.period_archives = period_archives(articles, self.dates, lang, settings)


class LanguagesGenerator(Generator):
    """Write the listings of every language other than the default, once briefings are grouped."""

    def generate_context(self) -> None:
        """Work out each language's listings, and add their pages to the sitemap."""
        settings = self.settings
        originals = build_state(settings).notes.get(ORIGINALS, self.context.get("articles", []))
        self.languages: list[LanguagePages] = []
        entries = self.context.setdefault("sitemap_entries", [])
        for lang in other_languages(settings):
            articles = listed_in(lang, originals, settings)
            # A language with no briefing of its own gets no pages (only others' marked ones).
            if not any(briefing.lang == lang for briefing in articles):
                continue
            pages = LanguagePages(lang, articles, settings)
            self.languages.append(pages)
            for template in LISTED_TEMPLATES:
                save_as, url = direct_address(template, lang, settings)
                entries += listing_entries(save_as, url, pages.articles, settings, template)
            for group, template in ((pages.tags, "tag"), (pages.authors, "author")):
                for subject, found in group:
                    entries += listing_entries(
                        subject.save_as, subject.url, found, settings, template
                    )
            for periods in pages.period_archives.values():
                for period in periods:
                    entries += listing_entries(
                        period["save_as"],
                        period["url"],
                        period["articles"],
                        settings,
                        "period_archives",
                    )
        self.context["languages_pages"] = {pages.lang: pages for pages in self.languages}
        # Also a build note: the incremental writer keys plugins' own pages by their versions
        # (later generators add theirs to this same map, as the threads plugin does).
        self.context[VERSIONS] = build_state(settings).notes[VERSIONS] = self.page_versions()

    def page_versions(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Return every address with versions in other languages, and those versions."""
        settings = {**self.settings, "SITEMAP_XML_EXCLUDE": []}
        urls = [entry.url for entry in site_entries(self.context, settings)]
        # The search pages, which the sitemap leaves out.
        for lang in [default_language(settings), *(pages.lang for pages in self.languages)]:
            save_as, url = direct_address("search", lang, settings)
            if save_as:
                urls.append(url)
        articles = self.context.get("articles", [])
        briefings = [*articles, *(t for b in articles for t in b.translations)]
        return language_versions(briefings, urls, settings)

    def generate_output(self, writer: Any) -> None:
        """Write each language's home, tag, spokesperson and date pages."""
        for pages in self.languages:
            common = {"page_lang": pages.lang, "blog": True}
            for template in DIRECT_TEMPLATES:
                save_as, url = direct_address(template, pages.lang, self.settings)
                if not save_as:
                    continue
                self._write(
                    writer,
                    save_as,
                    template,
                    articles=pages.articles,
                    dates=pages.dates,
                    tags=pages.tags,
                    authors=pages.authors,
                    period_archives=pages.period_archives,
                    template_name=template,
                    page_name=save_as.removesuffix(PurePosixPath(save_as).suffix),
                    url=url,
                    **common,
                )
            # Each listing's briefings in date order: sorted by position, not by scanning the
            # language's briefings once per tag (quadratic at 10,000 briefings).
            position = {id(briefing): number for number, briefing in enumerate(pages.dates)}
            for template, groups in (("tag", pages.tags), ("author", pages.authors)):
                for subject, found in groups:
                    self._write(
                        writer,
                        subject.save_as,
                        template,
                        **{template: subject},
                        url=subject.url,
                        articles=found,
                        dates=sorted(
                            (briefing for briefing in found if id(briefing) in position),
                            key=lambda briefing: position[id(briefing)],
                        ),
                        template_name=template,
                        page_name=subject.page_name,
                        all_articles=pages.articles,
                        **common,
                    )
            self._write_periods(writer, pages, common)
            self._write_feeds(writer, pages)

    def _write_feeds(self, writer: Any, pages: LanguagePages) -> None:
        """Write each tag's and spokesperson's Atom feed in a language, under its prefix."""
        # The briefings each listing shows, newest first: the Hindi version where there is
        # one, else the other language's, as the page lists them.
        prefix = language_prefix(pages.lang, self.settings)
        site_name = translations_for(pages.lang, self.settings).gettext(self.settings["SITENAME"])
        for setting, groups in (("TAG_FEED_ATOM", pages.tags), ("AUTHOR_FEED_ATOM", pages.authors)):
            path = self.settings.get(setting)
            if not path:
                continue
            for subject, found in groups:
                writer.write_feed(
                    sorted(found, key=lambda briefing: briefing.date, reverse=True),
                    {**self.context, "SITENAME": site_name},
                    prefix + str(path).format(slug=subject.slug),
                    feed_title=str(subject),
                )
        if "OPEN_DATA_JSON_FEED_SAVE_AS" not in self.settings:
            return  # no open_data plugin: no records to make JSON feeds of
        for setting, groups in (
            ("LANGUAGES_TAG_FEED_JSON", pages.tags),
            ("LANGUAGES_AUTHOR_FEED_JSON", pages.authors),
        ):
            path = self.settings.get(setting)
            for subject, found in groups if path else ():
                save_as = prefix + path.format(slug=subject.slug)
                title = f"{site_name} - {subject}"
                feed = listing_json_feed(found, subject.url, save_as, title, pages.lang, self)
                output = Path(self.output_path) / save_as
                output.parent.mkdir(parents=True, exist_ok=True)
                output.write_text(
                    json.dumps(feed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
                )

    def _write_periods(self, writer: Any, pages: LanguagePages, common: dict[str, Any]) -> None:
        """Write a language's year and month pages, as Pelican writes the default language's."""
        try:
            template = self.get_template("period_archives")
        except PelicanTemplateNotFound:
            template = self.get_template("archives")
        for periods in pages.period_archives.values():
            for period in periods:
                writer.write_file(
                    period["save_as"],
                    template,
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    period=period["period"],
                    period_num=period["period_num"],
                    articles=period["articles"],
                    dates=period["dates"],
                    template_name="period_archives",
                    url=period["url"],
                    all_articles=pages.articles,
                    period_archives=pages.period_archives,
                    **common,
                )

    def _write(self, writer: Any, save_as: str, template: str, **kwargs: Any) -> None:
        if not save_as:
            return
        writer.write_file(
            save_as,
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            **kwargs,
        )


def listing_json_feed(
    briefings: list[Any], url: str, save_as: str, title: str, lang: str, generator: Any
) -> dict[str, Any]:
    """Return the JSON Feed of a listing page in another language: what the page lists."""
    from open_data.files import json_feed, newest_first
    from open_data.records import absolute_url, record_of, with_translations

    settings = generator.settings
    typeset = generator.env.filters.get("typographic", Markup.escape)
    found = newest_first(briefings)
    records = [
        with_translations(briefing, record_of(briefing, settings, typeset), settings)
        for briefing in found
    ]
    feed = json_feed(found, records, settings)
    # The page's language: an item in another one (listed marked) says so by its address.
    feed.update(
        title=title,
        description=translations_for(lang, settings).gettext(feed["description"]),
        home_page_url=absolute_url(settings, url),
        feed_url=absolute_url(settings, save_as),
        language=lang,
    )
    return feed


def add_languages_generator(pelican: Any) -> type:
    """Give Pelican the generator of the other languages' listings."""
    return LanguagesGenerator
