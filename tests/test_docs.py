"""The README and the badges tell the truth about the catalogues."""

from __future__ import annotations

from pathlib import Path

from conftest import LOCALES, ROOT

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
