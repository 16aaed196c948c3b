"""The briefing page: everything a reader sees around the body."""

from __future__ import annotations

import posixpath
import re
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import minimal_briefing, read_page, visible_text

LIAISON = "briefings/2026/02/india-canada-liaison-officers/"


def test_headline_standfirst_dateline_and_date(sample_site):
    soup = read_page(sample_site, LIAISON)
    header = soup.select_one("article.briefing header")
    assert visible_text(header.h1) == "India and Canada agree to post security liaison officers"
    assert "liaison officers" in visible_text(header.select_one(".standfirst"))
    assert visible_text(header.select_one(".dateline")) == "New Delhi"
    time = header.select_one(".briefing-meta time")
    assert datetime.fromisoformat(time["datetime"]).isoformat() == "2026-02-12T16:30:00+05:30"
    assert visible_text(time) == "12 February 2026"
    assert len(soup.find_all("h1")) == 1


def test_title_element_is_plain_text(sample_site):
    title = read_page(sample_site, LIAISON).title.string
    assert (
        title == "India and Canada agree to post security liaison officers — Press Briefing Archive"
    )


def test_spokesperson_is_linked_to_their_page(sample_site):
    link = read_page(sample_site, LIAISON).select_one(".spokespeople a")
    assert visible_text(link) == "Randhir Jaiswal"
    target = read_page(sample_site, "spokespeople/randhir-jaiswal/")
    assert "Randhir Jaiswal" in visible_text(target.h1)
    assert link["href"].endswith("spokespeople/randhir-jaiswal/")


@pytest.fixture(scope="module")
def small_site(make_shared_site):
    """Build short, long, corrected and summary-less briefings; the tests read one page each.

    The briefing without a summary is the newest, so the home page's first card is its.
    """
    bare = minimal_briefing("Bare", "2026-03-09").replace("Summary: Summary of Bare.\n", "")
    return make_shared_site(
        {
            "2026/short.md": minimal_briefing("Short", "2026-03-01"),
            "2026/long.md": minimal_briefing("Long", "2026-03-02", body=" ".join(["word"] * 700)),
            "2026/fixed.md": minimal_briefing(
                "Fixed", "2026-03-01 10:00", modified="2026-03-04 09:00"
            ),
            "2026/bare.md": bare,
        }
    )


def test_reading_time_counts_the_body(small_site):
    site = small_site
    short = read_page(site, "briefings/2026/03/short/").select_one(".reading-time")
    long = read_page(site, "briefings/2026/03/long/").select_one(".reading-time")
    assert visible_text(short) == "1 min read"
    assert visible_text(long) == "4 min read"  # 700 words at 220 a minute


def test_tags_link_to_tag_pages_that_list_the_briefing(sample_site):
    soup = read_page(sample_site, LIAISON)
    links = soup.select(".briefing-header .tag-list a")
    names = [visible_text(a) for a in links]
    assert {"Security", "Fentanyl", "Organised crime", "Cybersecurity"} <= set(names)
    for link in links:
        # Follow the link itself, relative to the briefing's own address.
        target = posixpath.normpath(posixpath.join(LIAISON, link["href"])) + "/"
        tag_page = read_page(sample_site, target)
        assert visible_text(link) in visible_text(tag_page.h1)
        titles = [visible_text(a) for a in tag_page.select(".briefing-card h2 a")]
        assert "India and Canada agree to post security liaison officers" in titles


def test_source_credit(sample_site):
    credit = read_page(sample_site, LIAISON).select_one(".source-credit")
    assert visible_text(credit) == "Source: Ministry of External Affairs weekly briefing"


def test_older_and_newer_neighbours(sample_site):
    nav = read_page(sample_site, LIAISON).select_one("nav.briefing-neighbours")
    older = nav.select_one("a[rel=prev]")
    newer = nav.select_one("a[rel=next]")
    assert "phone scam" in visible_text(older)
    assert "health emergency" in visible_text(newer)
    oldest = read_page(sample_site, "briefings/2025/01/winter-storm-consular-help/")
    assert oldest.select_one("nav.briefing-neighbours a[rel=prev]") is None


def test_related_briefings_share_tags(make_site):
    site = make_site(
        {
            "2026/a.md": minimal_briefing("Alpha", "2026-01-01", tags="fentanyl, trade, security"),
            "2026/b.md": minimal_briefing("Bravo", "2026-01-02", tags="fentanyl, trade"),
            "2026/c.md": minimal_briefing("Charlie", "2026-01-03", tags="security"),
            "2026/d.md": minimal_briefing("Delta", "2026-01-04", tags="climate"),
        }
    )
    related = read_page(site, "briefings/2026/01/a/").select(".related-briefings li a")
    # Bravo shares two tags, Charlie one, Delta none.
    assert [visible_text(a) for a in related] == ["Bravo", "Charlie"]
    assert read_page(site, "briefings/2026/01/d/").select(".related-briefings") == []


def test_pull_quote_is_styled_as_one(sample_site):
    soup = read_page(sample_site, "briefings/2026/10/precursor-chemicals-customs/")
    quote = soup.select_one(".briefing-body blockquote")
    assert "legitimate uses" in visible_text(quote)
    css = (sample_site / "theme/css/archive.css").read_text(encoding="utf-8")
    rule = re.search(r"\.briefing-body blockquote\s*\{([^}]*)\}", css)
    assert rule and "font-size" in rule.group(1) and "border-left" in rule.group(1)


def test_share_links_are_plain_links_to_the_public_url(sample_site):
    soup = read_page(sample_site, LIAISON)
    links = soup.select(".share a")
    assert links, "the briefing has share links"
    public_url = "http://127.0.0.1:8000/" + LIAISON
    mail = next(a for a in links if a["href"].startswith("mailto:"))
    assert parse_qs(urlsplit(mail["href"]).query)["body"] == [public_url]
    # Data for search engines, and the comment form's own script file: nothing inline runs.
    scripts = soup.select('script:not([type="application/ld+json"])')
    assert [(s["src"].endswith("/theme/js/comments.js"), s.string) for s in scripts] == [
        (True, None)
    ]
    assert soup.find_all("iframe") == []


def test_spokespeople_may_be_several(make_site):
    site = make_site(
        {
            "2026/two.md": minimal_briefing(
                "Joint briefing", "2026-05-05", spokesperson="Mara Okonkwo, Tomas Lindqvist"
            )
        }
    )
    soup = read_page(site, "briefings/2026/05/two/")
    assert [visible_text(a) for a in soup.select(".spokespeople a")] == [
        "Mara Okonkwo",
        "Tomas Lindqvist",
    ]
    for slug in ("mara-okonkwo", "tomas-lindqvist"):
        listed = read_page(site, f"spokespeople/{slug}/").select(".briefing-card h2 a")
        assert [visible_text(a) for a in listed] == ["Joint briefing"]


def test_not_found_page_links_back_into_the_archive(sample_site):
    soup = read_page(sample_site, "404.html")
    assert visible_text(soup.h1) == "Page not found"
    hrefs = [a["href"] for a in soup.select("main a")]
    assert any(href.endswith("tags/") for href in hrefs)


def test_correction_date_is_shown(small_site):
    updated = read_page(small_site, "briefings/2026/03/fixed/").select_one(".modified time")
    assert visible_text(updated) == "4 March 2026"
    assert updated["datetime"].startswith("2026-03-04T09:00")


def test_no_standfirst_without_an_editor_summary(small_site):
    site = small_site
    soup = read_page(site, "briefings/2026/03/bare/")
    assert soup.select(".standfirst") == []
    assert visible_text(read_page(site, "index.html").select_one(".briefing-card-summary"))


def test_drafts_and_hidden_briefings_stay_out_of_listings_and_feeds(make_site):
    site = make_site(
        {
            "2026/public.md": minimal_briefing("Public", "2026-03-01"),
            "2026/draft.md": minimal_briefing("Unfinished", "2026-03-02", status="draft"),
            "2026/hidden.md": minimal_briefing("Unlisted", "2026-03-03", status="hidden"),
        }
    )
    for url in ("index.html", "tags/security/", "spokespeople/mara-okonkwo/", "archives/2026/"):
        titles = [visible_text(a) for a in read_page(site, url).select(".briefing-card h2 a")]
        assert titles == ["Public"], url
    feed = (site / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "Unfinished" not in feed and "Unlisted" not in feed
    draft = read_page(site, "drafts/draft/")
    assert visible_text(draft.select_one(".draft-notice")) == "Draft: not published"
    assert draft.select(".share") == []
