"""Characters a reader cannot see, judged by Unicode class, not by a hand-made list.

A character is *hidden* when its general category is format (Cf), control (Cc), private use
(Co), unassigned (Cn) or surrogate (Cs), when it is a line or paragraph separator (Zl, Zp), or
when Unicode makes it *default ignorable* (soft hyphen, Hangul fillers, variation selectors,
tags...: ``DerivedCoreProperties.txt``, which :mod:`unicodedata` does not expose, so its ranges
are below), or when it is one of the few symbols drawn as nothing (:data:`BLANK_LOOKING`: the
Braille blank, the null notehead, the object replacement character). A translation may hold
a hidden character only if its Dutch source has it, or if the script its language is written
in needs it (:func:`allowed_hidden`).

>>> sorted(hidden("evil\\u00ad@host \\u3164 ok\\u200b"))
['\\xad', '\\u200b', '\\u3164']
>>> hidden("gewoon Nederlands, één café, 50 %") == set()
True
>>> sorted(allowed_hidden("he")), allowed_hidden("nl")
(['\\u061c', '\\u200e', '\\u200f'], frozenset())
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator

from . import languages
from .languages import normalise

#: Unicode's Default_Ignorable_Code_Point ranges (Unicode 15.1), inclusive.
DEFAULT_IGNORABLE: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
HIDDEN_CATEGORIES = frozenset({"Cf", "Cc", "Co", "Cn", "Cs", "Zl", "Zp"})
#: The hidden characters that :meth:`str.isprintable` calls printable (default ignorable marks
#: and fillers, and the blank-looking symbols): with it, the common message is judged without
#: a loop in Python.
_PRINTABLE_IGNORABLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\ufffc"
    "\U0001d159\U000e0100-\U000e01ef]")

#: What a language's script needs (documented in docs/translating.md), by the script its tag
#: is written in (:func:`.languages.script`), not by a list of languages:
#: right-to-left scripts: the left-to-right, right-to-left and Arabic letter marks (not the
#: embeddings, overrides or isolates, which can reorder a whole line);
#: scripts that shape letters by joining or build conjuncts: zero-width non-joiner and joiner;
#: scripts written without spaces between words: the zero-width space, where a line may break.
_RTL_MARKS = frozenset("\u200e\u200f\u061c")
_JOINERS = frozenset("\u200c\u200d")
_WORD_BREAK = frozenset("\u200b")
#: The scripts that join or build conjuncts with the zero-width (non-)joiner: Arabic (Persian
#: ``می\u200cخواهیم``), Syriac, and the Indic scripts (Kannada ``ಬೋಟ್ಸ್\u200cವಾನಾ``); and the
#: scripts written without spaces that mark where a word ends with a zero-width space. Each
#: by its ISO 15924 code (as CLDR names a tag's script) and the first word of its characters'
#: Unicode names (:func:`script_of`).
JOINING_SCRIPTS = {"Arab": "ARABIC", "Syrc": "SYRIAC", "Deva": "DEVANAGARI", "Beng": "BENGALI",
                   "Guru": "GURMUKHI", "Gujr": "GUJARATI", "Orya": "ORIYA", "Taml": "TAMIL",
                   "Telu": "TELUGU", "Knda": "KANNADA", "Mlym": "MALAYALAM", "Sinh": "SINHALA"}
WORD_BREAK_SCRIPTS = {"Khmr": "KHMER", "Laoo": "LAO", "Thai": "THAI", "Mymr": "MYANMAR"}
#: The first words of the names of the letters of scripts written without spaces between
#: words, or whose particles are written on to a name (Japanese BIJ1が, Korean BIJ1이,
#: Burmese BIJ1ရဲ့, Tigrinya BIJ1ን): a letter of theirs beside another word is a word of its own.
SPACELESS_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "MYANMAR", "ETHIOPIC", "THAI",
                     "LAO", "KHMER", "TIBETAN")


def _ignorable(code: int) -> bool:
    return any(low <= code <= high for low, high in DEFAULT_IGNORABLE)


#: Characters that are drawn as nothing although no class says so: the Braille blank, the
#: musical null notehead and the object replacement character (which browsers draw with no
#: width and no ink) are symbols (So), the Hangul fillers letters (Lo, and default
#: ignorable). No Unicode property marks a glyph as blank, so these few are named.
BLANK_LOOKING = frozenset("\u2800\U0001d159\ufffc\u3164\u115f\u1160\uffa0")


def is_hidden(char: str) -> bool:
    """Whether a reader cannot see ``char`` (or it can reorder or disguise what they see).

    >>> [is_hidden(c) for c in ("a", "\u00ad", "\u200f", "\u2800", "\u3164", "\u00e9")]
    [False, True, True, True, True, False]
    """
    if " " <= char <= "~":
        return False
    return (unicodedata.category(char) in HIDDEN_CATEGORIES or _ignorable(ord(char))
            or char in BLANK_LOOKING)


def hidden(text: str) -> set[str]:
    """The hidden characters in ``text`` (tab and newline included: a message is one line)."""
    if _plain(text):
        return set()  # the common message, judged without a loop in Python
    return {c for c in set(text) if is_hidden(c)}


def _plain(text: str) -> bool:
    """Whether ``text`` certainly has no hidden character (spaces other than U+0020 are
    not printable to Python, so they take the careful path)."""
    return text.isprintable() and not (not text.isascii() and _PRINTABLE_IGNORABLE.search(text))


def written_out(text: str, allowed: Collection[str] = ()) -> str:
    r"""``text`` with every character a reader cannot see written as ``⟦U+XXXX⟧``, but for
    the ``allowed`` ones (those the language's script needs): a preview never hides what the
    check flags.

    >>> written_out("a\u202eb\u00ad")
    'a⟦U+202E⟧b⟦U+00AD⟧'
    """
    return text if _plain(text) else "".join(
        f"⟦U+{ord(char):04X}⟧" if char not in allowed and is_hidden(char) else char
        for char in text)


@functools.cache
def allowed_hidden(lang: str) -> frozenset[str]:
    """The hidden characters ``lang``'s script needs: the direction marks wherever the tag is
    written right to left (:func:`.languages.direction`: ``pa-PK``, in Arabic script, too;
    ``ks-Deva`` not), the joiners in a script of :data:`JOINING_SCRIPTS`, the zero-width space
    in one of :data:`WORD_BREAK_SCRIPTS`.

    >>> sorted(allowed_hidden("pa_PK")), sorted(allowed_hidden("ks@devanagari"))
    (['\\u061c', '\\u200c', '\\u200d', '\\u200e', '\\u200f'], ['\\u200c', '\\u200d'])
    >>> sorted(allowed_hidden("km")), sorted(allowed_hidden("mzn")), allowed_hidden("nl")
    (['\\u200b'], ['\\u061c', '\\u200c', '\\u200d', '\\u200e', '\\u200f'], frozenset())
    """
    written = languages.script(lang)
    needed = _RTL_MARKS if languages.direction(lang) == "rtl" else frozenset()
    if written in JOINING_SCRIPTS:
        needed |= _JOINERS
    if written in WORD_BREAK_SCRIPTS:
        needed |= _WORD_BREAK
    return needed


#: The first words of the character names of Chinese, Japanese and Korean text, one script
#: for :func:`script_of` (Han, kana and Hangul mix in one word; so do their wide forms).
_EAST_ASIAN_NAMES = frozenset({"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "HANGUL",
                               "BOPOMOFO", "IDEOGRAPHIC", "HALFWIDTH", "FULLWIDTH", "KANGXI"})


@functools.cache
def script_of(char: str) -> str:
    """The script ``char`` belongs to, as the first word of its Unicode name says (the
    standard library has no Script property): ``CYRILLIC``, ``ARABIC``; Chinese, Japanese
    and Korean as one, ``CJK``; an ASCII letter ``LATIN``.

    >>> [script_of(c) for c in ("a", "\u0430", "\u5510", "\u306e", "\u30fc", "\u05f4", "\u26ab")]
    ['LATIN', 'CYRILLIC', 'CJK', 'CJK', 'CJK', 'HEBREW', 'MEDIUM']
    """
    if char.isascii():
        return "LATIN" if char.isalpha() else "COMMON"
    first = unicodedata.name(char, "").partition(" ")[0]
    return "CJK" if first in _EAST_ASIAN_NAMES else first


def mark_between_left_to_right(text: str, marks: Collection[str]) -> int | None:
    """Where the first of ``marks`` in ``text`` stands between two pieces of left-to-right
    text (Latin letters, digits), with nothing but spaces, punctuation, other marks or
    combining marks between them; None if none does.

    There, a right-to-left mark reverses the order in which readers see the pieces
    (``BIJ\\u200f1`` shows as "1BIJ", ``nl\\u200f.meld\\u200f@hulp`` as "hulp@meld.nl"), and a
    joiner or left-to-right mark breaks a word for copying and searching. Next to a
    right-to-left word, or at the end of a sentence, a mark is what it is for. Linear: one pass
    each way.

    >>> mark_between_left_to_right("أنا BIJ.\u200f1", {"\u200f"})
    8
    >>> mark_between_left_to_right("\u200fBIJ1\u200f. زوروا\u200f bij1.org\u200f.", {"\u200f"})
    """
    if not any(mark in text for mark in marks):
        return None
    sides = [direction(char) if char not in marks else "" for char in text]
    after = [""] * len(text)  # the side of the nearest strong character after each position
    nearest = ""
    for index in range(len(text) - 1, -1, -1):
        after[index] = nearest
        nearest = sides[index] or nearest
    nearest = ""  # now: the side of the nearest strong character before each position
    for index, char in enumerate(text):
        if char in marks and nearest == "L" and after[index] == "L" \
                and not _spelling(text, index):
            return index
        nearest = sides[index] or nearest
    return None


def _spelling(text: str, at: int) -> bool:
    """Whether the joiner or zero-width space ``text[at]`` is spelling of a script that
    needs it (:data:`_MARKED_SCRIPTS`): it touches letters or marks of that script only, on
    one side or both (a Kannada conjunct ``ಟ್ಸ್\u200cವಾ``, a joiner at the end of an Odia word,
    a Lao word break), so it splits no Latin word and joins no two scripts.

    >>> [_spelling(t, 1) for t in ("\u0ccd\u200c\u0cb5", "\u0ccd\u200c ", "J\u200c1",
    ...                           "\u0ccd\u200cx", "\u0ccd\u200fx", " \u200b ")]
    [True, True, False, False, False, False]
    """
    if text[at] not in _JOINERS | _WORD_BREAK:
        return False
    sides = [text[i] for i in (at - 1, at + 1) if 0 <= i < len(text)]
    scripts = {script_of(char) for char in sides
               if char.isalnum() or unicodedata.category(char)[0] == "M"}
    return len(scripts) == 1 and scripts <= _MARKED_SCRIPTS


_MARKED_SCRIPTS = frozenset([*JOINING_SCRIPTS.values(), *WORD_BREAK_SCRIPTS.values()])


def crowded_mark(text: str, marks: Collection[str]) -> int | None:
    """Where the first of ``marks`` in ``text`` stands right after another hidden character,
    or, a joiner, after no letter or mark (a space, punctuation, the start): no script spells
    with a run of them or with a joiner that joins nothing; a run is a hidden message (twelve
    marks in a row carry 48 bits). None if none does.

    >>> joiner = {"\u200c", "\u200d"}
    >>> crowded_mark("\u0645\u06cc\u200c\u062e\u0648", joiner), crowded_mark("a \u200cb", joiner)
    (None, 2)
    >>> crowded_mark("\u0642\u200c\u200d\u0648", joiner)
    2
    """
    for index, char in enumerate(text):
        if char not in marks:
            continue
        before = text[index - 1] if index else ""
        if before and is_hidden(before):
            return index
        if char in _JOINERS and not (before.isalnum() or unicodedata.category(before or " ")[0]
                                     == "M"):
            return index
    return None


def direction(char: str) -> str:
    """"L" for a letter or digit written left to right, "R" for right to left, "" for
    everything that takes its direction from what is around it (Unicode's bidi classes).

    >>> [direction(c) for c in ("a", "1", "ب", "\u0661", "\u200f", " ", ".", "\u0301")]
    ['L', 'L', 'R', 'R', 'R', '', '', '']
    """
    kind = unicodedata.bidirectional(char)
    if kind in ("L", "EN"):
        return "L"
    return "R" if kind in ("R", "AL", "AN") else ""


#: The compatibility decompositions that give a letter another form of letters (not a
#: superscript, a fraction or a circled one).
_LETTER_FORMS = frozenset({"compat", "isolated", "initial", "medial", "final"})


@functools.cache
def base_letter(char: str) -> str:
    """The letter ``char`` draws with a mark on it: the first of its decomposition (أ is alef
    and hamza; for a letter also a compatibility one: ٵ is alef and a high hamza, ﺃ a form of
    أ), or the letter its name says it is drawn "with" a mark (ٲ, ARABIC LETTER ALEF WITH WAVY
    HAMZA ABOVE, is an alef); ``char`` itself if neither.

    >>> [base_letter(c) for c in ("\u0623", "\u0672", "\u0675", "\u06c0", "\ufb35", "\ufe83",
    ...                           "a", "\uac00", "\u00b2")]
    ['ا', 'ا', 'ا', 'ە', 'ו', 'ا', 'a', '가', '²']
    """
    decomposition = unicodedata.decomposition(char)
    tag, _, rest = decomposition.rpartition(">")
    if decomposition and (not tag or (tag[1:] in _LETTER_FORMS and char.isalpha())):
        return base_letter(chr(int(rest.split()[0], 16)))
    name = unicodedata.name(char, "")
    if " WITH " in name:
        base = name.partition(" WITH ")[0]
        try:
            return base_letter(unicodedata.lookup(base))
        except KeyError:
            return char
    return char


def visible(text: str) -> str:
    """``text`` without its hidden characters (what a reader sees, for comparing).

    >>> visible("evil\\u00ad@host.org")
    'evil@host.org'
    """
    if _plain(text):
        return text
    return text.translate(dict.fromkeys(map(ord, hidden(text))))  # each distinct char judged once



def names_something(text: str) -> bool:
    """Whether ``text`` shows a letter, digit or symbol: what a link needs to have a name.

    Spaces, hidden and blank-looking characters, combining marks and punctuation alone
    name nothing.

    >>> [names_something(t) for t in ("de code", "", " ", "\u2800", ".", "…", "\u3164 !", "→")]
    [True, False, False, False, False, False, False, True]
    """
    return any(unicodedata.category(c)[0] in "LNS" for c in _drawn(text))


def shows_words(text: str) -> bool:
    """Whether ``text`` shows a letter: what a title, a rule or a paragraph needs to say
    anything. Punctuation, symbols, digits, combining marks and fillers alone say nothing.

    >>> [shows_words(t) for t in ("Wij", "نحن", ".", "…", "\u0301\u0301", "\u2800.", "12")]
    [True, True, False, False, False, False, False]
    >>> shows_words("\U00016fe4\U0001d159\u3164")  # a filler mark, a null notehead, a filler
    False
    >>> shows_words("\u0640\u0640."), shows_words("\u30fc\u02bb\ua717")  # modifier letters alone
    (False, False)
    """
    if text.isascii():
        return _ASCII_LETTER.search(text) is not None
    return any(c.isalpha() and unicodedata.category(c) != "Lm" for c in _drawn(text))


def _drawn(text: str) -> Iterator[str]:
    """The characters of ``text`` a reader sees drawn (not hidden; blank-looking ones are)."""
    return (c for c in text if not is_hidden(c))


_ASCII_LETTER = re.compile(r"[A-Za-z]")
#: The most combining marks drawn over, under or around one base character (nonspacing and
#: enclosing marks, Mn and Me) in
#: any language we know of (a Vietnamese vowel has two, Arabic a shadda and a vowel sign);
#: more is a stack that smears over the line ("Zalgo text"). Spacing marks (Mc) stand beside
#: their letter: a Burmese syllable has up to three medials, two vowel signs and a tone
#: (ဂျော် has three and an asat), so :data:`MAX_SCRIPT_MARKS` marks of any kind in all.
MAX_MARKS = 3
MAX_SCRIPT_MARKS = 8
#: Runs of characters that are neither word characters nor white space: combining marks are
#: among them (one class, one quantifier: linear).
_NOT_WORD = re.compile(r"[^\w\s]{4,}")


def stacked_marks(text: str) -> int:
    """The longest run of combining marks in ``text`` that is a stack: more than
    :data:`MAX_MARKS` drawn over or under the letter, or more than :data:`MAX_SCRIPT_MARKS` in
    all; 0 if there is none, the common case, found without a loop in Python.

    >>> stacked_marks("Tiếng Việt, العَرَبِيَّة, ဂျော်ဂျီယာ, ok"), stacked_marks("x" + "\u0301" * 500)
    (0, 500)
    >>> stacked_marks("x\u064e\u064e\u0651\u0651"), stacked_marks("\u1002" + "\u103b" * 9)
    (4, 9)
    """
    if text.isascii():
        return 0
    longest = 0
    for match in _NOT_WORD.finditer(text):
        run = over = 0
        for char in match.group():
            kind = unicodedata.category(char)
            if kind[0] == "M":
                run += 1
                over += kind != "Mc"  # nonspacing or enclosing: drawn over it
            else:
                run = over = 0
            if over > MAX_MARKS or run > MAX_SCRIPT_MARKS:
                longest = max(longest, run)
    return longest


#: Spaces other than U+0020, by class (Zs). The no-break space is ordinary typography in
#: many languages; the narrow one in French (before ; : ! ? and inside « »).
ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACES_NEEDED: dict[str, frozenset[str]] = {"fr": frozenset("\u00a0\u202f"),
                                              "de": frozenset("\u202f")}  # z. B.


def odd_spaces(text: str, lang: str = "") -> set[str]:
    """The spaces in ``text`` other than U+0020 and the no-break space (and those ``lang``'s
    typography uses).

    >>> names(odd_spaces("a\u200a\u200ab\u3000c\u00a0d")), odd_spaces("« oui\u202f»", "fr")
    ('U+200A HAIR SPACE, U+3000 IDEOGRAPHIC SPACE', set())
    """
    if text.isascii():
        return set()
    allowed = _SPACES_NEEDED.get(normalise(lang) or "", frozenset()) | {"\u00a0"}
    return {m.group() for m in ODD_SPACES.finditer(text)} - allowed


def names(chars: Iterable[str]) -> str:
    """Code points with their names, never the characters themselves.

    >>> names({"\\u00ad", "\\x1b"})
    'U+001B, U+00AD SOFT HYPHEN'
    """
    shown = []
    for char in sorted(chars):
        name = unicodedata.name(char, "")
        shown.append(f"U+{ord(char):04X}" + (f" {name}" if name else ""))
    return ", ".join(shown)
