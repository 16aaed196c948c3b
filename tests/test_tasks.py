"""The commands as editors type them: every task's help through dev.py, and messages naming them."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.paths import ROOT
from tasks import ns

TASKS = sorted(ns.task_names)
# Where the messages an editor reads come from: the tasks, what they call, and the plugins'
# log messages (printed by every build).
MESSAGE_SOURCES = ["tasks.py", "pelicanconf.py", "publishconf.py", "archive", "plugins"]


def dev_py(*args: str) -> subprocess.CompletedProcess:
    """Run ``python3 dev.py ARGS`` in the project, as the README teaches."""
    return subprocess.run(
        [sys.executable, str(ROOT / "dev.py"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", TASKS)
def test_every_task_shows_its_help_through_dev_py(name):
    shown = dev_py(name, "--help")
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert f"Usage: python3 dev.py [--core-opts] {name}" in shown.stdout
    assert flat(ns[name].__doc__) in flat(shown.stdout)


@pytest.mark.parametrize(
    "args", [["new", "-h"], ["new", "A headline", "--help"], ["--help", "new"]]
)
def test_help_anywhere_after_a_task_is_its_help_and_writes_nothing(args):
    before = sorted((ROOT / "content").rglob("*"))
    shown = dev_py(*args)
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert "Start a new briefing" in shown.stdout
    assert sorted((ROOT / "content").rglob("*")) == before


def python_sources() -> Iterator[Path]:
    for part in MESSAGE_SOURCES:
        path = ROOT / part
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def message_strings(path: Path) -> Iterator[tuple[int, str]]:
    """Yield the string literals of ``path`` with their lines, and its comments.

    Leaves out docstrings a developer reads, but keeps the tasks' (shown by `--help`).
    """
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    developers_only = set()
    for node in ast.walk(tree):
        kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
        if isinstance(node, kinds) and ast.get_docstring(node, clean=False) is not None:
            is_task = path.name == "tasks.py" and isinstance(node, ast.FunctionDef)
            if not is_task:
                developers_only.add(id(node.body[0].value))
    for node in ast.walk(tree):
        is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if is_text and id(node) not in developers_only:
            yield node.lineno, node.value
    # Settings files are edited by editors, whose comments they read.
    if path.name.endswith("conf.py"):
        for number, line in enumerate(source.splitlines(), 1):
            if "#" in line:
                yield number, line[line.index("#") :]


def task_references(text: str) -> list[str]:
    """Return each way ``text`` names a task other than `python3 dev.py TASK`."""
    names = "|".join(re.escape(name) for name in sorted(TASKS, key=len, reverse=True))
    wrong = [
        rf"\binvoke (?:{names})\b",  # invoke's own command
        r"(?<!python3 )\bdev\.py\b",  # dev.py without the python3 the README uses
        rf"`(?:{names})(?![\w.-])",  # a bare task name in backticks
    ]
    return [found.group() for pattern in wrong for found in re.finditer(pattern, text)]


def test_every_message_names_commands_as_python3_dev_py():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {reference!r} in {text!r}"
        for path in python_sources()
        for line, text in message_strings(path)
        for reference in task_references(text)
    ]
    assert not found, "\n".join(found)


def test_the_message_check_finds_each_way_of_naming_a_task():
    assert task_references("run `invoke comments.sync` to write it") == ["invoke comments.sync"]
    assert task_references("approve with `comments.approve ID`") == ["`comments.approve"]
    assert task_references("fix the errors (`dev.py check`)") == ["dev.py"]
    assert task_references("run `python3 dev.py comments.pending` to list them") == []
    assert task_references("placeholder text from `python3 dev.py new`") == []
    assert task_references("`comments.sync` makes the repository the record")
