"""The commands editors run: a broken or killed build never touches the published output."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from .conftest import invoke, minimal_briefing, write
from .test_content_checks import snapshot

TEST_PLUGINS = Path(__file__).parent / "plugins"


def test_strict_build_and_check_exit_non_zero_naming_file_and_line(project):
    assert invoke(project, "build").returncode == 0
    before = snapshot(project / "output")
    write(project, "2026/bad.md", "Title: Bad\nDate: February 2026\nSpokesperson: Mara Okonkwo\n")
    built = invoke(project, "build")
    assert built.returncode == 1
    said = built.stdout + built.stderr
    assert "content/briefings/2026/bad.md:2: Date: 'February 2026' is not a full date" in said
    assert "output/ was left as it was" in said
    assert snapshot(project / "output") == before
    checked = invoke(project, "check")
    assert checked.returncode == 1
    assert "\n  content/briefings/2026/bad.md:2: Date:" in checked.stdout
    lenient = invoke(project, "build", "--lenient")
    assert lenient.returncode == 0
    assert (project / "output/briefings/2026/01/first/index.html").exists()


def test_a_failed_build_says_only_that_it_failed(project):
    write(project, "2026/bad.md", "Title: Bad\nDate: February 2026\nSpokesperson: Mara Okonkwo\n")
    failed = invoke(project, "build")
    said = failed.stdout + failed.stderr
    assert failed.returncode == 1
    assert "Build failed with 1 error(s); output/ was left as it was." in said
    assert "Done:" not in said
    (project / "content/briefings/2026/bad.md").unlink()
    built = invoke(project, "build")
    assert built.returncode == 0
    assert "Done: Processed 1 article" in built.stdout


def test_check_lists_scheduled_briefings_which_are_not_published(project):
    write(project, "2026/future.md", minimal_briefing("Next year's plan", "2099-03-01 09:00"))
    checked = invoke(project, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "scheduled: content/briefings/2026/future.md publishes on 2099-03-01 09:00" in (
        checked.stdout
    )
    assert "1 briefing(s) ready to publish, 1 scheduled, 0 draft(s)." in checked.stdout
    assert "Done: Processed" not in checked.stdout
    assert invoke(project, "build").returncode == 0
    assert not list((project / "output/briefings").rglob("future"))
    published = (project / "output/feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "Next year" not in published


def test_killed_build_leaves_the_last_good_output_exactly_as_it_was(project):
    # The test plugin holds the build at its first briefing page, after saying so on a pipe.
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write(f"\nPLUGIN_PATHS += [{str(TEST_PLUGINS)!r}]\nPLUGINS += ['pause_build']\n")
    for number in range(20):
        day = f"2025-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
        write(project, f"2025/b{number}.md", minimal_briefing(f"Briefing {number}", day))
    assert invoke(project, "build").returncode == 0
    before = snapshot(project / "output")
    write(project, "2026/first.md", minimal_briefing("First briefing, corrected", "2026-01-05"))
    read_end, write_end = os.pipe()
    try:
        build = subprocess.Popen(
            [sys.executable, "-m", "invoke", "build"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PAUSE_BUILD_FD": str(write_end)},
            pass_fds=[write_end],
        )
    finally:
        os.close(write_end)  # The build holds the only write end: its exit reads as EOF.
    try:
        with os.fdopen(read_end, encoding="utf-8") as said:
            ready, _, _ = select.select([said], [], [], 120)
            held_at = said.readline() if ready else ""
        assert held_at, f"the build never wrote a briefing page (exit code {build.poll()})"
        # Kill it while it writes pages into its staging folder.
        staging = list(project.glob(f".output.building-{build.pid}-*/briefings"))
        assert staging and held_at.startswith(str(staging[0].parent)), held_at
    finally:
        os.kill(build.pid, signal.SIGKILL)
        build.wait(timeout=60)
    assert build.returncode == -signal.SIGKILL
    assert snapshot(project / "output") == before
    # The next build clears the leftover and publishes the correction.
    assert invoke(project, "build").returncode == 0
    assert not list(project.glob(".output.building-*"))
    page = project / "output/briefings/2026/01/first/index.html"
    assert "corrected" in page.read_text(encoding="utf-8")


def test_the_replaced_site_is_removed_after_the_new_one_is_live(make_site, tmp_path):
    make_site({"2026/first.md": minimal_briefing("First", "2026-01-05")})
    make_site({"2026/second.md": minimal_briefing("Second", "2026-01-06")})
    assert (tmp_path / "output/briefings/2026/01/second/index.html").exists()
    # The old site is parked beside output/ and deleted by a process of its own.
    deadline = time.monotonic() + 30
    while list(tmp_path.glob(".output.replaced-*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not list(tmp_path.glob(".output.replaced-*"))


def test_a_removal_cut_short_is_finished_by_the_next_build(make_site, tmp_path):
    parked = tmp_path / ".output.replaced-killed"
    (parked / "site" / "briefings").mkdir(parents=True)
    (parked / "site" / "briefings" / "old.html").write_text("old", encoding="utf-8")
    briefings = {"2026/first.md": minimal_briefing("First", "2026-01-05")}
    with (parked / "removing.lock").open("w") as lock:
        # A removal still running holds the lock: the build leaves its folder alone.
        fcntl.flock(lock, fcntl.LOCK_EX)
        make_site(briefings)
        assert (parked / "site" / "briefings" / "old.html").exists()
    make_site(briefings)
    assert not parked.exists()
