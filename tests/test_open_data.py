"""Open data: briefings.json, briefings.csv, the JSON Feed, the sitemap and robots.txt."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest
from lxml import etree

from archive.paths import ROOT

from .conftest import minimal_briefing, published_briefing_pages, read_page, visible_text

SITEURL = "http://127.0.0.1:8000/"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def records(site: Path) -> list[dict]:
    return json.loads((site / "briefings.json").read_text("utf-8"))["briefings"]


def page_of(site: Path, url: str):
    assert url.startswith(SITEURL), url
    return read_page(site, url.removeprefix(SITEURL))


# The word before each change's date in the page's change list, in English and Hindi.
CHANGE_KINDS = {
    "Correction": "correction",
    "Update": "update",
    "सुधार": "correction",
    "अद्यतन": "update",
}


def changes_on_page(soup, url: str) -> list[dict]:
    """Return the page's change list as open-data entries, oldest first, as a reader reads it."""
    published = datetime.fromisoformat(soup.select_one("header .briefing-meta time")["datetime"])
    changes = []
    # The page lists them newest first; the data, like the JSON-LD, oldest first.
    for item in reversed(soup.select("#changes li")):
        label = item.strong.extract()
        # Written as the editor wrote it (the day alone, or day and time), in local time.
        when = datetime.fromisoformat(label.time["datetime"]).replace(tzinfo=published.tzinfo)
        changes.append(
            {
                "date": when.isoformat(),
                "kind": CHANGE_KINDS[visible_text(label).split(",")[0]],
                "text": visible_text(item),
                "url": f"{url}#{item['id']}",
            }
        )
    return changes


def test_briefings_json_agrees_with_every_briefing_page(sample_site):
    rows = records(sample_site)
    # The sample's withdrawn briefing and a moved briefing's old address are pages too; the
    # Hindi briefings are under hi/ (two translations and one only in Hindi).
    pages = [
        *published_briefing_pages(sample_site),
        *sample_site.glob("hi/briefings/*/*/*/index.html"),
    ]
    assert len(rows) == len(pages) == 14
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)
    for row in rows:
        soup = page_of(sample_site, row["url"])
        meta = soup.select_one("header .briefing-meta")
        standfirst = soup.select_one(".standfirst")
        modified = meta.select_one(".modified time")
        source = soup.select_one(".source-credit")
        original = soup.select_one(".source-link a")
        # A corrected or updated briefing shows its last change's day in the notice.
        notices = soup.select(".change-notice time")
        if notices:
            assert row["modified"].startswith(notices[-1]["datetime"])
        assert row == {
            "title": visible_text(soup.h1),
            "url": row["url"],
            "date": meta.time["datetime"],
            "modified": row["modified"] if notices else modified["datetime"] if modified else None,
            "spokespeople": [visible_text(a) for a in meta.select(".spokespeople a")],
            "tags": [visible_text(a) for a in soup.select(".briefing-header .tag-list a")],
            "location": visible_text(meta.select_one(".dateline")),
            # "Source: " in the page's language.
            "source": visible_text(source).split(": ", 1)[1] if source else None,
            "source_url": original["href"] if original else None,
            "summary": visible_text(standfirst) if standfirst else None,
            "key_points": [visible_text(li) for li in soup.select("aside.key-points li")],
            "lang": soup.html["lang"],
            # Compared with the pages' hreflang links in test_languages.py.
            "translations": row["translations"],
            "changes": changes_on_page(soup, row["url"]),
        }
    corrected = next(r for r in rows if r["url"].endswith("/india-canada-liaison-officers/"))
    assert [(c["date"], c["kind"]) for c in corrected["changes"]] == [
        ("2026-02-14T00:00:00+05:30", "correction")
    ]
    # The liaison briefing's correction is in its Hindi version too.
    assert sum(bool(r["changes"]) for r in rows) == 3


def test_csv_has_the_same_rows_as_the_json(sample_site):
    with (sample_site / "briefings.csv").open(encoding="utf-8", newline="") as file:
        table = list(csv.DictReader(file))
    rows = records(sample_site)
    assert list(table[0]) == list(rows[0])
    assert len(table) == len(rows)
    for cells, row in zip(table, rows, strict=True):
        translations = [f"{t['lang']} {t['url']}" for t in row.pop("translations")]
        assert cells["translations"] == "\n".join(translations)
        changes = [f"{c['date']} {c['kind']}: {c['text']}" for c in row.pop("changes")]
        assert cells["changes"] == "\n".join(changes)
        for field, value in row.items():
            if isinstance(value, list):
                assert cells[field].split("\n") == value if value else cells[field] == ""
            else:
                assert cells[field] == (value or "")


def test_json_feed_has_the_fields_json_feed_1_1_requires(sample_site):
    feed = json.loads((sample_site / "feeds/all.json").read_text("utf-8"))
    # https://www.jsonfeed.org/version/1.1/: version, title and items are required;
    # home_page_url and feed_url are strongly recommended; each item needs an id and
    # content_html or content_text; dates are RFC 3339.
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and feed["title"]
    assert feed["home_page_url"] == SITEURL
    assert feed["feed_url"] == SITEURL + "feeds/all.json"
    items = feed["items"]
    # The default language's listing: 11 in English (one is withdrawn) and one only in Hindi.
    assert isinstance(items, list) and len(items) == 12
    for item in items:
        assert isinstance(item["id"], str) and item["id"]
        assert isinstance(item.get("content_html") or item.get("content_text"), str)
        datetime.fromisoformat(item["date_published"])
        assert all(isinstance(author["name"], str) for author in item["authors"])
        assert visible_text(page_of(sample_site, item["url"]).h1) == item["title"]
    # The same order as briefings.json, which also has the translations into Hindi.
    listed = {i["url"] for i in items}
    assert [i["url"] for i in items] == [
        r["url"] for r in records(sample_site) if r["url"] in listed
    ]
    assert all(r["lang"] == "hi" for r in records(sample_site) if r["url"] not in listed)


def test_every_page_links_the_json_feed_and_open_data(sample_site):
    soup = read_page(sample_site, "index.html")
    (link,) = soup.select('link[rel="alternate"][type="application/feed+json"]')
    assert link["href"].endswith("feeds/all.json")
    footer_links = [a["href"] for a in soup.select(".site-footer .open-data a")]
    assert footer_links == ["./briefings.json", "./briefings.csv", "./feeds/all.json"]


def test_sitemap_lists_every_briefing_and_listing_by_absolute_address(sample_site):
    tree = etree.parse(str(sample_site / "sitemap.xml"))
    locations = tree.xpath("//s:url/s:loc/text()", namespaces=SITEMAP_NS)
    assert all(loc.startswith(SITEURL) for loc in locations)
    briefings = {
        SITEURL + str(p.parent.relative_to(sample_site)) + "/"
        for p in published_briefing_pages(sample_site)
    }
    assert briefings <= set(locations)
    assert {SITEURL + "tags/fentanyl/", SITEURL + "spokespeople/randhir-jaiswal/"} <= set(locations)
    assert not [loc for loc in locations if "404" in loc or "/search/" in loc]
    for loc in locations:
        path = loc.removeprefix(SITEURL)
        assert (
            sample_site / path / "index.html"
            if path.endswith("/") or not path
            else sample_site / path
        ).is_file(), loc


def test_robots_txt_points_to_the_absolute_sitemap(sample_site):
    lines = (sample_site / "robots.txt").read_text("utf-8").splitlines()
    assert lines[0] == "User-agent: *"
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in lines


def test_published_site_points_everything_to_its_public_address(make_site):
    from archive.build import site_settings

    public = site_settings(ROOT / "publishconf.py")["SITEURL"]
    site = make_site(
        {"2026/one.md": minimal_briefing("One", "2026-03-01")},
        SITEURL=public,
        PUBLIC_SITEURL=public,
        RELATIVE_URLS=False,
    )
    assert f"Sitemap: {public}/sitemap.xml" in (site / "robots.txt").read_text("utf-8")
    (row,) = records(site)
    assert row["url"] == f"{public}/briefings/2026/03/one/"


@pytest.fixture
def site_with_unpublished(make_site):
    return make_site(
        {
            "2026/published.md": minimal_briefing("Published briefing", "2026-03-01"),
            "2026/draft.md": minimal_briefing("Draft briefing", "2026-03-02", status="draft"),
            "2026/hidden.md": minimal_briefing("Hidden briefing", "2026-03-03", status="hidden"),
        }
    )


def test_drafts_and_hidden_briefings_are_in_no_data_file(site_with_unpublished):
    site = site_with_unpublished
    assert [r["title"] for r in records(site)] == ["Published briefing"]
    csv_text = (site / "briefings.csv").read_text("utf-8")
    feed = json.loads((site / "feeds/all.json").read_text("utf-8"))
    assert [item["title"] for item in feed["items"]] == ["Published briefing"]
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    for slug in ("draft", "hidden"):
        assert f"{slug.capitalize()} briefing" not in csv_text
        assert f"/{slug}/" not in sitemap
    entry = json.loads((site / "pagefind/2026/pagefind-entry.json").read_text("utf-8"))
    assert entry["languages"]["en"]["page_count"] == 1


# A sentence a careless writer of HTML, CSV or JSON would break: markup-like text, an
# ampersand, both kinds of quotes and a comma.
AWKWARD = """The fund is "<Project X>", not 'Project Y' & its budget is < 5%, as said."""


@pytest.fixture
def site_with_changes(make_site):
    corrected = minimal_briefing(
        "Corrected twice",
        "2026-03-02 10:00",
        correction="2026-03-03 | The meeting was on Tuesday, not Monday.",
        update="2026-03-09 14:30 | Added the list of the delegations.",
    ).replace(
        "Update: 2026-03-09 14:30",
        f"Correction: 2026-03-05 | {AWKWARD}\nUpdate: 2026-03-09 14:30",
    )
    withdrawn = minimal_briefing(
        "Withdrawn after correction",
        "2026-03-01",
        correction="2026-03-02 | A date was wrong.",
        status="withdrawn",
        withdrawn="2026-03-04 | Issued in error.",
    )
    return make_site(
        {
            "2026/corrected.md": corrected,
            "2026/plain.md": minimal_briefing("Never changed", "2026-03-06"),
            "2026/withdrawn.md": withdrawn,
        }
    )


def test_changes_in_json_and_csv_agree_with_the_change_list(site_with_changes):
    site = site_with_changes
    rows = {row["title"]: row for row in records(site)}
    # A withdrawn briefing is hidden: in no data file, its corrections with it.
    assert set(rows) == {"Corrected twice", "Never changed"}
    assert rows["Never changed"]["changes"] == []
    row = rows["Corrected twice"]
    soup = page_of(site, row["url"])
    assert row["changes"] == changes_on_page(soup, row["url"])
    assert row["changes"] == [
        {
            "date": "2026-03-03T00:00:00+05:30",
            "kind": "correction",
            "text": "The meeting was on Tuesday, not Monday.",
            "url": row["url"] + "#change-1",
        },
        {
            "date": "2026-03-05T00:00:00+05:30",
            "kind": "correction",
            "text": AWKWARD,
            "url": row["url"] + "#change-2",
        },
        {
            "date": "2026-03-09T14:30:00+05:30",
            "kind": "update",
            "text": "Added the list of the delegations.",
            "url": row["url"] + "#change-3",
        },
    ]
    # Each entry's address is its place in the page's change list.
    assert all(soup.select_one(f"#{c['url'].split('#')[1]}") for c in row["changes"])
    # The page printed the awkward sentence as text, and its JSON-LD names the same corrections.
    assert "&lt;Project X&gt;" in str(soup.select_one("#change-2"))
    (data,) = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    (article,) = [n for n in data.get("@graph", [data]) if n["@type"] == "NewsArticle"]
    assert article["correction"] == [
        {"@type": "CorrectionComment", "text": c["text"], "datePublished": c["date"]}
        for c in row["changes"]
        if c["kind"] == "correction"
    ]
    assert row["modified"] == "2026-03-09T14:30:00+05:30"
    with (site / "briefings.csv").open(encoding="utf-8", newline="") as file:
        cells = {line["title"]: line for line in csv.DictReader(file)}
    assert set(cells) == set(rows)
    assert cells["Never changed"]["changes"] == ""
    assert cells["Corrected twice"]["changes"].split("\n") == [
        "2026-03-03T00:00:00+05:30 correction: The meeting was on Tuesday, not Monday.",
        f"2026-03-05T00:00:00+05:30 correction: {AWKWARD}",
        "2026-03-09T14:30:00+05:30 update: Added the list of the delegations.",
    ]
    for path in ("briefings.json", "briefings.csv"):
        text = (site / path).read_text("utf-8")
        assert "Withdrawn after correction" not in text and "A date was wrong." not in text
