"""Invoke tasks for editors and developers; each is a thin call into archive/ or a tool."""

from __future__ import annotations

import logging
import shlex
import shutil
import subprocess
import sys

from invoke import Exit, task

# Pelican is imported inside the tasks that use it: `test` hands a clean interpreter to
# pytest, which must import (and rewrite) its plugins before anything else does.
from archive.paths import CACHE, OUTPUT, ROOT, SETTINGS

CONFIG = {
    "host": "127.0.0.1",
    "port": 8000,
}


@task
def build(c):
    """Build the site into output/."""
    from pelican.log import init as init_logging

    from archive.build import BuildError, build_site

    init_logging(level=logging.WARNING)
    try:
        output = build_site(SETTINGS, OUTPUT_PATH=str(OUTPUT))
    except BuildError as error:
        raise Exit(f"Build failed: {error}", code=1) from None
    pages = sum(1 for _ in output.rglob("*.html"))
    print(f"Built {pages} pages into {output.relative_to(ROOT)}/.")
    print(f"View it: python3 dev.py serve, then open http://{CONFIG['host']}:{CONFIG['port']}/")


@task
def clean(c):
    """Remove the built site and Pelican's cache."""
    for folder in (OUTPUT, CACHE):
        shutil.rmtree(folder, ignore_errors=True)


@task(pre=[clean, build])
def rebuild(c):
    """Build the site from scratch."""


@task
def serve(c, port=CONFIG["port"]):
    """Serve output/ at http://127.0.0.1:8000/, building it first if there is none."""
    from archive.preview import PortBusyError
    from archive.preview import serve as serve_site

    if not OUTPUT.exists():
        build(c)
    try:
        serve_site(OUTPUT, CONFIG["host"], int(port))
    except PortBusyError as error:
        raise Exit(f"Preview not started: {error}", code=1) from None


@task
def test(c, args=""):
    """Install the test tools if needed, then run the whole test suite."""
    import pytest

    from archive.toolchain import ensure_test_tools

    ensure_test_tools()
    code = pytest.main(shlex.split(args))
    if code:
        raise Exit(code=int(code))


@task
def lint(c):
    """Check style with ruff (lint and formatting)."""
    for command in (["check", "."], ["format", "--check", "."]):
        if subprocess.run([sys.executable, "-m", "ruff", *command], cwd=ROOT).returncode:
            raise Exit(f"ruff {command[0]} found problems", code=1)


@task
def bench(c, briefings=1000):
    """Measure search indexing time for the sample site and a generated corpus."""
    subprocess.run(
        [sys.executable, "-m", "bench.search_index", "--briefings", str(int(briefings))],
        cwd=ROOT,
        check=True,
    )
