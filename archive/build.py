"""Build the site with Pelican, in-process, from a settings file plus overrides."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.settings import read_settings

from .paths import SETTINGS


class BuildError(RuntimeError):
    """The build logged errors, so its output must not be trusted."""


class _ErrorCounter(logging.Handler):
    """Count the errors any part of the build logs."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.errors.append(record.getMessage())


def site_settings(settings_file: Path = SETTINGS, **overrides: Any) -> dict[str, Any]:
    """Return Pelican's settings from ``settings_file`` with ``overrides`` applied."""
    return read_settings(str(settings_file), override=overrides)


def build_site(settings_file: Path = SETTINGS, **overrides: Any) -> Path:
    """Build the site, raise BuildError if anything logged an error, return the output folder."""
    settings = site_settings(settings_file, **overrides)
    counter = _ErrorCounter()
    root = logging.getLogger()
    root.addHandler(counter)
    try:
        Pelican(settings).run()
    finally:
        root.removeHandler(counter)
    if counter.errors:
        raise BuildError(
            f"the build logged {len(counter.errors)} error(s):\n"
            + "\n".join(f"- {message}" for message in counter.errors)
        )
    return Path(settings["OUTPUT_PATH"])
