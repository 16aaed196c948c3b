"""The corrections and withdrawals ledgers in Hindi, where Hindi briefings were corrected."""

from __future__ import annotations

import json

import feedparser
from lxml import etree

from .conftest import (
    SITEMAP_NS,
    SITEURL,
    minimal_briefing,
    page_file,
    read_page,
    versions,
    visible_text,
)

LIAISON_HI = "hi/briefings/2026/02/india-canada-liaison-officers/"


def test_the_hindi_corrections_ledger_lists_the_hindi_correction_in_hindi(sample_site):
    page = read_page(sample_site, "hi/corrections/")
    assert page.html["lang"] == "hi"
    assert visible_text(page.h1) == "सुधार"
    (entry,) = page.select("ol.ledger li")
    assert entry.h2.a["href"].endswith(LIAISON_HI + "#change-1")
    assert "ओटावा में हुई थी" in visible_text(entry)
    assert visible_text(entry.select_one(".ledger-meta")) == (
        "14 फ़रवरी 2026 को सुधारा गया · प्रकाशित 12 फ़रवरी 2026"
    )
    expected = {"en": "corrections/", "hi": "hi/corrections/", "x-default": "corrections/"}
    assert versions(page) == versions(read_page(sample_site, "corrections/")) == expected
    tree = etree.parse(str(sample_site / "sitemap.xml"))
    (url,) = tree.xpath(f"//s:url[s:loc='{SITEURL}hi/corrections/']", namespaces=SITEMAP_NS)
    assert len(url.xpath("x:link", namespaces=SITEMAP_NS)) == 3
    # No Hindi briefing was withdrawn: no Hindi withdrawals ledger.
    assert not page_file(sample_site, "hi/withdrawn/").exists()


def test_the_hindi_corrections_feeds_are_the_hindi_ledger(sample_site):
    page = read_page(sample_site, "hi/corrections/")
    links = [a["href"] for a in page.select(".listing-count a")]
    assert links == ["../../hi/feeds/corrections.atom.xml", "../../hi/feeds/corrections.json"]
    shown = [a["href"].replace("../", "") for a in page.select("ol.ledger h2 a")]
    atom = feedparser.parse(str(sample_site / "hi/feeds/corrections.atom.xml"))
    assert atom.feed.language == "hi" and atom.feed.title == "प्रेस ब्रीफ़िंग संग्रह: सुधार"
    assert [e.link.removeprefix(SITEURL) for e in atom.entries] == shown
    assert atom.entries[0].title.startswith("सुधार: भारत और कनाडा")
    document = json.loads((sample_site / "hi/feeds/corrections.json").read_text("utf-8"))
    assert document["language"] == "hi"
    assert document["home_page_url"] == SITEURL + "hi/corrections/"
    assert [item["url"].removeprefix(SITEURL) for item in document["items"]] == shown
    english = feedparser.parse(str(sample_site / "feeds/corrections.atom.xml"))
    assert english.feed.language == "en" and english.entries[0].title.startswith("Correction: ")


def test_a_withdrawn_hindi_briefing_has_a_hindi_withdrawals_ledger(make_site):
    withdrawal = {"withdrawn": "2026-02-20 | Replaced by a later briefing.", "status": "withdrawn"}
    site = make_site(
        {
            "2026/old.md": minimal_briefing("Old", "2026-02-01", **withdrawal),
            "hi/2026/old.md": minimal_briefing(
                "पुरानी",
                "2026-02-01",
                lang="hi",
                withdrawn="2026-02-20 | बाद की ब्रीफ़िंग ने इसकी जगह ली।",
                status="withdrawn",
            ),
            "2026/gone.md": minimal_briefing("Gone", "2026-02-02", **withdrawal),
            "2026/kept.md": minimal_briefing("Kept", "2026-02-03", correction="2026-02-05 | Fix."),
            "hi/2026/only.md": minimal_briefing("केवल हिन्दी", "2026-02-04", lang="hi"),
        },
        SEARCH_INDEX_ENABLED=False,
    )
    page = read_page(site, "hi/withdrawn/")
    assert page.html["lang"] == "hi"
    items = page.select("ol.ledger li")
    titles = [visible_text(li.h2) for li in items]
    # Withdrawn on the same day: the later briefing first, as in English.
    assert titles == ["Gone English में", "पुरानी"]
    assert items[0].h2.a["lang"] == "en"
    assert "बाद की ब्रीफ़िंग" in visible_text(page.select_one("ol.ledger"))
    assert versions(page)["en"] == "withdrawn/"
    # The only correction is of an English briefing with no Hindi version: no Hindi ledger.
    assert page_file(site, "corrections/").exists()
    assert not page_file(site, "hi/corrections/").exists()
    assert not (site / "hi/feeds/corrections.atom.xml").exists()
