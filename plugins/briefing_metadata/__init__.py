"""Briefing metadata: the schema and registries every file must pass, and derived facts."""

from pelican import signals

from contract import start_build

from .addresses import check_briefing_addresses, check_page_addresses
from .fields import add_reading_time
from .reader import report_content_problems, report_registry_problems, use_briefing_reader
from .settings import apply_defaults

__all__ = ["register"]


def register() -> None:
    """Connect the checks and metadata steps to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    signals.initialized.connect(report_registry_problems)
    signals.readers_init.connect(use_briefing_reader)
    # The metadata of each file, from the reader or its cache: report what was wrong with it.
    signals.article_generator_context.connect(report_content_problems)
    signals.page_generator_context.connect(report_content_problems)
    # Before tags, spokespeople and archives are grouped, so a dropped briefing is in none.
    signals.article_generator_pretaxonomy.connect(check_briefing_addresses)
    signals.page_generator_finalized.connect(check_page_addresses)
    signals.content_object_init.connect(add_reading_time)
