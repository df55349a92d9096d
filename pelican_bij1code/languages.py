"""Language tags: normalising them, their names, script direction and plural forms.

Babel (CLDR) answers where it knows the language (imported only when asked); a small table
covers the languages BIJ1's members read that CLDR lacks, such as Sranantongo (``srn``).
Plural rules: CLDR's (Babel's ``PLURALS``), and GNU gettext's where ``msginit`` writes its own
(``nplurals=2; plural=(n != 1);`` for Spanish, where CLDR has three forms); both are right.

>>> normalise("en-US"), normalise("pap_AW"), normalise("EN"), normalise("nl_NL.UTF-8")
('en', 'pap', 'en', 'nl')
>>> normalise("not a language") is None
True
>>> direction("ar"), direction("srn")
('rtl', 'ltr')
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ALNUM = _LETTERS | frozenset("0123456789")

#: Languages written right to left (CLDR's character order, as a table: asking Babel means
#: loading a language's whole CLDR data).
_RTL = frozenset({"ar", "arc", "azb", "bal", "bgn", "ckb", "dv", "fa", "glk", "he", "iw", "ks",
                  "lrc", "mzn", "nqo", "pnb", "ps", "sd", "sdh", "skr", "syr", "ug", "ur", "yi"})

#: What CLDR lacks ("our table"): own name, English name, plural forms (count, C expression).
_EXTRA: dict[str, tuple[str, str, tuple[int, str]]] = {
    "srn": ("Sranantongo", "Sranan Tongo", (1, "0")),
}

#: What GNU gettext's ``msginit`` writes from its own table (gettext-tools/src/plural-table.c,
#: gettext 0.21) where that differs from CLDR; a test runs the real ``msginit`` to compare.
_TWO = "nplurals=2; plural=(n != 1);"
_SLAVIC = ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
           "(n%100<10 || n%100>=20) ? 1 : 2);")
GETTEXT_PLURALS: dict[str, str] = {
    **dict.fromkeys(("ja", "vi", "ko"), "nplurals=1; plural=0;"),
    **dict.fromkeys(("en", "de", "nl", "sv", "da", "no", "nb", "nn", "fo", "es", "pt", "it",
                     "bg", "el", "fi", "et", "he", "eo", "hu", "tr"), _TWO),
    "pt_BR": "nplurals=2; plural=(n > 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
    "ga": "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;",
    "ro": "nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;",
    "lt": ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || "
           "n%100>=20) ? 1 : 2);"),
    **dict.fromkeys(("ru", "uk", "be", "sr", "hr"), _SLAVIC),
    **dict.fromkeys(("cs", "sk"), "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"),
    "pl": ("nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 "
           ": 2);"),
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
}


def normalise(tag: str | None) -> str | None:
    """The primary language subtag in lower case, or None if ``tag`` is not a language tag."""
    if not tag or len(tag) > 100:
        return None
    text = tag.strip()
    for mark in ".@":
        text = text.partition(mark)[0]
    first, *rest = text.replace("-", "_").split("_")
    if not (2 <= len(first) <= 3 and set(first) <= _LETTERS):
        return None
    if not all(0 < len(sub) <= 8 and set(sub) <= _ALNUM for sub in rest):
        return None
    return first.lower()


@functools.cache
def _locale(lang: str) -> Locale | None:
    from babel import Locale, UnknownLocaleError  # loads CLDR data: only for names

    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return None


def direction(lang: str) -> str:
    """``"rtl"`` or ``"ltr"``: the direction the language's script runs."""
    return "rtl" if normalise(lang) in _RTL else "ltr"


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


def plural_rules(lang: str) -> list[tuple[str, str]]:
    """Every ``Plural-Forms`` value known to be right for a language folder, each with who says
    so: ``CLDR`` (through Babel), ``GNU gettext's msginit`` or ``our table``.

    >>> plural_rules("es")[1]
    ("GNU gettext's msginit", 'nplurals=2; plural=(n != 1);')
    >>> plural_rules("srn"), plural_rules("xx")
    ([('our table', 'nplurals=1; plural=0;')], [])
    """
    primary = normalise(lang)
    if primary is None:
        return []
    if primary in _EXTRA:
        count, expr = _EXTRA[primary][2]
        return [("our table", f"nplurals={count}; plural={expr};")]
    from babel.messages.plurals import PLURALS  # CLDR; loaded only when a header is checked

    rules = []
    key = next((k for k in (lang, primary) if k in PLURALS), None)
    if key is not None:
        count, expr = PLURALS[key]
        rules.append(("CLDR", f"nplurals={count}; plural={expr};"))
    gettext = GETTEXT_PLURALS.get(lang) or GETTEXT_PLURALS.get(primary)
    if gettext is not None:
        rules.append(("GNU gettext's msginit", gettext))
    return rules


def plural_forms(lang: str) -> str | None:
    """The ``Plural-Forms`` value ``init`` writes: CLDR's, our table's, or None if nobody
    knows it.

    >>> plural_forms("pl")[:40]
    'nplurals=3; plural=n == 1 ? 0 : n % 10 >'
    >>> plural_forms("srn")
    'nplurals=1; plural=0;'
    """
    rules = plural_rules(lang)
    return rules[0][1] if rules else None
