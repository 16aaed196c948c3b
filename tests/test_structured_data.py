"""Search engines read each page's schema.org JSON-LD, Open Graph meta and canonical address."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyld import jsonld

from .conftest import published_briefing_pages, read_page, visible_text

SCHEMA = "https://schema.org/"
SITEURL = "http://127.0.0.1:8000/"
LIAISON = "briefings/2026/02/india-canada-liaison-officers/"


def offline_schema_context(url, options=None):
    """Resolve schema.org's context offline: every term is a schema.org term."""
    assert url.rstrip("/") == SCHEMA.rstrip("/"), f"JSON-LD asks for an unexpected context {url}"
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def json_ld(soup) -> list[dict]:
    return [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]


def expanded(data: dict) -> list[dict]:
    """Expand JSON-LD with a JSON-LD processor; invalid JSON-LD raises."""
    return jsonld.expand(data, {"documentLoader": offline_schema_context})


def values(node: dict, name: str) -> list:
    return [v.get("@value", v) for v in node.get(SCHEMA + name, [])]


def briefing_pages(site: Path) -> list[str]:
    return [str(p.parent.relative_to(site)) + "/" for p in published_briefing_pages(site)]


def news_article(data: dict) -> dict:
    """Return the expanded NewsArticle of a briefing page's JSON-LD (beside its breadcrumbs)."""
    (article,) = [node for node in expanded(data) if node["@type"] == [SCHEMA + "NewsArticle"]]
    return article


def test_every_briefing_page_is_a_valid_news_article_agreeing_with_the_page(sample_site):
    pages = briefing_pages(sample_site)
    assert len(pages) == 11
    with_points = 0
    for url in pages:
        soup = read_page(sample_site, url)
        (data,) = json_ld(soup)
        # The NewsArticle, with the page's breadcrumb trail beside it.
        nodes = expanded(data)
        (article,) = [node for node in nodes if node["@type"] == [SCHEMA + "NewsArticle"]]
        assert [node["@type"] for node in nodes if node is not article] == [
            [SCHEMA + "BreadcrumbList"]
        ], url
        assert values(article, "headline") == [visible_text(soup.h1)]
        meta = soup.select_one("header .briefing-meta")
        assert values(article, "datePublished") == [meta.time["datetime"]]
        modified = meta.select_one(".modified time")
        # A corrected or updated briefing shows its last change in the notice instead.
        notices = soup.select(".change-notice time")
        (date_modified,) = values(article, "dateModified")
        if notices:
            assert date_modified.startswith(notices[-1]["datetime"])
        else:
            assert date_modified == (modified or meta.time)["datetime"]
        assert values(article, "description") == [visible_text(soup.select_one(".standfirst"))]
        points = [visible_text(li) for li in soup.select("aside.key-points li")]
        assert values(article, "abstract") == points
        with_points += bool(points)
        tags = [visible_text(a) for a in soup.select(".briefing-header .tag-list a")]
        assert values(article, "keywords") == tags
        names = [visible_text(a) for a in meta.select(".spokespeople a")]
        authors = article[SCHEMA + "author"]
        assert [a["@type"] for a in authors] == [[SCHEMA + "Person"]] * len(names)
        assert [values(a, "name")[0] for a in authors] == names
        assert all(values(a, "jobTitle") for a in authors)
        (publisher,) = article[SCHEMA + "publisher"]
        assert publisher["@type"] == [SCHEMA + "Organization"]
        assert values(publisher, "name") == ["Press Briefing Archive"]
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        assert canonical == SITEURL + url == article["@id"]
        assert values(article, "dateline") == [visible_text(meta.select_one(".dateline"))]
    assert with_points >= 10


def test_briefing_page_has_open_graph_and_twitter_card_meta(sample_site):
    soup = read_page(sample_site, LIAISON)

    def meta(key: str, attribute: str = "property") -> list[str]:
        return [m["content"] for m in soup.select(f'meta[{attribute}="{key}"]')]

    assert meta("og:type") == ["article"]
    assert meta("og:url") == [SITEURL + LIAISON]
    assert meta("og:title") == [visible_text(soup.h1)]
    # Like the description meta, it keeps the summary's no-break space before the last word.
    description = [d.replace("\xa0", " ") for d in meta("og:description")]
    assert description == [visible_text(soup.select_one(".standfirst"))]
    assert meta("article:published_time") == ["2026-02-12T16:30:00+05:30"]
    assert "Fentanyl" in meta("article:tag")
    assert meta("twitter:card", "name") == ["summary"]
    assert meta("twitter:title", "name") == meta("og:title")


def test_tag_page_is_a_collection_page_with_breadcrumbs(sample_site):
    soup = read_page(sample_site, "tags/fentanyl/")
    (data,) = json_ld(soup)
    nodes = {node["@type"][0]: node for node in expanded(data)}
    page = nodes[SCHEMA + "CollectionPage"]
    assert page["@id"] == SITEURL + "tags/fentanyl/"
    (listing,) = page[SCHEMA + "mainEntity"]
    listed = [values(item, "url")[0] for item in listing[SCHEMA + "itemListElement"]]
    shown = [SITEURL + a["href"].removeprefix("../../") for a in soup.select(".briefing-card h2 a")]
    assert listed == shown and SITEURL + LIAISON in listed
    crumbs = nodes[SCHEMA + "BreadcrumbList"][SCHEMA + "itemListElement"]
    assert [values(c, "name")[0] for c in crumbs] == ["Press Briefing Archive", "Tags", "Fentanyl"]
    assert [values(c, "item")[0] for c in crumbs][-1] == SITEURL + "tags/fentanyl/"


def test_spokesperson_page_describes_a_person_with_breadcrumbs(sample_site):
    soup = read_page(sample_site, "spokespeople/randhir-jaiswal/")
    (data,) = json_ld(soup)
    nodes = {node["@type"][0]: node for node in expanded(data)}
    (person,) = nodes[SCHEMA + "ProfilePage"][SCHEMA + "mainEntity"]
    assert person["@type"] == [SCHEMA + "Person"]
    assert values(person, "name") == ["Randhir Jaiswal"]
    assert values(person, "jobTitle")
    crumbs = nodes[SCHEMA + "BreadcrumbList"][SCHEMA + "itemListElement"]
    assert [values(c, "name")[0] for c in crumbs][-1] == "Randhir Jaiswal"
    canonical = soup.select_one('link[rel="canonical"]')["href"]
    assert canonical == SITEURL + "spokespeople/randhir-jaiswal/"


@pytest.fixture(scope="module")
def unpublished_site(make_shared_site):
    """Build a draft, a hidden and a published briefing; each case reads one unpublished page."""
    from .conftest import minimal_briefing

    return make_shared_site(
        {
            f"2026/out-{status}.md": minimal_briefing(
                f"Not out yet ({status})", "2026-03-02", status=status
            )
            for status in ("draft", "hidden")
        }
        | {"2026/out-now.md": minimal_briefing("Out now", "2026-03-01")}
    )


@pytest.mark.parametrize("status", ["draft", "hidden"])
def test_unpublished_briefings_carry_no_canonical_or_structured_data(unpublished_site, status):
    site = unpublished_site
    title = f"Not out yet ({status})"
    (page,) = [p for p in site.rglob("index.html") if title in p.read_text("utf-8")]
    soup = read_page(page.parent, "")
    assert json_ld(soup) == []
    assert soup.select('link[rel="canonical"], meta[property^="og:"]') == []
