"""Show content problems to editors one per line, `path:line: field: what; fix`, like a compiler."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any


def _not_a_problem(record: logging.LogRecord) -> bool:
    return not hasattr(record, "briefing_problem")


def keep_problems_off_the_console() -> None:
    """Stop the console log from printing problems, which `print_problems` lists instead."""
    for handler in logging.getLogger().handlers:
        handler.addFilter(_not_a_problem)


def print_problems(problems: Iterable[Any]) -> None:
    """Print errors, then warnings, each group sorted by file and line."""
    problems = list(problems)
    for severity in ("error", "warning"):
        found = sorted(
            (p for p in problems if p.severity == severity), key=lambda p: (p.path, p.line)
        )
        if found:
            print(f"{len(found)} {severity}(s):")
            for problem in found:
                print(f"  {problem}")
