"""Differential corpus: real-world-shaped articles built by real Pelican twice, once with the
shortcode and once with the plain word ``gedragscode`` in its place.

``tests/splice_corpus/`` holds Markdown (``extra``, ``toc``, ``attr_list``, ``smarty``), reST
(contents, targets, admonitions, tables) and raw HTML (SVG, MathML, media, custom elements,
a div inside a p, th, address...) with ``@@`` wherever an author might put the shortcode.
The site is built with Typogrify on. Apart from the code itself, the two builds must have
the same html5lib parse errors, the same text, the same ids, the same summary in the feed, and
the same visible text in headless Chromium, where every code must also be visible.
Pelican's own test articles are added: copies with the shortcode at the end of every prose
line.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import html5lib
import pytest
from bs4 import BeautifulSoup

from pelican_bij1code.plugin import GedragscodeError  # noqa: F401  (the plugin imports)

CORPUS = Path(__file__).parent / "splice_corpus"
PELICAN_CONTENT = Path(__import__("pelican").__file__).parent / "tests" / "content"
SHORTCODE = "[gedragscode]"
WORD = "gedragscode"
MARKDOWN = {"extensions": ["markdown.extensions.extra", "markdown.extensions.toc",
                           "markdown.extensions.smarty", "markdown.extensions.attr_list"],
            "extension_configs": {"markdown.extensions.toc": {"permalink": True}},
            "output_format": "html5"}


def _with_slug(name: str, text: str, slug: str) -> str:
    if name.endswith(".html"):
        return text.replace("</head>", f'<meta name="slug" content="{slug}" /></head>', 1)
    if name.endswith(".rst"):
        title, rest = text.split("\n\n", 1)
        if not rest.startswith(":"):
            rest = "\n" + rest
        return f"{title}\n\n:slug: {slug}\n{rest}"
    head = text.split("\n\n", 1)[0].lower()
    title = "" if re.search(r"^title:", head, re.M) else f"Title: {slug}\n"
    return f"{title}Slug: {slug}\n{text}"


def _pelican_copies() -> dict[str, str]:
    """Pelican's own Markdown and reST test articles with ``@@`` ending each prose line."""
    copies = {}
    for path in sorted(PELICAN_CONTENT.glob("*")):
        if path.suffix not in (".md", ".rst") or any(
                word in path.name for word in ("skip", "draft", "template")):
            continue
        text = path.read_text(encoding="utf-8")
        head, sep, body = text.partition("\n\n")
        if not sep or not body.strip():
            continue
        lines = []
        fence = False
        for line in body.split("\n"):
            if line.strip().startswith(("```", "~~~")):
                fence = not fence
            prose = (line.strip() and not fence and not line.startswith((" ", "\t", ".."))
                     and not re.fullmatch(r"[=\-#~^*+`:|]+.*", line.strip())
                     and not line.rstrip().endswith("::") and ":" not in line[:1])
            lines.append(line + " @@" if prose else line)
        copies[f"pelican_{path.stem}{path.suffix}"] = head + "\n\n" + "\n".join(lines)
    return copies


def corpus() -> dict[str, str]:
    files = {path.name: path.read_text(encoding="utf-8")
             for path in sorted(CORPUS.iterdir())}
    files.update(_pelican_copies())
    return files


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One site holding every corpus article twice: ``<stem>-code`` and ``<stem>-word``."""
    import logging

    from pelican import Pelican
    from pelican.settings import read_settings

    root = tmp_path_factory.mktemp("corpus")
    content = root / "content"
    content.mkdir()
    slugs = {}
    for name, text in corpus().items():
        stem, suffix = name.rsplit(".", 1)
        for variant, replacement in (("code", SHORTCODE), ("word", WORD)):
            slug = re.sub(r"[^a-z0-9]+", "-", f"{stem}-{suffix}-{variant}".lower())
            body = _with_slug(name, text.replace("@@", replacement), slug)
            (content / f"{stem}-{variant}.{suffix}").write_text(body, encoding="utf-8")
            slugs[(name, variant)] = slug
    output = root / "output"
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep(logging.WARNING)
    logging.getLogger().addHandler(handler)
    try:
        Pelican(read_settings(path=None, override={
            "PATH": str(content), "OUTPUT_PATH": str(output),
            "PLUGINS": ["pelican_bij1code"], "SITEURL": "", "DEFAULT_LANG": "nl",
            "TIMEZONE": "UTC", "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
            "FEED_ALL_ATOM": None, "FEED_DOMAIN": "https://example.org",
            "FEED_ALL_RSS": "feeds/all.rss.xml", "RSS_FEED_SUMMARY_ONLY": True,
            "CATEGORY_FEED_ATOM": None, "TRANSLATION_FEED_ATOM": None,
            "AUTHOR_FEED_ATOM": None, "AUTHOR_FEED_RSS": None, "SUMMARY_MAX_LENGTH": None,
            "MARKDOWN": MARKDOWN, "ARTICLE_URL": "{slug}.html", "TYPOGRIFY": True,
            "ARTICLE_SAVE_AS": "{slug}.html", "READERS": {}, "DEFAULT_DATE": (2026, 1, 1),
        })).run()
    finally:
        logging.getLogger().removeHandler(handler)
    return {"output": output, "slugs": slugs, "records": records}


NAMES = sorted(corpus())


def _pair(built: dict[str, Any], name: str) -> tuple[str, str]:
    output: Path = built["output"]
    code = (output / f"{built['slugs'][(name, 'code')]}.html").read_text(encoding="utf-8")
    word = (output / f"{built['slugs'][(name, 'word')]}.html").read_text(encoding="utf-8")
    return code, word


def _errors(html: str) -> list[str]:
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    parser.parse(html)
    return sorted(code for _, code, _ in parser.errors)


def _entry(html: str) -> Any:
    soup = BeautifulSoup(html, "html5lib")
    entry = soup.select_one(".entry-content")
    assert entry is not None
    return entry


def _outside_code(html: str) -> tuple[str, list[str]]:
    entry = _entry(html)
    for section in entry.select("section.gedragscode"):
        section.decompose()
    text = entry.get_text().replace(SHORTCODE, "").replace(WORD, "")
    return " ".join(text.split()), [e["id"] for e in entry.find_all(id=True)]


def test_the_corpus_is_real() -> None:
    names = corpus()
    assert len([n for n in names if n.startswith("pelican_")]) >= 10
    assert sum(text.count("@@") for text in names.values()) > 60


@pytest.mark.parametrize("name", NAMES)
def test_same_page_apart_from_the_code(built: dict[str, Any], name: str) -> None:
    code, word = _pair(built, name)
    expected = CORPUS.joinpath(name).read_text(encoding="utf-8").count("@@") \
        if CORPUS.joinpath(name).exists() else None
    assert _errors(code) == _errors(word)
    assert _outside_code(code) == _outside_code(word)
    ids = _outside_code(code)[1]
    assert len(ids) == len(set(ids)), "duplicate ids"
    sections = _entry(code).select("section.gedragscode")
    assert sections or expected is None  # a copy of Pelican's may have no prose at all
    for section in sections:
        for parent in section.parents:
            assert parent.name not in {"p", "svg", "math", "th", "address", "a", "h2",
                                       "video", "object", "summary", "button", "span"}
    if expected is not None:
        # every @@ outside a literal and a table of contents gave a code
        assert 0 < len(sections) <= expected
    # raw text (scripts, styles, textareas) is the author's, byte for byte
    def raw(html: str) -> list[str]:
        return [element.get_text().replace(SHORTCODE, WORD)
                for element in _entry(html).find_all(["script", "style", "textarea"])]

    assert raw(code) == raw(word)
    # the code never sits inside a table of contents
    entry = _entry(code)
    for toc in entry.select("div.toc, div.contents, nav.contents"):
        assert not toc.select("section.gedragscode")


def _feed_summaries(built: dict[str, Any]) -> dict[str, str]:
    """The RSS feed's descriptions: Pelican's ``summary`` of each article."""
    feed = (built["output"] / "feeds" / "all.rss.xml").read_text(encoding="utf-8")
    summaries = {}
    for item in re.findall(r"<item>(.*?)</item>", feed, re.S):
        link = re.search(r"<link>(.*?)</link>", item, re.S)
        description = re.search(r"<description>(.*?)</description>", item, re.S)
        assert link is not None
        summaries[link.group(1).rsplit("/", 1)[-1].removesuffix(".html")] = \
            html.unescape(description.group(1)) if description else ""
    return summaries


@pytest.mark.parametrize("name", NAMES)
def test_same_summary_apart_from_the_code(built: dict[str, Any], name: str) -> None:
    summaries = _feed_summaries(built)
    if built["slugs"][(name, "word")] not in summaries:  # hidden: in no feed
        assert built["slugs"][(name, "code")] not in summaries
        return
    code = summaries[built["slugs"][(name, "code")]]
    word = summaries[built["slugs"][(name, "word")]]
    assert "gedragscode-part" not in code and "<section" not in code

    def shape(summary: str) -> tuple[str, int, bool]:
        soup = BeautifulSoup(summary, "html5lib")
        text = soup.get_text().replace(SHORTCODE, "").replace(WORD, "")
        return " ".join(text.split()), len(soup.find_all("p")), "contents" in summary

    assert shape(code) == shape(word)


def test_each_moved_code_is_reported(built: dict[str, Any]) -> None:
    messages = [r.getMessage() for r in built["records"]
                if r.name.startswith("pelican.plugins.bij1")]
    for element in ("svg", "math", "video", "object", "address", "th", "summary", "button"):
        assert any("raw_html-code" in m and f"inside <{element}>" in m for m in messages), \
            element


def test_malformed_shortcodes_and_titles_are_reported(built: dict[str, Any]) -> None:
    messages = [r.getMessage() for r in built["records"]
                if r.name.startswith("pelican.plugins.bij1")]
    mine = [m for m in messages if "md_second-code" in m]
    assert any("the title" in m and "never expanded" in m for m in mine)
    assert any("unbalanced quotes" in m for m in mine)
    assert any("[[ without ]]" in m for m in mine) and any("]] without [[" in m for m in mine)
    page, _ = _pair(built, "md_second.md")
    text = _entry(page).get_text()
    for kept in ('A [gedragscode lang="en]"] B', "C [[gedragscode part=ik] D",
                 "[gedragscode part=ik]]", "[gedragscode lang='en]"):
        assert kept in text.replace("\u201c", '"').replace("\u201d", '"')\
            .replace("\u2018", "'").replace("\u2019", "'"), kept


# -- the visible result in headless Chromium ---------------------------------------------------

VISIBLE = """(mode) => {
  const entry = document.querySelector('.entry-content');
  const codes = [...entry.querySelectorAll('section.gedragscode')];
  // each code is seen as the page opens: not in a closed <details>, nor hidden, nor in
  // a link, heading or bold text (nothing of the page copied into it)
  // drawn where a reader can reach it: not transparent, clipped, covered or off the page
  const reached = s => {
    s.scrollIntoView({block: 'start'});
    const r = s.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 20),
                                          r.top + Math.min(r.height / 2, 10));
    return hit !== null && s.contains(hit)
      && parseFloat(getComputedStyle(s.querySelector('p, li') || s).fontSize) >= 4;
  };
  const shown = codes.map(s => s.checkVisibility({opacityProperty: true,
                                                  visibilityProperty: true})
    && s.getBoundingClientRect().height > 0 && reached(s)
    && !s.closest('a, h1, h2, h3, h4, h5, h6, label, b, strong, em, i, summary')
    && getComputedStyle(s.querySelector('p, li') || s).fontWeight < 600
    && getComputedStyle(s.querySelector('p, li') || s).fontStyle === 'normal'
    && getComputedStyle(s.querySelector('p, li') || s).textDecorationLine === 'none');
  entry.querySelectorAll('details').forEach(d => { d.open = true; });  // as a reader would
  codes.forEach(s => s.remove());
  return {shown, text: entry.innerText};
}"""


def test_visible_text_in_chromium(built: dict[str, Any]) -> None:
    import test_browser  # skips this test without playwright or Chromium
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=test_browser.CHROMIUM,
                                             args=test_browser.CHROMIUM_FLAGS)
        try:
            page = browser.new_page()
            for name in NAMES:
                seen = {}
                for variant in ("code", "word"):
                    path = built["output"] / f"{built['slugs'][(name, variant)]}.html"
                    page.goto(path.as_uri())
                    seen[variant] = page.evaluate(VISIBLE)
                shown = seen["code"]["shown"]
                assert all(shown) and (shown or name.startswith("pelican_")), (
                    name, [i for i, one in enumerate(shown) if not one], len(shown))

                def words(text: str) -> str:
                    return " ".join(text.replace(SHORTCODE, "").replace(WORD, "").split())

                assert words(seen["code"]["text"]) == words(seen["word"]["text"]), name
        finally:
            browser.close()
