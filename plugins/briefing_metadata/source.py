"""Read a content file's bytes safely and find its metadata header, line by line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem

# The header grammar of Python-Markdown's meta extension, which Pelican's reader uses.
FIELD_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")
CONTINUATION_LINE = re.compile(r"^[ ]{4,}(?P<value>.*)$")
FENCE_START = re.compile(r"^-{3}(\s.*)?$")
FENCE_END = re.compile(r"^(-{3}|\.{3})(\s.*)?$")
# Fields an editor may give more than once, each line an entry of its own (history.py).
REPEATABLE = ("correction", "update", "moved_from")
# Blockquote markers (`> > >`) and list items at the start of a body line.
QUOTE_MARKERS = re.compile(r"^(?:[ ]{0,3}>)+")
LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|\d+[.)])[ \t]")


@dataclass
class HeaderField:
    """One ``Key: value`` entry of the header, with continuation lines joined by newlines."""

    key: str
    name: str
    value: str
    line: int


@dataclass
class Source:
    """A content file as read: its header fields by key, and what was wrong with the file."""

    path: Path
    shown_path: str
    text: str = ""
    fields: dict[str, HeaderField] = field(default_factory=dict)
    # Every entry of a field that may be repeated (REPEATABLE), in order; ``fields`` has the first.
    repeated: dict[str, list[HeaderField]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Corrections, updates, withdrawal, old addresses and source, as checked (history.py).
    history: dict = field(default_factory=dict)
    # The line the body starts on, after the header and its blank line.
    body_line: int = 1

    def line_of(self, key: str) -> int:
        """Return the line of field ``key``, or line 1 when the field is missing."""
        return self.fields[key].line if key in self.fields else 1

    def problem(self, key: str, message: str, fix: str, **kwargs: object) -> None:
        """Record a problem with field ``key``, at its line."""
        name = self.fields[key].name if key in self.fields else key.capitalize()
        self.problems.append(
            Problem(self.shown_path, self.line_of(key), name, message, fix, **kwargs)
        )


def read_source(
    path: Path, shown_path: str, *, content_root: Path, max_bytes: int, max_nesting: int
) -> Source:
    """Read ``path``; problems that make it unreadable leave ``text`` empty."""
    source = Source(path, shown_path)

    def fail(line: int, message: str, fix: str) -> Source:
        source.problems.append(Problem(shown_path, line, "file", message, fix))
        return source

    if not path.resolve().is_relative_to(content_root.resolve()):
        return fail(
            1,
            f"is a link to {path.resolve()}, outside the content folder",
            "copy the file into the content folder instead of linking to it",
        )
    size = path.stat().st_size
    if size > max_bytes:
        return fail(
            1,
            f"is {size / 1e6:.1f} MB; a briefing may be at most {max_bytes / 1e6:.1f} MB",
            "split it into several briefings, or link to large documents instead",
        )
    raw = path.read_bytes()
    if not raw.strip():
        return fail(1, "the file is empty", "write the metadata header and body, or delete it")
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        return fail(
            line,
            "contains a NUL byte, which is not text",
            "delete the invisible character on this line (it often comes from a paste)",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return fail(*not_utf8(raw, error))
    source.text = text.removeprefix("\ufeff")
    _parse_header(source)
    _check_nesting(source, max_nesting)
    return source


def not_utf8(raw: bytes, error: UnicodeDecodeError) -> tuple[int, str, str]:
    """Return the line of the first byte of ``raw`` that is not UTF-8, the problem and the fix."""
    line_start = raw.rfind(b"\n", 0, error.start) + 1
    # Characters, not bytes, as an editor counts columns; everything before the byte decodes.
    before = raw[line_start : error.start].decode("utf-8").removeprefix("\ufeff")
    return (
        raw.count(b"\n", 0, error.start) + 1,
        f"is not UTF-8: byte 0x{raw[error.start]:02x} at column {len(before) + 1}",
        "save the file as UTF-8 in your editor",
    )


def _parse_header(source: Source) -> None:
    """Fill ``source.fields`` from the header, as Python-Markdown's meta extension reads it."""
    lines = source.text.splitlines()
    number = 0
    if lines and FENCE_START.match(lines[0]):
        number = 1
    current: HeaderField | None = None
    # The body starts after the blank line (or fence) that ends the header, or at the
    # first line that is not a header line.
    body_starts_after_line = True
    while number < len(lines):
        line = lines[number]
        if not line.strip() or (number > 0 and FENCE_END.match(line)):
            break
        if match := FIELD_LINE.match(line):
            key = match["key"].lower()
            current = HeaderField(key, match["key"], match["value"].strip(), number + 1)
            if key in REPEATABLE:
                source.repeated.setdefault(key, []).append(current)
                source.fields.setdefault(key, current)
            elif key in source.fields:
                source.problem(
                    key,
                    f"is given twice (lines {source.fields[key].line} and {number + 1})",
                    "keep one of the two lines",
                )
            if key not in REPEATABLE:
                source.fields[key] = current
        elif current is not None and (match := CONTINUATION_LINE.match(line)):
            current.value += "\n" + match["value"].strip()
        else:
            if source.fields:
                # Python-Markdown silently ends the header here: the rest becomes body text.
                source.problems.append(
                    Problem(
                        source.shown_path,
                        number + 1,
                        "header",
                        f"this line ends the metadata header early: {line.strip()[:60]!r}",
                        "write it as `Field: value`, indent a continued value by four spaces, "
                        "or leave a blank line before the body",
                    )
                )
            body_starts_after_line = False
            break
        number += 1
    source.body_line = number + (2 if body_starts_after_line else 1)


def _check_nesting(source: Source, max_nesting: int) -> None:
    """Refuse quotes or lists nested so deep that Markdown would take minutes on them."""
    body = source.text.splitlines()[source.body_line - 1 :]
    for number, line in enumerate(body, source.body_line):
        quotes = QUOTE_MARKERS.match(line)
        depth = quotes.group().count(">") if quotes else 0
        kind = "quotes"
        if item := LIST_ITEM.match(line):
            depth = len(item["indent"].expandtabs(4)) // 4 + 1
            kind = "lists"
        if depth > max_nesting:
            source.problems.append(
                Problem(
                    source.shown_path,
                    number,
                    "body",
                    f"{kind} are nested {depth} levels deep; at most {max_nesting} are allowed",
                    "flatten the nesting",
                )
            )
            return
