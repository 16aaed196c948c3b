"""Pelican settings for the press-briefing archive: local preview and the base of publishing."""

SITENAME = "Press Briefing Archive"
SITE_DESCRIPTION = "Every press briefing with its key points, by tag, spokesperson and date."
# The local preview's address: feed entries need an absolute one (see `python3 dev.py serve`).
SITEURL = "http://127.0.0.1:8000"
# Pages still link relatively, so output/ works from any folder or sub-path.
RELATIVE_URLS = True
# Templates see SITEURL as a relative path; share links need this absolute copy.
PUBLIC_SITEURL = SITEURL

PATH = "content"
ARTICLE_PATHS = ["briefings"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
TIMEZONE = "Asia/Kolkata"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"
# Pelican's drafts and feeds expect a category; this archive browses by tag instead,
# so every briefing gets the same one and no category pages are written.
DEFAULT_METADATA = {"category": "Briefings"}
# A summary is plain text, like every field but the body; the typography plugin escapes it.
FORMATTED_FIELDS = []

THEME = "theme"
THEME_STATIC_PATHS = ["static"]
# Everything from a content file reaches the templates as text unless a plugin marked it safe.
# Interface text is marked with {% trans %} and _(); the languages plugin gives each page
# its language's catalog (theme/translations/<lang>/LC_MESSAGES/messages.po).
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "extensions": ["jinja2.ext.i18n"],
}
# Sent by every page (meta tag): the site's own files only, and no inline scripts or styles.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)

# Feature plugins, then the build machinery (speed only: the site is the same without it).
PLUGIN_PATHS = ["plugins", "plugins/speed"]
PLUGINS = [
    "identity",
    "briefing_metadata",
    "languages",
    "safe_html",
    "typography",
    "pull_quotes",
    "key_points",
    "transcripts",
    "related_briefings",
    "browse",
    "open_data",
    "threads",
    "search_index",
    "sitemap_xml",
    "robots_txt",
    "corrections",
    "permanent_addresses",
    "incremental",
    "parallel_reading",
    "template_cache",
]
# Files are compared by content, not modification time, for the content cache that the
# incremental plugin turns on (INCREMENTAL_CACHE) and keys by a fingerprint of the code,
# templates, settings and registry, so it never serves a briefing made by other code.
CHECK_MODIFIED_METHOD = "sha256"

# The languages the site publishes in (plugins/languages, docs/languages.md): English
# addresses have no prefix, Hindi ones start with /hi/.
LANGUAGES = {
    "en": {"name": "English", "locale": "en_IN", "direction": "ltr"},
    "hi": {"name": "हिन्दी", "locale": "hi_IN", "direction": "ltr"},
}
# A translation shares the original's file name, in its language's folder
# (briefings/hi/2026/x.md translates briefings/2026/x.md); the reader gives both the same
# translation_key, so two briefings never merge merely because they share a slug.
ARTICLE_TRANSLATION_ID = "translation_key"
PAGE_TRANSLATION_ID = "translation_key"
# A briefing dated in the future is scheduled: a draft until a build on or after its date.
WITH_FUTURE_DATES = False

# The file name is the slug, so fixing a headline never breaks a published URL.
SLUGIFY_SOURCE = "basename"
ARTICLE_URL = "briefings/{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
# A briefing in another language than DEFAULT_LANG: the same address under /<lang>/.
ARTICLE_LANG_URL = "{lang}/" + ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_LANG_URL + "index.html"
DRAFT_LANG_URL = "{lang}/" + DRAFT_URL
DRAFT_LANG_SAVE_AS = DRAFT_LANG_URL + "index.html"
PAGE_LANG_URL = "{lang}/" + PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_LANG_URL + "index.html"

TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_SAVE_AS = "tags/index.html"
# Spokespeople ride on Pelican's author pages and feeds.
AUTHOR_URL = "spokespeople/{slug}/"
AUTHOR_SAVE_AS = AUTHOR_URL + "index.html"
AUTHORS_SAVE_AS = "spokespeople/index.html"
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""

ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_URL = "archives/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_URL = "archives/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL + "index.html"

DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"index": None, "tag": None, "author": None, "period_archives": None}
# Directory-style page URLs cannot collide with a slug that ends in digits.
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/tags/{slug}.atom.xml"
AUTHOR_FEED_ATOM = "feeds/spokespeople/{slug}.atom.xml"
AUTHOR_FEED_RSS = None
CATEGORY_FEED_ATOM = None
# One feed per language (Pelican's): feeds/en.atom.xml, feeds/hi.atom.xml. FEED_ALL_ATOM
# has every briefing in every language.
TRANSLATION_FEED_ATOM = "feeds/{lang}.atom.xml"
FEED_MAX_ITEMS = 50

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
    },
    "output_format": "html5",
}
# Typography runs in the typography plugin, which escapes titles before it adds markup.
TYPOGRIFY = False

SHARE_LINKS = True


# Reader comments (plugins/comments/settings.py has the rest). `python3 dev.py comments.serve` runs
# the comment server here, so the preview's comment form works on a fresh clone.
PLUGINS += ["comments"]
COMMENTS_ENABLED = True
COMMENTS_SERVER_HOST = "127.0.0.1"
COMMENTS_SERVER_PORT = 8080
COMMENTS_SERVER_URL = f"http://{COMMENTS_SERVER_HOST}:{COMMENTS_SERVER_PORT}"
COMMENTS_DB_PATH = "comments.db"
# The preview may run on any port (`python3 dev.py serve --port`), so the local comment
# server accepts comments from every page on this computer; publishconf.py turns this off.
COMMENTS_ALLOW_LOCAL_ORIGINS = True
