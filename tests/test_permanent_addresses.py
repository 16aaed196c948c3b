"""Addresses that never break: the record of published addresses, redirects, `_redirects`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archive.build import BuildError
from permanent_addresses.record import add_addresses, read_record

from .conftest import minimal_briefing, read_page, visible_text

OLD = "briefings/2025/03/ransomware-reporting-guidance/"
NEW = "briefings/2025/03/ransomware-incident-reporting/"


def record(site_content: Path, *addresses: str, deleted: str = "") -> None:
    lines = ["published = ["] + [f'    "{a}",' for a in addresses] + ["]", "", "[deleted]"]
    (site_content / "published-addresses.toml").write_text("\n".join(lines) + "\n" + deleted)


def test_moved_briefing_leaves_a_redirect_page_and_a_redirects_line(sample_site):
    soup = read_page(sample_site, OLD)
    refresh = soup.select_one('meta[http-equiv="refresh"]')["content"]
    assert refresh == f"0; url=../../../../{NEW}"
    assert soup.select_one('link[rel="canonical"]')["href"] == f"http://127.0.0.1:8000/{NEW}"
    link = soup.select_one("main a")
    assert link["href"] == f"../../../../{NEW}"
    assert visible_text(link).startswith("New guidance asks organisations")
    assert not soup.select("script:not([type='application/ld+json'])")
    lines = (sample_site / "_redirects").read_text("utf-8").splitlines()
    assert lines == [f"/{OLD} /{NEW} 301"]


def test_old_address_redirects_in_chromium(page, sample_url):
    page.goto(f"{sample_url}/{OLD}")
    page.wait_for_url(f"{sample_url}/{NEW}")
    assert page.locator("h1").inner_text().startswith("New guidance asks organisations")


def test_sample_record_knows_every_published_address(sample_site):
    from archive.paths import ROOT

    known = read_record(ROOT / "content/published-addresses.toml", "record")
    assert not known.problems
    assert OLD in known.published  # Published before the file was renamed.
    assert "briefings/2026/02/india-canada-liaison-officers/" in known.published


def test_a_lost_address_fails_the_build_naming_the_address_and_the_fix(tmp_path, make_site):
    content = tmp_path / "content"
    content.mkdir()
    record(content, "briefings/2026/01/first/", "briefings/2026/01/gone/")
    with pytest.raises(BuildError) as error:
        # Its date was edited: the address moved from January to February.
        make_site({"2026/first.md": minimal_briefing("First", "2026-02-05")})
    problems = [str(p) for p in error.value.problems]
    assert problems == [
        "content/published-addresses.toml:2: address: briefings/2026/01/first/ was published, "
        "but no page, redirect or [deleted] entry has it now; if "
        "content/briefings/2026/first.md moved from there, add the line "
        "`Moved_from: briefings/2026/01/first/` to its header",
        "content/published-addresses.toml:3: address: briefings/2026/01/gone/ was published, "
        "but no page, redirect or [deleted] entry has it now; if its briefing moved, add "
        "`Moved_from: briefings/2026/01/gone/` to that briefing's header; if it was withdrawn, "
        "restore it with `Status: withdrawn`; to delete it for good, list it under [deleted] in "
        'content/published-addresses.toml: "briefings/2026/01/gone/" = "the reason"',
    ]


def test_moved_from_and_deleted_keep_the_build_going(tmp_path, make_site):
    content = tmp_path / "content"
    content.mkdir()
    record(
        content,
        "briefings/2026/01/first/",
        "briefings/2026/01/gone/",
        deleted='"briefings/2026/01/gone/" = "A duplicate of first, deleted on 2026-01-06"\n',
    )
    site = make_site(
        {
            "2026/renamed.md": minimal_briefing(
                "First", "2026-01-05", moved_from="briefings/2026/01/first/"
            )
        }
    )
    assert (site / "briefings/2026/01/first/index.html").is_file()
    assert not (site / "briefings/2026/01/gone").exists()


@pytest.mark.parametrize(
    ("moved_from", "message"),
    [
        ("briefings/2026/01/renamed/", "is this briefing's own address"),
        ("briefings/2026/01/other/", "is the address of content/briefings/2026/other.md"),
    ],
)
def test_moved_from_may_not_take_a_live_address(make_site, moved_from, message):
    text = minimal_briefing("Renamed", "2026-01-05", moved_from=moved_from)
    line = text.splitlines().index(f"Moved_from: {moved_from}") + 1
    with pytest.raises(BuildError) as error:
        make_site(
            {"2026/renamed.md": text, "2026/other.md": minimal_briefing("Other", "2026-01-06")}
        )
    (problem,) = error.value.problems
    assert str(problem).startswith(f"content/briefings/2026/renamed.md:{line}: Moved_from: ")
    assert message in problem.message


def test_record_grows_and_never_forgets(tmp_path):
    path = tmp_path / "published-addresses.toml"
    assert add_addresses(path, ["b/", "a/"]) == ["a/", "b/"]
    assert add_addresses(path, ["a/", "c/"]) == ["c/"]
    assert read_record(path, "r").published == ["a/", "b/", "c/"]
    text = path.read_text()
    assert add_addresses(path, ["c/"]) == [] and path.read_text() == text


def test_output_does_not_depend_on_the_record(tmp_path, make_site):
    # The record only guards: the site is the same with it or without it.
    briefing = minimal_briefing("First", "2026-01-05")
    site = make_site({"2026/first.md": briefing})
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    record(tmp_path / "content", "briefings/2026/01/first/")
    site = make_site({"2026/first.md": briefing})
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert before.keys() == after.keys()
    assert [k for k in before if before[k] != after[k] and "pagefind" not in str(k)] == []


def test_redirect_page_has_no_accessibility_violations(new_page, sample_url, sample_site):
    from .pages import REDIRECT
    from .test_accessibility import AXE_TAGS, describe_violations
    from .toolchain import axe_script

    page = new_page(bypass_csp=True)
    # Held in place: served without its refresh, so axe reads this page, not the next one.
    html = (sample_site / REDIRECT.strip("/") / "index.html").read_text("utf-8")
    held = re.sub(r'<meta http-equiv="refresh"[^>]*>', "", html)
    assert held != html
    page.route(
        f"{sample_url}{REDIRECT}", lambda route: route.fulfill(body=held, content_type="text/html")
    )
    page.goto(f"{sample_url}{REDIRECT}")
    assert page.locator("h1").inner_text() == "This briefing has moved"
    page.add_script_tag(path=str(axe_script()))
    results = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    assert results["violations"] == [], describe_violations(results["violations"])
