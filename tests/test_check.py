"""`invoke check` reads and checks everything as a build does, and writes nothing."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals

from archive.check import check_site

from .conftest import minimal_briefing

BRIEFINGS = {
    "2026/first.md": minimal_briefing("First briefing", "2026-01-05"),
    "2026/second.md": minimal_briefing("Second briefing", "2026-01-06"),
}
# What each run's output folder held when it finished (file: text), for the test to read.
outputs: list[dict[str, str]] = []


def keep_output(pelican: Any) -> None:
    """Keep every file of the run's output folder, before the check deletes the folder."""
    folder = Path(pelican.output_path)
    files = (path for path in folder.rglob("*") if path.is_file())
    outputs.append({str(path.relative_to(folder)): path.read_text() for path in files})


def test_check_after_a_build_in_the_same_process_renders_no_page(make_site, tmp_path, caplog):
    # The build connects the plugins' receivers, the incremental writer's among them.
    make_site(BRIEFINGS)
    manifest = tmp_path / "cache/incremental-pages.json"
    built = manifest.read_bytes()
    caplog.set_level(logging.WARNING)
    outputs.clear()
    signals.finalized.connect(keep_output)
    try:
        report = check_site(PATH=str(tmp_path / "content"), CACHE_PATH=str(tmp_path / "cache"))
    finally:
        signals.finalized.disconnect(keep_output)
    assert report.ok and report.published == 2
    (written,) = outputs
    # No page rendered and no feed written through Pelican's writer; the data files some
    # plugins write beside it land in the check's throwaway folder.
    assert not [name for name in written if name.endswith(".html")]
    assert not {"feeds/all.atom.xml", "feeds/tags/security.atom.xml"} & set(written)
    assert "writers found" not in caplog.text
    # The check leaves the last build's record alone: the next build reuses its pages.
    assert manifest.read_bytes() == built
