"""The Pelican plugin: ``[gedragscode]`` in any page and ``{{ gedragscode() }}`` in themes.

``register()`` only wires signals to the functions below; the work is done by the core
(:mod:`.expand`, :mod:`.render`). Pages without the shortcode cost one substring test.

Settings: ``BIJ1CODE_LOCALES_DIR`` (default: the shipped catalogues; a relative path is taken
from the folder Pelican runs in), ``BIJ1CODE_FALLBACK_LANG`` (``"nl"``), ``BIJ1CODE_STRICT``
(``False``: warnings become build errors), ``BIJ1CODE_DEFAULT_LEVEL`` (``2``) and
``BIJ1CODE_NUMBERED`` (``False``: show each rule's name, ``wij-7``, as a link to the rule).
"""

from __future__ import annotations

import functools
import itertools
import logging
import os
import re
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jinja2 import Template
from markupsafe import Markup
from pelican import signals
from pelican.utils import truncate_html_words

try:
    from pelican.utils import truncate_html_paragraphs
except ImportError:  # Pelican before 4.10 has no SUMMARY_MAX_PARAGRAPHS
    truncate_html_paragraphs = None
try:
    from pelican.utils import strip_toc_elements_from_html
except ImportError:  # Pelican before 4.12
    strip_toc_elements_from_html = None

from . import anchors, files
from .catalogue import Locales, shipped_locales_dir
from .expand import expand
from .headings import skipped_levels
from .languages import direction, normalise
from .master import SOURCE_LANG
from .render import Renderer, is_level, parse_parts
from .settings import require_valid
from .shortcode import ALIASES, NAME, Shortcode

logger = logging.getLogger("pelican.plugins.bij1code")

_MARK = f"[{NAME}"
_TAG = re.compile(r"<[^>]*>")
#: Elements that show something without text.
_SHOWN_EMPTY = re.compile(r"<(?:img|svg|math|video|audio|object|embed|iframe|canvas|picture"
                          r"|input|hr)\b", re.I)
_renderers: dict[tuple[str | None, str], Renderer] = {}
#: Problems found in this build, for BIJ1CODE_STRICT (reset when a build starts).
_problems: list[str] = []


class GedragscodeError(SystemExit):
    """Raised at the end of a strict build that had problems: the build exits with 1.

    A :class:`SystemExit`, as :class:`.settings.SettingsError` is, so that Pelican does not
    log a traceback under the problems (:func:`fail_if_strict` logs them); ``str()`` of the
    error is the message.
    """

    exitcode = 1

    def __init__(self, message: str) -> None:
        super().__init__(1)
        self.message = message

    def __str__(self) -> str:
        return self.message


# -- settings and shared state ---------------------------------------------------------------


def locales_dir(settings: dict[str, Any]) -> Path:
    configured = settings.get("BIJ1CODE_LOCALES_DIR")
    return files.resolve(configured) if configured else shipped_locales_dir()


def renderer_for(settings: dict[str, Any]) -> Renderer:
    """The renderer of a site's locales folder, shared by every page of the build."""
    key = (settings.get("BIJ1CODE_LOCALES_DIR"), os.getcwd())
    renderer = _renderers.get(key)
    if renderer is None:
        renderer = _renderers[key] = Renderer(Locales(locales_dir(settings)))
    return renderer


def _report(settings: dict[str, Any], source: str, message: str) -> None:
    if settings.get("BIJ1CODE_STRICT", False):
        logger.error("%s: %s", source, message)
        _problems.append(f"{source}: {message}")
    else:
        logger.warning("%s: %s", source, message)


def render_shortcode(code: Shortcode, settings: dict[str, Any], source: str,
                     content_lang: str | None = None, copy: int = 1) -> str:
    """The HTML for one shortcode, reporting anything the author should fix.

    ``copy`` is which code of the page this is (1, 2, ...): the ids of every copy but the
    first get a suffix (see :mod:`.anchors`), so they stay unique on the page.
    """
    for problem in code.problems:
        _report(settings, source, f"[{NAME}]: {problem}")
    renderer = renderer_for(settings)
    candidates = _unique([code.lang, content_lang, settings.get("DEFAULT_LANG")])
    fallback = settings.get("BIJ1CODE_FALLBACK_LANG") or SOURCE_LANG
    choice = renderer.choose(candidates, fallback)
    for problem in choice.problems:
        _report(settings, source, f"[{NAME}]: {problem}; using {choice.lang!r}")
    level = code.level or _default_level(settings)
    numbered = code.numbered if code.numbered is not None else bool(
        settings.get("BIJ1CODE_NUMBERED", False))
    return renderer.html(choice.lang, code.parts or parse_parts(None), level, numbered, copy)


def _default_level(settings: dict[str, Any]) -> int:
    return int(settings.get("BIJ1CODE_DEFAULT_LEVEL", 2))


def _unique(values: Iterable[str | None]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen


# -- signal handlers -------------------------------------------------------------------------


def start_build(generator: Any) -> None:
    """Each build: forget stale renderings if a catalogue changed; give themes the global."""
    _problems.clear()
    require_valid(generator.settings)  # a wrong BIJ1CODE_* setting stops the build, named
    renderer_for(generator.settings).refresh()
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals[NAME] = make_template_global(generator.settings)
        env.globals[f"{NAME}_dir"] = make_direction_global(generator.settings)


def expand_content(content: Any) -> None:
    """Expand the shortcodes of one article, page, draft or translation."""
    title = str(getattr(content, "title", "") or "")
    if _MARK in title:  # metadata: shown as typed in <title>, headings, indexes and feeds
        _report(content.settings, getattr(content, "source_path", None) or repr(content),
                f"the title {title!r} holds a shortcode; titles are never expanded, so it "
                "shows as typed: put the shortcode in the text")
    raw = getattr(content, "_content", None)
    if not raw or _MARK not in raw:
        return
    content._bij1code_raw = raw
    deepest = _expand(content, raw)
    if not _may_skip_a_level(content._content, deepest):
        return
    for before, level in skipped_levels(content._content):
        _report(content.settings, getattr(content, "source_path", None) or repr(content),
                f"[{NAME}] at level {level} comes after a heading of level {before}: "
                f"headings should not skip a level; use level={before + 1}")


def _may_skip_a_level(html: str, deepest: int) -> bool:
    """Whether a code whose top headings are at most at level ``deepest`` can skip a level:
    only after a heading two or more levels above it (never at level 2, the default). A
    look for such a heading anywhere spares parsing most pages for :func:`skipped_levels`.

    >>> _may_skip_a_level("<h1>Welkom</h1>", 2), _may_skip_a_level("<H1 id=x>Welkom</H1>", 3)
    (False, True)
    >>> _may_skip_a_level("<h2>Kop</h2><h3>Sub</h3>", 4), _may_skip_a_level("<h2>Kop</h2>", 3)
    (True, False)
    """
    return deepest > 2 and re.search(rf"<h[1-{deepest - 2}][\s/>]", html, re.I) is not None


def _expand(content: Any, raw: str) -> int:
    """Expand ``raw`` into the content; returns the deepest level a code's headings start at
    (0: no code)."""
    settings = content.settings
    source = getattr(content, "source_path", None) or repr(content)
    lang = getattr(content, "lang", None)
    copies = itertools.count(1)  # which code of the page: keeps the ids unique
    levels = [0]

    def render(code: Shortcode) -> str:
        html = render_shortcode(code, settings, source, lang, next(copies))
        levels.append(code.level or _default_level(settings))
        return html

    result = expand(raw, render)
    for problem in result.problems:
        _report(settings, source, problem)
    content._content = result.html
    content._bij1code_count = result.count
    content._bij1code_signature = renderer_for(settings).signature
    metadata = content.metadata
    if "summary" in metadata and _MARK in str(metadata["summary"]):
        metadata["summary"] = expand(str(metadata["summary"]), lambda code: "").without
        content._summary = metadata["summary"]
    elif "summary" not in metadata and result.count:
        def lead() -> str:
            renderer = renderer_for(settings)
            fallback = settings.get("BIJ1CODE_FALLBACK_LANG") or SOURCE_LANG
            choice = renderer.choose(_unique([lang, settings.get("DEFAULT_LANG")]), fallback)
            return renderer.title(choice.lang)

        content._summary = metadata["summary"] = summary_without_code(result.without,
                                                                       settings, lead)
    return max(levels)


def summary_without_code(text: str, settings: dict[str, Any], lead: Callable[[], str]) -> str:
    """A summary made by Pelican's own steps (``Content.get_summary``: paragraphs, words,
    then its table-of-contents stripping), from the page without the code of conduct and
    without splits.

    Index pages never show the raw tag, a code cut in half or a paragraph split in two; a
    page that is nothing but the code gets the code's first title.
    """
    paragraphs = settings.get("SUMMARY_MAX_PARAGRAPHS")
    if paragraphs is not None and truncate_html_paragraphs is not None:
        text = truncate_html_paragraphs(text, paragraphs)
    if settings.get("SUMMARY_MAX_LENGTH") is not None:
        text = truncate_html_words(text, settings["SUMMARY_MAX_LENGTH"],
                                   settings.get("SUMMARY_END_SUFFIX", "…"))
    if strip_toc_elements_from_html is not None:  # Pelican 4.12 and later
        text = strip_toc_elements_from_html(text)
    if not _TAG.sub("", text).strip() and not _SHOWN_EMPTY.search(text):
        # nothing to read but an anchor left by the code (<p id="coc"></p>)
        text = f"<p>{Markup.escape(lead())}</p>"
    return str(text)


_CONTENT_LISTS = ("articles", "translations", "drafts", "drafts_translations",
                  "hidden_articles", "hidden_translations", "pages", "hidden_pages",
                  "draft_pages", "draft_translations")


def refresh_cached(generator: Any) -> None:
    """With CONTENT_CACHING_LAYER = "generator", content comes from the cache already
    expanded: expand it again if a catalogue changed since."""
    signature = renderer_for(generator.settings).signature
    for name in _CONTENT_LISTS:
        for content in getattr(generator, name, []) or []:
            raw = getattr(content, "_bij1code_raw", None)
            if raw and getattr(content, "_bij1code_signature", None) != signature:
                _expand(content, raw)


# -- the notice links the Dutch original -----------------------------------------------------

_NOTICE_END = re.compile(r'(<p class="gedragscode-notice">(?:(?!</p>).)*?)(</p>)', re.S)


def link_dutch_original(generator: Any) -> None:
    """A translated page's notice ("only the Dutch text is binding") links the page's Dutch
    translation, when there is one: ``<a class="gedragscode-original" hreflang="nl"
    lang="nl" dir="ltr">`` with the Dutch page's title, a piece of Dutch text marked as such.

    Runs once the generator knows each page's translations; the link is one of Pelican's
    ``{filename}`` links, so it follows RELATIVE_URLS and feed rules like any other.
    """
    for name in _CONTENT_LISTS:
        for content in getattr(generator, name, []) or []:
            html = getattr(content, "_content", None)
            if not getattr(content, "_bij1code_raw", None) or not html \
                    or 'class="gedragscode-notice"' not in html \
                    or normalise(getattr(content, "lang", None)) == SOURCE_LANG:
                continue
            dutch = next((t for t in getattr(content, "translations", []) or []
                          if normalise(getattr(t, "lang", None)) == SOURCE_LANG), None)
            source = getattr(dutch, "relative_source_path", None)
            if dutch is None or not source:
                continue
            title = Markup(str(getattr(dutch, "title", "") or "")).striptags() or SOURCE_LANG
            link = (f' <a class="gedragscode-original" href="{{filename}}/'
                    f'{Markup.escape(source.replace(os.sep, "/"))}" hreflang="nl" lang="nl" '
                    f'dir="ltr">{Markup.escape(title)}</a>')
            content._content = _NOTICE_END.sub(functools.partial(_add_link, link), html)


def _add_link(link: str, notice: re.Match[str]) -> str:
    """A notice with ``link`` added at its end (once: a cached page may have it already)."""
    if "gedragscode-original" in notice.group(1):
        return notice.group(0)
    return notice.group(1) + link + notice.group(2)


def fail_if_strict(sender: Any) -> None:
    """End a strict build that had problems, naming every one: once the content is read
    (before any page is written), and again at the very end, for what the theme's templates
    reported while pages were written (``{{ gedragscode(...) }}``, which Pelican renders
    after its generators are finalized)."""
    if _problems:
        problems = list(_problems)
        _problems.clear()
        message = f"BIJ1CODE_STRICT: {len(problems)} problem(s):\n  " + "\n  ".join(problems)
        logger.critical("%s", message)
        raise GedragscodeError(message)


def text_direction(lang: str | None) -> str:
    """"rtl" or "ltr": the direction of a language's script ("ltr" for no language)."""
    return direction(lang) if lang and normalise(lang) else "ltr"


def make_direction_global(settings: dict[str, Any]) -> Any:
    """``{{ gedragscode_dir(page.lang) }}``: "rtl" or "ltr", for a theme's ``dir`` attribute;
    anything but a language tag (or nothing) is reported, and is "ltr"."""
    from jinja2 import Undefined

    def gedragscode_dir(lang: Any = None, *extra: Any, **options: Any) -> str:
        if extra or options or not (lang is None or isinstance(lang, (str, Undefined))):
            _report(settings, "template", f"{NAME}_dir takes one language tag such as "
                    f"page.lang, not {(lang, *extra, *options)!r:.80}; 'ltr' is used")
            return "ltr"
        if isinstance(lang, str) and lang and not normalise(lang):
            _report(settings, "template", f"{NAME}_dir: {lang!r:.40} is not a language tag; "
                    "'ltr' is used")
            return "ltr"
        return text_direction(None if isinstance(lang, Undefined) else lang)

    return gedragscode_dir


def make_template_global(settings: dict[str, Any]) -> Any:
    """``{{ gedragscode(lang=None, part=None, level=2, numbered=None) }}`` for themes.

    Its ids follow those of the codes in the page's content, and of earlier calls in the
    same template: a theme that adds a code to a page that has one keeps every id unique.
    """
    from jinja2 import Undefined, pass_context

    # Calls so far per output file (Pelican puts `output_file` in every context, and an
    # included template inherits it); per template context where there is none.
    calls: dict[str, int] = {}
    calls_here: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()

    @pass_context
    def gedragscode(context: Any, *positional: Any, **options: Any) -> Markup:
        page = context.get("article") or context.get("page")
        template_name = getattr(context, "name", None) or "template"
        code = Shortcode()
        given: dict[str, Any] = {}  # the shortcode's names, Dutch ones too: taal=, deel=
        for key, value in options.items():
            name = ALIASES.get(key.lower())
            if name is None or name in given:
                code.problems.append(f"unknown or repeated option {key!r} (use lang, part, "
                                     "level, numbered or taal, deel, niveau, genummerd)")
            elif not isinstance(value, Undefined):
                given[name] = value
        if positional:
            code.problems.append(f"takes options by name (lang='en'), not {positional!r:.60}")
        lang, part, level, numbered = (given.get(name)
                                       for name in ("lang", "part", "level", "numbered"))
        if lang is None or isinstance(lang, str):
            code.lang = lang
        else:
            code.problems.append(f"lang must be a language tag such as 'en', not {lang!r}")
        if numbered is None or isinstance(numbered, bool):
            code.numbered = numbered
        else:
            code.problems.append(f"numbered must be True or False, not {numbered!r}")
        if level is None or is_level(level):
            code.level = level
        else:
            code.problems.append(f"level must be a whole number from 1 to 6, not {level!r}")
        if part is not None:
            try:
                if not isinstance(part, str) and not (
                        isinstance(part, (list, tuple)) and all(isinstance(p, str)
                                                                for p in part)):
                    raise ValueError(f"part must be wij, ik, samen or a list of them, "
                                     f"not {part!r}")
                code.parts = parse_parts(part)
            except ValueError as exc:
                code.problems.append(str(exc))
        output_file = context.get("output_file")
        if isinstance(output_file, str):
            calls[output_file] = made = calls.get(output_file, 0) + 1
        else:
            calls_here[context] = made = calls_here.get(context, 0) + 1
        copy = getattr(page, "_bij1code_count", 0) + made
        page_lang = getattr(page, "lang", None) or context.get("lang")
        return Markup(render_shortcode(code, settings, template_name, page_lang, copy))

    return gedragscode


# -- unique ids in every output page and feed ------------------------------------------------


class UniqueIdsTemplate(Template):
    """A theme template whose output has every code's ids unique in it.

    Every page Pelican writes from a template (articles, pages, indexes and their
    pagination, categories, tags, authors, archives, ``TEMPLATE_PAGES``), whichever writer
    writes it, is one call to ``render``: the ids are made unique in the string before it
    is written (see :func:`.anchors.unique_page_ids`), so no file is read back. A page
    without a code costs one substring test.
    """

    def render(self, *args: Any, **kwargs: Any) -> str:
        return anchors.unique_page_ids(super().render(*args, **kwargs))


def unique_ids_in_templates(generators: list[Any]) -> None:
    """Give every generator's templates the unique-ids pass (:class:`UniqueIdsTemplate`).

    Runs once every generator has read its content and before any writes: Pelican loads
    templates only then, so a template class another plugin set earlier is kept and wrapped.
    """
    for generator in generators:
        env = getattr(generator, "env", None)
        if env is not None:
            env.template_class = with_unique_ids(env.template_class)


def with_unique_ids(template_class: type[Template]) -> type[Template]:
    """``template_class`` with the unique-ids pass (a class another plugin or theme put
    there keeps its own behaviour)."""
    if issubclass(template_class, UniqueIdsTemplate):
        return template_class
    if template_class is Template:
        return UniqueIdsTemplate
    return type(f"{template_class.__name__}WithUniqueIds",
                (UniqueIdsTemplate, template_class), {})


def unique_ids_in_feed(context: Any, feed: Any) -> None:
    """Before Pelican writes a feed: each entry's codes get the ids they have on the entry's
    own page, unique in the entry (see :func:`.anchors.unique_page_ids`).

    An entry is a document of its own (Atom and RSS carry each entry's HTML apart), so its
    ids do not depend on the other entries: a rule's id in a feed is the one on the site,
    whichever feed the entry is in and whatever was published after it.
    """
    for item in getattr(feed, "items", []):
        for key in ("description", "content"):
            if isinstance(item.get(key), str):
                item[key] = _unique_entry_ids(item[key])


#: An article is in several feeds (all, its category, its author, its language), each time
#: the same text: its ids are made unique once.
_unique_entry_ids = functools.lru_cache(maxsize=256)(anchors.unique_page_ids)


def watch_catalogues(pelican: Any) -> None:
    """Make ``pelican --autoreload`` rebuild when a catalogue changes, like content does."""
    import pelican as pelican_module

    require_valid(pelican.settings)
    original = getattr(pelican_module, "wait_for_changes", None)
    if original is None or getattr(original, "_bij1code", False):
        return

    def wait_for_changes(settings_file: str, settings: Any) -> Any:
        folder = str(locales_dir(settings))
        content = os.path.abspath(settings.get("PATH", "") or ".")
        watched = dict(settings)
        watched["STATIC_PATHS"] = [*settings.get("STATIC_PATHS", []),
                                   os.path.relpath(folder, content)]
        return original(settings_file, watched)

    wait_for_changes._bij1code = True  # type: ignore[attr-defined]
    pelican_module.wait_for_changes = wait_for_changes


def register() -> None:
    signals.initialized.connect(watch_catalogues)
    signals.generator_init.connect(start_build)
    signals.content_object_init.connect(expand_content)
    signals.article_generator_finalized.connect(refresh_cached)
    signals.page_generator_finalized.connect(refresh_cached)
    signals.article_generator_finalized.connect(link_dutch_original)
    signals.page_generator_finalized.connect(link_dutch_original)
    signals.all_generators_finalized.connect(unique_ids_in_templates)
    signals.all_generators_finalized.connect(fail_if_strict)
    signals.finalized.connect(fail_if_strict)
    signals.feed_generated.connect(unique_ids_in_feed)
