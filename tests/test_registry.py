"""Spokespeople and tags come from the registry: one page per tag whatever the spelling."""

from __future__ import annotations

import shutil

import pytest

from archive.build import BuildError, recorded
from archive.paths import ROOT

from .conftest import minimal_briefing, read_page, visible_text


@pytest.fixture(scope="module")
def aliased_site(make_shared_site):
    """Build briefings naming one tag four ways, and one naming a spokesperson by an alias.

    The spokesperson's briefing has only the default tag, security, and is read by its own test.
    """
    return make_shared_site(
        {
            "2026/a.md": minimal_briefing("Alpha", "2026-01-01", tags="Fentanyl"),
            "2026/b.md": minimal_briefing("Bravo", "2026-01-02", tags="fentanyl-precursors"),
            "2026/c.md": minimal_briefing("Charlie", "2026-01-03", tags="FENTANYL, security"),
            "2026/d.md": minimal_briefing("Delta", "2026-01-04", tags="Precursor chemicals"),
            "2026/r.md": minimal_briefing("R", "2026-01-01", spokesperson="R. Jaiswal"),
        }
    )


def test_aliases_and_case_variants_share_one_tag_page_and_label(aliased_site):
    site = aliased_site
    assert sorted(p.name for p in (site / "tags").iterdir() if p.is_dir()) == [
        "fentanyl",
        "security",
    ]
    listing = read_page(site, "tags/fentanyl/")
    assert visible_text(listing.h1) == "Briefings tagged “Fentanyl”"
    titles = [visible_text(a) for a in listing.select(".briefing-list h2 a")]
    assert titles == ["Delta", "Charlie", "Bravo", "Alpha"]
    for slug in "abcd":
        page = read_page(site, f"briefings/2026/01/{slug}/")
        labels = [visible_text(a) for a in page.select(".briefing-header .tag-list a")]
        assert "Fentanyl" in labels
    feed = (site / "feeds/tags/fentanyl.atom.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 4


def test_spokesperson_alias_leads_to_the_registry_name(aliased_site):
    site = aliased_site
    page = read_page(site, "briefings/2026/01/r/")
    assert "Randhir Jaiswal" in visible_text(page.select_one(".briefing-meta"))
    person = read_page(site, "spokespeople/randhir-jaiswal/")
    role = "Official Spokesperson, Ministry of External Affairs, India"
    assert visible_text(person.select_one(".listing-description")) == role


def test_sample_tag_and_spokesperson_pages_show_registry_details(sample_site):
    tag = read_page(sample_site, "tags/fentanyl/")
    assert "precursor chemicals" in visible_text(tag.select_one(".listing-description"))
    index = read_page(sample_site, "spokespeople/")
    roles = [visible_text(p) for p in index.select(".term-index .listing-description")]
    assert len(roles) == 4 and all(roles)


@pytest.mark.parametrize(
    ("toml", "where", "words"),
    [
        ("[broken\nlabel = 'x'\n", "tags.toml:", "is not valid TOML"),
        ("[Bad_Slug]\nlabel = 'x'\n", "tags.toml:", "is not a valid entry"),
        ("[nolabel]\ndescription = 'x'\n", "tags.toml:", "has no label"),
        ("[cyber2]\nlabel = 'Cyber two'\naliases = ['cyber']\n", "tags.toml:", "also names"),
        ("[extra]\nlabel = 'Extra'\ncolour = 'red'\n", "tags.toml:", "unknown field(s) colour"),
        ("[symbols]\nlabel = '<<>>'\n", "tags.toml:", "its label '<<>>' has no letter or digit"),
        (
            "[dashes]\nlabel = 'Dashes'\naliases = ['--']\n",
            "tags.toml:",
            "the alias '--' has no letter or digit",
        ),
    ],
)
def test_registry_mistakes_are_errors(make_failing_build, toml, where, words):
    with pytest.raises(BuildError) as failed:
        make_failing_build(
            {"2026/a.md": minimal_briefing("A", "2026-01-01")}, registry={"tags.toml": toml}
        )
    reports = [str(p) for p in failed.value.problems]
    assert any(r.startswith(f"content/registry/{where}") and words in r for r in reports), reports


def test_registry_error_names_the_toml_line(make_failing_build):
    sample_lines = len((ROOT / "content/registry/tags.toml").read_text().splitlines())
    with recorded() as log, pytest.raises(BuildError):
        make_failing_build(
            {"2026/a.md": minimal_briefing("A", "2026-01-01")}, registry={"tags.toml": "[x\n"}
        )
    (problem,) = [p for p in log.problems if p.path.endswith("tags.toml")]
    # make_failing_build appends a blank line, then the broken table.
    assert problem.line == sample_lines + 2


def test_a_name_without_letters_is_refused_at_its_toml_line(make_failing_build):
    sample = ROOT / "content/registry/spokespeople.toml"
    sample_lines = len(sample.read_text(encoding="utf-8").splitlines())
    with recorded() as log, pytest.raises(BuildError):
        make_failing_build(
            {"2026/a.md": minimal_briefing("A", "2026-01-01")},
            registry={"spokespeople.toml": '[nobody]\nname = "<<>>"\n'},
        )
    (problem,) = [p for p in log.problems if p.path.endswith("spokespeople.toml")]
    assert str(problem).startswith(
        f"content/registry/spokespeople.toml:{sample_lines + 2}: nobody: its name '<<>>' has no "
        "letter or digit;"
    )


def test_a_registry_file_that_is_not_utf8_names_the_line_and_column(make_failing_build, tmp_path):
    registry = tmp_path / "content/registry"
    shutil.copytree(ROOT / "content/registry", registry)
    sample_lines = len((registry / "tags.toml").read_text(encoding="utf-8").splitlines())
    with (registry / "tags.toml").open("ab") as toml:
        toml.write(b'\n[cafe]\nlabel = "Caf\xe9"\n')
    with recorded() as log, pytest.raises(BuildError):
        make_failing_build({"2026/a.md": minimal_briefing("A", "2026-01-01")})
    (problem,) = [p for p in log.problems if p.path.endswith("tags.toml")]
    assert str(problem) == (
        f"content/registry/tags.toml:{sample_lines + 3}: file: is not UTF-8: byte 0xe9 at "
        "column 13; save the file as UTF-8 in your editor"
    )
