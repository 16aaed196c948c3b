"""Fixtures that build archives in temporary folders, and helpers that read them as readers do."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from archive.audit import CHROMIUM_ARGS, chromium_path
from archive.build import build_site
from archive.paths import ROOT, SETTINGS
from archive.preview import served

SiteBuilder = Callable[..., Path]


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


@pytest.fixture
def make_site(tmp_path: Path) -> SiteBuilder:
    """Return a function that writes briefings into a fresh content folder and builds it."""

    def build(
        briefings: dict[str, str | bytes],
        *,
        lenient: bool = False,
        registry: dict[str, str] | None = None,
        pages: dict[str, str] | None = None,
        settings_file: Path = SETTINGS,
        **overrides: object,
    ) -> Path:
        """Build ``briefings`` and ``pages`` (path: text) added to the content folder.

        ``registry`` adds TOML entries to a copy of the sample registry.
        """
        content = tmp_path / "content"
        files = [("briefings", briefings), ("pages", pages or {})]
        for folder, texts in files:
            (content / folder).mkdir(parents=True, exist_ok=True)
            for name, text in texts.items():
                path = content / folder / name
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
        settings = {
            "PATH": str(content),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "CACHE_PATH": str(tmp_path / "cache"),
            **overrides,
        }
        return build_site(settings_file, lenient=lenient, **settings)

    return build


@pytest.fixture
def markup_check_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let markup in plain-text fields past the checks, to test escaping behind them."""
    # The checks refuse `<b>` in a title; escaping is the second line of defence, and a
    # template or plugin change must not weaken it unnoticed.
    monkeypatch.setattr("briefing_metadata.plain_text.markup_in", lambda text: None)


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
