"""``bij1code update`` loses nothing, keeps every layout it did not need to change, and
writes a file only if it is still the one it read."""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from conftest import require_tool, run_cli

from pelican_bij1code import files, merge, pofile, powriter
from pelican_bij1code.cli import main

EN = Path("en") / "LC_MESSAGES" / "gedragscode.po"
CHANGED = ("Wij spreken vanuit eigen ervaring.", "Wij spreken altijd vanuit eigen ervaring.")


def update(locales: Path, *more: str) -> int:
    return main(["--locales", str(locales), "update", *more])


def edit_template(locales: Path, old: str | None = None, new: str | None = None,
                  shift: int = 0) -> None:
    """A new master, as ``extract`` would write it: one message changed, and/or every
    reference's line number moved by ``shift``."""
    path = locales / "gedragscode.pot"
    text = path.read_text(encoding="utf-8")
    if old is not None and new is not None:
        assert f'msgid "{old}"' in text
        text = text.replace(f'msgid "{old}"', f'msgid "{new}"')
    text = re.sub(r"gedragscode\.nl\.md:(\d+)", lambda m: f"gedragscode.nl.md:"
                  f"{int(m.group(1)) + shift}", text)
    path.write_text(text, encoding="utf-8")


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def msgfmt_ok(path: Path) -> None:
    result = subprocess.run([require_tool("msgfmt"), "-c", "-o", os.devnull, str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# -- nothing lost ----------------------------------------------------------------------------


def test_lost_names_every_translation_the_new_file_lacks() -> None:
    old = pofile.parse('msgid ""\nmsgstr ""\n\n# mine\nmsgid "a"\nmsgstr "A"\n\n'
                       'msgid "b"\nmsgid_plural "bs"\nmsgstr[0] "B"\nmsgstr[1] "Bs"\n\n'
                       '#~ msgid "c"\n#~ msgstr "C"\n\n# the end\n')
    everything = pofile.parse(powriter.dump(old))
    assert merge.lost(old, everything) == []
    nothing = pofile.parse('msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr ""\n')
    assert sorted(text for _, text in merge.lost(old, nothing)) == \
        ["# mine", "# the end", "A", "B", "Bs", "C"]


def test_active_plural_and_obsolete_duplicate_is_refused_not_lost(locales: Path) -> None:
    po = locales / EN
    po.write_text(po.read_text(encoding="utf-8")
                  + '\nmsgid "Wij"\nmsgid_plural "Wij allen"\nmsgstr[0] "We"\n'
                    'msgstr[1] "All of us"\n\n#~ msgid "Wij"\n#~ msgstr "Us"\n',
                  encoding="utf-8")
    snapshot = po.read_bytes()
    result = run_cli("--locales", str(locales), "update")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "duplicate message definition" in result.stderr and "nothing was written" in \
        result.stderr
    assert po.read_bytes() == snapshot
    check = run_cli("--locales", str(locales), "check", "--locale", "en")
    assert check.returncode == 1 and "duplicate message definition" in check.stdout


def test_removed_plural_message_keeps_its_forms_as_obsolete(locales: Path) -> None:
    po = locales / EN
    po.write_text(po.read_text(encoding="utf-8")
                  + '\n# kept for later\nmsgid "Wij"\nmsgid_plural "Wij allen"\n'
                    'msgstr[0] "We"\nmsgstr[1] "All of us"\n\n# the end of the file\n',
                  encoding="utf-8")
    edit_template(locales, *CHANGED)
    assert update(locales) == 0
    after = pofile.read(po)
    gone = next(e for e in after.entries if e.msgid == "Wij")
    assert gone.obsolete and gone.msgstr_plural == {0: "We", 1: "All of us"}
    assert gone.translator_comments == ("kept for later",)
    assert after.trailing_comments == ["# the end of the file"]
    msgfmt_ok(po)
    assert [e.msgstr_plural for e in polib.pofile(str(po)).obsolete_entries()] == \
        [{0: "We", 1: "All of us"}]


def test_file_saved_while_update_runs_is_not_overwritten(
        locales: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    po = locales / EN
    saved = po.read_text(encoding="utf-8").replace('"WE ARE BIJ1"', '"WE ARE BIJ1!"')
    stage = files.stage

    def stage_then_someone_saves(path: str | os.PathLike[str], text: str) -> str | None:
        staged = stage(path, text)
        if Path(path) == po:
            po.write_text(saved, encoding="utf-8")  # a translator saves in Poedit, now
        return staged

    monkeypatch.setattr(files, "stage", stage_then_someone_saves)
    edit_template(locales, *CHANGED)
    snapshot = {p: p.read_bytes() for p in locales.rglob("*.po") if p != po}
    assert update(locales) == 2
    err = capsys.readouterr().err
    assert "changed on disk after it was read" in err and str(po) in err
    assert po.read_text(encoding="utf-8") == saved  # the translator's save is kept
    assert {p: p.read_bytes() for p in locales.rglob("*.po") if p != po} == snapshot
    assert not list(locales.rglob("*.tmp"))


def test_a_catalogue_linked_from_another_language_is_updated_once(
        locales: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The fifty-second pass: en_GB's catalogue a link to en's (inside the folder, as the
    README allows) made update write en, then refuse en_GB as "changed on disk (saved by
    someone else?)" and say "nothing was written" after it had written two files. The file is
    updated once now, under the first language, and a note says so."""
    link = locales / "en_GB" / "LC_MESSAGES" / "gedragscode.po"
    link.parent.mkdir(parents=True)
    link.symlink_to(Path("..") / ".." / EN)
    edit_template(locales, *CHANGED)
    assert update(locales) == 0
    out, err = capsys.readouterr()
    assert "the same file as en's (a link), updated once" in err
    assert "en/LC_MESSAGES/gedragscode.po: updated" in out
    assert "en_GB/LC_MESSAGES/gedragscode.po: updated" not in out
    assert link.is_symlink() and CHANGED[1] in (locales / EN).read_text(encoding="utf-8")
    msgfmt_ok(locales / EN)


def test_a_failure_after_a_file_was_replaced_names_what_was_written(
        locales: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """When replacing one file fails after others were replaced, the message says which
    were written; "nothing was written" only where nothing was."""
    commit, calls = files.commit, []

    def fail_second(tmp: str, path: str | os.PathLike[str], snapshot: files.Snapshot) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise files.WriteError(str(path), "disk full (a test)")
        commit(tmp, path, snapshot)

    monkeypatch.setattr(files, "commit", fail_second)
    edit_template(locales, *CHANGED)
    assert update(locales) == 2
    err = capsys.readouterr().err
    assert "only these were written: " in err and "nothing was written" not in err


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_write_errors_are_clean_and_change_nothing(
        locales: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        failing: str) -> None:
    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    edit_template(locales, *CHANGED)
    snapshot = {p: p.read_bytes() for p in locales.rglob("*") if p.is_file()}
    monkeypatch.setattr(os, failing, disk_full)
    assert update(locales) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and "cannot write" in err
    assert {p: p.read_bytes() for p in locales.rglob("*") if p.is_file()} == snapshot


def test_unwritable_places_are_clean_messages(locales: Path, tmp_path: Path) -> None:
    template = locales / "gedragscode.pot"
    with open("/dev/full", "w") as full_disk:
        full = subprocess.run([sys.executable, "-m", "pelican_bij1code", "--locales",
                               str(locales), "update"], stdout=full_disk,
                              stderr=subprocess.PIPE, text=True)
    assert full.returncode == 2 and "No space left on device" in full.stderr
    assert "Traceback" not in full.stderr
    template.unlink()
    template.mkdir()
    for command in (["update"], ["extract"]):
        result = run_cli("--locales", str(locales), *command)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert "gedragscode.pot" in result.stderr and "directory" in result.stderr
    if os.geteuid() != 0:  # root writes into a read-only folder anyway
        shutil.copy(locales.parent / "locales" / EN, tmp_path / "x")
        (locales / EN).parent.chmod(0o555)
        try:
            result = run_cli("--locales", str(locales), "update", "--locale", "en")
            assert result.returncode == 2 and "Permission denied" in result.stderr
        finally:
            (locales / EN).parent.chmod(0o755)


# -- line endings and layout -----------------------------------------------------------------


def test_crlf_catalogue_stays_crlf_and_unchanged_stays_byte_for_byte(locales: Path) -> None:
    po = locales / EN
    po.write_bytes(po.read_bytes().replace(b"\n", b"\r\n"))
    crlf = po.read_bytes()
    assert update(locales) == 0
    assert po.read_bytes() == crlf
    edit_template(locales, *CHANGED, shift=2)
    assert update(locales) == 0
    data = po.read_bytes()
    assert data != crlf and data.count(b"\n") == data.count(b"\r\n")  # never mixed
    assert b"#| msgid" in data and pofile.read(po).newline == "\r\n"
    msgfmt_ok(po)
    assert update(locales) == 0
    assert po.read_bytes() == data


def test_an_unchanged_entry_on_one_line_keeps_its_line(locales: Path) -> None:
    """msgfmt reads an entry written on one line; when update has work elsewhere in the file,
    such an entry that it does not change keeps its line (it was written as two lines)."""
    po = locales / EN
    one_line = ['#~ msgid "Oud" #~ msgstr "Old"', '#~ msgid "Ouder" msgstr "Older"']
    po.write_text(po.read_text(encoding="utf-8") + "".join(f"\n{line}\n" for line in one_line),
                  encoding="utf-8")
    msgfmt_ok(po)
    edit_template(locales, *CHANGED)
    assert update(locales) == 0
    text = po.read_text(encoding="utf-8")
    assert all(f"\n{line}\n" in text for line in one_line), text[-300:]
    msgfmt_ok(po)


def test_mixed_line_endings_are_refused_when_update_has_work(locales: Path) -> None:
    po = locales / EN
    text = po.read_bytes()
    po.write_bytes(text.replace(b"\n", b"\r\n", 3))
    edit_template(locales, shift=1)
    assert update(locales) == 2  # every line would change to one kind: refused, line named
    assert po.read_bytes() == text.replace(b"\n", b"\r\n", 3)


@pytest.mark.parametrize("tool", ["msgcat --width=40", "msgcat --no-wrap", "msgcat",
                                  "msgmerge", "polib"])
def test_update_keeps_each_tools_layout(locales: Path, tool: str) -> None:
    """A file written by another tool: update changes nothing it does not have to; when the
    master's line numbers move, only the ``#:`` lines change."""
    po = locales / EN
    if tool == "polib":
        catalogue = polib.pofile(str(po), wrapwidth=60)
        catalogue.save(str(po))
    elif tool == "msgmerge":
        text = subprocess.run([require_tool("msgmerge"), "--previous", "-q", "--width=70",
                               str(po), str(locales / "gedragscode.pot")],
                              capture_output=True, check=True, text=True).stdout
        po.write_text(text, encoding="utf-8")
    else:
        name, *options = tool.split()
        text = subprocess.run([require_tool(name), *options, str(po)], capture_output=True,
                              check=True, text=True).stdout
        po.write_text(text, encoding="utf-8")
    before = po.read_text(encoding="utf-8")
    translations = [(e.msgid, e.msgstr) for e in pofile.read(po).entries]
    assert update(locales, "--locale", "en") == 0
    assert po.read_text(encoding="utf-8") == before, tool  # nothing to do: no byte changes
    edit_template(locales, shift=3)
    assert update(locales, "--locale", "en") == 0
    after = po.read_text(encoding="utf-8")
    changes = changed_lines(before, after)
    assert changes and all(line[1:].startswith("#:") for line in changes), changes[:6]
    assert [(e.msgid, e.msgstr) for e in pofile.read(po).entries] == translations
    if tool == "msgcat --no-wrap":  # one-line translations stay one line
        assert all(not line.startswith('"') for line in after.split("\n")[20:])
    assert update(locales, "--locale", "en") == 0
    assert po.read_text(encoding="utf-8") == after  # a second update: no byte changes


def test_only_comments_that_differ_from_the_template_are_rewritten(locales: Path) -> None:
    po = locales / EN
    text = po.read_text(encoding="utf-8")
    old_note = next(line for line in text.split("\n") if line.startswith("#. List item 3"))
    text = text.replace(old_note, "#. an outdated note, long enough to make the entry wrap "
                                  "differently if it were formatted again")
    po.write_text(text, encoding="utf-8")
    assert update(locales, "--locale", "en") == 0
    changes = changed_lines(text, po.read_text(encoding="utf-8"))
    assert changes == ["-#. an outdated note, long enough to make the entry wrap differently "
                       "if it were formatted again", "+" + old_note]


def test_update_after_msgmerge_with_a_dutch_edit_changes_few_lines(locales: Path) -> None:
    """The translator ran msgmerge (as Poedit and Weblate do) after a Dutch edit; our update
    then has almost nothing to do, and keeps the old translation msgmerge kept."""
    po = locales / EN
    edit_template(locales, *CHANGED, shift=1)
    subprocess.run([require_tool("msgmerge"), "--previous", "--update", "-q", "--backup=off",
                    str(po), str(locales / "gedragscode.pot")], check=True)
    theirs = po.read_text(encoding="utf-8")
    assert update(locales, "--locale", "en") == 0
    ours = po.read_text(encoding="utf-8")
    assert len(changed_lines(theirs, ours)) <= 6, changed_lines(theirs, ours)
    entry = next(e for e in pofile.read(po).entries if e.msgid == CHANGED[1])
    assert entry.fuzzy and entry.previous_msgid == CHANGED[0] and entry.msgstr
    msgfmt_ok(po)
    assert update(locales, "--locale", "en") == 0
    assert po.read_text(encoding="utf-8") == ours


def test_fuzzy_match_keeps_the_translation_lines(locales: Path) -> None:
    po = locales / EN
    before = pofile.read(po)
    old = next(e for e in before.entries if e.msgid == CHANGED[0])
    assert old.raw is not None
    msgstr_lines = old.raw[old.raw.index("msgstr"):]
    edit_template(locales, *CHANGED)
    assert update(locales, "--locale", "en") == 0
    assert msgstr_lines in po.read_text(encoding="utf-8")


def test_update_of_any_file_msgfmt_accepts_loses_nothing_and_settles(tmp_path: Path) -> None:
    """Shipped catalogues damaged at random: whenever the result still parses, merging it
    loses nothing, writes what parses again, and a second merge changes no byte."""
    import random

    from conftest import LOCALES
    from test_pofile import _damaged

    template = pofile.read(LOCALES / "gedragscode.pot")
    sources = sorted(LOCALES.glob("*/LC_MESSAGES/gedragscode.po"))
    rng = random.Random(11)
    merged = 0
    for _ in range(300):
        source = rng.choice(sources)
        try:
            old = pofile.parse(_damaged(rng, source.read_text(encoding="utf-8")), "x.po")
        except pofile.PoSyntaxError:
            continue
        lang = source.parent.parent.name
        text = powriter.dump(merge.merge(old, template, lang))
        new = pofile.parse(text, "x.po")
        if lang != "nl":
            assert merge.lost(old, new) == [], text
        assert powriter.dump(merge.merge(new, template, lang)) == text
        merged += 1
    assert merged > 100


@pytest.mark.parametrize("tail", ["", "\n# a note at the end",
                                  '\n\n#~ msgid "Oud"\n#~ msgstr "Old"'])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_file_without_a_final_line_break_keeps_its_end(locales: Path, tail: str,
                                                         newline: str) -> None:
    """A catalogue whose last line has no line break (an editor that writes none), ending in
    a message, a comment or an obsolete entry, LF or CRLF: ``update`` with nothing to change
    leaves every byte (the 59th hostile pass: it said "updated" and added the line break),
    and with a change it keeps the end as it was."""
    path = locales / EN
    text = (path.read_text(encoding="utf-8").rstrip("\n") + tail).replace("\n", newline)
    path.write_bytes(text.encode("utf-8"))
    before = path.read_bytes()
    assert not before.endswith(b"\n")
    assert update(locales, "--locale", "en") == 0
    assert path.read_bytes() == before
    edit_template(locales, *CHANGED)
    assert update(locales, "--locale", "en") == 0
    after = path.read_bytes()
    assert after != before and not after.endswith(b"\n")
    assert after.count(b"\r\n") == after.count(b"\n") if newline == "\r\n" else b"\r" not in after
