"""The locales folder: the template, one catalogue per language, and each language's status.

Layout (domain ``gedragscode``)::

    locales/gedragscode.pot
    locales/<lang>/LC_MESSAGES/gedragscode.po
    locales/status.toml          # which languages are drafts (travels with the folder)

Catalogues are parsed once and kept until their file changes (``pelican --autoreload`` and
long-lived processes see an edited ``.po`` on the next build).

>>> locales = Locales(shipped_locales_dir())
>>> "en" in locales.languages()
True
"""

from __future__ import annotations

import os
import threading
import tomllib
from pathlib import Path
from typing import NamedTuple

from . import pofile
from .master import SOURCE_LANG

DOMAIN = "gedragscode"
STATUS_FILE = "status.toml"
PUBLISHED = "published"
DRAFT = "draft"
STATUSES = (PUBLISHED, DRAFT)


def shipped_locales_dir() -> Path:
    """The catalogues that come with the package (a wheel) or the source checkout."""
    inside = Path(__file__).with_name("locales")
    if (inside / f"{DOMAIN}.pot").is_file():
        return inside
    return Path(__file__).resolve().parent.parent / "locales"


class LocalesError(OSError):
    """The locales folder is missing or unreadable."""


class Loaded(NamedTuple):
    """A catalogue file as read: its parse, or the reason it could not be parsed."""

    path: Path
    po: pofile.PoFile | None
    error: pofile.PoSyntaxError | OSError | None


_cache: dict[Path, tuple[tuple[int, int, int], Loaded]] = {}
_lock = threading.Lock()


def _stamp(path: Path) -> tuple[int, int, int]:
    stat = path.stat()
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def load(path: Path) -> Loaded:
    """Parse a PO file, or return the cached parse if the file has not changed since."""
    try:
        stamp = _stamp(path)
    except OSError as exc:
        return Loaded(path, None, exc)
    with _lock:
        hit = _cache.get(path)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    try:
        loaded = Loaded(path, pofile.read(path), None)
    except (pofile.PoSyntaxError, OSError) as exc:
        loaded = Loaded(path, None, exc)
    with _lock:
        _cache[path] = (stamp, loaded)
    return loaded


class Locales:
    """One locales folder."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def __repr__(self) -> str:
        return f"Locales({str(self.root)!r})"

    @property
    def template_path(self) -> Path:
        return self.root / f"{DOMAIN}.pot"

    @property
    def status_path(self) -> Path:
        return self.root / STATUS_FILE

    def catalogue_path(self, lang: str) -> Path:
        return self.root / lang / "LC_MESSAGES" / f"{DOMAIN}.po"

    def require(self) -> None:
        """Raise :class:`LocalesError` unless the folder exists and can be listed."""
        if not self.root.is_dir():
            raise LocalesError(f"{self.root}: no such folder")
        try:
            os.listdir(self.root)
        except OSError as exc:
            raise LocalesError(f"{self.root}: cannot read the folder ({exc.strerror})") from exc

    def languages(self) -> list[str]:
        """Every language that has a catalogue, sorted (the Dutch source included)."""
        try:
            names = os.listdir(self.root)
        except OSError:
            return []
        return sorted(n for n in names if self.catalogue_path(n).is_file())

    def statuses(self) -> dict[str, str]:
        """The status declared for each language in ``status.toml`` (missing file: none)."""
        try:
            data = tomllib.loads(self.status_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            return {}
        table = data.get("status", {})
        return {str(k): str(v) for k, v in table.items()} if isinstance(table, dict) else {}

    def status(self, lang: str) -> str:
        """``published`` or ``draft``. The Dutch source is always published; a language not
        declared in ``status.toml`` is published."""
        if lang == SOURCE_LANG:
            return PUBLISHED
        return self.statuses().get(lang, PUBLISHED)

    def set_status(self, lang: str, status: str) -> None:
        """Declare a language's status in ``status.toml``, keeping the file's other lines."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
        try:
            lines = self.status_path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            lines = [
                "# Publication status of each language in this folder.",
                '# "published": rendered on pages; `bij1code check` fails when it has errors.',
                '# "draft": shown by `bij1code stats` and reported by `bij1code check`, but',
                "# never rendered and never failing the check. Not listed here: published.",
                "",
                "[status]",
            ]
        entry = f'{lang} = "{status}"'
        for i, line in enumerate(lines):
            if line.split("=")[0].strip() == lang:
                lines[i] = entry
                break
        else:
            lines.append(entry)
        pofile.write_atomic(self.status_path, "\n".join(lines) + "\n")

    def load(self, lang: str) -> Loaded:
        return load(self.catalogue_path(lang))

    def load_template(self) -> Loaded:
        return load(self.template_path)

    def signature(self) -> tuple[object, ...]:
        """Changes whenever a catalogue, the template or the status file changes."""
        stamps: list[object] = [str(self.root)]
        for path in (self.template_path, self.status_path,
                     *(self.catalogue_path(lang) for lang in self.languages())):
            try:
                stamps.append((path.name, path.parent.parent.name, _stamp(path)))
            except OSError:
                stamps.append((str(path), None))
        return tuple(stamps)
