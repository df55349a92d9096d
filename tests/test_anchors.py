"""Rule ids and visible rule names: the same in every language, unique on every page."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import SiteBuilder, run_cli, valid_html_fragment

from pelican_bij1code.catalogue import Locales
from pelican_bij1code.master import load_master
from pelican_bij1code.render import Renderer

PUBLISHED = ["nl", "en", "tr", "pl", "ar"]

#: Written out by hand from the master (gedragscode.nl.md): what the README promises.
EXPECTED = (
    ["gedragscode-wij", *[f"gedragscode-wij-{n}" for n in range(1, 10)],
     "gedragscode-ik", *[f"gedragscode-ik-{n}" for n in range(1, 6)],
     "gedragscode-samen", "gedragscode-samen-1", "gedragscode-samen-2", "gedragscode-samen-3"]
)


def ids(html: str) -> list[str]:
    return [el["id"] for el in BeautifulSoup(html, "html.parser").find_all(id=True)]


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(Locales(Path(__file__).resolve().parent.parent / "locales"))


@pytest.mark.parametrize("lang", PUBLISHED)
def test_ids_are_the_masters_in_every_language(renderer: Renderer, lang: str) -> None:
    html = renderer.html(lang)
    assert ids(html) == EXPECTED
    soup = BeautifulSoup(html, "html.parser")
    # the numbering follows the master's blocks: wij-7 is the master's seventh item of WIJ
    items = [b for b in load_master() if b.part == "wij" and b.kind != "title"]
    assert items[6].text.startswith("Wij weten dat onze woorden")
    assert soup.find(id="gedragscode-wij-7").name == "li"
    assert soup.find(id="gedragscode-wij-9").name == "h3"  # Diversiteit is onze kracht.
    assert soup.find(id="gedragscode-samen-1").name == "h3"
    assert soup.find(id="gedragscode-samen").get("data-part") == "samen"
    # the same rule in every language: the nth list item of a part has the same id
    nl = BeautifulSoup(renderer.html("nl"), "html.parser")
    assert [li["id"] for li in soup.find_all("li")] == [li["id"] for li in nl.find_all("li")]


def test_a_part_alone_keeps_its_numbers(renderer: Renderer) -> None:
    assert ids(renderer.html("en", ("ik",))) == [i for i in EXPECTED if "-ik" in i]
    assert ids(renderer.html("ar", ("wij", "samen"), level=4)) == [
        i for i in EXPECTED if "-ik" not in i]


@pytest.mark.parametrize("lang", PUBLISHED)
def test_numbered_shows_rule_names_that_link_to_their_rule(renderer: Renderer,
                                                           lang: str) -> None:
    html = renderer.html(lang, numbered=True)
    assert valid_html_fragment(html) == []
    soup = BeautifulSoup(html, "html.parser")
    anchors = soup.select("a.gedragscode-anchor")
    assert len(anchors) == len(EXPECTED) - 3  # every block but the three part titles
    for anchor in anchors:
        target = anchor.find_parent(id=True)
        assert anchor["href"] == f"#{target['id']}"
        name = target["id"].removeprefix("gedragscode-")
        assert anchor.get_text() == name
        assert name in anchor["aria-label"]  # WCAG 2.5.3: the visible text is in the name
        assert "lang" not in anchor.attrs  # the label is in the page's language
        if lang == "ar":
            assert anchor.find("bdi") is not None  # a Latin run isolated in RTL text
    first = soup.find(id="gedragscode-wij-7").find("a")
    labels = {"nl": "Link naar regel wij-7", "en": "Link to rule wij-7",
              "pl": "Link do zasady wij-7"}
    if lang in labels:
        assert first["aria-label"] == labels[lang]
    # the notice and the titles carry no rule name
    assert not soup.select(".gedragscode-notice a, h2 a.gedragscode-anchor")
    # the text is still all there, after the rule name
    plain = BeautifulSoup(renderer.html(lang), "html.parser")
    for block_id in EXPECTED:
        if not re.search(r"-[0-9]+$", block_id):
            continue  # a part: its blocks are compared one by one
        with_name = soup.find(id=block_id).get_text(" ", strip=True)
        without = plain.find(id=block_id).get_text(" ", strip=True)
        assert with_name == f"{block_id.removeprefix('gedragscode-')} {without}"


def test_a_language_without_a_label_gets_the_dutch_one_marked_dutch(locales: Path) -> None:
    from pelican_bij1code import anchors

    block = load_master()[1]
    html = anchors.html_anchor("pap", block)
    anchor = BeautifulSoup(html, "html.parser").a
    assert anchor["lang"] == "nl" and anchor["aria-label"] == "Link naar regel wij-1"


def test_numbered_markdown_and_text_name_each_rule(locales: Path) -> None:
    md = run_cli("--locales", str(locales), "render", "en", "--format", "md", "--numbered")
    assert md.returncode == 0, md.stderr
    assert "* wij-7 We know that our words" in md.stdout
    assert "## WE ARE BIJ1" in md.stdout  # titles carry no number
    txt = run_cli("--locales", str(locales), "render", "nl", "--format", "txt", "--numbered",
                  "--part", "samen")
    assert txt.returncode == 0, txt.stderr
    assert re.search(r"^samen-1 Daarom omarmen wij", txt.stdout, re.M)
    assert re.search(r"^samen-3 Wanneer je iets meemaakt", txt.stdout, re.M)
    html = run_cli("--locales", str(locales), "render", "tr", "--numbered")
    assert html.returncode == 0
    assert 'href="#gedragscode-ik-3"' in html.stdout


# -- on real pages ---------------------------------------------------------------------------


def test_two_codes_on_a_page_keep_every_id_unique(build_site: SiteBuilder) -> None:
    page = ("Title: Twee\nSlug: twee\nLang: en\n\n[gedragscode part=ik]\n\n"
            "Once more, in Dutch: [gedragscode lang=nl] and [gedragscode part=wij]\n")
    site = build_site({"pages/twee.md": page})
    found = ids(site.read("pages/twee-en.html"))
    code_ids = [i for i in found if i.startswith("gedragscode")]
    assert Counter(code_ids).most_common(1)[0][1] == 1, Counter(code_ids).most_common(3)
    assert "gedragscode-ik-1" in code_ids  # the first code: no suffix
    assert "gedragscode-wij-1--2" in code_ids and "gedragscode-ik-1--2" in code_ids
    assert "gedragscode-wij-1--3" in code_ids and "gedragscode-ik-1--3" not in code_ids


def test_a_theme_code_after_the_page_code_gets_the_next_suffix(build_site: SiteBuilder,
                                                                tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text(
        "<!DOCTYPE html><html><body>{{ page.content }}"
        "<footer>{{ gedragscode(part='ik', numbered=True) }}</footer>"
        "{% include 'aside.html' %}</body></html>")
    # an included template has a context of its own: the count goes on across it
    (templates / "aside.html").write_text("<aside>{{ gedragscode(part='ik') }}</aside>")
    site = build_site({"pages/p.md": "Title: P\nSlug: p\nLang: en\n\n[gedragscode]\n",
                       "pages/q.md": "Title: Q\nSlug: q\nLang: en\n\nNo code here.\n"},
                      THEME_TEMPLATES_OVERRIDES=[str(templates)])
    soup = site.soup("pages/p-en.html")
    assert soup.select_one("footer [data-part]")["id"] == "gedragscode-ik--2"
    assert soup.select_one("aside [data-part]")["id"] == "gedragscode-ik--3"
    anchor = soup.select_one("footer a.gedragscode-anchor")
    assert anchor["href"] == "#gedragscode-ik-1--2"
    assert soup.find(id="gedragscode-ik-1--2") is anchor.parent
    all_ids = [el["id"] for el in soup.find_all(id=True)]
    assert len(all_ids) == len(set(all_ids))
    # a page without a code of its own: the theme's code is the first one
    q = site.soup("pages/q-en.html")
    assert q.select_one("footer [data-part]")["id"] == "gedragscode-ik"
    assert q.select_one("aside [data-part]")["id"] == "gedragscode-ik--2"


def test_numbered_attribute_setting_and_dutch_alias(build_site: SiteBuilder) -> None:
    files = {
        "pages/a.md": "Title: A\nSlug: a\nLang: en\n\n[gedragscode numbered=yes part=ik]\n",
        "pages/b.md": "Title: B\nSlug: b\n\n[gedragscode genummerd=&#8220;ja&#8221; deel=ik]\n",
        "pages/c.md": "Title: C\nSlug: c\n\n[gedragscode deel=ik]\n",
        "pages/d.md": "Title: D\nSlug: d\n\n[gedragscode genummerd=misschien deel=ik]\n",
    }
    site = build_site(files)
    a = site.soup("pages/a-en.html").select("a.gedragscode-anchor")
    assert [x.get_text() for x in a] == [f"ik-{n}" for n in range(1, 6)]
    assert a[0]["aria-label"] == "Link to rule ik-1"
    b = site.soup("pages/b.html").select("a.gedragscode-anchor")
    assert b and b[0]["aria-label"] == "Link naar regel ik-1"
    assert not site.soup("pages/c.html").select("a.gedragscode-anchor")
    assert not site.soup("pages/d.html").select("a.gedragscode-anchor")
    assert any("d.md" in w and "genummerd must be yes or no" in w for w in site.warnings)

    e = "Title: E\nSlug: e\n\n[gedragscode deel=ik numbered=no]\n"
    numbered = build_site({"pages/c.md": files["pages/c.md"], "pages/e.md": e},
                          BIJ1CODE_NUMBERED=True)
    assert len(numbered.soup("pages/c.html").select("a.gedragscode-anchor")) == 5
    assert not numbered.soup("pages/e.html").select("a.gedragscode-anchor")
    # A wrong BIJ1CODE_NUMBERED stops the build: see test_gate's settings tests.


def test_ids_agree_across_the_translations_of_the_demo_page(build_site: SiteBuilder) -> None:
    root = Path(__file__).resolve().parent.parent
    files = {f"pages/{p.name}": p.read_text(encoding="utf-8")
             for p in (root / "content" / "pages").glob("gedragscode-*.md")}
    site = build_site(files, BIJ1CODE_LOCALES_DIR=str(root / "locales"))
    pages = sorted(site.output.glob("pages/gedragscode*.html"))
    assert len(pages) >= 5
    seen = {}
    for path in pages:
        section = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(
            "section.gedragscode")
        seen[section["lang"]] = [el["id"] for el in section.find_all(id=True)]
    assert all(found == EXPECTED for found in seen.values()), seen


def test_render_of_several_languages_keeps_ids_unique(locales: Path) -> None:
    proc = run_cli("--locales", str(locales), "render", "nl", "ar", "en", "--numbered")
    assert proc.returncode == 0, proc.stderr
    found = ids(proc.stdout)
    assert len(found) == len(set(found)) == 3 * len(EXPECTED)
    assert found[:len(EXPECTED)] == EXPECTED
    assert found[-1] == "gedragscode-samen-3--3"


# -- unique in every output file: index, category, author pages, feeds (issue 13 review) ----

NOTMYIDEA = Path(__import__("pelican").__file__).parent / "themes" / "notmyidea" / "templates"


def assert_ids_unique_and_links_land(html: str, where: str) -> int:
    """Every id once; every rule link lands on the rule it sits in. Returns the codes seen."""
    soup = BeautifulSoup(html, "html.parser")
    found = Counter(el["id"] for el in soup.find_all(id=True))
    assert [i for i, n in found.items() if n > 1] == [], where
    for anchor in soup.select("a.gedragscode-anchor"):
        target = anchor.find_parent(id=True)
        assert anchor["href"] == f"#{target['id']}", where
        assert soup.find(id=anchor["href"][1:]) is target, where
    return len(soup.select("section.gedragscode"))


def notmyidea_with_a_footer_code(tmp_path: Path) -> Path:
    """notmyidea's own base.html, with the code's IK part in the footer, numbered."""
    templates = tmp_path / "footer-templates"
    templates.mkdir()
    base = (NOTMYIDEA / "base.html").read_text(encoding="utf-8")
    assert base.count("</body>") == 1
    (templates / "base.html").write_text(base.replace(
        "</body>", '<footer>{{ gedragscode(part="ik", numbered=True) }}</footer></body>'))
    return templates


ARTICLES = {
    "one.md": "Title: One\nDate: 2026-11-01\nCategory: news\nAuthor: Sam\n\n"
              "Read this.\n\n[gedragscode numbered=true]\n",
    "two.md": "Title: Two\nDate: 2026-11-02\nCategory: news\nAuthor: Sam\n\n"
              "And this.\n\n[gedragscode part=ik,samen numbered=true]\n",
    "three.md": "Title: Three\nDate: 2026-11-03\nCategory: news\nAuthor: Sam\n\n"
                "[gedragscode numbered=true]\n",
}


def test_a_footer_code_and_the_articles_codes_stay_unique_on_every_page(
        build_site: SiteBuilder, tmp_path: Path) -> None:
    site = build_site(ARTICLES, THEME_TEMPLATES_OVERRIDES=[str(notmyidea_with_a_footer_code(
        tmp_path))], SUMMARY_MAX_LENGTH=None, DEFAULT_PAGINATION=False)
    index = site.read("index.html")
    # notmyidea shows the newest article in full on the index: two codes on one page
    assert assert_ids_unique_and_links_land(index, "index.html") >= 2
    footer = BeautifulSoup(index, "html.parser").select_one("footer section[data-part]")
    assert footer["id"] == "gedragscode-ik--2"  # the article's code came first
    assert footer.select_one("a.gedragscode-anchor")["href"] == "#gedragscode-ik-1--2"
    checked = 0
    for path in sorted(site.output.rglob("*.html")):
        checked += assert_ids_unique_and_links_land(path.read_text(encoding="utf-8"),
                                                    str(path))
    assert {"category/news.html", "author/sam.html", "one.html"} <= {
        str(p.relative_to(site.output)) for p in site.output.rglob("*.html")}
    assert checked >= 10


def test_a_theme_that_shows_every_article_in_full(build_site: SiteBuilder,
                                                  tmp_path: Path) -> None:
    templates = tmp_path / "full"
    templates.mkdir()
    listing = ("<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body>"
               "{% for article in (articles_page.object_list if articles_page else articles) %}"
               "<article>{{ article.content }}</article>{% endfor %}</body></html>")
    for name in ("index.html", "category.html", "author.html", "tag.html"):
        (templates / name).write_text(listing)
    site = build_site(ARTICLES, THEME_TEMPLATES_OVERRIDES=[str(templates)])
    for name in ("index.html", "category/news.html", "author/sam.html"):
        assert assert_ids_unique_and_links_land(site.read(name), name) == 3
    ids_on_index = ids(site.read("index.html"))
    for wanted in ("gedragscode-wij-7", "gedragscode-wij-7--2", "gedragscode-ik-1--3"):
        assert wanted in ids_on_index
    # each article's own page still has the plain ids
    assert "gedragscode-ik-1" in ids(site.read("two.html"))


def test_feed_entries_carry_the_ids_of_their_own_pages(build_site: SiteBuilder) -> None:
    """A feed entry is a document of its own: its ids are unique in it, its rule links land
    in it, and its codes' ids are the ones on the article's page, in every feed it is in
    (not numbered on through the feed, which would change them with every new article)."""
    import xml.etree.ElementTree as ET

    articles = {**ARTICLES, "four.md": (
        "Title: Four\nDate: 2026-11-04\nCategory: other\nAuthor: Sam\n\n"
        '<h2 id="gedragscode-ik">Gedragscode ik</h2>\n\nTwo codes here.\n\n'
        "[gedragscode part=ik numbered=true]\n\n[gedragscode numbered=true]\n")}
    site = build_site(articles, FEED_ALL_RSS="feeds/all.rss.xml", RSS_FEED_SUMMARY_ONLY=False,
                      CATEGORY_FEED_ATOM="feeds/{slug}.atom.xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = []
    for feed in ("all.atom.xml", "news.atom.xml", "other.atom.xml"):
        root = ET.fromstring(site.read(f"feeds/{feed}"))
        entries += [(feed, entry.find("a:link", ns).get("href"),
                     entry.find("a:content", ns).text or "")
                    for entry in root.findall("a:entry", ns)]
    for item in ET.fromstring(site.read("feeds/all.rss.xml")).iter("item"):
        entries.append(("all.rss.xml", item.findtext("link"), item.findtext("description")))
    assert len(entries) == 4 + 3 + 1 + 4

    def code_ids(html: str) -> list[str]:
        return [i for i in ids(html) if i.startswith("gedragscode-")]

    for feed, link, html in entries:
        where = f"{feed}: {link}"
        assert assert_ids_unique_and_links_land(html, where) >= 1
        page = site.read(link.removeprefix("https://example.org/"))
        assert code_ids(html) == code_ids(page), where
    four = [html for _, link, html in entries if link.endswith("four.html")]
    assert len(four) == 3
    for html in four:  # the author's heading keeps its id; the first code yields, the second
        found = code_ids(html)  # is the second code
        assert found[0] == "gedragscode-ik"
        assert "gedragscode-ik--2" in found and "gedragscode-ik--3" in found
        assert "gedragscode-wij-7--2" in found
    plain = [html for _, link, html in entries if link.endswith(("one.html", "three.html"))]
    assert all("gedragscode-wij-7" in code_ids(html) for html in plain)


def test_the_codes_ids_yield_to_the_pages_own(build_site: SiteBuilder) -> None:
    rst = ("Regels\n######\n\n:date: 2026-11-01\n:slug: regels\n\nGedragscode ik\n"
           "==============\n\nOnze eigen sectie.\n\n[gedragscode]\n")
    md = ("Title: Toc\nSlug: toc\nDate: 2026-11-02\n\n## Gedragscode wij\n\nTekst.\n\n"
          '<p><a id="gedragscode-wij-7">zelfgemaakt anker</a> '
          '<a name="gedragscode-ik-2">oud anker</a></p>\n\n'
          "[gedragscode numbered=true]\n\n`<a id=\"gedragscode-samen\">` in code stays.\n")
    site = build_site({"regels.rst": rst, "toc.md": md},
                      MARKDOWN={"extensions": ["markdown.extensions.toc"],
                                "output_format": "html5"})
    regels = site.soup("regels.html")
    assert regels.find(id="gedragscode-ik").name != "section"  # docutils' section keeps it
    assert regels.select_one("section[data-part=ik]")["id"] == "gedragscode-ik--2"
    assert_ids_unique_and_links_land(site.read("regels.html"), "regels.html")
    toc = site.soup("toc.html")
    assert toc.find(id="gedragscode-wij").name == "h2"  # Markdown's toc keeps its id
    assert toc.find(id="gedragscode-wij-7").name == "a"  # and so does the author's anchor
    assert toc.select_one("section[data-part=wij]")["id"] == "gedragscode-wij--2"
    li = toc.select_one("section[data-part=wij] li:nth-of-type(7)")
    assert li["id"] == "gedragscode-wij-7--2"
    assert li.select_one("a.gedragscode-anchor")["href"] == "#gedragscode-wij-7--2"
    assert toc.find(id="gedragscode-wij-6")["id"] == "gedragscode-wij-6"  # no clash: kept
    assert toc.find(id="gedragscode-ik-2--2") is not None  # <a name> is a target too
    assert '<code>&lt;a id="gedragscode-samen"&gt;</code>' in site.read("toc.html")
    assert_ids_unique_and_links_land(site.read("toc.html"), "toc.html")


def test_every_file_of_the_demo_site_has_unique_ids(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "demo"
    proc = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(out),
         "-e", "BIJ1CODE_NUMBERED=true", 'SITEURL="https://example.org"',
         'FEED_ALL_ATOM="feeds/all.atom.xml"'], cwd=root, capture_output=True, text=True,
        timeout=120)
    assert proc.returncode == 0, proc.stderr
    codes = sum(assert_ids_unique_and_links_land(p.read_text(encoding="utf-8"), str(p))
                for p in out.rglob("*.html"))
    assert codes >= 10


# -- arguments: a bool is not a level, and no other type slips through (review item 5) -------

BAD_CALLS = ["level=True", "level=False", "level='3'", "level=3.0", "level=7", "part=5",
             "part=True", "lang=5", "numbered='yes'", "numbered=1", "level=nothing"]


def test_the_theme_global_refuses_wrong_types_with_a_warning(build_site: SiteBuilder,
                                                             tmp_path: Path) -> None:
    templates = tmp_path / "calls"
    templates.mkdir()
    (templates / "page.html").write_text(
        "<!DOCTYPE html><html><body>"
        + "".join(f"<div class=call>{{{{ gedragscode({call}) }}}}</div>" for call in BAD_CALLS)
        + "</body></html>")
    site = build_site({"pages/p.md": "Title: P\nSlug: p\nLang: en\n\nText.\n"},
                      THEME_TEMPLATES_OVERRIDES=[str(templates)])
    html = site.read("pages/p-en.html")
    assert "True" not in html and "False" not in html
    soup = BeautifulSoup(html, "html.parser")
    calls = soup.select("div.call")
    assert len(calls) == len(BAD_CALLS)
    for call, div in zip(BAD_CALLS, calls, strict=True):
        # the code is there, with the defaults: level 2, every part, the page's language
        assert [h.name for h in div.select(".gedragscode-title")] == ["h2"] * 3, call
        assert div.section["lang"] == "en", call
    # one warning per bad call (the undefined variable is "not given"), naming the template
    assert len(site.warnings) == len(BAD_CALLS) - 1, site.warnings
    assert all("page.html" in w for w in site.warnings)
    assert any("not True" in w for w in site.warnings)
    assert_ids_unique_and_links_land(html, "p-en.html")


def test_a_level_in_unicode_digits_is_a_warning_not_a_crash(build_site: SiteBuilder) -> None:
    site = build_site({"pages/p.md": "Title: P\nSlug: p\nLang: en\n\n[gedragscode level=²]\n\n"
                                     "[gedragscode level=٣]\n"})
    assert [h.name for h in site.soup("pages/p-en.html").select(".gedragscode-title")] == [
        "h2"] * 6
    assert len(site.warnings) == 2 and "level must be" in site.warnings[0]


def test_the_core_refuses_a_bool_level(renderer: Renderer) -> None:
    with pytest.raises(ValueError, match="not True"):
        renderer.html("en", level=True)
