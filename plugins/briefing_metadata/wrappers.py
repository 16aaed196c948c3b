"""Tags and spokespeople as Pelican's Tag and Author, named in the language of a page."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from pelican.urlwrappers import Author, Tag, URLWrapper

from contract.languages import default_language, language_prefix

from .registry import Entry


class _InLanguage:
    """A tag or spokesperson on pages of another language: its name there, its page under it.

    Equal to (and hashed as) the default-language wrapper of the same slug, so Pelican
    groups briefings of every language under one tag. ``canonical`` is that wrapper.
    """

    kind = ""  # "TAG" or "AUTHOR", as Pelican's settings name the addresses.
    lang = ""
    canonical: Any = None

    def _address(self, key: str, page_name: bool = False) -> str:
        pattern = str(self.settings[f"{self.kind}_{key}"])
        if page_name:
            pattern = pattern.removesuffix(PurePosixPath(pattern).suffix)
        return language_prefix(self.lang, self.settings) + pattern.format(**self.as_dict())

    url = property(lambda self: self._address("URL"))
    save_as = property(lambda self: self._address("SAVE_AS"))
    page_name = property(lambda self: self._address("URL", page_name=True))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, URLWrapper) and self.slug == other.slug

    def __hash__(self) -> int:
        return hash(self.slug)


class TagIn(_InLanguage, Tag):
    """A tag in a language other than the default."""

    kind = "TAG"


class AuthorIn(_InLanguage, Author):
    """A spokesperson in a language other than the default."""

    kind = "AUTHOR"


def tag_in(entry: Entry, lang: str, settings: dict[str, Any]) -> Tag:
    """Return a registry tag as Pelican's Tag, labelled in ``lang``."""
    tag = Tag(entry.name, settings)
    tag.slug = entry.slug
    tag.description = entry.details.get("description", "")
    if lang == default_language(settings):
        return tag
    localised = TagIn(entry.name_in(lang), settings)
    localised.slug, localised.lang, localised.canonical = entry.slug, lang, tag
    localised.description = entry.details_in(lang).get("description", "")
    return localised


def spokesperson_in(entry: Entry, lang: str, settings: dict[str, Any]) -> Author:
    """Return a registry spokesperson as Pelican's Author, named in ``lang``."""
    author = Author(entry.name, settings)
    author.slug = entry.slug
    author.role = entry.details.get("role", "")
    author.organisation = entry.details.get("organisation", "")
    if lang == default_language(settings):
        return author
    details = entry.details_in(lang)
    localised = AuthorIn(entry.name_in(lang), settings)
    localised.slug, localised.lang, localised.canonical = entry.slug, lang, author
    localised.role = details.get("role", "")
    localised.organisation = details.get("organisation", "")
    return localised


def canonical(wrapper: Any) -> Any:
    """Return the default-language wrapper of a tag or spokesperson."""
    return getattr(wrapper, "canonical", None) or wrapper
