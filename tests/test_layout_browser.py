"""In the browser: the first screen of a phone, narrow screens, the header's search box."""

from __future__ import annotations

import pytest

from .pages import BRIEFING, PAGE_TYPES

PHONE = {"width": 375, "height": 667}


def test_key_points_start_on_the_first_screen_of_a_phone(new_page, sample_url):
    page = new_page(viewport=PHONE)
    page.goto(f"{sample_url}{BRIEFING}")
    heading = page.locator("aside.key-points h2").bounding_box()
    first_point = page.locator("aside.key-points li").first.bounding_box()
    # The heading and the whole first point are on screen, with no scrolling.
    assert heading["y"] >= 0
    assert first_point["y"] + first_point["height"] <= PHONE["height"]


@pytest.mark.parametrize(
    "url", [*PAGE_TYPES.values(), "/accessibility/"], ids=[*PAGE_TYPES, "accessibility"]
)
def test_no_page_is_wider_than_a_320_px_screen(new_page, sample_url, url):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(f"{sample_url}{url}")
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{url} is {widths[0]} px wide"


@pytest.mark.parametrize("width", [375, 1280])
def test_desktop_front_page_has_a_side_column_and_a_phone_one_column(new_page, sample_url, width):
    page = new_page(viewport={"width": width, "height": 900})
    page.goto(f"{sample_url}/")
    lead = page.locator(".lead-story").bounding_box()
    topics = page.locator(".front-topics").bounding_box()
    if width >= 1024:
        assert topics["x"] > lead["x"] + lead["width"] and topics["y"] < lead["y"] + lead["height"]
    else:
        assert topics["y"] > lead["y"] + lead["height"]


@pytest.mark.parametrize(
    "url", ["/tags/fentanyl/", "/spokespeople/randhir-jaiswal/", "/archives/2026/"]
)
@pytest.mark.parametrize("width", [375, 1280])
def test_listing_pages_have_a_side_column_on_desktop_and_one_column_on_a_phone(
    new_page, sample_url, url, width
):
    page = new_page(viewport={"width": width, "height": 900})
    page.goto(f"{sample_url}{url}")
    first = page.locator(".briefing-list > li").first.bounding_box()
    side = page.locator(".listing-side .side-block").first.bounding_box()
    if width >= 1024:
        assert side["x"] > first["x"] + first["width"] and side["y"] < first["y"] + first["height"]
    else:
        assert side["y"] > first["y"] + first["height"] and side["x"] == first["x"]


def test_tag_facets_stay_under_the_heading_on_a_phone(new_page, sample_url):
    page = new_page(viewport=PHONE)
    page.goto(f"{sample_url}/tags/fentanyl/")
    facets = page.locator(".listing-side .topic-links").bounding_box()
    assert facets["y"] < page.locator(".briefing-list").bounding_box()["y"]
    assert facets["y"] + facets["height"] <= PHONE["height"]


@pytest.mark.parametrize("width", [320, 375])
def test_nav_fits_one_line_on_a_phone(new_page, sample_url, width):
    page = new_page(viewport={"width": width, "height": 667})
    page.goto(f"{sample_url}/")
    shown = [a for a in page.locator(".site-nav a").all() if a.is_visible()]
    # The header's search box stands in for the Search link on a phone.
    assert page.locator(".site-header input[type=search]").is_visible()
    assert len(shown) >= 5
    tops = {round(a.bounding_box()["y"]) for a in shown}
    assert len(tops) == 1
    last = shown[-1].bounding_box()
    assert last["x"] + last["width"] <= width


def test_header_search_box_takes_the_words_to_the_search_page(new_page, sample_url):
    page = new_page(viewport=PHONE)
    page.goto(f"{sample_url}/")
    page.fill("#site-search-q", "fentanyl")
    page.press("#site-search-q", "Enter")
    page.wait_for_url("**/search/?q=fentanyl")
    # The search page reads q, fills in its own field and searches.
    page.locator(".search-result").first.wait_for()
    assert page.input_value("#search-q") == "fentanyl"


@pytest.mark.parametrize(
    ("excerpt", "content", "shown"),
    [
        (
            "Police have <mark>recorded</mark>",
            "Police have recorded a rise.",
            "Police have <mark>recorded</mark> …",
        ),
        ("a <mark>rise</mark>.", "Police have recorded a rise.", "… a <mark>rise</mark>."),
        ("have recorded", "Police have recorded a rise.", "… have recorded …"),
        (
            "Police have recorded a rise.",
            "Police have recorded a rise.",
            "Police have recorded a rise.",
        ),
    ],
)
def test_search_excerpts_say_where_they_leave_text_out(page, sample_url, excerpt, content, shown):
    page.goto(f"{sample_url}/search/")
    result = page.evaluate(
        "async ([e, c]) => (await import('/theme/js/search.js')).withEllipses(e, c)",
        [excerpt, content],
    )
    assert result == shown
