"""The versions of installed packages, for fingerprints of what a build was made with."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import metadata


def package_versions(packages: Iterable[str]) -> bytes:
    """Return each package's name and installed version ("none" if missing), for a hash."""
    lines = []
    for package in packages:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "none"
        lines.append(f"{package}={version}\0")
    return "".join(lines).encode()
