"""A reader's browser opens the archive: pages render under the site's CSP without errors."""

from __future__ import annotations

import pytest

PAGE_TYPES = [
    "/",
    "/briefings/2026/02/india-canada-liaison-officers/",
    "/tags/",
    "/tags/fentanyl/",
    "/spokespeople/",
    "/spokespeople/randhir-jaiswal/",
    "/archives/",
    "/archives/2026/",
    "/search/?q=fentanyl",
    "/no/such/page/",
]


@pytest.mark.parametrize("url", PAGE_TYPES)
def test_page_loads_without_console_errors_or_csp_violations(page, sample_url, url):
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{sample_url}{url}")
    # The stylesheet applied: a blocked or missing one leaves the skip link visible.
    assert page.locator(".skip-link").bounding_box()["y"] < 0
    allowed = [p for p in problems if url.startswith("/no/") and "404" in p]
    assert [p for p in problems if p not in allowed] == []


def test_reader_follows_a_briefing_link_to_its_key_points(page, sample_url):
    page.goto(f"{sample_url}/")
    title = "India and Canada agree to post security liaison officers"
    page.get_by_role("link", name=title).click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("India and Canada")
    assert page.locator(".key-points li").count() == 5
