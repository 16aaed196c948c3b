"""The editor-facing operations of the archive, as plain Python called by tasks.py."""

import sys

from .paths import PLUGINS, SPEED_PLUGINS

# Operations share code with the plugins (the registry, comment settings); Pelican puts
# plugins/ on the import path for a build, the operations do it here.
for folder in (PLUGINS, SPEED_PLUGINS):
    if str(folder) not in sys.path:
        sys.path.append(str(folder))
