"""Addresses in text a reader sees: URLs, domain names and e-mail addresses.

A translation must show exactly the addresses its Dutch source shows, linked or not, and a
link whose text shows an address must point to that address. Text is cut into words by one
character class and each word is judged by plain string tests: linear on any input.

>>> sorted(addresses("Mail bestuur@bij1.org of zie https://bij1.org/gedragscode/, bij1.org."))
['bestuur@bij1.org', 'bij1.org', 'https://bij1.org/gedragscode']
>>> addresses("z.B. 1.000 euro, e.g. i.e. enz.")
set()
>>> addresses("ｅｖｉｌ＠ｅｖｉｌ．ｅｘａｍｐｌｅ")  # full-width forms read as what they show
{'evil@evil.example'}
>>> # dots a browser's IDNA (UTS 46) maps to ".", which NFKC leaves alone
>>> sorted(addresses("bestuur＠bij1-meldpunt｡com, bij1-meldpunt。com"))
['bestuur@bij1-meldpunt.com', 'bij1-meldpunt.com']
>>> sorted(addresses("bel tel:+31201234567, sms:+31 of +31 (0)20 123 45 67; 1.000 leden"))
['+310201234567', '+31201234567', 'sms:+31', 'tel:+31201234567']
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from .characters import SPACELESS_SCRIPTS, base_letter, script_of

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList

#: The signs that are drawn as a letter: the upright lines and circles that look like ``l``
#: and ``o`` (Unicode's confusables of 1 and 0 that are no word character, the danda, the
#: circles and the ideographic zero 〇).
_DRAWN_AS_LETTERS = ("|\u05c0\u0964\u2223\u23fd\uffe8\u2502\u2503\u25cb\u25ef\u26aa\u00b0"
                     "\u3007")
#: A word that may be an address: letters, digits, the punctuation addresses use, and the
#: signs drawn as a letter (bij1-hulp.n| reads "bij1-hulp.nl"). One class: linear.
_WORD = re.compile(r"[\w.@:/%?=&#~+\-" + _DRAWN_AS_LETTERS + "]+")
_TRAILING = ".,:;!?"
#: What may not start an e-mail address (RFC 5322 lets the others of _AROUND start one:
#: +bestuur@bij1.org is another address, which link finders link as it is).
_NOT_ATEXT = ",:;@"
#: What may stand right before an e-mail address besides the opening brackets and quotation
#: marks of every script (Unicode's Ps, Pi and Pf: 「, 〈, », ...): x$bestuur@bij1.org,
#: x,bestuur@ and x"bestuur@ are other addresses to link finders.
_OPENERS = "\"'¡¿<"
#: The dashes that part a sentence (en and em dash, horizontal bar, two- and three-em dash):
#: not hyphens, so never part of an address, and one may stand right before an e-mail address
#: ("write to us—bestuur@bij1.org").
SENTENCE_DASHES = frozenset("\u2013\u2014\u2015\u2e3a\u2e3b")
#: An IPv4 address (a host without a domain name).
_IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
#: An IPv4 address written on to letters of any script (Visit1.2.3.4now, ดูที่1.1.1.1): no
#: digit or dot before it, no digit after it. Bounded quantifiers: linear.
_IPV4_ON_LETTERS = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d])")
#: Punctuation that may stand around an address without being part of what a reader reads.
_AROUND = ".,:;!?@/#%&=+~_-"
_HINT = re.compile(r"[.@:][\w/+]")
_DOT_HINT = re.compile(r"\.[\w/+]")  # the same, where there is no "@" and no ":"
#: The spaces narrower than a word space (six-per-em, punctuation, thin, hair, narrow no-break,
#: medium mathematical): beside a dot or an at sign a reader reads past them
#: (``bestuur\u200a.\u200aorg`` shows as "bestuur.org"), so an address is read without them.
#: And the full-width colon and question mark, which Chinese and Japanese write on to the
#: next word: there they part it (``举报：bij1-hulp.nl``), as a space would.
#: And the letters and numbers drawn in parentheses (⒜, 🄝, ⑴), which NFKC unfolds to "(a)":
#: a reader reads ``evil.⒩⒧`` and ``evil.🄝🄛`` as "evil.nl" (every character NFKC makes a
#: Latin letter or a number in parentheses, which ``tests/test_visual.py`` proves are these).
_READ_APART = {**dict.fromkeys(map(ord, "\u2006\u2008\u2009\u200a\u202f\u205f")),
               0xFF1A: ": ", 0xFF1F: "? ",
               **{code: unicodedata.normalize("NFKC", chr(code))[1:-1]
                  for block in (range(0x2474, 0x2488), range(0x249C, 0x24B6),
                                range(0x1F110, 0x1F12A))
                  for code in block}}
#: Letters drawn in a box or a circle that NFKC leaves as they are (🅱🅸🅹, 🅑, regional
#: indicators 🇧🇮🇯): in an address a reader reads the letter (between digits, a sign).
_BOXED_LETTERS = {code: unicodedata.name(chr(code)).rpartition(" ")[2]
                  for code in range(0x1F100, 0x1F200)
                  if unicodedata.name(chr(code), "").endswith(tuple(
                      f"LETTER {letter}" for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
                  and unicodedata.normalize("NFKC", chr(code)) == chr(code)}
#: The ideographic full stop, and its full-width and half-width forms: the label separators of
#: IDNA (UTS 46), which a browser reads as "." (NFKC folds only U+FF0E); in text the end of a
#: sentence, or IDNA's dot (:func:`_stop_or_dot`).
_IDNA_DOTS = "\u3002\uff0e\uff61"
_FULL_STOPS = re.compile(f"[{_IDNA_DOTS}]")
_DOTS = str.maketrans(dict.fromkeys(_IDNA_DOTS, "."))
#: URI schemes a reader may take for an address (or a link may use) besides http(s) and mailto:
#: phones, messages, chat and calls, files, code and payment.
SCHEMES = frozenset({
    "tel", "sms", "mms", "fax", "callto", "sip", "sips", "facetime", "facetime-audio",
    "skype", "whatsapp", "tg", "signal", "sgnl", "threema", "viber", "matrix", "xmpp", "irc",
    "ircs", "ftp", "ftps", "sftp", "ssh", "git", "file", "smb", "news", "nntp", "geo", "maps",
    "magnet", "bitcoin", "ethereum", "ws", "wss", "intent", "market", "itms-apps", "javascript",
    "data", "vbscript", "blob", "about", "chrome", "mailto", "http", "https",
})
#: A group of digits, and what may stand between two groups of a phone number: any spaces and
#: ASCII punctuation (06:1234:5678, 06 -- 1234, 06, 1234, 5678); every other sign is read as
#: one of these first (:func:`_as_number_signs`). One quantifier over one class each: linear.
_DIGIT_GROUP = re.compile(r"\d+")
_GAP = re.compile(r"[ !-/:-@\[-`{-~]*")
_ISO_T = re.compile(r"(?<=\d)T(?=\d)")
#: What parts the items of a list of numbers (dates and numbers: 27-11-2026, 0612345678).
_LIST = re.compile(r"[,;]")
#: A date (day, month and year either way round; 27-11-2026, 27. 11. 2026, 2026. 11. 27.) or
#: a span of years, as numbers and separators.
_DATE_LIKE = re.compile(r"(\d{1,4})([-/]|\. ?)(\d{1,2})\2(\d{1,4})|(\d{4}) ?[-/] ?(\d{4})"
                        r"|(\d{1,2})[-./](\d{1,2})\.?")
_NUMBERS = re.compile(r"\d+")
#: A time of day (with seconds and an offset from UTC, as ISO 8601 writes them), or a span of
#: two (20:00-22:00).
_TIME = r"[0-2]?\d[:.][0-5]\d(?:[:.][0-5]\d)?(?:[+-][01]\d:?[0-5]\d)?"
_TIMES = re.compile(f"{_TIME}(?: ?- ?{_TIME})?")
#: The characters Unicode's confusables (UTS #39) join to each ASCII digit, in any script
#: (O, Greek Ο and Cyrillic О for 0; l, I, |, ℓ, Greek Ι, Arabic alef and Hebrew vav for 1;
#: ...): in a number a reader dials them as that digit (``O6-l2345678``, ``06 ℓ234 5678``).
#: ``tests/test_check.py`` derives this table from the confusables data.
DIGIT_LOOKALIKES: dict[str, str] = {
    "0": "O\u039f\u041e\u0555\u0b20\u12d0\u2c9e\u2d54\u3007\ua4f3\uff2f\U00010292"
          "\U000102ab\U00010404\U000104c2\U00010516\U000118b5\U0001d40e\U0001d442"
          "\U0001d476\U0001d4aa\U0001d4de\U0001d512\U0001d546\U0001d57a\U0001d5ae"
          "\U0001d5e2\U0001d616\U0001d64a\U0001d67e\U0001d6b6\U0001d6f0\U0001d72a"
          "\U0001d764\U0001d79e",
    "1": "Il\u007c\u0196\u01c0\u0399\u0406\u04c0\u05c0\u05d5\u05df\u0627\u07ca\u16c1"
          "\u2110\u2111\u2113\u2160\u217c\u2223\u23fd\u2c92\u2d4f\ua4f2\ufe8d\ufe8e\uff29"
          "\uff4c\uffe8\U0001028a\U00010309\U00010320\U00016f28\U0001d408\U0001d425"
          "\U0001d43c\U0001d459\U0001d470\U0001d48d\U0001d4c1\U0001d4d8\U0001d4f5"
          "\U0001d529\U0001d540\U0001d55d\U0001d574\U0001d591\U0001d5a8\U0001d5c5"
          "\U0001d5dc\U0001d5f9\U0001d610\U0001d62d\U0001d644\U0001d661\U0001d678"
          "\U0001d695\U0001d6b0\U0001d6ea\U0001d724\U0001d75e\U0001d798\U0001e8c7"
          "\U0001ee00\U0001ee80",
    "2": "\u01a7\u03e8\u14bf\ua644\ua6ef\ua75a",
    "3": "\u01b7\u021c\u0417\u04e0\u2ccc\ua76a\ua7ab\U000118ca\U00016f3b\U0001d206",
    "4": "\u13ce\U000118af",
    "5": "\u01bc\U000118bb",
    "6": "\u0431\u13ee\u2cd2\U000118d5",
    "7": "\U000104d2\U000118c6\U0001d212",
    "8": "\u0222\u0223\u0b03\U0001031a\U0001e8cb",
    "9": "\u2cca\ua76e\U000118ac\U000118cc\U000118d6",
}
#: What is read as a digit or digits but the confusables data joins to no single digit: what
#: it joins to a string of them (Ⅱ, ‖, ǁ and ∥ are "ll", Ⅲ "lll", Ю "lO", ⏨ "10"), what NFKC
#: folds to look-alikes (｜, ⓛ, ᴼ, 🄾), the upright lines of box drawing, block elements and vertical
#: forms, drawn as a 1 (│ ║ ▏ ❘ ︱), and the keycap ten (🔟). ``tests/test_check.py`` derives
#: the first two from the data.
MORE_DIGIT_LOOKALIKES = frozenset(
    # joined to a string of look-alikes
    "\u01c1\u042e\u05f0\u2016\u2161\u2162\u2225\u23e8\ua698\ua74e"
    # folded (NFKC) to look-alikes
    "\u02e1\u1d35\u1d3c\u1d3d\u2097\u24be\u24c4\u24db\uff5c\U000107b6\U0001f138\U0001f13e"
    # upright lines: box drawing, block elements, bars, vertical forms of a dash or low line
    "\u2502\u2503\u2551\u258f\u2595\u23b8\u23b9\u23d0\u23f8\u2758\u2759\u275a\u2980"
    "\ufe31\ufe32\ufe33\U0001fb70\U0001fb71\U0001fb72\U0001fb73\U0001fb74\U0001fb75"
    # the keycap ten
    "\U0001f51f")
#: What is drawn as a digit but the confusables data joins to none (hostile passes wrote
#: ``Call Oƽ-ꜭʒꜭʒꜭʒꜭʒ``, ``⚀⚀⚂``, ``ՕՅՕ ՅՅՅ``, and Chromium drew O5-43434343, 113, 030 333):
#: the other case of each look-alike of 2 to 9 (ƨ ʒ з ƽ ꝯ; not Б, the capital of б, which
#: counts only in long numbers, see _DIGITS_IN_LONG_NUMBERS), the letters made from digits
#: (Zhuang's old tone letters ƻ Ƅ ƅ, the tresillo Ꜫ ꜫ and cuatrillo Ꜭ ꜭ, the small capital
#: and modifier ezh ᴣ ᶾ), the small palochka ӏ, the dice ⚀ to ⚅, and letters and signs of
#: the same shapes (Armenian Յ Զ, Georgian ვ ჳ, Ȥ ȥ ℨ Ꙁ ꙁ, Cyrillic Ч Ӌ, Coptic Ϭ ϭ, the
#: Tironian et ⁊, Hangul ㄱ ᄀ and the corners ┐ ⌉ ˥, Canadian syllabics ᑫ, ꝰ, ɋ). A letter
#: with a mark, or named WITH one, is read as its letter (:func:`.characters.base_letter`:
#: Ǯ, Ӟ, ƺ EZH WITH TAIL, Ҙ ZE WITH DESCENDER). ``tests/test_check.py`` derives the case
#: partners from the tables.
DRAWN_AS_DIGITS: dict[str, str] = {
    "1": "\u04cf\u2680",
    "2": "\u01a8\u03e9\ua645\ua75b\u01bb\u2681\u0536",
    "3": "\u0292\u0437\u04e1\u021d\u025c\ua76b\u2ccd\U000118aa\ua72a\ua72b\u1d23\u1dbe"
         "\u2682\u0545\u10d5\u10f3\u1c95\u1cb3\u0224\u0225\u2128\ua640\ua641",
    "4": "\ua72c\ua72d\uab9e\U000118cf\u2683\u0427\u04cb",
    "5": "\u01bd\U000118db\u2684",
    "6": "\uabbe\u2cd3\u0184\u0185\u2685\u03ec\u03ed",
    "7": "\U000104fa\U000118a6\u204a\u3131\u1100\u2510\u2309\u02e5",
    "9": "\u2ccb\ua76f\U000118b6\u146b\ua770\u024b",
}
#: Drawn as the digits readers of a right-to-left language of the Arabic script read: what
#: Unicode's confusables join to their 2, 3, 5, 7 and 8 (٥ ۵ as o, ο, о, ه; ٧ ۷ as V, ᐯ, Ѵ;
#: ٨ ۸ as Λ, Л, ᐱ), and v, ʌ and ⅴ: there, ``تماس: ΛΛΛ VVVV``, ``∨∨∨ ᐯᐯᐯᐯ`` and ``ooo-lll``
#: show digits (the 65th and 72nd passes). ``tests/test_check.py`` derives the data's part.
EASTERN_DIGIT_LOOKALIKES = frozenset(
    "\u0056\u006f\u0245\u039b\u03bf\u03c3\u041b\u043e\u0474\u0585\u05e1\u0647\u06be\u06c1"
    "\u06d5\u0c02\u0c82\u0d02\u0d20\u0d82\u101d\u10ff\u13d9\u142f\u1431\u1d0f\u1d11\u2134"
    "\u2164\u2c9f\u2d37\u2d38\ua4e5\ua4e6\ua6ce\ua6df\ua9cf\uab3d\ufba6\ufba7\ufba8\ufba9"
    "\ufbaa\ufbab\ufbac\ufbad\ufee9\ufeea\ufeeb\ufeec\uff4f\U0001028d\U0001042c\U000104b0"
    "\U000104ea\U0001051d\U000118a0\U000118c8\U000118d7\U00016f08\U00016f3d\U0001d20d"
    "\U0001d415\U0001d428\U0001d449\U0001d45c\U0001d47d\U0001d490\U0001d4b1\U0001d4e5"
    "\U0001d4f8\U0001d519\U0001d52c\U0001d54d\U0001d560\U0001d581\U0001d594\U0001d5b5"
    "\U0001d5c8\U0001d5e9\U0001d5fc\U0001d61d\U0001d630\U0001d651\U0001d664\U0001d685"
    "\U0001d698\U0001d6b2\U0001d6d0\U0001d6d4\U0001d6ec\U0001d70a\U0001d70e\U0001d726"
    "\U0001d744\U0001d748\U0001d760\U0001d77e\U0001d782\U0001d79a\U0001d7b8\U0001d7bc"
    "\U0001e8c9\U0001ee24\U0001ee64\U0001ee84"
    "v\u028c\u2174")
#: The signs (no letters) NFKC folds to one of these look-alikes, read as it (Ⓥ ⓥ 🅅 are V,
#: ⓞ is o, ㉠ is ᄀ); ``tests/test_check.py`` derives them. Letters that fold are read so anyway.
FOLDED_TO_LOOKALIKES = frozenset("\u24cb\u24de\u24e5\u3260\U0001f145")
LOOKS_LIKE_A_DIGIT = frozenset("".join(DIGIT_LOOKALIKES.values())) | MORE_DIGIT_LOOKALIKES \
    | frozenset("".join(DRAWN_AS_DIGITS.values()))
#: The look-alikes of the digits 2 to 9, and of several digits: no word's letters but by chance.
_MANY_OR_TWO_TO_NINE = frozenset("".join(DIGIT_LOOKALIKES[digit] + DRAWN_AS_DIGITS.get(digit, "")
                                         for digit in "23456789")) | MORE_DIGIT_LOOKALIKES


@functools.cache
def _number_patterns(ascii_only: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A look-alike beside a digit or one sign apart, and a run of digits, look-alikes and what
    numbers are written with, from at most 8 of them before its first digit;
    both linear (bounded or single quantifiers). In ASCII text
    only the ASCII look-alikes can stand, and their short class is matched some 50 times
    faster than the whole, which holds letters of a dozen scripts."""
    look = "".join(sorted(re.escape(char) for char in LOOKS_LIKE_A_DIGIT
                          if char.isascii() or not ascii_only))
    return (re.compile(f"[{look}][()./+\\-]?\\d|\\d[()./+\\-]?[{look}]"),
            re.compile(f"[{look}()./+\\- ]{{0,8}}\\d[\\d{look}()./+\\- ]*"))


#: What a URI scheme is written with (RFC 3986), lower case.
_SCHEME_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789+.-"


def _is_domain(text: str) -> bool:
    """Labels joined by dots, the last one reading as a domain's (:func:`_ending`:
    ``bij1.org``, also ``evil.example_`` or ``evil.example1``, which a reader takes for
    ``evil.example``; ``bij1hulp.c0``, ``bij1-hulp.n|`` and ``bij1.0rg``, which a reader takes
    for ``.co``, ``.nl`` and ``.org``)."""
    labels = text.split(".")
    if len(labels) < 2 or not all(labels):
        return False
    return _ending(labels[-1], any(map(str.isalpha, "".join(labels[:-1])))) \
        and all(map(_label, labels))


def _label(text: str) -> bool:
    """Whether ``text`` is a label of a domain name: letters, digits, ``-`` and ``_``, and the
    signs drawn as a letter (:func:`_letter_like`)."""
    return all(char.isalnum() or char in "-_" or _letter_like(char) for char in text)


def _ending(label: str, lettered: bool) -> bool:
    """Whether ``label`` reads as a domain's last one: a letter, then a letter or what is
    drawn as one (``nl``, ``c0``, ``n|``); or, after a label with a letter (``lettered``),
    letters and digits that start with a 0 or 1 and, with 0 as o and 1 as l or i, are a
    top-level domain (``0rg``, ``1t``, ``1nfo``, ``1o``: org, lt, info, io; ``v2.0rc1`` and
    ``2.0l`` are none; ``art.1a`` and ``x.1e`` are, Laos's ``la`` and Ireland's ``ie``).

    >>> [_ending(label, True) for label in ("nl", "0rg", "1t", "1nfo", "1O", "0rc1", "5kg", "n")]
    [True, True, True, True, True, False, False, False]
    >>> _ending("0rg", False)
    False
    """
    if len(label) < 2:
        return False
    if label[0].isalpha():
        return _letter_like(label[1])
    return lettered and label[0] in "01" and label.isascii() and label.isalnum() \
        and not label.isdigit() and (top_level_domain(label.translate(_AS_LETTERS))
                                     or top_level_domain(label.translate(_ONE_AS_I)))


def _letter_like(char: str) -> bool:
    """Whether ``char`` is a letter or is drawn as one: ``0`` and ``1`` (as ``o`` and ``l``),
    a digit of another script (০ ٥ ١ look like ``o`` and ``l``), an upright line or a circle
    (``|``, ``│``, ``○``, ``°``, :data:`_DRAWN_AS_LETTERS`).

    >>> [_letter_like(c) for c in ("a", "0", "1", "5", "\u09e6", "\u0665", "|", "\u25cb", "-")]
    [True, True, True, False, True, True, True, True, False]
    """
    return char.isalpha() or char in "01" or char in _DRAWN_AS_LETTERS or (
        not char.isascii() and unicodedata.digit(char, -1) >= 0)


def _address(word: str) -> str | None:
    """The address a word is, normalised for comparing (lower case, no punctuation around
    it, no trailing slash), or None.

    >>> [_address(w) for w in ("..evil.example", "@evil.example", "//x.org/", "z.B.", "BIJ1.")]
    ['evil.example', 'evil.example', 'x.org', None, None]
    >>> _address("联系sms:+31")  # written on to a word, as Chinese and Japanese do
    'sms:+31'
    >>> _address("+bestuur@bij1.org"), _address("_x@bij1.org."), _address(".@bij1.org")
    ('+bestuur@bij1.org', '_x@bij1.org', 'bij1.org')
    >>> _address("evil.org:8080"), _address("bestuur@evil.org:25"), _address("1.2.3.4:80/x")
    ('evil.org:8080', 'bestuur@evil.org:25', '1.2.3.4:80/x')
    """
    word = word.lower().rstrip(_AROUND).lstrip(_AROUND if "@" not in word else _NOT_ATEXT)
    scheme, colon, rest = word.partition(":")
    if colon and scheme not in SCHEMES:  # a scheme written on to a word: the word's ASCII end
        ascii_end = scheme[len(scheme.rstrip(_SCHEME_CHARACTERS)):]
        if ascii_end in SCHEMES:
            word, scheme = word[len(scheme) - len(ascii_end):], ascii_end
    if colon and scheme in SCHEMES and rest.strip(_AROUND) and "://" not in word:
        return word.rstrip("/")
    if "://" in word or word.startswith(("www.", "mailto:")):
        word = word.removeprefix("mailto:").rstrip("/")
        return word or None
    host = word.split("/", 1)[0].split("?", 1)[0]
    host = host[:1] + host[1:].split("#", 1)[0]  # a fragment; a # first is part of the word
    if "@" in host:
        local, _, domain = host.rpartition("@")
        domain = domain.partition(":")[0]  # a port
        if not _is_domain(domain) and not _IPV4.fullmatch(domain):
            return None
        return word if local.strip(_AROUND) else domain
    host = host.partition(":")[0]  # a port
    return word.rstrip("/") if _is_domain(host) or _IPV4.fullmatch(host) else None


#: What may join an address to the word before or after it (``Meldpunt:bij1-hulp.nl``,
#: ``see/bij1-hulp.nl``, ``bij1-hulp.nl~meld``, ``@hulp:bij1-hulp.nl``): one class, linear.
_JOINS = re.compile(r"[:/?#=&~+%@]+")


def _holding(word: str) -> str | None:
    """``word`` (lower case, no punctuation around it), if it is no address itself but one of
    its parts between :data:`_JOINS` starts with a domain name or an IPv4 address: the word is
    an address written on to what stands beside it, and is compared whole. None if not.

    >>> [_holding(w) for w in ("Meldpunt:bij1-hulp.nl", "bij1-hulp.nl~x", "x:1.2.3.4", "a:b/c",
    ...                        "bij1-hulp.nl.x", "z.B.", "1.000")]
    ['meldpunt:bij1-hulp.nl', 'bij1-hulp.nl~x', 'x:1.2.3.4', None, 'bij1-hulp.nl.x', None, None]
    >>> _holding("Visit1.2.3.4now")
    'visit1.2.3.4now'
    """
    if not any(_starts_with_a_domain(part) or _IPV4.match(part) for part in _JOINS.split(word)) \
            and not _IPV4_ON_LETTERS.search(word):
        return None
    return word.lower().strip(_AROUND) or None


def _starts_with_a_domain(text: str) -> bool:
    """Whether ``text`` starts with a domain name: labels of letters, digits, ``-`` and ``_``
    joined by dots, up to one (not the first) that reads as a domain's last (:func:`_ending`:
    ``bij1-hulp.nl``, ``bij1-hulp.nl.x``, ``bij1hulp.c0``, ``bij1.0rg``). Linear."""
    lettered = False  # a label before has a letter
    for index, label in enumerate(text.split(".")):
        if not label or not _label(label):
            return False
        if index and _ending(label, lettered):
            return True
        lettered = lettered or any(map(str.isalpha, label))
    return False


def addresses(text: str) -> set[str]:
    """Every URL, domain name and e-mail address that ``text`` shows, as a reader reads it
    (full-width and other compatibility forms folded, combining marks read past).

    ``text`` is what a reader sees: pass it through :func:`.characters.visible` first
    (hidden characters are not removed here; a caller has usually removed them already).

    >>> from pelican_bij1code.characters import visible
    >>> addresses(visible("evil\u00ad@host.org")), addresses("evil\u00ad@host.org")
    ({'evil@host.org'}, {'host.org'})
    """
    shown = text if text.isascii() else _folded(text)
    lettered = shown if shown.isascii() else _apart_from_spaceless(shown.translate(_BOXED_LETTERS))
    if not _hint(lettered):  # no ".x", "@x" or ":/": the common message has no address
        return phones(shown)
    found: set[str] = set()
    for piece in lettered.split():
        if _maybe(piece):
            start = 0  # where the word before the next one starts
            for match in _WORD.finditer(piece):
                address = _read(match.group())
                before = piece[start:match.start()]  # that word and what stands between
                if address and "@" in address and not opens(before):
                    address = before.lower() + address  # written on to it
                if address:
                    found.add(address)
                start = match.start()
    return found | phones(shown)


def _apart_from_spaceless(text: str) -> str:
    """``text`` with a space where a letter of a script written without spaces
    (:func:`_spaceless_letter`) touches a Latin letter or digit after it, or an address's
    end before it (a top-level domain, or a URL's last ``/``): Chinese, Japanese, Thai and
    Amharic write an address on to the words around it, and Korean its particles
    (请通过bestuur@bij1.org联系, bestuur@bij1.org로); a reader reads the address alone, and
    the bracket or comma after such a word (理事会（bestuur@bij1.org）) opens it. Inside a
    word such a letter stays part of it (evil.c口m, bij1hulp.c十 are no bij1hulp.c).

    >>> _apart_from_spaceless("请通过bestuur@bij1.org联系, bestuur@bij1.org로, 帮助.中国, c口m")
    '请通过 bestuur@bij1.org 联系, bestuur@bij1.org 로, 帮助.中国, c口 m'
    >>> _apart_from_spaceless("理事会(bestuur@bij1.org)。理事会,bestuur@bij1.org")
    '理事会( bestuur@bij1.org)。理事会, bestuur@bij1.org'
    >>> _apart_from_spaceless("见https://bij1.org/gedragscode/联系 bij1hulp.c十")
    '见 https://bij1.org/gedragscode/ 联系 bij1hulp.c十'
    """
    spaces: list[int] = []  # where a space is read
    start, size = 0, len(text)
    for at, char in enumerate(text + " "):
        if at < size and _spaceless_letter(char):
            continue
        if start < at:  # text[start:at] is such a run
            if start and _ends_an_address(text[max(0, start - 70):start]):  # a label at most
                spaces.append(start)
            end = at
            while end < size and _parts_after_a_word(text[end]):
                end += 1  # 理事会（ and 理事会，: after them
            if end < size and ((text[end].isascii() and text[end].isalnum())
                               or (end > at and not text[end].isspace())):
                spaces.append(end)
        start = at + 1
    if not spaces:
        return text
    pieces = [text[begin:end] for begin, end in zip([0, *spaces], [*spaces, size], strict=True)]
    return " ".join(pieces)


def _parts_after_a_word(char: str) -> bool:
    """Whether ``char``, punctuation after a word of a script written without spaces, parts
    it from what follows, as a space would: a bracket, a quotation mark, a comma (理事会（,
    理事会，), not what addresses are written with.

    >>> [_parts_after_a_word(c) for c in "(,【「.@:/-'a"]
    [True, True, True, True, False, False, False, False, False, False, False]
    """
    return unicodedata.category(char).startswith("P") and char not in _WRITTEN_IN_ADDRESSES


#: Punctuation an address is written with: never parts it from a word before it.
_WRITTEN_IN_ADDRESSES = frozenset(".@:/-_~%#?=&+'!*$;")


def _ends_an_address(text: str) -> bool:
    """Whether ``text`` ends as an address may: with a top-level domain after a dot, or a
    ``/``.

    >>> [_ends_an_address(t) for t in ("a@bij1.org", "bij1.nl", "https://x.nl/", "iPhone", "x.c")]
    [True, True, True, False, False]
    """
    if text.endswith("/"):
        return True
    label = _LAST_LABEL.search(text)
    return label is not None and top_level_domain(label.group(1))


#: The last label of a domain name at the end of a text (one quantifier: linear).
_LAST_LABEL = re.compile(r"\.([A-Za-z0-9-]{1,63})\Z")


@functools.cache
def _spaceless_letter(char: str) -> bool:
    """Whether ``char`` is a letter of a script written without spaces between words
    (:data:`.characters.SPACELESS_SCRIPTS`, Korean too), that looks like no Latin letter,
    digit or sign (not 丨, ー, ዐ, ဝ: :data:`_SPACELESS_LOOKALIKES`).

    >>> [_spaceless_letter(c) for c in ("联", "로", "ท", "በ", "a", "а", "丨", "\u12d0")]
    [True, True, True, True, False, False, False, False]
    """
    return (not char.isascii() and char.isalpha() and script_of(char) in SPACELESS_SCRIPTS
            and char not in _STROKES and char not in LOOKS_LIKE_A_DIGIT
            and char not in LOOKS_LIKE_A_SIGN and char not in _SPACELESS_LOOKALIKES)


#: Letters of scripts written without spaces that Unicode's confusables (UTS #39) join to an
#: ASCII character (Myanmar wa to o, Ethiopic ha to U, ...; NFKC folds the full-width Latin
#: ones first); ``tests/test_visual.py`` derives the set.
_SPACELESS_LOOKALIKES = frozenset("\u101d\u1200\u12d0\u30ce\u4e36\u4e3f")


def _read(word: str) -> str | None:
    """The address ``word`` is or holds (:func:`_address`, :func:`_holding`), also without the
    signs drawn as letters after its end (``evil.example...|``: ``evil.example``). A danda
    (।) after an address that ends as one does (a top-level domain) ends the sentence, as it
    does in Hindi and Bengali: ``bestuur@bij1.org।`` is ``bestuur@bij1.org``; ``bij1.n।`` reads
    as ``bij1.nl``.

    >>> [_read(w) for w in ("bestuur@bij1.org\u0964", "bij1.n\u0964")]
    ['bestuur@bij1.org', 'bij1.n।']
    """
    trimmed = word.rstrip(_DRAWN_AS_LETTERS)
    if trimmed != word and all(unicodedata.category(char) == "Po"
                               for char in word[len(trimmed):]) and _ends_an_address(trimmed):
        found = _address(trimmed) or _holding(trimmed)
        if found:
            return found
    found = _address(word) or _holding(word)
    if found is None and trimmed != word:
        found = _address(trimmed) or _holding(trimmed)
    return found


def opens(prefix: str) -> bool:
    """Whether ``prefix`` (what stands before an e-mail address in its word) only opens it:
    brackets and quotation marks, after any dash that parts a sentence; a closing bracket too,
    which is an opening one in a right-to-left script (Arabic ﴾, U+FD3E, closes by name).

    >>> [opens(p) for p in ("", "(", "\u300c", "\u00bb", "\u00bf", "x\u2014", "x\u2014(", "x",
    ...                      "x'", "$", ".", "\u2014$", "-")]
    [True, True, True, True, True, True, True, False, False, False, False, False, False]
    """
    for dash in SENTENCE_DASHES:  # a dash parts what is before it from the address
        prefix = prefix.rpartition(dash)[2]
    return all(char in _OPENERS or unicodedata.category(char) in ("Ps", "Pe", "Pi", "Pf")
               for char in prefix)


def phones(text: str) -> set[str]:
    """Phone numbers in ``text``: ``+`` and digits (a reader dials what they see), seven digits
    or more (six after a ``+``), not written on to a letter, and not a date or a span of years.

    >>> sorted(phones("+31 (0)20 123 45 67, 06-12345678, 2024 en 1.000, +1 555 0100"))
    ['+15550100', '+310201234567', '0612345678']
    >>> sorted(phones("bel 06, 1234, 5678 of 1.000, 2.000"))  # short items: one number
    ['0612345678', '10002000']
    >>> sorted(phones("bel 555-1234; BIJ1 (2016–2024), 27-11-2026, 2026/11/27, 0.612.345.678"))
    ['0612345678', '5551234']
    """
    if text.isascii():
        if ascii_digits(text) < 6:
            return set()  # fewer than six digits (counted without a loop in Python): most
    elif sum(map(str.isnumeric, text)) + sum(map(text.count, _CIRCLES)) < 6:
        return set()  # fewer than six digits or numerals (〇六, ○): most
    else:
        text = _as_number_signs(text)
    if "T" in text:  # ISO 8601 parts a date from its time with a T: 2026-11-27T12:30
        text = _ISO_T.sub(" ", text)
    found: set[str] = set()
    start = end = -1  # the run of groups being read: text[start:end], with its digits
    digits = 0
    for match in [*_DIGIT_GROUP.finditer(text), None]:
        if match is not None and start >= 0 and _GAP.fullmatch(text, end, match.start()):
            end = match.end()  # the next group of the run
            digits += end - match.start()
            continue
        if digits >= 6:
            found |= _numbers(text, start, end)
        start = end = -1
        digits = 0
        if match is not None and not text[match.start() - 1:match.start()].isalnum():
            start, end = match.span()  # a group written on to a letter starts no number
            digits = end - start
    return found


def ascii_digits(text: str) -> int:
    """How many ASCII digits ``text`` (ASCII) holds, counted without a loop in Python.

    >>> ascii_digits("BIJ1 en 0612345678")
    11
    """
    return len(text) - len(text.encode().translate(None, b"0123456789"))


def numbers(text: str) -> list[tuple[str, str]]:
    """The numbers ``text`` shows, as (group, run): each group of digits, of any script and
    by value, and the run of groups it stands in, joined (only spaces, punctuation and symbols
    between them: ``1.000`` is ``1000``; and letters with no space between them, which a
    reader reads as digits or passes over: ``1ı3``, ``2øø4``, ``1-ꟾ-3``, ``1零3``; a word of
    its own parts two numbers). A digit is what NFKC makes one (full-width,
    superscript, circled: ``１``, ``¹``, ``①``) and every numeral with a whole value that
    NFKC leaves (dingbat and double-circled ``❶ ⓵ ⓾``, Ethiopic ``፩``, counting rods): its
    value's digits; not a letter with a value (Han ``一``, ``〇``) nor a Roman numeral, which
    are words (第Ⅲ章, 一起, and idioms: 一五一十, 三三五五), read as numbers only in phone
    numbers (:func:`phones`). BIJ1's 1 is no number (``BIJ1113`` shows 113). A short
    number (a help line's 113), two years (``(2020) 1990``) and digits with letters on them
    (``0800-HULPNU``) are dialled as a phone number is; take the addresses out first (their
    digits are theirs).

    >>> numbers("bel 113 of 0800-1234 en ١٢, ² of 1.000")
    [('113', '113'), ('0800', '08001234'), ('1234', '08001234'), ('12', '122'), ('2', '122'), \
('1', '1000'), ('000', '1000')]
    >>> numbers("BIJ1 en BIJ1komsten of BIJ1113 of ❶❶❸ of ⓾ of 一五一十 of Ⅲ")
    [('113', '113'), ('113', '113'), ('10', '10')]
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text.translate(_numerals(text)))
    if "1" in text:
        text = _BIJ1.sub("BIJ", text)
    groups = [(match.start(), match.end()) for match in _DIGIT_GROUP.finditer(text)]
    found: list[tuple[str, str]] = []
    run: list[str] = []
    for index, (start, end) in enumerate(groups):
        run.append("".join(str(unicodedata.decimal(char)) for char in text[start:end]))
        following = groups[index + 1][0] if index + 1 < len(groups) else -1
        if following < 0 or _parts_numbers(text[end:following]):
            joined = "".join(run)
            found.extend((group, joined) for group in run)
            run = []
    return found


def _numerals(text: str) -> dict[int, str]:
    """A translation table: each numeral of ``text`` with a whole value that is no digit
    and that NFKC does not make digits, to its value's digits (see :func:`numbers`)."""
    table: dict[int, str] = {}
    for char in set(text):
        if char.isascii() or char.isdecimal() or not char.isnumeric():
            continue
        value = unicodedata.numeric(char)
        if value == int(value) and unicodedata.category(char) in ("No", "Nl") \
                and not ("\u2160" <= char <= "\u2188" or char == "\u3007") \
                and not unicodedata.normalize("NFKC", char).isdecimal():
            table[ord(char)] = str(int(value))
    return table


#: BIJ1, whose 1 is no number.
_BIJ1 = re.compile("bij1", re.IGNORECASE)


def _parts_numbers(between: str) -> bool:
    """Whether what stands between two groups of digits parts them into two numbers: a word of
    its own (white space around it) with two letters or digits a reader reads as such, not a
    dot, a sign or a digit drawn as a letter (``ꞏ``, ``ー``, ``l``) nor a modifier letter
    (``ʰ``). Letters written on to the digits join them (``1ı3``, ``2øø4``), and so does a
    lone letter between them (``0 ꞏ 6 ꞏ 1``, ``1 ı 3``).

    >>> [_parts_numbers(b) for b in (" or ", "-", "ı", " \ua78f ", " \u02b0 ", " a ", "øø", " øø ")]
    [True, False, False, False, False, False, False, True]
    """
    if not _LETTER_OR_DIGIT.search(between) or not _WHITE_SPACE.search(between):
        return False
    return any(sum(1 for char in word if char.isalnum() and char not in _READ_AS_SIGNS
                   and unicodedata.category(char) != "Lm") >= 2 for word in between.split())


#: A letter or a digit, and white space: what parts two runs of digit groups (:func:`numbers`).
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_WHITE_SPACE = re.compile(r"\s")


def _numbers(text: str, start: int, end: int) -> set[str]:
    """The phone numbers of the run of digit groups ``text[start:end]``, with the ``+`` before
    it (not written on to a letter), if any: the run, unless it is a date; or, cut into items
    at its commas and semicolons, each item that is a number by itself, and the short ones
    between two such (or a date) joined: a reader dials ``06, 1234, 5678``.

    >>> sorted(_numbers("bel +31 20, 1234, 27-11-2026; 06-12345678, 0612345678", 5, 54))
    ['+31201234', '0612345678']
    >>> _numbers("bel 06/12, 34/56, 78", 4, 20), _numbers("op 27/11, 28/11, 29/11", 3, 22)
    ({'0612345678'}, set())
    """
    run = text[start:end]
    if _a_date(run):
        return set()
    plus = start - 1 if text[start - 1:start] == "+" else start - 2 \
        if text[start - 2:start] == "+(" else -1
    prefix = "+" if plus >= 0 and not text[plus - 1:plus].isalnum() else ""
    found: set[str] = set()
    items = _LIST.split(run)
    dates = [_a_date(item.strip("() ")) for item in items]
    if any(not date and _dialled("+", item) is None
           for item, date in zip(items, dates, strict=True)):
        # among short numbers, a day and a month is short numbers too (06/12, 34/56, 78)
        dates = [date and sum(map(str.isdigit, item)) > 4
                 for item, date in zip(items, dates, strict=True)]
    pending, pending_prefix = "", prefix  # the short items since the last number or date
    for index, item in enumerate([*items, None]):
        here = prefix if index == 0 else ""
        if item is not None and item.lstrip(" (").startswith("+"):
            here = "+"
        date = item is not None and dates[index]
        number = _dialled(here, item) if item is not None and not date else None
        if item is None or date or number:  # the short items before it are one number
            joined = _dialled(pending_prefix, pending)
            found.update(n for n in (joined, number) if n)
            pending, pending_prefix = "", ""
            continue
        if not pending:
            pending_prefix = here
        pending += item
    return found


def _dialled(prefix: str, text: str) -> str | None:
    """The number a reader dials from ``text``, after ``prefix`` ("+" or ""): its digits, if
    there are seven or more (six after a "+"); None if fewer."""
    digits = "".join(char for char in text if char.isdigit())
    return prefix + digits if len(digits) >= 7 or (prefix and len(digits) >= 6) else None


def _as_number_signs(text: str) -> str:
    """``text`` (not ASCII) with every digit as the ASCII one of its value, and every sign
    outside ASCII read as a phone number's separator:
    a punctuation mark, symbol, modifier letter or one-stroke Han character (· • − ـ ׳ ・ ٫
    ٬ ، ؍ 一) as "-"; and a right-to-left letter, or a letter of Han, kana or Hangul (written
    without spaces: 2026年11月), as a line break, which
    parts two numbers but may stand before one (Arabic writes و "and" on to a number; a
    reader still dials ``و0612345678``), where a letter of a left-to-right script holds the
    digits written on to it (BIJ1 2024).

    >>> _as_number_signs("۰۶−۱۲۳۴ · ۵۶۷۸،و0612ـ345")
    '06-1234 - 5678-\\n0612-345'
    """
    if _LONE_LETTER.search(text):  # a letter alone between spaces, not a word: a sign
        text = _LONE_LETTER.sub(_lone_letter, text)  # (020 ᐨ 123 ᐨ 2024, 020 ǃ 123)
    table = {ord(char): _number_sign(char) for char in set(text)}
    lone = [at for at, char in enumerate(text) if table[ord(char)] == "\n"
            and char.isnumeric() and _lone_numeral(text, at)]
    if lone:  # a Han numeral of ten or more standing alone: its digits (06 卄 34 is 06 20 34)
        text = "".join(str(int(unicodedata.numeric(char))) if at in lone else char
                       for at, char in enumerate(text))
    return text.translate(table)


#: One character with white space (or the text's start or end) on both sides.
_LONE_LETTER = re.compile(r"(?<!\S)[^\W\d_](?!\S)")


def _lone_letter(match: re.Match[str]) -> str:
    """A letter standing alone between spaces, as a phone number's reader reads it: a sign
    ("-"), unless it is ASCII, of a right-to-left script (Arabic و "and") or East Asian."""
    char = match.group()
    if char.isascii() or unicodedata.bidirectional(char) in ("R", "AL") \
            or _east_asian_letter(char) or char.isnumeric():
        return char
    return "-"


def _lone_numeral(text: str, at: int) -> bool:
    """Whether ``text[at]`` (a numeral) stands alone: no letter or numeral but an ASCII
    digit beside it, so not in a Han number (二十三 is 23, not 2, 10 and 3); and its value
    is a whole number from 10 to 99.

    >>> [_lone_numeral(t, 1) for t in (" \u5344 ", "6\u53451", "\u4e8c\u5341\u4e09")]
    [True, True, False]
    """
    value = unicodedata.numeric(text[at], -1.0)
    return value.is_integer() and 10 <= value < 100 and _alone(text, at, at + 1)


def _alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has no letter and no numeral but an ASCII digit beside it."""
    return not any(char.isalpha() or (char.isnumeric() and not char.isascii())
                   for char in text[max(0, start - 1):start] + text[end:end + 1])


#: The circles Japanese writes for the numeral 〇 (zero): ○ and ◯.
_CIRCLES = "\u25cb\u25ef"


def _number_sign(char: str) -> str:
    """What :func:`_as_number_signs` reads ``char`` as: a numeral as its digit (〇六一二 and
    ⓿❻❶❷ are 0612), a sign as "-", a right-to-left or wide letter as a line break.

    >>> "".join(map(_number_sign, "⓿❻➀➊⓵፩六Ⅵ⑩۰۲"))
    '061111661002'
    """
    if char.isascii():
        return char
    if char.isdecimal():  # a digit of any script, by value: ۰۲۰ is dialled as 020
        return str(unicodedata.decimal(char))
    if char.isspace():  # every space a space (the Ogham one, U+1680, too), a line a line
        return "\n" if unicodedata.category(char) in ("Zl", "Zp") or char == "\x85" else " "
    if char in _CIRCLES:
        return "0"
    value = unicodedata.numeric(char, -1.0)
    # any numeral for 0 to 9 (六, Ⅵ, ❻, ⓿, Ethiopic ፮); an enclosed one to 99, as its digits
    # (⓫ is 11, 〸 is 10), but not a Han ten, which is read in a Han number (二十三)
    if value.is_integer() and 0 <= value < (
            100 if unicodedata.category(char) in ("No", "Nl") else 10):
        return str(int(value))
    if unicodedata.category(char)[0] in "PS" or unicodedata.category(char) == "Lm" \
            or char in _STROKES:
        return "-"
    if unicodedata.bidirectional(char) in ("R", "AL") or _east_asian_letter(char):
        return "\n"
    return char


def _a_date(run: str) -> bool:
    """Whether a reader reads ``run`` as a date or a span of dates, years or times of day, not a
    number to dial: a day, month and year (either way round) or two years, each from 1900 to
    2099, or hours and minutes; or two of these with a space between (a date and a time).

    >>> [_a_date(run) for run in ("2026-11-27 12:30", "27-11-2026  14:00 - 16:00",
    ...                           "12:30 27.11.2026", "27-11-2026 1234", "2026 1234")]
    [True, True, True, False, False]

    >>> [_a_date(run) for run in ("\u06f1\u06f4\u06f0\u06f3/\u06f0\u06f5/\u06f1\u06f2",
    ...                           "\u0662\u0660:\u0660\u0660-\u0662\u0662:\u0660\u0660")]
    [True, True]
    >>> [_a_date(run) for run in ("27-11-2026", "2026/11/27", "2016 - 2024", "06-12-3456",
    ...                           "99-99-2024", "2024-2016", "0612-2024", "2004/2005",
    ...                           "01.01.2024 - 31.12.2024", "20:00-22:00", "06:1234:5678",
    ...                           "27. 11. 2026", "2026. 01. 15", "2026 2025 2024", "27. 11-2026")]
    [True, True, True, False, False, True, False, True, True, True, False, True, True, True, False]
    """
    if not run.isascii():  # Arabic-Indic, Persian and other digits read as their values
        run = "".join(str(unicodedata.digit(char)) if char.isdigit() else char for char in run)
    if _a_date_or_span(run):
        return True
    first, _, second = run.partition(" ")
    return _a_date_or_span(first) and _a_date_or_span(second.strip())


def _a_date_or_span(run: str) -> bool:
    """:func:`_a_date` for one date, time or span, or a list of years (ASCII digits)."""
    if _TIMES.fullmatch(run):
        return True
    years = _NUMBERS.findall(run)  # 2024 – 2025 – 2026, or the other way round
    if len(years) > 1 and years in (sorted(set(years)), sorted(set(years), reverse=True)) \
            and all(len(year) == 4 and _a_year(int(year)) for year in years):
        return True
    for dash in (" - ", "-", "/"):  # a span of dates or years: 1-1-2024 - 31-12-2024
        first, _, second = run.partition(dash)
        if second and _a_date_or_span(first) and _a_date_or_span(second):
            return True
    match = _DATE_LIKE.fullmatch(run)
    if match is None:
        return False
    if match.group(5):
        return _a_year(int(match.group(5))) and match.group(5) != match.group(6) \
            and _a_year(int(match.group(6)))  # either way round: drawn right to left too
    if match.group(7):  # a day and a month: 27/11, 27.11.
        day, month = int(match.group(7)), int(match.group(8))
        return 1 <= min(day, month) <= 12 and max(day, month) <= 31
    first, middle, last = match.group(1), int(match.group(3)), match.group(4)
    if len(first) == 4 and len(last) <= 2:
        year, day = int(first), int(last)
    elif len(last) == 4 and len(first) <= 2:
        year, day = int(last), int(first)
    else:
        return False
    return _a_year(year) and 1 <= min(day, middle) <= 12 and max(day, middle) <= 31


def _a_year(year: int) -> bool:
    """A year a date in a code of conduct has: 1900-2099, or 1300-1499 of the Islamic or the
    Persian calendar."""
    return 1900 <= year <= 2099 or 1300 <= year <= 1499


#: A word: what stands between white space (one quantifier: linear).
_NOT_SPACE = re.compile(r"\S+")


def number_lookalike(text: str, right_to_left: bool = False) -> str | None:
    """The first character in a number of ``text`` that is not a digit but looks like one
    (:data:`DIGIT_LOOKALIKES`), or a letter written on to the digits of a number; None if there
    is none. A number is a run of digits, look-alikes, spaces and ``()./+-``, not part of a
    longer word, with a look-alike written on to a digit or five digits in all; or words with
    digits side by side, five digits in all, where a word with five digits or more, or more
    digits than letters, has a letter. A reader may dial the letter; a phone or screen reader
    reads it as a letter.

    >>> [number_lookalike(text) for text in ("Bel O6-l2345678.", "+3l (O)2O", "06 \u2113234 5678",
    ...                                      "o6-1z345678")]
    ['O', 'l', 'ℓ', 'o']
    >>> number_lookalike("BIJ1 (I), Hell0, 2016, mail.l2, Ol, l0l-x, 1234AB, COVID-19, I 2, "
    ...                  "BIJ1 (2016-2024), wij-7 06 1234")
    >>> number_lookalike("Bel 06 \u2113234 5678 Oliver"), number_lookalike("BIJ1 l234 5678")
    ('ℓ', 'l')
    >>> number_lookalike("061234\u064e\u0627")
    'ا'

    """
    ascii_only, original = text.isascii(), text
    written: list[str] = []  # each character of text as the translation writes it
    if not ascii_only:  # a combining mark between a digit and a look-alike hides nothing,
        # and a letter with a mark is the letter it is drawn on (أ is an alef, ۀ a heh)
        written = [char for char in text
                   if unicodedata.category(char)[0] != "M" or char in LOOKS_LIKE_A_DIGIT]
        text = "".join(char if char in LOOKS_LIKE_A_DIGIT else base_letter(char)
                       for char in written)
    else:
        digits = ascii_digits(text)
        if digits <= text.count("IJ1") + text.count("ij1"):
            return None  # no digit but BIJ1's (counted without a loop in Python): most
    beside_digit, number_run = _number_patterns(ascii_only)
    if ascii_only and digits < 5 and not beside_digit.search(text):
        return None
    for match in number_run.finditer(text):
        words, start, end = match.group().split(" "), match.start(), match.end()
        if start and text[start - 1].isalnum():
            start += len(words[0]) + 1
            words = words[1:]  # the end of a longer word (Hello, BIJ1)
        if text[end:end + 1].isalnum():
            words = words[:-1]  # the start of one (Oliver, l0l-x)
        run = " ".join(words)
        found = next((at for at, char in enumerate(run) if char in LOOKS_LIKE_A_DIGIT), None)
        if found is None:
            continue
        if sum(map(str.isdigit, run)) >= 5 or any(
                any(map(str.isdigit, word)) and not LOOKS_LIKE_A_DIGIT.isdisjoint(word)
                for word in words):
            return written[start + found] if written else run[found]
    # words with digits side by side (no comma between), five digits in all: a number, where
    # a word with more digits than letters has a letter on its digits (06 ı234 5678); East
    # Asian letters and punctuation part words as a space does (BIJ1、2026年)
    spans = [(match.start(), match.group()) for match in _NOT_SPACE.finditer(
        text if ascii_only else _east_asian_apart(text))]  # each word, and where it starts
    words = [word for _, word in spans]
    counts = [sum(map(str.isdigit, word)) for word in words]
    first = 0
    while first < len(words):
        last = first
        while last < len(words) and counts[last]:
            last += 1
            if words[last - 1].endswith((",", ";")):
                break
        if sum(counts[first:last]) >= 5:
            for (start, word), digits in zip(spans[first:last], counts[first:last],
                                             strict=True):
                places = [at for at in range(len(word)) if _written_on(word, at)]
                letters = [word[at] for at in places]
                if letters and (digits > len(letters) or digits >= 5) \
                        and not _a_written_time(word.strip(_TRAILING + "()"), letters):
                    return written[start + places[0]] if written else letters[0]
        first = max(last, first + 1)
    if ascii_only:
        return None
    return _lookalike_word(original, EASTERN_DIGIT_LOOKALIKES if right_to_left else frozenset())


def _lookalike_word(text: str, more: frozenset[str] = frozenset()) -> str | None:
    """The first character beyond ASCII of a number written in digit look-alikes: words made
    of them (and of digits), each at most :data:`_NUMBER_GAP` characters from the next, with
    anything but a letter or digit between (a space, a dash of any kind, a quotation mark or
    bracket, a mark on a letter: ``“OƼ–ƖƧƷƼƼȢȢ”``, ``Number:ӀӀӠ``); three look-alikes at
    least, one drawn as a digit from 2 to 9 or as several (``ӀӀӠ``, ``OƼ-ƖƧƷƼƼȢȢ``,
    ``О б l Ƨ Ȝ``, ``ⅠⅠⅢ``: a reader calls 113, 05-1235588 and 06123); not two letters alone
    (Ukrainian ``ЗІ``, "with"), nor look-alikes of 0 and 1 only (Greek ``ΟΙ``, "the").
    ``more``: what else is drawn as a digit of 2 to 9 there (:data:`EASTERN_DIGIT_LOOKALIKES`).

    >>> [_lookalike_word(t) for t in ("help line: \u04c0\u04c0\u04e0;", "\u039f\u0399 x",
    ...                               "\u0417\u0406 \u0417\u041d\u0410\u041d\u041d\u042f\u041c",
    ...                               "call \u041e \u0431 l \u01a7 \u021c.",
    ...                               "\u201cO\u01bc\u2013\u0196\u01a7\u01b7\u201d")]
    ['Ӏ', None, None, 'О', 'Ƽ']
    """
    looks, many = (LOOKS_LIKE_A_DIGIT | more, _MANY_OR_TWO_TO_NINE | more) if more \
        else (LOOKS_LIKE_A_DIGIT, _MANY_OR_TWO_TO_NINE)
    text = unicodedata.normalize("NFC", text)  # 그 is a syllable, not ᄀ and a sign
    run: list[str] = []  # the look-alikes of the words read since the last other word
    long = False  # whether the run needs a phone number's length (_DIGITS_IN_LONG_NUMBERS)
    end = 0  # where the last of them ends
    for match in [*_NUMBER_WORD.finditer(text), None]:
        word = match.group() if match is not None else ""
        drawn = _drawn_as_digits(word, looks, bool(run)) if match is not None else 0
        if drawn and more and _ROMAN_NUMBER.fullmatch(word):
            drawn = 0  # فصل VII: a chapter
        sign = match is not None and not drawn and _a_sign_alone(text, match)
        if drawn or sign:
            assert match is not None
            if run and len(_SPACES.sub(" ", text[end:match.start()])) > _NUMBER_GAP:
                found = _lookalike_number(run, many, long)
                if found is not None:
                    return found
                run, long = [], False
            if not sign:  # the look-alikes, no digit and no sign
                run += [char for char in word if not char.isdecimal() and (
                    _digit_like(char, looks) or char in _SMALL_ZERO_AND_ONE
                    or _digit_like(char, _DIGITS_IN_LONG_NUMBERS))]
                long = long or drawn == 2
            end = match.end()
            continue
        found = _lookalike_number(run, many, long)
        if found is not None:
            return found
        run, long = [], False
    return None


#: A word as :func:`_lookalike_word` reads it: letters, digits and digit look-alikes of any
#: kind (│, ⚀); anything else parts words (a combining mark too).
_NUMBER_WORD = re.compile("(?:[^\\W_]|['\u2019" + "".join(
    re.escape(char) for char in sorted(LOOKS_LIKE_A_DIGIT | FOLDED_TO_LOOKALIKES)
    if not char.isalnum()) + "])+")
#: How far apart two words of a number may stand: a bracket, a sign and a space each side
#: (white space counted as a page shows it, one space for a run of them).
_NUMBER_GAP = 5
_SPACES = re.compile(r"\s+")
#: A Roman numeral in capitals or small letters, which on a right-to-left page is no number of
#: V and Λ look-alikes (فصل VII, بندهای II-IV); each quantifier bounded.
_ROMAN_NUMBER = re.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
                           r"|m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")


def _drawn_as_digits(word: str, looks: frozenset[str], in_a_run: bool) -> int:
    """Whether every character of ``word`` is drawn as a digit: a digit, one of ``looks`` (a
    letter with a mark is its letter: Ǯ, Ӟ are a 3), and, beside a look-alike of 2 to 9, a
    small round or upright letter (:data:`_SMALL_ZERO_AND_ONE`, and
    :data:`_DIGITS_IN_LONG_NUMBERS`); signs between them (:func:`_in_a_number`). In a run
    already begun, small letters alone are 0s and 1s (``ƷƷ o ƼƼ o ƧƧ``, ``ƼƧ-oo-ƷƼ``).
    0: no; 1: yes; 2: yes, with a letter that counts only in a number of phone length."""
    small = long = False
    for char in word:
        if char.isdecimal() or _digit_like(char, looks) or _in_a_number(char):
            continue
        if char in _SMALL_ZERO_AND_ONE:
            small = True
        elif _digit_like(char, _DIGITS_IN_LONG_NUMBERS):
            long = True
        else:
            return 0
    if (small or long) and not in_a_run and not any(
            _digit_like(char, _MANY_OR_TWO_TO_NINE) for char in word):
        return 0
    return 2 if long else 1


def _a_sign_alone(text: str, match: re.Match[str]) -> bool:
    """Whether ``match`` is a letter alone between spaces that a reader reads as a sign, as in
    a phone number (:func:`_lone_letter`: ᐨ, ꟷ)."""
    start, end = match.span()
    return end - start == 1 and text[start - 1:start].isspace() \
        and (end == len(text) or text[end].isspace()) and _lone_letter(match) == "-"


def _in_a_number(char: str) -> bool:
    """Whether ``char`` may stand in a number's word as a sign, read as none of its digits: an
    apostrophe, a letter drawn as a sign or a dot (ー, ㅡ, ꞏ: the 67th pass wrote
    ``OƼ ー ƖƧ ー ƷƼ``), a modifier letter (ˉ). In ``об’єднанням`` the apostrophe joins the
    word, which is no number."""
    return (char in _SIGN_LETTERS or unicodedata.category(char) == "Lm") \
        and not _digit_like(char, LOOKS_LIKE_A_DIGIT)


def _digit_like(char: str, lookalikes: frozenset[str]) -> bool:
    """Whether ``char`` is one of ``lookalikes``, a letter drawn with a mark on one
    (:func:`.characters.base_letter`: Ǯ is Ʒ with a caron), or a form NFKC folds to one
    (Ｖ, Ⓥ, 𝐕 are V; ᶟ is ɜ; ﾡ, ㉠ are ᄀ)."""
    return not lookalikes.isdisjoint(_forms(char))


@functools.cache
def _forms(char: str) -> frozenset[str]:
    """``char``, its letter without marks, and its NFKC form (and that one's letter)."""
    folded = unicodedata.normalize("NFKC", char)
    return frozenset({char, base_letter(char), folded,
                      base_letter(folded) if len(folded) == 1 else folded})


def _lookalike_number(run: list[str], many: frozenset[str], long: bool) -> str | None:
    """The first character beyond ASCII of ``run``, the look-alikes of words read one after
    another, if they make a number: three at least (``long``, or ASCII letters alone, which a
    right-to-left page reads as its digits: a phone number's seven; ``voo`` is a word), one
    of ``many`` (2 to 9, or several)."""
    needed = _PHONE_LENGTH if long or all(char.isascii() for char in run) else 3
    if len(run) >= needed and any(_digit_like(char, many) for char in run):
        return next((char for char in run if not char.isascii() or char in many), None)
    return None


#: Small letters drawn round or upright, as a 0 or a 1: digits in a word of look-alikes with
#: one of 2 to 9 (``oƽ-ꜭʒꜭʒ``, ``iiʒ``, which passed after the 63rd pass's fix) and in a
#: number already begun, letters anywhere else.
_SMALL_ZERO_AND_ONE = frozenset("oi\u0131\u03bf\u03b9\u2c9f\u2c93\uff4f\uff49")
#: Cyrillic and Armenian letters drawn as a 0, a 1, a 4 or a 6 (о і ч օ Б), words as often
#: as not (обо, ібібіо, б.з.ч., ЗОБ): digits only in a number of phone length
#: (``зоо-бчз-оббз``, ``ԶօՅ-ԶօՅ-ԶօՅ``, ``ЗОБ-ЗОБ-ЗОБ``: the 70th pass).
_DIGITS_IN_LONG_NUMBERS = frozenset("\u043e\u0456\u0447\u04cc\u0585\u0411")
_PHONE_LENGTH = 7


def east_asian_punctuation(char: str) -> bool:
    """Whether ``char`` is punctuation of Chinese, Japanese or Korean that parts words as a
    space does: a wide one (、「」), or the full-width comma, colon, semicolon, marks and
    brackets (，：；！？（）: 版本：2026年); not a dot (:data:`DOT_LIKE`: 。 is judged apart) and
    not the full-width forms of what addresses are written with (＠ ／; a URL's ： is read as
    ``:`` where addresses are read).

    >>> [east_asian_punctuation(c) for c in "、「，（：。＠／,"]
    [True, True, True, True, True, False, False, False, False]
    """
    if char.isascii() or char in DOT_LIKE or _small_or_vertical(char):
        return False
    if char in _FULL_WIDTH_PARTING:
        return True
    return unicodedata.east_asian_width(char) == "W" and unicodedata.category(char)[0] == "P"


def _small_or_vertical(char: str) -> bool:
    """Whether ``char`` is one of the vertical or small presentation forms (U+FE10-FE19,
    U+FE30-FE6F: ︙ ﹅ ﹆ ﹑ ﹒), which draw dots, commas and lines for vertical or small text
    and never part the words of horizontal text: between Latin letters a reader may take one
    for a dot (the fifty-second pass: bij1hulp﹅nl, www﹑bij1hulp﹑nl).

    >>> [_small_or_vertical(c) for c in "\ufe19\ufe45\ufe51\u3001\uff0c"]
    [True, True, True, False, False]
    """
    return "\ufe10" <= char <= "\ufe19" or "\ufe30" <= char <= "\ufe6f"


#: The full-width punctuation that parts words in East Asian text (the rest is wide already).
_FULL_WIDTH_PARTING = frozenset("\uff0c\uff1a\uff1b\uff01\uff1f\uff08\uff09")


def _east_asian_apart(text: str) -> str:
    """``text`` with the letters and punctuation of Chinese, Japanese and Korean as spaces:
    written without spaces, they part the words and numbers around them.

    >>> _east_asian_apart("我是BIJ1，2016。BIJ1是党。").split()  # a full stop too
    ['BIJ1', '2016', 'BIJ1']
    """
    return text.translate({ord(char): " " for char in set(text) if _east_asian_letter(char)
                           or east_asian_punctuation(char) or char in _CJK_FULL_STOPS})


#: A time of day as French and others write it (12h30, 9h), or a span of two (12h30–14h00).
_H_TIMES = re.compile(r"[0-2]?\d[hH](?:[0-5]\d)?(?:[-\u2010-\u2015][0-2]?\d[hH](?:[0-5]\d)?)?")


def _a_written_time(word: str, letters: list[str]) -> bool:
    """Whether ``word``, whose ``letters`` stand on its digits, is a time: a date and time as
    ISO 8601 writes them, or a time as French writes it.

    >>> [_a_written_time(w, [c for c in w if c.isalpha()])
    ...  for w in ("2026-11-27T12:30", "12h30\u201314h00", "12h30-14h", "06h1234", "O6-1234")]
    [True, True, True, False, False]
    """
    if letters == ["T"]:
        return _a_date(word.replace("T", " "))
    return set(letters) <= {"h", "H"} and _H_TIMES.fullmatch(word) is not None


def _written_on(word: str, at: int) -> bool:
    """Whether ``word[at]``, in a word of a number, is a letter written on to its digits: a
    letter of a left-to-right script, a number that is no digit (〡, Ⅰ, ½), or a right-to-left
    letter drawn as a digit (:data:`RIGHT_TO_LEFT_DIGIT_LOOKALIKES`) where it stands alone, no
    letter, tatweel or joiner beside it to join (ه between two digits is drawn as ٥; هـ, the
    Hijri year's abbreviation, is not), or any right-to-left letter between two digits, where
    no spelling puts one (٠٦ٱ٢٣٤: alef wasla, drawn as a 1). Arabic and Hebrew write prefixes
    on to a number (و2025 "and 2025", ב־2024 "in 2024"), and suffixes (١٤٠٥ش): not these.

    >>> [_written_on(w, 1) for w in ("1ı2", "1\u30212", "1\u06482", "1\u05d12", "172")]
    [True, True, True, True, False]
    >>> [_written_on(w, 0) for w in ("\u06482025", "\u05d1\u05be2024")]
    [False, False]
    >>> [_written_on(w, 2) for w in ("١٢ه٣", "١٢ه", "١٢هـ", "١٢\u0647\u064e٣", "مهم")]
    [True, True, False, True, False]
    """
    char = word[at]
    if char in RIGHT_TO_LEFT_DIGIT_LOOKALIKES:
        return not (_joins(word, at, -1) or _joins(word, at, 1))
    if char.isalpha():
        if unicodedata.bidirectional(char) in ("R", "AL"):
            return _neighbour(word, at, -1).isdigit() and _neighbour(word, at, 1).isdigit()
        return unicodedata.bidirectional(char) == "L" and not _east_asian_letter(char)
    return char.isnumeric() and not char.isdigit()


def _neighbour(word: str, at: int, step: int) -> str:
    """The character beside ``word[at]`` (before it for a ``step`` of -1, after it for 1),
    combining marks passed; "" at the word's end."""
    at += step
    while 0 <= at < len(word) and unicodedata.category(word[at]) in ("Mn", "Me"):
        at += step
    return word[at] if 0 <= at < len(word) else ""


def _joins(word: str, at: int, step: int) -> bool:
    """Whether the character beside ``word[at]`` (before it for a ``step`` of -1, after it
    for 1; combining marks passed) is one a letter joins: a letter, a tatweel, a joiner."""
    beside = _neighbour(word, at, step)
    return beside.isalpha() or beside == "\u200d"


#: Right-to-left letters Unicode's confusables (UTS #39) join to a decimal digit of any script:
#: heh and its Persian, Urdu and Kurdish forms and samekh are drawn as ٥ (Arabic five) or ०;
#: alef, vav, final nun and N'Ko a as 1. ``tests/test_check.py`` derives the set.
RIGHT_TO_LEFT_DIGIT_LOOKALIKES = frozenset(
    "\u05d5\u05df\u05e1\u0627\u0647\u06be\u06c1\u06d5\u07ca\ufba6\ufba7\ufba8\ufba9\ufbaa"
    "\ufbab\ufbac\ufbad\ufe8d\ufe8e\ufee9\ufeea\ufeeb\ufeec\U0001ee00\U0001ee24\U0001ee64"
    "\U0001ee80\U0001ee84")


#: The Han characters of one stroke (一 丨 丶 丿 乙 亅: the first Kangxi radicals, folded), which
#: look like a dash, a bar, a dot or a digit; and the letters of Han, kana, Hangul and
#: Bopomofo that look like one of them or like a sign (Unicode's confusables, UTS #39, which a
#: test compares: ㅡ and ー like 一, ㅣ like 丨, ノ like /; and Bopomofo ㄧ, drawn as 一, and the
#: jamo ㆍ, a dot; with the forms NFKC folds them to): a reader takes each for a sign, not for
#: a letter that parts words.
_STROKES = frozenset(unicodedata.normalize("NFKC", chr(code)) for code in range(0x2F00, 0x2F06)) \
    | frozenset("\u3033\u30ce\u30fc\u3161\u3163\u3127\u318d\u1173\u1175\u119e")


#: What a reader takes for a sign or a digit, though no confusables table joins it to one: the
#: sign-like East Asian letters above, the Hangul ieung (ㅇ, ᄋ) and the circles drawn as a 0
#: (○ ◯ ⚪ ⭕ ° ◦ ∘ ●), and the upright lines drawn as a 1 (│ ┃ ∣ ⏐ ❘ ￨).
LOOKS_LIKE_A_SIGN = _STROKES | frozenset(
    "\u3147\u110b" + _CIRCLES + "\u26aa\u2b55\u00b0\u25e6\u2218\u25cf"
    "\u2502\u2503\u2223\u23d0\u2758\uffe8")


def _east_asian_letter(char: str) -> bool:
    """Whether ``char`` is a letter of a script written without spaces between words (Han,
    kana, Hangul: wide letters), not a one-stroke Han character: it parts the numbers and words
    written on to it (2026年11月27日), as a space does.

    >>> [_east_asian_letter(c) for c in ("年", "の", "한", "a", "Ａ", "一", "丶")]
    [True, True, True, False, False, False, False]
    """
    return (not char.isascii() and char.isalpha() and char not in _STROKES
            and unicodedata.east_asian_width(char) == "W")


def disguised_separator(text: str) -> str | None:
    """The first character between two Latin letters or digits of one word (no space between
    them) that is none of those, nor ASCII punctuation, a dash or a quotation mark written left
    to right: a reader may take it for a dot, colon or at sign (``meld\ua4f8nl`` reads
    "meld.nl", ``n\u0332l`` "nl") or for a Latin letter (Cyrillic а), so a word or an address
    written with it would escape the comparison. Spelling is allowed: a middle dot between
    two letters (Catalan ``col·lectiu``, inclusive ``militant·e·s``), except in a word with an
    ``@`` or a ``/`` or that ends like a domain (``·nl``, ``·org``), and ``°`` before a digit
    (``n°1``). Marks that compose into a letter (NFC) are that letter. ``text`` is what
    readers see, hidden characters removed. None if there is none.

    >>> [disguised_separator(t) for t in ("meld\ua4f8nl", "bij1.n\u0332l", "06\u00b712")]
    ['ꓸ', '̲', '·']
    >>> [disguised_separator(t) for t in ("hulp@meld\u00b7nl", "www\u00b7bij1\u00b7nl", "2\u00d72")]
    ['·', '·', '×']
    >>> disguised_separator("Organizacio\u0301n BIJ1’s safe(r) — ΒΙΙ1 BIJ1ها col·lectiu n°1")
    """
    if text.isascii():
        return None
    for word in unicodedata.normalize("NFC", text).split():
        if word.isascii():
            continue  # only ASCII punctuation between its letters: no suspect
        address_like = "@" in word or "/" in word or _ends_like_a_domain(word)
        pending: list[str] = []  # what stands since the last Latin letter or digit
        before = ""  # that letter or digit
        for at, char in enumerate(word):
            if _east_asian_letter(char) or east_asian_punctuation(char) or (
                    char in _CJK_FULL_STOPS and sentence_end(word, at)
                    and any(map(_east_asian_letter, text))):
                pending, before = [], ""  # written without spaces: a word ends (2026年11月,
                continue  # BIJ1、2026年; in CJK text BIJ1。COVID-19, but bij1。nl is a dot)
            if not _latin(char):
                if before and not _diacritic(char):
                    pending.append(char)
                continue
            if before and pending:
                spelling = not address_like and (
                    (pending == ["\u00b7"] and before.isalpha() and char.isalpha())
                    or (pending == ["\u00b0"] and char.isdigit()))
                suspect = next((c for c in pending if not _separator(c)), None)
                if suspect is not None and not spelling:
                    return suspect
            pending, before = [], char
    return None


def sign_after_www(text: str) -> str | None:
    """The sign between ``www`` (in any form NFKC folds to it: ``ｗｗｗ``, ``𝐰𝐰𝐰``, ``ⓦⓦⓦ``) and
    a Latin letter or digit that a reader takes for its dot: a comma, semicolon, colon or low
    line, or punctuation outside ASCII (``www,bij1hulp,nl``, ``www、bij1hulp、nl``); None if
    there is none. ``WWW…`` at a word's end, ``WWW・オンライン``, ``WWW/Internet`` and
    ``www@bij1.nl`` (an address, judged as one) are none.

    >>> [sign_after_www(t) for t in ("see www,bij1hulp,nl", "ｗｗｗ、bij1hulp", "wWw;bij1",
    ...                               "www.bij1.nl", "the WWW… and", "www-Adresse", "WWW's",
    ...                               "WWW・オンライン", "WWW/Internet", "WWW(World",
    ...                               "www@bij1.nl")]
    [',', '、', ';', None, None, None, None, None, None, None, None]
    """
    if text.isascii() and not ("ww" in text or "WW" in text or "wW" in text or "Ww" in text):
        return None
    folded = text if text.isascii() else unicodedata.normalize("NFKC", text)
    for match in _WWW_SIGN.finditer(folded):
        sign = match.group(1)
        if sign in ",;:_" or (not sign.isascii() and unicodedata.category(sign) == "Po"):
            return sign  # drawn as a dot, a comma or a line on it: not / ( @ - '
    return None


#: ``www``, a sign other than a dot, and a Latin letter or digit (:func:`sign_after_www`).
_WWW_SIGN = re.compile(r"(?<![^\W_])[wW]{3}([^\w\s.]|_)(?=[A-Za-z0-9])")


def _diacritic(char: str) -> bool:
    """Whether ``char`` is part of the Latin letter before it: a combining accent, tone or
    dot that NFC does not compose with it (Yoruba ẹ́, Lingala ɛ́, Nuer a̱), an apostrophe
    written as a letter (Hawaiian, Tongan and Uzbek ʻ, ʼ) or another modifier letter
    (nastaʿlīq, Riffian yegʷjen); not a line or a stroke drawn through or under letters
    (n\u0332l reads "nl", a\u0338b hides a letter), nor a modifier drawn on the line, as a dot,
    a comma or a colon are (ˑ, ˎ, ˏ, ˍ, ː).

    >>> [_diacritic(c) for c in ("\u0301", "\u0323", "\u0331", "\u02bb", "\u02b7", "\u0332",
    ...                          "\u0338", "\u02d1", "\u02d0", "\u02ce", "\u2092", ".")]
    [True, True, True, True, True, False, False, False, False, False, False, False]
    """
    if char in _APOSTROPHES:
        return True
    if unicodedata.category(char) == "Lm" and "\u02b0" <= char <= "\u02ff":
        name = unicodedata.name(char, "")
        return char not in DOT_LIKE and not any(map(name.__contains__, _ON_THE_LINE))
    return unicodedata.category(char) == "Mn" and (
        "\u0300" <= char <= "\u036f" or "\u1ab0" <= char <= "\u1aff"
        or "\u1dc0" <= char <= "\u1dff") and char not in _LINES_THROUGH


#: What the name of a modifier letter drawn on the line, as punctuation is, says (ˎ ˏ ˍ look
#: like a comma, a full stop or an underscore; ː ˸ like a colon).
_ON_THE_LINE = ("LOW", "COLON")
#: Combining marks drawn as a line under, over or through letters: they join or hide letters.
_LINES_THROUGH = frozenset("\u0305\u0332\u0333\u0334\u0335\u0336\u0337\u0338\u033f"
                           "\u0347\u034d")


#: What looks like a dot or a middle dot (Unicode's confusables of "." and "·", UTS #39, which
#: a test compares; and U+2E33, the raised dot): between two letters it reads as the dot of an
#: address (bij1hulp⸳рф, помощь·рф).
DOT_LIKE = frozenset("\u00b7\u0387\u05c3\u06d4\u0701\u0702\u16eb\u2022\u2024\u2027"
                     "\u2219\u22c5\u2981\u2e30\u2e31\u2e33\u30fb\ua60e\ua78f\ua4f8\ufe52"
                     "\uff65\U00010101\U00010a50\U0001d16d"
                     # the Arabic and Persian zeros, drawn as a dot; the Cree final ᐧ; the
                     # Hangul araea; and the dots IDNA reads as ".", before any ending
                     "\u0660\u06f0\u1427\u318d\u119e\u3002\uff0e\uff61"
                     # dots and small circles drawn as one: modifier letters, bullets
                     "\u02d1\u02d9\u02cc\u00b8\u2218\u25e6\u25cf\U0001f784"
                     # a letter drawn as a circled dot (the bilabial click ʘ)
                     "\u0298")
#: The dots of :data:`DOT_LIKE` that are spelling between two letters of Chinese, Japanese and
#: Korean: a name's dot (唐纳德·特朗普, ドナルド・トランプ, 남·북), and the full stops, which
#: end a sentence before the next one's letter (力量。我们, 我是BIJ1。我们).
_CJK_DOTS = frozenset("\u00b7\u30fb\uff65\u318d\u3002\uff61")
_CJK_FULL_STOPS = frozenset("\u3002\uff61")
#: The Cree final ᐧ, spelling between two letters of Canadian syllabics.
_CREE_FINAL = "\u1427"


def sign_between_letters(text: str) -> str | None:
    """The first character between two letters or digits of one word (no space between) that
    disguises it, where they are not both Latin (:func:`disguised_separator` judges Latin
    words); None if there is none. A reader may take it for the dot of an address
    (помощь⚫рф reads "помощь.рф"), or take the word for another (a Latin a in a Cyrillic word).
    It is one of these:

    - a dot (:data:`DOT_LIKE`), also in a word of its own script, but for the dots that are
      spelling: a name's dot and the full stop in Chinese, Japanese and Korean
      (:func:`_cjk_dot`), the Cree final among syllabics;
    - any other punctuation or symbol but a dash, a quotation mark, the wide punctuation of
      East Asian text (、「」) or general punctuation between two of its letters (我们……他们),
      unless it is spelling of the script of a letter beside it (Hebrew צה״ל, Tibetan ཀུན་ལ་,
      Ethiopic ፡, Armenian ՞): so every circle, ring, bullet and full stop of another script
      (⚫ ◉ ˚ ⸼ ᠃ ་ between Cyrillic letters);
    - a dot or ring drawn over or under a letter (a combining mark: помощь\u0323рф; one of
      Arabic's annotations and tone marks, مساعدة\u065cمصر; any script's between letters of
      two scripts, עזרה\u05c5com: the 71st pass; not a script's own between its letters, as
      Burmese ့), a mark of another script than the letters beside it (Thai phinthu between
      Cyrillic letters), or a spacing dot symbol (﮳);
    - a letter or digit of another script than the letters on both sides, which are of one
      (UTS #39's mixed scripts: a Latin a, ʘ or a modifier letter ꞉ in a Cyrillic word, an
      Arabic zero ٠ between Arabic letters), but for the apostrophes ʼ and ʻ.

    ``text`` is what readers see, hidden characters removed.

    >>> [sign_between_letters(t) for t in ("bij1hulp\u2e33\u0440\u0444", "\u043f\u00b7\u0440\u0444",
    ...                                    "\u043f\u26ab\u0440", "\u043f\u0430\u0070\u0430",
    ...                                    "\u043f\u0323\u0440", "\u0645\u0660\u0645")]
    ['⸳', '·', '⚫', 'п', '̣', '٠']
    >>> [sign_between_letters(t) for t in ("\u5510\u00b7\u7279", "col\u00b7lectiu", "a \u00b7 b",
    ...                                    "\u05e6\u05d4\u05f4\u05dc", "\u043c\u02bc\u044f",
    ...                                    "\u0661\u0660\u0662", "\u79c1\u306fBIJ1\u3001\u3002")]
    [None, None, None, None, None, None, None]
    """
    if text.isascii():
        return None
    for word in text.split():
        if word.isascii():
            continue
        last = -1  # where the last letter or digit stands
        for at, char in enumerate(word):
            if not char.isalnum() or char in DOT_LIKE or char in _APOSTROPHES:
                continue  # a dot drawn as a letter or digit (ꞏ, ٠) stands between letters
            if last >= 0 and at > last + 1:
                found = _sign_between(word, last, at)
                if found is not None:
                    return found
            last = at
        mixed = _mixed_scripts(word)
        if mixed is not None:
            return mixed
    return None


def _sign_between(word: str, last: int, at: int) -> str | None:
    """What :func:`sign_between_letters` finds between ``word[last]`` and ``word[at]``, two
    letters or digits with only other characters between them (but for a dot drawn as a
    letter, in a Latin word only that: the rest is :func:`disguised_separator`'s)."""
    before, after = word[last], word[at]
    latin = _latin(before) and _latin(after)
    for index in range(last + 1, at):
        char = word[index]
        if char.isascii() or (latin and not char.isalnum()):
            continue  # ASCII punctuation: an address, judged as one
        kind = unicodedata.category(char)
        if char in DOT_LIKE:
            if char.isdigit() and not (before.isalpha() and after.isalpha()):
                continue  # a zero in a number (١٠٢)
            if _cjk_dot(word, last, index) or (char == _CREE_FINAL and all(
                    unicodedata.name(c, "").startswith("CANADIAN SYLLABICS")
                    for c in (before, after))):
                continue
            return char
        if kind[0] == "M":
            name = unicodedata.name(char, "")
            dotted = "DOT" in name or "RING" in name or "STOP" in name or "CIRCLE" in name
            if script_of(char) not in ("COMBINING", script_of(before), script_of(after)) or (
                    dotted and (name.startswith(("COMBINING", "ARABIC"))
                                or script_of(before) != script_of(after))):
                return char  # another script's mark (ฺ), a dot (̣ ׅ ࣭ ۬: not Burmese ့)
            continue
        if kind == "Sk" and "DOT" in unicodedata.name(char, ""):
            return char  # a spacing dot symbol (﮲ ﮳), of any script
        if kind in ("Pd", "Pi", "Pf") or char in _APOSTROPHES or (
                kind[0] == "P" and "QUOTATION MARK" in unicodedata.name(char, "")):
            continue  # a dash or a quotation mark (also the low ones, „ ‚, that open a quote)
        if east_asian_punctuation(char) or (
                kind[0] == "P" and _east_asian_letter(before) and _east_asian_letter(after)
                and ("\u2000" <= char <= "\u206f" or script_of(char) == "CJK")):
            continue  # it parts words, as a space does; or punctuates CJK text (我们……他们)
        if kind[0] in "PS" and not (
                before.isalpha() and after.isalpha()
                and script_of(char) in (script_of(before), script_of(after))):
            return char
    return None


def _mixed_scripts(word: str) -> str | None:
    """The first letter of a second script in a run of letters, digits and marks in
    ``word`` (UTS #39's mixed scripts: a Latin ``a`` in a Cyrillic word, the Greek and
    Cyrillic look-alikes of BIJ1, ``ΒΙЈ1``, beside the real one); None if each run has one
    script. A hyphen or an apostrophe ends a run (Russian ``iPhone-ом``), and so does a letter
    of a script written without spaces (Chinese, Japanese, Korean, Thai...) or of a
    right-to-left one (whose affixes are written on to a Latin word): a word of its own. And
    apostrophes,
    modifier letters and ordinal indicators are no script: ``维生素C的``, ``α粒子和β射线``,
    ``PvdAوGroenLinks``, ``oʻzbek``, ``Sr.ª``.

    >>> [_mixed_scripts(w) for w in ("\u043fa\u043f\u0430", "\u0392\u0399\u04081",
    ...                              "\u7ef4\u751f\u7d20C\u7684", "o\u02bbzbek", "BIJ1\u304c",
    ...                              "iPhone-\u043e\u043c", "Sr.\u00aa", "\u043erg")]
    ['\u043f', 'Ј', None, None, None, None, None, 'о']
    """
    first = ""  # the first letter of the run, of a script that counts
    for char in word:
        if not (char.isalnum() or unicodedata.category(char)[0] == "M") or (
                char.isalpha() and _own_word(char)):
            first = ""  # a space, a sign, or a word of its own (和 in α粒子和β射线) ends a run
            continue
        if not char.isalpha() or char in "\u00aa\u00ba" or _diacritic(char):
            continue
        if not first:
            first = char
        elif script_of(char) != script_of(first):
            return first if script_of(char) == "LATIN" else char  # the one that is no Latin
    return None


def _own_word(char: str) -> bool:
    """Whether the letter ``char`` is a word of its own beside letters of other scripts: a
    letter of a script written without spaces (and the wide forms of Latin letters, written
    in CJK text), or of a right-to-left one."""
    return script_of(char) == "CJK" or unicodedata.name(char, "").startswith(SPACELESS_SCRIPTS) \
        or unicodedata.bidirectional(char) in ("R", "AL")


#: Apostrophes, written as letters or as quotation marks, inside words of many scripts
#: (Ukrainian мʼя, Uzbek oʻzbek).
_APOSTROPHES = "\u02bc\u02bb\u02b9\u2019"
def _cjk_dot(word: str, last: int, at: int) -> bool:
    """Whether the dot ``word[at]`` (of :data:`_CJK_DOTS`), after ``word[last]``, is spelling
    of Chinese, Japanese or Korean: a name's dot between two of their letters (唐纳德·特朗普,
    남·북), or between one of their words and a Latin one, but before a top-level domain
    (BIJ1・コミュニティ, アムステルダム・BIJ1; not bij1hulp・中国, ヘルプ・com), or a full stop
    that ends a sentence (:func:`sentence_end`).

    >>> [_cjk_dot(w, 0, 1) for w in ("\u5510\u00b7\u7279", "\u529b\u30022", "\u529b\u3002cn")]
    [True, True, False]
    >>> [_cjk_dot(w, w.index("\u30fb") - 1, w.index("\u30fb"))
    ...  for w in ("BIJ1\u30fb\u30b3\u30df", "\u30d8\u30eb\u30d7\u30fbBIJ1",
    ...            "bij1hulp\u30fb\u4e2d\u56fd", "\u30d8\u30eb\u30d7\u30fbcom", "evil\u30fbcom")]
    [True, True, False, False, False]
    """
    dot = word[at]
    if dot not in _CJK_DOTS:
        return False
    before, after = word[last], word[at + 1:at + 2]
    if script_of(before) == script_of(after or " ") == "CJK" \
            and before.isalpha() and after.isalpha():
        return True  # ー and the other sign-like letters too (フィジー・ヒンディー語)
    if dot not in _CJK_FULL_STOPS and after.isalnum() and before.isalnum() and (
            (script_of(before) == "CJK" and after.isascii())
            or (before.isascii() and script_of(after) == "CJK")):
        return sentence_end(word, at)  # read as the full stop is: a dot before a domain
    return dot in _CJK_FULL_STOPS and sentence_end(word, at) \
        and any(map(_east_asian_letter, word))  # in CJK text, not between Cyrillic words


def sentence_end(text: str, at: int) -> bool:
    """Whether the ideographic full stop ``text[at]`` (。 or ｡) ends a sentence, where IDNA
    would read it as the dot of an address. Chinese and Japanese write the next sentence on to
    it, so it is a sentence end but where what follows is a top-level domain
    (:func:`_reads_as_a_domain_ending`: 帮助。com的, bij1-hulp。email, bij1-hulp。c0,
    bij1hulp。сом; 榜样。BIJ1是 and 。WhatsApp are no domains), after a Latin word (but BIJ1)
    also in CJK letters (bij1-hulp。中国), or where it stands after ``www`` or between two
    digits (1。1。1。1, an IPv4 address). Looks at the words beside it only: linear.

    >>> [sentence_end(t, t.index("\u3002")) for t in ("力。我", "力。2026", "样。BIJ1是",
    ...  "。iPhone 15", "。Wi-Fi", "助。com的", "助。cn", "www。帮助", "a。", "助。ＣＯＭ",
    ...  "p。email", "1。1", "p。中国", "力。中国")]
    [True, True, True, True, True, False, False, False, True, False, False, False, False, True]
    >>> [sentence_end(t, t.index("\u3002"))
    ...  for t in ("BIJ1。世界需要", "BIJ1。世界", "p。c0", "p。0rg", "p。\u217dom",
    ...            "p。\u217d\u217e")]
    [True, False, False, False, False, False]
    """
    before = text[max(0, at - 3):at]
    if unicodedata.normalize("NFKC", before).lower() == "www" and (
            at < 4 or not _latin(text[at - 4])):
        return False
    after = text[at + 1:at + 2]
    if not unicodedata.normalize("NFKC", after).isalnum() and after not in _DRAWN_AS_LETTERS:
        return True
    if after.isdigit() and text[at - 1:at].isdigit() and _octet(text, at):
        return False  # 1。1。1。1 (a number of four digits or more ends a sentence: 1000。2026年)
    if _east_asian_letter(after):
        if not (at and (_latin(text[at - 1]) or text[at - 1].isdigit())):
            return True  # between CJK words a sentence ends (力量。中国人民)
        longest = _longest_domain()
        run = text[at + 1:at + 2 + longest]
        if text[max(0, at - 4):at].upper() == "BIJ1":  # a sentence after BIJ1 (BIJ1。世界是),
            letters = next((at for at, char in enumerate(run) if not char.isalpha()), len(run))
            return not top_level_domain(run[:letters])  # but a domain alone (BIJ1。中国): ー too
        return not any(top_level_domain(run[:end])
                       for end in range(1, min(len(run), longest) + 1))
    end = at + 1
    while end < len(text) and (text[end] == "-" or text[end] in _DRAWN_AS_LETTERS or (
            not _east_asian_letter(text[end])  # and what NFKC makes a letter: ⓞⓡⓖ, 🄾🅁🄶
            and unicodedata.normalize("NFKC", text[end]).isalnum())):
        end += 1
    word = text[at + 1:end]
    if word.isnumeric() and unicodedata.normalize("NFKC", word).isnumeric():
        return True  # a number (力量。2026年), not Roman numerals NFKC makes letters (。ⅽⅾ)
    return not _reads_as_a_domain_ending(word)  # помощь。рф: .рф is one; 。ⅽom, 。0rg


def _octet(text: str, at: int) -> bool:
    """Whether the digits on both sides of ``text[at]`` are runs of three at most, as an IPv4
    address's numbers are."""
    before = len(text[:at]) - len(text[:at].rstrip("0123456789０１２３４５６７８９"))
    after = len(text[at + 1:]) - len(text[at + 1:].lstrip("0123456789０１２３４５６７８９"))
    return before <= 3 and after <= 3


@functools.cache
def _longest_domain() -> int:
    """How many characters the longest top-level domain of the list has that is not ASCII
    (the Japanese ファッション has six): how far after a dot one may be looked for."""
    return max(len(suffix) for suffix in _public_suffixes()._publicsuffix
               if "." not in suffix and not suffix.isascii())


@functools.cache
def _public_suffixes() -> PublicSuffixList:
    from publicsuffixlist import PublicSuffixList  # the list: only where a word could be one

    return PublicSuffixList(only_icann=True, accept_unknown=False)


def top_level_domain(word: str) -> bool:
    """Whether ``word`` (full-width forms folded, any case) is a top-level domain: in the
    ICANN section of the Public Suffix List, as the ``publicsuffixlist`` package ships it, or
    an IDNA one (``xn--``). Browsers and link finders know it; a reader types it.

    >>> [top_level_domain(w) for w in ("nl", "ＣＯＭ", "email", "中国", "xn--fiqs8s", "ex",
    ...                                "WhatsApp", "我们", "")]
    [True, True, True, True, True, False, False, False, False]
    """
    word = unicodedata.normalize("NFKC", word).lower()
    if not word or "." in word:
        return False
    return word.startswith("xn--") or _public_suffixes().is_public(word)


def _reads_as_a_domain_ending(word: str) -> bool:
    """Whether a reader may read ``word``, after a dot, as a top-level domain: it is one
    (:func:`top_level_domain`), also read with 0 and 1 as o and l (``c0``, ``n1``); or, fail
    closed, it holds anything but ASCII letters, digits and ``-`` once NFKC has folded it
    (``сом`` in Cyrillic, ``ϲom``, ``n|``, ``co〇``: a look-alike of one).

    >>> [_reads_as_a_domain_ending(w) for w in ("nl", "c0", "ｃ０", "c\u2070", "\u0441\u043e\u043c",
    ...                                         "n|", "WhatsApp", "COVID-19", "iPhone")]
    [True, True, True, True, True, True, False, False, False]
    """
    folded = unicodedata.normalize("NFKC", word)
    if not folded.replace("-", "").isalnum() or not folded.isascii():
        return bool(folded)
    return top_level_domain(folded) or top_level_domain(folded.translate(_AS_LETTERS))


#: The digits a reader takes for letters at the end of a domain.
_AS_LETTERS = str.maketrans("01", "ol")
_ONE_AS_I = str.maketrans("01", "oi")


def _ends_like_a_domain(word: str) -> bool:
    """Whether what follows the last middle dot of ``word`` reads as a top-level domain
    (``hulp·email``, ``hulpbij·nl``, ``bij1·n1``); not Catalan's ``l·l`` (``il·legal``,
    ``col·la``) nor French inclusive endings after a plain word (``militant·es``,
    ``citoyen·ne``; ``bij1-hulp·es`` reads as a domain).

    >>> [_ends_like_a_domain(w) for w in ("hulp\u00b7email", "hulpbij\u00b7nl", "bij1\u00b7n1",
    ...                                   "militant\u00b7es", "col\u00b7la", "il\u00b7legal",
    ...                                   "militant\u00b7e\u00b7s", "bij1-hulp\u00b7es")]
    [True, True, True, False, False, False, False, True]
    """
    if "\u00b7" not in word:
        return False
    stem, _, ending = word.rpartition("\u00b7")
    cjk = next((at for at, char in enumerate(ending)
                if _east_asian_letter(char) or east_asian_punctuation(char)), len(ending))
    ending = unicodedata.normalize("NFKC", ending[:cjk].rstrip(_TRAILING + ")]"))  # ·nl的
    if not (ending.isascii() and _reads_as_a_domain_ending(ending)):
        return False  # il·lícit: Catalan
    if stem[-1:].lower() == "l" and ending[:1].lower() == "l":
        return False  # Catalan l·l (il·legal, col·la)
    return ending.lower() not in _INCLUSIVE_ENDINGS or "\u00b7" in stem or any(
        char.isdigit() or char == "-" for char in stem)


#: The endings of French inclusive writing that are also a country's domain (militant·es,
#: citoyen·ne, chacun·se, nouveau·ve): spelling after a plain word.
_INCLUSIVE_ENDINGS = frozenset({"es", "ne", "se", "ve"})


def _latin(char: str) -> bool:
    """A Latin letter (not a modifier letter: subscript ``ₒ`` is drawn as a full stop) or an
    ASCII digit."""
    if char.isascii():
        return char.isalnum()
    return char.isalpha() and unicodedata.category(char) != "Lm" \
        and unicodedata.name(char, "").startswith("LATIN ")


def _separator(char: str) -> bool:
    """What may stand between the letters of a word or an address: ASCII punctuation, or a
    dash or quotation mark written left to right (a right-to-left one, such as the Hebrew
    maqaf, sets the pieces around it in right-to-left order)."""
    if char.isascii():
        return True
    return ((unicodedata.category(char) in ("Pd", "Pi", "Pf") or char in "\u2019\u02bc")
            and unicodedata.bidirectional(char) not in ("R", "AL"))


def without_addresses(text: str) -> str:
    """``text`` (visible, as for :func:`addresses`) without the words that are addresses
    (BIJ1 in bestuur@bij1.org is no word).

    >>> without_addresses("BIJ1: bestuur@bij1.org, bij1.org/x.")
    'BIJ1:'
    >>> without_addresses("关于BIJ1komsten，请通过bestuur@bij1.org联系或hulp@localhost联系")
    '关于 BIJ1komsten，请通过 联系或 hulp@localhost联系'
    >>> sorted(addresses("zie bij1.org/gedragscode/ en www.bij1.org"))
    ['bij1.org/gedragscode', 'www.bij1.org']
    """
    if not _hint(_folded(text)):
        return text
    return " ".join([piece for piece in words(text) if not (_maybe(piece) and addresses(piece))])


def words(text: str) -> list[str]:
    """The words of ``text`` as addresses are read in it: parted by white space, and where a
    word of a script written without spaces touches a Latin one (:func:`_apart_from_spaceless`).

    >>> words("请通过bestuur@bij1.org联系 BIJ1")
    ['请通过', 'bestuur@bij1.org', '联系', 'BIJ1']
    """
    return _apart_from_spaceless(text).split() if not text.isascii() else text.split()


def _hint(text: str) -> bool:
    """Whether ``text`` has a ".", "@" or ":" before a letter, digit, "_", "/" or "+"
    (without one, it holds no address)."""
    if "@" in text or ":" in text:
        return _HINT.search(text) is not None
    return _DOT_HINT.search(text) is not None  # a pattern that starts with "." is found faster


def _folded(text: str) -> str:
    """``text`` as a reader reads an address in it: narrow spaces taken out, compatibility
    forms folded (NFKC), IDNA's dots as ".", every hyphen as "-" (``06\u20111234\u20125678``
    is a phone number; the dashes that part a sentence, :data:`SENTENCE_DASHES`, stay), and
    no combining marks (a reader reads ``n\u0332l`` as "nl"; NFKC composes only the marks
    that have a composed form).

    >>> _folded("ｂｉｊ１．ｏｒｇ"), _folded("bij1-hulp.n\u0332l"), _folded("e\u0301vil.com")
    ('bij1.org', 'bij1-hulp.nl', 'évil.com')
    >>> _folded("06\u20111234\u20125678\u05be9\u2014x"), _folded("evil.\u24a9\u24a7")
    ('06-1234-5678-9—x', 'evil.nl')
    """
    if text.isascii():
        return text
    if _ROMAN_NUMERAL.search(text):
        text = _roman_numerals_alone(text)
    folded = unicodedata.normalize("NFKC", _FULL_STOPS.sub(_stop_or_dot, text.translate(
        _READ_APART))).translate(_DOTS)
    return "".join(["-" if kind == "Pd" and char not in SENTENCE_DASHES else char
                    for char in folded
                    if not (kind := unicodedata.category(char)).startswith("M")])


def _stop_or_dot(match: re.Match[str]) -> str:
    """A full stop of :data:`_FULL_STOPS` as a reader reads it: the end of a sentence, with a
    space after (:func:`sentence_end`), or IDNA's dot; the full-width one (．), drawn as ".",
    is a dot before any Latin letter or digit.

    >>> [_FULL_STOPS.sub(_stop_or_dot, t) for t in ("a。nl", "力。我", "样。BIJ1是", "助。cn",
    ...                                             "１．ｏｒｇ中", "力．我", "www。帮助")]
    ['a。nl', '力。 我', '样。 BIJ1是', '助。cn', '１．ｏｒｇ中', '力。 我', 'www。帮助']
    """
    text, at = match.string, match.start()
    if match.group() == "\uff0e":
        after = unicodedata.normalize("NFKC", text[at + 1:at + 2])
        return match.group() if after.isascii() and after.isalnum() else "\u3002 "
    return "\u3002 " if sentence_end(text, at) else match.group()


#: The Roman numerals NFKC folds to letters (Ⅻ to XII).
_ROMAN_NUMERAL = re.compile("[\u2160-\u217f]")


def _roman_numerals_alone(text: str) -> str:
    """``text`` with each run of Roman numeral characters that stands alone (no letter or
    other numeral beside it) as its value's digits, before NFKC folds them to letters: a
    reader dials ``06 Ⅻ 34`` and ``06 ⅩⅡ 34`` as ``06 12 34``; ``Ⅻb`` stays.

    >>> _roman_numerals_alone("06 \u216b 34 \u2169\u2161 \u216f\u216f\u2169\u2169\u2165 x\u2162")
    '06 12 34 12 2026 xⅢ'
    """
    def roman(char: str) -> bool:  # the Roman numerals NFKC folds to letters (Ⅻ to XII)
        return "\u2160" <= char <= "\u217f"

    pieces: list[str] = []
    at = 0
    while at < len(text):
        end = at
        while end < len(text) and roman(text[end]):
            end += 1
        if end == at:
            pieces.append(text[at])
            at += 1
            continue
        values = [int(unicodedata.numeric(char)) for char in text[at:end]]
        pieces.append(str(sum(-value if index + 1 < len(values) and value < values[index + 1]
                              else value for index, value in enumerate(values)))
                      if _alone(text, at, end) and not _in_an_address(text, at, end)
                      else text[at:end])
        at = end
    return "".join(pieces)


def _in_an_address(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands beside a sign addresses are written with (a dot of
    any kind, ``@``, ``:``, ``/``): there Roman numerals are the letters NFKC makes of them
    (``bij1hulp.ⅽⅾ`` is ``bij1hulp.cd``, and IDNA reads it so).

    >>> [_in_an_address(t, 2, 4) for t in ("x.\u217d\u217e", "06\u216b\u2161 34", "a@\u2170\u2170")]
    [True, False, True]
    """
    return any(char in ".@:/" or char in _IDNA_DOTS or char in DOT_LIKE
               for char in text[max(0, start - 1):start] + text[end:end + 1])


def _maybe(piece: str) -> bool:
    """Whether a piece of text between spaces may hold an address (most words do not)."""
    return (":" in piece or not piece.isascii()
            or ("." in piece and "." in piece.rstrip(_TRAILING)))


def points_to(address: str, target: str) -> bool:
    """Whether a link to ``target`` goes where its text's ``address`` says.

    >>> points_to("bestuur@bij1.org", "mailto:bestuur@bij1.org")
    True
    >>> points_to("bij1.org/gedragscode", "https://evil.example/bij1.org/gedragscode")
    False
    >>> points_to("https://bij1.org", "https://bij1.org/")
    True
    """
    goal = target.strip().lower()
    if "@" in address and "://" not in address:
        return goal == f"mailto:{address}"
    goal = goal.removeprefix("https://").removeprefix("http://").rstrip("/")
    shown = address.removeprefix("https://").removeprefix("http://").rstrip("/")
    return goal == shown or goal.removeprefix("www.") == shown.removeprefix("www.")


#: Letters a reader takes for a dot, a sign or a digit: no word of their own between two
#: numbers (:func:`_parts_numbers`).
_READ_AS_SIGNS = DOT_LIKE | LOOKS_LIKE_A_SIGN | LOOKS_LIKE_A_DIGIT
#: What is read as a sign or a dot in a number's word, and apostrophes (see _in_a_number).
_SIGN_LETTERS = (DOT_LIKE | LOOKS_LIKE_A_SIGN | frozenset("'\u2019")) - LOOKS_LIKE_A_DIGIT
