"""Sample the memory of a build's whole process tree: its Python, workers and Pagefind together."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # the task ended while we looked
            found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _tree(pid: int) -> list[int]:
    tree, waiting = [], [pid]
    while waiting:
        current = waiting.pop()
        tree.append(current)
        waiting += _children(current)
    return tree


def _pss_kb(pid: int) -> int:
    # PSS shares each page among the processes that map it: forked workers are not
    # counted twice for what they share with their parent.
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:  # the process ended while we looked
        pass
    return 0


class TreeMemory:
    """The largest sum of PSS over a process and its descendants, sampled while it runs."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.peak_kb = 0
        self._pid = pid
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(self._interval):
            total = sum(_pss_kb(pid) for pid in _tree(self._pid))
            self.peak_kb = max(self.peak_kb, total)

    def stop(self) -> float:
        """Stop sampling; return the peak in MB."""
        self._stop.set()
        self._thread.join()
        return round(self.peak_kb / 1024, 1)
