"""Rendering the code of conduct in one language, as HTML, Markdown or plain text.

The structure (parts, headings, lists, paragraphs) always comes from the Dutch master; a
catalogue only supplies the text of each block. A translation is rendered only when its
catalogue is published and passes the check with no error, so a page never mixes languages
and nothing a ``.po`` file says can become script, style or a foreign link.

>>> from .catalogue import Locales, shipped_locales_dir
>>> renderer = Renderer(Locales(shipped_locales_dir()))
>>> choice = renderer.choose(["en-GB"])
>>> choice.lang, choice.problems
('en', [])
>>> html = renderer.html(choice.lang, parts=("ik",), level=3)
>>> html.startswith('<section class="gedragscode" lang="en" dir="ltr">')
True
"""

from __future__ import annotations

import functools
import html as html_lib
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Literal, NamedTuple

from . import anchors, languages, markup, pofile, visual
from .catalogue import DRAFT, Locales, LocalesError, folder_name, is_language_folder
from .characters import allowed_hidden, visible, written_out
from .check import check_language, check_message
from .master import NOTICE, PARTS, SOURCE_LANG, Block, load_master, messages

Format = Literal["html", "md", "txt"]
FORMATS: tuple[Format, ...] = ("html", "md", "txt")


class Choice(NamedTuple):
    """The language chosen for a rendering, and why others were passed over."""

    lang: str
    problems: list[str]


def parse_parts(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Normalise a part selection (``"ik"``, ``"wij, samen"``, a list) to master order.

    >>> parse_parts("samen, wij"), parse_parts(None)
    (('wij', 'samen'), ('wij', 'ik', 'samen'))
    >>> parse_parts("jullie")
    Traceback (most recent call last):
    ValueError: unknown part 'jullie' (choose from wij, ik, samen)
    """
    if value is None:
        return PARTS
    names = value.split(",") if isinstance(value, str) else list(value)
    chosen = {n.strip().lower() for n in names if n.strip()}
    for name in sorted(chosen - set(PARTS)):
        raise ValueError(f"unknown part {name!r} (choose from {', '.join(PARTS)})")
    if not chosen:
        raise ValueError(f"no part given (choose from {', '.join(PARTS)})")
    return tuple(p for p in PARTS if p in chosen)


def is_level(value: object) -> bool:
    """A heading level: a whole number from 1 to 6, and not ``True`` (a bool is an int in
    Python, and ``<hTrue>`` is no heading).

    >>> is_level(3), is_level(True), is_level(7), is_level("3"), is_level(3.0)
    (True, False, False, False, False)
    """
    return type(value) is int and 1 <= value <= 6


#: What a block says in a rendering: its text, and for a preview, a mark for the reader
#: ("fuzzy": a stale translation; "dutch": not translated yet, shown in Dutch).
Translated = tuple[str, str]
Translate = Callable[[Block], Translated]

#: How a preview marks what is not a finished translation; a text that fails the safety
#: check is marked ``unsafe:CODE`` (the finding's code), shown as ``[UNSAFE: CODE]``.
MARKS = {"fuzzy": "[FUZZY]", "dutch": "[NL]"}


def mark_label(mark: str) -> str:
    """How a preview shows a mark.

    >>> mark_label("fuzzy"), mark_label("unsafe:link-added")
    ('[FUZZY]', '[UNSAFE: link-added]')
    """
    kind, _, code = mark.partition(":")
    return f"[UNSAFE: {code}]" if kind == "unsafe" else MARKS[mark]


class Renderer:
    """Renders from one locales folder; each (language, parts, level, format) once, until a
    catalogue changes.

    A language is judged once per state of the folder: its catalogue is parsed once, checked,
    and the very entries the check judged are the ones rendered.
    """

    def __init__(self, locales: Locales) -> None:
        self.locales = locales
        self._lock = threading.Lock()
        self._signature: tuple[object, ...] | None = None
        self._usable: dict[str, tuple[bool, str]] = {}
        self._tables: dict[str, dict[str, str]] = {}
        self._folders: dict[str, str] = {}
        self._rendered: dict[tuple[str, tuple[str, ...], int, str, bool, int], str] = {}

    @property
    def signature(self) -> tuple[object, ...] | None:
        """The state of the catalogues at the last :meth:`refresh`."""
        return self._signature

    def refresh(self) -> None:
        """Forget what was rendered if any catalogue changed on disk since."""
        signature = self.locales.signature()
        with self._lock:
            if signature != self._signature:
                self._signature = signature
                self._usable.clear()
                self._tables.clear()
                self._folders.clear()
                self._rendered.clear()

    def usable(self, lang: str) -> tuple[bool, str]:
        """Whether a language can be rendered, and if not, why not."""
        if lang == SOURCE_LANG:
            return True, ""
        with self._lock:
            if lang in self._usable:
                return self._usable[lang]
        try:
            result = self._judge(lang)
        except LocalesError as exc:  # status.toml unreadable: no language of the folder
            result = False, f"the {lang!r} catalogue is not used: {exc}"
        with self._lock:
            self._usable[lang] = result
        return result

    def _judge(self, lang: str) -> tuple[bool, str]:
        if not is_language_folder(lang):
            return False, f"{ascii(lang)[:40]} is not a language code"
        if not os.path.lexists(self.locales.catalogue_path(lang)):  # a FIFO: the check says
            return False, f"there is no catalogue for {lang!r} in {self.locales.root}"
        twins = next((names for names in self.locales.twins() if lang in names), None)
        if twins:
            return False, (f"the folders {', '.join(twins)} in {self.locales.root} name one "
                           "language; none of them is rendered until one is left")
        declared = self.locales.statuses()  # read once, for the status and the check
        if self.locales.status(lang, declared) == DRAFT:
            return False, f"the {lang!r} catalogue is a draft"
        report = check_language(self.locales, lang, declared=declared)
        errors = report.errors
        if errors or report.catalogue is None:
            first = errors[0]
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            return False, (f"the {lang!r} catalogue fails the check: {first.file}:{first.line}: "
                           f"{first.code} {first.message}{more}")
        table = _table(report.catalogue, preview=False)
        missing = [b for b in messages() if b.text not in table]
        if missing:
            return False, (f"the {lang!r} catalogue in {self.locales.root} does not match this "
                           f"version's Dutch text ({len(missing)} message(s) missing, e.g. "
                           f"{missing[0].text[:40]!r}); run `bij1code extract` and "
                           "`bij1code update`, then translate")
        with self._lock:
            self._tables[lang] = {k: v for k, (v, _) in table.items()}
        return True, ""

    def choose(self, candidates: Sequence[str | None], fallback: str = SOURCE_LANG) -> Choice:
        """The first candidate that can be rendered, each from its most specific catalogue to
        its primary language's (``en-US``: ``en_US``, then ``en``: a draft ``en_US`` leaves
        English pages English); the Dutch source as the last resort."""
        problems: list[str] = []
        tried: set[str] = set()
        for candidate in (*candidates, fallback):
            if not candidate:
                continue
            if languages.normalise(candidate) is None:
                problems.append(f"{ascii(candidate)[:40]} is not a language tag")
                continue
            for tag in languages.lookup_chain(candidate) or [candidate]:
                lang = self.folder(tag)
                if lang in tried:
                    continue
                tried.add(lang)
                ok, why = self.usable(lang)
                if ok:
                    return Choice(lang, problems)
                problems.append(why)
        return Choice(SOURCE_LANG, problems)

    def folder(self, tag: str) -> str:
        """The catalogue folder a language tag asks for (``pt-BR``: ``pt_BR`` if there is
        one, else ``pt``; ``pa-PK``: ``pa_PK`` or ``pa_Arab``, never ``pa``, which is
        Gurmukhi; Dutch by any name, ``NL``, ``nl-BE``, ``nld``: the master, ``nl``), looked
        up once per state of the folder."""
        with self._lock:
            found = self._folders.get(tag)
        if found is None:
            # none there: the shortest tag it may fall back to names the missing catalogue
            # (en-US: en; pa-Arab: pa_Arab, never pa, which is written in Gurmukhi)
            shortest = min(languages.lookup_chain(tag) or [tag], key=len)
            found = self.locales.find(tag) or folder_name(shortest) \
                or languages.normalise(tag) or ""
            if languages.normalise(found) == SOURCE_LANG:
                found = SOURCE_LANG
            with self._lock:
                self._folders[tag] = found
        return found

    def _translator(self, lang: str, preview: bool = False) -> Translate:
        if lang == SOURCE_LANG:
            return lambda block: (block.text, "")
        if preview:
            loaded = self.locales.load(lang)
            if loaded.po is None:
                raise ValueError(str(loaded.error))
            previewed = _table(loaded.po, preview=True)

            def preview_text(block: Block) -> Translated:
                text, mark = previewed.get(block.text) or (block.text, "dutch")
                if mark != "dutch":
                    errors = [code for severity, code, _ in check_message(block.text, text, lang)
                              if severity == "error"]
                    if errors:
                        mark = f"unsafe:{errors[0]}"
                # what the translation hides, written out (not the marks the renderer adds)
                return written_out(text, allowed_hidden(lang)), mark

            return preview_text
        if not self.usable(lang)[0]:
            raise ValueError(f"{lang!r} cannot be rendered: {self.usable(lang)[1]}")
        table = self._tables[lang]
        return lambda block: (table[block.text], "")

    def render(self, lang: str, parts: Sequence[str] = PARTS, level: int = 2,
               fmt: Format = "html", preview: bool = False, numbered: bool = False,
               copy: int = 1) -> str:
        """The code in ``lang``, which must be usable (see :meth:`choose`).

        ``preview`` renders any catalogue, fuzzy entries included and marked ``[FUZZY]``,
        missing ones in Dutch marked ``[NL]``: for translators looking at their work, never
        for a published page. ``numbered`` shows each rule's name (``wij-7``, see
        :mod:`.anchors`); in HTML it links to the rule. ``copy`` is which code of its page
        this is (1, 2, ...): it keeps ids unique.
        """
        if not is_level(level):  # a caller's bug: every user's value is checked before
            raise ValueError(f"level must be a whole number from 1 to 6, not {level!r}")
        key = (lang, tuple(parts), level, fmt + ("-preview" if preview else ""), numbered, copy)
        with self._lock:
            if key in self._rendered:
                return self._rendered[key]
        text = RENDERERS[fmt](lang, self._translator(lang, preview), tuple(parts), level,
                              numbered, copy)
        with self._lock:
            self._rendered[key] = text
        return text

    def html(self, lang: str, parts: Sequence[str] = PARTS, level: int = 2,
             numbered: bool = False, copy: int = 1) -> str:
        return self.render(lang, parts, level, "html", numbered=numbered, copy=copy)

    def title(self, lang: str, part: str = PARTS[0]) -> str:
        """A part's title as plain text (for summaries and link texts)."""
        block = next(b for b in load_master() if b.kind == "title" and b.part == part)
        return markup.to_text(markup.parse(self._translator(lang)(block)[0]), ())


def _table(po: pofile.PoFile, preview: bool) -> dict[str, Translated]:
    """The texts a catalogue gives the master's blocks, keyed as the template keys them (no
    context, singular): a copy with a ``msgctxt``, a plural entry or an obsolete one is never
    used. Without ``preview``, only finished translations that show something; with it, fuzzy
    ones too, marked."""
    table: dict[str, Translated] = {}
    for entry in po.entries:
        if entry.msgctxt is not None or entry.msgid_plural is not None or entry.obsolete:
            continue
        if entry.translated and _shows_something(entry.msgstr):
            table.setdefault(entry.msgid, (entry.msgstr, ""))
        elif preview and entry.fuzzy and _shows_something(entry.msgstr):
            table.setdefault(entry.msgid, (entry.msgstr, "fuzzy"))
    return table


def _shows_something(text: str) -> bool:
    return bool(visible(markup.to_text(markup.parse(text), ())).strip())


# -- the three formats -----------------------------------------------------------------------


@functools.cache
def _targets(source: str) -> frozenset[str]:
    return frozenset(link.target for link in markup.links(source))


def _blocks(parts: Sequence[str]) -> list[Block]:
    return [b for b in load_master() if b.part in parts]


def _html(lang: str, translate: Translate, parts: tuple[str, ...], level: int,
          numbered: bool = False, copy: int = 1) -> str:
    rtl = languages.direction(lang) == "rtl"
    tag = html_lang(lang)

    def inline(block: Block) -> str:
        text, mark = translate(block)
        shown = markup.to_html(markup.parse(text), _targets(block.text), rtl)
        if mark:
            label = html_lib.escape(mark_label(mark))
            shown = (f'<mark class="gedragscode-{mark.partition(":")[0]}">{label}</mark> '
                     f'<span lang="{"nl" if mark == "dutch" else tag}">{shown}</span>')
        if not numbered or block.kind in ("notice", "title"):
            return shown
        return anchors.html_anchor(lang, block, copy, rtl) + " " + shown

    def ident(block: Block) -> str:
        return f' id="{anchors.rule_id(block, copy)}"'

    sub = min(level + 1, 6)
    out = [f'<section class="gedragscode" lang="{html_lib.escape(tag)}" '
           f'dir="{"rtl" if rtl else "ltr"}">']
    if lang != SOURCE_LANG:
        out.append(f'<p class="gedragscode-notice">{inline(NOTICE)}</p>')
    in_list = in_part = False
    for block in _blocks(parts):
        if in_list and block.kind != "item":
            out.append("</ul>")
            in_list = False
        if block.kind == "title":
            if in_part:
                out.append("</section>")
            in_part = True
            out.append(f'<section class="gedragscode-part" data-part="{block.part}"'
                       f'{ident(block)}>')
            out.append(f'<h{level} class="gedragscode-title">{inline(block)}</h{level}>')
        elif block.kind == "heading":
            out.append(f"<h{sub}{ident(block)}>{inline(block)}</h{sub}>")
        elif block.kind == "item":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li{ident(block)}>{inline(block)}</li>")
        else:
            out.append(f"<p{ident(block)}>{inline(block)}</p>")
    if in_list:
        out.append("</ul>")
    if in_part:
        out.append("</section>")
    out.append("</section>")
    return "\n".join(out)


def _markdown(lang: str, translate: Translate, parts: tuple[str, ...], level: int,
              numbered: bool = False, copy: int = 1) -> str:
    rtl = languages.direction(lang) == "rtl"

    def inline(block: Block) -> str:
        text, mark = translate(block)
        shown = markup.to_markdown(markup.parse(text), _targets(block.text), rtl)
        shown = f"**{mark_label(mark)}** {shown}" if mark else shown
        return _number(block, numbered, rtl) + shown

    out: list[str] = []
    if lang != SOURCE_LANG:
        out.append(f"*{inline(NOTICE)}*")
    previous = ""
    for block in _blocks(parts):
        if block.kind == "title":
            out.append(f"{'#' * level} {inline(block)}")
        elif block.kind == "heading":
            out.append(f"{'#' * min(level + 1, 6)} {inline(block)}")
        elif block.kind == "item":
            line = f"* {inline(block)}"
            if previous == "item":
                out[-1] += "\n" + line
                continue
            out.append(line)
        else:
            out.append(inline(block))
        previous = block.kind
    return "\n\n".join(out) + "\n"


def _text(lang: str, translate: Translate, parts: tuple[str, ...], level: int,
          numbered: bool = False, copy: int = 1) -> str:
    rtl = languages.direction(lang) == "rtl"

    def inline(block: Block) -> str:
        text, mark = translate(block)
        own = rtl and mark != "dutch"  # text in the language's own direction
        both = own or visual.reorders(text, rtl=False)  # right-to-left script in the text
        shown = markup.to_text(markup.parse(text), _targets(block.text), both)
        shown = f"{mark_label(mark)} {shown}" if mark else shown
        # the direction's mark first: a plain-text reader takes a line's direction from its
        # first letter, and a line may start with BIJ1, a rule's name or a word of the other
        # direction
        return (markup.RLM if own else markup.LRM if both else "") + _number(block, numbered) \
            + shown

    out: list[str] = []
    if lang != SOURCE_LANG:
        out.append(inline(NOTICE))
    previous = ""
    for block in _blocks(parts):
        text = inline(block)
        if block.kind == "item":
            if previous == "item":
                out[-1] += f"\n• {text}"
            else:
                out.append(f"• {text}")
        else:
            out.append(text)
        previous = block.kind
    return "\n\n".join(out) + "\n"


def html_lang(lang: str) -> str:
    """A folder's language code as an HTML ``lang`` value (BCP 47): ``pt_BR`` -> ``pt-BR``;
    gettext's script and variant modifiers as subtags (``sr@latin`` -> ``sr-Latn``).

    >>> html_lang("pt_BR"), html_lang("sr@latin"), html_lang("ca@valencia"), html_lang("nl")
    ('pt-BR', 'sr-Latn', 'ca-valencia', 'nl')
    """
    return languages.bcp47(lang) or lang.partition("@")[0].replace("_", "-")


def _number(block: Block, numbered: bool, rtl: bool = False) -> str:
    """Markdown and text have no ids: a numbered rendering shows the rule's name in front
    (in right-to-left Markdown isolated, as the page's ``<bdi>``)."""
    if not numbered or block.kind in ("title", "notice"):
        return ""
    name = anchors.rule_name(block)
    return f"{markup.LRI}{name}{markup.PDI} " if rtl else f"{name} "


RENDERERS: dict[str, Callable[[str, Translate, tuple[str, ...], int, bool, int], str]] = {
    "html": _html, "md": _markdown, "txt": _text,
}
