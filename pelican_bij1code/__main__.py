"""``python -m pelican_bij1code``: the ``bij1code`` command line."""

from .cli import run

run()
