"""The threads pages in Hindi: stories and the stories index under /hi/, with their feeds."""

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

STORY = "stories/cross-border-crime-cooperation/"
STORY_HI = "hi/" + STORY
LIAISON_HI = "hi/briefings/2026/02/india-canada-liaison-officers/"


def test_a_story_with_a_hindi_step_has_a_hindi_page_with_every_step(sample_site):
    page = read_page(sample_site, STORY_HI)
    assert page.html["lang"] == "hi"
    assert visible_text(page.h1) == "सीमा-पार अपराध पर सहयोग"
    assert "साझा अधिकारियों" in visible_text(page.select_one(".listing-description"))
    steps = page.select("li.thread-step")
    english = read_page(sample_site, STORY).select("li.thread-step")
    assert len(steps) == len(english) == 4
    assert visible_text(steps[2].select_one(".thread-step-label")) == "भाग 3 (कुल 4)"
    # The step with a Hindi version is shown in Hindi, with its Hindi date and key points.
    liaison = steps[2]
    assert liaison.h2.a["href"].endswith(LIAISON_HI)
    assert "भारत और कनाडा" in visible_text(liaison.h2)
    assert visible_text(liaison.select_one("time")) == "12 फ़रवरी 2026"
    assert "सुरक्षा सहयोग का विस्तार" in visible_text(liaison.select_one(".thread-points"))
    assert not liaison.select(".language-mark")
    # The others are the English briefings, marked with their language, dates in Hindi.
    first = steps[0]
    assert first.h2.a["lang"] == "en" and first.h2.a["hreflang"] == "en"
    assert visible_text(first.select_one(".language-mark")) == "English में"
    assert visible_text(first.select_one("time")) == "6 मई 2025"
    assert first.select_one(".thread-points").find_parent(attrs={"lang": "en"}) is not None
    # The interface is in Hindi: the eyebrow links the Hindi stories index, as the menu does.
    eyebrow = page.select_one(".eyebrow a")
    assert visible_text(eyebrow) == "कहानियाँ"
    assert eyebrow["href"] == "../../../hi/stories/"
    nav = {visible_text(a): a["href"] for a in page.select("nav.site-nav a")}
    assert nav["कहानियाँ"] == "../../../hi/stories/"


def test_the_hindi_story_and_the_english_one_name_each_other(sample_site):
    for url in (STORY, "stories/"):
        hindi, english = read_page(sample_site, "hi/" + url), read_page(sample_site, url)
        expected = {"en": url, "hi": "hi/" + url, "x-default": url}
        assert versions(hindi) == versions(english) == expected
        switcher = hindi.select_one("nav.language-switcher a")
        assert switcher["hreflang"] == "en" and visible_text(switcher) == "English"
        switcher = english.select_one("nav.language-switcher a")
        assert switcher["hreflang"] == "hi" and visible_text(switcher) == "हिन्दी"


def test_the_hindi_stories_index_lists_stories_with_a_hindi_step(sample_site):
    page = read_page(sample_site, "hi/stories/")
    assert page.html["lang"] == "hi"
    assert visible_text(page.h1) == "कहानियाँ"
    stories = {visible_text(h2): h2.a["href"] for h2 in page.select(".story-index h2")}
    assert stories == {
        "सीमा-पार अपराध पर सहयोग": "../../hi/stories/cross-border-crime-cooperation/",
        "विदेश में कांसुलर मदद": "../../hi/stories/consular-help-abroad/",
    }
    counts = [visible_text(p) for p in page.select(".story-index .listing-count")]
    assert counts[0] == "4 ब्रीफ़िंग · नवीनतम 29 अक्टूबर 2026"


def test_the_sitemap_lists_the_hindi_stories_with_their_alternates(sample_site):
    tree = etree.parse(str(sample_site / "sitemap.xml"))
    for url in ("stories/", STORY):
        (entry,) = tree.xpath(f"//s:url[s:loc='{SITEURL}hi/{url}']", namespaces=SITEMAP_NS)
        alternates = {
            link.get("hreflang"): link.get("href").removeprefix(SITEURL)
            for link in entry.xpath("x:link", namespaces=SITEMAP_NS)
        }
        assert alternates == {"en": url, "hi": "hi/" + url, "x-default": url}


def test_a_hindi_story_has_its_own_feeds_of_the_steps_it_shows(sample_site):
    page = read_page(sample_site, STORY_HI)
    atom = "hi/feeds/stories/cross-border-crime-cooperation.atom.xml"
    json_feed = "hi/feeds/stories/cross-border-crime-cooperation.json"
    heads = [link["href"] for link in page.select("head link[rel=alternate][type]")]
    assert "../../../" + atom in heads and "../../../" + json_feed in heads
    body = [a["href"] for a in page.select(".listing-count a")]
    assert body == ["../../../" + atom, "../../../" + json_feed]
    shown = [a["href"].replace("../", "") for a in page.select("li.thread-step h2 a")]
    parsed = feedparser.parse(str(sample_site / atom))
    assert parsed.feed.language == "hi"
    assert parsed.feed.title == "प्रेस ब्रीफ़िंग संग्रह: सीमा-पार अपराध पर सहयोग"
    # Newest first: the page's steps, reversed.
    assert [entry.link.removeprefix(SITEURL) for entry in parsed.entries] == shown[::-1]
    document = json.loads((sample_site / json_feed).read_text(encoding="utf-8"))
    assert document["language"] == "hi"
    assert document["home_page_url"] == SITEURL + STORY_HI
    assert [item["url"].removeprefix(SITEURL) for item in document["items"]] == shown[::-1]


HINDI_ONLY = minimal_briefing("हिन्दी ब्रीफ़िंग", "2026-01-20", lang="hi")


def story_site(make_site, **settings):
    """Build two stories: one with a Hindi version of a step, one all in English."""
    return make_site(
        {
            "2026/first.md": minimal_briefing("First", "2026-01-05", story="consular-help-abroad"),
            "2026/second.md": minimal_briefing(
                "Second", "2026-01-10", story="consular-help-abroad"
            ),
            "hi/2026/second.md": minimal_briefing("दूसरी", "2026-01-10", lang="hi"),
            "2026/third.md": minimal_briefing(
                "Third", "2026-01-15", story="cross-border-crime-cooperation"
            ),
            "hi/2026/only.md": HINDI_ONLY,
        },
        SEARCH_INDEX_ENABLED=False,
        **settings,
    )


def test_only_stories_with_a_hindi_step_get_a_hindi_page(make_site):
    site = story_site(make_site)
    assert page_file(site, "hi/stories/consular-help-abroad/").exists()
    assert not page_file(site, "hi/" + STORY).exists()
    assert versions(read_page(site, STORY)) == {}
    index = read_page(site, "hi/stories/")
    links = [a["href"] for a in index.select(".story-index h2 a")]
    assert links == ["../../hi/stories/consular-help-abroad/"]
    steps = read_page(site, "hi/stories/consular-help-abroad/").select("li.thread-step h2")
    assert [visible_text(step) for step in steps] == ["First English में", "दूसरी"]


def test_hide_leaves_the_english_steps_out_of_a_hindi_story(make_site):
    site = story_site(make_site, LANGUAGES_UNTRANSLATED="hide")
    page = read_page(site, "hi/stories/consular-help-abroad/")
    assert [visible_text(h2) for h2 in page.select("li.thread-step h2")] == ["दूसरी"]
    feed = feedparser.parse(str(site / "hi/feeds/stories/consular-help-abroad.atom.xml"))
    assert [entry.title for entry in feed.entries] == ["दूसरी"]


def test_a_new_hindi_step_reaches_the_english_story_page_on_a_rebuild(make_site):
    briefings = {
        "2026/first.md": minimal_briefing("First", "2026-01-05", story="consular-help-abroad"),
        "hi/2026/only.md": HINDI_ONLY,
    }
    site = make_site(briefings, SEARCH_INDEX_ENABLED=False)
    assert versions(read_page(site, "stories/consular-help-abroad/")) == {}
    # Only the Hindi version is new: the English story's own briefings are unchanged.
    briefings["hi/2026/first.md"] = minimal_briefing("पहली", "2026-01-05", lang="hi")
    site = make_site(briefings, SEARCH_INDEX_ENABLED=False)
    url = "stories/consular-help-abroad/"
    assert versions(read_page(site, url))["hi"] == "hi/" + url
    assert versions(read_page(site, "stories/"))["hi"] == "hi/stories/"


# Tag timelines and tag × year and tag × spokesperson pages


def test_a_hindi_timeline_shows_the_years_with_a_hindi_briefing_in_hindi(sample_site):
    page = read_page(sample_site, "hi/tags/consular-affairs/timeline/2025/")
    assert page.html["lang"] == "hi"
    assert visible_text(page.h1) == "कांसुलर सेवाएँ: समय के साथ रुख़"
    assert [visible_text(h3) for h3 in page.select(".timeline-year h3")] == [
        "जनवरी 2025",
        "जुलाई 2025",
    ]
    english, hindi = page.select("li.thread-step")
    assert visible_text(english.select_one(".language-mark")) == "English में"
    assert english.h4.a["lang"] == "en"
    assert visible_text(english.select_one("time")) == "21 जनवरी 2025"
    assert "छात्रों को मिशन में पंजीकरण की सलाह" in visible_text(hindi)
    assert {visible_text(m) for m in hindi.select(".point-mark")} == {"नया"}
    years = {visible_text(a): a["href"] for a in page.select("nav.timeline-years a")}
    assert years == {
        "2025": "../../../../../hi/tags/consular-affairs/timeline/2025/",
        "2026": "../../../../../hi/tags/consular-affairs/timeline/",
    }
    # Fentanyl's 2025 has no Hindi briefing: no Hindi page for it, and no link to one.
    assert page_file(sample_site, "tags/fentanyl/timeline/2025/").exists()
    assert not page_file(sample_site, "hi/tags/fentanyl/timeline/2025/").exists()
    fentanyl = read_page(sample_site, "hi/tags/fentanyl/timeline/")
    assert [visible_text(h2) for h2 in fentanyl.select(".timeline-year h2")] == ["2026"]
    assert not fentanyl.select("nav.timeline-years")


def test_hindi_facet_pages_exist_where_a_hindi_briefing_is(sample_site):
    page = read_page(sample_site, "hi/tags/fentanyl/years/2026/")
    assert page.html["lang"] == "hi"
    assert visible_text(page.h1) == "2026 में फ़ेंटानिल"
    items = page.select("ol.facet-list li")
    marks = [li.select_one(".language-mark") for li in items]
    assert visible_text(marks[0]) == "English में" and marks[1] is None
    assert items[1].a["href"].endswith(LIAISON_HI)
    person = read_page(sample_site, "hi/tags/fentanyl/spokespeople/randhir-jaiswal/")
    assert visible_text(person.h1) == "फ़ेंटानिल: रणधीर जायसवाल की ब्रीफ़िंग"
    for english_only in (
        "hi/tags/fentanyl/years/2025/",
        "hi/tags/fentanyl/spokespeople/mara-okonkwo/",
        "hi/tags/climate/timeline/",
    ):
        assert not page_file(sample_site, english_only).exists(), english_only
        assert page_file(sample_site, english_only.removeprefix("hi/")).exists()


def test_hindi_tag_and_spokesperson_pages_link_their_hindi_facets(sample_site):
    tag = read_page(sample_site, "hi/tags/fentanyl/")
    links = {visible_text(a): a["href"] for a in tag.select(".topic-links a")}
    assert links == {
        "समय के साथ रुख़: महीने के अनुसार मुख्य बिंदु": "../../../hi/tags/fentanyl/timeline/",
        "2026": "../../../hi/tags/fentanyl/years/2026/",
        "रणधीर जायसवाल": "../../../hi/tags/fentanyl/spokespeople/randhir-jaiswal/",
    }
    person = read_page(sample_site, "hi/spokespeople/randhir-jaiswal/")
    topics = {visible_text(a) for a in person.select(".topic-links a")}
    assert {"फ़ेंटानिल", "कांसुलर सेवाएँ", "शिक्षा"} <= topics
    # A tag with no Hindi briefing links no Hindi facets.
    assert not read_page(sample_site, "hi/tags/climate/").select(".topic-links a")


def test_hindi_facets_and_timelines_name_their_english_versions_both_ways(sample_site):
    tree = etree.parse(str(sample_site / "sitemap.xml"))
    for url in (
        "tags/fentanyl/timeline/",
        "tags/consular-affairs/timeline/2025/",
        "tags/fentanyl/years/2026/",
        "tags/fentanyl/spokespeople/randhir-jaiswal/",
    ):
        expected = {"en": url, "hi": "hi/" + url, "x-default": url}
        assert versions(read_page(sample_site, url)) == expected, url
        assert versions(read_page(sample_site, "hi/" + url)) == expected, url
        (entry,) = tree.xpath(f"//s:url[s:loc='{SITEURL}hi/{url}']", namespaces=SITEMAP_NS)
        assert len(entry.xpath("x:link", namespaces=SITEMAP_NS)) == 3
    assert versions(read_page(sample_site, "tags/fentanyl/timeline/2025/")) == {}


def test_a_hindi_facet_feed_lists_what_its_page_lists(sample_site):
    url = "hi/tags/fentanyl/years/2026/"
    page = read_page(sample_site, url)
    atom, json_feed = (
        "hi/feeds/tags/fentanyl/years/2026.atom.xml",
        "hi/feeds/tags/fentanyl/years/2026.json",
    )
    body = [a["href"] for a in page.select(".listing-count a")]
    assert body == ["../../../../../" + atom, "../../../../../" + json_feed]
    shown = [a["href"].replace("../", "") for a in page.select("ol.facet-list li > a")]
    parsed = feedparser.parse(str(sample_site / atom))
    assert parsed.feed.language == "hi"
    assert parsed.feed.title == "प्रेस ब्रीफ़िंग संग्रह: 2026 में फ़ेंटानिल"
    assert [entry.link.removeprefix(SITEURL) for entry in parsed.entries] == shown
    document = json.loads((sample_site / json_feed).read_text(encoding="utf-8"))
    assert document["language"] == "hi" and document["home_page_url"] == SITEURL + url
    assert [item["url"].removeprefix(SITEURL) for item in document["items"]] == shown


def point_briefing(title: str, date: str, point: str, **fields: str) -> str:
    return minimal_briefing(title, date, tags="security", key_points=[point], **fields)


def test_new_and_repeated_are_judged_over_each_language_s_own_wording(make_site):
    site = make_site(
        {
            "2026/first.md": point_briefing("First", "2026-01-05", "Patrols begin"),
            "2026/second.md": point_briefing("Second", "2026-02-05", "Officers posted"),
            "hi/2026/first.md": point_briefing("पहली", "2026-01-05", "सहयोग जारी", lang="hi"),
            "hi/2026/second.md": point_briefing("दूसरी", "2026-02-05", "सहयोग जारी", lang="hi"),
        },
        SEARCH_INDEX_ENABLED=False,
    )
    english = read_page(site, "tags/security/timeline/")
    hindi = read_page(site, "hi/tags/security/timeline/")
    assert [visible_text(m) for m in english.select(".point-mark")] == ["New", "New"]
    assert [visible_text(m) for m in hindi.select(".point-mark")] == ["नया", "दोहराया"]
    # Each page is reused by the next build when nothing it shows changed.
    before = page_file(site, "hi/tags/security/timeline/").stat().st_ino
    site = make_site({}, SEARCH_INDEX_ENABLED=False)
    assert page_file(site, "hi/tags/security/timeline/").stat().st_ino == before


def test_threads_in_other_languages_can_be_turned_off(make_site):
    site = story_site(make_site, THREADS_OTHER_LANGUAGES=False)
    assert page_file(site, "stories/consular-help-abroad/").exists()
    assert not (site / "hi/stories").exists()
    assert not (site / "hi/tags/consular-affairs/timeline").exists()
    assert versions(read_page(site, "stories/consular-help-abroad/")) == {}
    # The Hindi menu links the English stories instead.
    nav = {visible_text(a): a["href"] for a in read_page(site, "hi/").select("nav.site-nav a")}
    assert nav["कहानियाँ"] == "../stories/"


# Following a Hindi search


def test_the_hindi_follow_map_is_keyed_by_the_hindi_search_s_names(sample_site):
    document = json.loads((sample_site / "hi/search/follow.json").read_text(encoding="utf-8"))
    fentanyl = document["tag"]["फ़ेंटानिल"]
    assert fentanyl["url"] == "hi/tags/fentanyl/"
    assert fentanyl["atom"] == "hi/feeds/tags/fentanyl.atom.xml"
    assert fentanyl["json"] == "hi/feeds/tags/fentanyl.json"
    # The Hindi page where there is one; else the English one, which says its language.
    assert fentanyl["year"]["2026"]["url"] == "hi/tags/fentanyl/years/2026/"
    assert fentanyl["year"]["2026"]["title"] == "2026 में फ़ेंटानिल"
    assert "lang" not in fentanyl["year"]["2026"]
    assert fentanyl["year"]["2025"]["url"] == "tags/fentanyl/years/2025/"
    assert fentanyl["year"]["2025"]["lang"] == "en"
    person = fentanyl["spokesperson"]["रणधीर जायसवाल"]
    assert person["url"] == "hi/tags/fentanyl/spokespeople/randhir-jaiswal/"
    assert fentanyl["spokesperson"]["मारा ओकोंक्वो"]["url"].startswith("tags/fentanyl/")
    for tag in document["tag"].values():
        assert page_file(sample_site, tag["url"]).is_file()
        for name in (tag["atom"], tag["json"]):
            assert (sample_site / name).is_file(), name
        for facet in (*tag["year"].values(), *tag["spokesperson"].values()):
            assert page_file(sample_site, facet["url"]).is_file()
            assert (sample_site / facet["atom"]).is_file()
            assert (sample_site / facet["json"]).is_file()
    search = read_page(sample_site, "hi/search/")
    assert search.select_one("form#search")["data-follow"].endswith("/hi/search/follow.json")


def test_a_hindi_search_on_one_tag_offers_the_hindi_pages_feeds(page, sample_url):
    page.goto(f"{sample_url}/hi/search/?tag=फ़ेंटानिल&spokesperson=रणधीर+जायसवाल")
    follow = page.locator("#search-follow")
    follow.get_by_role("link", name="JSON फ़ीड").wait_for()
    assert follow.inner_text().startswith("इस खोज पर नज़र रखें: फ़ेंटानिल: रणधीर जायसवाल की ब्रीफ़िंग")
    hrefs = [a.get_attribute("href") for a in follow.locator("a").all()]
    assert [href.split("/", 3)[3] for href in hrefs] == [
        "hi/tags/fentanyl/spokespeople/randhir-jaiswal/",
        "hi/feeds/tags/fentanyl/spokespeople/randhir-jaiswal.atom.xml",
        "hi/feeds/tags/fentanyl/spokespeople/randhir-jaiswal.json",
    ]
    for href in hrefs:
        assert page.request.get(href).ok, href
    # One tag alone: the Hindi tag page and its feeds.
    page.goto(f"{sample_url}/hi/search/?tag=फ़ेंटानिल")
    follow.get_by_role("link", name="JSON फ़ीड").wait_for()
    assert follow.inner_text().startswith("इस खोज पर नज़र रखें: विषय “फ़ेंटानिल” की ब्रीफ़िंग")
    hrefs = [a.get_attribute("href") for a in follow.locator("a").all()]
    assert [href.split("/", 3)[3] for href in hrefs] == [
        "hi/tags/fentanyl/",
        "hi/feeds/tags/fentanyl.atom.xml",
        "hi/feeds/tags/fentanyl.json",
    ]
    assert page.request.get(hrefs[2]).json()["items"]


def test_a_hindi_step_names_its_place_in_the_hindi_story(sample_site):
    page = read_page(sample_site, LIAISON_HI)
    (nav,) = page.select("nav.story-part")
    assert visible_text(nav.p) == "सीमा-पार अपराध पर सहयोग का भाग 3 (कुल 4)"
    assert nav.p.a["href"] == "../../../../../hi/" + STORY
    # Its neighbours have no Hindi version: the English briefings, marked with their language.
    older = nav.select_one("li.older a")
    assert older["hreflang"] == "en" and older.select_one("[lang=en]") is not None
    # The English page keeps its place in the English story.
    english = read_page(sample_site, LIAISON_HI.removeprefix("hi/")).select_one("nav.story-part")
    assert english.p.a["href"] == "../../../../" + STORY
    assert not english.select("[lang]")
