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

import re
import unicodedata

#: A word that may be an address: letters, digits and the punctuation addresses use.
_WORD = re.compile(r"[\w.@:/%?=&#~+\-]+")
_TRAILING = ".,:;!?"
#: Punctuation that may stand around an address without being part of what a reader reads.
_AROUND = ".,:;!?@/#%&=+~_-"
_HINT = re.compile(r"[.@:][\w/+]")
_DOT_HINT = re.compile(r"\.[\w/+]")  # the same, where there is no "@" and no ":"
#: The label separators of IDNA (UTS 46): a browser reads each as ".", NFKC folds only U+FF0E.
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
#: URI schemes a reader may take for an address (or a link may use) besides http(s) and mailto:
#: phones, messages, chat and calls, files, code and payment.
SCHEMES = frozenset({
    "tel", "sms", "mms", "fax", "callto", "sip", "sips", "facetime", "facetime-audio",
    "skype", "whatsapp", "tg", "signal", "sgnl", "threema", "viber", "matrix", "xmpp", "irc",
    "ircs", "ftp", "ftps", "sftp", "ssh", "git", "file", "smb", "news", "nntp", "geo", "maps",
    "magnet", "bitcoin", "ethereum", "ws", "wss", "intent", "market", "itms-apps", "javascript",
    "data", "vbscript", "blob", "about", "chrome", "mailto", "http", "https",
})
#: A run of what phone numbers are written with; 8 digits or more, or a "+" and 6, is a phone
#: number to compare (1.000.000 has 7).
#: Six digits in a phone-like run, the least a number to compare has (bounded: linear).
_SIX_DIGITS = re.compile(r"\d(?:[()./ \-]{0,3}\d){5}")
#: Linear: each repetition is a short separator and a digit. A number starts a word: a digit
#: written on to a letter (BIJ1's 1) starts none.
_PHONE_RUN = re.compile(r"(?<![^\W\d_])\+?\(?\d(?:[()./ \-]{0,3}\d)*")
#: What a reader reads as a date, a span of years or an amount, not as a phone number: day,
#: month and year (either way round; a year from 1900 to 2099), two years, or thousands.
_NOT_A_PHONE = re.compile(r"(?:\d\d?([-./])\d\d?\1(?:19|20)\d\d|(?:19|20)\d\d([-./])\d\d?\2\d\d?"
                          r"|(?:19|20)\d\d ?- ?(?:19|20)\d\d|\d{1,3}(?:[.,]\d{3})+)")
#: The letters and signs Unicode's confusables (UTS #39) give a digit's look, of those that
#: may stand inside a Latin word (any other is ``lookalike`` already): O for 0; l, I and | for
#: 1; ... ``tests/test_visual.py`` derives this set from the confusables data.
DIGIT_LOOKALIKES = frozenset("OIl|ǀƖƧꝚ\uA7ABȜƷꝪƼȢȣꝮ")  # \uA7AB: Ɜ
_LOOKALIKE = "[" + "".join(sorted(DIGIT_LOOKALIKES)).replace("|", "\\|") + "]"
#: A look-alike beside a digit, or one sign apart (linear: no unbounded quantifier).
_BESIDE_DIGIT = re.compile(f"{_LOOKALIKE}[()./+\\-]?\\d|\\d[()./+\\-]?{_LOOKALIKE}")


#: What a URI scheme is written with (RFC 3986), lower case.
_SCHEME_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789+.-"


def _is_domain(text: str) -> bool:
    """Labels joined by dots, the last starting with two letters (``bij1.org``, also
    ``evil.example_`` or ``evil.example1``, which a reader takes for ``evil.example``)."""
    labels = text.split(".")
    if len(labels) < 2 or not all(labels):
        return False
    tld = labels[-1]
    return (len(tld) >= 2 and tld[:2].isalpha()
            and all(label.replace("-", "").replace("_", "").isalnum() for label in labels))


def _address(word: str) -> str | None:
    """The address a word is, normalised for comparing (lower case, no punctuation around
    it, no trailing slash), or None.

    >>> [_address(w) for w in ("..evil.example", "@evil.example", "//x.org/", "z.B.", "BIJ1.")]
    ['evil.example', 'evil.example', 'x.org', None, None]
    >>> _address("联系sms:+31")  # written on to a word, as Chinese and Japanese do
    'sms:+31'
    """
    word = word.lower().strip(_AROUND)
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
    host = word.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if "@" in host:
        local, _, domain = host.rpartition("@")
        if not _is_domain(domain):
            return None
        return word if local.strip(_AROUND) else domain
    return word.rstrip("/") if _is_domain(host) else None


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
    if not _hint(shown):  # no ".x", "@x" or ":/": the common message has no address
        return phones(shown)
    found: set[str] = set()
    for piece in shown.split():
        if _maybe(piece):
            for match in _WORD.finditer(piece):
                address = _address(match.group())
                if address:
                    found.add(address)
    return found | phones(shown)


def phones(text: str) -> set[str]:
    """Phone numbers in ``text``: ``+`` and digits (a reader dials what they see), seven digits
    or more (six after a ``+``), not written on to a letter, and not a date, a span of years
    or an amount.

    >>> sorted(phones("+31 (0)20 123 45 67, 06-12345678, 2024, 1.000.000, +1 555 0100"))
    ['+15550100', '+310201234567', '0612345678']
    >>> sorted(phones("bel 555-1234; BIJ1 (2016–2024), 27-11-2026, 2026/11/27, 1,234,567"))
    ['5551234']
    """
    if text.isascii() and len(text) - len(text.encode().translate(None, b"0123456789")) < 6:
        return set()  # fewer than six digits (counted without a loop in Python): most messages
    if not _SIX_DIGITS.search(text):
        return set()
    found = set()
    for match in _PHONE_RUN.finditer(text):
        run = match.group()
        digits = "".join(c for c in run if c.isdigit())
        if len(digits) >= 7 and not run.startswith("+") \
                and _NOT_A_PHONE.fullmatch(run.strip("()").strip()):
            continue
        if len(digits) >= 7 or (run.startswith("+") and len(digits) >= 6):
            found.add(("+" if run.startswith("+") else "") + digits)
    return found


def number_lookalike(text: str) -> str | None:
    """The first letter in a number of ``text``, or None: in a word of only digits, look-alikes
    (:data:`DIGIT_LOOKALIKES`) and ``()./+-``, the first look-alike (``O6-l2345678``), or
    in a word with five digits or more, its first letter (``o6-1z345678``). A reader may dial
    it as a digit; a phone or screen reader reads a letter.

    >>> [number_lookalike(text) for text in ("Bel O6-l2345678.", "+3l (O)2O", "o6-1z345678")]
    ['O', 'l', 'o']
    >>> number_lookalike("BIJ1 (I), Hell0, 2016, mail.l2, Ol, l0l-x, 1234AB, COVID-19")
    """
    if text.isascii():
        digits = len(text) - len(text.encode().translate(None, b"0123456789"))
        if digits <= text.count("IJ1") + text.count("ij1") or (
                digits < 5 and not _BESIDE_DIGIT.search(text)):
            return None  # no digit but BIJ1's (counted without a loop in Python): most messages
    for word in text.split():
        word = word.rstrip(",;:!?")
        digits = sum(char.isdigit() for char in word)
        if not digits:
            continue
        found = next((char for char in word if char in DIGIT_LOOKALIKES), None)
        if found is not None and all(
                char.isdigit() or char in DIGIT_LOOKALIKES or char in "()./+-" for char in word):
            return found
        if digits >= 5:
            letter = next((char for char in word if char.isalpha()), None)
            if letter is not None:
                return letter
    return None


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
        address_like = "@" in word or "/" in word or _ends_like_a_domain(word)
        pending: list[str] = []  # what stands since the last Latin letter or digit
        before = ""  # that letter or digit
        for char in word:
            if not _latin(char):
                if before:
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


#: The endings after a middle dot that make a word read as a domain: any two letters (a
#: country), or one of the common generic top-level domains.
_DOMAIN_ENDINGS = frozenset({"com", "org", "net", "info", "biz", "app", "dev", "online",
                             "site", "xyz"})


def _ends_like_a_domain(word: str) -> bool:
    """Whether what follows the last middle dot of ``word`` reads as a top-level domain."""
    if "\u00b7" not in word:
        return False
    ending = word.rsplit("\u00b7", 1)[1].rstrip(_TRAILING + ")]").lower()
    return (len(ending) == 2 and ending.isalpha()) or ending in _DOMAIN_ENDINGS


def _latin(char: str) -> bool:
    """A Latin letter or an ASCII digit."""
    if char.isascii():
        return char.isalnum()
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN ")


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
    >>> sorted(addresses("zie bij1.org/gedragscode/ en www.bij1.org"))
    ['bij1.org/gedragscode', 'www.bij1.org']
    """
    if not _hint(_folded(text)):
        return text
    return " ".join([piece for piece in text.split() if not (_maybe(piece) and addresses(piece))])


def _hint(text: str) -> bool:
    """Whether ``text`` has a ".", "@" or ":" before a letter, digit, "_", "/" or "+"
    (without one, it holds no address)."""
    if "@" in text or ":" in text:
        return _HINT.search(text) is not None
    return _DOT_HINT.search(text) is not None  # a pattern that starts with "." is found faster


def _folded(text: str) -> str:
    """``text`` as a reader reads an address in it: compatibility forms folded (NFKC), IDNA's
    dots as ".", every dash as "-" (``06\u20111234\u20115678`` is a phone number), and no
    combining marks (a reader reads ``n\u0332l`` as "nl"; NFKC composes only the marks that
    have a composed form).

    >>> _folded("ｂｉｊ１．ｏｒｇ"), _folded("bij1-hulp.n\u0332l"), _folded("e\u0301vil.com")
    ('bij1.org', 'bij1-hulp.nl', 'évil.com')
    >>> _folded("06\u20111234\u20135678\u05be9")
    '06-1234-5678-9'
    """
    if text.isascii():
        return text
    folded = unicodedata.normalize("NFKC", text).translate(_DOTS)
    return "".join(["-" if kind == "Pd" else char for char in folded
                    if not (kind := unicodedata.category(char)).startswith("M")])


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
