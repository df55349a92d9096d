"""Language tags read by CLDR's likely subtags (issue 9, a hostile tester): a tag's script is
the one it names, else the likely one for its language and region, else for its language;
its direction, the marks its text may hold, its folder's key and its fallback follow that
script. ``pa-PK`` is Punjabi in Arabic script: right to left, never the Gurmukhi ``pa``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.core import get_global
from conftest import LOCALES, SiteBuilder

from pelican_bij1code import characters, languages
from pelican_bij1code.catalogue import Locales, folder_name, is_language_folder
from pelican_bij1code.plugin import GedragscodeError
from pelican_bij1code.render import Renderer

PAGE = "Title: Code\nSlug: code\nDate: 2026-11-27\n\n{body}\n"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "pelican_bij1code", *args],
                            capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    return result


def _folders(root: Path, *names: str) -> Locales:
    """A locales folder with an (empty) catalogue for each name: enough to find them."""
    for name in names:
        path = root / name / "LC_MESSAGES" / "gedragscode.po"
        path.parent.mkdir(parents=True)
        path.write_text("", encoding="utf-8")
    return Locales(root)


def _published(locales: Path, folder: str) -> None:
    """``folder``: a published copy of the English catalogue, its header saying ``folder``
    (Chinese has one plural form)."""
    text = (locales / "en" / "LC_MESSAGES" / "gedragscode.po").read_text(encoding="utf-8")
    path = locales / folder / "LC_MESSAGES" / "gedragscode.po"
    path.parent.mkdir(parents=True)
    text = text.replace('"Language: en\\n"', f'"Language: {folder}\\n"')
    if folder.startswith("zh"):
        text = re.sub(r'"Plural-Forms: [^"]*"', r'"Plural-Forms: nplurals=1; plural=0;\\n"', text)
    path.write_text(text, "utf-8")
    status = locales / "status.toml"
    status.write_text(status.read_text(encoding="utf-8") + f'"{folder}" = "published"\n',
                      encoding="utf-8")


# -- 1. the direction follows the script, region included ------------------------------------


def test_direction_agrees_with_cldr_for_every_likely_subtags_key() -> None:
    """Differential: every key of CLDR's likely subtags (a language, with a region, with a
    script, ``und`` with either), drawn in the direction of the script CLDR gives it."""
    table = get_global("likely_subtags")
    wrong = []
    for key, value in table.items():
        likely_script = value.split("_")[1]
        expected = "rtl" if likely_script in languages._RTL_SCRIPTS else "ltr"
        if languages.direction(key) != expected or languages.direction(
                key.replace("_", "-")) != expected:
            wrong.append((key, value, languages.direction(key)))
    assert len(table) > 7000 and not wrong, wrong


@pytest.mark.parametrize(("tag", "expected"), [
    *((t, "rtl") for t in ("pa_PK", "az_IR", "az_IQ", "uz_AF", "ku_IQ", "ku-LB", "tg_PK",
                           "ms_CC", "kk_CN", "kk-AF", "ky_CN", "ha_CM", "ha_SD", "pa-Arab",
                           "pa_Arab_PK", "ug", "sd", "ar", "fa", "he", "iw", "ks", "ar_EG")),
    *((t, "ltr") for t in ("sd_IN", "ug_KZ", "ug_MN", "mey_SN", "pa", "pa_IN", "uz", "az",
                           "ku", "ar-Latn", "fa@latin", "ks@devanagari", "kk", "nl", "srn",
                           "pap_AW", "xq", "xq-ZZ")),
])
def test_direction_follows_the_region(tag: str, expected: str) -> None:
    assert languages.direction(tag) == expected


@pytest.mark.parametrize("tag", ["pa_PK", "az_IR", "kk_CN", "ug_KZ", "sd_IN", "ks@devanagari",
                                 "ar", "ar-Latn", "fa", "nl", "pa"])
def test_direction_marks_are_allowed_where_the_tag_runs_right_to_left(tag: str) -> None:
    """The right-to-left mark is allowed exactly where the text is drawn right to left."""
    rtl = languages.direction(tag) == "rtl"
    assert ("\u200f" in characters.allowed_hidden(tag)) == rtl


# -- 2. default scripts: one key, found by page tags -----------------------------------------


@pytest.mark.parametrize("pair", [
    ("zh_CN", "zh_Hans_CN"), ("zh_TW", "zh_Hant_TW"), ("sr", "sr_Cyrl"), ("sr", "sr@cyrillic"),
    ("en", "en_Latn"), ("zh", "zh_Hans"), ("uz", "uz_Latn"), ("pa", "pa_Guru"),
    ("pa_PK", "pa_Arab_PK"), ("sr_ME", "sr_Latn_ME"), ("ar", "ar_Arab"), ("sr@latin", "sr_Latn"),
])
def test_a_default_script_makes_twins(tmp_path: Path, pair: tuple[str, str]) -> None:
    assert sorted(map(sorted, _folders(tmp_path, *pair).twins())) == [sorted(pair)]


@pytest.mark.parametrize("pair", [
    ("pt", "pt_BR"), ("en", "en_US"), ("zh_CN", "zh_TW"), ("zh", "zh_Hant"), ("sr", "sr_Latn"),
    ("pa", "pa_Arab"), ("pa", "pa_PK"), ("zh_Hans_CN", "zh_Hant_CN"), ("zh_Hant", "zh_TW"),
])
def test_different_regions_or_scripts_stay_two_languages(tmp_path: Path,
                                                         pair: tuple[str, str]) -> None:
    assert _folders(tmp_path, *pair).twins() == []


def test_page_tags_find_folders_pybabel_names(tmp_path: Path) -> None:
    locales = _folders(tmp_path, "zh_Hans_CN", "zh_Hant_TW", "pa_Arab_PK", "en_Latn", "pt")
    found = {tag: locales.find(tag) for tag in (
        "zh-CN", "zh_CN", "zh-Hans-CN", "zh-TW", "zh-Hant", "zh-Hant-HK", "zh-HK", "zh-Hans",
        "zh", "pa-PK", "pa-Arab", "pa", "en", "en-US", "en-Latn", "pt-BR", "pt-PT")}
    assert found == {  # regions never merge: zh-Hant, zh-HK find no zh_Hant_TW (issue 9)
        "zh-CN": "zh_Hans_CN", "zh_CN": "zh_Hans_CN", "zh-Hans-CN": "zh_Hans_CN",
        "zh-TW": "zh_Hant_TW", "zh-Hant": None, "zh-Hant-HK": None,
        "zh-HK": None, "zh-Hans": None, "zh": None, "pa-PK": "pa_Arab_PK",
        "pa-Arab": None, "pa": None, "en": "en_Latn", "en-US": "en_Latn",
        "en-Latn": "en_Latn", "pt-BR": "pt", "pt-PT": "pt"}


def test_zh_tw_renders_the_zh_hant_tw_catalogue(locales: Path) -> None:
    """The tester's reproduction: ``render zh-TW`` said "there is no catalogue for 'zh'"."""
    _published(locales, "zh_Hant_TW")
    for tag in ("zh-TW", "zh_TW", "zh-Hant-TW"):
        out = cli("--locales", str(locales), "render", tag, "--format", "txt")
        assert out.returncode == 0 and "WE ARE BIJ1" in out.stdout, (tag, out.stderr)
    for tag in ("zh-CN", "zh-Hant"):  # simplified; no region (Hong Kong is not Taiwan)
        out = cli("--locales", str(locales), "render", tag)
        assert out.returncode == 2 and "WE ARE BIJ1" not in out.stdout
        assert f"no catalogue for '{tag}'" in out.stderr, out.stderr


@pytest.mark.parametrize(("existing", "second"), [
    ("zh_Hant_TW", "zh_TW"), ("zh_CN", "zh-Hans-CN"), ("sr", "sr@cyrillic"), ("en", "en_Latn"),
])
def test_init_refuses_a_second_spelling(locales: Path, existing: str, second: str) -> None:
    if existing != "en":
        _published(locales, existing)
    out = cli("--locales", str(locales), "init", second)
    assert out.returncode == 2 and "already exists" in out.stderr, out.stderr
    assert folder_name(second) is not None
    assert not (locales / folder_name(second)).exists()  # type: ignore[operator]


def test_status_lines_for_two_spellings_are_one_language() -> None:
    from pelican_bij1code.catalogue import StatusError, read_statuses

    with pytest.raises(StatusError, match="name one language"):
        read_statuses('[status]\nzh_CN = "draft"\nzh_Hans_CN = "published"\n', "s.toml")
    assert read_statuses('[status]\npt = "draft"\npt_BR = "published"\n', "s.toml")


# -- 3. no fallback into another script ------------------------------------------------------


@pytest.mark.parametrize(("tag", "chain"), [
    ("en-US", ["en-US", "en"]), ("sr-Latn-RS", ["sr-Latn-RS", "sr-Latn"]),
    ("sr_RS@latin", ["sr-Latn-RS", "sr-Latn"]), ("nl-BE", ["nl-BE", "nl"]),
    ("pa-Arab", ["pa-Arab"]), ("pa-PK", ["pa-PK", "pa-Arab"]),
    ("sr-Latn", ["sr-Latn"]), ("ku-Arab", ["ku-Arab"]),
    ("ar-Latn", ["ar-Latn"]), ("fa@latin", ["fa-Latn"]),
    ("zh-HK", ["zh-HK", "zh-Hant"]), ("sr-ME", ["sr-ME", "sr-Latn"]),
    ("ca-ES-valencia", ["ca-ES-valencia", "ca-ES", "ca"]), ("en-x-quot", ["en-x-quot", "en"]),
    ("xq-ZZ", ["xq-ZZ", "xq"]), ("xq-Arab", ["xq-Arab"]), ("sh", ["sr-Latn"]),
    ("zh-cmn-Hant-TW", ["zh-Hant-TW", "zh-Hant"]), ("ar-arz", ["arz"]),
    ("en@quot", ["en-x-quot", "en"]),
])
def test_lookup_never_changes_the_script(tag: str, chain: list[str]) -> None:
    assert languages.lookup_chain(tag) == chain


@pytest.mark.parametrize("tag", ["pa-Arab", "pa-PK", "sr-Latn", "ku-Arab", "ar-Latn",
                                 "fa@latin", "sr-ME", "zh-Hant"])
def test_a_page_in_another_script_gets_no_catalogue_of_it(tmp_path: Path, tag: str) -> None:
    """With catalogues for ``pa``, ``sr``, ``ku``, ``zh`` and the shipped ``ar`` and ``fa``,
    a page in another script of them is not given one (the renderer warns and falls back)."""
    root = tmp_path / "locales"
    import shutil

    shutil.copytree(LOCALES, root)
    locales = _folders(root, "pa", "sr", "ku", "zh")
    assert locales.find(tag) is None
    found = Renderer(locales).folder(tag)
    assert found not in ("pa", "sr", "ku", "zh", "ar", "fa") and found != "", found
    choice = Renderer(locales).choose([tag])
    assert choice.lang == "nl" and choice.problems, choice


def test_strict_refuses_a_page_in_another_script(build_site: SiteBuilder) -> None:
    """``Lang: ar-Latn`` with the shipped Arabic: a warning naming the page, an error with
    BIJ1CODE_STRICT; ``en-US`` still finds English."""
    site = build_site({"pages/code.md": PAGE.format(body="[gedragscode lang=ar-Latn]")})
    assert site.codes("pages/code.html")[0]["lang"] == "nl"
    assert any("code.md" in w and "ar_Latn" in w for w in site.warnings), site.warnings
    with pytest.raises(GedragscodeError) as error:
        build_site({"pages/code.md": PAGE.format(body="[gedragscode lang=ar-Latn]")},
                   BIJ1CODE_STRICT=True)
    assert "code.md" in str(error.value)
    site = build_site({"pages/code.md": PAGE.format(body="[gedragscode lang=en-US]")},
                      BIJ1CODE_STRICT=True)
    assert site.codes("pages/code.html")[0]["lang"] == "en"


def test_render_does_not_substitute_another_script(locales: Path) -> None:
    out = cli("--locales", str(locales), "render", "ar-Latn", "--format", "txt")
    assert out.returncode == 2 and "ar_Latn" in out.stderr and not out.stdout, out.stderr


# -- 4. KDE's Ijekavian folders --------------------------------------------------------------


def test_kde_ijekavian_folders_are_languages(tmp_path: Path) -> None:
    assert is_language_folder("sr@ijekavian") and is_language_folder("sr@ijekavianlatin")
    assert languages.bcp47("sr@ijekavian") == "sr-ijekavsk"
    assert languages.bcp47("sr@ijekavianlatin") == "sr-Latn-ijekavsk"
    assert languages.direction("sr@ijekavianlatin") == "ltr"
    assert languages.name("sr@ijekavianlatin", "en").startswith("Serbian (Latin")
    locales = _folders(tmp_path, "sr", "sr@ijekavian", "sr@ijekavianlatin", "sr@latin")
    assert locales.misnamed() == [] and locales.twins() == []
    assert locales.find("sr-Latn-ijekavsk") == "sr@ijekavianlatin"
    assert locales.find("sr-ijekavsk") == "sr@ijekavian"
    assert locales.find("sr-Latn-RS") == "sr@latin"


# -- 5. grandfathered and ill-formed tags ----------------------------------------------------


BAD = ["zh-min-nan", "zh-min", "en-GB-oed", "art-lojban", "cel-gaulish", "sgn-NL", "sgn-BE-FR",
       "i-klingon", "zh-hakka", "zh-guoyu", "zh-xiang", "no-bok", "no-nyn", "en-US-GB",
       "sr-RS-Latn", "sr-Latn-Cyrl", "zh-yue-cmn", "en-US-abc", "en-1a", "de-1901-1901",
       "de-DE-1901-1901", "ca-valencia-VALENCIA"]


@pytest.mark.parametrize("tag", BAD)
def test_ill_formed_and_grandfathered_tags_are_refused(locales: Path, tag: str) -> None:
    assert languages.normalise(tag) is None and languages.parse(tag) is None
    assert folder_name(tag) is None and not is_language_folder(tag.replace("-", "_"))
    before = sorted(p.name for p in locales.iterdir())
    out = cli("--locales", str(locales), "init", tag)
    assert out.returncode == 2 and "is not a language tag" in out.stderr, out.stderr
    assert sorted(p.name for p in locales.iterdir()) == before


@pytest.mark.parametrize("tag", ["en-US-1994", "de-DE-1996", "sl-rozaj", "en-US-POSIX",
                                 "ca-ES-valencia", "sr-Latn-RS", "zh-Hant-TW", "es-419"])
def test_well_formed_tags_with_variants_are_kept(tag: str) -> None:
    assert languages.bcp47(tag) is not None


@pytest.mark.parametrize("tag", [*BAD, "", "-", "_", "@", "x", "xx-", "sr@", "a" * 200,
                                 "und", "und-Arab", "sr-x", "zh-Hant-x-a", "pa-PK-u-nu-arab",
                                 "sr@ijekavianlatin", "sr_Latn@ijekavian", "sr_Cyrl@ijekavianlatin",
                                 "en\n", "ar-\u0661", "qaa-Arab", "tlh", "jbo", "nan-Hant-TW"])
def test_no_traceback_for_any_tag(tag: str) -> None:
    for function in (languages.direction, languages.lookup_chain, languages.bcp47,
                     languages.name, languages.normalise, characters.allowed_hidden,
                     folder_name, is_language_folder, languages.plural_rules):
        function(tag)
    from pelican_bij1code.catalogue import _folder_key

    _folder_key(tag)
