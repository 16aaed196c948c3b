"""Build a generated corpus with our settings and with plain Pelican; compare time and memory."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from archive.paths import ROOT

from .corpus import write_corpus
from .memory import TreeMemory


def timed_build(mode: str, content: Path, folder: Path, overrides: list[str] = ()) -> dict:
    """Build in a child process; return its seconds, peak memory (MB) and step timings."""
    command = [sys.executable, "-m", "bench.build", "--mode", mode, "--content", str(content)]
    command += ["--output", str(folder / "output"), "--cache", str(folder / "cache")]
    command += [f"--set={override}" for override in overrides]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    memory = TreeMemory(child.pid)
    out = child.stdout.read()
    tree_mb = memory.stop()
    # wait4 gives the largest peak RSS of this child and each of its descendants.
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if child.returncode:
        raise SystemExit(f"the {mode} build failed (exit {child.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result["wall_s"] = round(seconds, 2)
    result["peak_mb"] = tree_mb
    result["largest_process_mb"] = round(usage.ru_maxrss / 1024, 1)
    return result


def folder_mb(folder: Path) -> float:
    """Return the size of the files under ``folder``, in MB."""
    return round(sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6, 1)


def plain_copy(content: Path, plain: Path) -> Path:
    """Copy the corpus for plain Pelican, which knows spokespeople as authors.

    A withdrawn briefing is hidden for Pelican: written at its address, in no listing.
    """
    for source in content.glob("briefings/**/*.md"):
        target = plain / source.relative_to(content)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8").replace("\nSpokesperson:", "\nAuthor:", 1)
        text = text.replace("\nStatus: withdrawn\n", "\nStatus: hidden\n", 1)
        target.write_text(text, encoding="utf-8")
    (plain / "pages").mkdir(parents=True, exist_ok=True)
    return plain


def edit_one(content: Path, number: int) -> Path:
    """Change the title of briefing ``number``, as an editor fixing a headline would."""
    path = next(content.glob(f"briefings/*/briefing-{number:05d}.md"))
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^Title: ", "Title: Corrected: ", text, count=1), encoding="utf-8")
    return path


def load() -> str:
    """Return the 1, 5 and 15-minute load averages, as `uptime` shows them."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    """Run the comparison and print a table, then one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000, help="briefings in the corpus")
    parser.add_argument("--folder", type=Path, help="work here and keep it (default: temporary)")
    parser.add_argument("--no-pelican", action="store_true", help="skip the plain-Pelican build")
    # At 50,000 briefings and more each build takes half an hour or longer on two cores:
    # these leave out the measurements that the targets at that size do not need.
    parser.add_argument(
        "--no-typogrify", action="store_true", help="skip plain Pelican with Typogrify"
    )
    parser.add_argument("--no-rebuild", action="store_true", help="skip the one-edit rebuild")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=JSON",
        help="override one of our settings, such as THREADS_FACETS=false (repeatable)",
    )
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        shutil.rmtree(folder / "ours", ignore_errors=True)
        shutil.rmtree(folder / "pelican", ignore_errors=True)
        content = write_corpus(folder / "ours" / "content", args.n)
        print(f"corpus: {args.n} briefings in {content}; load {load()}", flush=True)
        ours = timed_build("ours", content, folder / "ours", args.set)
        print(
            f"ours: {ours['seconds']:.1f} s, peak {ours['peak_mb']} MB for all its processes "
            f"(largest process {ours['largest_process_mb']} MB, the build's Python process "
            f"{ours['python_peak_mb']} MB); load {load()}"
        )
        rebuild: dict = {"seconds": None, "peak_mb": None, "steps": {}}
        if not args.no_rebuild:
            edited = edit_one(content, args.n // 2 or 1)
            rebuild = timed_build("ours", content, folder / "ours", args.set)
            print(f"ours, rebuild after editing {edited.name}: {rebuild['seconds']:.1f} s")
        size = folder_mb(folder / "ours" / "output")
        pelican: dict = {"seconds": None, "peak_mb": None, "steps": {}}
        bare: dict = {"seconds": None, "peak_mb": None}
        if not args.no_pelican:
            plain = plain_copy(write_corpus(folder / "tmp", args.n), folder / "pelican" / "content")
            shutil.rmtree(folder / "tmp")
            # Plain Pelican without Typogrify is the target; with it, the floor.
            bare = timed_build("pelican-plain", plain, folder / "pelican")
            print(
                f"plain Pelican: {bare['seconds']:.1f} s, peak {bare['peak_mb']} MB; load {load()}"
            )
            if not args.no_typogrify:
                shutil.rmtree(folder / "pelican" / "output", ignore_errors=True)
                shutil.rmtree(folder / "pelican" / "cache", ignore_errors=True)
                pelican = timed_build("pelican", plain, folder / "pelican")
                plain_size = folder_mb(folder / "pelican" / "output")
                print(
                    f"plain Pelican + Typogrify: {pelican['seconds']:.1f} s, peak "
                    f"{pelican['peak_mb']} MB, output {plain_size} MB; load {load()}"
                )
        print(f"\n{'step (s)':<45}{'ours':>9}{'pelican':>9}{'rebuild':>9}")
        for step, seconds in ours["steps"].items():
            plain_step = pelican["steps"].get(step, 0)
            rebuild_step = rebuild["steps"].get(step, 0)
            print(f"{step:<45}{seconds:>9.2f}{plain_step:>9.2f}{rebuild_step:>9.2f}")
        ratio = round(ours["seconds"] / pelican["seconds"], 2) if pelican["seconds"] else None
        bare_ratio = round(ours["seconds"] / bare["seconds"], 2) if bare["seconds"] else None
        summary = {
            "n": args.n,
            "settings": args.set,
            "ours_s": ours["seconds"],
            "pelican_s": pelican["seconds"],
            "ratio": ratio,
            "plain_pelican_s": bare["seconds"],
            "plain_ratio": bare_ratio,
            "plain_peak_mb": bare["peak_mb"],
            "rebuild_one_s": rebuild["seconds"],
            "rebuild_ratio": round(rebuild["seconds"] / ours["seconds"], 3)
            if rebuild["seconds"]
            else None,
            # Every process of the build at once (PSS): Python, reading workers, Pagefind.
            "peak_mb": ours["peak_mb"],
            "pelican_peak_mb": pelican["peak_mb"],
            "largest_process_mb": ours["largest_process_mb"],
            "python_peak_mb": ours["python_peak_mb"],
            "memory_ratio": round(ours["peak_mb"] / pelican["peak_mb"], 2)
            if pelican["peak_mb"]
            else None,
            "plain_memory_ratio": round(ours["peak_mb"] / bare["peak_mb"], 2)
            if bare["peak_mb"]
            else None,
            "output_mb": size,
            "rebuild_peak_mb": rebuild["peak_mb"],
            "load": load(),
            "steps": ours["steps"],
            "pelican_steps": pelican["steps"],
            "rebuild_steps": rebuild["steps"],
        }
        print(json.dumps(summary))
    finally:
        if args.folder is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
