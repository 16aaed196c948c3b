"""The archive's rules for a new comment, checked by the server before Isso sees it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# The form's hidden field: people never see it, robots fill it in.
HONEYPOT = "website"
MAX_NAME_LENGTH = 100
MAX_TITLE_LENGTH = 250
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# A briefing's page address, as the plugin sends it: /briefings/2026/02/slug/.
THREAD = re.compile(r"^(?:/[a-z0-9][a-z0-9-]*)+/$")


@dataclass(frozen=True)
class Rules:
    """What a comment must be, from the COMMENTS_* settings."""

    min_length: int
    max_length: int
    allow_anonymous: bool

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> Rules:
        """Return the rules the settings ask for."""
        return cls(
            settings["COMMENTS_MIN_LENGTH"],
            settings["COMMENTS_MAX_LENGTH"],
            settings["COMMENTS_ALLOW_ANONYMOUS"],
        )


@dataclass(frozen=True)
class Refusal:
    """Why a comment was not accepted: the form field it concerns and a message for the reader."""

    field: str
    message: str
    status: int = 400


def plain(value: Any) -> str:
    """Return ``value`` as text without control characters (line breaks kept), trimmed."""
    if not isinstance(value, str):
        return ""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        char for char in value if char in "\n\t" or unicodedata.category(char) != "Cc"
    ).strip()


def check_comment(data: Any, uri: str, rules: Rules) -> dict[str, Any] | Refusal:
    """Return the comment Isso should store, cleaned, or why it is refused."""
    if not isinstance(data, dict):
        return Refusal("form", "The comment could not be read; please reload the page and retry.")
    if not THREAD.match(uri or ""):
        return Refusal("form", "Comments can only be left on a briefing's page.")
    if plain(data.get(HONEYPOT)):
        return Refusal(
            "form",
            "This looks like an automated comment: leave the field “Leave this empty” empty.",
        )
    text = plain(data.get("text"))
    if len(text) < rules.min_length:
        return Refusal(
            "text",
            f"Comments need at least {rules.min_length:,} characters; you wrote {len(text):,}.",
        )
    if len(text) > rules.max_length:
        return Refusal(
            "text",
            f"Comments can have at most {rules.max_length:,} characters; you wrote {len(text):,}.",
        )
    name = " ".join(plain(data.get("author")).split())
    if not name:
        if not rules.allow_anonymous:
            return Refusal("author", "Please give your name.")
        name = "Anonymous"
    if len(name) > MAX_NAME_LENGTH:
        return Refusal(
            "author", f"Names can have at most {MAX_NAME_LENGTH} characters; yours has {len(name)}."
        )
    email = plain(data.get("email"))
    if email and (len(email) > 254 or not EMAIL.match(email)):
        return Refusal(
            "email", "This is not an e-mail address; correct it or leave the field empty."
        )
    title = " ".join(plain(data.get("title")).split())[:MAX_TITLE_LENGTH] or uri
    # Only what the archive uses reaches Isso: no website, no replies, no notifications.
    return {"text": text, "author": name, "email": email or None, "title": title}
