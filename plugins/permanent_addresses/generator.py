"""Check no published address is lost; write redirect pages and the `_redirects` file."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pelican.generators import Generator

from briefing_metadata.problems import display_path, report
from contract.addresses import public_siteurl
from contract.build import build_state

from .check import lost_addresses, moved_problems, published_addresses, redirects
from .record import read_record

logger = logging.getLogger(__name__)

# Where the build leaves the addresses it published, for `python3 dev.py addresses.record`.
PUBLISHED_NOTE = "permanent_addresses.published"


def redirect_save_as(address: str) -> str:
    """Return the file a static host serves for ``address``."""
    return address if address.endswith(".html") else f"{address.rstrip('/')}/index.html"


def redirects_file(moved: dict[str, Any], settings: dict[str, Any]) -> str:
    """Return the `_redirects` file (Netlify, Cloudflare Pages): old new 301, a line each."""
    # Paths from the host's root: a site published under a folder carries its prefix.
    prefix = urlsplit(public_siteurl(settings)).path.rstrip("/")
    lines = [
        f"{prefix}/{old} {prefix}/{briefing.url} 301"
        for old, briefing in sorted(moved.items(), key=lambda item: item[0])
    ]
    return "".join(f"{line}\n" for line in lines)


class AddressGenerator(Generator):
    """A Pelican generator that guards the record of addresses and writes the redirects."""

    def generate_context(self) -> None:
        """Check the record against this build's addresses; collect the redirects."""
        settings = self.settings
        current = published_addresses(self.context)
        briefings = [*self.context.get("articles", []), *self.context.get("hidden_articles", [])]
        problems = moved_problems(briefings, current)
        self.moved = {
            old: briefing for old, briefing in redirects(briefings).items() if old not in current
        }
        build_state(settings).notes[PUBLISHED_NOTE] = sorted(current)
        if settings["PERMANENT_ADDRESSES_RECORD"]:
            path = Path(settings["PATH"]) / settings["PERMANENT_ADDRESSES_RECORD"]
            shown = display_path(path, settings)
            record = read_record(path, shown)
            problems += record.problems
            problems += lost_addresses(record, shown, current, self.moved)
        report(problems, settings)

    def generate_output(self, writer: Any) -> None:
        """Write a redirect page at each old address, and the `_redirects` file."""
        template = self.get_template("redirect")
        for old, briefing in sorted(self.moved.items(), key=lambda item: item[0]):
            writer.write_file(
                redirect_save_as(old),
                template,
                self.context,
                self.settings["RELATIVE_URLS"],
                url=old,
                moved_briefing=briefing,
            )
        save_as = self.settings["PERMANENT_ADDRESSES_REDIRECTS_SAVE_AS"]
        if save_as:
            path = Path(self.output_path) / save_as
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(redirects_file(self.moved, self.settings), encoding="utf-8")
        logger.info("permanent_addresses: %d redirects", len(self.moved))


def add_address_generator(pelican: Any) -> type[AddressGenerator]:
    """Offer Pelican the generator of the address check and the redirects."""
    return AddressGenerator
