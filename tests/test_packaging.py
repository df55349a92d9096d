"""Packaging: the wheel ships the catalogues and works outside the checkout; ruff is clean."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import LOCALES, ROOT


def test_wheel_ships_master_and_every_catalogue(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "pelican_bij1code/gedragscode.nl.md" in names
    assert "pelican_bij1code/gedragscode.notes.toml" in names  # extract needs the notes
    assert "pelican_bij1code/locales/gedragscode.pot" in names
    assert "pelican_bij1code/locales/status.toml" in names
    for po in LOCALES.glob("*/LC_MESSAGES/gedragscode.po"):
        assert f"pelican_bij1code/locales/{po.relative_to(LOCALES)}" in names
    assert not any(n.startswith(("tests/", "content/", "locales/")) for n in names)


def test_wheel_works_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    # dependencies come from this interpreter; the package itself only from the wheel
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                   check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q",
                    str(wheel)], check=True, timeout=300)
    away = tmp_path / "elsewhere"
    away.mkdir()
    where = subprocess.run(
        [str(python), "-c", "import pelican_bij1code.catalogue as c; print(c.__file__); "
                            "print(c.shipped_locales_dir())"],
        cwd=away, capture_output=True, text=True, check=True).stdout.split()
    assert str(venv) in where[0] and str(venv) in where[1], where
    check = subprocess.run([str(venv / "bin" / "bij1code"), "check", "--strict"], cwd=away,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    render = subprocess.run([str(venv / "bin" / "bij1code"), "render", "tr", "--format", "txt"],
                            cwd=away, capture_output=True, text=True)
    assert render.returncode == 0 and "BİZ BIJ1'İZ" in render.stdout


def test_mypy_is_clean() -> None:
    """Type hints everywhere, checked with mypy --strict (configured in pyproject.toml)."""
    # mypy of the interpreter running the tests, which sees the same packages (segno's types)
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (pip install -e '.[test]')")
    result = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    result = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
