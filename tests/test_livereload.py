"""The live preview: an edit rebuilds the site and reloads the open page; a mistake does not."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import minimal_briefing, write

PAGE = "/briefings/2026/01/first/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def preview(project):
    """Start `invoke livereload` in a copy of the project; yield its URL and its output file."""
    port = free_port()
    log = project / "livereload.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "invoke", "livereload", "--port", str(port)],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}{PAGE}", timeout=2):
                break
        except OSError:
            time.sleep(0.2)
    yield url, log
    server.terminate()
    server.wait(timeout=30)


def wait_for(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_editing_a_briefing_reloads_the_open_page(preview, project, page):
    url, log = preview
    page.goto(f"{url}{PAGE}")
    assert page.title().startswith("First briefing")
    write(project, "2026/first.md", minimal_briefing("First briefing, corrected", "2026-01-05"))
    # No navigation by the test: the page reloads itself when the rebuild is in place.
    wait_for(lambda: page.title().startswith("First briefing, corrected"))
    assert log.read_text().count("Rebuilt in") >= 2  # the first build, then this one


def test_a_mistake_is_reported_and_the_last_good_build_stays(preview, project):
    url, log = preview
    write(project, "2026/bad.md", "Title: Bad\nDate: 2026-13-01\nSpokesperson: Mara Okonkwo\n")
    wait_for(lambda: "still serving the last good build" in log.read_text())
    assert "content/briefings/2026/bad.md:2: Date: '2026-13-01' is not a real date" in (
        log.read_text()
    )
    with urllib.request.urlopen(f"{url}{PAGE}", timeout=5) as response:
        assert b"First briefing" in response.read()
    write(project, "2026/bad.md", minimal_briefing("Fixed at last", "2026-01-08"))
    wait_for(lambda: log.read_text().count("Rebuilt in") >= 2)  # the first build, then this
    with urllib.request.urlopen(f"{url}/briefings/2026/01/bad/", timeout=5) as response:
        assert b"Fixed at last" in response.read()
