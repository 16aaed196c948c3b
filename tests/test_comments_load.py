"""The comment server under load, through the production command (gunicorn, 2 workers)."""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import threading
import time
from pathlib import Path

from bench.comments_load import URIS, Sent, Server, post, production_command, run_load, write_site


def test_the_load_test_runs_the_documented_production_command():
    words = production_command()
    assert words[0] == "gunicorn" and int(words[words.index("--workers") + 1]) >= 2
    # What the load test starts: that command, bound to a free port of 127.0.0.1.
    started = Server(Path("settings.py"), port=8123).command()
    bind = words.index("--bind") + 1
    assert started[1:] == ["-m", *words[:bind], "127.0.0.1:8123", *words[bind + 1 :]]


def test_defect_1_every_comment_once_no_answer_carries_another_even_after_sigkills(tmp_path):
    """Old server (measured): 1 of 120, then 4 of 500 answers held another reader's comment."""
    load = run_load(write_site(tmp_path), posts=120, clients=20, kill="both", deadline=240)
    assert load.problems == []
    assert all(sent.acknowledged is not None for sent in load.sent)


def test_defect_2_the_rate_limit_holds_for_simultaneous_posts_across_workers(tmp_path):
    """Old server (measured): 2 of 20 with 2 sync workers; with 8 threads each, 2–5, HTML 403s."""
    server = Server(write_site(tmp_path, COMMENTS_RATE_LIMIT=2))
    server.start()
    answers: list[tuple[int, dict]] = []
    barrier = threading.Barrier(20)

    def send(n: int) -> None:
        text = f"Simultaneous comment {n} from one reader, long enough to be accepted."
        sent = Sent(n, URIS[0], text, f"key-{n:04d}-0123456789abcdef", "203.0.113.9")
        barrier.wait()
        status, answer, _ = post(server.port, sent)
        answers.append((status, answer))

    try:
        threads = [threading.Thread(target=send, args=(n,)) for n in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        server.stop()
    statuses = sorted(status for status, _ in answers)
    assert statuses == [202] * 2 + [429] * 18
    for status, answer in answers:
        if status == 429:
            assert answer == {
                "field": "form",
                "code": "too_fast",
                "message": "You have sent 2 comment(s) in the last minute; please wait a "
                "minute, then send this one again.",
            }


def test_defect_7_slow_connections_do_not_hold_the_server(tmp_path):
    """Old server (measured): with 2 silent connections held, a post was answered after 40.5 s."""
    server = Server(write_site(tmp_path))
    server.start()
    slow = []
    try:
        for _ in range(2):  # as many as there are workers
            connection = socket.create_connection(("127.0.0.1", server.port), timeout=30)
            connection.sendall(f"POST /new?uri={URIS[0]} HTTP/1.1\r\nHost: x\r\n".encode())
            slow.append(connection)
        started = time.monotonic()
        text = "A reader who is not slow sends this comment, long enough for it."
        sent = Sent(1, URIS[0], text, "k" * 20, "198.51.100.1")
        status, answer, _ = post(server.port, sent, timeout=30)
        assert status == 202, answer
        assert time.monotonic() - started < 25  # gunicorn's timeout is 10 s
        for connection in slow:
            # Answered (408, 400) or closed by the server in time: a client timeout raises.
            with contextlib.suppress(ConnectionResetError):
                connection.recv(1024)
        assert time.monotonic() - started < 25
    finally:
        for connection in slow:
            connection.close()
        server.stop()


def test_the_production_server_answers_json_for_every_refusal(tmp_path):
    server = Server(write_site(tmp_path))
    server.start()
    try:
        for path, body in [
            ("/new?uri=/admin/", b'{"text": "x"}'),
            ("/new?uri=&uri=" + URIS[0], b'{"text": "x"}'),
            ("/new?uri=" + URIS[0], b"[" * 30000),
            ("/new?uri=" + URIS[0], b'{"text": "\\ud800"}'),
            ("/id/1", b""),
        ]:
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            connection.request("POST", path, body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            assert 400 <= response.status < 500, path
            assert set(json.loads(response.read())) == {"field", "message", "code"}
            assert response.getheader("Set-Cookie") is None
            connection.close()
    finally:
        server.stop()
