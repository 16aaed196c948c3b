"""Audit the built site as a reviewer would: Lighthouse scores, screenshots and a printed copy."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from .paths import LIGHTHOUSE_CLI
from .preview import served

if TYPE_CHECKING:
    from playwright.sync_api import Browser

# Lighthouse's four categories, in the order its report shows them.
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SCREENSHOT_WIDTHS = (375, 1280)
COLOR_SCHEMES = ("light", "dark")
PDF_SIDES = ("top", "right", "bottom", "left")
# Headless, and quiet on a closed network: no sync, updates or background fetches.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class AuditError(RuntimeError):
    """The built site lacks a page the audit needs, or a tool failed."""


def chromium_path() -> str:
    """Return Debian's Chromium, which Playwright and Lighthouse drive."""
    path = shutil.which("chromium")
    if path is None:
        raise AuditError("Chromium is not installed: run `python3 dev.py test`")
    return path


def lighthouse_command() -> list[str]:
    """Return the command that runs Lighthouse (it needs CHROME_PATH set to Chromium)."""
    node = shutil.which("node")
    if node is None or not LIGHTHOUSE_CLI.exists():
        raise AuditError("Lighthouse is not installed: run `python3 dev.py test`")
    return [node, str(LIGHTHOUSE_CLI)]


@dataclass
class LighthouseResult:
    """One page's Lighthouse run: its scores out of 100 and where the reports are."""

    name: str
    url: str
    scores: dict[str, int | None]
    report: Path
    lighthouse_version: str
    browser: str


def audited_pages(output: Path) -> dict[str, str]:
    """Return the home, newest briefing and that briefing's first tag, as site-relative paths."""
    home = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "lxml")
    card = home.select_one(".briefing-card h2 a[href]")
    if card is None:
        raise AuditError(f"{output}/index.html lists no briefing: build the site first")
    briefing = urljoin("/", card["href"])
    page = output / briefing.lstrip("/") / "index.html"
    tag = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select_one(".tag-list a[href]")
    if tag is None:
        raise AuditError(f"{briefing} has no tags to audit a tag page with")
    return {"home": "/", "briefing": briefing, "tag": urljoin(briefing, tag["href"])}


def lighthouse_scores(report: dict) -> dict[str, int | None]:
    """Return a Lighthouse JSON report's category scores out of 100 (None if it failed)."""
    categories = report["categories"]
    return {
        name: None if categories[name]["score"] is None else round(categories[name]["score"] * 100)
        for name in CATEGORIES
    }


def named_pages(addresses: list[str]) -> dict[str, str]:
    """Return site-relative ``addresses`` by a name each, as `/tags/fentanyl/`: tags-fentanyl."""
    named = {}
    for address in addresses:
        path = "/" + address.strip().lstrip("/")
        named["-".join(part for part in path.split("/") if part).replace(".", "-") or "home"] = path
    return named


def run_lighthouse(
    output: Path, folder: Path, pages: dict[str, str] | None = None, scheme: str = "light"
) -> list[LighthouseResult]:
    """Run Lighthouse's mobile profile on ``pages`` (default: the audited pages); write reports.

    ``scheme`` "dark" has Chromium report ``prefers-color-scheme: dark``, so the dark palette
    is the one scored for contrast.
    """
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "CHROME_PATH": chromium_path()}
    flags = [*CHROMIUM_ARGS, *(["--force-dark-mode"] if scheme == "dark" else [])]
    results = []
    with served(output) as base:
        for page_name, path in (pages or audited_pages(output)).items():
            name = page_name if scheme == "light" else f"{page_name}-{scheme}"
            # Lighthouse's default configuration is the mobile one: a mid-range phone's
            # screen, simulated slow 4G and a 4x slower CPU.
            command = [
                *lighthouse_command(),
                base + path,
                "--output=json",
                "--output=html",
                f"--output-path={folder / name}",
                f"--chrome-flags={' '.join(flags)}",
                "--quiet",
            ]
            run = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
            report_file = folder / f"{name}.report.json"
            if run.returncode or not report_file.exists():
                raise AuditError(f"Lighthouse failed on {path}:\n{run.stderr.strip()}")
            report = json.loads(report_file.read_text(encoding="utf-8"))
            results.append(
                LighthouseResult(
                    name=name,
                    url=path,
                    scores=lighthouse_scores(report),
                    report=folder / f"{name}.report.html",
                    lighthouse_version=report["lighthouseVersion"],
                    browser=report["environment"]["hostUserAgent"],
                )
            )
    return results


def screenshot_pages(output: Path) -> dict[str, str]:
    """Return the pages to photograph: home, newest briefing, its tag, a search, translations.

    A translation is the newest briefing in each other language (such as `hi-briefing`), to
    see its script drawn.
    """
    pages = audited_pages(output)
    tag = pages["tag"].rstrip("/").rsplit("/", 1)[-1]
    # The search page reads `q` as the header's search box sends it.
    pages["search"] = f"/search/?q={tag.replace('-', '+')}"
    home = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "lxml")
    for language in home.select("link[rel=alternate][hreflang]"):
        code = language["hreflang"]
        if code in ("x-default", home.html.get("lang")):
            continue
        # The other language's home: its own briefings are the cards under its folder.
        folder = urlsplit(language["href"]).path
        other_home = output / folder.strip("/") / "index.html"
        cards = BeautifulSoup(other_home.read_text(encoding="utf-8"), "lxml")
        for card in cards.select(".briefing-card h2 a[href]"):
            address = urljoin(folder, card["href"])
            if address.startswith(folder):
                pages[f"{code}-briefing"] = address
                break
    return pages


def take_screenshots(output: Path, folder: Path) -> list[Path]:
    """Write PNGs of home, briefing, tag and search (phone and desktop, light and dark).

    The briefing is also printed to PDF.
    """
    from playwright.sync_api import sync_playwright

    pages = screenshot_pages(output)
    with served(output) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            written = []
            for name, path in pages.items():
                written += capture_page(browser, base + path, folder, name, pdf=name == "briefing")
            return written
        finally:
            browser.close()


def capture_page(
    browser: Browser, url: str, folder: Path, name: str, *, pdf: bool = True
) -> list[Path]:
    """Save the page at ``url`` at each width and colour scheme as PNGs, and printed as a PDF."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for width in SCREENSHOT_WIDTHS:
        for scheme in COLOR_SCHEMES:
            context = browser.new_context(
                viewport={"width": width, "height": 900}, color_scheme=scheme
            )
            page = context.new_page()
            page.goto(url, wait_until="networkidle")
            path = folder / f"{name}-{width}-{scheme}.png"
            page.screenshot(path=str(path), full_page=True)
            written.append(path)
            context.close()
    if not pdf:
        return written
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    path = folder / f"{name}-print.pdf"
    # page.pdf() prints with the print stylesheet, as the browser's print preview does;
    # its margins match the stylesheet's @page rule.
    page.pdf(path=str(path), format="A4", margin=dict.fromkeys(PDF_SIDES, "2cm"))
    written.append(path)
    context.close()
    return written
