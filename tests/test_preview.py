"""The local preview server answers as a static host would."""

from __future__ import annotations

import gzip
import subprocess
import sys
import urllib.error
import urllib.request
from urllib.parse import unquote, urljoin

import feedparser
import pytest
from bs4 import BeautifulSoup

from archive.paths import ROOT
from archive.ports import PortBusyError
from archive.preview import (
    PreviewHandler,
    PreviewServer,
    build_for_preview,
    built_for_preview,
    serve,
)

from .conftest import free_port, invoke, read_page, wait_until_serving
from .pages import BRIEFING


@pytest.fixture
def preview_url(sample_url):
    return sample_url


def test_directory_urls_serve_their_index(preview_url):
    with urllib.request.urlopen(f"{preview_url}/tags/fentanyl/", timeout=5) as response:
        assert response.status == 200
        assert b"Briefings tagged" in response.read()


@pytest.mark.parametrize(
    "address", ["/", "/tags/fentanyl/", "/theme/css/archive.css", "/briefings.json"]
)
def test_text_is_compressed_for_a_browser_that_accepts_gzip(preview_url, sample_site, address):
    asked = urllib.request.Request(preview_url + address, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(asked, timeout=5) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        body = gzip.decompress(response.read())
    file = sample_site / address.lstrip("/")
    assert body == (file / "index.html" if file.is_dir() else file).read_bytes()
    # A client that does not say it accepts gzip gets the file as it is.
    with urllib.request.urlopen(preview_url + address, timeout=5) as response:
        assert response.headers["Content-Encoding"] is None
        assert response.read() == body


def test_missing_page_gets_the_404_page(preview_url):
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(f"{preview_url}/no/such/briefing/", timeout=5)
    assert raised.value.code == 404
    assert b"Page not found" in raised.value.read()


def test_404_page_links_work_at_any_depth(preview_url):
    missing = f"{preview_url}/a/b/c/"
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(missing, timeout=5)
    soup = BeautifulSoup(raised.value.read(), "lxml")
    hrefs = [soup.select_one("link[rel=stylesheet]")["href"]]
    hrefs += [a["href"] for a in soup.select("main a")]
    for href in hrefs:
        with urllib.request.urlopen(urljoin(missing, href), timeout=5) as response:
            assert response.status == 200, href


def test_busy_port_is_a_clear_error(preview_url, sample_site):
    port = int(preview_url.rsplit(":", 1)[1])
    with pytest.raises(PortBusyError, match=f"--port {port + 1}"):
        serve(sample_site, "127.0.0.1", port)


# Building for the preview's own address.

PREVIEW = "http://127.0.0.1:8123"
TEXT_FILES = {".html", ".xml", ".json", ".csv", ".txt", ".js"}


def test_a_build_for_a_port_carries_that_port_in_every_address(tmp_path):
    site = build_for_preview(
        "127.0.0.1",
        8123,
        output=tmp_path / "output",
        PATH=str(ROOT / "content"),
        CACHE_PATH=str(tmp_path / "cache"),
    )
    with_8000 = [
        str(path.relative_to(site))
        for path in site.rglob("*")
        if path.suffix in TEXT_FILES and "8000" in path.read_text(encoding="utf-8")
    ]
    assert with_8000 == []
    briefing = read_page(site, BRIEFING)
    address = f"{PREVIEW}{BRIEFING}"
    assert briefing.select_one("link[rel=canonical]")["href"] == address
    assert briefing.select_one(".page-address a")["href"] == address
    shares = [a["href"] for a in briefing.select(".share a")]
    assert shares and all(address in unquote(href) for href in shares)
    feed = feedparser.parse((site / "feeds/all.atom.xml").read_bytes())
    assert feed.entries and all(e.link.startswith(f"{PREVIEW}/") for e in feed.entries)
    cache = {"CACHE_PATH": str(tmp_path / "cache")}
    assert built_for_preview(site, "127.0.0.1", 8123, **cache)
    assert not built_for_preview(site, "127.0.0.1", 8000, **cache)


def test_serve_rebuilds_a_site_built_for_another_port(project):
    assert invoke(project, "build").returncode == 0  # For the default address, port 8000.
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    for run in ("first", "second"):
        log = project / f"serve-{run}.log"
        with log.open("w") as output:
            server = subprocess.Popen(
                [sys.executable, "-m", "invoke", "serve", "--port", str(port)],
                cwd=project,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            wait_until_serving(server, f"{url}/briefings/2026/01/first/", log)
            with urllib.request.urlopen(f"{url}/briefings/2026/01/first/", timeout=5) as page:
                soup = BeautifulSoup(page.read(), "lxml")
        finally:
            server.terminate()
            server.wait(timeout=30)
        assert soup.select_one(".page-address a")["href"] == f"{url}/briefings/2026/01/first/"
        # Built for this port the first time; the second time, served as it is.
        assert ("Building output/" in log.read_text()) == (run == "first"), log.read_text()


def test_a_browser_leaving_mid_page_prints_no_traceback_but_a_real_error_does(tmp_path, capsys):
    # A reader (or a test's browser) that closes the page drops its requests: the preview
    # and the test output stay quiet about it, and still show an error of the site's own.
    server = PreviewServer(str(tmp_path), ("127.0.0.1", 0), PreviewHandler)
    with server:
        for error in (BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "reset")):
            try:
                raise error
            except ConnectionError:
                server.handle_error(None, ("127.0.0.1", 1))
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a page that cannot be read")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 1))
    assert "ValueError: a page that cannot be read" in capsys.readouterr().err
