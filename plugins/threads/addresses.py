"""Where the threads plugin's pages and feeds live: one scheme that cannot collide.

Every address below a tag's folder starts with a fixed word (``timeline``, ``years``,
``spokespeople``) that Pelican's own tag pages never use (they add ``page/<n>/``), so a tag,
year or spokesperson slug, whatever it looks like, gives each page an address of its own.
Below ``timeline/`` there are only years (``timeline/2025/``), never a slug.
"""

from __future__ import annotations


def page(url: str) -> tuple[str, str]:
    """Return a page's address and the file it is saved as."""
    return url, f"{url}index.html"


def story(slug: str) -> str:
    """Return the address of a story's page."""
    return f"stories/{slug}/"


def story_feeds(slug: str) -> tuple[str, str]:
    """Return the Atom and JSON Feed files of a story."""
    return f"feeds/stories/{slug}.atom.xml", f"feeds/stories/{slug}.json"


def timeline(tag_slug: str) -> str:
    """Return the address of a tag's timeline."""
    return f"tags/{tag_slug}/timeline/"


def timeline_year(tag_slug: str, year: int) -> str:
    """Return the address of one year of a tag's timeline (the newest year is the timeline's)."""
    return f"tags/{tag_slug}/timeline/{year}/"


def tag_year(tag_slug: str, year: int) -> str:
    """Return the address of a tag's briefings in one year."""
    return f"tags/{tag_slug}/years/{year}/"


def tag_spokesperson(tag_slug: str, spokesperson_slug: str) -> str:
    """Return the address of a tag's briefings by one spokesperson."""
    return f"tags/{tag_slug}/spokespeople/{spokesperson_slug}/"


def feeds_of(url: str) -> tuple[str, str]:
    """Return the Atom and JSON Feed files of a tag's year or spokesperson page."""
    # tags/fentanyl/years/2026/ → feeds/tags/fentanyl/years/2026.atom.xml
    base = "feeds/" + url.rstrip("/")
    return f"{base}.atom.xml", f"{base}.json"


# The file the search page reads to offer "Follow this search".
FOLLOW_JSON = "search/follow.json"
