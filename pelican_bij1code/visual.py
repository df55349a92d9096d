"""The order readers see text in: Unicode's bidirectional algorithm (UAX #9).

A translation in Arabic, Persian, Urdu or Hebrew is stored in the order it is written and drawn
in another: right-to-left words run from the right, left-to-right runs (BIJ1, addresses) from
the left, and which characters belong to which run, and where each run goes, the algorithm
decides character by character, from their classes and from marks a reader cannot see. So the
check judges the text twice: as written, and as drawn (:func:`drawn`); an address or a BIJ1
term must be the same in both (:func:`check.check_message`, error ``reordered``).

The algorithm is not ours: ``python-bidi`` wraps Rust's ``unicode-bidi``, which implements
UAX #9 with its isolates and passes Unicode's conformance tests. The text it is given is what
the page holds (:func:`.markup.shown`): each left-to-right run between LRI and PDI, as the page
isolates it in ``<bdi dir="ltr">``, in a paragraph that runs right to left in a right-to-left
language and left to right in any other. Each message is drawn as a paragraph of its own, on
one line (a rule's linked name before it is an isolate, which cannot reorder the text after
it); glyphs are not mirrored (brackets), which changes no letter or digit.

>>> drawn("\u2066BIJ1\u2069 هي", rtl=True)
'ي\u0647 BIJ1'
>>> drawn("راسل \u2066nl .meld @hulp\u2069", rtl=True), drawn("راسل nl .meld @hulp", rtl=True)
('nl .meld @hulp لسار', 'nl .meld @hulp لسار')
>>> drawn("راسل \u2066nl\u2069 \u2066.meld\u2069 \u2066@hulp\u2069", rtl=True)
'@hulp .meld nl لسار'
"""

from __future__ import annotations

import re
import unicodedata

from . import characters

#: Characters of a right-to-left bidi class (R, AL, AN) and the explicit controls, by block:
#: a text without any is drawn in the order it is written in a left-to-right paragraph.
#: ``tests/test_visual.py`` proves the ranges hold every such character Python knows.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff"
                            "\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]")


def reorders(text: str, rtl: bool) -> bool:
    """Whether ``text`` may be drawn in another order than it is written: in a right-to-left
    paragraph always, in a left-to-right one only with a right-to-left character.

    >>> reorders("Wij zijn BIJ1.", rtl=False), reorders("BIJ1 \u0627", rtl=False)
    (False, True)
    """
    return rtl or (not text.isascii() and _RIGHT_TO_LEFT.search(text) is not None)


def drawn(text: str, rtl: bool) -> str:
    """``text`` (as written, with LRI and PDI where the page isolates it) in the order a
    reader sees it, left to right, without what is not drawn (marks, isolates, other hidden
    characters).
    """
    from bidi import get_display  # only for text that may reorder: check starts faster without

    return characters.visible(get_display(text, base_dir="R" if rtl else "L"))


def apart(text: str) -> str:
    """``text`` with a space wherever a right-to-left letter or digit touches a left-to-right
    one: drawn side by side (an Arabic word drawn against an address), a reader takes them for
    two words, not one address.

    >>> apart("كنكميbestuur@bij1.org ب1")
    'كنكمي bestuur@bij1.org ب 1'
    """
    out: list[str] = []
    previous = ""
    for char in text:
        side = characters.direction(char)
        if side and previous and side != previous:
            out.append(" ")
        out.append(char)
        if char.isalnum():
            previous = side or previous
        elif not unicodedata.category(char).startswith("M"):  # a mark stays with its letter
            previous = ""
    return "".join(out)

