"""The office's identity comes from settings, and its accent colour must be readable."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest

from archive.build import build_site
from archive.paths import ROOT
from identity.contrast import contrast_ratio, failures, theme_colours
from identity.write import minified, with_accents

from .conftest import minimal_briefing, page_file, read_page, visible_text
from .pages import PAGE_TYPES

HARBOUR_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 40">'
    '<rect width="60" height="40" fill="#7a1f5c"/></svg>'
)
HARBOUR = {
    "IDENTITY_OFFICE_NAME": "Harbour Board Communications Unit",
    "IDENTITY_SHORT_NAME": "Harbour Board",
    "IDENTITY_LOGO": "images/harbour-board.svg",
    "IDENTITY_ACCENT_COLOUR": "#7a1f5c",
    "IDENTITY_ACCENT_COLOUR_DARK": "#f0a8d8",
    "IDENTITY_CONTACT_EMAIL": "media@harbour-board.example",
}


@pytest.fixture(scope="module")
def harbour_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the sample content with another office's name, logo and colours."""
    folder = tmp_path_factory.mktemp("harbour")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "images").mkdir()
    (content / "images" / "harbour-board.svg").write_text(HARBOUR_LOGO, encoding="utf-8")
    return build_site(
        PATH=str(content),
        OUTPUT_PATH=str(folder / "output"),
        CACHE_PATH=str(folder / "cache"),
        **HARBOUR,
    )


@pytest.mark.parametrize(
    "url", [*PAGE_TYPES.values(), "/accessibility/"], ids=[*PAGE_TYPES, "accessibility"]
)
def test_another_office_is_named_and_shown_on_every_page_type(harbour_site, url):
    path = "/no-such-page/" if url == PAGE_TYPES["not-found"] else url.split("?")[0]
    file = harbour_site / "404.html" if path == "/no-such-page/" else page_file(harbour_site, path)
    soup = read_page(harbour_site, str(file.relative_to(harbour_site)))
    masthead = soup.select_one(".site-header .masthead")
    assert HARBOUR["IDENTITY_OFFICE_NAME"] in visible_text(masthead)
    assert HARBOUR["IDENTITY_SHORT_NAME"] in visible_text(masthead)
    logo = masthead.select_one("img")
    assert (logo["width"], logo["height"]) == ("60", "40")
    # The 404 page links from the site root; the others relatively.
    base = (
        "/" if file.name == "404.html" else "/" + str(file.parent.relative_to(harbour_site)) + "/"
    )
    served = harbour_site / urljoin(base, logo["src"]).lstrip("/")
    assert served.read_text(encoding="utf-8") == HARBOUR_LOGO
    footer = visible_text(soup.select_one(".site-footer"))
    assert HARBOUR["IDENTITY_OFFICE_NAME"] in footer
    assert HARBOUR["IDENTITY_CONTACT_EMAIL"] in footer
    assert "Government Press Office" not in soup.get_text()
    stylesheet = soup.select_one('link[rel="stylesheet"]')["href"]
    css = (harbour_site / urljoin(base, stylesheet).lstrip("/")).read_text(encoding="utf-8")
    light, dark = theme_colours(css)["light"], theme_colours(css)["dark"]
    assert light["--accent"] == HARBOUR["IDENTITY_ACCENT_COLOUR"]
    assert dark["--accent"] == HARBOUR["IDENTITY_ACCENT_COLOUR_DARK"]


def test_accessibility_statement_gives_the_offices_contact(harbour_site):
    soup = read_page(harbour_site, "accessibility/")
    assert visible_text(soup.h1) == "Accessibility statement"
    contact = soup.select_one(".contact-block a[href^=mailto]")
    assert contact["href"] == "mailto:" + HARBOUR["IDENTITY_CONTACT_EMAIL"]


def test_a_faint_accent_colour_stops_the_build_saying_what_would_pass(make_site):
    with pytest.raises(ValueError) as stopped:
        make_site(
            {"2026/one.md": minimal_briefing("One", "2026-01-05")},
            IDENTITY_ACCENT_COLOUR="#7fb2e5",
        )
    message = str(stopped.value)
    assert "IDENTITY_ACCENT_COLOUR #7fb2e5" in message
    assert "contrast ratio of 2.02:1" in message
    assert "WCAG AA needs 4.5:1" in message
    suggested = re.search(r"(#[0-9a-f]{6}) passes", message).group(1)
    css = (ROOT / "theme/static/css/archive.css").read_text(encoding="utf-8")
    assert failures(suggested, theme_colours(css)["light"]) == []


def test_a_dark_scheme_accent_too_dark_stops_the_build(make_site):
    with pytest.raises(ValueError, match=r"IDENTITY_ACCENT_COLOUR_DARK #0b5cad .* lighter colour"):
        make_site(
            {"2026/one.md": minimal_briefing("One", "2026-01-05")},
            IDENTITY_ACCENT_COLOUR_DARK="#0b5cad",
        )


def test_a_logo_that_is_not_svg_stops_the_build_naming_the_setting(make_site, tmp_path):
    (tmp_path / "content" / "images").mkdir(parents=True)
    (tmp_path / "content" / "images" / "logo.svg").write_text("not a picture", encoding="utf-8")
    with pytest.raises(ValueError, match=r"IDENTITY_LOGO .*logo\.svg cannot be read as SVG"):
        make_site(
            {"2026/one.md": minimal_briefing("One", "2026-01-05")},
            IDENTITY_LOGO="images/logo.svg",
        )


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [("#ffffff", "#000000", 21.0), ("#ffffff", "#ffffff", 1.0), ("#0b5cad", "#ffffff", 6.67)],
)
def test_contrast_ratio_is_wcags(first, second, ratio):
    assert contrast_ratio(first, second) == pytest.approx(ratio, abs=0.05)


def test_the_default_accents_pass_and_the_check_reads_the_themes_backgrounds():
    css = (ROOT / "theme/static/css/archive.css").read_text(encoding="utf-8")
    schemes = theme_colours(css)
    assert schemes["light"]["--paper"] == "#ffffff"
    assert schemes["dark"]["--paper"] == "#12161b"
    assert failures(schemes["light"]["--accent"], schemes["light"]) == []
    assert failures(schemes["dark"]["--accent"], schemes["dark"]) == []
    # The light accent on the dark background is unreadable: the check must see that.
    assert failures(schemes["light"]["--accent"], schemes["dark"]) != []


def test_accents_replace_only_the_screen_colours_and_print_stays_black():
    css = (ROOT / "theme/static/css/archive.css").read_text(encoding="utf-8")
    out = minified(with_accents(css, "#7a1f5c", "#f0a8d8"))
    assert theme_colours(out)["light"]["--accent"] == "#7a1f5c"
    assert theme_colours(out)["dark"]["--accent"] == "#f0a8d8"
    assert "--accent:#000" in out.split("@media print", 1)[1]
    assert "/*" not in out and len(out) < len(css)
