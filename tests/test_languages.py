"""Briefings in two languages: addresses under /hi/, `Lang:` checked, translations paired."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from types import SimpleNamespace

import feedparser
import jinja2
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from lxml import etree

from archive.build import recorded
from briefing_metadata.fields import reading_minutes
from languages.catalogs import install_catalogs

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


@pytest.fixture(scope="module")
def labelled_site(make_shared_site) -> Path:
    """Build the bilingual site with Hindi labels for its tag and spokesperson."""
    newest_only_hindi = minimal_briefing("सबसे नई ब्रीफ़िंग", "2026-03-01", lang="hi")
    return make_shared_site(
        {**BILINGUAL, "hi/2026/newest.md": newest_only_hindi},
        SEARCH_INDEX_ENABLED=False,
    )


def test_hindi_tag_and_spokesperson_pages_use_the_hindi_labels(labelled_site):
    tag = read_page(labelled_site, "hi/tags/security/")
    assert "सुरक्षा" in visible_text(tag.h1)
    assert "सुरक्षा एजेंसियों के बीच सहयोग" in visible_text(tag.select_one("main"))
    person = read_page(labelled_site, "hi/spokespeople/mara-okonkwo/")
    assert "मारा ओकोंक्वो" in visible_text(person.h1)
    # The Hindi briefing page links its tag's Hindi page, by its Hindi label.
    briefing = read_page(labelled_site, HI_URL)
    tag_links = {
        a.get_text(strip=True): a["href"] for a in briefing.select("a[href*='tags/security']")
    }
    assert any(
        label == "सुरक्षा" and "hi/tags/security/" in href for label, href in tag_links.items()
    )


def test_english_pages_keep_english_labels_when_a_hindi_briefing_is_newest(labelled_site):
    # The newest briefing of the tag has no English version: the English page is still English.
    assert "Security" in visible_text(read_page(labelled_site, "tags/security/").h1)
    assert "Mara Okonkwo" in visible_text(read_page(labelled_site, "spokespeople/mara-okonkwo/").h1)
    assert any("newest" in link for link in listed(labelled_site, "tags/security/"))


def test_hindi_listings_show_hindi_versions_and_untranslated_english_ones(labelled_site):
    links = listed(labelled_site, "hi/")
    assert "hi/briefings/2026/02/liaison/" in links
    assert "briefings/2026/02/liaison/" not in [link.split("../")[-1] for link in links]
    assert any(link.endswith("briefings/2026/02/only-english/") for link in links)


def test_a_missing_hindi_label_is_a_warning_at_the_tags_line(make_site):
    briefing = minimal_briefing("T", "2026-02-01", lang="hi", tags="untranslated-tag")
    with recorded() as log:
        make_site(
            {"hi/2026/a.md": briefing},
            registry={"tags.toml": '[untranslated-tag]\nlabel = "Untranslated tag"\n'},
            SEARCH_INDEX_ENABLED=False,
        )
    lines = [str(problem) for problem in log.problems]
    assert any(
        line.startswith("content/briefings/hi/2026/a.md:4: Tags: 'Untranslated tag' has no name")
        and 'add [untranslated-tag.hi] with label = "..." to content/registry/tags.toml' in line
        for line in lines
    ), lines
    # Its page shows the default label meanwhile.
    assert [p for p in log.problems if p.severity == "warning"] == log.problems


@pytest.mark.parametrize(
    ("toml", "offset", "words"),
    [
        ('[new.xx]\nlabel = "X"\n', 3, "new.xx: 'xx' is not one of the site's other"),
        ('[new.hi]\ndescription = "X"\n', 3, "new.hi: has no label; add label"),
        ('[new.hi]\nlabel = "X"\ncolour = "red"\n', 3, "unknown field(s) colour"),
    ],
)
def test_registry_tables_per_language_are_checked(make_failing_build, toml, offset, words):
    sample = (Path(__file__).parents[1] / "content/registry/tags.toml").read_text("utf-8")
    with recorded() as log:
        make_failing_build(
            {"2026/a.md": ONLY_ENGLISH},
            registry={"tags.toml": '[new]\nlabel = "New"\n\n' + toml},
            lenient=True,
        )
    line = len(sample.splitlines()) + 2 + offset
    lines = [str(problem) for problem in log.problems]
    assert any(
        text.startswith(f"content/registry/tags.toml:{line}: ") and words in text for text in lines
    ), lines


def json_ld(site: Path, url: str) -> dict:
    """Return the NewsArticle of a briefing page's JSON-LD (beside its breadcrumbs)."""
    script = read_page(site, url).select_one("script[type='application/ld+json']")
    data = json.loads(script.string)
    (article,) = [node for node in data.get("@graph", [data]) if node["@type"] == "NewsArticle"]
    return article


def test_each_language_has_its_own_atom_feed(labelled_site):
    hindi = feedparser.parse((labelled_site / "feeds/hi.atom.xml").read_bytes())
    english = feedparser.parse((labelled_site / "feeds/en.atom.xml").read_bytes())
    assert not hindi.bozo and not english.bozo
    hindi_links = {entry.link for entry in hindi.entries}
    assert any(link.endswith(HI_URL) for link in hindi_links)
    assert all("/hi/briefings/" in link for link in hindi_links)
    assert "संपर्क अधिकारियों पर सहमति" in {entry.title for entry in hindi.entries}
    assert not any("/hi/" in entry.link for entry in english.entries)


def test_open_data_gives_each_version_its_language_and_translation(labelled_site):
    records = json.loads((labelled_site / "briefings.json").read_text("utf-8"))["briefings"]
    by_url = {record["url"].split("8000/")[-1]: record for record in records}
    english, hindi = by_url[EN_URL], by_url[HI_URL]
    assert (english["lang"], hindi["lang"]) == ("en", "hi")
    assert [t["url"].split("8000/")[-1] for t in english["translations"]] == [HI_URL]
    assert [t["url"].split("8000/")[-1] for t in hindi["translations"]] == [EN_URL]
    assert hindi["tags"] == ["सुरक्षा"] and hindi["spokespeople"] == ["मारा ओकोंक्वो"]
    assert by_url["hi/briefings/2026/02/only-hindi/"]["translations"] == []
    # The CSV says the same.
    with (labelled_site / "briefings.csv").open(encoding="utf-8", newline="") as file:
        rows = {row["url"]: row for row in csv.DictReader(file)}
    assert rows[hindi["url"]]["lang"] == "hi"
    assert rows[hindi["url"]]["translations"] == f"en {english['url']}"


def test_json_ld_names_the_language_and_the_translation_both_ways(labelled_site):
    english, hindi = json_ld(labelled_site, EN_URL), json_ld(labelled_site, HI_URL)
    assert (english["inLanguage"], hindi["inLanguage"]) == ("en", "hi")
    assert hindi["translationOfWork"]["@id"] == english["@id"]
    assert [work["@id"] for work in english["workTranslation"]] == [hindi["@id"]]
    assert "translationOfWork" not in english and "workTranslation" not in hindi


def test_the_sitemap_lists_every_version_of_a_page_with_its_alternates(labelled_site):
    tree = etree.parse(str(labelled_site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    alternates = {
        url.findtext("s:loc", namespaces=ns).split("8000/")[-1]: {
            link.get("hreflang"): link.get("href").split("8000/")[-1]
            for link in url.findall("x:link", ns)
        }
        for url in tree.findall("s:url", ns)
    }
    pair = {"en": EN_URL, "hi": HI_URL, "x-default": EN_URL}
    assert alternates[EN_URL] == alternates[HI_URL] == pair
    assert alternates["tags/security/"] == alternates["hi/tags/security/"]
    assert alternates["hi/"]["en"] == "" and alternates[""]["hi"] == "hi/"
    assert alternates["hi/briefings/2026/02/only-hindi/"] == {}


def interface(settings: dict, tmp_path: Path | None = None) -> jinja2.Environment:
    """Return a Jinja environment with the catalogs installed, as a generator's would be."""
    env = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    install_catalogs(SimpleNamespace(env=env, settings=settings))
    return env


THEME_SETTINGS = {"THEME": str(Path(__file__).parents[1] / "theme"), "DEFAULT_LANG": "en"}


def test_the_hindi_catalog_translates_marked_text_and_leaves_the_rest_english():
    env = interface(dict(THEME_SETTINGS, LANGUAGES_CATALOG_PATH="translations"))
    page = env.from_string(
        "{% trans %}Key points{% endtrans %}|{{ _('Not in any catalog') }}|"
        "{% trans num=3 %}{{ num }} min read{% endtrans %}|"
        "{% trans num=2 %}{{ num }} comment{% pluralize %}{{ num }} comments{% endtrans %}|"
        "{% trans tag='<b>' %}Briefings tagged “{{ tag }}”{% endtrans %}"
    )
    hindi = page.render(page_lang="hi").split("|")
    assert hindi == [
        "मुख्य बिंदु",
        "Not in any catalog",
        "पढ़ने में 3 मिनट",
        "2 टिप्पणियाँ",
        "विषय “&lt;b&gt;” की ब्रीफ़िंग",
    ]
    english = page.render(page_lang="en").split("|")
    assert english[0] == "Key points" and english[3] == "2 comments"
    # A page's language comes from its briefing when the context names no page_lang.
    briefing = SimpleNamespace(lang="hi")
    assert env.from_string("{{ _('Key points') }}").render(article=briefing) == "मुख्य बिंदु"


def test_the_page_gettext_behaves_as_jinjas_own_newstyle_gettext():
    # The templates call the catalogs' callables directly, not through Jinja's wrappers:
    # escaping, placeholders, "%%" and plurals must come out as Jinja's own would write them.
    template = (
        "{% trans %}100%% of it{% endtrans %}|{{ _('%(tag)s: the line', tag='<i>') }}|"
        "{{ _('50%% off') }}|{% trans n=1 %}{{ n }}%% done{% endtrans %}|"
        "{% trans num=2, tag='<b>' %}{{ num }} on {{ tag }}{% pluralize %}{{ num }} on {{ tag }}s"
        "{% endtrans %}|{{ ngettext('%(num)d day', '%(num)d days', 3) }}"
    )
    stock = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    stock.install_null_translations(newstyle=True)
    ours = interface(dict(THEME_SETTINGS, LANGUAGES_CATALOG_PATH="translations"))
    expected = stock.from_string(template).render()
    assert ours.from_string(template).render(page_lang="en") == expected
    assert "&lt;b&gt;s" in expected and "3 days" in expected


def test_every_message_of_the_hindi_catalog_is_translated():
    path = Path(THEME_SETTINGS["THEME"]) / "translations/hi/LC_MESSAGES/messages.po"
    with path.open("rb") as po:
        catalog = read_po(po, locale="hi")
    untranslated = [m.id for m in list(catalog)[1:] if not m.string or not all(m.string)]
    assert len(catalog) > 50 and untranslated == []


def test_every_text_the_templates_mark_is_in_the_hindi_catalog():
    # Every {% trans %} and _() of the theme and the plugins' templates, the features added
    # since (transcripts, threads, corrections) included: none shows in English on Hindi pages.
    theme = Path(THEME_SETTINGS["THEME"])
    with (theme / "translations/hi/LC_MESSAGES/messages.po").open("rb") as po:
        catalog = read_po(po, locale="hi")
    method = [("**.html", "jinja2.ext:babel_extract")]
    options = {"**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True"}}
    marked = {}
    for folder in (theme / "templates", Path(__file__).parents[1] / "plugins"):
        for file_name, line, message, *_ in extract_from_dir(folder, method, options):
            marked[message if isinstance(message, str) else message[0]] = f"{file_name}:{line}"
    assert len(marked) > 100
    missing = {place: text for text, place in marked.items() if text and text not in catalog}
    assert missing == {}


def test_a_new_language_needs_only_a_settings_entry_and_a_catalog(tmp_path):
    catalog = tmp_path / "fr" / "LC_MESSAGES" / "messages.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Key points"\nmsgstr "Points clés"\n\nmsgid "Tags"\nmsgstr ""\n',
        encoding="utf-8",
    )
    env = interface(dict(THEME_SETTINGS, LANGUAGES_CATALOG_PATH=str(tmp_path)))
    page = env.from_string("{{ _('Key points') }}|{{ _('Tags') }}")
    assert page.render(page_lang="fr") == "Points clés|Tags"


def test_hindi_text_keeps_its_quotes_and_its_letters(make_site):
    body = 'मंत्री ने कहा, "सहयोग जारी रहेगा" -- और बैठक ख़त्म हुई।'
    title = 'भारत "और" कनाडा'
    site = make_site(
        {"hi/2026/quotes.md": minimal_briefing(title, "2026-02-01", lang="hi", body=body)},
        SEARCH_INDEX_ENABLED=False,
    )
    path = page_file(site, "hi/briefings/2026/02/quotes/")
    raw = path.read_text("utf-8")
    # Devanagari is written as itself, never as character references.
    assert "मंत्री ने कहा" in raw and "&#23" not in raw and "&#x9" not in raw
    page = read_page(site, "hi/briefings/2026/02/quotes/")
    text = visible_text(page.select_one(".briefing-body"))
    assert '"सहयोग जारी रहेगा" --' in text and "“" not in text and "–" not in text
    assert visible_text(page.h1) == title


def test_reading_time_counts_devanagari_words_whole():
    words = " ".join(["सुरक्षा"] * 220)
    assert reading_minutes(f"<p>{words}</p>", 220) == 1
    assert reading_minutes(f"<p>{words} सहयोग</p>", 220) == 2


def test_every_hindi_sample_briefing_has_hindi_names_for_its_tags_and_spokespeople(sample_site):
    content = Path(__file__).parents[1] / "content"
    hindi = sorted((content / "briefings/hi").rglob("*.md"))
    originals = [
        content / "briefings" / path.relative_to(content / "briefings/hi") for path in hindi
    ]
    translated = [
        path for path, original in zip(hindi, originals, strict=True) if original.exists()
    ]
    assert len(hindi) >= 3 and any("india-canada-liaison-officers" in p.name for p in translated)
    page = read_page(sample_site, "hi/briefings/2026/02/india-canada-liaison-officers/")
    assert page.select_one("main .briefing-meta time").get_text(strip=True) == "12 फ़रवरी 2026"
    names = [
        visible_text(a) for a in page.select("main a[href*='tags/'], main a[href*='spokespeople/']")
    ]
    assert names and all(not any("a" <= c.lower() <= "z" for c in name) for name in names), names
