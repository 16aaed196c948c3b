"""Each private name of Pelican's that the build machinery uses still means what it assumes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from jinja2 import Template
from pelican import Pelican
from pelican.generators import ArticlesGenerator
from pelican.writers import Writer

import pelican_internals
from archive.build import site_settings
from archive.paths import ROOT
from pelican_internals import (
    ASSUMPTIONS,
    ArchivePelican,
    LinearArticlesGenerator,
    PageByPageWriter,
    broken_assumptions,
    check_pelican,
    content_cache,
    file_stamp,
)

from .conftest import minimal_briefing


@pytest.fixture
def generator(tmp_path: Path) -> LinearArticlesGenerator:
    """Return the archive's articles generator over three briefings, not yet run."""
    content = tmp_path / "content"
    (content / "briefings").mkdir(parents=True)
    shutil.copytree(ROOT / "content/registry", content / "registry")
    for name, date in [("first", "2026-01-05"), ("second", "2026-02-05"), ("third", "2025-02-05")]:
        (content / f"briefings/{name}.md").write_text(
            minimal_briefing(name.title(), date), encoding="utf-8"
        )
    # Pelican's start fills in every plugin's settings.
    settings = Pelican(
        site_settings(
            PATH=str(content), OUTPUT_PATH=str(tmp_path / "out"), CACHE_PATH=str(tmp_path / "c")
        )
    ).settings
    # What Pelican.run puts in the context it shares between generators.
    context = {**settings, "generated_content": {}, "static_links": set()}
    context |= {"static_content": {}, "localsiteurl": settings["SITEURL"]}
    return LinearArticlesGenerator(
        context=context,
        settings=settings,
        path=str(content),
        theme=settings["THEME"],
        output_path=str(tmp_path / "out"),
    )


def test_the_installed_pelican_has_every_name_assumed():
    assert broken_assumptions() == []
    check_pelican()


def test_a_missing_name_is_reported_with_what_relies_on_it(monkeypatch):
    monkeypatch.setattr(
        pelican_internals,
        "ASSUMPTIONS",
        (*ASSUMPTIONS, (Writer, "_gone_in_a_later_pelican", "the page reuser")),
    )
    with pytest.raises(pelican_internals.PelicanChangedError) as changed:
        check_pelican()
    message = str(changed.value)
    assert "Writer._gone_in_a_later_pelican is gone; the page reuser relies on it" in message
    assert "plugins/speed/pelican_internals.py" in message


def test_content_cache_is_what_the_reading_loop_consults(generator):
    # _cache: an entry whose stamp matches the file is what Pelican takes instead of reading.
    kept = object()
    content_cache(generator)["briefings/first.md"] = (
        file_stamp(generator, "briefings/first.md"),
        kept,
    )
    assert generator.get_cached_data("briefings/first.md") is kept


def test_file_stamp_changes_with_the_file(generator, tmp_path):
    # _get_file_stamp: a changed file no longer matches its cached entry.
    before = file_stamp(generator, "briefings/first.md")
    content_cache(generator)["briefings/first.md"] = (before, "old")
    path = tmp_path / "content/briefings/first.md"
    path.write_text(path.read_text(encoding="utf-8") + "More.\n", encoding="utf-8")
    assert file_stamp(generator, "briefings/first.md") != before
    assert generator.get_cached_data("briefings/first.md") is None


class Watching(PageByPageWriter):
    """A writer that notes the files Pelican opens and can keep listing pages."""

    def __init__(self, *args, keep=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.opened: list[str] = []
        self.keep = set(keep)

    def before_opening(self, filename):
        """Note the file."""
        self.opened.append(Path(filename).name)

    def keep_listing_page(self, listing):
        """Keep the pages whose numbers were given."""
        return listing.page.number in self.keep


def _listing(tmp_path: Path, writer_class: type[Writer], **options) -> dict[str, str]:
    settings = site_settings(OUTPUT_PATH=str(tmp_path), CACHE_PATH=str(tmp_path / "c"))
    settings["DEFAULT_PAGINATION"] = 2
    writer = writer_class(str(tmp_path), settings=settings, **options)
    template = Template(
        "{{ articles_page.number }}/{{ articles_paginator.num_pages }}:"
        "{% for a in articles_page.object_list %}{{ a }},{% endfor %}"
    )
    template.name = "index"
    writer.write_file(
        "index.html",
        template,
        {"SITEURL": "", **settings},
        articles=list("abcde"),
        dates=list("abcde"),
        template_name="index",
        url="",
    )
    return {
        path.relative_to(tmp_path).as_posix(): path.read_text(encoding="utf-8")
        for path in tmp_path.rglob("*.html")
    }


def test_listings_paginate_exactly_as_pelicans_writer(tmp_path):
    # The copy of Writer.write_file's pagination writes what Pelican's own writes.
    theirs = _listing(tmp_path / "pelican", Writer)
    ours = _listing(tmp_path / "ours", Watching)
    assert len(theirs) == 3 and ours == theirs


def test_a_kept_listing_page_is_not_written_and_opened_files_are_announced(tmp_path):
    # _open_w: every file Pelican opens passes through before_opening.
    writer_pages = _listing(tmp_path, Watching, keep={2})
    assert sorted(writer_pages) == ["index.html", "page/3/index.html"]


def test_a_page_counted_as_written_is_one_pelican_will_not_overwrite(tmp_path):
    # _written_files: Pelican refuses to write a file twice in one run; a linked page
    # must count as written, so a second page at its address is caught.
    settings = site_settings(OUTPUT_PATH=str(tmp_path), CACHE_PATH=str(tmp_path / "c"))
    writer = PageByPageWriter(str(tmp_path), settings=settings)
    path = str(tmp_path / "a.html")
    writer.count_as_written(path)
    with pytest.raises(RuntimeError, match="already written"):
        writer._open_w(path, "utf-8")


def test_a_page_written_with_override_is_known(tmp_path):
    # _overridden_files: a page written with override_output may be written again.
    settings = site_settings(OUTPUT_PATH=str(tmp_path), CACHE_PATH=str(tmp_path / "c"))
    writer = PageByPageWriter(str(tmp_path), settings=settings)
    path = str(tmp_path / "b.html")
    with writer._open_w(path, "utf-8", override=True) as handle:
        handle.write("x")
    assert writer.written_with_override(path)
    assert not writer.written_with_override(str(tmp_path / "c.html"))


def test_the_archive_runs_the_linear_generator_in_place_of_pelicans(tmp_path):
    # _get_generator_classes: Pelican's list, with the articles generator replaced.
    settings = site_settings(OUTPUT_PATH=str(tmp_path), CACHE_PATH=str(tmp_path / "c"))
    theirs = Pelican(dict(settings))._get_generator_classes()
    ours = ArchivePelican(dict(settings))._get_generator_classes()
    assert ArticlesGenerator in theirs and ArticlesGenerator not in ours
    assert ours == [LinearArticlesGenerator if c is ArticlesGenerator else c for c in theirs]


def test_period_archives_group_as_pelicans_do(generator):
    # _build_period_archives: same periods, same briefings, same order.
    generator.generate_context()
    dates, articles = generator.dates, generator.articles
    theirs = ArticlesGenerator._build_period_archives(
        generator, dates, articles, generator.settings
    )
    ours = LinearArticlesGenerator._build_period_archives(
        generator, dates, articles, generator.settings
    )
    assert ours == theirs and any(ours.values())
