"""Rule ids: a stable ``id`` for every part and block of the code, the same in every language.

The ids come from the Dutch master's structure, never from a translation, so a link such as
``…/gedragscode-en.html#gedragscode-wij-7`` points at the same rule in every language and
survives a language switch:

- a part is ``gedragscode-PART`` (``gedragscode-wij``, ``gedragscode-ik``,
  ``gedragscode-samen``);
- a block is ``gedragscode-PART-N``: the blocks after a part's title (list items,
  sub-headings, paragraphs) are numbered 1, 2, 3, … within their part, in master order.
  ``wij-1`` to ``wij-8`` are the eight items of WIJ ZIJN BIJ1, ``wij-9`` its closing
  sub-heading; ``ik-1`` to ``ik-5`` the five items of IK BEN BIJ1; ``samen-1`` the
  sub-heading of the third part and ``samen-2``, ``samen-3`` its paragraphs.
- the second code on one page adds ``--2`` to each of its ids, the third ``--3``, and so
  on (``gedragscode-wij-7--2``). The first code has no suffix. The base ids never contain
  ``--``, so a suffixed id can never equal another code's id.

A rendering of some parts only (``part=ik``) keeps the numbers of the whole code.

>>> rule_id(load_master()[7]), rule_id(load_master()[7], copy=2)
('gedragscode-wij-7', 'gedragscode-wij-7--2')
>>> rule_name(load_master()[7])
'wij-7'
>>> part_id("samen", copy=3)
'gedragscode-samen--3'
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import NamedTuple

from .master import Block, load_master

PREFIX = "gedragscode"
#: How every id of a code starts (what the unique-ids pass looks for on a page).
_CODE_ID = f"{PREFIX}-"

#: The accessible name of the "link to this rule" anchor, per language (``{rule}`` is the
#: rule's name, e.g. ``wij-7``). A language missing here gets the Dutch name, marked
#: ``lang="nl"`` on the link, so a screen reader still reads it right.
LINK_LABELS: dict[str, str] = {
    "nl": "Link naar regel {rule}",
    "en": "Link to rule {rule}",
    "tr": "{rule} kuralına bağlantı",
    "pl": "Link do zasady {rule}",
    "ar": "رابط إلى القاعدة {rule}",
    "es": "Enlace a la regla {rule}",
    "fa": "پیوند به قاعده {rule}",
    "fy": "Keppeling nei regel {rule}",
    "uk": "Посилання на правило {rule}",
}
LABEL_FALLBACK = "nl"


@functools.cache
def _numbers() -> dict[Block, int]:
    numbers: dict[Block, int] = {}
    count = 0
    for block in load_master():
        count = 0 if block.kind == "title" else count + 1
        numbers[block] = count
    return numbers


def _suffix(copy: int) -> str:
    if copy < 1:
        raise ValueError(f"copy counts from 1, not {copy}")
    return "" if copy == 1 else f"--{copy}"


def part_id(part: str, copy: int = 1) -> str:
    """The id of a part's section."""
    return f"{PREFIX}-{part}{_suffix(copy)}"


def rule_name(block: Block) -> str:
    """A block's short name, as people write it: ``wij-7``."""
    number = _numbers()[block]
    return f"{block.part}-{number}" if number else block.part


def rule_id(block: Block, copy: int = 1) -> str:
    """The id of a block (for a part's title: its part's id, which the part's section
    carries)."""
    return f"{PREFIX}-{rule_name(block)}{_suffix(copy)}"


def link_label(lang: str, block: Block) -> tuple[str, str]:
    """The accessible name of a block's anchor link, and the language it is in.

    >>> link_label("en", load_master()[7])
    ('Link to rule wij-7', 'en')
    >>> link_label("srn", load_master()[7])
    ('Link naar regel wij-7', 'nl')
    """
    label_lang = lang if lang in LINK_LABELS else LABEL_FALLBACK
    return LINK_LABELS[label_lang].format(rule=rule_name(block)), label_lang


def html_anchor(lang: str, block: Block, copy: int = 1, rtl: bool = False) -> str:
    """The visible rule name as a link to the rule itself: no script needed to copy a link.

    >>> html_anchor("en", load_master()[7]).split(" aria-label=")
    ['<a class="gedragscode-anchor" href="#gedragscode-wij-7"', '"Link to rule wij-7">wij-7</a>']
    """
    label, label_lang = link_label(lang, block)
    name = rule_name(block)
    lang_attr = "" if label_lang == lang else f' lang="{label_lang}"'
    shown = f"<bdi>{name}</bdi>" if rtl else name
    return (f'<a class="gedragscode-anchor" href="#{rule_id(block, copy)}"{lang_attr} '
            f'aria-label="{html.escape(label, quote=True)}">{shown}</a>')


# -- unique ids in every output page and feed ---------------------------------------------

#: An attribute in a start tag: its name and, if any, its value (quoted or bare).
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_TAG_NAME = re.compile(r"<[^\s/>]+")


class _StartTags(HTMLParser):
    """Where each start tag of a document is, and whether it is part of a rendered code
    (inside ``<section class="gedragscode">``). Text, comments and the elements whose
    content a browser reads as text (``script``, ``style``, ``textarea``, ``title``,
    ``noscript``…) are skipped, so an id written in a code sample is never touched."""

    #: Read as text by browsers; HTMLParser itself knows only script and style.
    RAW_TEXT = frozenset({"textarea", "title", "xmp", "iframe", "noembed", "noframes",
                          "noscript"})

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[int, int, bool]] = []  # start, end, inside a code
        self._line_starts = [0, *itertools.accumulate(
            len(line) for line in text.splitlines(keepends=True))]
        self._depth = 0  # open sections since the code's root; 0: outside every code
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self._depth:
            self._depth -= 1

    def _record(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text = self.get_starttag_text() or ""
        line, column = self.getpos()
        start = self._line_starts[line - 1] + column
        if tag == "section":
            classes = (dict(attrs).get("class") or "").split()
            if self._depth or PREFIX in classes:
                self._depth += 1
        self.tags.append((start, start + len(text), self._depth > 0))
        if tag in self.RAW_TEXT:
            self.set_cdata_mode(tag)


def _attributes(tag: str) -> Iterator[tuple[str, str, int, int]]:
    """Each attribute of a start tag with a value: name, value, and the value's span."""
    name = _TAG_NAME.match(tag)
    for match in _ATTRIBUTE.finditer(tag, name.end() if name else 0):
        if match.group(2) is not None:
            raw = match.group(2)
            quoted = raw[:1] in "\"'"
            value = html.unescape(raw[1:-1] if quoted else raw)
            yield match.group(1).lower(), value, match.start(2), match.end(2)


def _is_link(tag: str) -> bool:
    """Whether a start tag is ``<a …>``, whose ``name`` a fragment finds, like an id."""
    return re.match(r"<a[\s/>]", tag, re.I) is not None


class _Parsed(NamedTuple):
    """What renaming needs of one document."""

    #: Ids and link names outside every code that a code's id could equal.
    own: frozenset[str]
    #: In the codes: each ``id`` and ``href`` attribute: name, value and the value's span.
    code: tuple[tuple[str, str, int, int], ...]


def _parse(text: str) -> _Parsed:
    own: set[str] = set()
    code: list[tuple[str, str, int, int]] = []
    for start, end, in_code in _StartTags(text).tags:
        tag = text[start:end]
        if in_code:
            code += [(name, value, start + first, start + last)
                     for name, value, first, last in _attributes(tag) if name in ("id", "href")]
        # a code's ids start with the prefix: only a tag that holds it (or an entity that
        # may spell it) can hold one of them
        elif text.find(_CODE_ID, start, end) >= 0 or text.find("&", start, end) >= 0:
            own.update(value for name, value, _, _ in _attributes(tag)
                       if name == "id" or (name == "name" and _is_link(tag)))
    return _Parsed(frozenset(own), tuple(code))


#: Each ``=`` and the attribute value after it (in a lookahead, so that every ``=`` is
#: looked at, also one inside text that looks like a value). A search for the ``=`` runs at
#: C speed, where one for ``id|name`` tries every position; the name is read backwards.
_VALUE = re.compile(r"""=(?=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))""")
_SPACE = " \t\n\r\f"


def _names_an_id(text: str, equals: int) -> bool:
    """Whether the attribute whose ``=`` is at ``equals`` is called ``id`` or ``name``
    (any case), the name starting a word. Only the spaces just before this ``=`` are read,
    so a whole page is read once."""
    end = equals
    while end and text[end - 1] in _SPACE:
        end -= 1
    for name in ("id", "name"):
        start = end - len(name)
        if start >= 0 and text[start:end].lower() == name and not (
                start and (text[start - 1].isalnum() or text[start - 1] == "_")):
            return True
    return False


def may_collide(text: str) -> bool:
    """Whether some id or name value that may be a code's id (it holds ``gedragscode-``, or an
    entity that may spell it) occurs twice in ``text`` (read loosely: text that only looks
    like an attribute counts too), so :func:`unique_page_ids` has work to do; no other value
    is ever renamed. Most pages hold one code and no id like its own: this linear look saves
    parsing them.

    >>> may_collide('<p id="a"></p><section class="gedragscode" id="gedragscode-ik">')
    False
    >>> may_collide('<h2 ID = "gedragscode-ik"></h2><section id=gedragscode-ik>')
    True
    """
    seen: set[str] = set()
    for match in _VALUE.finditer(text):
        value = match.group(1) or match.group(2) or match.group(3) or ""
        if _CODE_ID not in value and "&" not in value:
            continue  # no code's id, nor an entity that may spell one: renames nothing
        if not _names_an_id(text, match.start()):
            continue
        value = html.unescape(value)
        if value in seen:
            return True
        seen.add(value)
    return False


def unique_page_ids(text: str) -> str:
    """One output page (an article, an index, a category page, a feed entry…) with every id
    of its codes unique, and unlike the page's own ids.

    The page's own ids come first: a heading that docutils or Markdown's toc called
    ``gedragscode-ik`` keeps its id, and the code's ``gedragscode-ik`` yields. In document
    order, a code id already in use takes the first free suffix (``gedragscode-ik--2``,
    ``--3``, …), and the rule links inside the code follow their rule. Nothing outside a
    code's start tags changes.

    A page without a code costs one substring test, and a page whose ids and names do not
    repeat (most pages with one code) a linear look (:func:`may_collide`); only a page where
    some value repeats is parsed, once, and renamed in one pass.

    >>> unique_page_ids('<p id="x">No code.</p>')
    '<p id="x">No code.</p>'
    >>> code = '<section class="gedragscode"><p id="gedragscode-ik-1"><a href="#gedragscode-ik-1">'
    >>> page = '<h2 id="gedragscode-ik-1">Ik</h2>' + code + code
    >>> print(unique_page_ids(page).replace("<section", "\\n<section"))
    <h2 id="gedragscode-ik-1">Ik</h2>
    <section class="gedragscode"><p id="gedragscode-ik-1--2"><a href="#gedragscode-ik-1--2">
    <section class="gedragscode"><p id="gedragscode-ik-1--3"><a href="#gedragscode-ik-1--3">
    """
    if _CODE_ID not in text or not may_collide(text):
        return text
    parsed = _parse(text)
    taken = set(parsed.own)
    next_suffix: dict[str, int] = {}
    renamed: dict[str, str] = {}
    pieces: list[str] = []
    done = 0
    for name, value, first, last in parsed.code:
        new = value
        if name == "id" and value.startswith(_CODE_ID):
            if value in taken:
                base = value.split("--")[0]
                number = next_suffix.get(base, 2)
                while f"{base}--{number}" in taken:
                    number += 1
                next_suffix[base] = number + 1
                new = f"{base}--{number}"
            taken.add(new)
            renamed[value] = new
        elif name == "href" and value.startswith("#") and value[1:] in renamed:
            new = "#" + renamed[value[1:]]
        if new != value:
            pieces += [text[done:first], f'"{new}"']
            done = last
    return "".join(pieces) + text[done:] if pieces else text
