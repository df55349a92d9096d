"""The catalogue pipeline on real files: extract, update, init, and the PO reader/writer."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import LOCALES, ROOT, SEED, require_tool, run_cli

from pelican_bij1code import files, pofile, powriter
from pelican_bij1code.cli import main
from pelican_bij1code.master import MASTER_PATH, NOTICE, PARTS, load_master

SHIPPED = sorted(LOCALES.glob("*/LC_MESSAGES/gedragscode.po"))


# -- the master ------------------------------------------------------------------------------


def test_master_is_the_seed_word_for_word() -> None:
    seeds = sorted(SEED.glob("*.txt")) if SEED.is_dir() else []
    if not seeds:
        pytest.skip("../shared/seed is not beside this checkout")
    assert MASTER_PATH.read_bytes() == seeds[0].read_bytes()


def test_master_structure() -> None:
    blocks = load_master()
    titles = [b for b in blocks if b.kind == "title"]
    assert [t.part for t in titles] == list(PARTS)
    assert titles[0].text == "WIJ ZIJN BIJ1" and titles[1].text == "IK BEN BIJ1"
    assert titles[2].text.startswith("SAMEN MAKEN WIJ AL ONZE BIJ1KOMSTEN")
    count = {(p, k): 0 for p in PARTS for k in ("item", "heading", "paragraph")}
    for block in blocks:
        if block.kind != "title":
            count[(block.part, block.kind)] += 1
    assert count[("wij", "item")] == 8 and count[("ik", "item")] == 5
    assert count[("wij", "heading")] == 1 and count[("samen", "heading")] == 1
    assert count[("samen", "paragraph")] == 2
    first = blocks[1]
    assert first.text == ("Wij zijn allereerst mensen met al onze mooie kanten en imperfecties, "
                          "goede dagen en slechte dagen, grenzen en wensen. Wij geven elkaar de "
                          "ruimte om mens te zijn.")
    closing = next(b for b in blocks if b.kind == "paragraph").text
    assert "[BIJ1 Integriteits- en gedragscode](https://bij1.org/gedragscode/)" in closing
    assert "[bestuur@bij1.org](mailto:bestuur@bij1.org)" in closing
    # every word of the master is in some block
    words = MASTER_PATH.read_text(encoding="utf-8").replace(">", " ").replace("####", " ")
    joined = " ".join(b.text for b in blocks)
    for word in words.split():
        assert word.lstrip("*") in joined


# -- reading and writing PO files ------------------------------------------------------------


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.parent.parent.name)
def test_reader_agrees_with_polib(path: Path) -> None:
    ours = pofile.read(path)
    theirs = polib.pofile(str(path))
    assert [(e.msgid, e.msgstr, e.fuzzy) for e in ours.entries if not e.obsolete] == \
        [(e.msgid, e.msgstr, e.fuzzy) for e in theirs if not e.obsolete]
    assert ours.metadata["Language"] == theirs.metadata["Language"]


@pytest.mark.parametrize("path", [*SHIPPED, LOCALES / "gedragscode.pot"],
                         ids=lambda p: p.parent.parent.name)
def test_shipped_files_pass_msgfmt_and_keep_msgcat_layout(path: Path) -> None:
    msgfmt = require_tool("msgfmt")
    result = subprocess.run([msgfmt, "-c", "-o", os.devnull, str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    msgcat = subprocess.run([require_tool("msgcat"), str(path)], capture_output=True, text=True)
    assert msgcat.stdout == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.parent.parent.name)
def test_writer_formats_like_msgcat(path: Path) -> None:
    po = pofile.read(path)
    for entry in [po.header, *po.entries]:
        entry.raw = None  # force fresh formatting of every entry
    text = powriter.dump(po)
    msgcat = subprocess.run([require_tool("msgcat"), "-"], input=text, capture_output=True,
                            text=True)
    assert msgcat.stdout == text


def test_round_trip_keeps_every_byte_of_foreign_layouts(tmp_path: Path) -> None:
    # a file in a layout no tool of ours writes: long lines, odd comments, no wrapping
    text = ('# Vertaling\n#, fuzzy\nmsgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
            '#  a comment with  two spaces\n#: x.md:1\nmsgid "Wij zijn BIJ1"\n'
            'msgstr "We are BIJ1 and this line is deliberately much longer than seventy-nine '
            'columns"\n\n#~ msgid "oud"\n#~ msgstr "old"\n')
    po = pofile.parse(text)
    originals = {e.key: e for e in [po.header, *po.entries]}
    assert powriter.dump(po, originals) == text


# -- extract ---------------------------------------------------------------------------------


def test_extract_is_stable_and_matches_the_shipped_template(locales: Path) -> None:
    before = (locales / "gedragscode.pot").read_bytes()
    assert main(["--locales", str(locales), "extract"]) == 0
    assert (locales / "gedragscode.pot").read_bytes() == before
    assert main(["extract", "--locales", str(locales)]) == 0
    assert (locales / "gedragscode.pot").read_bytes() == before


def test_extract_writes_one_message_per_block(tmp_path: Path) -> None:
    target = tmp_path / "new"
    target.mkdir()
    assert main(["--locales", str(target), "extract"]) == 0
    po = pofile.read(target / "gedragscode.pot")
    assert [e.msgid for e in po.entries] == [b.text for b in (*load_master(), NOTICE)]
    item = po.entries[3]
    assert item.extracted_comments == ("List item 3 of 8 in part “wij”.",)
    assert item.references == ("pelican_bij1code/gedragscode.nl.md:8",)
    links = [e for e in po.entries if "](" in e.msgid]
    assert links and all(any("link target" in c for c in e.extracted_comments) for e in links)
    assert all("\n" not in e.msgid for e in po.entries)


# -- update ----------------------------------------------------------------------------------


def _template_with(locales: Path, old: str, new: str | None) -> None:
    """Change (or, with None, remove) one message of the template, as a new master would."""
    path = locales / "gedragscode.pot"
    po = pofile.read(path)
    entries = []
    for entry in po.entries:
        if entry.msgid == old:
            if new is None:
                continue
            entry.msgid, entry.raw = new, None
        entries.append(entry)
    po.entries = entries
    path.write_text(powriter.dump(po, {e.key: e for e in [po.header, *po.entries]}),
                    encoding="utf-8")


def test_update_keeps_every_translation(locales: Path) -> None:
    en = locales / "en" / "LC_MESSAGES" / "gedragscode.po"
    before = pofile.read(en)
    translations = {e.msgid: e.msgstr for e in before.entries}
    _template_with(locales, "Wij spreken vanuit eigen ervaring.",
                   "Wij spreken altijd vanuit eigen ervaring.")
    _template_with(locales, "Wij praten met mensen, niet over mensen.", None)
    assert main(["--locales", str(locales), "update"]) == 0
    after = pofile.read(en)
    changed = next(e for e in after.entries if e.msgid.startswith("Wij spreken altijd"))
    assert changed.fuzzy and changed.msgstr == translations["Wij spreken vanuit eigen ervaring."]
    assert changed.previous_msgid == "Wij spreken vanuit eigen ervaring."
    removed = next(e for e in after.entries if e.msgid.startswith("Wij praten met mensen"))
    assert removed.obsolete
    assert removed.msgstr == translations["Wij praten met mensen, niet over mensen."]
    # nothing lost, anywhere
    kept = {e.msgstr for e in after.entries}
    assert set(translations.values()) <= kept
    # the new file is what GNU gettext reads too, and msgfmt accepts it
    assert len(polib.pofile(str(en)).obsolete_entries()) == 1
    subprocess.run([require_tool("msgfmt"), "-c", "-o", os.devnull, str(en)], check=True)
    # untouched entries keep their bytes
    new_text = en.read_text(encoding="utf-8")
    unchanged = next(e for e in before.entries if e.msgid == "IK BEN BIJ1")
    assert unchanged.raw is not None and unchanged.raw in new_text
    # running it again changes nothing
    snapshot = en.read_bytes()
    assert main(["--locales", str(locales), "update"]) == 0
    assert en.read_bytes() == snapshot


def test_update_reports_the_old_translation_as_fuzzy_in_check(locales: Path, capsys) -> None:
    _template_with(locales, "Wij spreken vanuit eigen ervaring.",
                   "Wij spreken altijd vanuit eigen ervaring.")
    main(["--locales", str(locales), "update"])
    capsys.readouterr()
    assert main(["--locales", str(locales), "check", "--locale", "en"]) == 1
    assert "fuzzy" in capsys.readouterr().out


def test_update_of_the_dutch_source_follows_the_template(locales: Path) -> None:
    _template_with(locales, "Wij spreken vanuit eigen ervaring.",
                   "Wij spreken altijd vanuit eigen ervaring.")
    main(["--locales", str(locales), "update"])
    nl = pofile.read(locales / "nl" / "LC_MESSAGES" / "gedragscode.po")
    assert all(e.msgstr == e.msgid and not e.fuzzy for e in nl.entries)


def test_malformed_catalogue_stops_update_and_writes_nothing(locales: Path) -> None:
    tr = locales / "tr" / "LC_MESSAGES" / "gedragscode.po"
    text = tr.read_text(encoding="utf-8")
    lines = text.split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith('msgstr "BİZ'))
    lines[number] = lines[number][:-1]  # drop the closing quote
    tr.write_text("\n".join(lines), encoding="utf-8")
    _template_with(locales, "Wij spreken vanuit eigen ervaring.", "Wij spreken altijd.")
    snapshot = {p: p.read_bytes() for p in locales.rglob("*") if p.is_file()}
    result = run_cli("--locales", str(locales), "update")
    assert result.returncode == 2
    assert f"gedragscode.po:{number + 2}: end-of-line within string" in result.stderr
    assert "nothing was written" in result.stderr and "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in locales.rglob("*") if p.is_file()} == snapshot


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.po"
    target.write_text("old", encoding="utf-8")

    def crash(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(files.WriteError, match=r"x\.po: cannot write the file"):
        files.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


# -- init ------------------------------------------------------------------------------------


def test_init_writes_correct_headers(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales, ignore=shutil.ignore_patterns("fy"))
    assert main(["--locales", str(locales), "init", "fy"]) == 0  # fy-NL: fy_NL (the region kept)
    po = pofile.read(locales / "fy" / "LC_MESSAGES" / "gedragscode.po")
    meta = po.metadata
    assert meta["Language"] == "fy"
    assert meta["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert meta["Content-Type"] == "text/plain; charset=UTF-8"
    assert [e.msgid for e in po.entries] == [b.text for b in (*load_master(), NOTICE)]
    assert all(e.msgstr == "" for e in po.entries)
    assert 'fy = "draft"' in (locales / "status.toml").read_text(encoding="utf-8")
    subprocess.run([require_tool("msgfmt"), "-c", "-o", os.devnull,
                    str(locales / "fy" / "LC_MESSAGES" / "gedragscode.po")], check=True)


def test_init_language_babel_does_not_know(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales, ignore=shutil.ignore_patterns("srn"))
    assert main(["--locales", str(locales), "init", "srn"]) == 0
    meta = pofile.read(locales / "srn" / "LC_MESSAGES" / "gedragscode.po").metadata
    assert meta["Language"] == "srn" and meta["Plural-Forms"] == "nplurals=1; plural=0;"
    assert meta["Language-Team"] == "Sranan Tongo"
    assert main(["--locales", str(locales), "init", "xqz"]) == 0
    po = pofile.read(locales / "xqz" / "LC_MESSAGES" / "gedragscode.po")
    assert any("check Plural-Forms" in c for c in po.header.translator_comments)


def test_init_bad_input(locales: Path, capsys) -> None:
    assert main(["--locales", str(locales), "init", "en"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["--locales", str(locales), "init", "not a language"]) == 2
    assert "not a language tag" in capsys.readouterr().err
    assert not (locales / "not a language").exists()


@pytest.mark.parametrize("command", [["extract"], ["update"], ["init", "fy"], ["check"],
                                     ["stats"], ["render", "en"]])
def test_every_command_refuses_a_missing_folder(tmp_path: Path, command: list[str]) -> None:
    result = run_cli("--locales", str(tmp_path / "nowhere"), *command)
    assert result.returncode == 2
    assert "nowhere: no such folder" in result.stderr and "Traceback" not in result.stderr
    file = tmp_path / "file"
    file.write_text("x")
    assert run_cli(*command, "--locales", str(file)).returncode == 2


def test_unreadable_catalogue_is_named(locales: Path) -> None:
    po = locales / "pl" / "LC_MESSAGES" / "gedragscode.po"
    po.write_bytes(b'msgid ""\nmsgstr "Language: pl\\n"\n\nmsgid "a"\nmsgstr "\xff\xfe"\n')
    result = run_cli("--locales", str(locales), "update")
    assert result.returncode == 2
    assert "gedragscode.po:5:" in result.stderr and "UTF-8" in result.stderr


def test_python_dash_m_and_console_script_agree(locales: Path) -> None:
    script = shutil.which("bij1code")
    assert script is not None
    direct = subprocess.run([script, "--locales", str(locales), "stats", "--format", "json"],
                            capture_output=True, text=True, cwd=ROOT)
    module = run_cli("--locales", str(locales), "stats", "--format", "json")
    assert direct.returncode == module.returncode == 0
    assert direct.stdout == module.stdout
