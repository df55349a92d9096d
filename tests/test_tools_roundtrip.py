"""Round trips through the tools translators and maintainers already use (issue 11).

Each test works on a copy of the shipped ``locales/``, lets a real tool read and write it (GNU
gettext's msgmerge, msginit, msgcat and msgattrib; Babel's ``pybabel``; translate-toolkit, the
writer behind Weblate; polib; a Poedit-style save), and then asks three things:

- ``bij1code check`` gives the right verdict for what the tool wrote;
- ``bij1code update`` keeps every translation (read back with polib, an independent reader);
- a second ``update`` changes no byte.

A Dutch edit is simulated on a copy of the package (the master is read from the package, so
``extract`` runs from that copy); the shipped master is never touched.
"""

from __future__ import annotations

import fnmatch
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import polib
import pytest
from conftest import ROOT, require_tool, run_cli

DOMAIN = "gedragscode"
CHANGED_OLD = "Wij spreken vanuit eigen ervaring."
CHANGED_NEW = "Wij spreken altijd vanuit eigen ervaring."
REMOVED = "Wij praten met mensen, niet over mensen."

# -- helpers ---------------------------------------------------------------------------------


def po_path(locales: Path, lang: str) -> Path:
    return locales / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def translations(path: Path) -> set[str]:
    """Every non-empty translation in a file, active or obsolete, each plural form too.

    Texts only: a translation kept under a changed msgid (fuzzy) or as obsolete is kept.
    """
    found = set()
    for entry in polib.pofile(str(path)):
        if entry.msgid:
            found.update(text for text in (entry.msgstr, *entry.msgstr_plural.values())
                         if text)
    return found


def all_translations(locales: Path) -> dict[str, set[str]]:
    return {po.parent.parent.name: translations(po)
            for po in sorted(locales.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))}


def snapshot(locales: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(locales.rglob("*")) if p.is_file()}


def check(locales: Path, *args: str, cwd: Path | None = None) -> tuple[int, dict[str, Any]]:
    """``bij1code check --format json``: the exit code and the report of each language."""
    result = run_cli("--locales", str(locales), "check", "--format", "json", *args, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    return result.returncode, {r["locale"]: r for r in json.loads(result.stdout)}


def codes(report: dict[str, Any]) -> list[str]:
    return [p["code"] for p in report["problems"]]


def update_keeps_everything(locales: Path, cwd: Path | None = None) -> None:
    """``update`` keeps every translation; a second ``update`` changes no byte."""
    before = all_translations(locales)
    first = run_cli("--locales", str(locales), "update", cwd=cwd)
    assert first.returncode == 0, first.stderr
    after = all_translations(locales)
    for lang, kept in before.items():
        lost = kept - after[lang]
        assert not lost, f"update lost {lang} translations: {sorted(lost)[:3]}"
    files = snapshot(locales)
    second = run_cli("--locales", str(locales), "update", cwd=cwd)
    assert second.returncode == 0, second.stderr
    assert snapshot(locales) == files, "a second update changed bytes"
    for po in locales.glob(f"*/LC_MESSAGES/{DOMAIN}.po"):
        msgfmt(po)


def msgfmt(path: Path) -> None:
    result = subprocess.run([require_tool("msgfmt"), "-c", "-o", os.devnull, str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def pybabel(*args: str) -> None:
    """Babel's command line, from the Babel this interpreter has."""
    result = subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def gettext(tool: str, *args: str, cwd: Path | None = None) -> None:
    result = subprocess.run([require_tool(tool), *args], capture_output=True, text=True,
                            cwd=cwd, timeout=120)
    assert result.returncode == 0, result.stderr


def dutch_edit(locales: Path, package: Path) -> None:
    """``bij1code extract`` run from a package whose master was edited (see edited_package)."""
    result = run_cli("--locales", str(locales), "extract", cwd=package)
    assert result.returncode == 0, result.stderr
    pot = (locales / f"{DOMAIN}.pot").read_text(encoding="utf-8")
    assert CHANGED_NEW in pot and REMOVED not in pot  # the copy's master was read


def finish_fuzzy(path: Path) -> None:
    """What a translator does: check each fuzzy entry, then clear its flag and old Dutch."""
    po = polib.pofile(str(path), wrapwidth=77)
    for entry in po:
        if "fuzzy" in entry.flags and entry.msgid and not entry.obsolete:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
    po.save()


def new_language(locales: Path, lang: str) -> Path:
    """Where a new language's catalogue goes; it must be new (the repository lacks it)."""
    assert not (locales / lang).exists(), f"{lang} is in the repository: pick another"
    return po_path(locales, lang)


def draft_ok(locales: Path, lang: str) -> None:
    """A new language is a draft: reported, never failing CI, never rendered."""
    code, reports = check(locales)
    assert reports[lang]["status"] == "draft", reports[lang]
    assert code == 0, reports[lang]
    code, _ = check(locales, "--strict")
    assert code == 0
    result = run_cli("--locales", str(locales), "render", lang)
    assert result.returncode == 1 and "draft" in result.stderr
    stats = run_cli("--locales", str(locales), "stats", "--format", "json")
    row = next(r for r in json.loads(stats.stdout) if r["locale"] == lang)
    assert row["status"] == "draft" and row["translated"] == 0


@pytest.fixture
def edited_package(tmp_path: Path) -> Path:
    """A copy of the package whose Dutch master has one block changed and one removed.

    Commands run with this folder as their working directory import the copy (``python -m``
    puts the working directory first on the path).
    """
    home = tmp_path / "edited"
    shutil.copytree(ROOT / "pelican_bij1code", home / "pelican_bij1code",
                    ignore=shutil.ignore_patterns("__pycache__", "locales"))
    master = home / "pelican_bij1code" / "gedragscode.nl.md"
    text = master.read_text(encoding="utf-8")
    assert f"* {CHANGED_OLD}\n" in text and f"* {REMOVED}\n" in text
    text = text.replace(f"* {CHANGED_OLD}\n", f"* {CHANGED_NEW}\n")
    master.write_text(text.replace(f"* {REMOVED}\n", ""), encoding="utf-8")
    return home


# -- translate-toolkit, as Weblate loads and saves ---------------------------------------------


WEBLATE_HEADERS = {
    "PO_Revision_Date": "2026-11-27 13:00+0000",
    "Last_Translator": "Anonymous <noreply@weblate.org>",
    "Language_Team": "Turkish <https://hosted.weblate.org/projects/bij1/gedragscode/tr/>",
    "X_Generator": "Weblate 5.8",
}


@pytest.mark.parametrize("width", [77, 65535])
def test_weblate_save(locales: Path, width: int) -> None:
    """translate-toolkit load and save with Weblate's wrapping and headers, one unit edited."""
    from translate.storage import pypo

    path = po_path(locales, "tr")
    store = pypo.pofile.parsefile(str(path))
    store.wrapper.width = width  # Weblate's po_line_wrap: 77 by default, 65535 = no wrap
    unit = next(u for u in store.units if u.source == CHANGED_OLD)
    unit.target = unit.target + " "  # a translator's edit, then undone: the save is the point
    unit.target = unit.target.rstrip()
    store.updateheader(add=True, **WEBLATE_HEADERS)
    path.write_bytes(bytes(store))
    text = path.read_text(encoding="utf-8")
    assert "X-Generator: Weblate 5.8" in text
    if width == 77:
        assert max(len(line) for line in text.splitlines() if line.startswith('"')) <= 79
    msgfmt(path)
    code, reports = check(locales, "--strict")
    assert code == 0 and reports["tr"]["problems"] == []
    update_keeps_everything(locales)


def test_weblate_needs_editing_takes_the_language_off(locales: Path) -> None:
    """A unit marked "Needs editing" in Weblate is fuzzy: the published language fails."""
    from translate.storage import pypo

    path = po_path(locales, "tr")
    store = pypo.pofile.parsefile(str(path))
    unit = next(u for u in store.units if u.source == CHANGED_OLD)
    unit.markfuzzy(True)
    path.write_bytes(bytes(store))
    code, reports = check(locales)
    assert code == 1 and "fuzzy" in codes(reports["tr"])
    assert run_cli("--locales", str(locales), "render", "tr").returncode == 1
    update_keeps_everything(locales)


def test_weblate_start_new_translation(locales: Path) -> None:
    """Weblate's "Start new translation": the template, with Weblate's headers."""
    from translate.storage import pypo

    store = pypo.pofile.parsefile(str(locales / f"{DOMAIN}.pot"))
    store.updateheader(add=True, Language="fr", Plural_Forms="nplurals=2; plural=n > 1;",
                       **WEBLATE_HEADERS)
    store.header().markfuzzy(False)
    target = new_language(locales, "fr")
    target.parent.mkdir(parents=True)
    target.write_bytes(bytes(store))
    msgfmt(target)
    draft_ok(locales, "fr")
    update_keeps_everything(locales)


# -- GNU gettext -----------------------------------------------------------------------------


@pytest.mark.parametrize("previous", [True, False])
def test_msgmerge_update_after_a_dutch_edit(locales: Path, edited_package: Path,
                                            previous: bool) -> None:
    dutch_edit(locales, edited_package)
    tr = po_path(locales, "tr")
    before = translations(tr)
    gettext("msgmerge", "--quiet", "--update", *(["--previous"] if previous else []),
            str(tr), str(locales / f"{DOMAIN}.pot"))
    text = tr.read_text(encoding="utf-8")
    assert ("#| msgid" in text) is previous
    assert before <= translations(tr)
    # msgmerge's backup is ignored by git
    backup = tr.with_name(tr.name + "~")
    assert backup.is_file()
    patterns = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert any(fnmatch.fnmatch(backup.name, p) for p in patterns)
    backup.unlink()
    code, reports = check(locales, "--locale", "tr", cwd=edited_package)
    assert code == 1 and "fuzzy" in codes(reports["tr"])
    update_keeps_everything(locales, cwd=edited_package)
    finish_fuzzy(tr)
    assert "#|" not in tr.read_text(encoding="utf-8")
    code, reports = check(locales, "--locale", "tr", cwd=edited_package)
    assert code == 0, reports["tr"]


def test_msgcat_rewrite(locales: Path) -> None:
    tr = po_path(locales, "tr")
    out = tr.with_name("out.po")
    gettext("msgcat", "--width=60", "-o", str(out), str(tr))
    out.replace(tr)
    code, reports = check(locales, "--strict")
    assert code == 0 and reports["tr"]["problems"] == []
    update_keeps_everything(locales)


def test_msgattrib_no_obsolete(locales: Path, edited_package: Path) -> None:
    """After a Dutch edit the old text is obsolete; a maintainer may drop it with msgattrib."""
    dutch_edit(locales, edited_package)
    assert run_cli("--locales", str(locales), "update", cwd=edited_package).returncode == 0
    tr = po_path(locales, "tr")
    assert "#~ msgid" in tr.read_text(encoding="utf-8")
    gettext("msgattrib", "--no-obsolete", "-o", str(tr), str(tr))
    assert "#~" not in tr.read_text(encoding="utf-8")
    finish_fuzzy(tr)
    code, reports = check(locales, "--locale", "tr", "--strict", cwd=edited_package)
    assert code == 0, reports["tr"]
    update_keeps_everything(locales, cwd=edited_package)


@pytest.mark.parametrize("lang", ["fr", "it", "pt"])
def test_msginit_new_language(locales: Path, lang: str) -> None:
    target = new_language(locales, lang)
    target.parent.mkdir(parents=True)
    gettext("msginit", "--no-translator", "--locale", f"{lang}.UTF-8",
            "-i", str(locales / f"{DOMAIN}.pot"), "-o", str(target))
    assert f"Language: {lang}" in target.read_text(encoding="utf-8")
    draft_ok(locales, lang)
    update_keeps_everything(locales)


# -- Babel -----------------------------------------------------------------------------------


def test_pybabel_update_after_a_dutch_edit(locales: Path, edited_package: Path) -> None:
    dutch_edit(locales, edited_package)
    pybabel("update", "-i", str(locales / f"{DOMAIN}.pot"), "-d", str(locales),
            "-D", DOMAIN, "-l", "tr")
    tr = po_path(locales, "tr")
    assert "#|" not in tr.read_text(encoding="utf-8")  # no --previous: old Dutch not shown
    code, reports = check(locales, "--locale", "tr", cwd=edited_package)
    assert code == 1 and "fuzzy" in codes(reports["tr"])
    update_keeps_everything(locales, cwd=edited_package)
    finish_fuzzy(tr)
    code, reports = check(locales, "--locale", "tr", cwd=edited_package)
    assert code == 0, reports["tr"]


def test_pybabel_init_new_language(locales: Path) -> None:
    new_language(locales, "de")
    pybabel("init", "-i", str(locales / f"{DOMAIN}.pot"), "-d", str(locales), "-D", DOMAIN,
            "-l", "de")
    assert po_path(locales, "de").is_file()
    draft_ok(locales, "de")
    update_keeps_everything(locales)


# -- polib and Poedit ------------------------------------------------------------------------


def test_polib_save(locales: Path) -> None:
    tr = po_path(locales, "tr")
    polib.pofile(str(tr)).save()
    code, reports = check(locales, "--strict")
    assert code == 0 and reports["tr"]["problems"] == []
    update_keeps_everything(locales)


def poedit_save(path: Path, needs_work: str | None) -> None:
    """Save as Poedit 3 does: its headers, gettext's wrapping at 79, one entry "Needs work"."""
    po = polib.pofile(str(path), wrapwidth=79)
    po.metadata["PO-Revision-Date"] = "2026-11-27 14:00+0100"
    po.metadata["Last-Translator"] = "Vertaler <vertaler@example.org>"
    po.metadata["X-Generator"] = "Poedit 3.4.2"
    po.metadata["X-Poedit-SourceCharset"] = "UTF-8"
    for entry in po:
        if entry.msgid == needs_work:
            entry.flags.append("fuzzy")
    po.save()


def test_poedit_save(locales: Path) -> None:
    tr = po_path(locales, "tr")
    poedit_save(tr, None)
    assert "X-Generator: Poedit 3.4.2" in tr.read_text(encoding="utf-8")
    code, reports = check(locales, "--strict")
    assert code == 0 and reports["tr"]["problems"] == []
    update_keeps_everything(locales)


def test_poedit_needs_work_takes_the_language_off(locales: Path) -> None:
    """One entry "Needs work": a published language fails the check and is not rendered."""
    tr = po_path(locales, "tr")
    poedit_save(tr, CHANGED_OLD)
    code, reports = check(locales)
    assert code == 1 and codes(reports["tr"]) == ["fuzzy"]
    problem = reports["tr"]["problems"][0]
    lines = tr.read_text(encoding="utf-8").splitlines()
    flag = lines.index(f'msgid "{CHANGED_OLD}"') - 1
    assert lines[flag] == "#, fuzzy"  # Poedit's "Needs work", as polib writes it
    assert flag - 3 <= problem["line"] - 1 <= flag + 1  # the finding points at that entry
    assert run_cli("--locales", str(locales), "render", "tr").returncode == 1
    preview = run_cli("--locales", str(locales), "render", "tr", "--preview", "--format", "txt")
    assert preview.returncode == 0 and "BIJ1" in preview.stdout
    update_keeps_everything(locales)


# -- a Dutch edit, end to end ----------------------------------------------------------------


def published(locales: Path) -> set[str]:
    """The translations declared published in the folder's status.toml."""
    table = tomllib.loads((locales / "status.toml").read_text(encoding="utf-8"))["status"]
    return {lang for lang, status in table.items() if status == "published"}


def readme_ci(locales: Path, cwd: Path) -> list[str]:
    """The README's CI steps (check --strict, msgfmt -c on every catalogue): what failed."""
    failed = []
    result = run_cli("check", "--locales", str(locales), "--format", "github", "--strict",
                     cwd=cwd)
    if result.returncode != 0:
        failed.append(f"check --strict: {result.stdout}{result.stderr}")
    for po in sorted(locales.glob("*/LC_MESSAGES/*.po")):
        fmt = subprocess.run([require_tool("msgfmt"), "-c", "-o", os.devnull, str(po)],
                             capture_output=True, text=True)
        if fmt.returncode != 0:
            failed.append(f"msgfmt -c {po}: {fmt.stderr}")
    return failed


def test_dutch_edit_extract_update_fix_then_ci_fails_until_fixed(
        locales: Path, edited_package: Path) -> None:
    before = all_translations(locales)
    assert readme_ci(locales, edited_package)  # the template is behind the master
    extract = run_cli("--locales", str(locales), "extract", cwd=edited_package)
    assert extract.returncode == 0, extract.stderr
    pot = (locales / f"{DOMAIN}.pot").read_text(encoding="utf-8")
    assert CHANGED_NEW in pot and REMOVED not in pot  # the copy's master was read
    update_keeps_everything(locales, cwd=edited_package)
    # every old translation is still there for translators: fuzzy, or obsolete
    after = all_translations(locales)
    for lang, kept in before.items():
        assert kept <= after[lang], lang
    en = polib.pofile(str(po_path(locales, "en")))
    changed = en.find(CHANGED_NEW)
    assert changed is not None and changed.fuzzy and changed.previous_msgid == CHANGED_OLD
    removed = en.find(REMOVED, include_obsolete_entries=True)
    assert removed is not None and removed.obsolete and removed.msgstr
    # until translators have looked, CI fails for the published languages
    code, reports = check(locales, cwd=edited_package)
    assert code == 1
    assert {lang for lang, r in reports.items() if r["status"] == "published"
            and "fuzzy" in codes(r)} == published(locales)


def test_dutch_edit_then_translators_fix_and_readme_ci_passes(
        locales: Path, edited_package: Path) -> None:
    assert run_cli("--locales", str(locales), "extract", cwd=edited_package).returncode == 0
    assert run_cli("--locales", str(locales), "update", cwd=edited_package).returncode == 0
    removed = {lang: next(e.msgstr for e in polib.pofile(str(po_path(locales, lang)))
                          if e.msgid == REMOVED)
               for lang in published(locales)}
    for lang in published(locales):
        finish_fuzzy(po_path(locales, lang))
    assert readme_ci(locales, edited_package) == []
    # the removed message's translation is still in the file, obsolete, for translators
    for lang, text in removed.items():
        entry = polib.pofile(str(po_path(locales, lang))).find(
            REMOVED, include_obsolete_entries=True)
        assert entry is not None and entry.obsolete and entry.msgstr == text
    update_keeps_everything(locales, cwd=edited_package)


# -- commands that write never write into an installed package (issue 11 item 9) -------------


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Path:
    """A venv with the package installed from a built wheel (not editable): its bin folder."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                   check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--no-deps",
                    "--no-index", "-q", str(wheel)], check=True, timeout=300)
    return venv / "bin"


def test_writing_commands_never_write_into_the_installed_package(installed: Path,
                                                                 tmp_path: Path) -> None:
    away = tmp_path / "away"
    away.mkdir()

    def bij1code(*args: str, cwd: Path = away) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(installed / "bij1code"), *args], cwd=cwd,
                              capture_output=True, text=True, timeout=120)

    package = Path(subprocess.run(
        [str(installed / "python"), "-c", "import pelican_bij1code; "
                                          "print(pelican_bij1code.__file__)"],
        cwd=away, capture_output=True, text=True, check=True).stdout.strip()).parent
    assert str(installed.parent) in str(package)  # the wheel's copy, not the checkout

    def files() -> dict[Path, bytes]:
        return {p: p.read_bytes() for p in sorted(package.rglob("*"))
                if p.is_file() and "__pycache__" not in p.parts}

    before = files()
    (away / "link").symlink_to(package / "locales")
    for command in (["extract"], ["update"], ["init", "it"]):
        # no ./locales here: refused, asking for --locales
        result = bij1code(*command)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "--locales" in result.stderr and "Traceback" not in result.stderr
        # the package's folder, named outright, through a symlink, or as ./locales: refused
        for args, cwd in (([f"--locales={package / 'locales'}"], away),
                          (["--locales", "link"], away), ([], package)):
            result = bij1code(*args, *command, cwd=cwd)
            assert result.returncode == 2, (args, cwd, result.stdout + result.stderr)
            assert "installed package" in result.stderr and "Traceback" not in result.stderr
    assert files() == before
    # reading commands still read the shipped catalogues
    stats = bij1code("stats", "--format", "json")
    assert stats.returncode == 0 and {r["locale"] for r in json.loads(stats.stdout)} >= {"tr"}
    # a site's repository with its own ./locales: the writing commands use it
    site = tmp_path / "site"
    shutil.copytree(package / "locales", site / "locales")
    result = bij1code("init", "it", cwd=site)
    assert result.returncode == 0, result.stderr
    assert po_path(site / "locales", "it").is_file()
    assert bij1code("extract", cwd=site).returncode == 0
    assert bij1code("update", cwd=site).returncode == 0
    assert files() == before


def test_writing_commands_use_the_checkout_locales_from_its_root(tmp_path: Path) -> None:
    """An editable install run from the repository's root finds ./locales (probed with an
    ``init`` that refuses, so the checkout is never written); elsewhere it asks."""
    result = run_cli("init", "en", cwd=ROOT)
    assert result.returncode == 2
    assert "locales/en/LC_MESSAGES/gedragscode.po already exists" in result.stderr
    result = run_cli("init", "en", cwd=tmp_path)
    assert result.returncode == 2 and "--locales" in result.stderr


# -- update keeps the layout a tool wrote (issue 11 item 5) ------------------------------------


def _weblate_save(locales: Path) -> None:
    from translate.storage import pypo

    path = po_path(locales, "tr")
    store = pypo.pofile.parsefile(str(path))
    store.wrapper.width = 77
    store.updateheader(add=True, **WEBLATE_HEADERS)
    path.write_bytes(bytes(store))


def _pybabel_update(locales: Path) -> None:
    pybabel("update", "-i", str(locales / f"{DOMAIN}.pot"), "-d", str(locales), "-D", DOMAIN,
            "-l", "tr")


SAVES = {
    "weblate": _weblate_save,
    "msgcat": lambda locales: gettext("msgcat", "--width=60", "-o", str(po_path(locales, "tr")),
                                      str(po_path(locales, "tr"))),
    "msgmerge": lambda locales: gettext("msgmerge", "--quiet", "--update", "--backup=off",
                                        str(po_path(locales, "tr")),
                                        str(locales / f"{DOMAIN}.pot")),
    "polib": lambda locales: polib.pofile(str(po_path(locales, "tr"))).save(),
    "poedit": lambda locales: poedit_save(po_path(locales, "tr"), None),
    "pybabel": _pybabel_update,
}


@pytest.mark.parametrize("tool", [
    "weblate", "msgcat", "msgmerge",
    "polib", "poedit",
    "pybabel",
])
def test_update_keeps_the_layout_a_tool_wrote(locales: Path, tool: str) -> None:
    """After a tool's save, with the template unchanged, ``update`` rewraps no string."""
    SAVES[tool](locales)
    path = po_path(locales, "tr")
    written = path.read_text(encoding="utf-8").splitlines()
    assert run_cli("--locales", str(locales), "update", "--locale", "tr").returncode == 0
    after = path.read_text(encoding="utf-8").splitlines()

    def strings(lines: list[str]) -> list[str]:
        return [line for line in lines if line.startswith(("msg", '"'))]

    assert strings(after) == strings(written)


# -- Windows editors: CRLF line endings, a byte-order mark (issue 11 items 4, 11) ---------------


def test_crlf_file_as_windows_editors_save_it(locales: Path) -> None:
    path = po_path(locales, "tr")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    msgfmt(path)
    code, reports = check(locales, "--locale", "tr", "--strict")
    assert code == 0, reports["tr"]
    crlf = path.read_bytes()
    assert run_cli("--locales", str(locales), "update").returncode == 0
    assert path.read_bytes() == crlf  # nothing to merge: not rewritten, endings kept
    update_keeps_everything(locales)


def test_byte_order_mark_is_refused_like_msgfmt(locales: Path) -> None:
    path = po_path(locales, "tr")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    fmt = subprocess.run([require_tool("msgfmt"), "-c", "-o", os.devnull, str(path)],
                         capture_output=True, text=True)
    assert fmt.returncode != 0  # GNU gettext refuses it: the README's CI step would fail
    code, reports = check(locales, "--locale", "tr")
    assert code == 1 and reports["tr"]["problems"]
    assert reports["tr"]["problems"][0]["line"] == 1


# -- a language started by another tool, end to end (issue 11 item 3) --------------------------


@pytest.mark.parametrize("tool", ["msginit", "pybabel", "weblate"])
def test_new_language_from_a_tool_is_a_draft_until_published(
        locales: Path, build_site: Any, tool: str) -> None:
    """Started, fully translated (English stands in for French here), still a draft: CI
    passes and pages show the Dutch; declared published, pages show it."""
    target = new_language(locales, "fr")
    pot = str(locales / f"{DOMAIN}.pot")
    if tool == "msginit":
        target.parent.mkdir(parents=True)
        gettext("msginit", "--no-translator", "--locale=fr", "-i", pot, "-o", str(target))
    elif tool == "pybabel":
        pybabel("init", "-i", pot, "-d", str(locales), "-D", DOMAIN, "-l", "fr")
    else:
        from translate.storage import pypo

        store = pypo.pofile.parsefile(pot)
        store.updateheader(add=True, Language="fr", Plural_Forms="nplurals=2; plural=n > 1;",
                           **WEBLATE_HEADERS)
        store.header().markfuzzy(False)
        target.parent.mkdir(parents=True)
        target.write_bytes(bytes(store))
    english = {e.msgid: e.msgstr for e in polib.pofile(str(po_path(locales, "en")))}
    po = polib.pofile(str(target))
    for entry in po:
        entry.msgstr = english[entry.msgid]
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save()
    msgfmt(target)
    status_toml = (locales / "status.toml").read_text(encoding="utf-8")
    assert "fr" not in tomllib.loads(status_toml)["status"]  # the tool did not list it

    code, reports = check(locales, "--strict")
    assert reports["fr"]["status"] == "draft" and reports["fr"]["percent"] == 100.0
    assert code == 0
    site = build_site({"pages/code.md": "Title: Code\nSlug: code\nLang: fr\n\n[gedragscode]\n"},
                      BIJ1CODE_LOCALES_DIR=str(locales), DEFAULT_LANG="fr")
    [code_section] = site.codes("pages/code.html")
    assert code_section["lang"] == "nl"  # the draft is never rendered: the Dutch is
    assert any("draft" in w for w in site.warnings), site.warnings

    with (locales / "status.toml").open("a", encoding="utf-8") as status:
        status.write('fr = "published"\n')
    code, reports = check(locales, "--strict")
    assert reports["fr"]["status"] == "published" and code == 0, reports["fr"]
    site = build_site({"pages/code.md": "Title: Code\nSlug: code\nLang: fr\n\n[gedragscode]\n"},
                      BIJ1CODE_LOCALES_DIR=str(locales), DEFAULT_LANG="fr")
    [code_section] = site.codes("pages/code.html")
    assert code_section["lang"] == "fr"
    assert "WE ARE BIJ1" in code_section.get_text()
