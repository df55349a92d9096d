"""The order readers see text in (:mod:`pelican_bij1code.visual`), and the check that judges
it (``reordered``). Chromium itself is the oracle in ``tests/test_browser.py``; here: the
shortcut that skips the algorithm, plain text and Markdown drawn as the page, and the cases
that only the drawn order shows."""

import re
import unicodedata

import pytest
from bidi import get_display

from pelican_bij1code import characters, check, render, visual
from pelican_bij1code.addresses import addresses
from pelican_bij1code.catalogue import Locales, shipped_locales_dir

#: The bidi classes that can make text drawn in another order than written.
REORDERING = {"R", "AL", "AN", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"}


def test_the_shortcut_knows_every_right_to_left_character():
    """:func:`visual.reorders` skips the algorithm for left-to-right text without a
    right-to-left character: its ranges hold every character of those classes."""
    missing = [hex(code) for code in range(0x110000)
               if unicodedata.bidirectional(chr(code)) in REORDERING
               and not visual.reorders(chr(code), rtl=False)]
    assert missing == []


@pytest.mark.parametrize(("lang", "text", "written", "seen"), [
    # a right-to-left letter between two numbers draws them as one
    ("en", "Call 06 \u05d0 12345678 today.", {"12345678"}, {"0612345678"}),
    # digits after an Arabic letter are drawn right to left, in groups: 12-34-56-78 reads
    # 78-56-34-12, in a left-to-right language too
    ("tr", "Ara: 06 \u0628 12-34-56-78.", {"12345678"}, {"0678563412"}),
    ("en", "Call \u0628 12 34 56 78.", {"12345678"}, {"78563412"}),
])
def test_what_is_drawn_otherwise_than_written_is_reordered(lang, text, written, seen):
    """Texts whose addresses, as written, hide the number readers see: each is ``reordered``,
    which names what readers see."""
    assert addresses(check._as_seen(text, ())) == written
    assert addresses(visual.drawn(text, rtl=False)) == seen
    found = [message for _, code, message in check.check_message("Bel ons.", text, lang)
             if code == "reordered"]
    assert len(found) == 1 and repr(next(iter(seen))) in found[0]


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_every_shipped_right_to_left_message_is_drawn_as_written(lang):
    """The real catalogues: every address and BIJ1 term is drawn whole (no ``reordered``)."""
    report = check.check_language(Locales(shipped_locales_dir()), lang)
    assert report.catalogue is not None and report.translated > 20
    assert [p for p in report.problems if p.code == "reordered"] == []


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_plain_text_and_markdown_are_drawn_as_the_page(fmt):
    """``render --format txt/md`` isolate the page's left-to-right runs (U+2066, U+2069): a
    plain-text reader, who takes a line's direction from its first letter outside isolates,
    draws every address whole and keeps a URL's last slash at its end. Without the isolates
    https://bij1.org/gedragscode/ was drawn as "/https://bij1.org/gedragscode"."""
    text = render.Renderer(Locales(shipped_locales_dir())).render("ar", fmt=fmt)
    drawn = []
    for line in text.splitlines():
        line = re.sub(r"\]\([^)]*\)", "]", line) if fmt == "md" else line  # link targets
        # no direction given: the algorithm takes the line's first letter outside isolates
        drawn.append(characters.visible(get_display(line)))
    shown = " ".join(drawn)
    for address in ("https://bij1.org/gedragscode/", "bestuur@bij1.org",
                    "https://bij1.org/vertrouwenspersonen/"):
        if fmt == "txt" or "@" in address:
            assert address in shown
    assert "/https:" not in shown

