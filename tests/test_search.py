"""Readers search the archive: the Pagefind index, the search page and its state in the URL."""

from __future__ import annotations

import json
import re
from datetime import datetime

import pytest

from search_index.settings import allow_webassembly

from .conftest import minimal_briefing, read_page, served

LIAISON_TITLE = "India and Canada agree to post security liaison officers"


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (
            "default-src 'self'; script-src 'self'; style-src 'self'",
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
        ),
        ("default-src 'self'", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"),
        ("script-src 'self' 'wasm-unsafe-eval'", "script-src 'self' 'wasm-unsafe-eval'"),
        ("img-src 'self'", "img-src 'self'"),
    ],
)
def test_search_policy_only_adds_webassembly(policy, expected):
    assert allow_webassembly(policy) == expected


def csp(soup) -> str:
    return soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]


def test_only_the_search_page_may_compile_webassembly(sample_site):
    search = csp(read_page(sample_site, "search/"))
    home = csp(read_page(sample_site, "index.html"))
    assert "'wasm-unsafe-eval'" in search and "'wasm-unsafe-eval'" not in home
    assert search.replace(" 'wasm-unsafe-eval'", "") == home


def test_only_published_briefing_pages_are_indexed(sample_site):
    marked = [
        p for p in sample_site.rglob("*.html") if "data-pagefind-body" in p.read_text("utf-8")
    ]
    # 11 in English (a 12th is withdrawn; the old address of a moved one is no page) and 3 in
    # Hindi (hi/briefings/…), each language its own index in a bundle.
    assert sorted(p.parent.parent.parent.parent.name for p in marked) == ["briefings"] * 14
    entry = json.loads((sample_site / "pagefind/2026/pagefind-entry.json").read_text("utf-8"))
    assert sorted(entry["languages"]) == ["en", "hi"]
    # One bundle per year, without Pagefind's ready-made interfaces, which the site never loads.
    bundles = sorted(p.parent.name for p in (sample_site / "pagefind").glob("*/pagefind.js"))
    assert bundles == ["2025", "2026"]
    assert not list((sample_site / "pagefind").rglob("pagefind-ui.*"))


def test_search_page_without_javascript_points_to_the_browsing_pages(sample_site):
    soup = read_page(sample_site, "search/")
    fallback = soup.select_one("#search-fallback")
    assert "needs JavaScript" in fallback.get_text()
    assert [a["href"] for a in fallback.select("a")] == [
        "../tags/",
        "../spokespeople/",
        "../archives/",
    ]
    assert fallback.find_parent("noscript") is not None


def collect_problems(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def result_titles(page) -> list[str]:
    return page.locator(".search-result h2").all_inner_texts()


# How many results the search page draws before its "More results" button.
RESULTS_PER_PAGE = 10


def wait_for_status(page, pattern: str) -> None:
    """Wait for the search status to match ``pattern``, and for the results it counts."""
    status = page.locator("#search-status").filter(has_text=re.compile(pattern))
    status.wait_for()
    # The count is announced before the results are drawn: wait for all of them.
    found = re.match(r"(\d+) briefings? found", status.inner_text())
    if found:
        shown = min(int(found.group(1)), RESULTS_PER_PAGE)
        page.locator(".search-result").nth(shown - 1).wait_for()


def test_reader_searches_filters_and_reloads_the_same_search(page, sample_url):
    problems = collect_problems(page)
    page.goto(f"{sample_url}/search/")
    page.get_by_label("Words to find").fill("fentanyl")
    wait_for_status(page, r"found for “fentanyl”")
    everyone = result_titles(page)
    assert LIAISON_TITLE in everyone and len(everyone) > 1
    liaison = page.locator(".search-result", has_text=LIAISON_TITLE)
    assert "fentanyl" in liaison.locator("mark").first.inner_text().lower()
    assert "Randhir Jaiswal" in liaison.locator(".briefing-meta").inner_text()

    page.locator("summary", has_text="Spokesperson").click()
    page.get_by_role("checkbox", name=re.compile(r"^Randhir Jaiswal")).check()
    wait_for_status(page, r"^1 briefing found")
    assert result_titles(page) == [LIAISON_TITLE]
    assert "spokesperson=Randhir+Jaiswal" in page.url and "q=fentanyl" in page.url

    page.reload()
    wait_for_status(page, r"^1 briefing found")
    assert page.get_by_label("Words to find").input_value() == "fentanyl"
    assert page.get_by_role("checkbox", name=re.compile(r"^Randhir Jaiswal")).is_checked()
    assert result_titles(page) == [LIAISON_TITLE]
    page.get_by_role("link", name=LIAISON_TITLE).click()
    assert page.get_by_role("heading", level=1).inner_text() == LIAISON_TITLE
    assert problems == []


def test_one_search_finds_briefings_of_the_newest_year_and_of_older_years(page, sample_url):
    page.goto(f"{sample_url}/search/?q=fentanyl&sort=date")
    # The newest year's index and the older years' index, both loaded by the search page.
    shards = json.loads(page.locator("form#search").get_attribute("data-shards"))
    assert [shard["folder"] for shard in shards] == ["2026", "2025"]
    wait_for_status(page, r"^3 briefings found for “fentanyl”")
    titles = result_titles(page)
    assert titles[-1] == "Coastguard to begin joint patrols against drug smuggling at sea"
    assert {LIAISON_TITLE, "Customs cooperation deal targets fentanyl precursor shipments"} == set(
        titles[:2]
    )
    metas = page.locator(".search-result .briefing-meta").all_inner_texts()
    years = [datetime.strptime(meta.split(" · ")[0], "%d %B %Y").year for meta in metas]
    assert years == [2026, 2026, 2025]


def test_more_results_are_drawn_ten_at_a_time_and_focus_the_first_new_one(page, sample_url):
    page.goto(f"{sample_url}/search/?year=2025&year=2026&sort=date")
    wait_for_status(page, r"^\d+ briefings found")
    found = int(re.match(r"(\d+)", page.locator("#search-status").inner_text()).group(1))
    assert found > RESULTS_PER_PAGE
    assert page.locator(".search-result").count() == RESULTS_PER_PAGE
    more = page.get_by_role("button", name=f"Show more results ({found - RESULTS_PER_PAGE} left)")
    more.click()
    page.locator(".search-result").nth(found - 1).wait_for()
    assert page.locator(".search-result").count() == found
    assert page.get_by_role("button", name=re.compile("Show more")).count() == 0
    # The reader's place moves to the first result just drawn, not back to the top.
    first_new = page.locator(".search-result").nth(RESULTS_PER_PAGE).locator("a").first
    assert first_new.evaluate("link => link === document.activeElement")


def test_results_sort_newest_first_and_filter_by_year_without_words(page, sample_url):
    page.goto(f"{sample_url}/search/?year=2025&sort=date")
    wait_for_status(page, r"briefings? found")
    metas = page.locator(".search-result .briefing-meta").all_inner_texts()
    dates = [datetime.strptime(meta.split(" · ")[0], "%d %B %Y") for meta in metas]
    # Six briefings of 2025, less the withdrawn one, which search leaves out.
    assert len(dates) == 5 and {d.year for d in dates} == {2025}
    assert dates == sorted(dates, reverse=True)
    titles = result_titles(page)
    page.select_option("#search-sort", "")
    wait_for_status(page, r"briefings? found")
    assert sorted(result_titles(page)) == sorted(titles)


@pytest.fixture(scope="module")
def quokka_site(make_shared_site):
    """Build a published, a draft and a hidden briefing on quokkas, and one with key points.

    Both tests below only search it, for words the other test's briefings do not contain.
    """
    return make_shared_site(
        {
            "2026/out.md": minimal_briefing("Quokka census", "2026-03-01", body="Quokka counts."),
            "2026/draft.md": minimal_briefing(
                "Quokka draft", "2026-03-02", status="draft", body="Quokka draft."
            ),
            "2026/hidden.md": minimal_briefing(
                "Quokka hidden", "2026-03-03", status="hidden", body="Quokka hidden."
            ),
            "2026/port.md": minimal_briefing(
                "Port news", "2026-03-01", key_points=["Ferries resume", "Harbour reopens"]
            ),
            "2026/withdrawn.md": minimal_briefing(
                "Quokka withdrawn",
                "2026-03-04",
                status="withdrawn",
                withdrawn="2026-03-05 | Issued in error.",
                body="Quokka withdrawn.",
            ),
        }
    )


def test_unpublished_briefings_cannot_be_found(browser, quokka_site):
    site = quokka_site
    context = browser.new_context()
    page = context.new_page()
    with served(site) as url:
        page.goto(f"{url}/search/?q=quokka")
        wait_for_status(page, r"found for “quokka”")
        assert result_titles(page) == ["Quokka census"]
    context.close()


def test_search_form_is_hidden_where_scripting_is_off(browser, sample_url):
    # Playwright's "JavaScript off" leaves the parser's scripting flag on (so <noscript> text
    # stays unrendered here; the test above reads it); the media feature can be emulated.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setEmulatedMedia", {"features": [{"name": "scripting", "value": "none"}]})
    page.goto(f"{sample_url}/search/")
    assert page.locator("h1").is_visible()
    assert not page.get_by_label("Words to find").is_visible()
    context.close()


def test_the_key_points_heading_is_not_searchable(page, quokka_site):
    # Every briefing with key points shows the same heading: it must not match them all.
    site = quokka_site
    with served(site) as url:
        page.goto(f"{url}/search/?q=points")
        wait_for_status(page, r"No briefings found for “points”")
        page.goto(f"{url}/search/?q=harbour")
        wait_for_status(page, r"found for “harbour”")
        assert result_titles(page) == ["Port news"]
