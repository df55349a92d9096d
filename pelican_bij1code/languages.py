"""Language tags: normalising them, their names, script direction and plural forms.

Babel (CLDR) answers where it knows the language (imported only when asked); a small table
covers the languages BIJ1's members read that CLDR lacks, such as Sranantongo (``srn``).
Plural rules: CLDR's (Babel's ``PLURALS``), and GNU gettext's where ``msginit`` writes its own
(``nplurals=2; plural=(n != 1);`` for Spanish, where CLDR has three forms); both are right.

>>> normalise("en-US"), normalise("pap_AW"), normalise("EN"), normalise("nl_NL.UTF-8")
('en', 'pap', 'en', 'nl')
>>> normalise("not a language") is None
True
>>> direction("ar"), direction("srn"), direction("ks"), direction("ks@devanagari")
('rtl', 'ltr', 'rtl', 'ltr')

A folder may carry a POSIX modifier (``sr@latin``, ``ca@valencia``): a script or a variant,
read from Babel's script and variant names; a modifier nobody can read makes no tag
(``pa@shahmukhi``, ``sr@latin_RS``), never the bare language in another script. :func:`bcp47`
says what a folder name or tag means as a BCP 47 tag, the form HTML's ``lang`` and pages'
``Lang:`` use:

>>> bcp47("sr@latin"), bcp47("sr_RS@latin"), bcp47("ca@valencia"), bcp47("pt_BR")
('sr-Latn', 'sr-Latn-RS', 'ca-valencia', 'pt-BR')
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from babel import Locale

_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ALNUM = _LETTERS | frozenset("0123456789")

#: Languages written right to left (CLDR's character order; and Avestan, whose likely script
#: is): asked only where CLDR's likely subtags know no script for a tag (:func:`direction`).
_RTL = frozenset({"ae", "apc", "ar", "arc", "ary", "azb", "bal", "bgn", "bqi", "brh", "ckb", "dv",
                  "fa", "glk", "he", "iw", "ks", "lrc", "mzn", "nqo", "pnb", "ps", "rhg", "sd",
                  "sdh", "skr", "syr", "trw", "ug", "ur", "yi"})

#: Scripts written right to left (ISO 15924 codes; Unicode's bidirectional class R or AL of
#: their letters). A tag that names its script (``ks-Deva``, ``uz-Arab``) takes its direction
#: from the script, not the language; a test compares both tables with CLDR's character order.
_RTL_SCRIPTS = frozenset({"Adlm", "Arab", "Aran", "Armi", "Avst", "Chrs", "Cprt", "Elym",
                          "Hatr", "Hebr", "Hung", "Khar", "Lydi", "Mand", "Mani", "Merc",
                          "Mero", "Narb", "Nbat", "Nkoo", "Orkh", "Ougr", "Palm", "Phli",
                          "Phlp", "Phnx", "Prti", "Rohg", "Samr", "Sarb", "Sogd", "Sogo",
                          "Syrc", "Thaa", "Yezi"})

#: POSIX modifiers CLDR has no name for, as the script and variant they mean: glibc's
#: ``tt_RU@iqtelif`` (Tatar in the İQTElif Latin alphabet), KDE's ``sr@ijekavian`` and
#: ``sr@ijekavianlatin`` (Serbian's Ijekavian pronunciation, BCP 47's ``ijekavsk``; in Latin
#: letters). Every other script modifier is a script's English name or code in CLDR
#: (``@latin``, ``@cyrillic``, ``@devanagari``, ``@shaw``).
_MODIFIER_TAGS: dict[str, tuple[str | None, str | None]] = {
    "iqtelif": ("Latn", None), "ijekavian": (None, "ijekavsk"),
    "ijekavianlatin": ("Latn", "ijekavsk"),
}

#: RFC 5646's grandfathered tags that are spelled like a tag but are none (``zh-hakka`` is
#: Hakka, not Chinese with a variant; ``no-bok`` has no extended language subtag ``bok``); the
#: other grandfathered ones (``zh-min-nan``, ``en-GB-oed``, ``i-klingon``) are not
#: well-formed and refused as such. CLDR (Babel) has no
#: preferred value for them, so they are refused, not guessed.
_GRANDFATHERED = frozenset({"art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu",
                            "zh-hakka", "zh-min", "zh-xiang"})

#: POSIX modifiers that say nothing about the language (glibc's ``de_DE@euro``: the currency).
_NOT_LANGUAGE = frozenset({"euro"})

#: Modifiers that name no script or variant CLDR knows but that GNU gettext (``en@quot``,
#: ``en@boldquot``: typographic quotation marks) or glibc (``gez_ER@abegede``: the Ge'ez
#: alphabet's older letter order) define: kept as private use (``en-x-quot``). Any other
#: modifier is refused (:func:`parse`), never read as the bare language.
_PRIVATE_MODIFIERS = frozenset({"quot", "boldquot", "abegede"})

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
    """The primary language subtag in lower case (an extended language subtag's language:
    ``zh-yue`` is ``yue``), or None if ``tag`` is not a language tag (:func:`parse`).

    >>> [normalise(t) for t in ("zh-min-nan", "en-GB-oed", "zh-hakka", "i-klingon", "sgn-NL")]
    [None, None, None, None, None]
    >>> normalise("zh-yue"), normalise("ar-arz"), normalise("zh-cmn-Hant-TW"), normalise("sr@x_RS")
    ('yue', 'arz', 'zh', None)
    """
    parts = parse(tag)
    return None if parts is None else parts.language


def _split(tag: str) -> tuple[str, list[str], str | None] | None:
    """A tag's language code (an extended language subtag's, ``zh-yue``: ``yue``), the
    subtags after it and its ``@modifier`` in lower case (None: no ``@``), or None if the
    tag is not well-formed: BCP 47's order (:func:`_well_formed`), one modifier of ASCII
    letters and digits (``sr@latin_RS``, ``sr@latin-RS``, ``sr@latin@latin`` and ``sr@``
    are none), not grandfathered.

    >>> _split("de_DE.UTF-8@euro"), _split("zh-cmn-Hant-TW"), _split("sr@latin_RS")
    (('de', ['DE'], 'euro'), ('cmn', ['Hant', 'TW'], None), None)
    """
    if len(tag) > 100 or any(char.isspace() for char in tag):
        return None
    base, at, modifier = tag.partition("@")
    modifier = modifier.partition(".")[0]  # an encoding: sr@latin.UTF-8
    if at and not (modifier.isascii() and modifier.isalnum()):
        return None
    first, *rest = base.partition(".")[0].replace("-", "_").split("_")
    if not (2 <= len(first) <= 3 and set(first) <= _LETTERS):
        return None
    if not all(0 < len(sub) <= 8 and set(sub) <= _ALNUM for sub in rest):
        return None
    if _grandfathered([first, *rest]):
        return None
    if rest and len(rest[0]) == 3 and rest[0].isalpha():
        first = rest.pop(0)  # an extended language subtag: zh-yue is yue, ar-arz is arz
    if not _well_formed(rest):
        return None
    return first.lower(), rest, modifier.lower() if at else None


def _well_formed(rest: list[str]) -> bool:
    """Whether the subtags after the language come as BCP 47 orders them: a script, a region,
    then variants (five to eight letters or digits, or a digit and three), up to the first
    singleton (an extension or private use). An extended language subtag (``zh-min``) or a
    three-letter subtag after the region (``en-GB-oed``) is none of them.

    >>> _well_formed(["Latn", "RS"]), _well_formed(["ES", "valencia"]), _well_formed(["x", "a"])
    (True, True, True)
    >>> _well_formed(["min", "nan"]), _well_formed(["GB", "oed"]), _well_formed(["RS", "Latn"])
    (False, False, False)
    >>> _well_formed(["1901", "1901"]), _well_formed(["valencia", "VALENCIA"])
    (False, False)
    """
    stage = 0  # 1: after a script, 2: after a region, 3: among the variants
    variants: set[str] = set()
    for part in rest:
        if len(part) == 1:
            return True  # an extension or private use: parse reads what follows
        if stage < 1 and len(part) == 4 and part.isalpha():
            stage = 1
        elif stage < 2 and ((len(part) == 2 and part.isalpha())
                            or (len(part) == 3 and part.isdigit())):
            stage = 2
        elif (len(part) >= 5 or (len(part) == 4 and part[0].isdigit())) \
                and part.lower() not in variants:  # de-1901-1901 is no tag
            stage = 3
            variants.add(part.lower())
        else:
            return False
    return True


def _grandfathered(subtags: list[str]) -> bool:
    """Whether the tag is one of RFC 5646's grandfathered tags spelled like a tag, or names
    ``sgn`` (sign languages, a collective code: the registry's ``sgn-NL`` is ``dse``, Dutch
    Sign Language, which is the tag to use)."""
    return "-".join(subtags[:2]).lower() in _GRANDFATHERED or subtags[0].lower() == "sgn"


#: The two-letter codes CLDR names another code for (``iw``: ``he``, ``in``: ``id``); a test
#: compares them with Babel's data. Every three-letter code is looked up there.
_OLD_TWO_LETTER = frozenset({"bh", "in", "iw", "ji", "jw", "mo", "sh", "tl", "tw"})


@functools.cache
def _alias(code: str) -> str:
    """What CLDR says the language code ``code`` stands for (``nld``, ``dut``: ``nl``; ``ara``,
    ``arb``: ``ar``; ``iw``: ``he``; ``sh``: ``sr_Latn``, script included), else ``code``: one
    language, one code, so a folder ``nld`` is Dutch, ``eng`` is the twin of ``en`` and
    ``ara`` is right to left.

    >>> [_alias(code) for code in ("nl", "nld", "dut", "eng", "iw", "sh", "pap", "srn")]
    ['nl', 'nl', 'nl', 'en', 'he', 'sr_Latn', 'pap', 'srn']
    """
    if len(code) == 2 and code not in _OLD_TWO_LETTER:
        return code
    from babel.core import get_global  # CLDR's aliases: only for a three-letter or old code

    return str(get_global("language_aliases").get(code, code))


class Tag(NamedTuple):
    """A language tag's parts, as BCP 47 spells them (``sr``, ``Latn``, ``RS``, ...)."""

    language: str
    script: str | None = None
    region: str | None = None
    variants: tuple[str, ...] = ()
    private: str | None = None  # a modifier nobody knows, kept as ``x-...``

    def __str__(self) -> str:
        return "-".join([self.language, *filter(None, (self.script, self.region)),
                         *self.variants, *(["x", self.private] if self.private else [])])


@functools.cache
def _modifiers() -> tuple[dict[str, str], frozenset[str]]:
    """Script codes by lower-case English name and code, and CLDR's variant codes (Babel)."""
    from babel import Locale  # loads CLDR's English names: only for a ``@modifier``

    english = Locale("en")
    names: dict[str, str] = {str(code): str(label) for code, label in english.scripts.items()
                             if isinstance(code, str) and len(code) == 4}
    scripts = {code.lower(): code for code in names}
    scripts.update((label.lower(), code) for code, label in names.items())
    return scripts, frozenset(str(v) for v in english.variants)


@functools.lru_cache(maxsize=4096)
def parse(tag: str | None) -> Tag | None:
    """A tag's parts: gettext's ``ll_CC.charset@modifier`` and BCP 47's ``ll-Script-CC``
    both read; None if ``tag`` is not a language tag. A modifier must mean something: a
    script or variant CLDR names (``@latin``, ``@valencia``), one of :data:`_MODIFIER_TAGS`,
    gettext's and glibc's own (:data:`_PRIVATE_MODIFIERS`, kept as private use) or ``@euro``
    (ignored); any other (``pa@shahmukhi``, ``sr@latin_RS``) makes the tag none, never the
    bare language in another script.

    >>> parse("sr_RS@latin")
    Tag(language='sr', script='Latn', region='RS', variants=(), private=None)
    >>> str(parse("tt@iqtelif")), str(parse("de_DE.UTF-8@euro")), str(parse("sr@ijekavian"))
    ('tt-Latn', 'de-DE', 'sr-ijekavsk')
    >>> str(parse("sr@ijekavianlatin")), parse("zh-min-nan"), parse("en-GB-oed")
    ('sr-Latn-ijekavsk', None, None)
    >>> parse("sr-x"), parse("sr_Latn@cyrillic"), parse("pa@shahmukhi"), parse("sr@latin@latin")
    (None, None, None, None)
    >>> parse("en\\n"), parse(" en"), parse("en\\t"), parse("e n")
    (None, None, None, None)
    >>> str(parse("en@quot")), str(parse("zh-cmn-Hant-TW")), str(parse("ar-arz"))
    ('en-x-quot', 'zh-Hant-TW', 'arz')
    >>> str(parse("prs")), str(parse("cnr")), str(parse("swc")), str(parse("sh"))
    ('fa-AF', 'sr-ME', 'sw-CD', 'sr-Latn')
    """
    split = _split(tag) if tag else None
    if split is None:
        return None
    code, rest, modifier = split
    alias = _alias(code).split("_")
    language = alias[0]
    script = region = private = None
    variants: list[str] = []
    singleton = next((i for i, part in enumerate(rest) if len(part) == 1), len(rest))
    if rest[singleton:]:  # an extension (u-...) as it is; private use (x-...) kept apart
        if len(rest) == singleton + 1 or len(rest[singleton + 1]) == 1:
            return None  # a singleton needs a subtag after it: sr-x is not a tag
        if rest[singleton].lower() == "x":
            private = "-".join(rest[singleton + 1:]).lower() or None
        else:
            variants.extend(part.lower() for part in rest[singleton:])
    for part in rest[:singleton]:
        if len(part) == 4 and part.isalpha() and script is None and region is None:
            script = part.title()
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            region = part.upper()
        else:
            variants.append(part.lower())
    for part in alias[1:]:  # what the alias implies, where the tag says nothing
        if len(part) == 4 and script is None:
            script = part  # sh is sr_Latn
        elif len(part) != 4 and region is None:
            region = part  # prs (Dari) is fa_AF, cnr (Montenegrin) sr_ME
    if modifier in _PRIVATE_MODIFIERS:
        private = "-".join(filter(None, [private, modifier]))
    elif modifier and modifier not in _NOT_LANGUAGE:
        scripts, known_variants = _modifiers()
        named, variant = _MODIFIER_TAGS.get(modifier) or (
            scripts.get(modifier), modifier if modifier.upper() in known_variants else None)
        if named is None and variant is None:
            return None  # a modifier nobody knows: pa@shahmukhi is not pa (Gurmukhi)
        if named is not None and script not in (None, named):
            return None  # sr_Latn@cyrillic says two scripts
        script = named or script
        if variant is not None:
            if variant in variants:
                return None  # ca-valencia@valencia says it twice
            variants.append(variant)
    return Tag(language, script, region, tuple(variants), private)


def bcp47(tag: str | None) -> str | None:
    """A folder name or tag as a BCP 47 tag (HTML's ``lang``), or None if it is not one.

    >>> bcp47("sr@cyrillic"), bcp47("ks_IN@devanagari"), bcp47("zh-hant-tw"), bcp47("nl")
    ('sr-Cyrl', 'ks-Deva-IN', 'zh-Hant-TW', 'nl')
    """
    parts = parse(tag)
    return None if parts is None else str(parts)


def likely(parts: Tag) -> Tag:
    """``parts`` with the script and region CLDR's likely subtags give it filled in, the ones
    it names kept (the language, language and region, language and script, else the
    language alone is looked up); as it is where CLDR knows nothing.

    >>> [str(likely(Tag(*t))) for t in (("pa", None, "PK"), ("zh", "Hant"), ("sr", "Latn"))]
    ['pa-Arab-PK', 'zh-Hant-TW', 'sr-Latn-RS']
    >>> str(likely(Tag("en", region="PK"))), str(likely(Tag("xq")))
    ('en-Latn-PK', 'xq')
    """
    return _likely(parts.language, parts.script, parts.region)._replace(
        variants=parts.variants, private=parts.private)


@functools.cache
def _likely(language: str, script: str | None, region: str | None) -> Tag:
    from babel.core import get_global  # CLDR's likely subtags (Babel's global data)

    table = get_global("likely_subtags")
    keys = [f"{language}_{script}_{region}" if script and region else "",
            f"{language}_{region}" if region else "", f"{language}_{script}" if script else "",
            language]
    found = next((str(table[key]) for key in keys if key and key in table), "")
    subtags = found.split("_")[1:]
    their_script = next((s for s in subtags if len(s) == 4 and s.isalpha()), None)
    their_region = next((s for s in subtags if len(s) != 4), None)
    return Tag(language, script or their_script, region or their_region)


def script(lang: str | Tag) -> str | None:
    """The script a tag is written in: the one it names, else CLDR's likely script for its
    language and region, else for its language; None if CLDR does not know.

    >>> script("pa"), script("pa-PK"), script("pa-Arab"), script("sr@latin"), script("xq")
    ('Guru', 'Arab', 'Arab', 'Latn', None)
    """
    parts = parse(lang) if isinstance(lang, str) else lang
    return None if parts is None else likely(parts).script


def lookup_chain(tag: str) -> list[str]:
    """The tags to try, most specific first, for a catalogue of ``tag`` (RFC 4647 lookup,
    never changing the script): a shorter tag is tried only if it is written in the same
    script (:func:`script`); where dropping the region would change it, the language in the
    tag's script is tried instead, and the chain ends there. A region is never added: regions
    never merge (``zh-Hant`` never finds ``zh_TW``, nor ``sr-BA`` ``sr_RS``).

    >>> lookup_chain("sr_RS@latin"), lookup_chain("en-US"), lookup_chain("en-x-quot")
    (['sr-Latn-RS', 'sr-Latn'], ['en-US', 'en'], ['en-x-quot', 'en'])
    >>> lookup_chain("pa-PK"), lookup_chain("zh-Hant"), lookup_chain("zh-HK"), lookup_chain("x")
    (['pa-PK', 'pa-Arab'], ['zh-Hant'], ['zh-HK', 'zh-Hant'], [])
    """
    parts = parse(tag)
    if parts is None:
        return []
    written = script(parts)
    subtags = str(parts).split("-")
    chain: list[str] = []
    while subtags:
        shorter = parse("-".join(subtags))
        if shorter is None:
            break
        if written is not None and script(shorter) != written:
            shorter = Tag(parts.language, written)  # pa-PK: pa-Arab, never pa (Gurmukhi)
            subtags = []
        chain.append(str(shorter))
        if subtags:
            subtags.pop()
        if len(subtags) > 1 and len(subtags[-1]) == 1:
            subtags.pop()  # never end on a singleton: en-x-quot -> en
    return list(dict.fromkeys(chain))


def without_likely_script(parts: Tag) -> Tag:
    """``parts`` without a script that is CLDR's likely one for its language and region:
    what ``pybabel`` writes (``zh_Hans_CN``) and what people write (``zh_CN``) mean one
    language; a region is never dropped.

    >>> [str(without_likely_script(parse(t))) for t in ("zh_Hans_CN", "zh_Hant_TW", "en_Latn",
    ...                                                  "sr@cyrillic", "sr_Latn", "zh_Hant")]
    ['zh-CN', 'zh-TW', 'en', 'sr', 'sr-Latn', 'zh-Hant']
    """
    if parts.script is not None and script(parts._replace(script=None)) == parts.script:
        return parts._replace(script=None)
    return parts


@functools.cache
def _locale(lang: str) -> Locale | None:
    """The most specific CLDR locale for a tag in its script (:func:`script`; ``sr@latin``:
    ``sr_Latn_RS``, ``zh-TW``: ``zh_Hant_TW``), else the language's in another (a name in
    another script still names the language); None if CLDR has neither.

    >>> str(_locale("sr@ijekavianlatin")), str(_locale("zh-TW")), str(_locale("ar-Latn"))
    ('sr_Latn_RS', 'zh_Hant_TW', 'ar')
    """
    from babel import Locale, UnknownLocaleError, localedata  # CLDR data: only for names

    parts = parse(lang)
    if parts is None:
        return None
    full = likely(parts)
    candidates = [(full.script, full.region), (full.script, None), (None, None)]
    if full.script is None or script(Tag(parts.language, region=full.region)) == full.script:
        candidates.insert(2, (None, full.region))  # the region without a script changes none
    for written, region in candidates:
        code = "_".join(filter(None, (parts.language, written, region)))
        if localedata.exists(code):
            try:
                return Locale.parse(code)
            except (UnknownLocaleError, ValueError):
                continue
    return None


@functools.cache
def direction(lang: str) -> str:
    """``"rtl"`` or ``"ltr"``: the direction the tag's script (:func:`script`) runs; our
    table of languages only where CLDR knows no script.

    >>> direction("pa"), direction("pa-PK"), direction("ug"), direction("ug_KZ"), direction("sd_IN")
    ('ltr', 'rtl', 'rtl', 'ltr', 'ltr')
    """
    parts = parse(lang)
    if parts is None:
        return "ltr"
    written = script(parts)
    if written is not None:
        return "rtl" if written in _RTL_SCRIPTS else "ltr"
    return "rtl" if parts.language in _RTL else "ltr"


def name(lang: str, in_lang: str | None = None) -> str:
    """The language's name, in its own language by default; a script, region or variant
    the tag names is said too.

    >>> name("nl"), name("srn"), name("tr", "en"), name("sr@latin"), name("sr@latin", "en")
    ('Nederlands', 'Sranantongo', 'Turkish', 'Srpski (latinica)', 'Serbian (Latin)')
    """
    parts = parse(lang)
    shown_in = _locale(in_lang or lang) or _locale("en")
    if parts is None or shown_in is None:
        return lang
    if parts.language in _EXTRA:
        own = in_lang is None or normalise(in_lang) == parts.language
        own_name, english_name, _ = _EXTRA[parts.language]
        shown = own_name if own else english_name
    else:
        shown = shown_in.languages.get(parts.language, "")
        if not shown:
            return lang
    details = [shown_in.scripts.get(parts.script or ""),
               shown_in.territories.get(parts.region or ""),
               *(shown_in.variants.get(v.upper()) for v in parts.variants)]
    said = [d for d in details if d]
    if said:
        shown += f" ({', '.join(said)})"
    return shown[:1].upper() + shown[1:]


def same_language(declared: str, folder: str) -> bool:
    """Whether a ``Language`` header fits its folder: the same language (as CLDR reads it:
    ``fil_PH`` is ``tl``'s), in the same script (the one each names, else CLDR's likely one
    for its language and region, :func:`script`: ``pa_PK`` is Arabic script, ``pa``
    Gurmukhi); and where the folder names a region or variant (``pt_BR``, ``ca@valencia``),
    the same one. ``pybabel init`` writes ``zh_Hans_CN`` for ``zh_CN``; ``sr@latin`` is
    ``sr_Latn``; ``sr_RS`` fits ``sr``.

    >>> same_language("zh_Hans_CN", "zh_CN"), same_language("fil_PH", "tl")
    (True, True)
    >>> same_language("sr_Latn", "sr@latin"), same_language("sr@latin", "sr_Latn")
    (True, True)
    >>> same_language("pt", "pt_BR"), same_language("zh_Hant_TW", "zh_CN")
    (False, False)
    >>> same_language("sr", "sr@latin"), same_language("sr_Cyrl", "sr@latin")
    (False, False)
    >>> same_language("pa_PK", "pa"), same_language("zh_TW", "zh"), same_language("sr_RS", "sr")
    (False, False, True)
    >>> same_language("en", "und"), same_language("und", "en")
    (False, False)
    """
    ours, theirs = parse(folder), parse(declared)
    if ours is None or theirs is None:
        return False
    if ours == theirs:
        return True
    if "und" in (ours.language, theirs.language):
        return False  # "undetermined", which Babel would read as its likeliest language, en
    if ours.language != theirs.language or ours.private != theirs.private:
        return False
    if script(ours) != script(theirs):
        return False  # zh_TW is not zh (Simplified), en_Arab not en
    if ours.region is not None and theirs.region != ours.region:
        return False
    return set(ours.variants) == set(theirs.variants)


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
    from babel import localedata  # loaded only when a header is checked

    rules = []
    if any(localedata.exists(code) for code in (lang, primary)):
        # Babel's plural table holds only languages with CLDR data (a test holds it to
        # that); it is large to load, so it is loaded only for one of them.
        from babel.messages.plurals import PLURALS

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
