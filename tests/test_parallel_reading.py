"""Briefings read in worker processes make the same site, and their problems are reported once."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from archive.build import BuildError, recorded

from .conftest import minimal_briefing

IN_WORKERS = {"PARALLEL_READING_PROCESSES": 2, "PARALLEL_READING_MIN_FILES": 1}
IN_ONE_LOOP = {"PARALLEL_READING_PROCESSES": 1}


def archive() -> dict[str, str]:
    """Return twenty briefings over two years, several tags, and a cross-reference."""
    briefings = {
        f"{2025 + i % 2}/number-{i:02d}.md": minimal_briefing(
            f"Briefing number {i}",
            f"{2025 + i % 2}-0{1 + i % 9}-1{i % 10}",
            tags=["security", "trade", "health"][i % 3],
            body=f'Paragraph with "quotes" -- and a dash, number {i}.\n\n* one\n* two\n',
        )
        for i in range(20)
    }
    briefings["2026/linking.md"] = minimal_briefing(
        "Linking", "2026-03-01", body="See [number one]({filename}number-01.md)."
    )
    return briefings


def site_files(site: Path) -> dict[str, bytes]:
    """Return every file of a built site except the search index, whose bytes vary run to run."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("*")
        if path.is_file() and "pagefind" not in path.relative_to(site).parts
    }


def test_workers_make_the_same_site_as_one_loop(make_site, tmp_path, caplog):
    caplog.set_level(logging.DEBUG, logger="parallel_reading")
    parallel = site_files(make_site(archive(), CACHE_PATH=str(tmp_path / "a"), **IN_WORKERS))
    assert "read 21 of 21 briefings in 2 processes" in caplog.text
    sequential = site_files(make_site(archive(), CACHE_PATH=str(tmp_path / "b"), **IN_ONE_LOOP))
    assert "briefings/2026/02/number-01/index.html" in parallel
    assert parallel.keys() == sequential.keys()
    assert [name for name in parallel if parallel[name] != sequential[name]] == []
    linking = parallel["briefings/2026/03/linking/index.html"].decode()
    # {filename} links are resolved against the site's context, not a worker's copy of it.
    assert 'href="../../../../briefings/2026/02/number-01/"' in linking


def test_a_warning_from_a_worker_is_reported_once_on_every_build(make_site, tmp_path):
    briefings = archive()
    briefings["2026/raw.md"] = minimal_briefing(
        "Raw", "2026-04-01", body="Text.\n\n<script>alert(1)</script>\n"
    )
    for _ in range(2):  # the second build must not take the warned file from the cache
        with recorded() as log:
            make_site(briefings, **IN_WORKERS)
        removals = [str(p) for p in log.problems if "removed the <script>" in str(p)]
        assert len(removals) == 1, [str(p) for p in log.problems]


def test_a_broken_file_is_reported_once_and_the_others_published(make_site, tmp_path):
    briefings = archive()
    briefings["2026/broken.md"] = minimal_briefing(
        "Broken", "2026-04-01", spokesperson="Nobody Atall"
    )
    with recorded() as log, pytest.raises(BuildError):
        make_site(briefings, **IN_WORKERS)
    spokesperson = [str(p) for p in log.problems if "broken.md" in str(p)]
    assert len(spokesperson) == 1, spokesperson
    with recorded() as log:
        site = make_site(briefings, lenient=True, **IN_WORKERS)
    assert len([p for p in log.problems if "broken.md" in str(p)]) == 1
    assert (site / "briefings/2026/02/number-01/index.html").exists()
    assert not (site / "briefings/2026/04/broken").exists()


@pytest.mark.parametrize("value", [0, "2", True, -1])
def test_a_wrong_number_of_processes_is_refused(make_site, value):
    with pytest.raises(ValueError, match="PARALLEL_READING_PROCESSES"):
        make_site(archive(), PARALLEL_READING_PROCESSES=value)
