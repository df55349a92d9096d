"""What an independent tester broke in the translators' tools (issue 11, second round),
each as a class: obsolete previous fields, Dutch edited twice, headers of msginit and
pybabel, format flags, line endings, status.toml, symlinks, the locales folder chosen."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import require_tool

from pelican_bij1code import pofile
from pelican_bij1code.cli import main

TR = Path("tr") / "LC_MESSAGES" / "gedragscode.po"
EN = Path("en") / "LC_MESSAGES" / "gedragscode.po"


def edit_template(locales: Path, old: str, new: str | None) -> None:
    """The template after a Dutch edit: ``old`` becomes ``new``, or goes (None)."""
    path = locales / "gedragscode.pot"
    po = pofile.read(path)
    if new is None:
        po.entries = [e for e in po.entries if e.msgid != old]
    else:
        po.entries = [e.replace(msgid=new) if e.msgid == old else e for e in po.entries]
    path.write_text(pofile.dump(po), encoding="utf-8")


def update(locales: Path, *more: str) -> int:
    return main(["--locales", str(locales), "update", *more])


# -- 1. previous fields of an obsolete entry are written as GNU writes them -----------------


@pytest.mark.parametrize("context", [None, "ctx"])
def test_obsolete_entry_keeps_previous_fields_in_gnu_form(locales: Path, context: str | None
                                                          ) -> None:
    msgid = "Wij praten met mensen, niet over mensen."
    path = locales / TR
    text = path.read_text(encoding="utf-8")
    prev = ('#| msgctxt "ctx"\n' if context else "") + '#| msgid "Wij praten met mensen."\n'
    text = text.replace(f'msgid "{msgid}"', f'#, fuzzy\n{prev}msgid "{msgid}"')
    path.write_text(text, encoding="utf-8")
    edit_template(locales, msgid, None)
    assert update(locales, "--locale", "tr") == 0
    written = path.read_text(encoding="utf-8")
    assert "#~ #|" not in written
    assert '#~| msgid "Wij praten met mensen."' in written
    loaded = polib.pofile(str(path))  # polib refused "#~ #| msgid": "invalid continuation"
    gone = [e for e in loaded.obsolete_entries() if e.msgid == msgid]
    assert gone and gone[0].msgstr == "Biz insanlarla konuşuruz, insanlar hakkında değil."
    # msgcat, gettext's own writer, writes the obsolete entry the same way
    out = subprocess.run([require_tool("msgcat"), str(path)], capture_output=True,
                         text=True, check=True).stdout
    assert '#~| msgid "Wij praten met mensen."' in out
    assert update(locales, "--locale", "tr") == 0
    assert path.read_text(encoding="utf-8") == written  # a second update changes nothing


def test_update_repairs_the_old_obsolete_previous_form(locales: Path) -> None:
    path = locales / TR
    text = path.read_text(encoding="utf-8")
    path.write_text(text + '\n#, fuzzy\n#~ #| msgid "Oud."\n#~ msgid "Oud, nieuw."\n'
                    '#~ msgstr "Eski."\n', encoding="utf-8")
    assert update(locales, "--locale", "tr") == 0
    written = path.read_text(encoding="utf-8")
    assert '#~| msgid "Oud."' in written and "#~ #|" not in written
    polib.pofile(str(path))


# -- 2. an entry edited twice keeps the Dutch its translation was made from -----------------


def test_second_dutch_edit_keeps_the_first_previous_msgid(locales: Path, tmp_path: Path
                                                          ) -> None:
    first = "Wij spreken vanuit eigen ervaring."
    second = "Wij spreken altijd vanuit eigen ervaring."
    third = "Wij spreken altijd vanuit onze eigen ervaring."
    gnu = tmp_path / "gnu.po"
    gnu.write_bytes((locales / TR).read_bytes())
    edit_template(locales, first, second)
    assert update(locales, "--locale", "tr") == 0
    msgmerge = require_tool("msgmerge")
    subprocess.run([msgmerge, "--quiet", "--previous", "--update", "--backup=off", str(gnu),
                    str(locales / "gedragscode.pot")], check=True)
    edit_template(locales, second, third)
    assert update(locales, "--locale", "tr") == 0
    subprocess.run([msgmerge, "--quiet", "--previous", "--update", "--backup=off", str(gnu),
                    str(locales / "gedragscode.pot")], check=True)
    ours = {e.msgid: e for e in polib.pofile(str(locales / TR))}
    theirs = {e.msgid: e for e in polib.pofile(str(gnu))}
    assert ours[third].previous_msgid == first
    assert ours[third].previous_msgid == theirs[third].previous_msgid  # as msgmerge
    assert ours[third].msgstr == theirs[third].msgstr and "fuzzy" in ours[third].flags
