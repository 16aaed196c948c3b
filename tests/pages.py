"""The sample site's page types, one address each, shared by every test that opens them all."""

BRIEFING = "/briefings/2026/02/india-canada-liaison-officers/"

# Every kind of page a reader can land on, by name (the name is the test id).
PAGE_TYPES = {
    "home": "/",
    "briefing": BRIEFING,
    "tags": "/tags/",
    "tag": "/tags/fentanyl/",
    "tag-questions": "/tags/fentanyl/questions/",
    "spokespeople": "/spokespeople/",
    "spokesperson": "/spokespeople/randhir-jaiswal/",
    "spokesperson-answers": "/spokespeople/randhir-jaiswal/answers/",
    "archives": "/archives/",
    "year": "/archives/2026/",
    "search": "/search/?q=fentanyl",
    "stories": "/stories/",
    "story": "/stories/cross-border-crime-cooperation/",
    "timeline": "/tags/fentanyl/timeline/",
    "timeline-year": "/tags/fentanyl/timeline/2025/",
    "tag-year": "/tags/fentanyl/years/2026/",
    "tag-spokesperson": "/tags/fentanyl/spokespeople/randhir-jaiswal/",
    "not-found": "/no/such/page/",
    "corrections": "/corrections/",
    "withdrawn": "/withdrawn/",
    "withdrawn-briefing": "/briefings/2025/11/offshore-wind-licensing/",
    # The same pages in Hindi (languages plugin).
    "home-hi": "/hi/",
    "briefing-hi": "/hi" + BRIEFING,
    "tag-hi": "/hi/tags/fentanyl/",
    "search-hi": "/hi/search/?q=फ़ेंटानिल",
    "archives-hi": "/hi/archives/",
    "year-hi": "/hi/archives/2026/",
    "month-hi": "/hi/archives/2026/02/",
    "stories-hi": "/hi/stories/",
    "story-hi": "/hi/stories/cross-border-crime-cooperation/",
    "timeline-hi": "/hi/tags/fentanyl/timeline/",
    "timeline-year-hi": "/hi/tags/consular-affairs/timeline/2025/",
    "tag-year-hi": "/hi/tags/fentanyl/years/2026/",
    "tag-spokesperson-hi": "/hi/tags/fentanyl/spokespeople/randhir-jaiswal/",
    "tag-questions-hi": "/hi/tags/fentanyl/questions/",
    "spokesperson-answers-hi": "/hi/spokespeople/randhir-jaiswal/answers/",
    "corrections-hi": "/hi/corrections/",
    "accessibility": "/accessibility/",
}

# A moved briefing's old address leaves itself at once (meta refresh), so the browser audits
# above would judge the page it leads to: tests/test_permanent_addresses.py runs axe on it
# held in place, and the Nu checker reads every page of the site, this one included.
REDIRECT = "/briefings/2025/03/ransomware-reporting-guidance/"

# The only scripts a page may load, each the site's own file: the search page's, and on
# briefing pages the comment form's. Every other page runs no JavaScript.
SCRIPT_PAGES = {"search/index.html": "/theme/js/search.js", "briefings/": "/theme/js/comments.js"}


def allowed_script(page: str) -> str | None:
    """Return the one script file ``page`` (a path in the output) may load, if any."""
    # The same in every language: hi/search/index.html is a search page.
    page = page.removeprefix("hi/")
    return next((src for prefix, src in SCRIPT_PAGES.items() if page.startswith(prefix)), None)
