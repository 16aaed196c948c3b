"""One problem in a content file, said the way an editor can act on it: where, what, how to fix."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contract.build import build_state

# Problems are logged for people under this name alone, so a command that lists them itself
# (from the build's state) can keep them off its console.
logger = logging.getLogger(__name__)

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """A mistake in a content or registry file, at a line, with the fix."""

    path: str
    line: int
    field: str
    message: str
    fix: str
    severity: str = ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}; {self.fix}"


def display_path(path: str | Path, settings: dict[str, Any]) -> str:
    """Return ``path`` as the editor sees it: relative to the folder that holds the content."""
    # abspath, not resolve: a symlink is shown where the editor put it, not where it points.
    path = Path(path).absolute()
    site_root = Path(settings["PATH"]).absolute().parent
    try:
        return path.relative_to(site_root).as_posix()
    except ValueError:
        return path.as_posix()


def report(problems: list[Problem], settings: dict[str, Any]) -> None:
    """Collect each problem in the build's state, and log it for people.

    Errors stop a strict build; warnings, and every problem in a lenient build, only list.
    """
    build_state(settings).add_problems(problems)
    strict = settings["BRIEFING_METADATA_STRICT"]
    for problem in problems:
        level = logging.ERROR if strict and problem.severity == ERROR else logging.WARNING
        logger.log(level, "%s", problem)
