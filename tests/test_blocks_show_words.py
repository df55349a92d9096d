"""A title, rule, paragraph or notice must show a word: one of punctuation, symbols, digits,
combining marks, fillers or the word BIJ1 alone says nothing (a hostile tester's finding: a
binding notice of "." passed ``check --strict`` and was published).

The class: every message whose visible text has no letter outside BIJ1's terms, where the
Dutch has one; checked with the real CLI and a real Pelican build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from conftest import LOCALES, SiteBuilder, run_cli

from pelican_bij1code.check import check_message
from pelican_bij1code.master import NOTICE

RULE = "Wij praten met mensen, niet over mensen."
SAYS_NOTHING = [".", "…", "-.", "BIJ1.", "BIJ1", "bij1komsten!", "\u2800.", "\u0301\u0301\u0301",
                "\U00016fe4", "\U0001d159", "12345.", "(( ))", "«»", "→ ✓", "☺"]
SAYS_SOMETHING = ["We talk with people.", "نحن نتحدث مع الناس.", "我们和人交谈。", "BIJ1 is wij.",
                  "Ça.", "ok"]


@pytest.mark.parametrize("text", SAYS_NOTHING)
def test_a_message_without_words_is_empty(text: str) -> None:
    assert "empty" in {code for _, code, _ in check_message(RULE, text, "en")}, text
    assert "empty" in {code for _, code, _ in check_message(NOTICE.text, text, "en")}, text


@pytest.mark.parametrize("text", SAYS_SOMETHING)
def test_a_message_with_words_is_not(text: str) -> None:
    assert "empty" not in {code for _, code, _ in check_message(RULE, text, "en")}, text


def test_a_dutch_text_without_words_may_be_kept() -> None:
    assert "empty" not in {code for _, code, _ in check_message("BIJ1", "BIJ1", "en")}
    assert "empty" not in {code for _, code, _ in check_message("1.", "1.", "en")}


def _catalogue(tmp_path: Path, changes: dict[str, str]) -> Path:
    root = tmp_path / "locales"
    shutil.copytree(LOCALES, root)
    path = root / "en" / "LC_MESSAGES" / "gedragscode.po"
    po = polib.pofile(str(path))
    for msgid, msgstr in changes.items():
        entry = po.find(msgid)
        assert entry is not None, msgid
        entry.msgstr = msgstr
    po.save(str(path))
    return root


@pytest.mark.parametrize("text", [".", "\u0301\u0301\u0301", "BIJ1."])
def test_check_fails_and_the_build_never_shows_it(tmp_path: Path, text: str,
                                                  build_site: SiteBuilder) -> None:
    root = _catalogue(tmp_path, {NOTICE.text: text, RULE: "…"})
    result = run_cli("--locales", str(root), "check", "--locale", "en")
    assert result.returncode == 1 and "empty" in result.stdout, result.stdout[-500:]
    site = build_site({"pages/code.md": "Title: Code\nLang: en\n\n[gedragscode]\n"},
                      BIJ1CODE_LOCALES_DIR=str(root))
    html = site.read("pages/code-en.html")
    assert f'notice">{text}</p>' not in html and ">…</li>" not in html
    codes = site.codes("pages/code-en.html")
    assert len(codes) == 1 and codes[0].get("lang") == "nl"  # the Dutch, with a warning
    assert any("empty" in warning or "fails the check" in warning for warning in site.warnings)
