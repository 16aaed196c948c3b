"""The front page leads with the newest briefing and opens every way into the archive."""

from __future__ import annotations

import json
import tomllib
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from browse.index import most_active_first

from .conftest import read_page, visible_text
from .pages import BRIEFING

ROOT = Path(__file__).parents[1]


def briefings(site):
    return json.loads((site / "briefings.json").read_text(encoding="utf-8"))


def test_home_leads_with_the_newest_briefing_and_its_key_points(sample_site):
    home = read_page(sample_site, "index.html")
    newest = max(briefings(sample_site)["briefings"], key=lambda record: record["date"])
    lead = home.select_one(".lead-story")
    assert visible_text(lead.h2) == newest["title"]
    assert [visible_text(li) for li in lead.select(".key-points li")] == newest["key_points"]
    more = [visible_text(h2) for h2 in home.select(".briefing-list .briefing-card h2")]
    assert newest["title"] not in more and len(more) == 9


def test_browse_by_topic_lists_every_tag_most_active_first_with_count_and_latest(sample_site):
    records = briefings(sample_site)["briefings"]
    # The English home counts the English briefings and those only in Hindi (whose records
    # name their tags in Hindi), not the Hindi translations of English ones.
    registry = tomllib.loads((ROOT / "content/registry/tags.toml").read_text(encoding="utf-8"))
    english = {entry["hi"]["label"]: entry["label"] for entry in registry.values() if "hi" in entry}
    expected = defaultdict(list)
    for record in records:
        if record["lang"] != "en" and record["translations"]:
            continue
        for tag in record["tags"]:
            expected[english.get(tag, tag)].append(record["date"][:10])
    home = read_page(sample_site, "index.html")
    block = home.select_one(".front-topics")
    assert visible_text(block.h2) == "Browse by topic"
    shown = [
        (
            visible_text(li.a),
            int(visible_text(li.select_one(".count")).split()[0]),
            li.time["datetime"][:10],
        )
        for li in block.select(".topic-grid li")
    ]
    assert {label for label, _, _ in shown} == set(expected)
    for label, count, latest in shown:
        assert count == len(expected[label]) and latest == max(expected[label]), label
    assert [count for _, count, _ in shown] == sorted((c for _, c, _ in shown), reverse=True)
    # Every topic leads to its page.
    for li in block.select(".topic-grid li"):
        assert read_page(sample_site, li.a["href"]).h1 is not None


def test_home_lists_spokespeople_and_years(sample_site):
    side = read_page(sample_site, "index.html").select_one(".front-side")
    names = [visible_text(a) for a in side.select("#spokespeople-heading + ul a")]
    assert set(names) == {"Mara Okonkwo", "Tomas Lindqvist", "Aiko Tanabe", "Randhir Jaiswal"}
    years = [visible_text(a) for a in side.select("#years-heading + ul a")]
    assert years == ["2026", "2025"]


def test_topics_order_most_briefings_then_most_recent_then_name():
    class Tag(str):
        url = "tags/x/"

    class Briefing:
        def __init__(self, day):
            self.date = datetime(2026, 1, day)

    groups = [
        (Tag("Zeta"), [Briefing(1)]),
        (Tag("Alpha"), [Briefing(1)]),
        (Tag("Busy"), [Briefing(1), Briefing(2)]),
        (Tag("Recent"), [Briefing(9)]),
    ]
    assert [e.label for e in most_active_first(groups)] == ["Busy", "Recent", "Alpha", "Zeta"]


def test_tags_index_is_a_grid_with_counts_a_to_z(sample_site):
    soup = read_page(sample_site, "tags/")
    labels = [visible_text(li.a) for li in soup.select(".topic-grid li")]
    assert labels == sorted(labels, key=str.casefold) and len(labels) >= 10


def test_spokesperson_page_does_not_repeat_the_spokesperson_on_each_card(sample_site):
    soup = read_page(sample_site, "spokespeople/randhir-jaiswal/")
    cards = soup.select(".briefing-card")
    assert cards
    assert all("Spokesperson:" not in visible_text(card) for card in cards)
    assert all(
        "Randhir Jaiswal" not in visible_text(card.select_one(".briefing-meta")) for card in cards
    )


def test_briefing_has_breadcrumbs_agreeing_with_its_breadcrumb_list(sample_site):
    soup = read_page(sample_site, BRIEFING)
    crumbs = soup.select("nav.breadcrumbs li a")
    assert [visible_text(a) for a in crumbs] == [
        "Home",
        "Security",
        "India and Canada agree to post security liaison officers",
    ]
    assert crumbs[-1]["aria-current"] == "page"
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    (trail,) = [node for node in data["@graph"] if node["@type"] == "BreadcrumbList"]
    names = [item["name"] for item in trail["itemListElement"]]
    assert names[1:] == [visible_text(a) for a in crumbs][1:]
    assert trail["itemListElement"][1]["item"].endswith("/tags/security/")


def test_briefing_shows_tags_near_the_top_and_comments_after_related(sample_site):
    soup = read_page(sample_site, BRIEFING)
    assert soup.select(".briefing-header .tag-list a")
    order = [
        element.get("class", [""])[0]
        for element in soup.main.find_all(["nav", "section"], recursive=False)
    ]
    assert order.index("related-briefings") < order.index("comments")
    assert order.index("briefing-neighbours") < order.index("comments")


def test_pull_quote_names_its_speaker(sample_site):
    soup = read_page(sample_site, "briefings/2026/01/pensioner-phone-scams/")
    figure = soup.select_one("figure.pull-quote")
    assert figure.blockquote is not None
    assert visible_text(figure.figcaption) == "— Tomas Lindqvist, Press Secretary"
    assert "Tomas Lindqvist" not in visible_text(figure.blockquote)


def test_header_and_404_have_a_plain_get_search_form(sample_site):
    for url in ("index.html", BRIEFING, "tags/", "404.html"):
        soup = read_page(sample_site, url)
        forms = soup.select("form.search-box")
        assert forms, url
        for form in forms:
            assert form.get("method") == "get" and form["action"].endswith("search/")
            field = form.select_one("input[name=q]")
            assert soup.select_one(f'label[for="{field["id"]}"]') is not None
    assert read_page(sample_site, "404.html").select_one("main form.search-box") is not None


def test_breadcrumb_prints_a_typeset_title_once_escaped(sample_site):
    soup = read_page(sample_site, "briefings/2026/04/health-emergency-preparedness/")
    current = soup.select_one("nav.breadcrumbs [aria-current]")
    assert visible_text(current) == visible_text(soup.h1)
    assert "<span" not in visible_text(current)


def side_column(site, url):
    return read_page(site, url).select_one("main .listing-columns > .listing-side")


def test_tag_page_side_column_has_its_facets_feed_and_other_topics(sample_site):
    side = side_column(sample_site, "tags/fentanyl/")
    facets = [visible_text(p) for p in side.select(".topic-links p")]
    assert facets[1:] == [
        "By year: 2025 (1) · 2026 (2)",
        "Who spoke on it: Aiko Tanabe (1) · Mara Okonkwo (1) · Randhir Jaiswal (1)",
    ]
    assert side.select_one('#follow-heading + ul a[type="application/atom+xml"]')["href"].endswith(
        "feeds/tags/fentanyl.atom.xml"
    )
    # The most active other topics, as the front page counts them, never the tag itself.
    home = read_page(sample_site, "index.html").select(".front-topics .topic-grid li")
    counts = {
        visible_text(li.a): int(visible_text(li.select_one(".count")).split()[0]) for li in home
    }
    others = [
        (visible_text(li.a), int(visible_text(li.select_one(".count"))))
        for li in side.select("#other-topics-heading + ul li")
    ]
    assert "Fentanyl" not in dict(others) and len(others) == 8
    assert others == [(label, counts[label]) for label in counts if label != "Fentanyl"][:8]
    # The feed is in the side column now, not twice on the page.
    assert read_page(sample_site, "tags/fentanyl/").select_one(".listing-header a") is None


def test_spokesperson_and_year_pages_have_a_side_column(sample_site):
    person = side_column(sample_site, "spokespeople/randhir-jaiswal/")
    assert visible_text(person.select_one(".topic-links")).startswith("Topics: Consular affairs")
    assert person.select_one('#follow-heading + ul a[type="application/atom+xml"]') is not None
    year = side_column(sample_site, "archives/2026/")
    years = [(visible_text(a), a.get("aria-current")) for a in year.select("#years-heading + ul a")]
    assert years == [("2026", "true"), ("2025", None)]
    # A month's page: its year marked among the years.
    month = side_column(sample_site, "archives/2026/02/")
    assert visible_text(month.select_one("#years-heading + ul [aria-current]")) == "2026"
