"""Keep web addresses written in prose out of Typogrify's reach."""

from __future__ import annotations

import re
from collections.abc import Callable

# Text between tags; the tags themselves (and their attributes) are never touched.
TAG = re.compile(r"(<[^>]*>)")
ADDRESS = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+")
# Private-use characters: Typogrify has no rule for them, and no editor types them.
PLACEHOLDER = "\ue000{}\ue001"
RESTORE = re.compile("\ue000(\\d+)\ue001")


def with_addresses_kept(fragment: str, typeset: Callable[[str], str]) -> str:
    """Return ``typeset(fragment)`` with every web address in its text left as written."""
    addresses: list[str] = []

    def hide(match: re.Match[str]) -> str:
        addresses.append(match.group())
        return PLACEHOLDER.format(len(addresses) - 1)

    parts = TAG.split(fragment)
    hidden = "".join(
        part if index % 2 else ADDRESS.sub(hide, part) for index, part in enumerate(parts)
    )
    if not addresses:
        return typeset(fragment)
    return RESTORE.sub(lambda match: addresses[int(match.group(1))], typeset(hidden))
