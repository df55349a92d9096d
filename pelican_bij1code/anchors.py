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

from .master import Block, load_master

PREFIX = "gedragscode"

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
