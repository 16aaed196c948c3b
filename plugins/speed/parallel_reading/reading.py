"""Read the briefings the content cache lacks in forked workers, and hand them to Pelican's loop."""

from __future__ import annotations

import gc
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from pelican import signals
from pelican.contents import Article, SkipStub

from contract.build import build_state
from incremental.pickling import dumps, loads, shared_objects
from pelican_internals import content_cache, file_stamp

logger = logging.getLogger(__name__)

# In a worker process only: the generator it reads for, handed over by the fork, and what
# it logged while reading its current file, sent back with the briefing.
_generator: Any = None
_records: list[logging.LogRecord] = []


class _KeepRecords(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        # Formatted here: the arguments of a message need not survive pickling.
        record.msg = record.getMessage()
        record.args = None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        _records.append(record)


def _start_worker(generator: Any) -> None:
    global _generator
    _generator = generator
    # The parent prints and records what is logged, once, in file order.
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(_KeepRecords())


def _read(path: str) -> bytes | None:
    """Read one file as Pelican's loop would; return the briefing, its log and problems."""
    generator = _generator
    _records.clear()
    state = build_state(generator.settings)
    known = len(state.problems)
    try:
        # Taken before reading: a file saved again meanwhile will not match, and is read again.
        stamp = file_stamp(generator, path)
        article = generator.readers.read_file(
            base_path=generator.path,
            path=path,
            content_class=Article,
            context=generator.context,
            preread_signal=signals.article_generator_preread,
            preread_sender=generator,
            context_signal=signals.article_generator_context,
            context_sender=generator,
        )
        # A file Pelican skips or refuses is read again in its own loop, which reports it.
        if isinstance(article, SkipStub) or not article.is_valid():
            return None
        found = state.problems[known:]
        return dumps((stamp, article, list(_records), found), shared_objects(generator))
    except Exception:  # the same file read in Pelican's loop reports what went wrong
        return None


def stale_files(generator: Any) -> list[str]:
    """Return the briefing files that Pelican's loop would read: not in the content cache."""
    settings = generator.settings
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    # A file with no entry is stale: Pelican's lookup would hash it all the same.
    cache = content_cache(generator)
    return [p for p in files if p not in cache or generator.get_cached_data(p, None) is None]


def read_ahead(generator: Any) -> None:
    """Read every briefing missing from the content cache in worker processes, into the cache."""
    settings = generator.settings
    processes = settings["PARALLEL_READING_PROCESSES"]
    if processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return
    paths = stale_files(generator)
    if len(paths) < settings["PARALLEL_READING_MIN_FILES"]:
        return
    shared = shared_objects(generator)
    state = build_state(settings)
    cache = content_cache(generator)
    # Objects that exist before the fork stay shared with the workers only if the
    # collector never touches them there.
    gc.freeze()
    workers = min(processes, len(paths))
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        # Forked, not pickled: each worker shares the generator's memory.
        initargs=(generator,),
    )
    read = 0
    try:
        # Big enough to keep the pipes quiet, small enough to share the files out evenly.
        chunk = max(1, min(32, len(paths) // (workers * 8)))
        for path, payload in zip(paths, executor.map(_read, paths, chunksize=chunk), strict=True):
            if payload is None:
                continue
            stamp, article, records, found = loads(payload, shared)
            # For people, in file order; the problems themselves go to the build's state.
            for record in records:
                logging.getLogger(record.name).handle(record)
            state.add_problems(found)
            # Pelican's loop takes a briefing from the cache when the file's stamp matches:
            # the same handover whether or not the cache is then saved.
            cache[path] = (stamp, article)
            read += 1
    except Exception as error:  # a worker that died: Pelican's loop reads what is left
        logger.warning("parallel_reading: reading in %d processes stopped: %s", workers, error)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()
    logger.debug(
        "parallel_reading: read %d of %d briefings in %d processes", read, len(paths), workers
    )
