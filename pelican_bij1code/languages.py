"""Language tags: normalising them, their names, script direction and plural forms.

Babel (CLDR) answers where it knows the language (plural forms from a copy of Babel's table,
:mod:`.cldr_plurals`); a small table covers the languages BIJ1's members read that CLDR lacks,
such as Sranantongo (``srn``).

>>> normalise("en-US"), normalise("pap_AW"), normalise("EN"), normalise("nl_NL.UTF-8")
('en', 'pap', 'en', 'nl')
>>> normalise("not a language") is None
True
>>> direction("ar"), direction("srn")
('rtl', 'ltr')
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .cldr_plurals import PLURALS

if TYPE_CHECKING:
    from babel import Locale

_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*(?:[.@].*)?$")

#: Languages written right to left (CLDR's character order, as a table: asking Babel means
#: loading a language's whole CLDR data).
_RTL = frozenset({"ar", "arc", "azb", "bal", "bgn", "ckb", "dv", "fa", "glk", "he", "iw", "ks",
                  "lrc", "mzn", "nqo", "pnb", "ps", "sd", "sdh", "skr", "syr", "ug", "ur", "yi"})

#: What CLDR lacks: own name, English name, plural forms (count, C expression).
_EXTRA: dict[str, tuple[str, str, tuple[int, str]]] = {
    "srn": ("Sranantongo", "Sranan Tongo", (1, "0")),
}


def normalise(tag: str | None) -> str | None:
    """The primary language subtag in lower case, or None if ``tag`` is not a language tag."""
    if not tag:
        return None
    match = _TAG.match(tag.strip())
    return match.group(1).lower() if match else None


@functools.cache
def _locale(lang: str) -> Locale | None:
    from babel import Locale, UnknownLocaleError  # loads CLDR data: only for names

    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return None


def direction(lang: str) -> str:
    """``"rtl"`` or ``"ltr"``: the direction the language's script runs."""
    return "rtl" if lang in _RTL else "ltr"


def name(lang: str, in_lang: str | None = None) -> str:
    """The language's name, in its own language by default.

    >>> name("nl"), name("srn"), name("tr", "en")
    ('Nederlands', 'Sranantongo', 'Turkish')
    """
    locale = _locale(lang)
    if locale is not None:
        shown = locale.get_display_name(in_lang or lang) or lang
        return shown[:1].upper() + shown[1:]
    if lang in _EXTRA:
        return _EXTRA[lang][0] if in_lang in (None, lang) else _EXTRA[lang][1]
    return lang


def plural_forms(lang: str) -> str | None:
    """The ``Plural-Forms`` header value CLDR gives, or None where nobody knows it.

    >>> plural_forms("pl")[:40]
    'nplurals=3; plural=n == 1 ? 0 : n % 10 >'
    >>> plural_forms("srn")
    'nplurals=1; plural=0;'
    """
    if lang in _EXTRA:
        count, expr = _EXTRA[lang][2]
        return f"nplurals={count}; plural={expr};"
    if lang not in PLURALS:
        return None
    count, expr = PLURALS[lang]
    return f"nplurals={count}; plural={expr};"
