"""The documentation matches the project: every command and setting, and every link, checks out."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from archive.paths import ROOT
from tasks import ns

README = ROOT / "README.md"
DOCS = ROOT / "docs"
SETTINGS_PAGE = DOCS / "settings.md"
PAGES = [README, *sorted(DOCS.glob("*.md"))]
TASKS = sorted(ns.task_names)
# Where plugins keep their defaults: plugins/<name>/settings.py, and the build machinery's.
PLUGIN_SETTINGS = sorted(
    [*ROOT.glob("plugins/*/settings.py"), *ROOT.glob("plugins/speed/*/settings.py")]
)

SETTING = re.compile(r"`([A-Z][A-Z0-9_]+)`")
# [text](target), not images; a target may carry a #fragment.
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def prose(path: Path) -> str:
    """Return a Markdown page without its fenced code blocks."""
    return FENCE.sub("", path.read_text(encoding="utf-8"))


def table_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("|")]


def documented_settings() -> set[str]:
    """Return the UPPER_CASE names in the tables of docs/settings.md."""
    rows = table_rows(prose(SETTINGS_PAGE))
    return {name for row in rows for name in SETTING.findall(row)}


def plugin_defaults() -> dict[str, str]:
    """Return every setting in a plugin's defaults tables, with the module it comes from."""
    found = {}
    for path in PLUGIN_SETTINGS:
        module = importlib.import_module(f"{path.parent.name}.settings")
        for attribute, value in vars(module).items():
            if attribute.endswith("DEFAULTS") and isinstance(value, dict):
                found.update(dict.fromkeys(value, f"{path.relative_to(ROOT)} {attribute}"))
    return found


def anchors(path: Path) -> set[str]:
    """Return the heading anchors GitHub makes for ``path``'s headings."""
    made = set()
    for line in prose(path).splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            slug = re.sub(r"[^\w\- ]", "", title).replace(" ", "-")
            made.add(slug)
    return made


@pytest.fixture(scope="module")
def built_settings(tmp_path_factory) -> dict:
    """Return the settings as Pelican builds them, with every plugin's defaults filled in."""
    folder = tmp_path_factory.mktemp("settings")
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"OUTPUT_PATH": str(folder / "output"), "CACHE_PATH": str(folder / "cache")},
    )
    # Constructing Pelican fires `initialized`, where each plugin fills in its defaults.
    return Pelican(settings).settings


def publishconf_names() -> set[str]:
    """Return the names publishconf.py sets."""
    tree = ast.parse((ROOT / "publishconf.py").read_text(encoding="utf-8"))
    return {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


@pytest.mark.parametrize("name", TASKS)
def test_every_task_is_documented_as_editors_type_it(name):
    command = re.compile(rf"python3 dev\.py {re.escape(name)}(?![\w.-])")
    assert any(command.search(page.read_text(encoding="utf-8")) for page in PAGES), (
        f"`python3 dev.py {name}` is in neither README.md nor docs/"
    )


def test_readme_keeps_the_quick_start_and_ci_command():
    readme = README.read_text(encoding="utf-8")
    assert "```sh\npython3 dev.py build\npython3 dev.py test\n```" in readme
    assert "python3 dev.py test" in (ROOT / ".ci/run").read_text(encoding="utf-8").splitlines()


def test_every_documented_setting_exists(built_settings):
    known = set(built_settings) | publishconf_names()
    missing = sorted(documented_settings() - known)
    assert not missing, f"docs/settings.md documents settings nothing defines: {missing}"


def test_every_plugin_setting_is_documented():
    documented = documented_settings()
    missing = [f"{name} ({where})" for name, where in plugin_defaults().items()]
    missing = [entry for entry in missing if entry.split()[0] not in documented]
    assert not missing, "not in docs/settings.md:\n" + "\n".join(missing)


def test_plugin_settings_are_tabled_only_in_settings_page():
    """A plugin setting has one row, in docs/settings.md; other pages link there."""
    defaults = set(plugin_defaults())
    repeated = [
        f"{page.relative_to(ROOT)}: {row}"
        for page in PAGES
        if page != SETTINGS_PAGE
        for row in table_rows(prose(page))
        if set(SETTING.findall(row.split("|")[1])) & defaults
    ]
    assert not repeated, "\n".join(repeated)


def test_readme_fits_in_8_kb():
    assert README.stat().st_size < 8192


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_every_relative_link_leads_to_a_file_and_heading(page):
    broken = []
    for target in LINK.findall(prose(page)):
        if re.match(r"[a-z]+:", target) or target.startswith("<"):
            continue  # an absolute address
        file_part, _, fragment = target.partition("#")
        linked = (page.parent / file_part).resolve() if file_part else page
        if not linked.exists():
            broken.append(f"{target}: no file {file_part}")
        elif fragment and linked.suffix == ".md" and fragment not in anchors(linked):
            broken.append(f"{target}: no heading #{fragment} in {linked.name}")
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("page", sorted(DOCS.glob("*.md")), ids=lambda page: page.name)
def test_every_docs_page_says_who_it_is_for(page):
    lines = page.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and lines[1] == "" and lines[2].startswith("For ")


def test_docs_pages_are_linked_from_the_readme():
    readme = README.read_text(encoding="utf-8")
    unlinked = [page.name for page in DOCS.glob("*.md") if f"(docs/{page.name})" not in readme]
    assert not unlinked
