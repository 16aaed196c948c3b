"""The sample site's page types, one address each, shared by every test that opens them all."""

BRIEFING = "/briefings/2026/02/india-canada-liaison-officers/"

# Every kind of page a reader can land on, by name (the name is the test id).
PAGE_TYPES = {
    "home": "/",
    "briefing": BRIEFING,
    "tags": "/tags/",
    "tag": "/tags/fentanyl/",
    "spokespeople": "/spokespeople/",
    "spokesperson": "/spokespeople/randhir-jaiswal/",
    "archives": "/archives/",
    "year": "/archives/2026/",
    "search": "/search/?q=fentanyl",
    "not-found": "/no/such/page/",
    "accessibility": "/accessibility/",
}

# The only scripts a page may load, each the site's own file: the search page's, and on
# briefing pages the comment form's. Every other page runs no JavaScript.
SCRIPT_PAGES = {"search/index.html": "/theme/js/search.js", "briefings/": "/theme/js/comments.js"}


def allowed_script(page: str) -> str | None:
    """Return the one script file ``page`` (a path in the output) may load, if any."""
    return next((src for prefix, src in SCRIPT_PAGES.items() if page.startswith(prefix)), None)
