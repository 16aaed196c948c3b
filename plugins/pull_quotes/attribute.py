"""Give a quotation its attribution: a figure with the quote and a caption naming the speaker."""

from __future__ import annotations

import re
from typing import Any

from pelican.contents import Article

# Markdown writes "> words\n>\n> — Name" as a blockquote whose last paragraph starts with a
# dash (typed, or typeset from "--"). Innermost quotations only: no blockquote inside.
QUOTE = re.compile(
    r"<blockquote>\s*(?P<quote>(?:(?!</?blockquote)[\s\S])*?)\s*"
    r"<p>(?:—|&#8212;|&mdash;|--)\s*(?P<speaker>(?:(?!</?p>|</?blockquote)[\s\S])+?)</p>\s*"
    r"</blockquote>"
)


def with_attributions(html: str) -> str:
    """Return ``html`` with each attributed quotation as a figure with a caption."""

    def figure(match: re.Match[str]) -> str:
        return (
            f'<figure class="pull-quote"><blockquote>{match["quote"]}</blockquote>'
            f"<figcaption>— {match['speaker'].strip()}</figcaption></figure>"
        )

    return QUOTE.sub(figure, html)


def attribute_pull_quotes(content: Any) -> None:
    """Rewrite a briefing's quotations that name their speaker."""
    if not isinstance(content, Article) or not content.settings.get("PULL_QUOTES_ATTRIBUTION"):
        return
    if content._content and "<blockquote>" in content._content:
        content._content = with_attributions(content._content)
