"""Index the briefing pages with Pagefind while Pelican is still writing the listings."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from pagefind.index import IndexConfig, PagefindIndex

# The theme marks the pages to index; a page without it is left out of the index.
INDEXED_MARK = "data-pagefind-body"


def page_url(relative: str) -> str:
    """Return the address Pagefind gives a page at ``relative`` when it indexes a folder."""
    url = "/" + relative
    return url[: -len("index.html")] if url.endswith("/index.html") else url


class BackgroundIndex:
    """Pagefind indexing the site's folder as it is now, in its own event loop and thread."""

    def __init__(self, site: Path, bundle: Path, language: str) -> None:
        self.site = site
        self.late: list[Path] = []
        self._loop = asyncio.new_event_loop()
        # A daemon thread: a build that dies part-way must not keep the process alive.
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._index = PagefindIndex(IndexConfig(force_language=language, output_path=str(bundle)))
        self._folder: Future[Any] = self._run(self._index_folder())

    def _run(self, coroutine: Any) -> Future[Any]:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    async def _index_folder(self) -> None:
        await self._index.__aenter__()
        await self._index.add_directory(str(self.site))

    async def _add_late_pages(self) -> None:
        for path in self.late:
            content = path.read_text(encoding="utf-8")
            if INDEXED_MARK in content:
                relative = path.relative_to(self.site).as_posix()
                await self._index.add_html_file(content=content, url=page_url(relative))

    def finish(self) -> None:
        """Wait for the folder, add pages written since it started, write the index."""
        try:
            self._folder.result()
            self._run(self._add_late_pages()).result()
            self._run(self._index.__aexit__(None, None, None)).result()
        except BaseException:
            self._run(self._index.__aexit__(RuntimeError, None, None)).result()
            raise
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
            self._loop.close()
