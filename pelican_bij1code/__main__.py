"""``python -m pelican_bij1code``: the ``bij1code`` command line."""

import sys

from .cli import main

sys.exit(main())
