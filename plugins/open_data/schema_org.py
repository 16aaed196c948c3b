"""Describe briefings, tags and spokespeople as schema.org JSON-LD for search engines."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup

from contract.addresses import public_siteurl
from contract.policy import add_sources

from .records import absolute_url, plain_text, record_of

CONTEXT = "https://schema.org"


def person(spokesperson: Any, settings: dict[str, Any]) -> dict[str, Any]:
    """Return a spokesperson as a schema.org Person, with role and organisation when known."""
    data: dict[str, Any] = {
        "@type": "Person",
        "name": str(spokesperson),
        "url": absolute_url(settings, spokesperson.url),
        # The registry (content/registry/spokespeople.toml) may give a role; every one
        # of them speaks for an office, so "Spokesperson" is true when it does not.
        "jobTitle": getattr(spokesperson, "role", None) or "Spokesperson",
    }
    organisation = getattr(spokesperson, "organisation", None)
    if organisation:
        data["worksFor"] = {"@type": "Organization", "name": str(organisation)}
    return data


def publisher(settings: dict[str, Any]) -> dict[str, Any]:
    """Return the site's publisher as a schema.org Organization."""
    return {
        "@type": "Organization",
        "name": settings.get("OPEN_DATA_PUBLISHER") or settings["SITENAME"],
        "url": absolute_url(settings, ""),
    }


def news_article(briefing: Any, record: dict[str, Any], settings: dict[str, Any]) -> dict[str, Any]:
    """Return a briefing as a schema.org NewsArticle."""
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "@id": record["url"],
        "url": record["url"],
        "mainEntityOfPage": record["url"],
        "headline": record["title"],
        "datePublished": record["date"],
        "dateModified": record["modified"] or record["date"],
        "author": [person(spokesperson, settings) for spokesperson in briefing.authors],
        "publisher": publisher(settings),
        "keywords": record["tags"],
        "inLanguage": record["lang"],
        "isAccessibleForFree": True,
    }
    # A translation names its original, an original its translations (schema.org's pair).
    published = [t for t in getattr(briefing, "translations", []) if t.status == "published"]
    default = settings.get("DEFAULT_LANG", "en")
    if record["lang"] != default:
        original = next((t for t in published if t.lang == default), None)
        if original is not None:
            data["translationOfWork"] = {"@id": absolute_url(settings, original.url)}
    elif published:
        data["workTranslation"] = [
            {"@id": absolute_url(settings, other.url), "inLanguage": other.lang}
            for other in published
        ]
    if record["summary"]:
        data["description"] = record["summary"]
    if record["key_points"]:
        # schema.org has no "key points"; an abstract is "a short description that
        # summarizes a CreativeWork", and several values are several abstracts.
        data["abstract"] = record["key_points"]
    if record["location"]:
        data["dateline"] = record["location"]
    # Parts other plugins describe, such as the transcript's questions and answers.
    parts = getattr(briefing, "schema_org_parts", None)
    if parts:
        data["hasPart"] = parts
    if record["source_url"]:
        data["isBasedOn"] = record["source_url"]
    # The record's corrections, so the JSON-LD and the open data say the same.
    corrections = [
        correction_comment(change) for change in record["changes"] if change["kind"] == "correction"
    ]
    if corrections:
        data["correction"] = corrections
    return data


def correction_comment(change: dict[str, str]) -> dict[str, Any]:
    """Return a correction of a briefing's record as a schema.org CorrectionComment."""
    return {"@type": "CorrectionComment", "text": change["text"], "datePublished": change["date"]}


def breadcrumbs(trail: Sequence[tuple[str, str]], settings: dict[str, Any]) -> dict[str, Any]:
    """Return a BreadcrumbList of (name, path) pairs, from the home page down."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute_url(settings, path),
            }
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


def briefing_list(
    briefings: Sequence[Any], settings: dict[str, Any], start: int = 1
) -> dict[str, Any]:
    """Return briefings, newest first, as an ItemList numbered from ``start``."""
    newest = sorted(briefings, key=lambda briefing: briefing.date, reverse=True)
    return {
        "@type": "ItemList",
        "numberOfItems": len(newest),
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "url": absolute_url(settings, briefing.url),
                "name": plain_text(briefing.title),
            }
            for position, briefing in enumerate(newest, start=start)
        ],
    }


class StructuredData:
    """What templates call to get a page's JSON-LD, ready for ``|tojson``."""

    def __init__(self, settings: dict[str, Any], filters: dict[str, Callable[..., Any]]) -> None:
        self.settings = settings
        self.filters = filters

    def briefing(self, briefing: Any) -> dict[str, Any]:
        """Return a briefing page's NewsArticle."""
        # Key points as the page shows them, typeset when the typography plugin is on.
        typeset = self.filters.get("typographic", Markup.escape)
        record = record_of(briefing, self.settings, typeset)
        return news_article(briefing, record, self.settings)

    def briefing_page(self, briefing: Any) -> dict[str, Any]:
        """Return a briefing page's NewsArticle and its breadcrumb trail (browse plugin)."""
        article = self.briefing(briefing)
        trail = getattr(briefing, "breadcrumbs", None)
        if not trail:
            return article
        article.pop("@context")
        crumbs = breadcrumbs([(plain_text(name), path) for name, path in trail], self.settings)
        return {"@context": CONTEXT, "@graph": [article, crumbs]}

    def tag_page(self, tag: Any, briefings: Sequence[Any], start: int = 1) -> dict[str, Any]:
        """Return a tag page's CollectionPage and breadcrumb trail.

        ``briefings`` are the ones this page shows, ``start`` the position of the first: a
        list of the whole tag on each of its pages would grow with the square of its size.
        """
        url = absolute_url(self.settings, tag.url)
        page: dict[str, Any] = {
            "@type": "CollectionPage",
            "@id": url,
            "url": url,
            "name": f"Briefings tagged “{tag}”",
            "about": {"@type": "DefinedTerm", "name": str(tag)},
            "isPartOf": self.website(),
            "mainEntity": briefing_list(briefings, self.settings, start),
        }
        description = getattr(tag, "description", None)
        if description:
            page["description"] = str(description)
        trail = [(self.settings["SITENAME"], ""), ("Tags", "tags/"), (str(tag), tag.url)]
        return {"@context": CONTEXT, "@graph": [page, breadcrumbs(trail, self.settings)]}

    def spokesperson_page(self, spokesperson: Any) -> dict[str, Any]:
        """Return a spokesperson page's ProfilePage about a Person, and breadcrumb trail."""
        url = absolute_url(self.settings, spokesperson.url)
        page = {
            "@type": "ProfilePage",
            "@id": url,
            "url": url,
            "name": f"Briefings by {spokesperson}",
            "isPartOf": self.website(),
            "mainEntity": person(spokesperson, self.settings),
        }
        trail = [
            (self.settings["SITENAME"], ""),
            ("Spokespeople", "spokespeople/"),
            (str(spokesperson), spokesperson.url),
        ]
        return {"@context": CONTEXT, "@graph": [page, breadcrumbs(trail, self.settings)]}

    def website(self) -> dict[str, Any]:
        """Return the site as a schema.org WebSite."""
        return {
            "@type": "WebSite",
            "name": self.settings["SITENAME"],
            "url": absolute_url(self.settings, ""),
        }


def allow_json_ld(policy: str, json_ld: str | None) -> str:
    """Return a Content-Security-Policy whose script-src names the page's JSON-LD by hash."""
    # Browsers never run a data block, but HTML checkers (the Nu checker among them)
    # flag any inline <script> a policy does not name; its hash allows that text alone.
    if not json_ld:
        return policy
    digest = base64.b64encode(hashlib.sha256(str(json_ld).encode("utf-8")).digest()).decode()
    return add_sources(policy, "script-src", f"'sha256-{digest}'")


def add_structured_data(generator: Any) -> None:
    """Offer ``structured_data``, ``|allow_json_ld`` and ``public_siteurl`` to templates."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["structured_data"] = StructuredData(generator.settings, env.filters)
        env.filters["allow_json_ld"] = allow_json_ld
        # Canonical and Open Graph addresses are absolute, as the JSON-LD beside them is.
        env.globals["public_siteurl"] = public_siteurl(generator.settings)
