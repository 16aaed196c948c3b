"""Template cache: each template compiled once, not once per generator, and kept between builds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from pelican import signals

from contract import start_build

__all__ = ["register"]

# Inside the cache folder, which the incremental plugin names by the site's fingerprint:
# Jinja keys compiled code by the template's source only, not by the environment's
# settings (extensions, trim_blocks…) that also shape it, and the fingerprint covers those.
FOLDER = "templates"


def use_template_cache(pelican: Any) -> None:
    """Give every generator's Jinja environment one bytecode cache in CACHE_PATH.

    Pelican makes a Jinja environment per generator, and the archive has a dozen
    generators, so without a shared cache `base.html` and its partials are compiled a
    dozen times a build. Jinja keys each compiled template by its name and a checksum of
    its source, so an edited template is compiled afresh.
    """
    folder = Path(pelican.settings["CACHE_PATH"]) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    environment = dict(pelican.settings["JINJA_ENVIRONMENT"])
    environment["bytecode_cache"] = FileSystemBytecodeCache(str(folder))
    # A build makes its environments afresh and its templates do not change while it runs,
    # so Jinja need not stat a template's file at every include (tens of thousands a build).
    environment["auto_reload"] = False
    pelican.settings["JINJA_ENVIRONMENT"] = environment


def register() -> None:
    """Share one compiled-template cache between the build's generators."""
    signals.initialized.connect(start_build)
    # Sent before Pelican makes its generators, each of which makes its Jinja environment.
    signals.get_generators.connect(use_template_cache)
