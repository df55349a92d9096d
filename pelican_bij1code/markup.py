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

import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from typing import NamedTuple

from . import characters


class Text(NamedTuple):
    """Plain text."""

    text: str


class Link(NamedTuple):
    """A link: its text and where it points."""

    text: str
    target: str


Token = Text | Link

_LINK_TEXT = re.compile(r"\[((?:\\.|[^\[\]\\])*)\]\(")  # [text]( : stops at the next [ or ]
#: The same for a link text without a backslash (most), which the engine matches much faster.
_PLAIN_LINK_TEXT = re.compile(r"\[([^\[\]\\]*)\]\(")
_ESCAPABLE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
#: Markdown syntax in text, for :func:`to_markdown`. A backslash for the characters every
#: common dialect unescapes (CommonMark and Python-Markdown without extensions), a numeric
#: character reference for those only some dialects treat as syntax (tables, strikethrough,
#: mark, math, emoji, superscript, HTML and entities), and for ``:`` where it touches a word
#: (``:emoji:``, ``https:``) or starts the line (a definition list).
_MD_BACKSLASH = frozenset("\\`*_{}[]>#")
_MD_SYNTAX = re.compile(r"[\\`*_{}\[\]>#<&|~=$^]|:(?=\S)|\+(?=\+)")
#: Characters that open a Markdown block when they start a line, and the digits of "1." / "1)".
_BLOCK_OPENERS = "#>+-=*`~|!:?"
#: Latin letters and digits, and the punctuation that may join them inside an address or word.
_SPACES = re.compile(r"[ \t\n\r\f\v]*")
#: What ends or nests a bare link target, and what ends one in angle brackets.
_BARE_STOP = re.compile(r"[ \t\n\r\f\v\[\]()]")
_ANGLE_STOP = re.compile(r"[<>\n\[\]]")
_SPECIAL = re.compile(r"[\\\[]")


def unescape(text: str) -> str:
    r"""Resolve Markdown backslash escapes: ``\[`` is ``[``.

    >>> unescape(r"\[niet\] een link")
    '[niet] een link'
    """
    return _ESCAPABLE.sub(r"\1", text) if "\\" in text else text


def _after_spaces(message: str, position: int) -> int:
    match = _SPACES.match(message, position)  # always matches, maybe nothing
    return match.end() if match else position


def _target(message: str, position: int) -> tuple[str, int] | None:
    """The ``target)`` of a link from ``position`` (just after ``(``): the target and the
    position after ``)``, or None. A target never holds ``[`` or ``]``, so a failed link
    costs no more than the text up to the next bracket; each step jumps to the next
    character that matters."""
    position = _after_spaces(message, position)
    start = position
    if message.startswith("<", position):
        close = _ANGLE_STOP.search(message, position + 1)
        if close is None or close.group() != ">":
            return None
        target, position = message[start + 1:close.start()], close.end()
    else:
        depth = 0  # a bare target may hold one level of balanced parentheses
        while True:
            stop = _BARE_STOP.search(message, position)
            if stop is None:
                position = len(message)
                break
            position, char = stop.start(), stop.group()
            if char == "(":
                if depth:
                    return None
                depth = 1
            elif char == ")" and depth:
                depth = 0
            else:
                break  # white space, a bracket, or the ")" that ends the link
            position += 1
        if depth:
            return None
        target = message[start:position]
    position = _after_spaces(message, position)
    if message.startswith(")", position):
        return target, position + 1
    return None


def parse(message: str) -> list[Token]:
    """Split a message into text and links, in one pass (linear on any input).

    >>> parse(r"\\[not](a) [a]( <b> ) [c](d(e)f)")
    [Text(text='[not](a) '), Link(text='a', target='b'), Text(text=' '), \
Link(text='c', target='d(e)f')]
    """
    if "[" not in message:
        return [Text(unescape(message))] if message else []
    tokens: list[Token] = []
    position = start = 0
    end = len(message)
    while position < end:
        special = _SPECIAL.search(message, position)
        if special is None:
            break
        position = special.start()
        if message[position] == "\\":
            position += 2
            continue
        match = (_PLAIN_LINK_TEXT.match(message, position)
                 or _LINK_TEXT.match(message, position))
        found = _target(message, match.end()) if match else None
        if match is None or found is None:
            position += 1
            continue
        if position > start:
            tokens.append(Text(unescape(message[start:position])))
        tokens.append(Link(unescape(match.group(1)), found[0]))
        position = start = found[1]
    if start < end:
        tokens.append(Text(unescape(message[start:])))
    return tokens


def links(message: str) -> list[Link]:
    """The links of a message, in order."""
    return [t for t in parse(message) if isinstance(t, Link)]


def allowed(token: Token, targets: Collection[str]) -> bool:
    """Whether a link may be rendered as a link: only targets the Dutch message has."""
    return not isinstance(token, Link) or token.target in targets


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` with control characters and line breaks as spaces, lone surrogates as U+FFFD:
    whatever a preview renders cannot move the cursor, end a line or fail to encode.

    >>> clean("a\\rb\\x1b[2J\\ud800")
    'a b [2J\\ufffd'
    """
    if text.isprintable():
        return text
    return _CONTROL.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else " ", text)


def _ltr_runs(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into pieces, each marked whether it is a left-to-right run to isolate in
    right-to-left text: from a letter or digit written left to right to the last one before
    the next right-to-left letter, or right-to-left sign that ends a phrase (a space after it:
    ``BIJ1؟ BIJ1komsten``), with whatever lies between (spaces, punctuation, marks, combining
    marks, and right-to-left digits and signs written on to the next piece); a slash right
    after it (as URLs end) goes with it, and so does a ``+`` right before its first digit (a
    phone number). Each run is drawn left to right (``dir="ltr"``), in
    the order it is written; isolated apart, a sign between its pieces would set them right to
    left (``nl\u0660\u200fhulp@x`` would read "hulp@x·nl").

    >>> _ltr_runs("راسل nl .meld @hulp.")
    [(False, 'راسل '), (True, 'nl .meld @hulp'), (False, '.')]
    >>> _ltr_runs("BIJ\u200f1 nl\u0660hulp (https://bij1.org/) أو x")
    [(True, 'BIJ\u200f1 nl٠hulp (https://bij1.org/'), (False, ') أو '), (True, 'x')]
    >>> _ltr_runs("اتصل +31 6 12345678")
    [(False, 'اتصل '), (True, '+31 6 12345678')]
    >>> _ltr_runs("ما هو BIJ1؟ BIJ1komsten هي")
    [(False, 'ما هو '), (True, 'BIJ1'), (False, '؟ '), (True, 'BIJ1komsten'), (False, ' هي')]
    """
    pieces: list[tuple[bool, str]] = []
    done = 0  # text[:done] is in pieces
    start = end = -1  # the run being read: text[start:end]
    for index, char in enumerate([*text, "\u05d0"]):  # a Hebrew letter ends the last run
        side = characters.direction(char)
        if side == "L":
            if start < 0:  # a run starts here, or at the + of a phone number before it
                start = index - (index > done and text[index - 1] == "+" and char.isdigit())
            end = index + 1
        elif side == "R" and start >= 0 and (
                unicodedata.category(char) in _LETTERS or text[index + 1:index + 2].isspace()):
            end += text[end:end + 1] == "/"
            pieces += [(False, text[done:start]), (True, text[start:end])]
            done, start = end, -1
    pieces.append((False, text[done:]))
    return [piece for piece in pieces if piece[1]]


#: The letters that end a left-to-right run (a right-to-left letter: a word is there).
_LETTERS = frozenset({"Lu", "Ll", "Lt", "Lo"})


#: Unicode's isolates: plain text's ``<bdi dir="ltr">`` and ``</bdi>``; and its direction marks.
LRI, PDI = "\u2066", "\u2069"
LRM, RLM = "\u200e", "\u200f"


def isolated(text: str, opening: str = LRI, closing: str = PDI,
             escape: Callable[[str], str] = str) -> str:
    """``text`` with each left-to-right run (:func:`_ltr_runs`) between ``opening`` and
    ``closing``, each piece passed through ``escape``: LRI and PDI, what the page isolates in
    ``<bdi dir="ltr">``, for Markdown in right-to-left languages (where BIJ1 first in a line
    would otherwise set the whole line left to right).

    >>> isolated("راسل nl.meld@hulp.")
    'راسل \u2066nl.meld@hulp\u2069.'
    """
    return "".join(f"{opening}{escape(piece)}{closing}" if latin else escape(piece)
                   for latin, piece in _ltr_runs(text))


def shown(tokens: Sequence[Token], rtl: bool = False) -> str:
    """The text a page shows of ``tokens`` (and Markdown; plain text shows it without
    isolates), with each ``<bdi dir="ltr">`` as LRI and PDI: the input of the bidi algorithm
    (:mod:`.visual`).

    >>> shown(parse("[BIJ1](x) زوروا bij1.org"), rtl=True)
    '\u2066BIJ1\u2069 زوروا \u2066bij1.org\u2069'
    """
    texts = [clean(token.text) for token in tokens]
    return "".join(map(isolated, texts) if rtl else texts)


def _html_text(text: str, rtl: bool) -> str:
    import html  # for rendering only: check starts faster without

    text = clean(text)
    if not rtl:
        return html.escape(text, quote=False)
    return isolated(text, '<bdi dir="ltr">', "</bdi>", lambda piece: html.escape(piece, False))


def to_html(tokens: Sequence[Token], allowed: Collection[str], rtl: bool = False) -> str:
    """Inline HTML. Links whose target is not in ``allowed`` become text.

    In right-to-left text, runs of Latin script (BIJ1, addresses) are isolated in ``<bdi>``.

    >>> mail = "mailto:bestuur@bij1.org"
    >>> to_html(parse(f"mail [bestuur@bij1.org]({mail})"), {mail})
    'mail <a href="mailto:bestuur@bij1.org">bestuur@bij1.org</a>'
    """
    import html  # for rendering only: check starts faster without

    out: list[str] = []
    for token in tokens:
        if isinstance(token, Link) and token.target in allowed:
            href = html.escape(token.target, quote=True)
            out.append(f'<a href="{href}">{_html_text(token.text, rtl)}</a>')
        else:
            out.append(_html_text(token.text, rtl))
    return "".join(out)


def markdown_text(text: str) -> str:
    """``text`` as Markdown that every common dialect reads as this very text: each character
    that is syntax somewhere escaped (see :data:`_MD_SYNTAX`), wherever it stands.

    >>> print(markdown_text("BIJ1 {: onclick=x } ~~a~~ $$c$$ :d: a|b [^1] *e* <i>"))
    BIJ1 \\{: onclick&#61;x \\} &#126;&#126;a&#126;&#126; &#36;&#36;c&#36;&#36; &#58;d: a&#124;b \
\\[&#94;1\\] \\*e\\* &#60;i\\>
    """
    return _MD_SYNTAX.sub(_md_escape, text)


def _md_escape(match: re.Match[str]) -> str:
    char = match.group()
    return "\\" + char if char in _MD_BACKSLASH else f"&#{ord(char)};"


#: Markdown extension syntax inside a line (attribute lists, strikethrough, mark, keys and
#: insertions ``++``, math, emoji, footnotes). Linear: each alternative is a fixed string
#: but the emoji name, whose run stops at the next ``:``. An emoji name does not follow a
#: letter: German ``Bauer:innen:`` is an inclusive ending before a colon.
_EXTENSION = re.compile(r"\{\s?[:#.]|~~|==|\+\+|\$\$|\[\^|(?<![^\W\d_]):[a-z][a-z0-9_+\-]*:")


def extension_markup(text: str) -> set[str]:
    """The Markdown extension syntax in ``text`` (what :func:`to_markdown` escapes, but a
    translator has no reason to write).

    >>> sorted(extension_markup("BIJ1 {: onclick=x } ~~a~~ :fire: [^1] 10:30 :)"))
    [':fire:', '[^', '{:', '~~']
    >>> extension_markup("Wir sind Brückenbauer:innen: wir hören zu.")
    set()
    """
    if not ("{" in text or "~" in text or "=" in text or "$" in text or "[^" in text
            or "++" in text or text.count(":") > 1):
        return set()  # what every match holds is missing (an emoji name takes two colons)
    return {m.group() for m in _EXTENSION.finditer(text)}


#: The inline formatting of the chats and forums plain text is pasted into: emphasis and
#: strikethrough (WhatsApp, Telegram, Slack, Discord: *x*, _x_, ~x~), spoilers that hide text
#: (Discord's ||x||) and code; the first three are formatted inside a word too (a*x*b).
_CHAT_DELIMITERS = ("||", "*", "`", "_", "~")
_INSIDE_WORDS = ("||", "*", "`")
#: What hides or sets apart text across lines, so across the messages the text output joins:
#: one alone is formatting with one in another message (Discord's spoiler, a code fence,
#: Reddit's spoiler).
_SPANNING = ("||", "```", ">!", "!<")
#: What Discord pairs wherever it stands, spaces around or not (its bold, underline and code
#: rules need no flanking): one alone is formatting with one anywhere later.
_ANYWHERE = ("**", "__", "`")
#: The signs chat and forum formatting is written with: a message without one has none.
_CHAT_SIGNS = "|*`_~!["
#: A BBCode tag, opening (with an optional value, bounded: linear) or closing.
_BBCODE_TAG = re.compile(r"\[(/?)([A-Za-z][A-Za-z0-9]*)(?:[= ][^\]\n]{0,100})?\]")


def chat_markup(text: str) -> set[str]:
    """The chat and forum formatting in ``text``: a delimiter of :data:`_CHAT_DELIMITERS` that
    can open a span (before a non-space; not after a letter or digit, but for those of
    :data:`_INSIDE_WORDS`) or close one (after a non-space; not before a letter or digit, but
    for those), alone too: the text output joins messages and languages line after line, and
    a chat pairs a delimiter with one in another message, or another language; any of
    :data:`_SPANNING` and :data:`_ANYWHERE`; and any closing BBCode tag (``[/hide]``: forums
    have hundreds of tags). Linear: one pass per delimiter.

    >>> sorted(chat_markup("a ~not~ b ||hidden||x a*b*c snake_case 5 * 3 [details=x]y[/details]"))
    ['*', '[details]', '||', '~']
    >>> sorted(chat_markup("experience*. Kolleg*innen. _alone"))
    ['*', '_']
    >>> chat_markup("2016~2024 [sic] [1] a_b c_d * ~ 5 km ~ | a! <b * x")
    set()
    >>> sorted(chat_markup("a ** b __ c ` d"))  # Discord pairs these however spaced
    ['**', '__', '`']
    >>> sorted(chat_markup("is ||binding. x[/spoiler] >!a"))
    ['>!', '[spoiler]', '||']
    """
    if not any(map(text.__contains__, _CHAT_SIGNS)):
        return set()  # none of the signs any of it is written with: most messages
    found = {mark for mark in _SPANNING if mark in text} if "|" in text or "`" in text \
        or "!" in text else set()
    if "**" in text or "__" in text or "`" in text:
        found.update(mark for mark in _ANYWHERE if mark in text)
    if "[/" in text:
        for match in _BBCODE_TAG.finditer(text):
            if match.group(1):  # its opening may be in another message, or none
                found.add(f"[{match.group(2).lower()}]")
    for delimiter in _CHAT_DELIMITERS:
        inside = delimiter in _INSIDE_WORDS
        at = text.find(delimiter)
        while at >= 0:
            before, after = text[at - 1:at], text[at + len(delimiter):at + len(delimiter) + 1]
            if ((inside or not before.isalnum()) and after.strip() and after not in delimiter) \
                    or (before.strip() and before not in delimiter
                        and (inside or not after.isalnum())):
                found.add(delimiter)  # it opens or closes a span
                break
            at = text.find(delimiter, at + len(delimiter))
    return found


def to_markdown(tokens: Sequence[Token], allowed: Collection[str], rtl: bool = False) -> str:
    r"""Inline Markdown again, with every other Markdown character escaped, on one line, and
    nothing at its start that would open a block (heading, list, quote, code fence,
    admonition, definition). In right-to-left text, left-to-right runs are isolated
    (:func:`isolated`), as on the page.

    >>> [to_markdown(parse(m), ()) for m in (r"\# a", r"1\. b", r"\~\~\~", " - c", "d\re")]
    ['\\# a', '1\\. b', '&#126;&#126;&#126;', '\\- c', 'd e']
    >>> [to_markdown(parse(m), ()) for m in ("!!! note", ": def", "+ x", "??? y")]
    ['\\!!! note', '&#58; def', '\\+ x', '&#63;?? y']
    """
    out: list[str] = []
    for token in tokens:
        text = markdown_text(isolated(clean(token.text)) if rtl else clean(token.text))
        if isinstance(token, Link) and token.target in allowed:
            out.append(f"[{text}]({token.target})")
        else:
            out.append(text)
    return _escape_block_start("".join(out).strip())


def _escape_block_start(line: str) -> str:
    """A backslash (or a character reference) before whatever would make ``line`` a Markdown
    block rather than text."""
    first = line[:1]
    if not first:
        return line
    if first in "?:":  # neither is escapable by a backslash in Python-Markdown
        return f"&#{ord(first)};{line[1:]}"
    if first in _BLOCK_OPENERS:
        return "\\" + line
    digits = len(line) - len(line.lstrip("0123456789"))
    if digits and line[digits:digits + 1] in (".", ")"):
        return f"{line[:digits]}\\{line[digits:]}"
    return line


def to_text(tokens: Sequence[Token], allowed: Collection[str], marks: bool = False) -> str:
    """Plain text: a link shows its address in angle brackets, after its text unless the text
    is the address, as RFC 3986 (appendix C) delimits an address in plain text.

    No isolates, not even in right-to-left text: the link finders of chat apps and forums
    (linkify-it, GitHub's cmark-gfm) take an invisible character written on to a URL into it.
    An angle bracket ends the address for them, whatever the translation writes on to it
    (Turkish ``(URL)'dan`` linked ``https://bij1.org/vertrouwenspersonen/)'dan``,
    ``evil;bestuur@bij1.org`` linked ``mailto:evil;bestuur@bij1.org``). With ``marks`` (text
    with right-to-left script), a left-to-right mark outside each bracket keeps the address
    drawn whole (its last ``/`` was drawn at its start). The check judges this text as drawn.

    >>> mail, code = "mailto:bestuur@bij1.org", "https://bij1.org/gedragscode/"
    >>> to_text(parse(f"via [bestuur@bij1.org]({mail}), [de code]({code})'dan"), {mail, code})
    "via <bestuur@bij1.org>, de code <https://bij1.org/gedragscode/>'dan"
    """
    out: list[str] = []
    for token in tokens:
        text = clean(token.text)
        if isinstance(token, Link) and token.target in allowed:
            address = token.target.removeprefix("mailto:")
            bracketed = f"{LRM}<{address}>{LRM}" if marks else f"<{address}>"
            out.append(bracketed if address == text.strip() else f"{text} {bracketed}")
        else:
            out.append(text)
    return "".join(out)
