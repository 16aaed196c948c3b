"""Install the non-Python tools the test suite needs: Java, Chromium and the pinned npm packages."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess

from .paths import NODE_MODULES, ROOT, VNU_JAR

LOCKFILE = ROOT / "package-lock.json"
NPM_STAMP = NODE_MODULES / ".package-lock.sha256"
# Debian packages, by the command each provides.
DEBIAN_PACKAGES = {"java": "default-jre-headless", "npm": "npm", "chromium": "chromium"}
# Headless, and quiet on a closed network: no sync, updates or background fetches.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class ToolchainError(RuntimeError):
    """A tool the tests need is missing and could not be installed."""


def _apt_install(package: str) -> None:
    """Install a Debian package, as root or through sudo."""
    if shutil.which("apt-get") is None:
        raise ToolchainError(f"install {package} with your system's package manager")
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    if prefix and shutil.which("sudo") is None:
        raise ToolchainError(f"run as root, or install {package}: apt-get install {package}")
    subprocess.run([*prefix, "apt-get", "update", "-qq"], check=True)
    subprocess.run(
        [*prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", package],
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )


def ensure_command(command: str) -> str:
    """Return the path of ``command``, installing its Debian package if it is missing."""
    if shutil.which(command) is None:
        print(f"Installing {DEBIAN_PACKAGES[command]} for the tests...", flush=True)
        _apt_install(DEBIAN_PACKAGES[command])
    path = shutil.which(command)
    if path is None:
        raise ToolchainError(f"{command} is still missing after installing it")
    return path


def ensure_node_packages() -> None:
    """Install the npm packages pinned in package-lock.json unless they already are."""
    digest = hashlib.sha256(LOCKFILE.read_bytes()).hexdigest()
    if NPM_STAMP.exists() and NPM_STAMP.read_text() == digest and VNU_JAR.exists():
        return
    npm = ensure_command("npm")
    # --ignore-scripts: vnu-jar's install script would try to download a Java runtime.
    subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=ROOT, check=True)
    NPM_STAMP.write_text(digest)


def ensure_test_tools() -> None:
    """Make sure every tool the test suite calls is installed."""
    ensure_command("java")
    ensure_command("chromium")
    ensure_node_packages()


def vnu_command() -> list[str]:
    """Return the command that runs the Nu Html Checker."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        raise ToolchainError("the Nu Html Checker is not installed: run `python3 dev.py test`")
    # Let it fetch pages from this computer's own preview server (off by default, against SSRF).
    return [java, "-Dnu.validator.servlet.allow-forbidden-hosts=true", "-jar", str(VNU_JAR)]


def chromium_path() -> str:
    """Return Debian's Chromium, which the browser tests drive through Playwright."""
    path = shutil.which("chromium")
    if path is None:
        raise ToolchainError("Chromium is not installed: run `python3 dev.py test`")
    return path
