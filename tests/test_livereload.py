"""The live preview: an edit rebuilds the site and reloads the open page; a mistake does not."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import free_port, minimal_briefing, wait_until_serving, write

PAGE = "/briefings/2026/01/first/"


def start_livereload(project: Path, port: int, log: Path) -> subprocess.Popen:
    """Start `invoke livereload` on ``port`` in ``project``, its output going to ``log``."""
    with log.open("w") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "invoke", "livereload", "--port", str(port)],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


@pytest.fixture
def preview(project):
    """Start `invoke livereload` in a copy of the project; yield its URL once it serves the page."""
    port = free_port()
    log = project / "livereload.log"
    server = start_livereload(project, port, log)
    url = f"http://127.0.0.1:{port}"
    try:
        # The briefing's page exists once the first build is in place.
        wait_until_serving(server, f"{url}{PAGE}", log)
        yield url, log
    finally:
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


def test_a_preview_that_cannot_start_fails_the_wait_with_its_reason(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        log = project / "livereload.log"
        server = start_livereload(project, port, log)
        with pytest.raises(pytest.fail.Exception, match="cannot listen on") as failed:
            wait_until_serving(server, f"http://127.0.0.1:{port}{PAGE}", log)
    assert "exited (1)" in str(failed.value)
