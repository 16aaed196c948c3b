"""The CI templates for publishing are valid YAML and run the project's own publish build."""

from __future__ import annotations

import yaml

from archive.paths import ROOT

PUBLISH_BUILD = "python3 dev.py build --publish"


def test_github_actions_workflow_builds_strictly_and_deploys_to_pages():
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text())
    # YAML reads the key `on` as True.
    triggers = workflow[True]
    assert triggers["push"]["branches"] == ["main"] and triggers["schedule"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    commands = [step.get("run") for step in build["steps"]]
    assert PUBLISH_BUILD in commands
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "output"
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_gitlab_pages_job_publishes_the_public_folder():
    pipeline = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    job = pipeline["pages"]
    assert job["script"] == [PUBLISH_BUILD, "mv output public"]
    assert job["artifacts"]["paths"] == ["public"]
    assert pipeline["image"].startswith("python:3.11")


def test_publishing_docs_document_both_templates():
    # The README links to docs/publishing.md, which describes publishing from CI.
    page = (ROOT / "docs/publishing.md").read_text(encoding="utf-8")
    assert ".github/workflows/publish.yml" in page and ".gitlab-ci.yml" in page
    assert PUBLISH_BUILD in page
    assert "(docs/publishing.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
