"""Typography: curly quotes, dashes and widows in prose; never in code, URLs or <title>."""

from __future__ import annotations

import pytest

from .conftest import minimal_briefing, read_page, visible_text

BODY = """
She said 'right now' and "soon" -- twice.

Quote the reference `INT/2026/017 -- 'x'` exactly.

```
keep "straight" -- quotes
```

Read [the guidance](https://www.example.gov/a--b/it's) before you report.

Or go to <https://www.example.gov/c--d/it's> or type www.example.gov/f--g in a browser.
"""


@pytest.fixture(scope="module")
def typeset_site(make_shared_site):
    """Build one briefing with quotes, dashes, code and addresses, read by every test here."""
    return make_shared_site(
        {"2026/t.md": minimal_briefing('Editors\' "style" -- notes', "2026-03-01", body=BODY)}
    )


def typeset_page(site):
    return read_page(site, "briefings/2026/03/t/")


def test_prose_gets_typographic_quotes_and_dashes(typeset_site):
    text = visible_text(typeset_page(typeset_site).select_one(".briefing-body p"))
    assert text == "She said ‘right now’ and “soon” — twice."


def test_code_and_urls_are_untouched(typeset_site):
    soup = typeset_page(typeset_site)
    assert soup.select_one(".briefing-body p code").get_text() == "INT/2026/017 -- 'x'"
    assert soup.select_one(".briefing-body pre code").get_text() == 'keep "straight" -- quotes\n'
    assert soup.select_one(".briefing-body a")["href"] == "https://www.example.gov/a--b/it's"


def test_headline_is_typeset_but_title_element_is_plain(typeset_site):
    soup = typeset_page(typeset_site)
    assert visible_text(soup.h1) == "Editors’ “style” — notes"
    assert soup.title.string == "Editors’ “style” — notes — Press Briefing Archive"
    assert "\xa0" not in soup.title.string


def test_widows_are_avoided_in_body_paragraphs(typeset_site):
    paragraph = typeset_page(typeset_site).select_one(".briefing-body p")
    assert paragraph.get_text().endswith("—\xa0twice.")


def test_addresses_shown_in_text_are_untouched(typeset_site):
    soup = typeset_page(typeset_site)
    autolink = soup.select(".briefing-body a")[1]
    assert autolink.get_text() == "https://www.example.gov/c--d/it's"
    assert "www.example.gov/f--g" in soup.select(".briefing-body p")[-1].get_text()
