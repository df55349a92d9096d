"""Language tags, a second hostile round (issue 9): a modifier nobody can read, a ``--locale``
in another script, regions merged through a script, extended language subtags, a header in
another script than its folder, twins in ``stats``. Each fails closed: a tag that cannot be
read is none, and the renderer's fallback (a warning, an error with BIJ1CODE_STRICT) or a
usage error takes over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from babel.core import get_global
from conftest import SiteBuilder
from test_languages import PAGE, _folders, _published, cli

from pelican_bij1code import languages
from pelican_bij1code.catalogue import Locales, folder_name, is_language_folder
from pelican_bij1code.plugin import GedragscodeError
from pelican_bij1code.render import Renderer

# -- 1. a modifier that cannot be read makes no language tag ---------------------------------

UNREADABLE = ["sr@latin_RS", "pa@arabic_PK", "sd@devanagari_IN", "sr@Latn_RS", "sr@latin-RS",
              "sr@latin@latin", "sr@latin RS", "pa@shahmukhi", "nl@informal", "sr@", "en@x",
              "sr_RS@latin_RS", "ar@latin_EG", "sr@latin\tRS", "ks@devanagari@", "en@quot_US"]


@pytest.mark.parametrize("tag", UNREADABLE)
def test_a_modifier_nobody_reads_is_no_language(tag: str) -> None:
    assert languages.parse(tag) is None and languages.normalise(tag) is None
    assert languages.bcp47(tag) is None and languages.lookup_chain(tag) == []
    assert folder_name(tag) is None and not is_language_folder(tag)
    assert languages.direction(tag) == "ltr" and languages.name(tag) == tag


@pytest.mark.parametrize(("tag", "read"), [
    ("en@quot", "en-x-quot"), ("en@boldquot", "en-x-boldquot"), ("de_DE@euro", "de-DE"),
    ("gez_ER@abegede", "gez-ER-x-abegede"), ("sr@Latn", "sr-Latn"), ("sr@LATIN", "sr-Latn"),
    ("sr@latin.UTF-8", "sr-Latn"), ("ca@valencia", "ca-valencia"), ("pa@arabic", "pa-Arab"),
    ("sr@ijekavianlatin", "sr-Latn-ijekavsk"), ("be@tarask", "be-tarask"),
])
def test_gettext_glibc_and_cldr_modifiers_are_read(tag: str, read: str) -> None:
    assert languages.bcp47(tag) == read


@pytest.mark.parametrize("tag", ["sr@latin_RS", "ar@latin_EG", "fa@latin-IR", "ar@x"])
def test_a_page_with_an_unreadable_modifier_gets_no_catalogue(build_site: SiteBuilder,
                                                             tag: str) -> None:
    """The shipped Arabic and Persian are published: ``ar@latin_EG`` was read as ``ar``
    (Arabic script), silently, even with BIJ1CODE_STRICT."""
    page = {"pages/code.md": PAGE.format(body=f"[gedragscode lang={tag}]")}
    site = build_site(page)
    assert site.codes("pages/code.html")[0]["lang"] == "nl"
    assert any("code.md" in w for w in site.warnings), site.warnings
    with pytest.raises(GedragscodeError):
        build_site(page, BIJ1CODE_STRICT=True)


def test_a_page_lang_with_an_unreadable_modifier_is_not_arabic(tmp_path: Path) -> None:
    locales = _folders(tmp_path / "locales", "pa", "sr", "sd")
    for tag in ("sr@latin_RS", "pa@arabic_PK", "sd@devanagari_IN", "pa@shahmukhi"):
        assert locales.find(tag) is None
        choice = Renderer(locales).choose([tag])
        assert choice.lang == "nl" and any("not a language tag" in p for p in choice.problems)


@pytest.mark.parametrize("tag", ["sr@latin_RS", "sr@Latn_RS", "pa@shahmukhi", "sr@latin@latin"])
def test_render_refuses_an_unreadable_modifier(locales: Path, tag: str) -> None:
    _published(locales, "sr")
    out = cli("--locales", str(locales), "render", tag, "--format", "txt")
    assert out.returncode == 2 and "is not a language tag" in out.stderr and not out.stdout


def test_a_folder_with_an_unknown_modifier_is_not_a_language(locales: Path) -> None:
    _published(locales, "en@quot")
    shutil_copy = (locales / "en" / "LC_MESSAGES" / "gedragscode.po").read_text("utf-8")
    path = locales / "pa@shahmukhi" / "LC_MESSAGES" / "gedragscode.po"
    path.parent.mkdir(parents=True)
    path.write_text(shutil_copy.replace('"Language: en\\n"', '"Language: pa@shahmukhi\\n"'),
                    encoding="utf-8")
    assert Locales(locales).misnamed() == ["pa@shahmukhi"]
    out = cli("--locales", str(locales), "check")
    assert out.returncode == 1
    assert "the folder 'pa@shahmukhi' holds a catalogue but its name is not a language code" \
        in out.stdout, out.stdout
    stats = json.loads(cli("--locales", str(locales), "stats", "--format", "json").stdout)
    assert "pa@shahmukhi" not in {row["locale"] for row in stats}
    assert "en@quot" in {row["locale"] for row in stats}


# -- 2. --locale finds the folder a page would, never another script -------------------------


@pytest.fixture
def three(locales: Path) -> Path:
    for lang in ("pa", "sr", "sd"):
        assert cli("--locales", str(locales), "init", lang).returncode == 0
    return locales


@pytest.mark.parametrize("tag", ["sr-Latn", "sr@latin", "sr-Latn-RS", "pa-Arab", "pa-PK",
                                 "pa_Arab_PK", "sd-Deva", "sd-IN", "zh-TW", "en-Arab"])
@pytest.mark.parametrize("command", ["check", "update"])
def test_locale_never_switches_script(three: Path, command: str, tag: str) -> None:
    before = {p: p.read_bytes() for p in three.rglob("*.po")}
    out = cli("--locales", str(three), command, "--locale", tag)
    assert out.returncode == 2 and not out.stdout, (out.stdout, out.stderr)
    assert f"no catalogue for '{tag}'" in out.stderr, out.stderr
    assert {p: p.read_bytes() for p in three.rglob("*.po")} == before


@pytest.mark.parametrize(("tag", "folder"), [("sr-Cyrl", "sr"), ("sr-RS", "sr"), ("pa-IN", "pa"),
                                             ("pa-Guru", "pa"), ("sd-PK", "sd"), ("sd-Arab", "sd"),
                                             ("EN-us", "en")])
def test_locale_finds_the_same_script(three: Path, tag: str, folder: str) -> None:
    out = cli("--locales", str(three), "check", "--locale", tag, "--format", "json")
    assert [r["locale"] for r in json.loads(out.stdout)] == [folder], out.stderr
    out = cli("--locales", str(three), "update", "--locale", tag)
    assert out.returncode == 0 and f"/{folder}/LC_MESSAGES" in out.stdout, out.stderr


def test_locale_that_is_no_tag_is_named(three: Path) -> None:
    out = cli("--locales", str(three), "check", "--locale", "sr@latin_RS")
    assert out.returncode == 2 and "'sr@latin_RS' is not a language tag" in out.stderr


# -- 3. regions never merge, through a script or otherwise -----------------------------------

REGIONAL = ("pt_BR", "en_US", "zh_TW", "sr_RS")


@pytest.mark.parametrize("tag", ["sr-BA", "sr-Cyrl-BA", "en", "en-Latn", "pt", "pt-Latn",
                                 "zh-HK", "zh-Hant", "zh-Hant-HK", "pa-Arab-IN", "uz-Arab-UZ",
                                 "sr-Cyrl", "en-Latn-GB", "zh", "sr"])
def test_regions_never_merge(tmp_path: Path, tag: str) -> None:
    assert _folders(tmp_path, *REGIONAL, "pa_PK", "uz_AF").find(tag) is None


def test_zh_hant_finds_a_zh_hant_folder_only(tmp_path: Path) -> None:
    locales = _folders(tmp_path, "zh_Hant", "zh_TW")
    assert [locales.find(t) for t in ("zh-Hant", "zh-HK", "zh-Hant-HK", "zh-TW", "zh-Hant-TW")] \
        == ["zh_Hant", "zh_Hant", "zh_Hant", "zh_TW", "zh_TW"]


def _with_likely_script(tag: str) -> str | None:
    parts = languages.parse(tag)
    written = languages.script(tag)
    return None if parts is None or written is None else str(parts._replace(script=written))


def test_tags_cldr_makes_equal_find_the_same_folder(tmp_path: Path) -> None:
    """For every key of CLDR's likely subtags that is a language or a language and region, of
    the languages the folders are in: the tag and the tag with its likely script added (sr-BA
    and sr-Cyrl-BA, en and en-Latn) find the same folder, and never one of another region."""
    folders = (*REGIONAL, "sr_BA", "pa_PK", "uz_AF", "ku_IQ", "sd_IN", "az_IR", "zh_CN",
               "ms_ID", "ha_NG", "mn_CN", "ff_SN", "en_GB", "pt_PT", "kk_CN", "ug_KZ")
    locales = _folders(tmp_path, *folders)
    wanted = {f.partition("_")[0] for f in folders}
    keys = [k for k in get_global("likely_subtags") if k.partition("_")[0] in wanted]
    tags = [k.replace("_", "-") for k in keys if all(len(p) != 4 for p in k.split("_"))]
    tags += [f"{f.partition('_')[0]}-{r}" for f in folders for r in ("BA", "HK", "MO", "AQ")]
    compared = 0
    for tag in tags:
        twin = _with_likely_script(tag)
        if twin is None or twin == tag:
            continue
        compared += 1
        found = locales.find(tag)
        assert locales.find(twin) == found, (tag, twin)
        region = languages.parse(tag).region  # type: ignore[union-attr]
        if found is not None:
            assert languages.parse(found).region in (None, region), (tag, found)  # type: ignore[union-attr]
    assert compared > 100


# -- 4. extended language subtags and variants ------------------------------------------------


@pytest.mark.parametrize(("tag", "read", "direction"), [
    ("zh-yue", "yue", "ltr"), ("ar-arz", "arz", "rtl"), ("zh-cmn-Hant-TW", "zh-Hant-TW", "ltr"),
    ("zh-cmn-Hans", "zh-Hans", "ltr"), ("ar-arz-EG", "arz-EG", "rtl"), ("ms-zsm", "ms", "ltr"),
    ("zh-yue-HK", "yue-HK", "ltr"),
])
def test_an_extended_language_subtag_is_its_language(tag: str, read: str, direction: str) -> None:
    assert languages.bcp47(tag) == read and languages.direction(tag) == direction


def test_init_names_an_extended_language_as_itself(locales: Path) -> None:
    out = cli("--locales", str(locales), "init", "ar-arz")
    assert out.returncode == 0 and (locales / "arz").is_dir(), out.stderr
    assert languages.direction("arz") == "rtl"


@pytest.mark.parametrize("tag", ["de-1901-1901", "de-DE-1901-1901", "sl-rozaj-ROZAJ",
                                 "ca-valencia@valencia", "zh-min-nan", "zh-yue-cmn"])
def test_a_variant_or_extended_language_twice_is_refused(locales: Path, tag: str) -> None:
    assert languages.parse(tag) is None and folder_name(tag) is None
    out = cli("--locales", str(locales), "init", tag)
    assert out.returncode == 2 and "is not a language tag" in out.stderr, out.stderr


def test_a_page_in_egyptian_arabic_is_right_to_left(build_site: SiteBuilder) -> None:
    site = build_site({"pages/code.md": PAGE.format(body="[gedragscode lang=ar-arz]")})
    assert site.codes("pages/code.html")[0]["lang"] == "nl"  # no arz catalogue: a warning
    assert any("code.md" in w for w in site.warnings), site.warnings


# -- 5. a header in another script than its folder ---------------------------------------------


@pytest.mark.parametrize(("declared", "folder", "fits"), [
    ("pa_PK", "pa", False), ("zh_TW", "zh", False), ("en_Arab", "en", False),
    ("sr_Latn_RS", "sr", False), ("ku_IQ", "ku", False), ("sd_IN", "sd", False),
    ("pa", "pa_PK", False), ("zh", "zh_TW", False), ("en", "en_Arab", False),
    ("sr", "sr_Latn_RS", False), ("ku", "ku_IQ", False), ("sd", "sd_IN", False),
    ("zh_Hant", "zh_TW", False), ("uz_AF", "uz", False), ("ar-arz", "ar", False),
    ("zh_Hans_CN", "zh_CN", True), ("fil_PH", "tl", True), ("sr_Latn", "sr@latin", True),
    ("sr_RS", "sr", True), ("pa_IN", "pa", True), ("pa_Arab_PK", "pa_PK", True),
    ("zh_Hant_TW", "zh_TW", True), ("zh_CN", "zh", True), ("ku_TR", "ku", True),
    ("sd_Deva_IN", "sd_IN", True), ("pa_Arab", "pa_PK", False), ("sd_Deva", "sd_IN", False),
    ("arz", "ar-arz", True), ("zh-cmn-Hant-TW", "zh_TW", True),
    ("en@quot", "en", False), ("pa@shahmukhi", "pa", False), ("sr@latin_RS", "sr@latin", False),
])
def test_a_header_names_its_folders_script(declared: str, folder: str, fits: bool) -> None:
    assert languages.same_language(declared, folder) is fits


def test_check_refuses_a_header_in_another_script(locales: Path) -> None:
    assert cli("--locales", str(locales), "init", "pa").returncode == 0
    path = locales / "pa" / "LC_MESSAGES" / "gedragscode.po"
    path.write_text(path.read_text("utf-8").replace('"Language: pa\\n"', '"Language: pa_PK\\n"'),
                    encoding="utf-8")
    out = cli("--locales", str(locales), "check", "--locale", "pa", "--format", "json")
    codes = {p["code"] for r in json.loads(out.stdout) for p in r["problems"]}
    assert "header-language" in codes, codes


# -- 6. twins in stats, names in the script of the tag ----------------------------------------


def test_stats_shows_twins_as_check_does(locales: Path) -> None:
    _published(locales, "sr@ijekavianlatin")
    _published(locales, "sr@ijekavianLatin")
    status = locales / "status.toml"  # one line for both: two would be a status error
    status.write_text(status.read_text("utf-8").replace('"sr@ijekavianLatin" = "published"\n',
                                                        ""), encoding="utf-8")
    rows = json.loads(cli("--locales", str(locales), "stats", "--format", "json").stdout)
    shown = {row["locale"]: row["status"] for row in rows}
    assert shown["sr@ijekavianLatin"] == shown["sr@ijekavianlatin"] == "invalid", shown
    assert shown["en"] == "published"
    out = cli("--locales", str(locales), "check")
    assert out.returncode == 1 and "folder-twins" in out.stdout
    badges = cli("--locales", str(locales), "stats", "--format", "svg", "--output",
                 str(locales.parent / "badges"))
    assert badges.returncode == 0
    assert ">invalid<" in (locales.parent / "badges" / "sr@ijekavianlatin.svg").read_text("utf-8")


@pytest.mark.parametrize(("tag", "own"), [
    ("sr@ijekavianlatin", "Srpski"), ("sr@latin", "Srpski"), ("sr_Latn_BA", "Srpski"),
    ("sr", "Српски"), ("zh-TW", "中文"), ("uz-Arab", "اوزبیک"), ("pa-PK", "پنجابی"),
])
def test_a_name_is_in_the_tags_script(tag: str, own: str) -> None:
    assert languages.name(tag).startswith(own), languages.name(tag)


# -- a third round: aliases with a region; render falls back as a page does -------------------


@pytest.mark.parametrize(("alias", "twin", "direction"), [
    ("prs", "fa_AF", "rtl"), ("cnr", "sr_ME", "ltr"), ("swc", "sw_CD", "ltr"),
])
def test_an_alias_with_a_region_keeps_it(tmp_path: Path, alias: str, twin: str,
                                         direction: str) -> None:
    """A hostile pass: prs (Dari) read as fa, cnr (Montenegrin, Latin) as Cyrillic sr; a
    page fa-IR got Dari, sr-Cyrl Montenegrin; prs and fa_AF were not twins. CLDR's alias
    gives a region as well as a script: both are kept where the tag names none."""
    assert languages.bcp47(alias) == languages.bcp47(twin)
    assert languages.direction(alias) == direction
    locales = _folders(tmp_path / "a", alias, twin)
    assert locales.twins() == [sorted([alias, twin])]
    primary = twin.split("_")[0]
    assert _folders(tmp_path / "b", alias).find(primary) is None  # fa never finds Dari
    assert languages.bcp47("sh") == "sr-Latn"


def test_render_falls_back_within_the_script_as_a_page_does(locales: Path) -> None:
    """A hostile pass: with a draft zh_TW and a published zh_Hant, a zh-TW page showed
    zh_Hant, `render zh-TW` refused; now both fall back the same way."""
    _published(locales, "zh_Hant")
    draft = locales / "zh_TW" / "LC_MESSAGES" / "gedragscode.po"
    draft.parent.mkdir(parents=True)
    draft.write_bytes((locales / "zh_Hant" / "LC_MESSAGES" / "gedragscode.po").read_bytes())
    done = cli("render", "zh-TW", "--locales", str(locales), "--format", "txt")
    assert done.returncode == 0, done.stderr
    assert "rendering 'zh_Hant' instead" in done.stderr
    done = cli("render", "zh-CN", "--locales", str(locales), "--format", "txt")
    assert done.returncode == 2  # zh_Hant is Traditional: never for a Simplified page


@pytest.mark.parametrize("tag", ["en\n", " en", "en\t", "e n"])
def test_a_tag_with_white_space_in_or_around_it_is_no_tag(tag: str) -> None:
    """The fifty-second pass: ``render $'en\\n'`` and a fallback of ``"en\\n"`` were taken
    for en, where the README says what is no well-formed tag is refused."""
    from conftest import LOCALES, run_cli

    assert languages.parse(tag) is None
    result = run_cli("render", "--locales", str(LOCALES), tag)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
