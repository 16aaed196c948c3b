"""Keep read briefings between builds, in shards keyed by the site's fingerprint, never stale."""

from __future__ import annotations

import logging
import os
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from contract.build import build_state
from pelican_internals import content_cache, file_stamp

from .digest import site_digest
from .pickling import dumps, loads, shared_objects

logger = logging.getLogger(__name__)

# Briefings are kept in this many files: saving after one edit rewrites one of them, and no
# save holds the whole archive's pickle bookkeeping in memory at once.
SHARDS = 32

# This build's note of each shard it loaded: the stamp of each file the shard holds.
LOADED = "incremental.loaded"


def key_content_cache(pelican: Any) -> None:
    """Put the cache in a folder named by the site's fingerprint; turn Pelican's own off."""
    settings = pelican.settings
    # Pelican's content cache pickles the archive in one piece with the site's context:
    # tens of MB of bookkeeping at 10,000 briefings, a context that is stale once loaded,
    # and pages linked to every briefing, too deep to pickle. This plugin fills the same
    # in-memory cache that Pelican's reading loop consults (load_briefings) instead.
    settings["CACHE_CONTENT"] = False
    settings["LOAD_CONTENT_CACHE"] = False
    registry = Path(settings["PATH"]) / settings.get("BRIEFING_METADATA_REGISTRY_PATH", "registry")
    digest = site_digest(settings, registry)
    settings["INCREMENTAL_DIGEST"] = digest
    settings.setdefault("INCREMENTAL_CACHE_ROOT", settings["CACHE_PATH"])
    # A cached briefing skips the reader and content_object_init (Markdown, HTML cleaning,
    # typography): a change to any code, template, setting or registry entry must miss the
    # cache, so it lives in a folder of its own for each fingerprint.
    settings["CACHE_PATH"] = str(Path(settings["INCREMENTAL_CACHE_ROOT"]) / digest)


def shard_of(path: str) -> int:
    """Return the shard that keeps the briefing read from ``path``."""
    return zlib.crc32(path.encode()) % SHARDS


def _shard_file(generator: Any, shard: int) -> Path:
    return Path(generator.settings["CACHE_PATH"]) / "briefings" / f"{shard:02d}.pickle"


def load_briefings(generator: Any) -> None:
    """Put the briefings kept by earlier builds where Pelican's reading loop looks first."""
    loaded: dict[int, dict[str, Any]] = {}
    build_state(generator.settings).notes[LOADED] = loaded
    if not generator.settings["INCREMENTAL_CACHE"]:
        return
    shared = shared_objects(generator)
    for shard in range(SHARDS):
        path = _shard_file(generator, shard)
        try:
            entries = loads(path.read_bytes(), shared)
        except FileNotFoundError:
            continue
        except Exception as error:  # a damaged file: its briefings are simply read again
            logger.warning("incremental: ignoring the damaged cache file %s: %s", path, error)
            continue
        # Pelican's reading loop takes an entry when its stamp matches the file's.
        content_cache(generator).update(entries)
        loaded[shard] = {name: stamp for name, (stamp, _) in entries.items()}


def _cacheable(generator: Any) -> list[Any]:
    now = datetime.now(UTC)
    base = Path(generator.path)
    kept = []
    for group in ("articles", "translations", "hidden_articles", "hidden_translations"):
        kept += getattr(generator, group, [])
    # A scheduled briefing is read as a draft; cached, it would stay one after its date.
    for group in ("drafts", "drafts_translations"):
        kept += [d for d in getattr(generator, group, []) if d.date.astimezone(UTC) <= now]
    # A cached file skips the reader, whose problems (warnings too) must show on every build.
    reported = build_state(generator.settings).files_with_problems()
    if not reported:
        return kept
    return [b for b in kept if not _reported(base / b.relative_source_path, reported)]


def _reported(path: Path, reported: set[str]) -> bool:
    """Return whether the file at ``path`` is one of the ``reported`` files."""
    # Problems name files as editors see them (content/briefings/…): compare the ends.
    posix = path.as_posix()
    return any(shown and posix.endswith(shown) for shown in reported)


def save_briefings(generator: Any) -> None:
    """Keep this build's briefings for the next, rewriting only the shards that changed."""
    if not generator.settings["INCREMENTAL_CACHE"]:
        return
    shards: dict[int, dict[str, Any]] = {shard: {} for shard in range(SHARDS)}
    for briefing in _cacheable(generator):
        name = briefing.relative_source_path
        stamp, cached = content_cache(generator).get(name, (None, None))
        if cached is not briefing:  # read in Pelican's own loop, which cached nothing
            stamp = file_stamp(generator, name)
        shards[shard_of(name)][name] = (stamp, briefing)
    shared = shared_objects(generator)
    loaded = build_state(generator.settings).notes.get(LOADED, {})
    written = 0
    for shard, entries in shards.items():
        stamps = {name: stamp for name, (stamp, _) in entries.items()}
        if stamps == loaded.get(shard, {}):
            continue
        path = _shard_file(generator, shard)
        if not entries:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside and renamed, so a build killed mid-write leaves the old shard.
        partial = path.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(dumps(entries, shared))
        partial.replace(path)
        written += 1
    logger.debug("incremental: wrote %d of %d cache shards", written, SHARDS)
