"""A briefing's questions and answers: written plainly, each with its address, as pages and data."""

from __future__ import annotations

import csv
import json
import re
import shutil

import feedparser
import pytest

from archive.build import BuildError, build_site, recorded
from archive.paths import ROOT
from briefing_metadata.reader import author_of, tag_of
from briefing_metadata.registry import load_registry
from transcripts.parse import find_block, parse_transcript

from .conftest import minimal_briefing, page_file, read_page, visible_text
from .test_structured_data import SCHEMA, json_ld, news_article, values

LIAISON = "/briefings/2026/02/india-canada-liaison-officers/"
REGISTRY = load_registry(ROOT / "content/registry", "content/registry")
MAKE = {"tag": lambda entry: tag_of(entry, {}), "spokesperson": lambda entry: author_of(entry, {})}


def problems_in(*lines: str) -> list[str]:
    """Return the problems of a transcript block made of ``lines`` (the block opens on line 1)."""
    text = ["::: transcript", *lines, ":::"]
    opening, block = find_block(text, "transcript")
    default = MAKE["spokesperson"](REGISTRY.spokespeople.find("Mara Okonkwo"))
    _, problems = parse_transcript(block, "b.md", REGISTRY, default, MAKE, opening)
    return [str(problem) for problem in problems]


# name: (block lines, expected "path:line: field: problem" start, words of the fix)
MISTAKES = {
    "question-without-answer": (
        ("Q1: Why?", "A1: Because.", "Q2: And then?"),
        "b.md:4: transcript: Q2 has no answer",
        "add `A2: …` after it",
    ),
    "answer-without-question": (
        ("Q1: Why?", "A1,2: Because."),
        "b.md:3: transcript: A1,2 answers question 2, but there is no Q2",
        "or add the question",
    ),
    "answer-before-question": (
        ("A1: Because.", "Q1: Why?"),
        "b.md:2: transcript: A1 comes before Q1 (line 3)",
        "move the answer after the question",
    ),
    "unknown-tag": (
        ("Q1 [tags: fentanil]: Why?", "A1: Because."),
        "b.md:2: transcript: 'fentanil' is not in the tag registry",
        "did you mean 'Fentanyl'?",
    ),
    "unknown-answerer": (
        ("Q1: Why?", "A1 (Randir Jaiswal): Because."),
        "b.md:3: transcript: 'Randir Jaiswal' is not in the spokesperson registry",
        "did you mean 'Randhir Jaiswal'?",
    ),
    "empty-question": (
        ("Q1:", "A1: Because."),
        "b.md:2: transcript: Q1 is empty",
        "write the question after the colon",
    ),
    "duplicate-number": (
        ("Q1: Why?", "A1: Because.", "Q1: Again?", "A1: Still."),
        "b.md:4: transcript: Q1 is used twice (lines 2 and 4)",
        "next free number, Q2",
    ),
    "unnumbered-question": (
        ("Q1: Why?", "A1: Because.", "Q: And then?"),
        "b.md:4: transcript: Q has no number",
        "write `Q2: …`",
    ),
    "pasted-label": (
        ("Q1: Why?", "Official Spokesperson: Because."),
        "b.md:3: transcript: 'Official Spokesperson' has no number",
        "number it",
    ),
    "unknown-extra": (
        ("Q1 [tag: fentanyl]: Why?", "A1: Because."),
        "b.md:2: transcript: [tag: fentanyl] is not something a question can have",
        "did you mean [tags: …]?",
    ),
    "markup": (
        ("Q1: Why <b>now</b>?", "A1: Because."),
        "b.md:2: transcript: has the markup <b>",
        "remove the markup",
    ),
    "text-before-first-question": (
        ("Some words.", "Q1: Why?", "A1: Because."),
        "b.md:2: transcript: text before the first question",
        "start each question with `Q1: `",
    ),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_each_mistake_is_reported_at_its_line_with_a_fix(name):
    lines, where, fix = MISTAKES[name]
    problems = problems_in(*lines)
    assert any(p.startswith(where) and fix in p for p in problems), problems


def test_a_correct_transcript_has_no_problem():
    assert (
        problems_in(
            "Q1 (Asha Rao, The Daily Ledger) [tags: fentanyl] [note: asked in Hindi]: Why?",
            "",
            "Q2: And when?",
            "A1,2 (R. Jaiswal): Because.",
            "",
            "A second paragraph.",
        )
        == []
    )


TRANSCRIPT = """\
Body text.

::: transcript
Q1 (Asha Rao, The Daily Ledger) [tags: fentanyl]: First question?

A1: First answer.

Q3 [note: asked in Hindi; approximate translation]: A question added later, between two others?

Q2 (Ben Ode): Second question?

A2,3 (Tomas Lindqvist): One answer to both.

It has a second paragraph.
:::
"""


def test_a_bad_transcript_fails_a_strict_build_and_a_lenient_one_leaves_it_out(make_site):
    bad = minimal_briefing("Bad", "2026-01-06", body=TRANSCRIPT.replace("A1: First answer.", ""))
    good = minimal_briefing("Good", "2026-01-05")
    with pytest.raises(BuildError) as failed:
        make_site({"2026/bad.md": bad, "2026/good.md": good})
    shown = [str(problem) for problem in failed.value.problems]
    assert any(
        p.startswith("content/briefings/2026/bad.md:12: transcript: Q1 has no answer")
        for p in shown
    )
    with recorded():
        site = make_site({"2026/bad.md": bad, "2026/good.md": good}, lenient=True)
    assert page_file(site, "briefings/2026/01/good/").exists()
    assert not page_file(site, "briefings/2026/01/bad/").exists()


@pytest.fixture(scope="module")
def transcript_site(tmp_path_factory):
    """Build a small archive: a transcript, enough tagged questions to paginate, reading times."""
    folder = tmp_path_factory.mktemp("transcripts")
    content = folder / "content"
    (content / "briefings/2026").mkdir(parents=True)
    shutil.copytree(ROOT / "content/registry", content / "registry")
    (content / "briefings/2026/asked.md").write_text(
        minimal_briefing("Asked", "2026-03-02", body=TRANSCRIPT), encoding="utf-8"
    )
    many = "\n\n".join(
        f"Q{n} [tags: fentanyl]: Question number {n}?\n\nA{n}: Answer {n}." for n in range(1, 6)
    )
    (content / "briefings/2026/many.md").write_text(
        minimal_briefing(
            "Many", "2026-03-01", tags="fentanyl", body=f"Body.\n\n::: transcript\n{many}\n:::\n"
        ),
        encoding="utf-8",
    )
    (content / "briefings/2026/plain.md").write_text(
        minimal_briefing("Plain", "2026-02-01", body="word " * 300), encoding="utf-8"
    )
    (content / "briefings/2026/long.md").write_text(
        minimal_briefing(
            "Long",
            "2026-02-02",
            body="word " * 300
            + "\n\n::: transcript\nQ1: "
            + "question " * 200
            + "\n\nA1: "
            + "answer " * 200
            + "\n:::\n",
        ),
        encoding="utf-8",
    )
    return build_site(
        PATH=str(content),
        OUTPUT_PATH=str(folder / "output"),
        CACHE_PATH=str(folder / "cache"),
        TRANSCRIPTS_PER_PAGE=4,
    )


def test_each_question_keeps_the_number_its_editor_wrote_as_its_anchor(transcript_site):
    soup = read_page(transcript_site, "/briefings/2026/03/asked/")
    section = soup.select_one("section.transcript")
    assert [h3["id"] for h3 in section.select("h3")] == ["q-1", "q-3", "q-2"]
    q3 = soup.select_one("h3#q-3")
    assert visible_text(q3) == "Question 3"
    block = q3.parent
    assert "asked in Hindi; approximate translation" in visible_text(block)
    link = block.select_one(".question-links a")
    assert visible_text(link) == "Link to this question (question 3)"
    assert link["href"] == "#q-3"
    assert "Answered together with question 2" in visible_text(block)
    q1 = soup.select_one("h3#q-1")
    assert visible_text(q1) == "Question 1 from Asha Rao, The Daily Ledger"
    tag_link = q1.parent.find("a", string="Fentanyl")
    assert tag_link["href"].endswith("tags/fentanyl/questions/")
    answers = section.select(".answer")
    assert [" ".join(a.select_one(".speaker").get_text().split()) for a in answers] == [
        "Mara Okonkwo:",
        "Tomas Lindqvist, answering questions 2 and 3:",
    ]
    assert [visible_text(p) for p in answers[1].select("p")[1:]] == [
        "One answer to both.",
        "It has a second paragraph.",
    ]
    # The transcript is shown once, after the body, not inside it.
    assert "transcript" not in visible_text(soup.select_one(".briefing-body"))


def test_reading_time_counts_the_transcript(transcript_site):
    def minutes(url):
        return visible_text(read_page(transcript_site, url).select_one(".reading-time"))

    assert minutes("/briefings/2026/02/plain/") == "2 min read"
    assert minutes("/briefings/2026/02/long/") == "4 min read"


def test_tag_pages_list_every_question_paginated_with_a_feed(transcript_site):
    first = read_page(transcript_site, "/tags/fentanyl/questions/")
    second = read_page(transcript_site, "/tags/fentanyl/questions/page/2/")
    links = [a["href"] for page in (first, second) for a in page.select(".question-card-title a")]
    assert len(links) == 6
    # Newest briefing first, questions in the order they were asked.
    assert [link.rsplit("/", 2)[-2:] for link in links][:2] == [["asked", "#q-1"], ["many", "#q-1"]]
    assert first.select_one('a[rel="next"]') and second.select_one('a[rel="prev"]')
    feed = feedparser.parse(
        (transcript_site / "feeds/questions/fentanyl.atom.xml").read_text(encoding="utf-8")
    )
    assert [entry.link.split("2026/", 1)[1] for entry in feed.entries] == [
        link.split("2026/", 1)[1] for link in links
    ]
    assert feed.entries[0].title == "Question 1: Asked"
    sitemap = (transcript_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/tags/fentanyl/questions/</loc>" in sitemap
    assert "/tags/fentanyl/questions/page/2/</loc>" in sitemap
    tag_page = read_page(transcript_site, "/tags/fentanyl/")
    latest = tag_page.select(".latest-questions .question-card-title a")
    assert [a["href"].split("briefings/")[1] for a in latest] == [
        link.split("briefings/")[1] for link in links[:5]
    ]
    assert tag_page.select_one(".all-questions a")["href"].endswith("tags/fentanyl/questions/")


def test_every_answer_is_linked_from_its_spokespersons_pages(transcript_site):
    answers = read_page(transcript_site, "/spokespeople/tomas-lindqvist/answers/")
    hrefs = [a["href"] for a in answers.select(".question-card-title a")]
    assert [h.rsplit("/", 2)[-2:] for h in hrefs] == [["asked", "#q-3"], ["asked", "#q-2"]]
    mara = read_page(transcript_site, "/spokespeople/mara-okonkwo/")
    assert mara.select_one(".all-questions a")["href"].endswith(
        "spokespeople/mara-okonkwo/answers/"
    )
    answer_pages = [
        read_page(transcript_site, url)
        for url in (
            "/spokespeople/mara-okonkwo/answers/",
            "/spokespeople/mara-okonkwo/answers/page/2/",
        )
    ]
    answered = sum(len(page.select(".question-card")) for page in answer_pages)
    assert answered == 1 + 5 + 1  # asked Q1, many Q1-Q5, long Q1


def page_question(site, record):
    """Return what the briefing page shows of a record's question: its text and answers."""
    url = record["url"].split("127.0.0.1:8000", 1)[1]
    path, anchor = url.split("#")
    soup = read_page(site, path)
    heading = soup.select_one(f"h3#{anchor}")
    block = heading.parent
    question = [visible_text(p) for p in block.find_all("p", class_=False, recursive=False)]
    answers = []
    for sibling in block.find_next_siblings("div"):
        if "answer" in sibling["class"]:
            number = int(anchor[2:])
            speaker = visible_text(sibling.select_one(".speaker"))
            shares = re.search(r"answering questions ([\d and]+)", speaker)
            if not shares or str(number) in shares.group(1).split(" and "):
                answers.append([visible_text(p) for p in sibling.select("p")[1:]])
                break
    return heading, "\n\n".join(question), "\n\n".join("\n\n".join(a) for a in answers)


def test_questions_json_and_csv_agree_with_the_pages(sample_site):
    document = json.loads((sample_site / "questions.json").read_text(encoding="utf-8"))
    records = document["questions"]
    assert len(records) == 4 + 2 + 3
    for record in records:
        heading, question, answer = page_question(sample_site, record)
        assert record["question"] == question
        assert record["answer"] == answer
        assert f"Question {record['number']}" in visible_text(heading)
        for part in (record["asker"], record["outlet"]):
            if part:
                assert part in visible_text(heading)
        links = heading.parent.select_one(".question-links")
        assert [visible_text(a) for a in links.find_all("a")[1:]] == record["tags"]
    liaison = [r for r in records if "liaison" in r["url"]]
    assert liaison[2]["note"] == "asked in Hindi; approximate translation"
    assert liaison[1]["answer"] == liaison[2]["answer"]
    with (sample_site / "questions.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [row["url"] for row in rows] == [r["url"] for r in records]
    assert [row["tags"].split("\n") if row["tags"] else [] for row in rows] == [
        r["tags"] for r in records
    ]
    briefings = json.loads((sample_site / "briefings.json").read_text(encoding="utf-8"))
    feed = json.loads((sample_site / "feeds/all.json").read_text(encoding="utf-8"))
    for related in (briefings["related"], feed["_archive"]["related"]):
        assert [item["url"].rsplit("/", 1)[1] for item in related] == [
            "questions.json",
            "questions.csv",
        ]


def test_json_ld_describes_each_question_and_its_answer(sample_site):
    soup = read_page(sample_site, LIAISON)
    (data,) = json_ld(soup)
    article = news_article(data)
    parts = article[SCHEMA + "hasPart"]
    assert [p["@type"] for p in parts] == [[SCHEMA + "Question"]] * 4
    for part in parts:
        anchor = part["@id"].split("#")[1]
        heading = soup.select_one(f"h3#{anchor}")
        assert values(part, "text") == [visible_text(heading.find_next_sibling("p", class_=False))]
        (answer,) = part[SCHEMA + "acceptedAnswer"]
        assert answer["@type"] == [SCHEMA + "Answer"]
        (author,) = answer[SCHEMA + "author"]
        assert values(author, "name") == ["Randhir Jaiswal"]
    assert values(parts[2], "description") == ["asked in Hindi; approximate translation"]
    (asker,) = parts[0][SCHEMA + "author"]
    assert values(asker, "name") == ["Asha Rao"]


def test_search_lands_on_the_questions_anchor(page, sample_url):
    page.goto(f"{sample_url}/search/?q=gangs")
    page.get_by_role("status").filter(has_text=re.compile("found")).wait_for()
    link = page.locator(".search-questions a").first
    assert link.get_attribute("href").endswith("india-canada-liaison-officers/#q-3")
    link.click()
    page.wait_for_url(re.compile(r"#q-3$"))
    assert page.locator("h3:target").inner_text().startswith("Question 3")


def test_search_can_keep_to_questions_and_answers(page, sample_url):
    page.goto(f"{sample_url}/search/?q=officers")
    status = page.get_by_role("status")
    status.filter(has_text=re.compile(r"^5 briefings found")).wait_for()
    page.get_by_label("Only questions and answers").check()
    page.wait_for_url(re.compile("content=questions"))
    # The three briefings with a transcript; each result leads to its matching question.
    status.filter(has_text=re.compile(r"^3 briefings found")).wait_for()
    result = page.locator(".search-result", has_text="Customs cooperation deal")
    link = result.locator("h2 a")
    assert link.get_attribute("href").endswith("precursor-chemicals-customs/#q-2")
    page.reload()
    status.filter(has_text=re.compile(r"^3 briefings found")).wait_for()
    assert page.get_by_label("Only questions and answers").is_checked()
