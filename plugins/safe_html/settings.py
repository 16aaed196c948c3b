"""Defaults of the safe_html plugin: what raw HTML a briefing body may keep."""

from __future__ import annotations

from typing import Any

from contract.settings import Expect, fill_and_check, set_of_text

DEFAULTS: dict[str, Any] = {
    # Elements kept (their attributes are listed below); others are removed, keeping text.
    "SAFE_HTML_TAGS": {
        *("a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code"),
        *("col", "colgroup", "data", "dd", "del", "details", "dfn", "div", "dl", "dt", "em"),
        *("figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins"),
        *("kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp"),
        *("small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td"),
        *("tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr"),
    },
    # Attributes kept, by element ("*": on every element). No style, no event handlers.
    "SAFE_HTML_ATTRIBUTES": {
        "*": {"id", "class", "title", "lang", "dir"},
        "a": {"href", "hreflang"},
        "img": {"src", "alt", "width", "height", "loading"},
        "ol": {"start", "reversed", "type"},
        "td": {"colspan", "rowspan", "headers"},
        "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
        "col": {"span"},
        "colgroup": {"span"},
        "blockquote": {"cite"},
        "q": {"cite"},
        "del": {"cite", "datetime"},
        "ins": {"cite", "datetime"},
        "time": {"datetime"},
        "data": {"value"},
    },
    # Link schemes kept; relative links (and Pelican's {filename} links) always are.
    "SAFE_HTML_URL_SCHEMES": {"http", "https", "mailto", "tel"},
}


NAMES = set_of_text("a set of names")
CHECKS = {
    "SAFE_HTML_TAGS": set_of_text("a set of element names"),
    "SAFE_HTML_ATTRIBUTES": Expect(
        lambda attributes: (
            isinstance(attributes, dict) and all(NAMES.test(names) for names in attributes.values())
        ),
        "a dict of attribute-name sets by element",
    ),
    "SAFE_HTML_URL_SCHEMES": set_of_text("a set of URL schemes"),
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check them."""
    fill_and_check("safe_html", pelican.settings, DEFAULTS, CHECKS)
