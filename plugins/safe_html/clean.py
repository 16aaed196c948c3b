"""Clean a body's HTML with nh3, and say what was removed and where the editor wrote it."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nh3

from briefing_metadata.problems import WARNING, Problem, display_path, report

# Markdown's tables align cells with inline styles, which the site's CSP forbids: use classes.
TABLE_ALIGN = re.compile(r'style="text-align: (left|right|center);"')


class _Inventory(HTMLParser):
    """Count the elements, and each attribute with its value, of a fragment."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: Counter[str] = Counter()
        self.attributes: Counter[tuple[str, str, str]] = Counter()
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements[tag] += 1
        self.attributes.update((tag, name, value or "") for name, value in attrs)


def removed_parts(before: str, after: str) -> list[tuple[str, str]]:
    """Return (what was removed, text to find it by in the source), once per kind of cut."""
    old, new = _Inventory(before), _Inventory(after)
    removed_elements = old.elements - new.elements
    cuts = {f"<{tag}> element": f"<{tag}" for tag in removed_elements}
    for tag, name, value in old.attributes - new.attributes:
        if tag in removed_elements:
            continue  # Gone with its element.
        scheme = re.match(r"\s*([a-zA-Z][\w+.-]*):", value)
        if name in {"href", "src"} and scheme:
            cuts.setdefault(f"{scheme[1].lower()}: address in <{tag} {name}>", f"{scheme[1]}:")
        else:
            cuts.setdefault(f"{name} attribute of <{tag}>", f"{name}=")
    return sorted(cuts.items())


def clean_html(html: str, settings: dict[str, Any]) -> str:
    """Return ``html`` with only the allowed elements, attributes and link schemes."""
    return nh3.clean(
        html,
        tags=settings["SAFE_HTML_TAGS"],
        attributes=settings["SAFE_HTML_ATTRIBUTES"],
        url_schemes=settings["SAFE_HTML_URL_SCHEMES"],
        link_rel=None,
    )


def _line_of(source: str, needle: str) -> int:
    lowered = needle.lower()
    for number, line in enumerate(source.splitlines(), 1):
        if lowered in line.lower():
            return number
    return 1


def clean_content(content: Any) -> None:
    """Clean a briefing's or page's body in place, warning about each kind of cut."""
    html = getattr(content, "_content", None)
    if not html:
        return
    settings = content.settings
    html = TABLE_ALIGN.sub(r'class="align-\1"', html)
    content._content = cleaned = clean_html(html, settings)
    if cleaned == html:
        # Nothing was removed: the usual case (nh3 gives Markdown's own HTML back unchanged),
        # and it spares parsing both versions to list the cuts.
        return
    cuts = removed_parts(html, cleaned)
    if not cuts:
        return
    source = Path(content.source_path).read_text(encoding="utf-8")
    shown = display_path(content.source_path, settings)
    report(
        [
            Problem(
                shown,
                _line_of(source, needle),
                "body",
                f"removed the {what}",
                "raw HTML may only use safe elements and attributes "
                "(see the Body section of docs/writing.md)",
                severity=WARNING,
            )
            for what, needle in cuts
        ],
        settings,
    )
