"""The controlled vocabularies: spokespeople, tags and stories, from TOML files editors keep."""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem
from .source import not_utf8

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOML_LINE = re.compile(r"\(at line (\d+)")


def lookup_key(text: str) -> str:
    """Return the form two spellings share when they mean the same entry."""
    return "-".join(re.findall(r"\w+", text.casefold()))


def has_letter_or_digit(text: str) -> bool:
    """Return whether ``text`` has a letter or a digit, as every name and alias must."""
    return any(character.isalnum() for character in text)


@dataclass(frozen=True)
class Entry:
    """One spokesperson, tag or story: its slug, the name shown to readers, and its details."""

    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    details: dict[str, str] = field(default_factory=dict)
    # Language code → the name and details in that language ([slug.hi] in the file).
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    def name_in(self, lang: str) -> str:
        """Return the name readers of ``lang`` see: its own, else the default one."""
        return self.translations.get(lang, {}).get("name") or self.name

    def details_in(self, lang: str) -> dict[str, str]:
        """Return the details in ``lang``, each falling back to the default language's."""
        return {**self.details, **self.translations.get(lang, {})}


@dataclass
class Vocabulary:
    """Entries of one registry file, found by slug, name, alias or any case of them."""

    kind: str
    shown_path: str
    entries: dict[str, Entry] = field(default_factory=dict)
    by_key: dict[str, Entry] = field(default_factory=dict)

    def find(self, spelling: str) -> Entry | None:
        """Return the entry ``spelling`` names, or None."""
        return self.by_key.get(lookup_key(spelling))

    def suggestion(self, spelling: str) -> str | None:
        """Return the closest entry's name, for a "did you mean" hint."""
        close = difflib.get_close_matches(lookup_key(spelling), self.by_key, n=1, cutoff=0.6)
        return self.by_key[close[0]].name if close else None

    def unknown_name(self, spelling: str, suggestion: str | None) -> tuple[str, str]:
        """Return what is wrong with an unknown ``spelling``, and its fix, as every check says."""
        hint = f"did you mean {suggestion!r}? If not, " if suggestion else ""
        return (
            f"{spelling!r} is not in the {self.kind} registry",
            f"{hint}add it to {self.shown_path}",
        )

    def resolve(self, spellings: list[str]) -> tuple[list[Entry], list[tuple[str, str | None]]]:
        """Return the entries named, each once, and unknown spellings with the closest name."""
        entries: list[Entry] = []
        unknown: list[tuple[str, str | None]] = []
        for spelling in spellings:
            entry = self.find(spelling)
            if entry is None:
                unknown.append((spelling, self.suggestion(spelling)))
            elif entry not in entries:
                entries.append(entry)
        return entries, unknown


@dataclass
class Registry:
    """The vocabularies, and what was wrong with their files."""

    spokespeople: Vocabulary
    tags: Vocabulary
    stories: Vocabulary
    problems: list[Problem] = field(default_factory=list)


# kind: (file name, the field that names an entry, its other allowed fields)
FILES = {
    "spokesperson": ("spokespeople.toml", "name", ("role", "organisation")),
    "tag": ("tags.toml", "label", ("description",)),
    "story": ("stories.toml", "title", ("description",)),
}
# An archive without story threads needs no stories file; every briefing names spokespeople.
OPTIONAL = {"story"}


def registry_files(folder: Path) -> list[Path]:
    """Return the path of every registry file in ``folder``, present or not."""
    return [folder / file_name for file_name, _, _ in FILES.values()]


def load_registry(folder: Path, shown_folder: str, languages: tuple[str, ...] = ()) -> Registry:
    """Read the registry files in ``folder``; their mistakes become problems.

    ``languages`` are the codes an entry may have a table for, as in ``[security.hi]``.
    """
    problems: list[Problem] = []
    vocabularies = [
        _load_vocabulary(kind, folder, shown_folder, problems, languages) for kind in FILES
    ]
    return Registry(*vocabularies, problems=problems)


def _load_vocabulary(
    kind: str, folder: Path, shown_folder: str, problems: list, languages: tuple[str, ...] = ()
) -> Vocabulary:
    file_name, name_field, detail_fields = FILES[kind]
    path = folder / file_name
    shown = f"{shown_folder}/{file_name}"
    vocabulary = Vocabulary(kind, shown)

    def problem(line: int, where: str, message: str, fix: str) -> None:
        problems.append(Problem(shown, line, where, message, fix))

    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        if kind in OPTIONAL:
            return vocabulary
        problem(
            1,
            "file",
            "the registry file is missing",
            f"create it with one [slug] table per {kind}, as docs/registries.md shows",
        )
        return vocabulary
    except UnicodeDecodeError as error:
        line, message, fix = not_utf8(raw, error)
        problem(line, "file", message, fix)
        return vocabulary
    except tomllib.TOMLDecodeError as error:
        found = TOML_LINE.search(str(error))
        problem(int(found[1]) if found else 1, "file", f"is not valid TOML ({error})", "fix it")
        return vocabulary
    lines = text.splitlines()
    for slug, table in data.items():
        line = next((n for n, t in enumerate(lines, 1) if t.strip() == f"[{slug}]"), 1)
        if not SLUG.match(slug) or not isinstance(table, dict):
            problem(
                line,
                slug,
                "is not a valid entry",
                "start each entry with [its-slug]: lower-case letters, digits and hyphens",
            )
            continue
        name = table.get(name_field)
        aliases = table.get("aliases", [])
        in_languages = {key: value for key, value in table.items() if isinstance(value, dict)}
        translations = _translations(
            slug, in_languages, (name_field, detail_fields), languages, lines, problem
        )
        unknown = set(table) - {name_field, "aliases", *detail_fields, *in_languages}
        if not isinstance(name, str) or not name.strip():
            problem(line, slug, f"has no {name_field}", f'add {name_field} = "..." under [{slug}]')
            continue
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problem(line, slug, "aliases must be a list of text", 'write aliases = ["...", "..."]')
            continue
        # Such a spelling has nothing to look up by ("<<>>" and "--" both become ""), and
        # readers would see a page named by punctuation.
        if not has_letter_or_digit(name):
            fix = f"write the {name_field} readers should see, in words"
            problem(line, slug, f"its {name_field} {name!r} has no letter or digit", fix)
            continue
        if symbols := [alias for alias in aliases if not has_letter_or_digit(alias)]:
            fix = "remove it, or write the spelling editors use, in words"
            problem(line, slug, f"the alias {symbols[0]!r} has no letter or digit", fix)
            continue
        if unknown:
            allowed = ", ".join((name_field, *detail_fields, "aliases"))
            problem(line, slug, f"unknown field(s) {', '.join(sorted(unknown))}", f"use {allowed}")
        details = {key: str(table[key]) for key in detail_fields if key in table}
        entry = Entry(slug, name.strip(), tuple(aliases), details, translations)
        vocabulary.entries[slug] = entry
        # A label in another language is a spelling editors may use too (`Tags: सुरक्षा`).
        other_names = {names["name"] for names in translations.values()}
        for spelling in {slug, entry.name, *entry.aliases, *other_names}:
            key = lookup_key(spelling)
            other = vocabulary.by_key.setdefault(key, entry)
            if other is not entry:
                problem(
                    line,
                    slug,
                    f"{spelling!r} also names [{other.slug}]",
                    "remove it from one of the two entries",
                )
    return vocabulary


def _translations(
    slug: str,
    tables: dict[str, dict],
    fields: tuple[str, tuple[str, ...]],
    languages: tuple[str, ...],
    lines: list[str],
    problem: Callable[[int, str, str, str], None],
) -> dict[str, dict[str, str]]:
    """Return an entry's [slug.<lang>] tables as {lang: {"name": ..., detail: ...}}."""
    name_field, detail_fields = fields
    translations: dict[str, dict[str, str]] = {}
    for lang, table in tables.items():
        where = f"{slug}.{lang}"
        line = next((n for n, t in enumerate(lines, 1) if t.strip() == f"[{where}]"), 1)
        if lang not in languages:
            known = ", ".join(languages) or "none but the default"
            problem(
                line,
                where,
                f"{lang!r} is not one of the site's other languages ({known})",
                "use a code from LANGUAGES in pelicanconf.py, or add the language there",
            )
            continue
        name = table.get(name_field)
        if not isinstance(name, str) or not has_letter_or_digit(name):
            fix = f'add {name_field} = "..." under [{where}]'
            problem(line, where, f"has no {name_field}", fix)
            continue
        unknown = set(table) - {name_field, *detail_fields}
        if unknown:
            allowed = ", ".join((name_field, *detail_fields))
            problem(line, where, f"unknown field(s) {', '.join(sorted(unknown))}", f"use {allowed}")
        translations[lang] = {"name": name.strip()} | {
            key: str(table[key]) for key in detail_fields if key in table
        }
    return translations
