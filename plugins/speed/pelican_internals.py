"""Every use of Pelican's private names, in one place, checked against the Pelican installed.

The build machinery reaches where Pelican offers no public hook: the content cache its reading
loop consults, the writer's bookkeeping of written files, how it paginates a listing, how it
groups briefings by period, and which generators it runs. Each such name is listed in
ASSUMPTIONS; importing this module checks them, so a Pelican upgrade that changes one fails
here, at start-up, saying which assumption broke and what relies on it.
"""

from __future__ import annotations

import inspect
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.cache import FileDataCacher, FileStampDataCacher
from pelican.generators import ArticlesGenerator
from pelican.paginator import Paginator
from pelican.plugins import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

logger = logging.getLogger(__name__)

# (owner, private name, what of ours relies on it). A name is an attribute of the class, or,
# for attributes set in __init__, a name its source assigns on `self`.
ASSUMPTIONS: tuple[tuple[type, str, str], ...] = (
    (FileDataCacher, "_cache", "the content cache (incremental) and parallel reading"),
    (FileStampDataCacher, "_get_file_stamp", "the content cache's stamps (incremental)"),
    (Writer, "_open_w", "the writer that never writes into a reused page (incremental)"),
    (Writer, "_written_files", "pages linked from the last build count as written"),
    (Writer, "_overridden_files", "pages written with override_output are not unlinked"),
    (ArticlesGenerator, "_build_period_archives", "period listings grouped in linear time"),
    (Pelican, "_get_generator_classes", "the linear articles generator replaces Pelican's"),
)


class PelicanChangedError(ImportError):
    """The installed Pelican lacks a private name the build machinery relies on."""


def _has(owner: type, name: str) -> bool:
    if hasattr(owner, name):
        return True
    # Instance attributes exist only once __init__ has run: look for the assignment.
    return f"self.{name} =" in inspect.getsource(owner.__init__)


def broken_assumptions() -> list[str]:
    """Return a sentence for each private name the installed Pelican no longer has."""
    return [
        f"Pelican's {owner.__name__}.{name} is gone; {relies} relies on it"
        for owner, name, relies in ASSUMPTIONS
        if not _has(owner, name)
    ]


def check_pelican() -> None:
    """Raise PelicanChangedError naming every broken assumption, if any."""
    broken = broken_assumptions()
    if broken:
        raise PelicanChangedError(
            "pelican_internals: this Pelican differs from the one the build machinery was "
            "written for: " + "; ".join(broken) + ". Update plugins/speed/pelican_internals.py "
            "(or turn off the plugins in plugins/speed/ by removing them from PLUGINS)."
        )


check_pelican()


# The content cache: source path -> (file stamp, content object), consulted by Pelican's
# reading loop before it reads a file (FileStampDataCacher.get_cached_data).
def content_cache(generator: Any) -> dict[str, tuple[Any, Any]]:
    """Return the cache Pelican's reading loop looks in before reading a file."""
    return generator._cache


def file_stamp(generator: Any, path: str) -> Any:
    """Return the stamp Pelican compares to decide whether a cached file is still current."""
    return generator._get_file_stamp(path)


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing about to be written, as Pelican's writer knows it."""

    # The listing's first page (Pelican's `name`), and the template and values it is given.
    name: str
    template_name: str
    kwargs: dict[str, Any]
    context: dict[str, Any]
    # This page of it (number, briefings, address), and the paginator it comes from.
    page: Any
    paginator: Paginator


class PageByPageWriter(Writer):
    """Pelican's writer, which writes a listing one page at a time and asks before each page.

    Subclasses override ``keep_listing_page`` (True: the page is already in place, skip it)
    and ``before_opening`` (called with every file Pelican is about to open for writing).
    """

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        self.before_opening(filename)
        return super()._open_w(filename, encoding, override)

    def before_opening(self, filename: str) -> None:
        """Prepare ``filename`` to be written; Pelican's writer does nothing here."""

    def written_with_override(self, filename: str) -> bool:
        """Return whether ``filename`` was written in this run with override_output."""
        return filename in self._overridden_files

    def count_as_written(self, path: str) -> None:
        """Have Pelican's writer treat ``path`` as written in this run (overwrite checks)."""
        self._written_files.add(path)

    def keep_listing_page(self, listing: ListingPage) -> bool:
        """Return True to skip writing this page of a listing; Pelican's writer never does."""
        return False

    def paginated_lists(self, kwargs: dict[str, Any]) -> dict[str, Any] | None:
        """Return the lists Pelican's writer would paginate for this call, or None."""
        if kwargs.get("template_name") not in self.settings["PAGINATED_TEMPLATES"]:
            return None
        paginated = kwargs.get("paginated")
        if paginated is None:
            paginated = {key: kwargs[key] for key in ("articles", "dates") if key in kwargs}
        return paginated or None

    def write_file(
        self, name: str, template: Any, context: dict[str, Any], *args: Any, **kwargs: Any
    ) -> None:
        """Write a page as Pelican does; a listing page by page (see keep_listing_page)."""
        if name and self.paginated_lists(kwargs) is not None:
            return self._write_listing(name, template, context, *args, **kwargs)
        return super().write_file(name, template, context, *args, **kwargs)

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
        # time, so each page can be skipped.
        kwargs_all = {**kwargs, "template_name": template_name}
        paginated = self.paginated_lists({**kwargs_all, "paginated": paginated})
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
            if self.keep_listing_page(
                ListingPage(name, template_name, kwargs_all, context, listed, first)
            ):
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


class MembershipList(list):
    """A list whose ``in`` is a set lookup: Pelican asks it once per briefing per listing."""

    def __init__(self, items: Any = ()) -> None:
        super().__init__(items)
        self._members = {id(item) for item in self}

    def __contains__(self, item: object) -> bool:
        return id(item) in self._members


class LinearArticlesGenerator(ArticlesGenerator):
    """Pelican's articles generator, without its scans of a list for every briefing.

    Pelican builds each tag's, spokesperson's and period's list with ``a in list`` for every
    briefing: N × (briefings in the listing), quadratic for a big tag. The lists here answer
    ``in`` from a set; what is listed, and in which order, is Pelican's own.
    """

    def generate_context(self) -> None:
        """Group the briefings as Pelican does, with lists that answer ``in`` at once."""
        super().generate_context()
        for tag in list(self.tags):
            self.tags[tag] = MembershipList(self.tags[tag])
        self.authors = [(author, MembershipList(items)) for author, items in self.authors]
        # Every briefing is in the one category: Pelican scans it once per briefing even
        # though no category page is written (50,000 briefings: half a minute).
        self.categories = [(category, MembershipList(items)) for category, items in self.categories]

    def _build_period_archives(
        self, sorted_articles: list[Any], articles: list[Any], settings: dict[str, Any]
    ) -> dict[str, list[dict[str, Any]]]:
        # Pelican fills each period's "articles" with `a in dates` for every briefing;
        # given no articles, it does the rest (addresses, names) and this fills them in.
        period_archives = super()._build_period_archives(sorted_articles, [], settings)
        # Each period's briefings in the order of ``articles``: sorting a period by position
        # costs its own size, where a scan of ``articles`` per period costs the archive's.
        position = {id(article): number for number, article in enumerate(articles)}
        for archives in period_archives.values():
            for archive in archives:
                listed = [article for article in archive["dates"] if id(article) in position]
                archive["articles"] = sorted(listed, key=lambda article: position[id(article)])
        return period_archives


def with_linear_grouping(classes: list[type]) -> list[type]:
    """Return Pelican's generator classes with the linear articles generator in its place."""
    return [
        LinearArticlesGenerator if generator is ArticlesGenerator else generator
        for generator in classes
    ]


class ArchivePelican(Pelican):
    """Pelican with the linear articles generator."""

    def _get_generator_classes(self) -> list[type]:
        return with_linear_grouping(super()._get_generator_classes())
