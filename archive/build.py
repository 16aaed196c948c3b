"""Build the site with Pelican, in-process, into a staged folder swapped in only on success."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican.log import console
from pelican.settings import read_settings
from rich.console import ConsoleRenderable, RenderHook
from rich.text import Text

from contract.build import BUILD_STATE, BuildState
from pelican_internals import ArchivePelican
from permanent_addresses.generator import PUBLISHED_NOTE

from .paths import SETTINGS
from .staging import staged_output

# The settings that put an address into pages and feeds: share links, canonical links, the
# printed page address, feed entries. The preview rebuilds a site made for another address.
ADDRESS_SETTINGS = ("SITEURL", "PUBLIC_SITEURL")
ADDRESS_FILE = "output-address.json"
# The note in which the permanent_addresses plugin leaves the addresses a build published.
PUBLISHED_ADDRESSES = PUBLISHED_NOTE


@dataclass
class BuildLog:
    """What a run of Pelican logged: every error, and the content problems among them."""

    errors: list[str] = field(default_factory=list)
    problems: list[Any] = field(default_factory=list)
    # Every address the run published (permanent_addresses), for the record of addresses.
    addresses: set[str] = field(default_factory=set)


class BuildError(RuntimeError):
    """The build logged errors, so its output was not published."""

    def __init__(self, log: BuildLog) -> None:
        self.problems = log.problems
        self.errors = log.errors
        super().__init__(
            f"{len(log.errors)} error(s):\n" + "\n".join(f"  {error}" for error in log.errors)
        )


class _ErrorRecorder(logging.Handler):
    # Pelican reports its own failures (a template error, a file it cannot read) only by
    # logging them, and its `--fatal errors` counts them the same way.
    def __init__(self, log: BuildLog) -> None:
        super().__init__(level=logging.ERROR)
        self.log = log

    def emit(self, record: logging.LogRecord) -> None:
        self.log.errors.append(record.getMessage())


# The logs of the `recorded()` blocks open in this context: each build started inside them
# adds its content problems to every one when it ends.
_open_logs: ContextVar[tuple[BuildLog, ...]] = ContextVar("open_logs", default=())


@contextmanager
def recorded() -> Iterator[BuildLog]:
    """Record the errors logged, and the content problems found, by builds inside the block."""
    log = BuildLog()
    recorder = _ErrorRecorder(log)
    root = logging.getLogger()
    root.addHandler(recorder)
    token = _open_logs.set((*_open_logs.get(), log))
    try:
        yield log
    finally:
        _open_logs.reset(token)
        root.removeHandler(recorder)


@contextmanager
def fresh_state(settings: dict[str, Any], log: BuildLog) -> Iterator[BuildState]:
    """Give a run of Pelican a state of its own; hand its problems to ``log`` and open logs."""
    state = settings[BUILD_STATE] = BuildState()
    try:
        yield state
    finally:
        for listening in {id(each): each for each in (log, *_open_logs.get())}.values():
            listening.problems.extend(state.problems)
            listening.addresses.update(state.notes.get(PUBLISHED_ADDRESSES, ()))


class _DoneOnlyIfBuilt(RenderHook):
    """Drop Pelican's closing "Done: Processed …" line from a run that logged errors."""

    def __init__(self, log: BuildLog) -> None:
        self.log = log

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        """Return what Pelican's console prints, without "Done:" once an error was logged."""
        if not self.log.errors:
            return renderables
        return [r for r in renderables if not _is_done_line(r)]


def _is_done_line(renderable: ConsoleRenderable) -> bool:
    return isinstance(renderable, Text) and renderable.plain.startswith("Done: Processed")


@contextmanager
def done_only_if_built(log: BuildLog) -> Iterator[None]:
    """Keep Pelican from printing "Done:" inside the block once ``log`` has an error.

    Pelican prints it (on its rich console, not through logging) at the end of every run,
    errors or not; before "Build failed" it would read as a success.
    """
    console.push_render_hook(_DoneOnlyIfBuilt(log))
    try:
        yield
    finally:
        console.pop_render_hook()


def site_settings(
    settings_file: Path = SETTINGS, *, lenient: bool = False, **overrides: Any
) -> dict[str, Any]:
    """Return Pelican's settings from ``settings_file`` with ``overrides`` applied.

    ``lenient`` turns content errors into warnings, so a preview shows the good briefings.
    """
    if lenient:
        overrides["BRIEFING_METADATA_STRICT"] = False
    return read_settings(str(settings_file), override=overrides)


def build_site(
    settings_file: Path = SETTINGS,
    *,
    lenient: bool = False,
    remove_later: bool = True,
    **overrides: Any,
) -> Path:
    """Build the site; raise BuildError, leaving the last good output as it was, on any error.

    ``remove_later`` deletes the replaced site in the background, once the new one is live.
    """
    settings = site_settings(settings_file, lenient=lenient, **overrides)
    output = Path(settings["OUTPUT_PATH"])
    addresses = {key: settings.get(key) for key in ADDRESS_SETTINGS}
    cache = Path(settings["CACHE_PATH"])  # Before the incremental plugin moves it.
    retained = settings.get("OUTPUT_RETENTION", [])
    with staged_output(output, retained, remove_later=remove_later) as staging:
        settings["OUTPUT_PATH"] = str(staging)
        # Unchanged briefing pages are hard-linked from the live site (plugins/incremental).
        settings["INCREMENTAL_PREVIOUS_OUTPUT"] = str(output) if output.is_dir() else None
        with recorded() as log, done_only_if_built(log), fresh_state(settings, log):
            ArchivePelican(settings).run()
        if log.errors:
            raise BuildError(log)
    _record_addresses(output, cache, addresses)
    return output


def _folder_id(folder: Path) -> list[int]:
    stat = folder.stat()
    return [stat.st_dev, stat.st_ino]


def _record_addresses(output: Path, cache: Path, addresses: dict[str, Any]) -> None:
    # In the cache, not in or beside the site (a published folder gets nothing extra), with
    # the identity of the folder it describes: a site swapped in by a build killed before
    # this line, or made some other way, does not match, so it counts as built for none.
    cache.mkdir(parents=True, exist_ok=True)
    record = cache / ADDRESS_FILE
    partial = record.with_suffix(".tmp")
    partial.write_text(
        json.dumps({"output": _folder_id(output), "addresses": addresses}), encoding="utf-8"
    )
    partial.replace(record)


def built_for(output: Path, cache: Path) -> dict[str, Any] | None:
    """Return the address settings the site in ``output`` was built with; None if unknown.

    ``cache`` is the CACHE_PATH of the build that made it.
    """
    try:
        record = json.loads((cache / ADDRESS_FILE).read_text(encoding="utf-8"))
        if record["output"] != _folder_id(output):
            return None
        return dict(record["addresses"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
