"""Build into a folder beside output/ and swap it in whole, so readers never see half a site."""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# renameat2(2) flag: exchange two paths in one step (Linux 3.15+, glibc 2.28+).
RENAME_EXCHANGE = 2
AT_FDCWD = -100


def _stale_folders(output: Path) -> Iterator[Path]:
    """Yield staging folders left by builds that were killed, whose process is gone."""
    for folder in output.parent.glob(f".{output.name}.building-*"):
        pid = folder.name.rsplit("-", 2)[-2]
        try:
            os.kill(int(pid), 0)
        except (ValueError, ProcessLookupError):
            yield folder
        except PermissionError:
            continue


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically; return False where the system cannot."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    # Fails (non-zero) on file systems without the flag; the caller falls back.
    return (
        renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0
    )


# Run by the removing process: the site first, then the folder with the lock it holds.
_REMOVER = (
    "import shutil, sys; "
    "shutil.rmtree(sys.argv[1] + '/site', True); shutil.rmtree(sys.argv[1], True)"
)
LOCK_NAME = "removing.lock"


def _remove_in_background(replaced: Path, output: Path) -> None:
    """Delete the site that was just replaced, in a process of its own."""
    # Tens of thousands of files in a large archive: seconds the editor need not wait for,
    # since the new site is already live. A removal cut short is finished by the next build.
    parked = Path(tempfile.mkdtemp(prefix=f".{output.name}.replaced-", dir=output.parent))
    replaced.rename(parked / "site")
    # The lock goes with the open file to the child, which holds it until it ends: the next
    # build leaves alone a folder still being removed.
    with (parked / LOCK_NAME).open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        remover = subprocess.Popen(
            [sys.executable, "-c", _REMOVER, parked],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            pass_fds=[lock.fileno()],
        )
    # Waited for in the background: a long-lived process (tests, a preview) would otherwise
    # warn that it lost track of a running child, or keep it as a zombie.
    threading.Thread(target=remover.wait, name="remove-replaced-site", daemon=True).start()


def _abandoned_removals(output: Path) -> Iterator[Path]:
    """Yield replaced sites whose removal was cut short (nobody holds their lock)."""
    for parked in output.parent.glob(f".{output.name}.replaced-*"):
        try:
            with (parked / LOCK_NAME).open("a") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue
        except OSError:  # no lock file: killed before it was made, or almost removed
            pass
        yield parked


def swap_in(staging: Path, output: Path, *, remove_later: bool = False) -> None:
    """Put ``staging`` where ``output`` is, atomically where the system allows.

    ``remove_later`` deletes the replaced site in the background instead of waiting for it.
    """
    if not output.exists():
        staging.rename(output)
        return
    if _exchange(staging, output):
        if remove_later:
            _remove_in_background(staging, output)
        else:
            shutil.rmtree(staging)
        return
    # Two renames: a crash between them leaves the old site at `.<name>.previous`.
    previous = output.with_name(f".{output.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    output.rename(previous)
    staging.rename(output)
    shutil.rmtree(previous)


def _carry_over(output: Path, staging: Path, retained: list[str]) -> None:
    """Keep files Pelican's OUTPUT_RETENTION names (such as .git) from the live folder."""
    for name in retained:
        kept = output / name
        if kept.exists() and not (staging / name).exists():
            if kept.is_dir():
                shutil.copytree(kept, staging / name, symlinks=True)
            else:
                shutil.copy2(kept, staging / name)


@contextmanager
def staged_output(
    output: Path, retained: list[str] = (), *, remove_later: bool = False
) -> Iterator[Path]:
    """Yield an empty folder to build into; swap it in if the block succeeds, else delete it.

    ``remove_later`` as for swap_in.
    """
    output.parent.mkdir(parents=True, exist_ok=True)
    previous = output.with_name(f".{output.name}.previous")
    if not output.exists() and previous.exists():
        previous.rename(output)  # A crash between the two renames above: restore.
    for folder in _stale_folders(output):
        shutil.rmtree(folder, ignore_errors=True)
    for folder in _abandoned_removals(output):
        shutil.rmtree(folder, ignore_errors=True)
    staging = Path(
        tempfile.mkdtemp(prefix=f".{output.name}.building-{os.getpid()}-", dir=output.parent)
    )
    try:
        yield staging
        _carry_over(output, staging, list(retained))
        staging.chmod(0o755)  # mkdtemp makes it private; the site is meant to be read.
        swap_in(staging, output, remove_later=remove_later)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
