"""Index the built briefing pages with Pagefind, so the static site can search itself."""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from pagefind.index import IndexConfig, PagefindIndex

from .background import BackgroundIndex

logger = logging.getLogger(__name__)

# Pagefind's ready-made interfaces; the theme ships its own small search script instead.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.*",
    "pagefind-modular-ui.*",
    "pagefind-component-ui.*",
    "pagefind-highlight.js",
)


async def build_index(site: Path, bundle: Path, language: str) -> None:
    """Index the HTML pages under ``site`` into ``bundle``."""
    # Only pages marked data-pagefind-body are indexed (the theme marks published
    # briefings), so listings, navigation, drafts and hidden briefings stay out.
    config = IndexConfig(force_language=language, output_path=str(bundle))
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(site))


def indexed_pages(bundle: Path) -> int:
    """Return how many pages a written index holds, in all its languages."""
    # add_directory counts every page it read; the entry file counts those indexed.
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def run_to_end(site: Path, bundle: Path, language: str) -> int:
    """Run ``build_index`` to the end, even inside a running event loop; return pages indexed."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(build_index(site, bundle, language))
    else:
        # An async host (a notebook, a test driving a browser) builds the site: asyncio.run
        # cannot nest, so the index gets its own loop in a worker thread.
        with ThreadPoolExecutor(max_workers=1) as worker:
            worker.submit(lambda: asyncio.run(build_index(site, bundle, language))).result()
    return indexed_pages(bundle)


def remove_unused_files(bundle: Path) -> None:
    """Delete the parts of Pagefind's bundle that the site never loads."""
    for pattern in UNUSED_BUNDLE_FILES:
        for path in bundle.glob(pattern):
            path.unlink()


# The index being fed for each output folder while Pelican writes into it.
_running: dict[str, BackgroundIndex | None] = {}


def _start(site: Path, settings: dict[str, Any]) -> BackgroundIndex:
    bundle = site / settings["SEARCH_INDEX_OUTPUT_PATH"].strip("/")
    # A fresh bundle each time: Pagefind's file names change with the content, and
    # stale fragments from earlier builds would otherwise pile up.
    shutil.rmtree(bundle, ignore_errors=True)
    return BackgroundIndex(site, bundle, settings.get("DEFAULT_LANG", "en"))


def feed_written_page(path: str, context: dict[str, Any] | None = None) -> None:
    """Hand each page to Pagefind as soon as Pelican has written it."""
    # Pagefind parses and indexes in its own process, on another core, while Pelican
    # renders the next pages; the build then waits only for what is left at the end.
    if not context or not context.get("SEARCH_INDEX_ENABLED") or not path.endswith(".html"):
        return
    site = Path(context["OUTPUT_PATH"]).resolve()
    key = str(site)
    if key not in _running:
        try:
            _running[key] = _start(site, context)
        except Exception as error:  # the Pagefind service reports failures in many types
            logger.warning("search_index: will index at the end of the build: %s", error)
            _running[key] = None
    index = _running[key]
    if index is not None:
        index.add(Path(path).resolve())


def index_site(pelican: Any) -> None:
    """Finish the search index of the built site (every HTML page), after every build."""
    settings = pelican.settings
    if not settings["SEARCH_INDEX_ENABLED"]:
        return
    site = Path(pelican.output_path).resolve()
    bundle = site / settings["SEARCH_INDEX_OUTPUT_PATH"].strip("/")
    started = time.perf_counter()
    try:
        # Pages reused from the last build, or written without Pelican's writer, were not
        # fed yet: finish() adds every HTML page of the site that is not in the index.
        index = _running.pop(str(site), None) or _start(site, settings)
        index.finish()
        pages = indexed_pages(bundle)
    except Exception as error:  # the Pagefind service reports failures in many types
        logger.error("search_index: could not index %s with Pagefind: %s", site, error)
        return
    remove_unused_files(bundle)
    logger.info(
        "search_index: indexed %d briefing pages (%.2f s after the last page) into %s",
        pages,
        time.perf_counter() - started,
        bundle,
    )
