"""Write the corrections ledger (paginated, with its feeds) and the withdrawals ledger."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from sitemap_xml.entries import SitemapEntry, add_language_versions, listing_entries

from .feeds import write_atom, write_json
from .ledger import corrections, withdrawn
from .translated import language_ledgers, write_language_ledgers

logger = logging.getLogger(__name__)


class LedgerGenerator(Generator):
    """A Pelican generator for the two ledger pages and the corrections feeds."""

    def generate_context(self) -> None:
        """Collect the corrections of published briefings and the withdrawn briefings."""
        settings = self.settings
        # Withdrawn briefings are hidden ones (briefing_metadata's reader): listed only in
        # their own ledger, and their corrections with them, not in this one.
        self.corrections = corrections(self.context.get("articles", []))
        self.withdrawn = withdrawn(self.context.get("hidden_articles", []))
        # The same ledgers in each other language with entries of its own (translated.py).
        self.languages = language_ledgers(self.context, settings)
        entries = self._sitemap_entries("", self.corrections, self.withdrawn)
        for ledgers in self.languages:
            entries += self._sitemap_entries(ledgers.prefix, ledgers.corrections, ledgers.withdrawn)
        self.context.setdefault("sitemap_entries", []).extend(entries)
        if self.languages:
            add_language_versions(self.context, [entry.url for entry in entries], settings)

    def _sitemap_entries(
        self, prefix: str, corrected: list[Any] | None, gone: list[Any] | None
    ) -> list[SitemapEntry]:
        """Return the ledgers' pages under ``prefix``; None for a ledger not written."""
        settings = self.settings
        entries = []
        if corrected is not None and settings["CORRECTIONS_SAVE_AS"]:
            entries += listing_entries(
                prefix + settings["CORRECTIONS_SAVE_AS"],
                prefix + settings["CORRECTIONS_URL"],
                corrected,
                settings,
                "corrections",
            )
        if gone is not None and settings["CORRECTIONS_WITHDRAWN_SAVE_AS"]:
            latest = max((b.withdrawal.date for b in gone), default=None)
            lastmod = latest.replace(tzinfo=gone[0].date.tzinfo) if latest else None
            entries.append(SitemapEntry(prefix + settings["CORRECTIONS_WITHDRAWN_URL"], lastmod))
        return entries

    def generate_output(self, writer: Any) -> None:
        """Write the ledgers through Pelican's writer, and the feeds beside them."""
        settings = self.settings
        relative = settings["RELATIVE_URLS"]
        if settings["CORRECTIONS_SAVE_AS"]:
            writer.write_file(
                settings["CORRECTIONS_SAVE_AS"],
                self.get_template("corrections"),
                self.context,
                relative,
                paginated={"corrections": self.corrections},
                template_name="corrections",
                url=settings["CORRECTIONS_URL"],
            )
        if settings["CORRECTIONS_WITHDRAWN_SAVE_AS"]:
            writer.write_file(
                settings["CORRECTIONS_WITHDRAWN_SAVE_AS"],
                self.get_template("withdrawn"),
                self.context,
                relative,
                url=settings["CORRECTIONS_WITHDRAWN_URL"],
                withdrawn_briefings=self.withdrawn,
            )
        # The generator's folder: a staged build writes somewhere else than OUTPUT_PATH.
        output = Path(self.output_path)
        if settings["CORRECTIONS_FEED_ATOM"]:
            write_atom(output / settings["CORRECTIONS_FEED_ATOM"], self.corrections, settings)
        if settings["CORRECTIONS_FEED_JSON"]:
            write_json(output / settings["CORRECTIONS_FEED_JSON"], self.corrections, settings)
        write_language_ledgers(self, writer)
        logger.info(
            "corrections: %d corrections, %d withdrawn briefings",
            len(self.corrections),
            len(self.withdrawn),
        )


def add_ledger_generator(pelican: Any) -> type[LedgerGenerator]:
    """Offer Pelican the generator of the ledgers."""
    return LedgerGenerator
