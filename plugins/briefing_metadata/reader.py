"""Pelican's Markdown reader behind a gate: file, header and vocabulary are checked first."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pelican.readers import MarkdownReader
from pelican.urlwrappers import Author, Tag

from contract.languages import default_language, other_languages, site_languages

from .languages import translation_key
from .problems import ERROR, WARNING, Problem, display_path, report
from .registry import Entry, Registry, load_registry, registry_files
from .schema import check_fields
from .source import Source, read_source
from .wrappers import spokesperson_in, tag_in

MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")


def registry_folder(settings: dict[str, Any]) -> Path:
    """Return the folder of the registry files."""
    return Path(settings["PATH"]) / settings["BRIEFING_METADATA_REGISTRY_PATH"]


def registry_for(settings: dict[str, Any]) -> Registry:
    """Return the registry, read again only when one of its files changed."""
    folder = registry_folder(settings)
    stamps = tuple(
        path.stat().st_mtime_ns if path.exists() else None for path in registry_files(folder)
    )
    languages = tuple(other_languages(settings))
    return _load(folder, display_path(folder, settings), stamps, languages)


@lru_cache(maxsize=4)
def _load(folder: Path, shown: str, stamps: tuple, languages: tuple[str, ...]) -> Registry:
    del stamps  # Part of the cache key only.
    return load_registry(folder, shown, languages)


def report_registry_problems(pelican: Any) -> None:
    """List the registry's own mistakes once per build."""
    report(registry_for(pelican.settings).problems, pelican.settings)


def content_kind(path: Path, settings: dict[str, Any]) -> str:
    """Return "page" for a file under PAGE_PATHS, else "briefing"."""
    relative = path.resolve().relative_to(Path(settings["PATH"]).resolve()).as_posix()
    pages = settings["PAGE_PATHS"]
    return "page" if any(relative.startswith(f"{p.rstrip('/')}/") for p in pages) else "briefing"


def author_of(entry: Entry, settings: dict[str, Any], lang: str | None = None) -> Author:
    """Return a spokesperson of the registry as Pelican's author, named in ``lang``."""
    return spokesperson_in(entry, lang or default_language(settings), settings)


def tag_of(entry: Entry, settings: dict[str, Any], lang: str | None = None) -> Tag:
    """Return a tag of the registry as Pelican's tag, labelled in ``lang``."""
    return tag_in(entry, lang or default_language(settings), settings)


class BriefingReader(MarkdownReader):
    """Read a briefing or page only if its file and header pass the schema.

    A file with errors comes back with status "skip" and its problems, so Pelican leaves it
    out and the problems are reported on every build, from the content cache too.
    """

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Return the body's HTML and the metadata, or a skip stub carrying the problems."""
        settings = self.settings
        path = Path(source_path)
        source = read_source(
            path,
            display_path(path, settings),
            content_root=Path(settings["PATH"]),
            max_bytes=settings["BRIEFING_METADATA_MAX_FILE_BYTES"],
            max_nesting=settings["BRIEFING_METADATA_MAX_NESTING"],
        )
        vocabulary: dict[str, list[Entry]] = {}
        if source.text:
            kind = content_kind(path, settings)
            vocabulary = check_fields(source, kind, registry_for(settings), settings)
        if any(problem.severity == ERROR for problem in source.problems):
            return "", {"status": "skip", "briefing_problems": source.problems}
        try:
            content, metadata = super().read(source_path)
        except Exception as error:
            # Whatever Markdown or an extension trips on, it is this one file's problem.
            source.problems.append(
                Problem(
                    source.shown_path,
                    source.body_line,
                    "body",
                    f"Markdown could not read it ({type(error).__name__}: {error})",
                    "simplify the text from this line on, or report the problem to the developers",
                )
            )
            return "", {"status": "skip", "briefing_problems": source.problems}
        lang = metadata.get("lang") or default_language(settings)
        _check_labels(source, lang, vocabulary, settings)
        if vocabulary["spokespeople"]:
            metadata["authors"] = [
                spokesperson_in(e, lang, settings) for e in vocabulary["spokespeople"]
            ]
            metadata["author"] = metadata["authors"][0]
        if "tags" in metadata:
            metadata["tags"] = [tag_in(entry, lang, settings) for entry in vocabulary["tags"]]
        # What Pelican's ARTICLE_TRANSLATION_ID pairs translations by (languages.py).
        metadata["translation_key"] = translation_key(path, settings)
        if source.history:
            add_history(metadata, source.history)
        # The story threads it belongs to, as registry entries (the threads plugin links them).
        metadata.pop("story", None)
        metadata["stories"] = vocabulary["stories"]
        metadata["briefing_problems"] = source.problems
        metadata["source_lines"] = {key: field.line for key, field in source.fields.items()}
        return content, metadata


# Header fields whose checked form history.py gives; Pelican's own reading of them is dropped.
HISTORY_FIELDS = ("correction", "update", "withdrawn", "moved_from", "source_url")


def add_history(metadata: dict[str, Any], history: dict[str, Any]) -> None:
    """Give a briefing its corrections and updates, withdrawal, old addresses and source."""
    for key in HISTORY_FIELDS:
        metadata.pop(key, None)
    changes = history["changes"]
    metadata["changes"] = changes
    metadata["moved_from"] = history["moved_from"]
    if history.get("source_url"):
        metadata["source_url"] = history["source_url"]
    if "withdrawal" in history:
        metadata["withdrawal"] = history["withdrawal"]
        # Pelican writes a hidden briefing at its address and lists it nowhere: in no
        # listing, tag or spokesperson page, feed, sitemap or open data.
        metadata["status"] = "hidden"
    if changes:
        # The last change is when the briefing last changed: feeds and JSON-LD say so.
        latest = changes[-1].date
        given = metadata.get("modified")
        if given is not None and given.replace(tzinfo=None) >= latest:
            return
        date = metadata.get("date")
        if date is not None and date.replace(tzinfo=None) > latest:
            latest = date.replace(tzinfo=None)  # Changed on the day it was published.
        metadata["modified"] = latest


def _check_labels(
    source: Source, lang: str, vocabulary: dict[str, list[Entry]], settings: dict[str, Any]
) -> None:
    """Warn about each tag or spokesperson with no name in the briefing's language."""
    if lang == default_language(settings) or lang not in site_languages(settings):
        return
    language = site_languages(settings)[lang]["name"]
    folder = display_path(registry_folder(settings), settings)
    for key, kind, file_name, name_field in (
        ("spokesperson", "spokespeople", "spokespeople.toml", "name"),
        ("tags", "tags", "tags.toml", "label"),
    ):
        for entry in vocabulary.get(kind, []):
            if lang not in entry.translations:
                source.problem(
                    key,
                    f"{entry.name!r} has no name in {language} ({lang}); the page shows it "
                    "in the default language",
                    f'add [{entry.slug}.{lang}] with {name_field} = "..." to {folder}/{file_name}',
                    severity=WARNING,
                )


def use_briefing_reader(readers: Any) -> None:
    """Read every Markdown file through the gate."""
    for extension in MARKDOWN_EXTENSIONS:
        readers.reader_classes[extension] = BriefingReader


def report_content_problems(generator: Any, metadata: dict[str, Any]) -> None:
    """Report what the reader found in one file, each build, even when it came from the cache."""
    report(metadata.pop("briefing_problems", []), generator.settings)
