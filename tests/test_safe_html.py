"""Raw HTML in a body keeps what is safe; scripts, frames, handlers and javascript: links go."""

from __future__ import annotations

import pytest

from archive.build import recorded

from .conftest import minimal_briefing, read_page

HOSTILE_BODY = """
Opening paragraph.

<script>alert("body")</script>
<iframe src="https://tracker.example/frame"></iframe>
<p onclick="alert(1)">Click me</p>
<a href="javascript:alert(2)">A trap</a> and <a href="JaVaScRiPt:alert(3)">another</a>.
<img src="chart.png" alt="A chart" onerror="alert(4)" width="10" height="10">
<object data="x.swf"></object><style>body { display: none }</style>
<form action="https://phish.example/"><input name="password"></form>

| Item | Cost |
|:-----|-----:|
| Tea  | 2.50 |

Text with a footnote.[^1] <abbr title="World Health Organization">WHO</abbr>
and <a href="https://example.org/report">the report</a>.

[^1]: The footnote.
"""


@pytest.fixture(scope="module")
def cleaned(make_shared_site):
    """Build one briefing of hostile raw HTML; return its page and the problems reported."""
    with recorded() as log:
        site = make_shared_site(
            {"2026/raw.md": minimal_briefing("Raw HTML", "2026-02-02", body=HOSTILE_BODY)}
        )
    return read_page(site, "briefings/2026/02/raw/"), log.problems


def test_dangerous_html_never_reaches_the_page(cleaned):
    soup, _ = cleaned
    body = soup.select_one(".briefing-body")
    for name in ("script", "iframe", "object", "style", "form", "input"):
        assert body.find(name) is None, name
    attributes = {attr for element in body.find_all(True) for attr in element.attrs}
    assert not {attr for attr in attributes if attr.startswith("on")}
    assert not [a for a in body.find_all("a") if "javascript" in a.get("href", "").lower()]
    assert "alert" not in str(body)


def test_safe_html_and_markdown_survive(cleaned):
    soup, _ = cleaned
    body = soup.select_one(".briefing-body")
    assert body.find("abbr")["title"] == "World Health Organization"
    assert body.find("a", string="the report")["href"] == "https://example.org/report"
    assert body.find("img")["alt"] == "A chart"
    assert body.select_one('a[href^="#fn"]') is not None
    # Table alignment moves from inline styles (forbidden by the CSP) to classes.
    assert [cell["class"] for cell in body.select("th")] == [["align-left"], ["align-right"]]
    assert body.find(style=True) is None
    assert "Click me" in body.get_text().replace("\xa0", " ")


def test_each_removal_is_reported_at_its_line(cleaned):
    _, problems = cleaned
    report = {str(p) for p in problems}
    path = "content/briefings/2026/raw.md"
    expected = {
        (11, "removed the <script> element"),
        (12, "removed the <iframe> element"),
        (13, "removed the onclick attribute of <p>"),
        (14, "removed the javascript: address in <a href>"),
        (15, "removed the onerror attribute of <img>"),
        (16, "removed the <object> element"),
        (17, "removed the <form> element"),
    }
    for line, words in expected:
        assert any(r.startswith(f"{path}:{line}: body: {words}") for r in report), (words, report)
    assert all(p.severity == "warning" for p in problems)
    assert len(problems) == len({str(p) for p in problems}), "each kind of cut once"
