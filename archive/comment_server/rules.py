"""The archive's rules for a new comment: what a reader may send, cleaned before it is counted."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# The form's hidden field: people never see it, robots fill it in.
HONEYPOT = "website"
MAX_NAME_LENGTH = 100
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# The form's idempotency key: a fresh random id per comment, the same on each retry.
KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
# Characters that show nothing but are not format characters (Unicode's "default ignorable"
# letters and marks: Hangul fillers, the combining grapheme joiner, Mongolian and other
# variation selectors, the Braille blank).
INVISIBLE = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u2800\u3164\uffa0"
    + "".join(chr(c) for c in range(0xFE00, 0xFE10))
)
# Zero-width (non-)joiners shape Indic and Arabic script between two letters; kept there.
JOINERS = "\u200c\u200d"
UNREADABLE = "The comment could not be read; please reload the page and retry."


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
    """Why a comment was not accepted: the form field it concerns and a message for the reader.

    ``code`` names the rule, so the page's script can say it in the page's language.
    """

    field: str
    message: str
    status: int = 400
    code: str = ""


@dataclass(frozen=True)
class Comment:
    """A comment as it is stored: normalised, its name filled in, its e-mail optional."""

    text: str
    author: str
    email: str | None
    key: str | None


def _shapes(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM"


def plain(value: Any) -> str:
    """Return ``value`` as NFC text without invisible or control characters, trimmed.

    Line breaks and tabs are kept. Removed: control characters, format characters (zero-width
    spaces, the bidirectional overrides and isolates that reverse what readers see, soft
    hyphens, byte-order marks), lone surrogates (which cannot be stored as UTF-8), other
    invisible characters; and joiners except between two letters, where they shape a script.
    """
    if not isinstance(value, str):
        return ""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    kept = [char for char in value if char in "\n\t" or char in JOINERS or not _invisible(char)]
    text = "".join(
        char
        for i, char in enumerate(kept)
        if char not in JOINERS
        or (0 < i < len(kept) - 1 and _shapes(kept[i - 1]) and _shapes(kept[i + 1]))
    )
    return unicodedata.normalize("NFC", text).strip()


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Cn"} or char in INVISIBLE


def visible_length(text: str) -> int:
    """Return the characters of ``text`` a reader sees (joiners are not counted)."""
    return sum(1 for char in text if char not in JOINERS)


def check_comment(data: Any, rules: Rules) -> Comment | Refusal:
    """Return the comment to store, normalised, or why it is refused."""
    if not isinstance(data, dict):
        return Refusal("form", UNREADABLE, code="unreadable")
    if plain(data.get(HONEYPOT)):
        return Refusal(
            "form",
            "This looks like an automated comment: leave the field “Leave this empty” empty.",
            code="automated",
        )
    key = data.get("key")
    if key is not None and not (isinstance(key, str) and KEY.match(key)):
        return Refusal("form", UNREADABLE, code="unreadable")
    text = plain(data.get("text"))
    length = visible_length(text)
    if length < rules.min_length:
        return Refusal(
            "text",
            f"Comments need at least {rules.min_length:,} characters; you wrote {length:,}.",
            code="too_short",
        )
    if length > rules.max_length:
        return Refusal(
            "text",
            f"Comments can have at most {rules.max_length:,} characters; you wrote {length:,}.",
            code="too_long",
        )
    name = " ".join(plain(data.get("author")).split())
    if not name:
        if not rules.allow_anonymous:
            return Refusal("author", "Please give your name.", code="name_missing")
        name = "Anonymous"
    if visible_length(name) > MAX_NAME_LENGTH:
        return Refusal(
            "author",
            f"Names can have at most {MAX_NAME_LENGTH} characters; yours has "
            f"{visible_length(name)}.",
            code="name_too_long",
        )
    email = plain(data.get("email"))
    if email and (len(email) > 254 or not EMAIL.match(email)):
        return Refusal(
            "email",
            "This is not an e-mail address; correct it or leave the field empty.",
            code="email_invalid",
        )
    return Comment(text, name, email or None, key)
