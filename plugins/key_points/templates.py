"""Make the plugin's own partial available to every theme that does not override it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader

TEMPLATES = Path(__file__).parent / "templates"


def add_template_fallback(generator: Any) -> None:
    """Let ``partials/key_points.html`` resolve to this plugin's copy after the theme's."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    env.loader = ChoiceLoader([env.loader, FileSystemLoader(str(TEMPLATES))])
