"""Every mistake in a content file is reported as `path:line: field: what; fix`, all at once.

Each bad file is built beside a good briefing: strict builds fail and leave the last good
output untouched; lenient builds list the problem and publish the good briefing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from archive.build import BuildError, recorded

from .conftest import minimal_briefing, page_file

GOOD = {"2026/good.md": minimal_briefing("A good briefing", "2026-01-05")}
GOOD_URL = "briefings/2026/01/good/"


def header(*lines: str, body: str = "Body text.") -> str:
    return "\n".join(lines) + "\n\n" + body + "\n"


VALID = ("Title: T", "Date: 2026-01-06", "Spokesperson: Mara Okonkwo")

# name: (file contents, expected "path:line: field:" start, words the message must contain)
BAD_FILES = {
    "missing-title": (header(*VALID[1:]), "1: Title:", "is missing"),
    "missing-date": (header(VALID[0], VALID[2]), "1: Date:", "is missing"),
    "missing-spokesperson": (header(*VALID[:2]), "1: Spokesperson:", "is missing"),
    "month-only-date": (
        header("Title: T", "Date: February 2024", VALID[2]),
        "2: Date:",
        "'February 2024' is not a full date; write it as YYYY-MM-DD",
    ),
    "impossible-date": (
        header("Title: T", "Date: 2026-02-30", VALID[2]),
        "2: Date:",
        "is not a real date",
    ),
    "empty": ("", "1: file:", "the file is empty"),
    "latin-1": (
        header(*VALID).encode() + "Café\n".encode("latin-1"),
        "6: file:",
        "is not UTF-8",
    ),
    "nul-byte": (header(*VALID).replace("Body", "Bo\x00dy"), "5: file:", "NUL byte"),
    "misspelt-key": (
        header(*VALID, "Spokesprson: Mara Okonkwo"),
        "4: Spokesprson:",
        "did you mean Spokesperson?",
    ),
    "unknown-tag": (
        header(*VALID, "Tags: security, fentanil"),
        "4: Tags:",
        "'fentanil' is not in the tag registry; did you mean 'Fentanyl'?",
    ),
    "unknown-spokesperson": (
        header("Title: T", "Date: 2026-01-06", "Spokesperson: Mara Okonkow"),
        "3: Spokesperson:",
        "did you mean 'Mara Okonkwo'?",
    ),
    "slug-escapes-output": (
        header(*VALID, "Slug: ../output-evil/x"),
        "4: Slug:",
        "is not a valid address part",
    ),
    "long-title": (header("Title: " + "x" * 5000, *VALID[1:]), "1: Title:", "5000 characters"),
    "broken-header": (
        header("Title: T", "Date: 2026-01-06", "Spokesperson Mara Okonkwo", "Tags: security"),
        "3: header:",
        "ends the metadata header early",
    ),
    "deep-quotes": (header(*VALID, body="> " * 5000 + "deep"), "5: body:", "nested 5000 levels"),
    "deep-lists": (
        header(*VALID, body="\n".join("    " * i + "- item" for i in range(100))),
        "17: body:",
        "lists are nested 13 levels deep",
    ),
    "modified-before-date": (
        header(*VALID, "Modified: 2025-12-31"),
        "4: Modified:",
        "is earlier than Date",
    ),
    "bad-status": (header(*VALID, "Status: publish"), "4: Status:", "'publish' is not a status"),
}


def snapshot(folder: Path) -> dict[str, str]:
    """Return every file under ``folder`` with a hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def problem_lines(problems) -> list[str]:
    return [str(problem) for problem in problems]


def assert_reported(problems, path: str, where: str, words: str) -> None:
    lines = problem_lines(problems)
    assert any(line.startswith(f"{path}:{where}") and words in line for line in lines), lines


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_fails_strict_build_and_keeps_last_good_output(make_site, name):
    text, where, words = BAD_FILES[name]
    site = make_site(GOOD)
    before = snapshot(site)
    with pytest.raises(BuildError) as failed:
        make_site({f"2026/{name}.md": text})
    assert_reported(failed.value.problems, f"content/briefings/2026/{name}.md", where, words)
    assert snapshot(site) == before
    assert not list(site.parent.glob(".output.building-*"))


@pytest.mark.parametrize("name", BAD_FILES)
def test_lenient_build_lists_the_problem_and_publishes_the_good_briefing(make_site, name):
    text, where, words = BAD_FILES[name]
    with recorded() as log:
        site = make_site({**GOOD, f"2026/{name}.md": text}, lenient=True)
    assert_reported(log.problems, f"content/briefings/2026/{name}.md", where, words)
    assert page_file(site, GOOD_URL).exists()
    assert not list(site.glob(f"briefings/*/*/{name}/index.html"))


def test_every_problem_in_the_tree_is_reported_at_once(make_site):
    bad = {f"2026/{name}.md": text for name, (text, _, _) in BAD_FILES.items()}
    with pytest.raises(BuildError) as failed:
        make_site({**GOOD, **bad})
    reported = {line.split(":", 1)[0] for line in problem_lines(failed.value.problems)}
    assert reported == {f"content/briefings/{name}" for name in bad}


def test_a_huge_file_is_refused_before_it_is_read(make_site):
    huge = header(*VALID, body="word " * 4_200_000)  # about 20 MB
    with recorded() as log:
        site = make_site({**GOOD, "2026/huge.md": huge}, lenient=True)
    assert_reported(log.problems, "content/briefings/2026/huge.md", "1: file:", "is 21.0 MB")
    assert page_file(site, GOOD_URL).exists()


def test_a_link_to_a_file_outside_content_is_refused(make_site, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text(header(*VALID, body="Not for publication."), encoding="utf-8")
    link = tmp_path / "content/briefings/2026/linked.md"
    link.parent.mkdir(parents=True)
    link.symlink_to(secret)
    with recorded() as log:
        site = make_site(GOOD, lenient=True)
    assert_reported(
        log.problems, "content/briefings/2026/linked.md", "1: file:", "outside the content folder"
    )
    assert "Not for publication" not in "".join(
        p.read_text(encoding="utf-8") for p in site.rglob("*.html")
    )


def test_two_briefings_claiming_one_address_are_both_reported(make_site):
    twins = {
        "2026/twin.md": minimal_briefing("First twin", "2026-01-07"),
        "2026/later/twin.md": minimal_briefing("Second twin", "2026-01-20"),
    }
    with recorded() as log:
        site = make_site({**GOOD, **twins}, lenient=True)
    for path, other in (
        ("2026/twin.md", "2026/later/twin.md"),
        ("2026/later/twin.md", "2026/twin.md"),
    ):
        assert_reported(
            log.problems,
            f"content/briefings/{path}",
            "2: Date:",
            f"briefings/2026/01/twin/ is also claimed by content/briefings/{other}",
        )
    assert not page_file(site, "briefings/2026/01/twin/").exists()
    assert page_file(site, GOOD_URL).exists()


def test_same_file_name_in_different_months_is_fine(make_site):
    site = make_site(
        {
            "2025/weekly.md": minimal_briefing("December weekly", "2025-12-04"),
            "2026/weekly.md": minimal_briefing("January weekly", "2026-01-08"),
        }
    )
    assert page_file(site, "briefings/2025/12/weekly/").exists()
    assert page_file(site, "briefings/2026/01/weekly/").exists()


@pytest.mark.parametrize(
    ("page", "where", "words"),
    [
        ("Title: Tags\nSlug: tags\n\nText.\n", "2: Slug:", "is already the tags page"),
        (
            "Title: T\nSave_as: tags/security/index.html\n\nText.\n",
            "2: Save_as:",
            "is already the page of tag 'Security'",
        ),
        ("Title: T\nSave_as: ../evil.html\n\nText.\n", "2: Save_as:", "points outside the site"),
        ("Title: T\nSpokesperson: Mara Okonkwo\n\nText.\n", "2: Spokesperson:", "not a field"),
    ],
)
def test_page_problems(make_site, page, where, words):
    with recorded() as log:
        site = make_site(GOOD, pages={"about.md": page}, lenient=True)
    assert_reported(log.problems, "content/pages/about.md", where, words)
    assert "Briefings tagged" in page_file(site, "tags/security/").read_text(encoding="utf-8")
    assert not (site.parent / "evil.html").exists()
