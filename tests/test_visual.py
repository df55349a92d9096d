"""The order readers see text in (:mod:`pelican_bij1code.visual`), and the check that judges
it (``reordered``). Chromium itself is the oracle in ``tests/test_browser.py``; here: the
shortcut that skips the algorithm, plain text and Markdown drawn as the page, and the cases
that only the drawn order shows."""

import re
import unicodedata

import pytest
from bidi import get_base_level, get_display
from conftest import confusable_with, with_numbers

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


#: Translations that write on after a link, as Turkish spelling does ('dan), or with hostile
#: intent: in plain text a link finder took it into the URL (a hostile pass).
GLUED = [("tr", "Wanneer je iets", "Bir BIJ1komst'ta sorun olursa [ulusal güven "
          "danışmanlarımız](https://bij1.org/vertrouwenspersonen/)'dan birine başvurun."),
         ("en", "Wanneer je iets", "At a BIJ1komst, ask one of [our counsellors](https://bij1"
          ".org/vertrouwenspersonen/)/evil?x=a#y)s-counsellors’s…"),
         ("ar", "Een diepgaande", "تتضمّن [مدوّنة BIJ1](https://bij1.org/gedragscode/)شرحًا "
          "لما نتوقعه في BIJ1komsten. للأسئلة: [bestuur@bij1.org](mailto:bestuur@bij1.org)."),
         ("en", "Een diepgaande", "The [BIJ1 code](https://bij1.org/gedragscode/) says what "
          "we expect at BIJ1komsten. Questions: [bestuur@bij1.org](mailto:bestuur@bij1"
          ".org)'s inbox.")]


def test_plain_text_links_are_found_by_chat_and_forum_link_finders(locales):
    """``render --format txt`` has no isolates (linkify-it and GitHub's cmark-gfm took one into
    https://bij1.org/gedragscode/%E2%81%A9) and writes each address in angle brackets (they
    took text written on after ``(URL)`` into it). Both find exactly the Dutch addresses, in
    Arabic, Persian and the translations of :data:`GLUED`."""
    import cmarkgfm
    from linkify_it import LinkifyIt
    from test_render import _set_msgstr

    for lang, msgid, text in GLUED:
        _set_msgstr(locales, lang, msgid, text)
    renderer = render.Renderer(Locales(locales))
    every = {"https://bij1.org/gedragscode/", "https://bij1.org/vertrouwenspersonen/",
             "mailto:bestuur@bij1.org"}
    for lang in ("ar", "fa", "tr", "en"):
        text = renderer.render(lang, fmt="txt", parts=("samen",))
        assert not {"\u2066", "\u2069"} & set(text)
        found = {match.url for match in LinkifyIt().match(text) or ()}
        html = cmarkgfm.github_flavored_markdown_to_html(text)
        assert found <= every and set(re.findall(r'href="([^"]*)"', html)) <= every, lang
        assert {"https://bij1.org/vertrouwenspersonen/", "mailto:bestuur@bij1.org"} <= found


def test_plain_text_in_right_to_left_languages_is_drawn_whole():
    """In ar and fa plain text every line runs right to left (a right-to-left mark first: a
    line may start with BIJ1) and each address is drawn whole: the last ``/`` of
    https://bij1.org/gedragscode/ was drawn at its start."""
    for lang in ("ar", "fa"):
        text = render.Renderer(Locales(shipped_locales_dir())).render(lang, fmt="txt",
                                                                        numbered=True)
        lines = [line for line in text.splitlines() if line.strip()]
        assert all(get_base_level(line) == 1 for line in lines)
        shown = " ".join(characters.visible(get_display(line)) for line in lines)
        for address in ("<https://bij1.org/gedragscode/>", "bestuur@bij1.org",
                        "<https://bij1.org/vertrouwenspersonen/>"):
            assert address in shown, lang


@pytest.mark.parametrize(("text", "lang"), [
    ("ما BIJ1\u200cایم", "fa"), ("ما BIJ1ها", "fa"), ("من BIJ1\u200cام", "fa"),
    ("مدوّنة قواعد النزاهة والسلوك لـBIJ1", "ar"), ("أنا عضو بـBIJ1", "ar"),
])
def test_a_right_to_left_prefix_or_suffix_on_bij1_keeps_the_term(text, lang):
    """Arabic and Persian write affixes on to a name (لـBIJ1 "for BIJ1", BIJ1\u200cایم "we
    are BIJ1"): the term is kept, as written and as drawn (a hostile pass found both refused)."""
    assert check.check_message("Wij zijn BIJ1.", text + ".", lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("BIJ1x", "en"), ("BIJ12", "en"), ("ما BIJ1ایم", "fa"), ("BIJ1\u05d5", "en"),
    ("\u05d5BIJ1", "en"), ("BIJ1\u0627", "ar"), ("\u0627BIJ1", "ar"), ("BIJ1\u07ca", "en"),
    ("\u0625BIJ1", "ar"), ("\u0623BIJ1", "ar"), ("BIJ1\u0622", "ar"), ("\u0671BIJ1", "ar"),
    ("\u0627\u0640BIJ1", "ar"), ("BIJ1\u0640\u0627", "ar"), ("BIJ1\u0672", "ar"),
])
def test_a_letter_or_digit_written_on_to_bij1_makes_another_word(text, lang):
    """A Latin letter or a digit, or a letter that looks like a digit (an alef, a vav: "BIJ1l",
    a hostile pass): not BIJ1. A Persian suffix that starts with an alef takes a zero-width
    non-joiner between (BIJ1\u200cایم)."""
    codes = [code for _, code, _ in check.check_message("Wij zijn BIJ1.", text + ".", lang)]
    assert "term" in codes


@pytest.mark.parametrize("text", [
    "WE ARE BIJ1 (2016–2024)", "WE ARE BIJ1 (2016-2024)", "This is a translation (27-11-2026).",
    "Since 27.11.2026.", "Version 2026-11-27.", "Since 2016 - 2024.",
    "نحن BIJ1 (2016–2024)", "التنوع مصدر قوتنا بين عامي 2024 و2025.", "منذ 2020 و2021.",
    "בין 2024 ל\u05be2025.", "ב\u05be2024 וב-2025.", "On 01.01.2024 – 31.12.2024.",
    "In 1994 and 2004/2005.",
])
def test_dates_and_years_are_no_phone_numbers(text):
    """A hostile pass found each read as a phone number (BIJ1's 1 glued to the years)."""
    lang = "ar" if visual.reorders(text, rtl=False) else "en"
    codes = [code for _, code, _ in check.check_message("Wij zijn BIJ1.", text, lang)]
    assert "phone" not in codes and "url" not in codes


@pytest.mark.parametrize("text", [
    "Call 555-1234.", "Call 1234567.", "Call o6-1z345678.", "Call O6-l2345678.",
    "Call 06 I2 34 56 78.", "Call 06 \u2113234 5678.", "Call 06 \u0399234 5678 Oliver.",
    "Call 020 \u211323 4567.", "Call 06 \u0131234 5678.", "Call \u200e06 \u04c0234 5678.",
    "Call 0.612.345.678.", "Call 0.031.612.345.678.", "Call 06.123.456.", "Call 0,800,123,456.",
    "Call 06 \u3021234 5678.", "Call 06*1234*5678.", "Call 06_1234_5678.", "Call 06~1234~5678.",
    "Call 0'612'345'678.", "Call \u0660\u066b\u0666\u0661\u0662\u066c\u0663\u0664\u0665"
    "\u066c\u0666\u0667\u0668.", "Call 99-99-2024.", "Call 06-12-3456.",
])
def test_a_number_the_dutch_lacks_is_refused(text):
    """Seven digits are a phone number (555-1234), also with dots, commas, apostrophes or Arabic
    separators between (no exception for amounts: 0.612.345.678); a date must be one
    (99-99-2024 is not). A number with a digit's look-alike of any script in it
    (UTS #39: ℓ, Greek Ι, Cyrillic Ӏ, dotless ı) is ``lookalike``, as is a word of five digits
    or more with a letter (o6-1z345678)."""
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


def test_plain_text_with_right_to_left_words_in_a_left_to_right_language_is_drawn_whole(
        locales):
    """An English line that starts with a Hebrew word was drawn right to left, with the
    address's ``/>`` at its far end (a hostile pass): such a line starts with U+200E, and its
    address stands between two."""
    from test_render import _set_msgstr

    _set_msgstr(locales, "en", "Wanneer je iets", "שלום! At a BIJ1komst, ask one of [the "
                "advisers](https://bij1.org/vertrouwenspersonen/).")
    text = render.Renderer(Locales(locales)).render("en", fmt="txt", parts=("samen",))
    line = next(line for line in text.splitlines() if "שלום" in line)
    assert get_base_level(line) == 0
    assert "<https://bij1.org/vertrouwenspersonen/>." in characters.visible(get_display(line))



#: Found by the fourth hostile pass of the session: each passed ``check --strict``.
FOURTH_PASS = [
    ("en", " Or evil.org:8080."), ("en", " Or bij1-hulp.nl:443/meld."),
    ("en", " Or bestuur@evil.org:25."), ("en", " Or 1.2.3.4:80."),
    ("en", " Call 06:1234:5678."), ("en", " Call 06#1234#5678."), ("en", " Call 06=1234=5678."),
    ("en", " Call 06 : 1234 : 5678."), ("en", " Call 06$1234$5678."),
    ("en", " Or $bestuur@bij1.org."), ("en", " Or x,bestuur@bij1.org."),
    ("en", " Or .bestuur@bij1.org."), ("en", " Or !bestuur@bij1.org."),
    ("en", ' Or x"bestuur@bij1.org.'), ("en", " Or evil;bestuur@bij1.org."),
]
_BASE = ("In our BIJ1komsten see the [BIJ1 code](https://bij1.org/gedragscode/). Ask via: "
         "[bestuur@bij1.org](mailto:bestuur@bij1.org).")
_DUTCH = ("Een uitwerking voor onze BIJ1komsten staat in de [BIJ1 gedragscode]"
          "(https://bij1.org/gedragscode/). Vragen via: "
          "[bestuur@bij1.org](mailto:bestuur@bij1.org).")


@pytest.mark.parametrize(("lang", "extra"), FOURTH_PASS)
def test_a_port_an_ip_address_a_separator_or_a_prefix_makes_another_address(lang, extra):
    """host:port and IPv4 addresses are addresses; any ASCII punctuation may part a phone
    number's digits; an e-mail address written on to what is before it is another address."""
    assert check.check_message(_DUTCH, _BASE, lang) == []
    errors = [code for severity, code, _ in check.check_message(_DUTCH, _BASE + extra, lang)
              if severity == "error"]
    assert errors, extra


@pytest.mark.parametrize("text", [
    "BIJ1\u200f\u0661", "BIJ1\u200f\u0627", "BIJ1\u061c\u0627", "BIJ1\u200e\u0627",
    "BIJ1\u200f\u0640\u0627", "BIJ1\u200f\u05d5", "BIJ1\u064e\u0627", "BIJ1\u0651\u0627",
    "BIJ1\u0670", "BIJ1\u064e\u0640\u0627",
])
def test_a_look_alike_past_a_mark_on_bij1_makes_another_word(text):
    """A direction mark is drawn as nothing and a combining mark sits on its letter: an alef or
    a digit look-alike past one still touches BIJ1 (the fourth hostile pass)."""
    source = "Ik ben een voorbeeld van waar BIJ1 voor staat."
    codes = [code for _, code, _ in check.check_message(source, f"أنا مثال على {text}.", "ar")]
    assert "term" in codes


def test_times_of_day_are_no_phone_numbers():
    text = "We are BIJ1, 20:00-22:00 and 10:30 - 12:00."
    assert check.check_message(with_numbers("Wij zijn BIJ1.", text), text, "en") == []


@pytest.mark.parametrize(("old", "new"), [
    ("BIJ1 code", "BIJ1\u0338 code"), ("BIJ1komsten", "BIJ1komsten\u0338"),
    ("[bestuur@bij1.org](", "[bestuur@bij1.org\u20e0]("),
    ("[bestuur@bij1.org](", "[bestuur@bij1.org\u0332\u0332]("),
    ("[bestuur@bij1.org](", "[\u0336bestuur@bij1.org]("),
])
def test_a_combining_mark_on_bij1_or_an_address_is_a_lookalike(old, new):
    """A stroke, low line or circle drawn over BIJ1 or the e-mail address (the fifth hostile
    pass: a mark at a word's end escaped the rule for marks inside words)."""
    codes = [code for _, code, _ in check.check_message(_DUTCH, _BASE.replace(old, new, 1),
                                                        "en")]
    assert "lookalike" in codes


@pytest.mark.parametrize(("text", "lang"), [
    ("«[bestuur@bij1.org](mailto:bestuur@bij1.org)» \u300c[bestuur@bij1.org](mailto:bestuur@"
     "bij1.org)\u300d »[bestuur@bij1.org](mailto:bestuur@bij1.org)«", "en"),
    ("از تاریخ ۱۴۰۳/۰۵/۱۲ و ۱۴۰۳-۰۵-۱۲.", "fa"), ("منذ ١٤٤٦/٠٥/١٢ هـ.", "ar"),
    ("من الساعة ٢٠:٠٠-٢٢:٠٠.", "ar"), ("Hijri 1446/05/12.", "en"),
])
def test_quotation_marks_of_every_script_and_dates_in_every_digit_are_no_finding(text, lang):
    """False alarms of the fifth hostile pass: 「」 and » « before an address, Persian and
    Hijri dates, times in Arabic-Indic digits."""
    source = "Mail [bestuur@bij1.org](mailto:bestuur@bij1.org)." if "@" in text else "Wij zijn er."
    errors = [code for severity, code, _ in check.check_message(source, text, lang)
              if severity == "error" and code not in ("link-added", "term")]
    assert "phone" not in errors and "email" not in errors


def _signs() -> list[str]:
    """Every assigned sign outside ASCII that a reader sees as a sign: punctuation, symbols and
    modifier letters (· • − ـ ׳ ・ ٭ ...), not hidden, not a space, and not folded (NFKC) into
    letters or digits (㍱ is "hPa")."""
    signs = []
    for code in range(0x80, 0x110000):
        char = chr(code)
        category = unicodedata.category(char)
        if not (category[0] in "PS" or category == "Lm") or characters.hidden(char):
            continue
        folded = unicodedata.normalize("NFKC", char)
        if folded.strip() and not any(c.isalnum() for c in folded):
            signs.append(char)
    return signs


def test_every_sign_between_the_digits_of_a_number_makes_it_a_phone_number():
    """A hostile pass found that a sign outside a hand-made list (· with spaces around it, −
    between Persian digits, ـ, ׳, ・) parted a phone number into pieces too short to compare:
    ``06 · 1234 · 5678`` and ``۰۶−۱۲۳۴−۵۶۷۸`` passed. Every sign, of every category, glued or
    spaced, in ASCII or Persian digits, is now read as a separator; and any number of them
    (``06 -- 1234``; HTML shows many spaces as one)."""
    signs = _signs()
    assert len(signs) > 5000
    missed = []
    for sign in signs:
        for text, lang in ((f"Call 06 {sign} 1234 {sign} 5678.", "en"),
                           (f"تماس ۰۶{sign}۱۲۳۴{sign}۵۶۷۸.", "fa")):
            if unicodedata.normalize("NFKC", sign) in ",;\u060c\u061b\u3001" and " " in text:
                continue  # a comma with spaces parts a list of numbers
            codes = [code for _, code, _ in check.check_message("Bel ons.", text, lang)]
            if "phone" not in codes:
                missed.append((text, codes))
    assert not missed, missed[:5]
    for text in ("Call 06 -- 1234 -- 5678.", "Call 06  .  .  1234 5678.", "Call ٠٦−١٢٣٤−٥٦٧٨.",
                 "Call 𝟎𝟔·𝟏𝟐𝟑𝟒·𝟓𝟔𝟕𝟖.", "Call ０６・１２３４・５６７８.", "اتصل و0612345678."):
        lang = "ar" if text.startswith("ا") else "en"
        assert "phone" in [code for _, code, _ in check.check_message("Bel ons.", text, lang)]


@pytest.mark.parametrize(("text", "lang"), [
    ("Meet us on 2026-11-27 12:30.", "en"), ("Meet us on 27-11-2026 14:00.", "en"),
    ("On 27-11-2026 14:00 - 16:00.", "en"), ("At 12:30 27.11.2026.", "en"),
    ("On 2026-11-27T12:30.", "en"), ("In 2024 – 2025 – 2026.", "en"),
    ("جلسه ۱۴۰۵/۰۹/۰۶ ۱۸:۰۰ برای پرسش.", "fa"), ("منذ ٢٠٢٤ و٢٠٢٥.", "ar"),
])
def test_a_date_with_a_time_is_no_phone_number(text, lang):
    """False alarms of a hostile pass: a date and a time of day with a space between (or ISO
    8601's T) read as one 12-digit number."""
    assert check.check_message(with_numbers("Wij zijn er.", text), text, lang) == []


def test_a_dash_may_stand_before_an_address_and_what_is_written_on_to_one_is_named():
    """An em dash written on to the address (standard English punctuation) was refused as
    another address, with a message that the address was lost; what else is written on to
    it is named, with what to do."""
    source = "Mail [bestuur@bij1.org](mailto:bestuur@bij1.org) als je vragen hebt."
    for dash in "\u2013\u2014\u2015":
        text = f"Mail the board{dash}[bestuur@bij1.org](mailto:bestuur@bij1.org) if in doubt."
        assert check.check_message(source, text, "en") == [], dash
    text = "Mail x%[bestuur@bij1.org](mailto:bestuur@bij1.org) if in doubt."
    [(severity, code, message)] = check.check_message(source, text, "en")
    assert (severity, code) == ("error", "email")
    assert "'x%'" in message and "'bestuur@bij1.org'" in message and "space" in message


@pytest.mark.parametrize("space", ["\u2006", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_address_with_narrow_spaces_in_it_is_read_without_them(space, lang):
    """A hostile pass: ``help@bij1-bestuur\\u200a.\\u200aorg`` shows as
    "help@bij1-bestuur.org" but was read as three words, no address: a warning in English, and
    nothing at all in French, whose typography uses the narrow no-break space. French
    guillemets and the space before ``!`` stay no finding."""
    source = "Mail [bestuur@bij1.org](mailto:bestuur@bij1.org) als je vragen hebt."
    base = "Mail [bestuur@bij1.org](mailto:bestuur@bij1.org) if in doubt"
    for extra in (f"help@bij1-bestuur{space}.{space}org", f"evil{space}.org",
                  f"bij1{space}.{space}org{space}/{space}help"):
        codes = [code for severity, code, _ in
                 check.check_message(source, f"{base}, or {extra}.", lang) if severity == "error"]
        assert "email" in codes or "url" in codes, (extra, codes)
    guillemets = (f"Écrivez à «{space}[bestuur@bij1.org](mailto:bestuur@bij1.org){space}»{space}!")
    assert not [code for severity, code, _ in check.check_message(source, guillemets, lang)
                if severity == "error"]


@pytest.mark.parametrize("join", list(":/?#=&~+%@"))
def test_a_domain_written_on_to_a_word_is_an_address(join):
    """Two hostile passes: ``Meldpunt:bij1-hulp.nl``, ``see/bij1-hulp.nl``,
    ``bij1-hulp.nl~meld`` and Matrix's ``@hulp:bij1-hulp.nl`` passed, read as one word whose
    host was "Meldpunt". A word that holds a domain name is an address, compared whole."""
    source = "Mail [bestuur@bij1.org](mailto:bestuur@bij1.org) als je vragen hebt."
    base = "Mail [bestuur@bij1.org](mailto:bestuur@bij1.org) if in doubt"
    for extra in (f"Meldpunt{join}bij1-hulp.nl", f"bij1-hulp.nl{join}meld",
                  f"x{join}www.bij1-hulp.nl", f"x{join}hulp@bij1-hulp.nl", f"x{join}10.20.30.40",
                  f"bij1-hulp.nl.x{join}y"):
        codes = [code for severity, code, _ in
                 check.check_message(source, f"{base}, or {extra}.", "en") if severity == "error"]
        assert "url" in codes or "email" in codes or "phone" in codes, (extra, codes)
    link = "[the code, see:www.bij1-code.nl](https://bij1.org/gedragscode/)"
    assert check.check_message("Zie [de code](https://bij1.org/gedragscode/).", f"See {link}.",
                               "en")


def test_full_width_colon_parts_an_address_from_the_word_before_it():
    """Chinese writes ：on to the next word: ``举报：bij1-hulp.nl`` shows an address, and
    ``请写信至：`` before the Dutch address is no other address."""
    source = "Mail [bestuur@bij1.org](mailto:bestuur@bij1.org)."
    kept = "请写信至：[bestuur@bij1.org](mailto:bestuur@bij1.org)。"
    assert check.check_message(source, kept, "zh") == []
    added = kept + "举报：bij1-hulp.nl。"
    codes = [code for _, code, _ in check.check_message(source, added, "zh")]
    assert "url" in codes


@pytest.mark.parametrize(("text", "lang"), [
    ("Call 06, 1234, 5678.", "en"), ("Call 06 12, 34 56, 78.", "en"),
    ("Call +31 6, 1234, 5678.", "en"), ("Call 06; 1234; 5678.", "en"),
    ("Call 06 ,1234 ,5678.", "en"), ("اتصل ٠٦، ١٢٣٤، ٥٦٧٨.", "ar"),
])
def test_a_number_parted_by_commas_is_a_phone_number(text, lang):
    """A hostile pass: a comma and a space ended a number, so each piece stayed under seven
    digits. Items of a list joined by commas are one number when they are short; a list of
    dates or years is none."""
    codes = [code for _, code, _ in check.check_message("Bel ons.", text, lang)]
    assert "phone" in codes


@pytest.mark.parametrize(("text", "lang"), [
    ("Meet us Monday 27/11 14:00-16:00.", "en"), ("Vom 27.11.–28.11.2026.", "en"),
    ("At 2026-11-27T12:30:00+01:00.", "en"), ("On 27-11-2026, 28-11-2026 and 2-12-2026.", "en"),
    ("In 2016, 2017, 2018 and 2019.", "en"), ("يوم ٢٧/١١ ١٤:٠٠–١٦:٠٠.", "ar"),
])
def test_days_without_a_year_and_times_with_seconds_are_no_phone_numbers(text, lang):
    """False alarms of a hostile pass: a day and month without a year, ISO 8601 with seconds
    and an offset, and lists of dates."""
    codes = [code for _, code, _ in check.check_message("Wij zijn er.", text, lang)]
    assert "phone" not in codes and "lookalike" not in codes


@pytest.mark.parametrize(("text", "lang"), [
    ("多元是我们的力量。我们因此而强大。", "zh"), ("多様性は力です。私たちは強い。", "ja"),
    ("多元是我们的力量（2026年11月27日）。", "zh"), ("（２０２６年１１月２７日）多元。", "zh"),
    ("下午2点30分，3人中有2人。", "zh"), ("2026년 11월 27일, 우리는 함께합니다.", "ko"),
])
def test_chinese_japanese_and_korean_sentences_and_dates_are_no_finding(text, lang):
    """False alarms of a hostile pass: two sentences joined by 。 read as a domain name, and
    digits between Han characters (2026年11月27日) as a disguised or lettered number."""
    assert check.check_message(with_numbers("Diversiteit is onze kracht.", text), text,
                               lang) == []


@pytest.mark.parametrize("text", [
    "电话0612345678。", "电话06丶1234丶5678。", "电话06一1234一5678。", "举报：bij1-hulp。nl。",
    "举报bij1-hulp．ｎｌ。", "电话06年1234年5678号码０６１２３４５６７８。",
])
def test_numbers_and_addresses_among_han_characters_are_still_read(text):
    codes = [code for _, code, _ in check.check_message("Diversiteit is onze kracht.", text, "zh")]
    assert {"phone", "url", "lookalike"} & set(codes), codes


@pytest.mark.parametrize("text", [
    "We talk with people, ~not~ about people.", "We speak ||only|| from our own experience.",
    "I am *not* an example.", "I am _not_ an example.", "We are `not` BIJ1.",
    "A joke [spoiler]hidden[/spoiler].", "A [s]rule[/s] here.", "مرحبا *لا* شكرا.",
    # alone, as the text output joins messages and languages: a footnote*, a gender star
    "A footnote* here.", "Wir sprechen mit Kolleg*innen.", "We speak from **experience.",
    "We speak _here.", "We are `here.",
    # Discord pairs these however spaced (its bold, underline and code rules)
    "Diversity is our strength. **", "We are __ here.", "A lone ` here.",
])
def test_chat_formatting_the_dutch_lacks_is_refused(text):
    """A hostile pass: the text output is for chat groups, where ~x~ is struck out and ||x||
    hidden (Discord), and check said nothing of them."""
    codes = [code for severity, code, _ in check.check_message("Wij praten met mensen.", text,
                                                               "en") if severity == "error"]
    assert "markup" in codes


def test_asterisks_underscores_and_tildes_as_text_are_no_formatting():
    for text in ("We are 5 * 3 people, snake_case_here, from 2016~2024 and ~ 5 km ~ away.",
                 "A lone ~ or * here."):
        codes = [code for _, code, _ in check.check_message("Wij zijn met velen.", text, "en")]
        assert "markup" not in codes, (text, codes)


@pytest.mark.parametrize("extra", [
    "DM @bij1_hulp on Telegram", "hulp@localhost", "evil @ example . com", "evil\uff20example",
    "Matrix @hulp", "tod@s",
])
def test_an_at_sign_the_dutch_lacks_is_refused(extra):
    """Three hostile passes: handles and addresses outside the address grammar (a dotless
    domain, spaces around the @) passed. An at sign is how they are written: one the Dutch
    lacks is an error, whatever is around it."""
    source = "Mail [bestuur@bij1.org](mailto:bestuur@bij1.org) als je vragen hebt."
    text = f"Mail [bestuur@bij1.org](mailto:bestuur@bij1.org) if in doubt, or {extra}."
    codes = [code for severity, code, _ in check.check_message(source, text, "en")
             if severity == "error"]
    assert "email" in codes


@pytest.mark.parametrize("text", [
    "\\> Diversity is our strength.", "\\# Diversity is our strength.",
    "\\>\\>\\> Diversity is our strength.", "\\-\\# Diversity is our strength.",
    "-# Diversity is our strength.", "1\\. Diversity is our strength.",
    "\\| Diversity is our strength.",
])
def test_escaped_block_markup_the_text_output_shows_bare_is_refused(text):
    """A hostile pass: the check read the Markdown as written, where \\> is escaped; the text
    output (for chats) resolves the escape and starts the line with >, a quote in every chat
    (>>> quotes the rest of the message in Discord, -# makes it small grey subtext)."""
    codes = [code for _, code, _ in check.check_message("Diversiteit is onze kracht.", text, "en")]
    assert "block-markup" in codes


@pytest.mark.parametrize("text", [
    "Diversity is \\|\\|our\\|\\| strength.", "Diversity is ||our||strength.",
    "Diversity is strength||our||.", "Diversity is *our*strength.", "Diversity a`our`b.",
    "Diversity is \\[spoiler\\]our\\[/spoiler\\] strength.", "Diversity [hide]our[/hide].",
    "Diversity [details=\"Summary\"]our[/details].", "Diversity [ISPOILER]our[/ispoiler].",
])
def test_chat_formatting_escaped_inside_words_or_in_any_forum_tag_is_refused(text):
    """A hostile pass: escaped delimiters, Discord's spoilers and CommonMark's emphasis inside
    a word, and forum tags outside an 11-name list passed."""
    codes = [code for _, code, _ in check.check_message("Diversiteit is onze kracht.", text, "en")]
    assert "markup" in codes


def test_a_phone_number_in_han_numerals_is_a_phone_number():
    """〇六一二三四五六七八 is read 0612345678; Chinese counts (三人中有二人) stay text."""
    source = "Diversiteit is onze kracht."
    for number in ("〇六一二三四五六七八", "零六一二三四五六七八"):
        codes = [code for _, code, _ in check.check_message(source, f"电话：{number}。", "zh")]
        assert "phone" in codes
    assert check.check_message(source, "三人中有二人，一起努力。第一章和第二章。", "zh") == []


@pytest.mark.parametrize("text", [
    "Only the Dutch text is ||binding.", "If you experience|| something.",
    "Only the Dutch text [/spoiler]is binding.", "We talk ``` with people.",
    "We talk with people, not about >!people!<, ever.", "We talk >!with people.",
])
def test_a_mark_that_hides_text_across_messages_is_refused_alone(text):
    """A hostile pass: ``||binding.`` in one message and ``experience||`` in another each
    passed, and the text output joins them into one spoiler over every rule between (Discord
    spoilers, code fences and BBCode span lines). Reddit's >!x!< hid text too."""
    codes = [code for _, code, _ in check.check_message("Dit is een vertaling.", text, "en")]
    assert "markup" in codes


@pytest.mark.parametrize(("text", "lang"), [
    ("हम लोगों से बात करते हैं।", "hi"), ("እኛ ከሰዎች ጋር እንነጋገራለን።", "am"),
    ("Մենք խոսում ենք մարդկանց հետ։", "hy"), ("เราคุยกับผู้คน", "th"),
])
def test_every_script_may_end_a_sentence_its_own_way(text, lang):
    """A hostile pass: the danda, Ethiopic and Armenian full stops were no end punctuation,
    and Thai has none, so --strict could never pass in those languages."""
    codes = [code for _, code, _ in check.check_message("Wij praten met mensen.", text, lang)]
    assert "end-punctuation" not in codes


def test_circles_for_zero_and_a_www_with_middle_dots_are_read():
    """The last hostile pass: ○ and ◯, which Japanese writes for 〇, hid a phone number, and
    www·hulplijn·eus passed (its ending is none of the common ones)."""
    source = "Wij praten met mensen."
    for text, lang, code in (("フリーダイヤル○一二○－三○○－五○○。", "ja", "phone"),
                             ("フリーダイヤル◯一二◯－三◯◯－五◯◯。", "ja", "phone"),
                             ("See www·hulplijn·eus today.", "en", "lookalike")):
        assert code in [c for _, c, _ in check.check_message(source, text, lang)], text
    assert check.check_message(source, "○ 項目です。", "ja") == []


@pytest.mark.parametrize("number", [
    "⓿❻❶❷❸❹❺❻❼❽", "➀➁➂➃➄➅➆➇", "➊➋➌➍➎➏➐➑", "⓵⓶⓷⓸⓹⓺⓻⓼", "፩፪፫፬፭፮፯፰",
])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_phone_number_in_numerals_of_any_kind_is_a_phone_number(number, lang):
    """A hostile pass: dingbat, double-circled and Ethiopic numerals (which are neither digits
    nor fold to one) hid a phone number. Every character Unicode gives a value from 0 to 9
    is that digit; the test below holds each of them."""
    codes = [c for _, c, _ in check.check_message("Wij spreken.", f"We speak on {number}.", lang)]
    assert "phone" in codes


def test_every_numeral_from_zero_to_nine_is_read_as_its_digit():
    """Over 1,000 characters; Roman numerals (Ⅵ, ⅵ) are read as the letters they fold to
    (VI), as readers read them."""
    numerals = [chr(code) for code in range(0x80, 0x110000)
                if unicodedata.numeric(chr(code), -1) in range(10)
                and not unicodedata.normalize("NFKC", chr(code)).isalpha()]
    assert len(numerals) > 1000
    for numeral in numerals:
        text = f"Bel {numeral * 10}."  # ten of one numeral: a number to dial
        codes = [c for _, c, _ in check.check_message("Wij spreken.", text, "en")]
        assert "phone" in codes or "lookalike" in codes, (hex(ord(numeral)), codes)


@pytest.mark.parametrize(("text", "lang"), [
    ("نتحدث من تجربتنا الخاصة عام ١٩٨٥–٢٠٢٥.", "ar"), ("نتحدث (٢٠٢٤–٢٠٢٥).", "ar"),
    ("نتحدث ١٩٩٠، ٢٠٠٠، ٢٠١٠.", "ar"), ("نتحدث منذ 2020-2021.", "ar"),
    ("نتحدث (۱۳۶۴–۱۴۰۴).", "fa"), ("We speak (2025–2016, 2024, 2023).", "en"),
    ("Mluvíme od 27. 11. 2026.", "cs"), ("Beszélünk 2026. 01. 15. óta.", "hu"),
    ("Nous parlons de 12h30–14h00 et de 9h à 17h.", "fr"),
])
def test_years_dates_and_times_as_they_are_written_and_drawn_are_no_phone_numbers(text, lang):
    """A hostile pass: a span or list of years drawn right to left (٢٠٢٥–١٩٨٥, the order readers
    see) was a phone number, and so were Czech and Hungarian dates and French times."""
    assert check.check_message(with_numbers("Wij spreken vanuit eigen ervaring.", text), text,
                               lang) == []


@pytest.mark.parametrize("handle", ["ⓐbij1_hulp", "Ⓐbij1hulp", "🅐bij1hulp", "⒜bij1hulp"])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_circled_a_that_stands_for_an_at_sign_is_refused(handle, lang):
    """A hostile pass: ⓐ at the start of a handle passed (inside a word it is a look-alike)."""
    codes = [c for _, c, _ in check.check_message("Wij spreken.", f"We speak, DM {handle}.",
                                                  lang)]
    assert "email" in codes


def _confusables() -> list[set[str]]:
    import json
    from importlib.resources import files
    data = json.loads(files("confusable_homoglyphs").joinpath("confusables.json").read_text())
    groups = [{key} | {h["c"].strip("\u200e\u200f") for h in homoglyphs}
              for key, homoglyphs in data.items()]
    return [{c for c in group if len(c) == 1} for group in groups]


def test_east_asian_letters_that_look_like_signs_are_signs():
    """Differential with UTS #39: every Han, kana, Hangul letter confusable with an ASCII
    character or a one-stroke Han character is read as a sign (a hostile pass: 06ㅡ12ㅡ34,
    06ノ12ノ34 and 06-ㅣ234ㅣ5678 hid phone numbers)."""
    from pelican_bij1code.addresses import _STROKES, _east_asian_letter
    like_signs = {c for group in _confusables()
                  if any(o.isascii() or o in _STROKES for o in group)
                  for c in group if _east_asian_letter(c) or c in _STROKES}
    assert like_signs <= _STROKES, like_signs - _STROKES


def test_everything_that_looks_like_a_dot_is_one_between_letters():
    """Differential with UTS #39: every confusable of "." and "·", the Arabic and Persian zeros
    too (between letters: between digits they are zeros)."""
    from pelican_bij1code.addresses import DOT_LIKE
    dots = {c for group in _confusables() if "." in group or "\u00b7" in group for c in group}
    assert dots - {"."} <= DOT_LIKE


@pytest.mark.parametrize(("text", "lang"), [
    ("Мы говорим из опыта: пишите на bij1hulp\u2e33рф сразу.", "ru"),
    ("Пишите на помощь·рф.", "ru"), ("βοήθεια·ελ.", "el"), ("帮助\u2e33中国。", "zh"),
    ("مساعدة\u06d4مصر.", "ar"), ("Write to bij1\ua78fnl.", "en"), ("مساعدة\u0660مصر.", "ar"),
    ("کمک\u06f0ایران.", "fa"), ("помощь\u1427рф.", "ru"), ("помощь\uff0eрф.", "ru"),
    ("помощь\u3002рф.", "ru"), ("助\uff0e中国。", "zh"), ("Call 06\u1680123\u168045678.", "en"),
    ("Call 06ㆍ12ㆍ34ㆍ56ㆍ78.", "en"), ("Call 06ㅡ12ㅡ34ㅡ56ㅡ78.", "en"),
    ("Call 06-ㅣ234ㅣ5678.", "en"), ("Call 06ㄧ12ㄧ34ㄧ56ㄧ78.", "en"),
    ("Call 06ノ12ノ34ノ56ノ78.", "en"), ("Report: wwwㆍevilㆍorg.", "en"),
])
def test_dots_and_signs_of_any_script_inside_a_word_are_refused(text, lang):
    """Two hostile passes: a dot look-alike between letters of a word not all Latin
    (bij1hulp⸳рф), and Hangul, Bopomofo and kana letters that look like signs, passed."""
    codes = [c for s, c, _ in check.check_message("Wij spreken vanuit eigen ervaring.", text,
                                                  lang) if s == "error"]
    assert "lookalike" in codes or "phone" in codes


@pytest.mark.parametrize(("text", "lang"), [
    ("唐纳德·特朗普来了。", "zh"), ("ドナルド・トランプです。", "ja"), ("남·북 대화입니다.", "ko"),
    ("Col·lectiu i militant·e·s.", "ca"), ("ノートを書きます。", "ja"), ("ㅋㅋㅋ 좋아요.", "ko"),
    ("ሰላም፡ዓለም።", "am"), ("Ναι· όχι.", "el"), ("力量。我们在一起。", "zh"),
    ("عام ١٠٢ و٢٠٢٥.", "ar"), ("ᐊᐧᐃ ᓀᐦᐃᔭᐍᐏᐣ.", "cr"),
])
def test_the_dots_scripts_spell_with_are_no_lookalikes(text, lang):
    assert check.check_message(with_numbers("Wij spreken vanuit eigen ervaring.", text), text,
                               lang) == []


@pytest.mark.parametrize("text", ["Write to wp.pl.", "See ok.ru.", "See x.tr.", "See e.gov.ua.",
                                  "See пр.рф.", "See WP.PL. Thanks."])
def test_a_domain_at_the_end_of_a_sentence_is_an_address(text):
    """A hostile pass: an exemption for abbreviations (t.ex., p.ej.) let real domains through
    at the end of a sentence (wp.pl., ok.ru.), which link finders link. It is gone: without the
    list of top-level domains, an abbreviation written with dots stays a false alarm."""
    codes = [c for _, c, _ in check.check_message("Wij spreken vanuit eigen ervaring.", text,
                                                  "pl")]
    assert "url" in codes


@pytest.mark.parametrize(("text", "lang"), [
    ("私はBIJ1が掲げるものの一例です。", "ja"), ("我是BIJ1所代表价值的榜样。", "zh"),
    ("나는 BIJ1이 추구하는 것의 예입니다.", "ko"), ("ኣነ ኣብነት BIJ1ን እየ።", "ti"),
])
def test_bij1_with_a_particle_of_a_script_without_spaces_is_bij1(text, lang):
    """A hostile pass: BIJ1 written on to Japanese, Chinese, Korean, Burmese or Ethiopic letters
    was 'missing'; Korean has no correct form without its particle on the name."""
    source = "Ik ben een voorbeeld van waar BIJ1 voor staat."
    assert "term" not in [c for _, c, _ in check.check_message(source, text, lang)]
    assert "term" in [c for _, c, _ in check.check_message(source, "Я BIJ1а.", "ru")]


@pytest.mark.parametrize("text", [
    "We speak, see 🅱🅸🅹1🅷🆄🅻🅿.🅽🅻 for help.", "See bij1hulp.🅽🅻 now.",
    "See 🅑🅘🅙1🅗🅤🅛🅟.🅝🅛 now.", "See 🇧🇮🇯1🇭🇺🇱🇵.🇳🇱 now.",
    "We speak, call 06/12, 34/56, 78.", "We speak, call 31/6, 12/3, 45/6, 78.",
    "We speak from our own experience [gedragscode lang=tr].", "We speak \\[gedragscode\\].",
])
def test_boxed_letters_dates_among_numbers_and_the_shortcode_are_refused(text):
    """A hostile pass: negative circled and squared letters and regional indicators, which
    NFKC leaves as they are, hid an address; a day and a month among short numbers hid a phone
    number (06/12, 34/56, 78); a shortcode in a translation became a live one where the html
    or md output was pasted into a page of a site with the plugin."""
    codes = [c for s, c, _ in check.check_message("Wij spreken vanuit eigen ervaring.", text,
                                                  "en") if s == "error"]
    assert {"url", "phone", "markup"} & set(codes), codes


def test_flags_and_lists_of_dates_stay_text():
    for text in ("We love 🇳🇱 and 🇸🇷.", "We meet on 27/11, 28/11 and 29/11.",
                 "On 27/11, 3 people came."):
        assert check.check_message(with_numbers("Wij spreken vanuit eigen ervaring.", text),
                                   text, "en") == [], text


@pytest.mark.parametrize(("source", "text", "lang", "code"), [
    ("IK BEN BIJ1", "I AM BIJ1⼁", "en", "term"), ("IK BEN BIJ1", "I AM BIJ1○", "en", "term"),
    ("IK BEN BIJ1", "I AM BIJ1∣", "en", "term"), ("IK BEN BIJ1", "I AM BIJ1°", "en", "term"),
    ("Diversiteit is onze kracht.", "Сила: помощь˙рф.", "ru", "lookalike"),
    ("Diversiteit is onze kracht.", "قوتنا: مساعدةˑمصر.", "ar", "lookalike"),
    ("Diversiteit is onze kracht.", "Our strength: ⓿❻ ⓫⓬ ⓭⓮.", "en", "phone"),
    ("Diversiteit is onze kracht.", "Call 06 ㉈㉉ 5678.", "en", "phone"),
])
def test_circles_lines_dots_and_enclosed_numbers_of_the_last_pass(source, text, lang, code):
    """The last hostile pass: a circle or an upright line on BIJ1 (BIJ1○, BIJ1⼁, which NFKC
    folds to 丨), dots drawn as modifier letters (˙ ˑ), and enclosed numbers from 10 (⓫, ㉈)
    passed."""
    assert code in [c for s, c, _ in check.check_message(source, text, lang) if s == "error"]


def test_a_cjk_sentence_ends_after_bij1():
    assert check.check_message("IK BEN BIJ1", "我是BIJ1。我们在一起。", "zh") == []



def _errors(text: str, lang: str, source: str = "Diversiteit is onze kracht.") -> list[str]:
    """The codes of the errors ``check_message`` finds in ``text`` (a translation of
    ``source`` into ``lang``)."""
    return [c for s, c, _ in check.check_message(source, text, lang) if s == "error"]


#: The attacker's dots of the thirtieth pass: circles of every size and fill, rings, a dot
#: drawn over a letter, and the full stops and dots of other scripts.
_SIGNS_SEEN_AS_DOTS = ("⚫⬤⏺⚬⭘◉⦿⊙☉ʘ⨀◘🞅🞆˚˳⸼་༌᠃᙮꞉\u0323")


@pytest.mark.parametrize("sign", _SIGNS_SEEN_AS_DOTS)
@pytest.mark.parametrize("word", ["помощь{}рф", "مساعدة{}مصر", "도움{}한국", "βοήθεια{}ελ",
                                  "עזרה{}ישראל", "帮助{}中国", "bij1hulp{}рф"])
def test_any_sign_between_letters_of_another_script_than_its_own_is_refused(sign, word):
    """The thirtieth hostile pass: ● and ◦ were refused between letters, ⚫ ◉ ˚ and the full
    stops of Tibetan or Mongolian were not. Between two letters not both Latin, a sign is
    refused unless it is a dash, a quotation mark, East Asian punctuation or the spelling of
    the letters' own script; a letter of a third script (ʘ, ꞉) and a dot drawn over a letter
    too."""
    text = "Я пример того, за что стоит BIJ1: " + word.format(sign) + "."
    source = "Ik ben een voorbeeld van waar BIJ1 voor staat."
    assert "lookalike" in [c for s, c, _ in check.check_message(source, text, "ru")
                           if s == "error"]


@pytest.mark.parametrize(("text", "lang"), [
    ("צה״ל ו־BIJ1.", "he"), ("ཀུན་ལ་BIJ1.", "bo"), ("ሰላም፡ዓለም BIJ1።", "am"),
    ("Բարե՞ւ BIJ1։", "hy"), ("من، تو و BIJ1.", "fa"), ("м\u02bcясо і BIJ1.", "uk"),
    ("Oʻzbek va BIJ1.", "uz"), ("Ẹ́ kú àárọ̀ BIJ1.", "yo"), ("我们……他们是BIJ1。", "zh"),
    ("フィジー・ヒンディー語とBIJ1です。", "ja"), ("我用iPhone。我们是BIJ1。", "zh"),
    ("维生素C的BIJ1。", "zh"), ("我是BIJ1的榜样。BIJ1是党。", "zh"),
])
def test_the_signs_a_script_spells_with_are_no_lookalikes(text, lang):
    """What the same rule must let through: Hebrew gershayim, the Tibetan tsheg, the Ethiopic
    wordspace, Armenian marks between their own letters; apostrophes written as letters; tone
    marks NFC does not compose (Yoruba); CJK punctuation and sentences."""
    codes = _errors(text, lang, "Ik ben BIJ1.")
    assert "lookalike" not in codes and "url" not in codes, codes


@pytest.mark.parametrize("sign", "▏▕⎸⎹❙⎢⎥╎┆║㇑㇐˚˳⸰◌⊙ⓞㄱᆝ\u07d7|‖™")
def test_any_symbol_or_sign_like_letter_written_on_to_bij1_is_glued(sign):
    """The thirtieth pass: lines, strokes, rings and circles next to the fixed │ ⼁ ° ○ (BIJ1▏
    reads "BIJ11") passed, and so did Hangul letters that are no syllable and N'Ko letters.
    Any symbol on BIJ1 is glued; a letter only stands apart as a particle of a script written
    without spaces, or an Arabic or Hebrew affix."""
    codes = [c for s, c, _ in check.check_message(
        "Ik ben een voorbeeld van waar BIJ1 voor staat.",
        f"I am an example of what BIJ1{sign} stands for.", "en") if s == "error"]
    assert "term" in codes


@pytest.mark.parametrize("text", ["Call 06 〹 34 〺 78.", "Call 06 卄 34 卅 78.",
                                  "Call 06 十 34 十 78."])
def test_a_numeral_of_ten_or_more_standing_alone_is_its_digits(text):
    """The thirtieth pass: the Hangzhou numerals 20 and 30 (〹 〺, which NFKC folds to the Han
    卄 卅) hid a phone number; a Han numeral in a Han number (二十三) is read there."""
    codes = [c for s, c, _ in check.check_message("Ik ben BIJ1.", text, "en")]
    assert "phone" in codes
    assert check.check_message("Ik ben BIJ1.", "我是BIJ1，二十三岁。", "zh") == []


@pytest.mark.parametrize(("text", "lang"), [
    ("BIJ1是我们的榜样。", "zh"), ("BIJ1は党です。", "ja"), ("BIJ1成立于2016年。", "zh"),
    ("我是BIJ1、2026年的榜样。", "zh"), ("我是BIJ1，2026年的榜样。", "zh"),
    ("我是BIJ1的榜样（2016年）。", "zh"), ("私はBIJ1の見本です。2026年11月27日。", "ja"),
    ("BIJ1은2016년에 설립되었습니다.", "ko"), ("我们于2026-11-27 15:30在BIJ1见面。", "zh"),
])
def test_cjk_sentences_with_bij1_and_numbers_pass(text, lang):
    """False alarms of the thirtieth pass: a sentence that starts with BIJ1 written on to CJK
    text was 'empty', and BIJ1 with a year later in the sentence 'a number with a letter'."""
    assert check.check_message(with_numbers("Ik ben een voorbeeld van waar BIJ1 voor staat.",
                                            text), text, lang) == []


#: Signs in CLDR's display names that the look-alike rules refuse: a spacing acute for an
#: apostrophe (nmg d´Ivoire) and a stroke over a Yoruba letter.
_CLDR_SIGNS_REFUSED = {"\u00b4", "\u0335"}


def test_no_name_cldr_writes_in_any_language_is_a_lookalike():
    """Differential with CLDR (what nobody here wrote): every language, territory and script
    name of every locale Babel has, over 600,000 strings in every script, passes the
    look-alike rules, but for a few names that mix two scripts in a word, each a typo or a
    look-alike in CLDR itself (Serbian o\u0433ија with a Latin o, Greek ε in Latin Tamazight,
    Chuvash XBС with a Cyrillic С), and two known signs."""
    from babel import Locale, localedata

    from pelican_bij1code import characters
    from pelican_bij1code.addresses import disguised_separator, sign_between_letters

    letters, signs = set(), set()
    for code in localedata.locale_identifiers():
        locale = Locale.parse(code)
        for table in (locale.languages, locale.territories, locale.scripts):
            for name in table.values():
                shown = characters.visible(name)
                found = disguised_separator(shown) or sign_between_letters(shown)
                if found:
                    (letters if found.isalpha() else signs).add((code.split("_")[0], name))
    assert {name for _, name in signs if not set(name) & _CLDR_SIGNS_REFUSED} == set()
    assert len(letters) < 40, sorted(letters)


@pytest.mark.parametrize("text", [
    "我是BIJ1所代表的榜样，请访问www。帮助。com的网站。", "请访问帮助。com的网站，BIJ1。",
    "维基百科。org网站，BIJ1。", "帮助｡com的，BIJ1。", "帮助。ＣＯＭ的，BIJ1。",
    "ｗｗｗ。帮助。ｃｏｍ的，BIJ1。", "WWW。帮助。COM的，BIJ1。", "帮助。nl的，BIJ1。",
])
def test_an_address_of_cjk_labels_dotted_with_ideographic_full_stops_is_one(text):
    """The thirty-second pass: www。帮助。com (what a browser reads as www.帮助.com) passed: a
    full stop after www, or before a top-level domain (two letters, a common generic one), is
    a dot, also between CJK labels."""
    codes = _errors(text, "zh", "Ik ben BIJ1.")
    assert "url" in codes


@pytest.mark.parametrize(("text", "lang"), [
    ("我是BIJ1的榜样。Wi-Fi密码是公开的。", "zh"), ("我是BIJ1。COVID-19疫情期间。", "zh"),
    ("我是BIJ1。ChatGPT、Claude等工具。", "zh"),
    ("私はBIJ1です。Extinction Rebellionを支持します。", "ja"), ("私はBIJ1です。iPhone 15。", "ja"),
    ("私はBIJ1です。ⅰ型とⅱ型。", "ja"), ("第Ⅲ章を読む、BIJ1。", "ja"),
    ("α粒子和β射线和BIJ1。", "zh"), ("Я BIJ1-а и iPhone-ом.", "ru"),
])
def test_sentences_after_a_full_stop_and_letters_beside_cjk_pass(text, lang):
    """False alarms of the thirty-second pass: a CJK sentence that starts with a Latin name
    (。Wi-Fi, 。COVID-19), Roman numerals and Greek letters between CJK letters (第Ⅲ章, β射线).
    (。Black Lives Matter is refused: .black is a top-level domain, and the full stop a dot.)"""
    assert check.check_message(with_numbers("Ik ben BIJ1.", text), text, lang) == []


@pytest.mark.parametrize("text", [
    "See wwwₒbij1-hulpₒnl.", "Mail hulpˎbestuurˏbij1ˎorg.", "See bij1-hulpˍnl.",
    "I am an example of what ΒΙЈ1 stands for (BIJ1).", "Я BIJ1: пaмощь.",
])
def test_letters_drawn_on_the_line_and_words_of_two_scripts_are_lookalikes(text):
    """The thirty-second pass: subscript and low modifier letters (ₒ ˎ ˏ ˍ) stood for a dot, a
    comma or an underscore inside a Latin word; a Greek and Cyrillic BIJ1 passed beside the
    real one. A run of letters of two scripts is refused (UTS #39's mixed scripts)."""
    codes = _errors(text, "en", "Ik ben BIJ1.")
    assert "lookalike" in codes


@pytest.mark.parametrize("numeral", "ⅩⅪⅫⅹⅺⅻⅨ")
def test_a_roman_numeral_standing_alone_in_a_phone_number_is_its_digits(numeral):
    codes = [c for _, c, _ in check.check_message(
        "Ik ben BIJ1.", f"I am BIJ1, call 06 {numeral} 34 56 78.", "en")]
    assert "phone" in codes


@pytest.mark.parametrize(("text", "lang"), [
    ("多样性是我们的力量。请访问bij1-hulp。中国。", "zh"), ("请访问bij1hulp。香港。", "zh"),
    ("请访问bij1hulp。公司。", "zh"), ("bij1-hulp。みんなへ。", "ja"), ("bij1-hulp。コム。", "ja"),
    ("请访问1。1。1。1:80的网站。", "zh"), ("Visit 1｡1｡1｡1 now.", "en"),
    ("Help: bij1-hulp。email now.", "en"), ("Help: помощь。рф now.", "ru"),
])
def test_a_full_stop_before_a_top_level_domain_or_between_digits_is_a_dot(text, lang):
    """The thirty-fourth pass: a Latin label before a CJK top-level domain (bij1-hulp。中国) and
    an IPv4 address dotted with 。 (1。1。1。1) passed; browsers read them as addresses. The
    top-level domains are the Public Suffix List's (ICANN section)."""
    codes = _errors(text, lang)
    assert "url" in codes or "lookalike" in codes, codes


@pytest.mark.parametrize(("text", "lang"), [
    ("我们推荐 Signal。WhatsApp 也可以。", "zh"), ("Zoom。Jitsi 也行。", "zh"),
    ("Discord。LINE でも。", "ja"), ("力量。中国人民。", "zh"),
])
def test_a_full_stop_before_a_word_that_is_no_top_level_domain_ends_a_sentence(text, lang):
    """False alarms the same pass saw: brand names after a full stop."""
    assert check.check_message("Diversiteit is onze kracht.", text, lang) == []


@pytest.mark.parametrize("ending", ["n|", "n׀", "n│", "n∣", "n￨", "n⏽", "n।", "n١", "n۱", "n1",
                                    "c0", "c০", "c०", "c၀", "c໐", "c٥", "c۵", "c○", "c◯",
                                    "c⚪", "c°", "c〇", "c๐", "c០"])
def test_a_domain_ending_in_a_digit_or_sign_drawn_as_a_letter_is_a_domain(ending):
    """The thirty-fourth pass: bij1-hulp.n| and bij1hulp.c0, which a reader takes for .nl and
    .co, were no addresses: a domain's last label may end in what is drawn as a letter."""
    for text, lang in ((f"Help: bij1-hulp.{ending} now.", "en"),
                       (f"请访问bij1hulp.{ending}。", "zh")):
        codes = _errors(text, lang)
        assert "url" in codes or "lookalike" in codes, (text, codes)
    assert check.check_message("Versie 1.10 en fig.1a.", "Version 1.10 and fig.1a.",
                               "en") == []


@pytest.mark.parametrize("numeral", ["ⅩⅡ", "ⅩⅠⅠ", "ⅰⅹ", "ⅯⅯⅩⅩⅥ"])
def test_a_roman_number_of_several_characters_alone_is_its_digits(numeral):
    codes = [c for _, c, _ in check.check_message(
        "Ik ben BIJ1.", f"I am BIJ1, call 06 {numeral} 345678.", "en")]
    assert "phone" in codes


@pytest.mark.parametrize("ending", ["оrg", "сом", "ϲom", "ⅽom", "ɡov", "c0", "n1", "0rg", "n|",
                                    "co〇", "c০", "ｃ０", "c⁰", "c₀"])
def test_a_look_alike_top_level_domain_after_a_full_stop_is_a_dot(ending):
    """The thirty-fifth pass: after 。 in CJK text a top-level domain written with look-alikes
    (Cyrillic оrg, ϲom, c0, c₀) read as a sentence; it is read as a reader reads it (NFKC,
    0 and 1 as o and l) and, holding anything but ASCII, as an address: fail-closed."""
    for text, lang in ((f"多元是我们的力量。请写信给bij1-hulp。{ending}。", "zh"),
                       (f"Diversity (多元) is our strength: write to bij1-hulp。{ending}.", "en")):
        codes = _errors(text, lang)
        assert {"url", "lookalike"} & set(codes), (text, codes)


@pytest.mark.parametrize(("text", "lang"), [
    ("Diversity is our strength: write to bij1-hulp·n1 or bij1-hulp·c0.", "en"),
    ("Diversity is our strength: bij1-hulp·n|.", "en"), ("See оrg and ϲom.", "en"),
    ("多元是我们的力量。电话１。１。１。１。", "zh"), ("请访问1.1.1.1的网站。", "zh"),
])
def test_middle_dot_endings_digits_and_words_starting_in_another_script_are_refused(text, lang):
    codes = _errors(text, lang)
    assert {"url", "lookalike"} & set(codes), codes


@pytest.mark.parametrize(("text", "lang"), [
    ("多元是我们的力量。我们是BIJ1。世界需要我们。", "zh"),
    ("欢迎加入BIJ1。中国的朋友们也欢迎你。", "zh"),
    ("多様性は私たちの力です。私たちはBIJ1。みんなで行こう。", "ja"),
    ("La diversité est notre force, militant·es, ami·es et allié·es.", "fr"),
    ("Chaque citoyen·ne compte.", "fr"),
    ("La diversitat és la nostra força: som una col·la.", "ca"),
])
def test_sentences_after_bij1_and_inclusive_middle_dots_pass(text, lang):
    """False alarms of the thirty-fifth pass: a CJK sentence after BIJ1。 that starts with a
    word that is also a CJK top-level domain (世界, みんな); French inclusive and Catalan words
    whose ending is a country's domain (militant·es, col·la)."""
    assert check.check_message("Diversiteit is onze kracht.", text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("ความหลากหลาย1.1.1.1คือ.", "th"), ("ຄວາມ1.1.1.1ແມ່ນ.", "lo"), ("ភាព1.1.1.1គឺ.", "km"),
    ("ይጎብኙ1.1.1.1አሁን.", "am"), ("देखें1.1.1.1पर.", "hi"), ("Visit1.1.1.1now.", "en"),
    ("See evil。ⓞⓡⓖ.", "en"), ("See bij1hulp。ⓝⓛ now.", "en"), ("See hulpbij·nl now.", "en"),
    ("See BIJHULP·NL now.", "en"), ("访问bijhulp·nl的。", "zh"),
])
def test_the_thirty_seventh_pass_addresses_are_read(text, lang):
    """The thirty-seventh pass: an IPv4 address written on to letters of any script, circled
    letters after a full stop (NFKC makes them letters) and a country's ending after a middle
    dot in a plain word passed."""
    codes = _errors(text, lang)
    assert {"url", "lookalike"} & set(codes), codes


@pytest.mark.parametrize(("text", "lang"), [
    ("La immigració il·legal no existeix.", "ca"), ("我们成立于2016。BIJ1是我们的党。", "zh"),
    ("这是译文，版本：2026年11月27日。", "zh"),
    ("体现了BIJ1：平等与团结。", "zh"), ("La diversité est notre force, militant·es.", "fr"),
])
def test_the_thirty_seventh_and_eighth_pass_false_alarms_pass(text, lang):
    """Catalan l·l before a word that is a top-level domain (il·legal), a year and BIJ1 on both
    sides of a CJK full stop, the full-width colon of Chinese and Japanese. (1000。2026年 is
    still a phone number: a full stop between digit groups is a phone number's sign.)"""
    assert check.check_message(with_numbers("Diversiteit is onze kracht.", text), text,
                               lang) == []


_MAIL = "[bestuur@bij1.org](mailto:bestuur@bij1.org)"
_DUTCH_MAIL = f"Vragen? Mail het bestuur via {_MAIL}."


@pytest.mark.parametrize(("lang", "text"), [
    ("ar", f"هل لديك أسئلة؟ راسل مجلس الإدارة ({_MAIL})."),
    ("ar", f"هل لديك أسئلة؟ راسل مجلس الإدارة «{_MAIL}»."),
    ("ar", f"هل لديك أسئلة؟ راسل مجلس الإدارة [{_MAIL}]."),
    ("ar", f"هل لديك أسئلة؟ راسل مجلس الإدارة (عبر {_MAIL})."),
    ("fa", f"پرسشی دارید؟ به هیئت مدیره ایمیل بزنید ({_MAIL})."),
    ("fa", f"پرسشی دارید؟ به هیئت مدیره ایمیل بزنید: «{_MAIL}»؟"),
    ("ur", f"سوالات؟ بورڈ کو ای میل کریں ({_MAIL})۔"),
    ("he", f"שאלות? כתבו להנהלה ({_MAIL})."),
    ("ckb", f"پرسیارت هەیە؟ ئیمەیڵ بۆ دەستەی بەڕێوەبەر بنێرە ({_MAIL})."),
    # the Arabic ornate parentheses, which are not mirrored: ﴿ closes by name (41st pass)
    ("ar", f"هل لديك أسئلة؟ راسل مجلس الإدارة \ufd3f{_MAIL}\ufd3e."),
    ("ar", f"هل لديك أسئلة؟ راسل مجلس الإدارة \ufd3e{_MAIL}\ufd3f."),
])
def test_an_address_in_brackets_or_quotation_marks_is_drawn_whole(lang, text):
    """A false alarm of the last sweep: right to left, an address in parentheses, brackets or
    guillemets was ``reordered``, because the drawn text did not mirror the brackets (``)``
    drawn left of the address, where Chromium draws ``(``; UAX #9 rule L4). Drawn with mirrored
    glyphs, each reads as written, on the page and in plain text."""
    assert _errors(text, lang, _DUTCH_MAIL) == []
    page = visual.drawn(markup.shown(markup.parse(text), rtl=True), rtl=True)
    assert re.search(r"[(«\[\ufd3e\ufd3f]bestuur@bij1\.org", page), page  # a bracket before it


@pytest.mark.parametrize("text", [
    # mirrored or not, the brackets hide nothing: what is drawn otherwise is still refused
    f"راسل ({_MAIL}\u200f1).",
    f"راسل (bestuur\u200f@bij1.org) {_MAIL}.",
    f"راسل ({_MAIL}) .org(bestuur@bij1",
    f"راسل )\u2067{_MAIL}\u2069(.",
])
def test_brackets_drawn_mirrored_hide_no_address(text):
    assert _errors(text, "ar", _DUTCH_MAIL) != []


def test_the_drawn_order_from_levels_is_the_librarys():
    """:func:`visual.drawn` mirrors a character from the level ``python-bidi`` resolved for it
    and the order those levels give (rules L1, L2), and only where that order is the order the
    library drew. Over 20,000 random texts of what a translation may hold that reorders
    (letters and digits of both directions, brackets, quotation marks, the marks and isolates
    a page or a right-to-left language has), it always is, in either paragraph direction."""
    import random

    rng = random.Random(3)
    pool = ("ab1 .()[]«»<>{}\u0628\u062a\u05d0\u0660\u06f0\u200f\u200e\u061c"
            "\u2066\u2067\u2068\u2069")
    differ = []
    for _ in range(10000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 25)))
        for rtl in (True, False):
            levels = visual._levels(text, rtl)
            assert levels is not None and len(levels) == len(text)
            order = "".join(text[at] for at in visual._order(text, levels, int(rtl)))
            if order != get_display(text, base_dir="R" if rtl else "L"):
                differ.append((text, rtl))
    assert differ == []


def test_brackets_are_mirrored_only_on_a_right_to_left_level():
    """A left-to-right run keeps its brackets (a URL's parentheses), a right-to-left one
    mirrors them, as a browser draws them; the text Chromium's page holds (``mirror=False``)
    is only reordered."""
    text = "\u0631\u0627\u0628\u0637 (\u2066https://bij1.org/x_(y)\u2069)."
    assert visual.drawn(text, rtl=True) == ".(https://bij1.org/x_(y)) \u0637\u0628\u0627\u0631"
    assert visual.drawn(text, rtl=True, mirror=False) == \
        ".)https://bij1.org/x_(y)( \u0637\u0628\u0627\u0631"
    assert visual.drawn("a (\u0628) b", rtl=False) == "a (\u0628) b"


@pytest.mark.parametrize(("text", "lang"), [
    ("\u05d6\u05d4\u05d5 \u05ea\u05e8\u05d2\u05d5\u05dd \u05d1\u201e\u05e7\u05d5\u05d3 "
     "\u05d4\u05d4\u05ea\u05e0\u05d4\u05d2\u05d5\u05ea\u201d.", "he"),
    ("\u0432\u201e\u0441\u043b\u043e\u0432\u0435\u201c.", "ru"),
    ("\u0432\u201a\u0441\u043b\u043e\u0432\u0435\u2018.", "uk"),
])
def test_a_low_quotation_mark_after_a_prefix_letter_is_spelling(text, lang):
    """A false alarm of a hostile pass: Hebrew writes a prefix letter on to the low opening
    quotation mark (ב„קוד”), as Russian and others may (в„слове“); „ and ‚ are opening
    punctuation (Ps), not Pi, and were refused as a sign between letters. Every punctuation
    mark Unicode names a quotation mark is one now; a sign drawn as a dot is still refused."""
    assert _errors(text, lang, "Dit is een vertaling.") == []
    assert check.sign_between_letters("\u043f\u043e\u0449\u26ab\u0440") == "\u26ab"


@pytest.mark.parametrize(("text", "address"), [
    ("We are BIJ1, see evil.\u24a9\u24a7.", "evil.nl"),
    ("\u6211\u4eec\u662fBIJ1\u3002\u8bbf\u95ee evil\u3002\u24aa\u24ad\u24a2", "evil.org"),
    ("We are BIJ1: \u249d\u24a4\u24a5\u24a7\u24a3\u24b0\u24a7\u24ab.\u24a9\u24a7", "bijlhulp.nl"),
    # capitals in parentheses too (45th pass), and numbers
    ("We are BIJ1, see evil.\U0001f11d\U0001f11b.", "evil.nl"),
    ("We are BIJ1, see evil.\U0001f11d\u24a7.", "evil.nl"),
    ("We are BIJ1, see \u2474\u2475\u2476.\u2477\u2478\u2479.1.1", "123.456.1.1"),
])
def test_letters_in_parentheses_are_read_as_letters_in_an_address(text, address):
    """Left alone last session: letters drawn in parentheses (⒩⒧, which NFKC unfolds to
    "(n)(l)") after a dot were no address; a reader reads evil.⒩⒧ as evil.nl."""
    assert address in addresses(check._as_seen(text, ()))
    assert "url" in _errors(text, "zh", "Wij zijn BIJ1.")


def test_every_letter_or_number_in_parentheses_is_read_as_it():
    """Every character NFKC makes a Latin letter or a number in parentheses ("(a)", "(A)",
    "(12)") is read as that letter or number where addresses are read."""
    from pelican_bij1code.addresses import _READ_APART

    drawn = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0x110000)}
    wanted = {code: text[1:-1] for code, text in drawn.items()
              if re.fullmatch(r"\([A-Za-z0-9]+\)", text)}
    assert wanted and all(_READ_APART.get(code) == text for code, text in wanted.items())


_DUTCH_CONTACT = f"Voor vragen kun je contact opnemen via {_MAIL}."


@pytest.mark.parametrize(("lang", "text"), [
    ("zh", f"如有疑问，请通过{_MAIL}联系。"),
    ("zh", f"如有疑问，请通过https://bij1.org/联系或写信给{_MAIL}。"),
    ("ja", f"ご質問は{_MAIL}までお寄せください。"),
    ("ko", f"문의는 {_MAIL}로 해 주세요."),
    ("th", f"สอบถามได้ที่{_MAIL}ครับ"),
    ("am", f"ለጥያቄዎች በ{_MAIL} ያግኙን።"),
    # BIJ1 in a sentence with an address, and the brackets and commas of such text before
    # it (43rd pass: 'term' and 'email' false alarms)
    ("zh", "关于我们对所有参加BIJ1komsten的人的期望，详见BIJ1诚信与行为准则。如有疑问，可随时通过"
           f"{_MAIL}联系理事会。"),
    ("zh", f"如有问题请通过理事会（{_MAIL}）联系。"),
    ("zh", f"如有问题请通过理事会【{_MAIL}】联系。"),
    ("zh", f"如有问题请通过理事会，{_MAIL}。"),
    ("ja", f"質問は理事会（{_MAIL}）まで。"),
])
def test_an_address_written_on_to_words_of_a_script_without_spaces_is_read_alone(lang, text):
    """Left alone last session (a false alarm): Chinese, Japanese, Thai and Amharic write an
    address on to the words around it, Korean its particles (bestuur@bij1.org로); the address
    was read with them and refused as another one."""
    source = _DUTCH_CONTACT if "https" not in text else \
        f"Zie https://bij1.org/ of mail {_MAIL}."
    if "BIJ1" in text:
        source = f"Over onze BIJ1komsten: BIJ1. Vragen? Mail {_MAIL}."
    assert _errors(text, lang, source) == []


@pytest.mark.parametrize("text", [
    f"请通过{_MAIL}联系或evil@bij1.org联系",  # another address, also written on
    f"请通过{_MAIL}联系evil帮助@bij1.org",
    f"请通过{_MAIL}帮助.com",
    f"请通过{_MAIL} 或 evil.c口m",  # one letter inside a Latin word: part of it
    f"请通过{_MAIL} 或 bij1hulp.c十",  # not after a top-level domain: part of it
    f"请通过{_MAIL}丨",  # a sign-like letter stays on it
    f"请通过{_MAIL}\u0430",  # a Cyrillic a is no letter of such a script
    f"请通过{_MAIL}\u12d0",  # an Ethiopic syllable drawn as an O
    # an at sign the Dutch lacks in the same run of text (43rd pass: the run was dropped
    # whole with the address in it, and the at sign with it)
    f"如有问题请通过{_MAIL}或hulp@localhost联系理事会。",
    f"如有问题请通过{_MAIL}或@bij1_hulp联系。",
    f"質問は{_MAIL}またはLINE@bij1hulpまで。",
])
def test_what_is_written_on_to_an_address_in_such_text_is_still_judged(text):
    assert _errors(text, "zh", _DUTCH_CONTACT) != []


def test_letters_of_scripts_without_spaces_that_look_latin_are_those_of_unicodes_confusables():
    """The letters that never part an address (:data:`addresses._SPACELESS_LOOKALIKES`): every
    letter of a script written without spaces that UTS #39 joins to an ASCII character, but
    for the full-width Latin ones NFKC folds first."""
    import string

    from pelican_bij1code import addresses as module

    found = {c for ascii_char in string.printable.strip() for c in confusable_with(ascii_char)
             if not c.isascii() and c.isalpha()
             and characters.script_of(c) in characters.SPACELESS_SCRIPTS
             and unicodedata.normalize("NFKC", c) == c}
    assert found == module._SPACELESS_LOOKALIKES


@pytest.mark.parametrize(("lang", "text"), [
    ("hi", f"सवालों के लिए आप हमेशा बोर्ड से संपर्क कर सकते हैं: {_MAIL}।"),
    ("bn", f"প্রশ্নের জন্য বোর্ডের সাথে যোগাযোগ করুন: {_MAIL}।"),
    ("mr", f"प्रश्नांसाठी मंडळाशी संपर्क साधा: {_MAIL}।"),
    ("ja", "私はBIJ1・コミュニティが大切にしていることの手本です。"),
    ("ja", "アムステルダム・BIJ1の手本です。"),
])
def test_the_forty_sixth_pass_false_alarms_pass(lang, text):
    """A danda ending the sentence after the address (Hindi, Bengali, Marathi: it is drawn
    like a letter l, and the address was read with it), and Japanese's middle dot between a
    Latin word and a katakana one."""
    source = _DUTCH_CONTACT if "bestuur" in text else "Ik ben een voorbeeld van BIJ1."
    assert _errors(text, lang, source) == []


@pytest.mark.parametrize("text", [
    "सवालों के लिए: bestuur@bij1.n। पर लिखें",  # a danda that ends no address: a letter l
    "见 bij1hulp・中国", "见 ヘルプ・com", "LGBTQ・evil・com",  # before a top-level domain
])
def test_a_danda_or_a_middle_dot_before_what_reads_as_a_domain_is_still_judged(text):
    assert _errors(text, "hi", "Ik ben een voorbeeld van BIJ1.") != []


@pytest.mark.parametrize(("text", "address"), [
    ("Help: bij1hulp.\u217d\u217e.", "bij1hulp.cd"),  # Roman numerals c d, NFKC letters
    ("Help: bij1hulp.\u217c\u2170 or", "bij1hulp.li"),
    ("Help: \u217d\u217e.\u217d\u217e now", "cd.cd"),
    ("Visit BIJ1\u3002\u4e2d\u56fd for help.", "bij1.\u4e2d\u56fd"),  # a CJK domain after BIJ1
    ("BIJ1\uff61\u30b3\u30e0", "bij1.\u30b3\u30e0"),
])
def test_a_domain_in_roman_numerals_or_cjk_after_bij1_is_read(text, address):
    """The 47th pass: a top-level domain written in Roman numerals (bij1hulp.ⅽⅾ, which IDNA
    and readers take for bij1hulp.cd) was read as a number, and after BIJ1 an ideographic full
    stop or middle dot before a CJK top-level domain alone (BIJ1。中国, IDNA's bij1.中国) was
    a sentence's end."""
    assert address in addresses(check._as_seen(text, ()))
    assert _errors(text, "zh", "Dit is een vertaling.") != []


@pytest.mark.parametrize("text", [
    # a sentence after BIJ1
    "\u6211\u4eec\u662fBIJ1\u3002\u4e16\u754c\u9700\u8981\u6211\u4eec\u3002",
    "BIJ1\u3002\u4e2d\u56fd\u4eba\u6c11\u662f\u6211\u4eec\u7684\u670b\u53cb\u3002",
    "\u6211\u662fBIJ1\u30fb\u30b3\u30df\u30e5\u30cb\u30c6\u30a3\u306e\u624b\u672c\u3067\u3059\u3002",
    "\u7b2c\u2161\u7ae0\u3002BIJ1\u662f\u6211\u4eec\u3002",  # a Roman numeral in a chapter's name
])
def test_a_cjk_sentence_after_bij1_still_passes(text):
    assert _errors(text, "zh", "Wij zijn BIJ1.") == []


@pytest.mark.parametrize("text", [
    "Mail [bestuur@bij1.org](mailto:bestuur@bij1.org) or "
    "\uff42\uff45\uff53\uff54\uff55\uff55\uff52@bij1.org.",
    "Mail [bestuur\ufe6bbij1.org](mailto:bestuur@bij1.org).",
    "Mail [\U0001d41b\U0001d41e\U0001d42c\U0001d42d\U0001d42e\U0001d42e\U0001d42b@bij1.org]"
    "(mailto:bestuur@bij1.org).",
    "Mail [bestuur@bij1.\uff4f\uff52\uff47](mailto:bestuur@bij1.org).",
])
def test_an_address_written_with_compatibility_forms_is_a_lookalike(text):
    """The 49th pass: an e-mail address in full-width, mathematical or small forms that NFKC
    folds to the Dutch one passed (a reader copies ｂｅｓｔｕｕｒ@, which no mail system folds),
    where the same in a domain was refused."""
    assert "lookalike" in _errors(text, "en", _DUTCH_CONTACT)


@pytest.mark.parametrize("text", [
    "\u6211\u662fBIJ1\u3002\u30bb\u30fc\u30eb\u3002",  # a katakana domain with ー after BIJ1
    "\u89c1bij1hulp\u3002\u30d5\u30a1\u30c3\u30b7\u30e7\u30f3\u3002",  # six letters long
])
def test_a_cjk_domain_of_any_length_or_letter_after_a_full_stop_is_read(text):
    """The 49th pass: the longest CJK top-level domain was taken to have five letters (the
    list has ファッション, six), and after BIJ1 the run of letters stopped at ー."""
    assert _errors(text, "zh", "Wij zijn BIJ1.") != []


@pytest.mark.parametrize("text", ["\u318d.", "\u0640\u0640\u0640\u0640\u0640.", "\u30fc\u30fc.",
                                  "\u4e00\u4e28\u4e36.", "\ua78f.", "\u02bb\u02c9."])
def test_a_block_of_letters_drawn_as_signs_shows_no_words(text):
    """The 50th pass: a block of modifier letters or letters drawn as a sign (ㆍ, tatweels,
    ー, 一 丨 丶) passed as the binding notice; it shows no word."""
    assert "empty" in _errors(text, "ko", "Dit is een vertaling.")


@pytest.mark.parametrize(("text", "lang"), [
    ("See bij1.0rg/gedragscode.", "en"), ("See BIJ1.0RG.", "en"), ("See bij1-hulp.0RG.", "en"),
    ("See bij1hulp.1t.", "en"), ("See bij1hulp.1nfo.", "en"), ("See bij1hulp.0nline.", "en"),
    ("[The code (bij1.0rg/gedragscode)](https://bij1.org/gedragscode/)", "en"),
    ("راجع bij1hulp.0rg.", "ar"), ("請瀏覽bij1hulp.0rg。", "zh"),
])
def test_a_last_label_of_letters_and_digits_is_a_domain(text, lang):
    """The fifty-first pass: a last label that starts with a digit drawn as a letter (0rg, 1t
    read as org, lt) was no domain; it is one after a label with a letter, where it reads as a
    top-level domain. A number with a unit (2.0l, 1.5kg) and versions (v2.0rc1, Python3.0b1,
    the last review) stay text; a linear time on 40,000 labels."""
    source = "Zie de [code](https://bij1.org/gedragscode/)."
    assert "url" in _errors(text, lang, source)
    for text in ("Motor 2.0l en 1.5kg.", "Versie 3.14 en 0.5mg.", "Versie v2.0rc1 en Python3.0b1."):
        assert check.check_message(text, text.replace(" en ", " and "), "en") == []
    import time
    began = time.perf_counter()
    check.check_message("Zie x.", "See " + "a." * 40_000 + "a.", "en")
    assert time.perf_counter() - began < 10


@pytest.mark.parametrize(("text", "lang"), [
    ("Call (2020) 1990.", "en"), ("Call 2020 1990 or 2020 1991.", "en"),
    ("Call 1990 2025 2030.", "en"), ("اتصل على ٢٠٢٠ ١٩٩٠.", "ar"), ("請致電（2020）1990。", "zh"),
    ("Call 1-800-FLOWERS.", "en"), ("Call 0800HULPNU.", "en"), ("Call 06-HULP-BIJ.", "en"),
    ("Call +31 800 HELPBIJ.", "en"), ("Call 113 if you need help.", "en"),
    ("Call 116 123.", "en"), ("Text HELP to 4242.", "en"), ("Call １１３.", "en"),
    ("Call 1 1 3.", "en"), ("Bel ¹¹³.", "en"), ("请拨打113。", "zh"), ("اتصل و113.", "ar"),
])
def test_a_short_number_two_years_or_keypad_letters_the_dutch_lacks_are_refused(text, lang):
    """The fifty-first pass: two years (a phone number's 4 + 4 digits, as Hong Kong writes
    it), a number with keypad letters on it and a short number (a help line's 113, an SMS
    code) passed: a reader calls any of them. A translation shows only the numbers its Dutch
    text shows (digits of any script, by value)."""
    codes = _errors(text, lang, "Wij zijn allereerst mensen.")
    assert {"number", "phone"} & set(codes), codes


@pytest.mark.parametrize(("source", "text", "lang"), [
    ("Bel 113 of 0800-0113.", "Call 113 or 0800 0113.", "en"),
    ("Sinds 2016, met 10.000 leden.", "Since 2016, with 10,000 members.", "en"),
    ("Sinds 2016, met 10.000 leden.", "منذ ٢٠١٦، مع ١٠٠٠٠ عضو.", "ar"),
    ("Op 27 november 2026.", "On November 27, 2026.", "en"),
    ("Op 27-11-2026.", "On 11/27/2026.", "en"), ("Ik ben BIJ1.", "I am BIJ1.", "en"),
    ("Mail bestuur@bij1.org.", "Mail bestuur@bij1.org.", "en"),
])
def test_the_numbers_of_the_dutch_may_be_written_as_a_language_writes_them(source, text, lang):
    """A number is compared by its digits' values, as a group or as the run it stands in
    (10.000 is 10,000 and 10000); BIJ1's 1 and an address's digits are theirs."""
    assert "number" not in _errors(text, lang, source)


def test_an_abbreviation_read_as_a_domain_says_what_to_write():
    """The fifty-first pass: Polish m.in. is refused (a domain with .in, India's), and the
    message said nothing of what to write instead."""
    [(_, code, message)] = check.check_message(
        "Wij zijn allereerst mensen.", "Jesteśmy przede wszystkim ludźmi, m.in. z zaletami.", "pl")
    assert code == "url" and "m.in." in message and "space after its first dot" in message
    assert check.check_message("Wij zijn allereerst mensen.",
                               "Jesteśmy przede wszystkim ludźmi, m. in. z zaletami.", "pl") == []


@pytest.mark.parametrize("text", [
    "Questions: bestuur\\(\\unicode{64}\\)gmail\\(\\unicode{46}\\)com.",
    "\\(\\style{font-size:60px}{\\text{Meeting moved}}\\)", "Diversity \\[x\\] is ours.",
    "Diversity is $x$ ours.", "Diversity is ours $$", "\\begin{equation}x\\end{equation}",
])
def test_tex_that_a_math_renderer_on_the_page_draws_is_refused(text):
    """The fifty-second pass: MathJax (and KaTeX, Pelican's render-math) on the page drew
    \\(\\unicode{64}\\) as an at sign, so an address the Dutch lacks showed, and \\style added
    CSS. A backslash or a dollar the Dutch lacks, as readers see the text, is refused;
    Markdown's own escapes (\\( is a bracket) show none."""
    codes = _errors(text.replace("\\", "\\\\"), "en")
    assert "markup" in codes, codes
    assert check.check_message("Diversiteit is onze kracht.", "Diversity \\(is\\) ours.",
                               "en") == []


@pytest.mark.parametrize("text", [
    "I am BIJ1, mail www、bij1hulp、nl now.", "See bij1hulp﹅nl/meld.", "See bij1hulp﹆nl.",
    "See bij1hulp﹑nl.", "See bij1hulp︙nl.", "Mail bestuur﹅bij1﹅org.", "See www｡bij1hulp.",
])
def test_small_and_vertical_forms_and_any_sign_after_www_are_dots(text):
    """The fifty-second pass: the small and vertical presentation forms (﹅ ﹆ ﹑ ︙), drawn as
    a dot or a tick, passed between Latin letters, and so did the ideographic comma after www;
    lists in Chinese and Japanese (ChatGPT、Claude) stay text."""
    assert "lookalike" in _errors(text, "en", "Ik ben BIJ1.")
    assert check.check_message("Ik ben BIJ1.", "我是BIJ1。ChatGPT、Claude、Gemini等工具。",
                               "zh") == []


@pytest.mark.parametrize("text", [
    "call ❶❶❸.", "call ⓵⓵⓷.", "call ➀➀➂.", "call ➊➊➌.", "call ⓫❸.", "call 🄋❻.",
    "call ➀➀➂ or ➓.", "call 𐹠𐹠𐹢.", "call 𝍩𝍩𝍫.", "call 𝋠𝋡𝋢.", "call 〥〦.", "call ㊀㊀㊂.",
    "call ㈠㈠㈢.", "call BIJ1113.", "call BIJ1９１１.", "call BIJ1¹¹².", "call BIJ1❶❶❷.",
    "see BIJ1112komsten.",
])
def test_numerals_nfkc_leaves_and_digits_on_bij1_are_numbers(text):
    """The fifty-third pass: a short number in dingbat, double-circled or other numerals NFKC
    leaves as they are (❶❶❸, ⓵⓵⓷, counting rods, Hangzhou), and digits written on to BIJ1
    (BIJ1113: only BIJ1's own 1 is no number), passed."""
    assert "number" in _errors(text, "en", "Ik ben BIJ1.")


@pytest.mark.parametrize(("text", "lang"), [
    ("私たちには1つの共通の目標があることを忘れず、人と意見の多様性を受け入れます。", "ja"),
    ("我牢记我们有1个共同目标，接受人和观点的多样性。", "zh"),
])
def test_a_single_digit_alone_for_a_number_word_of_the_dutch_passes(text, lang):
    """False alarm of the fifty-third pass: Japanese 1つ and Chinese 1个 for Dutch "één"; one
    digit alone, no other beside it, counts only where the Dutch has digits."""
    source = ("Ik onthoud dat wij één gezamenlijk doel hebben, en omarm de diversiteit van "
              "mensen en meningen.")
    assert "number" not in _errors(text, lang, source)
    assert "number" in _errors(text.replace("1", "1 1 3", 1), lang, source)


@pytest.mark.parametrize("text", [
    "see www,bij1hulp,nl today.", "see www:bij1hulp:nl today.", "see www;bij1hulp;nl today.",
    "ｗｗｗ、bij1hulp、nl.", "𝐰𝐰𝐰、bij1hulp、nl.", "ⓦⓦⓦ、bij1hulp、nl.", "ｗｗｗ_bij1hulp_nl.",
    "see wWw;bij1hulp;nl today.",
])
def test_any_sign_after_www_in_any_form_is_a_dot(text):
    """The fifty-third pass: after www only a sign outside ASCII was a dot (www,bij1hulp,nl
    passed), and not after a full-width, bold or circled www; an ellipsis after WWW at a
    word's end, a hyphen (www-Adresse) and an apostrophe (WWW's) stay text."""
    assert "lookalike" in _errors(text, "en", "Ik ben BIJ1.")
    for text in ("We speak, also on the WWW… and offline.", "Die www-Adresse.", "The WWW's.",
                 "About the WWW/Internet.", "The WWW(World Wide Web)."):
        assert "lookalike" not in _errors(text, "en", "Ik ben BIJ1.")


@pytest.mark.parametrize(("text", "lang"), [
    ("我一五一十地、充满爱意地审视自己。", "zh"), ("私たちは三三五五集まっても。", "ja"),
    ("我们七八九个人也好。", "zh"), ("我们一起努力，三十个人。", "zh"),
])
def test_han_numerals_in_words_and_idioms_are_words(text, lang):
    """False alarms of the fifty-fifth pass (of a rule that read a run of three Han numerals
    digit by digit, tried and withdrawn): idioms and approximate counts. Han numerals count
    only in phone numbers; a short number in them passes, as one in words does."""
    assert "number" not in _errors(text, lang, "Wij spreken vanuit eigen ervaring.")
    assert "phone" in _errors("电话：零六一二三四五六七八。", "zh", "Wij spreken.")


def test_a_sign_after_www_that_the_dutch_has_elsewhere_forgives_nothing():
    """The fifty-sixth pass: the sign after www was the one suspect judged, and a comma the
    Dutch has anywhere forgave it, and with it every look-alike later in the message (a Lisu
    dot, a Cyrillic е): www,bij1,nl beside meldpunt-bij1ꓸnl passed in 11 of 21 messages."""
    source = ("Wanneer je iets meemaakt op een BIJ1komst, meld het bij [de vertrouwenspersonen]"
              "(https://bij1.org/vertrouwenspersonen/).")
    for text in ("At a BIJ1komst (see www,bij1,nl), tell [them](https://bij1.org/"
                 "vertrouwenspersonen/).", "At a BIJ1komst, see www,bij1,nl and meldꓸnl, tell "
                 "[them](https://bij1.org/vertrouwenspersonen/).", "At a BIJ1komst, mеld it to "
                 "[them](https://bij1.org/vertrouwenspersonen/), see помощь⸳рф."):
        assert "lookalike" in _errors(text, "en", source), text


@pytest.mark.parametrize("text", ["See hulpbij1.1o.", "See HULPBIJ1.1O.", "See bij1hulp.1n."])
def test_a_last_label_of_one_and_a_letter_is_a_domain_where_it_reads_as_one(text):
    """The fifty-sixth pass: 1 was read as i only in three letters or more, so .1o (.io),
    .1n (.in) passed; x.1e (Ireland's .ie) is a false alarm now, as art.1a is."""
    assert "url" in _errors(text, "en", "Ik ben BIJ1.")
