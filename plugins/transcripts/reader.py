"""Read the transcript with the rest of the briefing, so its mistakes stop the briefing too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from briefing_metadata.problems import ERROR, Problem, display_path
from briefing_metadata.reader import (
    MARKDOWN_EXTENSIONS,
    BriefingReader,
    author_of,
    content_kind,
    registry_for,
    tag_of,
)

from .parse import CLOSING, find_block, opening_line, parse_transcript


class TranscriptReader(BriefingReader):
    """The briefing reader, which also reads the ``::: transcript`` block into questions."""

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Return the body's HTML and the metadata with its ``transcript``, or a skip stub."""
        content, metadata = super().read(source_path)
        if metadata.get("status") == "skip":
            return content, metadata
        settings = self.settings
        path = Path(source_path)
        lines = path.read_text(encoding="utf-8").removeprefix("\ufeff").splitlines()
        found = find_block(lines, settings["TRANSCRIPTS_MARKER"])
        if found is None:
            return content, metadata
        opening, block = found
        shown = display_path(path, settings)
        marker = settings["TRANSCRIPTS_MARKER"]
        problems: list[Problem] = []
        if block is None:
            problems.append(
                Problem(
                    shown,
                    opening,
                    "transcript",
                    f"the '::: {marker}' block is never closed",
                    "add a line with only ':::' after the last answer",
                )
            )
        elif content_kind(path, settings) == "page":
            problems.append(
                Problem(
                    shown,
                    opening,
                    "transcript",
                    "a page has no questions and answers",
                    "move the transcript into the briefing it belongs to",
                )
            )
        else:
            authors = metadata.get("authors") or [None]
            lang = metadata.get("lang")
            make = {
                "tag": lambda entry: tag_of(entry, settings, lang),
                "spokesperson": lambda entry: author_of(entry, settings, lang),
            }
            registry = registry_for(settings)
            speaker = authors[0]
            transcript, problems = parse_transcript(block, shown, registry, speaker, make, opening)
            metadata["transcript"] = transcript
        metadata["briefing_problems"] = [*metadata.get("briefing_problems", []), *problems]
        if any(problem.severity == ERROR for problem in problems):
            return "", {"status": "skip", "briefing_problems": metadata["briefing_problems"]}
        return content, metadata


def use_transcript_reader(readers: Any) -> None:
    """Read every Markdown file through the briefing reader that also reads transcripts."""
    for extension in MARKDOWN_EXTENSIONS:
        readers.reader_classes[extension] = TranscriptReader


class TranscriptBlock(Preprocessor):
    """Leave the ``::: transcript`` block out of the body: the theme renders it apart."""

    def __init__(self, md: Markdown, marker: str) -> None:
        super().__init__(md)
        self.opening = opening_line(marker)

    def run(self, lines: list[str]) -> list[str]:
        """Return the body lines without the transcript block."""
        kept: list[str] = []
        inside = False
        for line in lines:
            if not inside and self.opening.match(line):
                inside = True
            elif inside and CLOSING.match(line):
                inside = False
            elif not inside:
                kept.append(line)
        return kept


class TranscriptExtension(Extension):
    """Python-Markdown extension that lifts the transcript block out of the body."""

    def __init__(self, marker: str = "transcript", **kwargs: Any) -> None:
        self.marker = marker
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        """Register the transcript preprocessor."""
        # Below fenced_code (25), so a block shown inside a code sample stays as code.
        md.preprocessors.register(TranscriptBlock(md, self.marker), "transcript", 19)
