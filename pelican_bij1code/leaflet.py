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
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from . import languages
from .characters import hidden, names
from .master import PARTS
from .render import Renderer, html_lang

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
.leaflet-online { float: right; width: 30mm; margin: 0 0 1mm 4mm; }
[dir="rtl"] .leaflet-online { float: left; margin: 0 4mm 1mm 0; }
.leaflet-online svg { display: block; width: 30mm; height: 30mm; }
.leaflet-url { font-size: 10pt; margin: 0 0 2mm; overflow-wrap: break-word; }
.leaflet-url a { color: #000; }
.leaflet-address { overflow-wrap: break-word; }
.leaflet-nobreak { white-space: nowrap; }
"""


class LeafletError(ValueError):
    """A leaflet that cannot be made as asked (a bad ``--url``, segno missing)."""


#: The longest ``--url``: its QR code stays at most version 10 (57 modules, about half a
#: millimetre each at the printed 30 mm) and the address prints on at most three lines.
MAX_URL = 200
#: What a printed address may hold: RFC 3986's characters, nothing a reader could misread
#: or not see (no space, no control, no non-ASCII: hosts in their xn-- form, the rest
#: percent-encoded), and no backslash (which browsers read as ``/``).
_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


def check_url(url: str) -> str:
    """The URL the QR code points to, which is also printed: strict, so that what a reader
    sees is where the code goes. An ``http://`` or ``https://`` address, printable ASCII
    only (a non-ASCII host in its IDNA ``xn--`` form, which must decode; other characters
    percent-encoded), a plain host name with a dot (no user name or password, no IP
    address), a port from 1 to 65535 if any, at most :data:`MAX_URL` characters.

    >>> check_url("https://bij1.org/gedragscode/")
    'https://bij1.org/gedragscode/'
    >>> check_url("javascript:alert(1)")
    Traceback (most recent call last):
    pelican_bij1code.leaflet.LeafletError: --url must be an http:// or https:// address, \
not 'javascript:alert(1)'
    >>> check_url("https://bij1.org@evil.example/")
    Traceback (most recent call last):
    pelican_bij1code.leaflet.LeafletError: --url must not hold a user name or password (it \
hides the real host: 'evil.example'): 'https://bij1.org@evil.example/'
    """
    def refuse(why: str) -> LeafletError:
        return LeafletError(f"--url {why}: {ascii(url) if not url.isascii() else repr(url)}")

    if len(url) > MAX_URL:
        raise LeafletError(
            f"--url is too long: {len(url)} characters, at most {MAX_URL} (a longer address "
            "makes a QR code too dense to scan at print size; use a shorter link)")
    unseen = hidden(url) | {c for c in url if c.isspace()}
    if unseen:
        raise refuse(f"holds spaces or characters a reader cannot see ({names(unseen)})")
    if not url.isascii():
        raise refuse("must be plain ASCII: write a non-ASCII host in its xn-- "
                             "(IDNA) form and percent-encode the rest")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc \
            or not url.lower().startswith(f"{parts.scheme.lower()}://"):
        raise LeafletError(f"--url must be an http:// or https:// address, not {url!r}")
    if _URL_CHARS.fullmatch(url) is None or re.search(r"%(?![0-9A-Fa-f]{2})", url):
        raise refuse("holds characters an address may not (RFC 3986), or a % not "
                             "followed by two hex digits")
    if "@" in parts.netloc:
        raise refuse("must not hold a user name or password (it hides the real "
                             f"host: {parts.netloc.rpartition('@')[2]!r})")
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0 or parts.netloc.endswith(":"):
        raise refuse("has a port that is not a number from 1 to 65535")
    host = parts.hostname or ""
    labels = host.split(".")
    if len(host) > 253 or len(labels) < 2 or not all(_LABEL.fullmatch(x) for x in labels) \
            or not re.fullmatch(r"[a-z]{2,63}|xn--[a-z0-9-]+", labels[-1]):
        raise refuse("needs a plain host name such as bij1.org (letters, digits, "
                             "hyphens, a dot; no IP address)")
    if labels[-1] in ("localhost", "local", "internal", "test", "invalid", "example"):
        raise refuse(f"names no host on the internet (.{labels[-1]} is reserved: RFC 6761, "
                     "6762; browsers send any *.localhost to the reader's own machine)")
    for label in labels:
        if label.startswith("xn--"):
            try:
                label.encode("ascii").decode("idna")
            except UnicodeError as exc:
                raise refuse(f"has a host label that is not valid IDNA: {label!r}") from exc
    return url


def qr_svg(url: str) -> str:
    """The QR code of ``url`` as inline SVG (segno; no network, no image file)."""
    try:
        import segno
    except ImportError as exc:
        raise LeafletError("the QR code needs the segno package, which bij1code depends on; "
                           "install it: python -m pip install segno") from exc

    try:
        code = segno.make(url, error="m", micro=False, version=None)
    except segno.DataOverflowError as exc:
        raise LeafletError(f"--url is too long for a QR code ({len(url)} characters)") from exc
    if int(code.version) > 10:
        raise LeafletError(f"--url is too long for a QR code that scans at print size "
                           f"({len(url)} characters)")
    svg: str = code.svg_inline(omitsize=True, svgclass="leaflet-qr", lineclass=None,
                               title=None)
    # The address is printed next to it: for a screen reader the picture adds nothing.
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def shown_address(href: str) -> str:
    """An address as printed for a reader to type: without ``https://``, ``mailto:`` or a
    final ``/``.

    >>> shown_address("https://bij1.org/vertrouwenspersonen/")
    'bij1.org/vertrouwenspersonen'
    """
    for prefix in ("https://", "http://", "mailto:"):
        if href.lower().startswith(prefix):
            href = href[len(prefix):]
            break
    return href.rstrip("/") if href.count("/") > 1 or href.endswith("/") else href


_LINK = re.compile(r'<a href="((?:https?://|mailto:)[^"]*)"[^>]*>(.*?)</a>', re.S)


def print_addresses(code: str) -> str:
    """The code's links with their address written after the text, so that paper keeps
    where they go: ``de landelijke vertrouwenspersonen (bij1.org/vertrouwenspersonen)``.
    A link whose text is its address (an e-mail address) stays as it is.

    >>> out = print_addresses('<a href="https://bij1.org/x/">de x</a>, '
    ...                       '<a href="mailto:a@b.nl">a@b.nl</a>')
    >>> re.sub("<[^>]*>", "", out)
    'de x (bij1.org/x), a@b.nl'
    """
    def add(link: re.Match[str]) -> str:
        address = shown_address(html.unescape(link.group(1)))
        if address.lower() in html.unescape(re.sub(r"<[^>]*>", "", link.group(2))).lower():
            return link.group(0)
        shown = (f'<span class="leaflet-nobreak">{html.escape(address, quote=False)}</span>'
                 if len(address) <= 40 else _breakable(address))  # a short one: whole
        return (f'{link.group(0)} <span class="leaflet-address">(<span dir="ltr">'
                f"{shown}</span>)</span>")

    return _LINK.sub(add, code)


def _breakable(address: str) -> str:
    """``address`` escaped, with a line-break opportunity after each ``/``, ``?`` and ``&``
    and nowhere else (not at a hyphen): each piece between them is kept whole, unless it
    is too long for a line (over 40 characters), which then breaks where it must.

    >>> _breakable("https://bij1.org/gedrags-code/?a=1&b=2")
    '<span class="leaflet-nobreak">https://bij1.org/</span><wbr><span \
class="leaflet-nobreak">gedrags-code/</span><wbr><span class="leaflet-nobreak">?</span><wbr>\
<span class="leaflet-nobreak">a=1&amp;</span><wbr><span class="leaflet-nobreak">b=2</span>'
    """
    pieces = re.split(r"(?<=[/?&])(?<!://)(?!/)", address)
    return "<wbr>".join(f'<span class="leaflet-nobreak">{html.escape(piece, quote=False)}'
                        "</span>" if len(piece) <= 40 else html.escape(piece, quote=False)
                        for piece in pieces if piece)


def page(renderer: Renderer, lang: str, url: str | None, parts: Sequence[str] = PARTS,
         numbered: bool = False, preview: bool = False, copy: int = 1) -> str:
    """One language's page of the leaflet (``copy``: its place in the document, which keeps
    the rule ids unique, see :mod:`.anchors`)."""
    direction = languages.direction(lang)
    code = renderer.render(lang, parts, 2, "html", preview=preview, numbered=numbered,
                           copy=copy)
    out = [f'<article class="leaflet-page" lang="{html_lang(lang)}" dir="{direction}">',
           '<header class="leaflet-head">',
           f'<h1>{"<bdi>BIJ1</bdi>" if direction == "rtl" else "BIJ1"}</h1>',
           f'<span class="leaflet-language">{html.escape(languages.name(lang))}</span>',
           "</header>"]
    if url:
        href = html.escape(url, quote=True)
        out += ['<aside class="leaflet-online">', qr_svg(url), "</aside>",
                f'<p class="leaflet-url"><a href="{href}" dir="ltr">{_breakable(url)}</a></p>']
    out += [print_addresses(code), "</article>"]
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
    return (f'<!DOCTYPE html>\n<html lang="{html_lang(first)}" '
            f'dir="{languages.direction(first)}">\n'
            f'<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{pages}\n</main>\n"
            "</body>\n</html>\n")
