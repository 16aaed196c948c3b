"""The comment server for a WSGI server: `gunicorn archive.comment_server.wsgi:application`.

It reads publishconf.py, or the settings file named by ARCHIVE_SETTINGS.
"""

import os
from pathlib import Path

from ..paths import PUBLISH_SETTINGS
from .config import comment_settings
from .server import make_comment_app

application = make_comment_app(
    comment_settings(Path(os.environ.get("ARCHIVE_SETTINGS", PUBLISH_SETTINGS)))
)
