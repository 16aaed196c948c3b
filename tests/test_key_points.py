"""The key-points box: parsing from metadata or body, and what a reader sees."""

from __future__ import annotations

import pytest
from markdown import Markdown

from key_points.parse import (
    BODY_KEY,
    PROBLEMS_KEY,
    KeyPointsExtension,
    block_points,
    header_points,
)

from .conftest import markup_checks_off, minimal_briefing, read_page, visible_text

LIAISON = "briefings/2026/02/india-canada-liaison-officers/"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, []),
        ("", []),
        ("One point", ["One point"]),
        ("First\nSecond\n\n", ["First", "Second"]),
        (["First", "  Second  "], ["First", "Second"]),
        # The field is taken as written: these are not list markers there.
        (
            ["+ 5% more seizures", "2026) the target year"],
            ["+ 5% more seizures", "2026) the target year"],
        ),
    ],
)
def test_header_points(value, expected):
    assert header_points(value) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["- Dashed", "* Starred", "+ Plussed", "1. Numbered", "2) Closed"],
            ["Dashed", "Starred", "Plussed", "Numbered", "Closed"],
        ),
        (
            ["- A long point that", "  wraps here", "- Next"],
            ["A long point that wraps here", "Next"],
        ),
        (
            ["A line without a marker", "", "- Then a list item"],
            ["A line without a marker", "Then a list item"],
        ),
        (["-Not a bullet"], ["-Not a bullet"]),
        (["", "   "], []),
    ],
)
def test_block_points(lines, expected):
    assert block_points(lines) == expected


def convert(text: str) -> tuple[str, dict]:
    md = Markdown(extensions=["meta", "fenced_code", KeyPointsExtension()])
    html = md.convert(text)
    return html, md.Meta


def test_body_block_is_lifted_out_of_the_body():
    html, meta = convert("Intro.\n\n::: key-points\n- One\n- Two\n:::\n\nOutro.\n")
    assert meta[BODY_KEY] == ["One", "Two"]
    assert "One" not in html and ":::" not in html
    assert "Intro." in html and "Outro." in html


def test_indented_block_is_recognised():
    html, meta = convert("Intro.\n\n  ::: key-points\n  - One\n  :::\n")
    assert meta[BODY_KEY] == ["One"]
    assert ":::" not in html


def test_block_inside_fenced_code_stays_code():
    html, meta = convert("```\n::: key-points\n- One\n:::\n```\n")
    assert BODY_KEY not in meta
    assert "::: key-points" in html


def test_unclosed_block_keeps_its_text_and_is_reported():
    html, meta = convert("::: key-points\n- One\n")
    assert BODY_KEY not in meta
    assert "One" in html
    assert "never closed" in meta[PROBLEMS_KEY][0]


def test_empty_block_is_reported_not_stored():
    html, meta = convert("Body.\n\n::: key-points\n:::\n")
    assert BODY_KEY not in meta
    assert "no points" in meta[PROBLEMS_KEY][0]
    assert ":::" not in html


def test_problems_name_the_file_and_the_briefing_still_builds(make_site, caplog):
    site = make_site(
        {
            "2026/empty.md": minimal_briefing(
                "Empty", "2026-03-01", body="Body.\n\n::: key-points\n:::\n"
            ),
            "2026/both.md": minimal_briefing(
                "Both",
                "2026-03-02",
                key_points=["From field"],
                body="::: key-points\n- From body\n:::\n",
            ),
        }
    )
    assert read_page(site, "briefings/2026/03/empty/").select("aside.key-points") == []
    both = read_page(site, "briefings/2026/03/both/")
    assert [visible_text(li) for li in both.select("aside.key-points li")] == ["From field"]
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("key_points")]
    assert any("empty.md" in m and "no points" in m for m in messages)
    assert any("both.md" in m and "both in the Key_points field" in m for m in messages)


@pytest.fixture(scope="module")
def boxes_site(make_shared_site):
    """Build briefings with one point, a body block, no points and hostile points, and a page.

    The tests below each read their own briefing's page; none changes the site.
    """
    points = ["<script>alert(1)</script>", 'Tom & "Jerry" <b>bold</b>']
    body = "Opening paragraph.\n\n::: key-points\n- Lifted one\n- Lifted two\n:::\n\nClosing."
    with markup_checks_off():
        return make_shared_site(
            {
                "2026/one.md": minimal_briefing("One", "2026-03-01", key_points="Only point"),
                "2026/marked.md": minimal_briefing("Marked", "2026-03-01", body=body),
                "2026/plain.md": minimal_briefing("Plain", "2026-03-01"),
                "2026/hostile.md": minimal_briefing("Hostile", "2026-03-01", key_points=points),
            },
            pages={
                "about.md": "Title: About the archive\n\n::: key-points\n"
                "- Every briefing since 2025\n:::\n\nText.\n"
            },
        )


def test_a_single_point_is_a_list_of_one(boxes_site):
    site = boxes_site
    box = read_page(site, "briefings/2026/03/one/").select_one("aside.key-points")
    assert [visible_text(li) for li in box.select("li")] == ["Only point"]


def test_liaison_briefing_shows_its_five_key_points(sample_site):
    box = read_page(sample_site, LIAISON).select_one("aside.key-points")
    assert box is not None
    assert box.find("h2").get_text() == "Key points"
    assert box["aria-labelledby"] == box.find("h2")["id"]
    assert [visible_text(li) for li in box.select("li")] == [
        "Enhanced security collaboration",
        "Streamlined information sharing",
        "Focus on crimes and drugs",
        "No fixed timeline for appointment",
        "Part of the regular bilateral dialogue",
    ]


def test_box_comes_before_the_body(sample_site):
    article = read_page(sample_site, LIAISON).select_one("article.briefing")
    # In document order (the box may sit in a wrapper that weighs it for search).
    elements = article.find_all(True)
    box, body = article.select_one("aside.key-points"), article.select_one(".briefing-body")
    assert elements.index(box) < elements.index(body)


def test_body_marker_becomes_the_same_box(boxes_site):
    soup = read_page(boxes_site, "briefings/2026/03/marked/")
    assert [visible_text(li) for li in soup.select("aside.key-points li")] == [
        "Lifted one",
        "Lifted two",
    ]
    body_text = visible_text(soup.select_one(".briefing-body"))
    assert "Lifted" not in body_text and ":::" not in body_text
    assert "Opening paragraph." in body_text and "Closing." in body_text


def test_no_key_points_no_box(boxes_site):
    soup = read_page(boxes_site, "briefings/2026/03/plain/")
    assert soup.select("aside.key-points") == []
    assert soup.find(string=lambda text: "Key points" in text) is None


def test_points_are_escaped(boxes_site):
    box = read_page(boxes_site, "briefings/2026/03/hostile/").select_one("aside.key-points")
    assert box.find("script") is None and box.find("b") is None
    texts = [visible_text(li) for li in box.select("li")]
    assert texts[0] == "<script>alert(1)</script>"
    assert texts[1].startswith("Tom & ") and "<b>bold</b>" in texts[1]


def test_heading_follows_the_setting(make_site):
    site = make_site(
        {"2026/one.md": minimal_briefing("One", "2026-03-01", key_points=["A point"])},
        KEY_POINTS_HEADING="At a glance",
    )
    box = read_page(site, "briefings/2026/03/one/").select_one("aside.key-points")
    assert box.find("h2").get_text() == "At a glance"


@pytest.mark.parametrize(
    "settings",
    [
        {},
        # A theme without autoescape, on a site without the typography plugin (the
        # theme's interface text needs the i18n extension and the languages plugin).
        {
            "JINJA_ENVIRONMENT": {"autoescape": False, "extensions": ["jinja2.ext.i18n"]},
            "PLUGINS": ["briefing_metadata", "languages", "key_points", "related_briefings"],
        },
    ],
)
def test_key_points_are_data_and_a_partial_for_any_theme(
    make_site, markup_check_off, tmp_path, settings
):
    # Another theme's template reads the list and includes the plugin's own partial.
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "article.html").write_text(
        '<p id="count">{{ article.key_points|length }}</p>'
        "{% with key_points=article.key_points %}"
        '{% include "partials/key_points.html" %}{% endwith %}'
    )
    points = ["First", "<b>Second</b>"]
    site = make_site(
        {"2026/one.md": minimal_briefing("One", "2026-03-01", key_points=points)},
        THEME_TEMPLATES_OVERRIDES=[str(overrides)],
        **settings,
    )
    soup = read_page(site, "briefings/2026/03/one/")
    assert soup.select_one("#count").get_text() == "2"
    box = soup.select_one("aside.key-points")
    assert [visible_text(li) for li in box.select("li")] == points
    assert box.find("b") is None


def test_pages_get_the_box_too(boxes_site):
    box = read_page(boxes_site, "about/").select_one("aside.key-points")
    assert [visible_text(li) for li in box.select("li")] == ["Every briefing since 2025"]
