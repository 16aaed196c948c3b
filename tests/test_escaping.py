"""Markup in a briefing's plain-text fields reaches readers as text, never as live HTML."""

from __future__ import annotations

import json

import feedparser
import pytest
from bs4 import BeautifulSoup

from .conftest import markup_checks_off, minimal_briefing, read_page, visible_text

PAYLOAD = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


# Registry entries are editors' text too: TOML literal strings keep the payload as written.
HOSTILE_REGISTRY = {
    "tags.toml": f"""
        [hostile]
        label = 'Tag {PAYLOAD}'
        description = 'About {PAYLOAD}'
    """,
    "spokespeople.toml": f"""
        [spokes-hostile]
        name = 'Spokes {PAYLOAD}'
        role = 'Role {PAYLOAD}'
        organisation = 'Org {PAYLOAD}'
    """,
}


@pytest.fixture(scope="module")
def hostile_site(make_shared_site):
    """Build one briefing with the payload in every field, read by every test here."""
    with markup_checks_off():
        return make_shared_site(
            {
                "2026/hostile.md": minimal_briefing(
                    f"Title {PAYLOAD}",
                    "2026-03-01",
                    spokesperson=f"Spokes {PAYLOAD}",
                    location=f"Town {PAYLOAD}",
                    source=f"Source {PAYLOAD}",
                    key_points=[f"Point {PAYLOAD}"],
                    summary=f"Summary {PAYLOAD}",
                    tags=f"security, Tag {PAYLOAD}",
                )
            },
            registry=HOSTILE_REGISTRY,
        )


@pytest.mark.parametrize(
    "url",
    [
        "briefings/2026/03/hostile/",
        "index.html",
        "tags/",
        "tags/security/",
        "tags/hostile/",
        "spokespeople/",
        "spokespeople/spokes-hostile/",
        "archives/",
        "archives/2026/",
        "archives/2026/03/",
    ],
)
def test_no_injected_elements_on_any_page(hostile_site, url):
    soup = read_page(hostile_site, url)
    # JSON-LD is data (each one parses whole); the only script file is the comment form's.
    scripts = [
        s
        for s in soup.select('script:not([type="application/ld+json"])')
        if s.string or not s["src"].endswith("/comments.js")
    ]
    assert scripts == []
    for data in soup.select('script[type="application/ld+json"]'):
        assert json.loads(data.string)
    # The only image is the office's logo in the masthead, from the settings.
    assert [img for img in soup.find_all("img") if "masthead-logo" not in img["class"]] == []
    assert not any(attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs)


def test_fields_show_as_text(hostile_site):
    soup = read_page(hostile_site, "briefings/2026/03/hostile/")
    assert PAYLOAD in visible_text(soup.h1).replace("“", '"').replace("”", '"')
    assert visible_text(soup.select_one(".dateline")).startswith("Town <script>")
    assert visible_text(soup.select_one(".source-credit")).startswith("Source: Source <script>")
    assert "<img" in visible_text(soup.select_one("aside.key-points li"))
    assert "<script>" in visible_text(soup.select_one(".standfirst"))
    assert "<script>" in " ".join(visible_text(a) for a in soup.select(".tag-list a"))
    assert soup.select_one('meta[name="description"]')["content"].startswith("Summary <script>")
    assert "<script>" in soup.title.string


def test_feed_title_is_escaped_text(hostile_site):
    (entry,) = feedparser.parse((hostile_site / "feeds/all.atom.xml").read_bytes()).entries
    assert entry.title.startswith("Title <script>alert(1)</script>")
    # The summary is HTML in Atom: the payload must arrive as escaped text inside it.
    summary = BeautifulSoup(entry.summary, "lxml")
    assert summary.find("script") is None and summary.find("img") is None
    assert "<script>" in summary.get_text()
    assert all(tag.term != "script" for tag in entry.tags)


def test_registry_text_shows_as_text(hostile_site):
    tag_page = read_page(hostile_site, "tags/hostile/")
    assert visible_text(tag_page.h1).startswith("Briefings tagged “Tag <script>alert(1)")
    assert visible_text(tag_page.select_one(".listing-description")).startswith("About <script>")
    person = read_page(hostile_site, "spokespeople/spokes-hostile/")
    assert (
        visible_text(person.select_one(".listing-description")) == f"Role {PAYLOAD}, Org {PAYLOAD}"
    )
    index = read_page(hostile_site, "spokespeople/")
    assert f"Spokes {PAYLOAD}" in [visible_text(a) for a in index.select(".term-index a")]


def test_registry_text_in_feeds_is_escaped(hostile_site):
    feed = feedparser.parse(
        (hostile_site / "feeds/spokespeople/spokes-hostile.atom.xml").read_bytes()
    )
    assert not feed.bozo
    (entry,) = feed.entries
    assert entry.author == f"Spokes {PAYLOAD}"
    assert f"Tag {PAYLOAD}" in [tag.term for tag in entry.tags]


def test_machine_readable_copies_carry_the_payload_as_text(hostile_site):
    page = read_page(hostile_site, "briefings/2026/03/hostile/")
    raw = (hostile_site / "briefings/2026/03/hostile/index.html").read_text(encoding="utf-8")
    # Two script elements, the JSON-LD and the comment form's file: the title's </script>
    # did not close the JSON-LD early.
    assert raw.count("<script") == 2 and raw.count("</script>") == 2
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    (article,) = [node for node in data["@graph"] if node["@type"] == "NewsArticle"]
    headline = article["headline"]
    assert headline == visible_text(page.h1)
    assert page.select_one('meta[property="og:title"]')["content"] == headline
    (record,) = json.loads((hostile_site / "briefings.json").read_text("utf-8"))["briefings"]
    assert record["title"] == headline
    assert record["location"] == f"Town {PAYLOAD}"
    assert record["key_points"] == [visible_text(page.select_one("aside.key-points li"))]
    (item,) = json.loads((hostile_site / "feeds/all.json").read_text("utf-8"))["items"]
    assert item["title"] == headline
    assert BeautifulSoup(item["content_html"], "lxml").find("script") is None
