"""Refuse to start a local server, with advice, when another program holds its port."""

from __future__ import annotations


class PortBusyError(OSError):
    """Another program already listens on the port a local server asked for."""


def port_busy(host: str, port: int, error: OSError, advice: str) -> PortBusyError:
    """Return the error saying ``host:port`` is taken, why, and ``advice`` on what to do."""
    return PortBusyError(f"cannot listen on {host}:{port} ({error.strerror}); {advice}")
