"""Write the question lists (per tag, per spokesperson), their feeds and questions.json/.csv."""

from __future__ import annotations

import csv
import json
import logging
from pathlib import Path
from typing import Any

from feedgenerator import Atom1Feed
from markupsafe import Markup, escape
from pelican.generators import Generator
from pelican.paginator import Paginator

from contract.languages import default_language, language_prefix
from languages.catalogs import translations_for
from open_data.records import absolute_url
from sitemap_xml.entries import SitemapEntry, add_language_versions, newest

from .attach import index_of, index_questions
from .records import FIELDS, QuestionEntry, csv_row, question_record
from .settings import LIST_TEMPLATE
from .translated import index_languages

logger = logging.getLogger(__name__)


def _address(url: str) -> str:
    return url.removesuffix("index.html")


class QuestionPagesGenerator(Generator):
    """A Pelican generator for every page and file made of the archive's questions."""

    def generate_context(self) -> None:
        """Index the questions and name the list pages in the sitemap."""
        # Runs after the briefings are read and grouped, before any page is written, so the
        # tag and spokesperson pages can show their latest questions.
        self.articles = self.context.get("articles", [])
        index_questions(self)
        # The same lists in each other language that has questions of its own.
        self.languages = index_languages(self)
        entries = self.context.setdefault("sitemap_entries", [])
        urls: dict[str, list[str]] = {"": []}
        for prefix, index in (("", index_of(self.settings)), *self._language_indexes()):
            for save_as, url, listed in self._lists(index, prefix):
                paginator = self._paginator(save_as, url, listed)
                for number in range(1, paginator.num_pages + 1):
                    page = paginator.page(number)
                    entries.append(SitemapEntry(_address(page.url), newest(page.object_list)))
                    urls.setdefault(prefix, []).append(_address(page.url))
        if len(urls) > 1:
            every = [url for found in urls.values() for url in found]
            add_language_versions(self.context, every, self.settings)

    def _language_indexes(self) -> list[tuple[str, Any]]:
        return [(questions.prefix, questions.index) for questions in self.languages]

    def _lists(self, index: Any, prefix: str = "") -> list[tuple[str, str, list[QuestionEntry]]]:
        lists = []
        for key, group in (("TAG", index.tags), ("SPOKESPERSON", index.speakers)):
            save_as = self.settings[f"TRANSCRIPTS_{key}_SAVE_AS"]
            url = self.settings[f"TRANSCRIPTS_{key}_URL"]
            if not save_as:
                continue
            for slug, (_, listed) in sorted(group.items()):
                lists.append(
                    (prefix + save_as.format(slug=slug), prefix + url.format(slug=slug), listed)
                )
        return lists

    def _paginator(self, save_as: str, url: str, listed: list) -> Paginator:
        per_page = self.settings["PAGINATED_TEMPLATES"][LIST_TEMPLATE]
        return Paginator(save_as, url, listed, self.settings, per_page)

    def generate_output(self, writer: Any) -> None:
        """Write the question lists, the tags' question feeds and the data files."""
        index = index_of(self.settings)
        self._write_lists(writer, index, self.context)
        self._write_feeds(index)
        for questions in self.languages:
            pages = self.context["languages_pages"][questions.lang]
            listings = {"tags": pages.tags, "authors": pages.authors}
            self._write_lists(writer, questions.index, listings, questions.lang)
            self._write_feeds(questions.index, questions.lang)
        self._write_data(index.entries)

    def _write_lists(
        self, writer: Any, index: Any, listings: dict[str, Any], lang: str = ""
    ) -> None:
        """Write the lists of ``index`` (in ``lang``, under its prefix, if given)."""
        settings = self.settings
        template = self.get_template(LIST_TEMPLATE)
        prefix = language_prefix(lang, settings)
        gettext = translations_for(lang or default_language(settings), settings).gettext
        subjects = (
            ("TAG", "tag", index.tags, "Questions on “%(name)s”"),
            ("SPOKESPERSON", "author", index.speakers, "Questions answered by %(name)s"),
        )
        for key, kind, group, title in subjects:
            save_as = settings[f"TRANSCRIPTS_{key}_SAVE_AS"]
            if not save_as:
                continue
            # The subjects with their own listing of briefings (in the language) to link to.
            shown = {subject.slug for subject, _ in listings.get(f"{kind}s", [])}
            for slug, (subject, listed) in sorted(group.items()):
                writer.write_file(
                    prefix + save_as.format(slug=slug),
                    template,
                    self.context,
                    relative_urls=settings["RELATIVE_URLS"],
                    paginated={"questions": listed},
                    template_name=LIST_TEMPLATE,
                    url=prefix + settings[f"TRANSCRIPTS_{key}_URL"].format(slug=slug),
                    list_title=gettext(title) % {"name": subject},
                    list_kind=kind,
                    subject_listing=slug in shown,
                    **({"page_lang": lang} if lang else {}),
                    **{kind: subject},
                )

    def _output_file(self, save_as: str) -> Path:
        path = Path(self.output_path) / save_as
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def _write_feeds(self, index: Any, lang: str = "") -> None:
        settings = self.settings
        pattern = settings["TRANSCRIPTS_TAG_FEED_ATOM"]
        if not pattern:
            return
        limit = settings.get("FEED_MAX_ITEMS") or None
        lang = lang or settings.get("DEFAULT_LANG", "en")
        prefix = language_prefix(lang, settings)
        gettext = translations_for(lang, settings).gettext
        for slug, (tag, listed) in sorted(index.tags.items()):
            page = prefix + settings["TRANSCRIPTS_TAG_URL"].format(slug=slug)
            description = gettext("Every question on %(tag)s asked at a briefing, newest first.")
            feed = Atom1Feed(
                title=f"{gettext(settings['SITENAME'])}: "
                + gettext("questions on %(tag)s") % {"tag": tag},
                link=absolute_url(settings, page),
                feed_url=absolute_url(settings, prefix + pattern.format(slug=slug)),
                description=description % {"tag": tag},
                language=lang,
            )
            for entry in listed[:limit]:
                record = question_record(entry.briefing, entry, settings)
                feed.add_item(
                    title=gettext("Question %(number)s: %(title)s")
                    % {"number": record["number"], "title": record["briefing_title"]},
                    link=record["url"],
                    unique_id=record["url"],
                    description=record["question"],
                    content=feed_content(record, gettext),
                    pubdate=entry.briefing.date,
                    author_name=record["asker"],
                    categories=record["tags"],
                )
            output = self._output_file(prefix + pattern.format(slug=slug))
            with output.open("w", encoding="utf-8") as file:
                feed.write(file, "utf-8")

    def _write_data(self, entries: list[QuestionEntry]) -> None:
        settings = self.settings
        records = [question_record(entry.briefing, entry, settings) for entry in entries]
        if save_as := settings["TRANSCRIPTS_JSON_SAVE_AS"]:
            document = {
                "title": f"{settings['SITENAME']}: questions and answers",
                "home_page_url": absolute_url(settings, ""),
                "questions": records,
            }
            with self._output_file(save_as).open("w", encoding="utf-8") as file:
                json.dump(document, file, ensure_ascii=False, indent=1)
                file.write("\n")
        if save_as := settings["TRANSCRIPTS_CSV_SAVE_AS"]:
            # newline="" lets the csv module write its own line ends, and quote line breaks.
            with self._output_file(save_as).open("w", encoding="utf-8", newline="") as file:
                table = csv.DictWriter(file, fieldnames=FIELDS)
                table.writeheader()
                table.writerows(csv_row(record) for record in records)
        logger.info("transcripts: %d questions written", len(records))


def feed_content(record: dict[str, Any], gettext: Any = str) -> str:
    """Return a question and its answer as escaped HTML paragraphs, for a feed entry.

    ``gettext`` translates the labels into the feed's language.
    """
    asker = ", ".join(filter(None, (record["asker"], record["outlet"])))
    label = escape(gettext("Question"))
    parts = [f"<p><strong>{label}{escape(f' ({asker})' if asker else '')}:</strong></p>"]
    parts += [f"<p>{escape(text)}</p>" for text in record["question"].split("\n\n")]
    speakers = ", ".join(record["answered_by"])
    parts.append(f"<p><strong>{escape(gettext('Answer'))} ({escape(speakers)}):</strong></p>")
    parts += [f"<p>{escape(text)}</p>" for text in record["answer"].split("\n\n")]
    return str(Markup("").join(Markup(part) for part in parts))


def add_question_pages(pelican: Any) -> type[QuestionPagesGenerator]:
    """Offer Pelican the generator of the question pages and files."""
    del pelican
    return QuestionPagesGenerator
