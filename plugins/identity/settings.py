"""Defaults of the identity plugin, and the check that its accent colours can be read."""

from __future__ import annotations

from typing import Any

from contract.settings import NON_EMPTY_TEXT, Expect, fill_and_check, text

from .contrast import check_accent_colours, is_hex_colour
from .logo import check_logo

DEFAULTS: dict[str, Any] = {
    # The office that publishes the briefings, in the masthead, footer and page titles' owner.
    "IDENTITY_OFFICE_NAME": "Government Press Office",
    # A short form of the office's name, for the masthead on a phone.
    "IDENTITY_SHORT_NAME": "Press Office",
    # An SVG file, relative to the content folder; empty: the theme's emblem.
    "IDENTITY_LOGO": "",
    # Where the logo is written in the site.
    "IDENTITY_LOGO_SAVE_AS": "images/logo.svg",
    # Links, buttons and the key-points rule, on light and on dark backgrounds. Each must
    # reach WCAG AA's 4.5:1 against the theme's backgrounds of its scheme.
    "IDENTITY_ACCENT_COLOUR": "#0b5cad",
    "IDENTITY_ACCENT_COLOUR_DARK": "#8cc4ff",
    # The press office's e-mail address, in the footer and the accessibility statement.
    "IDENTITY_CONTACT_EMAIL": "press.office@example.org",
}

HEX_COLOUR = Expect(is_hex_colour, "a colour written #rrggbb")

CHECKS = {
    "IDENTITY_OFFICE_NAME": NON_EMPTY_TEXT,
    "IDENTITY_SHORT_NAME": NON_EMPTY_TEXT,
    "IDENTITY_LOGO": text("the path of an SVG file inside the content folder, or empty"),
    "IDENTITY_LOGO_SAVE_AS": NON_EMPTY_TEXT,
    "IDENTITY_ACCENT_COLOUR": HEX_COLOUR,
    "IDENTITY_ACCENT_COLOUR_DARK": HEX_COLOUR,
    "IDENTITY_CONTACT_EMAIL": text("an e-mail address, or empty"),
}


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings, check them, and stop on an accent colour too faint to read."""
    settings = fill_and_check("identity", pelican.settings, DEFAULTS, CHECKS)
    check_accent_colours(settings)
    check_logo(settings)
