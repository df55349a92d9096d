"""Write PO files as GNU gettext writes them, keeping the lines of every unchanged part.

A catalogue read with :mod:`.pofile` and written back is the same, byte for byte, whichever
tool (Poedit, Weblate, msgcat, a text editor) wrote it: each entry keeps the lines of every part
(comments, ``msgid``, ``msgstr``, ``#|`` lines...) that still says what it said, and only a
changed part is formatted afresh, wrapped as msgcat wraps it. polib and Babel rewrap every
entry, so a translator's file would churn at every ``update``: that is why this module exists.

>>> from pelican_bij1code.pofile import parse
>>> text = 'msgid ""\\nmsgstr ""\\n\\n#: old.md:1\\nmsgid "Wij"\\nmsgstr ""\\n"We"\\n'
>>> po = parse(text)
>>> po.entries[0].references = ("new.md:2",)
>>> print(dump(po), end="")
msgid ""
msgstr ""
<BLANKLINE>
#: new.md:2
msgid "Wij"
msgstr ""
"We"
"""

from __future__ import annotations

import unicodedata

from .pofile import FLAG_MARKS, Entry, PoFile, parse_entry

__all__ = ["dump", "escape", "format_entry", "format_string"]

#: The width GNU gettext (msgcat, msgmerge, Poedit) wraps string lines to.
WRAP_WIDTH = 79

#: What GNU gettext writes escaped (other control characters it writes as they are).
_UNESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\a": "\\a",
              "\b": "\\b", "\f": "\\f", "\v": "\\v"}
#: The comment kinds, by the character after ``#``, with the field each fills.
_COMMENT_KINDS = {" ": "translator_comments", ".": "extracted_comments", ":": "references",
                  ",": "flags"}


def escape(text: str) -> str:
    r"""Encode a string body for a PO file.

    >>> escape('say "hi"\n')
    'say \\"hi\\"\\n'
    """
    return "".join(_UNESCAPES.get(ch, ch) for ch in text)


def _chunks(escaped: str) -> list[str]:
    """Split an escaped string where GNU gettext may wrap it.

    That is after spaces and ``\\n``, after ``- / : . , ; ! ?`` before a letter, and between
    ``]`` and ``(``.

    >>> _chunks("e-mail via: mailto:x")
    ['e-', 'mail ', 'via: ', 'mailto:', 'x']
    """
    chunks: list[str] = []
    start = index = 0
    size = len(escaped)
    while index < size:
        char = escaped[index]
        if char == "\\":
            index += 2
            if escaped[index - 1:index] == "n":
                chunks.append(escaped[start:index])
                start = index
            continue
        index += 1
        following = escaped[index:index + 1]
        if (char == " " and following != " ") or (
                char in "-/:.,;!?" and following.isalpha()) or (char == "]" and following == "("):
            chunks.append(escaped[start:index])
            start = index
    if start < size:
        chunks.append(escaped[start:])
    return chunks


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
    if "\n" not in value[:-1] and width(single) <= columns:
        return single + "\n"
    lines: list[str] = []
    current = ""
    for piece in _chunks(escaped):
        if current and width(prefix + current + piece) + 2 > columns:
            lines.append(current)
            current = ""
        current += piece
        backslashes = len(piece) - 1 - len(piece[:-1].rstrip("\\"))
        if piece.endswith("n") and backslashes % 2:  # an escaped newline ends the line
            lines.append(current)
            current = ""
    if current:
        lines.append(current)
    out = [f'{prefix}{keyword} ""']
    out.extend(f'{prefix}"{line}"' for line in lines)
    return "\n".join(out) + "\n"


def _comment_lines(entry: Entry) -> dict[str, list[str]]:
    """An entry's comments as gettext writes them, by kind."""
    references: list[str] = []
    if entry.references and not entry.obsolete:
        line = "#:"
        for ref in entry.references:
            if len(line) + 1 + len(ref) > WRAP_WIDTH and line != "#:":
                references.append(line + "\n")
                line = "#:"
            line += " " + ref
        references.append(line + "\n")
    return {
        " ": [f"# {c}".rstrip() + "\n" for c in entry.translator_comments],
        ".": [f"#. {c}".rstrip() + "\n" for c in entry.extracted_comments],
        ":": references,
        ",": ["#, " + ", ".join(entry.flags) + "\n"] if entry.flags else [],
    }


def _body_parts(entry: Entry) -> list[tuple[str, str]]:
    """The message's parts (after the comments) as gettext writes them, in order."""
    prefix = "#~ " if entry.obsolete else ""
    marker = "#~| " if entry.obsolete else "#| "  # GNU's form; polib refuses "#~ #|"
    parts: list[tuple[str, str]] = []
    if entry.previous_msgid is not None:
        previous = ""
        if entry.previous_msgctxt is not None:
            previous += format_string("msgctxt", entry.previous_msgctxt, prefix=marker)
        previous += format_string("msgid", entry.previous_msgid, prefix=marker)
        if entry.previous_msgid_plural is not None:
            previous += format_string("msgid_plural", entry.previous_msgid_plural,
                                      prefix=marker)
        parts.append(("previous", previous))
    if entry.msgctxt is not None:
        parts.append(("msgctxt", format_string("msgctxt", entry.msgctxt, prefix=prefix)))
    parts.append(("msgid", format_string("msgid", entry.msgid, prefix=prefix)))
    if entry.msgid_plural is not None:
        parts.append(("msgid_plural", format_string("msgid_plural", entry.msgid_plural,
                                                    prefix=prefix)))
        for index in sorted(entry.msgstr_plural):
            keyword = f"msgstr[{index}]"
            parts.append((keyword, format_string(keyword, entry.msgstr_plural[index],
                                                 prefix=prefix)))
    else:
        parts.append(("msgstr", format_string("msgstr", entry.msgstr, prefix=prefix)))
    return parts


def format_entry(entry: Entry) -> str:
    """One entry as text, in the layout GNU gettext writes."""
    comments = _comment_lines(entry)
    return "".join(line for kind in " .:," for line in comments[kind]) + "".join(
        text for _, text in _body_parts(entry))


def _entry_text(entry: Entry, raw: str) -> str:
    """An entry as text: each part whose ``raw`` lines still say what it says keeps them."""
    read = parse_entry(raw)
    if read is None:
        return format_entry(entry)
    old, found, last = read
    starts = list(found.items())  # in file order
    if old.obsolete != entry.obsolete:
        return format_entry(entry)
    if len(set(found.values())) < len(starts):  # two parts on one line: whole, or afresh
        same = old.says_the_same(entry) and not (entry.obsolete and "#|" in raw)
        return raw if same else format_entry(entry)
    lines = [line + "\n" for line in raw.split("\n")]
    heading = lines[:starts[0][1] - 1]  # its comments, and any blank lines among them
    unchanged = {kind for kind, name in _COMMENT_KINDS.items()
                 if _words(getattr(old, name)) == _words(getattr(entry, name))}
    if len(unchanged) == 4:
        out = heading
    else:
        fresh = _comment_lines(entry)
        out = [line for kind in " .:," for line in (
            [text for text in heading if _comment_kind(text) == kind] if kind in unchanged
            else fresh[kind])]
    ends = [line - 1 for _, line in starts[1:]] + [last]
    spans = {name: (start, end) for (name, start), end in zip(starts, ends, strict=True)}
    for name, text in _body_parts(entry):
        span = spans.get(name)
        same = span is not None and _value(old, name) == _value(entry, name)
        if same and span is not None and name == "previous" and entry.obsolete:
            same = lines[span[0] - 1].startswith("#~|")  # "#~ #|" (polib refuses it): rewrite
        out.extend(lines[span[0] - 1:span[1]] if same and span is not None else [text])
    return "".join(out)


def _comment_kind(line: str) -> str:
    """The kind of a comment line (`` ``, ``.``, ``:``, ``,``: flags, also of ``#!``), or ""
    for another line."""
    text = line.strip()
    if not text.startswith("#"):
        return ""
    if text[1:2] in FLAG_MARKS:
        return ","
    return text[1:2] if text[1:2] in (".", ":") else " "


def _words(comments: list[str]) -> list[str]:
    """A comment's words: the same however a tool wrapped it (polib splits long ones)."""
    return " ".join(comments).split()


def dump(po: PoFile, originals: dict[tuple[str | None, str], Entry] | None = None) -> str:
    """The whole file as text, with the file's line endings.

    An entry read from a file (or copied from one with :meth:`Entry.replace`) keeps the lines
    of every part it has not changed; so does an entry whose key is in ``originals``. An entry
    whose ``raw`` was set to None is formatted afresh.
    """
    originals = originals or {}
    out: list[str] = []
    for entry in [po.header, *po.entries]:
        if entry is None:
            continue
        source: Entry | None = entry
        if entry.raw is None:
            old = originals.get(entry.key)
            source = old if old is not None and old is not entry else None
        if source is not None and source.raw is not None:
            text, gap = _entry_text(entry, source.raw), source._gap
        else:
            text, gap = format_entry(entry), ""
        if out and not gap:
            gap = "\n"  # a blank line between entries
        out.append(gap + text)
    out.append(po.trailer)
    text = "".join(out)
    return text.replace("\n", "\r\n") if po.newline == "\r\n" else text


def _value(entry: Entry, part: str) -> object:
    """What a part of an entry says, to tell whether it changed."""
    if part == "previous":
        return (entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural)
    if part.startswith("msgstr["):
        return entry.msgstr_plural.get(int(part[7:-1]))
    return getattr(entry, part)
