"""`python3 dev.py publish`: a strict public build, deployed whole or not at all."""

from __future__ import annotations

import subprocess

import pytest

from archive.build import BuildError
from archive.paths import PUBLISH_SETTINGS
from archive.publish import PublishError, publish_site, rsync_site

from .conftest import invoke, minimal_briefing, write_content
from .test_content_checks import snapshot

FIRST = {"2026/first.md": minimal_briefing("First briefing", "2026-01-05")}
SECOND = {"2026/second.md": minimal_briefing("Second briefing", "2026-01-06")}
DRAFT = {"2026/draft.md": minimal_briefing("Unfinished", "2026-01-07", status="draft")}


@pytest.fixture
def content(tmp_path):
    """Return a content folder holding two briefings and a draft, with the sample registry."""
    return write_content(tmp_path, {**FIRST, **SECOND, **DRAFT})


def publish(content, tmp_path, **where):
    # publishconf.py's SITEURL is the example address, which these tests check for.
    return publish_site(
        **where,
        allow_example_siteurl=True,
        settings_file=PUBLISH_SETTINGS,
        PATH=str(content),
        CACHE_PATH=str(tmp_path / "publish-cache"),
    )


def test_folder_target_is_swapped_whole_and_drops_deleted_briefings(content, tmp_path):
    target = tmp_path / "www" / "site"
    published = publish(content, tmp_path, target=str(target))
    assert published.pages > 10
    second = target / "briefings/2026/01/second/index.html"
    assert second.exists()
    assert "https://briefings.example.org/" in second.read_text(encoding="utf-8")
    assert not (target / "drafts").exists()
    before = target.stat().st_ino
    (content / "briefings/2026/second.md").unlink()
    publish(content, tmp_path, target=str(target))
    assert not second.exists()
    assert (target / "briefings/2026/01/first/index.html").exists()
    # A new folder was swapped in, not the old one rewritten file by file.
    assert target.stat().st_ino != before
    assert [p.name for p in target.parent.iterdir()] == ["site"]


def test_failing_build_leaves_the_target_untouched(content, tmp_path):
    target = tmp_path / "www"
    publish(content, tmp_path, target=str(target))
    before = snapshot(target)
    (content / "briefings/2026/bad.md").write_text("Title: Bad\nDate: soon\n", encoding="utf-8")
    with pytest.raises(BuildError):
        publish(content, tmp_path, target=str(target))
    assert snapshot(target) == before
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".")] == []


def git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def test_git_target_holds_the_site_on_its_branch_with_history(content, tmp_path):
    repository = tmp_path / "pages.git"
    git("init", "-q", "--bare", str(repository))
    publish(content, tmp_path, git_repo=str(repository), branch="gh-pages")
    files = git("--git-dir", str(repository), "ls-tree", "-r", "--name-only", "gh-pages")
    assert "briefings/2026/01/second/index.html" in files.splitlines()
    assert ".nojekyll" in files.splitlines()
    assert not [f for f in files.splitlines() if f.startswith("drafts/")]
    (content / "briefings/2026/second.md").unlink()
    publish(content, tmp_path, git_repo=str(repository), branch="gh-pages")
    files = git("--git-dir", str(repository), "ls-tree", "-r", "--name-only", "gh-pages")
    assert "briefings/2026/01/second/index.html" not in files.splitlines()
    log = git("--git-dir", str(repository), "log", "--oneline", "gh-pages").splitlines()
    assert len(log) == 2 and all("Publish the archive" in line for line in log)


def test_rsync_mirrors_the_site_and_deletes_stale_pages(tmp_path):
    site, mirror = tmp_path / "site", tmp_path / "mirror"
    (site / "briefings/a").mkdir(parents=True)
    (site / "briefings/a/index.html").write_text("A", encoding="utf-8")
    (mirror / "briefings/gone").mkdir(parents=True)
    (mirror / "briefings/gone/index.html").write_text("stale", encoding="utf-8")
    rsync_site(site, f"{mirror}/")
    assert snapshot(mirror) == snapshot(site)


def test_no_target_is_a_clear_error(content, tmp_path):
    with pytest.raises(PublishError, match="--target FOLDER"):
        publish(content, tmp_path)


def test_the_example_siteurl_is_refused_unless_allowed(project, tmp_path):
    target = tmp_path / "www" / "site"
    refused = invoke(project, "publish", "--target", str(target))
    said = refused.stdout + refused.stderr
    assert refused.returncode == 1
    assert not target.parent.exists()  # nothing built, beside the target or in it
    assert "Nothing was published: SITEURL in publishconf.py is still the example address" in said
    assert 'SITEURL = "https://' in said  # how to set it
    assert "python3 dev.py serve" in said  # how to look at the site on this computer
    assert f"python3 -m http.server --directory {target}" in said  # and at a published folder
    assert "--allow-example-siteurl" in said
    assert "Published" not in said
    allowed = invoke(project, "publish", "--target", str(target), "--allow-example-siteurl")
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert (target / "briefings/2026/01/first/index.html").exists()
    assert "https://briefings.example.org" in allowed.stdout


def test_publish_site_refuses_the_example_siteurl(content, tmp_path):
    with pytest.raises(PublishError, match="--allow-example-siteurl"):
        publish_site(
            target=str(tmp_path / "www"),
            settings_file=PUBLISH_SETTINGS,
            PATH=str(content),
            CACHE_PATH=str(tmp_path / "publish-cache"),
        )
    assert not (tmp_path / "www").exists()
