"""Heading order: a code embedded at a ``level`` that skips a level below the heading
before it (the page's title, an ``h1``, then ``level=3``) breaks the outline screen reader
users navigate by (WCAG 1.3.1; axe's ``heading-order``).

Only the content is judged: a code with no heading before it in the content is not, since
the level of the page's title is the theme's choice (``h1`` in notmyidea's article, ``h2``
in many themes that show the site's name as ``h1``; ``BIJ1CODE_DEFAULT_LEVEL = 3`` is right
for those).

>>> skipped_levels('<h2>Over ons</h2><section class="gedragscode"><h4>WIJ</h4></section>')
[(2, 4)]
>>> skipped_levels('<section class="gedragscode"><h2>WIJ</h2><h3>x</h3></section>')
[]
>>> skipped_levels('<p>Hoi</p><section class="gedragscode"><h3>SAMEN</h3></section>')
[]
"""

from __future__ import annotations

from html.parser import HTMLParser

_HEADINGS = {f"h{n}": n for n in range(1, 7)}


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.last: int | None = None  # the last heading outside any code
        self.depth = 0  # sections open since a code's root; 0: outside every code
        self.first_in_code: int | None = None
        self.skips: list[tuple[int, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section" and (self.depth or "gedragscode" in (
                dict(attrs).get("class") or "").split()):
            if not self.depth:
                self.first_in_code = None
            self.depth += 1
        level = _HEADINGS.get(tag)
        if level is None:
            return
        if not self.depth:
            self.last = level
        elif self.first_in_code is None:
            self.first_in_code = level
            if self.last is not None and level > self.last + 1:
                self.skips.append((self.last, level))

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self.depth:
            self.depth -= 1


def skipped_levels(html: str) -> list[tuple[int, int]]:
    """For each code whose first heading skips a level: (the heading level before it,
    the code's level)."""
    outline = _Outline()
    outline.feed(html)
    outline.close()
    return outline.skips
