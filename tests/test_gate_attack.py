"""What a hostile tester found in the safety gate after issue 9's first round, each class
with real tools: Python-Markdown (Pelican's default ``extra`` and more) and markdown-it-py
(CommonMark and its GFM-like preset) read our ``--format md``; real Pelican builds; real
FIFOs, symlinks and ``/dev/zero``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_check import (
    GEDRAGSCODE,
    LIST_ITEM,
    MAILTO,
    TITLE_IK,
    catalogue,
    check_json,
    loc,  # noqa: F401  (the fixture)
    )
from test_gate import codes, message_codes

from pelican_bij1code import markup
from pelican_bij1code.catalogue import Locales
from pelican_bij1code.check import check_message
from pelican_bij1code.render import Renderer

#: Generous: a linear path takes milliseconds, a hang never ends.
BOUND = 30.0



def cli(*args: object, cwd: Path | None = None,
        timeout: float = BOUND) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "pelican_bij1code", *map(str, args)],
                            cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-2000:]
    return result


# -- 1. Markdown output: plain text in every common dialect -------------------------------------

HOSTILE_MARKDOWN = [
    "WE ARE BIJ1 {: onclick='alert(1)' style='color:red' }",
    "WE ARE BIJ1 {: #gedragscode-ik-1 }",
    "WE ARE BIJ1 {#x .y}",
    "We ~~struck~~ and ==marked== and $$x^2$$ and :smile: and H~2~O and x^2^",
    "!!! note \"Title\"",
    "??? danger",
    "A footnote[^1] and [^1]: text",
    "*[BIJ1]: an abbreviation",
    "| a | b |",
    "a | b",
    ": a definition",
    "***",
    "* * *",
    "___",
    "---",
    "# heading ##",
    "Heading #",
    "> quote",
    "1. one",
    "1) one",
    "+ plus",
    "- minus",
    "```python",
    "~~~",
    "    indented code",
    "<div onclick=x>html</div> <b>b</b> <!-- c --> &amp; &#x41; &copy;",
    "<https://evil.example> https://evil.example www.evil.example",
    "[a](https://evil.example) ![i](https://evil.example/x.png) [b][ref]",
    "[ref]: https://evil.example",
    "`code` ``more`` *em* _em_ **strong** __strong__",
    "trailing backslash \\",
    "trailing spaces   ",
    "a\\\nb",
    "{: .cls } at the start",
    "text {@attr} and [text]{: #id }",
    "emoji :+1: and :-) and x:y",
    "BIJ1 (https://bij1.org/gedragscode/) and bestuur@bij1.org",
    "$math$ and \\(x\\) and \\[y\\]",
    "^^inserted^^ and ,,sub,,",
    "=== setext",
    "-- dashes -- and \"quotes\" and 'single'",
]

#: Python-Markdown as Pelican uses it, and every extension that reads syntax inside a line.
PY_MARKDOWN_EXTENSIONS = ["extra", "admonition", "toc", "attr_list", "footnotes", "abbr",
                          "def_list", "tables", "fenced_code", "md_in_html", "sane_lists",
                          "nl2br"]


def _converters() -> list[tuple[str, object]]:
    import markdown
    from markdown_it import MarkdownIt

    return [
        ("python-markdown", lambda text: markdown.markdown(text,
                                                           extensions=PY_MARKDOWN_EXTENSIONS)),
        ("commonmark", MarkdownIt("commonmark").render),
        ("gfm-like", MarkdownIt("gfm-like", {"linkify": False}).enable(
            ["table", "strikethrough"]).render),
    ]


ALLOWED_TAGS = {"p", "h2", "h3", "ul", "li", "a", "em", "strong"}


def _shown(message: str) -> str:
    """What the message says: its text, link texts included, as one line."""
    return " ".join(markup.clean("".join(t.text for t in markup.parse(message))).split())


@pytest.mark.parametrize("message", HOSTILE_MARKDOWN)
@pytest.mark.parametrize("shape", ["## {}", "* {}", "{}", "*{}*"])
def test_markdown_output_is_plain_text_in_every_dialect(message: str, shape: str) -> None:
    allowed = {GEDRAGSCODE}
    text = markup.to_markdown(markup.parse(message), allowed)
    if shape == "*{}*" and not text:
        return
    document = shape.format(text)
    for name, convert in _converters():
        html = convert(document)  # type: ignore[operator]
        soup = BeautifulSoup(html, "html.parser")
        for tag in soup.find_all(True):
            assert tag.name in ALLOWED_TAGS, (name, document, html)
            attributes = set(tag.attrs) - ({"id"} if tag.name == "h2" else set())
            assert attributes <= ({"href"} if tag.name == "a" else set()), (name, html)
            if tag.name == "a":
                assert tag["href"] in allowed, (name, html)
        assert " ".join(soup.get_text().split()) == _shown(message), (name, document, html)


def test_markdown_output_keeps_the_dutch_links(loc: Path) -> None:  # noqa: F811
    import markdown

    text = Renderer(Locales(loc)).render("en", fmt="md")
    html = markdown.markdown(text, extensions=PY_MARKDOWN_EXTENSIONS)
    hrefs = {a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a")}
    assert hrefs == {GEDRAGSCODE, MAILTO, "https://bij1.org/vertrouwenspersonen/"}


@pytest.mark.parametrize("translation, code", [
    ("WE ARE BIJ1 {: onclick='alert(1)' }", "markup"),
    ("WE ARE BIJ1 {: #gedragscode-ik-1 }", "markup"),
    ("WE ARE {#x} BIJ1", "markup"),
    ("WE ~~ARE~~ BIJ1", "markup"),
    ("WE ==ARE== BIJ1", "markup"),
    ("WE $$ARE$$ BIJ1", "markup"),
    ("WE :fire: BIJ1", "markup"),
    ("WE ARE BIJ1[^1]", "markup"),
    ("*** WE ARE BIJ1", "block-markup"),
    ("***", "block-markup"),
    ("* * * BIJ1", "block-markup"),
    ("___ BIJ1", "block-markup"),
    ("!!! note BIJ1", "block-markup"),
    (": WE ARE BIJ1", "block-markup"),
    ("*[BIJ1]: x BIJ1", "block-markup"),
    ("| WE | ARE | BIJ1 |", "block-markup"),
])
def test_check_flags_markdown_syntax_the_dutch_lacks(translation: str, code: str) -> None:
    assert code in message_codes("WIJ ZIJN BIJ1", translation)


@pytest.mark.parametrize("translation", [
    "WE ARE BIJ1", "Note: we are BIJ1, at 10:30 — a = b? 50 % | no", "We are BIJ1 :)",
])
def test_ordinary_punctuation_is_no_markup_finding(translation: str) -> None:
    assert not {"markup", "block-markup"} & message_codes("WIJ ZIJN BIJ1", translation)


# -- 2. addresses as a browser reads them -------------------------------------------------------

SAMEN = (f"Voor vragen kun je natuurlijk altijd contact opnemen met het bestuur via: "
         f"[bestuur@bij1.org]({MAILTO}).")


@pytest.mark.parametrize("shown", [
    "bestuur\uff20bij1-meldpunt\uff61com",     # full-width @, half-width ideographic full stop
    "bestuur@bij1-meldpunt\u3002com",          # ideographic full stop
    "bestuur@bij1-meldpunt\uff0ecom",          # full-width full stop
    "bij1-meldpunt\u3002com",                  # a domain alone
    "tel:+31201234567", "sms:+31612345678", "whatsapp:+31612345678", "signal:x",
    "+31 20 123 45 67", "06-12345678",
    # any dash (a non-breaking hyphen, an en dash, the Hebrew maqaf) in a phone number
    "06\u20111234\u20115678", "0800\u20130123", "5678\u05be1234\u05be6\u05be31+",
    # combining marks a reader reads past (a later hostile pass): n̲l is nl
    "vertrouwen@bij1-hulp.n\u0332l", "bij1-hulp.n\u0332l", "evil.c\u0300om", "evil\u0338.com",
    "e\u0301vil.com", "".join(f"{digit}\u0332 " for digit in "0612345678"),
    # drawn as nothing: the object replacement character inside an address
    "vertrouwen@bij1-hulp\ufffc.nl", "bij1-hulp\ufffc.nl", "020\ufffc-\ufffc1234567",
])
def test_lookalike_and_scheme_addresses_are_compared(shown: str) -> None:
    translation = (f"For questions, contact the board via [bestuur@bij1.org]({MAILTO}) "
                   f"or {shown}.")
    found = message_codes(SAMEN, translation)
    assert found & {"url", "email", "phone"}, found


@pytest.mark.parametrize("shown", ["+31 20 123 45 67", "06-12345678", "tel:+31201234567"])
def test_a_phone_number_alone_is_compared(shown: str) -> None:
    assert "phone" in message_codes("Wij spreken vanuit eigen ervaring.",
                                    f"We speak from our own experience, call {shown}.")


@pytest.mark.parametrize("text", [
    "Per això abracem tot el que és col·lectiu i il·lícit no.",  # Catalan's punt volat
    "Tou·te·s les militant·e·s de BIJ1, n°1 sur 2 × 2 points.",  # inclusive French
    "Alle Teilnehmer·innen von BIJ1 sprechen aus eigener Erfahrung.",
    "Organizacio\u0301n: BIJ1’s safe(r) space — on-line, e-mail.",
])
def test_spelling_that_joins_letters_is_no_lookalike(text: str) -> None:
    assert "lookalike" not in message_codes("Wij spreken vanuit eigen ervaring.", text)


@pytest.mark.parametrize("shown", ["hulp@meld\u00b7nl", "meld\ua4f8nl", "06\u00b712\u00b734",
                                   "https\ua789//evil.nl", "bestuur@b\u0456j1.org",
                                   "www\u00b7bij1-hulp\u00b7nl", "meld\u00b7org",
                                   "020\u00d7555\u00d71234", "1\u05benl\u05be.meld\u05be@hulp"])
def test_a_sign_or_letter_disguised_inside_a_latin_word_is_an_error(shown: str) -> None:
    assert "lookalike" in message_codes("Wij spreken vanuit eigen ervaring.",
                                        f"We speak from our own experience: {shown}.")


def test_ideographic_dots_in_a_link_text_are_a_swap() -> None:
    translation = f"Contact the board via [bestuur@bij1-meldpunt\u3002com]({MAILTO})."
    assert "link-swapped" in message_codes(SAMEN, translation)


def test_numbers_in_prose_are_no_address() -> None:
    translation = (f"Over 1.000.000 people, since 2024, 10:30, contact [bestuur@bij1.org]"
                   f"({MAILTO}).")
    assert not {"url", "email"} & message_codes(SAMEN, translation)


# -- 3. a link must show something --------------------------------------------------------------

ONE = f"is te vinden in de [BIJ1 Integriteits- en gedragscode]({GEDRAGSCODE})."


@pytest.mark.parametrize("text", ["", " ", "\u2800", ".", "…", " - ", "\u3164", "\u200b",
                                  "\u0301", "\u3000", "\ufffc\ufffc\ufffc", "\U0001d159"])
def test_a_link_that_shows_nothing_is_an_error(text: str) -> None:
    translation = f"BIJ1 is in the BIJ1 code of conduct [{text}]({GEDRAGSCODE})."
    assert "empty-link" in message_codes(ONE, translation)


@pytest.mark.parametrize("text", ["BIJ1 code", "кодекс", "行为准则", "→", "1"])
def test_a_link_with_words_passes(text: str) -> None:
    assert "empty-link" not in message_codes(ONE, f"BIJ1: see the [{text}]({GEDRAGSCODE}).")


def test_an_empty_link_keeps_a_real_build_on_dutch(loc: Path, capsys) -> None:  # noqa: F811
    po = catalogue(loc, "en")
    po.set_msgstr("Een diepgaande", "A detailed account of what we expect from everyone at "
                  f"our BIJ1komsten is found in the BIJ1 code [\u2800]({GEDRAGSCODE}).")
    po.save()
    rc, data = check_json(capsys, loc)
    assert rc == 1 and "empty-link" in codes(data, "en")
    assert Renderer(Locales(loc)).choose(["en"]).lang == "nl"


# -- 4. every file read goes through one guard: no hang, no endless read ------------------------


def _fifo(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.symlink_to("/dev/zero")


def _large(path: Path) -> None:
    with path.open("ab") as handle:
        handle.write(b"# padding\n" * (1024 * 1024 + 1))


@pytest.mark.parametrize("make", [_fifo, _dev_zero, _large], ids=["fifo", "dev-zero", "11MB"])
@pytest.mark.parametrize("name, commands", [
    ("status.toml", [["check"], ["render", "en"], ["stats"], ["init", "it"]]),
    ("gedragscode.pot", [["check"], ["update"], ["extract"], ["init", "it"], ["render", "en"]]),
    ("en/LC_MESSAGES/gedragscode.po", [["check"], ["update"], ["render", "en"], ["stats"]]),
])
def test_odd_files_are_refused_not_read(loc: Path, make, name: str,  # noqa: F811
                                        commands: list[list[str]]) -> None:
    target = loc / name
    make(target)
    for command in commands:
        run = cli("--locales", loc, *command)  # a hang is a TimeoutExpired: the test fails
        if command == ["stats"] and name.endswith(".po"):
            continue  # not a gate: it reports the others, and it does not hang
        assert run.returncode in (1, 2), (command, run.stdout[-500:], run.stderr[-500:])
        said = run.stdout + run.stderr
        assert Path(name).name in said, (command, said[-800:])
    if make is not _large:
        assert not target.is_file()  # refused, never replaced


def test_a_fifo_status_file_fails_a_real_pelican_build(tmp_path: Path, loc: Path) -> None:  # noqa: F811
    _fifo(loc / "status.toml")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "page.md").write_text(
        "Title: Code\nLang: en\n\n[gedragscode]\n", encoding="utf-8")
    (tmp_path / "pelicanconf.py").write_text(
        "PLUGINS = ['pelican_bij1code']\n"
        f"BIJ1CODE_LOCALES_DIR = {str(loc)!r}\nSITEURL = ''\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pelican", "content", "-o", "output", "-s",
                          "pelicanconf.py"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=120)
    said = run.stdout + run.stderr
    assert "status.toml" in said, said[-2000:]
    page = next((tmp_path / "output").rglob("code.html"), None)
    assert page is None or 'lang="en"' not in page.read_text(encoding="utf-8")


# -- 8. a status.toml that is a link to nothing -------------------------------------------------


def test_a_dangling_status_link_is_exit_2(loc: Path) -> None:  # noqa: F811
    status = loc / "status.toml"
    status.unlink()
    status.symlink_to(loc / "gone.toml")
    run = cli("--locales", loc, "check")
    assert run.returncode == 2 and "status.toml" in run.stderr + run.stdout
    assert "link" in run.stderr + run.stdout
    status.unlink()  # no file at all: every language a draft, exit 0
    assert cli("--locales", loc, "check").returncode == 0


# -- 5. two folders that name one language ------------------------------------------------------


@pytest.mark.parametrize("original, twin", [("en", "EN"), ("tr", "TR"), ("en", "En")])
def test_twin_folders_fail_the_check_naming_both(capsys, loc: Path,  # noqa: F811
                                                 original: str, twin: str) -> None:
    import shutil

    shutil.copytree(loc / original, loc / twin)
    if not (loc / twin).exists() or len({p.name for p in loc.iterdir()}) == len(
            {p.name.lower() for p in loc.iterdir()}):
        pytest.skip("a case-insensitive file system")
    rc, data = check_json(capsys, loc)
    assert rc == 1
    problems = [p for r in data for p in r["problems"] if p["code"] == "folder-twins"]
    assert problems and original in problems[0]["message"] and twin in problems[0]["message"]
    renderer = Renderer(Locales(loc))
    assert renderer.choose([original]).lang == "nl"  # check and render agree: neither is used
    assert renderer.choose([twin]).lang == "nl"


def test_pt_br_twins(capsys, loc: Path) -> None:  # noqa: F811
    import shutil

    shutil.copytree(loc / "en", loc / "pt_BR")
    shutil.copytree(loc / "en", loc / "pt-BR")
    rc, data = check_json(capsys, loc)
    assert rc == 1 and any(p["code"] == "folder-twins" and "pt-BR" in p["message"]
                           and "pt_BR" in p["message"] for r in data for p in r["problems"])


# -- 9. visible but abusive characters ----------------------------------------------------------


@pytest.mark.parametrize("translation", ["WE ARE BIJ1" + "\u0301" * 200,
                                         "WE\u0300\u0301\u0302\u0303 ARE BIJ1",
                                         "WE ARE BIJ1 \u0489\u0489\u0489\u0489"])
def test_stacked_combining_marks_are_an_error(translation: str) -> None:
    assert "stacked-marks" in message_codes("WIJ ZIJN BIJ1", translation)


@pytest.mark.parametrize("lang, translation", [
    ("vi", "CHÚNG TÔI LÀ BIJ1"),
    ("vi", "CHU\u0301NG TÔ\u0302I LA\u0300 BIJ1 (de\u0302\u0300)"),  # decomposed: two marks
    ("ar", "نَحْنُ BIJ1، وَنُحِبُّ الْجَمِيعَ"),                        # fully vocalised
    ("he", "אֲנַחְנוּ BIJ1"),
    ("hi", "हम BIJ1 हैं।"),
])
def test_languages_that_need_marks_pass(lang: str, translation: str) -> None:
    assert "stacked-marks" not in message_codes("WIJ ZIJN BIJ1", translation, lang)


@pytest.mark.parametrize("space", ["\u200a", "\u3000", "\u2003", "\u205f", "\u1680"])
def test_unusual_spaces_are_a_warning(space: str) -> None:
    assert "odd-space" in message_codes("WIJ ZIJN BIJ1", f"WE{space * 40}ARE BIJ1")


def test_french_and_no_break_spaces_pass() -> None:
    assert "odd-space" not in message_codes("Wij zijn BIJ1.", "Nous sommes BIJ1\u202f!", "fr")
    assert "odd-space" not in message_codes("Wij zijn BIJ1.", "We are BIJ1\u00a0!", "en")
    assert "odd-space" in message_codes("Wij zijn BIJ1.", "We are BIJ1\u202f!", "en")


def test_shipped_rtl_and_cyrillic_catalogues_have_no_new_finding(capsys) -> None:
    from test_check import SHIPPED

    rc, data = check_json(capsys, SHIPPED, "--strict")
    assert rc == 0
    for lang in ("ar", "fa", "uk"):
        found = codes(data, lang)
        assert not found & {"stacked-marks", "odd-space", "markup", "empty-link", "url",
                            "email"}, (lang, found)


# -- 6. init keeps an existing status line ------------------------------------------------------


@pytest.mark.parametrize("existing, flag", [("published", []), ("draft", ["--published"])])
def test_init_keeps_an_existing_status_line(loc: Path, existing: str,  # noqa: F811
                                            flag: list[str]) -> None:
    status = loc / "status.toml"
    status.write_text(status.read_text(encoding="utf-8") + f'it = "{existing}"\n',
                      encoding="utf-8")
    before = status.read_bytes()
    run = cli("--locales", loc, "init", "it", *flag)
    assert run.returncode == 0, run.stderr
    assert status.read_bytes() == before
    assert f"({'Italian'}, {existing})" in run.stdout


# -- 11. a preview marks what fails the check ---------------------------------------------------


def test_preview_marks_unsafe_text(loc: Path) -> None:  # noqa: F811
    po = catalogue(loc, "tr")
    po.set_msgstr(LIST_ITEM, "Biz [kendi](https://evil.example/) deneyimimizden konuşuruz.")
    po.fuzzy(TITLE_IK).save()
    po = catalogue(loc, "tr")
    po.set_msgstr(TITLE_IK, "BEN BIJ1 {: onclick=x }").save()
    renderer = Renderer(Locales(loc))
    for fmt in ("html", "md", "txt"):
        text = renderer.render("tr", fmt=fmt, preview=True)
        line = next(x for x in text.split("\n") if "deneyimimizden" in x)
        assert "UNSAFE: link-added" in line, (fmt, line)
        title = next(x for x in text.split("\n") if "BEN BIJ1" in x)
        assert "UNSAFE: markup" in title, (fmt, title)  # fuzzy and unsafe: unsafe shows
        assert "[FUZZY]" in text or "FUZZY" not in text
    run = cli("--locales", loc, "render", "tr", "--preview", "--format", "txt")
    assert "[UNSAFE: link-added]" in run.stdout


# -- linear time on the new checks --------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "\u3000" * 200_000, "x" + "\u0301" * 200_000, "{:" * 100_000, ":a" * 100_000,
    "1 " * 100_000, "+(" * 100_000, "[](x)" * 40_000, "tel:" * 50_000, "\u0301 " * 100_000,
    "a\u200b" * 100_000,
])
def test_new_checks_are_linear(text: str) -> None:
    import time

    start = time.perf_counter()
    check_message("WIJ ZIJN BIJ1", text, "en")
    markup.to_markdown(markup.parse(text), ())
    assert time.perf_counter() - start < BOUND
