"""Where the project's files live, so every operation agrees on them."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"
OUTPUT = ROOT / "output"
PLUGINS = ROOT / "plugins"
# The build machinery: plugins that make the build fast and change nothing readers see.
SPEED_PLUGINS = PLUGINS / "speed"
CACHE = ROOT / "cache"
NODE_MODULES = ROOT / "node_modules"
LIGHTHOUSE_CLI = NODE_MODULES / "lighthouse" / "cli" / "index.js"
# Lighthouse reports and screenshots: made on demand for reviewers, never committed.
REPORTS = ROOT / "reports"
