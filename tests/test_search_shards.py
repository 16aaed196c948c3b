"""Readers search every year at once, though the index comes in a few shards by age.

The newest year has a shard of its own and the older years share one (SEARCH_INDEX_BANDS),
split in runs of whole years where it would hold too many pages (SEARCH_INDEX_SHARD_PAGES);
each shard is reused when its pages are unchanged.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import search_index.index
from archive.build import build_site
from archive.paths import ROOT
from contract import versions
from search_index.settings import DEFAULTS
from search_index.shards import (
    MAX_ALTERNATIVES,
    Shard,
    band_of,
    fingerprint,
    index_settings,
    searchable_part,
    shards_of,
    split_band,
)

from .conftest import minimal_briefing, read_page, served
from .test_search import result_titles, wait_for_status

OLDEST = "Okapi census counts every okapi herd"
MIDDLE = "Border talks resume"
NEWEST = "Harbour reopens to ferries"


def three_years() -> dict[str, str]:
    """Return briefings over 2024 to 2026; "okapi" is in one of each year.

    In its own shard the 2026 one is the earliest briefing, so Pagefind's merged "date"
    order (each briefing's place in its own shard) would not list it first: only a sort
    across the shards puts 2026 first.
    """
    return {
        "2024/jan.md": minimal_briefing("Fisheries quota", "2024-01-10", tags="health"),
        "2024/feb.md": minimal_briefing("Vaccine deliveries", "2024-02-10", tags="health"),
        "2024/mar.md": minimal_briefing("Clinic openings", "2024-03-10", tags="health"),
        "2024/okapi.md": minimal_briefing(
            OLDEST,
            "2024-11-20",
            tags="security, health",
            body="The okapi census found okapi in every valley; okapi numbers rise.",
        ),
        "2025/okapi.md": minimal_briefing(
            MIDDLE, "2025-06-10", tags="security", body="An okapi crossed the border."
        ),
        "2025/dec.md": minimal_briefing("Trade figures", "2025-12-01", tags="trade"),
        "2026/okapi.md": minimal_briefing(
            NEWEST, "2026-01-05", tags="security", body="Ferries carry an okapi to the zoo."
        ),
        "2026/feb.md": minimal_briefing("Export licences", "2026-02-01", tags="trade"),
    }


@pytest.fixture(scope="module")
def shard_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the three-year site once, for the tests that only read it."""
    folder = tmp_path_factory.mktemp("shards")
    content = folder / "content"
    for name, text in three_years().items():
        (content / "briefings" / name).parent.mkdir(parents=True, exist_ok=True)
        (content / "briefings" / name).write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "content" / "registry", content / "registry")
    return build_site(
        PATH=str(content), OUTPUT_PATH=str(folder / "output"), CACHE_PATH=str(folder / "cache")
    )


def manifest(site: Path) -> dict[str, str]:
    """Return each shard's fingerprint from the index's manifest."""
    shards = json.loads((site / "pagefind/shards.json").read_text("utf-8"))["shards"]
    return {shard["folder"]: shard["fingerprint"] for shard in shards}


def files(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Return each file under ``folder`` with its inode and bytes."""
    return {
        path.relative_to(folder).as_posix(): (path.stat().st_ino, path.read_bytes())
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@contextmanager
def searched(browser, site: Path, address: str, status: str) -> Iterator[Any]:
    """Open the search page at ``address`` in a fresh tab; yield it once it has answered."""
    context = browser.new_context()
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    try:
        with served(site) as url:
            page.goto(f"{url}/search/{address}")
            wait_for_status(page, status)
            yield page
    finally:
        context.close()


def checkbox_labels(page, facet: str) -> list[str]:
    """Return the facet's checkbox labels as a reader reads them, e.g. "Security (3)"."""
    fieldset = page.locator(f'fieldset[data-filter="{facet}"]')
    details = page.locator("details", has=fieldset)
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return [" ".join(text.split()) for text in fieldset.locator("label").all_inner_texts()]


def result_dates(page) -> list[datetime]:
    metas = page.locator(".search-result .briefing-meta").all_inner_texts()
    return [datetime.strptime(meta.split(" · ")[0], "%d %B %Y") for meta in metas]


# Pure functions: which pages make which shard's index, and what its fingerprint covers.


def briefing(save_as: str, year: int) -> SimpleNamespace:
    return SimpleNamespace(save_as=save_as, date=datetime(year, 6, 1))


def test_years_are_banded_by_their_age_from_the_newest_year():
    # The newest year alone, the four before it, then every older year.
    bands = (1, 4)
    years = (2026, 2025, 2022, 2021, 2011)
    assert [band_of(year, 2026, bands) for year in years] == [0, 1, 1, 2, 2]
    assert [band_of(year, 2026, ()) for year in (2026, 2011)] == [0, 0]
    assert DEFAULTS["SEARCH_INDEX_BANDS"] == (1,)


def test_the_newest_year_has_a_shard_and_the_older_years_share_one():
    pages = [briefing("b/2024/a/", 2024), briefing("b/2026/c/", 2026),
             briefing("b/2021/b/", 2021), briefing("b/2024/b/", 2024)]  # fmt: skip
    shards = shards_of(pages, (1,))
    assert shards == [
        Shard((2026,), ("b/2026/c/",)),
        Shard((2024, 2021), ("b/2021/b/", "b/2024/a/", "b/2024/b/")),
    ]
    assert [shard.folder for shard in shards] == ["2026", "2021-2024"]
    assert [shard.folder for shard in shards_of(pages, (1, 2))] == ["2026", "2024", "2021"]
    assert [shard.folder for shard in shards_of(pages, ())] == ["2021-2026"]
    assert shards_of([], (1,)) == []


def test_a_band_over_the_page_limit_is_split_into_runs_of_whole_years_from_its_oldest():
    pages_in = {2025: 4, 2024: 3, 2023: 2, 2022: 6, 2021: 1, 2020: 2}
    band = sorted(pages_in, reverse=True)
    # From 2020 up: 2020-2021 (3 pages), 2022 (6), 2023-2024 (5), 2025 (4).
    assert split_band(band, pages_in, 5) == [[2025], [2024, 2023], [2022], [2021, 2020]]
    # A year over the limit is a run of its own; no limit keeps the band whole.
    assert split_band(band, pages_in, 1) == [[year] for year in band]
    assert split_band(band, pages_in, None) == [band]
    assert DEFAULTS["SEARCH_INDEX_SHARD_PAGES"] == 12_000


def test_an_archive_growing_at_its_newest_end_keeps_its_older_shards():
    pages = [briefing(f"b/{year}/{n}/", year) for year in range(2018, 2025) for n in range(3)]
    before = shards_of(pages, (1,), 6)
    assert [shard.folder for shard in before] == ["2024", "2022-2023", "2020-2021", "2018-2019"]
    # A new year moves 2024 into the older band: only the newest run of that band changes.
    after = shards_of([*pages, briefing("b/2025/0/", 2025)], (1,), 6)
    assert [shard.folder for shard in after] == [
        "2025", "2024", "2022-2023", "2020-2021", "2018-2019",
    ]  # fmt: skip
    assert after[2:] == before[1:]
    assert all(len(shard.pages) <= 6 for shard in after)


def test_the_globs_match_the_shard_and_no_other(tmp_path):
    pages = {
        2025: ["briefings/2025/01/a-b/index.html", "briefings/2025/02/c/index.html"],
        2026: ["briefings/2026/01/d/index.html", "briefings/2026/01/e/index.html"],
        # A flat address: its folder also holds another shard's page.
        2024: ["flat/{odd},[x]*.html"],
    }
    pages[2023] = ["flat/f.html"]
    pages[2022] = ["briefings/2022/05/g/index.html"]
    briefings = [briefing(page, year) for year, names in pages.items() for page in names]
    shards = shards_of(briefings, (1, 1, 1))
    globs = {shard.folder: shard.globs for shard in shards}
    assert globs["2025"] == ("briefings/2025/**/*.html",)
    assert globs["2026"] == ("briefings/2026/**/*.html",)
    assert globs["2024"] == (r"flat/\{odd\}\,\[x\]\*.html",)
    # Years that share a shard share its patterns.
    assert globs["2022-2023"] == ("{briefings/2022/**/*.html,flat/f.html}",)
    # What the folder patterns match on disk: every page of the shard, no other shard's.
    for name in (name for names in pages.values() for name in names):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<p>page</p>")
    for shard in shards[:2]:
        found = {p.relative_to(tmp_path).as_posix() for p in tmp_path.glob(shard.globs[0])}
        assert found == set(shard.pages)
    # One shard for every year: the briefings folder is all its own.
    assert shards_of(briefings[:4] + briefings[-1:])[0].globs == ("briefings/**/*.html",)


def test_a_shard_of_scattered_pages_is_given_to_pagefind_in_groups():
    names = [f"p{number}.html" for number in range(MAX_ALTERNATIVES + 1)]
    briefings = [briefing(name, 2025) for name in names] + [briefing("x.html", 2024)]
    shard = shards_of(briefings, (1,))[0]
    assert len(shard.globs) == 2
    assert shard.globs[0].startswith("{") and shard.globs[0].count(",") == MAX_ALTERNATIVES - 1
    # No brace for a group of one.
    assert shard.globs[1] in names


def test_the_fingerprint_follows_every_page_byte_and_the_settings(tmp_path):
    (tmp_path / "a.html").write_text("<p>one</p>")
    (tmp_path / "b.html").write_text("<p>two</p>")
    shard = Shard((2025,), ("a.html", "b.html"))
    first = fingerprint(tmp_path, shard, "settings")
    assert fingerprint(tmp_path, shard, "settings") == first
    assert fingerprint(tmp_path, shard, "other settings") != first
    assert fingerprint(tmp_path, Shard((2025,), ("a.html",)), "settings") != first
    (tmp_path / "b.html").write_text("<p>two!</p>")
    assert fingerprint(tmp_path, shard, "settings") != first


SEARCHABLE_PAGE = """<html lang="en"><head><title>{title}</title></head><body>
<article class="briefing" data-pagefind-body><h1>{title}</h1>
<article class="quoted"><p>{quoted}</p></article><p>{body}</p></article>
<aside><h2>Related</h2><a href="/x/">{related}</a>{filter}</aside></body></html>"""


def page(**parts: str) -> bytes:
    """Return a briefing page with the given parts (the rest fixed)."""
    fixed = {"title": "Liaison", "quoted": "a", "body": "b", "related": "c", "filter": ""}
    return SEARCHABLE_PAGE.format(**{**fixed, **parts}).encode()


def test_the_fingerprint_reads_only_what_pagefind_reads_of_a_page():
    first = searchable_part(page())
    # What to read next is not indexed: another briefing's new title there changes nothing.
    assert searchable_part(page(related="Renamed")) == first
    # The head, the search body (past an element of its own kind inside it) and any
    # data-pagefind-* attribute, wherever it is, are.
    assert searchable_part(page(title="New title")) != first
    assert searchable_part(page(quoted="z")) != first
    assert searchable_part(page(body="z")) != first
    assert searchable_part(page(filter='<span data-pagefind-filter="tag">x</span>')) != first
    # A page with no search body counts whole.
    assert searchable_part(b"<p>no body</p>") == b"<p>no body</p>"


# The built site: the newest year's index and the older years', all searched at once.


def test_the_newest_year_and_the_older_years_have_an_index_each_listed_newest_first(shard_site):
    assert sorted(manifest(shard_site)) == ["2024-2025", "2026"]
    for folder, pages in (("2024-2025", 6), ("2026", 2)):
        entry = json.loads((shard_site / f"pagefind/{folder}/pagefind-entry.json").read_text())
        assert entry["languages"]["en"]["page_count"] == pages
    assert sorted(path.name for path in (shard_site / "pagefind").iterdir()) == [
        "2024-2025",
        "2026",
        "shards.json",
    ]
    form = read_page(shard_site, "search/").select_one("form#search")
    assert json.loads(form["data-shards"]) == [
        {"folder": "2026", "years": ["2026"]},
        {"folder": "2024-2025", "years": ["2025", "2024"]},
    ]


def test_a_word_is_found_in_every_year_and_counted_across_them(browser, shard_site):
    with searched(browser, shard_site, "?q=okapi", r"^3 briefings found for “okapi”") as page:
        # Best match first, across the years: the 2024 briefing says "okapi" four times.
        assert result_titles(page)[0] == OLDEST
        assert sorted(result_titles(page)) == sorted([OLDEST, MIDDLE, NEWEST])
        assert "Security (3)" in checkbox_labels(page, "tag")
        assert "Health (1)" in checkbox_labels(page, "tag")
        assert checkbox_labels(page, "year") == ["2026 (1)", "2025 (1)", "2024 (1)"]

        page.get_by_role("checkbox", name=re.compile(r"^Health")).check()
        wait_for_status(page, r"^1 briefing found")
        assert result_titles(page) == [OLDEST]
        assert page.problems == []


def test_facets_count_every_year_before_any_search(browser, shard_site):
    with searched(browser, shard_site, "", r"^Type a word") as page:
        assert checkbox_labels(page, "year") == ["2026 (2)", "2025 (2)", "2024 (4)"]
        tags = checkbox_labels(page, "tag")
        assert {"Health (4)", "Security (3)", "Trade (2)"} <= set(tags)
        page.get_by_role("checkbox", name=re.compile(r"^Trade")).check()
        wait_for_status(page, r"^2 briefings found")
        assert sorted(result_titles(page)) == ["Export licences", "Trade figures"]


def test_newest_first_runs_across_the_years(browser, shard_site):
    with searched(browser, shard_site, "?q=okapi&sort=date", r"^3 briefings found") as page:
        assert result_titles(page) == [NEWEST, MIDDLE, OLDEST]
        # Back to best match: the same briefings, the best one first again.
        page.select_option("#search-sort", "")
        page.locator(".search-result h2").first.filter(has_text=OLDEST).wait_for()
        assert sorted(result_titles(page)) == sorted([OLDEST, MIDDLE, NEWEST])


def test_newest_first_without_words_lists_every_briefing_by_date(browser, shard_site):
    address = "?sort=date&tag=Health&tag=Trade"
    with searched(browser, shard_site, address, r"^6 briefings found") as page:
        dates = result_dates(page)
        assert dates == sorted(dates, reverse=True)
        assert [d.year for d in dates] == [2026, 2025, 2024, 2024, 2024, 2024]


# Rebuilds: only the changed shard is indexed again, and nothing stale is ever found.


def test_editing_an_old_briefing_indexes_only_its_shard_again(browser, make_site):
    site = make_site(three_years())
    before = manifest(site)
    kept = files(site / "pagefind" / "2026")

    edited = three_years()
    edited["2025/okapi.md"] = edited["2025/okapi.md"].replace(
        "An okapi crossed", "A pangolin crossed"
    )
    site = make_site(edited)

    after = manifest(site)
    assert after["2024-2025"] != before["2024-2025"]
    assert after["2026"] == before["2026"]
    # The unchanged shard's files are the last build's own (linked, not written again).
    assert files(site / "pagefind" / "2026") == kept

    with searched(browser, site, "?q=pangolin", r"^1 briefing found for “pangolin”") as page:
        assert result_titles(page) == [MIDDLE]
    with searched(browser, site, "?q=okapi", r"^2 briefings found for “okapi”") as page:
        assert sorted(result_titles(page)) == sorted([OLDEST, NEWEST])


def test_editing_a_briefing_of_the_newest_year_leaves_the_older_years_index(make_site):
    site = make_site(three_years())
    before = manifest(site)
    kept = files(site / "pagefind" / "2024-2025")

    edited = three_years()
    # The body only: a title is also shown on other briefings' pages (related briefings).
    edited["2026/okapi.md"] = edited["2026/okapi.md"].replace("carry an okapi", "carry a tapir")
    site = make_site(edited)

    after = manifest(site)
    assert after["2026"] != before["2026"]
    assert after["2024-2025"] == before["2024-2025"]
    assert files(site / "pagefind" / "2024-2025") == kept


def test_a_new_title_shown_on_older_briefings_pages_leaves_their_index(make_site):
    site = make_site(three_years())
    before = manifest(site)
    edited = three_years()
    edited["2026/okapi.md"] = edited["2026/okapi.md"].replace(NEWEST, "Ferries carry a tapir")
    site = make_site(edited)
    # The older briefings' pages list the new title among their related briefings ...
    older = [
        path
        for path in (site / "briefings" / "2025").rglob("index.html")
        if "Ferries carry a tapir" in path.read_text(encoding="utf-8")
    ]
    assert older
    # ... which Pagefind does not index, so only the newest year's index is made again.
    after = manifest(site)
    assert after["2026"] != before["2026"]
    assert after["2024-2025"] == before["2024-2025"]


def test_a_briefing_of_a_new_year_moves_the_bands(browser, make_site):
    older = {name: text for name, text in three_years().items() if not name.startswith("2026/")}
    site = make_site(older)
    assert sorted(manifest(site)) == ["2024", "2025"]
    site = make_site(three_years())

    assert sorted(manifest(site)) == ["2024-2025", "2026"]
    assert not (site / "pagefind/2025").exists()
    assert not (site / "pagefind/2024").exists()
    with searched(browser, site, "?q=okapi&sort=date", r"^3 briefings found") as page:
        assert result_titles(page) == [NEWEST, MIDDLE, OLDEST]
        assert page.problems == []


def test_the_bands_are_a_setting(make_site):
    site = make_site(three_years(), SEARCH_INDEX_BANDS=(1, 1))
    assert sorted(manifest(site)) == ["2024", "2025", "2026"]
    site = make_site({}, SEARCH_INDEX_BANDS=())
    assert sorted(manifest(site)) == ["2024-2026"]
    form = read_page(site, "search/").select_one("form#search")
    assert json.loads(form["data-shards"]) == [
        {"folder": "2024-2026", "years": ["2026", "2025", "2024"]}
    ]


def test_a_page_limit_splits_the_older_years_and_search_still_covers_them(browser, make_site):
    # The 2024 and 2025 briefings of three_years() are 4 and 2 pages: a limit of 4 parts them.
    site = make_site(three_years(), SEARCH_INDEX_SHARD_PAGES=4)
    assert sorted(manifest(site)) == ["2024", "2025", "2026"]
    form = read_page(site, "search/").select_one("form#search")
    assert [shard["folder"] for shard in json.loads(form["data-shards"])] == [
        "2026", "2025", "2024",
    ]  # fmt: skip
    with searched(browser, site, "?q=okapi&sort=date", r"^3 briefings found") as page:
        assert result_titles(page) == [NEWEST, MIDDLE, OLDEST]
        assert page.problems == []


@pytest.mark.parametrize("limit", [0, "12000", 2.5, True])
def test_a_shard_page_limit_that_is_not_a_whole_number_is_refused(make_site, limit):
    with pytest.raises(ValueError) as stopped:
        make_site(three_years(), SEARCH_INDEX_SHARD_PAGES=limit, SEARCH_INDEX_ENABLED=False)
    assert "search_index: SEARCH_INDEX_SHARD_PAGES must be a whole number of at least 1" in str(
        stopped.value
    )


@pytest.mark.parametrize("bands", [(0,), [1, "4"], 1, (True,)])
def test_bands_that_are_not_whole_years_are_refused(make_site, bands):
    with pytest.raises(ValueError) as stopped:
        make_site(three_years(), SEARCH_INDEX_BANDS=bands, SEARCH_INDEX_ENABLED=False)
    message = str(stopped.value)
    assert "search_index: SEARCH_INDEX_BANDS must be a list of years per shard" in message


def test_pagefind_its_configuration_and_this_plugin_are_in_every_fingerprint(monkeypatch):
    code = list((ROOT / "plugins/search_index").glob("*.py"))
    first = index_settings({"force_language": "en", "output_path": "a"}, code)
    # Where the shard is written does not change it; its language does.
    assert index_settings({"force_language": "en", "output_path": "b"}, code) == first
    assert index_settings({"force_language": "de", "output_path": "a"}, code) != first
    assert index_settings({"force_language": "en"}, code[:-1]) != first
    monkeypatch.setattr(versions.metadata, "version", lambda package: "9.9.9")
    assert index_settings({"force_language": "en", "output_path": "a"}, code) != first


def test_a_year_without_briefings_leaves_the_index(browser, make_site, tmp_path):
    site = make_site(three_years())
    assert (site / "pagefind/2024-2025").is_dir()
    for name in ("okapi.md", "dec.md"):
        (tmp_path / "content/briefings/2025" / name).unlink()
    site = make_site({})

    assert sorted(manifest(site)) == ["2024", "2026"]
    assert not (site / "pagefind/2024-2025").exists()
    form = read_page(site, "search/").select_one("form#search")
    assert [shard["folder"] for shard in json.loads(form["data-shards"])] == ["2026", "2024"]
    with searched(browser, site, "", r"^Type a word") as page:
        assert checkbox_labels(page, "year") == ["2026 (2)", "2024 (4)"]
        assert page.problems == []


def test_a_bundle_with_an_empty_file_is_not_written_whole(tmp_path):
    (tmp_path / "fragment").mkdir()
    (tmp_path / "fragment" / "en_1.pf_fragment").write_bytes(b"\x1f\x8b data")
    (tmp_path / "pagefind-entry.json").write_text('{"languages": {}}')
    assert search_index.index.written_whole(tmp_path)
    (tmp_path / "fragment" / "en_2.pf_fragment").write_bytes(b"")
    assert not search_index.index.written_whole(tmp_path)
    (tmp_path / "fragment" / "en_2.pf_fragment").write_bytes(b"data")
    (tmp_path / "pagefind-entry.json").write_text("")
    assert not search_index.index.written_whole(tmp_path)


def test_a_shard_left_unfinished_by_pagefind_is_indexed_again(tmp_path, monkeypatch):
    calls = []

    async def flaky_build(site, shard, folder):
        calls.append(shard.folder)
        folder.mkdir(parents=True)
        # The first time, as Pagefind sometimes leaves it: a file created, never written.
        (folder / "pagefind-entry.json").write_text("" if len(calls) == 1 else "{}")

    monkeypatch.setattr(search_index.index, "build_shard", flaky_build)
    plan = search_index.index.Plan(tmp_path, tmp_path / "pagefind", [Shard((2025,), ())])
    # In a thread, as in a build: a browser test may have left this one's event loop running.
    with ThreadPoolExecutor(max_workers=1) as thread:
        folder = tmp_path / "pagefind" / "2025"
        thread.submit(search_index.index._build_whole, plan, plan.shards[0], folder).result()
    assert calls == ["2025", "2025"]
    assert (tmp_path / "pagefind" / "2025" / "pagefind-entry.json").read_text() == "{}"
