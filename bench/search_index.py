"""Measure how long Pagefind takes to index the sample site and a generated corpus, year by year."""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

from archive.build import build_site
from archive.paths import ROOT

from .corpus import write_corpus

# The plugin as Pelican loads it, from the plugins folder.
sys.path.insert(0, str(ROOT / "plugins"))
from search_index.index import Plan, index_shards
from search_index.settings import DEFAULTS
from search_index.shards import shards_of


def build_without_index(content: Path, folder: Path) -> Path:
    """Build a site with search indexing switched off; return its output folder."""
    return build_site(
        PATH=str(content),
        OUTPUT_PATH=str(folder / "output"),
        CACHE_PATH=str(folder / "cache"),
        INCREMENTAL_CACHE=False,
        SEARCH_INDEX_ENABLED=False,
    )


def site_plan(site: Path, bundle: Path, previous: Path | None = None) -> Plan:
    """Return the plan Pelican would make: each shard's published briefing pages."""
    # The open data lists every published briefing with its address and date, as Pelican
    # had them; the bench builds without the plugin, so it reads them from there.
    records = json.loads((site / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    root = json.loads((site / "briefings.json").read_text(encoding="utf-8"))["home_page_url"]
    briefings = [
        SimpleNamespace(
            save_as=record["url"].removeprefix(root).lstrip("/") + "index.html",
            date=datetime.fromisoformat(record["date"]),
        )
        for record in records
    ]
    return Plan(site, bundle, shards_of(briefings, DEFAULTS["SEARCH_INDEX_BANDS"]), previous)


class PagefindPeaks:
    """The peak memory (VmHWM, MB) of each Pagefind process this one starts, sampled."""

    def __init__(self) -> None:
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _children(self) -> list[int]:
        children = []
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(entry.path, "stat").read_text()
                except OSError:
                    continue
                # The command name is in brackets and may hold spaces; ppid follows it.
                if int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid():
                    children.append(int(entry.name))
        return children

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            for pid in self._children():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                if "pagefind" not in status.split("\n", 1)[0]:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        peak = int(line.split()[1]) / 1024
                        self.peaks[pid] = max(self.peaks.get(pid, 0.0), peak)

    def __enter__(self) -> PagefindPeaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def time_index(site: Path, runs: int) -> dict:
    """Index a built site ``runs`` times; return the best time, pages and Pagefind's peaks."""
    best, pages, peaks = float("inf"), 0, []
    for _ in range(runs):
        bundle = site / "pagefind"
        shutil.rmtree(bundle, ignore_errors=True)
        bundle.mkdir()
        started = time.perf_counter()
        with PagefindPeaks() as sampled:
            pages = index_shards(site_plan(site, bundle)).pages
        best = min(best, time.perf_counter() - started)
        peaks = sorted(sampled.peaks.values())
    return {"seconds": best, "pages": pages, "peaks_mb": peaks}


def time_reindex(site: Path) -> dict:
    """Index again after editing one briefing page: return the seconds and what was reused."""
    live = site.parent / "live-pagefind"
    shutil.rmtree(live, ignore_errors=True)
    (site / "pagefind").rename(live)
    plan = site_plan(site, site / "pagefind", previous=live)
    page = site / plan.shards[len(plan.shards) // 2].pages[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    plan.bundle.mkdir()
    started = time.perf_counter()
    outcome = index_shards(plan)
    seconds = time.perf_counter() - started
    shutil.rmtree(live)
    return {"seconds": seconds, "built": outcome.built, "reused": len(outcome.reused)}


def main() -> None:
    """Print indexing and build times for the sample site and a generated corpus."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--briefings", type=int, default=1000, help="size of the generated corpus")
    parser.add_argument("--runs", type=int, default=3, help="indexing runs; the best one counts")
    parser.add_argument("--site", type=Path, help="index this built site instead of building one")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        if args.site is None:
            sample = build_without_index(ROOT / "content", folder / "sample")
            result = time_index(sample, args.runs)
            print(f"sample site: indexed {result['pages']} briefings in {result['seconds']:.2f} s")
            content = write_corpus(folder / "corpus" / "content", args.briefings)
            started = time.perf_counter()
            site = build_without_index(content, folder / "corpus")
            print(f"{args.briefings} generated briefings: built in "
                  f"{time.perf_counter() - started:.1f} s without the index")  # fmt: skip
        else:
            site = folder / "site"
            shutil.copytree(args.site, site, ignore=shutil.ignore_patterns("pagefind"))
        result = time_index(site, args.runs)
        size = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
        peaks = result["peaks_mb"]
        print(
            f"indexed {result['pages']} briefings in {len(peaks)} years in "
            f"{result['seconds']:.2f} s; index {size / 1e6:.1f} MB; Pagefind's peak memory per "
            f"year {min(peaks, default=0):.0f}–{max(peaks, default=0):.0f} MB"
        )
        again = time_reindex(site)
        print(
            f"after editing one page of {again['built']}: indexed again in "
            f"{again['seconds']:.2f} s, {again['reused']} years reused"
        )


if __name__ == "__main__":
    main()
