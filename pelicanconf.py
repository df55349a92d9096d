"""The demo site: `pelican` (run in this folder) builds it into output/."""

AUTHOR = "BIJ1"
SITENAME = "BIJ1 · gedragscode"
SITEURL = ""
PATH = "content"
OUTPUT_PATH = "output"
TIMEZONE = "Europe/Amsterdam"
DEFAULT_LANG = "nl"
DEFAULT_DATE = "fs"
RELATIVE_URLS = True
DELETE_OUTPUT_DIRECTORY = True

PLUGINS = ["pelican_bij1code"]
# The catalogues of this checkout, so that an edited .po shows on the next build (and
# `pelican --autoreload` rebuilds when one changes). Without it: the installed catalogues.
BIJ1CODE_LOCALES_DIR = "locales"
BIJ1CODE_FALLBACK_LANG = "nl"
BIJ1CODE_STRICT = False
BIJ1CODE_DEFAULT_LEVEL = 2

# Feeds need an absolute SITEURL; set one (and FEED_ALL_ATOM) when you publish.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = 10

# notmyidea, with dir="rtl" on right-to-left pages and the code aligned to its start
THEME_TEMPLATES_OVERRIDES = ["theme/templates"]
