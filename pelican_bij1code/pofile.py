"""Read gettext PO files, strictly, the way GNU ``msgfmt`` reads them.

One grammar, msgfmt's: a file is a stream of tokens (comments, keywords, quoted strings), so
line breaks between them do not matter, ``#~`` marks the tokens after it on its line obsolete
and ``#|`` marks them previous. Escapes decode to bytes, then the bytes to UTF-8, as msgfmt
does. What msgfmt rejects is a :class:`PoSyntaxError` listing every error at msgfmt's line;
a few things msgfmt reads only by luck are refused too, each saying why (a carriage return
without a line feed, a backslash continuing a line, escapes that make invalid UTF-8).

We read PO files ourselves because polib and Babel accept files msgfmt refuses (and read them
differently), and a catalogue is untrusted input: the check must judge what msgfmt and the
site will see. Every entry keeps the lines it was read from (``raw``), so that
:mod:`.powriter` can write a file back with every unchanged part as it was.

>>> po = parse('msgid ""\\nmsgstr "Language: en\\\\n"\\n\\nmsgid "Wij"\\nmsgstr "We"\\n')
>>> po.metadata["Language"], po.entries[0].msgid, po.entries[0].msgstr, po.entries[0].line
('en', 'Wij', 'We', 4)
>>> parse('msgid ""\\nmsgstr ""\\n\\nmsgid "a"\\nmsgstr "\\\\303\\\\251"\\n').entries[0].msgstr
'é'
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import Final, NamedTuple

from .files import read_regular

__all__ = ["FLAG_MARKS", "Entry", "PoError", "PoFile", "PoSyntaxError", "parse", "parse_entry",
           "read"]

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
            "f": "\f", "v": "\v"}
_KEYWORDS = {"msgid", "msgstr", "msgctxt", "msgid_plural", "domain"}
_PREVIOUS = {"msgid": "prev_msgid", "msgctxt": "prev_msgctxt",
             "msgid_plural": "prev_msgid_plural"}
#: Tokens that can begin an item: where msgfmt resumes after a syntax error.
_ITEM_START = {"comment", "domain", "msgid", "msgctxt", "prev_msgid", "prev_msgctxt"}
#: How many errors are listed: msgfmt stops at 20 ("too many errors, aborting"), and so does
#: the reader, so that a file of errors costs no more time and memory than its size.
MAX_ERRORS = 20
#: Tokens no item is made of but for ``[``, a number and ``]`` after ``msgstr`` (a name is
#: no keyword): four in a row are a syntax error already, and the rest of such a run is never
#: read (msgfmt's error recovery drops it too), so the reader keeps only four.
_NO_ITEM = frozenset({"[", "]", "number", "junk", "name"})
#: The rest of such a run: up to the next string, comment, name or carriage return.
_NO_ITEM_RUN = re.compile(r'[^\r"#A-Za-z_$]*')
_NUL = ("a NUL character in a string (a raw one, or \\0, \\000, \\x00 or \\400): msgfmt "
        "ends the string there and reads another text than the file shows; remove it")

# Each of these has one quantifier over one character class: linear on any input.
_SPACE = re.compile(r"[ \t\f\v]*")
_NAME = re.compile(r"[A-Za-z0-9_$]*")
_DIGITS = re.compile(r"[0-9]*")
_PLAIN = re.compile(r'[^"\\\n]*')
_OCTAL = re.compile(r"[0-7]{1,3}")
_HEX = re.compile(r"[0-9A-Fa-f]*")
#: Where a group of lines ends: a line and the string lines after it (see :func:`_tokens`).
_GROUPS = re.compile(r'\n(?!")')
#: The keywords of the usual line: a keyword, a space and a plain string (see :func:`_tokens`).
_SIMPLE_KEYWORDS = frozenset(_KEYWORDS - {"domain"})


class PoError(NamedTuple):
    """One error, as GNU msgfmt words it (or, where msgfmt has no word for it, why)."""

    line: int
    message: str
    column: int | None = None


class PoSyntaxError(ValueError):
    """A PO file that cannot be read; ``errors`` holds every error found, in file order."""

    def __init__(self, path: str, errors: list[PoError]) -> None:
        self.path = path
        self.errors = errors
        first = self.errors[0]
        super().__init__(f"{path}:{first.line}: {first.message}")


#: The marks after ``#`` of a line of flags: GNU gettext reads ``#!`` lines as it reads ``#,``
#: ones (and newer versions ``#=`` lines too: read so, a flag there is never missed).
FLAG_MARKS = (",", "!", "=")
#: What parts flags, as gettext parts them: commas and white space (``#, no-wrap fuzzy`` is
#: fuzzy to msgfmt, and polib reads one flag "no-wrap fuzzy").
_FLAG_SEPARATORS = re.compile(r"[\n \t\r\f\v,]+")


def _sort_comments(comments: list[_Token]) -> tuple[list[str], list[str], list[str], list[str]]:
    """An entry's ``#`` lines (their tokens) as translator comments, extracted comments,
    references, flags (lists: :class:`Entry` makes them tuples).

    >>> _sort_comments(_tokens("# mine\\n#. extracted\\n#: a.md:1 b.md:2\\n#, fuzzy", 4, []))
    (['mine'], ['extracted'], ['a.md:1', 'b.md:2'], ['fuzzy'])
    >>> _sort_comments(_tokens("#, no-wrap fuzzy\\n#! python-format\\n#, c-format\\0, fuzzy",
    ...                        3, []))[3]
    ['no-wrap', 'fuzzy', 'python-format', 'c-format']
    """
    translator: list[str] = []
    extracted: list[str] = []
    references: list[str] = []
    flags: list[str] = []
    for token in comments:
        comment = token[_VALUE]
        if "\0" in comment:
            comment = comment.partition("\0")[0]  # gettext keeps a comment as a C string
        kind = comment[1:2]
        if kind == ".":
            extracted.append(comment[2:].strip())
        elif kind == ":":
            references.extend(comment[2:].split())
        elif kind in FLAG_MARKS:
            flags.extend(flag for flag in _FLAG_SEPARATORS.split(comment[2:]) if flag)
        else:
            translator.append(comment[1:].strip())
    return translator, extracted, references, flags


#: An entry's comments, references or flags: a tuple, so that a catalogue of thousands of
#: entries holds no list for the cyclic garbage collector to walk through again and again.
Strings = tuple[str, ...]

#: An entry's fields, in the order of its constructor's parameters.
_ENTRY_FIELDS = ("msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr_plural",
                 "translator_comments", "extracted_comments", "references", "flags",
                 "previous_msgid", "obsolete", "line", "raw", "previous_msgctxt",
                 "previous_msgid_plural")
class Entry:
    """One message: its strings, comments and where it stands in the file.

    ``msgid_plural`` is None for a singular message; a plural one has its translations in
    ``msgstr_plural`` (index: text) and an empty ``msgstr``. Comments, references and flags
    are tuples (give an entry new ones with :meth:`replace`). ``raw`` is the entry's lines as
    read (None: format it afresh when writing).

    >>> entry = Entry("Wij", "We", flags=["fuzzy"])
    >>> entry.fuzzy, entry.translated, entry.replace(flags=[]).translated
    (True, False, True)
    """

    __slots__ = ("_gap", "extracted_comments", "flags", "line", "msgctxt", "msgid",
                 "msgid_plural", "msgstr", "msgstr_plural", "obsolete", "previous_msgctxt",
                 "previous_msgid", "previous_msgid_plural", "raw", "references",
                 "translator_comments")

    def __init__(self, msgid: str, msgstr: str = "", msgctxt: str | None = None,
                 msgid_plural: str | None = None, msgstr_plural: dict[int, str] | None = None,
                 translator_comments: Iterable[str] = (),
                 extracted_comments: Iterable[str] = (), references: Iterable[str] = (),
                 flags: Iterable[str] = (),
                 previous_msgid: str | None = None, obsolete: bool = False, line: int = 0,
                 raw: str | None = None, previous_msgctxt: str | None = None,
                 previous_msgid_plural: str | None = None) -> None:
        self.msgid = msgid
        self.msgstr = msgstr
        self.msgctxt = msgctxt
        self.msgid_plural = msgid_plural
        self.msgstr_plural = {} if msgstr_plural is None else msgstr_plural
        self.translator_comments = tuple(translator_comments)
        self.extracted_comments = tuple(extracted_comments)
        self.references = tuple(references)
        self.flags = tuple(flags)
        self.previous_msgid = previous_msgid
        self.previous_msgctxt = previous_msgctxt
        self.previous_msgid_plural = previous_msgid_plural
        self.obsolete = obsolete
        self.line = line
        self.raw = raw
        self._gap = ""  # the lines between the previous entry and this one

    def values(self) -> tuple[object, ...]:
        """Every field, in the order of ``__init__``'s parameters."""
        return tuple(getattr(self, name) for name in _ENTRY_FIELDS)

    def replace(self, **changes: object) -> Entry:
        """A copy with some fields changed (the plural forms' dict is shared unless changed).

        The copy keeps the original's lines, so that its unchanged parts are written as they
        were read, unless ``raw=None`` is among the changes.
        """
        fields = dict(zip(_ENTRY_FIELDS, self.values(), strict=True))
        fields.update(changes)
        copy = Entry(**fields)  # type: ignore[arg-type]
        copy._gap = self._gap
        return copy

    def says_the_same(self, other: Entry) -> bool:
        """Whether ``other`` says what this entry says: every field but where each was read
        (``line``, ``raw``).

        >>> Entry("Wij", "We", line=3).says_the_same(Entry("Wij", "We", line=9))
        True
        """
        return all(getattr(self, name) == getattr(other, name) for name in _ENTRY_FIELDS
                   if name not in ("line", "raw"))

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
        """What identifies the message in its catalogue (and msgfmt's duplicate check)."""
        return (self.msgctxt, self.msgid)

    @property
    def plural(self) -> bool:
        """Whether the message has plural forms (a ``msgid_plural``)."""
        return self.msgid_plural is not None

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        """Translated and not fuzzy: the only entries that may be shown to readers."""
        if self.fuzzy or self.obsolete:
            return False
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(s.strip() for s in self.msgstr_plural.values())
        return bool(self.msgstr.strip())

    def translations(self) -> list[str]:
        """Every non-empty translated string: ``msgstr``, or each plural form."""
        texts = [self.msgstr, *self.msgstr_plural.values()]
        return [text for text in texts if text]


class PoFile:
    """A parsed catalogue or template: the header entry and the messages, in file order.

    ``newline`` is the file's line ending (``"\\n"`` or ``"\\r\\n"``); ``trailer`` the lines
    after the last message (comments at the end of the file), kept when writing.
    """

    __slots__ = ("entries", "header", "newline", "path", "trailer")

    def __init__(self, path: str, header: Entry | None, entries: list[Entry],
                 newline: str = "\n", trailer: str = "") -> None:
        self.path = path
        self.header = header
        self.entries = entries
        self.newline = newline
        self.trailer = trailer

    def __repr__(self) -> str:
        return f"PoFile(path={self.path!r}, header={self.header!r}, entries={self.entries!r})"

    @property
    def metadata(self) -> dict[str, str]:
        """The header fields (``Language``, ``Plural-Forms``, ...)."""
        return parse_header(self.header.msgstr if self.header else "")

    def active(self) -> list[Entry]:
        """The entries that are not obsolete."""
        return [e for e in self.entries if not e.obsolete]

    @property
    def trailing_comments(self) -> list[str]:
        """The comment lines after the last message."""
        return [line for line in self.trailer.split("\n") if line.startswith("#")]


def parse_header(text: str) -> dict[str, str]:
    """Split a header msgstr into its fields.

    >>> parse_header("Language: pl\\nContent-Type: text/plain; charset=UTF-8\\n")
    {'Language': 'pl', 'Content-Type': 'text/plain; charset=UTF-8'}
    >>> parse_header("Language : pl\\n")  # msgfmt: "header field 'Language' missing"
    {'Language ': 'pl'}
    """
    fields: dict[str, str] = {}
    for line in text.split("\n"):
        name, sep, value = line.partition(":")
        if sep and name.strip():  # the name as msgfmt reads it: " Language : en" is none
            fields[name] = value.strip()
    return fields


# -- reading: tokens -------------------------------------------------------------------------


#: A token: kind (comment, msgid, msgstr, ..., prev_msgid, ..., string, prev_string, number,
#: ``[``, ``]``, name, junk, eof), value, its first and last line, and whether ``#~`` made it
#: obsolete. A plain tuple of plain values: the cyclic garbage collector stops looking at it.
_Token = tuple[str, str, int, int, bool]
_KIND: Final = 0
_VALUE: Final = 1
_LINE: Final = 2
_LAST: Final = 3
_OBSOLETE: Final = 4


def _string(line: str, start: int, number: int, at_end: bool,
            errors: list[PoError]) -> tuple[str, int, bool]:
    """The value of the quoted string at ``line[start]``, where it ends, and whether it ran
    on past the end of the line.

    Escapes give bytes, as in msgfmt (``\\303\\251`` and ``\\xc3\\xa9`` are both "é"; a
    ``\\x`` or octal escape keeps its low byte, as C's ``char`` does). A string the line ends
    in is an error (``at_end``: the file ends there too).
    """
    pieces: list[str | int] = []
    position = start + 1
    while True:
        end = _PLAIN.match(line, position).end()  # type: ignore[union-attr]
        pieces.append(line[position:end])
        escape = line[end + 1:end + 2]
        if end >= len(line) or (not escape and line[end] == "\\"):
            if at_end:
                errors.append(PoError(number, "end-of-file within string"))
            else:  # msgfmt counts the newline first, so it names the next line
                errors.append(PoError(number + 1,
                                      f"end-of-line within string (opened on line {number})"))
            return _join(pieces, number, errors), len(line), True
        if line[end] == '"':
            return _join(pieces, number, errors), end + 1, False
        if escape in _ESCAPES:
            pieces.append(_ESCAPES[escape])
            position = end + 2
        elif escape in "01234567":
            digits = _OCTAL.match(line, end + 1).group()  # type: ignore[union-attr]
            pieces.append(int(digits, 8) & 0xFF)
            position = end + 1 + len(digits)
        elif escape == "x" and _HEX.match(line, end + 2).group():  # type: ignore[union-attr]
            digits = _HEX.match(line, end + 2).group()  # type: ignore[union-attr]
            pieces.append(int(digits[-2:], 16))  # the low byte, as msgfmt keeps it
            position = end + 2 + len(digits)
        else:
            errors.append(PoError(number, "invalid control sequence", end + 2))
            if len(errors) > MAX_ERRORS:  # the rest is not read (see MAX_ERRORS)
                return _join(pieces, number, errors), len(line), False
            position = end + 1


def _join(pieces: list[str | int], line: int, errors: list[PoError]) -> str:
    """A string's pieces (text, and bytes from escapes) as one text."""
    if all(isinstance(piece, str) for piece in pieces):
        value = "".join(pieces)  # type: ignore[arg-type]
    else:
        data = bytearray()  # a byte a escape, no object each (5 million \1: 1 GB before)
        for piece in pieces:
            if isinstance(piece, str):
                data += piece.encode("utf-8")
            else:
                data.append(piece)
        try:
            value = data.decode("utf-8")
        except UnicodeDecodeError:
            errors.append(PoError(line, "invalid multibyte sequence: the bytes its \\x or octal "
                                  "escapes give are not UTF-8 in this quoted string, read on "
                                  "its own (a character split over two strings is refused too; "
                                  "msgfmt passes the bytes on as they are); write the "
                                  "characters themselves"))
            return data.decode("utf-8", "replace")
    if "\x04" in value:
        errors.append(PoError(line, "context separator <EOT> within string"))
    if "\0" in value:
        errors.append(PoError(line, _NUL))
    return value


_CR = ("line endings: a carriage return (CR) without a line feed; save the file with LF or "
       "CRLF line endings")


def _tokens(text: str, last_line: int, errors: list[PoError]) -> list[_Token]:
    """The tokens of a whole file (LF line endings; ``last_line``: its number of lines), as
    msgfmt's lexer finds them.

    The file is read a line group at a time: a line and the string lines after it (lines
    that begin with a quote). The usual groups are read at once: a comment line, and a run of
    plain strings (each line one quoted string without escapes or EOT; the first may follow
    a keyword and a space) as one string token (msgfmt joins them too). Any other group is
    read line by line, token by token.
    """
    tokens: list[_Token] = []
    append = tokens.append
    carry: tuple[bool, bool] | None = None  # a string ran on: msgfmt's flags stay as they were
    number = 1
    for group in _GROUPS.split(text):
        if not group:
            number += 1
            continue
        if group[0] == "\n":  # a blank line before string lines
            group = group[1:]
            number += 1
        if carry is None:
            first = group[0]
            if first == "#" and group[1:2] not in ("~", "|") and "\n" not in group:
                if "\r" in group:
                    errors.append(PoError(number, _CR))
                append(("comment", group, number, number, False))
                number += 1
                continue
            keyword, _, run = ("", "", group) if first == '"' else group.partition(" ")
            value = run[1:-1].replace('"\n"', "")  # the lines' quotes, if each has two
            if ((keyword in _SIMPLE_KEYWORDS or first == '"') and len(run) > 1
                    and run[0] == '"' == run[-1] and '"' not in value and "\\" not in value
                    and "\n" not in value and "\x04" not in value and "\0" not in value):
                last = number + (len(run) - len(value) - 2) // 3  # a quote, break, quote each
                if keyword:
                    append((keyword, keyword, number, number, False))
                append(("string", value, number, last, False))
                number = last + 1
                continue
        for line in group.split("\n"):
            if line:
                carry = _line_tokens(line, number, number == last_line, carry or (False, False),
                                     tokens, errors)
            number += 1
        if len(errors) > MAX_ERRORS:
            break  # the rest is not read (see MAX_ERRORS)
    return tokens


def _line_tokens(line: str, number: int, at_end: bool, flags: tuple[bool, bool],
                 tokens: list[_Token], errors: list[PoError]) -> tuple[bool, bool] | None:
    """The tokens of one line, one by one; returns the flags if they go on to the next line:
    a string ran on, or a comment after ``#|`` swallowed the line's end, which is where
    msgfmt's lexer leaves "previous" (``#| #`` makes the next line's ``msgid`` a previous
    one; ``#~`` ends with the comment)."""
    obsolete, previous = flags
    position, size = 0, len(line)
    while len(errors) <= MAX_ERRORS:
        position = _SPACE.match(line, position).end()  # type: ignore[union-attr]
        if position >= size:
            return None
        char = line[position]
        if char == "\r":
            errors.append(PoError(number, _CR))
            position += 1
        elif char == "#":
            after = line[position + 1:position + 2]
            if after == "~":
                obsolete = True
                position += 2
                if line.startswith("|", position):
                    previous = True
                    position += 1
            elif after == "|":
                previous = True
                position += 2
            else:
                if "\r" in line[position:]:
                    errors.append(PoError(number, _CR))
                tokens.append(("comment", line[position:], number, number, obsolete))
                return (False, True) if previous else None
        elif char == '"':
            value, position, ran_on = _string(line, position, number, at_end, errors)
            tokens.append(("prev_string" if previous else "string", value, number,
                           number, obsolete))
            if ran_on:
                return obsolete, previous
        elif char.isascii() and (char.isalpha() or char in "_$"):
            name = _NAME.match(line, position).group()  # type: ignore[union-attr]
            position += len(name)
            if name not in _KEYWORDS or (previous and name not in _PREVIOUS):
                if not (errors and errors[-1].line == number
                        and errors[-1].message.endswith('" unknown')):
                    errors.append(PoError(number, f'keyword "{name}" unknown'))  # one a line,
                kind = "name"  # as msgfmt says it
                if _in_a_run_of_errors(tokens):
                    continue  # see _NO_ITEM
            else:
                kind = _PREVIOUS[name] if previous else name
            tokens.append((kind, name, number, number, obsolete))
        elif _in_a_run_of_errors(tokens):
            position = _NO_ITEM_RUN.match(line, position).end()  # type: ignore[union-attr]
        elif char.isascii() and char.isdigit():
            digits = _DIGITS.match(line, position).group()  # type: ignore[union-attr]
            position += len(digits)
            tokens.append(("number", digits, number, number, obsolete))
        else:
            tokens.append((char if char in "[]" else "junk", char, number, number,
                           obsolete))
            position += 1
    return None  # too many errors: the rest is not read (see MAX_ERRORS)


def _in_a_run_of_errors(tokens: list[_Token]) -> bool:
    """Whether the last four tokens are of :data:`_NO_ITEM`: a syntax error already, so the
    next such token is not kept."""
    return len(tokens) >= 4 and all(token[_KIND] in _NO_ITEM for token in tokens[-4:])


# -- reading: the grammar --------------------------------------------------------------------


#: A part of a message as read: its name (``msgid``, ``msgstr[1]``…), its keyword, its first
#: string and, for a plural form, the ``[``, number and ``]`` between them.
_Part = tuple[str, _Token, _Token, tuple[_Token, ...]]


class _SyntaxError(Exception):
    """A token the grammar does not allow where it stands."""

    def __init__(self, token: _Token | None) -> None:
        self.token = token


#: A message as read: its entry; its first line (of its first comment, or its first keyword);
#: the line each part starts on, in file order; the line of its last token; where msgfmt says a
#: first definition is; the line msgfmt has read up to when it stores it. A plain tuple: one is
#: made per entry, and a NamedTuple's constructor (a Python function) costs ~6 times as much.
_Message = tuple[Entry, int, dict[str, int], int, int, int]


class _Parser:
    """msgfmt's grammar (po-gram.y) over a list of tokens, with its error recovery."""

    def __init__(self, tokens: list[_Token], last_line: int, obsolete: bool) -> None:
        self.count = len(tokens)
        self.last_line = last_line
        end = ("eof", "", last_line, last_line, False)  # where msgfmt stands at the end
        self.tokens = tokens
        tokens += (end, end)
        #: Errors, each with the line msgfmt has read up to when it reports it and whether it
        #: is a syntax error (reported after what the lookahead token completes): the order.
        self.errors: list[tuple[int, int, PoError]] = []
        self.at = 0
        self.obsolete = obsolete  # whether the file may have #~ (then its rules are checked)
        self.inconsistent: set[int] = set()  # the lines "inconsistent use of #~" names

    def here(self) -> int:
        """The line of the token msgfmt looks at next (it reports an error after reading it)."""
        return self.tokens[self.at][_LINE]

    def error(self, line: int, message: str, order: int | None = None) -> None:
        self.errors.append((self.here() if order is None else order, 1, PoError(line, message)))

    def peek(self, ahead: int = 0) -> str:
        return self.tokens[self.at + ahead][_KIND]

    def take(self, kind: str) -> _Token:
        token = self.tokens[self.at]
        if token[_KIND] != kind:
            raise _SyntaxError(None if token[_KIND] == "eof" else token)
        self.at += 1
        return token

    def strings(self, kind: str = "string") -> tuple[str, _Token]:
        """One or more strings, joined (each as obsolete as the first, or an error); and the
        first of them."""
        tokens = self.tokens
        first = self.take(kind)
        if tokens[self.at][_KIND] != kind:
            return first[_VALUE], first
        values = [first[_VALUE]]
        while tokens[self.at][_KIND] == kind:
            token = tokens[self.at]
            self.at += 1
            values.append(token[_VALUE])
            if token[_OBSOLETE] != first[_OBSOLETE]:  # reported once the next token is read
                for line in range(token[_LINE], token[_LAST]):  # a run: a string on each line
                    self.error(line, "inconsistent use of #~", line + 1)
                self.error(token[_LAST], "inconsistent use of #~", tokens[self.at][_LINE])
                self.inconsistent.update(range(token[_LINE], token[_LAST] + 1))
        return "".join(values), first

    def consistent(self, first: _Token, then: _Token) -> None:
        """msgfmt's "inconsistent use of #~" for two parts of a message, once for a line (it
        says so once where two of its checks find the same line: ``#~ msgstr "x"``)."""
        if first[_OBSOLETE] != then[_OBSOLETE] and then[_LINE] not in self.inconsistent:
            self.inconsistent.add(then[_LINE])
            self.error(then[_LINE], "inconsistent use of #~")

    def messages(self) -> tuple[list[_Message], list[_Token]]:
        """Every message, and the comments after the last one."""
        found: list[_Message] = []
        comments: list[_Token] = []
        tokens = self.tokens
        while self.at < self.count and len(self.errors) <= MAX_ERRORS:
            kind = tokens[self.at][_KIND]
            if kind == "comment":
                comments.append(tokens[self.at])
                self.at += 1
                continue
            start = self.at
            try:
                if kind == "domain":
                    directive = self.take("domain")
                    self.take("string")
                    self.error(directive[_LINE], "'domain' directives are not supported (msgfmt -c "
                               "ignores them too)")
                    continue
                message = self.message(comments)
            except _SyntaxError as exc:  # where msgfmt stands: after the token it could not use
                token = exc.token
                line = self.tokens[-1][_LINE] if token is None else token[_LINE] + (
                    token[_KIND] == "comment" and token[_LINE] < self.last_line)  # its newline
                self.errors.append((line, 2, PoError(line, "syntax error")))
                self.at = max(self.at, start + 1)  # drop tokens until an item can start
                while self.at < self.count and self.peek() not in _ITEM_START:
                    self.at += 1
                comments = []
                continue
            comments = []
            if message is not None:
                found.append(message)
        return found, comments

    def message(self, comments: list[_Token]) -> _Message | None:
        """One message (the tokens after its comments); None if it has an error."""
        tokens = self.tokens
        start = self.at
        previous: dict[str, str] = {}
        forms: dict[int, str] = {}
        if (tokens[start][_KIND] == "msgid" and tokens[start + 1][_KIND] == "string"
                and tokens[start + 2][_KIND] == "msgstr" and tokens[start + 3][_KIND] == "string"
                and tokens[start + 4][_KIND] != "string" and (not self.obsolete or (
                    tokens[start][_OBSOLETE] == tokens[start + 1][_OBSOLETE]
                    == tokens[start + 2][_OBSOLETE] == tokens[start + 3][_OBSOLETE]))):
            # The usual message, a msgid and a msgstr with one string token each: what the
            # rules below make of it, at once.
            self.at = start + 4
            msgctxt = msgid_plural = None
            msgid, msgstr = tokens[start + 1][_VALUE], tokens[start + 3][_VALUE]
            intro = tokens[start]
            starts = {"msgid": intro[_LINE], "msgstr": tokens[start + 2][_LINE]}
        else:
            starts = {}
            before: list[_Part] = []  # the previous (#|) fields
            if tokens[self.at][_KIND] in ("prev_msgctxt", "prev_msgid"):
                starts["previous"] = self.here()
                for name in ("msgctxt", "msgid", "msgid_plural"):
                    if name == "msgid" or tokens[self.at][_KIND] == "prev_" + name:
                        keyword = self.take("prev_" + name)
                        previous[name], string = self.strings("prev_string")
                        before.append((name, keyword, string, ()))
            errors = len(self.errors)
            groups: list[_Part] = []
            msgctxt = self.part("msgctxt", groups, starts) \
                if tokens[self.at][_KIND] == "msgctxt" else None
            msgid = self.part("msgid", groups, starts)
            msgid_plural = self.part("msgid_plural", groups, starts) \
                if tokens[self.at][_KIND] == "msgid_plural" else None
            msgstr = ""
            problem = None
            if tokens[self.at][_KIND] != "msgstr":
                problem = "missing 'msgstr' section" if msgid_plural is None \
                    else "missing 'msgstr[]' section"
            elif tokens[self.at + 1][_KIND] == "[":
                while self.peek() == "msgstr" and self.peek(1) == "[":
                    forms[len(forms)] = self.part(f"msgstr[{len(forms)}]", groups, starts)
                if msgid_plural is None:
                    problem = "missing 'msgid_plural' section"
            elif msgid_plural is not None:
                self.at += 1
                token = tokens[self.at]
                raise _SyntaxError(None if token[_KIND] == "eof" else token)
            else:
                msgstr = self.part("msgstr", groups, starts)
            intro = groups[1][1] if msgctxt is not None else groups[0][1]
            if self.obsolete and any(t[_OBSOLETE] != intro[_OBSOLETE]
                                     for t in tokens[start:self.at]):
                self.obsolete_rules(before, groups, intro)
            if problem:
                self.error(intro[_LINE], problem)
            if len(self.errors) > errors:
                return None
        translator, extracted, references, flags = _sort_comments(comments)
        first = comments[0][_LINE] if comments else next(iter(starts.values()))
        entry = Entry(msgid, msgstr, msgctxt, msgid_plural, forms, translator, extracted,
                      references, flags, previous.get("msgid"), intro[_OBSOLETE], intro[_LINE],
                      None, previous.get("msgctxt"), previous.get("msgid_plural"))
        msgstr_line = starts.get("msgstr") or starts.get("msgstr[0]", intro[_LINE])
        return (entry, first, starts, tokens[self.at - 1][_LAST], msgstr_line,
                tokens[self.at][_LINE])

    def obsolete_rules(self, before: list[_Part], groups: list[_Part], intro: _Token) -> None:
        """msgfmt's "inconsistent use of #~" checks for one message, rule by rule in the order
        its grammar reduces them (po-gram.y: each ``check_obsolete`` compares two parts and
        reports at the second). ``before``: the previous (``#|``) fields; ``intro``: the
        ``msgid`` keyword, whose ``#~`` makes the message obsolete or not."""
        check = self.consistent
        previous = {name: (keyword, first) for name, keyword, first, _ in before}
        parts = {name: (keyword, first) for name, keyword, first, _ in groups}
        if previous:
            previous_intro = previous["msgid"][0]
            if "msgctxt" in previous:  # #| msgctxt "..." #| msgid
                check(*previous["msgctxt"])
                check(previous["msgctxt"][0], previous_intro)
            if "msgid_plural" in previous:
                check(*previous["msgid_plural"])
            check(previous_intro, previous["msgid"][1])
            if "msgid_plural" in previous:
                check(previous_intro, previous["msgid_plural"][0])
        if "msgctxt" in parts:  # msgctxt "..." msgid
            check(*parts["msgctxt"])
            check(parts["msgctxt"][0], intro)
        if previous:  # the previous fields and the message they belong to
            check(previous_intro, intro)
        if "msgid_plural" in parts:
            check(*parts["msgid_plural"])
        forms = [(keyword, first, brackets) for _, keyword, first, brackets in groups if brackets]
        for keyword, first, brackets in forms:  # msgstr [ N ] "...", and each after the first
            for token in (*brackets, first):
                check(keyword, token)
            if keyword is not forms[0][0]:
                check(forms[0][0], keyword)
        check(intro, parts["msgid"][1])  # the message: the msgid's strings, then what follows
        if "msgid_plural" in parts:
            check(intro, parts["msgid_plural"][0])
            if forms:
                check(intro, forms[0][0])
        elif forms:
            check(intro, forms[0][0])
        elif "msgstr" in parts:
            check(intro, parts["msgstr"][0])
            check(intro, parts["msgstr"][1])

    def part(self, name: str, groups: list[_Part],
             starts: dict[str, int]) -> str:
        """A keyword (``msgstr[N]`` for a plural form) and its strings."""
        tokens = self.tokens
        keyword = tokens[self.at]
        plural = name[-1] == "]"
        if keyword[_KIND] != ("msgstr" if plural else name):
            raise _SyntaxError(None if keyword[_KIND] == "eof" else keyword)
        self.at += 1
        brackets: tuple[_Token, ...] = ()
        if plural:  # msgfmt numbers the forms 0, 1, ... in order
            brackets = (self.take("["), self.take("number"), self.take("]"))
            digits = brackets[1][_VALUE].lstrip("0") or "0"
            index = int(digits) if len(digits) < 10 else -1  # -1: wrong, and no huge int
            if str(index) != name[7:-1]:
                self.error(keyword[_LINE], "plural form has wrong index" if name != "msgstr[0]"
                           else "first plural form has nonzero index")
        first = tokens[self.at]
        if first[_KIND] == "string" and tokens[self.at + 1][_KIND] != "string":
            self.at += 1  # the usual case: one string (a run of plain lines is one token)
            text = first[_VALUE]
        else:
            text, first = self.strings()
        groups.append((name, keyword, first, brackets))
        starts[name] = keyword[_LINE]
        return text


def parse(text: str | bytes, path: str = "<string>", lines: bool = True) -> PoFile:
    """Parse PO text (bytes: the file's own, which must be UTF-8) as msgfmt would.

    Raises :class:`PoSyntaxError` listing every error. ``lines``: keep each entry's lines
    (``raw``), which :mod:`.powriter` needs to write unchanged parts as they were; what only
    reads a catalogue (the check, the renderer) does without.

    >>> parse('msgid "a"\\nmsgstr "b"\\n\\n#~ msgid "a"\\n#~ msgstr "c"\\n').entries
    Traceback (most recent call last):
    ...
    pelican_bij1code.pofile.PoSyntaxError: <string>:4: duplicate message definition...
    """
    if isinstance(text, bytes):
        text = _decode(text, path)
    errors: list[PoError] = []
    if text.startswith("\ufeff"):
        errors.append(PoError(1, "a byte-order mark (BOM) starts the file; msgfmt reads it "
                              "as a syntax error: save the file as UTF-8 without BOM"))
        text = text[1:]
    joined = text.find("\\\n")
    if joined >= 0:
        errors.append(PoError(text.count("\n", 0, joined) + 1,
                              "a backslash at the end of the line joins it to the next one "
                              "(msgfmt reads them as one line); remove the backslash"))
    newline = "\r\n" if text[:text.find("\n") + 1].endswith("\r\n") else "\n"
    # A search of the whole text for two characters costs ~1.5% of the parse; one for a single
    # character (memchr) ~50 times less, and most files have no CR and no "~".
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    breaks = text.count("\n")
    parser = _Parser(_tokens(text, breaks + 1, errors), breaks + 1, "~" in text and "#~" in text)
    messages, trailing = parser.messages()
    found = [(e.line, 0, e) for e in errors] + parser.errors
    header, entries = None, []
    seen: dict[tuple[str | None, str], int] = {}  # each key: where msgfmt says it is first
    for entry, _, _, _, msgstr_line, seen_at in messages:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:  # at the second one's line, as msgfmt does
            found.append((seen_at, 1, PoError(entry.line, "duplicate message definition...")))
            found.append((seen_at, 1, PoError(
                seen[key], "...this is the location of the first definition")))
            continue
        seen[key] = msgstr_line
        if header is None and key == (None, "") and not entry.obsolete:
            header = entry
        else:
            entries.append(entry)
    # In the order msgfmt reports them: it reads a token, then reports what it found.
    errors = [error for _, _, error in sorted(found, key=lambda item: item[:2])]
    if len(errors) > MAX_ERRORS:
        errors[MAX_ERRORS:] = [PoError(errors[MAX_ERRORS - 1].line, f"too many errors: the "
                                       f"first {MAX_ERRORS} are listed; correct them and check "
                                       "again")]
    if errors:
        raise PoSyntaxError(path, errors)

    end = messages[-1][3] if messages else 0  # the last message's last line
    # The lines are split only where they are kept: all of them costs ~5% of a large file's parse.
    skip = 0 if lines and messages else end
    split = text.rsplit("\n", breaks + 1 - skip)[1:] if skip else text.split("\n")

    def span(first: int, last: int) -> str:  # lines first to last (from 1)
        return "\n".join(split[first - 1 - skip:last - skip]) + "\n" if last >= first else ""

    count = breaks if text.endswith("\n") or not text else breaks + 1  # the last with text
    if lines and messages:
        end = 0
        followings = [first for _, first, _, _, _, _ in messages[1:]]  # the next one's first line
        followings.append(trailing[0][_LINE] if trailing else count + 1)
        for (entry, first, _, last, _, _), following in zip(messages, followings, strict=True):
            if first > end and following > last:  # no line shared with another
                entry.raw = span(first, last)
                entry._gap = span(end + 1, first - 1)
            end = last
    rest = "".join(t[_VALUE] + "\n" for t in trailing if t[_LINE] <= end) + span(end + 1, count)
    return PoFile(path=path, header=header, entries=entries, newline=newline,
                  trailer=rest if rest.strip() else "")


def _decode(data: bytes, path: str) -> str:
    """The file's text; bytes that are not UTF-8 are an error at their line and column."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[start:exc.start].decode("utf-8", "replace")) + 1
        error = PoError(line, "invalid multibyte sequence (the file must be UTF-8)", column)
        raise PoSyntaxError(path, [error]) from None


def read(path: str | os.PathLike[str], lines: bool = True) -> PoFile:
    """Read and parse a PO file (``lines``: as in :func:`parse`)."""
    return parse(read_regular(path), str(path), lines)


def parse_entry(raw: str) -> tuple[Entry, dict[str, int], int] | None:
    """The one message ``raw`` (an entry's lines, LF line endings) holds; with the line each
    of its parts starts on (``previous``, ``msgctxt``, ``msgid``, ``msgid_plural``,
    ``msgstr``, ``msgstr[N]``; from 1, in file order) and its last line. None if ``raw`` is
    not exactly one message.

    >>> entry, starts, last = parse_entry('# mine\\nmsgid "a"\\nmsgstr ""\\n"b"\\n')
    >>> entry.msgstr, starts, last
    ('b', {'msgid': 2, 'msgstr': 3}, 4)
    """
    errors: list[PoError] = []
    last_line = raw.count("\n") + 1
    parser = _Parser(_tokens(raw, last_line, errors), last_line, "#~" in raw)
    messages, trailing = parser.messages()
    if errors or parser.errors or trailing or len(messages) != 1:
        return None
    entry, _, starts, last, _, _ = messages[0]
    return entry, starts, last
