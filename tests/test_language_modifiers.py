"""POSIX locale modifiers keep their meaning (issue 9, hostile tester): a folder ``sr@latin``
is Serbian in Latin script everywhere: ``lang="sr-Latn"``, found for ``sr-Latn``, ``sr_Latn``
and ``sr@latin``, named and directed as CLDR says, and its ``Language`` header fits
``sr@latin`` and ``sr_Latn`` (never ``sr`` or ``sr_Cyrl``). The same for every modifier glibc
uses (its SUPPORTED list is read where installed) and the BCP 47 tags pages carry."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel import Locale, localedata
from conftest import msginit

from pelican_bij1code import languages
from pelican_bij1code.catalogue import Locales, is_language_folder
from pelican_bij1code.cli import main
from pelican_bij1code.plugin import text_direction
from pelican_bij1code.render import html_lang

GLIBC_SUPPORTED = Path("/usr/share/i18n/SUPPORTED")

#: glibc's modifiers (and gettext's, KDE's) and what they mean in BCP 47.
MODIFIERS = {
    "sr@latin": "sr-Latn", "sr_RS@latin": "sr-Latn-RS", "sr@cyrillic": "sr-Cyrl",
    "uz_UZ@cyrillic": "uz-Cyrl-UZ", "be_BY@latin": "be-Latn-BY",
    "ks_IN@devanagari": "ks-Deva-IN", "sd_IN@devanagari": "sd-Deva-IN",
    "tt_RU@iqtelif": "tt-Latn-RU", "ca_ES@valencia": "ca-ES-valencia",
    "ca@valencia": "ca-valencia", "aa_ER@saaho": "aa-ER-saaho", "be@tarask": "be-tarask",
    "de_DE@euro": "de-DE", "en@shaw": "en-Shaw", "gez_ER@abegede": "gez-ER-x-abegede",
    "en@quot": "en-x-quot", "sr@ijekavian": "sr-ijekavsk",
    "sr@ijekavianlatin": "sr-Latn-ijekavsk",
}


@pytest.mark.parametrize(("folder", "tag"), MODIFIERS.items())
def test_a_modifier_becomes_the_bcp47_subtag_it_means(folder: str, tag: str) -> None:
    assert is_language_folder(folder)
    assert languages.bcp47(folder) == html_lang(folder) == tag
    assert languages.bcp47(tag) == tag  # a page's Lang: reads back as itself


def test_every_glibc_modifier_keeps_its_meaning() -> None:
    """Every ``@modifier`` locale glibc ships: a valid folder name, and the modifier is a
    script, a variant or a private-use subtag in the HTML lang; only ``@euro`` (a currency)
    says nothing about the language."""
    if not GLIBC_SUPPORTED.is_file():
        pytest.skip("glibc's list of locales is not installed (the locales package)")
    names = {line.split()[0].partition(".")[0] for line in
             GLIBC_SUPPORTED.read_text(encoding="utf-8").splitlines() if "@" in line}
    assert len(names) > 10
    for name in names:
        base, _, modifier = name.partition("@")
        tag = languages.parse(name)
        assert tag is not None and is_language_folder(name), name
        if modifier == "euro":
            assert str(tag) == html_lang(base), name
            continue
        assert str(tag) != str(languages.parse(base)), name  # the modifier is not lost


@pytest.mark.parametrize("folder", [f for f, t in MODIFIERS.items()
                                    if getattr(languages.parse(f), "script", None)])
def test_name_and_direction_agree_with_cldr(folder: str) -> None:
    """Where CLDR has the locale a modifier names (sr_Latn, uz_Cyrl, ks_Deva, en_Shaw), our
    name and direction are Babel's for it."""
    tag = MODIFIERS[folder]
    try:
        cldr = Locale.parse(tag, sep="-")
    except ValueError:
        pytest.skip(f"CLDR has no {tag}")
    parts = languages.parse(folder)
    assert parts is not None
    if (parts.script or None) != cldr.script and parts.script is not None:
        pytest.skip(f"CLDR has no {tag} with its script")
    expected = cldr.get_display_name("en")
    assert expected is not None
    assert languages.name(folder, "en") == expected[:1].upper() + expected[1:]
    assert languages.direction(folder) == ("rtl" if cldr.character_order == "right-to-left"
                                           else "ltr")


def test_direction_agrees_with_cldr_for_every_locale_it_has() -> None:
    """Differential: every CLDR locale Babel ships (``ks`` and ``ks_Deva``, ``pa`` and
    ``pa_Arab``, ``uz_Arab``...), its character order against ours, from the tag alone."""
    wrong = []
    for identifier in localedata.locale_identifiers():
        if identifier == "root":
            continue
        parts = identifier.split("_")
        if len(parts) > 1 and len(parts[1]) != 4:
            continue  # a region only: its direction is its language's
        expected = Locale.parse(identifier).character_order
        ours = languages.direction(identifier)
        if ours != ("rtl" if expected == "right-to-left" else "ltr"):
            wrong.append((identifier, ours, expected))
    assert not wrong, wrong


def test_direction_of_a_tag_follows_the_script_it_names() -> None:
    assert [languages.direction(t) for t in ("ks", "ks@devanagari", "ks-Deva", "sd_IN@devanagari",
                                             "pa", "pa-Arab", "uz@cyrillic", "uz-Arab")] == [
        "rtl", "ltr", "ltr", "ltr", "ltr", "rtl", "ltr", "rtl"]
    assert text_direction("ks-Deva") == "ltr" and text_direction("ks") == "rtl"  # themes


@pytest.mark.parametrize(("declared", "folder", "fits"), [
    ("sr@latin", "sr@latin", True), ("sr_Latn", "sr@latin", True), ("sr-Latn", "sr@latin", True),
    ("sr_RS@latin", "sr@latin", True), ("sr@latin", "sr_Latn", True), ("sr_Latn", "sr_Latn", True),
    ("sr", "sr@latin", False), ("sr_Cyrl", "sr@latin", False), ("sr@cyrillic", "sr@latin", False),
    ("hr", "sr@latin", False), ("sr_Cyrl", "sr_Latn", False), ("sr", "sr_Latn", False),
    ("ca_ES@valencia", "ca@valencia", True), ("ca@valencia", "ca_ES@valencia", False),
    ("ca-valencia", "ca@valencia", True), ("ca", "ca@valencia", False),
    ("ks_Deva", "ks@devanagari", True), ("ks", "ks@devanagari", False),
    ("zh_Hans_CN", "zh_CN", True), ("fil_PH", "tl", True), ("pt", "pt_BR", False),
])
def test_language_header_fit(declared: str, folder: str, fits: bool) -> None:
    assert languages.same_language(declared, folder) is fits


def test_find_by_meaning_then_narrowing(tmp_path: Path) -> None:
    for name in ("sr@latin", "sr", "ca@valencia", "pt_BR"):
        (tmp_path / name / "LC_MESSAGES").mkdir(parents=True)
        (tmp_path / name / "LC_MESSAGES" / "gedragscode.po").write_text("", encoding="utf-8")
    locales = Locales(tmp_path)
    found = {tag: locales.find(tag) for tag in (
        "sr-Latn", "sr_Latn", "sr@latin", "SR-latn", "sr-Latn-RS", "sr_RS@latin", "sr",
        "sr-Cyrl", "sr-RS", "ca-valencia", "ca-ES-valencia", "ca", "pt-BR", "pt-br", "pt")}
    assert found == {
        "sr-Latn": "sr@latin", "sr_Latn": "sr@latin", "sr@latin": "sr@latin",
        "SR-latn": "sr@latin", "sr-Latn-RS": "sr@latin", "sr_RS@latin": "sr@latin",
        "sr": "sr", "sr-Cyrl": "sr", "sr-RS": "sr", "ca-valencia": "ca@valencia",
        "ca-ES-valencia": None, "ca": None, "pt-BR": "pt_BR", "pt-br": "pt_BR", "pt": None}


# -- the tools, end to end --------------------------------------------------------------------


def _publish_copy_of_english(locales: Path, folder: str, header: str | None = None) -> Path:
    """``folder``'s catalogue (made by ``init``) given the English translations, published."""
    path = locales / folder / "LC_MESSAGES" / "gedragscode.po"
    head = path.read_text(encoding="utf-8").split("\n\n")[0]
    if header is not None:
        head = head.replace(f'"Language: {folder}\\n"', f'"Language: {header}\\n"')
    body = (locales / "en" / "LC_MESSAGES" / "gedragscode.po").read_text(
        encoding="utf-8").split("\n\n", 1)[1]
    path.write_text(head + "\n\n" + body, encoding="utf-8")
    status = locales / "status.toml"
    status.write_text(status.read_text(encoding="utf-8").replace(
        f'"{folder}" = "draft"', f'"{folder}" = "published"'), encoding="utf-8")
    return path


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "pelican_bij1code", *args],
                            capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    return result


def test_sr_latin_from_init_to_render(locales: Path) -> None:
    made = cli("--locales", str(locales), "init", "sr@latin")
    assert made.returncode == 0 and "Serbian (Latin)" in made.stdout, made.stdout + made.stderr
    po = (locales / "sr@latin" / "LC_MESSAGES" / "gedragscode.po").read_text(encoding="utf-8")
    assert '"Language: sr@latin\\n"' in po and '"Language-Team: Serbian (Latin)\\n"' in po
    _publish_copy_of_english(locales, "sr@latin")
    checked = cli("--locales", str(locales), "check", "--locale", "sr-Latn", "--format", "json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert [r["locale"] for r in json.loads(checked.stdout)] == ["sr@latin"]
    for tag in ("sr-Latn", "sr_Latn", "sr@latin", "SR-latn", "sr-Latn-RS"):
        out = cli("--locales", str(locales), "render", tag)
        assert out.returncode == 0, (tag, out.stderr)
        assert out.stdout.startswith('<section class="gedragscode" lang="sr-Latn" dir="ltr"'), tag
    leaflet = cli("--locales", str(locales), "render", "sr-Latn", "--standalone")
    assert '<html lang="sr-Latn"' in leaflet.stdout
    assert 'class="leaflet-page" lang="sr-Latn"' in leaflet.stdout
    assert "Srpski (latinica)" in leaflet.stdout
    stats = json.loads(cli("--locales", str(locales), "stats", "--format", "json").stdout)
    assert any(s.get("name") == "Srpski (latinica)" for s in stats), stats
    plain = cli("--locales", str(locales), "render", "sr")  # no Cyrillic catalogue: refused
    assert plain.returncode != 0 and "'sr'" in plain.stderr


@pytest.mark.parametrize(("header", "fits"), [("sr@latin", True), ("sr_Latn", True),
                                              ("sr-Latn", True), ("sr", False),
                                              ("sr_Cyrl", False)])
def test_check_language_header_of_sr_latin(locales: Path, header: str, fits: bool) -> None:
    assert main(["--locales", str(locales), "init", "sr@latin"]) == 0
    _publish_copy_of_english(locales, "sr@latin", header)
    out = cli("--locales", str(locales), "check", "--locale", "sr@latin", "--format", "json")
    codes = {p["code"] for r in json.loads(out.stdout) for p in r["problems"]}
    assert ("header-language" not in codes) is fits, codes
    assert (out.returncode == 0) is fits


def test_msginit_header_fits_and_sr_latn_folder_takes_it(locales: Path, tmp_path: Path) -> None:
    """What GNU msginit writes for sr@latin (Language: sr@latin) fits a folder sr_Latn too
    (Weblate's name for it)."""
    out = msginit("sr@latin", locales / "gedragscode.pot", tmp_path / "msginit.po")
    declared = next(line for line in out.read_text(encoding="utf-8").splitlines()
                    if line.startswith('"Language:'))
    assert declared == '"Language: sr@latin\\n"'
    assert main(["--locales", str(locales), "init", "sr_Latn"]) == 0
    _publish_copy_of_english(locales, "sr_Latn", "sr@latin")
    assert main(["--locales", str(locales), "check", "--locale", "sr-Latn"]) == 0
    assert main(["--locales", str(locales), "init", "sr@latin"]) == 2  # the same language
    assert not (locales / "sr@latin").exists()


def test_sr_latin_beside_sr_latn_are_twins(locales: Path) -> None:
    assert main(["--locales", str(locales), "init", "sr@latin"]) == 0
    shutil.copytree(locales / "sr@latin", locales / "sr_Latn")
    assert Locales(locales).twins() == [["sr@latin", "sr_Latn"]]
    out = cli("--locales", str(locales), "check", "--format", "json")
    assert out.returncode == 1 and "folder-twins" in out.stdout


def test_previews_of_other_modifiers(locales: Path) -> None:
    for folder, tag, direction in (("ks@devanagari", "ks-Deva", "ltr"),
                                   ("ca@valencia", "ca-valencia", "ltr"),
                                   ("tt@iqtelif", "tt-Latn", "ltr"), ("ks", "ks", "rtl")):
        assert main(["--locales", str(locales), "init", folder]) == 0
        out = cli("--locales", str(locales), "render", tag, "--preview")
        assert out.stdout.startswith(
            f'<section class="gedragscode" lang="{tag}" dir="{direction}"'), (folder, out)


def test_a_page_in_sr_latn_gets_the_sr_latin_catalogue(build_site, locales: Path) -> None:
    """A real Pelican build: pages with Lang: sr-Latn (and sr-Latn-RS) get the sr@latin
    catalogue, lang="sr-Latn"."""
    assert main(["--locales", str(locales), "init", "sr@latin"]) == 0
    _publish_copy_of_english(locales, "sr@latin")
    site = build_site({
        "pages/c.md": "Title: C\nSlug: c\n\n[gedragscode]\n",
        "pages/c-sr.md": "Title: C\nSlug: c\nLang: sr-Latn\n\n[gedragscode]\n",
        "pages/d.md": "Title: D\nSlug: d\nLang: sr-Latn-RS\n\n[gedragscode part=ik]\n",
    }, BIJ1CODE_LOCALES_DIR=str(locales), BIJ1CODE_STRICT=True)
    assert [c["lang"] for c in site.codes("pages/c-sr-Latn.html")] == ["sr-Latn"]
    assert [c["lang"] for c in site.codes("pages/d-sr-Latn-RS.html")] == ["sr-Latn"]
    assert [c["lang"] for c in site.codes("pages/c.html")] == ["nl"]
    assert not site.warnings


@pytest.mark.parametrize("tag", ["sr-x", "sr_Latn@cyrillic", "sr-u-nu-latn", "sr@lat-in",
                                 "sr@lat\nin", "@latin", "sr@", "zz@abcdefghijklmnop"])
def test_init_refuses_a_tag_no_folder_can_be_named(locales: Path, tag: str) -> None:
    """A singleton without subtags, two scripts, an extension, a modifier that is not one
    word: not a folder's name (a page may still carry such a tag: it is narrowed)."""
    before = sorted(p.name for p in locales.iterdir())
    out = cli("--locales", str(locales), "init", tag)
    assert out.returncode == 2 and "is not a language tag" in out.stderr, out.stderr
    assert sorted(p.name for p in locales.iterdir()) == before


def test_old_and_long_codes_name_the_language_cldr_prefers() -> None:
    """A hostile pass: nld and dut were not Dutch, eng was no twin of en, and ara, heb, fas,
    ji were drawn left to right, like arz and acm, which CLDR writes in Arabic script but has
    no locale for. Every code CLDR aliases is read as the code it prefers."""
    from babel.core import get_global

    aliases = get_global("language_aliases")
    assert {code for code in aliases if len(code) == 2} == languages._OLD_TWO_LETTER
    assert [languages.bcp47(t) for t in ("nld", "dut", "eng", "ara", "iw", "ji", "nl_BE",
                                         "sh")] == [
        "nl", "nl", "en", "ar", "he", "yi", "nl-BE", "sr-Latn"]  # sh is Serbian in Latin
    assert {t: languages.direction(t) for t in ("ara", "heb", "fas", "per", "ji", "arz", "acm",
                                                "arb", "prs", "pes", "ydd")} == dict.fromkeys(
        ("ara", "heb", "fas", "per", "ji", "arz", "acm", "arb", "prs", "pes", "ydd"), "rtl")
    assert [languages.direction(t) for t in ("pap", "srn", "fy", "nds")] == ["ltr"] * 4


def test_every_language_cldr_writes_right_to_left_is_drawn_so() -> None:
    """Differential: each language whose likely script (CLDR) runs right to left."""
    from babel.core import get_global

    wrong = [(language, likely) for language, likely in get_global("likely_subtags").items()
             if "_" not in language and len(likely.split("_")) > 2
             and likely.split("_")[1] in languages._RTL_SCRIPTS
             and languages.direction(language) != "rtl"]
    assert not wrong, wrong


def test_dutch_by_any_name_repeats_the_master_or_is_a_twin(locales: Path) -> None:
    """A hostile pass: folders nld, dut, nl_NL, nl_BE, nl@informal passed with 'WIJ ZIJN NIET
    BIJ1' and rendered it (render, the leaflet, a page with Lang: nld)."""
    source = (locales / "nl" / "LC_MESSAGES" / "gedragscode.po").read_text(encoding="utf-8")
    status = locales / "status.toml"
    for folder in ("nl_BE", "nld"):  # nl@informal: no language (test_languages.py)
        path = locales / folder / "LC_MESSAGES" / "gedragscode.po"
        path.parent.mkdir(parents=True)
        path.write_text(source.replace('"Language: nl\\n"', f'"Language: {folder}\\n"')
                        .replace('msgstr "WIJ ZIJN BIJ1"', 'msgstr "WIJ ZIJN NIET BIJ1"'),
                        encoding="utf-8")
        status.write_text(status.read_text(encoding="utf-8")
                          + f'"{folder}" = "published"\n', encoding="utf-8")
    out = cli("--locales", str(locales), "check", "--format", "json")
    assert out.returncode == 1
    reports = {r["locale"]: {p["code"] for p in r["problems"]} for r in json.loads(out.stdout)}
    assert "source-text" in reports["nl_BE"]
    assert any("folder-twins" in codes for codes in reports.values())  # nld beside nl
    for tag in ("nl-BE", "nl_BE"):
        shown = cli("--locales", str(locales), "render", tag, "--format", "txt")
        assert "NIET" not in shown.stdout
