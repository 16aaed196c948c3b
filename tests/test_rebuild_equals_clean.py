"""Every build equals a clean build of the same content: rebuilds, edits undone, publications."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from lxml import etree

from archive.build import build_site
from archive.paths import PUBLISH_SETTINGS, ROOT
from archive.publish import publish_site
from bench.corpus import write_corpus
from bench.run import edit_one

from .conftest import minimal_briefing

SEARCH_FOLDER = "pagefind"
LIAISON = "briefings/2026/india-canada-liaison-officers.md"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# Written by every build, listed in no sitemap: the search pages, the "not found" page, the
# sample's withdrawn briefing (kept at its address, listed nowhere) and a moved briefing's old
# address (a redirect, which search engines are told about by its canonical link instead).
UNLISTED = {
    "404.html",
    "search/",
    "hi/search/",
    "briefings/2025/11/offshore-wind-licensing/",
    "briefings/2025/03/ransomware-reporting-guidance/",
}
PUBLIC_SITEURL = "https://briefings.test"
# The bench corpus at a size the suite can afford; issue 22 asks for 1,000, which is
# `REBUILD_BENCH_BRIEFINGS=1000 python3 dev.py test --args "-k bench_corpus"` (docs/development.md).
BENCH_BRIEFINGS = int(os.environ.get("REBUILD_BENCH_BRIEFINGS", "50"))


def checksums(site: Path) -> dict[str, str]:
    """Return every file's checksum by path, outside the search index's own folder."""
    return {
        str(path.relative_to(site)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.relative_to(site).parts[0] != SEARCH_FOLDER
    }


def search_records(site: Path) -> dict[str, list[dict]]:
    """Return what each year's search index holds: every page's address, text and filters."""
    # Pagefind names its files by hashes that differ from run to run, so two indexes of the
    # same pages are compared by what a search can return from them.
    records = {}
    for year in sorted((site / SEARCH_FOLDER).iterdir()):
        if not year.is_dir():
            continue
        fragments = [
            json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
            for path in (year / "fragment").iterdir()
        ]
        records[year.name] = sorted(fragments, key=lambda fragment: fragment["url"])
    return records


def assert_same_site(built: Path, clean: Path) -> None:
    """Assert that ``built`` has exactly the files of ``clean``, byte for byte."""
    expected, actual = checksums(clean), checksums(built)
    assert sorted(actual) == sorted(expected), "the files differ from a clean build's"
    differing = [name for name in expected if actual[name] != expected[name]]
    assert not differing, f"these files differ from a clean build's: {differing}"
    assert search_records(built) == search_records(clean)


def sitemap_addresses(site: Path) -> set[str]:
    """Return the sitemap's addresses, relative to the site."""
    tree = etree.parse(str(site / "sitemap.xml"))
    return {loc.text.split("/", 3)[3] for loc in tree.findall(".//s:loc", SITEMAP_NS)}


def published_pages(site: Path) -> set[str]:
    """Return the address of every HTML page in the site, as a reader types it."""
    pages = set()
    for path in site.rglob("*.html"):
        name = str(path.relative_to(site))
        if not name.startswith(f"{SEARCH_FOLDER}/"):
            pages.add(name.removesuffix("index.html"))
    return pages - UNLISTED


@pytest.fixture
def archive(tmp_path: Path):
    """Return a copy of the sample content and functions that build it, live or from scratch."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    clean_builds = iter(range(1000))

    def build_live() -> Path:
        return build_site(
            PATH=str(content),
            OUTPUT_PATH=str(tmp_path / "live"),
            CACHE_PATH=str(tmp_path / "cache"),
            remove_later=False,
        )

    def build_clean() -> Path:
        folder = tmp_path / f"clean-{next(clean_builds)}"
        return build_site(
            PATH=str(content),
            OUTPUT_PATH=str(folder / "output"),
            CACHE_PATH=str(folder / "cache"),
            remove_later=False,
        )

    return content, build_live, build_clean


# The clean build of the unchanged sample content is the session's sample_site: the same
# content and settings, built from scratch once for every test that compares with it.


def test_a_rebuild_with_nothing_changed_equals_a_clean_build(archive, sample_site):
    _content, build_live, _build_clean = archive
    clean = sample_site
    build_live()
    rebuilt = build_live()
    assert_same_site(rebuilt, clean)
    assert sitemap_addresses(rebuilt) == published_pages(rebuilt)
    assert len(sitemap_addresses(rebuilt)) >= 50


def test_an_edit_and_its_undoing_each_equal_a_clean_build(archive, sample_site):
    content, build_live, build_clean = archive
    original = sample_site
    build_live()
    briefing = content / LIAISON
    text = briefing.read_text(encoding="utf-8")
    briefing.write_text(
        text.replace("Title: India and Canada", "Title: Canada and India", 1), encoding="utf-8"
    )
    edited = build_live()
    assert "Canada and India agree" in (edited / "index.html").read_text(encoding="utf-8")
    assert_same_site(edited, build_clean())
    briefing.write_text(text, encoding="utf-8")
    assert_same_site(build_live(), original)


def test_a_briefing_added_then_deleted_each_equal_a_clean_build(archive, sample_site):
    content, build_live, build_clean = archive
    original = sample_site
    build_live()
    added = content / "briefings/2026/harbour-pilot-shortage.md"
    added.write_text(
        minimal_briefing("Harbour pilot shortage eased", "2026-11-20 10:00"), encoding="utf-8"
    )
    grown = build_live()
    assert (grown / "briefings/2026/11/harbour-pilot-shortage/index.html").is_file()
    assert "briefings/2026/11/harbour-pilot-shortage/" in sitemap_addresses(grown)
    assert_same_site(grown, build_clean())
    added.unlink()
    shrunk = build_live()
    assert not (shrunk / "briefings/2026/11").exists()
    assert_same_site(shrunk, original)


def test_publishing_twice_to_a_folder_equals_a_clean_public_build(tmp_path):
    overrides = {"PATH": str(ROOT / "content"), "SITEURL": PUBLIC_SITEURL}
    overrides["PUBLIC_SITEURL"] = PUBLIC_SITEURL
    clean = build_site(
        PUBLISH_SETTINGS,
        OUTPUT_PATH=str(tmp_path / "clean"),
        CACHE_PATH=str(tmp_path / "clean-cache"),
        remove_later=False,
        **overrides,
    )
    target = tmp_path / "www"
    for _ in range(2):
        publish_site(str(target), CACHE_PATH=str(tmp_path / "cache"), **overrides)
    assert_same_site(target, clean)
    listed = sitemap_addresses(target)
    assert listed == published_pages(target)
    assert "briefings/2026/02/india-canada-liaison-officers/" in listed


def test_the_bench_corpus_after_an_edit_equals_a_clean_build(tmp_path):
    # Every feature on generated content: stories, transcripts, corrections, moves,
    # withdrawals and Hindi translations, across 15 years of search-index shards.
    content = write_corpus(tmp_path / "content", BENCH_BRIEFINGS)

    def build(output: str, cache: str) -> Path:
        return build_site(
            PATH=str(content),
            OUTPUT_PATH=str(tmp_path / output),
            CACHE_PATH=str(tmp_path / cache),
            remove_later=False,
        )

    build("live", "cache")
    edited = edit_one(content, BENCH_BRIEFINGS // 2)
    rebuilt = build("live", "cache")
    assert "Title: Corrected: " in edited.read_text(encoding="utf-8")
    assert_same_site(rebuilt, build("clean", "clean-cache"))
    assert sitemap_addresses(rebuilt) == published_pages(rebuilt) - bench_unlisted(rebuilt)


def bench_unlisted(site: Path) -> set[str]:
    """Return the generated corpus's pages that no sitemap lists: withdrawn and moved ones."""
    unlisted = {"404.html", "search/", "hi/search/"}
    for path in site.rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        if 'class="withdrawn-notice' in text or 'http-equiv="refresh"' in text:
            unlisted.add(str(path.relative_to(site)).removesuffix("index.html"))
    return unlisted
