"""WCAG contrast of the accent colours against the theme's own light and dark backgrounds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

# WCAG 2 AA for text of normal size (success criterion 1.4.3).
AA_TEXT = 4.5
# The theme's backgrounds that accent-coloured text (links, the key-points rule) sits on,
# and the text colour put on accent-coloured buttons. archive.css defines them in its first
# :root block (light) and in the :root block of its dark-scheme media query.
BACKGROUNDS = ("--paper", "--paper-raised", "--key-points-paper")
ON_ACCENT = "--accent-ink"
STYLESHEET = Path("static") / "css" / "archive.css"
HEX = re.compile(r"#[0-9a-fA-F]{6}")
SCHEMES = {
    # setting, scheme, the way a failing colour can be mended
    "IDENTITY_ACCENT_COLOUR": ("light", "darker", (0, 0, 0)),
    "IDENTITY_ACCENT_COLOUR_DARK": ("dark", "lighter", (255, 255, 255)),
}


class AccentContrastError(ValueError):
    """An accent colour does not reach WCAG AA contrast against the theme."""


def is_hex_colour(value: Any) -> bool:
    """Return whether ``value`` is a colour written #rrggbb."""
    return isinstance(value, str) and HEX.fullmatch(value) is not None


def rgb(colour: str) -> tuple[int, int, int]:
    """Return the red, green and blue of a #rrggbb colour."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def luminance(colour: str) -> float:
    """Return a colour's relative luminance, as WCAG 2 defines it."""
    channels = [value / 255 for value in rgb(colour)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """Return the WCAG contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def theme_colours(stylesheet: str) -> dict[str, dict[str, str]]:
    """Return the custom properties of a stylesheet's light and dark :root blocks."""
    blocks = re.findall(r":root\s*\{([^}]*)\}", stylesheet)
    dark = re.search(r"prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}", stylesheet)
    if not blocks or dark is None:
        return {}

    def properties(block: str) -> dict[str, str]:
        return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})\b", block))

    return {"light": properties(blocks[0]), "dark": properties(dark.group(1))}


def failures(accent: str, colours: dict[str, str]) -> list[tuple[str, str, float]]:
    """Return each (what, colour, ratio) the accent fails AA against, in one scheme."""
    failing = []
    for name in BACKGROUNDS:
        if name in colours and contrast_ratio(accent, colours[name]) < AA_TEXT:
            ratio = contrast_ratio(accent, colours[name])
            failing.append((f"background {name}", colours[name], ratio))
    if ON_ACCENT in colours and contrast_ratio(accent, colours[ON_ACCENT]) < AA_TEXT:
        ratio = contrast_ratio(accent, colours[ON_ACCENT])
        failing.append((f"button text {ON_ACCENT}", colours[ON_ACCENT], ratio))
    return failing


def mix(colour: str, towards: tuple[int, int, int], share: float) -> str:
    """Return ``colour`` moved ``share`` (0 to 1) of the way towards another."""
    mixed = (round(c + (t - c) * share) for c, t in zip(rgb(colour), towards, strict=True))
    return "#" + "".join(f"{value:02x}" for value in mixed)


def passing_shade(accent: str, colours: dict[str, str], towards: tuple[int, int, int]) -> str:
    """Return the nearest shade of ``accent`` (same hue, darker or lighter) that passes."""
    for step in range(1, 101):
        shade = mix(accent, towards, step / 100)
        if not failures(shade, colours):
            return shade
    return ""


def check_accent_colours(settings: dict[str, Any]) -> None:
    """Stop the build when an accent colour is too faint against the theme's backgrounds."""
    path = Path(settings["THEME"]) / STYLESHEET
    if not path.is_file():
        return  # another theme: it declares no backgrounds this check can read
    schemes = theme_colours(path.read_text(encoding="utf-8"))
    problems = []
    for setting, (scheme, way, towards) in SCHEMES.items():
        accent = settings[setting]
        failing = failures(accent, schemes.get(scheme, {}))
        if not failing:
            continue
        what, colour, ratio = min(failing, key=lambda failure: failure[2])
        shade = passing_shade(accent, schemes[scheme], towards)
        problems.append(
            f"identity: {setting} {accent} has a contrast ratio of {ratio:.2f}:1 against the "
            f"{scheme} scheme's {what} {colour} ({path.name}); WCAG AA needs {AA_TEXT}:1 for "
            f"text. Choose a {way} colour"
            + (f": {shade} passes with the same hue." if shade else ".")
        )
    if problems:
        raise AccentContrastError("\n".join(problems))
