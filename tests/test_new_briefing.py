"""`python3 dev.py new` starts a briefing that builds cleanly, and never overwrites one."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from archive.build import BuildError
from archive.new import NewBriefingError, new_briefing

from .conftest import invoke, minimal_briefing, read_page, visible_text, write_content

NOON_IN_DELHI = datetime(2026, 3, 4, 12, 30, tzinfo=ZoneInfo("Asia/Kolkata"))


@pytest.fixture
def content(tmp_path):
    """Return an empty content folder with the sample registry (no site built from it)."""
    return write_content(tmp_path, {})


def start(content, title="Port reopens after storm", **options):
    options.setdefault("spokesperson", "aiko tanabe")
    options.setdefault("tags", "maritime, CLIMATE")
    return new_briefing(title, now=NOON_IN_DELHI, PATH=str(content), **options)


def test_new_briefing_is_a_draft_with_every_field_that_builds(content, make_site):
    made = start(content, location="Port Kaimara")
    assert made.path == content / "briefings/2026/port-reopens-after-storm.md"
    text = made.path.read_text(encoding="utf-8")
    for line in (
        "Title: Port reopens after storm",
        "Date: 2026-03-04 12:30",
        "Spokesperson: Aiko Tanabe",
        "Tags: Maritime, Climate",
        "Location: Port Kaimara",
        "Source:",
        "Status: draft",
    ):
        assert f"\n{line}\n" in f"\n{text}", line
    assert "Key_points: " in text and "Summary: " in text
    site = make_site({})  # builds strictly: the scaffold passes every check
    page = read_page(site, made.draft_url)
    assert visible_text(page.h1) == "Port reopens after storm"
    assert len(page.select(".key-points li")) == 3
    assert made.url == "briefings/2026/03/port-reopens-after-storm/"


def test_date_is_now_in_the_site_time_zone(content):
    made = new_briefing(
        "Late night statement",
        "Mara Okonkwo",
        now=datetime(2026, 3, 4, 20, 0, tzinfo=ZoneInfo("UTC")),
        PATH=str(content),
    )
    assert "Date: 2026-03-05 01:30" in made.path.read_text(encoding="utf-8")


def test_refuses_to_overwrite_and_says_where_the_file_is(content):
    made = start(content)
    made.path.write_text("Edited by hand", encoding="utf-8")
    with pytest.raises(
        NewBriefingError, match=re.escape("content/briefings/2026/port-reopens-after-storm.md")
    ):
        start(content)
    assert made.path.read_text(encoding="utf-8") == "Edited by hand"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"spokesperson": "Aiko Tanab"}, "did you mean 'Aiko Tanabe'?"),
        ({"tags": "maritme"}, "did you mean 'Maritime'?"),
        ({"spokesperson": ""}, "name the spokesperson"),
        (
            {"spokesperson": "Aiko Tanab", "tags": "maritme, ferries"},
            "(?s)did you mean 'Aiko Tanabe'.*did you mean 'Maritime'.*'ferries' is not in the tag",
        ),
    ],
)
def test_unknown_names_write_nothing(content, options, message):
    with pytest.raises(NewBriefingError, match=message):
        start(content, **options)
    assert not list((content / "briefings").rglob("*.md"))


@pytest.mark.parametrize(
    ("title", "options", "message"),
    [
        ("Port reopens", {"tags": "maritime,,climate"}, "--tags: empty item between commas"),
        ("Port reopens", {"spokesperson": "Aiko Tanabe,"}, "--spokesperson: empty item"),
        ("Port <b>reopens</b>", {}, "title: has the markup <b>, but it is plain text"),
        ("Port reopens", {"location": "Port <i>Kaimara</i>"}, "--location: has the markup <i>"),
    ],
)
def test_the_checks_mistakes_write_nothing(content, title, options, message):
    with pytest.raises(NewBriefingError, match=re.escape(message)):
        start(content, title, **options)
    assert not list((content / "briefings").rglob("*.md"))


def test_the_command_lists_each_unknown_name_on_its_line_with_the_builds_fix(project, make_site):
    said = invoke(
        project, "new", "Port reopens", "--spokesperson", "Aiko Tanab", "--tags", "maritme, ferries"
    )
    assert said.returncode == 1
    assert not (project / "content/briefings/2026/port-reopens.md").exists()
    # The build's own words for the same mistakes, fix included.
    unknown = minimal_briefing(
        "Port reopens", "2026-03-04", spokesperson="Aiko Tanab", tags="maritme, ferries"
    )
    with pytest.raises(BuildError) as failed:
        make_site({"2026/port-reopens.md": unknown})
    build_says = [f"  --{p.field.lower()}: {p.message}; {p.fix}" for p in failed.value.problems]
    assert said.stderr.splitlines() == ["No briefing written:", *build_says]
    assert said.stderr.splitlines()[2] == (
        "  --tags: 'maritme' is not in the tag registry; did you mean 'Maritime'? If not, "
        "add it to content/registry/tags.toml"
    )


def test_placeholders_cannot_be_published(content, make_site):
    made = start(content)
    text = made.path.read_text(encoding="utf-8").replace("Status: draft\n", "")
    made.path.write_text(text, encoding="utf-8")
    with pytest.raises(BuildError) as failed:
        make_site({})
    reported = [str(p) for p in failed.value.problems]
    shown = "content/briefings/2026/port-reopens-after-storm.md"
    assert any(r.startswith(f"{shown}:7: Summary: still has the placeholder") for r in reported)
    assert any(r.startswith(f"{shown}:8: Key_points: still has the placeholder") for r in reported)
    assert any(r.startswith(f"{shown}:12: body: still has placeholder text") for r in reported)
