"""The splice on its own: each bug of issue 10 as a case, pathological pages, and a
differential check on Pelican's own test content with the shortcode at every text position.

The reference for "nothing else changed" is the same HTML with the plain word ``gedragscode``
where the shortcode was, read by html5lib (what nobody here wrote): its parse errors, its text,
its ids must be those of the expanded page once the code itself is taken out.
"""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from pathlib import Path

import html5lib
import pytest
from bs4 import BeautifulSoup

from pelican_bij1code.expand import expand

CODE = '<section class="gedragscode"><p>CODE</p></section>'
SHORTCODE = "[gedragscode]"
WORD = "gedragscode"


def render(_code: object) -> str:
    return CODE


def parse_errors(html: str) -> list[str]:
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    parser.parseFragment(html, container="div")
    return sorted(code for _, code, _ in parser.errors)


def reading(html: str) -> tuple[str, list[str]]:
    """The text (white space folded, the code and the word left out) and the ids, as
    html5lib builds the tree."""
    soup = BeautifulSoup(f"<div>{html}</div>", "html5lib")
    for section in soup.select("section.gedragscode"):
        section.decompose()
    text = soup.get_text().replace(SHORTCODE, "").replace(WORD, "")
    ids = [element["id"] for element in soup.find_all(id=True)]
    return " ".join(text.split()), ids


def differential(template: str) -> str:
    """Expand ``template`` with ``@@`` as the shortcode, compare with ``@@`` as the word."""
    source, reference = template.replace("@@", SHORTCODE), template.replace("@@", WORD)
    out = expand(source, render).html
    assert parse_errors(out) == parse_errors(reference), out
    assert reading(out) == reading(reference), out
    ids = reading(out)[1]
    assert len(ids) == len(set(ids)), f"duplicate ids in {out}"
    return out


def code_visible_outside_foreign(out: str) -> None:
    """Every code is in the HTML tree (not inside svg/math, p, a heading or a th)."""
    soup = BeautifulSoup(f"<div>{out}</div>", "html5lib")
    sections = soup.select("section.gedragscode")
    assert sections, out
    for section in sections:
        for parent in section.parents:
            assert parent.name not in {"svg", "math", "p", "th", "address", "dt", "video",
                                       "object", "h1", "h2", "a", "span", "title",
                                       "strong", "b", "em", "i", "label", "summary"}, out
            # not hidden: neither in a closed <details> or <dialog> nor below an attribute
            # that hides (hidden, popover, inert, aria-hidden="true", display: none)
            assert parent.name not in ("details", "dialog") or parent.has_attr("open"), out
            assert not {"hidden", "popover", "inert"} & set(parent.attrs), out
            assert parent.get("aria-hidden", "").lower() != "true", out
            assert not parent.get("style"), out
            assert not parent.find("template", attrs={"shadowrootmode": True},
                                   recursive=False), out
        # nothing of the page reconstructed inside (a browser copies open <b>, <a>... in)
        assert str(section) == CODE, out


# -- the bugs of issue 10, one case each -------------------------------------------------------

CASES = {
    "svg-title": "<p>Text <svg><title>Icon @@</title><rect/></svg> more.</p><p>Footer</p>",
    "math": "<p>Let <math><mi>x @@</mi></math> be.</p><p>Footer</p>",
    "video": "<p>See <video controls><source src=a.mp4>Fallback @@</video> here.</p>",
    "object": "<p>See <object data=a.pdf>Fallback @@</object> here.</p>",
    "acronym": "<p>An <acronym title=x>ABC @@ DEF</acronym> end.</p>",
    "custom": "<p>A <my-card>inside @@ it</my-card> end.</p>",
    "div-in-p": "<p>Before <div>inside @@ it</div> after.</p>",
    "anchor": '<p><a id="coc"></a>@@</p><p><a href="#coc">link</a></p>',
    "icon": '<p><i class="fa fa-book"></i> @@</p>',
    "md-attr-list": '<p id="coc">@@</p><p><a href="#coc">x</a></p>',
    "heading-id": '<h2 id="h">A @@ B</h2>',
    "toc": '<div class="toc"><ul><li><a href="#h">A @@ B</a></li></ul></div>'
           '<h2 id="h">A @@ B</h2>',
    "th": "<table><tr><th>Head @@</th></tr><tr><td>cell</td></tr></table><p>After</p>",
    "address": "<address>Street @@ 1</address>",
    "dt": "<dl><dt>Term @@</dt><dd>def</dd></dl>",
    "nested": "<ul><li><p>One <em>two <strong>@@ three</strong></em></p></li></ul>",
    "two": "<p>a @@ b @@ c</p>",
    "button": "<p><button>Press @@</button></p>",
    "summary": "<details><summary>Open @@</summary><p>x</p></details>",
    "reST-target": '<p id="coc">Read: @@</p>',
    "headerlink": '<h2 id="h">A @@<a class="headerlink" href="#h">¶</a></h2>',
    "unclosed-p": "<p>text @@ more",
    "ruby": "<p><ruby>漢 @@<rt>kan</rt></ruby></p>",
    "label": '<form><label for="x">Name @@</label><input id="x"></form>',
}


#: Issue 10, second round: raw text as browsers read it.
CASES.update({
    "script-double-escaped": '<script><!--\ndocument.write("<script>var ok = 1;</script>");'
                             "\nwindow.codeLabel = `@@`;\n--></script><p>After @@</p>",
    "script-end-needs-a-name-end": "<script>x = '</scripty>'; y = `@@`;</script ><p>@@</p>",
    "card-link-around-a-block": '<a class="card" id="coc-card" href="/over/"><div '
                                 'class="card-body"><p>Lees onze code: @@</p></div></a>'
                                 "<p>After.</p>",
    "bold-around-a-paragraph": "<strong>Let op: <p>onze code @@</p></strong><p>After.</p>",
    "md-bold-around-a-paragraph": "<p><strong>Let op: <p>onze code @@ hier</p></strong></p>"
                                  "<p>After.</p>",
    "em-around-a-paragraph": "<em>Note: <p>our code @@</p></em><p>After.</p>",
    "heading-around-a-div": '<h2 id="hh"><div>Code @@</div></h2><p>After.</p>',
    "label-around-a-div": "<label>Naam <div>@@ hier</div></label><p>After.</p>",
    "summary-of-closed-details": "<details><summary>Onze code: @@</summary>Meer.</details>",
    "hidden": '<div hidden><p>Verborgen @@</p></div><p>After.</p>',
    # the fifty-second pass: a closed dialog, a popover, inert and aria-hidden content and an
    # inline display: none hid the code (or kept keyboards and screen readers from it)
    "closed-dialog": "<dialog><div><p>Onze code: @@</p></div></dialog><p>After.</p>",
    "closed-dialog-upper-case": "<DIALOG>@@</DIALOG><p>After.</p>",
    "popover": "<div popover=manual><p>@@</p></div><p>After.</p>",
    "popover-bare": "<div popover>@@</div><p>After.</p>",
    "inert": "<div inert><p>@@</p></div><p>After.</p>",
    "aria-hidden": '<div aria-hidden="TRUE"><p>@@</p></div><p>After.</p>',
    "display-none": '<div style="color:red; display : none !important"><p>@@</p></div>',
    "visibility-hidden": "<section style='visibility:hidden'>@@</section><p>After.</p>",
    # the fifty-third pass: CSS as CSS reads it, other ways to hide, a shadow root
    "css-comment": '<div style="display:/**/none"><p>@@</p></div><p>After.</p>',
    "css-escape": '<div style="display:\\6e one"><p>@@</p></div><p>After.</p>',
    "css-custom-property": '<div style="--x:none;display:var(--x)"><p>@@</p></div>',
    "css-collapse": '<table><tr style="visibility:collapse"><td>@@</td></tr></table><p>A</p>',
    "css-opacity": '<div style="opacity:0"><p>@@</p></div><p>After.</p>',
    "css-height": '<div style="height:0;overflow:hidden"><p>@@</p></div><p>After.</p>',
    "css-font-size": '<div style="font-size:0"><p>@@</p></div><p>After.</p>',
    "css-off-page": '<div style="position:absolute;left:-9999px"><p>@@</p></div>',
    "css-screen-reader-only": '<div style="position:absolute;clip:rect(0,0,0,0)"><p>@@</p>'
                              "</div><p>After.</p>",
    "shadow-root": '<div><template shadowrootmode="open"><slot name="nope"></slot>'
                   "</template><p>@@</p></div><p>After.</p>",
    "quoted-gt-in-an-end-tag": '<p>x</p title=">@@"><p>y @@</p>',
    "style-end-ascii-only": "<style>/* </ſtyle> @@ */</style><p>@@</p>",
})


def test_formatting_copy_that_starts_at_the_shortcode() -> None:
    """A bold a browser copies into a paragraph that starts with the shortcode: the code is
    not bold and every word stays once. (One parse error more than with the word: the
    ``</strong>`` that takes the copy off the browser's list, before anything opened it.)"""
    page = "<p><strong>Let op: <p>[gedragscode] hier</p></strong></p><p>After.</p>"
    out = expand(page, render).html
    assert reading(out) == reading(page.replace(SHORTCODE, WORD))
    assert out.count("gedragscode") == CODE.count("gedragscode")
    code_visible_outside_foreign(out)


def test_script_end_as_html5lib_reads_it() -> None:
    """Where a script ends, on a fuzz of script contents: the same as html5lib's tokenizer."""
    import random

    from pelican_bij1code.expand import script_end

    pieces = ["<", "/", "!", "-", "--", ">", " ", "\t", "\n", "script", "SCRIPT", "Script",
              "scrip", "a", "<!--", "-->", "</script>", "<script>", "</script", "<script",
              "ſcript", "\x0b"]
    chance = random.Random(10)
    for _ in range(4000):
        text = "".join(chance.choice(pieces) for _ in range(chance.randint(0, 16)))
        tree = html5lib.parse("<script>" + text, namespaceHTMLElements=False)
        script = tree.find(".//script")
        assert script is not None
        assert script_end("<script>" + text, 8) - 8 == len(script.text or ""), text
    page = CASES["script-double-escaped"].replace("@@", SHORTCODE)
    assert expand(page, render).html.count(CODE) == 1  # the one after the script


@pytest.mark.parametrize("name", sorted(CASES))
def test_case(name: str) -> None:
    out = differential(CASES[name])
    code_visible_outside_foreign(out)


def test_foreign_content_puts_the_code_after_it_with_a_warning() -> None:
    result = expand("<p>Text <svg><title>Icon [gedragscode]</title><rect/></svg> more.</p>",
                    render)
    assert result.html == ('<p>Text <svg><title>Icon </title><rect/></svg></p>' + CODE
                           + "<p> more.</p>")
    assert any("<svg>" in problem and "after the </svg>" in problem
               for problem in result.problems)


def test_code_never_lands_in_foreign_content_left_open() -> None:
    # an svg the page never closes, and one a browser closes at a <b> (HTML ends foreign
    # content): the code follows an explicit </svg>, never inside it
    out = expand("<p>a <svg><title>x [gedragscode]</title>", render).html
    assert out == f"<p>a <svg><title>x </title></svg></p>{CODE}"
    out = expand("<div><svg><g>[gedragscode]</g><b>bold</b></svg></div>", render).html
    assert out == f"<div><svg><g></g></svg>{CODE}<b>bold</b></svg></div>"
    code_visible_outside_foreign(out)


def test_ids_stay_once_on_the_first_piece() -> None:
    out = expand('<h2 id="h">A [gedragscode] B</h2>', render).html
    assert out == f'<h2 id="h">A </h2>{CODE}<h2> B</h2>'
    out = expand('<p><a id="x" name="x" href="#y">a [gedragscode] b</a></p>', render).html
    assert out == f'<p><a id="x" name="x" href="#y">a </a></p>{CODE}<p><a href="#y"> b</a></p>'
    # an empty first piece with an id stays: it is an anchor
    assert expand('<p id="coc">[gedragscode]</p>', render).html == f'<p id="coc"></p>{CODE}'


def test_neighbours_stay() -> None:
    out = expand('<p><a id="coc"></a>[gedragscode]</p>', render).html
    assert '<a id="coc"></a>' in out
    out = expand('<p><i class="fa fa-book"></i> [gedragscode]</p>', render).html
    assert '<i class="fa fa-book"></i>' in out


def test_table_of_contents_never_holds_the_code() -> None:
    out = expand('<div class="toc"><ul><li><a href="#h">A [gedragscode] B</a></li></ul></div>'
                 '<h2 id="h">A [gedragscode] B</h2>', render).html
    assert out.count("gedragscode\"") == 1  # one code, after the heading's first piece
    assert out.startswith('<div class="toc"><ul><li><a href="#h">A  B</a></li></ul></div>')
    docutils = ('<div class="contents topic" id="contents"><p class="topic-title">Contents</p>'
                '<ul><li><a href="#x">X [gedragscode]</a></li></ul></div>')
    assert "<section" not in expand(docutils, render).html


def test_unreadable_shortcode_stays_text_and_swallows_nothing() -> None:
    html = "<p>Type [gedragscode and then…</p>\n<p>Much later a-z] end.</p>"
    result = expand(html, render)
    assert result.html == html and result.count == 0
    assert result.problems and "no closing" in result.problems[0]
    html = "<p>Type [gedragscode and then a-z] end.</p>"
    result = expand(html, render)
    assert result.html == html and "not a shortcode" in result.problems[0]


def test_unclosed_shortcode_never_changes_later_tags() -> None:
    html = ("<p>[gedragscode lang=en</p><script>let s = `[gedragscode] ${x}`;</script>"
            "<pre>[gedragscode]</pre><textarea>[gedragscode]</textarea>"
            "<!-- [gedragscode] --><p title='[gedragscode]'>t</p>")
    result = expand(html, render)
    assert result.html == html and result.count == 0
    # the same after an unclosed tag, an unclosed comment and a stray "<"
    for prefix in ("<p>1 < 2 [gedragscode", "<p>[gedragscode <b>x</b>", "<!-- x"):
        assert expand(prefix + "<pre>[gedragscode]</pre>", render).count == 0


def test_shortcode_through_typogrify_spans_only() -> None:
    html = '<p>[gedragscode lang=<span class="caps">EN</span>]</p>'
    assert expand(html, render).count == 1
    html = "<p>[gedragscode lang=<em>en</em>]</p>"
    assert expand(html, render).count == 0


def test_malformed_shortcodes_stay_text_whole() -> None:
    for text, problem in (('A [gedragscode lang="en]"] B', "unbalanced quotes"),
                          ("A [gedragscode lang=&ldquo;en]&rdquo;] B", "unbalanced quotes"),
                          ("C [[gedragscode part=ik] D", "[[ without ]]"),
                          ("C [gedragscode part=ik]] D", "]] without [["),
                          ("E [gedragscode lang='en] F", "unbalanced quotes")):
        result = expand(f"<p>{text}</p>", render)
        assert result.html == f"<p>{text}</p>" and result.count == 0, text
        assert len(result.problems) == 1 and problem in result.problems[0], result.problems


def test_without_never_splits_a_paragraph() -> None:
    result = expand("<p>Lees: [gedragscode] Dank!</p><p>[gedragscode]</p>", render)
    assert result.without == "<p>Lees:  Dank!</p>"


def test_escape() -> None:
    result = expand("<p>Write [[gedragscode]] here.</p>", render)
    assert result.html == "<p>Write [gedragscode] here.</p>" and result.count == 0


# -- linear time -----------------------------------------------------------------------------

PATHOLOGICAL = {
    "unclosed tag, many attributes": '<div class="note"' + ' x=""' * 20000,
    "many unclosed tags": "<a " * 50000,
    "end tags": "</" * 50000,
    "declarations": "<!" * 50000,
    "comments": "<!--" * 50000,
    "open brackets": "<p>" + "[gedragscode " * 20000,
    "unclosed quotes": '<p title="' * 20000,
    "formatting closed early": "<b><i><u><s><em>" * 50 + "<p>x [gedragscode] " * 1000,
    "formatting closed by every paragraph": "<b>x<p>y " * 20000 + "[gedragscode]",
    "deep nesting": "<span>" * 20000 + "[gedragscode]",
    "many shortcodes": "<p>x [gedragscode] y</p>" * 3000,
    "stray": "<" * 100000,
    "deep, then stray end tags": "<span>" * 20000 + "</b>" * 20000,
    "deep, then list items": "<p><table>" + "<span>" * 20000 + "<li>" * 20000,
    "deep in svg, then end tags": "<svg>" + "<g>" * 20000 + "</div>" * 20000,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_pages_are_read_in_linear_time(name: str) -> None:
    html = PATHOLOGICAL[name]
    started = time.perf_counter()
    expand(html, lambda code: "<section></section>")
    # generous: about 0.1 s here; the old scanner took 23 s on 137 bytes of the first one
    assert time.perf_counter() - started < 20


def test_the_old_hang_is_gone() -> None:
    html = '<p>[gedragscode]</p><div class="note"' + ' x=""' * 24
    started = time.perf_counter()
    result = expand(html, render)
    assert time.perf_counter() - started < 5
    assert result.html.startswith(CODE)


# -- Pelican's own test content, the shortcode at every text position --------------------------

PELICAN_CONTENT = Path(__import__("pelican").__file__).parent / "tests" / "content"


def pelican_pages() -> dict[str, str]:
    """Pelican's own test articles, read by Pelican's own readers."""
    from pelican.readers import Readers
    from pelican.settings import DEFAULT_CONFIG

    settings = dict(DEFAULT_CONFIG)
    settings["MARKDOWN"] = {"extensions": ["markdown.extensions.extra",
                                           "markdown.extensions.toc",
                                           "markdown.extensions.smarty"],
                            "output_format": "html5"}
    readers = Readers(settings)
    pages = {}
    for path in sorted(PELICAN_CONTENT.iterdir()):
        if path.suffix not in (".md", ".rst", ".html", ".markdown", ".mkd", ".mdown"):
            continue
        try:
            content = readers.read_file(str(PELICAN_CONTENT), path.name)
        except Exception:  # some are meant to be broken
            continue
        text = getattr(content, "_content", None)  # None for a skipped article
        if text and len(text) > 20:
            pages[path.name] = text
    return pages


class _TextPositions(HTMLParser):
    """Offsets of text (as the standard library reads it): where an author's words are."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.starts = [0]
        for line in html.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))
        self.positions: list[int] = []
        self.feed(html)
        self.close()

    def handle_data(self, data: str) -> None:
        line, column = self.getpos()
        start = self.starts[line - 1] + column
        self.positions.append(start)
        self.positions.extend(start + m.start() for m in re.finditer(" ", data))
        self.positions.append(start + len(data))


def test_pelican_content_at_every_text_position() -> None:
    pages = pelican_pages()
    assert len(pages) >= 20, sorted(pages)
    tried = 0
    for name, html in pages.items():
        assert "@@" not in html
        positions = sorted(set(_TextPositions(html).positions))
        for position in positions[:: max(1, len(positions) // 25)]:
            template = html[:position] + "@@" + html[position:]
            try:
                differential(template)
            except AssertionError as error:
                raise AssertionError(f"{name} at {position}: {error}") from None
            tried += 1
    assert tried > 300


def test_an_open_dialog_and_shown_content_take_the_code_where_it_stands() -> None:
    """Only what hides its content moves the code: an open dialog, aria-hidden="false" and a
    style that shows keep it where the shortcode is, with no warning."""
    for page in ("<dialog open><div>[gedragscode]</div></dialog>",
                 '<div aria-hidden="false">[gedragscode]</div>',
                 '<div style="display: block">[gedragscode]</div>'):
        result = expand(page, render)
        assert not result.problems and result.html.index(CODE) < result.html.rindex("</"), page
    result = expand("<dialog><p>[gedragscode]</p></dialog>", render)
    assert result.html.endswith("</dialog>" + CODE)
    assert any("<dialog>" in problem and "hides its content" in problem
               for problem in result.problems)


def test_a_hostile_style_is_read_in_linear_time() -> None:
    """An inline style is read as CSS (comments, escapes): unclosed comments and escapes by
    the hundred thousand, each read once."""
    import time

    for style in ("/*" * 100_000, "\\" * 200_000, "\\6e " * 50_000, "a:b;" * 50_000):
        began = time.perf_counter()
        expand(f'<div style="{style}"><p>[gedragscode]</p></div>', render)
        assert time.perf_counter() - began < 10, style[:10]


@pytest.mark.parametrize("outer, inner", [
    ('<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;">', ""),
    ('<div style="line-height:1.6; zoom:1; transform:none; filter:none; clip:auto">', ""),
    ('<div style="color:rgba(0,0,0,.87); padding-left:2em; text-indent:-2em">', ""),
    ('<div style="width:100%; overflow:hidden">', ""),
    ('<div style="filter:drop-shadow(0 1px 2px rgba(0,0,0,.2))">', ""),
    ('<div style="mask-image:linear-gradient(to bottom,#000 90%,transparent)">', ""),
    ('<div style="clip-path:polygon(0 0,100% 0,100% 97%,0 100%)">', ""),
    ('<div style="left:-9999px; top:-5000px; -webkit-line-clamp:3">', ""),
    ('<div style="margin-bottom:-10000px; padding-bottom:10000px">', ""),
    ('<div style="font-size:0">', '<div style="font-size:1rem">'),
    ('<div style="letter-spacing:-0.31em">', '<div style="letter-spacing:normal">'),
    ('<div style="visibility:hidden">', '<div style="visibility:visible">'),
    ('<my-el><template shadowrootmode="open"><slot></slot></template>', ""),
])
def test_styles_that_hide_nothing_keep_the_code_where_it_stands(outer: str, inner: str) -> None:
    """False alarms of the fifty-fourth and fifty-fifth passes: styles real pages use (Google
    Docs' pasted paragraphs, no-ops, Material's text colour, a hanging indent, a clearfix,
    shadows, fades, slanted sections, offsets without a position, equal-height columns, an
    inner reset of an inherited property, a default slot) moved the code with a warning, and
    failed a BIJ1CODE_STRICT build."""
    close = "".join(f"</{tag.split()[0][1:].rstrip('>')}>" for tag in (inner, outer) if tag)
    result = expand(f"{outer}{inner}<p>[gedragscode]</p>{close}", render)
    assert not result.problems, result.problems


@pytest.mark.parametrize(("page", "moved"), [
    ('<div style="font-size:0"><div style="font-size:1em">@@</div></div>', True),
    ('<div style="visibility:hidden"><div style="visibility:inherit">@@</div></div>', True),
    ('<div style="-webkit-text-fill-color:transparent"><div style="color:red">@@</div></div>',
     True),
    ('<div style="font: 400 0/0 a">@@</div>', True),
    ('<div style="display:none !important; display:block">@@</div>', True),
    ('<div style="transform: scale(1) translateX(-10000px)">@@</div>', True),
    ('<div style="font-size:0; font:16px a">@@</div>', False),
    ('<div style="font-size:3vmin">@@</div>', False),
    ('<div style="transform: perspective(1000px) rotateY(10deg)">@@</div>', False),
    ('<div><template shadowrootmode="open"><slot name=""></slot></template>@@</div>', False),
    ('<div><template shadowrootmode="bogus"></template>@@</div>', False),
    ('<ul><li><template shadowrootmode="open"></template>@@</li></ul>', False),
])
def test_the_last_reviews_styles_and_shadow_roots(page: str, moved: bool) -> None:
    """The last review: a relative or inherit value inside undid an outer hiding one; the
    font shorthand took a weight for the size; !important was ignored; a scale beside a
    translation hid the translation; a rotation or a perspective of 1000px read as a move;
    an unknown unit read as pixels; an empty slot name, an invalid shadow root mode and a
    host that cannot hold a shadow root moved the code."""
    result = expand(page.replace("@@", "[gedragscode]"), render)
    assert bool(result.problems) == moved, result.problems
    assert not moved or "has an inline style that hides its content" in result.problems[0]


def test_a_reason_is_given_only_where_it_holds_and_slots_are_found_in_linear_time() -> None:
    import time

    result = expand('<div><button style="color:red">x [gedragscode] y</button></div>', render)
    assert "cannot hold the code of conduct" in result.problems[0]
    began = time.perf_counter()
    expand("<div>" * 8000 + "<slot></slot>" * 8000 + "[gedragscode]", render)
    assert time.perf_counter() - began < 10
