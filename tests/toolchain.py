"""Install the non-Python tools the tests and audits need: Java, Chromium, fonts, rsync, npm."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from archive.paths import LIGHTHOUSE_CLI, NODE_MODULES, ROOT

VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
LOCKFILE = ROOT / "package-lock.json"
NPM_STAMP = NODE_MODULES / ".package-lock.sha256"
# One file from each npm package: if any is gone, node_modules is reinstalled.
NODE_PACKAGE_FILES = (VNU_JAR, AXE_SCRIPT, LIGHTHOUSE_CLI)
# Debian packages, by the command each provides.
DEBIAN_PACKAGES = {
    "java": "default-jre-headless",
    "npm": "npm",
    "node": "nodejs",
    "chromium": "chromium",
    "rsync": "rsync",
}


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


# Debian's Noto fonts, for pages in Hindi: Chromium draws Devanagari with a system font (the
# site loads no web font), and a bare container has none, so screenshots show empty boxes.
DEVANAGARI_FONT_PACKAGE = "fonts-noto-core"
DEVANAGARI_FONT = Path("/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf")


def ensure_devanagari_font() -> Path:
    """Install a font Chromium can draw Devanagari with, unless one is installed."""
    if not DEVANAGARI_FONT.exists():
        print(f"Installing {DEVANAGARI_FONT_PACKAGE} for the tests...", flush=True)
        _apt_install(DEVANAGARI_FONT_PACKAGE)
    if not DEVANAGARI_FONT.exists():
        raise ToolchainError(f"{DEVANAGARI_FONT} is still missing after installing it")
    return DEVANAGARI_FONT


def ensure_node_packages() -> None:
    """Install the npm packages pinned in package-lock.json unless they already are."""
    digest = hashlib.sha256(LOCKFILE.read_bytes()).hexdigest()
    installed = all(path.exists() for path in NODE_PACKAGE_FILES)
    if installed and NPM_STAMP.exists() and NPM_STAMP.read_text() == digest:
        return
    npm = ensure_command("npm")
    # --ignore-scripts: vnu-jar's install script would try to download a Java runtime;
    # Lighthouse never fetches a browser either, it drives Debian's Chromium (CHROME_PATH).
    subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=ROOT, check=True)
    NPM_STAMP.write_text(digest)


def ensure_test_tools() -> None:
    """Make sure every tool the test suite calls is installed."""
    ensure_command("java")
    ensure_command("chromium")
    ensure_devanagari_font()
    ensure_command("rsync")
    ensure_node_packages()


def vnu_command() -> list[str]:
    """Return the command that runs the Nu Html Checker."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        raise ToolchainError("the Nu Html Checker is not installed: run `python3 dev.py test`")
    # Let it fetch pages from this computer's own preview server (off by default, against SSRF).
    return [java, "-Dnu.validator.servlet.allow-forbidden-hosts=true", "-jar", str(VNU_JAR)]


def axe_script() -> Path:
    """Return axe-core's browser script, which the accessibility tests inject into pages."""
    if not AXE_SCRIPT.exists():
        raise ToolchainError("axe-core is not installed: run `python3 dev.py test`")
    return AXE_SCRIPT
