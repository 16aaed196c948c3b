"""Turn a comment's plain text into safe HTML: escaped, paragraphs kept, URLs linked."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# A web address as readers type it; trailing punctuation belongs to the sentence.
URL = re.compile(r"\bhttps?://[^\s<>\"']+", re.IGNORECASE)
TRAILING = ".,;:!?)]}'\""
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _linked(text: str) -> Markup:
    """Escape ``text``, turning each web address into a nofollow, user-generated link."""
    parts: list[Markup] = []
    position = 0
    for match in URL.finditer(text):
        url = match.group(0)
        # Keep a closing bracket that closes one opened inside the address (Wikipedia-style).
        while (
            url
            and url[-1] in TRAILING
            and not (url[-1] == ")" and url.count("(") >= url.count(")"))
        ):
            url = url[:-1]
        parts.append(escape(text[position : match.start()]))
        parts.append(Markup('<a href="{0}" rel="nofollow ugc">{0}</a>').format(url))
        position = match.start() + len(url)
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


def comment_html(text: str) -> Markup:
    """Return ``text`` as paragraphs of escaped text; single line breaks are kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [p.strip() for p in PARAGRAPH_BREAK.split(text) if p.strip()]
    return Markup("\n").join(
        Markup("<p>{}</p>").format(Markup("<br>\n").join(_linked(line) for line in p.split("\n")))
        for p in paragraphs
    )
