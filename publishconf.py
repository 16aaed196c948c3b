"""Settings for publishing: the local settings, plus only what the public site changes."""

import sys
from pathlib import Path

sys.path.append(str(Path(__file__).parent))

from pelicanconf import *  # noqa: F403

# The public address of the archive; change it to your own domain.
SITEURL = "https://briefings.example.org"
PUBLIC_SITEURL = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
