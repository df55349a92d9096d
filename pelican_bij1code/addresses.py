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
"""

from __future__ import annotations

import re
import unicodedata

from .characters import visible

#: A word that may be an address: letters, digits and the punctuation addresses use.
_WORD = re.compile(r"[\w.@:/%?=&#~+\-]+")
_TRAILING = ".,:;!?"
#: Punctuation that may stand around an address without being part of what a reader reads.
_AROUND = ".,:;!?@/#%&=+~_-"
_HINT = re.compile(r"[.@:][\w/]")


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
    """
    word = word.lower().strip(_AROUND)
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
    (hidden characters removed, full-width and other compatibility forms folded)."""
    shown = _shown(text)
    found: set[str] = set()
    if not _HINT.search(shown):  # no ".x", "@x" or ":/": the common message has no address
        return found
    for piece in shown.split():
        if _maybe(piece):
            for match in _WORD.finditer(piece):
                address = _address(match.group())
                if address:
                    found.add(address)
    return found


def without_addresses(text: str) -> str:
    """``text`` without the words that are addresses (BIJ1 in bestuur@bij1.org is no word).

    >>> without_addresses("BIJ1: bestuur@bij1.org, bij1.org/x.")
    'BIJ1:'
    >>> sorted(addresses("zie bij1.org/gedragscode/ en www.bij1.org"))
    ['bij1.org/gedragscode', 'www.bij1.org']
    """
    if not _HINT.search(_shown(text)):
        return text
    return " ".join(piece for piece in text.split() if not (_maybe(piece) and addresses(piece)))


def _shown(text: str) -> str:
    shown = visible(text)
    return shown if shown.isascii() else unicodedata.normalize("NFKC", shown)


def _maybe(piece: str) -> bool:
    """Whether a piece of text between spaces may hold an address (most words do not)."""
    return "." in piece.rstrip(_TRAILING) or ":" in piece or not piece.isascii()


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
