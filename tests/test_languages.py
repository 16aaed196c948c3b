"""Briefings in two languages: addresses under /hi/, `Lang:` checked, translations paired."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.build import recorded

from .conftest import minimal_briefing, page_file, read_page, visible_text

LIAISON_EN = minimal_briefing("Liaison officers agreed", "2026-02-12 16:30")
LIAISON_HI = minimal_briefing(
    "संपर्क अधिकारियों पर सहमति",
    "2026-02-12 16:30",
    lang="hi",
    summary="दोनों देश एक-दूसरे के यहाँ संपर्क अधिकारी तैनात करेंगे।",
    body="भारत और कनाडा ने सुरक्षा संपर्क अधिकारियों की तैनाती पर सहमति जताई।",
)
ONLY_HINDI = minimal_briefing("केवल हिन्दी में ब्रीफ़िंग", "2026-02-14", lang="hi")
ONLY_ENGLISH = minimal_briefing("Only in English", "2026-02-10")
BILINGUAL = {
    "2026/liaison.md": LIAISON_EN,
    "hi/2026/liaison.md": LIAISON_HI,
    "hi/2026/only-hindi.md": ONLY_HINDI,
    "2026/only-english.md": ONLY_ENGLISH,
}
EN_URL = "briefings/2026/02/liaison/"
HI_URL = "hi/briefings/2026/02/liaison/"


@pytest.fixture(scope="module")
def bilingual_site(make_shared_site) -> Path:
    """Build a site with a translated briefing, one only in Hindi and one only in English."""
    return make_shared_site(BILINGUAL)


def listed(site: Path, url: str) -> list[str]:
    """Return the addresses of the briefings a listing page links to."""
    page = read_page(site, url)
    links = page.select("main a[href*='briefings/']")
    return sorted({a["href"].lstrip("./") for a in links if "/page/" not in a["href"]})


def test_a_translation_lives_under_its_language(bilingual_site):
    assert page_file(bilingual_site, EN_URL).exists()
    page = read_page(bilingual_site, HI_URL)
    assert "संपर्क अधिकारियों पर सहमति" in visible_text(page.h1)


def test_a_hindi_briefing_gives_its_date_in_hindi(bilingual_site):
    time = read_page(bilingual_site, HI_URL).select_one("main time[datetime]")
    assert time.get_text(strip=True) == "12 फ़रवरी 2026"
    english = read_page(bilingual_site, EN_URL).select_one("main time[datetime]")
    assert english.get_text(strip=True) == "12 February 2026"


def test_the_english_home_lists_english_and_untranslated_briefings(bilingual_site):
    links = listed(bilingual_site, "")
    assert "briefings/2026/02/liaison/" in links
    assert not any(link.startswith("hi/briefings/2026/02/liaison") for link in links)
    # A briefing with no English version is listed in English too (marked on the page).
    assert any(link.startswith("hi/briefings/2026/02/only-hindi") for link in links)


def test_hide_keeps_untranslated_briefings_out_of_other_listings(make_site):
    site = make_site(BILINGUAL, LANGUAGES_UNTRANSLATED="hide", SEARCH_INDEX_ENABLED=False)
    links = listed(site, "")
    assert not any("only-hindi" in link for link in links)
    # Still published, at its own address.
    assert page_file(site, "hi/briefings/2026/02/only-hindi/").exists()


@pytest.mark.parametrize(
    ("path", "lang", "where", "words"),
    [
        ("2026/typo.md", "hu", "8: Lang:", "'hu' is not a language of this site; did you mean"),
        (
            "2026/wrong-folder.md",
            "hi",
            "8: Lang:",
            "must be in the hi/ folder; move the file to content/briefings/hi/2026/wrong-folder.md",
        ),
        ("hi/2026/says-english.md", "en", "8: Lang:", "folder but says 'en'; write `Lang: hi`"),
        ("hi/2026/no-lang.md", None, "1: Lang:", "is missing, and the file is in the hi/ folder"),
    ],
)
def test_a_wrong_language_is_an_error_at_its_line(make_failing_build, path, lang, where, words):
    fields = {"lang": lang} if lang else {}
    with recorded() as log:
        make_failing_build(
            {"2026/good.md": ONLY_ENGLISH, path: minimal_briefing("T", "2026-02-01", **fields)},
            lenient=True,
        )
    lines = [str(problem) for problem in log.problems]
    assert any(
        line.startswith(f"content/briefings/{path}:{where}") and words in line for line in lines
    ), lines
