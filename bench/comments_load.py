"""Load test of the comment server, run with the production command of docs/comments.md.

    python3 -m bench.comments_load                 # 500 comments, 20 clients, SIGKILLs midway
    python3 -m bench.comments_load --posts 5000 --kill none   # memory after 5,000 comments

It starts gunicorn (2 workers) on 127.0.0.1 with a fresh database in a temporary folder, sends
the comments from concurrent clients, each as a different reader (X-Forwarded-For, trusted from
127.0.0.1, as behind the production proxy), and checks what `comments.pending` then lists: every
comment exactly once, each answer naming its own comment and nobody else's. With ``--kill``
it SIGKILLs one worker a third of the way in and the whole server (master and workers) two
thirds of the way in, then starts it again; clients send unanswered comments again with the
same key, as the form does. Only 127.0.0.1, and bounded: at most ``--posts`` comments and
``--deadline`` seconds.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from archive.paths import ROOT

from .memory import _pss_kb, _tree

DOCS = ROOT / "docs/comments.md"
URIS = [f"/briefings/2026/0{n}/load-test-{n}/" for n in range(1, 6)]


def production_command() -> list[str]:
    """Return the gunicorn command docs/comments.md gives for production, as words."""
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        if line.startswith("gunicorn "):
            return shlex.split(line)
    raise LookupError(f"{DOCS}: no `gunicorn …` production command")


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_site(folder: Path, **settings: object) -> Path:
    """Write the list of open briefings and a settings file for the server; return the file."""
    threads = folder / "threads.json"
    listed = [{"url": uri, "title": f"Load test {i}"} for i, uri in enumerate(URIS, 1)]
    threads.write_text(json.dumps({"format": 1, "briefings": listed}), encoding="utf-8")
    values = {
        "PATH": str(folder / "content"),
        "COMMENTS_DB_PATH": str(folder / "comments.db"),
        "COMMENTS_THREADS_FILE": str(threads),
        "COMMENTS_TRUSTED_PROXIES": ["127.0.0.1"],
        **settings,
    }
    path = folder / "loadconf.py"
    (folder / "content").mkdir(exist_ok=True)
    lines = [
        "import sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        "from publishconf import *  # noqa: F403",
    ]
    lines += [f"{key} = {value!r}" for key, value in values.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class Server:
    """gunicorn running the comment server with the production command, on a free port."""

    def __init__(self, settings_file: Path, port: int | None = None) -> None:
        self.settings_file = settings_file
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None

    def command(self) -> list[str]:
        """Return the production command, bound to this server's port."""
        words = production_command()
        bind = words.index("--bind")
        words[bind + 1] = f"127.0.0.1:{self.port}"
        return [sys.executable, "-m", *words]

    def start(self, timeout: float = 60) -> None:
        """Start gunicorn; return when both workers answer."""
        env = {**os.environ, "ARCHIVE_SETTINGS": str(self.settings_file)}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            self.command(),
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while len(self.workers()) < 2 or not self.answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start: {shlex.join(self.command())}")
            time.sleep(0.1)

    def answers(self) -> bool:
        """Return True if the server answers its health check."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
        try:
            connection.request("GET", "/info")
            return connection.getresponse().status == 200
        except OSError:
            return False
        finally:
            connection.close()

    def workers(self) -> list[int]:
        """Return the process ids of the workers."""
        return _tree(self.process.pid)[1:] if self.process else []

    def memory_mb(self) -> float:
        """Return the PSS of the master and its workers together, in MB."""
        return round(sum(_pss_kb(pid) for pid in _tree(self.process.pid)) / 1024, 1)

    def kill_worker(self) -> None:
        """SIGKILL one worker (the master starts another)."""
        os.kill(self.workers()[0], signal.SIGKILL)

    def kill(self) -> None:
        """SIGKILL the master and its workers at once."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        """Stop the server as an administrator would (SIGTERM)."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@dataclass
class Sent:
    """One comment a client sends, and what came of it."""

    number: int
    uri: str
    text: str
    key: str
    address: str
    acknowledged: int | None = None
    answers: list[tuple[int, dict, str | None]] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)


def comment(number: int) -> Sent:
    """Return comment ``number`` of the load: a unique text from its own reader."""
    text = (
        f"Load test comment number {number}: the briefing was clear, and the answers on "
        f"the second question were useful. Reference {uuid.uuid4().hex[:12]}."
    )
    address = f"10.{number // 256 % 256}.{number % 256}.7"
    return Sent(number, URIS[number % len(URIS)], text, uuid.uuid4().hex, address)


def post(port: int, sent: Sent, timeout: float = 15) -> tuple[int, dict, str | None]:
    """Send one comment as the form does; return the status, JSON answer and any cookie."""
    body = json.dumps({"text": sent.text, "author": f"Reader {sent.number}", "key": sent.key})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(
            "POST",
            f"/new?uri={sent.uri}",
            body=body.encode(),
            headers={"Content-Type": "application/json", "X-Forwarded-For": sent.address},
        )
        response = connection.getresponse()
        return response.status, json.loads(response.read()), response.getheader("Set-Cookie")
    finally:
        connection.close()


@dataclass
class Load:
    """The outcome of a load test."""

    sent: list[Sent]
    seconds: float
    memory_mb: list[tuple[int, float]]
    problems: list[str]

    def latencies(self) -> list[float]:
        """Return the latencies of the acknowledged requests, sorted."""
        return sorted(t for s in self.sent for t in s.latencies)

    def summary(self) -> dict[str, float]:
        """Return the figures BENCHMARKS.md reports."""
        times = self.latencies()
        acknowledged = sum(s.acknowledged is not None for s in self.sent)
        return {
            "comments": len(self.sent),
            "acknowledged": acknowledged,
            "seconds": round(self.seconds, 1),
            "per_second": round(acknowledged / self.seconds, 1),
            "p50_ms": round(statistics.median(times) * 1000, 1),
            "p95_ms": round(times[int(len(times) * 0.95) - 1] * 1000, 1),
        }


def run_load(
    settings_file: Path,
    posts: int = 500,
    clients: int = 20,
    kill: str = "both",
    deadline: float = 600,
    memory_every: int = 0,
) -> Load:
    """Send ``posts`` comments from ``clients`` threads; SIGKILL as ``kill`` says midway."""
    server = Server(settings_file)
    server.start()
    work: queue.Queue[Sent] = queue.Queue()
    sent = [comment(n) for n in range(1, posts + 1)]
    for item in sent:
        work.put(item)
    done = threading.Semaphore(0)
    ends = time.monotonic() + deadline

    def client() -> None:
        while time.monotonic() < ends:
            try:
                item = work.get_nowait()
            except queue.Empty:
                return
            while time.monotonic() < ends:
                started = time.perf_counter()
                try:
                    status, answer, cookie = post(server.port, item)
                except (OSError, http.client.HTTPException, ValueError):
                    time.sleep(0.2)  # the server was killed or restarts: send again, same key
                    continue
                item.answers.append((status, answer, cookie))
                if status == 202:
                    item.latencies.append(time.perf_counter() - started)
                    item.acknowledged = answer.get("id")
                    break
                time.sleep(0.2)  # 503: busy; send again with the same key
            done.release()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    memory: list[tuple[int, float]] = []
    try:
        for count in range(1, posts + 1):
            if not done.acquire(timeout=max(0.0, ends - time.monotonic())):
                break
            if kill in {"worker", "both"} and count == posts // 3:
                server.kill_worker()
            if kill in {"server", "both"} and count == 2 * posts // 3:
                server.kill()
                server.start()
            if memory_every and count % memory_every == 0:
                memory.append((count, server.memory_mb()))
        for thread in threads:
            thread.join(timeout=max(0.0, ends - time.monotonic()))
        seconds = time.perf_counter() - started
    finally:
        server.stop()
    return Load(sent, seconds, memory, check(settings_file, sent))


def check(settings_file: Path, sent: list[Sent]) -> list[str]:
    """Return what is wrong: comments lost, stored twice, or answers naming another's comment."""
    from archive.comment_server.config import comment_settings
    from archive.comment_server.moderation import pending_comments

    waiting = pending_comments(comment_settings(settings_file))
    by_text: dict[str, list[int]] = {}
    for stored in waiting:
        by_text.setdefault(stored.text, []).append(stored.id)
    text_of = {stored.id: stored.text for stored in waiting}
    problems = []
    for item in sent:
        ids = by_text.get(item.text, [])
        if item.acknowledged is not None and len(ids) != 1:
            problems.append(f"comment {item.number} acknowledged, stored {len(ids)} time(s)")
        if item.acknowledged is None:
            problems.append(f"comment {item.number} never acknowledged")
        for status, answer, cookie in item.answers:
            if cookie:
                problems.append(f"comment {item.number}: answer set a cookie {cookie!r}")
            if status == 202 and (
                set(answer) != {"id", "message"} or text_of.get(answer["id"]) != item.text
            ):
                problems.append(f"comment {item.number}: answer {answer} is not its comment")
            if status != 202 and status != 503:
                problems.append(f"comment {item.number}: refused {status} {answer}")
    stray = len(waiting) - len({t for t in by_text if t in {s.text for s in sent}})
    if stray:
        problems.append(f"{stray} stored comment(s) not sent, or stored twice")
    return problems


def main() -> None:
    """Run the load test the command line describes."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--kill", choices=["none", "worker", "server", "both"], default="both")
    parser.add_argument("--deadline", type=float, default=900, help="seconds, at most")
    parser.add_argument("--memory-every", type=int, default=0, help="sample memory every N")
    args = parser.parse_args()
    if args.posts > 20000 or args.clients > 100:
        parser.error("at most 20,000 comments from 100 clients")
    with tempfile.TemporaryDirectory(prefix="comments-load-") as folder:
        settings = write_site(Path(folder))
        print(f"$ {shlex.join(production_command())}  (bound to a free port)")
        load = run_load(
            settings, args.posts, args.clients, args.kill, args.deadline, args.memory_every
        )
    print(json.dumps(load.summary()))
    for count, mb in load.memory_mb:
        print(f"memory after {count:,} comments: {mb} MB (PSS, master and workers)")
    for problem in load.problems[:20]:
        print("PROBLEM:", problem)
    print(f"{len(load.problems)} problem(s)")
    sys.exit(1 if load.problems else 0)


if __name__ == "__main__":
    main()
