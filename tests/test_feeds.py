"""Atom feeds: whole site, per tag and per spokesperson, advertised on the pages."""

from __future__ import annotations

import re

import feedparser
import pytest

from .conftest import minimal_briefing, read_page

LIAISON_TITLE = "India and Canada agree to post security liaison officers"
LIAISON_URL = "http://127.0.0.1:8000/briefings/2026/02/india-canada-liaison-officers/"


def parse_feed(site, path):
    feed = feedparser.parse((site / path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_fentanyl_tag_feed_contains_the_liaison_briefing(sample_site):
    feed = parse_feed(sample_site, "feeds/tags/fentanyl.atom.xml")
    entries = {entry.title: entry.link for entry in feed.entries}
    assert entries[LIAISON_TITLE] == LIAISON_URL
    assert len(entries) == 3


@pytest.mark.parametrize(
    ("path", "count"),
    [
        # Every briefing in every language but the withdrawn one (11 in English, 3 in Hindi).
        ("feeds/all.atom.xml", 14),
        ("feeds/tags/security.atom.xml", 5),
        # Two in English and one only in Hindi; the Hindi translations are in hi.atom.xml.
        ("feeds/spokespeople/randhir-jaiswal.atom.xml", 3),
    ],
)
def test_feeds_list_their_briefings_newest_first(sample_site, path, count):
    feed = parse_feed(sample_site, path)
    assert len(feed.entries) == count
    published = [entry.published_parsed for entry in feed.entries]
    assert published == sorted(published, reverse=True)
    for entry in feed.entries:
        assert entry.link.startswith(
            ("http://127.0.0.1:8000/briefings/", "http://127.0.0.1:8000/hi/")
        )
        assert entry.summary


def test_feed_titles_are_plain_text(make_site):
    title = 'Trade & "quoted" talks -- a long headline with an orphan'
    site = make_site({"2026/t.md": minimal_briefing(title, "2026-03-01", tags="trade")})
    for path in ("feeds/all.atom.xml", "feeds/tags/trade.atom.xml"):
        raw_titles = re.findall(r"<title>(.*?)</title>", (site / path).read_text(encoding="utf-8"))
        assert not any(
            "nbsp" in title or "\xa0" in title or "&lt;" in title for title in raw_titles
        )
        (entry,) = parse_feed(site, path).entries
        assert entry.title == "Trade & “quoted” talks — a long headline with an orphan"
        assert "<" not in entry.title


def test_pages_advertise_their_feeds(sample_site):
    def alternates(url):
        links = read_page(sample_site, url).select(
            'link[rel=alternate][type="application/atom+xml"]'
        )
        return [link["href"] for link in links]

    assert any(h.endswith("feeds/all.atom.xml") for h in alternates("index.html"))
    assert any(h.endswith("feeds/tags/fentanyl.atom.xml") for h in alternates("tags/fentanyl/"))
    assert any(
        h.endswith("feeds/spokespeople/randhir-jaiswal.atom.xml")
        for h in alternates("spokespeople/randhir-jaiswal/")
    )
