"""Finding shortcodes in rendered HTML and splicing the code in: valid HTML, every word kept.

The page is read by :class:`Scanner`, a tokenizer that follows the WHATWG HTML tokenizer where
it matters here (tags and attributes with their quotes, comments, raw text such as ``script``
or ``textarea``, foreign content: ``svg`` and ``math``) and a small tree builder that knows
which elements are open at every point (including the elements a browser closes without an
end tag: a ``<div>`` closes an open ``<p>``, an ``<li>`` the previous ``<li>``...). Every step
moves forward, and look-ups down the open elements stop at 512 (as Blink's parser stops
nesting): the time is linear in the size of the page, whatever the page holds. (The standard
library's ``html.parser`` is not used: it rescans the rest of the page at every unclosed
``<a``, quadratic; 150 kB of them took 450 s.) The splice keeps every byte of the page outside
the shortcodes; it only adds end tags before the code and start tags after it.

Where a shortcode counts. Only in text, never in ``pre``, ``code``, ``kbd``, ``samp``, ``tt``,
``var``, ``script``, ``style``, ``textarea``, ``title``, ``noscript`` (shown only without
JavaScript; read as plain text with it) and the other raw-text elements, reST
literals (``docutils literal``, ``literal-block``), comments or attribute values. A shortcode
runs from ``[gedragscode`` to the first ``]`` through text and ``<span>``/``<abbr>`` tags only
(Typogrify's ``<span class="caps">``); anything else first (another tag, a ``[``, the end of
the page) leaves it as text, with a warning, and so does a body that is not ``name=value``
pairs (``[gedragscode and then…]``), has an unclosed quote (``[gedragscode lang="en]"]``: the
``]`` may be the value's) or a ``[[`` or ``]]`` on one side only. The tokenizer never looks
at shortcodes, so an unclosed one cannot change how the rest of the page is read.

Where the code goes (``<section>`` is flow content, so it needs a parent that holds sections):

1. Inside a table of contents (``div.toc`` of Markdown's ``toc``, docutils' ``contents``) the
   shortcode is an echo of a heading: its text is removed and no code is added there.
2. Inside an element that must not hold a section anywhere below it or that hides its
   content (``svg``, ``math``, ``th``, ``dt``, ``address``, ``button``, ``summary``,
   ``legend``, ``select``, ``video``, ``audio``, ``object``, ``canvas``, ``template``,
   ``ruby``...), the shortcode's text is removed and the code goes right AFTER the whole
   outermost such element, with a warning naming that element (if the page never closes
   that element, or a browser closes it without an end tag, the splice writes the end tag).
   So with a ``<details>`` or ``<dialog>`` without ``open`` (from its ``summary`` too) and
   an element that hides what it holds (``hidden``, ``popover``, ``inert``,
   ``aria-hidden="true"``, an inline style that plainly hides it, :func:`read_style`, a
   declarative shadow root, which shows only what it slots): a code is
   visible, and reachable by keyboard and screen reader, when the page opens, as the
   author's text around it was.
3. From there, going outwards: elements that may hold a section (``div``, ``li``, ``td``,
   ``blockquote``, ``section``, ``details``...) take the code; phrasing elements (``p``,
   ``h1``-``h6``, ``a``, ``span``, ``em``, custom and unknown elements, ``acronym``...) are
   closed before the code and opened again after it; list and table structure (``ul``,
   ``ol``, ``dl``, ``table``, ``tr``...) cannot be split, so the code goes after the whole
   element. A formatting element a browser copied into the shortcode's block (the standard's
   "reconstruct the active formatting elements": ``<strong>x<p>[gedragscode]</p>``) is split
   the same way, so the code is never bold or italic.
4. Above the element that takes the code, a link, heading, ``label``, bold... (anything but
   section holders, list and table structure, ``ins``/``del``) cannot be closed without
   splitting the block between (``<a class="card"><div><p>[gedragscode]</p></div></a>``;
   a browser would copy the link into every block of the code): the code goes after the
   whole outermost such element, with a warning naming it.
5. A piece left empty by a split is dropped (a shortcode alone in its paragraph replaces the
   paragraph), unless its start tag carries an ``id`` (an anchor: ``{: #coc}``,
   ``.. _coc:``). A reopened element never repeats its ``id`` (nor an ``<a name>``): ids stay
   exactly once, on the first piece.

>>> expand("<p>Lees: [gedragscode] Dank!</p>", lambda code: "<section>…</section>").html
'<p>Lees: </p><section>…</section><p> Dank!</p>'
>>> expand("<p>[gedragscode]</p><pre>[gedragscode]</pre>", lambda code: "<section/>").html
'<section/><pre>[gedragscode]</pre>'
>>> expand('<p id="a">x <svg><title>[gedragscode]</title></svg> y</p>', lambda c: "<S/>").html
'<p id="a">x <svg><title></title></svg></p><S/><p> y</p>'
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .shortcode import NAME, Shortcode, parse_body

VOID = frozenset({"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr",
                  "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"})
#: Elements whose content the tokenizer reads as plain text up to their end tag.
RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                      "noframes", "noscript", "plaintext"})
#: Elements whose text is shown as is: a shortcode there is an example, not a request.
LITERAL = frozenset({"pre", "code", "kbd", "samp", "tt", "var", "listing"}) | RAW_TEXT
FOREIGN = frozenset({"svg", "math"})
#: Elements that may hold a <section> as a child.
HOLDS_SECTION = frozenset({
    "html", "body", "div", "section", "article", "aside", "nav", "main", "header", "footer",
    "blockquote", "li", "dd", "td", "figure", "figcaption", "details", "dialog", "fieldset",
    "form", "caption", "center", "search",
})
#: Elements below which a <section> may not stand, or whose content browsers do not show:
#: the code goes after the whole (outermost) one.
KEEP_WHOLE = FOREIGN | frozenset({
    "th", "dt", "address", "button", "summary", "legend", "select", "option", "optgroup",
    "datalist", "video", "audio", "object", "canvas", "template", "ruby", "rt", "rp",
    "meter", "progress", "applet", "marquee", "frameset", "head",
})
#: Structure that cannot be split and cannot hold a section: the code goes after it.
STRUCTURE = frozenset({"table", "thead", "tbody", "tfoot", "tr", "colgroup", "ul", "ol",
                       "menu", "dl", "hgroup", "picture", "dir", "map"})
#: The standard's formatting elements: a browser copies them into the blocks that follow
#: when the page closes them too early (``<b>x<p>y</p></b>``: y is bold).
FORMATTING = frozenset({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small",
                        "strike", "strong", "tt", "u"})
_MARKERS = frozenset({"td", "th", "caption", "applet", "object", "marquee", "template"})
_PHRASING_VOID = frozenset({"img", "br", "input", "wbr", "embed", "area", "keygen"})
#: Browsers keep a bounded list too (three copies of each, the Noah's Ark clause).
_MAX_FORMATTING = 64
#: Where text is not put in the current element (a browser moves it before the table).
_TABLE_TEXT = frozenset({"table", "thead", "tbody", "tfoot", "tr"})
#: Elements whose content model is their parent's: a section below them is as valid as there.
TRANSPARENT = frozenset({"ins", "del", "slot"})
#: Tags that may stand inside a shortcode (Typogrify wraps capitals and quotes in spans).
_INSIDE = frozenset({"span", "abbr"})

# -- tree building: a subset of the WHATWG tree construction ---------------------------------

_CLOSES_P = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
    "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "ul", "listing", "plaintext", "xmp", "search", "li", "dd", "dt",
})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SCOPE = frozenset({"applet", "caption", "html", "table", "td", "th", "marquee", "object",
                    "template"})
_SPECIAL = _SCOPE | _CLOSES_P | VOID | RAW_TEXT | frozenset({
    "body", "button", "col", "colgroup", "frameset", "head", "li", "select", "tbody", "tfoot",
    "thead", "tr", "source", "track", "image"})
#: HTML start tags that end foreign content (the "breakout" list).
_BREAKOUT = frozenset({
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
    "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
    "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong",
    "strike", "sub", "sup", "table", "tt", "u", "ul", "var"})
#: Foreign elements whose content is HTML again.
_INTEGRATION = frozenset({"foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext",
                          "annotation-xml"})

#: How far down the open elements a browser-like look-up goes (Blink's parser, too, stops
#: nesting at 512): keeps hostile nesting linear.
_MAX_SCOPE = 512

_TAG_NAME = re.compile(r"[^\s/>]*")
_ATTRIBUTE = re.compile(r"""[\s/]*(?:([^\s/>][^\s/>=]*)(\s*=\s*(?:"[^"]*(?:"|\Z)"""
                        r"""|'[^']*(?:'|\Z)|[^\s>]*))?)?""")
_OPEN = re.compile(rf"\[{NAME}(?![\w-])")
_BRACKET = re.compile(r"[\[\]]")


@dataclass(eq=False)
class Element:
    """An element as the page opened it; ``close_start``/``close_end`` bound its end tag
    (equal when a browser closes it without one)."""

    name: str
    start: int
    content_start: int
    parent: Element | None
    foreign: bool = False
    literal: bool = False
    toc: bool = False
    #: the start tag without its id (and an <a name>): for the pieces after a split
    reopen: str = ""
    has_id: bool = False
    #: the start tag has a ``hidden`` attribute: browsers show none of its content
    hidden: bool = False
    #: its inline style hides what it holds (:func:`read_style`); it counts where the element
    #: would hold the code, not where the code splits it (a paragraph)
    styled: bool = False
    #: the inherited properties its inline style sets: whether each hides (the innermost
    #: element that sets one decides: an inner font-size: 1rem undoes an outer 0)
    inherits: tuple[tuple[str, bool], ...] = ()
    #: a declarative shadow root without a default slot: none of its light content shows
    shadowed: bool = False
    #: a copy a browser made of a formatting element the page closed too early
    reconstructed: bool = False
    close_start: int = -1
    close_end: int = -1
    explicit: bool = False


@dataclass
class Found:
    """One shortcode (``code`` is None for an escape ``[[...]]``) and the elements open
    around it, outermost first."""

    start: int
    end: int
    text: str
    code: Shortcode | None
    stack: tuple[Element, ...]


@dataclass
class Expansion:
    """The expanded HTML and what the author should hear about."""

    html: str
    problems: list[str] = field(default_factory=list)
    count: int = 0
    #: The page with every shortcode taken out (escapes turned into text) and no paragraph
    #: split: what a summary is made from.
    without: str = ""


class Scanner:
    """Reads a page once, keeping the open elements, and collects its shortcodes.

    >>> found = Scanner('<ul><li><b>[gedragscode lang=en]').found
    >>> [(f.text, [e.name for e in f.stack]) for f in found]
    [('[gedragscode lang=en]', ['ul', 'li', 'b'])]
    """

    def __init__(self, html: str) -> None:
        self.html = html
        self.found: list[Found] = []
        self.problems: list[str] = []
        self.stack: list[Element] = []
        self._open_count: dict[str, int] = {}  # open elements by name
        self._pending: tuple[int, int, tuple[Element, ...]] | None = None  # start, depth, stack
        #: the standard's list of active formatting elements (None: a marker)
        self.formatting: list[Element | None] = []
        self._run()

    # -- the tokenizer ---------------------------------------------------------------------

    def _run(self) -> None:
        html, size, position = self.html, len(self.html), 0
        while position < size:
            lt = html.find("<", position)
            if lt < 0:
                lt = size
            if lt > position:
                self._text(position, lt)
            if lt >= size:
                break
            position = self._markup(lt)
        self._fail_pending()
        for element in self.stack:
            element.close_start = element.close_end = size
        self.stack.clear()

    def _markup(self, lt: int) -> int:
        """Read the markup starting at ``<`` (offset ``lt``); return where reading goes on."""
        html, size = self.html, len(self.html)
        following = html[lt + 1:lt + 2]
        if following.isascii() and following.isalpha():
            return self._start_tag(lt)
        if following == "/":
            after = html[lt + 2:lt + 3]
            if after.isascii() and after.isalpha():
                name_end = _TAG_NAME.match(html, lt + 2).end()  # type: ignore[union-attr]
                end = _tag_end(html, name_end)  # attributes and their quotes, as in a start tag
                if html[end - 1:end] == ">":
                    self._end_tag(html[lt + 2:name_end].lower(), lt, end)
                else:
                    self._fail_pending()
                return end
            if after == ">":
                return lt + 3
            return self._bogus_comment(lt)
        if html.startswith("<!--", lt):
            self._fail_pending()
            if html.startswith(("<!-->", "<!--->"), lt):
                return lt + (5 if html.startswith("<!-->", lt) else 6)
            close = html.find("-->", lt + 4)
            bang = html.find("--!>", lt + 4)
            ends = [c + 3 for c in (close,) if c >= 0] + [b + 4 for b in (bang,) if b >= 0]
            return min(ends) if ends else size
        if following == "!" and html.startswith("<![CDATA[", lt) and self._foreign():
            self._fail_pending()
            close = html.find("]]>", lt + 9)
            return close + 3 if close >= 0 else size
        if following in ("!", "?"):
            return self._bogus_comment(lt)
        self._text(lt, lt + 1)  # a lone "<" is text
        return lt + 1

    def _bogus_comment(self, lt: int) -> int:
        self._fail_pending()
        close = self.html.find(">", lt + 1)
        return close + 1 if close >= 0 else len(self.html)

    def _start_tag(self, lt: int) -> int:
        html, size = self.html, len(self.html)
        name_end = _TAG_NAME.match(html, lt + 1).end()  # type: ignore[union-attr]
        name = html[lt + 1:name_end].lower()
        position = name_end
        cut: list[tuple[int, int]] = []  # id (and <a name>) attributes, left out on reopening
        classes = ""
        hidden = opened = named = False
        style: tuple[bool, tuple[tuple[str, bool], ...]] = (False, ())
        while True:
            match = _ATTRIBUTE.match(html, position)
            assert match is not None  # the pattern matches the empty string
            position = match.end()
            attribute = (match.group(1) or "").lower()
            if attribute == "id" or (attribute == "name" and name == "a"):
                cut.append((match.start(1), position))
            elif attribute in _HIDING or (attribute == "aria-hidden" and "".join(
                    _value(match.group(2)).lower().split()) == "true"):
                hidden = True  # hidden, popover, inert; aria-hidden="true"
            elif attribute == "style":
                style = read_style(_value(match.group(2)))
            elif attribute == "open":
                opened = True
            elif attribute in ("shadowrootmode", "shadowroot") and name == "template" \
                    and self.stack and _value(match.group(2)).lower() in ("open", "closed") \
                    and _SHADOW_HOST.fullmatch(self.stack[-1].name):
                self.stack[-1].shadowed = True  # its host shows only what it slots
            elif attribute == "name" and _value(match.group(2)):
                named = True  # name="" is the default slot
            elif attribute == "class" and match.group(2):
                classes = _value(match.group(2))
            if position >= size or html[position] == ">" or not match.group(0):
                break
        if position >= size:  # the page ends inside the tag: browsers drop it
            self._fail_pending()
            return size
        end = position + 1
        self_closing = html[position - 1] == "/"
        if name in _INSIDE and self._pending is not None:
            start, depth, stack = self._pending
            self._pending = (start, depth + 1, stack)
        else:
            self._fail_pending()
        tag = html[lt:end]
        reopen = tag
        for a, b in reversed(cut):
            while a > 0 and html[a - 1].isspace() and a - 1 > lt:
                a -= 1
            reopen = reopen[:a - lt] + reopen[b - lt:]
        # a closed <details> shows only its summary, a closed <dialog> nothing
        hidden = hidden or (name in ("details", "dialog") and not opened)
        if name == "slot" and not named:  # a default slot shows the host's content
            template = self.stack[-1] if self.stack else None
            for _ in range(_SLOT_DEPTH):  # a bounded look up: linear on any page
                if template is None or template.name == "template":
                    break
                template = template.parent
            if template is not None and template.parent is not None \
                    and template.name == "template":
                template.parent.shadowed = False
        self._open(name, lt, end, self_closing, classes, reopen, bool(cut), hidden)
        if style != (False, ()) and self.stack and self.stack[-1].start == lt:
            self.stack[-1].styled, self.stack[-1].inherits = style
        if name in RAW_TEXT and self.stack and self.stack[-1].name == name \
                and not self.stack[-1].foreign:
            return self._raw_text(name, end)
        return end

    def _raw_text(self, name: str, start: int) -> int:
        """Skip the text of a raw-text element up to its end tag (returns where it starts).

        The end tag is ``</name`` in any ASCII case followed by white space, ``/`` or ``>``;
        a ``<script>`` is read by :func:`script_end`, as the standard's script data states.
        """
        html, size = self.html, len(self.html)
        if name == "plaintext":
            return size
        if name == "script":
            return script_end(html, start)
        match = _raw_text_end(name).search(html, start)
        return match.start() if match else size

    # -- the tree --------------------------------------------------------------------------

    def _foreign(self) -> bool:
        """Whether the current node is foreign content (not an integration point)."""
        return bool(self.stack) and self.stack[-1].foreign \
            and self.stack[-1].name not in _INTEGRATION

    def _open(self, name: str, start: int, end: int, self_closing: bool, classes: str,
              reopen: str, has_id: bool, hidden: bool = False) -> None:
        stack = self.stack
        if self._foreign() and name in _BREAKOUT:
            while stack and stack[-1].foreign:
                self._pop(start)
        foreign = self._foreign() or name in FOREIGN
        if not foreign:
            self._close_implied(name, start)
            if name == "a":
                self._forget("a")
            if name in FORMATTING or not (name in _SPECIAL or name in HOLDS_SECTION
                                          or name in STRUCTURE) or name in _PHRASING_VOID:
                self._reconstruct(start)
        if name in VOID or (foreign and self_closing):
            return
        parent = stack[-1] if stack else None
        class_set = set(classes.split())
        element = Element(
            name, start, end, parent, foreign=foreign,
            literal=(parent is not None and parent.literal)
            or (name in LITERAL and (not foreign or name in ("script", "style")))
            or {"docutils", "literal"} <= class_set or "literal-block" in class_set,
            toc=(parent is not None and parent.toc)
            or (name in ("div", "nav") and bool({"toc", "contents"} & class_set)),
            reopen=reopen, has_id=has_id, hidden=hidden)
        stack.append(element)
        self._open_count[name] = self._open_count.get(name, 0) + 1
        if not foreign and name in FORMATTING:
            self.formatting.append(element)
            if len(self.formatting) > _MAX_FORMATTING:
                del self.formatting[0]
        elif not foreign and name in _MARKERS:
            self.formatting.append(None)

    def _reconstruct(self, at: int) -> None:
        """The standard's "reconstruct the active formatting elements": a formatting
        element closed by a block (``<b>x<p>y``) is opened again, as a copy, before text."""
        entries = self.formatting
        if not entries or entries[-1] is None or entries[-1].close_start < 0:
            return
        first = len(entries) - 1
        while first > 0 and entries[first - 1] is not None \
                and entries[first - 1].close_start >= 0:  # type: ignore[union-attr]
            first -= 1
        for index in range(first, len(entries)):
            old = entries[index]
            assert old is not None
            parent = self.stack[-1] if self.stack else None
            copy = Element(old.name, at, at, parent, toc=old.toc,
                           literal=(parent is not None and parent.literal) or old.literal,
                           reopen=old.reopen, reconstructed=True)
            self.stack.append(copy)
            self._open_count[old.name] = self._open_count.get(old.name, 0) + 1
            entries[index] = copy

    def _forget(self, name: str) -> None:
        """Take the last ``name`` after the last marker off the active formatting list."""
        for index in range(len(self.formatting) - 1, -1, -1):
            entry = self.formatting[index]
            if entry is None:
                return
            if entry.name == name:
                del self.formatting[index]
                return

    def _close_implied(self, name: str, at: int) -> None:
        """Close what a browser closes before opening ``name``."""
        stack = self.stack
        if name in _CLOSES_P:
            self._close_in_scope({"p"}, at, _SCOPE | {"button"})
        if name in _HEADINGS and stack and stack[-1].name in _HEADINGS:
            self._pop(at)
        if name == "li":
            self._close_in_scope({"li"}, at, _SPECIAL - {"address", "div", "p", "li"})
        elif name in ("dd", "dt"):
            self._close_in_scope({"dd", "dt"}, at, _SPECIAL - {"address", "div", "p", "dd",
                                                                "dt"})
        elif name in ("td", "th"):
            self._close_in_scope({"td", "th"}, at, {"table", "tr"})
        elif name == "tr":
            self._close_in_scope({"tr"}, at, {"table"})
        elif name in ("thead", "tbody", "tfoot"):
            self._close_in_scope({"thead", "tbody", "tfoot"}, at, {"table"})
        elif name in ("option", "optgroup") and stack and stack[-1].name == "option":
            self._pop(at)

    def _close_in_scope(self, names: set[str], at: int, boundary: frozenset[str] | set[str]
                        ) -> None:
        if not any(self._open_count.get(name) for name in names):
            return
        for index in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - _MAX_SCOPE), -1):
            element = self.stack[index]
            if element.name in names and not element.foreign:
                while len(self.stack) > index:
                    self._pop(at)
                return
            if element.name in boundary or element.foreign:
                return

    def _pop(self, at: int, end: int | None = None) -> None:
        element = self.stack.pop()
        if element.name in _MARKERS and not element.foreign and None in self.formatting:
            while self.formatting and self.formatting.pop() is not None:
                pass
        self._open_count[element.name] -= 1
        element.close_start = at
        element.close_end = at if end is None else end
        element.explicit = end is not None

    def _end_tag(self, name: str, start: int, end: int) -> None:
        stack = self.stack
        if name in _INSIDE and self._pending is not None and self._pending[1]:
            pending_start, depth, pending_stack = self._pending
            self._pending = (pending_start, depth - 1, pending_stack)
        else:
            self._fail_pending()
        if name in FORMATTING and not self._foreign():
            self._forget(name)
        if not self._open_count.get(name):
            return
        boundary = _SCOPE if name in _SPECIAL else _SPECIAL
        if name == "li":
            boundary = _SCOPE | {"ol", "ul"}
        elif name == "p":
            boundary = _SCOPE | {"button"}
        for index in range(len(stack) - 1, max(-1, len(stack) - 1 - _MAX_SCOPE), -1):
            element = stack[index]
            if element.name == name:
                while len(stack) > index + 1:
                    self._pop(start)
                self._pop(start, end)
                return
            if element.foreign and element.name not in _INTEGRATION:
                continue  # an HTML end tag looks past foreign elements
            if element.name in boundary:
                return

    # -- shortcodes ------------------------------------------------------------------------

    def _text(self, start: int, end: int) -> None:
        html = self.html
        position = start
        if self.formatting and not self._foreign() and not (
                self.stack and self.stack[-1].name in _TABLE_TEXT):
            self._reconstruct(start)
        if self._pending is not None:
            bracket = _BRACKET.search(html, start, end)
            if bracket is None:
                return
            if bracket.group() == "[":
                self._fail_pending()
            else:
                self._finish(bracket.end())
            position = bracket.end() if bracket.group() == "]" else bracket.start()
        top = self.stack[-1] if self.stack else None
        if top is not None and top.literal:  # raw-text elements are literal too
            return
        while True:
            match = _OPEN.search(html, position, end)
            if match is None:
                return
            self._pending = (match.start(), 0, tuple(self.stack))
            bracket = _BRACKET.search(html, match.end(), end)
            if bracket is None:
                return
            if bracket.group() == "[":
                self._fail_pending()
                position = bracket.start()
            else:
                self._finish(bracket.end())
                position = bracket.end()

    def _finish(self, end: int) -> None:
        assert self._pending is not None
        start, depth, stack = self._pending
        self._pending = None
        if depth:
            self._fail_pending(start)
            return
        html = self.html
        text = html[start:end]
        opened, closed = start > 0 and html[start - 1] == "[", html[end:end + 1] == "]"
        if opened and closed:
            self.found.append(Found(start - 1, end + 1, html[start - 1:end + 1], None, stack))
            return
        if opened or closed:
            self.problems.append(f"{_snippet(text)} has {'[[' if opened else ']]'} without "
                                 f"{']]' if opened else '[['} and stays as text")
            return
        code = parse_body(text[len(NAME) + 1:-1])
        if code.unreadable is not None:
            self.problems.append(f"{_snippet(text)} is not a shortcode ({code.unreadable}) "
                                 "and stays as text")
            return
        self.found.append(Found(start, end, text, code, stack))

    def _fail_pending(self, start: int | None = None) -> None:
        if start is None:
            if self._pending is None:
                return
            start = self._pending[0]
        self._pending = None
        self.problems.append(f"{_snippet(self.html[start:start + 80])} has no closing ']' "
                             "and stays as text")


def _tag_end(html: str, position: int) -> int:
    """Just after the ``>`` that ends a tag whose attributes start at ``position`` (the end of
    the page if none does): a ``>`` in a quoted value does not end it, in an end tag too.

    >>> _tag_end('</p title=">">x', 3)
    14
    """
    size = len(html)
    while True:
        match = _ATTRIBUTE.match(html, position)
        assert match is not None  # the pattern matches the empty string
        position = match.end()
        if position >= size:
            return size
        if html[position] == ">" or not match.group(0):
            return position + 1


_HTML_SPACE = "\t\n\f\r "
_ENDS_NAME = _HTML_SPACE + "/>"


def _raw_text_end(name: str) -> re.Pattern[str]:
    """``</name`` as it ends a raw-text element: ASCII case only (no ``ſ`` for ``s``)."""
    return re.compile(rf"</{re.escape(name)}(?=[\t\n\f\r />])", re.I | re.A)


def _is_script(html: str, at: int) -> bool:
    """Whether ``html[at:]`` starts with ``script`` (ASCII case) and then ends a tag name."""
    word = html[at:at + 6]
    return word.isascii() and word.lower() == "script" and html[at + 6:at + 7] in _ENDS_NAME \
        and at + 6 < len(html)


def script_end(html: str, start: int) -> int:
    r"""Where the ``</script`` that ends a script starts (``len(html)`` when none does).

    The HTML standard's script data states, exactly: in ``<!--`` ... ``-->`` (escaped) a
    ``<script`` starts the double-escaped state, where ``</script>`` ends only that inner
    script, not the element; ``-->`` ends the escaped states. Every character is read once.

    >>> page = '<!--\nx("<script>1</script>");\n--></script>'
    >>> script_end(page, 0) == page.rindex("</script>")
    True
    >>> script_end("a</SCRIPT\tb>", 0), script_end("a</scriptx></script/>", 0)
    (1, 11)
    """
    size, at = len(html), start
    state = "data"
    while at < size:
        if state == "data":
            lt = html.find("<", at)
            if lt < 0:
                return size
            at = lt + 1
            if html.startswith("/", at) and _is_script(html, at + 1):
                return lt
            if html.startswith("!--", at):
                # the escape start states: "<!--" enters "escaped dash dash"
                state, at = "escaped-dash-dash", at + 3
            continue
        char = html[at]
        double = state.startswith("double")
        if char == "-":
            if state.endswith(("escaped", "escaped-dash")):  # "-dash-dash" stays
                state += "-dash"
            at += 1
            continue
        if char == "<":
            at += 1
            if not double:
                if html.startswith("/", at) and _is_script(html, at + 1):
                    return at - 1
                if _is_script(html, at):
                    state, at = "double-escaped", at + 7
                    continue
            else:
                if html.startswith("/", at) and _is_script(html, at + 1):
                    state, at = "escaped", at + 8
                    continue
                state = "double-escaped"
                continue
            state = "escaped"
            continue
        if char == ">" and state.endswith("dash-dash"):
            state = "data"
        else:
            state = "double-escaped" if double else "escaped"
        at += 1
    return size


def _snippet(text: str) -> str:
    """The start of a shortcode's text, for a message: up to the first tag other than a span."""
    text = re.split(r"<(?!/?(?:span|abbr)\b)", text[:80])[0]
    return repr(re.sub(r"<[^>]*>", "", text).split("\n")[0][:40])


# -- the splice ------------------------------------------------------------------------------


@dataclass
class Place:
    """Where one shortcode's code goes: at ``at``, splitting ``chain`` (outermost first)."""

    at: int
    chain: list[Element]
    after: Element | None = None  # the element the code had to be moved after
    inside: Element | None = None  # the element that could not hold it
    toc: bool = False


#: The elements that may host a shadow root: custom elements (a hyphen in the name) and these.
_SHADOW_HOST = re.compile(r"[a-z][a-z0-9]*-[a-z0-9._-]*|article|aside|blockquote|body|div"
                          r"|footer|h[1-6]|header|main|nav|p|section|span")
#: How far up from a <slot> its shadow root's <template> is looked for.
_SLOT_DEPTH = 32

#: Attributes that hide an element's content from every reader when the page opens: hidden,
#: a popover (shown only when opened), inert (no keyboard, no screen reader reaches it).
_HIDING = frozenset({"hidden", "popover", "inert"})


def _value(assignment: str | None) -> str:
    """An attribute's value from its ``="..."`` part as the tokenizer matched it."""
    return assignment.split("=", 1)[1].strip().strip("\"'") if assignment else ""


def read_style(style: str) -> tuple[bool, tuple[tuple[str, bool], ...]]:
    """Whether an inline style plainly hides what the element holds, and the inherited
    properties it sets, each with whether it hides; read as CSS reads it (entities, comments
    and escapes resolved: ``display:/**/none``, ``display:\\6e one``).

    It hides: ``display: none``, ``content-visibility: hidden``, ``opacity`` under 0.1; with
    ``overflow`` hidden, a height or width under 4px or a text indent of 100px or more; a
    line clamp (``display: -webkit-box``); positioned (``relative``, ``absolute``, ``fixed``),
    an offset of 1000px or more, or absolute or fixed, a ``clip`` rectangle; a translation of
    1000px or more, or a scale under 0.1. Inherited, where the innermost element that sets them
    decides (an inner ``font-size: 1rem`` undoes an outer 0): ``visibility: hidden`` or
    ``collapse``; a font size under 4px (``font: 0/0 a`` too); ``letter-spacing`` of -4px or
    less; a transparent text colour. A ``var()`` in display, visibility or opacity, a
    ``calc()`` in a font size, counts as hiding.

    Page authors write the pages (a translation cannot add a style), and these are the ways a
    page hides a block by accident; filters, masks, clip paths, rotations, nested opacities,
    text the colour of what is behind it and the page's own style sheets are not judged.

    >>> [read_style(s)[0] for s in ("display:/**/none", "display:\\\\6e one", "opacity:1e-9",
    ...      "--x:none;display:var(--x)", "height:0;overflow:hidden", "transform:scale(0)",
    ...      "position:relative;bottom:100000px", "position:absolute;clip:rect(0 0 0 0)")]
    [True, True, True, True, True, True, True, True]
    >>> [read_style(s)[0] for s in ("filter:drop-shadow(0 1px 2px #0003)", "left:-9999px",
    ...      "clip-path:inset(0 round 8px)", "-webkit-line-clamp:3", "line-height:1.38",
    ...      "zoom:1", "margin-bottom:-10000px;padding-bottom:10000px",
    ...      "width:100%;overflow:hidden")]
    [False, False, False, False, False, False, False, False]
    >>> read_style("font: 0/0 a; color: #0000"), read_style("visibility: visible")
    ((False, (('font-size', True), ('color', True))), (False, (('visibility', False),)))
    """
    css = _CSS_ESCAPE.sub(_css_unescape, _without_css_comments(html.unescape(style)))
    declarations: dict[str, str] = {}  # in the order they take effect, the last one last
    important: set[str] = set()
    for declaration in css.lower().split(";"):
        name, _, value = declaration.partition(":")
        name = name.strip()
        if not value.strip() or name.startswith("--") or (
                name in important and "!important" not in value):
            continue  # an earlier !important one stands
        if "!important" in value:
            important.add(name)
        declarations.pop(name, None)
        declarations[name] = " ".join(value.replace("!important", "").split())
    return _hides_own(declarations), tuple(
        (name, hides) for name, hides in _inherited(declarations).items())


def _hides_own(css: dict[str, str]) -> bool:
    """Whether declarations hide the element's content, but for the inherited ones."""
    get = css.get
    if get("display", "").startswith("none") or "var(" in get("display", "") \
            or get("content-visibility", "").startswith("hidden"):
        return True
    opacity = _amount(get("opacity", "1"))
    if "var(" in get("opacity", "") or (opacity is not None and opacity[0] / (
            100 if opacity[1] == "%" else 1) < 0.1):
        return True
    if get("overflow", "").startswith(("hidden", "clip")) or any(
            get(f"overflow-{axis}", "").startswith(("hidden", "clip")) for axis in "xy"):
        if any(size is not None and _tiny(size, 4)
               for size in (_amount(get(name, "auto")) for name in _SIZES)):
            return True
        indent = _amount(get("text-indent", "0"))
        if indent is not None and _far(indent, 100):
            return True
        if get("display") == "-webkit-box" and "-webkit-line-clamp" in css:
            return True
    position = get("position", "static")
    if position.startswith(("relative", "absolute", "fixed")) and any(
            size is not None and _far(size, 1000)
            for name in _OFFSETS for size in map(_amount, get(name, "").split())):
        return True
    if position.startswith(("absolute", "fixed")) and get("clip", "").startswith("rect"):
        return True
    return any(_transformed(name, value) for name, value in css.items()
               if name in ("transform", "translate", "scale", "-webkit-transform"))


def _transformed(name: str, value: str) -> bool:
    """Whether a transform moves the content 1000px or more, or scales it under 0.1
    (``scale(1) translateX(-10000px)``; rotations, skews and perspective are not judged).

    >>> [_transformed("transform", v) for v in ("scale(1) translateX(-10000px)", "scale(0)",
    ...      "perspective(1000px) rotateY(10deg)", "rotate(1080deg)", "translate(-50%, 0)")]
    [True, True, False, False, False]
    >>> [_transformed(n, v) for n, v in (("translate", "-9999px"), ("scale", ".05"),
    ...                                  ("scale", "1"))]
    [True, True, False]
    """
    if name != "transform" and name != "-webkit-transform":
        value = f"{name}({value.replace(' ', ',')})"  # the property as its function
    for function, arguments in _CSS_FUNCTION.findall(value.lower()):
        amounts = [_amount(argument.strip()) for argument in arguments.split(",")]
        if function.startswith("scale") and any(
                a is not None and a[1] in ("", "%") and abs(a[0]) / (
                    100 if a[1] == "%" else 1) < 0.1 for a in amounts):
            return True
        if function.startswith("translate") and any(
                a is not None and a[1] != "" and _far(a, 1000) for a in amounts):
            return True
        if function.startswith("matrix"):
            return True  # a matrix scales and moves as it likes: fail closed
    return False


def _inherited(css: dict[str, str]) -> dict[str, bool]:
    """The inherited properties ``css`` sets to a value of its own (visibility, font size,
    letter spacing, text colour and fill colour), each with whether it hides the text; a
    value relative to the parent's (``inherit``, ``1em``, ``100%``, ``currentcolor``) decides
    nothing, the parent's stands. Of ``font-size`` and the ``font`` shorthand the last one
    counts (``font: 400 0/0 a`` is a size of 0).

    >>> _inherited({"font": "400 0/0 a"}), _inherited({"font-size": "1em", "color": "inherit"})
    ({'font-size': True}, {})
    """
    found: dict[str, bool] = {}
    for name, value in css.items():
        if value in _RELATIVE:
            continue
        if name == "visibility":
            found[name] = value.startswith(("hidden", "collapse")) or "var(" in value
        elif name in ("font-size", "font"):
            size = value if name == "font-size" else _font_size(value)
            amount = _amount(size) if size is not None else None
            if size is not None and not (amount is not None and amount[1] in ("em", "%")):
                found["font-size"] = "calc(" in size or (amount is not None
                                                         and _tiny(amount, 4))
        elif name == "letter-spacing":
            spacing = _amount(value)
            if not (spacing is not None and spacing[1] == "em" and spacing[0] > -0.25):
                found[name] = spacing is not None and spacing[0] < 0 and _far(spacing, 4)
        elif name in ("color", "-webkit-text-fill-color"):
            found[name] = _transparent(value)
    return found


def _font_size(shorthand: str) -> str | None:
    """The size in a ``font`` shorthand: the part with a ``/`` (size/line height), a length
    or 0 (``400 0/0 a`` is 0: the weight 400 has no unit).

    >>> _font_size("400 0/0 a"), _font_size("italic 16px serif"), _font_size("bold serif")
    ('0', '16px', None)
    """
    for part in shorthand.split():
        size = part.split("/")[0]
        amount = _amount(size)
        if "/" in part or size == "0" or (amount is not None and amount[1] in _PIXELS
                                           and amount[1] != ""):
            return size
    return None


#: Values that take the parent's (or the element's own text colour's): they decide nothing.
_RELATIVE = frozenset({"inherit", "unset", "revert", "revert-layer", "currentcolor"})


def _amount(value: str) -> tuple[float, str] | None:
    """A CSS number and its unit (``1e-9px`` is 1e-9 and px); None if ``value`` is none.

    >>> _amount("1.38"), _amount("-2em"), _amount("1e-9px"), _amount("auto")
    ((1.38, ''), (-2.0, 'em'), (1e-09, 'px'), None)
    """
    end = len(value) - len(value.lstrip("+-0123456789."))
    if value[end:end + 1] == "e":  # an exponent: 1e-9
        exponent = value[end + 1:]
        sign = 1 if exponent[:1] in ("+", "-") else 0
        digits = len(exponent) - sign - len(exponent[sign:].lstrip("0123456789"))
        if digits:
            end += 1 + sign + digits
    try:
        return float(value[:end]), value[end:]
    except ValueError:
        return None


def _tiny(size: tuple[float, str], pixels: float) -> bool:
    """Whether a size is under ``pixels`` (an em or rem as 16px, a percentage of 16px)."""
    amount, unit = size
    return unit in _PIXELS and amount * _PIXELS[unit] < pixels


def _far(size: tuple[float, str], pixels: float) -> bool:
    """Whether an offset is ``pixels`` or more either way (an em as 16px)."""
    amount, unit = size
    return unit in _PIXELS and abs(amount) * _PIXELS[unit] >= pixels


#: Pixels in a unit (an em, rem, ch, ex as a 16px font; a percentage of 16px; vw and vh of a
#: 1,000-pixel window).
_PIXELS = {"": 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "em": 16.0, "rem": 16.0, "ch": 8.0,
           "ex": 8.0, "%": 0.16, "vw": 10.0, "vh": 10.0, "in": 96.0, "cm": 37.8,
           "mm": 3.78}


def _transparent(colour: str) -> bool:
    """Whether a colour's alpha is under 0.1 (``transparent``, ``#0000``, ``#ffffff00``,
    ``rgba(0,0,0,0)``, ``rgb(0 0 0 / 5%)``)."""
    if "transparent" in colour:
        return True
    if colour.startswith("#") and len(colour) in (5, 9):
        digits = colour[4] * 2 if len(colour) == 5 else colour[7:9]
        return int(digits, 16) < 26 if all(c in "0123456789abcdef" for c in digits) else True
    if "(" in colour:
        arguments = colour[colour.index("(") + 1:].rstrip(")").replace("/", ",").split(",")
        if len(arguments) == 4 or "/" in colour:
            alpha = _amount(arguments[-1].strip())
            return alpha is None or alpha[0] / (100 if alpha[1] == "%" else 1) < 0.1
    return False


def _without_css_comments(css: str) -> str:
    """``css`` without its comments (an unclosed one runs to the end), in linear time."""
    pieces: list[str] = []
    at = 0
    while True:
        start = css.find("/*", at)
        if start < 0:
            return "".join(pieces) + css[at:]
        pieces.append(css[at:start] + " ")
        end = css.find("*/", start + 2)
        if end < 0:
            return "".join(pieces)
        at = end + 2


def _css_unescape(match: re.Match[str]) -> str:
    """A CSS escape as the character it stands for (``\\6e`` is n, ``\\o`` is o)."""
    escaped = match.group(1)
    if escaped[0] in "0123456789abcdefABCDEF":
        code = int(escaped.strip(), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return escaped


_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}[ \t\n\r\f]?|[^0-9a-fA-F\n])")
#: The arguments of a CSS function (``scale(0.5, 0)``, ``translateX(-9999px)``).
_CSS_FUNCTION = re.compile(r"([a-z0-9-]+)\(([^()]*)\)", re.IGNORECASE)
#: Sizes that hide what they hold when tiny, with ``overflow`` hidden.
_SIZES = frozenset({"height", "max-height", "width", "max-width", "block-size", "inline-size",
                    "max-block-size", "max-inline-size"})
#: Offsets of a positioned element: far either way, the content is off the page.
_OFFSETS = frozenset({"left", "top", "right", "bottom", "inset", "inset-inline",
                      "inset-block", "inset-inline-start", "inset-inline-end",
                      "inset-block-start", "inset-block-end"})


def place(found: Found) -> Place:
    """Where the code of one shortcode goes (see the module's docstring)."""
    stack = list(found.stack)
    if any(element.toc for element in stack):
        return Place(found.start, [], toc=True)
    at, after, inside = found.start, None, None
    # the innermost element that may hold a section: it and those around it hold the code,
    # so their style counts; a paragraph or a span inside it is split around the code
    holder = max((i for i, e in enumerate(stack) if e.name in HOLDS_SECTION), default=-1)
    styled: set[int] = set()  # where an inherited property that hides is decided
    decided: set[str] = set()  # each inherited property: its innermost holder decides
    for index in range(holder, -1, -1):
        for name, hides in stack[index].inherits:
            if name not in decided:
                decided.add(name)
                if hides:
                    styled.add(index)
    for index, element in enumerate(stack):
        if element.name in KEEP_WHOLE or element.foreign or element.hidden \
                or element.shadowed or (element.styled and index <= holder) or index in styled:
            inner = element  # name the summary: its text shows, what follows it not
            if element.name == "details" and index + 1 < len(stack) \
                    and stack[index + 1].name == "summary":
                inner = stack[index + 1]
            at, after, inside = element.close_end, element, inner
            del stack[index:]
            break
    chain: list[Element] = []  # innermost first, until reversed below
    while stack and stack[-1].name not in HOLDS_SECTION:
        top = stack.pop()
        if top.name in STRUCTURE or top.name in KEEP_WHOLE:
            at, after, chain = top.close_end, top, []
            inside = inside or top
        else:
            chain.append(top)
    chain.reverse()
    for element in stack:
        if element.name not in HOLDS_SECTION | STRUCTURE | TRANSPARENT:
            # a link, heading, label or bold around a block: closing it would split the
            # block too (a browser copies a formatting element into every block after it)
            return Place(element.close_end, [], element, element)
    return Place(at, chain, after, inside)


@dataclass
class _Mark:
    """Something to do at one offset of the page, sorted by (position, rank, order)."""

    position: int
    rank: int  # at one offset: a browser's copy of a formatting element (-1), the code, the
    # shortcode's text, end tags, start tags
    order: int
    end: int = -1
    text: str = ""
    element: Element | None = None
    chain: list[Element] | None = None
    code: Shortcode | None = None
    after: Element | None = None


@dataclass
class _Piece:
    """A piece of the output: text, the code, or a split element's start or end tag."""

    kind: str  # "text", "open" or "close"
    text: str = ""
    element: Element | None = None
    synthetic: bool = False  # a tag the splice added (a start tag without the id)

    def blank(self) -> bool:
        return self.kind == "text" and not self.text.strip(" \t\n\r\f")


def _assemble(html: str, found: list[Found], places: list[Place],
              render: Callable[[Shortcode], str] | None) -> tuple[str, int]:
    """The page with every shortcode replaced; without ``render``: taken out, no split."""
    marks: list[_Mark] = []
    for order, (item, spot) in enumerate(zip(found, places, strict=True)):
        replacement = item.text[1:-1] if item.code is None else ""
        marks.append(_Mark(item.start, 1, order, end=item.end, text=replacement))
        if item.code is not None and render is not None and not spot.toc:
            marks.append(_Mark(spot.at, 0, order, chain=spot.chain, code=item.code,
                               after=spot.after))
    elements = {id(el): el for spot in places for el in spot.chain}
    for element in elements.values():
        # a browser's copy has no tag of its own: it opens before anything at its offset
        rank = -1 if element.reconstructed else 3
        marks.append(_Mark(element.start, rank, 0, end=element.content_start, element=element))
        if element.explicit:
            marks.append(_Mark(element.close_start, 2, 0, end=element.close_end,
                               element=element))
    marks.sort(key=lambda mark: (mark.position, mark.rank, mark.order))

    pieces: list[_Piece] = []
    cursor = count = 0
    ended: set[int] = set()
    for mark in marks:
        if mark.position > cursor:
            pieces.append(_Piece("text", html[cursor:mark.position]))
            cursor = mark.position
        if mark.code is not None:
            assert render is not None and mark.chain is not None
            after = mark.after
            if after is not None and not after.explicit and id(after) not in ended:
                # closed without an end tag (by a tag that ends foreign content, or by the
                # end of the page): close it, or the code would land inside it
                ended.add(id(after))
                pieces.append(_Piece("text", f"</{after.name}>"))
            pieces.extend(_Piece("close", f"</{el.name}>", el, True)
                          for el in reversed(mark.chain))
            pieces.append(_Piece("text", render(mark.code)))
            pieces.extend(_Piece("open", el.reopen, el, True) for el in mark.chain)
            count += 1
            continue
        if mark.element is None:
            pieces.append(_Piece("text", mark.text))
        else:
            kind = "close" if mark.rank == 2 else "open"
            pieces.append(_Piece(kind, html[mark.position:mark.end], mark.element))
        cursor = max(cursor, mark.end)
    pieces.append(_Piece("text", html[cursor:]))
    return "".join(piece.text for piece in _drop_empty(pieces)), count


def _drop_empty(pieces: list[_Piece]) -> list[_Piece]:
    """Leave out a split element whose piece holds only white space, unless its start tag
    carries an id; and start tags added at the very end of the page."""
    out: list[_Piece] = []
    for piece in pieces:
        if piece.kind == "close":
            back = len(out)
            while back and out[back - 1].blank():
                back -= 1
            element = piece.element
            assert element is not None
            if back and out[back - 1].kind == "open" and out[back - 1].element is element \
                    and (out[back - 1].synthetic or not element.has_id) \
                    and not element.reconstructed:
                del out[back - 1:]
                continue
        out.append(piece)
    back = len(out)
    while back and (out[back - 1].blank() or (out[back - 1].kind == "open"
                                               and out[back - 1].synthetic)):
        back -= 1
    return out[:back] + [piece for piece in out[back:] if piece.kind == "text"]


def expand(html: str, render: Callable[[Shortcode], str]) -> Expansion:
    """Replace every shortcode in ``html`` with ``render(shortcode)``."""
    scanner = Scanner(html)
    result = Expansion(html, list(scanner.problems), without=html)
    if not scanner.found:
        return result
    places = [place(item) if item.code is not None else Place(item.start, [])
              for item in scanner.found]
    for item, spot in zip(scanner.found, places, strict=True):
        if item.code is not None and spot.after is not None and spot.inside is not None:
            why = "cannot hold the code of conduct"
            if spot.inside.name == "summary" and spot.after.name == "details":
                why = "shows while the rest of its closed <details> is hidden"
            elif spot.inside.hidden or spot.after.hidden:
                why = "hides its content"
            elif spot.after.name in KEEP_WHOLE or spot.after.foreign:
                pass  # a place where a section may not stand: said above
            elif spot.after.shadowed:
                why = "has a shadow root that shows none of its content"
            elif spot.after.styled or any(hides for _, hides in spot.after.inherits):
                why = "has an inline style that hides its content"
            result.problems.append(
                f"{_snippet(item.text)} stands inside <{spot.inside.name}>, which {why}: "
                f"the code is placed after the </{spot.after.name}>")
    result.html, result.count = _assemble(html, scanner.found, places, render)
    result.without, _ = _assemble(html, scanner.found, places, None)
    return result
