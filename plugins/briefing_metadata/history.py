"""A briefing's history fields: corrections, updates, withdrawal, old addresses, original source."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any
from urllib.parse import urlsplit

from .plain_text import markup_in
from .problems import Problem
from .source import HeaderField, Source

# The same dates as Date and Modified (schema.DATE, repeated here to avoid a cycle).
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")
DATE_FIX = "write it as YYYY-MM-DD or YYYY-MM-DD HH:MM, for example 2026-02-14"
# What each dated field is called on the page, and an example line for its fixes.
DATED_FIELDS = {
    "correction": ("Corrected", "Correction: 2026-02-14 | The officers start in March, not April."),
    "update": ("Updated", "Update: 2026-02-20 | Added the list of agencies taking part."),
    "withdrawn": ("Withdrawn", "Withdrawn: 2026-03-02 | It was issued in error."),
}
# An old address is a path inside the site: letters, digits and - _ . / only.
ADDRESS = re.compile(r"^[A-Za-z0-9._~/-]+$")
ADDRESS_FIX = "give the old address as a path inside the site, such as briefings/2025/11/old-name/"


@dataclass(frozen=True)
class Change:
    """One correction or update of a briefing: when, and what changed, in one sentence."""

    kind: str
    date: datetime
    text: str

    @property
    def label(self) -> str:
        """Return the word a reader sees before the date: "Corrected" or "Updated"."""
        return DATED_FIELDS[self.kind][0]

    @property
    def iso_date(self) -> str:
        """Return the date as written, for a ``<time datetime>``: the day, or day and time."""
        return self.date.date().isoformat() if self.date.time() == time() else self.date.isoformat()

    @property
    def is_correction(self) -> bool:
        """Return whether this change corrects a mistake (an update adds to the briefing)."""
        return self.kind == "correction"


@dataclass(frozen=True)
class Withdrawal:
    """When a briefing was withdrawn, and why."""

    date: datetime
    reason: str

    @property
    def iso_date(self) -> str:
        """Return the date as written, for a ``<time datetime>``: the day, or day and time."""
        return self.date.date().isoformat() if self.date.time() == time() else self.date.isoformat()


def _dated_entry(
    source: Source, field: HeaderField, published: datetime | None
) -> tuple[datetime, str] | None:
    """Return the date and text of a ``DATE | text`` field, or None after reporting why not."""
    example = DATED_FIELDS[field.key][1]

    def problem(message: str, fix: str) -> None:
        source.problems.append(Problem(source.shown_path, field.line, field.name, message, fix))

    value = " ".join(field.value.split())
    date_text, bar, text = value.partition("|")
    date_text, text = date_text.strip(), text.strip()
    if not bar:
        problem(f"{value[:60]!r} has no date before a |", f"write it as `{example}`")
        return None
    if not DATE.match(date_text):
        problem(f"{date_text!r} is not a full date", DATE_FIX)
        return None
    try:
        date = datetime.fromisoformat(date_text)
    except ValueError as error:
        problem(f"{date_text!r} is not a real date ({error})", "check the day and month")
        return None
    if published is not None and date.date() < published.date():
        problem(
            f"is dated {date:%Y-%m-%d}, before the briefing's Date ({published:%Y-%m-%d})",
            "give the day the change was made",
        )
        return None
    if not text:
        problem("has a date but no text", f"say in one sentence what changed, as in `{example}`")
        return None
    if tag := markup_in(text):
        problem(
            f"has the markup {tag[:60]}, but it is plain text",
            "remove the markup: readers would see it exactly as typed",
        )
        return None
    return date, text


def _old_address(source: Source, field: HeaderField) -> str | None:
    value = field.value.strip().lstrip("/")
    if not value or not ADDRESS.match(value) or ".." in value.split("/"):
        source.problems.append(
            Problem(
                source.shown_path,
                field.line,
                field.name,
                f"{field.value.strip()[:60]!r} is not an address inside the site",
                ADDRESS_FIX,
            )
        )
        return None
    # Written as the site writes addresses: a folder ends in a slash.
    return value if value.endswith((".html", "/")) else f"{value}/"


def _source_url(source: Source, field: HeaderField) -> str | None:
    value = field.value.strip()
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname or re.search(r"[\s\"'<>]", value):
        source.problem(
            "source_url",
            f"{value[:60]!r} is not an https address",
            "give the full address of the official transcript or video, starting https://",
        )
        return None
    return value


def check_history(source: Source, published: datetime | None) -> dict[str, Any]:
    """Check the history fields of ``source``; return them as metadata for the briefing."""
    history: dict[str, Any] = {"changes": [], "moved_from": []}
    for kind in ("correction", "update"):
        for field in source.repeated.get(kind, []):
            entry = _dated_entry(source, field, published)
            if entry:
                history["changes"].append(Change(kind, *entry))
    # Oldest first, as the change list at the foot of the page reads.
    history["changes"].sort(key=lambda change: change.date)
    status = source.fields.get("status")
    withdrawn_status = status is not None and status.value.strip().lower() == "withdrawn"
    if "withdrawn" in source.fields:
        entry = _dated_entry(source, source.fields["withdrawn"], published)
        if not withdrawn_status:
            source.problem(
                "withdrawn",
                "gives a withdrawal, but Status is not withdrawn",
                "add the line `Status: withdrawn`, or remove this one",
            )
        elif entry:
            history["withdrawal"] = Withdrawal(*entry)
    elif withdrawn_status:
        source.problem(
            "status",
            "is withdrawn, but the briefing says neither when nor why",
            f"add a line `{DATED_FIELDS['withdrawn'][1]}`",
        )
    for field in source.repeated.get("moved_from", []):
        address = _old_address(source, field)
        if address:
            history["moved_from"].append(address)
    if "source_url" in source.fields:
        history["source_url"] = _source_url(source, source.fields["source_url"])
    return history
