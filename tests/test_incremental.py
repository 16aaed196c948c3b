"""A rebuild after an edit reuses what it can and never leaves a page showing the old text."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

from archive.build import site_settings
from archive.paths import ROOT
from comments.store import StoredComment, dumps
from incremental.digest import site_digest

from .conftest import minimal_briefing, read_page, visible_text

OLD_TITLE = "Ferry talks resume"
NEW_TITLE = "Harbour talks resume"


def archive() -> dict[str, str]:
    """Return six briefings in one month; Charlie is the edited one's neighbour, not related."""
    return {
        "2026/alpha.md": minimal_briefing("Alpha", "2026-01-01", tags="security, trade"),
        "2026/bravo.md": minimal_briefing("Bravo", "2026-01-02", tags="security"),
        "2026/ferry.md": minimal_briefing(OLD_TITLE, "2026-01-03", tags="security, trade"),
        "2026/charlie.md": minimal_briefing("Charlie", "2026-01-03 18:00", tags="health"),
        "2026/delta.md": minimal_briefing("Delta", "2026-01-04", tags="trade"),
        "2026/echo.md": minimal_briefing("Echo", "2026-01-05", tags="health"),
    }


def texts(site: Path) -> dict[str, str]:
    """Return every text file of a built site, and each search-index fragment, by path."""
    found = {}
    for path in site.rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".csv"}:
            found[path.relative_to(site).as_posix()] = path.read_text(encoding="utf-8")
        elif path.suffix == ".pf_fragment":
            found[path.relative_to(site).as_posix()] = gzip.decompress(path.read_bytes()).decode()
    return found


def inode(site: Path, url: str) -> int:
    return (site / url / "index.html").stat().st_ino


def test_a_changed_title_shows_everywhere_and_the_old_one_nowhere(make_site):
    site = make_site(archive())
    before = texts(site)
    shown_on = {path for path, text in before.items() if OLD_TITLE in text}
    # The briefing, its neighbours, its related briefings, its tag, spokesperson and date
    # listings, the home page, the feeds, the open data and the search index.
    expected = {
        "briefings/2026/01/ferry/index.html",
        "briefings/2026/01/bravo/index.html",
        "briefings/2026/01/charlie/index.html",
        "briefings/2026/01/delta/index.html",
        "briefings/2026/01/alpha/index.html",
        "index.html",
        "tags/security/index.html",
        "tags/trade/index.html",
        "spokespeople/mara-okonkwo/index.html",
        "archives/2026/index.html",
        "archives/2026/01/index.html",
        "feeds/all.atom.xml",
        "feeds/tags/security.atom.xml",
        "feeds/spokespeople/mara-okonkwo.atom.xml",
        "feeds/all.json",
        "briefings.json",
        "briefings.csv",
    }
    assert expected <= shown_on
    assert any(path.startswith("pagefind/2026/fragment/") for path in shown_on)
    unrelated = inode(site, "briefings/2026/01/echo/")

    edited = archive()
    edited["2026/ferry.md"] = edited["2026/ferry.md"].replace(OLD_TITLE, NEW_TITLE)
    site = make_site(edited)

    after = texts(site)
    assert [path for path, text in after.items() if OLD_TITLE in text] == []
    now_on = {path for path, text in after.items() if NEW_TITLE in text}
    # Pagefind names its fragment files by their content, so only the pages compare by name.
    assert {p for p in now_on if not p.startswith("pagefind/")} == {
        p for p in shown_on if not p.startswith("pagefind/")
    }
    assert any(path.startswith("pagefind/2026/fragment/") for path in now_on)
    # The page nothing changed for was reused from the last build, not written again.
    assert inode(site, "briefings/2026/01/echo/") == unrelated


def test_a_new_comment_reaches_its_briefing_page_and_listings(make_site, tmp_path):
    site = make_site(archive())
    assert "A comment long enough" not in (site / "briefings/2026/01/echo/index.html").read_text()
    comments = tmp_path / "content" / "comments"
    comments.mkdir()
    comment = StoredComment(1, "Reader", datetime(2026, 1, 6, tzinfo=UTC), "A comment long enough")
    (comments / "echo.json").write_text(dumps("/briefings/2026/01/echo/", [comment]))
    site = make_site(archive())
    assert "A comment long enough" in (site / "briefings/2026/01/echo/index.html").read_text()
    # Listings show each briefing's count of comments on its card.
    assert "1 comment" in (site / "tags/health/index.html").read_text()


def test_a_changed_setting_reaches_every_reused_briefing_page(make_site):
    site = make_site(archive())
    assert "Renamed Archive" not in (site / "briefings/2026/01/echo/index.html").read_text()
    site = make_site(archive(), SITENAME="Renamed Archive")
    for name in ("alpha", "bravo", "charlie", "ferry", "delta", "echo"):
        page = (site / f"briefings/2026/01/{name}/index.html").read_text()
        assert "Renamed Archive" in page


def test_the_content_cache_is_kept_per_fingerprint(make_site, tmp_path):
    make_site(archive())
    make_site(archive(), SITENAME="Renamed Archive")
    folders = [path for path in (tmp_path / "cache").iterdir() if path.is_dir()]
    # One folder of cached briefings for each combination of code, settings and registry.
    assert len(folders) == 2


def test_the_fingerprint_ignores_where_a_run_writes_and_its_own_results(tmp_path):
    settings = site_settings(OUTPUT_PATH=str(tmp_path / "one"), CACHE_PATH=str(tmp_path / "c"))
    registry = ROOT / "content" / "registry"
    first = site_digest(settings, registry)
    # A live preview builds again in the same process, with the results of the last build.
    settings.update(
        OUTPUT_PATH=str(tmp_path / "two"),
        INCREMENTAL_DIGEST=first,
        INCREMENTAL_CACHE_ROOT=str(tmp_path / "c"),
        INCREMENTAL_PREVIOUS_OUTPUT=str(tmp_path / "one"),
    )
    assert site_digest(settings, registry) == first
    settings["SITENAME"] = "Another archive"
    assert site_digest(settings, registry) != first


def alpha(site: Path) -> str:
    return (site / "briefings/2026/01/alpha/index.html").read_text(encoding="utf-8")


def test_a_kept_briefing_links_to_where_its_target_moved(make_site):
    briefings = archive()
    briefings["2026/alpha.md"] = minimal_briefing(
        "Alpha", "2026-01-01", body="Read [the ferry briefing]({filename}ferry.md)."
    )
    site = make_site(briefings)
    assert 'href="../../../../briefings/2026/01/ferry/"' in alpha(site)
    # Alpha's file is unchanged, so it comes from the cache; the ferry briefing moves month.
    briefings["2026/ferry.md"] = minimal_briefing(OLD_TITLE, "2026-02-03", tags="security, trade")
    site = make_site(briefings)
    assert 'href="../../../../briefings/2026/02/ferry/"' in alpha(site)


def test_one_edit_rewrites_one_cache_shard(make_site, tmp_path):
    make_site(archive())
    shards = {p: p.stat().st_mtime_ns for p in tmp_path.glob("cache/*/briefings/*.pickle")}
    assert len(shards) > 1
    edited = archive()
    edited["2026/ferry.md"] = minimal_briefing(NEW_TITLE, "2026-01-03", tags="security, trade")
    make_site(edited)
    rewritten = [p for p, mtime in shards.items() if p.stat().st_mtime_ns != mtime]
    assert len(rewritten) == 1


def test_a_damaged_cache_shard_is_read_again(make_site, tmp_path):
    make_site(archive())
    for shard in tmp_path.glob("cache/*/briefings/*.pickle"):
        shard.write_bytes(b"not a pickle")
    site = make_site(archive())
    assert OLD_TITLE in (site / "briefings/2026/01/ferry/index.html").read_text()


def asked(title: str, date: str, answer: str) -> str:
    """Return a briefing tagged security with one question on security, answered."""
    body = f"Body.\n\n::: transcript\nQ1 [tags: security]: Why?\n\nA1: {answer}\n:::\n"
    return minimal_briefing(title, date, tags="security", body=body)


def test_an_edit_to_an_older_question_leaves_the_other_pages_of_its_tags_listing(make_site):
    # The tag's first page shows its newest question and the count of all; the edited
    # question is older, so only the page listing its briefing is written again.
    briefings = {f"2026/b{n}.md": minimal_briefing(f"B{n}", f"2026-01-0{n}") for n in (2, 3, 4)}
    briefings["2026/b1.md"] = asked("B1", "2026-01-01", "An old answer.")
    briefings["2026/b5.md"] = asked("B5", "2026-01-05", "A new answer.")
    options = {"DEFAULT_PAGINATION": 2, "TRANSCRIPTS_LATEST": 1}
    site = make_site(briefings, **options)
    first, second = inode(site, "tags/security/"), inode(site, "tags/security/page/2/")
    last = inode(site, "tags/security/page/3/")

    briefings["2026/b1.md"] = asked("B1", "2026-01-01", "An answer put better.")
    site = make_site(briefings, **options)
    assert inode(site, "tags/security/") == first
    assert inode(site, "tags/security/page/2/") == second
    assert inode(site, "tags/security/page/3/") != last

    # A third question changes the count the first page shows: that page is written again.
    briefings["2026/b3.md"] = asked("B3", "2026-01-03", "A third answer.")
    site = make_site(briefings, **options)
    assert "All 3 questions" in visible_text(read_page(site, "tags/security/"))
