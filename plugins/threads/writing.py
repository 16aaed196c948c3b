"""Writing the threads pages and feeds of any language, keeping those whose inputs are unchanged."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from babel.dates import format_date

from . import addresses
from .feeds import write_feeds
from .topics import TimelineYear, Topic, Wordings, timeline


@dataclass(frozen=True)
class YearLink:
    """A link to one year of a tag's timeline; ``current`` on that year's own page."""

    year: int
    url: str
    current: bool


class TimelineMarks:
    """The new and repeated marks of a language's timelines, worked out once per tag.

    ``locale`` names each month in the language ("फ़रवरी 2026"); None keeps English names.
    """

    def __init__(self, wordings: Wordings, locale: Any = None) -> None:
        self.wordings = wordings
        self.locale = locale
        self.topic: Topic | None = None
        self.years: dict[int, TimelineYear] = {}

    def variables(self, topic: Topic, page: Any) -> dict[str, Any]:
        """Return what one year's page shows beside its briefings: its marks, links to years."""
        if topic is not self.topic:
            # Once per tag, over its whole history: a point first said in 2024 is repeated
            # in 2025, on another page. A tag's years are consecutive pages.
            self.topic = topic
            marked = timeline(topic.briefings, topic.tag, self.wordings)
            self.years = {y.year: y for y in marked}
        year = self.years[page.year]
        if self.locale is not None:
            for month in year.months:
                month.label = format_date(month.entries[0].briefing.date, "LLLL y", self.locale)
        links = tuple(YearLink(p.year, p.url, p.year == page.year) for p in topic.timeline_pages)
        return {"timeline_year": year, "year_links": links}


def write_pages(
    generator: Any,
    writer: Any,
    pages: list[tuple[str, str, list[Any], dict[str, Any]]],
    marks: TimelineMarks,
    *details: str,
) -> tuple[int, int]:
    """Write ``pages`` (template, address, briefings shown, variables); return written, kept.

    ``details`` are what else each page's key covers (its language).
    """
    # Only the incremental writer can keep a page; any other writes everything.
    keep = getattr(writer, "keep_page", None)
    written = kept = 0
    for template, url, shown, variables in pages:
        save_as = addresses.page(url)[1]
        key = [template, url, *details]
        if template == "tag_timeline":
            extra = marks.variables(variables["topic"], variables["timeline_page"])
            # The page shows its year's briefings, marked by the wording of the years
            # before it, and links every year: its key covers those, and nothing else.
            key += [extra["timeline_year"].seen_before]
            key += [" ".join(str(link.year) for link in extra["year_links"])]
            variables = {**variables, **extra}
        if keep and keep(save_as, shown, *key):
            kept += 1
            continue
        writer.write_file(
            save_as,
            generator.get_template(template),
            generator.context,
            relative_urls=generator.settings["RELATIVE_URLS"],
            url=url,
            template_name=template,
            **variables,
        )
        written += 1
    return written, kept


def write_feed_pairs(
    generator: Any,
    writer: Any,
    feeds: list[tuple[tuple[str, str], str, str, str, list[Any]]],
    settings: dict[str, Any],
) -> tuple[int, int]:
    """Write each Atom and JSON Feed pair (files, page, title, description, briefings)."""
    keep = getattr(writer, "keep_page", None)
    written = kept = 0
    for files, url, title, description, shown in feeds:
        # Both files come from the same briefings: kept or written together.
        if keep and all([keep(name, shown, "feed", url) for name in files]):
            kept += 2
            continue
        write_feeds(generator.output_path, files, url, title, description, shown, settings)
        written += 2
    return written, kept
