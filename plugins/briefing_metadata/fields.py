"""Facts derived from a briefing for readers, such as its reading time."""

from __future__ import annotations

import math
import re
from typing import Any

from markupsafe import Markup
from pelican.contents import Article

# A word is a run of letters, digits and, in Indic scripts (U+0900–U+0DFF: Devanagari to
# Sinhala), the vowel signs and other marks that \w leaves out: "सुरक्षा" is one word, not four.
WORD = re.compile(r"[\w\u0900-\u0DFF]+")


def reading_minutes(html: str, words_per_minute: int) -> int:
    """Return the whole minutes a reader needs for an HTML fragment, at least one."""
    words = len(WORD.findall(Markup(html).striptags()))
    return max(1, math.ceil(words / words_per_minute))


def add_reading_time(content: Any) -> None:
    """Give each briefing its reading time in minutes."""
    if isinstance(content, Article):
        speed = content.settings["BRIEFING_METADATA_WORDS_PER_MINUTE"]
        content.reading_minutes = reading_minutes(content._content or "", speed)
