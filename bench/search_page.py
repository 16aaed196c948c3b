"""Count what a reader's browser downloads to search a built site once, in headless Chromium."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from urllib.parse import urlsplit

from archive.audit import CHROMIUM_ARGS, chromium_path
from archive.preview import served


def one_search(site: Path, words: str, sort: str = "") -> dict:
    """Open the search page of ``site``, search ``words``; return requests and KB by kind."""
    from playwright.sync_api import sync_playwright

    finished: list[tuple[str, int]] = []
    # What crossed the network: bodies as sent (HTML, CSS and scripts gzipped by the server,
    # as static hosts do) and their headers.
    transferred: list[int] = []
    with sync_playwright() as playwright, served(site) as root:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        context = browser.new_context()

        def record(request):
            response = request.response()
            body = response.body() if response else b""
            finished.append((urlsplit(request.url).path, len(body)))
            sizes = request.sizes()
            # Chromium reports no size for a web worker's script: count it whole.
            sent = sizes["responseBodySize"] or len(body)
            transferred.append(sent + sizes["responseHeadersSize"])

        # The context sees the worker's requests too (Pagefind searches in a web worker).
        context.on("requestfinished", record)
        page = context.new_page()
        query = f"?q={words}" + (f"&sort={sort}" if sort else "")
        page.goto(f"{root}/search/{query}")
        page.locator("#search-status").filter(has_text="found").wait_for(timeout=60_000)
        status = page.locator("#search-status").inner_text()
        page.wait_for_timeout(500)  # excerpts of the first results load after the count
        browser.close()
    index = [(path, size) for path, size in finished if "/pagefind/" in path]
    return {
        "status": status,
        "requests": len(finished),
        "kb": round(sum(size for _, size in finished) / 1024, 1),
        "transferred_kb": round(sum(transferred) / 1024, 1),
        "index_requests": len(index),
        "index_kb": round(sum(size for _, size in index) / 1024, 1),
        "by_kind": _by_kind(index),
    }


def _by_kind(index: list[tuple[str, int]]) -> dict[str, list[float]]:
    """Return the requests and KB of each kind of Pagefind file."""
    names = {"pf_index": "word chunks", "pf_filter": "filters", "pf_meta": "meta"}
    kinds: dict[str, list[float]] = {}
    for path, size in index:
        kind = "fragments" if "/fragment/" in path else path.rsplit(".", 1)[-1]
        kind = names.get(kind, kind)
        count, kb = kinds.get(kind, [0, 0.0])
        kinds[kind] = [count + 1, round(kb + size / 1024, 1)]
    return kinds


def main() -> None:
    """Print what one search downloads, as one JSON line per site."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sites", type=Path, nargs="+", help="built output folders")
    parser.add_argument("--words", default="fentanyl", help="what the reader searches for")
    parser.add_argument("--sort", default="", help="'date' for newest first")
    args = parser.parse_args()
    for site in args.sites:
        print(json.dumps({"site": str(site), **one_search(site, args.words, args.sort)}))


if __name__ == "__main__":
    main()
