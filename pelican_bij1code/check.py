"""Checking catalogues: complete, well-formed, and safe to put on a page.

Translations are untrusted input. A catalogue passes only if every template message is
translated (not fuzzy), its header is right, and no translation adds a link, a link target, an
image, raw HTML, a hidden character (by Unicode class: :mod:`.characters`) or an address
(:mod:`.addresses`) that the Dutch lacks, or drops BIJ1's own terms or an address.

The renderer shows exactly what was checked: :attr:`Report.catalogue` is the parse the check
judged, and only entries keyed as the template keys them (context, msgid, singular or plural)
are ever rendered. Anything else in a catalogue (a copy of a message with a ``msgctxt``, a
singular message given a ``msgid_plural``, a duplicate) is an error, never shown.

Obsolete entries (``#~``) are not a finding: ``bij1code update``, ``msgmerge`` and Weblate keep
old translations there on purpose, for translators to reuse; they are never rendered. So after
a Dutch edit, once translators have fixed their fuzzy entries, ``check --strict`` passes.

>>> from .catalogue import Locales, shipped_locales_dir
>>> report = check_language(Locales(shipped_locales_dir()), "en")
>>> report.status, report.translated == report.total, report.errors
('published', True, [])
"""

from __future__ import annotations

import collections
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import Literal, NamedTuple

from . import characters, files, languages, markup, pofile, visual
from .addresses import (
    DOT_LIKE,
    LOOKS_LIKE_A_DIGIT,
    LOOKS_LIKE_A_SIGN,
    addresses,
    ascii_digits,
    disguised_separator,
    number_lookalike,
    numbers,
    opens,
    points_to,
    sign_after_www,
    sign_between_letters,
    without_addresses,
    words,
)
from .catalogue import DRAFT, PUBLISHED, Loaded, Locales, UnsafePathError, same_folder
from .master import SOURCE_LANG, messages
from .plurals import PluralFormsError, msgfmt_problem, nplurals, parse_plural_forms, same_rule

Severity = Literal["error", "warning"]

#: Terms that stay as they are in every language: whole words, in the visible text (not inside
#: link targets or e-mail addresses), in any case of the Latin letters (so "BİJ1", with a
#: Turkish dotted İ, does not count). "BIJ1" does not count inside "BIJ1komst".
#: Each term, with what :func:`_terms` gives for it: "komst" for BIJ1komst(en), "" for BIJ1.
KEEP_TERMS = {"BIJ1komst": "komst", "BIJ1": ""}
#: The "1" of a term and what follows it (a pattern that starts with a plain character is
#: found quickly); _terms tests the "BIJ" before it (:data:`_BIJ`) and what stands around.
_TERM = re.compile(r"1([Kk][Oo][Mm][Ss][Tt])?")
_BIJ = frozenset(b + i + j for b in "Bb" for i in "Ii" for j in "Jj")
#: A word that starts with BIJ1 (one quantifier over one class: linear).
_TERM_WORD = re.compile(r"[Bb][Ii][Jj]1\w*")
#: Link schemes that can run code or smuggle content.
UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:", "file:")
#: Every pattern below runs on untrusted text: none has nested or adjacent unbounded
#: quantifiers, so each is linear in the length of the message.
_HTML = re.compile(r"<[\s/]*[A-Za-z!?]|&#?\w+;")
_IMAGE = re.compile(r"!\[[^\[\]]*\]\(")
#: This plugin's shortcode (also escaped, \[gedragscode, or doubled, [[gedragscode).
_SHORTCODE = re.compile(r"\[\s*gedragscode", re.IGNORECASE)
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
#: Block markup at the start of a message: headings, quotes, lists, code fences, thematic
#: breaks (also ``***``, ``* * *``, ``___``), admonitions (``!!!``, ``???``), definitions
#: (``: ``), abbreviations (``*[``), footnotes (``[^``) and table rows (``|``).
_BLOCK_START = re.compile(r"^\s*(?:#{1,6}(?:\s|$)|>|[*+-]\s|-#\s|\d+[.)]\s|```|~~~|={3,}|-{3,}"
                          r"|[*_](?:[ \t]*[*_]){2}|!!!|\?\?\?|:\s|\*\[|\[\^|\|)")
#: The characters other than white space and digits that _BLOCK_START can begin with.
_BLOCK_FIRST = "#>*+-`~=_!?:[|"
_END = ".!?:;…。！？؟۔)»”\"'"
#: Punctuation that ends a sentence or a clause.
_STOPS = ".,:;!?؟،؛۔"
#: The direction marks a right-to-left script may use, and the joiners.
_DIRECTION_MARKS = frozenset("\u200e\u200f\u061c")
_JOINERS = frozenset("\u200c\u200d")


class Problem(NamedTuple):
    """One finding: where it is, how bad, a stable code and a sentence for the translator."""

    file: str
    line: int
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.code} {self.message}"


class Report:
    """What the check found in one language."""

    def __init__(self, locale: str, status: str, translated: int, total: int,
                 problems: list[Problem] | None = None) -> None:
        self.locale = locale
        self.status = status
        self.translated = translated
        self.total = total
        self.problems: list[Problem] = [] if problems is None else problems
        #: The parse that was checked (None if the file could not be read).
        self.catalogue: pofile.PoFile | None = None

    def __repr__(self) -> str:
        return (f"Report(locale={self.locale!r}, status={self.status!r}, "
                f"translated={self.translated}, total={self.total}, "
                f"problems={self.problems!r})")

    @property
    def percent(self) -> float:
        """Share of template messages translated and not fuzzy."""
        return 100.0 * self.translated / self.total if self.total else 0.0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def fails(self, strict: bool = False) -> bool:
        """Whether this report fails the run. A draft never does."""
        if self.status == DRAFT:
            return False
        return bool(self.problems if strict else self.errors)

    def as_dict(self) -> dict[str, object]:
        """The report as JSON-ready data (``bij1code check --format json``)."""
        return {"locale": self.locale, "status": self.status, "translated": self.translated,
                "total": self.total, "problems": [p._asdict() for p in self.problems],
                "percent": round(self.percent, 1)}


# -- single messages -------------------------------------------------------------------------


#: How much longer than the Dutch a translation may be: four times, and 200 characters (BIJ1's
#: translations are at most about twice as long, with an explanation added). What is longer
#: is refused unread, so each message costs time in proportion to its Dutch text.
MAX_LENGTH_FACTOR = 4
MAX_LENGTH_SLACK = 200


def check_message(source: str, translation: str,
                  lang: str = "") -> list[tuple[Severity, str, str]]:
    """Compare one translation with its Dutch source; ``(severity, code, message)`` each.

    >>> source = "Zie [de code](https://bij1.org/)."
    >>> check_message(source, "See [the code](javascript:alert(1)).")[0][1]
    'unsafe-link'
    >>> check_message("Wij zijn BIJ1.", "We are BIJ1.")
    []
    >>> [c for _, c, _ in check_message("Mail a@bij1.org.", "Mail evil\u00ad@bij1.org.")]
    ['invisible-char', 'email', 'email']
    """
    if len(translation) > MAX_LENGTH_FACTOR * len(source) + MAX_LENGTH_SLACK:
        return [("error", "too-long", f"is {len(translation):,} characters long, where the "
                 f"Dutch has {len(source):,}: no translation of it is that long, so it is not "
                 "read further; translate the Dutch text")]
    found: list[tuple[Severity, str, str]] = []

    def add(severity: Severity, code: str, message: str) -> None:
        found.append((severity, code, message))

    if ("<" in translation or "&" in translation) and _HTML.search(translation) \
            and not _HTML.search(source):
        add("error", "raw-html", "has HTML markup or an entity; write plain text")
    if "[" in translation and _SHORTCODE.search(translation) and not _SHORTCODE.search(source):
        add("error", "markup", "has the shortcode [gedragscode …]: pasted from the html or md "
            "output into a page of a site with this plugin, it would put another code there; "
            "write plain text")
    # Line breaks are hidden characters: a translation without hidden characters has none.
    source_hidden, translated_hidden = characters.hidden(source), characters.hidden(translation)
    breaks = (_LINE_BREAKS.intersection(translation) - _LINE_BREAKS.intersection(source)
              if translated_hidden else set())
    if breaks:
        add("error", "line-break", f"has a line break ({characters.names(breaks)}); a message "
            "is one block of text on one line")
    # Each finding about the translation alone is compared with the Dutch only when there is
    # one: the Dutch text is analysed for what the translation has, never in vain.
    added_markup = markup.extension_markup(translation)
    if added_markup:
        added_markup -= markup.extension_markup(source)
    if added_markup:
        add("error" if any(m.startswith("{") for m in added_markup) else "warning", "markup",
            f"has Markdown extension syntax ({', '.join(map(repr, sorted(added_markup)))}) "
            "that the Dutch text lacks; it is shown as text, write plain text")
    hidden = translated_hidden - source_hidden - breaks - characters.allowed_hidden(lang) \
        if translated_hidden else translated_hidden
    if hidden:
        add("error", "invisible-char",
            f"has invisible, control or unassigned characters ({characters.names(hidden)})")
    marks = characters.stacked_marks(translation)
    if marks and marks > characters.stacked_marks(source):
        add("error", "stacked-marks", f"stacks {marks} combining marks on one character "
            f"(a language draws at most {characters.MAX_MARKS} over or under a letter, and has "
            f"{characters.MAX_SCRIPT_MARKS} in all); they smear over the text")
    spaces = characters.odd_spaces(translation, lang)
    if spaces:
        spaces -= characters.odd_spaces(source, lang)
    if spaces:
        add("warning", "odd-space", f"has spaces other than the plain one "
            f"({characters.names(spaces)}); write a plain space")
    source_tokens = markup.parse(source)
    translated_tokens = markup.parse(translation)
    # What readers see (the text and the links' texts), hidden characters still in it.
    source_seen = _seen(source_tokens, source_hidden)
    translated_seen = _seen(translated_tokens, translated_hidden)
    # Block markup and chat formatting, as written (Markdown) and as the text output shows it,
    # its escapes resolved (\\> is > there, at the start of a chat message)
    if (_starts_a_block(translation) or (translated_seen is not translation
                                         and _starts_a_block(translated_seen))) \
            and not (_starts_a_block(source) or _starts_a_block(source_seen)):
        add("error", "block-markup",
            "starts with Markdown block markup (#, >, *, -, 1.), also escaped (\\#), which the "
            "text output shows bare; the block's kind comes from the Dutch text, so write only "
            "its text")
    chat = markup.chat_markup(translated_seen)
    if chat:
        chat -= markup.chat_markup(source_seen)
    if chat:
        add("error", "markup", "has chat or forum formatting "
            f"({', '.join(map(repr, sorted(chat)))}) that the Dutch text lacks: pasted from the "
            "text output into a chat, it is formatted (WhatsApp strikes out ~x~, Discord hides "
            "||x||), also a lone one, which pairs with one in another message or language; "
            "write plain text (an inclusive ending as Kolleg:innen, not Kolleg*innen)")
    # A math renderer on the page (MathJax, KaTeX: Pelican's render-math) reads TeX in the
    # text: \(\unicode{64}\) draws an at sign, \style{...} adds CSS, $...$ is math too
    math = [sign for sign in _MATH_SIGNS if sign in translated_seen and sign not in source_seen] \
        if "\\" in translated_seen or "$" in translated_seen else []
    if math:
        shown_signs = " and ".join(f"'{sign}'" for sign in math)
        add("error", "markup", f"shows {shown_signs}, which the Dutch text "
            "does not: a page that loads a math renderer (MathJax, KaTeX, Pelican's "
            "render-math) reads TeX there, and draws what it says (\\(\\unicode{64}\\) "
            "is an at sign, \\style adds CSS, $...$ is a formula); write plain text")
    # The marks a script needs (bidi marks, joiners) may stand next to right-to-left words,
    # never between two pieces of left-to-right text: they reorder or split what is around
    # them (BIJ\u200f1 shows as "1BIJ"); addresses and terms below are compared with each mark
    # read as a space.
    needed = characters.allowed_hidden(lang)
    if translated_hidden & needed:
        at = characters.mark_between_left_to_right(translated_seen, needed)
        if at is not None:
            add("error", "invisible-char",
                f"has {characters.names({translated_seen[at]})} between two pieces of "
                f"left-to-right text ({translated_seen[max(0, at - 20):at + 21]!r}): there "
                "it reverses the order readers see them in, or splits a word; put such marks "
                "only next to a right-to-left word or at the end of a sentence")
        crowded = characters.crowded_mark(translated_seen, needed)
        if crowded is not None:
            add("error", "invisible-char",
                f"has {characters.names({translated_seen[crowded]})} right after another "
                "hidden character, or a joiner after a space or punctuation "
                f"({translated_seen[max(0, crowded - 20):crowded + 21]!r}): no script needs a "
                "run of them or a joiner that joins nothing; write one mark, where it is needed")
    _check_links(source, translation, source_tokens, translated_tokens, needed, add)
    source_text = _as_seen(source_seen, needed) if source_hidden else source_seen
    translated_text = _as_seen(translated_seen, needed) if translated_hidden else translated_seen
    if not translated_text.replace("\u2800", "").strip():
        add("error", "empty", "shows nothing (empty, or only spaces and invisible characters)")
    elif not _shows_words(translated_text) and _shows_words(source_text):
        add("error", "empty", "shows no words (only punctuation, symbols, digits, marks, "
            "letters drawn as a sign or BIJ1): write the text itself")
    # in what readers see, hidden characters (script marks too) taken out: nothing between
    shown = characters.visible(translated_seen) if translated_hidden else translated_text
    # each rule's first suspect, unless the Dutch has it too; a sign after www unless the
    # Dutch writes that www so (a comma the Dutch has elsewhere forgives nothing there)
    www_sign = sign_after_www(shown)
    if www_sign is not None and www_sign != sign_after_www(source_text):
        disguised: str | None = www_sign
    elif shown.isascii():
        disguised = None  # the rules below judge what is not ASCII
    else:
        disguised = next((found for found in (disguised_separator(shown),
                                              sign_between_letters(shown))
                          if found is not None and found not in source_text), None)
    if disguised is not None:
        add("error", "lookalike",
            f"has {characters.names({disguised})} inside a word of Latin letters or digits, "
            "or a sign that looks like a dot between two letters of any script: a letter of "
            "another script or a sign that looks like punctuation there disguises the word or "
            "an address (Cyrillic а for a, ꓸ or ⸳ for a dot: bij1hulp⸳рф); write Latin "
            "letters and the punctuation itself")
    marked = _marked_name(translated_text) if not translated_text.isascii() else None
    if marked is not None and marked not in source_text:
        add("error", "lookalike",
            f"has a combining mark on BIJ1 or an address ({marked!r}): drawn over or under "
            "its letters (a stroke, a line, a circle), it disguises what the Dutch shows; "
            "write it without marks")
    rtl = languages.direction(lang) == "rtl" if lang else False
    in_number = number_lookalike(translated_text, rtl)
    if in_number is not None and number_lookalike(source_text) is None:
        add("error", "lookalike",
            f"writes a number with a letter in it ({characters.names({in_number})}): a reader "
            "may take it for a digit (O for 0, l or I for 1) and dial it, a phone or screen "
            "reader reads a letter; write the digits")
    source_addresses = addresses(source_text)
    translated_addresses = addresses(translated_text)
    # a mark a script needs is drawn as nothing: before a dot it hides an address that the
    # text read with it as a space has not (मदद\u200c.भारत, the 73rd pass)
    for address in sorted(addresses(shown) - translated_addresses - source_addresses
                          if translated_hidden & needed else ()):
        kind = _kind(address)
        add("error", kind, f"shows the {_NAMES[kind]} {address!r}, which the Dutch text does "
            "not, with an invisible mark in it, which a reader does not see")
    if source_addresses != translated_addresses:
        lost = source_addresses - translated_addresses
        added = translated_addresses - source_addresses
        # an address of the Dutch with something written on to it (x,bestuur@bij1.org)
        glued = {address: next((a for a in sorted(lost) if address.endswith(a)), "")
                 for address in added}
        for address in sorted(lost - set(glued.values())):
            kind = _kind(address)
            add("error", kind, f"lost the {_NAMES[kind]} {address!r}, which the Dutch text shows")
        for address in sorted(added):
            kind, dutch = _kind(address), glued[address]
            add("error", kind,
                f"writes {address[:-len(dutch)]!r} on to the {_NAMES[kind]} {dutch!r}, so that "
                f"readers and link finders take {address!r} for it: put a space between them"
                if dutch else
                f"shows the {_NAMES[kind]} {address!r}, which the Dutch text does not"
                + (_ABBREVIATION_HINT if _abbreviation_like(address) else ""))
    elif ("@" in translated_text or not translated_text.isascii()) \
            and _at_signs(translated_text) > _at_signs(source_text):
        # what no address rule reads, outside the addresses: @bij1_hulp, evil@localhost, a @ b
        ats = _at_signs_outside(translated_text)
        if ats > _at_signs_outside(source_text):
            add("error", "email", f"has {ats} × '@' (or ⓐ, a circled a that stands for one) "
                "outside its addresses, which the Dutch lacks: readers take a word with an at "
                "sign for an address or a handle to write to (@bij1_hulp, hulp@localhost); for "
                "an inclusive ending write -e or -x (todes), which screen readers read")
    added_phone = translated_addresses != source_addresses and any(
        _kind(address) == "phone" for address in translated_addresses - source_addresses)
    number = _new_number(source_text, translated_text) if not added_phone else None
    if number is not None:
        add("error", "number",
            f"shows the number {number!r}, which the Dutch text does not: readers call or text "
            "a number they see (a help line's 113, a short code, digits with letters on them), "
            "or take it for a date or an amount; write only the numbers the Dutch text has, "
            "as digits where it has digits")
    if translated_addresses and not translated_text.isascii():
        # an address is read as a reader types it (NFKC: ｂｅｓｔｕｕｒ@bij1.org, 𝐛𝐢𝐣𝟏.org are
        # bestuur@bij1.org); written so, it only looks like itself: mail systems do not fold
        folded = sorted(address for word in words(translated_text) if not word.isascii()
                        for address in addresses(word)
                        if _kind(address) != "phone" and address not in _unmarked(word.lower()))
        if folded:
            add("error", "lookalike",
                f"writes the address {folded[0]!r} with characters that only look like its "
                "own (full-width, mathematical, circled or small forms, or a dot or hyphen of "
                "another kind): readers copy them, and mail systems and link finders take "
                "them for other characters; write it in plain letters, digits and punctuation")
    # BIJ1 in an address (bestuur@bij1.org) is no term; text without addresses has none to cut
    source_terms = _terms(without_addresses(source_text) if source_addresses else source_text) \
        if "bij1" in source_text.lower() else []
    if source_terms:  # only what the Dutch has can be missing
        translated_terms = _terms(without_addresses(translated_text) if translated_addresses
                                  else translated_text)
        # a direction mark is drawn as nothing: what it stands between touches (BIJ1\u200f١
        # shows as "١BIJ1"); read so too, with only the joiners as spaces
        unmarked = _as_seen(translated_seen, needed & _JOINERS) \
            if translated_hidden & _DIRECTION_MARKS else ""
        unmarked_terms = _terms(without_addresses(unmarked)) if unmarked else translated_terms
        for term, captured in KEEP_TERMS.items():
            wanted = source_terms.count(captured)
            have = min(translated_terms.count(captured), unmarked_terms.count(captured))
            if have < wanted:
                add("error", "term", f"has {have} × {term!r} where the Dutch has {wanted}; "
                    "it stays as it is in every language")
    # What was compared above is the text as written; readers see it as drawn.
    if (rtl or not translated_seen.isascii()) and visual.reorders(translated_seen, rtl):
        _check_drawn(translated_tokens, rtl, translated_addresses, source_terms, add)

    if translation == source and re.search(r"[A-Za-z]{3}", source):
        add("warning", "unchanged", "is the same as the Dutch text; is it translated?")
    if "  " in translation and "  " in translation.strip() and "  " not in source.strip():
        add("warning", "double-space", "has a double space")
    if translation != translation.strip() and source == source.strip():
        add("warning", "whitespace", "starts or ends with white space")
    ending, dutch_ending = translation.rstrip()[-1:], source.rstrip()[-1:]
    if dutch_ending and dutch_ending in _END and not _ends_a_sentence(ending) \
            and languages.normalise(lang) not in _NO_FULL_STOP:
        add("warning", "end-punctuation",
            f"does not end with punctuation, while the Dutch ends with {dutch_ending!r}")
    return found


#: The at sign, its full-width and small forms, and the circled and bracketed letters a that
#: stand for one at the start of a handle (ⓐbij1_hulp; inside a word, the look-alike check
#: finds them).
AT_SIGNS = "@\uff20\ufe6b\u24d0\u24b6\U0001f150\u249c\U0001f110"


def _at_signs(text: str) -> int:
    """How many at signs, or letters that stand for one (:data:`AT_SIGNS`), ``text`` shows.

    >>> _at_signs("a@b \uff20 \ufe6b \u24d0bij1_hulp")
    4
    """
    return sum(map(text.count, AT_SIGNS)) if not text.isascii() else text.count("@")


def _at_signs_outside(text: str) -> int:
    """How many at signs (:func:`_at_signs`) ``text`` shows outside its addresses: in each
    word (:func:`.addresses.words`), those its addresses do not hold. An address written twice
    is no at sign outside it; one written on to another word is (``(a@b.org)hulp@localhost``,
    请通过a@b.org或hulp@localhost).

    >>> [_at_signs_outside(t) for t in ("a@b.org (a@b.org)", "(a@b.org)x@localhost", "@x",
    ...                                 "请通过a@b.org或hulp@localhost联系")]
    [0, 1, 1, 1]
    """
    return sum(_at_signs(word) - sum(a.count("@") for a in addresses(word))
               for word in words(text) if _at_signs(word))


#: Languages whose script ends a sentence with no mark (Thai, Lao).
_NO_FULL_STOP = frozenset({"th", "lo"})


def _ends_a_sentence(char: str) -> bool:
    """Whether a translation that ends with ``char`` ends as a sentence does: with any
    punctuation of any script (the danda ।, Ethiopic ።, Armenian ։, Myanmar ။, Tibetan །,
    Khmer ។, a closing bracket or quotation mark).

    >>> [_ends_a_sentence(c) for c in (".", "।", "።", "։", ")", "a", "1", "")]
    [True, True, True, True, True, False, False, False]
    """
    return bool(char) and (char in _END or unicodedata.category(char)[0] == "P")


def _starts_a_block(text: str) -> bool:
    """Whether ``text`` starts with Markdown or chat block markup (a heading, quote, list,
    fence, rule, table, admonition, Discord's ``-#``).

    >>> [_starts_a_block(t) for t in ("# a", "> a", "-# a", "1. a", "a # b", "2024 a")]
    [True, True, True, True, False, False]
    """
    first = text[:1]
    return bool((first in _BLOCK_FIRST or first.isspace() or first.isdecimal())
                and _BLOCK_START.match(text))


def _marked_name(text: str) -> str | None:
    """The first word with BIJ1 or an address in it (``bij1``, ``@``, ``://``, ``www.``) that
    has a combining mark on one of its Latin letters or digits, or at its start: the mark is
    drawn over it (``BIJ1\u0338``, ``bestuur@bij1.org\u20e0``). None if there is none.

    >>> _marked_name("BIJ1\u0338 en bestuur@bij1.org"), _marked_name("\u0644\u0650BIJ1 café")
    ('BIJ1̸', None)
    """
    for word in text.split():
        lowered = word.lower()
        if not ("bij1" in lowered or "@" in word or "://" in word or "www." in lowered):
            continue
        before = ""
        for char in word:
            if unicodedata.category(char)[0] == "M":
                if not before or (before.isascii() and before.isalnum()):
                    return word
            else:
                before = char
    return None


def _kind(address: str) -> str:
    """The finding's code for an address: ``email``, ``phone`` or ``url``."""
    if address.lstrip("+").isdigit():
        return "phone"
    return "email" if "@" in address and "/" not in address else "url"


_NAMES = {"email": "address", "phone": "phone number", "url": "address"}


def _check_drawn(tokens: list[markup.Token], rtl: bool, written: set[str],
                 source_terms: list[str], add: Callable[[Severity, str, str], None]) -> None:
    """The addresses and BIJ1's terms readers see in a message as it is drawn (:mod:`.visual`)
    are those ``written`` (its addresses, as written) and those of the Dutch
    (``source_terms``, as :func:`_terms` gives them): on the page and in Markdown (with their
    isolates, in the language's direction), and in plain text (without isolates, in either
    direction: a plain-text reader takes it from the line's first letter)."""
    plain = markup.shown(tokens)
    # a left-to-right page holds no isolates: there it is the plain text, drawn left to right
    drawings = [("on the page", visual.drawn(markup.shown(tokens, rtl), rtl))]
    if rtl:
        drawings.append(("in plain text", visual.drawn(plain, rtl=True)))
    drawings.append(("in plain text", visual.drawn(plain, not rtl)))
    judged: set[str] = set()  # the drawings judged, each passed
    for where_drawn, drawn in drawings:
        drawn = visual.apart(drawn)
        if drawn in judged:
            continue  # most messages are drawn alike in two of the three
        judged.add(drawn)
        seen = {_opened(address) for address in addresses(drawn)}
        terms = _terms(without_addresses(drawn) if seen else drawn) if source_terms else []
        lost = [term for term, captured in KEEP_TERMS.items()
                if terms.count(captured) < source_terms.count(captured)]
        if seen == written and not lost:
            continue
        if lost:
            where, what = _around(drawn, lost[0][:3]), f"{lost[0]!r} comes apart there"
        else:
            differ = sorted(seen ^ written)[0]
            where = _around(drawn, differ if differ in seen else re.split(r"\W", differ)[0])
            what = (f"readers see {', '.join(map(repr, sorted(seen))) or 'no address'} where "
                    f"the text, as written, has {', '.join(map(repr, sorted(written))) or 'none'}")
        add("error", "reordered",
            f"is drawn {where_drawn} as {where!r} (left to right, as readers see it): {what}. "
            "Right-to-left letters, digits or marks between left-to-right pieces reorder "
            "them; keep each address and BIJ1 whole, with only a space between it and the "
            "words around it" + ("; in plain text, a number after a right-to-left word "
                                 "needs a left-to-right mark (U+200E) before it"
                                 if where_drawn == "in plain text" else ""))
        return


def _opened(address: str) -> str:
    """An address read from drawn text without the sentence's end and the brackets or
    quotation marks that open it: drawn against the start of an address that ends a
    right-to-left sentence (``.(bestuur@bij1.org``), they do not start it.

    >>> _opened(".(bestuur@bij1.org"), _opened("؟«bestuur@bij1.org"), _opened("x(a@b.org")
    ('bestuur@bij1.org', 'bestuur@bij1.org', 'x(a@b.org')
    """
    address = address.lstrip(_STOPS)
    while address[:1] and opens(address[:1]):
        address = address[1:]
    return address


def _around(text: str, piece: str, width: int = 30) -> str:
    """``text`` around the first ``piece`` in it, in any case (all of it if short).

    >>> _around("x" * 40 + " BIJ1 " + "y" * 40, "bij", 5)
    '…xxxx BIJ1 yyy…'
    """
    if len(text) <= 2 * width + len(piece):
        return text
    at = max(0, text.lower().find(piece.lower()))
    start, end = max(0, at - width), min(len(text), at + len(piece) + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _seen(tokens: list[markup.Token], hidden: set[str]) -> str:
    """What a reader sees of a message: its text and its links' texts (not their targets).
    ``hidden``: the message's hidden characters; with none, there is no control character to
    clean.

    >>> _seen(markup.parse("[a](x) b\u00ad"), {"\u00ad"}), _seen(markup.parse("[a](x) b"), set())
    ('a b\xad', 'a b')
    """
    if not hidden:
        return tokens[0].text if len(tokens) == 1 else "".join([t.text for t in tokens])
    return markup.to_text(tokens, ())


def _as_seen(text: str, marks: Collection[str]) -> str:
    """``text`` without its hidden characters, for comparing what readers see; each of the
    ``marks`` a script needs (bidi marks, joiners) in it is read as a space, since it reorders
    or joins what is around it: ``BIJ\u200f1`` is not BIJ1, and an address with one inside is
    not that address.

    >>> _as_seen("BIJ\u200f1, bestuur\u200c@bij1.org\u00ad", {"\u200f", "\u200c"})
    'BIJ 1, bestuur @bij1.org'
    """
    present = [mark for mark in marks if mark in text]
    if present:
        text = text.translate(dict.fromkeys(map(ord, present), " "))
    return characters.visible(text)


def _unmarked(text: str) -> str:
    """``text`` without its combining marks, which addresses are read past (the vowel signs
    of Indic scripts too: ಯು.ಎಸ್ is read ಯ.ಎಸ, and is not written otherwise for that).

    >>> _unmarked("\u0caf\u0cc1.\u0c8e\u0cb8\u0ccd")
    'ಯ.ಎಸ'
    """
    return "".join(char for char in text if not unicodedata.category(char).startswith("M"))


#: What math renderers read as TeX in a page's text: a backslash starts every command and
#: delimiter (\( \[ \begin \unicode \style), and dollars are delimiters ($ $, $$ $$).
_MATH_SIGNS = ("\\", "$")


#: What to do where an abbreviation written with dots reads as a domain name.
_ABBREVIATION_HINT = (" (if it is an abbreviation written with dots, such as m.in., p.ej. or "
                      "t.ex., it reads as a domain name all the same, and link finders link it: "
                      "spell it out, or put a space after its first dot)")


def _abbreviation_like(address: str) -> bool:
    """Whether ``address`` could be an abbreviation written with dots: two or three labels
    of one to four letters, nothing else (``m.in``, ``f.eks``, ``ee.uu``).

    >>> [_abbreviation_like(a) for a in ("m.in", "p.ej", "bij1.org", "x.org/a", "z.b.v")]
    [True, True, False, False, True]
    """
    labels = address.split(".")
    return len(labels) in (2, 3) and all(label.isalpha() and len(label) <= 4
                                         for label in labels)


def _new_number(source: str, translation: str) -> str | None:
    """The first number ``translation`` shows (:func:`.addresses.numbers`) that ``source``
    does not, as a group or as the run it stands in (``1.000`` and ``1000`` are one), the
    addresses (compared as addresses) aside; None if there is none. A digit alone, no other
    beside it, counts only where the Dutch has digits: Japanese writes one as ``1つ`` where
    the Dutch says "één", and nobody dials one digit.

    >>> _new_number("BIJ1, bij1.org, 10.000 leden", "BIJ1, bij1.org, 10,000 members, 113")
    '113'
    >>> _new_number("Wij hebben één doel.", "私たちには1つの目標。"), _new_number("", "1 1 3")
    (None, '1')
    """
    # most messages: no digit, or only BIJ1's own 1s (NFKC makes digits of others: ¹, ①, １)
    if translation.isascii() and ascii_digits(translation) == translation.lower().count("bij1"):
        return None
    if not numbers(translation):
        return None  # no number (with the addresses taken out there is none either)
    shown = numbers(without_addresses(translation))
    dutch = numbers(without_addresses(source)) \
        if not source.isascii() or _DIGIT.search(source) else []
    known = {group for group, _ in dutch} | {run for _, run in dutch}
    return next((group for group, run in shown if group not in known and run not in known
                 and (len(run) > 1 or dutch)), None)


_DIGIT = re.compile(r"\d")


def _shows_words(text: str) -> bool:
    """Whether ``text`` shows a word (:func:`.characters.shows_words`), BIJ1's terms and the
    letters drawn as a sign (ㆍ, ㅡ, 丨, ノ, ꞏ: :data:`.addresses.LOOKS_LIKE_A_SIGN`, the dots)
    not counted: a block of them says nothing.

    >>> [_shows_words(t) for t in ("BIJ1.", "\u318d.", "\u4e00\u4e28", "\u4e00\u6b65")]
    [False, False, False, True]
    """
    text = _without_terms(text)
    return characters.shows_words(text if text.isascii() else text.translate(_SIGN_LETTERS))


#: Letters drawn as a sign or a dot, taken out where words are counted.
_SIGN_LETTERS = dict.fromkeys(map(ord, (c for c in LOOKS_LIKE_A_SIGN | DOT_LIKE if c.isalpha())))


def _without_terms(text: str) -> str:
    """``text`` without BIJ1's terms (BIJ1, BIJ1komsten, ...), which every language keeps.

    >>> _without_terms("BIJ1 en bij1komsten."), _without_terms("BIJ1."), _without_terms("BIJ1是")
    (' en .', '.', '是')
    """
    if "1" not in text:
        return text
    if text.isascii():  # every ASCII character \w matches is glued (:func:`_glued`)
        return _TERM_WORD.sub("", text)
    return _TERM_WORD.sub(_after_term, text)


def _after_term(match: re.Match[str]) -> str:
    """What stands after BIJ1 in a word, without the letters written on to it (:func:`_glued`:
    BIJ1komsten, BIJ1é); a particle of a script written without spaces stays (BIJ1是我们)."""
    rest = match.group()[4:]
    return rest.lstrip("".join(char for char in set(rest) if _glued(char)))


def _terms(text: str) -> list[str]:
    """BIJ1's terms in ``text``, each as its key in :data:`KEEP_TERMS` gives it. A term is a
    word of its own, or has a prefix or suffix of a right-to-left script written on to it
    (Arabic لـBIJ1 "for BIJ1", Persian BIJ1‌ایم "we are BIJ1").

    >>> _terms("BIJ1, bij1komsten, BIJ1a, xBIJ1, BİJ1, BIJ12, لـBIJ1, BIJ1ها, BIJ1ا, וBIJ1, "
    ...        "إBIJ1, اـBIJ1, BIJ1ـا, BIJ1\u200f\u0661, BIJ1\u064e\u0627, BIJ1\u0670")
    ['', 'komst', '', '']
    """
    found = []
    for match in _TERM.finditer(text):
        start, end = match.start() - 3, match.end()
        if start < 0 or text[start:start + 3] not in _BIJ:
            continue  # not BIJ1
        before, after = text[start - 1:start], text[end:end + 1]
        if _passed(before) or _passed(after):  # look past tatweels, marks and joiners
            before, after = _beside(text, start, -1), _beside(text, end, 1)
        if _glued(before) or (match.group(1) is None and _glued(after)):
            continue  # inside a word
        found.append((match.group(1) or "").lower())
    return found


def _glued(char: str) -> bool:
    """Whether ``char``, written on to BIJ1, makes it part of another word: a letter of a
    left-to-right script, a digit, ``_``, a letter, mark or sign that looks like a digit
    (BIJ1 with an alef of any form or a vav on it reads "BIJ1l"), or any symbol (a line, a
    circle, a ring or a box drawn as one: BIJ1▏ reads "BIJ11", BIJ1˚ "BIJ10"). Not glued:
    punctuation (BIJ1, BIJ1。), a letter of Arabic or Hebrew (an affix: BIJ1ها), and a word of
    a script written without spaces (:data:`.characters.SPACELESS_SCRIPTS`: BIJ1が, BIJ1이),
    unless it looks like a sign or is a Hangul letter that is no syllable (BIJ1ㅣ, BIJ1ㄱ).

    >>> [_glued(c) for c in ("a", "1", "_", "|", " ", "", ",", "\u0644", "\u0627", "\u0670",
    ...                      "\u05d5")]
    [True, True, True, True, False, False, False, False, True, True, True]
    >>> [_glued(c) for c in ("\u304c", "\u6240", "\uc774", "\u1014", "\u1295", "\u0430",
    ...                      "\u3001", "\u3002")]
    [False, False, False, False, False, True, False, False]
    >>> [_glued(c) for c in ("\u3163", "\u4e28", "\u4e00", "\u3147", "\u3131", "\u119d")]
    [True, True, True, True, True, True]
    >>> all(map(_glued, "○⼁│°⭕▏║㇑˚˳⸰◌⊙ⓞ™‖\u07d7"))  # lines, circles, rings; N'Ko
    True
    """
    if char.isascii():
        return char == "_" or char.isalnum() or char in LOOKS_LIKE_A_DIGIT
    folded = unicodedata.normalize("NFKC", char)[:1]  # ⼁ is 丨
    if folded in LOOKS_LIKE_A_DIGIT or folded in LOOKS_LIKE_A_SIGN \
            or unicodedata.numeric(folded, None) is not None:
        return True  # a digit, or a sign, a line or a circle read as one (BIJ1○, BIJ1│, BIJ1一)
    name = unicodedata.name(char, "")
    if unicodedata.category(char)[0] == "S" or any(map(name.__contains__, _DRAWN_AS_DIGITS)):
        return True  # any symbol; punctuation drawn as a line or a ring (BIJ1▏, BIJ1‖, BIJ1⸰)
    if "ALEF" in name:
        return True  # an alef of any form, a letter or a mark
    if not char.isalnum():
        return False
    if characters.direction(char) == "R":
        return not name.startswith(_AFFIX_SCRIPTS)
    return not name.startswith(characters.SPACELESS_SCRIPTS) or (
        name.startswith("HANGUL") and not name.startswith("HANGUL SYLLABLE"))


#: What the name of a punctuation mark drawn as a 1 or a 0 says (‖ DOUBLE VERTICAL LINE, ⸰
#: RING POINT).
_DRAWN_AS_DIGITS = ("VERTICAL", "RING", "CIRCLE")
#: The right-to-left scripts whose prefixes and suffixes are written on to a name (Arabic
#: لـBIJ1, BIJ1ها; Persian BIJ1‌ایم; Hebrew וBIJ1); a letter of another one is no affix.
_AFFIX_SCRIPTS = ("ARABIC", "HEBREW")


def _passed(char: str) -> bool:
    """Whether _terms looks past ``char`` for what is written on to BIJ1: a tatweel, a
    combining mark, or a character drawn as nothing (a direction mark, a joiner); not one that
    is an alef itself (ARABIC LETTER SUPERSCRIPT ALEF).

    >>> [_passed(c) for c in ("\u0640", "\u064e", "\u200f", "\u200c", "\u0670", " ", "")]
    [True, True, True, True, False, False, False]
    """
    if not char or char.isascii():
        return False
    return (char == "\u0640" or unicodedata.category(char)[0] == "M"
            or unicodedata.category(char) == "Cf") and "ALEF" not in unicodedata.name(char, "")


def _beside(text: str, at: int, step: int) -> str:
    """The character beside ``text[at]`` (``step`` -1: before ``at``; 1: from ``at`` on), past
    what :func:`_passed` passes; "" at the end of the text.

    >>> _beside("\u0627\u0640BIJ1", 2, -1), _beside("BIJ1\u0640", 4, 1)
    ('ا', '')
    """
    index = at - 1 if step < 0 else at
    while 0 <= index < len(text) and _passed(text[index]):
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _check_links(source: str, translation: str, source_tokens: list[markup.Token],
                 translated_tokens: list[markup.Token], marks: Collection[str],
                 add: Callable[[Severity, str, str], None]) -> None:
    """Links: targets exactly the Dutch ones; no images; a link whose text shows an address
    points to that address."""
    if "[" not in source and "[" not in translation:
        return  # no link and no image: most messages
    source_links = [t for t in source_tokens if isinstance(t, markup.Link)]
    translated_links = [t for t in translated_tokens if isinstance(t, markup.Link)]
    targets = [link.target for link in source_links]
    for link in translated_links:
        if link.target.strip().lower().startswith(UNSAFE_SCHEMES):
            add("error", "unsafe-link", f"links to {link.target!r}, a scheme that can run code")
    if "![" in translation and _IMAGE.search(translation) and not _IMAGE.search(source):
        add("error", "image", "adds an image, which the Dutch text does not have")
    added = [t.target for t in translated_links if t.target not in targets]
    if added:
        add("error", "link-added",
            "links to " + ", ".join(map(repr, added)) + ", which the Dutch text does not")
    missing = [t for t in targets if t not in {link.target for link in translated_links}]
    if missing:
        add("error", "link-missing", "lost the link to " + ", ".join(map(repr, missing)))
    extra = len(translated_links) - len(source_links)
    if not added and extra > 0:
        add("error", "link-added", f"has {extra} more link(s) than the Dutch text")
    for link in translated_links:
        if not characters.names_something(link.text):
            add("error", "empty-link", f"the link to {link.target!r} shows no text "
                f"({link.text[:20]!r}): a reader cannot see or name it; give it words")
        for address in sorted(addresses(_as_seen(link.text, marks))):
            if not points_to(address, link.target):
                add("error", "link-swapped",
                    f"the link text {link.text!r} shows {address!r} but points to "
                    f"{link.target!r}")


# -- whole catalogues ------------------------------------------------------------------------


def _syntax_problems(loaded: Loaded) -> list[Problem]:
    error = loaded.error
    if isinstance(error, pofile.PoSyntaxError):
        return [Problem(error.path, e.line, "error", "syntax", e.message) for e in error.errors]
    if isinstance(error, UnsafePathError):
        return [Problem(str(loaded.path), 0, "error", "unsafe-path", str(error))]
    if isinstance(error, FileNotFoundError):
        return [Problem(str(loaded.path), 0, "error", "missing-catalogue",
                        "the language is declared published, but its catalogue is missing; "
                        "restore it, or declare the language a draft")]
    reason = getattr(error, "strerror", None) or type(error).__name__
    return [Problem(str(loaded.path), 0, "error", "unreadable", f"cannot read the file: {reason}")]


def check_header(po: pofile.PoFile, lang: str) -> list[Problem]:
    """``Language``, ``Plural-Forms`` and the charset.

    ``Plural-Forms`` may be any rule that means the same as CLDR's or GNU gettext's
    ``msginit``'s for the language (or our table's, for languages CLDR lacks).
    """
    problems: list[Problem] = []
    line = po.header.line if po.header else 1
    meta = po.metadata

    def add(severity: Severity, code: str, message: str) -> None:
        problems.append(Problem(po.path, line, severity, code, message))

    if po.header is None:
        add("error", "header", "has no header entry (msgid \"\")")
        return problems
    names = [line.partition(":")[0].strip().casefold() for line in po.header.msgstr.split("\n")
             if ":" in line]
    twice = sorted(name for name, count in collections.Counter(names).items() if count > 1)
    if twice:  # msgfmt reads the first, Babel the last, in any case: which one is meant?
        add("error", "header", f"has {', '.join(map(repr, twice))[:200]} more than once in "
            "its header (in any case: Language and language; msgfmt reads the first, other "
            "tools the last); keep one of each")
    declared = meta.get("Language", "")
    if not declared:
        add("error", "header-language", f"header has no Language; it should be {lang!r}")
    elif not languages.same_language(declared, lang):
        add("error", "header-language",
            f"header says Language: {declared[:40]!r}, but the catalogue is in the folder "
            f"{lang!r}")
    content_type = meta.get("Content-Type", "")
    charset = content_type.partition("charset=")[2].partition(";")[0].strip()
    if charset.upper() not in ("UTF-8", "UTF8") or content_type.lower().count("charset") > 1:
        add("error", "header-charset",
            "Content-Type must be 'text/plain; charset=UTF-8'"
            + (f", not charset={charset[:20]!r}" if charset else ""))
    plural = meta.get("Plural-Forms")
    header = po.header.msgstr if po.header is not None else ""
    for key in ("plural=", "nplurals="):  # msgfmt reads the first in the whole header
        first = header.find(key)
        there = header[header.rfind("\n", 0, first) + 1:].partition("\n")[0] \
            if first >= 0 else ""
        if there and not there.startswith("Plural-Forms:"):
            add("error", "header-plural",
                f"the header says {key!r} in a line other than Plural-Forms ({there[:60]!r}): "
                "msgfmt reads the plural rule from the first one in the header; write it only "
                "in Plural-Forms")
            return problems
    rules = languages.plural_rules(lang)
    known = " or ".join(f"{who}'s {rule!r}" for who, rule in rules)
    if plural is None:
        # msgfmt -c needs it only for plural messages; msginit leaves it out for many
        # languages (ar, fa, hi, zh_CN, ...), and our template has none.
        if any(e.msgid_plural is not None for e in po.entries if not e.obsolete):
            add("error", "header-plural", "header has no Plural-Forms, and the catalogue has "
                "plural messages; write " + (known or f"the rule for {lang!r}, e.g. "
                                             "'nplurals=2; plural=(n != 1);' for a language "
                                             "with a singular and a plural"))
        return problems
    try:
        problem = msgfmt_problem(parse_plural_forms(plural))
        if problem:
            add("error", "header-plural", f"Plural-Forms {plural[:120]!r}: {problem} "
                "(msgfmt -c refuses it)")
        elif rules and not any(same_rule(plural, rule) for _, rule in rules):
            add("error", "header-plural", f"Plural-Forms {plural[:120]!r} agrees with neither "
                f"{known}" if len(rules) > 1 else
                f"Plural-Forms {plural[:120]!r} differs from {known}")
    except PluralFormsError as exc:
        add("error", "header-plural", f"Plural-Forms cannot be read: {exc}")
    return problems


def check_plural_counts(po: pofile.PoFile) -> list[Problem]:
    """Every plural entry has as many forms as ``Plural-Forms`` says (as ``msgfmt -c``)."""
    count = nplurals(po.metadata.get("Plural-Forms", ""))
    if count is None:
        return []
    return [Problem(po.path, e.line, "error", "plural-forms",
                    f"{_short(e.msgid)} has {len(e.msgstr_plural)} plural forms; "
                    f"Plural-Forms says nplurals={count}")
            for e in po.entries
            if e.msgid_plural is not None and not e.obsolete
            and sorted(e.msgstr_plural) != list(range(count))]


def format_flags(flags: Iterable[str]) -> list[str]:
    """The flags that make ``msgfmt -c`` check a message as a format string.

    >>> format_flags(["fuzzy", "python-format", "no-c-format", "python-brace-format"])
    ['python-format', 'python-brace-format']
    """
    return [f for f in flags if f.endswith("-format") and not f.startswith("no-")]


def check_entries(po: pofile.PoFile, template: Sequence[pofile.Entry],
                  lang: str) -> tuple[int, list[Problem]]:
    """Completeness against the template and every translated message's integrity.

    Entries are matched as the template keys them: context, msgid, and singular or plural.
    Returns the number of template messages translated (not fuzzy) and the problems.
    """
    problems: list[Problem] = []
    entries: dict[tuple[str | None, str], pofile.Entry] = {}
    for candidate in po.entries:
        if candidate.obsolete:
            continue  # kept for translators, never rendered: not a finding
        key = candidate.key
        if key in entries:
            problems.append(Problem(po.path, candidate.line, "error", "duplicate",
                                    f"{_short(candidate.msgid)} appears twice (first at line "
                                    f"{entries[key].line}); keep one"))
            continue
        entries[key] = candidate
    wanted = {(e.msgctxt, e.msgid) for e in template}
    translated = 0
    # Dutch by any name (nl_BE, nl@informal, nld, dut) repeats the master
    source_language = languages.normalise(lang) == SOURCE_LANG
    for reference in template:
        entry = entries.get((reference.msgctxt, reference.msgid))
        if entry is None:
            problems.append(Problem(po.path, 1, "error", "missing",
                                    f"{_short(reference.msgid)} (template line "
                                    f"{reference.line}) is missing; run `bij1code update`"))
            continue
        if (entry.msgid_plural is None) != (reference.msgid_plural is None):
            problems.append(Problem(po.path, entry.line, "error", "plural-mismatch",
                                    f"{_short(reference.msgid)} is "
                                    f"{'plural' if entry.msgid_plural is not None else 'singular'}"
                                    " here but not in the template; run `bij1code update`"))
            continue
        for flag in format_flags(entry.flags) if entry.flags else ():
            if flag not in reference.flags:
                problems.append(Problem(po.path, entry.line, "error", "format-flag",
                                        f"{_short(reference.msgid)} is flagged {flag!r}, "
                                        "but our messages are not format strings (the "
                                        "template has no such flag): remove it from the "
                                        "#, line (msgfmt -c would check it as one)"))
        if entry.fuzzy:
            problems.append(Problem(po.path, entry.line, "error", "fuzzy",
                                    f"{_short(reference.msgid)} is fuzzy: check it, then "
                                    "remove the fuzzy flag (and the old #| lines)"))
            continue
        if not entry.translated:
            problems.append(Problem(po.path, entry.line, "error", "untranslated",
                                    f"{_short(reference.msgid)} is not translated"))
            continue
        texts = [(entry.msgid, entry.msgstr)] if entry.msgid_plural is None else [
            (entry.msgid if index == 0 else entry.msgid_plural, text)
            for index, text in sorted(entry.msgstr_plural.items())]
        for source, text in texts:
            if source_language:  # the master is binding, and is what pages show
                if text != source:
                    problems.append(Problem(
                        po.path, entry.line, "error", "source-text",
                        f"{_short(entry.msgid)} says otherwise than the Dutch master "
                        "(gedragscode.nl.md), which is binding and is what pages show: a Dutch "
                        "catalogue (also nl_BE, nld) repeats it word for word (msgstr = msgid); "
                        "edit the master, then run `bij1code extract` and `bij1code update`"))
                continue
            if ("\n" in source or "\n" in text) and (
                    source.startswith("\n") != text.startswith("\n")
                    or source.endswith("\n") != text.endswith("\n")):
                problems.append(Problem(po.path, entry.line, "error", "newline",
                                        f"{_short(source)}: msgid and msgstr must both begin "
                                        "and end with a newline, or neither (msgfmt -c)"))
            for severity, code, message in check_message(source, text, lang):
                problems.append(Problem(po.path, entry.line, severity, code,
                                        f"{_short(entry.msgid)} {message}"))
        translated += 1
    for key, entry in entries.items():
        if key not in wanted:
            problems.append(Problem(po.path, entry.line, "error", "extra",
                                    f"{_short(entry.msgid)}"
                                    + (f" (context {entry.msgctxt[:30]!r})"
                                       if entry.msgctxt is not None else "")
                                    + " is not in the template and is never shown: if the "
                                    "msgid (the Dutch) was edited, put it back, only msgstr is "
                                    "yours to change; else run `bij1code update`"))
    return translated, problems


def check_template(locales: Locales) -> tuple[list[pofile.Entry], list[Problem]]:
    """The template's messages, and problems with the template itself."""
    loaded = locales.load_template()
    if loaded.po is None:
        if isinstance(loaded.error, FileNotFoundError):
            return [], [Problem(str(locales.template_path), 0, "error", "template",
                                "the template is missing; run `bij1code extract`")]
        return [], _syntax_problems(loaded)
    template = loaded.po.active()
    problems: list[Problem] = []
    if [e.msgid for e in template] != [b.text for b in messages(locales.master_path)] or any(
            e.msgctxt is not None or e.msgid_plural is not None for e in template):
        problems.append(Problem(str(locales.template_path), 1, "error", "template-outdated",
                                "the template does not match the Dutch master; run "
                                "`bij1code extract` and `bij1code update`"))
    return template, problems


def check_language(locales: Locales, lang: str,
                   template: tuple[list[pofile.Entry], list[Problem]] | None = None,
                   declared: dict[str, str] | None = None) -> Report:
    """Check one language's catalogue against the template (``template`` and ``declared``,
    the statuses: as read already by :func:`check_all`, which checks every language).

    The report keeps the parse it judged (:attr:`Report.catalogue`): the renderer renders
    from that parse, never from a second reading of the file.
    """
    entries, template_problems = template or check_template(locales)
    status = locales.status(lang, declared)
    report = Report(locale=lang, status=status, translated=0, total=len(entries))
    loaded = locales.load(lang)
    if loaded.po is None:
        report.problems = _syntax_problems(loaded)
        return report
    report.catalogue = loaded.po
    report.problems = check_header(loaded.po, lang) + check_plural_counts(loaded.po)
    report.translated, found = check_entries(loaded.po, entries, lang)
    report.problems += found
    if not entries:  # the template's own problem first: it is the cause
        report.problems = template_problems + report.problems
    return report


def check_all(locales: Locales, only: Iterable[str] | None = None) -> list[Report]:
    """Check every language (or those in ``only``); a template problem is its own report, and
    so is a folder whose name is not a language code (its name is never shown as it is).

    Every language declared published is checked, also one whose catalogue is missing.
    """
    template = check_template(locales)
    statuses = locales.statuses()
    if only:
        chosen = list(only)
    else:
        folders = locales.languages()
        # a line in another spelling of a folder's language (pt-BR for pt_BR) is that folder's
        declared = [next((folder for folder in folders if same_folder(folder, lang)), lang)
                    for lang, status in statuses.items()
                    if status == PUBLISHED and lang != SOURCE_LANG]
        chosen = sorted({*folders, *declared})
    reports = [check_language(locales, lang, template, statuses) for lang in chosen]
    if template[1] and (template[0] or not reports):
        reports.insert(0, Report("template", "published", 0, len(template[0]), template[1]))
    for names in locales.twins():
        if not only or set(names) & set(chosen):
            reports.append(Report("?", "invalid", 0, len(template[0]), [Problem(
                str(locales.root), 0, "error", "folder-twins",
                f"the folders {', '.join(names)} name one language; none of them is rendered "
                "until one is left (a draft is best kept under another language's code)")]))
    if not only:
        for name in locales.misnamed():
            reports.append(Report("?", "invalid", 0, len(template[0]), [Problem(
                str(locales.root), 0, "error", "folder-name",
                f"the folder {ascii(name)[:60]} holds a catalogue but its name is not a "
                "language code (like pap, pt_BR or sr@latin); rename it")]))
    return reports


def _short(msgid: str, width: int = 40) -> str:
    text = msgid if len(msgid) <= width else msgid[: width - 1] + "…"
    return f"msgid {text!r}"


def path_in(path: str, root: Path) -> str:
    """A path relative to ``root`` where possible, for messages and annotations."""
    try:
        return str(files.resolve(path).relative_to(files.resolve(root)))
    except ValueError:
        return path
