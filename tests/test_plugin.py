"""The plugin in real Pelican builds: every reader, content kind, attribute and fallback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    ROOT,
    SiteBuilder,
    blocks_inside_paragraphs,
    valid_html_fragment,
)

from pelican_bij1code.catalogue import Locales
from pelican_bij1code.plugin import GedragscodeError

MD_PAGE = """
Title: Gedragscode
Slug: code
{meta}

Voor de code.

{body}

Na de code.
"""


def page(body: str, meta: str = "") -> str:
    return MD_PAGE.format(meta=meta, body=body)


def test_markdown_page_alone_in_paragraph_replaces_it(build_site: SiteBuilder) -> None:
    site = build_site({"pages/code.md": page("[gedragscode]")})
    html = site.read("pages/code.html")
    codes = site.codes("pages/code.html")
    assert len(codes) == 1
    code = codes[0]
    assert code["lang"] == "nl" and code["dir"] == "ltr"
    assert [p["data-part"] for p in code.select("[data-part]")] == ["wij", "ik", "samen"]
    assert "Wij zijn allereerst mensen" in code.get_text()
    assert "[gedragscode]" not in html
    assert "Voor de code." in html and "Na de code." in html
    # the paragraph holding the shortcode is gone, not left empty
    assert not re.search(r"<p>\s*</p>", html)
    assert blocks_inside_paragraphs(html) == []


def test_headings_follow_level_and_never_rise_above_it(build_site: SiteBuilder) -> None:
    site = build_site({"pages/code.md": page("[gedragscode level=4]")})
    code = site.codes("pages/code.html")[0]
    levels = {int(h.name[1]) for h in code.find_all(re.compile(r"^h[1-6]$"))}
    assert levels == {4, 5}
    site = build_site({"pages/code.md": page("[gedragscode niveau=6]")})
    code = site.codes("pages/code.html")[0]
    assert {h.name for h in code.find_all(re.compile(r"^h[1-6]$"))} == {"h6"}
    site = build_site({"pages/code.md": page("[gedragscode]")}, BIJ1CODE_DEFAULT_LEVEL=3)
    assert site.codes("pages/code.html")[0].find("h3") is not None


def test_restructuredtext_page_and_literals(build_site: SiteBuilder) -> None:
    rst = """
    Gedragscode
    ###########

    :slug: code
    :lang: en

    Before.

    [gedragscode part=ik]

    Inline literal ``[gedragscode]`` stays, and so does this block::

        [gedragscode lang=tr]

    After.
    """
    site = build_site({"pages/code.rst": rst})
    html = site.read("pages/code-en.html")
    codes = site.codes("pages/code-en.html")
    assert len(codes) == 1
    assert codes[0]["lang"] == "en"
    assert [p["data-part"] for p in codes[0].select("[data-part]")] == ["ik"]
    soup = site.soup("pages/code-en.html")
    literal = soup.select_one("code.literal, span.literal, tt.literal")
    assert literal is not None and "[gedragscode]" in literal.get_text()
    assert "[gedragscode lang=tr]" in soup.select_one("pre").get_text()
    assert "Before." in html and "After." in html
    assert blocks_inside_paragraphs(html) == []


def test_html_page(build_site: SiteBuilder) -> None:
    source = """
    <html><head><title>Gedragscode</title>
    <meta name="slug" content="code" /><meta name="lang" content="pl" /></head>
    <body>
    <p>Intro</p>
    [gedragscode deel="wij,samen"]
    <pre>[gedragscode]</pre>
    <textarea>[gedragscode]</textarea>
    <!-- [gedragscode] -->
    <p title="[gedragscode]">Outro</p>
    </body></html>
    """
    site = build_site({"pages/code.html": source})
    html = site.read("pages/code-pl.html")
    codes = site.codes("pages/code-pl.html")
    assert len(codes) == 1 and codes[0]["lang"] == "pl"
    assert [p["data-part"] for p in codes[0].select("[data-part]")] == ["wij", "samen"]
    assert "<pre>[gedragscode]</pre>" in html
    assert "<textarea>[gedragscode]</textarea>" in html
    assert "<!-- [gedragscode] -->" in html
    assert 'title="[gedragscode]"' in html


def test_code_spans_and_fences_stay_literal(build_site: SiteBuilder) -> None:
    body = """
Inline `[gedragscode]` and <kbd>[gedragscode]</kbd> and <samp>[gedragscode]</samp>.

```
[gedragscode lang=en]
```

    [gedragscode lang=tr]
"""
    site = build_site({"pages/code.md": page(body)},
                      MARKDOWN={"extensions": ["markdown.extensions.fenced_code"],
                                "output_format": "html5"})
    html = site.read("pages/code.html")
    assert site.codes("pages/code.html") == []
    assert "<code>[gedragscode]</code>" in html
    assert "<kbd>[gedragscode]</kbd>" in html and "<samp>[gedragscode]</samp>" in html
    assert "[gedragscode lang=en]" in html and "[gedragscode lang=tr]" in html


def test_escape_renders_the_literal_text(build_site: SiteBuilder) -> None:
    site = build_site({"pages/code.md": page("Write [[gedragscode]] or [[gedragscode lang=en]].")})
    html = site.read("pages/code.html")
    assert site.codes("pages/code.html") == []
    assert "Write [gedragscode] or [gedragscode lang=en]." in html
    assert "[[" not in html


def test_two_shortcodes_and_one_inside_a_sentence(build_site: SiteBuilder) -> None:
    body = "Lees dit: [gedragscode part=ik] en ook dit: [gedragscode lang=en part=samen] Dank!"
    site = build_site({"pages/code.md": page(body)})
    html = site.read("pages/code.html")
    codes = site.codes("pages/code.html")
    assert [(c["lang"], c.select_one("[data-part]")["data-part"]) for c in codes] == \
        [("nl", "ik"), ("en", "samen")]
    text = site.soup("pages/code.html").get_text()
    assert text.index("Lees dit:") < text.index("IK BEN BIJ1") < text.index("en ook dit:") \
        < text.index("TOGETHER") < text.index("Dank!")
    assert blocks_inside_paragraphs(html) == []
    article = html[html.index("Voor de code."):html.index("Na de code.")]
    assert valid_html_fragment("<p>" + article) == []


def test_shortcode_inside_emphasis_keeps_every_word(build_site: SiteBuilder) -> None:
    site = build_site({"pages/code.md": page("*Begin [gedragscode deel=ik] eind*")})
    html = site.read("pages/code.html")
    assert len(site.codes("pages/code.html")) == 1
    assert "<em>Begin </em>" in html and "<em> eind</em>" in html
    assert blocks_inside_paragraphs(html) == []


@pytest.mark.parametrize(("attrs", "lang", "parts", "level"), [
    ('lang=en part=ik level=3', "en", ["ik"], 3),
    ('taal=tr deel=samen niveau=4', "tr", ["samen"], 4),
    ('lang="pl" part="wij,ik"', "pl", ["wij", "ik"], 2),
    ("lang='ar' part='samen'", "ar", ["samen"], 2),
    ("lang=“en” part=‘ik’ level=”5”", "en", ["ik"], 5),
    ("lang=en-US", "en", ["wij", "ik", "samen"], 2),
    ("lang=EN_gb", "en", ["wij", "ik", "samen"], 2),
])
def test_attributes_and_aliases(build_site: SiteBuilder, attrs: str, lang: str,
                                parts: list[str], level: int) -> None:
    site = build_site({"pages/code.md": page(f"[gedragscode {attrs}]")})
    code = site.codes("pages/code.html")[0]
    assert code["lang"] == lang
    assert [p["data-part"] for p in code.select("[data-part]")] == parts
    assert code.select_one(".gedragscode-title").name == f"h{level}"
    assert site.warnings == []


def test_typogrify_and_smartypants_quotes(build_site: SiteBuilder) -> None:
    body = ('[gedragscode lang="en" part="ik" level="3"]\n\n'
            'Then [gedragscode taal="TR" deel="samen"]')
    site = build_site(
        {"pages/code.md": page(body)},
        TYPOGRIFY=True,
        MARKDOWN={"extensions": ["markdown.extensions.smarty", "markdown.extensions.extra"],
                  "output_format": "html5"},
    )
    codes = site.codes("pages/code.html")
    assert [(c["lang"], c.select_one("[data-part]")["data-part"]) for c in codes] == \
        [("en", "ik"), ("tr", "samen")]
    assert codes[0].select_one(".gedragscode-title").name == "h3"
    assert site.warnings == []


def test_typogrify_with_docutils_smart_quotes(build_site: SiteBuilder) -> None:
    rst = """
    Code
    ####

    :slug: code

    [gedragscode lang="en" part="samen"]
    """
    site = build_site({"pages/code.rst": rst}, TYPOGRIFY=True,
                      DOCUTILS_SETTINGS={"smart_quotes": True})
    code = site.codes("pages/code.html")[0]
    assert code["lang"] == "en" and code.select_one("[data-part]")["data-part"] == "samen"


def test_articles_drafts_hidden_and_translations(build_site: SiteBuilder) -> None:
    article = """
    Title: {title}
    Date: 2026-11-2{day}
    Slug: {slug}
    Lang: {lang}
    Status: {status}

    Intro {title}.

    [gedragscode part=ik]
    """
    files = {
        "a.md": article.format(title="Een", day=1, slug="een", lang="nl", status="published"),
        "a-en.md": article.format(title="One", day=1, slug="een", lang="en",
                                  status="published"),
        "draft.md": article.format(title="Klad", day=2, slug="klad", lang="tr",
                                   status="draft"),
        "hidden.md": article.format(title="Verborgen", day=3, slug="verborgen", lang="pl",
                                    status="hidden"),
        "pages/hidden-page.md": "Title: HP\nSlug: hp\nStatus: hidden\nLang: ar\n\n[gedragscode]\n",
        "pages/draft-page.md": "Title: DP\nSlug: dp\nStatus: draft\n\n[gedragscode lang=en]\n",
    }
    site = build_site(files)
    assert site.codes("een.html")[0]["lang"] == "nl"
    assert site.codes("een-en.html")[0]["lang"] == "en"
    assert site.codes("drafts/klad-tr.html")[0]["lang"] == "tr"
    assert site.codes("verborgen-pl.html")[0]["lang"] == "pl"
    ar = site.codes("pages/hp-ar.html")[0]
    assert ar["lang"] == "ar" and ar["dir"] == "rtl"
    assert site.codes("drafts/pages/dp.html")[0]["lang"] == "en"


def test_arabic_is_right_to_left_with_isolated_latin(build_site: SiteBuilder) -> None:
    site = build_site({"pages/code.md": page("[gedragscode]", "Lang: ar")})
    code = site.codes("pages/code-ar.html")[0]
    assert code["lang"] == "ar" and code["dir"] == "rtl"
    bdis = [b.get_text() for b in code.find_all("bdi")]
    assert "bestuur@bij1.org" in bdis and "BIJ1" in bdis
    mail = code.select_one('a[href="mailto:bestuur@bij1.org"]')
    assert mail.find("bdi").get_text() == "bestuur@bij1.org"
    assert "هذه ترجمة" in code.select_one(".gedragscode-notice").get_text()


def test_translations_say_dutch_is_binding(build_site: SiteBuilder) -> None:
    site = build_site({"pages/code.md": page("[gedragscode lang=en]\n\n[gedragscode]")})
    en, nl = site.codes("pages/code.html")
    assert "Only the Dutch text" in en.select_one(".gedragscode-notice").get_text()
    assert nl.select_one(".gedragscode-notice") is None


def test_unknown_language_falls_back_to_dutch_with_warning(build_site: SiteBuilder) -> None:
    site = build_site({"pages/code.md": page("[gedragscode lang=de]")})
    assert site.codes("pages/code.html")[0]["lang"] == "nl"
    assert any("code.md" in w and "'de'" in w for w in site.warnings), site.warnings


def test_draft_language_is_never_rendered(build_site: SiteBuilder) -> None:
    site = build_site({"pages/code.md": page("[gedragscode]", "Lang: pap_AW")})
    code = site.codes("pages/code-pap_AW.html")[0]
    assert code["lang"] == "nl"
    assert any("code.md" in w and "draft" in w for w in site.warnings), site.warnings


def test_attribute_beats_content_beats_default(build_site: SiteBuilder) -> None:
    site = build_site({
        "pages/a.md": "Title: A\nSlug: a\nLang: tr\n\n[gedragscode lang=pl]\n",
        "pages/b.md": "Title: B\nSlug: b\nLang: tr\n\n[gedragscode]\n",
        "pages/c.md": "Title: C\nSlug: c\n\n[gedragscode]\n",
        "pages/d.md": "Title: D\nSlug: d\nLang: de\n\n[gedragscode]\n",
    }, DEFAULT_LANG="en")
    assert site.codes("pages/a-tr.html")[0]["lang"] == "pl"
    assert site.codes("pages/b-tr.html")[0]["lang"] == "tr"
    assert site.codes("pages/c.html")[0]["lang"] == "en"
    assert site.codes("pages/d-de.html")[0]["lang"] == "en"  # de has no catalogue: site default


def test_fallback_setting_is_the_last_resort(build_site: SiteBuilder) -> None:
    site = build_site({"pages/c.md": "Title: C\nSlug: c\nLang: de\n\n[gedragscode]\n"},
                      DEFAULT_LANG="fr", BIJ1CODE_FALLBACK_LANG="en")
    assert site.codes("pages/c-de.html")[0]["lang"] == "en"


def test_bad_attributes_warn_and_still_render(build_site: SiteBuilder) -> None:
    # (an unclosed quote, lang="en], is not a bad attribute: the "]" may be the value's, so
    # that shortcode stays text; issue 10, second round)
    body = '[gedragscode level=9 part=jullie colour=red lang="en"]\n\nText stays.'
    site = build_site({"pages/code.md": page(body)})
    html = site.read("pages/code.html")
    code = site.codes("pages/code.html")[0]
    assert [p["data-part"] for p in code.select("[data-part]")] == ["wij", "ik", "samen"]
    assert code.select_one(".gedragscode-title").name == "h2"
    joined = "\n".join(site.warnings)
    assert "level must be" in joined and "unknown part 'jullie'" in joined
    assert "unknown attribute 'colour'" in joined and "code.md" in joined
    assert "Text stays." in html and "Voor de code." in html


def test_unclosed_shortcode_keeps_the_text(build_site: SiteBuilder) -> None:
    site = build_site({"pages/code.md": page("Zie [gedragscode lang=en en verder.")})
    html = site.read("pages/code.html")
    assert site.codes("pages/code.html") == []
    assert "Zie [gedragscode lang=en en verder." in html
    assert any("no closing" in w and "code.md" in w for w in site.warnings)


def test_strict_turns_warnings_into_a_build_error(build_site: SiteBuilder) -> None:
    with pytest.raises(GedragscodeError) as error:
        build_site({"pages/code.md": page("[gedragscode lang=de]")}, BIJ1CODE_STRICT=True)
    assert "code.md" in str(error.value) and "'de'" in str(error.value)
    # a clean page builds in strict mode
    site = build_site({"pages/code.md": page("[gedragscode lang=en]")}, BIJ1CODE_STRICT=True)
    assert site.codes("pages/code.html")[0]["lang"] == "en"


def test_strict_build_exits_non_zero(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "p.md").write_text("Title: P\nDate: 2026-11-27\n\n[gedragscode taal=xx]\n")
    (tmp_path / "conf.py").write_text(
        "PLUGINS = ['pelican_bij1code']\nBIJ1CODE_STRICT = True\nDEFAULT_LANG = 'nl'\n")
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(tmp_path / "conf.py"),
         "-o", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "p.md" in output and "BIJ1CODE_STRICT" in output
    assert "Traceback" not in output, output  # the problems, not a traceback under them


@pytest.mark.parametrize("call", ["gedragscode(lang='pap')", "gedragscode(lang=5)",
                                  "gedragscode(foo=1)", "gedragscode_dir('en', 'x')",
                                  "gedragscode_dir('zz!!')"])
def test_strict_build_fails_for_a_bad_call_in_the_theme(tmp_path: Path, call: str) -> None:
    """A hostile pass (39th): with ``BIJ1CODE_STRICT``, a problem the theme's global reported
    (a draft language, a wrong option) was logged, but Pelican exited 0: templates are
    rendered after the generators are finalized, where the build failed. It fails at the end
    now, naming the call's problem, in a real ``pelican`` process."""
    content = tmp_path / "content" / "pages"
    content.mkdir(parents=True)
    (content / "p.md").write_text("Title: P\nSlug: p\n\nHallo.\n")
    templates = _page_template(tmp_path, f"<footer>{{{{ {call} }}}}</footer>")
    conf = tmp_path / "conf.py"
    conf.write_text(f"PLUGINS = ['pelican_bij1code']\nBIJ1CODE_STRICT = True\n"
                    f"DEFAULT_LANG = 'nl'\nTHEME_TEMPLATES_OVERRIDES = [{templates!r}]\n")
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(tmp_path / "content"), "-s", str(conf),
         "-o", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "BIJ1CODE_STRICT" in output and "Traceback" not in output
    conf.write_text(conf.read_text().replace("BIJ1CODE_STRICT = True", "BIJ1CODE_STRICT = False"))
    relaxed = subprocess.run(
        [sys.executable, "-m", "pelican", str(tmp_path / "content"), "-s", str(conf),
         "-o", str(tmp_path / "out2")], capture_output=True, text=True, timeout=120)
    assert relaxed.returncode == 0, relaxed.stdout + relaxed.stderr


def test_broken_catalogue_falls_back_with_warning(build_site: SiteBuilder, locales: Path) -> None:
    po = locales / "en" / "LC_MESSAGES" / "gedragscode.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "WE ARE BIJ1"',
                                                          'msgstr "WE ARE BIJ1'),
                  encoding="utf-8")
    site = build_site({"pages/code.md": page("[gedragscode lang=en]")},
                      BIJ1CODE_LOCALES_DIR=str(locales))
    assert site.codes("pages/code.html")[0]["lang"] == "nl"
    assert any("gedragscode.po" in w and "syntax" in w for w in site.warnings), site.warnings


def test_unsafe_translation_is_never_rendered(build_site: SiteBuilder, locales: Path) -> None:
    po = locales / "en" / "LC_MESSAGES" / "gedragscode.po"
    text = po.read_text(encoding="utf-8")
    assert "mailto:bestuur@bij1.org" in text
    po.write_text(text.replace("](mailto:bestuur@bij1.org)", "](javascript:alert(1))"),
                  encoding="utf-8")
    site = build_site({"pages/code.md": page("[gedragscode lang=en]")},
                      BIJ1CODE_LOCALES_DIR=str(locales))
    html = site.read("pages/code.html")
    assert "javascript:" not in html
    assert site.codes("pages/code.html")[0]["lang"] == "nl"
    assert any("unsafe-link" in w for w in site.warnings)


def test_feeds_carry_the_rendered_code(build_site: SiteBuilder) -> None:
    files = {"post.md": "Title: Post\nDate: 2026-11-27\nSlug: post\n\nHallo.\n\n"
                        "[gedragscode lang=en part=ik]\n"}
    site = build_site(files)
    feed = site.read("feeds/all.atom.xml")
    assert "I am an example of what BIJ1 stands for" in feed
    assert "[gedragscode" not in feed


def test_summaries_never_show_the_tag_or_half_a_code(build_site: SiteBuilder) -> None:
    files = {
        "post.md": "Title: Post\nDate: 2026-11-27\nSlug: post\n\nHallo allemaal.\n\n"
                   "[gedragscode]\n",
        "only.md": "Title: Only\nDate: 2026-11-26\nSlug: only\nLang: en\n\n[gedragscode]\n",
        # the theme shows the newest article in full; the two above are summaries
        "newest.md": "Title: Newest\nDate: 2026-11-28\nSlug: newest\n\nNieuws.\n",
    }
    site = build_site(files, SUMMARY_MAX_LENGTH=40)
    index = site.read("index.html")
    assert "[gedragscode" not in index
    assert "Wij zijn allereerst" not in index  # no code cut in half
    assert "Hallo allemaal." in index
    assert "WE ARE BIJ1" in index  # a page that is only the code: its title
    article = site.read("post.html")
    assert "Wij zijn allereerst" in article


def _page_template(tmp_path: Path, body: str) -> str:
    """A theme's ``page.html`` override: the page's content, then ``body``; its folder."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text(
        f"<!DOCTYPE html><html><body>{{{{ page.content }}}}{body}</body></html>")
    return str(templates)


def test_jinja_global_in_a_theme_template(build_site: SiteBuilder, tmp_path: Path) -> None:
    templates = _page_template(tmp_path, "<footer>{{ gedragscode(part='ik', level=3) }}</footer>"
                               "<aside>{{ gedragscode(lang='tr', part='samen') }}</aside>")
    site = build_site({"pages/p.md": "Title: P\nSlug: p\nLang: en\n\nHello.\n"},
                      THEME_TEMPLATES_OVERRIDES=[templates])
    soup = site.soup("pages/p-en.html")
    footer = soup.select_one("footer section.gedragscode")
    assert footer["lang"] == "en"
    assert footer.select_one("[data-part]")["data-part"] == "ik"
    assert footer.select_one("h3").get_text() == "I AM BIJ1"
    aside = soup.select_one("aside section.gedragscode")
    assert aside["lang"] == "tr" and aside.select_one("h2") is not None


def test_i18n_subsites_english_subsite(build_site: SiteBuilder) -> None:
    files = {
        "pages/code.md": "Title: Gedragscode\nSlug: code\nLang: nl\n\n[gedragscode]\n",
        "pages/code-en.md": "Title: Code\nSlug: code\nLang: en\n\n[gedragscode]\n",
        "pages/plain.md": "Title: Plain\nSlug: plain\n\n[gedragscode part=ik]\n",
    }
    site = build_site(
        files,
        PLUGINS=["pelican.plugins.i18n_subsites", "pelican_bij1code"],
        I18N_SUBSITES={"en": {"SITENAME": "BIJ1 (English)"}},
        JINJA_ENVIRONMENT={"extensions": ["jinja2.ext.i18n"]},
    )
    assert site.codes("pages/code.html")[0]["lang"] == "nl"
    assert site.codes("en/pages/code.html")[0]["lang"] == "en"
    assert site.codes("pages/plain.html")[0]["lang"] == "nl"


def test_edited_catalogue_shows_with_content_cache(build_site: SiteBuilder, locales: Path,
                                                   tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    settings = {"BIJ1CODE_LOCALES_DIR": str(locales), "CACHE_CONTENT": True,
                "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(cache)}
    files = {"pages/code.md": page("[gedragscode lang=en part=ik]")}
    root = tmp_path / "cached-site"
    site = build_site(files, root=root, **settings)
    assert "I AM BIJ1" in site.read("pages/code.html")
    assert any(cache.iterdir())
    _edit_title(locales, "I AM BIJ1", "I AM BIJ1 (EDITED)")
    site = build_site({}, root=root, **settings)
    assert "I AM BIJ1 (EDITED)" in site.read("pages/code.html")


def test_edited_catalogue_shows_with_generator_cache(build_site: SiteBuilder, locales: Path,
                                                     tmp_path: Path) -> None:
    settings = {"BIJ1CODE_LOCALES_DIR": str(locales), "CACHE_CONTENT": True,
                "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path / "cache"),
                "CONTENT_CACHING_LAYER": "generator"}
    root = tmp_path / "gen-site"
    build_site({"post.md": "Title: P\nDate: 2026-11-27\nSlug: p\n\n[gedragscode lang=en]\n"},
               root=root, **settings)
    _edit_title(locales, "WE ARE BIJ1", "WE ARE BIJ1 (EDITED)")
    site = build_site({}, root=root, **settings)
    assert "WE ARE BIJ1 (EDITED)" in site.read("p.html")


def _edit_title(locales: Path, old: str, new: str) -> None:
    po = locales / "en" / "LC_MESSAGES" / "gedragscode.po"
    text = po.read_text(encoding="utf-8")
    assert f'msgstr "{old}"' in text
    po.write_text(text.replace(f'msgstr "{old}"', f'msgstr "{new}"'), encoding="utf-8")


def test_autoreload_rebuilds_when_a_catalogue_changes(tmp_path: Path, locales: Path) -> None:
    import time

    content = tmp_path / "content"
    content.mkdir()
    (content / "p.md").write_text("Title: P\nDate: 2026-11-27\nSlug: p\n\n"
                                  "[gedragscode lang=en part=ik]\n")
    conf = tmp_path / "conf.py"
    conf.write_text(f"PLUGINS = ['pelican_bij1code']\nBIJ1CODE_LOCALES_DIR = {str(locales)!r}\n"
                    "DEFAULT_LANG = 'nl'\nFEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n")
    output = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "pelican", "--autoreload", str(content), "-s", str(conf),
         "-o", str(output)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    target = output / "p.html"
    try:
        _wait(lambda: target.exists() and "I AM BIJ1" in target.read_text(), 60)
        time.sleep(1.0)
        _edit_title(locales, "I AM BIJ1", "I AM BIJ1 (RELOADED)")
        _wait(lambda: "I AM BIJ1 (RELOADED)" in target.read_text(), 30)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait(condition, seconds: float) -> None:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("condition not met in time")


def test_pages_without_the_shortcode_are_untouched(build_site: SiteBuilder) -> None:
    body = "Een gewone pagina met [een link](https://example.org) en <em>nadruk</em>."
    with_plugin = build_site({"pages/p.md": page(body)}).read("pages/code.html")
    without = build_site({"pages/p.md": page(body)}, PLUGINS=[]).read("pages/code.html")
    assert with_plugin == without


def test_demo_site_builds_with_every_published_language(tmp_path: Path) -> None:
    output = tmp_path / "demo"
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "-s", "pelicanconf.py", "-o", str(output)],
        cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    # The demo has a page per language; a draft's page falls back to Dutch with a warning
    # naming the draft. Nothing else may warn.
    locales = Locales(ROOT / "locales")
    drafts = {lang for lang in locales.languages() if locales.status(lang) != "published"}
    log = " ".join((result.stdout + result.stderr).split())
    warnings = re.findall(r"WARNING.*?(?=WARNING|Done:|$)", log)
    expected = re.compile(r"the '(\w+)' catalogue is a draft; using 'nl'")
    for warning in warnings:
        found = expected.search(warning)
        assert found and found.group(1) in drafts, warning
    langs = set()
    for path in (output / "pages").glob("*.html"):
        langs |= set(re.findall(r'<section class="gedragscode" lang="(\w+)"',
                                path.read_text(encoding="utf-8")))
    published = {lang for lang in locales.languages() if locales.status(lang) == "published"}
    assert langs == published | {"nl"}
    assert {"en", "tr", "pl", "ar", "es", "fa"} <= langs


def test_unreadable_shortcode_swallows_nothing_and_later_tags_read_as_before(
        build_site: SiteBuilder) -> None:
    body = ("Type [gedragscode and then…\n\nA later paragraph, a-z] end.\n\n"
            "<script>let s = `[gedragscode]`;</script>\n\n"
            "<pre>[gedragscode]</pre>\n\nAnd [gedragscode lang=en] here.")
    site = build_site({"pages/code.md": page(body)})
    html = site.read("pages/code.html")
    plain = build_site({"pages/code.md": page(body)}, PLUGINS=[]).read("pages/code.html")
    assert len(site.codes("pages/code.html")) == 1  # only the readable one
    for kept in ("Type [gedragscode and then…", "A later paragraph, a-z] end.",
                 "<script>let s = `[gedragscode]`;</script>", "<pre>[gedragscode]</pre>"):
        assert kept in plain and kept in html
    assert any("no closing" in w and "code.md" in w for w in site.warnings), site.warnings


def test_rest_contents_and_target_with_the_code(build_site: SiteBuilder) -> None:
    rst = """
    Nieuws
    ######

    :date: 2026-11-27
    :slug: nieuws

    .. contents::

    Deel een [gedragscode part=ik]
    ==============================

    .. _coc:

    [gedragscode part=samen]

    Zie `de code <#coc>`_.
    """
    site = build_site({"nieuws.rst": rst}, SUMMARY_MAX_LENGTH=None)
    soup = site.soup("nieuws.html")
    assert len(soup.select("section.gedragscode")) == 2
    assert len(soup.select("#coc")) == 1  # the target stays, once
    contents = soup.select_one(".contents")
    assert contents is not None and not contents.select("section")
    assert "[gedragscode" not in contents.get_text()
    feed = site.read("feeds/all.atom.xml")
    summary = re.search(r"<summary[^>]*>(.*?)</summary>", feed, re.S)
    assert summary is not None
    assert "contents" not in summary.group(1)  # Pelican 4.12 strips the table


def test_summary_of_a_page_that_is_only_the_code_with_an_anchor(build_site: SiteBuilder
                                                                 ) -> None:
    files = {"only.md": "Title: Only\nDate: 2026-11-26\nSlug: only\nLang: en\n\n"
                        "[gedragscode]\n{: #coc }\n",
             "newest.md": "Title: Newest\nDate: 2026-11-28\nSlug: newest\n\nNieuws.\n"}
    site = build_site(files, MARKDOWN={"extensions": ["markdown.extensions.attr_list"]})
    assert len(site.soup("only-en.html").select("#coc")) == 1  # the anchor stays
    index = site.read("index.html")
    assert "WE ARE BIJ1" in index  # the summary is the code's title, not an empty anchor


def test_a_draft_regional_catalogue_leaves_its_language_rendered(build_site: SiteBuilder,
                                                                 locales: Path) -> None:
    """A hostile pass: a draft en_US beside en turned every en-US page Dutch (and
    DEFAULT_LANG = "en-US" every page), where `render en-US` fell back to en. Each candidate
    is tried from its most specific catalogue to its primary language's."""
    draft = locales / "en_US" / "LC_MESSAGES"
    draft.mkdir(parents=True)
    (draft / "gedragscode.po").write_text(
        (locales / "en" / "LC_MESSAGES" / "gedragscode.po").read_text(encoding="utf-8")
        .replace('"Language: en\\n"', '"Language: en_US\\n"'), encoding="utf-8")
    site = build_site({"pages/us.md": "Title: US\nSlug: us\nLang: en-US\n\n[gedragscode]\n",
                       "pages/nl.md": "Title: NL\nSlug: nl\n\n[gedragscode lang=en-US]\n"},
                      BIJ1CODE_LOCALES_DIR=str(locales))
    assert site.codes("pages/us-en-US.html")[0]["lang"] == "en"
    assert site.codes("pages/nl.html")[0]["lang"] == "en"
    assert any("en_US" in w and "draft" in w for w in site.warnings), site.warnings


def test_a_theme_calling_the_globals_wrongly_gets_a_warning_not_a_traceback(
        build_site: SiteBuilder, tmp_path: Path) -> None:
    """A hostile pass: taal= (the shortcode's Dutch alias), an unknown option, and
    gedragscode_dir(5) or (["ar"]) stopped the build with a Python traceback."""
    templates = _page_template(
        tmp_path, "<footer>{{ gedragscode(taal='tr', deel='ik') }}</footer>"
        "<aside>{{ gedragscode(extra=1) }}{{ gedragscode('en') }}</aside>"
        "<p id='d' dir='{{ gedragscode_dir(5) }}'>{{ gedragscode_dir(['ar']) }}"
        "{{ gedragscode_dir('ar') }}</p>")
    site = build_site({"pages/p.md": "Title: P\nSlug: p\n\nHello.\n"},
                      THEME_TEMPLATES_OVERRIDES=[templates])
    soup = site.soup("pages/p.html")
    footer = soup.select_one("footer section.gedragscode")
    assert footer["lang"] == "tr" and footer.select_one("[data-part]")["data-part"] == "ik"
    assert len(soup.select("aside section.gedragscode")) == 2  # rendered, with a warning
    assert soup.select_one("#d")["dir"] == "ltr" and soup.select_one("#d").get_text() == "ltrrtl"
    warned = " ".join(site.warnings)
    assert "'extra'" in warned and "by name" in warned and "gedragscode_dir" in warned
