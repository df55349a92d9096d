"""The README's theme CSS note, in headless Chromium: with a theme that left-aligns the body
and every heading (notmyidea, Elegant), the README's rule makes Arabic align right again."""

from __future__ import annotations

import re
from pathlib import Path

from pelican_bij1code.catalogue import Locales, shipped_locales_dir
from pelican_bij1code.render import Renderer, parse_parts

ROOT = Path(__file__).resolve().parent.parent
#: Elegant's and notmyidea's rules that break right-to-left text.
THEME = "body { text-align: left; } h1, h2, h3, h4, h5, h6 { text-align: left; }"

MEASURE = """() => [...document.querySelectorAll('.gedragscode :is(h2, h3, li)')].map(el => {
  const range = document.createRange();
  range.selectNodeContents(el);
  const text = range.getBoundingClientRect();
  const box = el.getBoundingClientRect();
  return {tag: el.tagName, gapRight: box.right - text.right, gapLeft: text.left - box.left};
})"""


def readme_rule() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```css\n(.*?)```", readme, re.S)
    assert match, "the README has no CSS rule for themes"
    return match.group(1)


def test_readme_rule_aligns_arabic_headings_right() -> None:
    import test_browser  # skips this test without playwright or Chromium
    from playwright.sync_api import sync_playwright

    code = Renderer(Locales(shipped_locales_dir())).html("ar", parse_parts(None), 2)
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=test_browser.CHROMIUM,
                                             args=test_browser.CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            for name, css in (("theme", THEME), ("fixed", THEME + "\n" + readme_rule())):
                page.set_content(f"<!doctype html><html lang=nl><head><meta charset=utf-8>"
                                 f"<style>{css}</style></head><body>{code}</body></html>")
                results[name] = page.evaluate(MEASURE)
        finally:
            browser.close()
    headings = [r for r in results["fixed"] if r["tag"] in ("H2", "H3")]
    assert len(headings) >= 3
    for result in results["fixed"]:
        assert result["gapRight"] <= 3 and result["gapLeft"] > 3, result
    # without the rule the theme wins: the same headings hug the left edge
    broken = [r for r in results["theme"] if r["tag"] in ("H2", "H3")]
    assert all(r["gapLeft"] <= 3 and r["gapRight"] > 3 for r in broken), broken
