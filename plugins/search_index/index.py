"""Index the built briefing pages with Pagefind, in a few shards by age, for the site's search."""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pagefind.index import IndexConfig, PagefindIndex

from contract.build import BUILD_STATE, build_state

from .background import BackgroundIndex
from .shards import (
    Shard,
    fingerprint,
    index_settings,
    read_manifest,
    reuse,
    shards_of,
    write_manifest,
)

logger = logging.getLogger(__name__)

# Pagefind's ready-made interfaces; the theme ships its own small search script instead.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.*",
    "pagefind-modular-ui.*",
    "pagefind-component-ui.*",
    "pagefind-highlight.js",
)
# The plugin's own code, part of every shard's fingerprint.
CODE = tuple(Path(__file__).parent.glob("*.py"))


@dataclass
class Plan:
    """What one build indexes: the site's folder, the bundle folder, and each shard's pages."""

    site: Path
    bundle: Path
    shards: list[Shard]
    # The bundle folder of the live site this build replaces, whose shards may be reused.
    previous: Path | None = None


@dataclass
class Outcome:
    """What indexing did: the shards indexed afresh, the shards reused, the pages searchable."""

    built: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    pages: int = 0


def shard_config(folder: Path) -> IndexConfig:
    """Return Pagefind's configuration for a shard written into ``folder``."""
    # No forced language: Pagefind makes one index per language, by each page's <html lang>,
    # and the search page loads the index of its own language (/hi/search/ the Hindi one).
    return IndexConfig(output_path=str(folder))


async def build_shard(site: Path, shard: Shard, folder: Path) -> None:
    """Index the shard's pages under ``site`` into ``folder``, in a Pagefind process of its own."""
    # Only pages marked data-pagefind-body are indexed (the theme marks published
    # briefings), so drafts and hidden briefings stay out even if listed. The service
    # process exits when the shard is written, so Pagefind holds one shard at a time.
    async with PagefindIndex(config=shard_config(folder)) as index:
        for glob in shard.globs:
            await index.add_directory(str(site), glob=glob)


def indexed_pages(bundle: Path) -> int:
    """Return how many pages a written index holds, in all its languages."""
    # add_directory counts every page it read; the entry file counts those indexed.
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def remove_unused_files(folder: Path) -> None:
    """Delete the parts of Pagefind's bundle that the site never loads."""
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    # The browser loads the WebAssembly of the language it searches, which the entry names.
    languages = entry["languages"].values()
    wanted = {f"wasm.{index.get('wasm') or 'unknown'}.pagefind" for index in languages}
    unused = [path for pattern in UNUSED_BUNDLE_FILES for path in folder.glob(pattern)]
    unused += [path for path in folder.glob("wasm.*.pagefind") if path.name not in wanted]
    for path in unused:
        path.unlink()


# Times a shard is indexed before its index is reported as not written.
ATTEMPTS = 3


def written_whole(folder: Path) -> bool:
    """Return whether every file of a Pagefind bundle reached the disk."""
    # Pagefind's service answers "written" before its last writes are flushed, and the
    # Python API stops the service at once: under load (50,000 briefings) a file is
    # sometimes left empty. Each of its files is written in one piece, or not at all.
    try:
        json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return all(path.stat().st_size > 0 for path in folder.rglob("*") if path.is_file())


def _build_whole(plan: Plan, shard: Shard, folder: Path) -> None:
    for attempt in range(1, ATTEMPTS + 1):
        shutil.rmtree(folder, ignore_errors=True)
        # One event loop per shard: each PagefindIndex starts and stops its own service.
        asyncio.run(build_shard(plan.site, shard, folder))
        if written_whole(folder):
            return
        logger.info(
            "search_index: Pagefind left the %s index unfinished (try %d)", shard.folder, attempt
        )
    raise RuntimeError(f"Pagefind left the {shard.folder} index unfinished {ATTEMPTS} times")


def index_shards(plan: Plan) -> Outcome:
    """Write each shard's index into the bundle, reusing the previous build's unchanged ones."""
    outcome = Outcome()
    settings_hash = index_settings(dict(shard_config(plan.bundle)), CODE)
    known = read_manifest(plan.previous) if plan.previous else {}
    written = []
    for shard in plan.shards:
        key = fingerprint(plan.site, shard, settings_hash)
        folder = plan.bundle / shard.folder
        if plan.previous and reuse(plan.previous, known, plan.bundle, shard, key):
            outcome.reused.append(shard.folder)
        else:
            _build_whole(plan, shard, folder)
            remove_unused_files(folder)
            outcome.built.append(shard.folder)
        pages = indexed_pages(folder)
        if pages != len(shard.pages):
            logger.warning(
                "search_index: the %s index holds %d of its %d briefing pages; are the others "
                "missing the data-pagefind-body mark?",
                shard.folder,
                pages,
                len(shard.pages),
            )
        outcome.pages += pages
        written.append({"folder": shard.folder, "fingerprint": key, "pages": pages})
    write_manifest(plan.bundle, written)
    return outcome


# The build's notes: what to index, once Pelican has listed the briefings; and the indexing
# started in the background once their pages were all written.
PLAN = "search_index.plan"
RUNNING = "search_index.running"


def plan_shards(generator: Any) -> None:
    """Note each shard's published briefing pages, and give the search page the shards."""
    settings = generator.settings
    if not settings.get("SEARCH_INDEX_ENABLED"):
        return
    site = Path(generator.output_path).resolve()
    folder = settings["SEARCH_INDEX_OUTPUT_PATH"].strip("/")
    previous = settings.get("INCREMENTAL_PREVIOUS_OUTPUT")
    # generator.articles holds the published briefings only: drafts and hidden ones are
    # kept apart, and their pages are not marked for the index either. Pelican keeps the
    # versions in other languages than the default among its translations.
    shards = shards_of(
        [*generator.articles, *generator.translations],
        settings["SEARCH_INDEX_BANDS"],
        settings["SEARCH_INDEX_SHARD_PAGES"],
    )
    build_state(settings).notes[PLAN] = Plan(
        site=site,
        bundle=site / folder,
        shards=shards,
        previous=Path(previous) / folder if previous else None,
    )
    # The search page loads the newest shard's index and merges the others into it; it
    # sorts by date shard by shard, so it needs each shard's years.
    generator.context["search_index_shards"] = [
        {"folder": shard.folder, "years": [str(year) for year in shard.years]} for shard in shards
    ]


def start_after_briefings(path: str, context: dict[str, Any] | None = None) -> None:
    """Start indexing once the briefing pages are written, while Pelican writes the rest."""
    # Pelican writes every briefing page before any listing, and only briefing pages are
    # indexed: from the first listing on, Pagefind can index them in its own process, on
    # the other core, while Pelican renders listings.
    if not context or "article" in context or BUILD_STATE not in context:
        return
    notes = build_state(context).notes
    plan = notes.pop(PLAN, None)
    if plan is not None:
        notes[RUNNING] = _start(plan)


def _start(plan: Plan) -> BackgroundIndex:
    # A fresh bundle each time: Pagefind's file names change with the content, and
    # stale fragments from earlier builds would otherwise pile up.
    shutil.rmtree(plan.bundle, ignore_errors=True)
    plan.bundle.mkdir(parents=True)
    return BackgroundIndex(index_shards, plan)


def _index_now(settings: dict[str, Any]) -> Outcome:
    notes = build_state(settings).notes
    started = notes.pop(RUNNING, None)
    if started is None:
        plan = notes.pop(PLAN, None)
        if plan is None:
            return Outcome()
        started = _start(plan)
    return started.finish()


def index_site(pelican: Any) -> None:
    """Finish (or make) the search index of the built site, after every build."""
    settings = pelican.settings
    if not settings["SEARCH_INDEX_ENABLED"]:
        return
    site = Path(pelican.output_path).resolve()
    started = time.perf_counter()
    try:
        outcome = _index_now(settings)
    except Exception as error:  # the Pagefind service reports failures in many types
        logger.error("search_index: could not index %s with Pagefind: %s", site, error)
        return
    logger.info(
        "search_index: %d briefing pages searchable; indexed %s, reused %s "
        "(%.2f s after the last page) into %s",
        outcome.pages,
        ", ".join(outcome.built) or "no shard",
        ", ".join(outcome.reused) or "no shard",
        time.perf_counter() - started,
        site / settings["SEARCH_INDEX_OUTPUT_PATH"].strip("/"),
    )
