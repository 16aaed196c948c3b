"""The question lists in Hindi: a tag's questions and a spokesperson's answers under /hi/."""

from __future__ import annotations

import feedparser
from lxml import etree

from .conftest import SITEMAP_NS, SITEURL, page_file, read_page, versions, visible_text

QUESTIONS = "tags/fentanyl/questions/"
LIAISON_HI = "hi/briefings/2026/02/india-canada-liaison-officers/"


def test_a_tag_with_a_hindi_question_has_a_hindi_list_of_its_questions(sample_site):
    page = read_page(sample_site, "hi/" + QUESTIONS)
    assert page.html["lang"] == "hi"
    assert visible_text(page.h1) == "“फ़ेंटानिल” पर प्रश्न"
    cards = page.select(".question-list .question-card")
    assert len(cards) == len(read_page(sample_site, QUESTIONS).select(".question-card")) == 3
    english, hindi, _ = cards
    assert hindi.h2.a["href"].endswith(LIAISON_HI + "#q-2")
    assert "फ़ेंटानिल बनाने में" in visible_text(hindi.select_one(".question-text"))
    assert visible_text(hindi.select_one("time")) == "12 फ़रवरी 2026"
    assert not hindi.select(".language-mark")
    # A briefing with no Hindi version lists its English question, marked.
    assert visible_text(english.select_one(".language-mark")) == "English में"
    assert english.select_one(".question-text")["lang"] == "en"
    assert visible_text(english.select_one("time")) == "29 अक्टूबर 2026"
    links = {a["href"] for a in page.select(".listing-count a")}
    assert links == {
        "../../../../hi/feeds/questions/fentanyl.atom.xml",
        "../../../../hi/tags/fentanyl/",
    }


def test_the_hindi_question_lists_and_the_english_ones_name_each_other(sample_site):
    tree = etree.parse(str(sample_site / "sitemap.xml"))
    for url in (QUESTIONS, "tags/security/questions/", "spokespeople/randhir-jaiswal/answers/"):
        expected = {"en": url, "hi": "hi/" + url, "x-default": url}
        assert versions(read_page(sample_site, url)) == expected
        assert versions(read_page(sample_site, "hi/" + url)) == expected
        (entry,) = tree.xpath(f"//s:url[s:loc='{SITEURL}hi/{url}']", namespaces=SITEMAP_NS)
        assert len(entry.xpath("x:link", namespaces=SITEMAP_NS)) == 3


def test_only_a_tag_with_a_question_in_hindi_gets_a_hindi_list(sample_site):
    # The English liaison briefing has a question on organised crime; its Hindi version not.
    assert page_file(sample_site, "tags/organised-crime/questions/").exists()
    assert not page_file(sample_site, "hi/tags/organised-crime/questions/").exists()
    tag = read_page(sample_site, "hi/tags/organised-crime/")
    assert (
        tag.select_one(".latest-questions a[href$='tags/organised-crime/questions/']")["href"]
        == "../../../tags/organised-crime/questions/"
    )


def test_hindi_tag_and_briefing_pages_link_the_hindi_list(sample_site):
    tag = read_page(sample_site, "hi/tags/fentanyl/")
    latest = tag.select(".latest-questions .question-card")
    assert any("फ़ेंटानिल बनाने में" in visible_text(card) for card in latest)
    hrefs = [a["href"] for a in tag.select(".latest-questions a")]
    assert "../../../hi/tags/fentanyl/questions/" in hrefs
    briefing = read_page(sample_site, LIAISON_HI)
    topics = [a["href"] for a in briefing.select(".transcript a[href*='/questions/']")]
    assert "../../../../../hi/tags/fentanyl/questions/" in topics
    answers = read_page(sample_site, "hi/spokespeople/randhir-jaiswal/answers/")
    assert visible_text(answers.h1) == "रणधीर जायसवाल के उत्तर वाले प्रश्न"
    assert len(answers.select(".question-card")) == 2


def test_a_hindi_question_feed_lists_what_its_page_lists_in_hindi(sample_site):
    page = read_page(sample_site, "hi/" + QUESTIONS)
    shown = [a["href"].replace("../", "") for a in page.select(".question-card h2 a")]
    feed = feedparser.parse(str(sample_site / "hi/feeds/questions/fentanyl.atom.xml"))
    assert feed.feed.language == "hi"
    assert feed.feed.title == "प्रेस ब्रीफ़िंग संग्रह: फ़ेंटानिल पर प्रश्न"
    assert feed.feed.link == SITEURL + "hi/" + QUESTIONS
    assert [entry.link.removeprefix(SITEURL) for entry in feed.entries] == shown
    assert feed.entries[1].title.startswith("प्रश्न 2: भारत और कनाडा")
    assert "<strong>प्रश्न (डेनियल मोरो, नॉर्दर्न वायर):</strong>" in feed.entries[1].content[0].value
    english = feedparser.parse(str(sample_site / "feeds/questions/fentanyl.atom.xml"))
    assert english.feed.language == "en" and english.entries[1].title.startswith("Question 2:")
