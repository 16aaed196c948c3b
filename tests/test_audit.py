"""The reviewers' audit: the pages it checks, how it reads Lighthouse, the screenshots it saves."""

from __future__ import annotations

import struct
from pathlib import Path

from archive.audit import (
    audited_pages,
    capture_page,
    lighthouse_scores,
    named_pages,
    screenshot_pages,
)

from .conftest import read_page


def test_audit_checks_the_home_the_newest_briefing_and_one_of_its_tags(sample_site):
    pages = audited_pages(sample_site)
    assert pages["home"] == "/"
    newest = read_page(sample_site, "index.html").select_one(".briefing-card h2 a")
    briefing = read_page(sample_site, pages["briefing"])
    assert briefing.h1.get_text() == newest.get_text()
    tags = [a.get_text() for a in briefing.select(".tag-list a")]
    assert read_page(sample_site, pages["tag"]).h1.get_text() == f"Briefings tagged “{tags[0]}”"


def test_lighthouse_scores_are_out_of_100_and_a_failed_category_shows_as_none():
    report = {
        "categories": {
            "performance": {"score": 0.987},
            "accessibility": {"score": 1},
            "best-practices": {"score": None},
            "seo": {"score": 0.5},
        }
    }
    assert lighthouse_scores(report) == {
        "performance": 99,
        "accessibility": 100,
        "best-practices": None,
        "seo": 50,
    }


def png_size(path: Path) -> tuple[int, int]:
    """Return a PNG's width and height, read from its header."""
    return struct.unpack(">II", path.read_bytes()[16:24])


def test_screenshots_show_a_briefing_on_phone_and_desktop_in_both_schemes_and_print(
    browser, sample_site, sample_url, tmp_path
):
    # The task launches its own browser; the tests share one, as Playwright allows only one.
    briefing = audited_pages(sample_site)["briefing"]
    written = capture_page(browser, sample_url + briefing, tmp_path, "briefing")
    names = sorted(path.name for path in written)
    assert names == [
        "briefing-1280-dark.png",
        "briefing-1280-light.png",
        "briefing-375-dark.png",
        "briefing-375-light.png",
        "briefing-print.pdf",
    ]
    for width in (375, 1280):
        light = tmp_path / f"briefing-{width}-light.png"
        dark = tmp_path / f"briefing-{width}-dark.png"
        # Whole pages at the window's width: taller than wide on a phone, and no overflow.
        assert png_size(light)[0] == width and png_size(light)[1] > 900
        assert light.read_bytes() != dark.read_bytes()
    assert (tmp_path / "briefing-print.pdf").read_bytes().startswith(b"%PDF-")


def test_pages_given_by_address_get_names_lighthouse_keeps_as_report_files():
    # Lighthouse drops a file extension from --output-path, so "404.html" must not name one.
    assert named_pages(["/", "/tags/fentanyl/", "404.html"]) == {
        "home": "/",
        "tags-fentanyl": "/tags/fentanyl/",
        "404-html": "/404.html",
    }


def test_screenshots_cover_home_briefing_tag_search_and_the_newest_hindi_briefing(sample_site):
    pages = screenshot_pages(sample_site)
    assert list(pages) == ["home", "briefing", "tag", "search", "hi-briefing"]
    assert pages["search"] == "/search/?q=fentanyl"
    hindi = read_page(sample_site, pages["hi-briefing"])
    assert hindi.html["lang"] == "hi"
    # The newest Hindi briefing, as the Hindi home lists it first among its own.
    assert pages["hi-briefing"] == "/hi/briefings/2026/03/passport-help-desks-abroad/"
