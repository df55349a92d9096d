"""Differential test: the checker's verdicts are those of the code before issue 9's speed work.

``check_message`` was made cheaper (each text analysed once, plain guards before regular
expressions); every verdict must stay exactly what it was. The verdicts of the code at
``main`` 9cab9e2 (before that work) on a fixed corpus are recorded in
``check_verdicts.json``: a digest of every verdict (severity, code and message, in order) per
block of inputs, and how often each code was found. The corpus: every message of the Dutch
master, and other Dutch sources with addresses, phone numbers and odd characters, against
mutations of themselves (hostile pieces inserted, parts cut), and the fuzz of
``test_gate.py``. Its characters are all assigned since Unicode 6 (or never will be), so the
verdicts do not move with Python's Unicode version.

To record the verdicts again (only when a verdict is meant to change; say why in the commit)::

    PYTHONPATH=. python tests/test_check_verdicts.py --record

(from the checkout's root: it refuses to record the verdicts of a package from elsewhere, such
as another checkout's editable install).
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from pelican_bij1code import markup
from pelican_bij1code.check import check_message
from pelican_bij1code.master import MASTER_PATH, messages

RECORD = Path(__file__).with_name("check_verdicts.json")
BLOCK = 250

GEDRAGSCODE = "https://bij1.org/gedragscode/"
MAILTO = "mailto:bestuur@bij1.org"
#: test_gate.py's fuzz alphabet.
NASTY = ["[", "]", "(", ")", "<", ">", "\\", "!", "#", "1.", " ", "  ", "\u00ad", "\u200f",
         "\u202e", "\u3164", "\ufe0f", "\x1b", "\r", "\n", "\t", "@", ".", "bij1.org",
         "evil.example", "https://", "mailto:", "bestuur@bij1.org", "BIJ1", "ＢＩＪ１", "＠",
         "é", "ع", "&amp;", "&#x3c;", "javascript:", "~~~", "`", "*", "_", "|", ":", "/",
         GEDRAGSCODE, MAILTO, "\U000e0041", "\ue000", "\u0378", "\u2028", "\x00"]
#: More: addresses, phones, terms, spaces, marks, markup, scripts.
PIECES = [
    *NASTY,
    "0", "7", "12345678", "+31 20 123 45 67", "06-12345678", "+31 (0)20", "1.000.000",
    "tel:+31201234567", "sms:+31", "ｂｉｊ１．ｏｒｇ", "\u3002", "\uff61", "\uff0e", "com",
    "\u00a0", "\u202f", "\u3000", "\u2009", "\u200a", "\x1c", "\x1f", "\x85", "\x7f", "\x0b",
    "\u0301\u0301\u0301\u0301", "e\u0301", "\u0651\u064e", "BIJ1komsten", "bij1", "BİJ1",
    "xBIJ1", "BIJ1_", "{:", "{#", "~~", "==", "$$", "[^", ":fire:", ":)", "10:30", "\u200c",
    "\u200d", "\u200e", "\u061c", "\u2800", "\u115f", "\ufeff", "\u2060", "\U000e0100", "www.",
    "x.org/", "a@b.co", "[a](", "](", "[x](https://evil.example)", "[bij1.org](https://bij1.org)",
    f"[{GEDRAGSCODE}]({GEDRAGSCODE})", "![i](x.png)", "<b>", "&", ";", "\\[", "*[", "!!!",
    "???", "- ", "1) ", "> ", "# ", "```", "***", ": ", "|", "Мы", "العربية", "می\u200cخواهیم",
    "Türkçe", "中文", "…", "。", "»", "\u201d", "'", '"', "\ufdd0", "\uffff", "\ud800",
    "%d", "\\\\", "\\*", "(", "((", "<https://bij1.org>", "[a]( <b> )", "[]()", "\x00",
    "HTTPS://BIJ1.ORG", "[x](javascript:alert(1))", "[d]( DATA:text/html,x )",
    "http://bij1.org", "bij1-meldpunt.com", "evil\u00ad@host.org",
]
LANGS = ["en", "ar", "fa", "fr", "hi", "nl", "tr", "xx", ""]
SOURCES_EXTRA = [
    f"Zie [de code]({GEDRAGSCODE}) of mail [bestuur@bij1.org]({MAILTO}). BIJ1.",
    "Mail bestuur@bij1.org of zie https://bij1.org/gedragscode/, bij1.org.",
    "Bel +31 (0)20 123 45 67 of 06-12345678, of sms:+31.",
    "Zie www.bij1.org en [de site](https://www.bij1.org/).",
    "Tekst met\u00a0harde spatie, een « citaat\u202f» en een ‘quote’.",
    "Wij zijn BIJ1: BIJ1komsten, bij1komst en BIJ1.",
    "Een lijst:",
    "- niet een lijst",
    "Titel!",
    "UNCHANGED TEXT",
    "Tekst met een verborgen\u200b teken en \u200e marks.",
    "Ze\u0301\u0301\u0301\u0301r gestapeld",
    "Zo {: .klasse } en ~~weg~~ en :smile:",
    "<b>vet</b> &amp; meer",
    f"[{GEDRAGSCODE}]({GEDRAGSCODE})",
]


def sources() -> list[str]:
    return [m.text for m in messages(MASTER_PATH)] + SOURCES_EXTRA


def corpus() -> Iterator[tuple[str, str, str]]:
    """``(source, translation, lang)`` triples, always the same ones."""
    rng = random.Random(2026)
    dutch = sources()
    for source in dutch:  # the unchanged text, and each text as the other's translation
        for lang in ("en", "nl"):
            yield source, source, lang
        yield source, rng.choice(dutch), rng.choice(LANGS)
    for _ in range(6000):  # mutations of a Dutch source
        source = rng.choice(dutch)
        text = source if rng.random() < 0.8 else rng.choice(dutch)
        for _ in range(rng.randint(0, 4)):
            at, cut = rng.randint(0, len(text)), rng.randint(0, 3) * rng.randint(0, 6)
            text = text[:at] + rng.choice(PIECES) * rng.randint(1, 2) + text[at + cut:]
        if rng.random() < 0.3:  # letters of another script, as a translation has them
            text = text.translate(dict.fromkeys(map(ord, "aeiou"), rng.choice("éıаعیü中")))
        yield source, text, rng.choice(LANGS)
    for _ in range(3000):  # pieces alone
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12)))
        yield rng.choice(dutch), text, rng.choice(LANGS)
    # test_gate.py's fuzz, as it runs there
    source = f"Zie [de code]({GEDRAGSCODE}) of mail [bestuur@bij1.org]({MAILTO}). BIJ1."
    rng = random.Random(9)
    for _ in range(3000):
        text = "".join(rng.choice(NASTY) for _ in range(rng.randint(1, 14)))
        if rng.random() < 0.5:
            text = f"See [the code]({GEDRAGSCODE}) or [bestuur@bij1.org]({MAILTO}). BIJ1. " + text
        for lang in ("en", "ar"):
            yield source, text, lang


def verdicts() -> tuple[list[str], Counter[str], int]:
    """The digest of each block of verdicts, the codes found, and the number of inputs."""
    digests: list[str] = []
    codes: Counter[str] = Counter()
    block = hashlib.sha256()
    count = 0
    for count, (source, text, lang) in enumerate(corpus(), 1):
        found = check_message(source, text, lang)
        codes.update(code for _, code, _ in found)
        block.update(repr((source, text, lang, found)).encode("utf-8", "surrogatepass"))
        if count % BLOCK == 0:
            digests.append(block.hexdigest()[:16])
            block = hashlib.sha256()
    digests.append(block.hexdigest()[:16])
    return digests, codes, count


def parse_digest() -> str:
    """A digest of :func:`markup.parse` on 50,000 short messages made of link syntax."""
    alphabet = ["[", "]", "(", ")", "\\", "<", ">", " ", "\n", "\t", "a", "b", "x:y", "!",
                "[a](b)", "](", "\\]", "\\[", "((", "))", "<x>", "\u3000", "\x0b", "\f", "\r"]
    rng = random.Random(5)
    digest = hashlib.sha256()
    for _ in range(50_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        digest.update(repr(markup.parse(text)).encode("utf-8"))
    return digest.hexdigest()[:16]


def test_links_are_read_as_before_the_speed_work() -> None:
    """markup.parse (links found by jumping, plain link texts matched first) gives the tokens
    it gave before."""
    assert parse_digest() == json.loads(RECORD.read_text(encoding="utf-8"))["parse"]


def test_verdicts_are_those_recorded_before_the_speed_work() -> None:
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    digests, codes, count = verdicts()
    assert count == recorded["inputs"]
    assert dict(codes) == recorded["codes"]
    differ = [i for i, (a, b) in enumerate(zip(digests, recorded["blocks"], strict=True))
              if a != b]
    assert not differ, (f"the verdicts differ in the blocks {differ} (inputs "
                        f"{differ[0] * BLOCK} to {differ[0] * BLOCK + BLOCK - 1})")
    assert {"link-added", "link-missing", "email", "url", "term", "invisible-char",
            "stacked-marks", "odd-space", "markup", "block-markup", "raw-html", "line-break",
            "empty", "empty-link", "link-swapped", "unsafe-link", "image", "unchanged",
            "end-punctuation", "whitespace", "double-space"} <= set(codes)  # reaches each


if __name__ == "__main__" and sys.argv[1:] == ["--record"]:
    import unicodedata

    here = Path(__file__).resolve().parent.parent
    if Path(markup.__file__).resolve().parent.parent != here:
        sys.exit(f"this would record the verdicts of {markup.__file__}, not of {here}: run "
                 "`PYTHONPATH=. python tests/test_check_verdicts.py --record` from there")
    digests, codes, count = verdicts()
    basis = ("main 9cab9e2 (before issue 9's speed work), recorded again at each change of "
             "a verdict that was meant (the commits that change this file say why)")
    RECORD.write_text(json.dumps({"recorded_with": basis,
                                  "unicode": unicodedata.unidata_version, "inputs": count,
                                  "codes": dict(sorted(codes.items())), "blocks": digests,
                                  "parse": parse_digest()},
                                 indent=1) + "\n", encoding="utf-8")


LONG = 100_000


@pytest.mark.parametrize("text", [pytest.param(text, id=ascii(text[:12])) for text in [
    "1" * LONG, "BIJ1" * (LONG // 4), "bij1 " * (LONG // 5), "xBIJ1komst" * (LONG // 10),
    "[a](b" + "(x)" * (LONG // 3), "[a](" + "(" * LONG, "[a](<" + "<" * LONG, "[" * LONG,
    "." * LONG + "x", "@" * LONG, ":" * LONG + "/", "a.b " * (LONG // 4), "x@y.zz " * (LONG // 7),
    "1" + " 2" * LONG, "\u0661" * LONG, "+" + "1-" * LONG, "~=" * LONG, ":a" * LONG,
    "\u00a0" * LONG, "\u0301" * LONG, "\u00ad" * LONG, "ｂｉｊ１．ｏｒｇ " * (LONG // 10),
    "\u200f" * LONG, "a\u200f" * LONG, "a" + "\u200c\u061c" * LONG + " ", "\u2800" * LONG,
    # the drawn order (python-bidi) and what reads it: runs, brackets, isolates, numbers
    "a\u0628" * (LONG // 2), "(\u0628 a) " * (LONG // 6), "(" * LONG + "\u0628)",
    "\u2066a\u2067" * (LONG // 3), "1\u0628 " * (LONG // 3), "O6-l" * (LONG // 4),
    "06-12-2024 " * (LONG // 11), "bij1.org\u0628@" * (LONG // 10), "BIJ1\u0644" * (LONG // 5),
    # a hostile pass: each e-mail address written on to all before it (quadratic, 400 MB out)
    "(a@b.nl)" * (LONG // 8), "\u00aba@b.nl\u00bb" * (LONG // 8), "[a@b.nl](" * (LONG // 9),
    "x\u2014a@b.nl" * (LONG // 8), "1 -- " * (LONG // 5), "\u06f0\u2212" * (LONG // 2),
    "a\u202f.\u202f" * (LONG // 4), "2026-11-27 12:30 " * (LONG // 17),
    "\u06281" * (LONG // 2), "\u0628 1 " * (LONG // 4), "~a~ " * (LONG // 4), "||" * LONG,
    "*" * LONG + "a", "_a" * (LONG // 2),
    # this session's readings: words of scripts without spaces against Latin ones (a label
    # before each was sliced from the whole text: quadratic), CJK full stops and brackets,
    # letters in parentheses, right-to-left letters and marks in numbers
    "\u4e2da" * LONG, "\u4e2d\u3002a\uff0c" * (LONG // 4), "\u4e2da.nl" * (LONG // 5),
    "\u7406(a@b.nl)" * (LONG // 8), "\u24a9\u24a7." * (LONG // 3), "\u06f0\u0671" * (LONG // 2),
    "\u06f0\u0623\u06f0" * (LONG // 3), "a@b.nl\u6216@x" * (LONG // 9),
]])
def test_long_hostile_messages_are_checked_in_linear_time(text: str) -> None:
    """Each path of check_message on a long message: a linear path takes milliseconds, a
    quadratic one minutes."""
    source = "Wij zijn BIJ1 en BIJ1komsten: mail bestuur@bij1.org of bel 020 123 45 67."
    started = time.perf_counter()
    found = check_message(source, text, "ar") + check_message(text, text, "fa")
    assert time.perf_counter() - started < 10.0
    assert sum(len(message) for _, _, message in found) < 5 * LONG  # a few times, not squared


def test_a_dutch_text_of_only_spaces_is_no_traceback() -> None:
    """A template msgid of spaces (a hand-edited .pot) crashed the check at 9cab9e2: "" is in
    every string, so it 'ended with punctuation'."""
    for source in ("", " ", "\u00a0\u00a0"):
        assert check_message(source, "x", "en") == []
