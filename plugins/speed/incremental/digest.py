"""Fingerprint everything besides a briefing's own file that shapes what the build makes of it."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from contract.versions import package_versions

# Settings that name where this run writes, which differ between runs of the same site, and
# the plugin's own results (a long-lived process, such as the live preview, builds again
# with the same settings).
RUN_SETTINGS = {
    "OUTPUT_PATH",
    "CACHE_PATH",
    "INCREMENTAL_PREVIOUS_OUTPUT",
    "INCREMENTAL_DIGEST",
    "INCREMENTAL_CACHE_ROOT",
}
PACKAGES = ("pelican", "markdown", "typogrify", "smartypants", "nh3", "jinja2", "feedgenerator")


def _plain(value: Any) -> Any:
    # Functions and classes print with their memory address, which changes every run.
    return f"<{type(value).__module__}.{type(value).__qualname__}>"


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def site_digest(settings: dict[str, Any], registry: Path) -> str:
    """Return a hash of the settings, the plugin and theme files, the registry and versions."""
    digest = hashlib.sha256()
    chosen = {k: v for k, v in settings.items() if k not in RUN_SETTINGS}
    digest.update(json.dumps(chosen, sort_keys=True, default=_plain).encode())
    digest.update(sys.version.encode())
    digest.update(package_versions(PACKAGES))
    # Pelican has made these absolute; a plugin's or template's change reaches every page.
    folders = [Path(path) for path in settings.get("PLUGIN_PATHS", [])]
    folders.append(Path(settings["THEME"]))
    folders.append(registry)
    for folder in sorted({f.resolve() for f in folders if f.is_dir()}):
        for path in _files(folder):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:20]
