"""Invoke tasks for editors and developers; each is a thin call into archive/ or a tool."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from invoke import Collection, Exit, Task, task

# Pelican is imported inside the tasks that use it: `test` hands a clean interpreter to
# pytest, which must import (and rewrite) its plugins before anything else does.
from archive.paths import CACHE, OUTPUT, PUBLISH_SETTINGS, REPORTS, ROOT, SETTINGS

CONFIG = {
    "host": "127.0.0.1",
    "port": 8000,
}


@contextmanager
def build_failure_exits() -> Iterator[None]:
    """Turn a failed build inside the block into the editor's one-line exit."""
    from archive.build import BuildError

    try:
        yield
    except BuildError as error:
        raise Exit(
            f"Build failed with {len(error.errors)} error(s); {OUTPUT.name}/ was left as it was.",
            code=1,
        ) from None


@task(
    help={
        "lenient": "List content errors as warnings and build the good briefings.",
        "publish": "Build the public site with publishconf.py (absolute URLs, no drafts).",
        "quiet": "Print only problems, not where to view the site.",
    }
)
def build(c, lenient=False, publish=False, quiet=False):
    """Check the content, then build the site into output/ (replaced only if all went well)."""
    from archive.build import build_site
    from archive.report import problems_listed

    if publish and lenient:
        raise Exit(
            "A public build is always strict: fix the errors (`python3 dev.py check`).", code=2
        )
    settings = PUBLISH_SETTINGS if publish else SETTINGS
    with problems_listed(lenient=lenient), build_failure_exits():
        output = build_site(settings, lenient=lenient, OUTPUT_PATH=str(OUTPUT))
    if quiet:
        return
    pages = sum(1 for _ in output.rglob("*.html"))
    print(f"Built {pages} pages into {output.relative_to(ROOT)}/.")
    if publish:
        print("This is the public site: `python3 dev.py publish` builds and deploys it in one go.")
    else:
        print(f"View it: python3 dev.py serve, then open http://{CONFIG['host']}:{CONFIG['port']}/")


@task(
    help={
        "target": "A folder (replaced whole, atomically), or user@host:path (rsync over ssh).",
        "git_repo": "A git repository to publish to a branch of, as GitHub Pages serves.",
        "branch": "The branch for --git-repo (default: PUBLISH_GIT_BRANCH, gh-pages).",
        "allow_example_siteurl": "Publish even though SITEURL is still the example address.",
    }
)
def publish(c, target="", git_repo="", branch="", allow_example_siteurl=False):
    """Build the public site (strict, no drafts) and deploy it; a broken build deploys nothing."""
    from archive.build import BuildError
    from archive.publish import PublishError, is_example_address, publish_site
    from archive.report import problems_listed

    with problems_listed() as log:
        try:
            published = publish_site(
                target, git_repo, branch, allow_example_siteurl=allow_example_siteurl
            )
        except BuildError as error:
            raise Exit(
                f"Nothing was published: the build found {len(error.errors)} error(s).", code=1
            ) from None
        except PublishError as error:
            raise Exit(f"Nothing was published: {error}", code=1) from None
    print(f"Published {published.pages} pages to {published.where}, for {published.siteurl}.")
    # The published addresses join the record, so no later build can lose one unnoticed.
    from archive.addresses import record_addresses

    _say_recorded(record_addresses(log.addresses)[1])
    if is_example_address(published.siteurl):
        print(
            "Note: SITEURL in publishconf.py is still the example address, so every link and "
            "the stylesheet point there. Set it to your site's public address and publish again."
        )


@task
def check(c):
    """Check every briefing, page and registry file without building; list scheduled ones."""
    from archive.check import check_site
    from archive.report import print_problems

    report = check_site(SETTINGS)
    print_problems(report.log.problems)
    others = set(report.log.errors) - {str(p) for p in report.log.problems}
    for error in sorted(others):
        print(f"  {error}")
    for path in report.drafts:
        print(f"draft: {path} (not published until its `Status: draft` line is removed)")
    for path, date in report.scheduled:
        print(f"scheduled: {path} publishes on {date:%Y-%m-%d %H:%M} (with a build on that day)")
    print(
        f"{report.published} briefing(s) ready to publish, {len(report.scheduled)} scheduled, "
        f"{len(report.drafts)} draft(s)."
    )
    if not report.ok:
        raise Exit(f"{len(report.log.errors)} error(s): fix them before publishing.", code=1)


@task(
    help={
        "title": "The headline, in quotes.",
        "spokesperson": "Who gave the briefing, as the registry spells it (several: commas).",
        "tags": "Comma-separated tags from the registry, such as security,fentanyl.",
        "location": "The dateline, such as New Delhi.",
        "source": "The credit line, such as Ministry of External Affairs weekly briefing.",
    }
)
def new(c, title, spokesperson="", tags="", location="", source=""):
    """Start a new briefing (a draft) with today's date, every field and key points to fill in."""
    from archive.new import NewBriefingError, new_briefing

    try:
        made = new_briefing(title, spokesperson, tags, location=location, source=source)
    except NewBriefingError as error:
        # One problem per line, as the build lists them.
        listed = "".join(f"\n  {problem}" for problem in error.problems)
        said = listed if len(error.problems) > 1 else f" {error.problems[0]}"
        raise Exit(f"No briefing written:{said}", code=1) from None
    print(f"Wrote {made.path.relative_to(ROOT)}")
    print(
        f"Preview: python3 dev.py livereload, then open http://{CONFIG['host']}:{CONFIG['port']}/{made.draft_url}"
    )
    print(
        "Replace the placeholder text, then delete its `Status: draft` line to publish it at "
        f"{made.url}"
    )


@task
def clean(c):
    """Remove the built site and Pelican's cache."""
    for folder in (OUTPUT, CACHE):
        shutil.rmtree(folder, ignore_errors=True)


@task(pre=[clean, build])
def rebuild(c):
    """Build the site from scratch."""


@task(help={"lenient": "When building first, list content errors as warnings."})
def serve(c, port=CONFIG["port"], lenient=False):
    """Serve output/ at http://127.0.0.1:8000/, first building it for that address if needed."""
    from archive.ports import PortBusyError
    from archive.preview import build_for_preview, built_for_preview
    from archive.preview import serve as serve_site
    from archive.report import problems_listed

    host, port = CONFIG["host"], int(port)
    # Feeds and share links hold the address a site was built for: only its own will do.
    if not built_for_preview(OUTPUT, host, port):
        print(f"Building {OUTPUT.name}/ for http://{host}:{port}/ ...", flush=True)
        with problems_listed(lenient=lenient), build_failure_exits():
            build_for_preview(host, port, lenient=lenient)
    try:
        serve_site(OUTPUT, host, port)
    except PortBusyError as error:
        raise Exit(f"Preview not started: {error}", code=1) from None


@task(help={"port": "Listen on this port (default 8000)."})
def livereload(c, port=CONFIG["port"]):
    """Build, serve at http://127.0.0.1:8000/, then rebuild and reload the page on every change."""
    from archive.livereload import live_preview
    from archive.ports import PortBusyError

    try:
        live_preview(CONFIG["host"], int(port))
    except PortBusyError as error:
        raise Exit(f"Preview not started: {error}", code=1) from None


@task
def test(c, args=""):
    """Install the test tools if needed, then run the whole test suite."""
    import pytest

    from tests.toolchain import ensure_test_tools

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


@task(
    pre=[build],
    help={
        "pages": "Addresses to audit instead, comma-separated, such as /,/tags/fentanyl/.",
        "dark": "Audit the dark colour scheme (the browser prefers dark).",
    },
)
def lighthouse(c, pages="", dark=False):
    """Run Lighthouse (mobile) on the home, a briefing and a tag page; print the four scores."""
    from archive.audit import CATEGORIES, AuditError, named_pages, run_lighthouse
    from tests.toolchain import ensure_command, ensure_node_packages

    ensure_command("chromium")
    ensure_command("node")
    ensure_node_packages()
    folder = REPORTS / "lighthouse" / datetime.now().strftime("%Y-%m-%d-%H%M%S")
    try:
        chosen = named_pages(pages.split(",")) if pages else None
        results = run_lighthouse(OUTPUT, folder, chosen, "dark" if dark else "light")
    except AuditError as error:
        raise Exit(str(error), code=1) from None
    print(f"Lighthouse {results[0].lighthouse_version}, mobile, on {results[0].browser}")
    width = max(10, *(len(result.name) + 2 for result in results))
    print(f"{'page':<{width}}" + "".join(f"{name:>16}" for name in CATEGORIES) + "  address")
    for result in results:
        scores = "".join(f"{result.scores[name]!s:>16}" for name in CATEGORIES)
        print(f"{result.name:<{width}}{scores}  {result.url}")
    print(f"Reports (HTML and JSON): {folder.relative_to(ROOT)}/")


@task(pre=[build])
def screenshots(c):
    """Save home, briefing, tag, search and a Hindi briefing at 375 and 1280 px, light and dark."""
    from archive.audit import AuditError, take_screenshots
    from tests.toolchain import ensure_command

    ensure_command("chromium")
    try:
        written = take_screenshots(OUTPUT, REPORTS / "screenshots")
    except AuditError as error:
        raise Exit(str(error), code=1) from None
    for path in written:
        print(path.relative_to(ROOT))


@task(
    help={
        "n": "Briefings in the generated corpus.",
        "folder": "Work in this folder and keep it (default: a temporary one).",
        "no_pelican": "Skip the plain-Pelican comparison build.",
        "no_typogrify": "Skip plain Pelican with Typogrify (plain Pelican without it still runs).",
        "no_rebuild": "Skip the rebuild after editing one briefing.",
        "search_only": "Time only the search index (sample site and the corpus).",
        "setting": "Override one of our settings, NAME=JSON, such as THREADS_FACETS=false.",
    },
    iterable=["setting"],
)
def bench(
    c,
    n=1000,
    folder="",
    no_pelican=False,
    no_typogrify=False,
    no_rebuild=False,
    search_only=False,
    setting=None,
):
    """Build a generated corpus with our settings and plain Pelican; compare time and memory."""
    if search_only:
        command = ["bench.search_index", "--briefings", str(int(n))]
    else:
        command = ["bench.run", "--n", str(int(n))]
        command += ["--folder", folder] if folder else []
        command += ["--no-pelican"] if no_pelican else []
        command += ["--no-typogrify"] if no_typogrify else []
        command += ["--no-rebuild"] if no_rebuild else []
        command += [f"--set={override}" for override in setting or []]
    subprocess.run([sys.executable, "-m", *command], cwd=ROOT, check=True)


# Reader comments: `python3 dev.py comments.serve`, `.pending`, `.approve`, `.reject`, `.sync`.
def _comment_ids(ids: str) -> list[int]:
    try:
        return [int(part) for part in ids.replace(",", " ").split()]
    except ValueError:
        raise Exit(f"Comment ids are numbers, such as 3,4 (not {ids!r}).", code=2) from None


@task(name="serve", help={"port": "Listen on this port instead of COMMENTS_SERVER_PORT."})
def comments_serve(c, port=0):
    """Run the comment server (the archive's intake, on SQLite) on this computer."""
    from archive.comment_server.config import comment_settings
    from archive.comment_server.server import serve
    from archive.ports import PortBusyError

    settings = comment_settings()
    try:
        serve(
            settings,
            settings["COMMENTS_SERVER_HOST"],
            int(port or settings["COMMENTS_SERVER_PORT"]),
        )
    except PortBusyError as error:
        raise Exit(f"Comment server not started: {error}", code=1) from None


@task(name="pending")
def comments_pending(c):
    """List the comments waiting for moderation: id, time, briefing, name and full text."""
    import textwrap

    from archive.comment_server.config import comment_settings
    from archive.comment_server.moderation import TIME_FORMAT, pending_comments

    waiting = pending_comments(comment_settings())
    for comment in waiting:
        sender = comment.name + (f" <{comment.email}>" if comment.email else "")
        print(f"#{comment.id}  {comment.created:{TIME_FORMAT}}  {sender}")
        print(f"    on {comment.title}  {comment.uri}")
        print(textwrap.indent(comment.text, "    | ", lambda line: True))
        print()
    print(
        f"{len(waiting)} comment(s) waiting: approve with `python3 dev.py comments.approve ID,...` "
        "(or `all`), reject with `python3 dev.py comments.reject ID,...`."
    )


# Invoke cannot mix an optional positional argument with a flag, so "every one" is the word `all`.
@task(name="approve", help={"ids": "Comment ids, such as 3,4; or all: every pending comment."})
def comments_approve(c, ids):
    """Approve pending comments (ids such as 3,4, or all); `python3 dev.py comments.sync` next."""
    from archive.comment_server.config import comment_settings
    from archive.comment_server.moderation import ModerationError, approve

    every = ids.strip().lower() == "all"
    try:
        done = approve(comment_settings(), [] if every else _comment_ids(ids), every=every)
    except ModerationError as error:
        raise Exit(f"Nothing approved: {error}", code=1) from None
    print(
        f"Approved {len(done)} comment(s); publish them with `python3 dev.py comments.sync`, "
        "then build."
    )


@task(name="reject", help={"ids": "Comment ids, such as 3,4."})
def comments_reject(c, ids):
    """Delete comments, pending or approved; a synced one disappears at the next sync."""
    from archive.comment_server.config import comment_settings
    from archive.comment_server.moderation import ModerationError, reject

    try:
        done = reject(comment_settings(), _comment_ids(ids))
    except ModerationError as error:
        raise Exit(f"Nothing rejected: {error}", code=1) from None
    print(f"Deleted {len(done)} comment(s); `python3 dev.py comments.sync` removes published ones.")


@task(name="sync")
def comments_sync(c):
    """Write the approved comments into content/comments/, one file per briefing."""
    from archive.comment_server.config import comment_settings
    from archive.comment_server.moderation import sync

    report = sync(comment_settings())
    for path in report.written:
        print(f"wrote {path.relative_to(ROOT)}")
    for path in report.removed:
        print(f"removed {path.relative_to(ROOT)}")
    print(f"{report.comments} approved comment(s); build the site to publish the changes.")


@task(name="record")
def addresses_record(c):
    """Add every address the public site now publishes to the record; then commit it."""
    from archive.addresses import record_site
    from archive.report import print_problems

    report, added = record_site()
    if not report.ok:
        print_problems(report.log.problems)
        raise Exit("Nothing recorded: fix the errors first (`python3 dev.py check`).", code=1)
    _say_recorded(added)


def _say_recorded(added: list[str]) -> None:
    from archive.addresses import record_path
    from archive.build import site_settings

    path = record_path(site_settings(PUBLISH_SETTINGS))
    if path is None:
        return
    for address in added:
        print(f"recorded {address}")
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    if added:
        print(f"{len(added)} new address(es) in {shown}: commit it, so no build can lose them.")
    else:
        print(f"{shown} already has every published address.")


comments = Collection(
    "comments", comments_serve, comments_pending, comments_approve, comments_reject, comments_sync
)
addresses = Collection("addresses", addresses_record)
# Every task above at the top level, the comment tasks under `comments.` and the address
# record under `addresses.`; keep this last.
ns = Collection(
    *(
        obj
        for obj in list(globals().values())
        if isinstance(obj, Task)
        and obj not in comments.tasks.values()
        and obj not in addresses.tasks.values()
    ),
    comments,
    addresses,
)
