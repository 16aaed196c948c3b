"""Write robots.txt: every crawler welcome, pointed at the absolute sitemap address."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from contract.addresses import public_siteurl


def robots_txt(siteurl: str, sitemap: str, disallow: list[str]) -> str:
    """Return the text of robots.txt."""
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in disallow] or ["Allow: /"]
    if sitemap:
        # The Sitemap line must be an absolute URL (sitemaps.org protocol).
        lines += ["", f"Sitemap: {siteurl.rstrip('/')}/{sitemap.lstrip('/')}"]
    return "\n".join(lines) + "\n"


def write_robots_txt(pelican: Any) -> None:
    """Write robots.txt into the output folder."""
    settings = pelican.settings
    if not settings["ROBOTS_TXT_SAVE_AS"]:
        return
    text = robots_txt(
        public_siteurl(settings), settings["ROBOTS_TXT_SITEMAP"], settings["ROBOTS_TXT_DISALLOW"]
    )
    path = Path(pelican.output_path) / settings["ROBOTS_TXT_SAVE_AS"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
