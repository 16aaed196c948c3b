"""Each question as data: the record of questions.json and .csv, JSON-LD, and list entries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from contract.parts import PartOfBriefing
from open_data.records import absolute_url, plain_text
from open_data.schema_org import person

from .parse import Answer, Question

# The columns of questions.csv, in order; questions.json uses the same keys.
FIELDS = [
    "url",
    "number",
    "briefing_title",
    "briefing_url",
    "date",
    "spokespeople",
    "asker",
    "outlet",
    "tags",
    "note",
    "question",
    "answered_by",
    "answer",
]
LIST_FIELDS = {"spokespeople", "tags", "answered_by"}


@dataclass
class QuestionEntry(PartOfBriefing):
    """A question of a published briefing, as the question lists and feeds show it."""

    briefing: Any
    question: Question
    answers: list[Answer]

    @property
    def url(self) -> str:
        """Return the question's address inside the site: its briefing page and anchor."""
        return f"{self.briefing.url}#{self.question.anchor}"

    @property
    def date(self) -> Any:
        """Return the briefing's date."""
        return self.briefing.date


def question_record(briefing: Any, entry: QuestionEntry, settings: dict[str, Any]) -> dict:
    """Return one question with its answers as plain text, lists and an ISO 8601 date."""
    question = entry.question
    briefing_url = absolute_url(settings, briefing.url)
    return {
        "url": f"{briefing_url}#{question.anchor}",
        "number": question.number,
        "briefing_title": plain_text(briefing.title),
        "briefing_url": briefing_url,
        "date": briefing.date.isoformat(),
        "spokespeople": [str(person) for person in getattr(briefing, "authors", [])],
        "asker": question.asker or None,
        "outlet": question.outlet or None,
        "tags": [str(tag) for tag in question.tags],
        "note": question.note or None,
        "question": question.text,
        "answered_by": list(dict.fromkeys(str(answer.speaker) for answer in entry.answers)),
        "answer": "\n\n".join(answer.text for answer in entry.answers),
    }


def csv_row(record: dict[str, Any]) -> dict[str, str]:
    """Return a record as CSV cells: one value a line in list cells, empty for none."""
    return {
        key: "\n".join(record[key]) if key in LIST_FIELDS else str(record[key] or "")
        for key in FIELDS
    }


def entries_of(briefing: Any) -> list[QuestionEntry]:
    """Return the questions of a briefing, in written order, with their answers."""
    transcript = getattr(briefing, "transcript", None)
    if transcript is None:
        return []
    return [
        QuestionEntry(briefing, question, transcript.answers_to(question.number))
        for question in transcript.questions
    ]


def questions_json_ld(briefing: Any, settings: dict[str, Any]) -> list[dict[str, Any]]:
    """Return a briefing's questions as schema.org Questions, each with its Answers."""
    parts = []
    for entry in entries_of(briefing):
        record = question_record(briefing, entry, settings)
        question: dict[str, Any] = {
            "@type": "Question",
            "@id": record["url"],
            "url": record["url"],
            "name": f"Question {entry.question.number}",
            "text": record["question"],
            "answerCount": len(entry.answers),
        }
        if record["asker"] or record["outlet"]:
            asker: dict[str, Any] = {"@type": "Person", "name": record["asker"] or "Unnamed"}
            if record["outlet"]:
                asker["affiliation"] = {"@type": "Organization", "name": record["outlet"]}
            question["author"] = asker
        if record["tags"]:
            question["keywords"] = record["tags"]
        if record["note"]:
            question["description"] = record["note"]
        question["acceptedAnswer"] = [
            {
                "@type": "Answer",
                "text": answer.text,
                "author": person(answer.speaker, settings),
                "url": record["url"],
            }
            for answer in entry.answers
        ]
        parts.append(question)
    return parts
