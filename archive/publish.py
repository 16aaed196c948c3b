"""Publish the public site: build it strictly, then deploy to a folder, by rsync or to git."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .build import build_site, site_settings
from .paths import CACHE, PUBLISH_SETTINGS

# `user@host:path` or `host:path`: a colon before any slash means another computer.
REMOTE = re.compile(r"^[^/:]+:")
# Domains reserved for examples (RFC 2606, RFC 6761): no reader can reach a site there.
EXAMPLE_DOMAINS = ("example", "example.com", "example.net", "example.org")


class PublishError(RuntimeError):
    """The site was built but could not be deployed; the target was left as it was."""


@dataclass
class Published:
    """Where the site went, and how many pages it has."""

    where: str
    pages: int
    siteurl: str


def is_example_address(url: str) -> bool:
    """Return whether ``url`` is on a domain reserved for examples, such as example.org."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    return any(host == domain or host.endswith(f".{domain}") for domain in EXAMPLE_DOMAINS)


def _example_siteurl_refused(siteurl: str, target: str) -> PublishError:
    folder = target if target and not REMOTE.match(target) else "FOLDER"
    return PublishError(
        f"SITEURL in publishconf.py is still the example address, {siteurl}: every link and the "
        "stylesheet of the published pages would point there.\n"
        "  Set it to the site's public address in publishconf.py, for example "
        'SITEURL = "https://briefings.your-office.org", then publish again.\n'
        "  To look at the site on this computer, run python3 dev.py serve (or livereload), which "
        "builds it with local addresses. A published folder can be served as it is with "
        f"python3 -m http.server --directory {folder} 8000, but its links lead to SITEURL.\n"
        "  To publish with the example address anyway (a trial run), add --allow-example-siteurl."
    )


def _build(output: Path, settings_file: Path, overrides: dict[str, Any]) -> Path:
    # A cache of its own: the preview's cached pages carry the preview's addresses.
    overrides.setdefault("CACHE_PATH", str(CACHE / "publish"))
    # A published folder is left with nothing beside it once this returns.
    return build_site(settings_file, OUTPUT_PATH=str(output), remove_later=False, **overrides)


def _run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)
    except FileNotFoundError:
        raise PublishError(f"{command[0]} is not installed; install it and publish again") from None
    except subprocess.CalledProcessError as error:
        raise PublishError(f"`{' '.join(command)}` failed: {error.stderr.strip()}") from None


def rsync_site(site: Path, target: str) -> None:
    """Mirror ``site`` to ``target`` (a folder or user@host:path) with rsync."""
    # --delay-updates moves every new file into place at the end; --delete removes the pages
    # of deleted briefings.
    _run(["rsync", "-rlz", "--delete", "--delay-updates", "--chmod=D755,F644", f"{site}/", target])


def _git_branch(site: Path, repository: str, branch: str) -> None:
    """Commit the site on top of ``branch`` of ``repository`` (created if new) and push it."""
    with tempfile.TemporaryDirectory(prefix="briefing-publish-") as scratch:
        work = Path(scratch)
        _run(["git", "init", "-q", "-b", branch, str(work)])
        git = ["git", "-C", str(work)]
        fetched = subprocess.run(
            [*git, "fetch", "-q", "--depth=1", repository, branch], capture_output=True
        )
        if fetched.returncode == 0:
            _run([*git, "reset", "-q", "--soft", "FETCH_HEAD"])
        shutil.copytree(site, work, dirs_exist_ok=True)
        (work / ".nojekyll").touch()  # GitHub Pages: serve the files as they are
        _run([*git, "add", "-A"])
        if fetched.returncode == 0 and not _run([*git, "status", "--porcelain"]).stdout:
            return  # Nothing changed since the last publication.
        stamp = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
        _run(
            [
                *git,
                "-c",
                "user.name=Briefing archive",
                "-c",
                "user.email=archive@localhost",
                "commit",
                "-q",
                "-m",
                f"Publish the archive, {stamp}",
            ]
        )
        _run([*git, "push", "-q", repository, f"HEAD:refs/heads/{branch}"])


def publish_site(
    target: str = "",
    git_repo: str = "",
    branch: str = "",
    settings_file: Path = PUBLISH_SETTINGS,
    *,
    allow_example_siteurl: bool = False,
    **overrides: Any,
) -> Published:
    """Build the public site strictly and deploy it; a failed build deploys nothing.

    The target comes from the arguments, else from PUBLISH_TARGET / PUBLISH_GIT_REPO in the
    settings. A folder target is replaced whole, in one atomic swap. A SITEURL on an example
    domain (publishconf.py's own) is refused, before anything is built, unless
    ``allow_example_siteurl``.
    """
    settings = site_settings(settings_file, **overrides)
    git_repo = git_repo or settings.get("PUBLISH_GIT_REPO", "")
    target = target or settings.get("PUBLISH_TARGET", "")
    branch = branch or settings.get("PUBLISH_GIT_BRANCH", "gh-pages")
    if not target and not git_repo:
        raise PublishError(
            "say where to publish: --target FOLDER, --target user@host:path, or --git-repo REPO"
            " (or set PUBLISH_TARGET or PUBLISH_GIT_REPO in publishconf.py)"
        )
    if target and git_repo:
        raise PublishError("give either a target or a git repository, not both")
    if is_example_address(settings["SITEURL"]) and not allow_example_siteurl:
        raise _example_siteurl_refused(settings["SITEURL"], target)
    if target and not REMOTE.match(target):
        # Built next to the folder and swapped in: readers never see half a site.
        site = _build(Path(target).absolute(), settings_file, overrides)
        return Published(str(site), sum(1 for _ in site.rglob("*.html")), settings["SITEURL"])
    with tempfile.TemporaryDirectory(prefix="briefing-site-") as scratch:
        site = _build(Path(scratch) / "site", settings_file, overrides)
        pages = sum(1 for _ in site.rglob("*.html"))
        if target:
            rsync_site(site, target)
            return Published(target, pages, settings["SITEURL"])
        _git_branch(site, git_repo, branch)
        return Published(f"{git_repo} (branch {branch})", pages, settings["SITEURL"])
