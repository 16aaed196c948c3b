"""Defaults of the incremental plugin."""

from __future__ import annotations

from typing import Any

from contract.settings import TRUE_OR_FALSE, fill_and_check, text

DEFAULTS: dict[str, Any] = {
    # Keep each briefing as read and typeset in Pelican's content cache (generator layer),
    # in a folder named by the site's fingerprint. `python3 dev.py check` turns it off to read
    # every file afresh.
    "INCREMENTAL_CACHE": True,
    # The live output folder of the last build: briefing pages whose inputs did not change
    # are hard-linked from it instead of rendered. None renders every page (a plain
    # `pelican` run); archive.build.build_site sets it when it builds into a staging folder.
    "INCREMENTAL_PREVIOUS_OUTPUT": None,
    # Offer Pelican the incremental writer (`get_writer`). `invoke check` turns it off and
    # offers its own, which writes nothing: Pelican takes the first of several writers
    # offered, in the order their plugins connected, so only one may be.
    "INCREMENTAL_WRITER": True,
}


CHECKS = {
    "INCREMENTAL_CACHE": TRUE_OR_FALSE,
    "INCREMENTAL_PREVIOUS_OUTPUT": text("a folder's path").or_none("a folder's path or None"),
    "INCREMENTAL_WRITER": TRUE_OR_FALSE,
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check them."""
    fill_and_check("incremental", pelican.settings, DEFAULTS, CHECKS)
