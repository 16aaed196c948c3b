"""Show content problems to editors one per line, `path:line: field: what; fix`, like a compiler."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

# The logger content problems are logged under, for people; the commands list them instead.
PROBLEMS_LOGGER = "briefing_metadata.problems"


def _not_a_problem(record: logging.LogRecord) -> bool:
    return record.name != PROBLEMS_LOGGER


def keep_problems_off_the_console() -> None:
    """Stop the console log from printing problems, which `print_problems` lists instead."""
    for handler in logging.getLogger().handlers:
        handler.addFilter(_not_a_problem)


def print_problems(problems: Iterable[Any], *, lenient: bool = False) -> None:
    """Print errors, then warnings, each group sorted by file and line."""
    problems = list(problems)
    headings = {
        "error": "error(s), left out of this lenient build" if lenient else "error(s)",
        "warning": "warning(s)",
    }
    for severity, heading in headings.items():
        found = sorted(
            (p for p in problems if p.severity == severity), key=lambda p: (p.path, p.line)
        )
        if found:
            print(f"{len(found)} {heading}:")
            for problem in found:
                print(f"  {problem}")


@contextmanager
def problems_listed(*, lenient: bool = False) -> Iterator[Any]:
    """Show Pelican's console log, but list content problems once, one per line, at the end."""
    from pelican.log import init as init_logging

    from .build import recorded

    init_logging(level=logging.WARNING)
    keep_problems_off_the_console()
    with recorded() as log:
        try:
            yield log
        finally:
            print_problems(log.problems, lenient=lenient)
