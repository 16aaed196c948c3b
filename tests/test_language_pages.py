"""Every page in its language: <html lang>, the switcher, hreflang both ways, Hindi interface."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest
from playwright.sync_api import expect

from .conftest import minimal_briefing, page_file, read_page, visible_text
from .toolchain import ensure_devanagari_font

SITEURL = "http://127.0.0.1:8000/"
LIAISON_EN = "briefings/2026/02/india-canada-liaison-officers/"
LIAISON_HI = "hi/" + LIAISON_EN
HINDI_TITLE = "भारत और कनाडा एक-दूसरे के यहाँ सुरक्षा संपर्क अधिकारी तैनात करेंगे"


def output_address(site: Path, path: Path) -> str:
    """Return a page's address in the site ("" for the home page)."""
    return (
        path.parent.relative_to(site).as_posix().removeprefix(".") + "/"
        if path.parent != site
        else ""
    )


def versions(site: Path, url: str) -> dict[str, str]:
    """Return a page's <link rel=alternate hreflang> targets, by hreflang, as site addresses."""
    page = read_page(site, url)
    return {
        link["hreflang"]: link["href"].removeprefix(SITEURL)
        for link in page.select("link[rel=alternate][hreflang]")
    }


def every_page(site: Path) -> list[str]:
    """Return the address of every HTML page the site writes, pagination included."""
    pages = [output_address(site, path) for path in site.rglob("index.html")]
    return sorted(page for page in pages if not page.startswith(("pagefind", "drafts")))


def test_every_translated_page_names_each_version_and_each_version_names_it_back(sample_site):
    translated = {
        url: found for url in every_page(sample_site) if (found := versions(sample_site, url))
    }
    # The briefings, the homes, tags, spokespeople, their indexes and search pages, paginated.
    assert LIAISON_EN in translated and LIAISON_HI in translated
    assert {"", "hi/", "tags/security/", "hi/tags/security/", "search/", "hi/search/"} <= set(
        translated
    )
    assert {"archives/", "hi/archives/", "archives/2026/", "hi/archives/2026/02/"} <= set(
        translated
    )
    for url, found in translated.items():
        lang = read_page(sample_site, url).html["lang"]
        assert found[lang] == url, (url, found)
        assert set(found) == {"en", "hi", "x-default"} and found["x-default"] == found["en"]
        for other in (found["en"], found["hi"]):
            assert versions(sample_site, other) == found, (url, other)


def test_pages_without_a_version_in_the_other_language_name_none(sample_site):
    assert versions(sample_site, "hi/briefings/2026/03/passport-help-desks-abroad/") == {}
    assert versions(sample_site, "briefings/2026/10/precursor-chemicals-customs/") == {}
    assert not read_page(sample_site, "briefings/2026/10/precursor-chemicals-customs/").select(
        ".language-switcher"
    )


@pytest.mark.parametrize(
    ("url", "other", "other_lang"), [(LIAISON_HI, LIAISON_EN, "en"), (LIAISON_EN, LIAISON_HI, "hi")]
)
def test_the_switcher_links_the_page_in_the_other_language(sample_site, url, other, other_lang):
    switcher = read_page(sample_site, url).select_one("header nav.language-switcher")
    current = switcher.select_one("[aria-current=page]")
    (link,) = switcher.select("a")
    assert link["href"].endswith(other) and link["hreflang"] == link["lang"] == other_lang
    assert {visible_text(current), visible_text(link)} == {"English", "हिन्दी"}


def test_pages_under_hi_are_in_hindi_and_the_others_in_english(sample_site):
    for url in every_page(sample_site):
        expected = "hi" if url.startswith("hi/") else "en"
        assert read_page(sample_site, url).html["lang"] == expected, url


# Words a Hindi page may show in Latin letters: names of things, not interface text.
NAMES = {"Pelican", "Bluesky", "LinkedIn", "X", "JSON", "CSV", "English"}


def test_a_hindi_briefing_page_has_no_english_but_names(sample_site):
    page = read_page(sample_site, LIAISON_HI)
    for element in page(["script", "style"]):
        element.decompose()
    for link in page.select(".page-address a, a[href^='mailto:']"):
        link.decompose()  # the page's and the press office's addresses, in Latin letters
    for other in page.select("nav.story-part [lang=en]"):
        other.decompose()  # the Hindi story's neighbours with no Hindi version, marked English
    text = visible_text(page.body)
    words = set(re.findall(r"[A-Za-z]+", text))
    assert words <= NAMES, words - NAMES
    assert "मुख्य बिंदु" in text and "पढ़ने में" in text and "स्रोत:" in text
    assert page.select_one("main .briefing-meta time").get_text(strip=True) == "12 फ़रवरी 2026"
    # Its head is in Hindi too: title, description, Open Graph locale, feeds.
    assert page.title.string == f"{HINDI_TITLE} — प्रेस ब्रीफ़िंग संग्रह"
    assert page.select_one("meta[property='og:locale']")["content"] == "hi_IN"
    assert page.select_one("meta[property='og:locale:alternate']")["content"] == "en_IN"
    feeds = [link["href"] for link in page.select("link[type='application/atom+xml']")]
    assert [href.split("/")[-1] for href in feeds] == ["hi.atom.xml"]


def test_hindi_listings_are_in_hindi_and_mark_english_briefings(sample_site):
    home = read_page(sample_site, "hi/")
    assert visible_text(home.h1) == "नवीनतम ब्रीफ़िंग"
    nav = [a["href"] for a in home.select(".site-nav a")]
    assert any(href.endswith("hi/tags/") for href in nav)
    marked = home.select(".briefing-card h2 a[lang=en]")
    assert marked and all("English में" in visible_text(a.find_parent("h2")) for a in marked)
    # A Hindi briefing on an English page is marked the same way.
    english = read_page(sample_site, "")
    (hindi,) = english.select(".briefing-card h2 a[lang=hi]")
    assert "In हिन्दी" in visible_text(hindi.find_parent("h2"))


def test_the_date_archives_exist_in_hindi_with_hindi_month_names(sample_site):
    index = read_page(sample_site, "hi/archives/")
    assert index.html["lang"] == "hi" and visible_text(index.h1) == "तारीख़ के अनुसार ब्रीफ़िंग"
    months = {visible_text(a): a["href"] for a in index.select(".archive-months a")}
    assert months["फ़रवरी"].endswith("/hi/archives/2026/02/")
    assert not re.search(r"[A-Za-z]", visible_text(index.select_one("main")))
    month = read_page(sample_site, "hi/archives/2026/02/")
    assert visible_text(month.h1) == "फ़रवरी 2026 की ब्रीफ़िंग"
    titles = [visible_text(a) for a in month.select(".briefing-card h2 a")]
    assert titles == [HINDI_TITLE]
    assert month.select_one(".briefing-card time").get_text(strip=True) == "12 फ़रवरी 2026"
    # Every Hindi page's "By date", the Hindi home's years and the Hindi search page lead there.
    home = read_page(sample_site, "hi/")
    nav = {visible_text(a): a["href"] for a in home.select(".site-nav a")}
    assert nav["तारीख़ के अनुसार"].endswith("/hi/archives/")
    assert all("/hi/archives/" in a["href"] for a in home.select(".side-list.years a"))
    search = read_page(sample_site, "hi/search/")
    assert search.select_one("#search-fallback a[href$='/hi/archives/']")
    # The sitemap lists them, with their English versions as alternates.
    sitemap = (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{SITEURL}hi/archives/2026/02/</loc>" in sitemap


@pytest.mark.parametrize(
    ("url", "feed", "title"),
    [
        ("hi/tags/fentanyl/", "hi/feeds/tags/fentanyl.atom.xml", "फ़ेंटानिल"),
        (
            "hi/spokespeople/randhir-jaiswal/",
            "hi/feeds/spokespeople/randhir-jaiswal.atom.xml",
            "रणधीर जायसवाल",
        ),
    ],
)
def test_hindi_tag_and_spokesperson_pages_have_their_own_feeds(sample_site, url, feed, title):
    page = read_page(sample_site, url)
    # The sample's pages link relatively (RELATIVE_URLS).
    linked = [
        re.sub(r"^(\.\./)+", "", link["href"])
        for link in page.select("link[rel=alternate][type='application/atom+xml']")
    ]
    assert feed in linked and feed.removeprefix("hi/") not in linked
    parsed = feedparser.parse(str(sample_site / feed))
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.title == f"प्रेस ब्रीफ़िंग संग्रह - {title}"
    # The feed lists what the page lists, newest first: Hindi versions, and English ones marked.
    shown = [re.sub(r"^(\.\./)+", "", a["href"]) for a in page.select(".briefing-card h2 a")]
    assert [entry.link.removeprefix(SITEURL) for entry in parsed.entries] == shown
    assert any(entry.link.startswith(f"{SITEURL}hi/briefings/") for entry in parsed.entries)
    # Its JSON Feed, linked the same way, lists the same briefings.
    json_feed = feed.replace(".atom.xml", ".json")
    (link,) = page.select("link[type='application/feed+json'][href$='.json'][href*='/hi/feeds/']")
    assert re.sub(r"^(\.\./)+", "", link["href"]) == json_feed
    document = json.loads((sample_site / json_feed).read_text(encoding="utf-8"))
    assert document["language"] == "hi" and document["title"] == parsed.feed.title
    assert document["home_page_url"] == SITEURL + url
    assert [item["url"].removeprefix(SITEURL) for item in document["items"]] == shown


def test_a_hindi_search_finds_the_hindi_liaison_briefing(page, sample_url):
    page.goto(f"{sample_url}/hi/search/")
    assert page.locator("html").get_attribute("lang") == "hi"
    page.get_by_label("खोजने के शब्द").fill("संपर्क अधिकारी")
    page.locator(".search-result").first.wait_for()
    titles = page.locator(".search-result h2").all_inner_texts()
    assert HINDI_TITLE in titles
    # Only Hindi pages are in the Hindi index; the English search does not find Hindi words.
    links = page.locator(".search-result h2 a").evaluate_all("links => links.map(a => a.href)")
    assert all("/hi/briefings/" in link for link in links)
    page.goto(f"{sample_url}/search/?q=fentanyl")
    page.locator(".search-result").first.wait_for()
    english = page.locator(".search-result h2 a").evaluate_all("links => links.map(a => a.href)")
    assert english and not any("/hi/" in link for link in english)


def test_the_hindi_search_page_speaks_hindi(page, sample_url):
    # What search.js writes comes from the catalog (data-say-*), not from the script.
    page.goto(f"{sample_url}/hi/search/")
    status = page.locator("#search-status")
    expect(status).to_have_text("कोई शब्द लिखें, या विषय, प्रवक्ता, वर्ष या स्थान चुनें।")
    page.get_by_label("खोजने के शब्द").fill("संपर्क अधिकारी")
    page.locator(".search-result").first.wait_for()
    expect(status).to_have_text(re.compile(r"^“संपर्क अधिकारी” के लिए \d+ ब्रीफ़िंग मिलीं?।$"))
    meta = page.locator(".search-result .briefing-meta").all_inner_texts()
    assert any("प्रवक्ता:" in line for line in meta)
    assert not any("Spokesperson" in line for line in meta)
    page.get_by_label("खोजने के शब्द").fill("xqzwv")
    expect(status).to_have_text("“xqzwv” के लिए कोई ब्रीफ़िंग नहीं मिली। कम शब्द या कम फ़िल्टर आज़माएँ।")
    # The English search page keeps its English words, from the same template.
    page.goto(f"{sample_url}/search/?q=fentanyl")
    expect(page.locator("#search-status")).to_have_text(
        re.compile(r"^\d+ briefings? found for “fentanyl”\.$")
    )


HINDI_ONLY = "hi/briefings/2026/03/passport-help-desks-abroad/"


def test_the_comment_form_of_a_hindi_briefing_speaks_hindi(page, sample_url):
    # A stub comment server answering as the real one does (field, English message, code):
    # too short, then accepted, then unreachable.
    answers = iter(
        [
            (
                400,
                {
                    "field": "text",
                    "message": "Comments need at least 50 characters; you wrote 23.",
                    "code": "too_short",
                },
            ),
            (202, {"id": 1, "message": "Thank you — your comment will appear after moderation."}),
            None,
        ]
    )

    def answer(route):
        reply = next(answers)
        if reply is None:
            route.abort()
            return
        status, body = reply
        route.fulfill(
            status=status,
            json=body,
            headers={"Access-Control-Allow-Origin": "*"},
        )

    page.route("http://127.0.0.1:8080/new?**", answer)
    page.goto(f"{sample_url}/{HINDI_ONLY}")
    text = page.get_by_label("टिप्पणी", exact=True)
    counter = page.locator("#comment-text-count")
    expect(counter).to_have_text("50 में से 0 अक्षर")
    text.fill("यह बहुत छोटी टिप्पणी है")
    expect(counter).to_have_text("50 में से 23 अक्षर")
    send = page.get_by_role("button", name="टिप्पणी भेजें")
    send.click()
    error = page.locator("#comment-text-error")
    expect(error).to_have_text("टिप्पणी में कम से कम 50 अक्षर होने चाहिए; आपने 23 लिखे।")
    text.fill("पासपोर्ट सहायता डेस्क का विचार अच्छा है, पर इनके खुलने का समय भी बताया जाना चाहिए।")
    expect(counter).to_have_text(re.compile(r"^\d+ अक्षर \(अधिकतम 2,000\)$"))
    send.click()
    expect(page.get_by_role("status")).to_have_text("धन्यवाद — जाँच के बाद आपकी टिप्पणी दिखाई देगी।")
    text.fill("पासपोर्ट सहायता डेस्क का विचार अच्छा है, पर इनके खुलने का समय भी बताया जाना चाहिए।")
    send.click()
    expect(page.locator(".comment-error[data-error-for=form]")).to_have_text(
        "टिप्पणी सर्वर तक पहुँचा नहीं जा सका। कृपया बाद में फिर कोशिश करें।"
    )


def test_chromium_draws_devanagari_with_a_real_font(page, sample_url, tmp_path):
    ensure_devanagari_font()
    page.goto(f"{sample_url}/{LIAISON_HI}")
    # A character no font has is drawn as the same empty box each time; Devanagari, drawn
    # with a font, has glyphs of their own widths.
    widths = page.evaluate(
        """() => {
          const context = document.createElement("canvas").getContext("2d");
          context.font = getComputedStyle(document.querySelector("h1")).font;
          const width = (text) => context.measureText(text).width;
          return {hindi: [width("क"), width("ि"), width("म")], missing: width("\\u0d80")};
        }"""
    )
    assert len(set(widths["hindi"])) > 1, widths
    page.screenshot(path=str(tmp_path / "hindi-briefing.png"), full_page=True)
    assert (tmp_path / "hindi-briefing.png").stat().st_size > 10_000


FRENCH_CATALOG = """msgid ""
msgstr "Content-Type: text/plain; charset=utf-8\\n"

msgid "Key points"
msgstr "Points clés"

msgid "%(num)s min read"
msgstr "%(num)s min de lecture"
"""


def test_a_third_language_needs_only_settings_and_a_catalog(make_site, tmp_path):
    # The theme's catalogs, and one more.
    catalogs = tmp_path / "catalogs"
    shutil.copytree(Path(__file__).parents[1] / "theme/translations", catalogs)
    (catalogs / "fr/LC_MESSAGES").mkdir(parents=True)
    (catalogs / "fr/LC_MESSAGES/messages.po").write_text(FRENCH_CATALOG, encoding="utf-8")
    french = minimal_briefing(
        "Des agents de liaison",
        "2026-02-12",
        lang="fr",
        key_points=["Coopération renforcée", "Pas de calendrier"],
    )
    site = make_site(
        {
            "2026/liaison.md": minimal_briefing("Liaison officers", "2026-02-12"),
            "fr/2026/liaison.md": french,
        },
        registry={
            "tags.toml": '[security.fr]\nlabel = "Sécurité"\n',
            "spokespeople.toml": '[mara-okonkwo.fr]\nname = "Mara Okonkwo"\nrole = "Porte-parole"',
        },
        LANGUAGES={
            "en": {"name": "English", "locale": "en_IN", "direction": "ltr"},
            "hi": {"name": "हिन्दी", "locale": "hi_IN", "direction": "ltr"},
            "fr": {"name": "Français", "locale": "fr_CA", "direction": "ltr"},
        },
        LANGUAGES_CATALOG_PATH=str(catalogs),
        SEARCH_INDEX_ENABLED=False,
    )
    page = read_page(site, "fr/briefings/2026/02/liaison/")
    assert page.html["lang"] == "fr"
    assert visible_text(page.select_one("aside.key-points h2")) == "Points clés"
    assert visible_text(page.select_one(".reading-time")) == "1 min de lecture"
    assert page.select_one("main time").get_text(strip=True) == "12 février 2026"
    # Untranslated interface text stays English.
    assert "Share this briefing" in visible_text(page)
    assert versions(site, "fr/briefings/2026/02/liaison/")["en"].endswith(
        "briefings/2026/02/liaison/"
    )
    assert page_file(site, "fr/tags/security/").exists()
    assert "Sécurité" in visible_text(read_page(site, "fr/tags/security/").h1)
