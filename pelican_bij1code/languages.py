"""Language tags: normalising them, their names, script direction and plural forms.

Babel (CLDR) answers where it knows the language; a small table covers the languages BIJ1's
members read that CLDR lacks, such as Sranantongo (``srn``).

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

from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural

_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*(?:[.@].*)?$")

#: Right-to-left languages, for when CLDR does not know the language.
_RTL = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi"})

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
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return None


def is_known(lang: str) -> bool:
    """Whether CLDR (through Babel) or our own table knows the language."""
    return _locale(lang) is not None or lang in _EXTRA


def direction(lang: str) -> str:
    """``"rtl"`` or ``"ltr"``: the direction the language's script runs."""
    locale = _locale(lang)
    if locale is not None:
        return "rtl" if locale.character_order == "right-to-left" else "ltr"
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
    if _locale(lang) is None:
        return None
    return str(get_plural(lang))
