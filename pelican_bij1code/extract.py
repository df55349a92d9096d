"""Making the template (``gedragscode.pot``) from the Dutch master.

One message per block; the msgid is the block's Dutch text with its inline Markdown (links stay
in the message so translators can move them). Each entry says what the block is (``#.``) and
where it stands in the master (``#:``), and carries the translator notes of
``gedragscode.notes.toml`` (kept beside the master) on every message that uses a noted word.
Running it twice changes nothing: the creation date only moves when a message does.

>>> po = build_template("2026-01-01 00:00+0000")
>>> po.entries[0].msgid, po.entries[0].extracted_comments[0][:30]
('WIJ ZIJN BIJ1', 'Title of part “wij” (1 of 3). ')
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from . import files, pofile, powriter
from .catalogue import Locales
from .master import MASTER_PATH, NOTICE, PARTS, Block, messages

_DESCRIBE = {
    "title": "Title of part “{part}” ({index} of {count}). In capitals in the Dutch; use "
             "capitals if your script has them.",
    "heading": "Sub-heading in part “{part}”.",
    "item": "List item {index} of {count} in part “{part}”.",
    "paragraph": "Paragraph {index} of {count} in part “{part}”.",
}
LINK_HINT = ("Translate the link text in [brackets]; keep the link target in (parentheses) "
             "exactly.")
NOTICE_COMMENT = ("Not BIJ1's text: our notice, shown above every translation. Say in your "
                  "language that this is a translation and only the Dutch text is binding.")

HEADER_COMMENT = [
    "Template for translations of BIJ1's code of conduct (gedragscode).",
    "Made by `bij1code extract` from the Dutch master; do not edit by hand.",
    "The Dutch text is binding; every translation says so.",
]


#: The translator notes for the load-bearing words, beside the master.
NOTES_PATH = MASTER_PATH.with_name("gedragscode.notes.toml")


class NotesError(ValueError):
    """The notes file cannot be read, or a note no longer matches the master."""


class Note(NamedTuple):
    """A translator note: what a word means in BIJ1's usage and what a translation keeps."""

    term: str
    match: tuple[str, ...]
    text: str

    def applies_to(self, msgid: str) -> bool:
        """Whether ``msgid`` uses the noted word (a ``match`` phrase, whole words, any case).

        >>> Note("x", ("BIJ1komst",), "").applies_to("op een BIJ1komst waar")
        True
        >>> Note("x", ("BIJ1komst",), "").applies_to("onze BIJ1komsten")
        False
        """
        return any(re.search(rf"(?<!\w){re.escape(m)}(?!\w)", msgid, re.IGNORECASE)
                   for m in self.match)

    def comment(self) -> str:
        return f"Translator note, {self.term}: {self.text}"


def load_notes(path: Path = NOTES_PATH) -> list[Note]:
    """The notes of ``path``: a TOML list ``[[note]]`` with ``term``, ``match`` and ``text``."""
    where = f"{path.parent.name}/{path.name}"
    try:
        data = tomllib.loads(files.read_regular(path).decode("utf-8"))
    except OSError as exc:
        raise NotesError(f"{where}: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise NotesError(f"{where}: {exc}") from exc
    listed = data.get("note", [])
    if not isinstance(listed, list) or not all(isinstance(raw, dict) for raw in listed):
        raise NotesError(f"{where}: notes are a list of [[note]] tables")
    notes = []
    for number, raw in enumerate(listed, start=1):
        term, match, text = raw.get("term"), raw.get("match"), raw.get("text")
        if not (isinstance(term, str) and term and isinstance(text, str) and text.strip()
                and isinstance(match, list) and match
                and all(isinstance(m, str) and m.strip() for m in match)):
            raise NotesError(f"{where}: note {number} needs a term, a text and a non-empty "
                             "list of match phrases")
        if "\n" in text:
            raise NotesError(f"{where}: note {number} ({term}): one line of text, please "
                             "(end a line with a backslash to continue it)")
        notes.append(Note(term, tuple(match), " ".join(text.split())))
    return notes


def now() -> str:
    """The current time in the PO header format."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M+0000")


def describe(block: Block, blocks: list[Block], notes: Sequence[Note] = ()) -> list[str]:
    """The translator-facing comments for one block."""
    if block is NOTICE:
        return [NOTICE_COMMENT]
    if block.kind == "title":
        index, count = PARTS.index(block.part) + 1, len(PARTS)
    else:
        same = [b for b in blocks if b.kind == block.kind and b.part == block.part]
        index, count = same.index(block) + 1, len(same)
    comments = [_DESCRIBE[block.kind].format(part=block.part, index=index, count=count)]
    if "](" in block.text:
        comments.append(LINK_HINT)
    comments.extend(note.comment() for note in notes if note.applies_to(block.text))
    return comments


def header_text(fields: dict[str, str]) -> str:
    return "".join(f"{k}: {v}\n" for k, v in fields.items())


def build_template(creation_date: str, notes: list[Note] | None = None,
                   master: Path = MASTER_PATH) -> pofile.PoFile:
    """The template as a :class:`~pelican_bij1code.pofile.PoFile`.

    ``notes`` defaults to the notes beside the master; each must match some message.
    """
    blocks = list(messages(master))
    notes_path = master.with_name(NOTES_PATH.name)
    notes = load_notes(notes_path) if notes is None else notes
    for note in notes:
        if not any(note.applies_to(b.text) for b in blocks if b is not NOTICE):
            raise NotesError(f"{notes_path.parent.name}/{notes_path.name}: the note on "
                             f"{note.term!r} matches no message of the master "
                             f"(match: {list(note.match)})")
    source = _master_reference()
    fields = {
        "Project-Id-Version": "pelican-bij1code",
        "Report-Msgid-Bugs-To": "bestuur@bij1.org",
        "POT-Creation-Date": creation_date,
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    header = pofile.Entry(msgid="", msgstr=header_text(fields),
                          translator_comments=list(HEADER_COMMENT), flags=["fuzzy"])
    entries = [
        pofile.Entry(msgid=b.text, extracted_comments=describe(b, blocks, notes),
                     references=[f"{source}:{b.line}"] if b.line else [])
        for b in blocks
    ]
    duplicates = [t for t, n in Counter(b.text for b in blocks).items() if n > 1]
    if duplicates:
        raise ValueError(f"the master repeats a block word for word: {duplicates[0]!r}")
    return pofile.PoFile(path="gedragscode.pot", header=header, entries=entries)


def _master_reference() -> str:
    """The master's path as references show it: relative to the project, like xgettext."""
    return f"{Path(MASTER_PATH).parent.name}/{MASTER_PATH.name}"


def extract(locales: Locales) -> bool:
    """Write the template into ``locales`` from its master (:attr:`Locales.master_path`);
    returns whether the file changed."""
    master = locales.master_path
    path = locales.template_path
    locales.inside(path)  # a link out of the folder is never read (check refuses it too)
    creation = now()
    try:
        old = pofile.read(path, lines=False)  # compared by contents, not layout
    except (FileNotFoundError, pofile.PoSyntaxError):
        old = None  # no template yet, or a broken one: written afresh
    except OSError as exc:  # a FIFO, a device, a folder: refused, never replaced
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    if old is not None:
        kept = old.metadata.get("POT-Creation-Date")
        same = powriter.dump(build_template(kept, master=master)) if kept else None
        if same == powriter.dump(_without_raw(old)):
            return False
    return files.write_atomic(path, powriter.dump(build_template(creation, master=master)))


def _without_raw(po: pofile.PoFile) -> pofile.PoFile:
    """A copy that formats afresh, to compare contents rather than layouts."""
    entries = [e.replace(raw=None) for e in po.entries]
    header = po.header.replace(raw=None) if po.header else None
    return pofile.PoFile(path=po.path, header=header, entries=entries)
