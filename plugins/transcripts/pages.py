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

from open_data.records import absolute_url
from sitemap_xml.entries import SitemapEntry, newest

from .attach import index_of, index_questions
from .records import FIELDS, QuestionEntry, csv_row, question_record
from .settings import LIST_TEMPLATE

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
        entries = self.context.setdefault("sitemap_entries", [])
        for save_as, url, listed in self._lists():
            paginator = self._paginator(save_as, url, listed)
            for number in range(1, paginator.num_pages + 1):
                page = paginator.page(number)
                entries.append(SitemapEntry(_address(page.url), newest(page.object_list)))

    def _lists(self) -> list[tuple[str, str, list[QuestionEntry]]]:
        index = index_of(self.settings)
        lists = []
        for key, group in (("TAG", index.tags), ("SPOKESPERSON", index.speakers)):
            save_as = self.settings[f"TRANSCRIPTS_{key}_SAVE_AS"]
            url = self.settings[f"TRANSCRIPTS_{key}_URL"]
            if not save_as:
                continue
            for slug, (_, listed) in sorted(group.items()):
                lists.append((save_as.format(slug=slug), url.format(slug=slug), listed))
        return lists

    def _paginator(self, save_as: str, url: str, listed: list) -> Paginator:
        per_page = self.settings["PAGINATED_TEMPLATES"][LIST_TEMPLATE]
        return Paginator(save_as, url, listed, self.settings, per_page)

    def generate_output(self, writer: Any) -> None:
        """Write the question lists, the tags' question feeds and the data files."""
        settings = self.settings
        index = index_of(settings)
        template = self.get_template(LIST_TEMPLATE)
        subjects = (
            ("TAG", "tag", index.tags, "Questions on “{}”"),
            ("SPOKESPERSON", "author", index.speakers, "Questions answered by {}"),
        )
        for key, kind, group, title in subjects:
            save_as = settings[f"TRANSCRIPTS_{key}_SAVE_AS"]
            if not save_as:
                continue
            listings = {subject.slug for subject, _ in self.context.get(f"{kind}s", [])}
            for slug, (subject, listed) in sorted(group.items()):
                writer.write_file(
                    save_as.format(slug=slug),
                    template,
                    self.context,
                    relative_urls=settings["RELATIVE_URLS"],
                    paginated={"questions": listed},
                    template_name=LIST_TEMPLATE,
                    url=settings[f"TRANSCRIPTS_{key}_URL"].format(slug=slug),
                    list_title=title.format(subject),
                    list_kind=kind,
                    # Whether the subject has its own listing of briefings to link to.
                    subject_listing=slug in listings,
                    **{kind: subject},
                )
        self._write_feeds(index)
        self._write_data(index.entries)

    def _output_file(self, save_as: str) -> Path:
        path = Path(self.output_path) / save_as
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def _write_feeds(self, index: Any) -> None:
        settings = self.settings
        pattern = settings["TRANSCRIPTS_TAG_FEED_ATOM"]
        if not pattern:
            return
        limit = settings.get("FEED_MAX_ITEMS") or None
        for slug, (tag, listed) in sorted(index.tags.items()):
            feed = Atom1Feed(
                title=f"{settings['SITENAME']}: questions on {tag}",
                link=absolute_url(settings, settings["TRANSCRIPTS_TAG_URL"].format(slug=slug)),
                feed_url=absolute_url(settings, pattern.format(slug=slug)),
                description=f"Every question on {tag} asked at a briefing, newest first.",
                language=settings.get("DEFAULT_LANG", "en"),
            )
            for entry in listed[:limit]:
                record = question_record(entry.briefing, entry, settings)
                feed.add_item(
                    title=f"Question {record['number']}: {record['briefing_title']}",
                    link=record["url"],
                    unique_id=record["url"],
                    description=record["question"],
                    content=feed_content(record),
                    pubdate=entry.briefing.date,
                    author_name=record["asker"],
                    categories=record["tags"],
                )
            with self._output_file(pattern.format(slug=slug)).open("w", encoding="utf-8") as file:
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


def feed_content(record: dict[str, Any]) -> str:
    """Return a question and its answer as escaped HTML paragraphs, for a feed entry."""
    asker = ", ".join(filter(None, (record["asker"], record["outlet"])))
    parts = [f"<p><strong>Question{escape(f' ({asker})' if asker else '')}:</strong></p>"]
    parts += [f"<p>{escape(text)}</p>" for text in record["question"].split("\n\n")]
    speakers = ", ".join(record["answered_by"])
    parts.append(f"<p><strong>Answer ({escape(speakers)}):</strong></p>")
    parts += [f"<p>{escape(text)}</p>" for text in record["answer"].split("\n\n")]
    return str(Markup("").join(Markup(part) for part in parts))


def add_question_pages(pelican: Any) -> type[QuestionPagesGenerator]:
    """Offer Pelican the generator of the question pages and files."""
    del pelican
    return QuestionPagesGenerator
