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

from . import files, pofile
from .languages import normalise
from .master import MASTER_PATH, SOURCE_LANG

DOMAIN = "gedragscode"
STATUS_FILE = "status.toml"
PUBLISHED = "published"
DRAFT = "draft"
STATUSES = (PUBLISHED, DRAFT)
STATUS_HEADER = """\
# Publication status of each language in this folder.
# "published": rendered on pages; `bij1code check` fails when it has errors.
# "draft": shown by `bij1code stats` and reported by `bij1code check`, but never rendered
# and never failing the check. A language not listed here is a draft: publishing is a
# deliberate act. A file that cannot be read (a syntax error, a duplicate, an unknown
# status) is an error, and no language of this folder is rendered until it is fixed.

[status]
"""


def shipped_locales_dir() -> Path:
    """The catalogues that come with the package (a wheel) or the source checkout."""
    inside = Path(__file__).with_name("locales")
    if (inside / f"{DOMAIN}.pot").is_file():
        return inside
    return Path(__file__).resolve().parent.parent / "locales"


class LocalesError(OSError):
    """The locales folder, or something in it, cannot be read or trusted (exit code 2)."""


class StatusError(LocalesError):
    """``status.toml`` cannot be read: no language of its folder may be rendered.

    >>> str(StatusError("locales/status.toml", 3, "unknown status 'Draft'"))
    "locales/status.toml:3: unknown status 'Draft'"
    """

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")


class UnsafePathError(LocalesError):
    """A catalogue that is not a regular file inside the locales folder (never read)."""


#: A language folder's name: ``nl``, ``pap``, ``pt_BR``, ``sr_Latn``, ``sr@latin``, ``zh-Hant``
#: (gettext's ``ll_CC@variant`` and BCP 47's ``ll-Script-CC``, ASCII only).
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ALNUM = _LETTERS | frozenset("0123456789")


def is_language_folder(name: str) -> bool:
    """Whether a folder name is a language code, safe to show in any output.

    >>> [is_language_folder(n) for n in ("nl", "pt_BR", "sr@latin", "zh-Hant-TW", "srn")]
    [True, True, True, True, True]
    >>> [is_language_folder(n) for n in ("en\\n::error::x", "..", "e", "en_", "ën", "a" * 40)]
    [False, False, False, False, False, False]
    """
    if len(name) > 35:
        return False
    base, at, variant = name.partition("@")
    if at and not (0 < len(variant) <= 12 and set(variant) <= _ALNUM):
        return False
    first, *rest = base.replace("-", "_").split("_")
    return (2 <= len(first) <= 3 and set(first) <= _LETTERS
            and all(0 < len(sub) <= 8 and set(sub) <= _ALNUM for sub in rest))


def folder_name(tag: str) -> str | None:
    r"""The catalogue folder a language tag names, region, script and variant kept, as
    gettext spells them; None if ``tag`` is not a language tag.

    >>> [folder_name(t) for t in ("pt-BR", "sr@latin", "de_DE.UTF-8", "EN", "zh-hant-tw")]
    ['pt_BR', 'sr@latin', 'de_DE', 'en', 'zh_Hant_TW']
    >>> folder_name("en\n::error::x") is None
    True
    """
    base, at, variant = tag.strip().partition("@")
    base = base.partition(".")[0]  # an encoding: de_DE.UTF-8
    if normalise(base) is None:
        return None
    first, *rest = base.replace("-", "_").split("_")
    parts = [first.lower()]
    for part in rest:
        if len(part) == 4 and part.isalpha():
            parts.append(part.title())  # a script: Latn, Hant
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            parts.append(part.upper())  # a region: BR, 419
        else:
            parts.append(part)
    name = "_".join(parts) + (f"@{variant.lower()}" if at else "")
    return name if is_language_folder(name) else None


def _folder_key(name: str) -> str:
    """What a folder name means as a language, for telling two folders that mean one apart."""
    return name.replace("-", "_").lower()


def read_statuses(text: str, path: str) -> dict[str, str]:
    """``status.toml``'s ``[status]`` table, read strictly: anything doubtful is an error.

    Other tables are left to whoever wrote them. A byte-order mark, a syntax error, a
    duplicate key, a key outside any table, a language code that is not one, or a status
    other than ``published`` / ``draft`` raises
    :class:`StatusError` with the line.

    >>> read_statuses('[status]\\nen = "published"\\n', "s.toml")
    {'en': 'published'}
    >>> read_statuses('[status]\\nen = "Draft"\\n', "s.toml")
    Traceback (most recent call last):
    pelican_bij1code.catalogue.StatusError: s.toml:2: en: unknown status 'Draft' \
(write "published" or "draft")
    """
    if text.startswith("\ufeff"):
        raise StatusError(path, 1, "starts with a byte-order mark; save it as UTF-8 without BOM")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, _, where = str(exc).rpartition(" (at line ")
        number = where.partition(",")[0]
        line = int(number) if number.isdecimal() else 1
        raise StatusError(path, line, f"not valid TOML: {message or exc}") from None
    except RecursionError:
        raise StatusError(path, 1, "nested too deeply to be a status file") from None
    lines = text.splitlines()

    def line_of(key: str) -> int:
        import json  # only for an error: check starts faster without

        spellings = {key, json.dumps(key)[1:-1]}
        for number, line in enumerate(lines, start=1):
            name = line.partition("=")[0].strip().strip("[]").strip().strip("\"'")
            if name in spellings:
                return number
        return 1

    for key, value in data.items():
        if key != "status" and not isinstance(value, dict):
            raise StatusError(path, line_of(key), f"{key!r} is outside the [status] table; "
                              "put each language's line under [status]")
    table = data.get("status", {})
    if not isinstance(table, dict):
        raise StatusError(path, line_of("status"), "status must be a table: [status]")
    statuses: dict[str, str] = {}
    for lang, value in table.items():
        if not is_language_folder(lang):
            raise StatusError(path, line_of(lang), f"{lang!r} is not a language code")
        if value not in STATUSES:
            raise StatusError(path, line_of(lang), f"{lang}: unknown status {value!r} "
                              '(write "published" or "draft")')
        statuses[lang] = value
    return statuses


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
        loaded = Loaded(path, pofile.read(path, lines=False), None)  # read, never written
    except (pofile.PoSyntaxError, OSError) as exc:
        loaded = Loaded(path, None, exc)
    with _lock:
        _cache[path] = (stamp, loaded)
    return loaded


def status_key(lang: str) -> str:
    """``lang`` as a key of ``status.toml``: bare where TOML allows it, else quoted.

    >>> status_key("pt_BR"), status_key("sr@latin")
    ('pt_BR', '"sr@latin"')
    """
    if lang.replace("_", "").replace("-", "").isalnum():
        return lang
    import json  # rarely needed: check starts faster without

    return json.dumps(lang)


def set_status_line(text: str, lang: str, status: str) -> str:
    """``text`` (a ``status.toml``) with ``lang = "status"`` in its ``[status]`` table: the
    language's line replaced, or a new line after the table's last key; a ``[status]``
    table is added at the end if there is none. Other tables are never touched, and every
    line keeps its line ending (a new line takes the first line's).

    >>> print(set_status_line('[status]\\nen = "draft"\\n\\n[other]\\nx = 1\\n', "tr", "draft"))
    [status]
    en = "draft"
    tr = "draft"
    <BLANKLINE>
    [other]
    x = 1
    <BLANKLINE>
    """
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    entry = f'{status_key(lang)} = "{status}"{newline}'
    start = next((i for i, line in enumerate(lines)
                  if line.split("#")[0].strip().replace(" ", "") == "[status]"), None)
    if start is None:
        lines += [newline, f"[status]{newline}", entry] if any(x.strip() for x in lines) \
            else [f"[status]{newline}", entry]
        return "".join(lines)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")),
               len(lines))
    last = start
    for i in range(start + 1, end):
        name = lines[i].partition("=")[0].strip().strip("\"'")
        if name == lang and "=" in lines[i]:
            lines[i] = entry[:-len(newline)] + lines[i][len(lines[i].rstrip("\r\n")):]
            return "".join(lines)
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            last = i
    lines.insert(last + 1, entry)
    return "".join(lines)


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
    def master_path(self) -> Path:
        """The Dutch master this folder's template is made from.

        In a checkout (``locales/`` beside ``pelican_bij1code/``) the master there, the one
        being edited, whichever copy of the package is installed; else the installed one.
        """
        beside = self.root.parent / MASTER_PATH.parent.name / MASTER_PATH.name
        if not beside.is_file() or files.resolve(beside) == files.resolve(MASTER_PATH):
            return MASTER_PATH  # parsed once per process
        return beside

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

    def _folders(self) -> list[str]:
        try:
            names = os.listdir(self.root)
        except OSError:
            return []
        return sorted(n for n in names if os.path.lexists(self.catalogue_path(n)))

    def languages(self) -> list[str]:
        """Every language that has a catalogue, sorted (the Dutch source included).

        Only folders named as a language code count; see :meth:`misnamed`.
        """
        return [n for n in self._folders() if is_language_folder(n)]

    def misnamed(self) -> list[str]:
        """Folders holding a catalogue whose name is not a language code (never rendered)."""
        return [n for n in self._folders() if not is_language_folder(n)]

    def twins(self) -> list[list[str]]:
        """Groups of folders that name one language, differing only in case or in ``-`` and
        ``_`` (``en`` and ``EN``, ``pt_BR`` and ``pt-BR``): none of them is rendered, and the
        check fails, naming all of them.

        >>> Locales(shipped_locales_dir()).twins()
        []
        """
        groups: dict[str, list[str]] = {}
        for name in self.languages():
            groups.setdefault(_folder_key(name), []).append(name)
        return [names for names in groups.values() if len(names) > 1]

    def find(self, tag: str) -> str | None:
        """The folder for a language tag: the exact one (``pt-BR`` finds ``pt_BR``), else
        the one of its primary language (``en-US`` finds ``en``); None if there is none.

        >>> Locales(shipped_locales_dir()).find("EN-us"), Locales(shipped_locales_dir()).find("x")
        ('en', None)
        """
        wanted = _folder_key(tag.strip())
        for name in self.languages():
            if _folder_key(name) == wanted:
                return name
        primary = normalise(tag)
        return primary if primary in self.languages() else None

    def statuses(self) -> dict[str, str]:
        """The status declared for each language in ``status.toml`` (no file: none).

        Raises :class:`StatusError` (with the line) if the file cannot be read strictly.
        """
        path = self.status_path
        try:
            self.inside(path)
            data = files.read_regular(path)
        except FileNotFoundError:
            if os.path.lexists(path):  # a link to nothing: not "no file", which means "drafts"
                raise StatusError(str(path), 0, "is a link to a file that does not exist; "
                                  "restore the file or remove the link") from None
            return {}
        except UnsafePathError:
            raise
        except OSError as exc:
            raise StatusError(str(path), 0, f"cannot read it ({exc.strerror or exc})") from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise StatusError(str(path), line, "not UTF-8") from None
        return read_statuses(text, str(path))

    def status(self, lang: str) -> str:
        """``published`` or ``draft``. The Dutch source is always published; a language not
        declared ``published`` in ``status.toml`` is a draft: publishing is deliberate."""
        if lang == SOURCE_LANG:
            return PUBLISHED
        return self.statuses().get(lang, DRAFT)

    def status_text(self, lang: str, status: str) -> str:
        """``status.toml`` with ``lang``'s line added to its ``[status]`` table, every other
        line (comments, other tables, line endings) kept; :class:`StatusError` if it cannot
        (then nothing should be written: ``init`` asks before it starts a catalogue)."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
        if not is_language_folder(lang):
            raise ValueError(f"{lang!r} is not a language code")
        before = self.statuses()  # refuse to edit a file we cannot read
        path = str(self.status_path)
        try:
            text = files.read_regular(self.status_path).decode("utf-8")
        except FileNotFoundError:
            text = STATUS_HEADER
        result = set_status_line(text, lang, status)
        try:
            after = read_statuses(result, path)  # never write what we cannot read
        except StatusError:
            after = None
        if after != {**before, lang: status}:
            line = next((n for n, x in enumerate(text.splitlines(), start=1)
                         if x.lstrip().startswith(("status", '"status"', "'status'"))), 1)
            raise StatusError(path, line, f"cannot add {lang} = \"{status}\": the status "
                              "table is not written as a [status] section (an inline table "
                              "or dotted keys?); write it as [status] followed by one "
                              "language = \"status\" line each, then run this again")
        return result

    def inside(self, path: Path) -> Path:
        """``path`` resolved, if it is inside the locales folder; else :class:`UnsafePathError`
        (a symlink to ``/proc/self/environ`` is never read, and never echoed)."""
        resolved = files.resolve(path)
        root = files.resolve(self.root)
        if resolved != root and root not in resolved.parents:
            raise UnsafePathError(f"{path}: points outside the locales folder {self.root}; "
                                  "not read")
        return resolved

    def _load(self, path: Path) -> Loaded:
        try:
            resolved = self.inside(path)
            if resolved.exists() and not resolved.is_file():
                raise UnsafePathError(f"{path}: not a regular file; not read")
        except (UnsafePathError, OSError) as exc:
            return Loaded(path, None, exc)
        return load(path)

    def load(self, lang: str) -> Loaded:
        return self._load(self.catalogue_path(lang))

    def load_template(self) -> Loaded:
        return self._load(self.template_path)

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
