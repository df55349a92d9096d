"""Rendering: formats, the sanitiser, language choice, and the `render` command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import run_cli, valid_html_fragment

from pelican_bij1code import pofile, powriter
from pelican_bij1code.catalogue import Locales
from pelican_bij1code.cli import main
from pelican_bij1code.master import load_master
from pelican_bij1code.render import Renderer

DUTCH_TARGETS = {"https://bij1.org/gedragscode/", "mailto:bestuur@bij1.org",
                 "https://bij1.org/vertrouwenspersonen/"}


def _set_msgstr(locales: Path, lang: str, msgid_start: str, msgstr: str) -> None:
    """Give one message a new translation (keeping the catalogue otherwise as it is)."""
    path = locales / lang / "LC_MESSAGES" / "gedragscode.po"
    po = pofile.read(path)
    entry = next(e for e in po.entries if e.msgid.startswith(msgid_start))
    entry.msgstr, entry.raw = msgstr, None
    path.write_text(powriter.dump(po, {e.key: e for e in [po.header, *po.entries]}),
                    encoding="utf-8")


@pytest.mark.parametrize("lang", ["nl", "en", "tr", "pl", "ar"])
def test_every_published_language_renders_valid_complete_html(locales: Path, lang: str) -> None:
    html = Renderer(Locales(locales)).html(lang)
    assert valid_html_fragment(html) == []
    soup = BeautifulSoup(html, "html.parser")
    root = soup.select_one("section.gedragscode")
    assert root["lang"] == lang and root["dir"] == ("rtl" if lang == "ar" else "ltr")
    assert [s["data-part"] for s in root.select("[data-part]")] == ["wij", "ik", "samen"]
    assert len(root.find_all("li")) == 13 and len(root.find_all("h2")) == 3
    assert {a["href"] for a in root.find_all("a")} == DUTCH_TARGETS
    assert not root.find_all(["script", "style", "iframe", "img"])
    assert all(not k.startswith("on") for t in root.find_all(True) for k in t.attrs)
    assert (root.select_one(".gedragscode-notice") is None) == (lang == "nl")


def test_hostile_translation_cannot_reach_the_page_even_in_preview(locales: Path) -> None:
    hostile = ('<script>alert(1)</script> <img src=x onerror=alert(1)> '
               '<iframe src="https://evil.example"></iframe> [click](javascript:alert(1)) '
               '![x](https://evil.example/x.png) <a href="https://evil.example">x</a> '
               '<style>body{display:none}</style> [ok](https://evil.example/)')
    _set_msgstr(locales, "en", "Wij spreken vanuit", hostile)
    renderer = Renderer(Locales(locales))
    assert renderer.usable("en")[0] is False  # the check fails it: never on a page
    html = renderer.render("en", preview=True)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "img", "iframe", "style"])
    assert {a["href"] for a in soup.find_all("a")} <= DUTCH_TARGETS
    assert all(not k.startswith("on") for t in soup.find_all(True) for k in t.attrs)
    assert "&lt;script&gt;" in html  # shown as text, harmless


def test_formats_markdown_and_text(locales: Path) -> None:
    renderer = Renderer(Locales(locales))
    md = renderer.render("en", fmt="md", level=3)
    assert md.startswith("*This is a translation.")
    assert "### WE ARE BIJ1" in md and "#### Diversity is our strength." in md
    assert "[bestuur@bij1.org](mailto:bestuur@bij1.org)" in md
    assert md.count("\n* ") == 13
    txt = renderer.render("nl", fmt="txt", parts=("samen",))
    assert txt.startswith("SAMEN MAKEN WIJ")
    assert "BIJ1 Integriteits- en gedragscode <https://bij1.org/gedragscode/>" in txt
    assert "via: <bestuur@bij1.org>." in txt and "mailto:" not in txt
    assert "[" not in txt and "<" not in re.sub(r"<(https://|bestuur@)[^>]*>", "", txt)


def test_markdown_output_escapes_what_would_become_markup(locales: Path) -> None:
    _set_msgstr(locales, "en", "Wij spreken vanuit", "We speak from *our own* [experience].")
    md = Renderer(Locales(locales)).render("en", fmt="md", preview=True)
    assert r"We speak from \*our own\* \[experience\]." in md


def test_choice_skips_incomplete_fuzzy_and_draft_catalogues(locales: Path) -> None:
    _set_msgstr(locales, "tr", "Wij spreken vanuit", "")
    renderer = Renderer(Locales(locales))
    choice = renderer.choose(["tr", "pap", "de", "pl"])
    assert choice.lang == "pl"
    reasons = " | ".join(choice.problems)
    assert "'tr' catalogue fails the check" in reasons and "untranslated" in reasons
    assert "'pap' catalogue is a draft" in reasons and "no catalogue for 'de'" in reasons
    assert renderer.choose(["xx-YY", "zz"]).lang == "nl"


def test_no_page_mixes_languages(locales: Path) -> None:
    # one message missing in Polish: Polish is not rendered at all, never half-Dutch
    _set_msgstr(locales, "pl", "Ik ben een voorbeeld", "")
    renderer = Renderer(Locales(locales))
    choice = renderer.choose(["pl"])
    html = renderer.html(choice.lang)
    dutch = {b.text.split(" [")[0] for b in load_master()}
    assert choice.lang == "nl" and all(text in html for text in dutch if "“" not in text)


def test_renderer_sees_an_edited_catalogue(locales: Path) -> None:
    renderer = Renderer(Locales(locales))
    assert "WE ARE BIJ1" in renderer.html("en")
    _set_msgstr(locales, "en", "WIJ ZIJN BIJ1", "WE ARE BIJ1!")
    renderer.refresh()
    assert "WE ARE BIJ1!" in renderer.html("en")


def test_rendering_is_cached_per_language(locales: Path) -> None:
    renderer = Renderer(Locales(locales))
    assert renderer.html("tr") is renderer.html("tr")


def test_render_command(locales: Path, capsys) -> None:
    assert main(["--locales", str(locales), "render", "ar", "--part", "ik", "--level", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith('<section class="gedragscode" lang="ar" dir="rtl">')
    assert re.findall(r"<h(\d)", out) == ["3"] and 'data-part="ik"' in out
    assert main(["--locales", str(locales), "render", "en-GB", "--format", "txt"]) == 0
    assert "WE ARE BIJ1" in capsys.readouterr().out


def test_render_refuses_drafts_unless_previewed(locales: Path) -> None:
    refused = run_cli("--locales", str(locales), "render", "srn")
    assert refused.returncode == 1 and "draft" in refused.stderr and refused.stdout == ""
    preview = run_cli("--locales", str(locales), "render", "srn", "--preview", "--format", "txt")
    assert preview.returncode == 0 and "WI NA BIJ1" in preview.stdout
    unknown = run_cli("--locales", str(locales), "render", "de")
    assert unknown.returncode == 2 and "no catalogue for 'de'" in unknown.stderr
    bad = run_cli("--locales", str(locales), "render", "en", "--part", "jullie")
    assert bad.returncode == 2 and "unknown part 'jullie'" in bad.stderr


def test_catalogues_older_than_the_master_are_not_rendered(locales: Path) -> None:
    # a site's own locales folder, made for an older Dutch text: template and catalogue agree
    # with each other (so the check passes) but not with the master this package renders
    for path in (locales / "gedragscode.pot", locales / "en" / "LC_MESSAGES" / "gedragscode.po"):
        po = pofile.read(path)
        entry = next(e for e in po.entries if e.msgid == "Wij spreken vanuit eigen ervaring.")
        entry.msgid, entry.raw = "Wij spreken uit eigen ervaring.", None
        path.write_text(powriter.dump(po, {e.key: e for e in [po.header, *po.entries]}),
                        encoding="utf-8")
    renderer = Renderer(Locales(locales))
    ok, why = renderer.usable("en")
    assert not ok and "does not match this version's Dutch text" in why
    assert renderer.choose(["en"]).lang == "nl"
    assert main(["--locales", str(locales), "check", "--locale", "en"]) == 1  # template-outdated


def test_render_exits_as_check_does(locales: Path, tmp_path: Path) -> None:
    """Two hostile passes: render said 1 for a status file it could not read, where check
    says 2, and 2 for a catalogue that is a FIFO or a folder, 1 for one linked out of the
    folder, where check says 1 for all three; the Dutch, which needs no status, renders."""
    status = locales / "status.toml"
    status.write_bytes(b"\xef\xbb\xbf" + status.read_bytes())
    for command in (["render", "en"], ["check"]):
        done = run_cli("--locales", str(locales), *command)
        assert done.returncode == 2 and "byte-order mark" in done.stderr, command
    assert run_cli("--locales", str(locales), "render", "nl").returncode == 0
    status.write_bytes(status.read_bytes()[3:])
    catalogue = locales / "en" / "LC_MESSAGES" / "gedragscode.po"
    outside = tmp_path / "outside.po"
    outside.write_bytes(catalogue.read_bytes())
    catalogue.unlink()
    catalogue.symlink_to(outside)
    for command in (["render", "en"], ["check"]):
        assert run_cli("--locales", str(locales), *command).returncode == 1
    catalogue.unlink()
    catalogue.mkdir()
    for command in (["render", "en"], ["check"]):
        assert run_cli("--locales", str(locales), *command).returncode == 1
    catalogue.rmdir()
    catalogue.write_bytes(outside.read_bytes().replace(
        b'msgstr "We speak from our own experience."', b'msgstr "We speak <b>x</b>."'))
    assert run_cli("--locales", str(locales), "render", "en").returncode == 1
