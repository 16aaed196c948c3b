"""Reader comments: the rules, the data files, the briefing page, and the comment server."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from archive.build import BuildError
from archive.comments.config import comment_settings, is_local_origin
from archive.comments.moderation import (
    ModerationError,
    approve,
    open_db,
    pending_comments,
    reject,
    sync,
)
from archive.comments.rules import Refusal, Rules, check_comment
from archive.comments.server import comment_server
from archive.paths import PUBLISH_SETTINGS
from archive.preview import in_background
from comments.policy import allow_comment_server
from comments.render import comment_html

from .conftest import invoke, minimal_briefing, read_page, visible_text

RULES = Rules(min_length=50, max_length=2000, allow_anonymous=True)
URI = "/briefings/2026/01/water-talks/"
LONG_ENOUGH = "This comment is long enough to pass the fifty character minimum."
BRIEFINGS = {"2026/water-talks.md": minimal_briefing("Water talks", "2026-01-05")}


def comments_file(content: Path, slug: str, *comments: tuple[int, str, str]) -> None:
    folder = content / "comments"
    folder.mkdir(parents=True, exist_ok=True)
    data = {
        "format": 1,
        "briefing": URI,
        "comments": [
            {"id": i, "name": name, "created": f"2026-01-0{i}T10:00:00+00:00", "text": text}
            for i, name, text in comments
        ],
    }
    (folder / f"{slug}.json").write_text(json.dumps(data), encoding="utf-8")


# The rules, as the server applies them.


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"text": "x" * 23}, "text", "Comments need at least 50 characters; you wrote 23."),
        ({"text": "  " + "x" * 23 + "\n\n  "}, "text", "you wrote 23."),
        ({"text": "x" * 2345}, "text", "at most 2,000 characters; you wrote 2,345."),
        ({"text": LONG_ENOUGH, "email": "not-an-address"}, "email", "not an e-mail address"),
        ({"text": LONG_ENOUGH, "author": "n" * 101}, "author", "at most 100 characters"),
        ({"text": LONG_ENOUGH, "website": "http://spam.example"}, "form", "automated"),
        ("not an object", "form", "could not be read"),
    ],
)
def test_a_comment_breaking_a_rule_is_refused_with_a_message(data, field, message):
    refusal = check_comment(data, URI, RULES)
    assert isinstance(refusal, Refusal)
    assert refusal.field == field
    assert message in refusal.message


def test_a_valid_comment_is_cleaned_for_isso():
    comment = check_comment({"text": f"  {LONG_ENOUGH}\r\n", "website": "", "x": 1}, URI, RULES)
    assert comment == {"text": LONG_ENOUGH, "author": "Anonymous", "email": None, "title": URI}


def test_a_name_is_required_when_anonymous_comments_are_off():
    rules = Rules(min_length=50, max_length=2000, allow_anonymous=False)
    assert check_comment({"text": LONG_ENOUGH}, URI, rules).field == "author"


@pytest.mark.parametrize("uri", ["", "/", "http://evil.example/", "/briefings/../x/", "/a/B/"])
def test_comments_go_to_briefing_pages_only(uri):
    assert isinstance(check_comment({"text": LONG_ENOUGH}, uri, RULES), Refusal)


# Showing comments.


def test_comment_text_is_escaped_and_its_links_are_nofollow_ugc():
    html = comment_html('<script>alert("x")</script> & see https://example.org/a?b=1&c=2.\n\nBye')
    assert html == (
        "<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; see "
        '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc">'
        "https://example.org/a?b=1&amp;c=2</a>.</p>\n<p>Bye</p>"
    )


def test_csp_allows_the_comment_server_for_requests_and_forms_only():
    policy = "default-src 'self'; script-src 'self'; form-action 'self'"
    assert allow_comment_server(policy, "https://comments.example.org/isso/") == (
        "default-src 'self'; script-src 'self'; form-action 'self' https://comments.example.org; "
        "connect-src 'self' https://comments.example.org"
    )


def test_approved_comments_are_shown_oldest_first_escaped_and_counted(make_site, tmp_path):
    comments_file(
        tmp_path / "content",
        "water-talks",
        (2, "Second <b>reader</b>", f"<script>alert(1)</script> {LONG_ENOUGH}"),
        (1, "First reader", LONG_ENOUGH),
    )
    site = make_site(BRIEFINGS)
    soup = read_page(site, "briefings/2026/01/water-talks/")
    comments = soup.select("#comments .comment")
    assert [c["id"] for c in comments] == ["comment-1", "comment-2"]
    assert visible_text(comments[1].select_one(".comment-author")) == "Second <b>reader</b>"
    assert "<script>alert(1)</script>" in visible_text(comments[1].select_one(".comment-text"))
    assert len(soup.select("#comments script")) == 1  # comments.js, nothing from a comment
    assert comments[0].select_one("a.comment-permalink")["href"] == "#comment-1"
    assert comments[0].select_one("time")["datetime"] == "2026-01-01T15:30:00+05:30"
    count = soup.select_one(".briefing-meta .comment-count")
    assert visible_text(count) == "2 comments" and count["href"].endswith("#comments")
    feed = (site / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "First reader" not in feed and "fifty character" not in feed


def test_the_form_posts_to_the_comment_server_which_the_csp_allows(make_site):
    site = make_site(BRIEFINGS, COMMENTS_SERVER_URL="https://comments.example.org")
    soup = read_page(site, "briefings/2026/01/water-talks/")
    form = soup.select_one("form.comment-form")
    assert form["action"] == f"https://comments.example.org/new?uri={URI}"
    assert form.has_attr("hidden")  # shown by comments.js; without it, the note says how
    assert "turn on JavaScript" in visible_text(soup.select_one(".comments-nojs"))
    for field in ("author", "email", "text"):
        assert soup.select_one(f"label[for=comment-{field}]")
    csp = soup.select_one("meta[http-equiv=Content-Security-Policy]")["content"]
    assert "connect-src 'self' https://comments.example.org" in csp
    home_csp = read_page(site, "index.html").select_one("meta[http-equiv=Content-Security-Policy]")
    assert "comments.example.org" not in home_csp["content"]


def test_closed_comments_show_no_form_and_keep_the_site_csp(make_site, tmp_path):
    comments_file(tmp_path / "content", "water-talks", (1, "First reader", LONG_ENOUGH))
    closed = {
        "2026/water-talks.md": minimal_briefing("Water talks", "2026-01-05", comments="Closed")
    }
    soup = read_page(make_site(closed), "briefings/2026/01/water-talks/")
    assert soup.select_one("form.comment-form") is None
    assert len(soup.select(".comment")) == 1
    assert "closed" in visible_text(soup.select_one(".comments-closed"))
    csp = soup.select_one("meta[http-equiv=Content-Security-Policy]")["content"]
    assert "connect-src" not in csp


def test_comments_can_be_turned_off_site_wide(make_site, tmp_path):
    comments_file(tmp_path / "content", "water-talks", (1, "First reader", LONG_ENOUGH))
    soup = read_page(make_site(BRIEFINGS, COMMENTS_ENABLED=False), "briefings/2026/01/water-talks/")
    assert soup.select_one("#comments") is None and soup.select_one(".comment-count") is None


def test_an_unknown_comments_value_is_an_error_at_its_line(make_failing_build):
    bad = {"2026/water-talks.md": minimal_briefing("Water talks", "2026-01-05", comments="maybe")}
    with pytest.raises(BuildError) as failed:
        make_failing_build(bad)
    assert any(
        "water-talks.md:8: Comments: 'maybe' is not a comments setting; use one of open, closed"
        in str(problem)
        for problem in failed.value.problems
    ), failed.value.problems


def test_a_broken_comments_file_fails_the_build_naming_it(make_failing_build, tmp_path):
    (tmp_path / "content/comments").mkdir(parents=True)
    (tmp_path / "content/comments/water-talks.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(BuildError) as failed:
        make_failing_build(BRIEFINGS)
    assert any("water-talks.json: is not a comments file" in error for error in failed.value.errors)


# The comment server.


def server_settings(tmp_path: Path, site_url: str = "http://127.0.0.1:8000", **overrides):
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    return comment_settings(
        PATH=str(content),
        COMMENTS_DB_PATH=str(tmp_path / "comments.db"),
        COMMENTS_SITE_URLS=[site_url],
        **overrides,
    )


@contextmanager
def running_server(settings) -> Iterator[str]:
    """Run the real comment server on a free port in a thread; yield its URL."""
    with in_background(comment_server(settings, "127.0.0.1", 0)) as server:
        yield f"http://127.0.0.1:{server.server_port}"


def post(server: str, body: object, uri: str = URI) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{server}/new?uri={uri}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read())


def stored(settings) -> int:
    return sum(open_db(settings).comments.count_modes().values())


def test_server_refuses_a_honeypot_comment_and_stores_nothing(tmp_path):
    settings = server_settings(tmp_path)
    with running_server(settings) as server:
        status, answer = post(server, {"text": LONG_ENOUGH, "website": "http://spam.example"})
    assert status == 400 and answer["field"] == "form" and "automated" in answer["message"]
    assert stored(settings) == 0
    assert open_db(settings).execute("SELECT COUNT(*) FROM threads").fetchone()[0] == 0


def test_server_limits_comments_per_address_and_says_so(tmp_path):
    settings = server_settings(tmp_path, COMMENTS_RATE_LIMIT=2)
    with running_server(settings) as server:
        answers = [post(server, {"text": f"{n} {LONG_ENOUGH}"}) for n in range(3)]
    assert [status for status, _ in answers] == [202, 202, 429]
    assert "2 comment(s) in the last minute" in answers[2][1]["message"]
    assert stored(settings) == 2


def test_server_serves_only_what_the_form_needs(tmp_path):
    settings = server_settings(tmp_path)
    with running_server(settings) as server:
        post(server, {"text": LONG_ENOUGH})
        for path in ("/?uri=" + URI, "/id/1", "/admin/"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(server + path, timeout=10)
            with refused.value as error:
                assert error.code == 404


def from_page(server: str, origin: str, method: str = "POST") -> tuple[int, str]:
    """Send a comment (or the browser's preflight) as a page at ``origin`` does.

    Return the status and the origin the server lets read the answer: a browser shows the
    page's script an error ("could not be reached") unless it is the page's own.
    """
    request = urllib.request.Request(
        f"{server}/new?uri={URI}",
        data=json.dumps({"text": LONG_ENOUGH}).encode() if method == "POST" else None,
        headers={"Content-Type": "application/json", "Origin": origin},
        method=method,
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers["Access-Control-Allow-Origin"]


def test_the_local_comment_server_accepts_the_preview_on_any_port(tmp_path):
    # The local settings as they are: no site address given, so the preview's default.
    content = tmp_path / "content"
    content.mkdir()
    settings = comment_settings(PATH=str(content), COMMENTS_DB_PATH=str(tmp_path / "c.db"))
    with running_server(settings) as server:
        for origin in ("http://127.0.0.1:8123", "http://localhost:8123"):
            assert from_page(server, origin, "OPTIONS") == (200, origin)
            assert from_page(server, origin) == (202, origin)
    assert stored(settings) == 2


def test_the_public_comment_server_answers_only_the_site(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    settings = comment_settings(
        PUBLISH_SETTINGS, PATH=str(content), COMMENTS_DB_PATH=str(tmp_path / "c.db")
    )
    site = settings["PUBLIC_SITEURL"]
    with running_server(settings) as server:
        assert from_page(server, site, "OPTIONS") == (200, site)
        for origin in ("http://127.0.0.1:8123", "http://localhost:8000", "https://evil.example"):
            assert from_page(server, origin, "OPTIONS") == (200, site)


@pytest.mark.parametrize(
    ("origin", "local"),
    [
        ("http://127.0.0.1:8123", True),
        ("http://localhost:8000", True),
        ("https://127.0.0.2", True),
        ("http://[::1]:8123", True),
        ("http://127.0.0.1.evil.example:8123", False),
        ("http://localhost.evil.example", False),
        ("http://user@127.0.0.1:8123", False),
        ("http://127.0.0.1:8123/page/", False),
        ("http://127.0.0.1:port", False),
        ("file://", False),
        ("null", False),
        ("", False),
    ],
)
def test_only_pages_on_this_computer_are_local(origin, local):
    assert is_local_origin(origin) is local


def test_comments_survive_a_server_restart_and_are_moderated(tmp_path):
    settings = server_settings(tmp_path)
    with running_server(settings) as server:
        assert (
            post(server, {"text": LONG_ENOUGH, "author": "Ann & Co", "email": "a@b.org"})[0] == 202
        )
    with running_server(settings) as server:
        assert post(server, {"text": f"Second: {LONG_ENOUGH}"})[0] == 202
    waiting = pending_comments(settings)
    assert [(c.id, c.briefing, c.name) for c in waiting] == [
        (1, "water-talks", "Ann & Co"),
        (2, "water-talks", "Anonymous"),
    ]
    with pytest.raises(ModerationError):
        approve(settings, [1, 99])
    assert len(pending_comments(settings)) == 2  # nothing approved by a request with a bad id
    assert approve(settings, [1]) == [1]
    report = sync(settings)
    path = Path(settings["PATH"]) / "comments/water-talks.json"
    assert report.written == [path]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [(c["id"], c["name"]) for c in data["comments"]] == [(1, "Ann & Co")]
    assert "a@b.org" not in path.read_text(encoding="utf-8")  # e-mail never published
    reject(settings, [1])
    assert sync(settings).removed == [path] and not path.exists()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_server_log_names_the_moderation_commands_not_isso_links(project):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "invoke", "comments.serve", "--port", str(port)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/info", timeout=5).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        assert post(f"http://127.0.0.1:{port}", {"text": LONG_ENOUGH})[0] == 202
        time.sleep(0.5)  # the log line is written after the answer
    finally:
        server.terminate()
        said = server.communicate(timeout=30)[0]
    assert "Activate comment" not in said and "Delete comment" not in said
    assert "/id/1" not in said  # Isso's moderation links, which the archive does not serve
    assert "python3 dev.py comments.approve 1" in said
    assert "python3 dev.py comments.reject 1" in said
    assert "python3 dev.py comments.pending" in said
    database = open_db(comment_settings(COMMENTS_DB_PATH=str(project / "comments.db")))
    created = datetime.fromtimestamp(database.comments.get(1)["created"], ZoneInfo("Asia/Kolkata"))
    assert f"{created:%Y-%m-%d %H:%M} IST" in said


def test_pending_comments_are_listed_in_the_site_time_zone(project, tmp_path):
    # The database of the project's own `comments.pending`.
    settings = comment_settings(
        PATH=str(project / "content"),
        COMMENTS_DB_PATH=str(project / "comments.db"),
        COMMENTS_SITE_URLS=["http://127.0.0.1:8000"],
    )
    with running_server(settings) as server:
        assert post(server, {"text": LONG_ENOUGH, "author": "Ann"})[0] == 202
    created = open_db(settings).comments.get(1)["created"]
    in_delhi = datetime.fromtimestamp(created, ZoneInfo("Asia/Kolkata"))
    listed = invoke(project, "comments.pending")
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert f"    1  {in_delhi:%Y-%m-%d %H:%M} IST  water-talks  Ann: This comment" in listed.stdout
    assert "python3 dev.py comments.approve" in listed.stdout
    assert [c.created.tzname() for c in pending_comments(settings)] == ["IST"]
