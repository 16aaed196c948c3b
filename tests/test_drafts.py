"""Drafts, scheduled and hidden briefings: previewed locally, never listed or published."""

from __future__ import annotations

import pytest

from archive.paths import ROOT

from .conftest import minimal_briefing, page_file, read_page, visible_text

PUBLISH = ROOT / "publishconf.py"
BRIEFINGS = {
    "2026/public.md": minimal_briefing("Public briefing", "2026-01-05"),
    "2026/draft.md": minimal_briefing("Draft briefing", "2026-01-06", status="draft"),
    "2026/scheduled.md": minimal_briefing("Scheduled briefing", "2099-01-01"),
    "2026/hidden.md": minimal_briefing("Hidden briefing", "2026-01-07", status="hidden"),
}


@pytest.fixture(scope="module")
def published_site(make_shared_site):
    """Build the four briefings with the publishing settings, read by the tests below."""
    return make_shared_site(BRIEFINGS, settings_file=PUBLISH)


def every_page_text(site) -> str:
    files = [*site.rglob("*.html"), *site.rglob("*.xml")]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def test_publish_build_writes_no_draft_or_scheduled_briefing(published_site):
    site = published_site
    text = every_page_text(site)
    assert "Public briefing" in text
    assert "Draft briefing" not in text
    assert "Scheduled briefing" not in text
    assert not (site / "drafts").exists()


def test_hidden_briefing_has_a_page_but_is_in_no_listing_or_feed(published_site):
    site = published_site
    assert page_file(site, "briefings/2026/01/hidden/").exists()
    hidden_page = page_file(site, "briefings/2026/01/hidden/")
    others = [p for p in [*site.rglob("*.html"), *site.rglob("*.xml")] if p != hidden_page]
    assert not [p for p in others if "Hidden briefing" in p.read_text(encoding="utf-8")]


def test_preview_shows_drafts_marked_as_drafts_but_lists_them_nowhere(make_site):
    site = make_site(BRIEFINGS)
    for slug in ("draft", "scheduled"):
        soup = read_page(site, f"drafts/{slug}/")
        assert visible_text(soup.select_one(".draft-notice")).startswith("Draft")
    home = visible_text(read_page(site, "index.html").body)
    assert "Public briefing" in home and "Draft briefing" not in home
    feed = (site / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "Draft briefing" not in feed and "Scheduled briefing" not in feed
