"""The editor-facing operations of the archive, as plain Python called by tasks.py."""

import sys

from .paths import PLUGINS

# Operations share code with the plugins (the registry, comment settings); Pelican puts
# plugins/ on the import path for a build, the operations do it here.
if str(PLUGINS) not in sys.path:
    sys.path.append(str(PLUGINS))
