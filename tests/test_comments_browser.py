"""A reader comments on a briefing in Chromium; an editor approves it; the rebuilt page shows it."""

from __future__ import annotations

import json
import shutil
import subprocess

from playwright.sync_api import expect

from archive.build import build_site
from archive.comment_server.moderation import approve, pending_comments, sync
from archive.paths import ROOT

from .conftest import read_page, served, visible_text
from .test_comments import running_server, server_settings, stored
from .toolchain import vnu_command

BRIEFING = "briefings/2026/02/india-canada-liaison-officers/"
COMMENT = (
    'Good to see this. <script>alert("gotcha")</script> I hope the officers are posted '
    "before the summer."
)


def test_a_reader_comment_is_refused_then_moderated_then_published(page, tmp_path):
    content = tmp_path / "content"
    for folder in ("briefings", "pages", "registry"):
        shutil.copytree(ROOT / "content" / folder, content / folder)
    output = tmp_path / "output"
    output.mkdir()
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    # The server accepts comments for the briefings the build lists (it reads the list anew).
    threads = str(output / "comments/threads.json")
    with (
        served(output) as site,
        running_server(server_settings(tmp_path, site, COMMENTS_THREADS_FILE=threads)) as server,
    ):
        settings = server_settings(tmp_path, site, COMMENTS_THREADS_FILE=threads)

        def build() -> None:
            build_site(
                PATH=str(content),
                OUTPUT_PATH=str(output),
                CACHE_PATH=str(tmp_path / "cache"),
                COMMENTS_SERVER_URL=server,
            )

        build()
        page.goto(f"{site}/{BRIEFING}")
        text = page.get_by_label("Comment", exact=True)
        text.fill("Too short for a comment")
        expect(page.locator("#comment-text-count")).to_have_text("23 of 50 characters")
        page.get_by_role("button", name="Send comment").click()
        error = page.locator("#comment-text-error")
        expect(error).to_have_text("Comments need at least 50 characters; you wrote 23.")
        expect(text).to_have_attribute("aria-invalid", "true")
        assert stored(settings) == 0

        page.get_by_label("Name").fill("Asha Verma")
        page.get_by_label("E-mail").fill("asha@example.org")
        text.fill(COMMENT)
        page.get_by_role("button", name="Send comment").click()
        expect(page.get_by_role("status")).to_have_text(
            "Thank you — your comment will appear after moderation."
        )
        expect(error).to_be_empty()
        (waiting,) = pending_comments(settings)
        assert (waiting.briefing, waiting.name) == ("india-canada-liaison-officers", "Asha Verma")

        build()
        assert read_page(output, BRIEFING).select(".comment") == []

        approve(settings, [waiting.id])
        sync(settings)
        build()
        # A new address: the rebuilt page may carry the same Last-Modified second.
        page.goto(f"{site}/{BRIEFING}?synced")
        shown = page.locator(f"#comment-{waiting.id}")
        expect(shown).to_contain_text("Asha Verma")
        expect(shown.locator(".comment-text")).to_have_text(COMMENT)
        assert page.locator("#comments script").count() == 1
        soup = read_page(output, BRIEFING)
        assert "asha@example.org" not in soup.decode()
        assert visible_text(soup.select_one(".comment-count")) == "1 comment"
        assert nu_checker_problems(f"{site}/{BRIEFING}") == []
    # Chromium logs the refused request; anything else (a CSP violation, a script error) fails.
    assert [p for p in problems if "status of 400" not in p] == []
    assert len(problems) == 1


def nu_checker_problems(url: str) -> list[str]:
    """Return the Nu Html Checker's errors and warnings for the page at ``url``."""
    result = subprocess.run(
        [*vnu_command(), "--format", "json", url],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] != "info" or m.get("subType") == "warning"
    ]
