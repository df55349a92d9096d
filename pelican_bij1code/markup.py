"""The inline Markdown of a message: text and links, and nothing else.

A message is the inline content of one block; the block's kind (heading, list item, ...) comes
from the Dutch master, never from the translation. The grammar is the part of Markdown the
master uses: ``[text](target)`` links and backslash escapes. Anything else (HTML, images,
emphasis markers) is plain text, so rendering it can only ever escape it.

The sanitiser is :func:`allowed`: a link survives only if its target is one the Dutch message
has; any other link is rendered as its text alone.

>>> parse("Zie [de code](https://bij1.org/gedragscode/).")
[Text(text='Zie '), Link(text='de code', target='https://bij1.org/gedragscode/'), Text(text='.')]
>>> to_html(parse('<script>x</script> [a](javascript:alert(1))'), allowed=set())
'&lt;script&gt;x&lt;/script&gt; a'
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Sequence
from typing import NamedTuple


class Text(NamedTuple):
    """Plain text."""

    text: str


class Link(NamedTuple):
    """A link: its text and where it points."""

    text: str
    target: str


Token = Text | Link

_LINK = re.compile(
    r"\[((?:\\.|[^\[\]\\])*)\]"  # [text]
    r"\(\s*(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\s*\)"  # (target)
)
_ESCAPABLE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_MD_SPECIAL = re.compile(r"([\\\[\]*_`<>])")
#: A run of Latin letters and digits (with the punctuation inside addresses and words).
_LATIN = r"[A-Za-z0-9\u00C0-\u024F]"
_LTR_RUN = re.compile(rf"{_LATIN}+(?:[@._:/'’\-]+{_LATIN}+|\({_LATIN}{{1,3}}\){_LATIN}*)*/?")


def unescape(text: str) -> str:
    r"""Resolve Markdown backslash escapes: ``\[`` is ``[``.

    >>> unescape(r"\[niet\] een link")
    '[niet] een link'
    """
    return _ESCAPABLE.sub(r"\1", text) if "\\" in text else text


def parse(message: str) -> list[Token]:
    """Split a message into text and links."""
    tokens: list[Token] = []
    position = 0
    for match in _LINK.finditer(message):
        start = match.start()
        if start and message[start - 1] == "\\":  # an escaped bracket opens no link
            before = message[:start]
            if (len(before) - len(before.rstrip("\\"))) % 2:
                continue
        if start > position:
            tokens.append(Text(unescape(message[position:start])))
        target = match.group(2)
        if target.startswith("<"):
            target = target[1:-1]
        tokens.append(Link(unescape(match.group(1)), target))
        position = match.end()
    if position < len(message):
        tokens.append(Text(unescape(message[position:])))
    return tokens


def links(message: str) -> list[Link]:
    """The links of a message, in order."""
    return [t for t in parse(message) if isinstance(t, Link)]


def allowed(token: Token, targets: Collection[str]) -> bool:
    """Whether a link may be rendered as a link: only targets the Dutch message has."""
    return not isinstance(token, Link) or token.target in targets


def _html_text(text: str, rtl: bool) -> str:
    escaped = html.escape(text, quote=False)
    if not rtl:
        return escaped
    return _LTR_RUN.sub(lambda m: f"<bdi>{m.group()}</bdi>", escaped)


def to_html(tokens: Sequence[Token], allowed: Collection[str], rtl: bool = False) -> str:
    """Inline HTML. Links whose target is not in ``allowed`` become text.

    In right-to-left text, runs of Latin script (BIJ1, addresses) are isolated in ``<bdi>``.

    >>> mail = "mailto:bestuur@bij1.org"
    >>> to_html(parse(f"mail [bestuur@bij1.org]({mail})"), {mail})
    'mail <a href="mailto:bestuur@bij1.org">bestuur@bij1.org</a>'
    """
    out: list[str] = []
    for token in tokens:
        if isinstance(token, Link) and token.target in allowed:
            href = html.escape(token.target, quote=True)
            out.append(f'<a href="{href}">{_html_text(token.text, rtl)}</a>')
        else:
            out.append(_html_text(token.text, rtl))
    return "".join(out)


def to_markdown(tokens: Sequence[Token], allowed: Collection[str]) -> str:
    """Inline Markdown again, with every other Markdown character escaped."""
    out: list[str] = []
    for token in tokens:
        text = _MD_SPECIAL.sub(r"\\\1", token.text)
        if isinstance(token, Link) and token.target in allowed:
            out.append(f"[{text}]({token.target})")
        else:
            out.append(text)
    return "".join(out)


def to_text(tokens: Sequence[Token], allowed: Collection[str]) -> str:
    """Plain text: a link shows its address after its text, unless the text is the address.

    >>> mail = "mailto:bestuur@bij1.org"
    >>> to_text(parse(f"via [bestuur@bij1.org]({mail})"), {mail})
    'via bestuur@bij1.org'
    """
    out: list[str] = []
    for token in tokens:
        out.append(token.text)
        if isinstance(token, Link) and token.target in allowed:
            shown = token.target.removeprefix("mailto:")
            if shown != token.text.strip():
                out.append(f" ({shown})")
    return "".join(out)
