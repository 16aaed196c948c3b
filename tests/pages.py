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
}

# The only pages that may load a script: the search page's (issue 5) needs one.
SCRIPT_PAGES = {"search/index.html"}
