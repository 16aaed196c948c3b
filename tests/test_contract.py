"""What the plugins share: settings filled and checked, CSP sources added, the public address."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest

from contract.addresses import public_siteurl
from contract.policy import add_sources
from contract.settings import (
    NON_EMPTY_TEXT,
    TRUE_OR_FALSE,
    fill_and_check,
    list_of_text,
    text,
    whole_number,
)
from contract.versions import package_versions

DEFAULTS = {"DEMO_HEADING": "Key points", "DEMO_MAX": 3, "DEMO_ON": True, "DEMO_SKIP": []}
CHECKS = {
    "DEMO_HEADING": NON_EMPTY_TEXT,
    "DEMO_MAX": whole_number(0),
    "DEMO_ON": TRUE_OR_FALSE,
    "DEMO_SKIP": list_of_text("a list of paths"),
}


def test_missing_settings_take_their_defaults_and_given_ones_stay():
    settings = fill_and_check("demo", {"DEMO_MAX": 0}, DEFAULTS, CHECKS)
    assert settings == {**DEFAULTS, "DEMO_MAX": 0}


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("DEMO_HEADING", 3, "demo: DEMO_HEADING must be a non-empty string, not 3"),
        ("DEMO_HEADING", "  ", "demo: DEMO_HEADING must be a non-empty string, not '  '"),
        ("DEMO_MAX", -1, "demo: DEMO_MAX must be a whole number of 0 or more, not -1"),
        ("DEMO_MAX", True, "demo: DEMO_MAX must be a whole number of 0 or more, not True"),
        ("DEMO_ON", "yes", "demo: DEMO_ON must be True or False, not 'yes'"),
        ("DEMO_SKIP", "/drafts/", "demo: DEMO_SKIP must be a list of paths, not '/drafts/'"),
        ("DEMO_SKIP", [1], "demo: DEMO_SKIP must be a list of paths, not [1]"),
    ],
)
def test_a_wrong_setting_names_the_plugin_the_key_what_is_expected_and_what_was_found(
    key, value, message
):
    with pytest.raises(ValueError) as raised:
        fill_and_check("demo", {key: value}, DEFAULTS, CHECKS)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("expect", "good", "bad"),
    [
        (whole_number(1), 1, 0),
        (text("a path").or_none("a path or None"), None, 3),
        (text("a path"), "", None),
    ],
)
def test_expectations(expect, good, bad):
    assert expect.test(good)
    assert not expect.test(bad)


def test_a_default_without_a_check_is_the_plugins_mistake():
    with pytest.raises(TypeError, match="demo: no check for DEMO_ON"):
        fill_and_check("demo", {}, DEFAULTS, {k: v for k, v in CHECKS.items() if k != "DEMO_ON"})


SERVER = "https://comments.example.org"


@pytest.mark.parametrize(
    ("policy", "directive", "expected"),
    [
        # Present: the source is added once, and 'none' beside a source is dropped.
        ("script-src 'self'", "script-src", f"script-src 'self' {SERVER}"),
        (f"script-src 'self' {SERVER}", "script-src", f"script-src 'self' {SERVER}"),
        ("connect-src 'none'", "connect-src", f"connect-src {SERVER}"),
        # A missing fetch directive falls back to default-src: copied, then added to.
        (
            "default-src 'self'; img-src 'self'",
            "connect-src",
            f"default-src 'self'; img-src 'self'; connect-src 'self' {SERVER}",
        ),
        ("default-src 'none'", "script-src", f"default-src 'none'; script-src {SERVER}"),
        # worker-src falls back to child-src, then script-src, then default-src.
        (
            "default-src 'none'; script-src 'self'",
            "worker-src",
            f"default-src 'none'; script-src 'self'; worker-src 'self' {SERVER}",
        ),
        # Nothing restricts it: left as it was, since adding would restrict it.
        ("img-src 'self'", "connect-src", "img-src 'self'"),
        ("", "script-src", ""),
        # form-action never falls back to default-src.
        ("default-src 'self'", "form-action", "default-src 'self'"),
        (
            "default-src 'self'; form-action 'self'",
            "form-action",
            f"default-src 'self'; form-action 'self' {SERVER}",
        ),
        # Directive names are case-insensitive, and the first of two names counts.
        ("Script-Src 'self'", "script-src", f"script-src 'self' {SERVER}"),
        (
            "script-src 'self'; script-src 'none'",
            "script-src",
            f"script-src 'self' {SERVER}",
        ),
    ],
)
def test_add_sources_falls_back_as_browsers_do(policy, directive, expected):
    assert add_sources(policy, directive, SERVER) == expected


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"SITEURL": "", "PUBLIC_SITEURL": "https://b.example"}, "https://b.example"),
        ({"SITEURL": "https://a.example/", "PUBLIC_SITEURL": ""}, "https://a.example"),
        ({"SITEURL": "https://a.example"}, "https://a.example"),
        ({}, ""),
    ],
)
def test_public_siteurl_prefers_the_public_address(settings, expected):
    assert public_siteurl(settings) == expected


def test_package_versions_name_missing_packages_too():
    versions = package_versions(["pytest", "no-such-package-here"]).decode()
    assert versions.startswith(f"pytest={pytest.__version__}\0")
    assert versions.endswith("no-such-package-here=none\0")


PLUGIN_SETTINGS = [
    "briefing_metadata.settings",
    "comments.settings",
    "key_points.settings",
    "open_data.settings",
    "related_briefings.settings",
    "robots_txt.settings",
    "safe_html.settings",
    "search_index.settings",
    "sitemap_xml.settings",
    "typography.settings",
    "incremental.settings",
    "parallel_reading.settings",
]


@pytest.mark.parametrize("module", PLUGIN_SETTINGS)
def test_every_plugins_defaults_are_checked_and_pass(module):
    settings = importlib.import_module(module)
    assert set(settings.CHECKS) == set(settings.DEFAULTS)
    site = SimpleNamespace(settings={})
    settings.apply_defaults(site)
    assert set(settings.DEFAULTS) <= set(site.settings)


@pytest.mark.parametrize(
    ("module", "given", "message"),
    [
        (
            "key_points.settings",
            {"KEY_POINTS_HEADING": 3},
            "key_points: KEY_POINTS_HEADING must be a non-empty string, not 3",
        ),
        (
            "briefing_metadata.settings",
            {"BRIEFING_METADATA_MAX_NESTING": 0},
            "briefing_metadata: BRIEFING_METADATA_MAX_NESTING must be a whole number of at least 1",
        ),
        ("typography.settings", {"TYPOGRIFY": True}, "typography: set TYPOGRIFY = False"),
        (
            "comments.settings",
            {"COMMENTS_MIN_LENGTH": 300, "COMMENTS_MAX_LENGTH": 200},
            "comments: COMMENTS_MIN_LENGTH must not exceed COMMENTS_MAX_LENGTH",
        ),
        (
            "comments.settings",
            {"COMMENTS_SERVER_URL": "ftp://x"},
            "comments: COMMENTS_SERVER_URL must be an http:// or https:// address, not 'ftp://x'",
        ),
        ("sitemap_xml.settings", {"SITEMAP_XML_EXCLUDE": ["("]}, "'(' is not a pattern"),
        (
            "search_index.settings",
            {"SEARCH_INDEX_OUTPUT_PATH": "../up"},
            "search_index: SEARCH_INDEX_OUTPUT_PATH must be a folder inside the output",
        ),
        (
            "parallel_reading.settings",
            {"PARALLEL_READING_PROCESSES": 0},
            "PARALLEL_READING_PROCESSES must be a whole number of at least 1, or None",
        ),
    ],
)
def test_a_plugins_own_checks_still_refuse(module, given, message):
    settings = importlib.import_module(module)
    with pytest.raises(ValueError) as raised:
        settings.apply_defaults(SimpleNamespace(settings=dict(given)))
    assert message in str(raised.value)
