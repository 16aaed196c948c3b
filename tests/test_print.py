"""A printed briefing keeps what a reader files away, and leaves the site's furniture out."""

from __future__ import annotations

from .conftest import read_page, visible_text
from .pages import BRIEFING

PUBLIC_SITEURL = "http://127.0.0.1:8000"


def test_printed_briefing_keeps_its_substance_and_drops_navigation(page, sample_url):
    page.goto(f"{sample_url}{BRIEFING}")
    page.emulate_media(media="print")
    for hidden in [".skip-link", ".site-header", ".site-nav", ".site-footer", ".share"]:
        assert not page.locator(hidden).is_visible(), hidden
    assert page.get_by_role("heading", level=1).is_visible()
    for kept in [".key-points", ".dateline", "time", ".source-credit", ".page-address"]:
        assert page.locator(kept).first.is_visible(), kept
    assert page.locator(".key-points li").count() == 5
    # The printed address is the public one, written out in the page, not added by CSS.
    address = page.locator(".page-address").inner_text()
    assert address.endswith(f"{PUBLIC_SITEURL}{BRIEFING}")


def test_every_briefing_states_its_public_address(sample_site):
    stated = 0
    for path in (sample_site / "briefings").rglob("index.html"):
        url = "/" + path.parent.relative_to(sample_site).as_posix() + "/"
        page = read_page(sample_site, url)
        if page.select_one('meta[http-equiv="refresh"]'):
            continue  # A moved briefing's old address: it names where the briefing went.
        address = page.select_one(".page-address a")
        assert address["href"] == visible_text(address) == f"{PUBLIC_SITEURL}{url}"
        stated += 1
    # Every briefing, the withdrawn one too: its page stays, for the record.
    assert stated == 12


def test_screen_shows_the_navigation_that_print_hides(page, sample_url):
    page.goto(f"{sample_url}{BRIEFING}")
    for shown in [".site-header", ".site-nav", ".site-footer", ".share", ".page-address"]:
        assert page.locator(shown).is_visible(), shown
