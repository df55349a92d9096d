"""The Dutch master text of the code of conduct: the binding source.

The master is ``gedragscode.nl.md``, kept word for word as BIJ1 wrote it. It is a small
Markdown dialect: ``> TITLE`` opens a part, ``#### text`` is a sub-heading, ``* text`` a list
item (continued by indented lines), anything else a paragraph. Soft line breaks are folded into
single spaces, so each block is one message for the translators.

>>> blocks = load_master()
>>> blocks[0]
Block(kind='title', part='wij', text='WIJ ZIJN BIJ1', line=1)
>>> [b.part for b in blocks if b.kind == 'title']
['wij', 'ik', 'samen']
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal, NamedTuple

from .files import read_regular

#: The master file, shipped inside the package.
MASTER_PATH = Path(__file__).with_name("gedragscode.nl.md")

#: The master's language: the binding text.
SOURCE_LANG = "nl"

#: The three parts of the code, in the order of the master.
PARTS: tuple[str, ...] = ("wij", "ik", "samen")

BlockKind = Literal["title", "heading", "item", "paragraph", "notice"]


class Block(NamedTuple):
    """One translatable block of the code: a part title, sub-heading, list item or paragraph."""

    kind: BlockKind
    part: str
    text: str
    line: int


#: Messages that are not part of BIJ1's text but of every rendering of it.
#: ``notice`` is shown above every translation: the Dutch text is binding.
NOTICE = Block(
    kind="notice",
    part="",
    text="Dit is een vertaling. Alleen de Nederlandse tekst van deze gedragscode is bindend.",
    line=0,
)


class MasterError(ValueError):
    """The master text does not have the expected structure."""


def parse_master(text: str, parts: tuple[str, ...] = PARTS) -> list[Block]:
    """Split the master text into blocks.

    >>> parse_master("> WIJ\\n\\n* a\\n  b\\n\\n#### Kop\\n", parts=("wij",))
    [Block(kind='title', part='wij', text='WIJ', line=1), \
Block(kind='item', part='wij', text='a b', line=3), \
Block(kind='heading', part='wij', text='Kop', line=6)]
    """
    blocks: list[Block] = []
    part_index = -1
    current: tuple[BlockKind, int, list[str]] | None = None

    def flush() -> None:
        nonlocal current
        if current is not None:
            kind, line, pieces = current
            if part_index < 0:
                raise MasterError(f"line {line}: text before the first part title")
            blocks.append(Block(kind, parts[part_index], " ".join(pieces), line))
            current = None

    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            flush()
            continue
        if raw.startswith(">"):
            flush()
            part_index += 1
            if part_index >= len(parts):
                raise MasterError(f"line {number}: more part titles than parts {parts}")
            blocks.append(Block("title", parts[part_index], stripped.lstrip("> ").strip(), number))
        elif raw.startswith("#"):
            flush()
            current = ("heading", number, [stripped.lstrip("#").strip()])
            flush()
        elif raw.startswith(("* ", "- ")):
            flush()
            current = ("item", number, [stripped[2:].strip()])
        elif current is not None and (current[0] != "item" or raw[:1].isspace()):
            current[2].append(stripped)
        else:
            flush()
            current = ("paragraph", number, [stripped])
    flush()
    if part_index != len(parts) - 1:
        raise MasterError(f"found {part_index + 1} part titles, expected {len(parts)}")
    return blocks


def load_master(path: Path = MASTER_PATH) -> tuple[Block, ...]:
    """The blocks of the master at ``path`` (the shipped one is parsed once per process)."""
    if path == MASTER_PATH:
        return _shipped_master()
    try:
        return tuple(parse_master(read_regular(path).decode("utf-8")))
    except (MasterError, UnicodeDecodeError) as exc:
        raise MasterError(f"{path}: {exc}") from None


@functools.cache
def _shipped_master() -> tuple[Block, ...]:
    return tuple(parse_master(read_regular(MASTER_PATH).decode("utf-8")))


def messages(path: Path = MASTER_PATH) -> tuple[Block, ...]:
    """Every translatable message, in template order: the master's blocks, then the notice."""
    return (*load_master(path), NOTICE)
