"""The office's logo: an SVG file, checked and measured so the page reserves its space."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contract import build_state

DEFAULT_LOGO = Path("static") / "images" / "emblem.svg"
NOTE = "identity_logo"


class LogoError(ValueError):
    """IDENTITY_LOGO names no readable SVG file."""


@dataclass(frozen=True)
class Logo:
    """The logo's file and its size in CSS pixels (the img's width and height)."""

    source: Path
    width: int
    height: int


def _length(value: str | None) -> float | None:
    match = re.fullmatch(r"\s*([0-9.]+)\s*(px)?\s*", value or "")
    return float(match.group(1)) if match else None


def read_logo(path: Path) -> Logo:
    """Return the logo at ``path`` with its size; raise LogoError when it is no SVG."""
    try:
        root = ElementTree.fromstring(path.read_bytes())
    except (OSError, ElementTree.ParseError) as error:
        raise LogoError(f"identity: IDENTITY_LOGO {path} cannot be read as SVG: {error}") from None
    if root.tag.rsplit("}", 1)[-1] != "svg":
        raise LogoError(f"identity: IDENTITY_LOGO {path} is not an SVG file (<svg> at its root)")
    width, height = _length(root.get("width")), _length(root.get("height"))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if (width is None or height is None) and len(box) == 4:
        width, height = float(box[2]), float(box[3])
    if not width or not height:
        raise LogoError(
            f"identity: IDENTITY_LOGO {path} has no size: give its <svg> a viewBox "
            "(or width and height)"
        )
    return Logo(path, round(width), round(height))


def logo_source(settings: dict[str, Any]) -> Path:
    """Return the logo file: IDENTITY_LOGO inside the content folder, or the theme's emblem."""
    if settings["IDENTITY_LOGO"]:
        return Path(settings["PATH"]) / settings["IDENTITY_LOGO"]
    return Path(settings["THEME"]) / DEFAULT_LOGO


def check_logo(settings: dict[str, Any]) -> Logo:
    """Read and measure the logo once per build, and keep it in the build's notes."""
    notes = build_state(settings).notes
    if NOTE not in notes:
        notes[NOTE] = read_logo(logo_source(settings))
    return notes[NOTE]


def offer_identity(generator: Any) -> None:
    """Offer ``identity_logo`` (its address, width and height) to templates."""
    env = getattr(generator, "env", None)
    if env is not None:
        logo = check_logo(generator.settings)
        env.globals["identity_logo"] = {
            "url": generator.settings["IDENTITY_LOGO_SAVE_AS"],
            "width": logo.width,
            "height": logo.height,
        }
