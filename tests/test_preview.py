"""The local preview server answers as a static host would."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from archive.preview import PortBusyError, serve


@pytest.fixture
def preview_url(sample_url):
    return sample_url


def test_directory_urls_serve_their_index(preview_url):
    with urllib.request.urlopen(f"{preview_url}/tags/fentanyl/", timeout=5) as response:
        assert response.status == 200
        assert b"Briefings tagged" in response.read()


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
