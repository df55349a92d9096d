"""pelican-bij1code: BIJ1's code of conduct (gedragscode) in every language its members read.

The package is a Pelican plugin (``PLUGINS = ["pelican_bij1code"]``), gettext catalogues and
the ``bij1code`` command line. The core (``master``, ``pofile``, ``catalogue``, ``markup``,
``render``, ``shortcode``, ``expand``, ``check``) does not import Pelican; ``plugin`` and
``cli`` are thin shells over it.
"""

from __future__ import annotations

__version__ = "0.1.0"


def register() -> None:
    """Pelican's entry point: wire the plugin's signals (imports Pelican only now)."""
    from .plugin import register as register_plugin

    register_plugin()
