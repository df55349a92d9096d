"""The order readers see text in (:mod:`pelican_bij1code.visual`), and the check that judges
it (``reordered``). Chromium itself is the oracle in ``tests/test_browser.py``; here: the
shortcut that skips the algorithm, plain text and Markdown drawn as the page, and the cases
that only the drawn order shows."""

import re
import unicodedata

import pytest
from bidi import get_display

from pelican_bij1code import characters, check, markup, render, visual
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


def test_markdown_is_drawn_as_the_page():
    """``render --format md`` isolates the page's left-to-right runs (U+2066, U+2069): a
    reader who takes a line's direction from its first letter outside isolates draws every
    address whole and keeps a URL's last slash at its end."""
    text = render.Renderer(Locales(shipped_locales_dir())).render("ar", fmt="md")
    assert "\u2066" in text
    # link targets out; no direction given: the algorithm takes the line's first letter
    shown = " ".join(characters.visible(get_display(re.sub(r"\]\([^)]*\)", "]", line)))
                     for line in text.splitlines())
    assert "bestuur@bij1.org" in shown and "/https:" not in shown


def test_plain_text_links_are_found_by_chat_and_forum_link_finders():
    """``render --format txt`` has no isolates: linkify-it (Discourse, markdown-it) and
    GitHub's cmark-gfm take an invisible character beside a URL into it, and linked
    https://bij1.org/gedragscode/%E2%81%A9 (a hostile pass). Each finds every address of the
    Arabic and Persian text exactly."""
    import cmarkgfm
    from linkify_it import LinkifyIt

    wanted = {"https://bij1.org/gedragscode/", "https://bij1.org/vertrouwenspersonen/",
              "mailto:bestuur@bij1.org"}
    for lang in ("ar", "fa"):
        text = render.Renderer(Locales(shipped_locales_dir())).render(lang, fmt="txt")
        assert not {"\u2066", "\u2069"} & set(text)
        found = {match.url for match in LinkifyIt().match(text) or ()}
        html = cmarkgfm.github_flavored_markdown_to_html(text)
        assert found == wanted
        assert set(re.findall(r'href="([^"]*)"', html)) == wanted


@pytest.mark.parametrize(("text", "lang"), [
    ("ما BIJ1\u200cایم", "fa"), ("ما BIJ1ایم", "fa"), ("من BIJ1\u200cام", "fa"),
    ("مدوّنة قواعد النزاهة والسلوك لـBIJ1", "ar"), ("أنا عضو بـBIJ1", "ar"),
])
def test_a_right_to_left_prefix_or_suffix_on_bij1_keeps_the_term(text, lang):
    """Arabic and Persian write affixes on to a name (لـBIJ1 "for BIJ1", BIJ1\u200cایم "we
    are BIJ1"): the term is kept, as written and as drawn (a hostile pass found both refused);
    a Latin letter or digit on it is still another word."""
    assert check.check_message("Wij zijn BIJ1.", text + ".", lang) == []
    assert "term" in [code for _, code, _ in check.check_message("Wij zijn BIJ1.", "BIJ1x.", "en")]
    assert "term" in [code for _, code, _ in check.check_message("Wij zijn BIJ1.", "BIJ12.", "en")]


@pytest.mark.parametrize("text", [
    "WE ARE BIJ1 (2016–2024)", "WE ARE BIJ1 (2016-2024)", "This is a translation (27-11-2026).",
    "Since 27.11.2026.", "Version 2026-11-27.", "Since 2016 - 2024.", "1,234,567 members.",
    "نحن BIJ1 (2016–2024)",
])
def test_dates_years_and_amounts_are_no_phone_numbers(text):
    """A hostile pass found each read as a phone number (BIJ1's 1 glued to the years)."""
    lang = "ar" if "نحن" in text else "en"
    codes = [code for _, code, _ in check.check_message("Wij zijn BIJ1.", text, lang)]
    assert "phone" not in codes and "url" not in codes


@pytest.mark.parametrize("text", ["Call 555-1234.", "Call 1234567.", "Call o6-1z345678.",
                                  "Call O6-l2345678.", "Call 06 I2 34 56 78."])
def test_a_number_the_dutch_lacks_is_refused(text):
    """Seven digits are a phone number (555-1234); a number with letters in it is
    ``lookalike`` (o6-1z345678: five digits or more with a letter)."""
    codes = [code for _, code, _ in check.check_message("Bel ons.", text, "en")]
    assert "phone" in codes or "lookalike" in codes


def test_a_number_after_arabic_needs_a_left_to_right_mark_in_plain_text():
    """Plain text has no isolates: after an Arabic word, 06-12345678 is drawn 12345678-06
    there, and the check says so (and what helps); with U+200E before it, it passes. On the
    page the + of +31 stays with its number."""
    source = "Bel 06-12345678 of +31 6 12345678."
    bare = "اتصل بنا على 06-12345678 أو +31 6 12345678."
    found = [message for _, code, message in check.check_message(source, bare, "ar")
             if code == "reordered"]
    assert len(found) == 1 and "in plain text" in found[0] and "U+200E" in found[0]
    marked = "اتصل بنا على \u200e06-12345678 أو \u200e+31 6 12345678."
    assert check.check_message(source, marked, "ar") == []
    page = visual.drawn(markup.shown(markup.parse(bare), rtl=True), rtl=True)
    assert "+31 6 12345678" in page and "06-12345678" in page
