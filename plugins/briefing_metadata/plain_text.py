"""Rules for plain-text values: no HTML markup, and no empty item in a comma-separated list."""

from __future__ import annotations

import re

# Only names of real HTML elements count as tags, so "x <y and z> w" or "<Project X>" stay text.
HTML_ELEMENTS = frozenset(
    """
    a abbr address area article aside audio b base bdi bdo blockquote body br button canvas
    caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em
    embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr
    html i iframe img input ins kbd label legend li link main map mark math menu meta meter nav
    noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp
    script search section select slot small source span strike strong style sub summary sup svg
    table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr
    """.split()  # noqa: SIM905 - a word list reads better than 120 quoted names
)
# A tag: `<b>`, `</i>`, `<br/>`, `<a href="...">`, or a comment, even one left unclosed.
# Attributes must have values: in prose a bare word after a name is a comparison, "a<b and c>d".
TAG = re.compile(
    r"""<!--(?:.*?-->)?"""
    r"""|</?(?P<name>[A-Za-z][A-Za-z0-9]*)"""
    r"""(?:\s+[A-Za-z_:@][\w:.@-]*\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))*\s*/?>""",
    re.DOTALL,
)


def markup_in(text: str) -> str | None:
    """Return the first HTML tag or comment in ``text``, as written, or None."""
    for match in TAG.finditer(text):
        if match["name"] is None or match["name"].lower() in HTML_ELEMENTS:
            return match.group()
    return None


# Header fields shown to readers as typed, and fields that list names separated by commas.
PLAIN_TEXT_FIELDS = ("title", "summary", "location", "source", "key_points")
LIST_FIELDS = ("spokesperson", "tags", "story")


def list_items(value: str) -> list[tuple[str, int]]:
    """Return the items of a list written with commas or one per line, with each item's line.

    Lines count from 0, the field's own line. An item is empty ("") where two commas meet or
    a comma ends the list; a comma at a line break is one separator, so a list may wrap.
    """
    if not value.strip():
        return []
    items: list[tuple[str, int]] = []
    for number, line in enumerate(value.splitlines()):
        parts = [part.strip() for part in line.split(",")]
        if items and (not items[-1][0] or not parts[0]):
            # The break sits beside a comma: the item it splits is one, not two.
            parts[0] = items.pop()[0] or parts[0]
        items.extend((part, number) for part in parts)
    return items


def listed_names(value: str) -> list[str]:
    """Return the names in a ``Spokesperson`` or ``Tags`` value, as written."""
    return [name for name, _ in list_items(value) if name]


def value_problems(key: str, value: str) -> list[tuple[int, str, str]]:
    """Return each plain-text or list rule ``value`` of field ``key`` breaks: line, problem, fix.

    Lines count from 0, the field's own line; each key point is a line of its own.
    """
    problems: list[tuple[int, str, str]] = []
    if key in PLAIN_TEXT_FIELDS:
        for number, line in enumerate(value.splitlines()):
            if tag := markup_in(line):
                shown = tag if len(tag) <= 60 else f"{tag[:57]}..."
                problems.append(
                    (
                        number,
                        f"has the markup {shown}, but it is plain text",
                        "remove the markup: readers would see it exactly as typed",
                    )
                )
    if key in LIST_FIELDS:
        # One report is enough: the editor looks along the line for the doubled comma.
        empty = next((number for name, number in list_items(value) if not name), None)
        if empty is not None:
            problems.append((empty, "empty item between commas", "remove the extra comma"))
    return problems
