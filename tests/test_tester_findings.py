"""What an independent tester broke in the translators' tools (issue 11, second round),
each as a class: obsolete previous fields, Dutch edited twice, headers of msginit and
pybabel, format flags, line endings, status.toml, symlinks, the locales folder chosen."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from conftest import msginit, require_tool

from pelican_bij1code import pofile, powriter
from pelican_bij1code.cli import main
from pelican_bij1code.master import MASTER_PATH

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
    path.write_text(powriter.dump(po), encoding="utf-8")


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


# -- 4. reading commands read the folder writing commands write; extract its master ----------


def bij1code(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed ``bij1code`` program, run in ``cwd`` (no --locales unless given)."""
    program = Path(sys.executable).with_name("bij1code")
    return subprocess.run([str(program), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def test_a_checkout_reads_and_writes_its_own_locales_and_master(locales: Path,
                                                                tmp_path: Path) -> None:
    checkout = tmp_path  # locales/ (the fixture) beside pelican_bij1code/: a clone
    (checkout / "pelican_bij1code").mkdir()
    master = checkout / "pelican_bij1code" / MASTER_PATH.name
    old, new = "Wij spreken vanuit eigen ervaring.", "Wij spreken altijd vanuit eigen ervaring."
    text = MASTER_PATH.read_text(encoding="utf-8")
    assert old in text
    master.write_text(text.replace(old, new), encoding="utf-8")
    shutil.copy(MASTER_PATH.with_name("gedragscode.notes.toml"), master.parent)
    stale = bij1code("check", "--format", "json", cwd=checkout)
    assert stale.returncode == 1, stale.stderr
    assert "template-outdated" in stale.stdout  # the edit is seen before extract
    done = bij1code("extract", cwd=checkout)
    assert done.returncode == 0 and "written" in done.stdout, done.stderr
    assert f'msgid "{new}"' in (locales / "gedragscode.pot").read_text(encoding="utf-8")
    assert bij1code("update", cwd=checkout).returncode == 0
    strict = bij1code("check", "--strict", cwd=checkout)
    assert strict.returncode == 1 and "fuzzy" in strict.stdout  # not the shipped folder
    assert bij1code("init", "it", cwd=checkout).returncode == 0
    one = bij1code("check", "--locale", "it", cwd=checkout)
    assert one.returncode == 0, one.stdout + one.stderr
    assert '"locale": "it"' in bij1code("stats", "--format", "json", cwd=checkout).stdout


def test_without_a_local_folder_reading_commands_read_the_shipped_catalogues(tmp_path: Path
                                                                              ) -> None:
    shown = bij1code("stats", "--format", "json", cwd=tmp_path)
    assert shown.returncode == 0 and '"locale": "en"' in shown.stdout


# -- 3. catalogues started by msginit or pybabel init pass as msgfmt -c passes them ---------


def check_json(locales: Path, lang: str) -> list[dict[str, object]]:
    out = subprocess.run([sys.executable, "-m", "pelican_bij1code", "--locales", str(locales),
                          "check", "--locale", lang, "--format", "json"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode in (0, 1), out.stderr
    problems: list[dict[str, object]] = json.loads(out.stdout)[0]["problems"]
    return problems


def header_codes(problems: list[dict[str, object]]) -> list[object]:
    return [p["code"] for p in problems if str(p["code"]).startswith("header")]


@pytest.mark.parametrize("lang", ["ar", "fa", "ur", "hi", "id", "zh_CN", "sw", "so", "am",
                                  "bn", "cy", "mk", "zu", "tl"])
def test_msginit_catalogues_have_no_header_finding(locales: Path, lang: str) -> None:
    target = locales / lang / "LC_MESSAGES" / "gedragscode.po"
    if target.exists():
        shutil.rmtree(locales / lang)
    msginit(lang, locales / "gedragscode.pot", target)
    msgfmt = subprocess.run([require_tool("msgfmt"), "-c", "-o", os.devnull, str(target)],
                            capture_output=True, text=True)
    assert msgfmt.returncode == 0, msgfmt.stderr
    assert header_codes(check_json(locales, lang)) == []


@pytest.mark.parametrize("lang", ["zh_CN", "tl", "pt_BR"])
def test_pybabel_init_catalogues_name_the_folder_language(locales: Path, lang: str) -> None:
    result = subprocess.run([sys.executable, "-m", "babel.messages.frontend", "init",
                             "-D", "gedragscode", "-i", str(locales / "gedragscode.pot"),
                             "-d", str(locales), "-l", lang],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert header_codes(check_json(locales, lang)) == []


@pytest.mark.parametrize("declared, folder", [("pt", "pt_BR"), ("zh_Hant_TW", "zh_CN"),
                                              ("de", "nl"), ("sr_Latn", "sr_Cyrl")])
def test_a_header_naming_another_language_or_region_is_still_an_error(
        locales: Path, declared: str, folder: str) -> None:
    target = locales / folder / "LC_MESSAGES" / "gedragscode.po"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = (locales / EN).read_text(encoding="utf-8")
    target.write_text(text.replace("Language: en\\n", f"Language: {declared}\\n"),
                      encoding="utf-8")
    assert "header-language" in header_codes(check_json(locales, folder))


def test_no_plural_forms_with_plural_messages_is_an_error(locales: Path) -> None:
    path = locales / EN
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if not line.startswith('"Plural-Forms:')]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert header_codes(check_json(locales, "en")) == []
    path.write_text("\n".join(lines) + '\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] "A"\n'
                    'msgstr[1] "As"\n', encoding="utf-8")
    problems = check_json(locales, "en")
    assert header_codes(problems) == ["header-plural"]
    assert "write" in str(problems[[p["code"] for p in problems].index("header-plural")]
                          ["message"])


# -- 7. format flags: our messages are not format strings -----------------------------------


def flag_first_entry(locales: Path, flag: str, msgstr_suffix: str = "") -> Path:
    """en with the flag on the "Wij spreken ..." entry (and text added to its msgstr)."""
    path = locales / EN
    po = pofile.read(path)
    entry = next(e for e in po.entries if e.msgid == "Wij spreken vanuit eigen ervaring.")
    po.entries = [e.replace(flags=[*e.flags, flag], msgstr=e.msgstr + msgstr_suffix)
                  if e is entry else e for e in po.entries]
    path.write_text(powriter.dump(po), encoding="utf-8")
    return path


@pytest.mark.parametrize("flag", ["c-format", "python-format", "python-brace-format",
                                  "perl-format", "sh-format", "javascript-format",
                                  "qt-format", "boost-format"])
def test_a_format_flag_the_template_lacks_is_an_error(locales: Path, flag: str) -> None:
    flag_first_entry(locales, flag)
    problems = check_json(locales, "en")
    found = [p for p in problems if p["code"] == "format-flag"]
    assert len(found) == 1 and flag in str(found[0]["message"])
    assert "remove" in str(found[0]["message"])


def test_check_fails_where_msgfmt_c_fails_on_a_format_directive(locales: Path) -> None:
    path = flag_first_entry(locales, "python-format", " %(x)s")
    msgfmt = subprocess.run([require_tool("msgfmt"), "-c", "-o", os.devnull, str(path)],
                            capture_output=True, text=True)
    assert msgfmt.returncode != 0  # msgfmt -c: the format specification does not match
    ours = main(["--locales", str(locales), "check", "--locale", "en"])
    assert ours == 1


def test_a_no_format_flag_is_harmless(locales: Path) -> None:
    flag_first_entry(locales, "no-c-format")
    assert [p for p in check_json(locales, "en") if p["code"] == "format-flag"] == []


# -- 5. mixed line endings: never rewritten when nothing changed, else refused --------------


def mix(path: Path, lines: range, ending: bytes) -> bytes:
    """The file with ``lines`` (from 1) ending in ``ending`` instead of the file's own."""
    data = path.read_bytes().replace(b"\r\n", b"\n").split(b"\n")
    other = b"\n" if ending == b"\r\n" else b"\r\n"
    body = [line + (ending if number in lines else other)
            for number, line in enumerate(data[:-1], start=1)]
    path.write_bytes(b"".join(body))
    return path.read_bytes()


@pytest.mark.parametrize("lines, ending", [(range(1, 2), b"\r\n"), (range(10, 50), b"\r\n"),
                                           (range(3, 4), b"\n")])
def test_mixed_line_endings_are_kept_when_nothing_changes(locales: Path, lines: range,
                                                          ending: bytes,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    before = mix(locales / EN, lines, ending)
    assert update(locales, "--locale", "en") == 0
    assert (locales / EN).read_bytes() == before
    assert "unchanged" in capsys.readouterr().out


def test_mixed_line_endings_with_work_to_do_are_refused(locales: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    before = mix(locales / EN, range(1, 2), b"\r\n")
    edit_template(locales, "Wij spreken vanuit eigen ervaring.",
                  "Wij spreken altijd vanuit eigen ervaring.")
    assert update(locales, "--locale", "en") == 2
    err = capsys.readouterr().err
    assert f"{locales / EN}:2: mixed line endings" in err and "nothing was written" in err
    assert (locales / EN).read_bytes() == before


# -- 8. init edits status.toml without touching anything else, or writes nothing ------------


def init(locales: Path, *args: str) -> int:
    return main(["--locales", str(locales), "init", *args])


def test_init_keeps_a_crlf_status_file_crlf(locales: Path) -> None:
    status = locales / "status.toml"
    before = status.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    status.write_bytes(before)
    assert init(locales, "de") == 0
    after = status.read_bytes()
    assert after == before + b'de = "draft"\r\n'
    assert init(locales, "tr", "--published") != 0  # exists: status untouched
    assert status.read_bytes() == after


@pytest.mark.parametrize("text", ['status = { en = "published" }\n',
                                  'status.en = "published"\n',
                                  '# comment\n\nstatus.en = "published"\nstatus.tr = "draft"\n'])
def test_init_with_a_status_table_it_cannot_edit_writes_nothing(
        locales: Path, text: str, capsys: pytest.CaptureFixture[str]) -> None:
    status = locales / "status.toml"
    status.write_text(text, encoding="utf-8")
    assert init(locales, "de") == 2
    err = capsys.readouterr().err
    line = next(n for n, x in enumerate(text.splitlines(), start=1) if x.startswith("status"))
    said = f"status.toml:{line}: the status table must be written as a [status] section"
    assert said in err, err
    assert main(["--locales", str(locales), "check"]) == 2  # check refuses it the same way
    assert said in capsys.readouterr().err
    assert not (locales / "de").exists()
    assert status.read_text(encoding="utf-8") == text
    status.write_text('[status]\nen = "published"\n', encoding="utf-8")  # the fix it asks for
    assert init(locales, "de") == 0
    assert 'de = "draft"' in status.read_text(encoding="utf-8")


# -- 9. update refuses a catalogue outside the locales folder, as check does ----------------


@pytest.mark.parametrize("what", ["file", "folder", "template"])
def test_update_refuses_a_catalogue_outside_the_folder(locales: Path, tmp_path: Path,
                                                       what: str,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    if what == "file":
        link, real = locales / TR, outside / "gedragscode.po"
        shutil.move(link, real)
    elif what == "folder":
        link, real = locales / "tr", outside / "tr"
        shutil.move(link, real)
    else:
        link, real = locales / "gedragscode.pot", outside / "gedragscode.pot"
        shutil.move(link, real)
    link.symlink_to(real)
    if what != "template":
        edit_template(locales, "Wij spreken vanuit eigen ervaring.",
                      "Wij spreken altijd vanuit eigen ervaring.")
    files_before = {p: p.read_bytes() for p in outside.rglob("*") if p.is_file()}
    assert update(locales) == 2
    err = capsys.readouterr().err
    assert "points outside the locales folder" in err and "nothing was written" in err
    assert link.is_symlink()
    assert {p: p.read_bytes() for p in outside.rglob("*") if p.is_file()} == files_before


def test_update_keeps_a_symlink_inside_the_folder(locales: Path) -> None:
    real = locales / "tr" / "LC_MESSAGES" / "real.po"
    shutil.move(locales / TR, real)
    (locales / TR).symlink_to("real.po")
    edit_template(locales, "Wij spreken vanuit eigen ervaring.",
                  "Wij spreken altijd vanuit eigen ervaring.")
    assert update(locales, "--locale", "tr") == 0
    assert (locales / TR).is_symlink()
    assert "Wij spreken altijd" in real.read_text(encoding="utf-8")


# -- 6. a changed header field is the only header text rewritten ----------------------------


def header_lines(text: str) -> list[str]:
    return text.split("\n\n", 1)[0].split("\n")


@pytest.mark.parametrize("wrap", [["--no-wrap"], ["-w", "40"], ["-w", "30"], []])
def test_a_new_creation_date_rewrites_only_its_own_characters(locales: Path,
                                                              wrap: list[str]) -> None:
    path = locales / EN
    subprocess.run([require_tool("msgcat"), *wrap, "-o", str(path), str(path)], check=True)
    before = path.read_text(encoding="utf-8")
    template = locales / "gedragscode.pot"
    text = template.read_text(encoding="utf-8")
    old_date = pofile.read(template).metadata["POT-Creation-Date"]
    template.write_text(text.replace(old_date, "2031-12-31 23:59+0000"), encoding="utf-8")
    edit_template(locales, "Wij spreken vanuit eigen ervaring.",
                  "Wij spreken altijd vanuit eigen ervaring.")
    assert update(locales, "--locale", "en") == 0
    after = path.read_text(encoding="utf-8")
    assert pofile.read(path).metadata["POT-Creation-Date"] == "2031-12-31 23:59+0000"
    old, new = header_lines(before), header_lines(after)
    assert len(old) == len(new)  # nothing re-wrapped
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert changed and len(changed) <= 2
    digits = str.maketrans("0123456789", "0000000000")
    assert all(a.translate(digits) == b.translate(digits) for a, b in changed)
    polib.pofile(str(path))


# -- 10. smaller: init keeps the region, render falls back as pages do, pybabel's blank end,
#        preview shows hidden characters -----------------------------------------------------


@pytest.mark.parametrize("tag, folder", [("pt-BR", "pt_BR"), ("sr@latin", "sr@latin"),
                                         ("de_DE.UTF-8", "de_DE"), ("zh-hant", "zh_Hant"),
                                         ("IT", "it")])
def test_init_starts_the_folder_the_tag_names(locales: Path, tag: str, folder: str) -> None:
    assert init(locales, tag) == 0
    path = locales / folder / "LC_MESSAGES" / "gedragscode.po"
    assert pofile.read(path).metadata["Language"] == folder
    msgfmt = subprocess.run([require_tool("msgfmt"), "-c", "-o", os.devnull, str(path)],
                            capture_output=True, text=True)
    assert msgfmt.returncode == 0, msgfmt.stderr
    out = subprocess.run([sys.executable, "-m", "pelican_bij1code", "--locales", str(locales),
                          "check", "--format", "json"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr  # status.toml still reads
    report = next(r for r in json.loads(out.stdout) if r["locale"] == folder)
    assert report["status"] == "draft"
    assert header_codes(report["problems"]) == []


def test_render_falls_back_from_a_draft_region_to_its_language(
        locales: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert init(locales, "en-US") == 0
    capsys.readouterr()
    assert main(["--locales", str(locales), "render", "en-US", "--format", "txt"]) == 0
    captured = capsys.readouterr()
    assert main(["--locales", str(locales), "render", "en", "--format", "txt"]) == 0
    assert captured.out == capsys.readouterr().out
    assert "'en_US' catalogue is a draft" in captured.err and "'en'" in captured.err


def test_update_keeps_the_blank_line_pybabel_ends_a_file_with(locales: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "babel.messages.frontend", "update",
                             "-D", "gedragscode", "-i", str(locales / "gedragscode.pot"),
                             "-d", str(locales), "-l", "en"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    before = (locales / EN).read_bytes()
    assert before.endswith(b"\n\n")
    assert update(locales, "--locale", "en") == 0
    assert (locales / EN).read_bytes() == before


def test_preview_shows_hidden_characters_and_never_emits_them(
        locales: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = locales / EN
    text = path.read_text(encoding="utf-8")
    assert 'msgstr "We speak from our own experience."' in text
    path.write_text(text.replace('msgstr "We speak from our own experience."',
                                 'msgstr "We speak \u202efrom our\u00ad own\u2060 experience."'),
                    encoding="utf-8")
    for fmt in ("html", "md", "txt"):
        assert main(["--locales", str(locales), "render", "en", "--preview",
                     "--format", fmt]) == 0
        out = capsys.readouterr().out
        assert "\u202e" not in out and "\u00ad" not in out and "\u2060" not in out
        assert "⟦U+202E⟧" in out and "⟦U+00AD⟧" in out and "⟦U+2060⟧" in out
        # a hostile pass: the txt output's own U+200E (a line with right-to-left script) was
        # written out too, as if the translator had written it
        assert "⟦U+200E⟧" not in out and "⟦U+2066⟧" not in out


@pytest.mark.parametrize("line", ["#, python-format fuzzy", "#, no-wrap fuzzy", "#! fuzzy"])
def test_flags_parted_by_spaces_or_on_a_hashbang_line_are_read(locales: Path, line: str
                                                               ) -> None:
    """A hostile pass (39th): ``#, python-format fuzzy`` (fuzzy to msgfmt, which parts flags
    at white space too) passed ``check --strict`` and its translation was rendered. Now the
    entry is fuzzy (an error, never shown) and a format flag there is reported."""
    path = locales / EN
    text = path.read_text(encoding="utf-8")
    text = text.replace('msgid "Wij spreken vanuit eigen ervaring."',
                        f'{line}\nmsgid "Wij spreken vanuit eigen ervaring."', 1)
    path.write_text(text, encoding="utf-8")
    codes = [p["code"] for p in check_json(locales, "en")]
    assert "fuzzy" in codes
    assert ("format-flag" in codes) == ("python-format" in line)
    shown = subprocess.run([sys.executable, "-m", "pelican_bij1code", "--locales", str(locales),
                            "render", "en", "--format", "txt"],
                           capture_output=True, text=True, timeout=120)
    wanted = next(e for e in pofile.read(path).entries
                  if e.msgid == "Wij spreken vanuit eigen ervaring.").msgstr
    assert shown.returncode == 1 and "not rendered" in shown.stderr  # a draft, refused
    assert wanted not in shown.stdout


# -- a catalogue singular where the template is plural, or plural where it is singular ------


def _plural_en(locales: Path, second: str) -> Path:
    path = locales / EN
    text = path.read_text(encoding="utf-8")
    old = 'msgid "WIJ ZIJN BIJ1"\nmsgstr "WE ARE BIJ1"'
    assert old in text
    path.write_text(text.replace(old, 'msgid "WIJ ZIJN BIJ1"\nmsgid_plural "WIJ ZIJN BIJ1"\n'
                                 f'msgstr[0] "WE ARE BIJ1"\nmsgstr[1] "{second}"'),
                    encoding="utf-8")
    return path


def _merged_by_msgmerge(locales: Path, path: Path) -> polib.POEntry:
    out = subprocess.run([require_tool("msgmerge"), "--previous", "-q", str(path),
                          str(locales / "gedragscode.pot")],
                         capture_output=True, text=True, check=True, timeout=60).stdout
    return next(e for e in polib.pofile(out) if e.msgid == "WIJ ZIJN BIJ1")


def test_update_makes_a_plural_entry_singular_as_msgmerge_does(locales: Path) -> None:
    """A hostile pass (39th): ``check`` said "plural here but not in the template; run
    ``bij1code update``", and ``update`` left it unchanged: a loop. Now ``update`` makes it
    singular as ``msgmerge --previous`` does (the first form, fuzzy, the old Dutch as
    ``#|``), and check reports what is left to do: the fuzzy flag."""
    path = _plural_en(locales, "WE ARE BIJ1")
    theirs = _merged_by_msgmerge(locales, path)
    assert update(locales, "--locale", "en") == 0
    ours = next(e for e in pofile.read(path).entries if e.msgid == "WIJ ZIJN BIJ1")
    assert (ours.plural, ours.msgstr, ours.fuzzy) == (False, theirs.msgstr, theirs.fuzzy)
    assert ours.previous_msgid_plural == "WIJ ZIJN BIJ1"
    codes = [p["code"] for p in check_json(locales, "en")]
    assert "plural-mismatch" not in codes and "fuzzy" in codes


def test_update_never_drops_a_plural_form_it_cannot_keep(locales: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    """Where msgmerge drops ``msgstr[1]``, ``update`` refuses, writes nothing and says what to
    do by hand."""
    path = _plural_en(locales, "WE ALL ARE BIJ1")
    before = path.read_bytes()
    assert "WE ALL ARE BIJ1" not in _merged_by_msgmerge(locales, path).msgstr
    assert update(locales, "--locale", "en") == 2
    assert path.read_bytes() == before
    assert "make it singular by hand" in capsys.readouterr().err


def test_update_makes_a_singular_entry_plural_as_the_template(locales: Path) -> None:
    """The other way: the template made a message plural; its translation is each form,
    fuzzy, as many forms as the catalogue's Plural-Forms, as msgmerge makes it (the 44th pass:
    only the first form had it)."""
    template = locales / "gedragscode.pot"
    text = template.read_text(encoding="utf-8")
    old = 'msgid "WIJ ZIJN BIJ1"\nmsgstr ""'
    assert old in text
    template.write_text(text.replace(old, 'msgid "WIJ ZIJN BIJ1"\nmsgid_plural "WIJ ZIJN BIJ1"\n'
                                          'msgstr[0] ""\nmsgstr[1] ""'), encoding="utf-8")
    path = locales / EN
    theirs = _merged_by_msgmerge(locales, path)
    assert update(locales, "--locale", "en") == 0
    ours = next(e for e in pofile.read(path).entries if e.msgid == "WIJ ZIJN BIJ1")
    assert ours.plural and ours.fuzzy and theirs.fuzzy
    assert ours.msgstr_plural == {0: "WE ARE BIJ1", 1: "WE ARE BIJ1"}
    assert ours.msgstr_plural == {int(k): v for k, v in theirs.msgstr_plural.items()}


@pytest.mark.parametrize("context", [None, "k"])
def test_update_makes_a_plural_entry_singular_also_where_it_matches_only_closely(
        locales: Path, context: str | None) -> None:
    """The 41st pass: where the plural entry's msgid or context differs from the template's,
    update carried it over still plural (check then said "run update" again, and update
    refused). It is made singular there too, as msgmerge does, with its old Dutch as #|."""
    path = locales / EN
    text = path.read_text(encoding="utf-8")
    old = 'msgid "WIJ ZIJN BIJ1"\nmsgstr "WE ARE BIJ1"'
    prefix = f'msgctxt "{context}"\n' if context else ""
    path.write_text(text.replace(old, f'{prefix}msgid "WIJ ZIJN BIJ1!"\n'
                                 'msgid_plural "WIJ ZIJN BIJ1!"\nmsgstr[0] "WE ARE BIJ1"\n'
                                 'msgstr[1] "WE ARE BIJ1"'), encoding="utf-8")
    assert update(locales, "--locale", "en") == 0
    ours = next(e for e in pofile.read(path).entries if e.msgid == "WIJ ZIJN BIJ1")
    assert (ours.plural, ours.msgstr, ours.fuzzy, ours.msgctxt) == (False, "WE ARE BIJ1", True,
                                                                    None)
    assert (ours.previous_msgid, ours.previous_msgctxt) == ("WIJ ZIJN BIJ1!", context)
    assert "plural-mismatch" not in [p["code"] for p in check_json(locales, "en")]


def test_making_an_entry_singular_keeps_its_first_old_dutch(locales: Path) -> None:
    """The 41st pass: a fuzzy plural entry with ``#| msgid "OLD"`` lost that line when update
    made it singular; msgmerge --previous keeps the first old Dutch, and so does update."""
    path = locales / EN
    text = path.read_text(encoding="utf-8")
    old = 'msgid "WIJ ZIJN BIJ1"\nmsgstr "WE ARE BIJ1"'
    path.write_text(text.replace(old, '#, fuzzy\n#| msgid "OLD"\nmsgid "WIJ ZIJN BIJ1"\n'
                                 'msgid_plural "WIJ ZIJN BIJ1"\nmsgstr[0] "WE ARE BIJ1"\n'
                                 'msgstr[1] "WE ARE BIJ1"'), encoding="utf-8")
    theirs = _merged_by_msgmerge(locales, path)
    assert update(locales, "--locale", "en") == 0
    ours = next(e for e in pofile.read(path).entries if e.msgid == "WIJ ZIJN BIJ1")
    assert ours.previous_msgid == theirs.previous_msgid == "OLD"
    assert not ours.plural and ours.fuzzy


def test_a_new_message_like_one_still_in_use_gets_its_translation_fuzzy(locales: Path) -> None:
    """The 44th pass: a new message close to one the template still has got no suggestion
    (msgmerge gives it the old translation, fuzzy, with the old Dutch as #|); and of a
    message split in two, only the first half got one."""
    template = locales / "gedragscode.pot"
    text = template.read_text(encoding="utf-8")
    kept = "Wij spreken vanuit eigen ervaring."
    assert f'msgid "{kept}"' in text
    template.write_text(text + '\nmsgid "Wij spreken altijd vanuit eigen ervaring."\n'
                        'msgstr ""\n', encoding="utf-8")
    path = locales / EN
    out = subprocess.run([require_tool("msgmerge"), "--previous", "-q", str(path), str(template)],
                         capture_output=True, text=True, check=True, timeout=60).stdout
    theirs = next(e for e in polib.pofile(out)
                  if e.msgid == "Wij spreken altijd vanuit eigen ervaring.")
    assert update(locales, "--locale", "en") == 0
    entries = pofile.read(path).entries
    ours = next(e for e in entries if e.msgid == "Wij spreken altijd vanuit eigen ervaring.")
    assert (ours.msgstr, ours.fuzzy, ours.previous_msgid) == \
        (theirs.msgstr, theirs.fuzzy, theirs.previous_msgid) == \
        (next(e.msgstr for e in entries if e.msgid == kept), True, kept)


@pytest.mark.parametrize("shape", ["many", "long"])
def test_update_stays_fast_on_a_catalogue_of_many_or_long_messages(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], shape: str) -> None:
    """The 44th pass: the search for fuzzy matches compared every new message with every old
    one in full: 2,000 messages of 30 words took a minute, one of 20 KB 30 s. It has a
    budget now; past it the new messages start untranslated, the old translations stay (as
    obsolete entries), and update says so. Nothing is lost; the bound a quadratic search
    would miss by minutes."""
    import random
    import time

    rng = random.Random(5)
    words = ["wij", "zijn", "samen", "elkaar", "ruimte", "respect", "grenzen", "mensen",
             "luisteren", "veilig", "open", "kracht", "verschil", "leren"]
    count, length = (2000, 30) if shape == "many" else (1, 8000)
    olds = [" ".join(rng.choice(words) for _ in range(length)) for _ in range(count)]
    news = [text.replace("e", "a") if shape == "long" else text.replace(" ", " x ", 1)
            for text in olds]
    header = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
              '"Language: pl\\n"\n"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && '
              'n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n')
    locales = tmp_path / "locales"
    (locales / "pl" / "LC_MESSAGES").mkdir(parents=True)
    (locales / "gedragscode.pot").write_text(header + "".join(
        f'\nmsgid "{text}"\nmsgstr ""\n' for text in news), encoding="utf-8")
    (locales / "pl" / "LC_MESSAGES" / "gedragscode.po").write_text(header + "".join(
        f'\nmsgid "{text}"\nmsgstr "PL {index}"\n' for index, text in enumerate(olds)),
        encoding="utf-8")
    started = time.perf_counter()
    assert update(locales, "--locale", "pl") == 0
    assert time.perf_counter() - started < 30
    written = pofile.read(locales / "pl" / "LC_MESSAGES" / "gedragscode.po")
    kept = {text for e in written.entries for text in e.translations()}
    assert kept >= {f"PL {index}" for index in range(count)}  # every translation is there
    assert "the search for fuzzy matches stopped" in capsys.readouterr().err


def test_the_nearly_same_message_among_many_old_ones_is_found(tmp_path: Path) -> None:
    """The 45th pass: 2,000 obsolete messages and eight template messages with one letter
    changed: the budget ran out before the nearly same ones were reached, and all eight
    started untranslated (msgmerge finds them). The closest are compared first now."""
    import random

    rng = random.Random(7)
    words = ["wij", "zijn", "samen", "elkaar", "ruimte", "respect", "grenzen", "mensen"]
    olds = [" ".join(rng.choice(words) for _ in range(30)) for _ in range(2000)]
    changed = [text[:-1] + "X" for text in olds[:8]]
    header = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
              '"Language: nl\\n"\n')
    locales = tmp_path / "locales"
    (locales / "pl" / "LC_MESSAGES").mkdir(parents=True)
    (locales / "gedragscode.pot").write_text(header + "".join(
        f'\nmsgid "{text}"\nmsgstr ""\n' for text in changed), encoding="utf-8")
    (locales / "pl" / "LC_MESSAGES" / "gedragscode.po").write_text(
        header.replace("nl", "pl") + "".join(
            f'\n#~ msgid "{text}"\n#~ msgstr "PL {index}"\n' for index, text in enumerate(olds)),
        encoding="utf-8")
    assert update(locales, "--locale", "pl") == 0
    written = pofile.read(locales / "pl" / "LC_MESSAGES" / "gedragscode.po")
    found = {e.msgid: e for e in written.entries if not e.obsolete}
    assert [(found[text].msgstr, found[text].fuzzy) for text in changed] == \
        [(f"PL {index}", True) for index in range(8)]


def test_the_likeness_of_two_messages_is_the_same_either_way_round(tmp_path: Path) -> None:
    """The 48th pass: difflib's likeness depends on which text comes first (0.61 one way,
    0.48 the other), so a new message msgmerge gives an old translation (fuzzy) got none.
    The greater of the two is taken; here as msgmerge --previous makes it."""
    header = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
              '"Language: en\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n')
    locales = tmp_path / "locales"
    (locales / "en" / "LC_MESSAGES").mkdir(parents=True)
    path = locales / "en" / "LC_MESSAGES" / "gedragscode.po"
    path.write_text(header + '\nmsgid "Wij praten met mensen, niet over mensen."\n'
                    'msgstr "We talk with people, not about people."\n', encoding="utf-8")
    (locales / "gedragscode.pot").write_text(
        header + '\nmsgid "Wij zijn allereerst mensen met al onze mooie kanten."\nmsgstr ""\n',
        encoding="utf-8")
    out = subprocess.run([require_tool("msgmerge"), "--previous", "-q", str(path),
                          str(locales / "gedragscode.pot")],
                         capture_output=True, text=True, check=True, timeout=60).stdout
    theirs = next(e for e in polib.pofile(out) if not e.obsolete)
    assert update(locales, "--locale", "en") == 0
    ours = next(e for e in pofile.read(path).entries if not e.obsolete)
    assert (ours.msgstr, ours.fuzzy, ours.previous_msgid) == \
        (theirs.msgstr, theirs.fuzzy, theirs.previous_msgid) == \
        ("We talk with people, not about people.", True,
         "Wij praten met mensen, niet over mensen.")


def test_badges_are_written_in_place_of_a_symlink_or_a_fifo(locales: Path, tmp_path: Path
                                                            ) -> None:
    """The 50th pass: `stats --format svg --output DIR` wrote through a symlink committed in
    the badges folder (a pull request could point it anywhere CI can write) and blocked on a
    FIFO. A badge replaces what stands in its place, whole."""
    out = tmp_path / "badges"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    (out / "en.svg").symlink_to(victim)
    os.mkfifo(out / "tr.svg")
    done = subprocess.run([sys.executable, "-m", "pelican_bij1code", "--locales", str(locales),
                           "stats", "--format", "svg", "--output", str(out)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert victim.read_text(encoding="utf-8") == "keep"
    for name in ("en.svg", "tr.svg"):
        assert (out / name).is_file() and not (out / name).is_symlink()
        assert (out / name).read_text(encoding="utf-8").startswith("<svg")


# -- the 64th hostile pass: init and update where another tool or person is at work ---------


@pytest.mark.parametrize("lang", ["it\n", "sv\t", " da", "de "])
def test_init_refuses_white_space_around_a_language_as_every_command_does(
        locales: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    status = (locales / "status.toml").read_bytes()
    assert init(locales, lang) == 2
    assert "is not a language tag" in capsys.readouterr().err
    assert not (locales / lang.strip()).exists()
    assert (locales / "status.toml").read_bytes() == status


def test_init_refuses_a_language_folder_that_points_outside(
        locales: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``de -> /tmp/outside``: init wrote the catalogue there, which check then refused."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (locales / "de").symlink_to(outside)
    status = (locales / "status.toml").read_bytes()
    assert init(locales, "de") == 2
    assert "points outside the locales folder" in capsys.readouterr().err
    assert not any(outside.iterdir())
    assert (locales / "status.toml").read_bytes() == status


def test_init_writes_a_linked_status_file_through_its_link(locales: Path) -> None:
    """A ``status.toml`` linked to a file of the folder stays a link; its target gets the line
    (init replaced the link by a file, and the target went stale)."""
    real = locales / "config" / "status.toml"
    real.parent.mkdir()
    shutil.move(locales / "status.toml", real)
    (locales / "status.toml").symlink_to(Path("config") / "status.toml")
    assert init(locales, "de") == 0
    assert (locales / "status.toml").is_symlink()
    assert 'de = "draft"' in real.read_text(encoding="utf-8")


def test_init_never_overwrites_a_status_file_saved_meanwhile(
        locales: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A colleague's save while init runs (here: right after init has read status.toml and
    made its new text) is kept, and init says so (it undid an unpublishing: es was
    published again, exit 0)."""
    from pelican_bij1code.catalogue import Locales

    status = locales / "status.toml"
    made = Locales.status_text

    def then_a_colleague_saves(self: Locales, lang: str, value: str) -> str:
        text = made(self, lang, value)
        status.write_text(status.read_text(encoding="utf-8").replace(
            'es = "published"', 'es = "draft"  # pulled: review found a problem'),
            encoding="utf-8")
        return text

    monkeypatch.setattr(Locales, "status_text", then_a_colleague_saves)
    assert init(locales, "de") == 2
    assert "changed on disk after it was read" in capsys.readouterr().err
    assert 'es = "draft"  # pulled' in status.read_text(encoding="utf-8")
    assert not (locales / "de" / "LC_MESSAGES" / "gedragscode.po").exists()


def test_init_never_overwrites_a_catalogue_another_tool_made_meanwhile(
        locales: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pelican_bij1code.catalogue import Locales

    made = Locales.status_text
    theirs = locales / "de" / "LC_MESSAGES" / "gedragscode.po"

    def then_msginit_writes(self: Locales, lang: str, value: str) -> str:
        theirs.parent.mkdir(parents=True, exist_ok=True)
        theirs.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n', encoding="utf-8")
        return made(self, lang, value)

    monkeypatch.setattr(Locales, "status_text", then_msginit_writes)
    status = (locales / "status.toml").read_bytes()
    assert init(locales, "de") == 2
    assert theirs.read_text(encoding="utf-8").endswith('"Language: de\\n"\n')
    assert (locales / "status.toml").read_bytes() == status


def test_update_counts_each_comment_and_translation_it_keeps(
        locales: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A comment two entries share, on an entry that leaves the template untranslated, or a
    plural form that is also another message's translation, was dropped: the proof looked
    for the text anywhere in the new file. Each is counted now: refused, nothing written."""
    path = locales / EN
    original = text = path.read_text(encoding="utf-8")
    todo = "# TODO: ask the board which word they prefer\n"
    text = text.replace('msgid "WIJ ZIJN BIJ1"', todo + 'msgid "WIJ ZIJN BIJ1"')
    text += f'\n{todo}msgid "Een zin die uit de tekst verdween."\nmsgstr ""\n'
    path.write_text(text, encoding="utf-8")
    assert update(locales, "--locale", "en") == 2
    assert "update would lose '# TODO: ask the board" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == text

    path.write_text(original, encoding="utf-8")
    path = _plural_en(locales, "We speak from our own experience.")  # another message's text
    before = path.read_bytes()
    assert update(locales, "--locale", "en") == 2
    assert "update would lose 'We speak from our own experience.'" in capsys.readouterr().err
    assert path.read_bytes() == before


@pytest.mark.parametrize("text", ['[stauts]\nen = "published"\n',
                                  '[status]\nen = "published"\n\n[extra]\nfy = "published"\n',
                                  '[status]\nen = "published"\n[meta.x]\nTR = "Draft"\n'])
def test_a_status_line_outside_the_status_table_is_an_error(
        locales: Path, text: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A misspelt table (``[stauts]``) left every language a draft, and check said "OK"
    with nothing checked; a status line in another table is an error at its line now."""
    (locales / "status.toml").write_text(text, encoding="utf-8")
    line = text.count("\n", 0, text.rindex(" = ")) + 1
    assert main(["--locales", str(locales), "check"]) == 2
    assert f"status.toml:{line}: " in capsys.readouterr().err
    (locales / "status.toml").write_text('[status]\nen = "published"\n[notes]\nby = "x"\n'
                                         'who = "the board"\n', encoding="utf-8")
    assert main(["--locales", str(locales), "check", "--locale", "en"]) == 0


def _date_the_template(locales: Path, date: str) -> None:
    """Give the template another POT-Creation-Date (as extract does after a Dutch edit)."""
    template = locales / "gedragscode.pot"
    pot = template.read_text(encoding="utf-8")
    old = next(line for line in pot.splitlines() if line.startswith('"POT-Creation-Date:'))
    template.write_text(pot.replace(old, f'"POT-Creation-Date: {date}\\n"'), encoding="utf-8")


@pytest.mark.parametrize("date", [None, "2026-11-27 13:53:07+0000"])
def test_update_keeps_every_header_line_when_it_sets_the_creation_date(
        locales: Path, date: str | None) -> None:
    """The 66th pass: with no POT-Creation-Date, or one of another length, the header was
    made afresh from its fields, and a line without a colon and the first of two fields of
    one name were gone, exit 0. Only the date changes now; the proof counts header lines."""
    path = locales / EN
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith('"POT-Creation-Date:'))
    extra = '"X-Generator: Poedit 3.4\\n"\n"X-Poedit-Note without colon\\n"\n'
    text = text.replace(old + "\n", (f'"POT-Creation-Date: {date}\\n"\n' if date else "")
                        + extra, 1)
    path.write_text(text, encoding="utf-8")
    _date_the_template(locales, "2026-11-28 10:00+0000")
    assert update(locales, "--locale", "en") == 0
    header = pofile.read(path).header
    assert header is not None
    lines = header.msgstr.split("\n")
    assert "X-Poedit-Note without colon" in lines and "X-Generator: Poedit 3.4" in lines
    assert "POT-Creation-Date: 2026-11-28 10:00+0000" in lines
    before = pofile.parse(text).header
    assert before is not None
    assert [line for line in lines if not line.startswith("POT-Creation-Date:")] == [
        line for line in before.msgstr.split("\n") if not line.startswith("POT-Creation-Date:")]


def test_an_entry_made_obsolete_keeps_its_escapes_as_gnu_writes_them(locales: Path) -> None:
    """The 66th pass: ``\\a \\b \\f \\v`` were written as raw control characters when an
    entry became obsolete, and polib could no longer read the file. GNU's escapes now."""
    path = locales / TR
    text = path.read_text(encoding="utf-8")
    msgid = "Wij praten met mensen, niet over mensen."
    old = next(line for line in text.split(f'msgid "{msgid}"\n', 1)[1].splitlines()
               if line.startswith("msgstr"))
    text = text.replace(old, 'msgstr "x\\a\\b\\f\\v\\r y"', 1)
    path.write_text(text, encoding="utf-8")
    edit_template(locales, msgid, None)
    assert update(locales, "--locale", "tr") == 0
    written = path.read_text(encoding="utf-8")
    assert '#~ msgstr "x\\a\\b\\f\\v\\r y"' in written
    assert not any(char in written for char in "\a\b\f\v")
    assert polib.pofile(str(path)).obsolete_entries()  # it read the file (polib keeps \a)
    assert any(e.msgstr == "x\a\b\f\v\r y" for e in pofile.read(path).entries if e.obsolete)


# -- the 69th hostile pass -------------------------------------------------------------------


@pytest.mark.parametrize("text", ['[[stauts]]\nen = "published"\n',
                                  'stauts = {en = "published"}\n',
                                  '[status]\nen = "published"\n[meta]\nx = {fy = "draft"}\n'])
def test_a_status_line_in_an_inline_table_or_array_is_an_error(
        locales: Path, text: str, capsys: pytest.CaptureFixture[str]) -> None:
    (locales / "status.toml").write_text(text, encoding="utf-8")
    assert main(["--locales", str(locales), "check"]) == 2
    assert "outside the [status] table" in capsys.readouterr().err


@pytest.mark.parametrize("note", ["X-Note: plural=n+5;", "X-Note: nplurals=1;"])
def test_a_plural_rule_outside_plural_forms_is_an_error_as_msgfmt_reads_it(
        locales: Path, note: str) -> None:
    """msgfmt takes the first ``plural=`` and ``nplurals=`` in the whole header."""
    path = locales / EN
    text = path.read_text(encoding="utf-8")
    text = text.replace('"Plural-Forms:', f'"{note}\\n"\n"Plural-Forms:', 1)
    path.write_text(text, encoding="utf-8")
    assert subprocess.run([require_tool("msgfmt"), "-c", "-o", os.devnull, str(path)],
                          capture_output=True).returncode != 0
    assert "header-plural" in [p["code"] for p in check_json(locales, "en")]


@pytest.mark.parametrize("spelling", ["pot-creation-date:", "POT-Creation-Date :"])
def test_update_sets_a_creation_date_spelled_otherwise_once(locales: Path,
                                                            spelling: str) -> None:
    path = locales / EN
    text = path.read_text(encoding="utf-8").replace('"POT-Creation-Date:', f'"{spelling}', 1)
    path.write_text(text, encoding="utf-8")
    _date_the_template(locales, "2026-11-28 10:00+0000")
    assert update(locales, "--locale", "en") == 0
    header = pofile.read(path).header
    assert header is not None
    dates = [line for line in header.msgstr.split("\n")
             if line.partition(":")[0].strip().casefold() == "pot-creation-date"]
    assert dates == ["POT-Creation-Date: 2026-11-28 10:00+0000"]
    assert "header" not in " ".join(str(p["code"]) for p in check_json(locales, "en"))


def test_extract_never_reads_a_template_linked_outside(locales: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    outside = tmp_path / "outside.pot"
    shutil.move(locales / "gedragscode.pot", outside)
    (locales / "gedragscode.pot").symlink_to(outside)
    before = outside.read_bytes()
    assert main(["--locales", str(locales), "extract"]) == 2
    assert "points outside the locales folder" in capsys.readouterr().err
    assert outside.read_bytes() == before and (locales / "gedragscode.pot").is_symlink()
