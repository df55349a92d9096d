"""The fast PO parser never disagrees with the strict one: it parses alike or declines."""

from __future__ import annotations

import random

import pytest
from conftest import LOCALES

from pelican_bij1code import pofile

SOURCES = [*sorted(LOCALES.glob("*/LC_MESSAGES/gedragscode.po")), LOCALES / "gedragscode.pot"]
NASTY = ['"', "\\", "\n", "#", "#~ ", "#| ", "\x04", "\\x04", "\\004", "\\x110000", "msgstr ",
         "msgid ", "msgid_plural ", "msgstr[1] ", "msgctxt ", " ", "\r", "\t", "é", "[", "]"]


def _same(text: str) -> bool:
    fast = pofile._parse_fast(text, "x.po")
    if fast is None:
        return True  # declined: the strict parser decides
    strict = pofile.parse_strict(text, "x.po")  # must not raise when the fast path accepted
    return fast.header == strict.header and fast.entries == strict.entries  # every field


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.parent.parent.name)
def test_fast_path_takes_well_formed_files(path) -> None:
    text = path.read_text(encoding="utf-8")
    assert pofile._parse_fast(text, str(path)) is not None
    assert _same(text)


@pytest.mark.parametrize("seed", range(4))
def test_fast_path_agrees_under_random_damage(seed: int) -> None:
    rng = random.Random(seed)
    accepted = 0
    for _ in range(600):
        text = rng.choice(SOURCES).read_text(encoding="utf-8")
        lines = text.split("\n")
        for _ in range(rng.randint(1, 3)):
            action = rng.randrange(4)
            i = rng.randrange(len(lines))
            if action == 0:
                j = rng.randrange(len(lines[i]) + 1)
                lines[i] = lines[i][:j] + rng.choice(NASTY) + lines[i][j:]
            elif action == 1 and lines[i]:
                j = rng.randrange(len(lines[i]))
                lines[i] = lines[i][:j] + lines[i][j + 1:]
            elif action == 2:
                lines.insert(i, lines[rng.randrange(len(lines))])
            else:
                del lines[i]
        damaged = "\n".join(lines)
        try:
            assert _same(damaged), damaged
        except pofile.PoSyntaxError as exc:
            pytest.fail(f"fast path accepted what the strict parser rejects: {exc}\n{damaged}")
        accepted += pofile._parse_fast(damaged, "x.po") is not None
    assert accepted > 50  # the damage often leaves a valid file: those must agree too


def test_fuzzy_is_known_before_the_comments_are_read() -> None:
    """The fast path reads an entry's comments only when asked; fuzzy must not depend on it."""
    text = ('msgid ""\nmsgstr "Language: en\\n"\n\n'
            '#. note\n#, fuzzy, c-format\nmsgid "a"\nmsgstr "b"\n\n'
            '#. fuzzy is only a word here\n#: f.md:1\nmsgid "c"\nmsgstr "d"\n\n'
            '# Translator\n#,fuzzy\nmsgid "e"\nmsgstr "f"\n\n'
            'msgid "g"\nmsgstr "h"\n')
    fast, strict = pofile._parse_fast(text, "x.po"), pofile.parse_strict(text, "x.po")
    assert fast is not None
    assert [e.fuzzy for e in fast.entries] == [e.fuzzy for e in strict.entries] \
        == [True, False, True, False]
    assert [e.translated for e in fast.entries] == [False, True, False, True]
    assert fast.entries == strict.entries  # reads every comment and raw text: still alike
    assert fast.entries[1].extracted_comments == ["fuzzy is only a word here"]
    assert fast.entries[1].raw == '#. fuzzy is only a word here\n#: f.md:1\nmsgid "c"\nmsgstr "d"\n'
