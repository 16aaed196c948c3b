"""What the archive's plugins share: build state, order, settings, address, CSP, versions."""

from typing import Any

from .build import build_state
from .order import check_plugin_order

__all__ = ["start_build"]


def start_build(pelican: Any) -> None:
    """Check the plugins' order and give the build its state, before any plugin runs."""
    # Every plugin connects this on `initialized`; the signal keeps one connection, made by
    # the first plugin listed, so it runs before any plugin's own receivers.
    check_plugin_order(pelican)
    build_state(pelican.settings)
