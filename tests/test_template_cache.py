"""The template cache: each template compiled once a build, and the site unchanged by it."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import jinja2

from archive.build import site_settings
from archive.paths import ROOT

from .conftest import minimal_briefing

BRIEFINGS = {
    "briefings/2026/harbour.md": minimal_briefing("Harbour pilots", "2026-11-20 10:00"),
    "briefings/2025/ferries.md": minimal_briefing("Ferry timetables", "2025-05-02 09:30"),
}


def files(site: Path) -> dict[str, str]:
    """Return every file's checksum outside the search index, whose names change each run."""
    return {
        str(path.relative_to(site)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.relative_to(site).parts[0] != "pagefind"
    }


def test_each_template_is_compiled_once_and_the_site_is_the_same_without_the_cache(
    make_site, tmp_path, monkeypatch
):
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return compile_template(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    cached = make_site(BRIEFINGS, SEARCH_INDEX_ENABLED=False)
    # Pelican gives every generator an environment of its own; the cache spans them.
    assert compiled and len(compiled) == len(set(compiled)), sorted(compiled)
    assert "base.html" in compiled

    # The next build of the same site loads every template it needs from the cache.
    compiled.clear()
    make_site(BRIEFINGS, SEARCH_INDEX_ENABLED=False)
    assert compiled == []

    # Without the plugin, in a process of its own: Pelican's signals keep a plugin's
    # handlers connected for every later build in the process that registered it.
    without = [name for name in site_settings()["PLUGINS"] if name != "template_cache"]
    uncached = tmp_path / "uncached"
    build = (
        "from archive.build import build_site\n"
        f"build_site(PATH={str(tmp_path / 'content')!r}, OUTPUT_PATH={str(uncached)!r},"
        f" CACHE_PATH={str(tmp_path / 'uncached-cache')!r}, PLUGINS={without!r},"
        " SEARCH_INDEX_ENABLED=False)"
    )
    subprocess.run([sys.executable, "-c", build], cwd=ROOT, check=True, capture_output=True)
    assert not list((tmp_path / "uncached-cache").rglob("*.cache"))
    assert files(uncached) == files(cached)
