"""The ``[gedragscode ...]`` shortcode: its grammar and attributes.

Attributes are ``lang`` (alias ``taal``), ``part`` (alias ``deel``), ``level`` (alias
``niveau``) and ``numbered`` (alias ``genummerd``: ``yes``/``ja``/``true``/``1`` or
``no``/``nee``/``false``/``0``). Values may be bare or quoted with straight, typographic or
guillemet quotes, and may come out of SmartyPants, Typogrify or docutils as entities or wrapped in
``<span class="caps">``: the body is reduced to plain text before it is read.

>>> parse_body(' lang=&#8220;en&#8221; deel=ik niveau=<span class="caps">3</span>')
Shortcode(lang='en', parts=('ik',), level=3, problems=[], numbered=None, unreadable=None)
>>> parse_body(" and then a-z").unreadable
"cannot read 'and': write name=value"
>>> print(parse_body(' lang="en').unreadable)
unbalanced quotes in 'lang="en'
>>> for problem in parse_body(" lang=en level=9 colour=red").problems:
...     print(problem)
level must be a whole number from 1 to 6, not '9'
unknown attribute 'colour' (use lang, part, level, numbered or taal, deel, niveau, genummerd)
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .render import parse_parts

NAME = "gedragscode"
ALIASES = {"lang": "lang", "taal": "lang", "part": "part", "deel": "part",
           "level": "level", "niveau": "level", "numbered": "numbered", "genummerd": "numbered"}
#: The values of ``numbered`` (``genummerd``), in English and Dutch.
YES_NO = {"yes": True, "ja": True, "true": True, "1": True, "on": True, "aan": True,
          "no": False, "nee": False, "false": False, "0": False, "off": False, "uit": False}
QUOTES = "\"'“”‘’„‚«»‹›"
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ATTRIBUTE = re.compile(
    rf"([A-Za-z_][\w-]*)\s*=\s*(?:[{QUOTES}]([^{QUOTES}]*)[{QUOTES}]|([^\s{QUOTES}]+))"
)


@dataclass
class Shortcode:
    """What one shortcode asks for; None means "not given". ``problems`` are for the author;
    ``unreadable`` says why the body is not ``name=value`` pairs at all (then the text is
    prose that happens to start with ``[gedragscode``, not a shortcode)."""

    lang: str | None = None
    parts: tuple[str, ...] | None = None
    level: int | None = None
    problems: list[str] = field(default_factory=list)
    numbered: bool | None = None
    unreadable: str | None = None


def plain(body: str) -> str:
    """The text of a shortcode body as HTML gave it: tags dropped, entities and odd spaces
    resolved.

    >>> plain('lang=&rdquo;en&rdquo;&nbsp;part=<span class="caps">IK</span>')
    'lang=”en” part=IK'
    """
    return _SPACES.sub(" ", html.unescape(_TAG.sub("", body))).strip()


def parse_body(body: str) -> Shortcode:
    """Read the attributes of one shortcode (the text between the name and ``]``)."""
    text = plain(body)
    code = Shortcode()
    position = 0
    seen: set[str] = set()
    while position < len(text):
        if text[position] == " ":
            position += 1
            continue
        match = _ATTRIBUTE.match(text, position)
        if not match:
            rest = text[position:].split(" ")[0]
            if any(q in rest for q in QUOTES) and "=" in rest:
                # an unclosed quote: the "]" that ended the shortcode may be the value's
                code.unreadable = f"unbalanced quotes in {text[position:]!r}"
            else:
                code.unreadable = f"cannot read {rest!r}: write name=value"
            code.problems.append(code.unreadable)
            break
        position = match.end()
        key, value = match.group(1), match.group(2) if match.group(2) is not None \
            else match.group(3)
        name = ALIASES.get(key.lower())
        if name is None:
            code.problems.append(f"unknown attribute {key!r} (use lang, part, level, numbered "
                                 "or taal, deel, niveau, genummerd)")
            continue
        if name in seen:
            code.problems.append(f"{name} is given twice; the last one counts")
        seen.add(name)
        value = value.strip()
        if name == "lang":
            code.lang = value or None
            if not value:
                code.problems.append("lang is empty")
        elif name == "numbered":
            if value.lower() in YES_NO:
                code.numbered = YES_NO[value.lower()]
            else:
                code.problems.append(f"{key} must be yes or no (ja or nee), not {value!r}")
        elif name == "part":
            try:
                code.parts = parse_parts(value)
            except ValueError as exc:
                code.problems.append(str(exc))
        elif value.isascii() and value.isdigit() and 1 <= int(value) <= 6:
            code.level = int(value)
        else:
            code.problems.append(f"level must be a whole number from 1 to 6, not {value!r}")
    return code
