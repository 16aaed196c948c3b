"""Corrections, updates and withdrawals: what readers see on the page, in ledgers and feeds."""

from __future__ import annotations

import json

import feedparser
import pytest
from pyld import jsonld

from archive.build import BuildError

from .conftest import minimal_briefing, read_page, visible_text
from .test_structured_data import SCHEMA, json_ld, news_article, values

LIAISON = "briefings/2026/02/india-canada-liaison-officers/"
HEALTH = "briefings/2026/04/health-emergency-preparedness/"
WITHDRAWN = "briefings/2025/11/offshore-wind-licensing/"
WITHDRAWN_TITLE = "Licensing round opens for three offshore wind zones"


def test_corrected_briefing_says_so_under_the_headline_and_lists_the_change(sample_site):
    soup = read_page(sample_site, LIAISON)
    (notice,) = soup.select("header .change-notice a")
    assert visible_text(notice) == "Corrected on 14 February 2026"
    assert notice["href"] == "#changes"
    changes = soup.select_one("#changes")
    assert "Published 12 February 2026" in visible_text(changes)
    (item,) = changes.select("li")
    assert visible_text(item).startswith("Correction, 14 February 2026 : An earlier version said")
    assert item.time["datetime"] == "2026-02-14"
    original = soup.select_one(".source-link a")
    assert visible_text(original) == "Original source"
    assert original["href"] == "https://www.mea.gov.in/media-briefings.htm"


def test_updated_briefing_says_updated(sample_site):
    soup = read_page(sample_site, HEALTH)
    assert visible_text(soup.select_one(".change-notice")) == "Updated on 15 April 2026"
    assert visible_text(soup.select_one("#changes li")).startswith("Update, 15 April 2026 :")


def test_json_ld_has_date_modified_correction_and_source(sample_site):
    (data,) = json_ld(read_page(sample_site, LIAISON))
    article = news_article(data)
    assert values(article, "dateModified") == ["2026-02-14T00:00:00+05:30"]
    (correction,) = article[SCHEMA + "correction"]
    assert correction["@type"] == [SCHEMA + "CorrectionComment"]
    assert values(correction, "text")[0].startswith("An earlier version said")
    assert values(correction, "datePublished") == ["2026-02-14T00:00:00+05:30"]
    based_on = article[SCHEMA + "isBasedOn"]
    assert [node.get("@id", node.get("@value")) for node in based_on] == [
        "https://www.mea.gov.in/media-briefings.htm"
    ]
    # An update is no correction.
    (data,) = json_ld(read_page(sample_site, HEALTH))
    assert SCHEMA + "correction" not in jsonld.expand(data, {"documentLoader": _loader()})[0]


def _loader():
    from .test_structured_data import offline_schema_context

    return offline_schema_context


def test_site_feeds_mark_changed_briefings_updated(sample_site):
    atom = feedparser.parse((sample_site / "feeds/all.atom.xml").read_bytes())
    entry = next(e for e in atom.entries if e.link.endswith(LIAISON))
    assert entry.published.startswith("2026-02-12")
    assert entry.updated.startswith("2026-02-14")
    feed = json.loads((sample_site / "feeds/all.json").read_text("utf-8"))
    item = next(i for i in feed["items"] if i["url"].endswith(HEALTH))
    assert item["date_modified"] == "2026-04-15T00:00:00+05:30"


def test_corrections_ledger_and_its_feeds(sample_site):
    soup = read_page(sample_site, "corrections/")
    assert visible_text(soup.h1) == "Corrections"
    (entry,) = soup.select(".ledger li")
    link = entry.select_one("h2 a")
    assert link["href"].endswith(LIAISON + "#change-1")
    assert "Corrected on 14 February 2026" in visible_text(entry)
    # The page's anchor exists, so the ledger's link lands on the correction.
    assert read_page(sample_site, LIAISON).select_one("#change-1")
    atom = feedparser.parse((sample_site / "feeds/corrections.atom.xml").read_bytes())
    assert not atom.bozo
    (item,) = atom.entries
    assert item.link == "http://127.0.0.1:8000/" + LIAISON + "#change-1"
    assert item.updated.startswith("2026-02-14")
    assert item.title == "Correction: " + visible_text(link)
    feed = json.loads((sample_site / "feeds/corrections.json").read_text("utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["url"] for i in feed["items"]] == [item.link]
    assert feed["items"][0]["content_text"] == item.summary


def test_corrections_ledger_is_paginated_newest_first(make_site):
    briefings = {
        f"2026/b{n}.md": minimal_briefing(
            f"Briefing {n}", "2026-01-05", correction=f"2026-01-{10 + n:02d} | Fix number {n}."
        )
        for n in range(12)
    }
    site = make_site(briefings)
    first = read_page(site, "corrections/")
    texts = [visible_text(li.select_one("p:last-child")) for li in first.select(".ledger li")]
    assert texts == [f"Fix number {n}." for n in range(11, 1, -1)]
    second = read_page(site, "corrections/page/2/")
    assert [visible_text(li.h2) for li in second.select(".ledger li")] == [
        "Briefing 1",
        "Briefing 0",
    ]
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "corrections/page/2/" in sitemap and "/withdrawn/" in sitemap


def test_withdrawn_briefing_stays_at_its_address_and_leaves_every_list(sample_site):
    soup = read_page(sample_site, WITHDRAWN)
    banner = visible_text(soup.select_one(".withdrawn-notice"))
    assert banner.startswith("Withdrawn on 20 January 2026 . The ministry replaced")
    assert soup.select("aside.key-points li") or soup.select(".briefing-body p")
    assert not soup.select("[data-pagefind-body]")
    everywhere = [
        "index.html",
        "page/2/index.html",
        "tags/energy/index.html",
        "spokespeople/aiko-tanabe/index.html",
        "archives/2025/index.html",
        "feeds/all.atom.xml",
        "feeds/all.json",
        "feeds/tags/energy.atom.xml",
        "briefings.json",
        "briefings.csv",
        "sitemap.xml",
    ]
    for path in everywhere:
        assert WITHDRAWN_TITLE not in (sample_site / path).read_text("utf-8"), path
        assert "offshore-wind-licensing" not in (sample_site / path).read_text("utf-8"), path
    ledger = read_page(sample_site, "withdrawn/")
    (entry,) = ledger.select(".ledger li")
    assert visible_text(entry.h2) == WITHDRAWN_TITLE
    assert entry.h2.a["href"].endswith(WITHDRAWN)
    assert "Withdrawn on 20 January 2026" in visible_text(entry)


BAD_HISTORY = [
    ("correction", "2026-02-30 | Wrong day.", "Correction", "'2026-02-30' is not a real date"),
    ("correction", "14 February | Text.", "Correction", "'14 February' is not a full date"),
    ("correction", "2026-01-01 | Too early.", "Correction", "before the briefing's Date"),
    ("correction", "2026-02-14 |", "Correction", "has a date but no text"),
    ("correction", "The date is missing.", "Correction", "has no date before a |"),
    ("update", "2026-02-14 | See <b>this</b>.", "Update", "has the markup <b>"),
    ("source_url", "http://example.org/t", "Source_url", "is not an https address"),
    ("moved_from", "../../etc/", "Moved_from", "is not an address inside the site"),
    ("withdrawn", "2026-02-14 | Reason.", "Withdrawn", "Status is not withdrawn"),
    ("status", "withdrawn", "Status", "neither when nor why"),
]


@pytest.mark.parametrize(("field", "value", "label", "message"), BAD_HISTORY)
def test_history_fields_are_checked_with_path_and_line(make_site, field, value, label, message):
    text = minimal_briefing("Checked", "2026-02-12", **{field: value})
    line = text.splitlines().index(f"{field.capitalize()}: {value}".rstrip()) + 1
    with pytest.raises(BuildError) as error:
        make_site({"2026/checked.md": text})
    (problem,) = error.value.problems
    assert str(problem).startswith(f"content/briefings/2026/checked.md:{line}: {label}: ")
    assert message in problem.message


def test_several_corrections_and_updates_are_allowed(make_site):
    text = minimal_briefing(
        "Twice corrected",
        "2026-02-12 10:00",
        correction="2026-02-13 | First fix.",
        update="2026-02-20 | Added a table.",
    ).replace(
        "Correction: 2026-02-13 | First fix.\n",
        "Correction: 2026-02-13 | First fix.\nCorrection: 2026-02-15 | Second fix.\n",
    )
    site = make_site({"2026/twice.md": text})
    soup = read_page(site, "briefings/2026/02/twice/")
    notices = [visible_text(a) for a in soup.select(".change-notice a")]
    assert notices == ["Corrected on 15 February 2026", "Updated on 20 February 2026"]
    items = [visible_text(li) for li in soup.select("#changes li")]
    assert [i.split(" :")[0] for i in items] == [
        "Update, 20 February 2026",
        "Correction, 15 February 2026",
        "Correction, 13 February 2026",
    ]
    assert len(read_page(site, "corrections/").select(".ledger li")) == 2
