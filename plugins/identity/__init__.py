"""Identity: the office's name, logo and accent colour from settings, checked for contrast."""

from pelican import signals

from contract import start_build

from .logo import offer_identity
from .settings import apply_defaults
from .write import write_identity_files

__all__ = ["register"]


def register() -> None:
    """Connect the identity steps to Pelican's signals."""
    signals.initialized.connect(start_build)
    # The contrast check runs here too: a colour readers cannot read stops the build at once.
    signals.initialized.connect(apply_defaults)
    signals.generator_init.connect(offer_identity)
    # At the end, like robots.txt: Pelican has cleaned the output folder by then.
    signals.finalized.connect(write_identity_files)
