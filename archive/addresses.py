"""Keep the record of published addresses up to date: add what the site publishes now."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from permanent_addresses.record import add_addresses

from .build import site_settings
from .paths import PUBLISH_SETTINGS


def record_path(settings: dict[str, Any]) -> Path | None:
    """Return the record file the settings name, or None when the check is off."""
    name = settings.get("PERMANENT_ADDRESSES_RECORD", "published-addresses.toml")
    return Path(settings["PATH"]) / name if name else None


def record_addresses(
    addresses: Iterable[str], settings_file: Path = PUBLISH_SETTINGS, **overrides: Any
) -> tuple[Path | None, list[str]]:
    """Add ``addresses`` to the record file; return the file and the addresses added."""
    path = record_path(site_settings(settings_file, **overrides))
    if path is None:
        return None, []
    return path, add_addresses(path, list(addresses))


def record_site(settings_file: Path = PUBLISH_SETTINGS, **overrides: Any) -> tuple[Any, list[str]]:
    """Check the site as publishing would; record its addresses if no error was found."""
    from .check import check_site

    report = check_site(settings_file, **overrides)
    if not report.ok:
        return report, []
    return report, record_addresses(report.log.addresses, settings_file, **overrides)[1]
