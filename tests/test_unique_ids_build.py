"""The unique-ids pass in real builds (issue 9's build-time bar): it works on the rendered
string before Pelican writes it, on every page a template renders, whichever writer writes it,
and changes nothing outside a code's start tags.

Differential: Pelican's own test content (nobody here wrote it) is built with and without the
plugin, and every output file is compared byte for byte, with the codes a theme adds cut out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pelican
import pytest
from bs4 import BeautifulSoup
from conftest import LOCALES, SiteBuilder
from test_anchors import ARTICLES, NOTMYIDEA, assert_ids_unique_and_links_land

from pelican_bij1code.anchors import may_collide, unique_page_ids
from pelican_bij1code.catalogue import Locales
from pelican_bij1code.render import Renderer

PELICAN_CONTENT = Path(pelican.__file__).parent / "tests" / "content"
needs_pelicans_content = pytest.mark.skipif(
    not (PELICAN_CONTENT / "article.rst").is_file(),
    reason="this Pelican install does not ship its test content")

#: A footer code and an id of the theme's own that equals the code's first id. Guarded, so
#: that the build without the plugin renders the same page with no code in it.
FOOTER = ('<div id="gedragscode-ik">theme</div><footer>{% if gedragscode is defined %}'
          '{{ gedragscode(part="ik", numbered=True) }}{% endif %}</footer></body>')


def pelicans_own_content(tmp_path: Path) -> Path:
    """Pelican's reader test files, one name per source (``x.md`` and ``x.rst`` both exist,
    so each name gets its extension; the slug comes from the name)."""
    content = tmp_path / "pelican-content"
    content.mkdir()
    for source in sorted(PELICAN_CONTENT.iterdir()):
        if source.is_file():
            shutil.copy(source, content / f"{source.stem}-{source.suffix[1:]}{source.suffix}")
    return content


def theme(tmp_path: Path, footer: bool) -> Path:
    """Overrides for notmyidea: the ``custom`` template one of Pelican's files asks for, and,
    if ``footer``, notmyidea's own base.html with :data:`FOOTER`."""
    templates = tmp_path / f"theme-{footer}"
    templates.mkdir()
    (templates / "custom.html").write_text('{% extends "article.html" %}', encoding="utf-8")
    if footer:
        base = (NOTMYIDEA / "base.html").read_text(encoding="utf-8")
        assert base.count("</body>") == 1
        (templates / "base.html").write_text(base.replace("</body>", FOOTER),
                                             encoding="utf-8")
    return templates


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


_SECTION = re.compile(r"<section\b|</section>")


def without_codes(html: str) -> tuple[str, int]:
    """``html`` with every rendered code (``<section class="gedragscode" …>…</section>``,
    its nested part sections included) cut out, and how many were cut."""
    out, done, cut = [], 0, 0
    while (start := html.find('<section class="gedragscode"', done)) >= 0:
        depth, end = 0, start
        for match in _SECTION.finditer(html, start):
            depth += 1 if match.group() == "<section" else -1
            if depth == 0:
                end = match.end()
                break
        assert end > start, "a code that never closes"
        out.append(html[done:start])
        done, cut = end, cut + 1
    return "".join(out) + html[done:], cut


def pelican(content: Path, out: Path, **settings: object) -> dict[str, bytes]:
    """A build in a fresh ``python -m pelican``, and every file it wrote. (In this process
    a plugin's handlers, once connected, stay connected: a build here with ``PLUGINS = []``
    would still run ours, and a test plugin's would leak into later tests.)"""
    conf = out.with_name(out.name + "-conf.py")
    common = {"SITEURL": "https://example.org", "TIMEZONE": "UTC", "DEFAULT_LANG": "nl",
              "DEFAULT_DATE": (2026, 11, 27), "FEED_ALL_ATOM": "feeds/all.atom.xml"}
    conf.write_text("".join(f"{key} = {value!r}\n" for key, value in
                            {**common, **settings}.items()), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pelican", str(content), "-s", str(conf),
                           "-o", str(out), "-q"], cwd=out.parent, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return files(out)


def build_both(tmp_path: Path, footer: bool,
               **settings: object) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Pelican's own content built without and with the plugin."""
    content = pelicans_own_content(tmp_path)
    common = {"DEFAULT_LANG": "en", "SLUGIFY_SOURCE": "basename", "DEFAULT_PAGINATION": 3,
              "THEME_TEMPLATES_OVERRIDES": [str(theme(tmp_path, footer))], **settings}
    return (pelican(content, tmp_path / "out-none", PLUGINS=[], **common),
            pelican(content, tmp_path / "out-plugin", PLUGINS=["pelican_bij1code"], **common))


@needs_pelicans_content
def test_pelicans_own_content_comes_out_byte_for_byte_the_same(tmp_path: Path) -> None:
    """No shortcode anywhere: the plugin changes no byte of any file (pages, indexes, tags,
    categories, authors, archives, pagination, feeds)."""
    without, with_plugin = build_both(tmp_path, footer=False)
    assert len(without) > 50
    assert sum(b'id="' in data for data in without.values()) > 20  # pages with ids of their own
    assert with_plugin == without


@needs_pelicans_content
@pytest.mark.parametrize("relative", [False, True])
def test_a_theme_code_changes_nothing_else_on_any_page(tmp_path: Path, relative: bool) -> None:
    """Every page gets the theme's footer code, next to a theme id equal to the code's: the
    code yields (``gedragscode-ik--2``), and with the codes cut out every page is the page
    built without the plugin, byte for byte."""
    without, with_plugin = build_both(tmp_path, footer=True, RELATIVE_URLS=relative)
    assert with_plugin.keys() == without.keys()
    pages = 0
    for name, data in with_plugin.items():
        if not name.endswith(".html"):
            assert data == without[name], name
            continue
        html = data.decode("utf-8")
        rest, cut = without_codes(html)
        assert cut == 1, name
        assert rest == without[name].decode("utf-8"), name
        assert_ids_unique_and_links_land(html, name)
        footer = BeautifulSoup(html, "html.parser").select_one("footer section[data-part]")
        assert footer["id"] == "gedragscode-ik--2", name
        pages += 1
    assert pages > 50


#: A plugin whose get_writer returns its own Writer (it stamps every page), and one that puts
#: its own template class on every generator's environment (it stamps the end of each page).
OTHER_PLUGINS = '''
from jinja2 import Template
from pelican import signals
from pelican.writers import Writer


class StampingWriter(Writer):
    def write_file(self, name, template, context, *args, **kwargs):
        context = dict(context, stamp="written by StampingWriter")
        return super().write_file(name, template, context, *args, **kwargs)


class StampingTemplate(Template):
    def render(self, *args, **kwargs):
        return super().render(*args, **kwargs) + "<!-- StampingTemplate -->"


def get_writer(pelican):
    return StampingWriter


def generator_init(generator):
    generator.env.template_class = StampingTemplate


def register():
    signals.get_writer.connect(get_writer)
    signals.generator_init.connect(generator_init)
'''


@pytest.mark.parametrize("order", ["theirs first", "ours first"])
def test_another_plugins_writer_and_template_class(tmp_path: Path, order: str) -> None:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "stamping.py").write_text(OTHER_PLUGINS, encoding="utf-8")
    templates = tmp_path / "full"
    templates.mkdir()
    listing = ("<!DOCTYPE html><html><body><p>{{ stamp }}</p>"
               "{% for article in (articles_page.object_list if articles_page else articles) %}"
               "<article>{{ article.content }}</article>{% endfor %}</body></html>")
    for name in ("index.html", "category.html", "author.html", "tag.html", "archives.html"):
        (templates / name).write_text(listing, encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    for name, text in ARTICLES.items():
        (content / name).write_text(text, encoding="utf-8")
    names = ["stamping", "pelican_bij1code"]
    out = tmp_path / "out"
    pelican(content, out, PLUGIN_PATHS=[str(plugins)],
            PLUGINS=names if order == "theirs first" else names[::-1],
            THEME_TEMPLATES_OVERRIDES=[str(templates)], DEFAULT_PAGINATION=2)
    pages = {"index.html": 2, "index2.html": 1, "category/news.html": 2,
             "category/news2.html": 1, "author/sam.html": 2, "author/sam2.html": 1}
    for name, codes in pages.items():
        html = (out / name).read_text(encoding="utf-8")
        assert "written by StampingWriter" in html, name  # their writer wrote it
        assert html.endswith("<!-- StampingTemplate -->"), name  # their template rendered it
        assert assert_ids_unique_and_links_land(html, name) == codes, name
    assert "gedragscode-ik-1--2" in (out / "index.html").read_text(encoding="utf-8")


def test_odd_output_paths_and_every_kind_of_page(build_site: SiteBuilder, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A relative OUTPUT_PATH with a space and non-ASCII letters, reached through a symlink;
    pagination of one article a page, tags, archives, a TEMPLATE_PAGES page with two codes of
    its own: every HTML file has unique ids, and codes show where they should."""
    templates = tmp_path / "full-tags"
    templates.mkdir()
    listing = ("<!DOCTYPE html><html><body>"
               "{% for article in (articles_page.object_list if articles_page else articles) %}"
               "<article>{{ article.content }}</article>{% endfor %}</body></html>")
    for name in ("index.html", "tag.html"):
        (templates / name).write_text(listing, encoding="utf-8")
    (templates / "archives.html").write_text(
        "<html><body>{% for a in dates %}<div>{{ a.content }}</div>{% endfor %}</body></html>",
        encoding="utf-8")
    articles = {name: text.replace("Author: Sam", "Author: Sam\nTags: regels, bij1")
                for name, text in ARTICLES.items()}
    articles["extra.html"] = ("<html><body>{{ gedragscode(part='samen') }}"
                              "{{ gedragscode(part='samen') }}</body></html>")
    real = tmp_path / "wérk plaats"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    monkeypatch.chdir(tmp_path)
    site = build_site(articles, OUTPUT_PATH="link/uit voer", ARTICLE_EXCLUDES=["extra.html"],
                      THEME_TEMPLATES_OVERRIDES=[str(templates)], DEFAULT_PAGINATION=1,
                      TEMPLATE_PAGES={"extra.html": "extra/index.html"})
    output = real / "uit voer"
    codes: Counter[str] = Counter()
    for path in sorted(output.rglob("*.html")):
        name = str(path.relative_to(output))
        codes[name] = assert_ids_unique_and_links_land(path.read_text(encoding="utf-8"), name)
    assert codes["index.html"] == codes["index3.html"] == 1  # one article a page
    assert codes["tag/regels.html"] == 1 and codes["tag/regels3.html"] == 1
    assert codes["archives.html"] == 3  # every article's code, in one page
    assert codes["extra/index.html"] == 2
    extra = BeautifulSoup((output / "extra/index.html").read_text(encoding="utf-8"),
                          "html.parser")
    assert [s["id"] for s in extra.select("section[data-part]")] == [
        "gedragscode-samen", "gedragscode-samen--2"]
    assert not site.output.exists()  # the fixture's own folder: not where this build wrote


# -- the pass on hostile pages ---------------------------------------------------------------


def code() -> str:
    return Renderer(Locales(LOCALES)).html("en", ("ik",), numbered=True)


def test_ids_in_scripts_comments_and_text_are_not_the_pages_ids() -> None:
    page = ('<script>var s = \'<p id="gedragscode-ik-1">\';</script>'
            '<!-- <p id="gedragscode-ik-1"> --><p>id="gedragscode-ik-1"</p>'
            '<textarea><b id="gedragscode-ik-2"></textarea>' + code())
    assert unique_page_ids(page) == page  # the code keeps its ids; nothing else changes


def test_an_unclosed_comment_or_tag_before_a_code_loses_nothing() -> None:
    for broken in ('<!-- never closed <p id="gedragscode-ik-1">', '<p id="gedragscode-ik-1"',
                   '<p id="gedragscode-ik-1>', '<![CDATA[ <p id="gedragscode-ik-1">'):
        page = broken + code() + code()
        out = unique_page_ids(page)
        # whatever a parser makes of it, only ids of the codes change: the text is all there
        assert re.sub(r"--\d+", "", out) == page, broken
        assert len(out) >= len(page)


def test_many_codes_on_one_page_in_linear_time() -> None:
    import time

    page = '<h2 id="gedragscode-ik">own</h2>' + code() * 2000  # 2,000 codes: 4 MB
    start = time.perf_counter()
    out = unique_page_ids(page)
    assert time.perf_counter() - start < 120  # a hang guard, not a speed test (benchmarks/)
    found = Counter(re.findall(r' id="([^"]*)"', out))
    assert [value for value, count in found.items() if count > 1] == []
    assert found["gedragscode-ik"] == 1  # the page's own heading
    assert 'id="gedragscode-ik--2001"' in out and 'id="gedragscode-ik--2002"' not in out
    # the rules of the first code do not collide: they keep their ids, the last is --2000
    assert 'href="#gedragscode-ik-5--2000"' in out and "gedragscode-ik-5--2001" not in out
    small = '<h2 id="gedragscode-ik">own</h2>' + code() * 3
    assert_ids_unique_and_links_land(unique_page_ids(small), "3 codes")


#: may_collide's reading, as the one regular expression it used to be (it tried ``id|name``
#: at every position, 3x slower): the reference for the differential test below.
PLAIN = re.compile(r"""\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)


def plainly_may_collide(text: str) -> bool:
    import html

    seen: set[str] = set()
    for match in PLAIN.finditer(text):
        value = match.group(1) or match.group(2) or match.group(3) or ""
        if "gedragscode-" not in value and "&" not in value:
            continue  # no code's id: never renamed
        value = html.unescape(value)
        if value in seen:
            return True
        seen.add(value)
    return False


def test_may_collide_finds_every_repeat_the_plain_reading_finds() -> None:
    """Never less (a repeat it missed would leave two equal ids); more only where one
    attribute's value looks like another attribute (then the page is parsed, no harm)."""
    import random

    rng = random.Random(9)
    pieces = ["id", "ID", "name", "Name", "data-id", "grid", "_id", "ïd", " ", "\n", "\t", "=",
              '"', "'", "`", "a", "b", "<p ", ">", "&amp;", "&#97;", "<code>x = \"", "é",
              "gedragscode-", "gedragscode-a"]
    looser = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        if plainly_may_collide(text):
            assert may_collide(text), text
        looser += may_collide(text) and not plainly_may_collide(text)
    assert looser < 100
    # a quote in text before a real attribute does not hide it
    assert may_collide('<code>a = "b</code><h2 id="gedragscode-x"></h2><p id="gedragscode-x">')
    # a repeat of a value no code's id can be renames nothing: no parse
    assert not may_collide('<h2 id="x"></h2><p id="x">' + code())
    page = code() + '<p id="gedragscode-ik-1">'
    assert may_collide(page) and plainly_may_collide(page)


def test_i18n_subsites_pages_get_unique_ids_too(tmp_path: Path) -> None:
    """pelican-i18n-subsites builds each subsite with generators of its own. (A fresh
    process: once registered here, its handlers would stay connected for later builds.)"""
    templates = tmp_path / "i18n-theme"
    templates.mkdir()
    (templates / "page.html").write_text(
        "<!DOCTYPE html><html><body><div id='gedragscode-ik'>theme</div>{{ page.content }}"
        "<footer>{{ gedragscode(part='ik') }}</footer></body></html>", encoding="utf-8")
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages/code.md").write_text(
        "Title: Gedragscode\nSlug: code\nLang: nl\n\n[gedragscode]\n", encoding="utf-8")
    (content / "pages/code-en.md").write_text(
        "Title: Code\nSlug: code\nLang: en\n\n[gedragscode]\n", encoding="utf-8")
    out = tmp_path / "out"
    built = pelican(content, out, PLUGINS=["pelican.plugins.i18n_subsites", "pelican_bij1code"],
                    I18N_SUBSITES={"en": {"SITENAME": "BIJ1 (English)"}},
                    JINJA_ENVIRONMENT={"extensions": ["jinja2.ext.i18n"]},
                    PAGE_PATHS=["pages"], THEME_TEMPLATES_OVERRIDES=[str(templates)])
    for name, lang in (("pages/code.html", "nl"), ("en/pages/code.html", "en")):
        html = built[name].decode("utf-8")
        assert assert_ids_unique_and_links_land(html, name) == 2, name
        soup = BeautifulSoup(html, "html.parser")
        # the theme's id comes first: the page's code yields, and the footer's after it
        assert soup.select("section[data-part=ik]")[0]["id"] == "gedragscode-ik--2", name
        assert soup.select_one("footer section[data-part]")["id"] == "gedragscode-ik--3", name
        assert soup.select_one("section.gedragscode")["lang"] == lang, name
