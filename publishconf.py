"""Settings for publishing: the local settings, plus only what the public site changes."""

import sys
from pathlib import Path

sys.path.append(str(Path(__file__).parent))

from pelicanconf import *  # noqa: F403

# The public address of the archive; change it to your own domain.
SITEURL = "https://briefings.example.org"
PUBLIC_SITEURL = SITEURL
RELATIVE_URLS = False
# Drafts and scheduled briefings are previewed locally, never published, not even by URL.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

# Where `python3 dev.py publish` deploys when not told on the command line: a folder (local or
# mounted), `user@host:path` (rsync over ssh), or a git repository's branch (GitHub Pages).
PUBLISH_TARGET = ""
PUBLISH_GIT_REPO = ""
PUBLISH_GIT_BRANCH = "gh-pages"
# Where readers' browsers send comments: the comment server behind its own domain
# (README: "Running the comment server"). Pages with a form allow this origin in their CSP.
COMMENTS_SERVER_URL = "https://comments.briefings.example.org"
# The public comment server accepts comments from the site's own pages only.
COMMENTS_ALLOW_LOCAL_ORIGINS = False
