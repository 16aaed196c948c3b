"""Defaults of the corrections plugin."""

from __future__ import annotations

from typing import Any

from contract.settings import fill_and_check, text

DEFAULTS: dict[str, Any] = {
    # The corrections ledger: every correction in the archive, newest first, paginated.
    "CORRECTIONS_SAVE_AS": "corrections/index.html",
    "CORRECTIONS_URL": "corrections/",
    # Its feeds, Atom and JSON Feed 1.1 (FEED_MAX_ITEMS entries); '' writes no file.
    "CORRECTIONS_FEED_ATOM": "feeds/corrections.atom.xml",
    "CORRECTIONS_FEED_JSON": "feeds/corrections.json",
    # The withdrawals ledger: every withdrawn briefing, with the date and the reason.
    "CORRECTIONS_WITHDRAWN_SAVE_AS": "withdrawn/index.html",
    "CORRECTIONS_WITHDRAWN_URL": "withdrawn/",
}

OUTPUT_FILE = text("a path in the output folder, or '' for no file")
CHECKS = {
    "CORRECTIONS_SAVE_AS": OUTPUT_FILE,
    "CORRECTIONS_URL": text("the ledger's address inside the site"),
    "CORRECTIONS_FEED_ATOM": OUTPUT_FILE,
    "CORRECTIONS_FEED_JSON": OUTPUT_FILE,
    "CORRECTIONS_WITHDRAWN_SAVE_AS": OUTPUT_FILE,
    "CORRECTIONS_WITHDRAWN_URL": text("the ledger's address inside the site"),
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check them; paginate the ledger like the listings."""
    settings = fill_and_check("corrections", pelican.settings, DEFAULTS, CHECKS)
    if "corrections" not in settings["PAGINATED_TEMPLATES"]:
        # A copy: the dict may be shared with Pelican's defaults or another build's settings.
        settings["PAGINATED_TEMPLATES"] = {**settings["PAGINATED_TEMPLATES"], "corrections": None}
