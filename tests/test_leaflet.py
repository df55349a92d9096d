"""The code on paper: `bij1code render LANG... --standalone`, printed by a real Chromium.

The document is printed to PDF with headless Chromium (``--print-to-pdf``) and read back with
poppler's ``pdftotext``: one A4 page per language, each holding its own language's text; zbar
(``zbarimg``) reads each page's QR code back. Needs Chromium, poppler-utils and zbar-tools;
skipped without them, except under CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import require_tool, run_cli

from pelican_bij1code import languages
from pelican_bij1code.catalogue import PUBLISHED as PUBLISHED_STATUS
from pelican_bij1code.catalogue import Locales
from pelican_bij1code.render import Renderer

_SHIPPED = Locales(Path(__file__).resolve().parent.parent / "locales")
#: Every published language (read from locales/status.toml), Dutch first.
PUBLISHED = ["nl", *(lang for lang in _SHIPPED.languages()
                     if lang != "nl" and _SHIPPED.status(lang) == PUBLISHED_STATUS)]
URL = "https://bij1.org/gedragscode/?taal=alle&van=poster"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
A4 = (595, 842)  # points


def chromium() -> str:
    for candidate in (os.environ.get("BIJ1CODE_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), "/usr/bin/chromium"):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return require_tool("chromium")


def leaflet(locales: Path, *args: str) -> str:
    proc = run_cli("--locales", str(locales), "render", *args, "--standalone")
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def print_pdf(html: str, folder: Path) -> Path:
    """Print ``html`` as Chromium does for a user who presses Print (no header or footer)."""
    source = folder / "leaflet.html"
    source.write_text(html, encoding="utf-8")
    pdf = folder / "leaflet.pdf"
    proc = subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={folder / 'profile'}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", source.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert pdf.is_file() and pdf.stat().st_size > 1000, proc.stderr[-2000:]
    return pdf


def pdf_pages(pdf: Path) -> list[tuple[float, float]]:
    out = subprocess.run([require_tool("pdfinfo"), "-f", "1", "-l", "999", str(pdf)],
                         capture_output=True, text=True, timeout=60).stdout
    return [(float(w), float(h)) for w, h in
            re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def page_text(pdf: Path, number: int, *options: str) -> str:
    return subprocess.run([require_tool("pdftotext"), *options, "-f", str(number), "-l",
                           str(number), str(pdf), "-"],
                          capture_output=True, text=True, timeout=60).stdout


def words(text: str) -> set[str]:
    """The words of a text, without marks and bidi controls (pdftotext adds the controls and
    may move an Arabic shadda to the letter before)."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) not in ("Mn", "Cf"))
    return {w.casefold() for w in re.findall(r"\w+", text) if len(w) > 1}


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(Locales(Path(__file__).resolve().parent.parent / "locales"))


def test_every_language_on_its_own_a4_page(locales: Path, tmp_path: Path,
                                           renderer: Renderer) -> None:
    require_tool("pdftotext")
    pdf = print_pdf(leaflet(locales, *PUBLISHED, "--url", URL, "--numbered"), tmp_path)
    sizes = pdf_pages(pdf)
    assert len(sizes) == len(PUBLISHED), f"{len(sizes)} pages for {len(PUBLISHED)} languages"
    for width, height in sizes:
        assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2, (width, height)
    expected = {lang: words(BeautifulSoup(renderer.html(lang), "html.parser").get_text(" "))
                for lang in PUBLISHED}
    for number, lang in enumerate(PUBLISHED, start=1):
        found = words(page_text(pdf, number))
        share = {other: len(expected[other] & found) / len(expected[other])
                 for other in PUBLISHED}
        # pdftotext reads Latin text back word for word; Arabic script loses a few words to
        # shaping
        rtl = languages.direction(lang) == "rtl"
        assert share[lang] >= (0.75 if rtl else 0.97), (lang, share[lang],
                                                         expected[lang] - found)
        assert max(share, key=lambda other: share[other]) == lang, share
        assert all(share[other] < 0.3 for other in PUBLISHED if other != lang), share
        # the address, wrapped under the QR code (-raw: in the order it was drawn, not
        # interleaved with the text beside it)
        assert URL in "".join(page_text(pdf, number, "-raw").split())


def test_one_language_is_one_page_and_the_notice_is_there(locales: Path,
                                                          tmp_path: Path) -> None:
    require_tool("pdftotext")
    pdf = print_pdf(leaflet(locales, "en"), tmp_path)
    assert len(pdf_pages(pdf)) == 1
    text = " ".join(page_text(pdf, 1).split())
    assert "Only the Dutch text of this code of conduct is binding." in text
    assert "WE ARE BIJ1" in text and "I AM BIJ1" in text


def test_the_document_asks_nothing_of_the_network(locales: Path) -> None:
    html = leaflet(locales, *PUBLISHED, "--url", URL)
    soup = BeautifulSoup(html, "html5lib")
    external = []
    for tag in soup.find_all(True):
        for name in ("src", "href", "srcset", "poster", "data", "action", "xlink:href"):
            value = tag.get(name)
            if value and re.match(r"\s*(https?:)?//", value) and not (
                    tag.name == "a" and name == "href"):
                external.append(f"<{tag.name} {name}={value}>")
    assert external == []
    # links are not requests; the only ones are the code's own and the QR's target
    hrefs = {a["href"] for a in soup.find_all("a")}
    assert hrefs == {URL, "https://bij1.org/gedragscode/", "mailto:bestuur@bij1.org",
                     "https://bij1.org/vertrouwenspersonen/"}
    assert not soup.find_all(["link", "script", "img", "iframe", "object", "embed", "base"])
    styles = " ".join(s.string or "" for s in soup.find_all("style"))
    styles += " ".join(t.get("style", "") for t in soup.find_all(True))
    assert "@import" not in styles and "url(" not in styles and "@font-face" not in styles
    assert "@page { size: A4" in styles
    # the QR code is inline SVG, one per page, next to its address
    assert len(soup.select("article.leaflet-page > aside svg path")) == len(PUBLISHED)


def test_the_document_loads_with_no_request_in_a_browser(locales: Path,
                                                         tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    path = tmp_path / "leaflet.html"
    path.write_text(leaflet(locales, "nl", "ar", "--url", URL), encoding="utf-8")
    requests: list[str] = []
    with playwright.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), headless=True,
                                     args=FLAGS[1:])
        try:
            page = browser.new_page()
            page.on("request", lambda request: requests.append(request.url))
            page.goto(path.as_uri(), wait_until="networkidle")
            # the fonts it uses are the system's: none was fetched
            assert page.evaluate("document.fonts.size") == 0
            langs = page.eval_on_selector_all(
                "article.leaflet-page", "els => els.map(e => [e.lang, getComputedStyle(e)"
                ".direction, getComputedStyle(e).breakAfter])")
        finally:
            browser.close()
    assert requests == [path.as_uri()]
    assert langs == [["nl", "ltr", "page"], ["ar", "rtl", "auto"]]


def test_pages_carry_their_language_and_the_binding_notice(locales: Path) -> None:
    soup = BeautifulSoup(leaflet(locales, "ar", "nl", "pl"), "html5lib")
    assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"
    pages = soup.select("article.leaflet-page")
    assert [(p["lang"], p["dir"]) for p in pages] == [("ar", "rtl"), ("nl", "ltr"),
                                                      ("pl", "ltr")]
    for page in pages:
        code = page.select_one("section.gedragscode")
        assert code["lang"] == page["lang"]
        assert (code.select_one(".gedragscode-notice") is None) == (page["lang"] == "nl")
    assert not soup.select("svg")  # no --url: no QR code


@pytest.mark.parametrize("args, message", [
    (["en", "--url", "javascript:alert(1)"], "--url must be an http:// or https:// address"),
    (["en", "--url", "bij1.org/gedragscode"], "--url must be an http:// or https:// address"),
    (["en", "--format", "md"], "--standalone makes an HTML document"),
    (["xx-not a tag"], "is not a language tag"),
])
def test_bad_requests_are_refused_with_a_message(locales: Path, args: list[str],
                                                 message: str) -> None:
    proc = run_cli("--locales", str(locales), "render", *args, "--standalone")
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_a_draft_is_never_printed_and_nothing_half_written(locales: Path) -> None:
    proc = run_cli("--locales", str(locales), "render", "nl", "pap", "--standalone")
    assert proc.returncode == 1
    assert "draft" in proc.stderr and proc.stdout == ""
    bare = run_cli("--locales", str(locales), "render", "en", "--url", URL)
    assert bare.returncode == 2 and "--url goes with --standalone" in bare.stderr


def test_markup_in_the_url_is_text_not_markup(locales: Path) -> None:
    url = "https://example.org/a?b='x'&lt=1&c=(2)"  # every character an address may hold
    soup = BeautifulSoup(leaflet(locales, "en", "--url", url), "html5lib")
    assert soup.select_one(".leaflet-url a")["href"] == url
    assert soup.select_one(".leaflet-url").get_text() == url
    refused = run_cli("--locales", str(locales), "render", "en", "--standalone", "--url",
                      'https://example.org/a?b="><script>alert(1)</script>')
    assert refused.returncode == 2 and "may not (RFC 3986)" in refused.stderr


def test_every_id_in_the_leaflet_is_unique(locales: Path) -> None:
    soup = BeautifulSoup(leaflet(locales, *PUBLISHED, "--numbered"), "html5lib")
    found = [el["id"] for el in soup.find_all(id=True)]
    assert len(found) == len(set(found)) == 20 * len(PUBLISHED)
    # each page's anchors point into that page
    for page in soup.select("article.leaflet-page"):
        own = {el["id"] for el in page.find_all(id=True)}
        assert {a["href"][1:] for a in page.select("a.gedragscode-anchor")} <= own


def test_a_url_too_long_for_a_qr_code_is_refused(locales: Path) -> None:
    for length in (201, 700, 3000):
        url = "https://example.org/" + "a" * (length - len("https://example.org/"))
        proc = run_cli("--locales", str(locales), "render", "en", "--standalone", "--url", url)
        assert proc.returncode == 2 and proc.stdout == ""
        assert f"too long: {length} characters, at most 200" in proc.stderr
        assert "Traceback" not in proc.stderr


#: The longest --url allowed, with long pieces between its slashes.
LONGEST = ("https://bij1.org/" + "/".join(["gedragscode-van-bij1"] * 10))[:200]


def test_the_longest_url_still_fits_and_breaks_only_after_a_slash(locales: Path,
                                                                  tmp_path: Path) -> None:
    """Every published language, numbered, with a 200-character --url and the links'
    addresses printed: still one A4 page each, at the default type size."""
    assert len(LONGEST) == 200
    pdf = print_pdf(leaflet(locales, *PUBLISHED, "--url", LONGEST, "--numbered"), tmp_path)
    assert len(pdf_pages(pdf)) == len(PUBLISHED)
    for number in range(1, len(PUBLISHED) + 1):
        raw = page_text(pdf, number, "-raw")
        assert LONGEST in "".join(raw.split())
        # the address is broken into lines only after a "/", never inside a word
        lines = [line.strip() for line in raw.splitlines() if "gedragscode-van" in line]
        assert len(lines) >= 2, lines
        assert all(line.endswith("/") for line in lines[:-1]), lines


def test_every_links_address_is_printed_on_every_page(locales: Path, tmp_path: Path) -> None:
    """On paper a link's target is lost unless its address is printed: pdftotext finds
    each of the code's addresses on each language's page."""
    pdf = print_pdf(leaflet(locales, *PUBLISHED), tmp_path)
    assert len(pdf_pages(pdf)) == len(PUBLISHED)
    for number, lang in enumerate(PUBLISHED, start=1):
        text = "".join(page_text(pdf, number, "-raw").split())
        for address in ("bij1.org/vertrouwenspersonen", "bij1.org/gedragscode",
                        "bestuur@bij1.org"):
            assert address in text, (lang, address)


@pytest.mark.parametrize("url, message", [
    ("https://bij1.org/\u202egedragscode", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("https://bij1.org/a\u200bb", "U+200B ZERO WIDTH SPACE"),
    ("https://bij1.org/\u00adx", "U+00AD SOFT HYPHEN"),
    ("https://bij1.org/\x7f", "U+007F"),
    ("https://bij1.org/a b", "U+0020 SPACE"),
    ("https://bij1.org:99999/", "port that is not a number from 1 to 65535"),
    ("https://bij1.org:abc/", "port that is not a number from 1 to 65535"),
    ("https://bij1.org:0/", "port that is not a number from 1 to 65535"),
    ("https://bij1.org@evil.example/", "user name or password (it hides the real host: "
                                       "'evil.example')"),
    ("https://b\u0456j1.org/", "must be plain ASCII"),  # a Cyrillic i
    ("https://xn--bj1-abc.org/", "not valid IDNA"),
    ("https://127.0.0.1/", "plain host name"),
    ("https://localhost/", "plain host name"),
    ("https://a.localhost/", "names no host on the internet"),  # the 63rd pass
    ("https://bij1.test/", "names no host on the internet"),
    ("https://bij1.org\\@evil.example/", "characters an address may not"),
    ("https://bij1.org/%zz", "a % not followed by two hex digits"),
    ("https:bij1.org/", "must be an http:// or https:// address"),
])
def test_a_deceptive_url_is_refused(locales: Path, url: str, message: str) -> None:
    proc = run_cli("--locales", str(locales), "render", "en", "--standalone", "--url", url)
    assert proc.returncode == 2 and proc.stdout == ""
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stderr.isascii()  # the refused address is shown escaped, never raw


@pytest.mark.parametrize("url", ["https://bij1.org/", "HTTP://bij1.org:8080/a?b=1&c=%C3%A9#d",
                                 "https://xn--bj1-7cd.org/"])
def test_a_plain_url_is_taken_as_given(locales: Path, url: str) -> None:
    soup = BeautifulSoup(leaflet(locales, "en", "--url", url), "html5lib")
    assert soup.select_one(".leaflet-url a")["href"] == url


def test_without_segno_a_clear_message_not_a_traceback(locales: Path) -> None:
    import sys

    code = ("import sys; sys.modules['segno'] = None; sys.argv[0] = 'bij1code'; "
            "from pelican_bij1code.cli import main; sys.exit(main())")
    proc = subprocess.run([sys.executable, "-c", code, "--locales", str(locales), "render",
                           "en", "--standalone", "--url", "https://bij1.org/"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "needs the segno package" in proc.stderr and "Traceback" not in proc.stderr


def test_segno_is_a_declared_dependency() -> None:
    import tomllib

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    dependencies = tomllib.loads(pyproject.read_text())["project"]["dependencies"]
    assert any(d.split(">")[0].split("=")[0].strip() == "segno" for d in dependencies)


def test_a_phone_reads_the_printed_qr_code(locales: Path, tmp_path: Path) -> None:
    """zbar (zbar-tools), the decoder many scanner apps use, reads each printed page."""
    zbarimg = require_tool("zbarimg")
    pdf = print_pdf(leaflet(locales, "nl", "ar", "--url", URL), tmp_path)
    subprocess.run([require_tool("pdftoppm"), "-r", "150", "-png", str(pdf),
                    str(tmp_path / "page")], check=True, timeout=120)
    pictures = sorted(tmp_path.glob("page-*.png"))
    assert len(pictures) == 2
    for picture in pictures:
        read = subprocess.run([zbarimg, "--raw", "-q", str(picture)], capture_output=True,
                              text=True, timeout=60)
        assert read.stdout.splitlines() == [URL], (picture.name, read.stdout, read.stderr)
