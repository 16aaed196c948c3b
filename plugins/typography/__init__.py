"""Typography: curly quotes, dashes and no widows, applied once per field after escaping."""

from pelican import signals

from contract import start_build

from .apply import add_typographic_filter, typeset_content, typeset_key_points
from .settings import apply_defaults

__all__ = ["register"]


def register() -> None:
    """Connect typesetting to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    # Runs inside the reader, so the typeset article is what the content cache keeps.
    signals.content_object_init.connect(typeset_content)
    signals.generator_init.connect(add_typographic_filter)
    signals.article_generator_pretaxonomy.connect(typeset_key_points)
