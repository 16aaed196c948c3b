"""The record of published addresses: a TOML file in the repository, read and extended."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from briefing_metadata.problems import Problem

HEADER = """\
# Every address this archive has published, kept so that none is ever lost.
# The build fails when one of these addresses has no page, no redirect and no entry under
# [deleted]. A briefing that moves names its old address in a `Moved_from:` line; one
# deleted on purpose is listed under [deleted] with the reason (docs/corrections.md).
# `python3 dev.py addresses.record` adds new addresses (publish does too): commit this file.
"""
QUOTED = re.compile(r'"([^"\\\\]*)"')


@dataclass
class Record:
    """The addresses published so far, those deleted on purpose, and the line of each."""

    published: list[str] = field(default_factory=list)
    deleted: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_record(path: Path, shown: str) -> Record:
    """Read the record at ``path`` (none yet: an empty record); report what is wrong with it."""
    record = Record()
    if not path.is_file():
        return record
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        for match in QUOTED.finditer(line):
            record.lines.setdefault(match[1], number)

    def problem(line: int, message: str, fix: str) -> Record:
        record.problems.append(Problem(shown, line, "addresses", message, fix))
        return record

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = int(m[1]) if (m := re.search(r"line (\d+)", str(error))) else 1
        return problem(line, f"is not valid TOML ({error})", "fix the line, or restore it with git")
    published = data.get("published", [])
    deleted = data.get("deleted", {})
    if not isinstance(published, list) or not all(isinstance(a, str) for a in published):
        return problem(1, "published is not a list of addresses", "restore the file with git")
    if not isinstance(deleted, dict) or not all(isinstance(r, str) for r in deleted.values()):
        return problem(
            record.lines.get("deleted", 1),
            "[deleted] must give each address a reason",
            'write it as "briefings/2025/11/old-name/" = "Why it was deleted"',
        )
    record.published = published
    record.deleted = deleted
    return record


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def record_text(published: list[str], deleted: dict[str, str]) -> str:
    """Return the record file for ``published`` and ``deleted``, one address a line, sorted."""
    lines = [HEADER, "published = ["]
    lines += [f"    {_quoted(address)}," for address in sorted(set(published))]
    lines += ["]", "", "[deleted]"]
    lines += [f"{_quoted(address)} = {_quoted(why)}" for address, why in sorted(deleted.items())]
    return "\n".join(lines) + "\n"


def add_addresses(path: Path, addresses: list[str]) -> list[str]:
    """Add ``addresses`` to the record at ``path`` (made if missing); return the new ones."""
    record = read_record(path, str(path))
    if record.problems:
        raise ValueError("; ".join(str(problem) for problem in record.problems))
    new = sorted(set(addresses) - set(record.published))
    if new or not path.is_file():
        path.write_text(record_text(record.published + new, record.deleted), encoding="utf-8")
    return new
