"""Read and write gettext PO files, strictly, with line numbers.

Lenient readers silently drop what they cannot parse; a translation must never disappear, so
this parser reports every syntax error the way GNU ``msgfmt`` does (file, line, wording) and
keeps each entry's original lines, so that writing a file back keeps every untouched entry
byte for byte, whichever tool (Poedit, Weblate, msgcat, a text editor) wrote it.

>>> po = parse('msgid ""\\nmsgstr "Language: en\\\\n"\\n\\nmsgid "Wij"\\nmsgstr "We"\\n')
>>> po.metadata["Language"], po.entries[0].msgid, po.entries[0].msgstr, po.entries[0].line
('en', 'Wij', 'We', 4)
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple, overload

#: The width GNU gettext (msgcat, msgmerge, Poedit) wraps string lines to.
WRAP_WIDTH = 79

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
            "f": "\f", "v": "\v"}
_UNESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*(.*)$")


class PoError(NamedTuple):
    """A syntax error, as GNU msgfmt words it."""

    line: int
    message: str
    column: int | None = None


class PoSyntaxError(ValueError):
    """A PO file that cannot be parsed; ``errors`` holds every error found."""

    def __init__(self, path: str, errors: list[PoError]) -> None:
        self.path = path
        self.errors = errors
        first = errors[0]
        super().__init__(f"{path}:{first.line}: {first.message}")


def _sort_comments(lines: list[str]) -> tuple[list[str], list[str], list[str], list[str]]:
    """An entry's ``#`` lines as translator comments, extracted comments, references, flags.

    >>> _sort_comments(["# mine", "#. extracted", "#: a.md:1 b.md:2", "#, fuzzy, c-format"])
    (['mine'], ['extracted'], ['a.md:1', 'b.md:2'], ['fuzzy', 'c-format'])
    """
    translator: list[str] = []
    extracted: list[str] = []
    references: list[str] = []
    flags: list[str] = []
    for comment in lines:
        kind = comment[1:2]
        if kind == ".":
            extracted.append(comment[2:].strip())
        elif kind == ":":
            references.extend(comment[2:].split())
        elif kind == ",":
            flags.extend(x.strip() for x in comment[2:].split(",") if x.strip())
        else:
            translator.append(comment[1:].strip())
    return translator, extracted, references, flags


class _Comments:
    """One of an entry's comment lists, sorted from its unread ``#`` lines when first used."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = "_" + name

    @overload
    def __get__(self, entry: None, owner: type) -> _Comments: ...
    @overload
    def __get__(self, entry: Entry, owner: type) -> list[str]: ...

    def __get__(self, entry: Entry | None, owner: type) -> _Comments | list[str]:
        if entry is None:
            return self
        if entry._comments is not None:
            entry._read_comments()
        value: list[str] = getattr(entry, self.slot)
        return value

    def __set__(self, entry: Entry, value: list[str]) -> None:
        if entry._comments is not None:
            entry._read_comments()
        setattr(entry, self.slot, value)


#: An entry's fields, in the order of its constructor's parameters; the last two say where it
#: stands in its file, not what it says.
_ENTRY_FIELDS = ("msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr_plural",
                 "translator_comments", "extracted_comments", "references", "flags",
                 "previous_msgid", "obsolete", "line", "raw")


class Entry:
    """One message: its strings, comments and where it stands in the file.

    A plain class rather than a dataclass: importing :mod:`dataclasses` (and the
    :mod:`inspect` it loads) would be a twentieth of ``bij1code check``'s run. For the same
    reason an entry read by the fast parser reads its comments and cuts its ``raw`` text from
    the file only when asked: checking a catalogue needs neither (only whether it is fuzzy).

    >>> entry = Entry("Wij", "We", flags=["fuzzy"])
    >>> entry.fuzzy, entry.translated, entry.replace(flags=[]).translated
    (True, False, True)
    """

    __slots__ = ("_comments", "_end", "_extracted_comments", "_flags", "_raw", "_references",
                 "_start", "_text", "_translator_comments", "line", "msgctxt", "msgid",
                 "msgid_plural", "msgstr", "msgstr_plural", "obsolete", "previous_msgid")

    def __init__(self, msgid: str, msgstr: str = "", msgctxt: str | None = None,
                 msgid_plural: str | None = None, msgstr_plural: dict[int, str] | None = None,
                 translator_comments: list[str] | None = None,
                 extracted_comments: list[str] | None = None,
                 references: list[str] | None = None, flags: list[str] | None = None,
                 previous_msgid: str | None = None, obsolete: bool = False, line: int = 0,
                 raw: str | None = None) -> None:
        self.msgid = msgid
        self.msgstr = msgstr
        self.msgctxt = msgctxt
        self.msgid_plural = msgid_plural
        self.msgstr_plural = {} if msgstr_plural is None else msgstr_plural
        self._translator_comments = [] if translator_comments is None else translator_comments
        self._extracted_comments = [] if extracted_comments is None else extracted_comments
        self._references = [] if references is None else references
        self._flags = [] if flags is None else flags
        self._comments: str | None = None
        self.previous_msgid = previous_msgid
        self.obsolete = obsolete
        self.line = line
        self._raw = raw
        self._text: str | None = None
        self._start = self._end = 0

    @classmethod
    def _read(cls, msgid: str, msgstr: str, msgctxt: str | None, msgid_plural: str | None,
              msgstr_plural: dict[int, str], comments: str, line: int, text: str, start: int,
              end: int) -> Entry:
        """An entry as the fast parser finds it: ``comments`` are its ``#`` lines, unread,
        and its raw text is ``text[start:end]``."""
        entry = cls.__new__(cls)
        entry.msgid, entry.msgstr, entry.msgctxt = msgid, msgstr, msgctxt
        entry.msgid_plural, entry.msgstr_plural = msgid_plural, msgstr_plural
        entry._comments = comments or None
        if not comments:
            entry._translator_comments, entry._extracted_comments = [], []
            entry._references, entry._flags = [], []
        entry.previous_msgid, entry.obsolete, entry.line = None, False, line
        entry._raw, entry._text, entry._start, entry._end = None, text, start, end
        return entry

    def _read_comments(self) -> None:
        """Sort the unread ``#`` lines into the four kinds of comment."""
        self._translator_comments, self._extracted_comments, self._references, self._flags = \
            _sort_comments((self._comments or "").split("\n")[:-1])
        self._comments = None  # last: another thread sees either the lines or the lists

    translator_comments = _Comments()
    extracted_comments = _Comments()
    references = _Comments()
    flags = _Comments()

    @property
    def raw(self) -> str | None:
        """The entry's lines as read, kept to write an unchanged entry back byte for byte."""
        if self._text is not None:
            self._raw = self._text[self._start:self._end]
            self._text = None  # and the file's text can go once every entry has its raw
        return self._raw

    @raw.setter
    def raw(self, value: str | None) -> None:
        self._raw, self._text = value, None

    def values(self) -> tuple[object, ...]:
        """Every field, in the order of ``__init__``'s parameters."""
        return tuple(getattr(self, name) for name in _ENTRY_FIELDS)

    def replace(self, **changes: object) -> Entry:
        """A copy with some fields changed (the lists and dict are shared unless changed)."""
        fields = dict(zip(_ENTRY_FIELDS, self.values(), strict=True))
        fields.update(changes)
        return Entry(**fields)  # type: ignore[arg-type]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Entry):
            return NotImplemented
        return self.values() == other.values()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _ENTRY_FIELDS)
        return f"Entry({fields})"

    @property
    def key(self) -> tuple[str | None, str]:
        """What identifies the message in its catalogue: context and msgid."""
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        comments = self._comments
        if comments is not None and not (comments.startswith("#,") or "\n#," in comments):
            return False  # no flags line: no need to read the comments
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        """Translated and not fuzzy: the only entries that may be shown to readers."""
        if self.fuzzy or self.obsolete:
            return False
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(s.strip() for s in self.msgstr_plural.values())
        return bool(self.msgstr.strip())


class PoFile:
    """A parsed catalogue or template: the header entry and the messages, in file order."""

    __slots__ = ("entries", "header", "path")

    def __init__(self, path: str, header: Entry | None, entries: list[Entry]) -> None:
        self.path = path
        self.header = header
        self.entries = entries

    def __repr__(self) -> str:
        return f"PoFile(path={self.path!r}, header={self.header!r}, entries={self.entries!r})"

    @property
    def metadata(self) -> dict[str, str]:
        """The header fields (``Language``, ``Plural-Forms``, ...)."""
        return parse_header(self.header.msgstr if self.header else "")

    def active(self) -> list[Entry]:
        """The entries that are not obsolete."""
        return [e for e in self.entries if not e.obsolete]


def parse_header(text: str) -> dict[str, str]:
    """Split a header msgstr into its fields.

    >>> parse_header("Language: pl\\nContent-Type: text/plain; charset=UTF-8\\n")
    {'Language': 'pl', 'Content-Type': 'text/plain; charset=UTF-8'}
    """
    fields: dict[str, str] = {}
    for line in text.split("\n"):
        name, sep, value = line.partition(":")
        if sep and name.strip():
            fields[name.strip()] = value.strip()
    return fields


def unescape(body: str) -> tuple[str, int | None]:
    """Decode a C string body; also returns the offset of the first invalid escape, if any.

    >>> unescape(r'a\\"b\\n')
    ('a"b\\n', None)
    >>> unescape(r'a\\qb')[1]
    1
    """
    if "\\" not in body:
        return body, None
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = body[i + 1] if i + 1 < len(body) else ""
        if nxt in _ESCAPES:
            out.append(_ESCAPES[nxt])
            i += 2
        elif nxt in "01234567" and nxt:
            digits = re.match(r"[0-7]{1,3}", body[i + 1:])
            assert digits
            out.append(chr(int(digits.group(), 8)))
            i += 1 + len(digits.group())
        elif nxt == "x" and re.match(r"[0-9a-fA-F]", body[i + 2:i + 3]):
            digits = re.match(r"[0-9a-fA-F]+", body[i + 2:])
            assert digits
            if int(digits.group(), 16) > 0x10FFFF:
                return "".join(out), i
            out.append(chr(int(digits.group(), 16)))
            i += 2 + len(digits.group())
        else:
            return "".join(out), i
    return "".join(out), None


_SIMPLE_STRING = re.compile(r'"([^"\\\x04]*)"')


def _string_token(text: str, number: int, column: int, errors: list[PoError],
                  last: bool = False) -> str | None:
    """Parse one ``"..."`` token that makes up the rest of a line (``last``: of the file,
    with no newline after it)."""
    text = text.rstrip()
    simple = _SIMPLE_STRING.fullmatch(text)
    if simple:  # the common case: no escapes, nothing after the closing quote
        return simple.group(1)
    if not text.startswith('"'):
        errors.append(PoError(number, "syntax error", column))
        return None
    end = 1
    while end < len(text):
        if text[end] == "\\":
            end += 2
            continue
        if text[end] == '"':
            break
        end += 1
    if end >= len(text):
        if last:
            errors.append(PoError(number, "end-of-file within string"))
        else:
            # msgfmt counts the newline first, so it names the next line; so do we.
            errors.append(PoError(number + 1,
                                  f"end-of-line within string (opened on line {number})"))
        return None
    if text[end + 1:].strip():
        errors.append(PoError(number, "syntax error", column + end + 1))
        return None
    value, bad = unescape(text[1:end])
    if bad is not None:
        errors.append(PoError(number, "invalid control sequence", column + 1 + bad + 1))
        return None
    if "\x04" in value:
        errors.append(PoError(number, "context separator <EOT> within string"))
        return None
    return value


class _Builder:
    """Accumulates the lines of one entry while parsing."""

    def __init__(self) -> None:
        self.reset(0)

    def reset(self, start: int) -> None:
        self.start = start
        self.comments: list[str] = []
        self.fields: dict[str, str] = {}
        self.field_lines: dict[str, int] = {}
        self.last: str | None = None
        self.obsolete = False
        self.previous: dict[str, str] = {}

    @property
    def has_msgstr(self) -> bool:
        return any(k.startswith("msgstr") for k in self.fields)


def parse(text: str, path: str = "<string>") -> PoFile:
    """Parse PO text; raises :class:`PoSyntaxError` listing every error, as msgfmt would.

    Well-formed files take a fast path; at the first irregularity the strict line-by-line
    parser takes over, so errors are always those (and at the lines) msgfmt reports.
    """
    fast = _parse_fast(text, path)
    return fast if fast is not None else parse_strict(text, path)


_Q = r'"[^"\\\n\x04]*(?:\\.[^"\\\n\x04]*)*"'
_QS = rf"{_Q}(?:\n{_Q})*"
#: One plain entry and the blank lines before it. ``finditer`` walks the whole file with it;
#: any gap between two matches is something the fast path does not handle.
_FAST_ENTRY = re.compile(
    rf"(?P<blank>(?:[ \t]*\n)*)"
    rf"(?P<comments>(?:#(?![~|])[^\n]*\n)*)"
    rf"(?:msgctxt (?P<ctxt>{_QS})\n)?"
    rf"msgid (?P<id>{_QS})\n"
    rf"(?:msgid_plural (?P<plural>{_QS})\n(?P<forms>(?:msgstr\[\d+\] {_QS}\n)+)"
    rf"|msgstr (?P<str>{_QS})\n)"
)
_FAST_FORM = re.compile(rf"msgstr\[(\d+)\] ({_QS})\n")
_FAST_STR = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')
_TRAILING_BLANKS = re.compile(r"(?:[ \t]*\n)*")


def _fast_string(group: str) -> str | None:
    """The value of consecutive quoted strings, or None if an escape is invalid.

    >>> _fast_string('"Wij "\\n"zijn"'), _fast_string('"a\\\\q"')
    ('Wij zijn', None)
    """
    if "\\" not in group:  # no escapes, so '"\n"' can only join two strings
        return group[1:-1].replace('"\n"', "")
    pieces = []
    for piece in _FAST_STR.findall(group):  # each string alone: an escape ends with it
        value, bad = unescape(piece)
        if bad is not None or "\x04" in value:
            return None
        pieces.append(value)
    return "".join(pieces)


def _fast_values(ctxt: str | None, msgid: str, plural: str | None, forms: str | None,
                 msgstr: str | None) -> tuple[str | None, str, str | None, dict[int, str],
                                              str] | None:
    """An entry's values from its quoted strings, or None if one is invalid."""
    values = [None if group is None else _fast_string(group) for group in (ctxt, msgid, plural)]
    if values[1] is None or (ctxt is not None and values[0] is None) or (
            plural is not None and values[2] is None):
        return None
    plural_forms: dict[int, str] = {}
    if plural is not None:
        for form in _FAST_FORM.finditer(forms or ""):
            value, index = _fast_string(form.group(2)), int(form.group(1))
            if value is None or index in plural_forms:
                return None
            plural_forms[index] = value
        if sorted(plural_forms) != list(range(len(plural_forms))):
            return None
        return values[0], values[1], values[2], plural_forms, ""
    text = _fast_string(msgstr or "")
    if text is None:
        return None
    return values[0], values[1], None, plural_forms, text


def _parse_fast(text: str, path: str) -> PoFile | None:
    """Parse a well-formed file quickly, or return None to let :func:`parse_strict` decide."""
    if "\r" in text or "#~" in text or "#|" in text or not text.endswith("\n"):
        return None
    header: Entry | None = None
    entries: list[Entry] = []
    seen: set[tuple[str | None, str]] = set()
    position = counted = 0
    line = 1
    for match in _FAST_ENTRY.finditer(text):
        if match.start() != position:
            return None  # something between two entries: not a plain file
        blank, comments, ctxt, msgid, plural, forms, msgstr = match.groups()
        if position and not blank.startswith("\n"):
            return None  # an entry must be followed by an empty line
        begin = position + len(blank)
        position = match.end()
        id_start = match.start("id")
        line += text.count("\n", counted, id_start)
        counted = id_start
        if plural is None and text.find("\\", begin, position) < 0:  # as _fast_string does
            msgid = msgid[1:-1].replace('"\n"', "")
            msgstr = msgstr[1:-1].replace('"\n"', "")
            if ctxt is not None:
                ctxt = ctxt[1:-1].replace('"\n"', "")
            plural_forms: dict[int, str] = {}
        else:
            values = _fast_values(ctxt, msgid, plural, forms, msgstr)
            if values is None:
                return None
            ctxt, msgid, plural, plural_forms, msgstr = values
        entry = Entry._read(msgid, msgstr, ctxt, plural, plural_forms, comments, line, text,
                            begin, position)
        key = (ctxt, msgid)
        if msgid == "" and ctxt is None:
            if header is not None or entries:
                return None
            header = entry
        elif key in seen:
            return None
        else:
            seen.add(key)
            entries.append(entry)
    if _TRAILING_BLANKS.match(text, position).end() != len(text):  # type: ignore[union-attr]
        return None
    return PoFile(path=path, header=header, entries=entries)


def parse_strict(text: str, path: str = "<string>") -> PoFile:
    """The line-by-line parser: every error with its line, as GNU msgfmt words it."""
    errors: list[PoError] = []
    entries: list[Entry] = []
    header: Entry | None = None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
        at_end = 0
    else:
        at_end = len(lines)  # the last line has no newline: a string may end with the file
    b = _Builder()
    seen: dict[tuple[str | None, str], int] = {}
    last_content = 0

    def finish() -> None:
        nonlocal header
        f = b.fields
        if not f:
            return
        line = b.field_lines.get("msgid", b.start)
        plural = {int(k[7:-1]): v for k, v in f.items() if k.startswith("msgstr[")}
        if "msgid" not in f:
            errors.append(PoError(b.field_lines[next(iter(f))], "missing 'msgid' section"))
            return
        if "msgstr" not in f and not plural:
            errors.append(PoError(line, "missing 'msgstr' section"))
            return
        if "msgid_plural" in f and "msgstr" in f:
            errors.append(PoError(b.field_lines["msgstr"], "syntax error"))
            return
        if plural and "msgid_plural" not in f:
            first_plural = min(b.field_lines[k] for k in f if k.startswith("msgstr["))
            errors.append(PoError(first_plural, "syntax error"))
            return
        if plural and sorted(plural) != list(range(len(plural))):
            bad = max(k for k in f if k.startswith("msgstr["))
            errors.append(PoError(b.field_lines[bad], "plural form has wrong index"))
            return
        entry = Entry(
            msgid=f["msgid"],
            msgstr=f.get("msgstr", ""),
            msgctxt=f.get("msgctxt"),
            msgid_plural=f.get("msgid_plural"),
            msgstr_plural=plural,
            obsolete=b.obsolete,
            line=line,
            previous_msgid=b.previous.get("msgid"),
            raw="\n".join(lines[b.start - 1:last_content]) + "\n",
        )
        (entry.translator_comments, entry.extracted_comments, entry.references,
         entry.flags) = _sort_comments(b.comments)
        if entry.obsolete:
            entries.append(entry)
            return
        if entry.msgid == "" and entry.msgctxt is None and header is None and not entries:
            header = entry
            return
        first = seen.get(entry.key, 1 if entry.msgid == "" and entry.msgctxt is None else None)
        if first is not None:
            errors.append(PoError(line, "duplicate message definition..."))
            errors.append(PoError(first, "...this is the location of the first definition"))
            return
        seen[entry.key] = line
        entries.append(entry)

    def begin(number: int) -> None:
        """Close the entry being built if it is complete (or broken), and start a new one."""
        if b.fields:
            finish()
            b.reset(number)
        elif b.start == 0:
            b.start = number

    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].lstrip()
            if line.startswith("|"):
                line = "#" + line
        if line.startswith("#"):
            if line[1:2] == "|":
                if b.fields:
                    begin(number)
                elif b.start == 0:
                    b.start = number
                match = _KEYWORD.match(line[2:].strip())
                if match:
                    token = _string_token(match.group(3), number, 0, [])
                    if token is not None:
                        b.previous[match.group(1)] = token
                        b.last = "|" + match.group(1)
                continue
            begin(number)
            b.comments.append(line)
            b.obsolete = b.obsolete or obsolete
            continue
        stripped = line.strip()
        if stripped.startswith('"'):
            if b.last is None:
                errors.append(PoError(number, "syntax error", 1))
                continue
            column = len(line) - len(line.lstrip()) + 1
            token = _string_token(stripped, number, column, errors, number == at_end)
            if token is not None:
                if b.last.startswith("|"):
                    b.previous[b.last[1:]] += token
                else:
                    b.fields[b.last] += token
                    last_content = number
            continue
        match = _KEYWORD.match(stripped)
        if not match:
            errors.append(PoError(number, f'keyword "{stripped.split()[0]}" unknown'))
            continue
        keyword = match.group(1)
        if keyword in ("msgctxt", "msgid") and (
            b.has_msgstr or keyword in b.fields or (keyword == "msgctxt" and "msgid" in b.fields)
        ):
            begin(number)
        elif keyword.startswith("msgstr") and ("msgid" not in b.fields or keyword in b.fields):
            errors.append(PoError(number, "syntax error", len(keyword) + 2))
            b.reset(0)
            continue
        elif keyword == "msgid_plural" and "msgid" not in b.fields:
            errors.append(PoError(number, "syntax error", len(keyword) + 2))
            continue
        if b.start == 0:
            b.start = number
        b.obsolete = b.obsolete or obsolete
        column = len(line) - len(match.group(3)) + 1
        token = _string_token(match.group(3), number, column, errors, number == at_end)
        b.fields[keyword] = token if token is not None else ""
        b.field_lines[keyword] = number
        b.last = keyword
        last_content = number
    finish()
    if errors:
        raise PoSyntaxError(path, errors)
    return PoFile(path=path, header=header, entries=entries)


def read(path: str | os.PathLike[str]) -> PoFile:
    """Read and parse a PO file; a file that is not UTF-8 is a syntax error at its line."""
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        error = PoError(line, "invalid multibyte sequence (not UTF-8)")
        raise PoSyntaxError(str(path), [error]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return parse(text, str(path))


# -- writing ---------------------------------------------------------------------------------


def escape(text: str) -> str:
    r"""Encode a string body for a PO file.

    >>> escape('say "hi"\n')
    'say \\"hi\\"\\n'
    """
    return "".join(_UNESCAPES.get(ch, ch) for ch in text)


_BREAK = re.compile(r"(?:\\.|[^ \\])*?(?: +|\\n|[-/:.,;!?](?=[^\W\d_])|\](?=\()|$)")


def _chunks(escaped: str) -> list[str]:
    """Split an escaped string where GNU gettext may wrap it.

    That is after spaces and ``\\n``, after ``- / : . , ; ! ?`` before a letter, and between
    ``]`` and ``(``.

    >>> _chunks("e-mail via: mailto:x")
    ['e-', 'mail ', 'via: ', 'mailto:', 'x']
    """
    return [m.group() for m in _BREAK.finditer(escaped) if m.group()]


def width(text: str) -> int:
    """Columns a string takes on a terminal, as gettext counts them (marks take none).

    >>> width("نُنصت"), width("abc")
    (4, 3)
    """
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def format_string(keyword: str, value: str, columns: int = WRAP_WIDTH, prefix: str = "") -> str:
    """Format ``keyword "value"`` the way msgcat does: one line if it fits, else wrapped.

    >>> print(format_string("msgid", "short"), end="")
    msgid "short"
    """
    escaped = escape(value)
    single = f'{prefix}{keyword} "{escaped}"'
    if width(single) <= columns and "\\n" not in escaped[:-2]:
        return single + "\n"
    lines: list[str] = []
    current = ""
    for piece in _chunks(escaped):
        if current and width(prefix + current + piece) + 2 > columns:
            lines.append(current)
            current = ""
        current += piece
        if piece.endswith("\\n"):
            lines.append(current)
            current = ""
    if current:
        lines.append(current)
    out = [f'{prefix}{keyword} ""']
    out.extend(f'{prefix}"{line}"' for line in lines)
    return "\n".join(out) + "\n"


def format_entry(entry: Entry) -> str:
    """One entry as text, in the layout GNU gettext writes."""
    prefix = "#~ " if entry.obsolete else ""
    out: list[str] = [f"# {c}".rstrip() + "\n" for c in entry.translator_comments]
    out.extend(f"#. {c}".rstrip() + "\n" for c in entry.extracted_comments)
    if entry.references and not entry.obsolete:
        line = "#:"
        for ref in entry.references:
            if len(line) + 1 + len(ref) > WRAP_WIDTH and line != "#:":
                out.append(line + "\n")
                line = "#:"
            line += " " + ref
        out.append(line + "\n")
    if entry.flags:
        out.append("#, " + ", ".join(entry.flags) + "\n")
    if entry.previous_msgid is not None:
        out.append(format_string("msgid", entry.previous_msgid, prefix=prefix + "#| "))
    if entry.msgctxt is not None:
        out.append(format_string("msgctxt", entry.msgctxt, prefix=prefix))
    out.append(format_string("msgid", entry.msgid, prefix=prefix))
    if entry.msgid_plural is not None:
        out.append(format_string("msgid_plural", entry.msgid_plural, prefix=prefix))
        for index in sorted(entry.msgstr_plural):
            out.append(format_string(f"msgstr[{index}]", entry.msgstr_plural[index],
                                     prefix=prefix))
    else:
        out.append(format_string("msgstr", entry.msgstr, prefix=prefix))
    return "".join(out)


def dump(po: PoFile, originals: dict[tuple[str | None, str], Entry] | None = None) -> str:
    """The whole file as text. Entries equal to one in ``originals`` keep their original lines."""
    blocks: list[str] = []
    originals = originals or {}

    def text_of(entry: Entry) -> str:
        old = originals.get(entry.key)
        if old is not None and old.raw and _same(old, entry):
            return old.raw
        return format_entry(entry)

    if po.header is not None:
        blocks.append(text_of(po.header))
    blocks.extend(text_of(e) for e in po.entries)
    return "\n".join(blocks)


def _same(a: Entry, b: Entry) -> bool:
    """Whether two entries would be written alike (ignoring position and raw text)."""
    return a.values()[:-2] == b.values()[:-2]  # all but line and raw


def write_atomic(path: str | os.PathLike[str], text: str) -> bool:
    """Write ``text`` to ``path`` all at once: a crash leaves the old file whole.

    Returns False (and writes nothing) when the file already holds exactly ``text``.
    """
    import tempfile

    target = Path(path)
    data = text.encode("utf-8")
    try:
        if target.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
