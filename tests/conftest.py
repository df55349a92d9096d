"""Shared fixtures: copies of the shipped catalogues, real Pelican builds in temp folders."""

from __future__ import annotations

import functools
import logging
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
SEED = ROOT.parent / "shared" / "seed"


def require_tool(name: str) -> str:
    """The path of a system tool; skip without it, except on CI where it must be there."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed; .ci/run must install it")
        pytest.skip(f"{name} is not installed (apt-get install gettext chromium)")
    return path


def with_numbers(dutch: str, text: str) -> str:
    """``dutch`` with the numbers ``text`` shows written after it, one by one and parted by
    words (so that none runs into a phone number): a translation shows only the numbers its
    Dutch text has (check's ``number`` rule), and a test of how another rule reads a date or
    a year gives the Dutch the same numbers.

    >>> with_numbers("Wij zijn er.", "On 27/11.")
    'Wij zijn er: 27 en 11.'
    """
    from pelican_bij1code.addresses import numbers

    groups = [group for group, _ in numbers(text)]
    return f"{dutch.rstrip('.')}: {' en '.join(groups)}." if groups else dutch


def confusable_with(char: str) -> set[str]:
    """Every single character Unicode's confusables data (UTS #39, as the confusable_homoglyphs
    package ships it) joins to ``char``, through any chain, ``char`` too."""
    joined = _confusable_pairs()
    group, todo = {char}, [char]
    while todo:
        for other in joined.get(todo.pop(), ()):
            if other not in group:
                group.add(other)
                todo.append(other)
    return {c for c in group if len(c) == 1}


@functools.cache
def _confusable_pairs() -> dict[str, set[str]]:
    import json
    from importlib.resources import files

    data = json.loads(files("confusable_homoglyphs").joinpath("confusables.json").read_text())
    joined: dict[str, set[str]] = {}
    for key, homoglyphs in data.items():
        for homoglyph in homoglyphs:
            other = homoglyph["c"].replace("\u200e", "")  # the data's own direction marks
            joined.setdefault(key, set()).add(other)
            joined.setdefault(other, set()).add(key)
    return joined


def msginit(lang: str, template: Path, out: Path) -> Path:
    """A new catalogue for ``lang`` as GNU gettext's ``msginit`` starts it; returns ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([require_tool("msginit"), "--no-translator", f"--locale={lang}",
                    f"--input={template}", f"--output-file={out}"],
                   check=True, capture_output=True, timeout=60)
    return out


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    """A private copy of the shipped locales folder."""
    target = tmp_path / "locales"
    shutil.copytree(LOCALES, target)
    return target


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package built as a wheel, once per test run (packaging and round-trip tests)."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out),
                             str(ROOT)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return next(out.glob("*.whl"))


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m pelican_bij1code ARGS`` as a real process."""
    return subprocess.run([sys.executable, "-m", "pelican_bij1code", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@dataclass
class Site:
    """A built site: where it is and what the build said."""

    root: Path
    output: Path
    records: list[logging.LogRecord] = field(default_factory=list)

    def read(self, relative: str) -> str:
        return (self.output / relative).read_text(encoding="utf-8")

    def soup(self, relative: str) -> BeautifulSoup:
        return BeautifulSoup(self.read(relative), "html5lib")

    def codes(self, relative: str) -> list[Any]:
        return self.soup(relative).select("section.gedragscode")

    @property
    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.records
                if r.levelno >= logging.WARNING and r.name.startswith("pelican.plugins.bij1")]


SiteBuilder = Callable[..., Site]


@pytest.fixture
def build_site(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> SiteBuilder:
    """Build a real Pelican site from ``{path: text}`` with the plugin on."""
    from pelican import Pelican
    from pelican.settings import read_settings

    counter = {"n": 0}

    def build(files: dict[str, str], root: Path | None = None, **settings: Any) -> Site:
        counter["n"] += 1
        site = root or tmp_path / f"site{counter['n']}"
        content = site / "content"
        for name, text in files.items():
            path = content / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        content.mkdir(parents=True, exist_ok=True)
        output = site / "output"
        override: dict[str, Any] = {
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "PLUGINS": ["pelican_bij1code"],
            "SITEURL": "https://example.org",
            "FEED_DOMAIN": "https://example.org",
            "DEFAULT_LANG": "nl",
            "TIMEZONE": "UTC",
            "DEFAULT_DATE": (2026, 11, 27),
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "DELETE_OUTPUT_DIRECTORY": True,
            "FEED_ALL_ATOM": "feeds/all.atom.xml",
            "CATEGORY_FEED_ATOM": None,
            "TRANSLATION_FEED_ATOM": None,
            "AUTHOR_FEED_ATOM": None,
            "AUTHOR_FEED_RSS": None,
            "SUMMARY_MAX_LENGTH": 20,
            "PAGE_PATHS": ["pages"],
            "ARTICLE_EXCLUDES": ["pages"],
            "READERS": {},
        }
        override.update(settings)
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            Pelican(read_settings(path=None, override=override)).run()
        return Site(site, output, list(caplog.records))

    return build


def valid_html_fragment(html: str) -> list[str]:
    """Parse errors an HTML5 parser finds in a fragment (empty: valid)."""
    import html5lib

    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    parser.parseFragment(html, container="div")
    return [f"{code} at {position}" for position, code, _ in parser.errors]


BLOCKS = {"section", "div", "ul", "ol", "p", "h1", "h2", "h3", "h4", "h5", "h6", "table",
          "blockquote", "pre", "figure", "hr", "form"}


def blocks_inside_paragraphs(html: str) -> list[str]:
    """Block elements nested in a <p> (or heading), read without the parser repairing it."""
    soup = BeautifulSoup(html, "html.parser")
    bad = []
    for element in soup.find_all(list(BLOCKS)):
        for parent in element.parents:
            if parent.name in {"p", "h1", "h2", "h3", "h4", "h5", "h6"}:
                bad.append(f"<{element.name}> inside <{parent.name}>")
                break
    return bad
