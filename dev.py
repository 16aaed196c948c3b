#!/usr/bin/env python3
"""Set up the project's Python environment on first use, then run an invoke task in it.

Usage: python3 dev.py TASK [ARGS...]   e.g. `python3 dev.py build`, `python3 dev.py test`.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"
STAMP = VENV / ".requirements.sha256"
# invoke with the tasks of tasks.py, whose help and messages name the command as typed here.
LAUNCHER = "import invoke, tasks; invoke.Program(namespace=tasks.ns, binary='python3 dev.py').run()"


def venv_python() -> Path:
    """Return the virtual environment's Python."""
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_environment() -> None:
    """Create .venv and install the pinned requirements, unless that is already done."""
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest and venv_python().exists():
        return
    if not venv_python().exists():
        print("Creating .venv ...", flush=True)
        try:
            venv.create(VENV, with_pip=True)
        except (OSError, subprocess.CalledProcessError) as error:
            # A half-made .venv would look ready next time; remove it.
            shutil.rmtree(VENV, ignore_errors=True)
            sys.exit(
                f"Could not create .venv ({error}). On Debian or Ubuntu, install "
                "Python's venv module first: sudo apt-get install python3-venv"
            )
    print("Installing pinned Python packages from requirements.txt ...", flush=True)
    subprocess.run(
        [
            str(venv_python()),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            str(REQUIREMENTS),
        ],
        check=True,
    )
    STAMP.write_text(digest)


HELP = {"-h", "--help"}


def help_first(argv: list[str]) -> list[str]:
    """Turn ``TASK ... --help`` into invoke's ``--help TASK``, which always shows the help.

    After a task, invoke takes ``--help`` as the value of a positional argument still missing
    (``new --help`` would start a briefing titled "--help"). Right after another flag it is that
    flag's value (``test --args --help``) and is left alone.
    """
    for position, arg in enumerate(argv[1:], 1):
        if arg in HELP and not argv[position - 1].startswith("-"):
            return ["--help", argv[0]]
    return argv


def main(argv: list[str]) -> int:
    """Run the invoke task named in ``argv`` inside the project's environment."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs on any python3
        sys.exit("This project needs Python 3.11 or newer.")
    if not argv or (len(argv) == 1 and argv[0] in HELP):
        print(__doc__)
        argv = ["--list"]
    ensure_environment()
    argv = help_first(argv)
    if argv[0] == "bench":
        # invoke spells a one-letter parameter `-n` only; accept the issue's `--n 10000` too.
        argv = ["-n" if arg == "--n" else re.sub(r"^--n=", "-n=", arg) for arg in argv]
    try:
        return subprocess.run(
            [str(venv_python()), "-c", LAUNCHER, *argv], cwd=ROOT, check=False
        ).returncode
    except KeyboardInterrupt:
        # Ctrl-C reached the task too, which said how it stopped; no traceback from here.
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
