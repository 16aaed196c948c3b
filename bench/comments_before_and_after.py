"""Send each issue-15 defect test's requests to a running comment server and say what came back."""

from __future__ import annotations

import argparse
import collections
import http.client
import json
import os
import re
import signal
import socket
import sqlite3
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .comments_load import URIS, Server, write_site
from .memory import _pss_kb, _tree

USAGE = """\
    # the current server, started here with the production command on a fresh database:
    python3 -m bench.comments_before_and_after --new
    # any server already running on this computer (the old Isso-based one, say):
    python3 -m bench.comments_before_and_after --url http://127.0.0.1:18431 \\
        --db /tmp/oldsrv/comments.db --pid 12345

The requests are those of the `test_defect_*` tests in tests/test_comments.py and
tests/test_comments_load.py (same bodies, queries and concurrency), sent over HTTP; each reader
is told apart by X-Forwarded-For, so the server must trust 127.0.0.1 as its proxy
(COMMENTS_TRUSTED_PROXIES) and start on a fresh database that accepts comments for ``--uri``.
``--db`` (the server's SQLite file, read only except for the aged comments of the cap check)
tells what was stored; ``--pid`` (gunicorn's master) lets it SIGKILL a worker during the load
and measure memory. Every line says PASS or FAIL against what the test asserts. Only
127.0.0.1, bounded: a few thousand requests.
"""
LONG_ENOUGH = "This comment is long enough to pass the fifty character minimum."
RATE_LIMIT_MESSAGE = {
    "field": "form",
    "message": "You have sent 2 comment(s) in the last minute; please wait a minute, "
    "then send this one again.",
}


@dataclass
class Answer:
    """One HTTP answer: status, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float = 0.0

    def json(self) -> Any:
        """Return the body as JSON, or None if it is not JSON."""
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def cookie(self) -> bool:
        """Return True if the answer sets a cookie (Set-Cookie or Isso's X-Set-Cookie)."""
        return "set-cookie" in self.headers or "x-set-cookie" in self.headers


@dataclass
class Target:
    """The server under test: where it answers, its database, its master process."""

    url: str
    db: Path
    uri: str
    pid: int | None = None
    next_reader: int = 1
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reader(self) -> str:
        """Return a new reader's address, in a /24 of its own (both servers count by /24)."""
        with self.lock:
            n, self.next_reader = self.next_reader, self.next_reader + 1
        return f"10.{n // 256 % 256}.{n % 256}.1"

    def send(
        self, body: object, query: str | None = None, address: str = "", timeout: float = 30
    ) -> Answer:
        """POST a comment as the form does: JSON to /new?uri=…, from ``address``."""
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        parts = urlsplit(self.url)
        query = f"uri={self.uri}" if query is None else query
        started = time.perf_counter()
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        try:
            connection.request(
                "POST",
                f"/new?{query}" if query else "/new",
                body=raw,
                headers={
                    "Content-Type": "application/json",
                    "X-Forwarded-For": address or self.reader(),
                },
            )
            response = connection.getresponse()
            headers = {name.lower(): value for name, value in response.getheaders()}
            return Answer(response.status, headers, response.read(), time.perf_counter() - started)
        finally:
            connection.close()

    def rows(self) -> list[tuple[int, str, str]]:
        """Return every stored comment as (id, text, name)."""
        if not self.db.exists():  # Isso makes its database at the first comment
            return []
        db = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=30)
        try:
            return db.execute("SELECT id, text, author FROM comments ORDER BY id").fetchall()
        finally:
            db.close()

    def count(self) -> int:
        """Return how many comments the database holds."""
        return len(self.rows())

    def memory_mb(self) -> float:
        """Return the PSS of the master and its workers together, in MB."""
        return round(sum(_pss_kb(pid) for pid in _tree(self.pid or 0)) / 1024, 1)

    def age_comments(self, address: str, count: int, seconds_ago: float) -> None:
        """Store ``count`` comments from ``address``'s /24 on the briefing, ``seconds_ago``."""
        network = address.rsplit(".", 1)[0]
        created = time.time() - seconds_ago
        with sqlite3.connect(self.db, timeout=30) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            for n in range(count):
                text = f"Aged comment {n} {uuid.uuid4().hex}: {LONG_ENOUGH}"
                if "threads" in tables:  # Isso's layout: the address as Isso anonymises it
                    db.execute(
                        "INSERT OR IGNORE INTO threads (uri, title) VALUES (?, ?)",
                        (self.uri, self.uri),
                    )
                    db.execute(
                        "INSERT INTO comments (tid, parent, created, mode, remote_addr, text,"
                        " author, likes, dislikes, voters) VALUES ((SELECT id FROM threads"
                        " WHERE uri = ?), NULL, ?, 2, ?, ?, 'Aged', 0, 0, ?)",
                        (self.uri, created, f"{network}.0", text, bytes(256)),
                    )
                else:  # the archive's own layout
                    db.execute(
                        "INSERT INTO comments (uri, title, created, mode, remote_addr, author,"
                        " text, fingerprint) VALUES (?, ?, ?, 2, ?, 'Aged', ?, ?)",
                        (self.uri, self.uri, created, f"{network}.0/24", text, uuid.uuid4().hex),
                    )


@dataclass
class Check:
    """One defect test's requests and what came back."""

    defect: str
    test: str
    passed: bool
    seen: str


def stored_since(target: Target, before: int) -> list[tuple[int, str, str]]:
    """Return the comments stored after the first ``before`` rows."""
    return target.rows()[before:]


def describe(answer: Answer) -> str:
    """Return a short account of an answer: status, JSON or the start of the body."""
    data = answer.json()
    shown = json.dumps(data) if data is not None else repr(answer.body[:80])
    kind = answer.headers.get("content-type", "?").split(";")[0]
    return f"{answer.status} {kind} {shown[:120]}"


def plain_text(html_or_text: str) -> str:
    """Return the text of Isso's rendered answer (it wraps the text in <p>)."""
    return re.sub(r"<[^>]+>", "", html_or_text).strip()


# Defect 1: another reader's comment handed out (the load test: 20 clients).


def defect_1(target: Target, posts: int, clients: int = 20) -> list[Check]:
    """Send ``posts`` comments from ``clients`` threads, each from its own reader."""
    sent = []
    for n in range(1, posts + 1):
        text = (
            f"Load test comment number {n}: the briefing was clear, and the answers on "
            f"the second question were useful. Reference {uuid.uuid4().hex[:12]}."
        )
        sent.append((n, text, uuid.uuid4().hex, target.reader()))
    answers: dict[int, list[Answer]] = collections.defaultdict(list)
    work = list(reversed(sent))
    lock = threading.Lock()
    done = [0]
    deadline = time.monotonic() + 600

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                if not work:
                    return
                n, text, key, address = work.pop()
            body = {"text": text, "author": f"Reader {n}", "key": key}
            for _ in range(5):  # the form sends again, with the same key, after a 5xx
                try:
                    answer = target.send(body, address=address, timeout=15)
                except (OSError, http.client.HTTPException):
                    time.sleep(0.2)
                    continue
                answers[n].append(answer)
                if answer.status < 500:
                    break
                time.sleep(0.2)
            with lock:
                done[0] += 1
                if target.pid and done[0] == posts // 3:
                    os.kill(_tree(target.pid)[1], signal.SIGKILL)  # one worker, as the test

    before = target.count()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rows = stored_since(target, before)
    text_of = {row[0]: row[1] for row in rows}
    times = collections.Counter(row[1] for row in rows)
    number_of = {text: n for n, text, _, _ in sent}
    leaks, cookies, shapes, acknowledged, statuses = 0, 0, 0, 0, collections.Counter()
    example = ""
    for n, text, _key, _address in sent:
        for answer in answers[n]:
            statuses[answer.status] += 1
            cookies += answer.cookie()
            data = answer.json()
            if answer.status != 202 or not isinstance(data, dict):
                continue
            acknowledged += 1
            shapes += set(data) != {"id", "message"}
            other_text = "text" in data and plain_text(str(data["text"])) != text
            if text_of.get(data.get("id")) != text or other_text:
                leaks += 1
                theirs = number_of.get(plain_text(str(data.get("text", ""))), "?")
                example = example or (
                    f" (e.g. comment {n} was answered with id {data.get('id')}, the text and "
                    f"name {data.get('author')!r} of comment {theirs})"
                )
    once = sum(times[text] == 1 for _, text, _, _ in sent)
    twice = sum(times[text] > 1 for _, text, _, _ in sent)
    passed = leaks == 0 and cookies == 0 and shapes == 0 and once == posts
    seen = (
        f"{posts} comments, {clients} clients, statuses {dict(sorted(statuses.items()))}; "
        f"{leaks} of {acknowledged} 202 answers carried another reader's comment"
        f"{example}; "
        f"{cookies} answers set a cookie; {shapes} answers held more than id+message; "
        f"stored once {once}, more than once {twice}"
        + ("; a worker SIGKILLed at a third" if target.pid else "")
    )
    return [Check("1", "every comment once, no answer carries another", passed, seen)]


# Defect 2: the rate limit under 20 simultaneous posts from one address.


def defect_2(target: Target, rounds: int) -> list[Check]:
    """Send 20 posts at once from one reader, ``rounds`` times (a new reader each round)."""
    checks = []
    for r in range(rounds):
        address = "203.0.113.9" if r == 0 else target.reader()
        barrier = threading.Barrier(20)
        answers: list[Answer] = []

        def send(n: int, r: int = r, address: str = address, barrier=barrier, answers=answers):
            text = f"Simultaneous comment {n} from one reader, long enough to be accepted."
            key = f"key-{n:04d}-0123456789abcdef" if r == 0 else f"key-{n:04d}-r{r}-{'0' * 9}"
            body = {"text": text, "author": f"Reader {n}", "key": key}
            barrier.wait()
            answers.append(target.send(body, address=address))

        threads = [threading.Thread(target=send, args=(n,)) for n in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        statuses = collections.Counter(a.status for a in answers)
        not_json = [a for a in answers if a.status != 202 and a.json() != RATE_LIMIT_MESSAGE]
        passed = statuses == {202: 2, 429: 18} and not not_json
        sample = f"; e.g. {describe(not_json[0])}" if not_json else ""
        seen = (
            f"round {r + 1}: {statuses[202]} of 20 accepted (limit 2), statuses "
            f"{dict(sorted(statuses.items()))}, {len(not_json)} refusals not the form's JSON"
            f"{sample}"
        )
        checks.append(Check("2", "rate limit holds for 20 simultaneous posts", passed, seen))
    return checks


# Defect 3: only a published briefing's address.


def defect_3(target: Target) -> list[Check]:
    """Post a valid comment to each address the test tries."""
    uri, slug = target.uri, target.uri.rstrip("/").rsplit("/", 1)[1]
    queries = [
        "uri=/admin/",
        "uri=/x/",
        "uri=/briefings/2026/01/a-draft/",
        "uri=/briefings/2026/01/no-such-briefing/",
        f"uri=/anything/{slug}/",
        "uri=",
        f"uri=&uri={uri}",
        f"uri={uri}&uri={uri}",
        "",
    ]
    checks = []
    for query in queries:
        before = target.count()
        answer = target.send({"text": LONG_ENOUGH}, query)
        data = answer.json()
        added = target.count() - before
        passed = (
            answer.status in {400, 404}
            and isinstance(data, dict)
            and data.get("field") == "form"
            and answer.headers.get("content-type") == "application/json"
            and added == 0
        )
        seen = f"?{query}: {describe(answer)}; stored {added}"
        checks.append(Check("3", "only a published briefing's address", passed, seen))
    return checks


# Defect 4: no input gives a 500.


def defect_4(target: Target) -> list[Check]:
    """Send each body of the test; then a lone surrogate that must be dropped."""
    long = LONG_ENOUGH.encode()
    bodies = [
        b'{"text": "\\ud800' + long + b'"}',
        b'{"text": "' + long + b'", "author": "\\ud800"}',
        b'{"text": "' + long + b'", "author": "A\\udfffB"}',
        b"[" * 30000,
        b"{" * 30000,
        b'{"text": ' + b"[" * 20000 + b"]" * 20000 + b"}",
        b"\xff\xfe not utf-8",
        b'{"text": 5, "author": ["x"], "email": {}}',
        b'{"text": "' + long + b'", "key": 12}',
        b"null",
    ]
    checks = []
    for body in bodies:
        answer = target.send(body)
        data = answer.json()
        keys = set(data) if isinstance(data, dict) else None
        passed = answer.status < 500 and keys in ({"field", "message"}, {"id", "message"})
        seen = f"{body[:40]!r}{'…' if len(body) > 40 else ''}: {describe(answer)}"
        checks.append(Check("4", "no input gives a 500", passed, seen))
    before = target.count()
    body = b'{"text": "' + long + b'\\ud800", "author": "Ann\\udfff"}'
    answer = target.send(body)
    rows = [(text, name) for _, text, name in stored_since(target, before)]
    passed = answer.status == 202 and rows == [(LONG_ENOUGH, "Ann")]
    seen = f"text+'\\ud800', name 'Ann\\udfff': {describe(answer)}; stored {rows!r}"[:300]
    checks.append(Check("4", "a lone surrogate is dropped, not stored", passed, seen))
    return checks


# Defect 5: a retry duplicates; the same text twice; many addresses.


def defect_5(target: Target, many: int = 600, clients: int = 1) -> list[Check]:
    """Send a retry with the same key, the same text twice, and ``many`` readers in a row."""
    checks = []
    reader, before = target.reader(), target.count()
    body = {"text": LONG_ENOUGH, "key": "k" * 32}
    first, second = target.send(body, address=reader), target.send(body, address=reader)
    ids = [(a.json() or {}).get("id") for a in (first, second)]
    added = target.count() - before
    passed = first.status == second.status == 202 and ids[0] == ids[1] and added == 1
    seen = f"statuses {first.status}, {second.status}; ids {ids}; stored {added}"
    checks.append(Check("5", "a retry with the same key is stored once", passed, seen))

    reader, before = target.reader(), target.count()
    first = target.send({"text": LONG_ENOUGH, "key": "a" * 32}, address=reader)
    again = {"text": f"  {LONG_ENOUGH.upper()} ", "key": "b" * 32}
    second = target.send(again, address=reader)
    data = second.json() if isinstance(second.json(), dict) else {}
    added = target.count() - before
    passed = (
        first.status == 202
        and second.status == 409
        and data.get("field") == "text"
        and "already sent" in data.get("message", "")
        and added == 1
    )
    seen = f"statuses {first.status}, {second.status}; stored {added}"
    checks.append(Check("5", "the same text twice is refused", passed, seen))

    before = target.count()
    statuses: collections.Counter[int] = collections.Counter()
    numbers = list(range(many))

    def client() -> None:
        while numbers:
            try:
                n = numbers.pop()
            except IndexError:
                return
            status = target.send({"text": f"{n}: {LONG_ENOUGH}"}).status
            with target.lock:
                statuses[status] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    added = target.count() - before
    passed = statuses == {202: many} and added == many
    how = "one after another" if clients == 1 else f"from {clients} clients"
    seen = (
        f"{many} readers {how}: statuses {dict(sorted(statuses.items()))}; "
        f"stored {added} (a 500 that was stored anyway: {added - statuses[202]})"
    )
    checks.append(Check("5", "many distinct addresses never fail", passed, seen))
    return checks


# Defect 6: invisible and bidirectional characters.


def defect_6(target: Target) -> list[Check]:
    """Send the invisible-character texts, then a name and text with bidirectional overrides."""
    texts = [
        "Nice post" + "\u200b" * 41,
        "Nice post" + "\u200d" * 41,
        "Nice post" + "\u202e\u202c" * 21,
        "Nice post" + "\ufeff\u2060\u00ad\u180e" * 11,
        "Nice post" + "\u3164" * 41,
    ]
    checks = []
    for text in texts:
        before = target.count()
        answer = target.send({"text": text})
        data = answer.json() if isinstance(answer.json(), dict) else {}
        added = target.count() - before
        passed = (
            answer.status == 400
            and str(data.get("message", "")).endswith("you wrote 9.")
            and added == 0
        )
        invisible = ascii(text[9:11])
        seen = f"'Nice post' + {invisible}…: {answer.status}, stored {added}"
        checks.append(Check("6", "invisible characters do not count", passed, seen))
    before = target.count()
    name, text = "\u202eevil\u202c Ann", f"Cafe\u0301 \u2067{LONG_ENOUGH}\u2069 \u202egnissim"
    answer = target.send({"text": text, "author": name})
    rows = [(t, n) for _, t, n in stored_since(target, before)]
    expected = (f"Café {LONG_ENOUGH} gnissim", "evil Ann")
    passed = answer.status == 202 and rows == [expected]
    stored_as = ascii(rows[0][1]) + " / " + ascii(rows[0][0][:12]) if rows else "nothing"
    seen = f"{answer.status}; stored name / text start: {stored_as}"
    checks.append(Check("6", "bidi overrides stripped, text NFC", passed, seen))
    return checks


# Defect 7: cookies, the cap that never expires, memory, slow connections.


def defect_7(target: Target) -> list[Check]:
    """Check the answer's cookie, the cap's expiry, memory under posting and slow readers."""
    checks = []
    answer = target.send({"text": LONG_ENOUGH, "author": "Ann"})
    data = answer.json()
    passed = (
        answer.status == 202
        and isinstance(data, dict)
        and set(data) == {"id", "message"}
        and not answer.cookie()
    )
    keys = sorted(data) if isinstance(data, dict) else None
    seen = (
        f"{answer.status}; answer keys {keys}; Set-Cookie "
        f"{'set-cookie' in answer.headers}, X-Set-Cookie {'x-set-cookie' in answer.headers}"
    )
    checks.append(Check("7", "no cookie and only the id comes back", passed, seen))

    recent, aged = target.reader(), target.reader()
    target.age_comments(recent, 10, seconds_ago=3600)  # the cap is in force: refused
    target.age_comments(aged, 10, seconds_ago=2 * 24 * 3600)  # a day past it: open again
    within = target.send({"text": f"An hour later: {LONG_ENOUGH}"}, address=recent)
    later = target.send({"text": f"Two days later: {LONG_ENOUGH}"}, address=aged)
    seen = (
        f"10 comments from a /24 an hour ago, then one more: {within.status}; "
        f"10 two days ago, then one more: {describe(later)}"
    )
    passed = within.status == 429 and later.status == 202
    checks.append(Check("7", "the per-briefing cap (10) expires", passed, seen))

    if target.pid:

        def burst(first: int) -> None:
            for n in range(first, first + 400):
                target.send({"text": f"{n}: memory {LONG_ENOUGH}"})

        burst(0)  # warm-up, as the test
        samples = [target.memory_mb()]
        burst(400)
        samples.append(target.memory_mb())
        burst(800)
        burst(1200)
        samples.append(target.memory_mb())
        growth = samples[2] - samples[1]
        seen = (
            f"PSS master+workers after 400 / 800 / 1,600 posts: "
            f"{' / '.join(f'{mb} MB' for mb in samples)} (growth 800→1,600: {growth:.1f} MB)"
        )
        checks.append(Check("7", "memory flat (< 5 MB over 800 posts)", growth < 5, seen))

    parts = urlsplit(target.url)
    slow = []
    try:
        for _ in range(2):  # as many as the workers
            connection = socket.create_connection((parts.hostname, parts.port), timeout=90)
            connection.sendall(f"POST /new?uri={target.uri} HTTP/1.1\r\nHost: x\r\n".encode())
            slow.append(connection)
        started = time.monotonic()
        try:
            answer = target.send({"text": f"Not slow: {LONG_ENOUGH}"}, timeout=90)
            status = str(answer.status)
        except OSError as error:
            status = f"no answer ({error})"
        seconds = time.monotonic() - started
    finally:
        for connection in slow:
            connection.close()
    seen = f"2 silent connections held, then a post: {status} after {seconds:.1f} s"
    passed = status == "202" and seconds < 25
    checks.append(Check("7", "slow connections do not hold the server", passed, seen))
    return checks


def run(target: Target, only: str, posts: int, rounds: int, many: int, clients: int) -> list[Check]:
    """Run the defects' requests against ``target``; print and return what came back."""
    checks: list[Check] = []
    steps = {
        "1": lambda: defect_1(target, posts),
        "2": lambda: defect_2(target, rounds),
        "3": lambda: defect_3(target),
        "4": lambda: defect_4(target),
        "5": lambda: defect_5(target, many, clients),
        "6": lambda: defect_6(target),
        "7": lambda: defect_7(target),
    }
    for step in (steps[number] for number in only.split(",")):
        for check in step():
            print(
                f"defect {check.defect} | {'PASS' if check.passed else 'FAIL'} | "
                f"{check.test} | {check.seen}",
                flush=True,
            )
            checks.append(check)
    return checks


def main() -> None:
    """Run the defects' requests against the server the command line names."""
    parser = argparse.ArgumentParser(
        description=__doc__,
        epilog=USAGE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--new", action="store_true", help="start the current server here")
    parser.add_argument("--url", help="a running server, e.g. http://127.0.0.1:18431")
    parser.add_argument("--db", type=Path, help="the running server's SQLite database")
    parser.add_argument("--pid", type=int, help="the running server's gunicorn master")
    parser.add_argument("--uri", default=URIS[0], help="a briefing the server accepts")
    parser.add_argument("--defects", default="1,2,3,4,5,6,7", help="which, e.g. 1,2,5")
    parser.add_argument("--posts", type=int, default=120, help="defect 1's comments")
    parser.add_argument("--rounds", type=int, default=1, help="defect 2's rounds")
    parser.add_argument("--many", type=int, default=600, help="defect 5's distinct readers")
    parser.add_argument("--clients", type=int, default=1, help="defect 5's clients at once")
    args = parser.parse_args()
    if args.posts > 5000 or args.rounds > 50 or args.many > 5000 or args.clients > 50:
        parser.error("at most 5,000 comments, 50 rounds, 5,000 readers and 50 clients")
    sizes = (args.defects, args.posts, args.rounds, args.many, args.clients)
    if args.new:
        with tempfile.TemporaryDirectory(prefix="comments-defects-") as folder:
            server = Server(write_site(Path(folder)))
            server.start()
            assert server.process is not None
            try:
                target = Target(
                    f"http://127.0.0.1:{server.port}",
                    Path(folder) / "comments.db",
                    args.uri,
                    server.process.pid,
                )
                checks = run(target, *sizes)
            finally:
                server.stop()
    elif args.url and args.db:
        if urlsplit(args.url).hostname not in {"127.0.0.1", "localhost"}:
            parser.error("only a server on this computer (127.0.0.1)")
        checks = run(Target(args.url, args.db, args.uri, args.pid), *sizes)
    else:
        parser.error("give --new, or --url and --db")
    failed = sum(not check.passed for check in checks)
    print(f"{len(checks) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
