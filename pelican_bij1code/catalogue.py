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
from typing import Any, NamedTuple

from . import files, pofile, tomllines
from .languages import bcp47, lookup_chain, normalise, parse, without_likely_script
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


def _no_language(code: str) -> bool:
    """Whether ``code`` names no language readers read: ISO 639's undetermined, multiple,
    uncoded and no linguistic content (``und``, ``mul``, ``mis``, ``zxx``; Babel reads ``und``
    as English), and its private-use codes ``qaa``-``qtz``."""
    code = code.lower()
    return code in ("und", "mul", "mis", "zxx") or (len(code) == 3 and "qaa" <= code <= "qtz")


def is_language_folder(name: str) -> bool:
    """Whether a folder name is a language code, safe to show in any output.

    >>> [is_language_folder(n) for n in ("nl", "pt_BR", "sr@latin", "zh-Hant-TW", "srn")]
    [True, True, True, True, True]
    >>> [is_language_folder(n) for n in ("en\\n::error::x", "..", "e", "en_", "ën", "a" * 40)]
    [False, False, False, False, False, False]
    >>> [is_language_folder(n) for n in ("sr_x", "sr_Latn@cyrillic", "und", "zxx", "qaa")]
    [False, False, False, False, False]
    """
    if len(name) > 35:
        return False
    base, at, variant = name.partition("@")
    if at and not (0 < len(variant) <= 14 and set(variant) <= _ALNUM):  # @ijekavianlatin
        return False
    first, *rest = base.replace("-", "_").split("_")
    return (2 <= len(first) <= 3 and set(first) <= _LETTERS and not _no_language(first)
            and all(0 < len(sub) <= 8 and set(sub) <= _ALNUM for sub in rest)
            and bcp47(name) is not None)  # a tag BCP 47 can say: not sr_x, not sr_Latn@cyrillic


def folder_name(tag: str) -> str | None:
    r"""The catalogue folder a language tag names, region, script and variant kept, as
    gettext spells them; None if ``tag`` is not a language tag.

    >>> [folder_name(t) for t in ("pt-BR", "sr@latin", "de_DE.UTF-8", "EN", "zh-hant-tw")]
    ['pt_BR', 'sr@latin', 'de_DE', 'en', 'zh_Hant_TW']
    >>> folder_name("en\n::error::x"), folder_name("sr-u-nu-latn"), folder_name("sr_Latn@cyrillic")
    (None, None, None)
    >>> folder_name("zh-yue"), folder_name("ar-arz-EG"), folder_name("pa@shahmukhi")
    ('yue', 'arz_EG', None)
    """
    base, at, variant = tag.strip().partition("@")
    base = base.partition(".")[0]  # an encoding: de_DE.UTF-8
    if normalise(base) is None:
        return None
    first, *rest = base.replace("-", "_").split("_")
    if rest and len(rest[0]) == 3 and rest[0].isalpha():
        first = rest.pop(0)  # an extended language subtag: zh-yue is yue
    if any(len(part) == 1 for part in rest):
        return None  # an extension or private use (sr-u-nu-latn, en-x-quot): no folder's name
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
    """What a folder name means as a language, for telling two folders that mean one apart:
    its BCP 47 tag in lower case (``sr@latin``, ``sr_Latn`` and ``SR-latn`` mean one),
    without a script that CLDR gives its language and region anyway (``zh_Hans_CN``, as
    ``pybabel`` writes it, is ``zh_CN``; ``sr@cyrillic`` is ``sr``). A region is never
    dropped: ``pt`` and ``pt_BR`` are two languages.

    >>> _folder_key("sr@latin") == _folder_key("sr_Latn") == _folder_key("SR-latn")
    True
    >>> _folder_key("zh_Hans_CN"), _folder_key("zh_Hant_TW"), _folder_key("pa_Arab_PK")
    ('zh-cn', 'zh-tw', 'pa-pk')
    >>> _folder_key("en_Latn"), _folder_key("sr@cyrillic"), _folder_key("pt_BR")
    ('en', 'sr', 'pt-br')
    """
    parts = parse(name)
    if parts is None:
        return name.replace("-", "_").lower()
    return str(without_likely_script(parts)).lower()


#: Why a status table written other than as a ``[status]`` section is refused, by ``check``
#: and ``init`` alike (``init`` could not add a line to it).
NOT_A_SECTION = ("the status table must be written as a [status] section: a line [status], "
                 "then one language = \"published\" or \"draft\" line each (not dotted keys "
                 "status.xx = ..., an inline table status = {...}, [[status]] or a table "
                 "[status.xx])")


def read_statuses(text: str, path: str) -> dict[str, str]:
    """``status.toml``'s ``[status]`` table, read strictly: anything doubtful is an error.

    Other tables are left to whoever wrote them. A byte-order mark, a syntax error, a
    duplicate key, a key outside any table, a status table not written as a ``[status]``
    section (its header may be spelled ``[status]``, ``["status"]``, ``[ 'status' ]``; not
    ``[Status]``), a language code that is not one, two that name one language (``en`` and
    ``EN``), or a status other than ``published`` / ``draft`` raises :class:`StatusError`
    with the line of the key or table at fault.

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
        if number.isdecimal():
            line = int(number)
        else:  # "(at end of document)"
            message = str(exc).removesuffix(" (at end of document)")
            line = text.count("\n") + (0 if text.endswith("\n") else 1)
        raise StatusError(path, max(line, 1), f"not valid TOML: {message or exc}") from None
    except RecursionError:
        raise StatusError(path, tomllines.deep_line(text) or 1,
                          "nested too deeply to be a status file") from None
    statuses: dict[str, str] = {}
    named: dict[str, str] = {}  # what each language line means: its line's language
    for item in tomllines.items(text):
        top = item.path[0]
        if top != "status" and top.strip().casefold() == "status":
            raise StatusError(path, item.line, f"[{ascii(top)[1:-1][:20]}] is not the status "
                              "table, which is written [status], in lower case")
        if item.kind == "key" and not item.table:  # at the top, outside any table
            if top == "status":
                raise StatusError(path, item.line, NOT_A_SECTION)
            if not isinstance(data.get(top), dict):
                raise StatusError(path, item.line, f"{top!r} is outside the [status] table; "
                                  "put each language's line under [status]")
        elif item.kind != "key" and top == "status" and (
                item.kind == "array" or len(item.path) > 1):
            raise StatusError(path, item.line, NOT_A_SECTION)
        elif item.kind == "key" and item.table == ("status",):
            lang = item.path[1]
            if not is_language_folder(lang):
                raise StatusError(path, item.line, f"{ascii(lang)[:40]} is not a language code")
            value = data["status"][lang]
            if value not in STATUSES:  # a dotted key's value is a table: none of them
                raise StatusError(path, item.line, f"{lang}: unknown status {value!r:.40} "
                                  '(write "published" or "draft")')
            twin = named.setdefault(_folder_key(lang), lang)
            if twin != lang:
                raise StatusError(path, item.line, f"{lang} and {twin} name one language; "
                                  "keep one line for it")
            statuses[lang] = value
        if item.kind == "key" and item.path[0] != "status" \
                and _holds_status({item.path[-1]: _value_at(data, item.path)}):
            raise StatusError(path, item.line, "a language's status line stands in "
                              f"{ascii(item.path[0])[1:-1][:40]}, outside the [status] table: "
                              "only that table publishes a language (in a misspelt table, "
                              "every language would stay a draft and the check pass with "
                              "nothing to check)")
    return statuses


def _holds_status(value: object, depth: int = 0) -> bool:
    """Whether a TOML value holds a line such as ``en = "published"`` at any depth (an
    inline table, an array of tables: ``[[stauts]]``, the 69th pass).

    >>> _holds_status([{"x": {"en": "draft"}}]), _holds_status({"who": "the board"})
    (True, False)
    """
    if depth > 100:
        return True  # nested deeper than any status file: refused as if it held one
    if isinstance(value, dict):
        return any((isinstance(item, str) and item.strip().casefold() in STATUSES
                    and is_language_folder(key)) or _holds_status(item, depth + 1)
                   for key, item in value.items())
    return isinstance(value, list) and any(_holds_status(item, depth + 1) for item in value)


def _value_at(data: dict[str, Any], path: tuple[str, ...]) -> object:
    """The value a key's path leads to; at an array of tables, all of it.

    >>> _value_at({"a": {"b": "x"}}, ("a", "b")), _value_at({"c": [{}]}, ("c", "d"))
    ('x', [{}])
    """
    value: object = data
    for part in path:
        if not isinstance(value, dict):
            return value
        value = value.get(part)
    return value


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


def _dangling(path: Path) -> bool:
    """Whether ``path`` is a link that leads nowhere."""
    return os.path.islink(path) and not os.path.exists(path)


def same_folder(first: str, second: str) -> bool:
    """Whether two folder names or status keys name one language (``pt-BR``, ``pt_BR``)."""
    return _folder_key(first) == _folder_key(second)


def declared_status(declared: dict[str, str], lang: str) -> str:
    """``lang``'s status in ``declared`` (:meth:`Locales.statuses`), its line written in any
    spelling of the language (``"pt-BR"`` for the folder ``pt_BR``); a draft if it has none.

    >>> declared_status({"pt-BR": "published"}, "pt_BR"), declared_status({}, "en")
    ('published', 'draft')
    """
    if lang in declared:
        return declared[lang]
    return next((status for name, status in declared.items() if same_folder(name, lang)),
                DRAFT)


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
    """``text`` (a ``status.toml`` that :func:`read_statuses` accepts) with
    ``lang = "status"`` in its ``[status]`` table, however its header is spelled: the
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
    >>> set_status_line("[ 'status' ]\\n'en' = 'draft'\\n", "en", "published")
    '[ \\'status\\' ]\\nen = "published"\\n'
    """
    crlf = text.partition("\n")[0].endswith("\r") and "\n" in text
    end = "\r" if crlf else ""
    if text and not text.endswith("\n"):
        text += end + "\n"
    lines = text.split("\n")  # TOML's lines: a comment may hold U+2028, which is no break
    entry = f'{status_key(lang)} = "{status}"'
    found = tomllines.items(text)
    header = next((i for i in found if i.kind == "table" and i.path == ("status",)), None)
    if header is None:
        blank = [end] if any(x.strip() for x in lines) else []
        return "\n".join([*lines[:-1], *blank, "[status]" + end, entry + end, ""])
    keys = [i for i in found if i.kind == "key" and i.table == ("status",)]
    same = next((i for i in keys if i.path[1] == lang), None)
    if same is not None:
        ending = "\r" if lines[same.end - 1].endswith("\r") else ""
        lines[same.line - 1:same.end] = [entry + ending]
    else:
        after = max((i.end for i in keys), default=header.line)
        lines.insert(after, entry + end)
    return "\n".join(lines)


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
        # a language folder, or its LC_MESSAGES, that is a link to nothing counts: a language
        # whose catalogue cannot be read is reported, never left out
        return sorted(n for n in names if os.path.lexists(self.catalogue_path(n))
                      or (is_language_folder(n) and (_dangling(self.root / n) or _dangling(
                          self.root / n / "LC_MESSAGES"))))

    def languages(self) -> list[str]:
        """Every language that has a catalogue, sorted (the Dutch source included).

        Only folders named as a language code count; see :meth:`misnamed`.
        """
        return [n for n in self._folders() if is_language_folder(n)]

    def misnamed(self) -> list[str]:
        """Folders holding a catalogue whose name is not a language code (never rendered)."""
        return [n for n in self._folders() if not is_language_folder(n)]

    def twins(self) -> list[list[str]]:
        """Groups of folders that name one language, differing only in case, in ``-`` and
        ``_``, in how they name a script (``en`` and ``EN``, ``pt_BR`` and ``pt-BR``,
        ``sr@latin`` and ``sr_Latn``), or in naming the script CLDR gives the language and
        region anyway (``zh_CN`` and ``zh_Hans_CN``, ``sr`` and ``sr_Cyrl``): none of them is
        rendered, and the check fails, naming all of them.

        >>> Locales(shipped_locales_dir()).twins()
        []
        """
        groups: dict[str, list[str]] = {}
        for name in self.languages():
            groups.setdefault(_folder_key(name), []).append(name)
        return [names for names in groups.values() if len(names) > 1]

    def same_as(self, name: str) -> str | None:
        """The folder that names the language ``name`` names (``sr_Latn`` for ``sr@latin``),
        or None.

        >>> locales = Locales(shipped_locales_dir())
        >>> locales.same_as("EN"), locales.same_as("xx")
        ('en', None)
        """
        key = _folder_key(name)
        return next((n for n in self.languages() if _folder_key(n) == key), None)

    def find(self, tag: str) -> str | None:
        """The folder for a language tag: the one that means the same (``pt-BR`` finds
        ``pt_BR``, ``sr-Latn`` finds ``sr@latin``, ``zh-TW`` finds ``zh_Hant_TW``), else the
        most specific one that the tag narrows in the same script
        (:func:`~pelican_bij1code.languages.lookup_chain`: ``sr-Latn-RS`` finds ``sr@latin``,
        ``en-US`` finds ``en``, ``zh-Hant`` finds ``zh_TW``; ``pa-PK`` never finds ``pa``,
        which is written in Gurmukhi); None if there is none.

        >>> Locales(shipped_locales_dir()).find("EN-us"), Locales(shipped_locales_dir()).find("x")
        ('en', None)
        """
        folders = self.languages()
        wanted = tag.strip().replace("-", "_").lower()
        exact = next((n for n in folders if n.replace("-", "_").lower() == wanted), None)
        if exact is not None:
            return exact
        keys: dict[str, str] = {}
        for name in folders:
            keys.setdefault(_folder_key(name), name)
        return next((keys[_folder_key(t)] for t in lookup_chain(tag) if _folder_key(t) in keys),
                    None)

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

    def status(self, lang: str, declared: dict[str, str] | None = None) -> str:
        """``published`` or ``draft``. The Dutch source is always published; a language not
        declared ``published`` in ``status.toml`` is a draft: publishing is deliberate.
        ``declared``: :meth:`statuses`, if the caller has read them already."""
        if lang == SOURCE_LANG:
            return PUBLISHED
        return declared_status(self.statuses() if declared is None else declared, lang)

    def status_text(self, lang: str, status: str) -> str:
        """``status.toml`` with ``lang``'s line added to its ``[status]`` table, every other
        line (comments, other tables, line endings) kept; :class:`StatusError` if it cannot
        (then nothing should be written: ``init`` asks before it starts a catalogue)."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
        if not is_language_folder(lang):
            raise ValueError(f"{lang!r} is not a language code")
        before = self.statuses()  # refuse to edit a file we cannot read (check refuses it)
        path = str(self.status_path)
        try:
            text = files.read_regular(self.status_path).decode("utf-8")
        except FileNotFoundError:
            text = STATUS_HEADER
        result = set_status_line(text, lang, status)
        if read_statuses(result, path) != {**before, lang: status}:
            raise RuntimeError(f"bug: adding {lang} to {path} would change other lines")
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
