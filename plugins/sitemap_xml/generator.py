"""Write sitemap.xml (sitemaps.org protocol) from the pages the content makes."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from contract.addresses import public_siteurl

from .entries import SitemapEntry, site_entries

logger = logging.getLogger(__name__)

HEADER = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    ' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def lastmod(moment: datetime) -> str:
    """Return a W3C datetime, as the sitemap protocol asks for."""
    return moment.isoformat(timespec="seconds")


def sitemap_xml(siteurl: str, entries: list[SitemapEntry]) -> str:
    """Return the sitemap of ``entries``, each address made absolute with ``siteurl``."""
    base = siteurl.rstrip("/")
    lines = [HEADER]
    for entry in entries:
        lines.append(f"<url><loc>{escape(f'{base}/{entry.url}')}</loc>")
        if entry.lastmod is not None:
            lines.append(f"<lastmod>{lastmod(entry.lastmod)}</lastmod>")
        # Google's way of naming a page's versions in other languages, in the sitemap.
        for hreflang, url in entry.alternates:
            href = escape(f"{base}/{url}", {'"': "&quot;"})
            lines.append(f'<xhtml:link rel="alternate" hreflang="{hreflang}" href="{href}"/>')
        lines.append("</url>\n")
    lines.append("</urlset>\n")
    return "".join(lines)


class SitemapGenerator:
    """A Pelican generator that writes the sitemap once every briefing is grouped."""

    def __init__(
        self, context: dict[str, Any], settings: dict[str, Any], output_path: str, **_: Any
    ) -> None:
        self.context = context
        self.settings = settings
        self.output_path = output_path

    def generate_output(self, writer: Any) -> None:
        """Write sitemap.xml into the output folder."""
        save_as = self.settings["SITEMAP_XML_SAVE_AS"]
        if not save_as:
            return
        # Search engines need absolute addresses, whatever the pages use between themselves.
        siteurl = public_siteurl(self.settings)
        entries = site_entries(self.context, self.settings)
        path = Path(self.output_path) / save_as
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sitemap_xml(siteurl, entries), encoding="utf-8")
        logger.info("sitemap_xml: %d addresses written to %s", len(entries), path)
