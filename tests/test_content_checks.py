"""Every mistake in a content file is reported as `path:line: field: what; fix`, all at once.

Each bad file is built beside a good briefing: strict builds fail and leave the last good
output untouched; lenient builds list the problem and publish the good briefing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from archive.build import BuildError, recorded
from briefing_metadata.plain_text import markup_in

from .conftest import build_briefings, minimal_briefing, page_file

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
        "is not UTF-8: byte 0xe9 at column 4; save the file as UTF-8",
    ),
    "latin-1-in-header": (
        # The column counts characters: "ï" before it is one, though two bytes in UTF-8.
        header("Title: Naïve visit to a café", *VALID[1:]).encode().replace(b"\xc3\xa9", b"\xe9"),
        "1: file:",
        "byte 0xe9 at column 28",
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
    "empty-tag": (
        header(*VALID, "Tags: fentanyl, , cybersecurity"),
        "4: Tags:",
        "empty item between commas; remove the extra comma",
    ),
    "trailing-comma": (
        header("Title: T", "Date: 2026-01-06", "Spokesperson: Mara Okonkwo,"),
        "3: Spokesperson:",
        "empty item between commas; remove the extra comma",
    ),
    "empty-tag-on-a-continued-line": (
        header(*VALID, "Tags: fentanyl,", "    security,,", "    cybersecurity"),
        "5: Tags:",
        "empty item between commas",
    ),
    "markup-in-summary": (
        header(*VALID, "Summary: a <b>bold</b> claim"),
        "4: Summary:",
        "has the markup <b>, but it is plain text",
    ),
    "markup-in-title": (header("Title: A <i>new</i> policy", *VALID[1:]), "1: Title:", "<i>"),
    "markup-in-location": (header(*VALID, "Location: <!-- TBC --> Delhi"), "4: Location:", "<!--"),
    "markup-in-source": (
        header(*VALID, 'Source: <a href="https://example.org">Ministry</a>'),
        "4: Source:",
        '<a href="https://example.org">',
    ),
    "markup-in-a-key-point": (
        header(*VALID, "Key_points: A first point", "    A second<br/>point"),
        "5: Key_points:",
        "has the markup <br/>, but it is plain text",
    ),
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


BAD = {f"2026/{name}.md": text for name, (text, _, _) in BAD_FILES.items()}


@dataclass
class StrictBuild:
    """A good site, its files' hashes, and the failure of the strict build adding every bad file."""

    site: Path
    before: dict[str, str]
    failure: BuildError


@pytest.fixture(scope="module")
def strict_build_of_every_bad_file(tmp_path_factory) -> StrictBuild:
    """Build the good briefing, then every bad file beside it, strictly; return the outcome.

    Each bad file is checked on its own (problems are caught per briefing, and each is an
    error by itself), so one failed build serves every case of the strict test, which reads
    only the problems, the errors and the kept site. The failed build has no search index:
    its output is thrown away (see make_failing_build); the good site has its index.
    """
    folder = tmp_path_factory.mktemp("strict")
    site = build_briefings(folder, GOOD)
    before = snapshot(site)
    with pytest.raises(BuildError) as failed:
        build_briefings(folder, BAD, SEARCH_INDEX_ENABLED=False)
    return StrictBuild(site, before, failed.value)


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_fails_strict_build_and_keeps_last_good_output(
    strict_build_of_every_bad_file, name
):
    _, where, words = BAD_FILES[name]
    strict = strict_build_of_every_bad_file
    site, before, failure = strict.site, strict.before, strict.failure
    path = f"content/briefings/2026/{name}.md"
    assert_reported(failure.problems, path, where, words)
    # Logged as an error, so this file alone fails a strict build too.
    assert any(line.startswith(f"{path}:{where}") and words in line for line in failure.errors)
    assert snapshot(site) == before
    assert not list(site.parent.glob(".output.building-*"))


@pytest.fixture(scope="module")
def lenient_build_of_every_bad_file(make_shared_site) -> tuple[Path, list]:
    """Build the good briefing beside every bad file, leniently; return the site and problems.

    Each bad file is checked on its own (problems are caught per briefing), so one build
    serves every case of the lenient test, which only reads the site and the problems.
    """
    with recorded() as log:
        site = make_shared_site({**GOOD, **BAD}, lenient=True)
    return site, log.problems


@pytest.mark.parametrize("name", BAD_FILES)
def test_lenient_build_lists_the_problem_and_publishes_the_good_briefing(
    lenient_build_of_every_bad_file, name
):
    _, where, words = BAD_FILES[name]
    site, problems = lenient_build_of_every_bad_file
    assert_reported(problems, f"content/briefings/2026/{name}.md", where, words)
    assert page_file(site, GOOD_URL).exists()
    assert not list(site.glob(f"briefings/*/*/{name}/index.html"))


def test_every_problem_in_the_tree_is_reported_at_once(strict_build_of_every_bad_file):
    # The strict build above: the good briefing and every bad file, built at once.
    failed = strict_build_of_every_bad_file.failure
    reported = {line.split(":", 1)[0] for line in problem_lines(failed.problems)}
    assert reported == {f"content/briefings/{name}" for name in BAD}


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


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a <b>bold</b> claim", "<b>"),
        ("closing only</i>", "</i>"),
        ("a <BR/> break", "<BR/>"),
        ("line<br /> break", "<br />"),
        ('<a href="https://example.org">link</a>', '<a href="https://example.org">'),
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
        ("note <!-- to self --> here", "<!-- to self -->"),
        ("an unclosed <!-- comment", "<!--"),
        ("tariffs < 5% for all", None),
        ("a<b", None),
        ("if a<b and c>d", None),
        ("<<>>", None),
        ("Kaimara <Project X>", None),
        ("3 <= 4 and 5 > 2", None),
    ],
)
def test_markup_is_what_looks_like_an_html_tag_or_comment(text, tag):
    assert markup_in(text) == tag


def test_comparisons_with_angle_brackets_build_cleanly(make_site):
    briefing = header(
        "Title: Tariffs < 5% for a<b suppliers",
        *VALID[1:],
        "Summary: Duties fall where x<y and y>z; 3 <= 4.",
        "Key_points: Tariffs < 5%",
    )
    site = make_site({**GOOD, "2026/comparisons.md": briefing})
    assert page_file(site, "briefings/2026/01/comparisons/").exists()


def test_markup_in_a_key_points_block_names_the_points_line(make_site):
    body = "Opening.\n\n::: key-points\n- A fine point\n- A <b>bold</b> point\n:::\n\nMore."
    briefing = header(*VALID, body=body)
    with pytest.raises(BuildError) as failed:
        make_site({**GOOD, "2026/block.md": briefing})
    where = "content/briefings/2026/block.md"
    assert_reported(failed.value.problems, where, "9: key points:", "has the markup <b>")
    with recorded() as log:
        site = make_site({**GOOD, "2026/block.md": briefing}, lenient=True)
    assert_reported(log.problems, where, "9: key points:", "has the markup <b>")
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


class _Tripwire(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if any("TRIP" in line for line in lines):
            raise ValueError("tripped")
        return lines


class _TripwireExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's name
        md.preprocessors.register(_Tripwire(md), "tripwire", 5)


def test_a_file_markdown_fails_on_is_reported_not_a_traceback(make_site):
    markdown = {"extensions": [_TripwireExtension()], "output_format": "html5"}
    with recorded() as log:
        site = make_site(
            {**GOOD, "2026/trip.md": header(*VALID, body="TRIP")}, lenient=True, MARKDOWN=markdown
        )
    assert_reported(
        log.problems, "content/briefings/2026/trip.md", "5: body:", "ValueError: tripped"
    )
    assert page_file(site, GOOD_URL).exists()
