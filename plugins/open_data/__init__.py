"""Open data: every published briefing as JSON, CSV, a JSON Feed and schema.org JSON-LD."""

from pelican import signals

from contract import start_build

from .files import write_open_data
from .records import keep_records
from .schema_org import add_structured_data
from .settings import apply_defaults

__all__ = ["register"]


def register() -> None:
    """Connect the open-data steps to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    signals.generator_init.connect(add_structured_data)
    # Before the incremental plugin saves the content cache, which then keeps the records.
    signals.article_generator_pretaxonomy.connect(keep_records)
    # After the briefings are written: Pelican has cleaned the output folder by then,
    # and generator.articles is the final list of published briefings.
    signals.article_writer_finalized.connect(write_open_data)
