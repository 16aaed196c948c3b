"""Write briefing pages only when their inputs changed; hard-link the others from the last build."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from pelican.paginator import Paginator
from pelican.plugins import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

logger = logging.getLogger(__name__)

MANIFEST = "incremental-pages.json"
# The writer of each output folder being built: Pelican keeps no reference to it.
_writers: dict[str, IncrementalWriter] = {}


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
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def listing_key(
    name: str,
    template_name: str,
    kwargs: dict[str, Any],
    context: dict[str, Any],
    page: Any,
    paginator: Any,
    settings: dict[str, Any],
    memo: dict[str, str],
) -> str:
    """Return a hash of everything one page of a listing shows."""
    # A listing page shows its briefings' cards (made from their files), its place in the
    # pagination, the total count, and what it lists (a tag, spokesperson or period, whose
    # names come from the registry and are in the site digest).
    subject = [
        str(kwargs.get(field) or context.get(field) or "")
        for field in ("tag", "author", "category", "period")
    ]
    parts = [settings.get("INCREMENTAL_DIGEST", ""), name, template_name, page.save_as, *subject]
    parts += [str(page.number), str(paginator.num_pages), str(paginator.count)]
    parts += [str(len(kwargs.get("dates", ()))), str(len(kwargs.get("articles", ())))]
    parts += [_source_hash(briefing, memo, settings) for briefing in page.object_list]
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


class IncrementalWriter(Writer):
    """Pelican's writer, which reuses unchanged briefing pages and never writes into a link."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.previous = Path(settings.get("INCREMENTAL_PREVIOUS_OUTPUT") or "")
        self.manifest = load_manifest(settings)
        self.pages: dict[str, str] = {}
        self.reused = 0
        self._hashes: dict[str, str] = {}
        _writers[str(output_path)] = self

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        # A reused page is a hard link to the live site's file: writing into it would change
        # the live site before the swap, so a file with other links is replaced, not opened.
        path = Path(filename)
        if filename not in self._overridden_files and path.is_file() and path.stat().st_nlink > 1:
            path.unlink()
        return super()._open_w(filename, encoding, override)

    def _reuse(self, name: str, key: str) -> bool:
        entry = self.manifest.get(name)
        if not entry or entry[0] != key:
            return False
        old = self.previous / name
        try:
            if _file_id(old) != entry[1]:
                return False  # Changed since that build: render it again.
            new = Path(self.output_path) / name
            new.parent.mkdir(parents=True, exist_ok=True)
            os.link(old, new)
        except OSError:
            return False
        self._written_files.add(str(new))
        return True

    def write_file(
        self, name: str, template: Any, context: dict[str, Any], *args: Any, **kwargs: Any
    ) -> None:
        """Render and write a page, or link a page whose inputs are unchanged."""
        if name and self._paginated(kwargs) is not None:
            return self._write_listing(name, template, context, *args, **kwargs)
        briefing = kwargs.get("article")
        if briefing is None or not name:
            return super().write_file(name, template, context, *args, **kwargs)
        key = page_key(briefing, self.settings, self._hashes)
        self.pages[name] = key
        if self._reuse(name, key):
            self.reused += 1
            return None
        return super().write_file(name, template, context, *args, **kwargs)

    def _paginated(self, kwargs: dict[str, Any]) -> dict[str, Any] | None:
        if kwargs.get("template_name") not in self.settings["PAGINATED_TEMPLATES"]:
            return None
        paginated = kwargs.get("paginated")
        if paginated is None:
            paginated = {key: kwargs[key] for key in ("articles", "dates") if key in kwargs}
        return paginated or None

    def _write_listing(
        self,
        name: str,
        template: Any,
        context: dict[str, Any],
        relative_urls: bool = False,
        paginated: dict[str, Any] | None = None,
        template_name: str | None = None,
        override_output: bool = False,
        url: str | None = None,
        **kwargs: Any,
    ) -> None:
        # Pelican's own pagination (pelican/writers.py, Writer.write_file), one page at a
        # time, so each page can be linked from the last build when its key is unchanged.
        kwargs_all = {**kwargs, "template_name": template_name}
        paginated = self._paginated({**kwargs_all, "paginated": paginated})
        per_page = (
            self.settings["PAGINATED_TEMPLATES"][template_name]
            or self.settings["DEFAULT_PAGINATION"]
        )
        paginators = {
            key: Paginator(name, url, value, self.settings, per_page)
            for key, value in paginated.items()
        }
        first = next(iter(paginators.values()))
        for number in range(first.num_pages):
            page_kwargs = kwargs.copy()
            for key, paginator in paginators.items():
                page = paginator.page(number + 1)
                page_kwargs.update(
                    {
                        f"{key}_paginator": paginator,
                        f"{key}_page": page,
                        f"{key}_previous_page": paginator.page(number) if number > 0 else None,
                        f"{key}_next_page": paginator.page(number + 2)
                        if number + 1 < paginator.num_pages
                        else None,
                    }
                )
            listed = page_kwargs.get("articles_page", page)
            key = listing_key(
                name, template_name, kwargs_all, context, listed, first, self.settings, self._hashes
            )
            self.pages[page.save_as] = key
            if self._reuse(page.save_as, key):
                self.reused += 1
                continue
            self._render(
                template, context, page.save_as, page_kwargs, relative_urls, override_output
            )

    def _render(
        self,
        template: Any,
        context: dict[str, Any],
        name: str,
        kwargs: dict[str, Any],
        relative_urls: bool,
        override: bool,
    ) -> None:
        # As Pelican's _get_localcontext and _write_file do for one page.
        localcontext = context.copy()
        localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
        if relative_urls:
            relative_url = path_to_url(get_relative_path(name))
            localcontext["SITEURL"] = relative_url
            localcontext["localsiteurl"] = relative_url
        localcontext["output_file"] = name
        localcontext.update(kwargs)
        if localcontext["localsiteurl"]:
            context["localsiteurl"] = localcontext["localsiteurl"]
        output = template.render(localcontext)
        path = sanitised_join(self.output_path, name)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        with self._open_w(path, "utf-8", override=override) as handle:
            handle.write(output)
        logger.info('Writing "%s"', path)
        signals.content_written.send(path, context=localcontext)


def use_incremental_writer(pelican: Any) -> type[Writer] | None:
    """Offer Pelican the incremental writer, unless INCREMENTAL_WRITER is off."""
    # Pelican ignores a receiver that answers None.
    return IncrementalWriter if pelican.settings["INCREMENTAL_WRITER"] else None


def save_manifest(pelican: Any) -> None:
    """Record each briefing page's key and file, for the next build to reuse."""
    settings = pelican.settings
    if not settings["INCREMENTAL_WRITER"]:
        return  # Another writer wrote (or not) this run: the last build's record stands.
    writer = _writers.pop(str(pelican.output_path), None)
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
