"""The placeholder text `python3 dev.py new` writes, which must never reach readers."""

from __future__ import annotations

# Field: the placeholder `new` puts in it. Each is a full line an editor replaces.
PLACEHOLDER_FIELDS = {
    "summary": "One or two plain sentences on what was announced: the standfirst and feed summary.",
    "key_points": "The first key point, in a few words\nThe second key point\nThe third key point",
}
PLACEHOLDER_BODY = (
    "Write the briefing here, in Markdown. Start with the news: who said what, where and when.",
    "> A quotation set as a block quote is shown as a pull quote.",
    "Delete the `Status: draft` line above when the briefing is ready to publish.",
)
