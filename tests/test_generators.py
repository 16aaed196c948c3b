"""The linear articles generator lists exactly what Pelican's own lists, in the same order."""

from __future__ import annotations

from pathlib import Path

from pelican import Pelican

from archive.build import build_site, site_settings
from archive.paths import ROOT


def listings(site: Path) -> dict[str, bytes]:
    """Return the listing pages of a built site: home, tags, spokespeople, date archives."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for folder in ("tags", "spokespeople", "archives", "page")
        for path in (site / folder).rglob("*.html")
    } | {"index.html": (site / "index.html").read_bytes()}


# Both builds leave the search index out: it is not a listing, and without it the Search
# link is missing from both sides' navigation alike, so the comparison is unchanged.
WITHOUT_SEARCH = {"DEFAULT_PAGINATION": 2, "SEARCH_INDEX_ENABLED": False}


def test_listings_are_the_same_as_pelicans(tmp_path):
    ours = build_site(
        PATH=str(ROOT / "content"),
        OUTPUT_PATH=str(tmp_path / "ours"),
        CACHE_PATH=str(tmp_path / "cache-ours"),
        **WITHOUT_SEARCH,
    )
    settings = site_settings(
        PATH=str(ROOT / "content"),
        OUTPUT_PATH=str(tmp_path / "pelican"),
        CACHE_PATH=str(tmp_path / "cache-pelican"),
        **WITHOUT_SEARCH,
    )
    Pelican(settings).run()
    theirs = listings(tmp_path / "pelican")
    assert len(theirs) > 10
    assert listings(ours) == theirs
