"""What one build keeps between Pelican's signals: its problems and each plugin's notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The setting that carries a build's state: the one object every signal's sender reaches
# (Pelican, each generator, the writer and every content object share the settings).
BUILD_STATE = "BUILD_STATE"


@dataclass
class BuildState:
    """One build's problems found in content files, and notes plugins keep for later signals.

    Each build starts a new one, so a second build (or a check) in the same process never
    sees the first one's problems, writer or plans.
    """

    problems: list[Any] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)

    def add_problems(self, problems: list[Any]) -> None:
        """Collect ``problems`` (briefing_metadata's Problem) found in this build."""
        self.problems.extend(problems)

    def files_with_problems(self) -> set[str]:
        """Return the display paths of the files that reported a problem in this build."""
        return {str(problem.path) for problem in self.problems}


def build_state(settings: dict[str, Any]) -> BuildState:
    """Return the build's state, started on first use (a build run by `pelican` itself)."""
    state = settings.get(BUILD_STATE)
    if state is None:
        state = settings[BUILD_STATE] = BuildState()
    return state
