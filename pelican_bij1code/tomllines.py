"""Where each table header and key of a TOML document is: the lines ``tomllib`` does not keep.

``status.toml`` errors name the line of the key or table at fault, and ``init`` adds its
line to the ``[status]`` table however that table's header and keys are spelled
(``[status]``, ``[ "status" ]``, ``['status']``, ``"en" = 'draft'``). The document must be
one ``tomllib`` accepts: this only finds where things are, it does not check them. Lines are
counted as TOML (and ``tomllib``'s errors) count them: by ``\\n`` alone.

>>> for item in items('[ "status" ]\\nen = "published"  # yes\\n\\n[other]\\nx = [\\n  1,\\n]\\n'):
...     print(item)
Item(line=1, end=1, kind='table', path=('status',), table=())
Item(line=2, end=2, kind='key', path=('status', 'en'), table=('status',))
Item(line=4, end=4, kind='table', path=('other',), table=())
Item(line=5, end=7, kind='key', path=('other', 'x'), table=('other',))
"""

from __future__ import annotations

import re
import tomllib
from typing import Literal, NamedTuple

#: Nesting deeper than this is reported at the line where it starts (``tomllib`` gives up
#: with a RecursionError, and no line, far below what a status file needs).
DEEP = 64

_PLAIN = re.compile(r"[^\"'\[\]{}#\n]+")  # value characters that need no attention
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_BASIC_END = re.compile(r'\\.|"', re.DOTALL)  # an escape or the closing quote
_MULTI_END = re.compile(r'\\.|"""', re.DOTALL)


class Item(NamedTuple):
    """A table header (``table``, or ``array`` for ``[[...]]``) or a key/value (``key``)."""

    line: int  # where it starts
    end: int  # where its value ends (a multi-line string or array runs over lines)
    kind: Literal["table", "array", "key"]
    path: tuple[str, ...]  # the full key: a key's table, then its own (dotted) key
    table: tuple[str, ...]  # the table a key is in; () at the top of the document


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line = text, 0, 1
        self.deep_line: int | None = None

    def skip(self, chars: str = " \t") -> None:
        while self.pos < len(self.text) and self.text[self.pos] in chars:
            self.pos += 1

    def move(self, to: int) -> None:
        self.line += self.text.count("\n", self.pos, to)
        self.pos = to

    def rest_of_line(self) -> None:
        """Spaces and a comment up to the end of the line (the newline is left)."""
        self.skip()
        if self.text.startswith("#", self.pos):
            end = self.text.find("\n", self.pos)
            self.pos = len(self.text) if end < 0 else end

    def string(self) -> str:
        """Skip the string at ``pos``; returns its source text."""
        text, start = self.text, self.pos
        if text.startswith(('"""', "'''"), start):
            quote = text[start]
            if quote == '"':
                match = _closing(_MULTI_END, '"""', text, start + 3)
                close = len(text) if match is None else match.start()
            else:
                found = text.find("'''", start + 3)
                close = len(text) if found < 0 else found
            end = close
            while end < len(text) and text[end] == quote and end - close < 5:
                end += 1  # up to two quotes of the content touch the closing three
        elif text[start] == '"':
            match = _closing(_BASIC_END, '"', text, start + 1)
            end = len(text) if match is None else match.end()
        else:
            found = text.find("'", start + 1)
            end = len(text) if found < 0 else found + 1
        self.move(end)
        return text[start:end]

    def key(self) -> tuple[str, ...]:
        """A (dotted) key, each part decoded as TOML decodes it."""
        parts: list[str] = []
        while True:
            self.skip()
            if self.text.startswith(('"', "'"), self.pos):
                quoted = self.string()
                parts.append(str(tomllib.loads(f"k = {quoted}")["k"]))
            else:
                match = _BARE.match(self.text, self.pos)
                if match is None:
                    break
                parts.append(match.group())
                self.pos = match.end()
            self.skip()
            if not self.text.startswith(".", self.pos):
                break
            self.pos += 1
        return tuple(parts)

    def value(self) -> None:
        """Skip a value: strings, arrays and inline tables over any number of lines."""
        text, depth = self.text, 0
        while self.pos < len(text):
            char = text[self.pos]
            if char in "\"'":
                self.string()
            elif char in "[{":
                depth += 1
                if depth > DEEP and self.deep_line is None:
                    self.deep_line = self.line
                self.pos += 1
            elif char in "]}":
                depth -= 1
                self.pos += 1
            elif char == "#":
                self.rest_of_line()
            elif char == "\n":
                if depth <= 0:
                    return
                self.move(self.pos + 1)
            else:
                match = _PLAIN.match(text, self.pos)
                self.pos = match.end() if match else self.pos + 1


def _scan(text: str) -> tuple[list[Item], int | None]:
    scanner = _Scanner(text)
    found: list[Item] = []
    table: tuple[str, ...] = ()
    while scanner.pos < len(text):
        scanner.skip(" \t\r")
        if scanner.pos >= len(text):
            break
        char, start, line = text[scanner.pos], scanner.pos, scanner.line
        if char == "\n":
            scanner.move(scanner.pos + 1)
            continue
        if char == "#":
            scanner.rest_of_line()
            continue
        if char == "[":
            array = text.startswith("[[", start)
            scanner.pos += 2 if array else 1
            table = scanner.key()
            scanner.skip(" \t]")
            found.append(Item(line, line, "array" if array else "table", table, ()))
        else:
            path = scanner.key()
            scanner.skip(" \t=")
            scanner.value()
            found.append(Item(line, scanner.line, "key", table + path, table))
        scanner.rest_of_line()
        if scanner.pos == start:  # not TOML after all: never loop
            scanner.pos += 1
    return found, scanner.deep_line


def items(text: str) -> list[Item]:
    """Every table header and key/value of ``text``, in order, each with its lines."""
    return _scan(text)[0]


def deep_line(text: str) -> int | None:
    """The line where arrays or inline tables first nest deeper than :data:`DEEP`.

    >>> deep_line("a = 1\\nx = " + "[" * 100 + "]" * 100 + "\\n")
    2
    """
    return _scan(text)[1]


def _closing(pattern: re.Pattern[str], quote: str, text: str,
             start: int) -> re.Match[str] | None:
    """The quote that closes a string whose content starts at ``start``: ``pattern`` finds
    each escape or quote in turn, and escapes are stepped over."""
    match = pattern.search(text, start)
    while match is not None and match.group() != quote:
        match = pattern.search(text, match.end())
    return match
