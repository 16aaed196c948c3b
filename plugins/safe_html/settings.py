"""Defaults of the safe_html plugin: what raw HTML a briefing body may keep."""

from __future__ import annotations

from typing import Any

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


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings and check their types."""
    settings = pelican.settings
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
        if type(settings[key]) is not type(default):
            raise ValueError(f"safe_html: {key} must be a {type(default).__name__}")
