"""Defaults of the search_index plugin, and the search page's Content-Security-Policy."""

from __future__ import annotations

from typing import Any

from contract.policy import add_sources
from contract.settings import TRUE_OR_FALSE, Expect, fill_and_check, text, whole_number

DEFAULTS: dict[str, Any] = {
    # Index the built site after every build; False leaves search out (no index, no page).
    "SEARCH_INDEX_ENABLED": True,
    # The folder, inside the output, that holds the index: one Pagefind bundle (index and
    # search script) per shard of SEARCH_INDEX_BANDS, in `<year>/` or `<oldest>-<newest>/`,
    # and each shard's fingerprint in `shards.json`. A shard whose fingerprint is unchanged
    # is reused from this folder in INCREMENTAL_PREVIOUS_OUTPUT (the incremental plugin's
    # setting; None indexes every shard).
    "SEARCH_INDEX_OUTPUT_PATH": "pagefind",
    # Years in each index shard, newest first, counted back from the newest briefing's year;
    # the older years share one last shard. Each shard costs a reader's first search some
    # requests and a build one Pagefind run; an edit re-indexes only its own shard. (1,):
    # the newest year, edited most, on its own, and one shard for the rest; () one index.
    "SEARCH_INDEX_BANDS": (1,),
    # The most pages (briefings in every language) one shard holds: a band with more is
    # split into runs of whole years, counted from its oldest. Pagefind holds a shard in
    # memory, about 190 KB a page, so this bounds Pagefind's memory at any size; a year
    # with more pages is a shard of its own. None: each band is one shard, however large.
    "SEARCH_INDEX_SHARD_PAGES": 12_000,
    # The search page's policy; None takes CONTENT_SECURITY_POLICY and lets WebAssembly run.
    "SEARCH_INDEX_CONTENT_SECURITY_POLICY": None,
}
# Pelican's own names for a direct template's address: the search page.
PAGE_DEFAULTS: dict[str, Any] = {
    "SEARCH_URL": "search/",
    "SEARCH_SAVE_AS": "search/index.html",
}


CHECKS = {
    "SEARCH_INDEX_ENABLED": TRUE_OR_FALSE,
    "SEARCH_INDEX_OUTPUT_PATH": Expect(
        lambda folder: (
            isinstance(folder, str) and bool(folder.strip("/")) and ".." not in folder.split("/")
        ),
        "a folder inside the output, such as 'pagefind'",
    ),
    "SEARCH_INDEX_BANDS": Expect(
        lambda bands: (
            isinstance(bands, list | tuple)
            and all(isinstance(years, int) and not isinstance(years, bool) for years in bands)
            and all(years >= 1 for years in bands)
        ),
        "a list of years per shard, newest first, each at least 1, such as (1,) or (1, 4)",
    ),
    "SEARCH_INDEX_SHARD_PAGES": whole_number(1).or_none(
        "a whole number of at least 1, or None for no limit"
    ),
    "SEARCH_INDEX_CONTENT_SECURITY_POLICY": text("a policy").or_none(
        "a policy, or None for the site's with WebAssembly allowed"
    ),
}


def allow_webassembly(policy: str) -> str:
    """Return a Content-Security-Policy whose script-src also lets WebAssembly compile."""
    return add_sources(policy, "script-src", "'wasm-unsafe-eval'")


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings, check them, and add the search page when enabled."""
    settings = fill_and_check("search_index", pelican.settings, DEFAULTS, CHECKS)
    if settings["SEARCH_INDEX_CONTENT_SECURITY_POLICY"] is None:
        settings["SEARCH_INDEX_CONTENT_SECURITY_POLICY"] = allow_webassembly(
            settings.get("CONTENT_SECURITY_POLICY", "")
        )
    if not settings["SEARCH_INDEX_ENABLED"]:
        return
    for key, default in PAGE_DEFAULTS.items():
        settings.setdefault(key, default)
    templates = list(settings.get("DIRECT_TEMPLATES", []))
    if "search" not in templates:
        settings["DIRECT_TEMPLATES"] = [*templates, "search"]
