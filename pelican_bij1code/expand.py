"""Expanding shortcodes in rendered HTML, keeping the HTML valid and every word of the page.

Shortcodes are found in text only: never inside ``pre``, ``code``, ``kbd``, ``samp``,
``script``, ``style``, ``textarea``, reST literals, comments or attribute values. The code of
conduct is a ``<section>``, which may not stand inside a paragraph (or any element that holds
only phrasing content), so the paragraph is split around it; a part left empty by the split is
dropped, so a shortcode alone in its paragraph replaces the paragraph.

>>> expand("<p>Lees: [gedragscode] Dank!</p>", lambda code: "<section>…</section>").html
'<p>Lees: </p><section>…</section><p> Dank!</p>'
>>> expand("<p>[gedragscode]</p><pre>[gedragscode]</pre>", lambda code: "<section/>").html
'<section/><pre>[gedragscode]</pre>'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .shortcode import NAME, Shortcode, parse_body

#: Elements whose text is shown as is: a shortcode there is an example, not a request.
LITERAL = frozenset({"pre", "code", "kbd", "samp", "script", "style", "textarea", "tt", "xmp",
                     "listing", "plaintext", "var"})
_RAW_TEXT = frozenset({"script", "style", "textarea", "xmp", "plaintext"})
#: Elements that may hold only phrasing content: a <section> must not stand inside them.
PHRASING_ONLY = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "a", "em", "strong", "b", "i", "u", "s",
    "small", "mark", "abbr", "cite", "q", "sub", "sup", "label", "dfn", "time", "bdi", "bdo",
    "font", "big", "strike", "del", "ins", "button", "legend", "summary", "dt", "data",
    "output", "ruby", "rt", "rp", "wbr", "nobr",
})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr", "param", "keygen"})
#: Elements that are content even when empty (so a split part holding one is kept).
_CONTENT_VOID = frozenset({"img", "input", "embed", "iframe", "video", "audio", "svg", "math",
                           "object", "canvas", "picture"})

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![^>]*>|<\?[^>]*>"
    r"|</?([A-Za-z][\w:-]*)((?:\s+[^\s/>\"'=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>",
    re.S,
)
_SHORTCODE = re.compile(rf"\[{NAME}(?![\w-])((?:[^\[\]<]|<[^<>]*>)*?)\]")
_OPEN = re.compile(rf"\[{NAME}(?![\w-])")
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
#: White space and tags only (no element that is content even when empty).
_EMPTY = re.compile(rf"(?:\s|&nbsp;|&#160;|&#xa0;|<(?!(?:{'|'.join(sorted(_CONTENT_VOID))})\b)"
                    r"[^>]*>)*", re.I)


@dataclass
class Element:
    name: str
    start_tag: str
    start: int
    content_start: int
    end: int | None = None
    close_end: int | None = None
    parent: Element | None = None


@dataclass
class Found:
    """One shortcode in the HTML (``code`` is None for an escape ``[[...]]``)."""

    start: int
    end: int
    text: str
    code: Shortcode | None
    chain: list[Element]


@dataclass
class Expansion:
    """The expanded HTML and what the author should hear about."""

    html: str
    problems: list[str] = field(default_factory=list)
    count: int = 0
    #: The page with every shortcode left out (escapes still turned into text): what a
    #: summary is made from.
    without: str = ""


def _is_literal(name: str, attrs: str) -> bool:
    if name in LITERAL:
        return True
    match = _CLASS.search(attrs or "")
    if match:
        classes = set((match.group(1) or match.group(2) or match.group(3) or "").split())
        return {"docutils", "literal"} <= classes or "literal-block" in classes
    return False


def scan(html: str) -> tuple[list[Found], list[str]]:
    """Find every shortcode (and escape) outside literal contexts, with its open elements."""
    found: list[Found] = []
    problems: list[str] = []
    stack: list[Element] = []
    literal_depth = 0
    position = 0

    def text_segment(start: int, end: int) -> None:
        if literal_depth or NAME not in html[start:end]:
            return
        taken: list[tuple[int, int]] = []
        for match in _SHORTCODE.finditer(html, start, end):
            s, e = match.start(), match.end()
            escaped = s > 0 and html[s - 1] == "[" and e < len(html) and html[e] == "]"
            if escaped:
                found.append(Found(s - 1, e + 1, html[s - 1:e + 1], None, []))
            else:
                found.append(Found(s, e, match.group(0), parse_body(match.group(1)),
                                   [el for el in stack if el.name in PHRASING_ONLY]))
            taken.append((s, e))
        for match in _OPEN.finditer(html, start, end):
            if not any(s <= match.start() < e for s, e in taken):
                snippet = html[match.start():match.start() + 40].split("\n")[0]
                problems.append(f"{snippet!r} has no closing ']' and stays as text")

    # Text is scanned in stretches between tags that matter; a shortcode may contain inline
    # tags (typogrify's <span class="caps">), so stretches run across tags inside brackets.
    text_start = 0
    while True:
        match = _TOKEN.search(html, position)
        if match is None:
            break
        inside_bracket = _inside_shortcode(html, text_start, match.start())
        if inside_bracket and not literal_depth:
            position = match.end()
            continue
        text_segment(text_start, match.start())
        name = (match.group(1) or "").lower()
        token = match.group(0)
        position = match.end()
        if name and not token.startswith("</"):
            if name in _RAW_TEXT:
                close = re.compile(rf"</{name}\s*>", re.I).search(html, position)
                position = close.end() if close else len(html)
                text_start = position
                continue
            if name not in VOID and not token.endswith("/>"):
                element = Element(name, token, match.start(), position,
                                  parent=stack[-1] if stack else None)
                if _is_literal(name, match.group(2)):
                    literal_depth += 1
                stack.append(element)
        elif name:
            for index in range(len(stack) - 1, -1, -1):
                if stack[index].name == name:
                    for closed in stack[index:]:
                        closed.end, closed.close_end = match.start(), position
                        if _is_literal(closed.name, closed.start_tag):
                            literal_depth -= 1
                    del stack[index:]
                    break
        text_start = position
    text_segment(text_start, len(html))
    for element in stack:
        element.end = element.close_end = len(html)
    return found, problems


def _inside_shortcode(html: str, start: int, end: int) -> bool:
    """Whether a tag at ``end`` falls inside an open ``[gedragscode ...`` bracket."""
    segment = html[start:end]
    opened = segment.rfind(f"[{NAME}")
    return opened >= 0 and "]" not in segment[opened:] and "[" not in segment[opened + 1:]


def _closes(chain: list[Element]) -> str:
    return "".join(f"</{el.name}>" for el in reversed(chain))


def _opens(chain: list[Element]) -> str:
    return "".join(el.start_tag for el in chain)


def _close_before(before: str, chain: list[Element]) -> str:
    """``before`` with the split elements closed; one that would close empty is dropped."""
    chain = list(chain)
    while chain:
        stripped = before.rstrip()
        if not stripped.endswith(chain[-1].start_tag):
            break
        before = stripped[: -len(chain[-1].start_tag)] + before[len(stripped):]
        chain.pop()
    return before + _closes(chain)


def _reopen_after(chain: list[Element], after: str) -> str:
    """``after`` with the split elements opened again; one that would close at once is not."""
    chain = list(chain)
    while chain:
        match = re.match(rf"(\s*)</{re.escape(chain[-1].name)}\s*>", after, re.I)
        if not match:
            break
        after = match.group(1) + after[match.end():]
        chain.pop()
    return _opens(chain) + after


def _keep(segment: str) -> str:
    """A split-off part of an element, or nothing if it holds no content."""
    return "" if _EMPTY.fullmatch(segment) else segment


def expand(html: str, render: Callable[[Shortcode], str]) -> Expansion:
    """Replace every shortcode in ``html`` with ``render(shortcode)``."""
    found, problems = scan(html)
    result = Expansion(html, problems, without=html)
    if not found:
        return result
    escapes = [f for f in found if f.code is None]
    codes = [f for f in found if f.code is not None]

    def copy(start: int, end: int) -> str:
        """The original HTML from ``start`` to ``end``, escapes turned into text."""
        out, cursor = [], start
        for item in escapes:
            if start <= item.start and item.end <= end:
                out.append(html[cursor:item.start] + item.text[1:-1])
                cursor = item.end
        return "".join(out) + html[cursor:end]

    pieces: list[str] = []
    rendered: set[int] = set()  # which pieces are renderings (left out of `without`)

    def add_rendering(code: Shortcode) -> None:
        rendered.add(len(pieces))
        pieces.append(render(code))
        result.count += 1

    cursor = index = 0
    while index < len(codes):
        item = codes[index]
        assert item.code is not None
        if not item.chain:
            pieces.append(copy(cursor, item.start))
            add_rendering(item.code)
            cursor, index = item.end, index + 1
            continue
        # Every shortcode inside the same outermost phrasing element splits it together.
        outer = item.chain[0]
        outer_end = outer.close_end or len(html)
        group = [item]
        while index + len(group) < len(codes) and codes[index + len(group)].start < outer_end:
            group.append(codes[index + len(group)])
        pieces.append(copy(cursor, outer.start))
        previous: Found | None = None
        for member in group:
            assert member.code is not None
            if previous is None:
                before = copy(outer.start, member.start)
            else:
                before = _reopen_after(previous.chain, copy(previous.end, member.start))
            pieces.append(_keep(_close_before(before, member.chain)))
            add_rendering(member.code)
            previous = member
        assert previous is not None
        pieces.append(_keep(_reopen_after(previous.chain, copy(previous.end, outer_end))))
        cursor, index = outer_end, index + len(group)
    pieces.append(copy(cursor, len(html)))
    result.html = "".join(pieces)
    result.without = "".join(p for i, p in enumerate(pieces) if i not in rendered)
    return result
