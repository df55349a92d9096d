"""The catalogue safety gate (issue 9, classes 1, 3, 4, 5, 7; issue 11, items 1, 2, 10).

Hostile catalogues, status files, folder names and settings, each run through the real
command line (in-process and as a process), the renderer and real Pelican builds; GNU
``msgfmt``/``msginit``/``msgmerge`` and Python-Markdown side by side where they have a say.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import polib
import pytest
from conftest import msginit, require_tool
from test_check import (
    GEDRAGSCODE,
    LIST_ITEM,
    MAILTO,
    NOTICE,
    ONE_LINK,
    TITLE_IK,
    TWO_LINKS,
    VERTROUWEN,
    catalogue,
    check,
    check_json,
    loc,  # noqa: F401  (the fixture)
    report,
)

from pelican_bij1code import languages
from pelican_bij1code.catalogue import Locales
from pelican_bij1code.check import check_message
from pelican_bij1code.cli import main
from pelican_bij1code.plurals import same_rule
from pelican_bij1code.render import Renderer

#: Generous: a linear path takes milliseconds, a quadratic one minutes.
BOUND = 10.0


def codes(data: list[dict], locale: str) -> set[str]:
    return {p["code"] for p in report(data, locale)["problems"]}


def message_codes(source: str, translation: str, lang: str = "en") -> set[str]:
    return {code for _, code, _ in check_message(source, translation, lang)}


def no_traceback(run: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in run.stderr + run.stdout, run.stderr[-2000:]


def cli(*args: object, cwd: Path | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "pelican_bij1code", *map(str, args)],
                            cwd=cwd, capture_output=True, text=True, timeout=120, env=env)
    no_traceback(result)
    return result


# -- 1. render exactly what was checked ---------------------------------------------------------


def test_singular_given_a_plural_is_an_error_and_never_rendered(
        capsys: pytest.CaptureFixture[str], loc: Path) -> None:  # noqa: F811
    po = catalogue(loc, "en")
    b = po.block(NOTICE)
    po.lines[b.msgstr_at:b.end] = ['msgid_plural "Dit zijn vertalingen."',
                                   'msgstr[0] "This is a translation."',
                                   'msgstr[1] "These are translations."']
    po.save()
    msgfmt = require_tool("msgfmt")
    assert subprocess.run([msgfmt, "-c", "-o", os.devnull, po.path]).returncode == 0
    rc, data = check_json(capsys, loc)
    assert rc == 1 and "plural-mismatch" in codes(data, "en")
    renderer = Renderer(Locales(loc))
    assert renderer.choose(["en"]).lang == "nl"
    assert "gedragscode-notice" not in renderer.html("nl")


def test_a_copy_with_a_context_is_an_error_and_never_rendered(
        capsys: pytest.CaptureFixture[str], loc: Path) -> None:  # noqa: F811
    po = catalogue(loc, "en")
    po.append('msgctxt "x"', f'msgid "{LIST_ITEM}"', 'msgstr "UNCHECKED COPY"')
    po.save()
    rc, data = check_json(capsys, loc)
    assert rc == 1 and "extra" in codes(data, "en")
    renderer = Renderer(Locales(loc))
    assert renderer.choose(["en"]).lang == "nl"
    assert "UNCHECKED COPY" not in renderer.render("en", preview=True)


@pytest.mark.parametrize("text", ["\u3164.", "\u00ad", "\u200b\u200b", "\u2800", "[ ](" +
                                  GEDRAGSCODE + ")"])
def test_a_block_that_shows_nothing_is_an_error(text: str) -> None:
    assert "empty" in message_codes("Wij zijn BIJ1.", text) or \
        "invisible-char" in message_codes("Wij zijn BIJ1.", text)
    if text.strip("\u3164.\u00ad\u200b") == "":
        assert "empty" in message_codes("Wij zijn BIJ1.", text.replace(".", ""))


def test_renderer_never_prints_an_empty_block_even_in_preview(loc: Path) -> None:  # noqa: F811
    po = catalogue(loc, "en")
    po.set_msgstr(NOTICE, "\u3164").save()
    html = Renderer(Locales(loc)).render("en", preview=True)
    assert "\u3164" not in html and "Dit is een vertaling" in html


# -- 3. character classes, addresses, Markdown output -------------------------------------------


@pytest.mark.parametrize("char", ["\u00ad", "\u3164", "\u115f", "\u1160", "\uffa0", "\ufe0f",
                                  "\U000e0041", "\ue000", "\u0378", "\x1b", "\x7f", "\u2066",
                                  "\u034f", "\u180e", "\u2028"])
def test_hidden_characters_by_class(char: str) -> None:
    found = message_codes(LIST_ITEM, f"We speak from{char} experience.")
    assert found & {"invisible-char", "line-break"}, (f"U+{ord(char):04X}", found)


def test_carriage_return_is_rejected() -> None:
    assert "line-break" in message_codes(LIST_ITEM, "We speak\rfrom experience.")


def test_rtl_marks_only_where_the_language_needs_them() -> None:
    arabic = "نتحدث من\u200f تجربتنا."
    assert "invisible-char" not in message_codes(LIST_ITEM, arabic, "ar")
    assert "invisible-char" in message_codes(LIST_ITEM, arabic, "en")
    assert "invisible-char" in message_codes(LIST_ITEM, "نتحدث\u202e من تجربتنا.", "ar")


def test_soft_hyphen_cannot_hide_an_address() -> None:
    source = "Mail [bestuur@bij1.org](mailto:bestuur@bij1.org)."
    found = message_codes(source, "Mail [bestuur@bij1.org](mailto:bestuur@bij1.org) or "
                          "evil\u00ad@evil.example.")
    assert {"invisible-char", "email"} <= found


@pytest.mark.parametrize("text", [
    "We speak from experience, see https://evil.example/.",
    "We speak from experience (evil.example).",
    "We speak from experience: www.evil.example",
    "We speak from experience: ｅｖｉｌ．ｅｘａｍｐｌｅ",
])
def test_plain_text_addresses_are_compared_with_the_dutch(text: str) -> None:
    assert "url" in message_codes(LIST_ITEM, text)


def test_lost_plain_address_is_an_error() -> None:
    source = "Zie bij1.org voor meer."
    assert "url" in message_codes(source, "See the website for more.")
    assert message_codes(source, "See bij1.org for more.") == set()


@pytest.mark.parametrize("text", [
    f"Details in [{VERTROUWEN}]({GEDRAGSCODE}). Mail [bestuur@bij1.org]({MAILTO}).",
    f"Details in [the code]({GEDRAGSCODE}). Mail [write bestuur@bij1.org now]({GEDRAGSCODE}).",
])
def test_a_link_that_shows_one_address_and_points_to_another(text: str) -> None:
    source = (f"Zie [de code]({GEDRAGSCODE}). Mail [bestuur@bij1.org]({MAILTO}).")
    assert "link-swapped" in message_codes(source, text)


def test_markdown_output_never_turns_escaped_markup_into_blocks(loc: Path) -> None:  # noqa: F811
    import markdown

    po = catalogue(loc, "en")
    po.set_msgstr(TITLE_IK, "\\# I AM BIJ1").set_msgstr(LIST_ITEM, "1\\. We speak")
    po.set_msgstr(ONE_LINK, "\\~\\~\\~").set_msgstr(NOTICE, "\\> quote \\- x")
    po.save()
    text = Renderer(Locales(loc)).render("en", fmt="md", preview=True)
    html = markdown.markdown(text, extensions=["fenced_code"])
    assert "<h1>" not in html and "<ol>" not in html and "<pre>" not in html
    assert "<blockquote>" not in html
    from bs4 import BeautifulSoup

    shown = BeautifulSoup(html, "html.parser").get_text()
    assert "# I AM BIJ1" in shown and "~~~" in shown


# -- 4. linear time -----------------------------------------------------------------------------


@pytest.mark.parametrize("build", [
    lambda: ("header", "nplurals=2;" + " " * 1500 + "plural=(n != 1);"),
    lambda: ("header", "nplurals=2; plural=(n" + " " * 100_000 + "!= 1);"),
    lambda: ("header", "nplurals=2;" + " " * 100_000 + "plural=(n != 1)" + " " * 100_000),
    lambda: ("msgstr", "<" + " " * 60_000),
    lambda: ("msgstr", "[a](" + " " * 60_000),
    lambda: ("msgstr", "[a](" + " " * 60_000 + "x"),
    lambda: ("msgstr", "![" * 30_000),
    lambda: ("msgstr", "[" * 60_000),
    lambda: ("msgstr", "[a](<" + "x" * 60_000),
    lambda: ("msgstr", "[a](b" + "(" * 30_000),
    lambda: ("msgstr", "a." * 60_000 + "@"),
    lambda: ("msgstr", "&" + "a" * 60_000),
    lambda: ("msgstr", "x@" * 30_000),
    lambda: ("msgstr", "\\" * 60_000),
    # 30,000 header fields, all alike or all different (a hostile pass: 13 s, quadratic)
    lambda: ("fields", ["X: a"] * 30_000),
    lambda: ("fields", [f"X-F{i}: aaaaaaaaaa" for i in range(30_000)]),
])
def test_pathological_input_is_checked_in_linear_time(capsys: pytest.CaptureFixture[str],
                                                      loc: Path, build) -> None:  # noqa: F811
    where, text = build()
    po = catalogue(loc, "ar")
    if where == "header":
        po.set_header("Plural-Forms", text)
    elif where == "fields":
        header = po.blocks()[0]
        po.lines[header.end:header.end] = [f'"{field}\\n"' for field in text]
    else:
        po.set_msgstr(LIST_ITEM, text)
    po.save()
    started = time.perf_counter()
    rc, _data = check_json(capsys, loc)
    Renderer(Locales(loc)).render("ar", preview=True)
    elapsed = time.perf_counter() - started
    assert elapsed < BOUND, f"{elapsed:.1f} s"
    assert rc in (0, 1)


# -- 5. fail closed on configuration ------------------------------------------------------------


STATUS_CASES = {
    "bom": ("\ufeff[status]\nen = \"published\"\n", 1),
    "duplicate": ("[status]\nen = \"published\"\nen = \"draft\"\n", 3),
    "syntax": ("[status]\nen = published\n", 2),
    "unknown-status": ("# c\n[status]\nen = \"published\"\ntr = \"Draft\"\n", 4),
    "bad-language": ("[status]\n\"en\\n::error::x\" = \"published\"\n", 2),
    "nested": ("x = " + "[" * 50_000 + "]" * 50_000 + "\n[status]\n", 1),
    "outside-the-table": ("en = \"published\"\n[status]\ntr = \"draft\"\n", 1),
}


@pytest.mark.parametrize("case", sorted(STATUS_CASES))
def test_unreadable_status_file_is_exit_2_with_file_and_line(
        capsys: pytest.CaptureFixture[str], loc: Path, case: str) -> None:  # noqa: F811
    text, line = STATUS_CASES[case]
    (loc / "status.toml").write_bytes(text.encode("utf-8"))
    run = check(capsys, "--locales", loc)
    assert run.rc == 2
    assert f"status.toml:{line}:" in run.err, run.err
    assert not any(line.startswith("::") for line in run.err.splitlines())
    renderer = Renderer(Locales(loc))
    choice = renderer.choose(["en"])
    assert choice.lang == "nl" and "status.toml" in choice.problems[0]


def test_unreadable_status_file_stops_the_pages_language_in_a_real_build(
        build_site, loc: Path) -> None:  # noqa: F811
    (loc / "status.toml").write_text('[status]\nen = "Published"\n', encoding="utf-8")
    site = build_site({"pages/c.md": "Title: C\nLang: en\nSlug: c\n\n[gedragscode]\n"},
                      BIJ1CODE_LOCALES_DIR=str(loc))
    codes_ = site.codes("pages/c-en.html")
    assert [c["lang"] for c in codes_] == ["nl"]
    assert any("status.toml:2" in w for w in site.warnings)


def test_a_language_not_listed_is_a_draft(capsys: pytest.CaptureFixture[str],
                                          loc: Path) -> None:  # noqa: F811
    status = loc / "status.toml"
    status.write_text(status.read_text().replace('tr = "published"\n', ""), encoding="utf-8")
    catalogue(loc, "tr").set_msgstr(LIST_ITEM, "").save()
    rc, data = check_json(capsys, loc)
    assert rc == 0 and report(data, "tr")["status"] == "draft"
    assert Renderer(Locales(loc)).choose(["tr"]).lang == "nl"
    status.unlink()
    rc, data = check_json(capsys, loc)
    assert rc == 0 and {r["status"] for r in data if r["locale"] != "nl"} == {"draft"}


def test_a_published_language_without_a_catalogue_is_an_error(
        capsys: pytest.CaptureFixture[str], loc: Path) -> None:  # noqa: F811
    shutil.rmtree(loc / "pl")
    rc, data = check_json(capsys, loc)
    assert rc == 1 and codes(data, "pl") == {"missing-catalogue"}
    run = check(capsys, "--locales", loc)
    assert "OK" not in run.out.splitlines()[-1]


def test_init_edits_the_status_table_only(loc: Path) -> None:  # noqa: F811
    status = loc / "status.toml"
    status.write_text('[status]\nen = "published"\n\n[notes]\n# ours\nwho = "x"\n',
                      encoding="utf-8")
    assert main(["--locales", str(loc), "init", "it"]) == 0
    text = status.read_text(encoding="utf-8")
    assert text == '[status]\nen = "published"\nit = "draft"\n\n[notes]\n# ours\nwho = "x"\n'


def test_init_refuses_to_edit_an_unreadable_status_file(loc: Path,  # noqa: F811
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    status = loc / "status.toml"
    status.write_text('[status]\nen = "published"\nen = "draft"\n', encoding="utf-8")
    assert main(["--locales", str(loc), "init", "it"]) == 2
    assert status.read_text(encoding="utf-8").count("en =") == 2
    assert not (loc / "it").exists()
    assert "status.toml:3" in capsys.readouterr().err


SETTINGS = [
    ("BIJ1CODE_DEFAULT_LEVEL", '"x"'), ("BIJ1CODE_DEFAULT_LEVEL", "9"),
    ("BIJ1CODE_DEFAULT_LEVEL", "True"), ("BIJ1CODE_LOCALES_DIR", "5"),
    ("BIJ1CODE_NUMBERED", '"yes"'),
    ("BIJ1CODE_LOCALES_DIR", '"no/such/folder"'), ("BIJ1CODE_FALLBACK_LANG", '"not a tag"'),
    ("BIJ1CODE_FALLBACK_LANG", "1"), ("BIJ1CODE_STRICT", '"yes"'), ("BIJ1CODE_STRIKT", "True"),
    # issue 9 finding 10
    ("BIJ1CODE_LOCALES_DIR", '""'), ("BIJ1CODE_FALLBACK_LANG", '"xx"'),
    ("BIJ1CODE_FALLBACK_LANG", '"pap"'), ("BIJ1CODE_FALLBACK_LANG", "None"),
    # the 63rd pass: a name too long for the file system was a traceback
    ("BIJ1CODE_LOCALES_DIR", "'a' * 300"),
]


@pytest.mark.parametrize(("name", "value"), SETTINGS)
def test_a_bad_setting_stops_a_real_pelican_build_naming_it(tmp_path: Path, name: str,
                                                             value: str) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "c.md").write_text("Title: C\nSlug: c\n\n[gedragscode]\n", encoding="utf-8")
    (tmp_path / "conf.py").write_text(
        f"PATH = 'content'\nPLUGINS = ['pelican_bij1code']\nTIMEZONE = 'UTC'\n"
        f"{name} = {value}\n", encoding="utf-8")
    env = {**os.environ, "COLUMNS": "400"}
    run = subprocess.run([sys.executable, "-m", "pelican", "-s", "conf.py", "-o", "out",
                          "content"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                         env=env)
    assert run.returncode == 1
    said = " ".join((run.stdout + run.stderr).split())
    # One CRITICAL line that names the setting, and no traceback (issue 9 finding 10).
    assert f"CRITICAL pelican-bij1code settings: {name}" in said, said[-1500:]
    assert "Traceback" not in said and "SystemExit" not in said, said[-1500:]
    assert not (tmp_path / "out" / "c.html").exists()


def test_good_settings_build(build_site, loc: Path) -> None:  # noqa: F811
    site = build_site({"pages/c.md": "Title: C\nLang: en\nSlug: c\n\n[gedragscode]\n"},
                      BIJ1CODE_LOCALES_DIR=str(loc), BIJ1CODE_DEFAULT_LEVEL=3,
                      BIJ1CODE_STRICT=True, BIJ1CODE_FALLBACK_LANG="nl")
    assert [c["lang"] for c in site.codes("pages/c-en.html")] == ["en"]
    assert site.soup("pages/c-en.html").select("section.gedragscode h3")


# -- 7. never trust paths or names --------------------------------------------------------------


def test_catalogue_symlinked_outside_is_refused_unread(tmp_path: Path, loc: Path) -> None:  # noqa: F811
    secret = "s3cr3t-value-that-must-not-leak"
    path = loc / "en" / "LC_MESSAGES" / "gedragscode.po"
    path.unlink()
    path.symlink_to("/proc/self/environ")
    env = {**os.environ, "BIJ1CODE_TEST_SECRET": secret}
    for fmt in ("text", "json", "github"):
        run = cli("--locales", loc, "check", "--format", fmt, env=env)
        assert run.returncode == 1 and secret not in run.stdout + run.stderr
        assert "outside the locales folder" in run.stdout
    run = cli("--locales", loc, "render", "en", "--preview", env=env)
    assert secret not in run.stdout + run.stderr and run.returncode == 2
    outside = tmp_path / "outside.po"
    shutil.copy(loc / "tr" / "LC_MESSAGES" / "gedragscode.po", outside)
    path.unlink()
    path.symlink_to(outside)
    assert Renderer(Locales(loc)).choose(["en"]).lang == "nl"


def test_folder_named_with_a_newline_cannot_inject_workflow_commands(
        capsys: pytest.CaptureFixture[str], loc: Path) -> None:  # noqa: F811
    evil = loc / "en\n::error file=x::pwned"
    shutil.copytree(loc / "en", evil)
    for fmt in ("github", "text", "json"):
        run = check(capsys, "--locales", loc, "--format", fmt)
        assert run.rc == 1
        for line in run.out.splitlines():
            assert "pwned" not in line or "\\n" in line, line
            assert not line.startswith("::error file=x")
    assert "folder-name" in run.out
    stats = cli("--locales", loc, "stats", "--format", "json")
    assert "pwned" not in stats.stdout


def test_pt_br_folder_can_pass_and_render(capsys: pytest.CaptureFixture[str],
                                          loc: Path) -> None:  # noqa: F811
    target = msginit("pt_BR", loc / "gedragscode.pot",
                     loc / "pt_BR" / "LC_MESSAGES" / "gedragscode.po")
    header = target.read_text(encoding="utf-8").split("\n\n")[0]
    body = (loc / "en" / "LC_MESSAGES" / "gedragscode.po").read_text(encoding="utf-8")
    target.write_text(header + "\n\n" + body.split("\n\n", 1)[1], encoding="utf-8")
    with (loc / "status.toml").open("a", encoding="utf-8") as status:
        status.write('pt_BR = "published"\n')
    _rc, data = check_json(capsys, loc)
    assert report(data, "pt_BR")["problems"] == [], report(data, "pt_BR")
    assert check(capsys, "--locales", loc, "--locale", "pt-BR").rc == 0
    renderer = Renderer(Locales(loc))
    choice = renderer.choose(["pt-BR"])
    assert choice.lang == "pt_BR", choice.problems
    assert renderer.html("pt_BR").startswith('<section class="gedragscode" lang="pt-BR"')


def test_template_that_is_a_folder_and_other_odd_files(loc: Path) -> None:  # noqa: F811
    pot = loc / "gedragscode.pot"
    pot.unlink()
    pot.mkdir()
    for command in (["check"], ["stats"], ["update"], ["render", "en"], ["init", "it"],
                    ["extract"]):
        run = cli("--locales", loc, *command)
        assert run.returncode in (1, 2), (command, run.stdout, run.stderr)
    po = loc / "tr" / "LC_MESSAGES" / "gedragscode.po"
    po.unlink()
    po.mkdir()
    assert cli("--locales", loc, "check").returncode in (1, 2)


def test_output_to_a_full_disk_is_a_clean_error(loc: Path) -> None:  # noqa: F811
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "pelican_bij1code", "--locales", str(loc),
                              "check", "--format", "json"], stdout=full,
                             stderr=subprocess.PIPE, text=True, timeout=60)
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    run = cli("--locales", loc, "stats", "--format", "svg", "--output", "/dev/full/badges")
    assert run.returncode == 2


# -- issue 11: obsolete entries, Plural-Forms, preview ------------------------------------------


def test_msgmerge_obsolete_entries_pass_strict(capsys: pytest.CaptureFixture[str],
                                               loc: Path) -> None:  # noqa: F811
    """A message the Dutch dropped: msgmerge keeps its translation as #~; --strict passes."""
    msgmerge = require_tool("msgmerge")
    po = catalogue(loc, "tr")
    po.append("#. removed from the Dutch", 'msgid "Een oude regel."', 'msgstr "Eski bir kural."')
    po.save()
    assert check(capsys, "--locales", loc, "--strict").rc == 1  # not in the template
    subprocess.run([msgmerge, "--quiet", "--update", "--backup=off", po.path,
                    loc / "gedragscode.pot"], check=True)
    assert '#~ msgstr "Eski bir kural."' in po.path.read_text(encoding="utf-8")
    run = check(capsys, "--locales", loc, "--strict")
    assert run.rc == 0, run.out


def _header_only_template(folder: Path) -> Path:
    pot = folder / "t.pot"
    pot.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n',
                   encoding="utf-8")
    return pot


@pytest.mark.parametrize("lang", ["es", "fr", "it", "pt", "pl", "tr", "pt_BR", "cs", "ru"])
def test_plural_forms_written_by_msginit_are_accepted(lang: str, tmp_path: Path) -> None:
    out = msginit(lang, _header_only_template(tmp_path), tmp_path / "x.po")
    rule = polib.pofile(str(out)).metadata.get("Plural-Forms")
    if not rule:
        pytest.skip(f"this msginit writes no Plural-Forms for {lang}")
    assert any(same_rule(rule, known) for _, known in languages.plural_rules(lang)), rule


def test_babel_has_plural_rules_only_for_languages_with_cldr_data() -> None:
    """plural_rules loads Babel's plural table only for a language Babel has data for: that
    is right only while every language in the table has data. Every rule is found too."""
    from babel import localedata
    from babel.messages.plurals import PLURALS

    assert PLURALS and all(localedata.exists(code) for code in PLURALS)
    for code, (count, expr) in PLURALS.items():
        if languages.normalise(code) is not None and code not in ("srn",):
            assert ("CLDR", f"nplurals={count}; plural={expr};") in \
                languages.plural_rules(code), code
    assert not any(who == "CLDR" for who, _ in languages.plural_rules("xx"))


def test_our_gettext_table_is_what_msginit_writes(tmp_path: Path) -> None:
    """Differential: each rule we credit to msginit is the one the real msginit writes."""
    pot = _header_only_template(tmp_path)
    checked = 0
    for lang, rule in languages.GETTEXT_PLURALS.items():
        out = msginit(lang, pot, tmp_path / f"{lang}.po")
        written = polib.pofile(str(out)).metadata.get("Plural-Forms")
        if not written:
            continue
        assert same_rule(written, rule), (lang, written, rule)
        checked += 1
    assert checked >= 10


def test_spanish_as_msginit_writes_it_passes(capsys: pytest.CaptureFixture[str],
                                             loc: Path) -> None:  # noqa: F811
    shutil.copytree(loc / "en", loc / "it")
    po = catalogue(loc, "it").set_header("Language", "it")
    po.set_header("Plural-Forms", "nplurals=2; plural=(n != 1);").save()
    _, data = check_json(capsys, loc)
    assert "header-plural" not in codes(data, "it")
    po.set_header("Plural-Forms", "nplurals=2; plural=(n > 1);").save()
    _, data = check_json(capsys, loc)
    problem = next(p for p in report(data, "it")["problems"] if p["code"] == "header-plural")
    assert "CLDR" in problem["message"] and "msginit" in problem["message"]
    po.set_header("Plural-Forms", "nplurals=2; plural=(n != 1").save()
    _rc, data = check_json(capsys, loc)
    assert "header-plural" in codes(data, "it")


def test_srn_message_names_our_table(capsys: pytest.CaptureFixture[str],
                                     loc: Path) -> None:  # noqa: F811
    catalogue(loc, "srn").set_header("Plural-Forms", "nplurals=2; plural=(n != 1);").save()
    _rc, data = check_json(capsys, loc, "--locale", "srn")
    problem = next(p for p in report(data, "srn")["problems"] if p["code"] == "header-plural")
    assert "our table" in problem["message"] and "CLDR" not in problem["message"]


def test_preview_marks_fuzzy_and_untranslated_text(loc: Path) -> None:  # noqa: F811
    po = catalogue(loc, "tr").fuzzy(LIST_ITEM)
    po.set_msgstr(TWO_LINKS, "").save()
    stale = catalogue(loc, "tr").msgstr(LIST_ITEM)
    renderer = Renderer(Locales(loc))
    for fmt in ("html", "md", "txt"):
        text = renderer.render("tr", fmt=fmt, preview=True)
        line = next(x for x in text.split("\n") if stale[:20] in x)
        assert "[FUZZY]" in line, (fmt, line)
        assert "[NL]" in text
    run = cli("--locales", loc, "render", "tr", "--preview", "--format", "txt")
    assert "[FUZZY]" in run.stdout


def test_no_traceback_on_hostile_catalogues(loc: Path) -> None:  # noqa: F811
    """A handful of files msgfmt accepts or rejects: every command answers cleanly."""
    po = loc / "en" / "LC_MESSAGES" / "gedragscode.po"
    original = po.read_bytes()
    variants = [original.replace(b"\n", b"\r"),
                b"\xef\xbb\xbf" + original, original + b'\nmsgid "\\xD800"\nmsgstr "x"\n',
                original.replace(b'msgstr "', b'msgstr "\\x1b', 3), b"", b"\x00" * 10]
    for data in variants:
        po.write_bytes(data)
        for command in (["check"], ["stats"], ["render", "en", "--preview"]):
            cli("--locales", loc, *command)
    json.dumps(None)


def test_no_traceback_on_a_bare_obsolete_mark(loc: Path) -> None:  # noqa: F811
    po = loc / "en" / "LC_MESSAGES" / "gedragscode.po"
    for data in (b"#~\n", po.read_bytes() + b"\n#~\n"):
        po.write_bytes(data)
        for command in (["check"], ["stats"], ["render", "en", "--preview"]):
            cli("--locales", loc, *command)


def test_a_language_started_with_msginit_is_a_draft(capsys: pytest.CaptureFixture[str],
                                                    loc: Path) -> None:  # noqa: F811
    """Issue 11 item 3: msginit (like pybabel init or Weblate) adds a language: a draft."""
    msginit("it", loc / "gedragscode.pot", loc / "it" / "LC_MESSAGES" / "gedragscode.po")
    rc, data = check_json(capsys, loc)
    assert rc == 0 and report(data, "it")["status"] == "draft"
    assert report(data, "it")["translated"] == 0
    assert "header-plural" not in codes(data, "it")  # msginit's rule for Italian is fine
    assert check(capsys, "--locales", loc, "--strict").rc == 0
    assert Renderer(Locales(loc)).choose(["it"]).lang == "nl"


NASTY = ["[", "]", "(", ")", "<", ">", "\\", "!", "#", "1.", " ", "  ", "\u00ad", "\u200f",
         "\u202e", "\u3164", "\ufe0f", "\x1b", "\r", "\n", "\t", "@", ".", "bij1.org",
         "evil.example", "https://", "mailto:", "bestuur@bij1.org", "BIJ1", "ＢＩＪ１", "＠",
         "é", "ع", "&amp;", "&#x3c;", "javascript:", "~~~", "`", "*", "_", "|", ":", "/",
         GEDRAGSCODE, MAILTO, "\U000e0041", "\ue000", "\u0378", "\u2028", "\x00"]


def test_random_hostile_messages_never_crash_and_never_pass_unsafe() -> None:
    """Fuzz: whatever a message holds, the check answers, and what it lets through renders
    with only the Dutch links, no tag but <a> and <bdi>, and no hidden character."""
    import random
    import re

    from pelican_bij1code import characters, markup

    source = (f"Zie [de code]({GEDRAGSCODE}) of mail [bestuur@bij1.org]({MAILTO}). BIJ1.")
    targets = {GEDRAGSCODE, MAILTO}
    rng = random.Random(9)
    passed = 0
    for _ in range(3000):
        text = "".join(rng.choice(NASTY) for _ in range(rng.randint(1, 14)))
        if rng.random() < 0.5:
            text = f"See [the code]({GEDRAGSCODE}) or [bestuur@bij1.org]({MAILTO}). BIJ1. " + text
        for lang in ("en", "ar"):
            found = check_message(source, text, lang)
            html = markup.to_html(markup.parse(text), targets, rtl=lang == "ar")
            markup.to_markdown(markup.parse(text), targets)
            markup.to_text(markup.parse(text), targets)
            assert set(re.findall(r"<(/?\w+)", html)) <= {"a", "/a", "bdi", "/bdi"}, html
            assert set(re.findall(r'href="([^"]*)"', html)) <= {t.replace("&", "&amp;")
                                                              for t in targets}
            if not any(severity == "error" for severity, _, _ in found):
                passed += 1
                assert not (characters.hidden(text) - characters.allowed_hidden(lang)), text
                assert "evil" not in text, text
    assert passed > 10  # the fuzz reaches clean messages too


_WITH_EDITED_MASTER = """
import sys
from pathlib import Path
from pelican_bij1code import master
master.MASTER_PATH = Path(sys.argv[1])
from pelican_bij1code.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_after_a_dutch_edit_strict_ci_passes_once_fuzzy_entries_are_fixed(loc: Path) -> None:  # noqa: F811
    """Issue 11 item 1: extract + update after a Dutch edit; translators fix their fuzzy
    entries; the README's CI command passes with --strict, and the old Dutch is still there
    as an obsolete entry (as msgmerge and Weblate keep it)."""
    from pelican_bij1code.master import MASTER_PATH

    edited = loc.parent / "gedragscode.nl.md"
    text = MASTER_PATH.read_text(encoding="utf-8")
    assert "Wij spreken vanuit eigen ervaring." in text
    edited.write_text(text.replace("Wij spreken vanuit eigen ervaring.",
                                   "Wij spreken altijd vanuit eigen ervaring."), encoding="utf-8")
    notes = MASTER_PATH.with_name("gedragscode.notes.toml")  # extract reads it beside the master
    (loc.parent / notes.name).write_bytes(notes.read_bytes())

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run([sys.executable, "-c", _WITH_EDITED_MASTER, str(edited),
                                 "--locales", str(loc), *args], capture_output=True, text=True,
                                timeout=120)
        no_traceback(result)
        return result

    assert run("extract").returncode == 0 and run("update").returncode == 0
    assert run("check", "--strict").returncode == 1  # fuzzy entries in published languages
    published = [lang for lang in Locales(loc).languages()
                 if Locales(loc).status(lang) == "published"]
    assert {"en", "tr", "pl", "ar", "es", "fa"} <= set(published)
    for lang in published:  # the translators' work, as Poedit would save it
        path = loc / lang / "LC_MESSAGES" / "gedragscode.po"
        po = polib.pofile(str(path))
        for entry in po.fuzzy_entries():
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
        po.save()
    result = run("check", "--strict")
    assert result.returncode == 0, result.stdout[-3000:]
    nl = (loc / "nl" / "LC_MESSAGES" / "gedragscode.po").read_text(encoding="utf-8")
    assert '#~ msgid "Wij spreken vanuit eigen ervaring."' in nl
