"""Write the logo, and the theme's stylesheets with the office's accent colours, minified."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from .logo import check_logo

# The custom properties that take the accent colour, in the light and the dark :root block.
ACCENT_PROPERTIES = ("--accent", "--key-points-rule")


def with_accents(stylesheet: str, light: str, dark: str) -> str:
    """Return ``stylesheet`` with the accent properties of its light and dark :root blocks set."""
    pattern = "|".join(re.escape(name) for name in ACCENT_PROPERTIES)
    light_block = re.search(r":root\s*\{[^}]*\}", stylesheet)
    dark_block = re.search(r"prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{[^}]*\}", stylesheet)
    parts, end = [], 0
    for block, colour in ((light_block, light), (dark_block, dark)):
        if block is None:
            continue
        parts += [stylesheet[end : block.start()]]
        parts += [re.sub(rf"({pattern}):\s*#[0-9a-fA-F]{{6}}", rf"\1: {colour}", block.group())]
        end = block.end()
    return "".join(parts) + stylesheet[end:]


def minified(stylesheet: str) -> str:
    """Return ``stylesheet`` without comments and needless white space."""
    # Enough for the theme's own hand-written CSS (no strings holding braces or semicolons):
    # it keeps the briefing page and its stylesheet inside the page-weight budget.
    text = re.sub(r"/\*.*?\*/", "", stylesheet, flags=re.S)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*([{};,>])\s*", r"\1", text)
    text = re.sub(r":\s+", ":", text)
    return text.replace(";}", "}").strip() + "\n"


def replace_file(path: Path, text: str) -> None:
    """Write ``path`` anew: a file linked from the live site is never written through."""
    partial = path.with_name(path.name + ".tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def write_identity_files(pelican: Any) -> None:
    """Write the logo, and the theme's stylesheets with the accent colours, minified."""
    settings = pelican.settings
    output = Path(pelican.output_path)
    logo = output / settings["IDENTITY_LOGO_SAVE_AS"]
    logo.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(check_logo(settings).source, logo)
    # Pelican has copied the theme's static files by now (its static generator runs last).
    folder = output / settings["THEME_STATIC_DIR"] / "css"
    light, dark = settings["IDENTITY_ACCENT_COLOUR"], settings["IDENTITY_ACCENT_COLOUR_DARK"]
    # Every stylesheet of the theme, so one added later (listings.css) is minified too.
    for source in sorted((Path(settings["THEME"]) / "static" / "css").glob("*.css")):
        if (folder / source.name).is_file():
            text = source.read_text(encoding="utf-8")
            replace_file(folder / source.name, minified(with_accents(text, light, dark)))
