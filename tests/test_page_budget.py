"""Pages stay light and still: a small weight budget, no scripts, no web fonts, no layout shift."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .pages import BRIEFING, PAGE_TYPES, allowed_script

# A briefing with everything it loads (stylesheet, icon), uncompressed, for a slow phone link.
# It holds at 30 KB because the rules only listings use (cards, side columns, topic grids,
# timelines, ledgers, facets) are in listings.css, which briefing pages do not load, as
# the search page's are in search.css: the heaviest briefing without a transcript is 27.8 KB.
BRIEFING_BUDGET_BYTES = 30 * 1024
# Raised for a briefing with a transcript: its questions and answers are on the page and, as
# schema.org Question/Answer, in its JSON-LD too. The liaison briefing (four questions, a
# correction, a story's navigation) is 41 KB with the stylesheet, about 10 KB gzipped.
TRANSCRIPT_BUDGET_BYTES = 45 * 1024


def built_pages(site: Path):
    """Yield every HTML page of a built site with its parsed document."""
    for path in sorted(site.rglob("*.html")):
        yield path, BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_every_briefing_page_with_its_css_stays_under_budget(sample_site):
    briefings = sorted((sample_site / "briefings").rglob("index.html"))
    assert len(briefings) >= 10
    over = []
    for path in briefings:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        # Pages link their files relatively (RELATIVE_URLS), so each resolves from the page.
        loaded = {
            (path.parent / link["href"]).resolve()
            for link in soup.select("link[rel~=stylesheet], link[rel~=icon]")
        }
        assert any(file.suffix == ".css" for file in loaded), f"{path}: no stylesheet"
        total = path.stat().st_size + sum(file.stat().st_size for file in loaded)
        budget = (
            TRANSCRIPT_BUDGET_BYTES if soup.select_one(".transcript") else BRIEFING_BUDGET_BYTES
        )
        if total >= budget:
            over.append(f"{path.relative_to(sample_site)}: {total / 1024:.1f} KB")
    assert over == []


# Pages that list briefings, with the listings' rules in a stylesheet of their own.
LISTING_PAGES = ["/", "/tags/", "/tags/fentanyl/", "/spokespeople/randhir-jaiswal/"]
LISTING_PAGES += ["/archives/2026/", "/stories/", "/tags/fentanyl/timeline/", "/corrections/"]


def stylesheets(site: Path, url: str) -> set[str]:
    """Return the names of the stylesheets the page at ``url`` links."""
    soup = BeautifulSoup(
        (site / url.lstrip("/") / "index.html").read_text(encoding="utf-8"), "lxml"
    )
    return {Path(link["href"]).name for link in soup.select("link[rel~=stylesheet]")}


def test_only_listing_pages_load_the_listings_stylesheet(sample_site):
    assert stylesheets(sample_site, BRIEFING) == {"archive.css"}
    listings = {url: stylesheets(sample_site, url) for url in LISTING_PAGES}
    assert listings == dict.fromkeys(LISTING_PAGES, frozenset({"archive.css", "listings.css"}))


def test_no_page_runs_a_script_but_search_and_comment_form(sample_site):
    running = []
    for path, soup in built_pages(sample_site):
        page = path.relative_to(sample_site).as_posix()
        for script in soup.find_all("script"):
            # JSON-LD and other data blocks are read, never run.
            is_data = script.get("type", "").endswith("json")
            allowed = allowed_script(page)
            if not is_data and not (allowed and script.get("src", "").endswith(allowed)):
                running.append(f"{page}: {script}")
    assert running == []


def test_no_web_fonts(sample_site):
    css = "\n".join(p.read_text(encoding="utf-8") for p in sample_site.rglob("*.css"))
    assert "@font-face" not in css
    assert list(sample_site.rglob("*.woff*")) + list(sample_site.rglob("*.ttf")) == []
    for path, soup in built_pages(sample_site):
        assert soup.select('link[as="font"], link[href*="font"]') == [], path


def test_images_have_dimensions_and_only_those_below_the_header_load_lazily(sample_site):
    # The masthead's logo is in the first screen of every page: loaded lazily, it arrives
    # after the first paint and the page looks unfinished for longer (Speed Index).
    wrong = []
    for path, soup in built_pages(sample_site):
        for img in soup.find_all("img"):
            in_header = img.find_parent(class_="site-header") is not None
            lazy = img.get("loading") == "lazy"
            if not (img.get("width") and img.get("height")) or lazy == in_header:
                wrong.append(f"{path.relative_to(sample_site)}: {img}")
    assert wrong == []


# Every layout shift the page made while loading, as the browser recorded it.
LAYOUT_SHIFTS = """() => new Promise((resolve) => {
  const shifts = [];
  new PerformanceObserver((list) => shifts.push(...list.getEntries().map((e) => e.value)))
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(shifts), 500);
})"""


@pytest.mark.parametrize("url", list(PAGE_TYPES.values()), ids=list(PAGE_TYPES))
@pytest.mark.parametrize("width", [375, 1280])
def test_page_does_not_shift_while_loading(new_page, sample_url, url, width):
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(f"{sample_url}{url}", wait_until="load")
    assert page.evaluate("PerformanceObserver.supportedEntryTypes.includes('layout-shift')")
    assert page.evaluate(LAYOUT_SHIFTS) == []
