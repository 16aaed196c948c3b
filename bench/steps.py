"""Time the steps of one build: reading, Markdown, typography, context, related, writing, search."""

from __future__ import annotations

import functools
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from archive.paths import PLUGINS

# Seconds spent in each step; a step may run many times (once per briefing).
totals: dict[str, float] = defaultdict(float)
marks: dict[str, float] = {}


def _timed(step: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            totals[step] += time.perf_counter() - started

    return timed


def _wrap(owner: Any, name: str, step: str) -> None:
    setattr(owner, name, _timed(step, getattr(owner, name)))


def _mark_taxonomy(generator: Any) -> None:
    marks["pretaxonomy"] = time.perf_counter()
    # Templates typeset too, while writing: only what ran until now was part of reading.
    marks["markdown"] = totals["markdown"]
    marks["typography"] = totals["typography"]


def _mark_read_start(generator: Any) -> None:
    marks.setdefault("read_start", time.perf_counter())


def install(ours: bool) -> None:
    """Wrap the functions each step runs in, before Pelican imports its plugins.

    This is measurement scaffolding for the benchmark process only: the site's own code
    never patches Pelican.
    """
    import markdown
    import typogrify.filters
    from pelican import signals, writers
    from pelican.generators import ArticlesGenerator

    _wrap(markdown.Markdown, "convert", "markdown")
    # Both the typography plugin and Pelican's TYPOGRIFY look the function up here.
    _wrap(typogrify.filters, "typogrify", "typography")
    _wrap(ArticlesGenerator, "generate_context", "articles_context")
    _wrap(writers.Writer, "write_feed", "writing")
    signals.article_generator_init.connect(_mark_read_start)
    signals.article_generator_pretaxonomy.connect(_mark_taxonomy)
    if ours:
        sys.path.insert(0, str(PLUGINS))
        import incremental
        import incremental.writer
        import parallel_reading
        import related_briefings.links
        import search_index.index

        _wrap(related_briefings.links, "related_by_tags", "related")
        # register() connects the name it finds in the package, once Pelican loads it. Both
        # run before Pelican's reading loop, which is part of the context step.
        _wrap(parallel_reading, "read_ahead", "before_loop")
        _wrap(incremental, "load_briefings", "before_loop")
        # Ours writes (or reuses) pages here, and calls Pelican's write_file only for some.
        _wrap(incremental.writer.IncrementalWriter, "write_file", "writing")
        # Pagefind starts while listings are written; this is the wait at the end.
        _wrap(search_index.index, "_index_now", "search_index")
    else:
        _wrap(writers.Writer, "write_file", "writing")


# Parts of the reading step, measured in the build's main process only: briefings read in
# worker processes (parallel_reading) add nothing to them.
PARTS_OF_READING = ("of which Markdown, main process", "of which typography, main process")


def report(total: float) -> dict[str, float]:
    """Return the time of each step, in seconds, from what the wrappers recorded."""
    reading = marks.get("pretaxonomy", 0.0) - marks.get("read_start", 0.0)
    # generate_context holds Pelican's reading loop, not what was read ahead of it.
    loop = reading - totals["before_loop"]
    steps = {
        "read (files, checks, Markdown, typography)": reading,
        PARTS_OF_READING[0]: marks.get("markdown", 0.0),
        PARTS_OF_READING[1]: marks.get("typography", 0.0),
        "context (grouping)": totals["articles_context"] - loop - totals["related"],
        "related": totals["related"],
        "writing (render + write pages, feeds)": totals["writing"],
        "search index (wait after writing)": totals["search_index"],
    }
    steps["other"] = total - sum(v for k, v in steps.items() if k not in PARTS_OF_READING)
    return {name: round(seconds, 3) for name, seconds in steps.items()}
