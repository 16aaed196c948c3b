"""Atom and JSON feeds of stories, tags and tag facets: title, summary and key points."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from feedgenerator import Atom1Feed, get_tag_uri
from markupsafe import Markup, escape

from contract.addresses import public_siteurl
from contract.build import build_state

from .topics import step_points

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def entry_html(briefing: Any) -> str:
    """Return a feed entry's content: the summary and key points, escaped."""
    # Not the whole body: a reader following a topic scans the line; the link has the rest.
    # Thousands of these feeds would otherwise carry the archive many times over.
    parts = []
    if "summary" in briefing.metadata:
        parts.append(f"<p>{escape(plain(briefing.summary))}</p>")
    points = step_points(briefing)
    if points:
        parts.append("<ul>" + "".join(f"<li>{escape(point)}</li>" for point in points) + "</ul>")
    return "".join(parts)


def plain(value: Any) -> str:
    """Return a title or summary as plain text: typeset HTML becomes the text it shows."""
    text = value.striptags() if isinstance(value, Markup) else str(value)
    return text.replace("\xa0", " ")


def json_item(briefing: Any, siteurl: str) -> dict[str, Any]:
    """Return a briefing as a JSON Feed 1.1 item: title, summary, key points, link."""
    link = f"{siteurl}/{briefing.url}"
    item = {
        "id": link,
        "url": link,
        "title": plain(briefing.title),
        "content_html": entry_html(briefing),
        "date_published": briefing.date.isoformat(),
        "authors": [{"name": str(person)} for person in getattr(briefing, "authors", [])],
        "tags": [str(tag) for tag in getattr(briefing, "tags", [])],
    }
    if "summary" in briefing.metadata:
        item["summary"] = plain(briefing.summary)
    return item


# The build's note of each briefing's JSON Feed item, made once: a briefing is in the feeds
# of each of its stories, tags, tag-years and tag-spokespeople.
FEED_ITEMS = "threads.feed_items"


def feed_item(briefing: Any, settings: dict[str, Any]) -> dict[str, Any]:
    """Return a briefing's JSON Feed item (its content is the Atom entry's too), once a build."""
    made = build_state(settings).notes.setdefault(FEED_ITEMS, {})
    if briefing.source_path not in made:
        made[briefing.source_path] = json_item(briefing, public_siteurl(settings))
    return made[briefing.source_path]


def json_feed(
    json_file: str,
    page_url: str,
    title: str,
    description: str,
    briefings: list[Any],
    settings: dict[str, Any],
) -> dict[str, Any]:
    """Return a JSON Feed 1.1 document of ``briefings``, for the page at ``page_url``."""
    siteurl = public_siteurl(settings)
    return {
        "version": JSON_FEED_VERSION,
        "title": f"{settings['SITENAME']}: {title}",
        "home_page_url": f"{siteurl}/{page_url}",
        "feed_url": f"{siteurl}/{json_file}",
        "description": description,
        "language": settings.get("DEFAULT_LANG", "en"),
        "items": [feed_item(briefing, settings) for briefing in briefings],
    }


def write_feeds(
    output_path: str,
    files: tuple[str, str],
    page_url: str,
    title: str,
    description: str,
    briefings: list[Any],
    settings: dict[str, Any],
) -> None:
    """Write the newest ``briefings`` as an Atom feed and a JSON Feed."""
    siteurl = public_siteurl(settings)
    atom_file, json_file = files
    chosen = briefings[: settings["THREADS_FEED_MAX_ITEMS"]]
    atom = Atom1Feed(
        title=f"{settings['SITENAME']}: {title}",
        link=f"{siteurl}/{page_url}",
        description=description,
        language=settings.get("DEFAULT_LANG", "en"),
        feed_url=f"{siteurl}/{atom_file}",
    )
    for briefing in chosen:
        item = feed_item(briefing, settings)
        link = item["url"]
        modified = getattr(briefing, "modified", None)
        atom.add_item(
            title=item["title"],
            link=link,
            description=item.get("summary", ""),
            content=item["content_html"],
            unique_id=get_tag_uri(link, briefing.date),
            pubdate=briefing.date,
            updateddate=modified if modified and modified > briefing.date else None,
            author_name=", ".join(str(person) for person in getattr(briefing, "authors", [])),
            categories=[str(tag) for tag in getattr(briefing, "tags", [])],
        )
    document = json_feed(json_file, page_url, title, description, chosen, settings)
    write_file(output_path, atom_file, _atom_writer(atom))
    write_file(output_path, json_file, _json_writer(document))


def write_file(output_path: str, name: str, write: Any) -> None:
    """Write the file ``name`` of the output folder with ``write(file)``."""
    path = Path(output_path) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    # A file kept from the last build is a link to the live site's: never write into it.
    path.unlink(missing_ok=True)
    with path.open("w", encoding="utf-8") as file:
        write(file)


def write_json_feed(output_path: str, json_file: str, document: dict[str, Any]) -> None:
    """Write a JSON Feed document."""
    write_file(output_path, json_file, _json_writer(document))


def _atom_writer(feed: Atom1Feed) -> Any:
    return lambda file: feed.write(file, "utf-8")


def _json_writer(document: dict[str, Any]) -> Any:
    def write(file: Any) -> None:
        json.dump(document, file, ensure_ascii=False, indent=1)
        file.write("\n")

    return write
