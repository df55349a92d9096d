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


def _is_domain(text: str) -> bool:
    labels = text.split(".")
    if len(labels) < 2 or not all(labels):
        return False
    tld = labels[-1]
    return (len(tld) >= 2 and tld.isalpha()
            and all(label.replace("-", "").isalnum() for label in labels))


def _address(word: str) -> str | None:
    """The address a word is, normalised for comparing, or None."""
    word = word.rstrip(_TRAILING).lower()
    if "://" in word or word.startswith(("www.", "mailto:")):
        word = word.removeprefix("mailto:")
        return word.rstrip("/") if word else None
    if "@" in word:
        local, _, domain = word.rpartition("@")
        return word if local and _is_domain(domain) else None
    return word if _is_domain(word) else None


def addresses(text: str) -> set[str]:
    """Every URL, domain name and e-mail address that ``text`` shows, as a reader reads it
    (hidden characters removed, full-width and other compatibility forms folded)."""
    shown = unicodedata.normalize("NFKC", visible(text))
    if "." not in shown and ":" not in shown:
        return set()
    found = set()
    for match in _WORD.finditer(shown):
        address = _address(match.group())
        if address:
            found.add(address)
    return found


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
