"""Story threads, each tag's line over time, and tag × year and tag × spokesperson pages."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from archive.build import BuildError, recorded

from .conftest import minimal_briefing, page_file, read_page, visible_text

STORY = "stories/cross-border-crime-cooperation/"
LIAISON = "briefings/2026/02/india-canada-liaison-officers/"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def links(element) -> list[str]:
    return [a["href"] for a in element.select("a[href]")]


def resolves(site: Path, page_url: str, href: str) -> bool:
    """Return whether a relative link on ``page_url`` leads to a file of the built site."""
    target = (Path("/") / page_url / href).resolve()
    relative = str(target.relative_to("/")) + ("/" if href.endswith("/") else "")
    return page_file(site, relative).is_file()


# The story registry and the Story field


def test_an_unknown_story_is_an_error_that_suggests_the_closest(make_site):
    briefing = minimal_briefing("A", "2026-01-01", story="cross border crime cooperaton")
    with recorded() as log, pytest.raises(BuildError):
        make_site({"2026/a.md": briefing})
    (problem,) = log.problems
    assert str(problem) == (
        "content/briefings/2026/a.md:8: Story: 'cross border crime cooperaton' is not in the "
        "story registry; did you mean 'Cross-border crime cooperation'? If not, add it to "
        "content/registry/stories.toml"
    )


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        ("[untitled]\ndescription = 'x'\n", "untitled: has no title"),
        ("[extra]\ntitle = 'Extra'\nlabel = 'x'\n", "extra: unknown field(s) label"),
        ("[twice]\ntitle = 'Twice'\naliases = ['crime cooperation']\n", "also names"),
    ],
)
def test_story_registry_mistakes_are_errors_at_their_line(make_site, toml, words):
    with pytest.raises(BuildError) as failed:
        make_site(
            {"2026/a.md": minimal_briefing("A", "2026-01-01")}, registry={"stories.toml": toml}
        )
    reports = [str(p) for p in failed.value.problems]
    assert any(r.startswith("content/registry/stories.toml:") and words in r for r in reports)


def test_a_briefing_may_join_two_stories_by_alias_and_any_case(make_site):
    story = "Crime cooperation, CONSULAR HELP ABROAD"
    site = make_site({"2026/a.md": minimal_briefing("A", "2026-01-01", story=story)})
    page = read_page(site, "briefings/2026/01/a/")
    parts = [visible_text(nav.p) for nav in page.select("nav.story-part")]
    assert parts == [
        "Part 1 of 1 in Consular help abroad",
        "Part 1 of 1 in Cross-border crime cooperation",
    ]


# Story pages


def test_the_story_page_is_a_timeline_oldest_first(sample_site):
    page = read_page(sample_site, STORY)
    steps = page.select("ol.thread > li")
    titles = [visible_text(step.h2) for step in steps]
    assert titles == [
        "Coastguard to begin joint patrols against drug smuggling at sea",
        "Police warn of phone scam wave targeting pensioners",
        "India and Canada agree to post security liaison officers",
        "Customs cooperation deal targets fentanyl precursor shipments",
    ]
    dates = [step.time["datetime"] for step in steps]
    assert dates == sorted(dates)
    liaison = steps[2]
    assert visible_text(liaison.select_one(".thread-step-label")) == "Part 3 of 4"
    assert "Randhir Jaiswal" in visible_text(liaison.select_one(".spokespeople"))
    points = [visible_text(li) for li in liaison.select(".thread-points li")]
    assert points[0] == "Enhanced security collaboration" and len(points) == 5


def test_a_briefing_page_says_its_part_and_links_the_steps_either_side(sample_site):
    nav = read_page(sample_site, LIAISON).select_one("nav.story-part")
    assert visible_text(nav.p) == "Part 3 of 4 in Cross-border crime cooperation"
    older, newer = nav.select("li a")
    assert "phone scam wave" in visible_text(older) and "Previous" in visible_text(older)
    assert "Customs cooperation deal" in visible_text(newer)
    for href in links(nav):
        assert resolves(sample_site, LIAISON, href), href
    first = read_page(sample_site, "briefings/2025/05/coastguard-joint-patrols/")
    (only,) = first.select("nav.story-part li a")
    assert "Next in the story" in visible_text(only)
    assert not read_page(sample_site, "briefings/2026/04/health-emergency-preparedness/").select(
        "nav.story-part"
    )


def test_the_stories_index_lists_each_story_with_its_latest_date(sample_site):
    page = read_page(sample_site, "stories/")
    stories = page.select(".story-index > li")
    assert [visible_text(s.h2) for s in stories] == [
        "Cross-border crime cooperation",
        "Consular help abroad",
    ]
    assert stories[0].time["datetime"].startswith("2026-10-29")
    assert "4 briefings" in visible_text(stories[0])
    assert "stories/" in [a["href"].split("../")[-1] for a in page.select(".site-nav a")]


def test_story_feeds_list_the_story_newest_first_and_agree_with_its_page(sample_site):
    page = read_page(sample_site, STORY)
    on_page = [a["href"].split("../")[-1] for a in page.select("ol.thread h2 a")]
    atom = feedparser.parse(
        (sample_site / "feeds/stories/cross-border-crime-cooperation.atom.xml").read_bytes()
    )
    assert not atom.bozo and atom.feed.title.endswith("Cross-border crime cooperation")
    document = json.loads(
        (sample_site / "feeds/stories/cross-border-crime-cooperation.json").read_text()
    )
    for links_in_feed in (
        [entry.link for entry in atom.entries],
        [item["url"] for item in document["items"]],
    ):
        assert [link.split("/", 3)[3] for link in links_in_feed] == on_page[::-1]
    assert "Enhanced security collaboration" in atom.entries[1].content[0].value


# The line on a topic over time


def test_the_timeline_marks_key_points_new_or_repeated_under_the_tag(make_site):
    site = make_site(
        {
            "2025/a.md": minimal_briefing(
                "Alpha",
                "2025-11-03",
                tags="fentanyl",
                key_points=["Focus on drugs.", "Talks go on"],
            ),
            "2026/b.md": minimal_briefing(
                "Bravo", "2026-01-05", tags="fentanyl", key_points=["focus on   DRUGS", "New deal"]
            ),
            # The same wording under another tag first: still new under Security.
            "2026/c.md": minimal_briefing(
                "Charlie", "2026-01-20", tags="security, fentanyl", key_points=["New deal!"]
            ),
        }
    )
    # A page a year: the newest at timeline/, the others at timeline/<year>/; the marks
    # count the tag's whole history, so 2026's page repeats what 2025's said first.
    page = read_page(site, "tags/fentanyl/timeline/")
    older = read_page(site, "tags/fentanyl/timeline/2025/")
    assert [visible_text(h) for h in page.select("main h2")] == ["2026"]
    assert [visible_text(h) for h in page.select("main h3")] == ["January 2026"]
    assert [visible_text(h) for h in older.select("main h3")] == ["November 2025"]
    marks = [
        (visible_text(li.select_one(".point-mark")), li.get("class"))
        for li in page.select(".thread-points li")
    ]
    assert [mark for mark, _ in marks] == ["Repeated", "New", "Repeated"]
    assert marks[0][1] == ["point-repeated"]
    assert [visible_text(m) for m in older.select(".point-mark")] == ["New", "New"]
    # Each page links every year, its own marked current.
    for url in ("tags/fentanyl/timeline/", "tags/fentanyl/timeline/2025/"):
        years = read_page(site, url).select(".timeline-years a")
        assert [visible_text(a) for a in years] == ["2025", "2026"]
        for a in years:
            target = (Path("/") / url / a["href"]).resolve().relative_to("/").as_posix() + "/"
            assert visible_text(read_page(site, target).select_one("main h2")) == a.text
            assert (a.get("aria-current") == "page") == (target == url)
    assert not (site / "tags/fentanyl/timeline/2026").exists()
    security = read_page(site, "tags/security/timeline/")
    assert [visible_text(m) for m in security.select(".point-mark")] == ["New"]
    tag_page = read_page(site, "tags/fentanyl/")
    (timeline_link,) = [a for a in tag_page.select(".topic-links a") if "over time" in a.text]
    assert resolves(site, "tags/fentanyl/", timeline_link["href"])


def transcript(*lines: str) -> str:
    return "A short body paragraph.\n\n::: transcript\n" + "\n\n".join(lines) + "\n:::\n"


def test_the_timeline_links_the_questions_on_its_tag_and_marks_their_answers(make_site):
    site = make_site(
        {
            "2025/a.md": minimal_briefing(
                "Alpha",
                "2025-11-03",
                tags="fentanyl, security",
                key_points=["Checks go on"],
                body=transcript(
                    "Q1 [tags: fentanyl]: Will the <precursor> checks widen?",
                    "A1: Yes, the checks will widen. More ports follow next year.",
                    "Q2 [tags: security]: What about the border patrols?",
                    "A2: Patrols go on.",
                ),
            ),
            "2025/b.md": minimal_briefing(
                "Bravo",
                "2025-12-05",
                tags="fentanyl",
                key_points=["A new line"],
                body=transcript(
                    "Q3 [tags: fentanyl]: Any change on the checks?",
                    "A3: yes, the checks  will WIDEN! Details later.",
                    "Q4 [tags: fentanyl]: And at the airports?",
                    "Q5 [tags: fentanyl]: And the land border?",
                    "A4,5: Airports come first. Then the land border.",
                ),
            ),
        }
    )
    page = read_page(site, "tags/fentanyl/timeline/")
    steps = page.select("li.thread-step")
    questions = [[visible_text(p) for p in step.select(".thread-question")] for step in steps]
    # Only the questions on the tag: Q2 is on security.
    assert questions == [
        ["Question 1: Will the <precursor> checks widen?"],
        [
            "Question 3: Any change on the checks?",
            "Question 4: And at the airports?",
            "Question 5: And the land border?",
        ],
    ]
    replies = [visible_text(p) for p in page.select(".thread-reply")]
    # The first sentence of each answer, marked by its wording under the tag; one answer to
    # two questions is judged once.
    assert replies == [
        "New Answer: Yes, the checks will widen.",
        "Repeated Answer: yes, the checks will WIDEN!",
        "New Answer: Airports come first.",
        "New Answer: Airports come first.",
    ]
    for href, anchor in zip(links(page.select_one(".thread-answers")), ["q-1"], strict=True):
        address, fragment = href.split("#")
        assert fragment == anchor and resolves(site, "tags/fentanyl/timeline/", address)
        briefing = read_page(site, "briefings/2025/11/a/")
        assert "checks widen" in visible_text(briefing.find(id=anchor).parent)
    security = read_page(site, "tags/security/timeline/")
    assert [visible_text(p) for p in security.select(".thread-question")] == [
        "Question 2: What about the border patrols?"
    ]


def test_the_story_page_links_each_steps_questions(sample_site):
    page = read_page(sample_site, STORY)
    liaison = page.select("ol.thread > li")[2]
    hrefs = links(liaison.select_one(".thread-answers"))
    assert [href.rsplit("#", 1)[1] for href in hrefs] == ["q-1", "q-2", "q-3", "q-4"]
    assert all(resolves(sample_site, STORY, href.split("#")[0]) for href in hrefs)
    (reply, *_) = liaison.select(".thread-reply")
    assert (
        visible_text(reply)
        == "Answer: Those details are still being settled between the two sides."
    )
    # No marks on a story page: its steps span many tags.
    assert not liaison.select(".thread-answers .point-mark")
    timeline = read_page(sample_site, "tags/fentanyl/timeline/")
    assert any(href.endswith("india-canada-liaison-officers/#q-2") for href in links(timeline))


# Topic × person × year


def facet_folders(site: Path) -> set[str]:
    return {
        str(path.parent.relative_to(site))
        for path in (site / "tags").glob("*/*/*/index.html")
        if path.parts[-3] in ("years", "spokespeople")
    }


FACET_ARCHIVE = {
    "2025/a.md": minimal_briefing("Alpha", "2025-03-01", tags="fentanyl, trade"),
    "2026/b.md": minimal_briefing("Bravo", "2026-02-01", tags="fentanyl"),
    "2026/c.md": minimal_briefing(
        "Charlie", "2026-03-01", tags="fentanyl", spokesperson="Randhir Jaiswal"
    ),
}


def test_facet_pages_and_feeds_exist_exactly_for_pairs_with_briefings(make_site):
    site = make_site(FACET_ARCHIVE)
    expected = {
        "tags/fentanyl/years/2025",
        "tags/fentanyl/years/2026",
        "tags/fentanyl/spokespeople/mara-okonkwo",
        "tags/fentanyl/spokespeople/randhir-jaiswal",
        "tags/trade/years/2025",
        "tags/trade/spokespeople/mara-okonkwo",
    }
    assert facet_folders(site) == expected
    feeds = {str(p.relative_to(site / "feeds")) for p in (site / "feeds/tags").rglob("*/*.*")}
    assert feeds == {f"{folder}.{kind}" for folder in expected for kind in ("atom.xml", "json")}
    page = read_page(site, "tags/fentanyl/years/2026/")
    assert visible_text(page.h1) == "Fentanyl in 2026"
    assert [visible_text(a) for a in page.select(".facet-list a")] == ["Charlie", "Bravo"]
    person = read_page(site, "tags/fentanyl/spokespeople/mara-okonkwo/")
    assert visible_text(person.h1) == "Fentanyl: briefings by Mara Okonkwo"


def test_a_setting_raises_the_fewest_briefings_a_facet_needs(make_site):
    site = make_site(FACET_ARCHIVE, THREADS_FACET_MIN_BRIEFINGS=2)
    assert facet_folders(site) == {
        "tags/fentanyl/years/2026",
        "tags/fentanyl/spokespeople/mara-okonkwo",
    }
    tag_page = read_page(site, "tags/fentanyl/")
    assert visible_text(tag_page.select(".topic-links p")[1]) == "By year: 2026 (2)"


def test_tag_slugs_like_years_or_spokespeople_never_share_an_address(make_site):
    registry = {
        "tags.toml": """
        [2026]
        label = "Twenty twenty-six"
        [randhir-jaiswal]
        label = "Jaiswal matters"
        [years]
        label = "Years"
        [page]
        label = "Page"
        """
    }
    tags = "fentanyl, 2026, randhir-jaiswal, years, page"
    briefings = {
        f"2026/b{n}.md": minimal_briefing(
            f"B{n}", f"2026-01-{n:02d}", tags=tags, spokesperson="Randhir Jaiswal"
        )
        for n in range(1, 12)  # 11 briefings: every tag page has a page 2.
    }
    site = make_site(briefings, registry=registry)
    headings = {
        "tags/2026/": "Briefings tagged “Twenty twenty-six”",
        "tags/2026/page/2/": "Briefings tagged “Twenty twenty-six”",
        "tags/randhir-jaiswal/": "Briefings tagged “Jaiswal matters”",
        "tags/fentanyl/years/2026/": "Fentanyl in 2026",
        "tags/fentanyl/spokespeople/randhir-jaiswal/": "Fentanyl: briefings by Randhir Jaiswal",
        "tags/2026/years/2026/": "Twenty twenty-six in 2026",
        "tags/2026/spokespeople/randhir-jaiswal/": (
            "Twenty twenty-six: briefings by Randhir Jaiswal"
        ),
        "tags/randhir-jaiswal/spokespeople/randhir-jaiswal/": (
            "Jaiswal matters: briefings by Randhir Jaiswal"
        ),
        "tags/years/years/2026/": "Years in 2026",
        "tags/page/page/2/": "Briefings tagged “Page”",
        "tags/page/years/2026/": "Page in 2026",
        "tags/years/timeline/": "Years: the line over time",
        "spokespeople/randhir-jaiswal/": "Briefings by Randhir Jaiswal",
    }
    for url, heading in headings.items():
        assert visible_text(read_page(site, url).h1).startswith(heading), url
    # Every page and feed the tags make is a file of its own: five tags, two facets each.
    assert len(facet_folders(site)) == 10
    assert len(list((site / "feeds/tags").rglob("*/*.atom.xml"))) == 10


def test_tag_and_spokesperson_pages_link_their_facets_with_counts(sample_site):
    tag = read_page(sample_site, "tags/fentanyl/")
    lines = [visible_text(p) for p in tag.select(".topic-links p")]
    assert "By year: 2025 (1) · 2026 (2)" in lines
    assert "Who spoke on it: Aiko Tanabe (1) · Mara Okonkwo (1) · Randhir Jaiswal (1)" in lines
    person = read_page(sample_site, "spokespeople/randhir-jaiswal/")
    topics = visible_text(person.select_one(".topic-links"))
    # Consular affairs twice: one of his briefings is only in Hindi (listed on his page too).
    assert topics.startswith("Topics: Consular affairs (2)") and "Fentanyl (1)" in topics
    for page, url in ((tag, "tags/fentanyl/"), (person, "spokespeople/randhir-jaiswal/")):
        for href in links(page.select_one(".topic-links")):
            assert resolves(sample_site, url, href), href


def test_facet_feeds_are_valid_and_agree_with_their_pages(sample_site):
    checked = 0
    for page_path in (sample_site / "tags").glob("*/*/*/index.html"):
        if page_path.parts[-3] not in ("years", "spokespeople"):
            continue
        url = str(page_path.parent.relative_to(sample_site)) + "/"
        page = read_page(sample_site, url)
        on_page = [a["href"].split("../")[-1] for a in page.select(".facet-list a")]
        atom = feedparser.parse((sample_site / f"feeds/{url[:-1]}.atom.xml").read_bytes())
        assert not atom.bozo, url
        items = json.loads((sample_site / f"feeds/{url[:-1]}.json").read_text())["items"]
        assert [e.link.split("/", 3)[3] for e in atom.entries] == on_page
        assert [i["url"].split("/", 3)[3] for i in items] == on_page
        alternates = [link["href"] for link in page.select("link[rel=alternate]")]
        assert any(href.endswith(f"{url[:-1]}.json") for href in alternates)
        checked += 1
    assert checked > 20


def test_the_sitemap_lists_every_story_timeline_and_facet_page(sample_site):
    tree = etree.parse(str(sample_site / "sitemap.xml"))
    listed = {loc.text.split("/", 3)[3] for loc in tree.findall(".//s:loc", SITEMAP_NS)}
    written = {
        str(p.parent.relative_to(sample_site)) + "/"
        for pattern in ("stories/index.html", "stories/*/index.html", "tags/*/*/*/index.html")
        for p in sample_site.glob(pattern)
    } | {
        str(p.parent.relative_to(sample_site)) + "/"
        for p in sample_site.glob("tags/*/timeline/index.html")
    }
    assert len(written) > 30
    assert written <= listed


def test_the_follow_map_names_pages_and_feeds_that_exist(sample_site):
    document = json.loads((sample_site / "search/follow.json").read_text())
    fentanyl = document["tag"]["Fentanyl"]
    assert fentanyl["url"] == "tags/fentanyl/"
    assert set(fentanyl["year"]) == {"2025", "2026"}
    assert fentanyl["spokesperson"]["Randhir Jaiswal"]["url"] == (
        "tags/fentanyl/spokespeople/randhir-jaiswal/"
    )
    for tag in document["tag"].values():
        for facet in (*tag["year"].values(), *tag["spokesperson"].values()):
            assert page_file(sample_site, facet["url"]).is_file()
            assert (sample_site / facet["atom"]).is_file()
            assert (sample_site / facet["json"]).is_file()


def test_each_tag_has_a_json_feed_that_agrees_with_its_page_and_atom_feed(sample_site):
    page = read_page(sample_site, "tags/fentanyl/")
    (alternate,) = page.select('link[rel=alternate][type="application/feed+json"][href*="tags/"]')
    assert alternate["href"].endswith("/feeds/tags/fentanyl.json")
    # The tag page's side column links its feeds (partials/side_follow.html).
    (visible,) = [a for a in page.select(".side-block a") if "JSON" in a.text]
    assert visible_text(visible) == "JSON feed of this list"
    assert resolves(sample_site, "tags/fentanyl/", visible["href"])
    document = json.loads((sample_site / "feeds/tags/fentanyl.json").read_text())
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["title"].endswith("Briefings tagged “Fentanyl”")
    assert document["home_page_url"].endswith("/tags/fentanyl/")
    assert document["feed_url"].endswith("/feeds/tags/fentanyl.json")
    for item in document["items"]:
        assert {"id", "url", "title", "content_html", "date_published"} <= set(item)
        assert item["date_published"][:4].isdigit() and "Fentanyl" in item["tags"]
    on_page = [a["href"].split("../")[-1] for a in page.select(".briefing-list h2 a")]
    atom = feedparser.parse((sample_site / "feeds/tags/fentanyl.atom.xml").read_bytes())
    in_json = [item["url"].split("/", 3)[3] for item in document["items"]]
    assert len(in_json) == 3
    assert in_json == on_page == [entry.link.split("/", 3)[3] for entry in atom.entries]
    # Every tag's, named in the map "Follow this search" reads.
    follow = json.loads((sample_site / "search/follow.json").read_text())["tag"]
    assert follow["Fentanyl"]["json"] == "feeds/tags/fentanyl.json"
    assert all((sample_site / tag["json"]).is_file() for tag in follow.values())
    assert len(list((sample_site / "feeds/tags").glob("*.json"))) == len(follow)


def test_no_tag_json_feed_when_the_setting_is_empty(make_site):
    site = make_site({"2026/a.md": minimal_briefing("A", "2026-01-01")}, THREADS_TAG_FEED_JSON="")
    assert not list((site / "feeds/tags").glob("*.json"))
    page = read_page(site, "tags/security/")
    assert not page.select('link[type="application/feed+json"][href*="tags/"]')
    follow = json.loads((site / "search/follow.json").read_text())["tag"]
    assert follow["Security"]["json"] is None


# Rebuilds


def test_a_changed_story_step_reaches_its_neighbours_pages_on_a_rebuild(make_site):
    story = "crime cooperation"
    # Story steps apart in time and with no tag in common: only the story links them.
    archive = {
        "2026/a.md": minimal_briefing("Alpha", "2026-01-01", story=story, tags="health"),
        "2026/x.md": minimal_briefing("Filler one", "2026-01-02", tags="trade"),
        "2026/b.md": minimal_briefing("Bravo", "2026-01-03", story=story, tags="energy"),
        "2026/y.md": minimal_briefing("Filler two", "2026-01-04", tags="trade"),
        "2026/c.md": minimal_briefing("Charlie", "2026-01-05", story=story, tags="space"),
    }
    make_site(archive)
    archive["2026/c.md"] = archive["2026/c.md"].replace("Title: Charlie", "Title: Charlie renamed")
    archive["2026/d.md"] = minimal_briefing("Delta", "2026-01-09", story=story, tags="climate")
    site = make_site(archive)
    nav = read_page(site, "briefings/2026/01/b/").select_one("nav.story-part")
    assert visible_text(nav.p) == "Part 2 of 4 in Cross-border crime cooperation"
    assert "Charlie renamed" in visible_text(nav)
    alpha = read_page(site, "briefings/2026/01/a/").select_one("nav.story-part")
    assert visible_text(alpha.p) == "Part 1 of 4 in Cross-border crime cooperation"
    story_page = read_page(site, "stories/cross-border-crime-cooperation/")
    assert "Charlie renamed" in visible_text(story_page)


def test_a_rebuild_renders_only_the_timeline_years_an_edit_reaches(make_site):
    archive = {
        "2025/a.md": minimal_briefing(
            "Alpha", "2025-11-03", tags="fentanyl", key_points=["Focus on drugs"]
        ),
        "2026/b.md": minimal_briefing(
            "Bravo", "2026-01-05", tags="fentanyl", key_points=["focus on drugs", "New deal"]
        ),
    }
    site = make_site(archive)
    older = (site / "tags/fentanyl/timeline/2025/index.html").stat().st_ino
    # A 2026 edit: the 2025 page shows nothing of it and is kept as it was.
    archive["2026/b.md"] = archive["2026/b.md"].replace("Title: Bravo", "Title: Bravo renamed")
    site = make_site(archive)
    assert (site / "tags/fentanyl/timeline/2025/index.html").stat().st_ino == older
    assert "Bravo renamed" in visible_text(read_page(site, "tags/fentanyl/timeline/"))
    # A 2025 edit of wording: 2026's page says "focus on drugs" first now.
    archive["2025/a.md"] = archive["2025/a.md"].replace("Focus on drugs", "Focus on trade")
    site = make_site(archive)
    marks = read_page(site, "tags/fentanyl/timeline/").select(".thread-points .point-mark")
    assert [visible_text(m) for m in marks] == ["New", "New"]


# Following a search


def test_a_search_on_one_tag_alone_or_with_a_spokesperson_offers_that_pages_feeds(page, sample_url):
    page.goto(f"{sample_url}/search/?tag=Fentanyl&spokesperson=Randhir+Jaiswal")
    follow = page.locator("#search-follow")
    follow.get_by_role("link", name="JSON feed").wait_for()
    assert follow.inner_text().startswith(
        "Follow this search: Fentanyl: briefings by Randhir Jaiswal"
    )
    hrefs = [a.get_attribute("href") for a in follow.locator("a").all()]
    assert [href.split("/", 3)[3] for href in hrefs] == [
        "tags/fentanyl/spokespeople/randhir-jaiswal/",
        "feeds/tags/fentanyl/spokespeople/randhir-jaiswal.atom.xml",
        "feeds/tags/fentanyl/spokespeople/randhir-jaiswal.json",
    ]
    for href in hrefs:
        assert page.request.get(href).ok, href
    # One tag alone: its page, Pelican's Atom feed and its JSON Feed.
    page.goto(f"{sample_url}/search/?tag=Fentanyl")
    follow.get_by_role("link", name="JSON feed").wait_for()
    assert follow.inner_text().startswith("Follow this search: Briefings tagged “Fentanyl”")
    hrefs = [a.get_attribute("href") for a in follow.locator("a").all()]
    assert [href.split("/", 3)[3] for href in hrefs] == [
        "tags/fentanyl/",
        "feeds/tags/fentanyl.atom.xml",
        "feeds/tags/fentanyl.json",
    ]
    assert page.request.get(hrefs[2]).json()["items"]
    # Two tags match no page: nothing is offered.
    page.goto(f"{sample_url}/search/?tag=Fentanyl&tag=Security")
    page.locator("#search-status").filter(has_text="found").wait_for()
    assert page.locator("#search-follow").is_hidden()
