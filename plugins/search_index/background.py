"""Run the search indexing in a thread of its own while Pelican is still writing the listings."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any


class BackgroundIndex:
    """A call to ``job(*args)`` in its own thread, whose result ``finish`` waits for."""

    def __init__(self, job: Callable[..., Any], *args: Any) -> None:
        self._result: Future[Any] = Future()
        # A daemon thread: a build that dies part-way must not keep the process alive.
        # Its own thread also gives Pagefind's asyncio client a loop of its own, even when
        # the site is built from inside a running loop (a notebook, a test with a browser).
        self._thread = threading.Thread(
            target=self._run, args=(job, *args), name="search-index", daemon=True
        )
        self._thread.start()

    def _run(self, job: Callable[..., Any], *args: Any) -> None:
        try:
            self._result.set_result(job(*args))
        except BaseException as error:  # handed to finish(), which raises it in the build
            self._result.set_exception(error)

    def finish(self) -> Any:
        """Wait for the job to end; return its result or raise its error."""
        return self._result.result()
