"""Key Pelican's content cache by the site's fingerprint, and never cache a file with problems."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .digest import site_digest

# Display paths of the files that reported a problem in this process's current build.
_problem_files: set[str] = set()


class _ProblemRecorder(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        problem = getattr(record, "briefing_problem", None)
        if problem is not None:
            _problem_files.add(str(getattr(problem, "path", "")))


_recorder = _ProblemRecorder(level=logging.DEBUG)


def record_problems(pelican: Any) -> None:
    """Start noting which files report problems in this build."""
    _problem_files.clear()
    root = logging.getLogger()
    if _recorder not in root.handlers:
        root.addHandler(_recorder)


def key_content_cache(pelican: Any) -> None:
    """Put the content cache in a folder named by the site's fingerprint."""
    settings = pelican.settings
    if settings["INCREMENTAL_CACHE"]:
        # Set here rather than in pelicanconf.py: Pelican warns that the generator layer
        # keeps a scheduled briefing a draft after its date, which forget_uncacheable
        # below prevents.
        settings["CACHE_CONTENT"] = True
        settings["LOAD_CONTENT_CACHE"] = True
        settings["CONTENT_CACHING_LAYER"] = "generator"
        # Compressing 10,000 briefings costs seconds on every build; disk is cheaper.
        settings["GZIP_CACHE"] = False
    registry = Path(settings["PATH"]) / settings.get("BRIEFING_METADATA_REGISTRY_PATH", "registry")
    digest = site_digest(settings, registry)
    settings["INCREMENTAL_DIGEST"] = digest
    settings.setdefault("INCREMENTAL_CACHE_ROOT", settings["CACHE_PATH"])
    # A cached briefing skips the reader and content_object_init (Markdown, HTML cleaning,
    # typography): a change to any code, template, setting or registry entry must miss the
    # cache, so it lives in a folder of its own for each fingerprint.
    settings["CACHE_PATH"] = str(Path(settings["INCREMENTAL_CACHE_ROOT"]) / digest)


def forget_uncacheable(generator: Any) -> None:
    """Drop from the cache scheduled briefings and files that reported a problem."""
    cache = getattr(generator, "_cache", {})
    # A scheduled briefing is read as a draft; cached, it would stay one after its date.
    now = datetime.now(UTC)
    for draft in getattr(generator, "drafts", []):
        if draft.date.astimezone(UTC) > now:
            cache.pop(draft.relative_source_path, None)
    # A cached file skips the reader, whose problems (warnings too) must show on every build.
    if not _problem_files:
        return
    base = Path(generator.path)
    for name in list(cache):
        path = base / name
        if any(shown and path.as_posix().endswith(shown) for shown in _problem_files):
            del cache[name]


def keep_pages_out_of_cache(generator: Any) -> None:
    """Read pages afresh on every build: they are few, and caching them is unsafe."""
    # Pelican pickles a page with the site's context, which by the time pages are saved
    # holds every briefing linked to its neighbours: a chain as long as the archive, too
    # deep for pickle. The attributes are Pelican's FileStampDataCacher's own.
    generator._cache_data_policy = False
    generator._cache = {}
