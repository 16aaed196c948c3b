"""A test plugin: holds a build at its first rendered briefing page, once it told the test so."""

from __future__ import annotations

import os
import threading
from typing import Any

from pelican import signals

# The write end of the test's pipe, by number; unset (any other build), the plugin does nothing.
FD_VARIABLE = "PAUSE_BUILD_FD"
# Longer than any test waits: a build the test failed to kill still ends, in the end.
HOLD_SECONDS = 600


def hold_at_first_briefing_page(path: str, context: Any = None) -> None:
    """Tell the test a briefing page is in the staging folder, then wait there to be killed."""
    fd = os.environ.get(FD_VARIABLE)
    if fd is None or "/briefings/" not in path:
        return
    os.write(int(fd), f"{path}\n".encode())
    # Held mid-write, the build cannot finish before the test kills it.
    threading.Event().wait(HOLD_SECONDS)


def register() -> None:
    """Connect the hold to every page Pelican's writer (or the incremental one) writes."""
    signals.content_written.connect(hold_at_first_briefing_page)
