"""The comment server (Isso behind the archive's rules) and the editors' moderation steps."""

import sys

from ..paths import PLUGINS

# The server and the build share the comments plugin's settings and data-file format;
# Pelican puts plugins/ on the import path itself, the tasks do it here.
if str(PLUGINS) not in sys.path:
    sys.path.append(str(PLUGINS))
