"""The built sample site as a whole: every page type, every link, valid HTML."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup

from .toolchain import vnu_command

PUBLIC_SITEURL = "http://127.0.0.1:8000/"
EXPECTED_PAGES = [
    "index.html",
    "page/2/index.html",
    "briefings/2026/02/india-canada-liaison-officers/index.html",
    "tags/index.html",
    "tags/fentanyl/index.html",
    "spokespeople/index.html",
    "spokespeople/randhir-jaiswal/index.html",
    "archives/index.html",
    "archives/2026/index.html",
    "archives/2026/02/index.html",
    "404.html",
    "feeds/all.atom.xml",
    "feeds/tags/fentanyl.atom.xml",
    "feeds/spokespeople/randhir-jaiswal.atom.xml",
    "theme/css/archive.css",
    "search/index.html",
    "theme/js/search.js",
    "pagefind/2026/pagefind.js",
    "briefings.json",
    "briefings.csv",
    "feeds/all.json",
    "sitemap.xml",
    "robots.txt",
]


def test_every_page_type_is_built(sample_site):
    missing = [path for path in EXPECTED_PAGES if not (sample_site / path).is_file()]
    assert missing == []


def local_target(site: Path, page: Path, url: str) -> tuple[Path, str] | None:
    """Return the file and fragment an internal link points to, or None for external ones."""
    if url.startswith(PUBLIC_SITEURL):
        url = "/" + url[len(PUBLIC_SITEURL) :]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        target = site / unquote(parts.path).lstrip("/")
    elif parts.path:
        target = (page.parent / unquote(parts.path)).resolve()
    else:
        target = page
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def internal_links(site: Path):
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for element in soup.select("a[href], link[href], script[src], img[src]"):
            url = element.get("href") or element.get("src")
            target = local_target(site, page, url)
            if target:
                yield page, url, *target
    for feed_file in sorted(site.rglob("*.xml")):
        for entry in feedparser.parse(feed_file.read_bytes()).entries:
            target = local_target(site, feed_file, entry.link)
            assert target, f"{feed_file}: entry link {entry.link} leaves the site"
            yield feed_file, entry.link, *target


def test_every_internal_link_resolves(sample_site):
    broken = []
    checked = 0
    for page, url, target, fragment in internal_links(sample_site):
        checked += 1
        if not target.is_file() or sample_site.resolve() not in target.resolve().parents:
            broken.append(f"{page.relative_to(sample_site)}: {url}")
        elif fragment:
            soup = BeautifulSoup(target.read_text(encoding="utf-8"), "lxml")
            if soup.find(id=fragment) is None:
                broken.append(f"{page.relative_to(sample_site)}: {url} (no #{fragment})")
    assert checked > 500
    assert broken == []


def test_no_external_resources_are_loaded(sample_site):
    for page in sample_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for element in soup.select("link[rel=stylesheet], script[src], img[src], iframe"):
            url = element.get("href") or element.get("src") or ""
            assert not urlsplit(url).scheme, f"{page}: loads {url}"
    css = (sample_site / "theme/css/archive.css").read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css


@pytest.fixture(scope="module")
def nu_checker_messages(sample_site, sample_url) -> list[dict]:
    # Over HTTP, as readers get them: the checker then judges the CSP against the real origin.
    documents = sorted(sample_site.rglob("*.html")) + sorted(sample_site.rglob("*.css"))
    urls = [f"{sample_url}/{path.relative_to(sample_site).as_posix()}" for path in documents]
    result = subprocess.run(
        [*vnu_command(), "--format", "json", "--also-check-css", *urls],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    return json.loads(result.stderr)["messages"]


def describe(messages: list[dict]) -> list[str]:
    return [f"{m.get('url', '')}:{m.get('lastLine', '')}: {m['message']}" for m in messages]


def test_nu_html_checker_reports_no_errors(nu_checker_messages, sample_site):
    assert len(list(sample_site.rglob("*.html"))) > 40
    errors = [m for m in nu_checker_messages if m["type"] in {"error", "non-document-error"}]
    assert describe(errors) == []


def test_nu_html_checker_reports_no_warnings(nu_checker_messages):
    warnings = [m for m in nu_checker_messages if m.get("subType") == "warning"]
    assert describe(warnings) == []
