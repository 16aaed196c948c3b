"""Listing pages: home, tags, spokespeople and date archives, with their pagination."""

from __future__ import annotations

from datetime import datetime

from .conftest import minimal_briefing, read_page, visible_text


def card_titles(soup) -> list[str]:
    return [visible_text(a) for a in soup.select(".briefing-card h2 a")]


def card_dates(soup) -> list[datetime]:
    return [datetime.fromisoformat(t["datetime"]) for t in soup.select(".briefing-card time")]


def test_home_lists_latest_briefings_with_everything_a_card_needs(sample_site):
    soup = read_page(sample_site, "index.html")
    cards = soup.select(".briefing-card")
    assert len(cards) == 10
    dates = card_dates(soup)
    assert dates == sorted(dates, reverse=True)
    for card in cards:
        assert card.select_one("h2 a")["href"]
        assert card.select_one("time[datetime]")
        assert card.select_one(".spokespeople a")
        assert card.select(".tag-list a")
        assert visible_text(card.select_one(".briefing-card-summary"))


def test_home_is_paginated_with_directory_urls(sample_site):
    first = read_page(sample_site, "index.html")
    older = first.select_one(".pagination a[rel=next]")
    assert older["href"].endswith("page/2/")
    second = read_page(sample_site, "page/2/")
    # 12 briefings: 11 in English (the withdrawn one is in no list) and one only in Hindi.
    assert len(second.select(".briefing-card")) == 2
    assert second.select_one(".pagination a[rel=prev]") is not None
    assert set(card_titles(first)).isdisjoint(card_titles(second))


def test_tags_index_lists_every_tag_with_its_count(sample_site):
    soup = read_page(sample_site, "tags/")
    entries = {
        visible_text(li.a): visible_text(li.select_one(".count"))
        for li in soup.select(".topic-grid li")
    }
    assert len(entries) >= 10
    assert entries["Fentanyl"] == "3 briefings"
    assert entries["Education"] == "1 briefing"


def test_tag_page_lists_newest_first(sample_site):
    soup = read_page(sample_site, "tags/security/")
    assert "Security" in visible_text(soup.h1)
    dates = card_dates(soup)
    assert len(dates) == 5 and dates == sorted(dates, reverse=True)


def test_tag_pages_paginate_without_collisions(make_site):
    # Plain Pelican names page 2 of "covid" as covid2.html, the first page of tag "covid2".
    briefings = {
        f"2026/b{i}.md": minimal_briefing(f"Briefing {i}", f"2026-01-{i + 1:02d}", tags="covid")
        for i in range(3)
    }
    briefings["2026/other.md"] = minimal_briefing("Other", "2026-02-01", tags="covid2")
    registry = {"tags.toml": "[covid]\nlabel = 'Covid'\n[covid2]\nlabel = 'Covid 2'\n"}
    site = make_site(briefings, registry=registry, DEFAULT_PAGINATION=2)
    assert card_titles(read_page(site, "tags/covid/")) == ["Briefing 2", "Briefing 1"]
    assert card_titles(read_page(site, "tags/covid/page/2/")) == ["Briefing 0"]
    assert card_titles(read_page(site, "tags/covid2/")) == ["Other"]


def test_spokespeople_index_and_pages(sample_site):
    soup = read_page(sample_site, "spokespeople/")
    entries = {
        visible_text(li.a): visible_text(li.select_one(".count"))
        for li in soup.select(".term-index li")
    }
    assert entries == {
        # One of hers is withdrawn: it stays at its address but leaves every list.
        "Aiko Tanabe": "2 briefings",
        "Mara Okonkwo": "4 briefings",
        "Randhir Jaiswal": "3 briefings",
        "Tomas Lindqvist": "3 briefings",
    }
    person = read_page(sample_site, "spokespeople/randhir-jaiswal/")
    assert "India and Canada agree to post security liaison officers" in card_titles(person)


def test_date_archives_all_year_and_month(sample_site):
    archive = read_page(sample_site, "archives/")
    years = [visible_text(a) for a in archive.select(".archive-year h2 a")]
    assert years == ["2026", "2025"]
    months = [visible_text(a) for a in archive.select(".archive-months a")]
    assert "February" in months
    year = read_page(sample_site, "archives/2026/")
    assert visible_text(year.h1) == "Briefings from 2026"
    assert all(d.year == 2026 for d in card_dates(year))
    month = read_page(sample_site, "archives/2026/02/")
    assert visible_text(month.h1) == "Briefings from February 2026"
    assert card_titles(month) == ["India and Canada agree to post security liaison officers"]


def test_navigation_reaches_every_index_and_marks_the_current_one(sample_site):
    for url, label, current in [
        ("index.html", "Latest", "page"),
        ("tags/", "Tags", "page"),
        ("tags/fentanyl/", "Tags", "true"),
        ("spokespeople/", "Spokespeople", "page"),
        ("archives/", "By date", "page"),
        ("archives/2026/", "By date", "true"),
        ("stories/", "Stories", "page"),
        ("search/", "Search", "page"),
    ]:
        nav = read_page(sample_site, url).select_one("nav.site-nav")
        labels = [visible_text(a) for a in nav.select("a")]
        assert labels == ["Latest", "Tags", "Spokespeople", "By date", "Stories", "Search"]
        marked = nav.select("a[aria-current]")
        assert [(visible_text(a), a["aria-current"]) for a in marked] == [(label, current)], url
