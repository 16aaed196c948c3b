"""Measure how long Pagefind takes to index the sample site and a generated corpus."""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

from archive.build import build_site
from archive.paths import ROOT

from .corpus import write_corpus


def build_without_index(content: Path, folder: Path) -> Path:
    """Build a site with search indexing switched off; return its output folder."""
    return build_site(
        PATH=str(content),
        OUTPUT_PATH=str(folder / "output"),
        CACHE_PATH=str(folder / "cache"),
        INCREMENTAL_CACHE=False,
        SEARCH_INDEX_ENABLED=False,
    )


def time_index(site: Path, runs: int) -> tuple[float, int]:
    """Return the best time of ``runs`` indexings of a built site, and the pages indexed."""
    # The plugin as Pelican loads it, from the plugins folder.
    sys.path.insert(0, str(ROOT / "plugins"))
    from search_index.index import run_to_end

    best, pages = float("inf"), 0
    for _ in range(runs):
        started = time.perf_counter()
        shutil.rmtree(site / "pagefind", ignore_errors=True)
        pages = run_to_end(site, site / "pagefind", "en")
        best = min(best, time.perf_counter() - started)
    return best, pages


def main() -> None:
    """Print indexing and build times for the sample site and a generated corpus."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--briefings", type=int, default=1000, help="size of the generated corpus")
    parser.add_argument("--runs", type=int, default=3, help="indexing runs; the best one counts")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        sample = build_without_index(ROOT / "content", folder / "sample")
        seconds, pages = time_index(sample, args.runs)
        print(f"sample site: indexed {pages} briefings in {seconds:.2f} s")

        content = write_corpus(folder / "corpus" / "content", args.briefings)
        started = time.perf_counter()
        site = build_without_index(content, folder / "corpus")
        build_seconds = time.perf_counter() - started
        seconds, pages = time_index(site, args.runs)
        size = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
        print(
            f"{args.briefings} generated briefings: built in {build_seconds:.1f} s without "
            f"the index; indexed {pages} briefings in {seconds:.2f} s "
            f"({seconds * 1000 / args.briefings:.2f} s per 1,000); index {size / 1e6:.1f} MB"
        )


if __name__ == "__main__":
    main()
