"""The README and the badges tell the truth about the catalogues."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LOCALES, ROOT, require_tool

from pelican_bij1code.catalogue import Locales
from pelican_bij1code.cli import main


def test_readme_has_the_quick_start_verbatim() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python -m pip install -e . && pelican\n" in readme
    assert 'python -m pip install -e ".[test]" && python -m pytest\n' in readme


def test_committed_badges_are_current(tmp_path: Path) -> None:
    assert main(["--locales", str(LOCALES), "stats", "--format", "svg",
                 "--output", str(tmp_path)]) == 0
    for badge in tmp_path.glob("*.svg"):
        committed = ROOT / "docs" / "badges" / badge.name
        assert committed.read_text(encoding="utf-8") == badge.read_text(encoding="utf-8"), \
            f"{committed} is stale: run bij1code stats --format svg --output docs/badges"


def test_status_table_matches_status_toml() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    locales = Locales(LOCALES)
    for lang in locales.languages():
        row = next(line for line in readme.splitlines() if f"| `{lang}` |" in line)
        assert f"| {locales.status(lang)}" in row, row


# -- docs/translating.md: every shell command in it runs ---------------------------------------

GUIDE = ROOT / "docs" / "translating.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
NOT_SHELL = {"text", "po", "toml"}  # layouts and file excerpts, shown, never run
COMMAND = re.compile(r"^(bij1code|msg(fmt|merge|init|cat|attrib)|pybabel|python|pip) ", re.M)


def guide_blocks() -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(GUIDE.read_text(encoding="utf-8"))]


def test_guide_marks_every_block() -> None:
    """Shell commands are in ```sh blocks (run below); nothing else looks like a command."""
    blocks = guide_blocks()
    assert {lang for lang, _ in blocks} <= {"sh"} | NOT_SHELL, blocks
    assert sum(lang == "sh" for lang, _ in blocks) >= 10
    for lang, body in blocks:
        if lang in NOT_SHELL:
            assert not COMMAND.search(body), body


def test_guide_says_what_translators_must_know() -> None:
    """Issue 11 items 7, 8, 9: stale #| lines, whole-language fallback, install, --locales."""
    text = " ".join(GUIDE.read_text(encoding="utf-8").split())
    assert "remove **both** the `#, fuzzy` line and every `#|` line" in text
    assert "one fuzzy entry takes the whole language off the site" in text
    assert "every page in that language shows the whole code in Dutch instead" in text
    assert 'set the language back to `"draft"`' in text
    assert "python -m pip install -e ." in text and "--locales DIR" in text


GUIDE_NEW = ("de", "it", "pt")  # the languages the guide starts, with init, msginit, pybabel


def test_guide_starts_languages_the_repository_lacks() -> None:
    """Else its init commands would fail (or, worse, overwrite a real catalogue)."""
    assert not [code for code in GUIDE_NEW if (LOCALES / code).exists()]
    sh = "\n".join(body for lang, body in guide_blocks() if lang == "sh")
    assert "bij1code init de" in sh and "--locale=it" in sh and "--locale=pt" in sh


@pytest.fixture(scope="module")
def guide_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv (dependencies from this interpreter's site-packages)."""
    venv = tmp_path_factory.mktemp("guide-venv")
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                   check=True, timeout=300)
    return venv


def repository_copy(target: Path) -> Path:
    """The checkout as a newcomer has it: sources and locales, no build output or git."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(
        ".git", "output", "build", "dist", "cache", "*.egg-info", "__pycache__",
        ".*_cache", "*.po~", "*.mo"))
    return target


def test_every_shell_command_in_the_guide_runs(guide_venv: Path, tmp_path: Path) -> None:
    """Each ```sh block, in order, in a copy of the repository, with a fresh install."""
    for tool in ("msgfmt", "msginit", "msgmerge"):
        require_tool(tool)
    work = repository_copy(tmp_path / "pelican-bij1code")
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1",
               PATH=os.pathsep.join([str(guide_venv / "bin"), str(Path(sys.executable).parent),
                                     os.environ.get("PATH", "")]))
    env.pop("PYTHONPATH", None)
    ran = []
    for lang, body in guide_blocks():
        if lang != "sh":
            continue
        result = subprocess.run(["bash", "-euo", "pipefail", "-c", body], cwd=work, env=env,
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, \
            f"the guide's block failed:\n{body}\n--- stdout\n{result.stdout[-3000:]}" \
            f"\n--- stderr\n{result.stderr[-3000:]}"
        assert "Traceback" not in result.stderr, body
        ran.append(body)
    # the guide's bij1code is the one it installed, not this checkout's
    where = subprocess.run(["bash", "-c", "command -v bij1code"], cwd=work, env=env,
                           capture_output=True, text=True).stdout.strip()
    assert where == str(guide_venv / "bin" / "bij1code")
    # what the guide built is there: three new languages, each a draft
    for code in GUIDE_NEW:
        assert (work / "locales" / code / "LC_MESSAGES" / "gedragscode.po").is_file()
    stats = subprocess.run(["bij1code", "stats", "--format", "json"], cwd=work, env=env,
                           capture_output=True, text=True, check=True)
    status = {row["locale"]: row["status"] for row in json.loads(stats.stdout)}
    assert status["de"] == status["it"] == status["pt"] == "draft"
    assert status["tr"] == "published"
    assert len(ran) == sum(lang == "sh" for lang, _ in guide_blocks())
