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
it). Brackets and other mirrored characters on a right-to-left level are drawn mirrored, as
browsers draw them (rule L4): ``(`` there is a ``)``, so an address in parentheses reads
``(bestuur@bij1.org)`` from the left, not ``)bestuur@bij1.org(``. ``python-bidi`` does not
mirror; :func:`_levels` takes each character's level from its debug output, and
:func:`drawn` mirrors only when the order those levels give (rules L1, L2) is the order the
library drew (else it draws unmirrored, which can only make the check refuse more).

>>> drawn("\u2066BIJ1\u2069 هي", rtl=True)
'ي\u0647 BIJ1'
>>> drawn("راسل (\u2066bestuur@bij1.org\u2069).", rtl=True)
'.(bestuur@bij1.org) لسار'
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


def drawn(text: str, rtl: bool, mirror: bool = True) -> str:
    """``text`` (as written, with LRI and PDI where the page isolates it) in the order a
    reader sees it, left to right, without what is not drawn (marks, isolates, other hidden
    characters); ``mirror``: with the glyphs a reader sees, brackets on a right-to-left level
    mirrored (without: the characters a page's text holds, in the order drawn).
    """
    from bidi import get_display  # only for text that may reorder: check starts faster without
    from bidi.mirror import MIRRORED  # Unicode's BidiMirroring.txt

    shown = get_display(text, base_dir="R" if rtl else "L")
    if mirror and not MIRRORED.keys().isdisjoint(text):
        levels = _levels(text, rtl) or []
        order = _order(text, levels, int(rtl)) if levels else []
        if order and "".join(text[at] for at in order) == shown:
            shown = "".join(MIRRORED.get(text[at], text[at]) if levels[at] % 2 else text[at]
                            for at in order)
    return characters.visible(shown)


#: A level in ``python-bidi``'s debug output (the Rust crate's ``Level(1)``, pretty-printed).
_LEVEL = re.compile(r"Level\(\s*([0-9]+),?\s*\)")
#: Bidi classes that rule L1 puts back on the paragraph's level at the end of a line.
_LINE_END_CLASSES = frozenset({"WS", "LRI", "RLI", "FSI", "PDI", "BN", "S", "B"})


def _levels(text: str, rtl: bool) -> list[int] | None:
    """Each character's resolved level (even: left to right; odd: right to left), read from
    ``python-bidi``'s debug output, which gives one per UTF-8 byte; None if it cannot be read.

    >>> _levels("a (\u0628)", rtl=True)
    [2, 1, 1, 1, 1]
    """
    from bidi import get_display

    debug = str(get_display(text, base_dir="R" if rtl else "L", debug=True))
    # the text comes first in the output: the last "levels" is the field
    by_byte = [int(level) for level in
               _LEVEL.findall(debug.rpartition("levels: [")[2].partition("]")[0])]
    levels, at = [], 0
    for char in text:
        if at >= len(by_byte):
            return None
        levels.append(by_byte[at])
        at += len(char.encode())
    return levels if at == len(by_byte) else None


def _order(text: str, levels: list[int], paragraph: int) -> list[int]:
    """The positions of ``text``'s characters in the order drawn, left to right, from their
    levels: white space and isolates at the end of the line on the paragraph's level (rule
    L1), then each run at a level or higher reversed, from the highest level to the lowest
    odd one (L2).

    >>> _order("ab \u0628\u062a", [0, 0, 0, 1, 1], 0)
    [0, 1, 2, 4, 3]
    """
    levels = list(levels)
    end = len(text)
    while end and unicodedata.bidirectional(text[end - 1]) in _LINE_END_CLASSES:
        end -= 1
        levels[end] = paragraph
    order = list(range(len(text)))
    odd = [level for level in levels if level % 2]
    for level in range(max(levels, default=0), min(odd, default=1) - 1, -1):
        start = 0
        while start < len(order):
            if levels[order[start]] < level:
                start += 1
                continue
            stop = start
            while stop < len(order) and levels[order[stop]] >= level:
                stop += 1
            order[start:stop] = order[start:stop][::-1]
            start = stop
    return order


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

