"""Split the search index into a few shards by the briefings' age; tell which can be reused."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from contract.versions import package_versions

# Written into the bundle folder: each shard's fingerprint, for the next build to compare.
MANIFEST = "shards.json"
# Raised when the manifest's layout changes, so an old manifest never matches.
MANIFEST_VERSION = 3
# Characters with a meaning in Pagefind's globs (wax), escaped in page paths.
GLOB_SPECIAL = re.compile(r"([\\?*$:<>()\[\]{},!])")


@dataclass(frozen=True)
class Shard:
    """One index: its years (newest first), the output paths of its pages, and their globs."""

    years: tuple[int, ...]
    pages: tuple[str, ...]
    # Globs, relative to the site, that together match the pages and no other shard's page.
    globs: tuple[str, ...] = field(default=(), compare=False)

    @property
    def folder(self) -> str:
        """Return the shard's folder name inside the bundle: its year, or its oldest-newest."""
        newest, oldest = self.years[0], self.years[-1]
        return str(newest) if newest == oldest else f"{oldest}-{newest}"


# Pagefind refuses to parse a glob of some thousands of alternatives (10,000 pages of one
# year failed), so a year's patterns are given in groups of at most this many.
MAX_ALTERNATIVES = 500


def _escape(path: str) -> str:
    return GLOB_SPECIAL.sub(r"\\\1", path)


def _folders(page: str) -> list[str]:
    """Return the folders above a page, outermost first."""
    parts = page.split("/")[:-1]
    return ["/".join(parts[: depth + 1]) for depth in range(len(parts))]


def _patterns(pages: Iterable[str], shards_under: dict[str, set[int]]) -> list[str]:
    """Return the fewest patterns that match ``pages`` and no other shard's briefing page."""
    patterns = set()
    for page in pages:
        # The outermost folder that holds briefing pages of this shard only: with URLs
        # grouped by date, as ours are, one pattern covers a year's folder. Other pages
        # there (listings) are not marked for the index, so Pagefind skips them.
        pure = next((f for f in _folders(page) if len(shards_under[f]) == 1), None)
        if pure is not None and page.endswith(".html"):
            patterns.add(_escape(pure) + "/**/*.html")
        else:
            patterns.add(_escape(page))
    return sorted(patterns)


def _globs(patterns: list[str]) -> tuple[str, ...]:
    groups = [patterns[i : i + MAX_ALTERNATIVES] for i in range(0, len(patterns), MAX_ALTERNATIVES)]
    return tuple(group[0] if len(group) == 1 else "{" + ",".join(group) + "}" for group in groups)


def band_of(year: int, newest: int, bands: Sequence[int]) -> int:
    """Return the number of the shard that holds ``year``: 0 for the newest band.

    ``bands`` are the years in each shard, newest first, counted back from the ``newest``
    year of briefings; every year older than they reach shares one last shard.
    """
    age = newest - year
    for number, reach in enumerate(accumulate(bands)):
        if age < reach:
            return number
    return len(bands)


def split_band(years: Sequence[int], pages_in: dict[int, int], most: int | None) -> list[list[int]]:
    """Split a band's years (newest first) into runs of at most ``most`` pages, newest first.

    Runs are counted from the band's oldest year, so that as the archive grows at its newest
    end the older runs, and their indexes, stay as they were. A year with more pages than
    ``most`` is a run of its own; ``None`` keeps the band whole.
    """
    if most is None:
        return [list(years)]
    runs: list[list[int]] = [[]]
    held = 0
    for year in reversed(years):
        if runs[-1] and held + pages_in[year] > most:
            runs.append([])
            held = 0
        runs[-1].insert(0, year)
        held += pages_in[year]
    return runs[::-1]


def shards_of(
    briefings: Iterable[Any], bands: Sequence[int] = (), most_pages: int | None = None
) -> list[Shard]:
    """Group published briefings' pages into shards by the age of their year, newest first.

    ``most_pages`` bounds a shard's pages (whole years each), and so Pagefind's memory.
    """
    by_year: dict[int, list[str]] = {}
    for briefing in briefings:
        if briefing.save_as:  # an empty ARTICLE_SAVE_AS writes no page
            by_year.setdefault(briefing.date.year, []).append(briefing.save_as)
    if not by_year:
        return []
    newest = max(by_year)
    # The years of each band, newest first; the newest year changes only in a new year.
    years_of: dict[int, list[int]] = {}
    for year in sorted(by_year, reverse=True):
        years_of.setdefault(band_of(year, newest, bands), []).append(year)
    pages_in = {year: len(pages) for year, pages in by_year.items()}
    runs = [
        run for band in sorted(years_of) for run in split_band(years_of[band], pages_in, most_pages)
    ]
    shards_under: dict[str, set[int]] = {}
    for number, years in enumerate(runs):
        for page in (page for year in years for page in by_year[year]):
            for folder in _folders(page):
                shards_under.setdefault(folder, set()).add(number)
    shards = []
    for years in runs:
        pages = [page for year in years for page in by_year[year]]
        globs = _globs(_patterns(pages, shards_under))
        shards.append(Shard(tuple(years), tuple(sorted(pages)), globs))
    return shards


def index_settings(config: dict[str, Any], code: Iterable[Path]) -> str:
    """Return a hash of what shapes every shard besides its pages: Pagefind, config, code."""
    digest = hashlib.sha256(f"manifest {MANIFEST_VERSION}\0".encode())
    digest.update(package_versions(("pagefind", "pagefind_bin")))
    # Where a shard is written does not change what is in it.
    chosen = {key: value for key, value in config.items() if key != "output_path"}
    digest.update(json.dumps(chosen, sort_keys=True).encode())
    # This plugin's own code decides which pages go in and which bundle files stay.
    for path in sorted(code):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


# Pagefind reads a page's head (its language), the element marked data-pagefind-body and
# any data-pagefind-* attribute; the rest of a briefing page (what to read next, related
# briefings, comments) shows other briefings and is not indexed.
SEARCH_BODY = re.compile(rb"<(\w+)[^>]*\sdata-pagefind-body[\s>=]")
PAGEFIND_ATTRIBUTE = re.compile(rb"<[^>]*\sdata-pagefind-[^>]*>")


def searchable_part(html: bytes) -> bytes:
    """Return what Pagefind reads of a page, or the whole page if it has no search body.

    That is everything up to the end of the search body, and every tag after it that
    carries a data-pagefind-* attribute.
    """
    start = SEARCH_BODY.search(html)
    if start is None:
        return html
    name = start.group(1)
    # The element's end: its closing tag at the depth it opened (it may hold its own kind).
    tags = re.compile(rb"<(/?)" + name + rb"[\s>]")
    depth = 0
    for tag in tags.finditer(html, start.start()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = html.index(b">", tag.end() - 1) + 1
            return html[:end] + b"".join(PAGEFIND_ATTRIBUTE.findall(html, end))
    return html


def fingerprint(site: Path, shard: Shard, settings_hash: str) -> str:
    """Return a hash of what Pagefind reads for ``shard``: its pages' paths and searchable parts.

    Only the searchable part counts, so a briefing whose title changes re-indexes its own
    shard, not the shards of the pages that list it among their related briefings.
    """
    digest = hashlib.sha256(settings_hash.encode())
    for page in shard.pages:
        digest.update(b"\0" + page.encode() + b"\0")
        digest.update(hashlib.sha256(searchable_part((site / page).read_bytes())).digest())
    return digest.hexdigest()


def read_manifest(bundle: Path) -> dict[str, str]:
    """Return each shard folder's fingerprint from the manifest in ``bundle``, if readable."""
    try:
        manifest = json.loads((bundle / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(manifest, dict) or manifest.get("version") != MANIFEST_VERSION:
        return {}
    return {
        shard["folder"]: shard["fingerprint"]
        for shard in manifest.get("shards", [])
        if isinstance(shard, dict) and {"folder", "fingerprint"} <= shard.keys()
    }


def write_manifest(bundle: Path, shards: list[dict[str, Any]]) -> None:
    """Write the manifest of the shards in ``bundle``, newest first."""
    text = json.dumps({"version": MANIFEST_VERSION, "shards": shards}, indent=1)
    (bundle / MANIFEST).write_text(text + "\n", encoding="utf-8")


def _link_or_copy(source: str, target: str) -> None:
    # The previous build's files are never written to (every build writes shards into new
    # folders), so a hard link is as safe as a copy; a copy where links are impossible.
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def reuse(previous: Path, known: dict[str, str], bundle: Path, shard: Shard, key: str) -> bool:
    """Bring the shard's folder over from the previous bundle if its fingerprint matches.

    ``known`` is the previous bundle's manifest, as ``read_manifest`` returns it.
    """
    source = previous / shard.folder
    if known.get(shard.folder) != key or not (source / "pagefind-entry.json").is_file():
        return False
    target = bundle / shard.folder
    try:
        shutil.copytree(source, target, copy_function=_link_or_copy)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        return False
    return True
