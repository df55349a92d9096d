"""The demo site in a real headless Chromium.

Builds the demo site (content/ + pelicanconf.py) into a temporary folder, serves it with
``http.server`` on 127.0.0.1 (a free port, in a thread) and drives the system Chromium
through Playwright (``executable_path``; Playwright's own browser downloads are never used).

Needs the ``playwright`` Python package and a Chromium binary: ``/usr/bin/chromium``, a
``chromium`` / ``chromium-browser`` on PATH, or ``BIJ1CODE_CHROMIUM=/path/to/chrome``.
Without either the module is skipped, except under CI (``CI`` set), where that is a failure.

``BIJ1CODE_SCREENSHOT=/some/file.png`` also copies the screenshot of the Arabic page there.
"""

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

IN_CI = bool(os.environ.get("CI"))

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    if IN_CI:
        raise
    pytest.skip(
        "the browser tests need the 'playwright' Python package (the test extras)",
        allow_module_level=True,
    )


def _find_chromium() -> str | None:
    candidates = [
        os.environ.get("BIJ1CODE_CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        "/usr/bin/chromium",
    ]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


CHROMIUM = _find_chromium()
if CHROMIUM is None and not IN_CI:
    pytest.skip(
        "no Chromium found (/usr/bin/chromium, chromium on PATH or BIJ1CODE_CHROMIUM); "
        "install Debian's chromium to run the browser tests",
        allow_module_level=True,
    )

ROOT = Path(__file__).resolve().parent.parent

# Chromium as root in a container: no sandbox, no GPU, and nothing that phones home (without
# the networking flags it stalls here). Playwright adds --headless and its own fresh profile.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PAGES = {
    "nl": "pages/gedragscode.html",
    "en": "pages/gedragscode-en.html",
    "tr": "pages/gedragscode-tr.html",
    "pl": "pages/gedragscode-pl.html",
    "ar": "pages/gedragscode-ar.html",
}
RTL = {"ar"}
PARTS = ("wij", "ik", "samen")
CODE_LINKS = {
    "https://bij1.org/gedragscode/",
    "https://bij1.org/vertrouwenspersonen/",
    "mailto:bestuur@bij1.org",
}
SECTION = "section.gedragscode"


# ---------------------------------------------------------------------------------------------
# fixtures: the built site, the server, the browser


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser-site")
    proc = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, f"pelican failed:\n{proc.stdout}\n{proc.stderr}"
    for path in PAGES.values():
        assert (out / path).is_file(), f"the build made no {path}"
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def base_url(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if CHROMIUM is None:
        pytest.fail("CI is set but no Chromium was found (install Debian's chromium)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900},
            timeout=30_000,
        )
        context.set_default_timeout(10_000)
        try:
            yield context
        finally:
            context.close()


class Visit:
    """A page opened in the browser, with everything that went wrong while it loaded."""

    def __init__(self, context, url):
        self.page = context.new_page()
        self.errors = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        self.page.on(
            "requestfailed",
            lambda req: self.errors.append(f"request failed: {req.url} {req.failure}"),
        )
        self.page.on(
            "response",
            lambda resp: (
                self.errors.append(f"HTTP {resp.status}: {resp.url}")
                if resp.status >= 400
                else None
            ),
        )
        self.response = self.page.goto(url, wait_until="load")

    def _on_console(self, msg):
        if msg.type != "error":
            return
        # Chromium asks every new origin for /favicon.ico by itself; the theme links no icon,
        # so that 404 is the browser's, not the page's.
        if urlsplit(msg.location.get("url", "")).path == "/favicon.ico":
            return
        self.errors.append(f"console {msg.type}: {msg.text} ({msg.location.get('url')})")

    def section(self):
        return self.page.locator(SECTION)


@pytest.fixture(scope="module")
def visits(browser, base_url):
    opened = {lang: Visit(browser, base_url + path) for lang, path in PAGES.items()}
    yield opened
    for visit in opened.values():
        visit.page.close()


# ---------------------------------------------------------------------------------------------
# every language


@pytest.mark.parametrize("lang", PAGES)
def test_page_loads_without_console_errors(visits, lang):
    visit = visits[lang]
    assert visit.response is not None and visit.response.status == 200
    visit.page.wait_for_load_state("networkidle")
    assert visit.errors == [], f"{PAGES[lang]}: {visit.errors}"


@pytest.mark.parametrize("lang", PAGES)
def test_section_is_visible_with_lang_and_dir(visits, lang):
    section = visits[lang].section()
    assert section.count() == 1, f"{PAGES[lang]}: expected one {SECTION}"
    assert section.is_visible()
    box = section.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0
    assert section.evaluate("el => getComputedStyle(el).display") != "none"
    assert section.get_attribute("lang") == lang
    expected_dir = "rtl" if lang in RTL else "ltr"
    assert section.get_attribute("dir") == expected_dir
    assert section.evaluate("el => getComputedStyle(el).direction") == expected_dir


@pytest.mark.parametrize("lang", PAGES)
def test_parts_and_heading_levels(visits, lang):
    page = visits[lang].page
    order = page.eval_on_selector_all(
        f"{SECTION} [data-part]", "els => els.map(el => el.dataset.part)"
    )
    assert order == list(PARTS)
    for part in PARTS:
        locator = page.locator(f"{SECTION} [data-part={part}]")
        assert locator.count() == 1
        assert locator.is_visible()
        headings = locator.evaluate(
            "el => [...el.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => h.tagName)"
        )
        assert headings, f"{lang}/{part}: no heading"
        assert headings[0] == "H2", f"{lang}/{part}: the part's title is {headings[0]}"
        assert set(headings) <= {"H2", "H3"}, f"{lang}/{part}: {headings}"


@pytest.mark.parametrize("lang", PAGES)
def test_code_links_are_exactly_the_three(visits, lang):
    page = visits[lang].page
    # the notice's link to the Dutch page (tests/test_accessibility.py) aside
    links = f"{SECTION} a[href]:not(.gedragscode-original)"
    hrefs = page.eval_on_selector_all(links, "els => els.map(a => a.getAttribute('href'))")
    assert set(hrefs) == CODE_LINKS, f"{lang}: {hrefs}"
    resolved = page.eval_on_selector_all(links, "els => els.map(a => a.href)")
    assert set(resolved) == CODE_LINKS
    for href in CODE_LINKS:
        assert page.locator(f'{SECTION} a[href="{href}"]').first.is_visible()


@pytest.mark.parametrize("lang", PAGES)
def test_translation_links_resolve(visits, browser, lang):
    page = visits[lang].page
    links = page.eval_on_selector_all(
        "#content a[hreflang], head link[rel=alternate][hreflang]",
        "els => els.map(a => [a.getAttribute('hreflang'), a.getAttribute('href')])",
    )
    by_lang = {}
    for hreflang, href in links:
        by_lang.setdefault(hreflang, set()).add(urljoin(page.url, href))
    assert set(by_lang) == set(PAGES) - {lang}, f"{lang}: translations {sorted(by_lang)}"
    for hreflang, urls in by_lang.items():
        assert len(urls) == 1, f"{lang}: {hreflang} links disagree: {urls}"
        visit = Visit(browser, urls.pop())
        try:
            assert visit.response is not None and visit.response.status == 200
            assert visit.section().get_attribute("lang") == hreflang
            assert visit.page.locator("html").get_attribute("lang") == hreflang
            assert visit.errors == []
        finally:
            visit.page.close()


def test_clicking_a_translation_link(browser, base_url):
    visit = Visit(browser, base_url + PAGES["nl"])
    try:
        page = visit.page
        with page.expect_navigation() as navigation:
            page.locator("#content a[hreflang=ar]").click()
        assert navigation.value is not None and navigation.value.status == 200
        assert page.url == base_url + PAGES["ar"]
        assert page.locator(SECTION).get_attribute("lang") == "ar"
        assert page.locator(SECTION).get_attribute("dir") == "rtl"
        with page.expect_navigation() as navigation:
            page.locator("#content a[hreflang=en]").click()
        assert navigation.value is not None and navigation.value.status == 200
        assert page.locator(SECTION).get_attribute("lang") == "en"
        assert visit.errors == []
    finally:
        visit.page.close()


# ---------------------------------------------------------------------------------------------
# Arabic: right to left

# Where the last line of the first list item's text sits, against the item's content box.
LINE_GEOMETRY = """el => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
    const right = box.right - parseFloat(style.paddingRight)
        - parseFloat(style.borderRightWidth);
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter(r => r.width > 0);
    const bottom = Math.max(...rects.map(r => r.bottom));
    const line = rects.filter(r => Math.abs(r.bottom - bottom) < 4);
    return {
        left, right,
        lineLeft: Math.min(...line.map(r => r.left)),
        lineRight: Math.max(...line.map(r => r.right)),
        lines: new Set(rects.map(r => Math.round(r.bottom))).size,
        direction: style.direction,
        textAlign: style.textAlign,
    };
}"""

FIRST_ITEM = f"{SECTION} [data-part=wij] li"


def test_arabic_first_list_item_is_right_aligned(visits):
    ar = visits["ar"].page.locator(FIRST_ITEM).first.evaluate(LINE_GEOMETRY)
    nl = visits["nl"].page.locator(FIRST_ITEM).first.evaluate(LINE_GEOMETRY)
    assert ar["direction"] == "rtl"
    assert nl["direction"] == "ltr"
    # An LTR line starts at the left edge of its item: the sanity check of the measurement.
    assert abs(nl["lineLeft"] - nl["left"]) <= 3, nl
    # An RTL line starts at the right edge; a short last line leaves room at the left.
    assert abs(ar["right"] - ar["lineRight"]) <= 3, (
        "the Arabic text is not right-aligned: its last line ends "
        f"{ar['right'] - ar['lineRight']:.0f}px short of the item's right edge "
        f"(computed text-align: {ar['textAlign']!r}); {ar}"
    )
    assert ar["lineLeft"] - ar["left"] > 3, ar
    # ... further right, relative to its list, than the same line in an LTR page.
    assert ar["right"] - ar["lineRight"] < nl["right"] - nl["lineRight"], (ar, nl)


def test_arabic_latin_run_in_bdi_is_left_to_right(visits):
    page = visits["ar"].page
    bdi = page.locator(f"{SECTION} bdi", has_text="bestuur@bij1.org")
    assert bdi.count() == 1, "the e-mail address is not isolated in a <bdi>"
    result = bdi.evaluate(
        """el => {
            const text = el.firstChild;
            const range = document.createRange();
            range.setStart(text, 0); range.setEnd(text, 1);
            const first = range.getBoundingClientRect();
            range.setStart(text, text.length - 1); range.setEnd(text, text.length);
            const last = range.getBoundingClientRect();
            return {
                text: text.textContent,
                direction: getComputedStyle(el).direction,
                outer: getComputedStyle(el.parentElement).direction,
                first: first.left, last: last.left,
            };
        }"""
    )
    assert result["text"] == "bestuur@bij1.org"
    assert result["outer"] == "rtl"
    assert result["direction"] == "ltr"
    # Rendered left to right: the 'b' it starts with is drawn left of the 'g' it ends with.
    assert result["first"] < result["last"], result


def test_arabic_screenshot(visits, tmp_path_factory):
    target = tmp_path_factory.mktemp("screenshots") / "gedragscode-ar.png"
    visits["ar"].page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000
    print(f"screenshot of the Arabic page: {target}")
    copy = os.environ.get("BIJ1CODE_SCREENSHOT")
    if copy:
        shutil.copyfile(target, copy)


# ---------------------------------------------------------------------------------------------
# the article: one part, at level 3


def test_article_part_at_level_three(browser, base_url):
    visit = Visit(browser, base_url + "welkom.html")
    try:
        page = visit.page
        assert visit.response is not None and visit.response.status == 200
        section = page.locator(SECTION)
        assert section.count() == 1 and section.is_visible()
        assert section.get_attribute("lang") == "nl"
        parts = page.eval_on_selector_all(
            f"{SECTION} [data-part]", "els => els.map(el => el.dataset.part)"
        )
        assert parts == ["samen"]
        headings = section.evaluate(
            "el => [...el.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => h.tagName)"
        )
        assert headings[0] == "H3" and set(headings) <= {"H3", "H4"}, headings
        assert page.locator("code", has_text="[gedragscode lang=en]").count() == 1
        assert visit.errors == []
    finally:
        visit.page.close()
