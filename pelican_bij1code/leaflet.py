"""The code on paper: one self-contained HTML document to print, an A4 page per language.

``bij1code render nl en ar --format html --standalone --url https://…`` writes it. The
document asks for nothing over the network: its CSS is inline, its fonts are the system's
(no ``@font-face``, no ``@import``, no ``url()``), and the QR code that points to the online
code is an inline SVG made by segno. Each language is an ``<article>`` with its own ``lang``
and ``dir`` that starts a new page; a translation carries the notice that the Dutch text is
binding, as it does on the web.

>>> from .catalogue import Locales, shipped_locales_dir
>>> from .render import Renderer
>>> doc = document(Renderer(Locales(shipped_locales_dir())), ["nl", "ar"],
...                url="https://example.org/gedragscode/")
>>> doc.startswith("<!DOCTYPE html>"), doc.count('<article class="leaflet-page"')
(True, 2)
>>> '<article class="leaflet-page" lang="ar" dir="rtl"' in doc
True
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from urllib.parse import urlsplit

from . import languages
from .master import PARTS
from .render import Renderer

#: Print styles: A4, large type, system fonts only. Sized so the whole code in any published
#: language fits one page (tests/test_leaflet.py prints it to check).
STYLE = """
@page { size: A4; margin: 11mm 14mm; }
html { font-family: system-ui, "DejaVu Sans", "Noto Sans", Arial, sans-serif;
       font-size: 11pt; line-height: 1.25; color: #000; background: #fff; }
body { margin: 0; }
.leaflet-page { break-after: page; }
.leaflet-page:last-child { break-after: auto; }
.leaflet-head { display: flex; justify-content: space-between; align-items: baseline;
                border-bottom: 1.5pt solid #000; margin: 0 0 3mm; padding-bottom: 1mm; }
.leaflet-head h1 { font-size: 20pt; margin: 0; }
.leaflet-head .leaflet-language { font-size: 12pt; }
.gedragscode { text-align: start; }
.gedragscode h2 { font-size: 14.5pt; margin: 3mm 0 1mm; }
.gedragscode h3 { font-size: 12.5pt; margin: 2mm 0 1mm; }
.gedragscode p, .gedragscode ul { margin: 0 0 1.5mm; }
.gedragscode ul { padding-inline-start: 5mm; }
.gedragscode li { margin: 0 0 0.8mm; }
.gedragscode-notice { font-style: italic; border: 1pt solid #000; padding: 1mm 2mm;
                      display: flow-root; }
.gedragscode a { color: #000; }
.gedragscode-anchor { font-weight: bold; text-decoration: none; }
.leaflet-online { float: right; width: 34mm; margin: 0 0 2mm 4mm; text-align: center; }
[dir="rtl"] .leaflet-online { float: left; margin: 0 4mm 2mm 0; }
.leaflet-online svg { display: block; width: 30mm; height: 30mm; margin: 0 auto; }
.leaflet-url { font-size: 9pt; margin: 0; overflow-wrap: anywhere; }
.leaflet-url a { color: #000; }
"""


class LeafletError(ValueError):
    """A leaflet that cannot be made as asked (a bad ``--url``)."""


def check_url(url: str) -> str:
    """The URL the QR code points to: an absolute http(s) address, nothing else.

    >>> check_url("https://bij1.org/gedragscode/")
    'https://bij1.org/gedragscode/'
    >>> check_url("javascript:alert(1)")
    Traceback (most recent call last):
    pelican_bij1code.leaflet.LeafletError: --url must be an http:// or https:// address, \
not 'javascript:alert(1)'
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace()
                                                                        for c in url.strip()):
        raise LeafletError(f"--url must be an http:// or https:// address, not {url!r}")
    return url.strip()


def qr_svg(url: str) -> str:
    """The QR code of ``url`` as inline SVG (segno; no network, no image file)."""
    import segno

    try:
        code = segno.make(url, error="m", micro=False)
    except segno.DataOverflowError as exc:
        raise LeafletError(f"--url is too long for a QR code ({len(url)} characters)") from exc
    svg: str = code.svg_inline(omitsize=True, svgclass="leaflet-qr", lineclass=None,
                               title=None)
    # The address is printed next to it: for a screen reader the picture adds nothing.
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def page(renderer: Renderer, lang: str, url: str | None, parts: Sequence[str] = PARTS,
         numbered: bool = False, preview: bool = False, copy: int = 1) -> str:
    """One language's page of the leaflet (``copy``: its place in the document, which keeps
    the rule ids unique, see :mod:`.anchors`)."""
    direction = languages.direction(lang)
    code = renderer.render(lang, parts, 2, "html", preview=preview, numbered=numbered,
                           copy=copy)
    out = [f'<article class="leaflet-page" lang="{lang}" dir="{direction}">',
           '<header class="leaflet-head">',
           f'<h1>{"<bdi>BIJ1</bdi>" if direction == "rtl" else "BIJ1"}</h1>',
           f'<span class="leaflet-language">{html.escape(languages.name(lang))}</span>',
           "</header>"]
    if url:
        shown = html.escape(url, quote=False)
        href = html.escape(url, quote=True)
        out += ['<aside class="leaflet-online">', qr_svg(url),
                f'<p class="leaflet-url"><a href="{href}" dir="ltr">{shown}</a></p>',
                "</aside>"]
    out += [code, "</article>"]
    return "\n".join(out)


def document(renderer: Renderer, langs: Sequence[str], url: str | None = None,
             parts: Sequence[str] = PARTS, numbered: bool = False,
             preview: bool = False) -> str:
    """The whole leaflet: one page per language, in the order given."""
    if not langs:
        raise LeafletError("no language given")
    if url is not None:
        url = check_url(url)
    first = langs[0]
    title = "BIJ1 · " + renderer.title(first) if not preview else "BIJ1"
    pages = "\n".join(page(renderer, lang, url, parts, numbered, preview, copy)
                       for copy, lang in enumerate(langs, start=1))
    return (f'<!DOCTYPE html>\n<html lang="{first}" dir="{languages.direction(first)}">\n'
            f'<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{pages}\n</main>\n"
            "</body>\n</html>\n")
