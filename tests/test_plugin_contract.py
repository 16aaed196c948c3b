"""The plugins' contract: their order checked at start-up, and each build's state its own."""

from __future__ import annotations

import logging

import pytest
from pelican import Pelican

from archive.build import BuildError, build_site, recorded, site_settings
from archive.check import check_site
from contract.build import BUILD_STATE
from contract.order import RUNS_AFTER, PluginOrderError, misplaced

from .conftest import minimal_briefing


def test_the_archive_lists_its_plugins_in_a_working_order():
    assert misplaced(site_settings()["PLUGINS"]) == []


@pytest.mark.parametrize(
    ("later", "earlier"),
    [(later, earlier) for later, needs in RUNS_AFTER.items() for earlier in needs],
)
def test_a_plugin_listed_before_one_it_needs_stops_pelican_at_start_up(tmp_path, later, earlier):
    settings = site_settings(OUTPUT_PATH=str(tmp_path / "output"), CACHE_PATH=str(tmp_path))
    plugins = list(settings["PLUGINS"])
    plugins.remove(later)
    plugins.insert(plugins.index(earlier), later)
    settings["PLUGINS"] = plugins
    with pytest.raises(PluginOrderError) as stopped:
        Pelican(settings)
    message = str(stopped.value)
    assert f"'{later}' is listed before '{earlier}'" in message
    assert RUNS_AFTER[later][earlier] in message
    assert "Reorder PLUGINS in pelicanconf.py" in message
    assert not (tmp_path / "output").exists()


def test_a_plugin_missing_from_the_list_is_not_an_order_mistake():
    assert misplaced(["parallel_reading", "typography"]) == []


def test_problems_are_collected_as_data_not_read_back_from_log_records(make_site, caplog):
    caplog.set_level(logging.WARNING)
    broken = minimal_briefing("Broken", "2026-01-05", tags="security, , climate")
    with recorded() as log, pytest.raises(BuildError):
        make_site({"2026/broken.md": broken})
    assert [problem.field for problem in log.problems] == ["Tags"]
    # Logged for people, as plain text: nothing on a record for code to pick up.
    logged = [r for r in caplog.records if r.name == "briefing_metadata.problems"]
    assert logged and all(r.getMessage() == str(log.problems[0]) for r in logged)
    assert not [r for r in caplog.records if hasattr(r, "briefing_problem")]


def test_a_build_and_a_check_in_one_process_do_not_share_state(make_site, tmp_path):
    broken = minimal_briefing("Broken", "2026-01-05", summary="A <b>bold</b> claim")
    good = minimal_briefing("Good", "2026-01-06")
    with recorded() as first, pytest.raises(BuildError):
        make_site({"2026/broken.md": broken, "2026/good.md": good})
    assert len(first.problems) == 1
    (tmp_path / "content/briefings/2026/broken.md").unlink()
    # The same process, the same plugins connected: the check starts with no problems,
    # no writer and no plans of the failed build.
    report = check_site(PATH=str(tmp_path / "content"), CACHE_PATH=str(tmp_path / "cache"))
    assert report.ok and report.log.problems == [] and report.published == 1
    with recorded() as second:
        make_site({})
    assert second.problems == [] and second.errors == []


def test_each_build_gets_a_state_of_its_own(tmp_path):
    settings = site_settings(OUTPUT_PATH=str(tmp_path / "o"), CACHE_PATH=str(tmp_path / "c"))
    first, second = Pelican(dict(settings)), Pelican(dict(settings))
    assert first.settings[BUILD_STATE] is not second.settings[BUILD_STATE]


def test_a_build_that_stopped_leaves_nothing_for_the_next(make_site, tmp_path):
    built = make_site({"2026/good.md": minimal_briefing("Good", "2026-01-06")})
    again = build_site(
        PATH=str(tmp_path / "content"),
        OUTPUT_PATH=str(built),
        CACHE_PATH=str(tmp_path / "cache"),
    )
    assert (again / "briefings/2026/01/good/index.html").is_file()
