"""Write briefing pages only when their inputs changed; hard-link the others from the last build."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from pelican.writers import Writer

from contract.build import build_state
from pelican_internals import ListingPage, PageByPageWriter

logger = logging.getLogger(__name__)

MANIFEST = "incremental-pages.json"


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "-"


def _source_hash(content: Any, memo: dict[str, str], settings: dict[str, Any]) -> str:
    """Return a hash of a briefing's file and its comments file: all it is made from."""
    # Comments show on its page and, as a count, on its card in every listing.
    path = getattr(content, "source_path", None)
    if not path:
        return ""
    if path not in memo:
        comments = Path(settings["PATH"]) / settings.get("COMMENTS_PATH", "comments")
        slug = getattr(content, "slug", "")
        memo[path] = _file_hash(Path(path)) + _file_hash(comments / f"{slug}.json")
    return memo[path]


def page_key(briefing: Any, settings: dict[str, Any], memo: dict[str, str]) -> str:
    """Return a hash of everything a briefing's page shows: its files, its neighbours'."""
    # The page shows the briefing and its comments, its neighbours and related briefings
    # (all made from their files), and what the site digest covers (code, templates,
    # settings, registry). Status matters too: a draft's page says so.
    parts = [settings.get("INCREMENTAL_DIGEST", ""), briefing.status, briefing.save_as]
    parts.append(_source_hash(briefing, memo, settings))
    for other in (
        getattr(briefing, "newer_briefing", None),
        getattr(briefing, "older_briefing", None),
    ):
        parts.append(_source_hash(other, memo, settings) if other is not None else "-")
    related = getattr(briefing, "related_briefings", [])
    parts += [_source_hash(other, memo, settings) for other in related]
    # "Part 2 of 5 in <story>" with the steps either side (threads plugin): the place and
    # the count change when another briefing joins the story, the links when a step changes.
    for part in getattr(briefing, "story_parts", None) or []:
        parts += [part.story.slug, str(part.number), str(part.total)]
        parts += [
            _source_hash(other, memo, settings) if other is not None else "-"
            for other in (part.previous, part.next)
        ]
    # The language switcher and hreflang links name each translation's title and address.
    parts += [_source_hash(other, memo, settings) for other in briefing.translations]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


# Listings whose side column shows the browse plugin's topics or years (theme templates).
SIDE_COLUMN_TEMPLATES = ("tag", "period_archives")


def listing_key(listing: ListingPage, settings: dict[str, Any], memo: dict[str, str]) -> str:
    """Return a hash of everything one page of a listing shows."""
    # A listing page shows its briefings' cards (made from their files), its place in the
    # pagination, the total count, and what it lists (a tag, spokesperson or period, whose
    # names come from the registry and are in the site digest).
    kwargs, page, paginator = listing.kwargs, listing.page, listing.paginator
    subject = [
        str(kwargs.get(field) or listing.context.get(field) or "")
        for field in ("tag", "author", "category", "period")
    ]
    # A tag's or spokesperson's page also links to its facets, with counts (threads plugin).
    subject += [repr(getattr(kwargs.get(key), "topic_links", None)) for key in ("tag", "author")]
    digest = settings.get("INCREMENTAL_DIGEST", "")
    parts = [digest, listing.name, listing.template_name, page.save_as, *subject]
    parts += [str(page.number), str(paginator.num_pages), str(paginator.count)]
    parts += [str(len(kwargs.get("dates", ()))), str(len(kwargs.get("articles", ())))]
    parts += [_source_hash(briefing, memo, settings) for briefing in page.object_list]
    # Some listings also show what other briefings hold (a tag page, the latest questions on
    # the tag, and how many there are): a plugin names those, a count and things with a
    # source_path, under this note.
    inputs = build_state(settings).notes.get("incremental.listing_inputs", {})
    count, shown = inputs.get(listing.name, (0, ()))
    parts += ["+", str(count), *(_source_hash(other, memo, settings) for other in shown)]
    # The page's versions in other languages (the language switcher and hreflang links).
    versions = listing.context.get("language_versions") or {}
    address = page.save_as.removesuffix("index.html")
    parts.append(json.dumps(versions.get(address, ())))
    # The home page also lists every topic, spokesperson and year with counts and dates
    # (the browse plugin's front_page), which any briefing can change; the side column of
    # a tag or period page the leading topics and the years.
    front_page = listing.context.get("front_page")
    if listing.template_name == "index" and front_page is not None:
        parts.append(front_page.digest)
    elif listing.template_name in SIDE_COLUMN_TEMPLATES and front_page is not None:
        parts.append(front_page.side_digest)
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _manifest_path(settings: dict[str, Any]) -> Path:
    return Path(settings.get("INCREMENTAL_CACHE_ROOT", settings["CACHE_PATH"])) / MANIFEST


def _folder_id(folder: Path) -> list[int]:
    stat = folder.stat()
    return [stat.st_dev, stat.st_ino]


def _file_id(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_ino, stat.st_mtime_ns, stat.st_size]


def load_manifest(settings: dict[str, Any]) -> dict[str, Any]:
    """Return the pages of the last build's manifest, if it describes the live output folder."""
    previous = settings.get("INCREMENTAL_PREVIOUS_OUTPUT")
    if not previous or not Path(previous).is_dir():
        return {}
    try:
        manifest = json.loads(_manifest_path(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    # Written before the swap with the staging folder's identity: a build that was never
    # swapped in, or an output folder made some other way, does not match.
    if manifest.get("output") != _folder_id(Path(previous)):
        return {}
    return manifest.get("pages", {})


class IncrementalWriter(PageByPageWriter):
    """Pelican's writer, which reuses unchanged pages and never writes into a link."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.previous = Path(settings.get("INCREMENTAL_PREVIOUS_OUTPUT") or "")
        self.manifest = load_manifest(settings)
        self.pages: dict[str, str] = {}
        self.reused = 0
        self._hashes: dict[str, str] = {}
        self._folders: set[Path] = set()
        build_state(settings).notes["incremental.writer"] = self

    def before_opening(self, filename: str) -> None:
        """Remove a reused page's link before its file is written afresh."""
        # A reused page is a hard link to the live site's file: writing into it would change
        # the live site before the swap, so a file with other links is replaced, not opened.
        path = Path(filename)
        linked = path.is_file() and path.stat().st_nlink > 1
        if linked and not self.written_with_override(filename):
            path.unlink()

    def _reuse(self, name: str, key: str) -> bool:
        self.pages[name] = key
        entry = self.manifest.get(name)
        if not entry or entry[0] != key:
            return False
        old = self.previous / name
        try:
            if _file_id(old) != entry[1]:
                return False  # Changed since that build: render it again.
            new = Path(self.output_path) / name
            if new.parent not in self._folders:
                # Thousands of pages share a few hundred folders: make each once.
                new.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(new.parent)
            os.link(old, new)
        except OSError:
            return False
        self.count_as_written(str(new))
        self.reused += 1
        return True

    def write_file(
        self, name: str, template: Any, context: dict[str, Any], *args: Any, **kwargs: Any
    ) -> None:
        """Render and write a page, or link a briefing page whose inputs are unchanged."""
        briefing = kwargs.get("article")
        if briefing is None or not name:
            return super().write_file(name, template, context, *args, **kwargs)
        if self._reuse(name, page_key(briefing, self.settings, self._hashes)):
            return None
        return super().write_file(name, template, context, *args, **kwargs)

    def keep_page(self, name: str, briefings: Any, *details: str) -> bool:
        """Link a page or file made from ``briefings`` and ``details`` alone, if unchanged."""
        # For plugins' own pages and feeds (threads): the same key as a listing page's.
        parts = [self.settings.get("INCREMENTAL_DIGEST", ""), name, *details]
        parts += [_source_hash(briefing, self._hashes, self.settings) for briefing in briefings]
        # The page's versions in other languages (the languages plugin's note): the switcher
        # and hreflang links change when a version appears, with no briefing of its own.
        versions = build_state(self.settings).notes.get("language_versions") or {}
        parts.append(json.dumps(versions.get(name.removesuffix("index.html"), ())))
        return self._reuse(name, hashlib.sha256("\0".join(parts).encode()).hexdigest())

    def keep_listing_page(self, listing: ListingPage) -> bool:
        """Link a listing page whose briefings and place in the listing are unchanged."""
        key = listing_key(listing, self.settings, self._hashes)
        return self._reuse(listing.page.save_as, key)


def use_incremental_writer(pelican: Any) -> type[Writer] | None:
    """Offer Pelican the incremental writer, unless INCREMENTAL_WRITER is off."""
    # Pelican ignores a receiver that answers None.
    return IncrementalWriter if pelican.settings["INCREMENTAL_WRITER"] else None


def save_manifest(pelican: Any) -> None:
    """Record each briefing page's key and file, for the next build to reuse."""
    settings = pelican.settings
    if not settings["INCREMENTAL_WRITER"]:
        return  # Another writer wrote (or not) this run: the last build's record stands.
    writer = build_state(settings).notes.pop("incremental.writer", None)
    output = Path(pelican.output_path)
    pages = {}
    for name, key in writer.pages.items() if writer else []:
        path = output / name
        if path.is_file():
            pages[name] = [key, _file_id(path)]
    if writer:
        logger.info("incremental: reused %d of %d pages", writer.reused, len(writer.pages))
    target = _manifest_path(settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    partial.write_text(json.dumps({"output": _folder_id(output), "pages": pages}), encoding="utf-8")
    partial.replace(target)
