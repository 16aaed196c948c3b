"""Check the whole content tree as a build would, without writing the site."""

from __future__ import annotations

import contextlib
import io
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pelican import Pelican, signals
from pelican.writers import Writer

from .build import BuildLog, fresh_state, recorded, site_settings
from .paths import SETTINGS


class _DiscardingWriter(Writer):
    """Pelican's writer with the writing left out: checking renders no page."""

    def write_file(self, *args: Any, **kwargs: Any) -> None:
        """Write nothing."""

    def write_feed(self, *args: Any, **kwargs: Any) -> None:
        """Write nothing."""


def offer_discarding_writer(pelican: Any) -> type[Writer]:
    """Offer Pelican the writer that writes nothing (connected only while checking)."""
    return _DiscardingWriter


@dataclass
class CheckReport:
    """What a check found: problems, the scheduled briefings, and how many would publish."""

    log: BuildLog
    scheduled: list[tuple[str, datetime]] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)
    published: int = 0

    @property
    def ok(self) -> bool:
        """Return True when a strict build would succeed."""
        return not self.log.errors


def check_site(settings_file: Path = SETTINGS, **overrides: Any) -> CheckReport:
    """Read and check every briefing and page exactly as a build does; write nothing."""
    with tempfile.TemporaryDirectory(prefix="briefing-check-") as scratch:
        # Read every file afresh: a cached article would hide its warnings.
        settings = site_settings(
            settings_file,
            OUTPUT_PATH=scratch,
            LOAD_CONTENT_CACHE=False,
            CACHE_CONTENT=False,
            INCREMENTAL_CACHE=False,
            # No page is written, so there is nothing to index (the index reads the pages).
            SEARCH_INDEX_ENABLED=False,
            # The check's writer must be the only one offered: the incremental plugin's
            # stands aside (and keeps the last build's manifest) when told.
            INCREMENTAL_WRITER=False,
            # Files written beside the writer: theme files, open data, robots.txt, the sitemap.
            THEME_STATIC_PATHS=[],
            OPEN_DATA_JSON_SAVE_AS="",
            OPEN_DATA_CSV_SAVE_AS="",
            OPEN_DATA_JSON_FEED_SAVE_AS="",
            ROBOTS_TXT_SAVE_AS="",
            SITEMAP_XML_SAVE_AS="",
            COMMENTS_THREADS_SAVE_AS="",
            CORRECTIONS_FEED_ATOM="",
            CORRECTIONS_FEED_JSON="",
            PERMANENT_ADDRESSES_REDIRECTS_SAVE_AS="",
            **overrides,
        )
        report = CheckReport(BuildLog())

        def count_briefings(generator: Any) -> None:
            now = datetime.now(UTC)
            site_root = Path(settings["PATH"]).parent
            report.published = len(generator.articles)
            # A future date made it a draft; an explicit `Status: draft` stays one.
            for draft in generator.drafts:
                shown = Path(draft.source_path).relative_to(site_root).as_posix()
                if "status" not in getattr(draft, "source_lines", {}) and draft.date > now:
                    report.scheduled.append((shown, draft.date))
                else:
                    report.drafts.append(shown)
            report.scheduled.sort(key=lambda item: item[1])
            report.drafts.sort()

        signals.get_writer.connect(offer_discarding_writer)
        signals.article_generator_finalized.connect(count_briefings)
        try:
            # Pelican's "Done: Processed ..." line would read as if something was built.
            with (
                recorded() as report.log,
                fresh_state(settings, report.log),
                contextlib.redirect_stdout(io.StringIO()),
            ):
                Pelican(settings).run()
        finally:
            signals.get_writer.disconnect(offer_discarding_writer)
            signals.article_generator_finalized.disconnect(count_briefings)
    return report
