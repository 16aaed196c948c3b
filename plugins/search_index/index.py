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


# For each output folder being built: whether a briefing page was written, and the index
# started in the background once they all were.
_briefings_written: set[str] = set()
_running: dict[str, BackgroundIndex] = {}


def start_after_briefings(path: str, context: dict[str, Any] | None = None) -> None:
    """Start indexing once the briefing pages are written, while Pelican writes the rest."""
    # Pelican writes every briefing page before any listing, and only briefing pages are
    # indexed: from the first listing on, Pagefind can index the folder in its own process,
    # on the other core, while Pelican renders listings. Pages written later are checked
    # for the index mark at the end.
    if not context or not context.get("SEARCH_INDEX_ENABLED"):
        return
    site = Path(context["OUTPUT_PATH"]).resolve()
    key = str(site)
    if key in _running:
        _running[key].late.append(Path(path))
    elif "article" in context:
        _briefings_written.add(key)
    elif key in _briefings_written:
        _briefings_written.discard(key)
        bundle = site / context["SEARCH_INDEX_OUTPUT_PATH"].strip("/")
        shutil.rmtree(bundle, ignore_errors=True)
        _running[key] = BackgroundIndex(site, bundle, context.get("DEFAULT_LANG", "en"))


def _index_now(site: Path, bundle: Path, settings: dict[str, Any]) -> None:
    started = _running.pop(str(site), None)
    if started is not None:
        started.finish()
        return
    # A fresh bundle each time: Pagefind's file names change with the content, and
    # stale fragments from earlier builds would otherwise pile up.
    shutil.rmtree(bundle, ignore_errors=True)
    run_to_end(site, bundle, settings.get("DEFAULT_LANG", "en"))


def index_site(pelican: Any) -> None:
    """Finish (or make) the search index of the built site, after every build."""
    settings = pelican.settings
    if not settings["SEARCH_INDEX_ENABLED"]:
        return
    site = Path(pelican.output_path).resolve()
    bundle = site / settings["SEARCH_INDEX_OUTPUT_PATH"].strip("/")
    started = time.perf_counter()
    try:
        _index_now(site, bundle, settings)
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
