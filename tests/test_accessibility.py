"""Accessibility by test: axe-core (WCAG 2.1 A and AA) on every demo page, in a real Chromium.

axe-core comes bundled with the ``axe-playwright-python`` package (nothing is downloaded at run
time); Playwright drives the system Chromium, as tests/test_browser.py does. The demo site is
built twice, as it ships and with ``BIJ1CODE_NUMBERED = True`` (rule names as links), and the
printable leaflet is checked too. Skipped without Playwright, axe or Chromium, except under
CI (``CI`` set), where that is a failure.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import run_cli

IN_CI = bool(os.environ.get("CI"))
try:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    if IN_CI:
        raise
    pytest.skip("the accessibility tests need playwright and axe-playwright-python "
                "(the test extras)", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
WCAG21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
             "resultTypes": ["violations"]}
#: The published languages' demo pages (the acceptance list: each must be built and checked).
PAGES = {"nl": "pages/gedragscode.html", "en": "pages/gedragscode-en.html",
         "tr": "pages/gedragscode-tr.html", "pl": "pages/gedragscode-pl.html",
         "ar": "pages/gedragscode-ar.html"}

#: Site settings for pages opened from disk: the theme's CSS by relative links, no network.
OFFLINE: dict[str, Any] = {"SITEURL": "", "RELATIVE_URLS": True, "FEED_ALL_ATOM": None}


def _chromium() -> str | None:
    for candidate in (os.environ.get("BIJ1CODE_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), "/usr/bin/chromium"):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


CHROMIUM = _chromium()
if CHROMIUM is None and not IN_CI:
    pytest.skip("no Chromium found; install Debian's chromium", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.fail("CI is set but no Chromium was found (install Debian's chromium)")
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS,
                                      timeout=30_000)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def build_demo(out: Path, *extra: str) -> Path:
    proc = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(out),
         *extra], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"pelican failed:\n{proc.stdout}\n{proc.stderr}"
    return out


@pytest.fixture(scope="module", params=["as shipped", "numbered"])
def demo(request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """A build of the demo, and the pages to check: every page as shipped; numbered, the
    pages that carry the code (the rest do not change)."""
    numbered = request.param == "numbered"
    out = build_demo(tmp_path_factory.mktemp("a11y-site"),
                     *(["-e", "BIJ1CODE_NUMBERED=true"] if numbered else []))
    files = sorted(out.rglob("*.html"))
    if numbered:
        files = [f for f in files if 'id="gedragscode-samen' in f.read_text(encoding="utf-8")]
        assert len(files) >= len(PAGES) + 1  # every language's page and the article
        assert all('class="gedragscode-anchor"' in f.read_text(encoding="utf-8")
                   for f in files)
    return out, files


def violations(axe: Axe, page: Any) -> list[str]:
    found = axe.run(page, options=WCAG21_AA).response["violations"]
    return [f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary']}"
            for v in found for node in v["nodes"]]


def test_every_demo_page_has_no_wcag21_aa_violation(demo: tuple[Path, list[Path]],
                                                    browser: Any, axe: Axe) -> None:
    site, files = demo
    names = {str(f.relative_to(site)) for f in files}
    assert set(PAGES.values()) <= names and "welkom.html" in names
    page = browser.new_page()
    problems: dict[str, list[str]] = {}
    try:
        for file in files:
            page.goto(file.as_uri(), wait_until="load")
            found = violations(axe, page)
            # and heading order, a best-practice rule (asked for by name): h1 then h3
            # skips a level for a screen reader's outline
            order = axe.run(page, options={"runOnly": {"type": "rule",
                                                       "values": ["heading-order"]}})
            found += [f"heading-order: {node['target']}"
                      for v in order.response["violations"] for node in v["nodes"]]
            if found:
                problems[str(file.relative_to(site))] = found
    finally:
        page.close()
    assert problems == {}
    # the check looked at the code: every language's page carries it
    assert all("gedragscode-wij-1" in (site / path).read_text(encoding="utf-8")
               for path in PAGES.values())


def test_axe_sees_what_it_should(browser: Any, axe: Axe, tmp_path: Path) -> None:
    """The sanity check of the check: a faint link, a wrong lang and an empty link fail."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="xx-nonsense"><head><title>t</title></head>'
                   '<body><main><p style="color:#bbb">faint</p><a href="#x"></a></main>'
                   "</body></html>", encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(bad.as_uri())
        found = " ".join(violations(axe, page))
    finally:
        page.close()
    assert "color-contrast" in found and "html-lang-valid" in found and "link-name" in found


def test_the_printable_leaflet_has_no_wcag21_aa_violation(browser: Any, axe: Axe,
                                                          tmp_path: Path) -> None:
    proc = run_cli("render", *PAGES, "--standalone", "--numbered", "--url",
                   "https://bij1.org/gedragscode/")
    assert proc.returncode == 0, proc.stderr
    path = tmp_path / "leaflet.html"
    path.write_text(proc.stdout, encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(path.as_uri())
        assert violations(axe, page) == []
    finally:
        page.close()


_SELECTOR = ", ".join(f"{scope} h{n}" for scope in ("#content", "section.gedragscode")
                      for n in range(1, 7))
HEADINGS = ("() => [...document.querySelectorAll('" + _SELECTOR + "')]"
            ".map(h => [Number(h.tagName[1]), !!h.closest('section.gedragscode')])")


def test_headings_stay_in_order_under_every_level(browser: Any, axe: Axe,
                                                  build_site: Any) -> None:
    # A page whose own headings go down to level-1, then the code at `level`.
    files = {}
    for level in range(1, 7):
        above = "\n\n".join(f"{'#' * n} Kop {n}\n\nTekst." for n in range(2, level))
        files[f"pages/l{level}.md"] = (f"Title: Niveau {level}\nSlug: l{level}\n\n{above}\n\n"
                                       f"[gedragscode niveau={level}]\n\nNa de code.\n")
    site = build_site(files, **OFFLINE)
    page = browser.new_page()
    try:
        for level in range(1, 7):
            page.goto((site.output / f"pages/l{level}.html").as_uri())
            headings = page.evaluate(HEADINGS)
            code = [n for n, inside in headings if inside]
            assert code[0] == level and min(code) == level, (level, code)
            numbers = [n for n, _ in headings]
            for before, after in itertools.pairwise(numbers):
                assert after <= before + 1, f"level={level}: h{before} then h{after}"
            # axe's own judgement (a best-practice rule, so asked for by name)
            order = axe.run(page, options={"runOnly": {"type": "rule",
                                                       "values": ["heading-order"]}})
            assert order.response["violations"] == [], level
    finally:
        page.close()


# Every run of Latin letters in the Arabic code, and whether it is isolated left to right.
LATIN_RUNS = r"""root => {
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.textContent.matchAll(/[A-Za-z][A-Za-z0-9@._\-]*/g)) {
            const el = node.parentElement;
            const isolated = el.closest('bdi, [dir="ltr"]') !== null
                && getComputedStyle(el).direction === 'ltr';
            out.push([m[0], isolated, el.closest('[lang]').lang]);
        }
    }
    return out;
}"""


@pytest.mark.parametrize("numbered", [False, True])
def test_latin_runs_in_arabic_are_isolated_and_lang_is_right(browser: Any, build_site: Any,
                                                             numbered: bool) -> None:
    site = build_site({"pages/ar.md": "Title: ar\nSlug: code\nLang: ar\n\n[gedragscode]\n",
                       "pages/nl.md": "Title: Gedrags<em>code</em>\nSlug: code\nLang: nl\n\n"
                                      "[gedragscode]\n"},
                      BIJ1CODE_LOCALES_DIR=str(ROOT / "locales"), BIJ1CODE_NUMBERED=numbered,
                      **OFFLINE)
    page = browser.new_page()
    try:
        page.goto((site.output / "pages/code-ar.html").as_uri())
        runs = page.locator("section.gedragscode").evaluate(LATIN_RUNS)
    finally:
        page.close()
    assert len(runs) >= 5  # BIJ1, BIJ1komsten, the address, ...
    assert [r for r in runs if not r[1]] == []
    # names and addresses are not Dutch text; the Dutch page's title in the notice is
    assert {r[0]: r[2] for r in runs if r[2] != "ar"} == {"Gedragscode": "nl"}


def test_a_translations_notice_links_the_dutch_page_in_dutch(demo: tuple[Path, list[Path]],
                                                             browser: Any) -> None:
    site, _ = demo
    soup_of = {lang: BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
               for lang, path in PAGES.items()}
    assert soup_of["nl"].select(".gedragscode-notice") == []
    for lang, soup in soup_of.items():
        if lang == "nl":
            continue
        links = soup.select(".gedragscode-notice a")
        assert len(links) == 1, lang
        link = links[0]
        assert link["class"] == ["gedragscode-original"]
        assert (link["lang"], link["hreflang"], link["dir"]) == ("nl", "nl", "ltr")
        assert link.get_text() == "Gedragscode"  # the Dutch page's title
        assert (site / PAGES[lang]).parent.joinpath(link["href"]).resolve() == \
            (site / PAGES["nl"]).resolve()
    page = browser.new_page()
    try:
        page.goto((site / PAGES["tr"]).as_uri())
        page.locator("a.gedragscode-original").click()
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "nl"
        assert page.locator("section.gedragscode").get_attribute("lang") == "nl"
    finally:
        page.close()


def test_the_dutch_link_only_where_there_is_a_dutch_page(build_site: Any) -> None:
    files = {
        # a Dutch page showing the English code: it is the Dutch page itself, no link
        "pages/nl.md": "Title: NL\nSlug: nl\nLang: nl\n\n[gedragscode lang=en]\n",
        # an English page with no Dutch version: nothing to link
        "pages/en.md": "Title: EN\nSlug: en\nLang: en\n\n[gedragscode]\n",
    }
    site = build_site(files, **OFFLINE)
    assert "gedragscode-notice" in site.read("pages/nl.html")
    assert "gedragscode-original" not in site.read("pages/nl.html")
    assert "gedragscode-original" not in site.read("pages/en-en.html")


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_the_dutch_link_once_with_caching(build_site: Any, tmp_path: Path,
                                          layer: str) -> None:
    files = {"pages/nl.md": "Title: Code\nSlug: code\nLang: nl\n\n[gedragscode]\n",
             "pages/en.md": "Title: Code\nSlug: code\nLang: en\n\n[gedragscode] "
                            "and [gedragscode part=ik]\n"}
    root = tmp_path / "cached"
    cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CONTENT_CACHING_LAYER": layer,
             "CACHE_PATH": str(tmp_path / "cache")}
    for _ in range(3):
        site = build_site(files, root=root, **cache, **OFFLINE)
        en = BeautifulSoup(site.read("pages/code-en.html"), "html.parser")
        assert [len(n.select("a.gedragscode-original"))
                for n in en.select(".gedragscode-notice")] == [1, 1]


def test_a_rule_link_lands_on_the_same_rule_in_every_language(browser: Any,
                                                              build_site: Any) -> None:
    files = {f"pages/{p.name}": p.read_text(encoding="utf-8")
             for p in (ROOT / "content" / "pages").glob("gedragscode-*.md")}
    site = build_site(files, BIJ1CODE_LOCALES_DIR=str(ROOT / "locales"),
                      BIJ1CODE_NUMBERED=True, **OFFLINE)
    page = browser.new_page(viewport={"width": 800, "height": 600})
    try:
        landed = {}
        for lang, path in PAGES.items():
            page.goto((site.output / path).as_uri() + "#gedragscode-wij-7")
            target = page.locator(":target")
            assert target.count() == 1, lang
            box = target.bounding_box()
            assert box is not None and 0 <= box["y"] < 600, (lang, box)  # scrolled to it
            landed[lang] = target.evaluate(
                "el => [el.tagName, [...el.parentElement.children].indexOf(el),"
                " el.closest('[data-part]').dataset.part, el.closest('[lang]').lang]")
            # the visible rule name is a link to the rule itself: following it stays put
            anchor = target.locator("a.gedragscode-anchor")
            assert anchor.inner_text() == "wij-7"
            anchor.click()
            assert page.url.endswith("#gedragscode-wij-7")
            assert page.locator(":target").evaluate("el => el.id") == "gedragscode-wij-7"
    finally:
        page.close()
    assert {lang: where[:3] for lang, where in landed.items()} == {
        lang: ["LI", 6, "wij"] for lang in PAGES}
    assert {lang: where[3] for lang, where in landed.items()} == {lang: lang for lang in PAGES}


def test_a_code_that_skips_a_heading_level_is_a_warning_naming_the_page(
        build_site: Any) -> None:
    files = {
        "pages/skip.md": "Title: Skip\nSlug: skip\n\n# Welkom\n\n[gedragscode niveau=3]\n",
        # the title's level is the theme's: a code before any heading is not judged
        "pages/top.md": "Title: Top\nSlug: top\n\n[gedragscode niveau=3]\n",
        "pages/deep.md": "Title: Deep\nSlug: deep\n\n## Kop\n\n[gedragscode niveau=4]\n",
        "pages/fine.md": ("Title: Fine\nSlug: fine\n\n## Kop\n\n### Sub\n\n"
                          "[gedragscode niveau=4]\n\n[gedragscode niveau=2]\n\n"
                          "    <h1>sample</h1>\n\n[gedragscode niveau=3]\n"),
        "pages/plain.md": "Title: Plain\nSlug: plain\n\n[gedragscode]\n",
    }
    site = build_site(files)
    warnings = [w for w in site.warnings if "headings should not skip" in w]
    assert len(warnings) == 2, site.warnings
    assert any("skip.md" in w and "level 3 comes after a heading of level 1" in w
               and "use level=2" in w for w in warnings)
    assert any("deep.md" in w and "level 4 comes after a heading of level 2" in w
               for w in warnings)


def test_the_demo_builds_without_a_heading_warning(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o",
         str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "headings should not skip" not in proc.stdout + proc.stderr
