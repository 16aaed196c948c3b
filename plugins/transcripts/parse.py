"""Read a briefing's ``::: transcript`` block: numbered questions and answers, line by line."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from briefing_metadata.plain_text import listed_names, markup_in
from briefing_metadata.problems import Problem
from briefing_metadata.registry import Registry

CLOSING = re.compile(r"^ {0,3}:::\s*$")
# `Q3 (Asha Rao, The Daily Ledger) [tags: fentanyl] [note: asked in Hindi]: text` and
# `A3,4 (Randhir Jaiswal): text`. The number an editor writes is the question's address.
ITEM = re.compile(
    r"^(?P<kind>[QA])(?P<numbers>\d+(?:\s*,\s*A?\d+)*)?"
    r"\s*(?:\((?P<who>[^()]*)\))?"
    r"\s*(?P<extras>(?:\[[^\[\]]*\]\s*)*)"
    r":(?:\s+(?P<text>.*))?$"
)
EXTRA = re.compile(r"\[\s*(?P<key>[^:\]]*?)\s*:\s*(?P<value>[^\]]*?)\s*\]")
# Labels of a pasted transcript that still need a number ("Question:", "Official Spokesperson:").
PASTED_LABEL = re.compile(
    r"^\s*(?P<label>Q|A|Question|Questioner|Answer|Reply|(?:Official )?Spokesperson)"
    r"\s*(?:\([^()]*\))?\s*:",
    re.IGNORECASE,
)
EXTRAS = {"Q": ("tags", "note"), "A": ("note",)}
ANSWERS = "answers"
QUESTIONS = "questions"


def opening_line(marker: str) -> re.Pattern[str]:
    """Return the pattern of the line that opens a transcript block, ``::: transcript``."""
    return re.compile(rf"^ {{0,3}}:::\s*{re.escape(marker)}\s*$")


@dataclass
class Question:
    """One question: its number (the anchor ``#q-N``), who asked, and what."""

    kind: ClassVar[str] = "question"
    number: int
    line: int
    paragraphs: list[str] = field(default_factory=list)
    asker: str = ""
    outlet: str = ""
    tags: list[Any] = field(default_factory=list)
    note: str = ""
    # The other questions its answer also answers, in written order.
    answered_with: list[int] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """Return the question's anchor on its briefing page."""
        return f"q-{self.number}"

    @property
    def text(self) -> str:
        """Return the question as plain text, paragraphs apart."""
        return "\n\n".join(self.paragraphs)


@dataclass
class Answer:
    """One answer: the questions it answers, who gave it, and what they said."""

    kind: ClassVar[str] = "answer"
    numbers: list[int]
    line: int
    speaker: Any = None
    paragraphs: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def text(self) -> str:
        """Return the answer as plain text, paragraphs apart."""
        return "\n\n".join(self.paragraphs)


@dataclass
class Transcript:
    """A briefing's questions and answers, in the order they were written."""

    items: list[Question | Answer] = field(default_factory=list)

    @property
    def questions(self) -> list[Question]:
        """Return the questions in written order."""
        return [item for item in self.items if isinstance(item, Question)]

    def answers_to(self, number: int) -> list[Answer]:
        """Return the answers to question ``number``."""
        return [i for i in self.items if isinstance(i, Answer) and number in i.numbers]

    def plain_text(self) -> str:
        """Return every question and answer as text, for the reading time."""
        return "\n\n".join(item.text for item in self.items)


def find_block(
    lines: list[str], marker: str, first_line: int = 1
) -> tuple[int, list[tuple[int, str]] | None] | None:
    """Return the opening line of the transcript block and its lines with their numbers.

    The lines are None when the block is never closed; None when there is no block.
    """
    opening = opening_line(marker)
    for index, line in enumerate(lines):
        number = index + first_line
        if opening.match(line):
            block = []
            for later, text in enumerate(lines[index + 1 :], number + 1):
                if CLOSING.match(text):
                    return number, block
                block.append((later, text))
            return number, None
    return None


class _Parser:
    """Turn a block's lines into a Transcript, collecting problems at their lines."""

    def __init__(
        self,
        shown_path: str,
        registry: Registry,
        default_speaker: Any,
        make: dict[str, Callable[[Any], Any]],
    ) -> None:
        self.shown_path = shown_path
        self.registry = registry
        self.default_speaker = default_speaker
        self.make = make
        self.problems: list[Problem] = []
        self.transcript = Transcript()
        self.seen: dict[int, int] = {}

    def problem(self, line: int, message: str, fix: str) -> None:
        self.problems.append(Problem(self.shown_path, line, "transcript", message, fix))

    def next_free(self) -> int:
        return max(self.seen, default=0) + 1

    def parse(self, block: list[tuple[int, str]]) -> None:
        current: Question | Answer | None = None
        paragraph: list[str] = []

        def close_paragraph() -> None:
            if current is not None and paragraph:
                current.paragraphs.append(" ".join(paragraph))
            paragraph.clear()

        for number, line in block:
            if not line.strip():
                close_paragraph()
                continue
            item = ITEM.match(line.strip())
            if item:
                close_paragraph()
                current = self.item(number, item)
                if current is not None:
                    self.transcript.items.append(current)
                text = (item["text"] or "").strip()
                if text:
                    self.check_text(number, text)
                    paragraph.append(text)
                continue
            if PASTED_LABEL.match(line):
                label = PASTED_LABEL.match(line)["label"]
                kind = "A" if label.lower().startswith(("a", "r", "o", "s")) else "Q"
                example = f"Q{self.next_free()}" if kind == "Q" else f"A{max(self.seen, default=1)}"
                self.problem(
                    number,
                    f"{label!r} has no number",
                    f"number it, as in `{example}: …`: questions take the next free number "
                    f"(Q{self.next_free()}) and an answer names the questions it answers",
                )
                current = None
                continue
            if current is None:
                if not self.transcript.items and not self.problems:
                    self.problem(
                        number,
                        "text before the first question",
                        "start each question with `Q1: ` (the next with `Q2: `) and each "
                        "answer with `A1: `",
                    )
                continue
            self.check_text(number, line.strip())
            paragraph.append(line.strip())
        close_paragraph()

    def check_text(self, number: int, text: str) -> None:
        if tag := markup_in(text):
            shown = tag if len(tag) <= 60 else f"{tag[:57]}..."
            self.problem(
                number,
                f"has the markup {shown}, but questions and answers are plain text",
                "remove the markup: readers would see it exactly as typed",
            )

    def item(self, line: int, match: re.Match[str]) -> Question | Answer | None:
        kind = match["kind"]
        extras = self.extras(line, kind, match["extras"] or "")
        who = (match["who"] or "").strip()
        if not match["numbers"]:
            fix = (
                f"write `Q{self.next_free()}: …`, the next free number"
                if kind == "Q"
                else "write the numbers of the questions it answers, as in `A3: …` or `A3,4: …`"
            )
            self.problem(line, f"{kind} has no number", fix)
            return None
        numbers = [int(n) for n in re.findall(r"\d+", match["numbers"])]
        if kind == "Q":
            return self.question(line, numbers, who, extras)
        return self.answer(line, numbers, who, extras)

    def question(self, line: int, numbers: list[int], who: str, extras: dict) -> Question | None:
        if len(numbers) > 1:
            self.problem(
                line,
                f"a question has one number, not {len(numbers)}",
                "write each question on its own line: `Q3: …`, then `Q4: …`",
            )
            return None
        number = numbers[0]
        if number in self.seen:
            self.problem(
                line,
                f"Q{number} is used twice (lines {self.seen[number]} and {line})",
                f"give the later question the next free number, Q{self.next_free()}: "
                f"a question's number is its address (#q-{number}) and never changes",
            )
            return None
        if number == 0:
            self.problem(line, "Q0 is not a question number", "number questions from Q1")
            return None
        self.seen[number] = line
        asker, _, outlet = who.partition(",")
        tags = []
        if "tags" in extras:
            spellings = listed_names(extras["tags"])
            entries, unknown = self.registry.tags.resolve(spellings)
            for spelling, suggestion in unknown:
                self.problem(line, *self.registry.tags.unknown_name(spelling, suggestion))
            tags = [self.make["tag"](entry) for entry in entries]
        for text in (asker, outlet, extras.get("note", "")):
            self.check_text(line, text)
        return Question(
            number,
            line,
            asker=asker.strip(),
            outlet=outlet.strip(),
            tags=tags,
            note=extras.get("note", ""),
        )

    def answer(self, line: int, numbers: list[int], who: str, extras: dict) -> Answer | None:
        speaker = self.default_speaker
        if who:
            entry = self.registry.spokespeople.find(who)
            if entry is None:
                vocabulary = self.registry.spokespeople
                self.problem(line, *vocabulary.unknown_name(who, vocabulary.suggestion(who)))
            else:
                speaker = self.make["spokesperson"](entry)
        self.check_text(line, extras.get("note", ""))
        return Answer(list(dict.fromkeys(numbers)), line, speaker, note=extras.get("note", ""))

    def extras(self, line: int, kind: str, written: str) -> dict[str, str]:
        found: dict[str, str] = {}
        allowed = EXTRAS[kind]
        for match in re.finditer(r"\[[^\[\]]*\]", written):
            extra = EXTRA.fullmatch(match.group())
            key = extra["key"].strip().lower() if extra else ""
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = f"did you mean [{close[0]}: …]? " if close else ""
                what = "a question" if kind == "Q" else "an answer"
                self.problem(
                    line,
                    f"{match.group()} is not something {what} can have",
                    f"{hint}{what.capitalize()} can have "
                    + " and ".join(f"[{name}: …]" for name in allowed),
                )
                continue
            found[key] = extra["value"].strip()
        return found

    def finish(self) -> None:
        """Check that every question has an answer after it and every answer a question."""
        questions = {q.number: q for q in self.transcript.questions}
        answered: set[int] = set()
        for item in self.transcript.items:
            if isinstance(item, Question):
                if not item.paragraphs:
                    self.problem(
                        item.line,
                        f"Q{item.number} is empty",
                        "write the question after the colon, or remove the line",
                    )
                continue
            label = "A" + ",".join(str(n) for n in item.numbers)
            if not item.paragraphs:
                self.problem(item.line, f"{label} is empty", "write the answer after the colon")
            for number in item.numbers:
                if number not in questions:
                    self.problem(
                        item.line,
                        f"{label} answers question {number}, but there is no Q{number}",
                        "number the answer as the question it answers, or add the question",
                    )
                elif number not in answered and questions[number].line > item.line:
                    self.problem(
                        item.line,
                        f"{label} comes before Q{number} (line {questions[number].line})",
                        "move the answer after the question it answers",
                    )
                answered.add(number)
            for number in item.numbers:
                if number in questions:
                    others = [n for n in item.numbers if n != number and n in questions]
                    questions[number].answered_with = others
        for number, question in questions.items():
            if number not in answered:
                self.problem(
                    question.line,
                    f"Q{number} has no answer",
                    f"add `A{number}: …` after it, or name it in the answer it shares "
                    f"with another question, as in `A{number},{number + 1}: …`",
                )


def parse_transcript(
    block: list[tuple[int, str]],
    shown_path: str,
    registry: Registry,
    default_speaker: Any,
    make: dict[str, Callable[[Any], Any]],
    opening: int = 1,
) -> tuple[Transcript, list[Problem]]:
    """Return the transcript written in ``block`` (lines with their numbers) and its problems.

    ``make`` turns registry entries into the objects briefings carry: "tag", "spokesperson".
    """
    parser = _Parser(shown_path, registry, default_speaker, make)
    parser.parse(block)
    if not parser.transcript.items and not parser.problems:
        fix = "add questions, or remove the block"
        parser.problem(opening, "the transcript block is empty", fix)
    parser.finish()
    return parser.transcript, parser.problems
