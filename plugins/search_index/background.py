"""Feed pages to Pagefind while Pelican is still writing, so indexing runs on another core."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from pagefind.index import IndexConfig, PagefindIndex


def page_url(relative: str) -> str:
    """Return the address Pagefind gives a page at ``relative`` when it indexes a folder."""
    url = "/" + relative
    return url[: -len("index.html")] if url.endswith("/index.html") else url


class BackgroundIndex:
    """A Pagefind index in its own event loop and thread; pages are added without waiting."""

    def __init__(self, site: Path, bundle: Path, language: str) -> None:
        self.site = site
        self.bundle = bundle
        self.fed: set[str] = set()
        self._pending: list[Future[Any]] = []
        self._loop = asyncio.new_event_loop()
        # A daemon thread: a build that dies part-way must not keep the process alive.
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        config = IndexConfig(force_language=language, output_path=str(bundle))
        self._index = PagefindIndex(config=config)
        self._run(self._index.__aenter__()).result()

    def _run(self, coroutine: Any) -> Future[Any]:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    def add(self, path: Path) -> None:
        """Queue the built page at ``path`` for indexing; Pagefind's process parses it."""
        relative = path.relative_to(self.site).as_posix()
        if relative in self.fed:
            return
        self.fed.add(relative)
        content = path.read_text(encoding="utf-8")
        self._pending.append(
            self._run(self._index.add_html_file(content=content, url=page_url(relative)))
        )

    def finish(self) -> None:
        """Add the pages not fed yet, wait for all, write the index and stop the thread."""
        try:
            for path in sorted(self.site.rglob("*.html")):
                if self.bundle not in path.parents:
                    self.add(path)
            for future in self._pending:
                future.result()
            self._run(self._index.__aexit__(None, None, None)).result()
        except BaseException:
            self._run(self._index.__aexit__(RuntimeError, None, None)).result()
            raise
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
            self._loop.close()
