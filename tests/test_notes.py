"""Translator notes: kept beside the master, written by ``extract``, carried by ``update``."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from conftest import LOCALES, ROOT

from pelican_bij1code import extract
from pelican_bij1code.cli import main

PREFIX = "Translator note, "

# Where each note must land, written out by hand from the Dutch master (its line numbers), so
# that the test does not reuse extract's own matching: gelijkwaardigheid is item 2 of "wij"
# (line 6), bruggenbouwers and actief luisteren item 4 (line 9), the regie/hun/zij sentence
# item 4 of "ik" (line 23), the "samen" title line 26, its paragraphs lines 30 and 34.
EXPECTED = {
    "gelijkwaardigheid": {6},
    "bruggenbouwers": {9},
    "actief luisteren": {9},
    "regie over hun eigen zijn": {23},
    "hun/zij as singular": {23},
    "safe(r) space": {26},
    "BIJ1komsten": {26, 30, 34},
    "vertrouwenspersonen": {34},
    "Integriteits- en gedragscode": {30},
}


def _notes_by_line(path: Path) -> dict[str, set[int]]:
    """``{term: {master line, ...}}`` as polib (not our reader) sees the file."""
    found: dict[str, set[int]] = {}
    for entry in polib.pofile(str(path)):
        lines = {int(ref[1]) for ref in entry.occurrences}
        for comment in entry.comment.splitlines():
            if comment.startswith(PREFIX):
                term = comment[len(PREFIX):].split(": ", 1)[0]
                found.setdefault(term, set()).update(lines or {0})
    return found


def test_the_notes_cover_the_load_bearing_words() -> None:
    assert [n.term for n in extract.load_notes()] == list(EXPECTED)


def test_every_note_lands_on_the_right_messages_of_the_template() -> None:
    assert _notes_by_line(LOCALES / "gedragscode.pot") == EXPECTED


def test_notes_are_one_comment_line_each_and_say_what_to_keep() -> None:
    template = polib.pofile(str(LOCALES / "gedragscode.pot"))
    for entry in template:
        notes = [c for c in entry.comment.splitlines() if c.startswith(PREFIX)]
        assert len(notes) == len(set(notes)), entry.msgid
        for note in notes:
            assert "keep" in note.lower() or "do not" in note.lower(), note
    # the notice is ours, not BIJ1's: no note on it
    assert PREFIX not in template[-1].comment


@pytest.mark.parametrize("path", sorted(LOCALES.glob("*/LC_MESSAGES/gedragscode.po")),
                         ids=lambda p: p.parent.parent.name)
def test_update_carried_the_notes_into_every_catalogue(path: Path) -> None:
    assert _notes_by_line(path) == EXPECTED


def test_extract_and_update_carry_an_edited_note(locales: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    # a checkout: the master and its notes beside the locales folder
    checkout = tmp_path / "pelican_bij1code"
    checkout.mkdir()
    shutil.copy(extract.MASTER_PATH, checkout)
    original = extract.NOTES_PATH.read_text(encoding="utf-8")
    (checkout / extract.NOTES_PATH.name).write_text(
        original.replace("not plain “equality”", "never plain “equality”"), encoding="utf-8")
    assert main(["--locales", str(locales), "extract"]) == 0
    assert main(["--locales", str(locales), "update"]) == 0
    for path in [locales / "gedragscode.pot", *locales.glob("*/LC_MESSAGES/gedragscode.po")]:
        text = path.read_text(encoding="utf-8")
        assert "never plain “equality”" in text, path
        assert "not plain “equality”" not in text, path
    en = polib.pofile(str(locales / "en" / "LC_MESSAGES" / "gedragscode.po"))
    shipped = polib.pofile(str(LOCALES / "en" / "LC_MESSAGES" / "gedragscode.po"))
    # only comments moved: every translation and every flag is as it was
    assert [(e.msgid, e.msgstr, e.flags) for e in en] == \
        [(e.msgid, e.msgstr, e.flags) for e in shipped]


@pytest.mark.parametrize("text, says", [
    ('[[note]]\nterm = "x"\nmatch = ["gibberish-not-in-master"]\ntext = "keep it"\n',
     "matches no message"),
    ('[[note]]\nterm = "x"\nmatch = []\ntext = "keep it"\n', "match phrases"),
    ('[[note]]\nterm = "x"\nmatch = ["gelijkwaardigheid"]\n', "needs a term, a text"),
    ('[[note]\nterm = "x"\n', "gedragscode.notes.toml"),
    ('note = "gelijkwaardigheid"\n', "list of [[note]] tables"),
    ('[note]\nterm = "x"\n', "list of [[note]] tables"),
    ('[[note]]\nterm = "x"\nmatch = "gelijkwaardigheid"\ntext = "keep it"\n', "match phrases"),
    ('[[note]]\nterm = "x"\nmatch = ["bruggenbouwers"]\ntext = """two\nlines"""\n',
     "one line of text"),
])
def test_a_bad_notes_file_stops_extract_with_its_name(locales: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str],
                                                      text: str, says: str) -> None:
    checkout = tmp_path / "pelican_bij1code"  # a checkout: the master beside locales/
    checkout.mkdir()
    shutil.copy(extract.MASTER_PATH, checkout)
    (checkout / "gedragscode.notes.toml").write_text(text, encoding="utf-8")
    before = (locales / "gedragscode.pot").read_bytes()
    assert main(["--locales", str(locales), "extract"]) != 0
    err = capsys.readouterr().err
    assert says in err and "gedragscode.notes.toml" in err, err
    assert "Traceback" not in err
    assert (locales / "gedragscode.pot").read_bytes() == before


def test_the_notes_ship_with_the_package() -> None:
    assert extract.NOTES_PATH.parent == ROOT / "pelican_bij1code"
    assert extract.NOTES_PATH.is_file()
