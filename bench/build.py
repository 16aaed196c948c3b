"""Run one timed build (ours or plain Pelican) in this process and print its timings as JSON."""

from __future__ import annotations

import argparse
import json
import logging
import time
from pathlib import Path

from . import steps


def plain_settings(content: Path, output: Path, cache: Path, *, typogrify: bool = True) -> dict:
    """Return plain Pelican's settings: default theme, our URLs and pagination, Typogrify or not."""
    from pelican.settings import read_settings

    return read_settings(
        None,
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(cache),
            "ARTICLE_PATHS": ["briefings"],
            "PAGE_PATHS": ["pages"],
            "PLUGINS": [],
            "TIMEZONE": "Asia/Kolkata",
            "SITEURL": "http://127.0.0.1:8000",
            "RELATIVE_URLS": True,
            "TYPOGRIFY": typogrify,
            "LOAD_CONTENT_CACHE": False,
            "ARTICLE_URL": "briefings/{date:%Y}/{date:%m}/{slug}/",
            "ARTICLE_SAVE_AS": "briefings/{date:%Y}/{date:%m}/{slug}/index.html",
            "TAG_URL": "tags/{slug}/",
            "TAG_SAVE_AS": "tags/{slug}/index.html",
            "AUTHOR_URL": "spokespeople/{slug}/",
            "AUTHOR_SAVE_AS": "spokespeople/{slug}/index.html",
            # Like ours: one category for all, and no category pages.
            "DEFAULT_METADATA": {"category": "Briefings"},
            "CATEGORY_SAVE_AS": "",
            "CATEGORIES_SAVE_AS": "",
            "YEAR_ARCHIVE_SAVE_AS": "archives/{date:%Y}/index.html",
            "MONTH_ARCHIVE_SAVE_AS": "archives/{date:%Y}/{date:%m}/index.html",
            "DEFAULT_PAGINATION": 10,
            "PAGINATED_TEMPLATES": {
                "index": None,
                "tag": None,
                "author": None,
                "period_archives": None,
            },
            "PAGINATION_PATTERNS": (
                (1, "{url}", "{save_as}"),
                (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
            ),
            "FEED_ALL_ATOM": "feeds/all.atom.xml",
            "TAG_FEED_ATOM": "feeds/tags/{slug}.atom.xml",
            "AUTHOR_FEED_ATOM": "feeds/spokespeople/{slug}.atom.xml",
            "FEED_MAX_ITEMS": 50,
        },
    )


def setting_override(text: str) -> tuple[str, object]:
    """Return the setting name and value of ``NAME=JSON``, as ``--set`` takes them."""
    name, _, value = text.partition("=")
    return name, json.loads(value)


def python_peak_mb() -> float:
    """Return this process's own peak memory (VmHWM), without Pagefind's process."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def main() -> None:
    """Build once, as ``--mode`` says, and print a JSON object with the seconds of each step."""
    parser = argparse.ArgumentParser(description=__doc__)
    # pelican: plain Pelican with Typogrify, as we typeset; pelican-plain: without it.
    parser.add_argument("--mode", choices=["ours", "pelican", "pelican-plain"], required=True)
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=JSON",
        help="a setting of ours to override, its value in JSON: THREADS_FACETS=false",
    )
    args = parser.parse_args()
    overrides = dict(setting_override(text) for text in args.set)
    logging.basicConfig(level=logging.ERROR)
    steps.install(ours=args.mode == "ours")
    started = time.perf_counter()
    if args.mode == "ours":
        from archive.build import build_site

        build_site(
            PATH=str(args.content),
            OUTPUT_PATH=str(args.output),
            CACHE_PATH=str(args.cache),
            **overrides,
        )
    else:
        from pelican import Pelican

        typogrify = args.mode == "pelican"
        Pelican(plain_settings(args.content, args.output, args.cache, typogrify=typogrify)).run()
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": round(seconds, 3),
                "python_peak_mb": python_peak_mb(),
                "steps": steps.report(seconds),
            }
        )
    )


if __name__ == "__main__":
    main()
