"""A content file's language: the `Lang:` field, the language folder, and the translation key.

A translation shares its file name with the original, in a folder named by its language:
content/briefings/2026/x.md (English) and content/briefings/hi/2026/x.md (Hindi) are one
briefing in two languages. Their translation key is the path without the language folder.
"""

from __future__ import annotations

import difflib
from pathlib import Path, PurePosixPath
from typing import Any

from contract.languages import default_language, site_languages

from .source import Source


def _relative_parts(path: Path, settings: dict[str, Any]) -> tuple[str, ...]:
    try:
        relative = path.absolute().relative_to(Path(settings["PATH"]).absolute())
    except ValueError:
        return PurePosixPath(path.as_posix()).parts
    return PurePosixPath(relative.as_posix()).parts


def language_folder(path: Path, settings: dict[str, Any]) -> str | None:
    """Return the language a file's folder names (briefings/hi/… → "hi"), or None."""
    parts = _relative_parts(path, settings)
    others = set(site_languages(settings)) - {default_language(settings)}
    return parts[1] if len(parts) > 2 and parts[1] in others else None


def translation_key(path: Path, settings: dict[str, Any]) -> str:
    """Return what a file shares with its translations: its path without the language folder."""
    parts = list(_relative_parts(path, settings))
    if language_folder(path, settings):
        del parts[1]
    return "/".join(parts)


def check_language(source: Source, settings: dict[str, Any]) -> None:
    """Check `Lang:` against the site's languages and the folder the file is in."""
    languages = site_languages(settings)
    default = default_language(settings)
    field = source.fields.get("lang")
    value = field.value.strip() if field else None
    folder = language_folder(source.path, settings)
    if value is not None and value not in languages:
        close = difflib.get_close_matches(value.lower(), languages, n=1, cutoff=0.5)
        hint = f"did you mean {close[0]!r}? " if close else ""
        source.problem(
            "lang",
            f"{value!r} is not a language of this site",
            f"{hint}use one of {', '.join(languages)}, or add the language to LANGUAGES "
            "in pelicanconf.py (docs/writing.md)",
        )
        return
    if folder and value != folder:
        source.problem(
            "lang",
            f"the file is in the {folder}/ folder but says {value or default!r}"
            if value
            else f"is missing, and the file is in the {folder}/ folder",
            f"write `Lang: {folder}` in the header, or move the file out of {folder}/",
        )
    elif value and value != default and not folder:
        parts = _relative_parts(source.path, settings)
        where = "/".join((parts[0], value, *parts[1:])) if len(parts) > 1 else value
        source.problem(
            "lang",
            f"a briefing in {languages[value]['name']} must be in the {value}/ folder",
            f"move the file to content/{where}, under the file name of its "
            f"{languages[default]['name']} original if it has one",
        )
