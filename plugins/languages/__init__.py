"""Languages: briefings in several languages, paired as translations, each at its own address."""

from pelican import signals

from contract import start_build

from .catalogs import install_catalogs
from .dates import localise_dates
from .listings import add_languages_generator, canonical_groups
from .settings import apply_defaults
from .templates import add_language_helpers
from .translations import sort_translations

__all__ = ["register"]


def register() -> None:
    """Connect the language steps to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.initialized.connect(apply_defaults)
    signals.generator_init.connect(add_language_helpers)
    signals.generator_init.connect(install_catalogs)
    signals.content_object_init.connect(localise_dates)
    # After Pelican paired translations (ARTICLE_TRANSLATION_ID) and before it groups
    # briefings by tag and date, so "hide" keeps untranslated briefings out of every listing.
    signals.article_generator_pretaxonomy.connect(sort_translations)
    signals.article_generator_finalized.connect(canonical_groups)
    # A generator of its own, after Pelican's: it lists what the articles generator grouped.
    signals.get_generators.connect(add_languages_generator)
