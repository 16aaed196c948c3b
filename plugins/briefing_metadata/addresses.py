"""Every page the site writes has one owner and stays inside the output folder."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .problems import Problem, display_path, report


def _inside_output(save_as: str, settings: dict[str, Any]) -> bool:
    # Checked before anything is written into the (new, empty) output folder, so no link
    # inside it can lead out: the address alone decides, without asking the disk.
    normal = os.path.normpath(save_as)
    return not Path(normal).is_absolute() and normal != os.pardir and not normal.startswith("../")


def _address_problem(content: Any, message: str, fix: str) -> Problem:
    """Blame the header line that decides the address: Slug or Save_as, else Date."""
    lines = getattr(content, "source_lines", {})
    field = next((key for key in ("save_as", "url", "slug", "date") if key in lines), "file")
    return Problem(
        display_path(content.source_path, content.settings),
        lines.get(field, 1),
        field.capitalize(),
        message,
        fix,
    )


def _claims(contents: Iterable[Any]) -> dict[str, list[Any]]:
    claimed: dict[str, list[Any]] = defaultdict(list)
    for content in contents:
        if content.save_as:
            claimed[os.path.normpath(content.save_as)].append(content)
    return claimed


def _rejected(
    contents: list[Any], taken: dict[str, str], settings: dict[str, Any]
) -> tuple[set[int], list[Problem]]:
    """Find contents that write outside the output or to an address another page owns."""
    problems: list[Problem] = []
    rejected: set[int] = set()
    for save_as, owners in _claims(contents).items():
        for content in owners:
            others = [display_path(o.source_path, settings) for o in owners if o is not content]
            if not _inside_output(save_as, settings):
                message = f"would be written to {save_as}, outside the output folder"
                fix = "remove the .. or / from Slug or Save_as"
            elif others:
                message = f"its address {content.url or save_as} is also claimed by {others[0]}"
                fix = "rename one of the files, or give one of them another Slug"
            elif save_as in taken:
                message = f"its address {content.url or save_as} is already {taken[save_as]}"
                fix = "choose another Slug or Save_as"
            else:
                continue
            rejected.add(id(content))
            problems.append(_address_problem(content, message, fix))
    return rejected, problems


def _drop(lists: Iterable[list[Any]], rejected: set[int]) -> None:
    for contents in lists:
        contents[:] = [content for content in contents if id(content) not in rejected]


def check_briefing_addresses(generator: Any) -> None:
    """Before Pelican groups briefings by tag and date, drop any whose address is not its own."""
    # Translations (ARTICLE_TRANSLATION_ID) are briefings too, at addresses of their own.
    lists = [
        *(generator.articles, generator.drafts, generator.hidden_articles),
        *(generator.translations, generator.drafts_translations, generator.hidden_translations),
    ]
    rejected, problems = _rejected([c for group in lists for c in group], {}, generator.settings)
    report(problems, generator.settings)
    _drop(lists, rejected)
    # Pelican works an address out from the settings on every use, some ten times per
    # briefing and build; settled here, it is fixed with Pelican's own override fields.
    for briefing in (c for group in lists for c in group):
        briefing.override_url = briefing.url
        briefing.override_save_as = briefing.save_as


def _generated_pages(context: dict[str, Any], settings: dict[str, Any]) -> dict[str, str]:
    """Return the addresses already given to briefings, tags, spokespeople and index pages."""
    taken: dict[str, str] = {}
    for name in settings["DIRECT_TEMPLATES"]:
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        if save_as:
            taken[os.path.normpath(save_as)] = f"the {name} page"
    # The threads plugin's stories index (its other pages live below tags/ and stories/<slug>/).
    if settings.get("THREADS_STORIES") and (stories := settings.get("THREADS_STORIES_URL")):
        taken[os.path.normpath(stories + "index.html")] = "the stories index"
    for key, kind in (("tags", "tag"), ("authors", "spokesperson")):
        for wrapper, _ in context.get(key, []):
            if wrapper.save_as:
                taken[os.path.normpath(wrapper.save_as)] = f"the page of {kind} {wrapper.name!r}"
    for key in ("articles", "drafts", "hidden_articles"):
        for article in context.get(key, []):
            for translation in getattr(article, "translations", []):
                taken[os.path.normpath(translation.save_as)] = f"the briefing {translation.title!r}"
            taken[os.path.normpath(article.save_as)] = f"the briefing {article.title!r}"
    return taken


def check_page_addresses(generator: Any) -> None:
    """Drop pages that would overwrite a briefing, tag, spokesperson or index page, or another."""
    lists = [generator.pages, generator.hidden_pages, generator.draft_pages]
    taken = _generated_pages(generator.context, generator.settings)
    contents = [c for group in lists for c in group]
    rejected, problems = _rejected(contents, taken, generator.settings)
    report(problems, generator.settings)
    _drop(lists, rejected)


__all__ = ["check_briefing_addresses", "check_page_addresses"]
