"""A loop of symbolic links anywhere in the locales folder is a refusal, never a traceback.

Python 3.11's ``Path.resolve`` raises ``RuntimeError`` (not ``OSError``) on a loop: every
command crashed on one, and a Pelican build dropped every page with the code, exit 0 (a
hostile tester's finding). Each place a loop can be, each command, and a real build.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from conftest import LOCALES, SiteBuilder, run_cli

#: Where a loop can be, relative to the locales folder: a link to itself.
PLACES = ["en/LC_MESSAGES/gedragscode.po", "status.toml", "gedragscode.pot", "en/LC_MESSAGES",
          "en", "xx/LC_MESSAGES/gedragscode.po"]


def _looped(tmp_path: Path, place: str, pair: bool = False) -> Path:
    root = tmp_path / "locales"
    shutil.copytree(LOCALES, root)
    link = root / place
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.is_dir() and not link.is_symlink():
        shutil.rmtree(link)
    elif link.exists():
        link.unlink()
    if pair:  # two links pointing at each other
        other = link.with_name(link.name + ".other")
        other.symlink_to(link.name)
        link.symlink_to(other.name)
    else:
        link.symlink_to(link.name)
    return root


@pytest.mark.parametrize("pair", [False, True], ids=["self", "pair"])
@pytest.mark.parametrize("place", PLACES)
def test_every_command_refuses_a_loop_cleanly(tmp_path: Path, place: str, pair: bool) -> None:
    root = _looped(tmp_path, place, pair)
    for command in (["check"], ["check", "--locale", "en"], ["render", "en"], ["stats"],
                    ["update"], ["update", "--locale", "en"]):
        result = run_cli("--locales", str(root), *command)
        assert "Traceback" not in result.stderr, (place, command, result.stderr[-600:])
        assert result.returncode in (0, 1, 2), (place, command, result.returncode)
    check = run_cli("--locales", str(root), "check")
    if place.startswith("xx/"):  # an undeclared folder is a draft: reported, never failing
        assert check.returncode == 0 and "xx" in check.stdout
    else:
        assert check.returncode != 0, (place, check.stdout[-400:])


@pytest.mark.parametrize("place", ["en/LC_MESSAGES/gedragscode.po", "status.toml"])
def test_a_build_keeps_every_page(tmp_path: Path, place: str, build_site: SiteBuilder,
                                  caplog: pytest.LogCaptureFixture) -> None:
    """The page with the code is written (in Dutch, the fallback), nothing is dropped."""
    root = _looped(tmp_path, place)
    site = build_site({"pages/code.md": "Title: Code\nLang: en\n\n[gedragscode]\n",
                       "pages/plain.md": "Title: Plain\n\nNo code.\n"},
                      BIJ1CODE_LOCALES_DIR=str(root))
    assert (site.output / "pages" / "plain.html").exists()
    codes = site.codes("pages/code-en.html")
    assert len(codes) == 1 and codes[0].get("lang") == "nl"
    errors = [r.getMessage() for r in site.records if r.levelno >= logging.ERROR]
    assert not any("Could not process" in message for message in errors), errors
    assert any("symbolic links" in message or "status" in message for message in site.warnings)


def test_resolve_leaves_a_loop_to_the_reader(tmp_path: Path) -> None:
    from pelican_bij1code import files

    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    assert files.resolve(loop) == loop
    with pytest.raises(OSError, match="symbolic links"):
        files.read_regular(loop)
    assert os.path.islink(loop)


@pytest.mark.parametrize("kind", ["fifo", "folder", "loop", "dangling"])
def test_a_catalogue_that_is_no_file_is_named_as_such(tmp_path: Path, kind: str) -> None:
    """Not "no catalogue for 'en' (have: ..., en, ...)", which contradicts itself."""
    root = tmp_path / "locales"
    shutil.copytree(LOCALES, root)
    path = root / "en" / "LC_MESSAGES" / "gedragscode.po"
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(path.name if kind == "loop" else "gone.po")
    for command in (["update", "--locale", "en"], ["render", "--preview", "en"],
                    ["check", "--locale", "en"]):
        result = run_cli("--locales", str(root), *command)
        assert "Traceback" not in result.stderr and result.returncode in (1, 2), command
        assert "no catalogue for" not in result.stderr, (command, result.stderr)
    update = run_cli("--locales", str(root), "update", "--locale", "en")
    assert "not a regular file" in update.stderr and update.returncode == 2


def test_a_draft_whose_folder_is_a_dangling_link_is_still_reported(tmp_path: Path) -> None:
    """The fifty-third pass: a draft (srn) whose LC_MESSAGES was a link to nowhere vanished
    from check and stats, without a line; a published one was reported."""
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales)
    shutil.rmtree(locales / "srn" / "LC_MESSAGES")
    (locales / "srn" / "LC_MESSAGES").symlink_to(tmp_path / "nowhere")
    check = run_cli("check", "--locales", str(locales))
    assert check.returncode == 0 and "srn (draft): 1 unsafe-path" in check.stdout, check.stdout
    assert "srn " in run_cli("stats", "--locales", str(locales)).stdout


def test_a_link_that_leads_somewhere_is_no_language_folder(tmp_path: Path) -> None:
    """The last review: the rule above counted any link in the locales folder (status.toml
    linked to another file, an images folder linked elsewhere) as a folder holding a
    catalogue, and check failed with folder-name."""
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales)
    (locales / "status.toml").rename(locales / ".status-real.toml")
    (locales / "status.toml").symlink_to(".status-real.toml")
    (tmp_path / "other").mkdir()
    (locales / "images").symlink_to(tmp_path / "other")
    check = run_cli("check", "--locales", str(locales))
    assert check.returncode == 0 and "folder-name" not in check.stdout, check.stdout
