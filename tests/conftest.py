"""Fixtures that build archives in temporary folders, and helpers that read them as readers do."""

from __future__ import annotations

import functools
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import signals

from archive.audit import CHROMIUM_ARGS, chromium_path
from archive.build import build_site
from archive.paths import ROOT, SETTINGS
from archive.preview import served

SiteBuilder = Callable[..., Path]

# Pelican runs in this test process, counted to keep the suite's cost visible: the whole
# runs, and those that also made a search index with Pagefind (the slowest step).
_builds = {"sites": 0, "search_indexes": 0, "invoke_runs": 0}


def count_build(pelican) -> None:
    """Count a finished Pelican run, and whether it made a search index."""
    _builds["sites"] += 1
    if pelican.settings.get("SEARCH_INDEX_ENABLED"):
        _builds["search_indexes"] += 1


signals.finalized.connect(count_build)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Report how many sites the tests built in this process (subprocesses not counted)."""
    terminalreporter.write_line(
        f"{_builds['sites']} site builds ({_builds['search_indexes']} with the search index), "
        f"{_builds['invoke_runs']} invoke subprocesses"
    )


def briefing_text(**fields: str | list[str]) -> str:
    """Return a briefing file: a metadata header from ``fields``, then ``body``."""
    body = fields.pop("body", "A short body paragraph.")
    lines = []
    for key, value in fields.items():
        if isinstance(value, list):
            first, *rest = value
            lines.append(f"{key.capitalize()}: {first}")
            lines.extend(f"    {point}" for point in rest)
        else:
            lines.append(f"{key.capitalize()}: {value}")
    return "\n".join(lines) + "\n\n" + textwrap.dedent(body).strip() + "\n"


def minimal_briefing(title: str, date: str, **fields: str | list[str]) -> str:
    """Return a valid briefing with sensible defaults for the fields not given."""
    defaults = {
        "title": title,
        "date": date,
        "spokesperson": "Mara Okonkwo",
        "tags": "security",
        "location": "Valmora",
        "source": "Weekly briefing",
        "summary": f"Summary of {title}.",
    }
    return briefing_text(**{**defaults, **fields})


def write_content(
    folder: Path,
    briefings: dict[str, str | bytes],
    *,
    registry: dict[str, str] | None = None,
    pages: dict[str, str] | None = None,
) -> Path:
    """Add ``briefings`` and ``pages`` (path: text) to ``folder``'s content folder; return it.

    ``registry`` adds TOML entries to a copy of the sample registry.
    """
    content = folder / "content"
    files = [("briefings", briefings), ("pages", pages or {})]
    for kind, texts in files:
        (content / kind).mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            path = content / kind / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
    if not (content / "registry").exists():
        shutil.copytree(ROOT / "content" / "registry", content / "registry")
    for name, entries in (registry or {}).items():
        with (content / "registry" / name).open("a", encoding="utf-8") as toml:
            toml.write("\n" + textwrap.dedent(entries))
    return content


def build_briefings(
    folder: Path,
    briefings: dict[str, str | bytes],
    *,
    lenient: bool = False,
    registry: dict[str, str] | None = None,
    pages: dict[str, str] | None = None,
    settings_file: Path = SETTINGS,
    **overrides: object,
) -> Path:
    """Build ``briefings`` and ``pages`` (path: text) added to ``folder``'s content folder.

    ``registry`` adds TOML entries to a copy of the sample registry.
    """
    content = write_content(folder, briefings, registry=registry, pages=pages)
    settings = {
        "PATH": str(content),
        "OUTPUT_PATH": str(folder / "output"),
        "CACHE_PATH": str(folder / "cache"),
        **overrides,
    }
    return build_site(settings_file, lenient=lenient, **settings)


@pytest.fixture
def make_site(tmp_path: Path) -> SiteBuilder:
    """Return a function that writes briefings into a fresh content folder and builds it.

    For a test of its own: one that edits content, rebuilds, breaks the build or checks a
    setting. Tests that only read a site share one built by ``make_shared_site``.
    """
    return functools.partial(build_briefings, tmp_path)


@pytest.fixture
def make_failing_build(make_site: SiteBuilder) -> SiteBuilder:
    """Return ``make_site``'s builder with the search index off, for builds meant to fail.

    The index is made after every page, by Pagefind, and is half of a small build's time.
    A failed build's output is thrown away, so no test reads its index or its pages; what
    the tests read (the problems reported, the last good site) does not depend on it. A
    build that succeeds after all would publish a site without search (no search page, no
    Search link), so use it only where the test expects BuildError or reads only problems.
    """
    return functools.partial(make_site, SEARCH_INDEX_ENABLED=False)


@pytest.fixture(scope="session")
def make_shared_site(tmp_path_factory: pytest.TempPathFactory) -> SiteBuilder:
    """Return ``make_site``'s builder for a site that several tests read, each in a new folder.

    Call it from a module- or session-scoped fixture; the tests must not change the site.
    """

    def build(briefings: dict[str, str | bytes], **options: object) -> Path:
        return build_briefings(tmp_path_factory.mktemp("shared"), briefings, **options)

    return build


@contextmanager
def markup_checks_off() -> Iterator[None]:
    """Let markup in plain-text fields past the checks inside the block (for a shared build)."""
    # The checks refuse `<b>` in a title; escaping is the second line of defence, and a
    # template or plugin change must not weaken it unnoticed.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("briefing_metadata.plain_text.markup_in", lambda text: None)
        yield


@pytest.fixture
def markup_check_off() -> Iterator[None]:
    """Let markup in plain-text fields past the checks, to test escaping behind them."""
    with markup_checks_off():
        yield


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the repository's own sample content once, with the real settings."""
    folder = tmp_path_factory.mktemp("sample")
    return build_site(
        PATH=str(ROOT / "content"),
        OUTPUT_PATH=str(folder / "output"),
        CACHE_PATH=str(folder / "cache"),
    )


def page_file(site: Path, url: str) -> Path:
    """Return the file a static host serves for ``url`` (relative to the site root)."""
    path = site / url.lstrip("/")
    return path / "index.html" if url.endswith("/") or url == "" else path


# The sample settings' site address, as absolute links and sitemaps write it.
SITEURL = "http://127.0.0.1:8000/"
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def versions(page: BeautifulSoup) -> dict[str, str]:
    """Return a page's hreflang links, by hreflang, as site addresses."""
    return {
        link["hreflang"]: link["href"].removeprefix(SITEURL)
        for link in page.select("link[rel=alternate][hreflang]")
    }


def read_page(site: Path, url: str) -> BeautifulSoup:
    """Parse the page at ``url`` of a built site."""
    return BeautifulSoup(page_file(site, url).read_text(encoding="utf-8"), "lxml")


def published_briefing_pages(site: Path) -> list[Path]:
    """Return the briefing pages readers find in lists: not withdrawn, not an old address."""
    pages = []
    for path in sorted(site.glob("briefings/*/*/*/index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        if soup.select_one("article.briefing") and not soup.select_one(".withdrawn-notice"):
            pages.append(path)
    return pages


def visible_text(element) -> str:
    """Return an element's text as a reader sees it: spaces collapsed, no-break spaces plain."""
    return " ".join(element.get_text(" ").replace("\xa0", " ").split())


@pytest.fixture(scope="session")
def sample_url(sample_site: Path) -> Iterator[str]:
    """Serve the sample site over HTTP as a static host would; yield its URL."""
    with served(sample_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Launch Debian's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """Open a fresh browser tab with its own storage, at a phone-sized width."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def new_page(browser):
    """Return a function that opens a tab in a fresh context with the given Playwright options.

    Defaults to a phone-sized width; e.g. ``new_page(color_scheme="dark")`` or
    ``new_page(viewport={"width": 320, "height": 640})``.
    """
    contexts = []

    def open_page(**options):
        context = browser.new_context(**{"viewport": {"width": 375, "height": 800}, **options})
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


PROJECT_PARTS = ["pelicanconf.py", "publishconf.py", "tasks.py", "archive", "plugins", "theme"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Return a copy of the project (code, theme, registry) with a small content folder."""
    copy = tmp_path / "project"
    copy.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / part)
    shutil.copytree(ROOT / "content/registry", copy / "content/registry")
    shutil.copytree(ROOT / "content/pages", copy / "content/pages")
    write(copy, "2026/first.md", minimal_briefing("First briefing", "2026-01-05"))
    return copy


def write(project: Path, name: str, text: str) -> None:
    """Write a briefing into the project's content folder."""
    path = project / "content/briefings" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def invoke(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run an invoke task in ``project``, as an editor would from its folder."""
    _builds["invoke_runs"] += 1
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def free_port() -> int:
    """Return a local port that no program listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(server: subprocess.Popen, url: str, log: Path, timeout: float = 120) -> None:
    """Return once ``url`` answers 200; fail, showing ``log``, if the server exits or never does."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError as error:
            error.close()  # Serving, but not this page yet (the first build is running).
        except OSError:
            pass  # Not listening yet.
        left = deadline - time.monotonic()
        try:
            # Between attempts, wait on the process itself: an exit ends the wait at once.
            code = server.wait(timeout=min(0.2, max(left, 0)))
        except subprocess.TimeoutExpired:
            if left <= 0:
                server.terminate()
                server.wait(timeout=30)
                pytest.fail(f"{url} did not answer within {timeout:.0f} s:\n{log.read_text()}")
            continue
        pytest.fail(f"the server exited ({code}) before answering {url}:\n{log.read_text()}")
