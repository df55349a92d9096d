"""Checking catalogues: complete, well-formed, and safe to put on a page.

Translations are untrusted input. A catalogue passes only if every template message is
translated (not fuzzy), its header is right, and no translation adds a link, a link target, an
image, raw HTML or an invisible character that the Dutch lacks, or drops BIJ1's own terms.

>>> from .catalogue import Locales, shipped_locales_dir
>>> report = check_language(Locales(shipped_locales_dir()), "en")
>>> report.status, report.translated == report.total, report.errors
('published', True, [])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Literal, NamedTuple

from . import languages, markup, pofile
from .catalogue import DRAFT, Loaded, Locales
from .master import SOURCE_LANG, messages
from .plurals import PluralFormsError, parse_plural_forms, same_rule

Severity = Literal["error", "warning"]

#: Terms that stay as they are in every language: whole words, in the visible text (not inside
#: link targets or e-mail addresses), in any case of the Latin letters (so "BİJ1", with a
#: Turkish dotted İ, does not count). "BIJ1" does not count inside "BIJ1komst".
#: Each term, with what :func:`_terms` gives for it: "komst" for BIJ1komst(en), "" for BIJ1.
KEEP_TERMS = {"BIJ1komst": "komst", "BIJ1": ""}
#: A term where it starts a word; the start is tested in _terms (a regex without a look-behind
#: finds its first letter quickly).
_TERM = re.compile(r"[Bb][Ii][Jj]1([Kk][Oo][Mm][Ss][Tt]|\b)")
#: Link schemes that can run code or smuggle content.
UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:", "file:")
#: Bidirectional controls and zero-width characters: invisible, and able to reorder text.
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]|&#?\w+;")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IMAGE = re.compile(r"!\[[^\]]*\]\(")
_BLOCK_START = re.compile(r"^\s*(?:#{1,6}(?:\s|$)|>|[*+-]\s|\d+[.)]\s|```|~~~|={3,}|-{3,})")
#: The characters other than white space and digits that _BLOCK_START can begin with.
_BLOCK_FIRST = "#>*+-`~="
_END = ".!?:;…。！？؟۔)»”\"'"


class Problem(NamedTuple):
    """One finding: where it is, how bad, a stable code and a sentence for the translator."""

    file: str
    line: int
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.code} {self.message}"


class Report:
    """What the check found in one language."""

    def __init__(self, locale: str, status: str, translated: int, total: int,
                 problems: list[Problem] | None = None) -> None:
        self.locale = locale
        self.status = status
        self.translated = translated
        self.total = total
        self.problems: list[Problem] = [] if problems is None else problems

    def __repr__(self) -> str:
        return (f"Report(locale={self.locale!r}, status={self.status!r}, "
                f"translated={self.translated}, total={self.total}, "
                f"problems={self.problems!r})")

    @property
    def percent(self) -> float:
        """Share of template messages translated and not fuzzy."""
        return 100.0 * self.translated / self.total if self.total else 0.0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def fails(self, strict: bool = False) -> bool:
        """Whether this report fails the run. A draft never does."""
        if self.status == DRAFT:
            return False
        return bool(self.problems if strict else self.errors)

    def as_dict(self) -> dict[str, object]:
        """The report as JSON-ready data (``bij1code check --format json``)."""
        return {"locale": self.locale, "status": self.status, "translated": self.translated,
                "total": self.total, "problems": [p._asdict() for p in self.problems],
                "percent": round(self.percent, 1)}


# -- single messages -------------------------------------------------------------------------


def check_message(source: str, translation: str) -> list[tuple[Severity, str, str]]:
    """Compare one translation with its Dutch source; ``(severity, code, message)`` each.

    Each check runs only when the characters it looks for are there, so the common message
    (plain text) costs a handful of substring tests.

    >>> source = "Zie [de code](https://bij1.org/)."
    >>> check_message(source, "See [the code](javascript:alert(1)).")[0][1]
    'unsafe-link'
    >>> check_message("Wij zijn BIJ1.", "We are BIJ1.")
    []
    """
    found: list[tuple[Severity, str, str]] = []

    def add(severity: Severity, code: str, message: str) -> None:
        found.append((severity, code, message))

    if ("<" in translation or "&" in translation) and _HTML.search(translation) \
            and not _HTML.search(source):
        add("error", "raw-html", "has HTML markup or an entity; write plain text")
    if "\n" in translation and "\n" not in source:
        add("error", "line-break", "has a line break; a message is one block of text")
    first = translation[:1]
    if (first in _BLOCK_FIRST or first.isspace() or first.isdecimal()) \
            and _BLOCK_START.match(translation) and not _BLOCK_START.match(source):
        add("error", "block-markup",
            "starts with Markdown block markup (#, >, *, -, 1.); the block's kind comes from "
            "the Dutch text, so write only its text")
    if not translation.isascii() and INVISIBLE.search(translation):
        invisible = set(INVISIBLE.findall(translation)) - set(INVISIBLE.findall(source))
        if invisible:
            names = ", ".join(f"U+{ord(c):04X}" for c in sorted(invisible))
            add("error", "invisible-char", f"has invisible or bidi control characters ({names})")

    source_tokens = markup.parse(source) if "[" in source else None
    translated_tokens = markup.parse(translation) if "[" in translation else None
    if source_tokens is not None or translated_tokens is not None:
        _check_links(source, translation, source_tokens or [], translated_tokens or [], add)
    # What a reader sees: link texts, not targets; e-mail addresses are checked on their own.
    source_text = _text(source, source_tokens)
    translated_text = _text(translation, translated_tokens)
    if "@" in source_text or "@" in translated_text:
        source_mails = set(_EMAIL.findall(source_text))
        translated_mails = set(_EMAIL.findall(translated_text))
        for address in sorted(source_mails - translated_mails):
            add("error", "email", f"lost the e-mail address {address}")
        for address in sorted(translated_mails - source_mails):
            add("error", "email",
                f"has the e-mail address {address}, which the Dutch text does not")
        source_text = _EMAIL.sub(" ", source_text)
        translated_text = _EMAIL.sub(" ", translated_text)
    if "bij1" in source_text.lower():
        source_terms, translated_terms = _terms(source_text), _terms(translated_text)
        for term, captured in KEEP_TERMS.items():
            wanted = source_terms.count(captured)
            have = translated_terms.count(captured)
            if have < wanted:
                add("error", "term", f"has {have} × {term!r} where the Dutch has {wanted}; "
                    "it stays as it is in every language")

    if translation == source and re.search(r"[A-Za-z]{3}", source):
        add("warning", "unchanged", "is the same as the Dutch text; is it translated?")
    if "  " in translation and "  " in translation.strip() and "  " not in source.strip():
        add("warning", "double-space", "has a double space")
    if translation != translation.strip() and source == source.strip():
        add("warning", "whitespace", "starts or ends with white space")
    ending = translation.rstrip()[-1:]
    if source.rstrip()[-1:] in _END and (not ending or ending not in _END):
        add("warning", "end-punctuation",
            f"does not end with punctuation, while the Dutch ends with {source.rstrip()[-1]!r}")
    return found


def _terms(text: str) -> list[str]:
    """BIJ1's terms in ``text``, each as its key in :data:`KEEP_TERMS` gives it.

    >>> _terms("BIJ1, bij1komsten, BIJ1a, xBIJ1, BİJ1")
    ['', 'komst']
    """
    found = []
    for match in _TERM.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue  # inside a word
        found.append(match.group(1).lower())
    return found


def _text(message: str, tokens: list[markup.Token] | None) -> str:
    """A message as plain text: link texts, escapes resolved (tokens: its parse, if any)."""
    return markup.to_text(tokens, ()) if tokens is not None else markup.unescape(message)


def _check_links(source: str, translation: str, source_tokens: list[markup.Token],
                 translated_tokens: list[markup.Token],
                 add: Callable[[Severity, str, str], None]) -> None:
    """Links: targets exactly the Dutch ones, paired with the same texts; no images."""
    source_links = [t for t in source_tokens if isinstance(t, markup.Link)]
    translated_links = [t for t in translated_tokens if isinstance(t, markup.Link)]
    targets = [link.target for link in source_links]
    for link in translated_links:
        if link.target.strip().lower().startswith(UNSAFE_SCHEMES):
            add("error", "unsafe-link", f"links to {link.target!r}, a scheme that can run code")
    if "![" in translation and _IMAGE.search(translation) and not _IMAGE.search(source):
        add("error", "image", "adds an image, which the Dutch text does not have")
    added = [t.target for t in translated_links if t.target not in targets]
    if added:
        add("error", "link-added",
            "links to " + ", ".join(map(repr, added)) + ", which the Dutch text does not")
    missing = [t for t in targets if t not in {link.target for link in translated_links}]
    if missing:
        add("error", "link-missing", "lost the link to " + ", ".join(map(repr, missing)))
    extra = len(translated_links) - len(source_links)
    if not added and extra > 0:
        add("error", "link-added", f"has {extra} more link(s) than the Dutch text")
    # A link whose text is an address (e-mail, URL) must point to that address.
    by_text = {link.text.strip(): link.target for link in source_links}
    for link in translated_links:
        text = link.text.strip()
        expected = by_text.get(text)
        if (expected is not None and expected != link.target and _EMAIL.search(text)) or (
                _EMAIL.fullmatch(text) and link.target.startswith("mailto:")
                and link.target[7:] != text):
            add("error", "link-swapped",
                f"the link text {link.text!r} points to {link.target!r}, not to "
                f"{expected or 'mailto:' + text!r}")


# -- whole catalogues ------------------------------------------------------------------------


def _syntax_problems(loaded: Loaded) -> list[Problem]:
    error = loaded.error
    if isinstance(error, pofile.PoSyntaxError):
        return [Problem(error.path, e.line, "error", "syntax", e.message) for e in error.errors]
    reason = getattr(error, "strerror", None) or str(error)
    return [Problem(str(loaded.path), 0, "error", "unreadable", f"cannot read the file: {reason}")]


def check_header(po: pofile.PoFile, lang: str) -> list[Problem]:
    """``Language``, ``Plural-Forms`` and the charset."""
    problems: list[Problem] = []
    line = po.header.line if po.header else 1
    meta = po.metadata

    def add(severity: Severity, code: str, message: str) -> None:
        problems.append(Problem(po.path, line, severity, code, message))

    if po.header is None:
        add("error", "header", "has no header entry (msgid \"\")")
        return problems
    declared = meta.get("Language", "")
    if not declared:
        add("error", "header-language", f"header has no Language; it should be {lang!r}")
    elif languages.normalise(declared) != lang:
        add("error", "header-language",
            f"header says Language: {declared}, but the catalogue is in the folder {lang!r}")
    charset = re.search(r"charset=([\w-]+)", meta.get("Content-Type", ""))
    if not charset or charset.group(1).upper() not in ("UTF-8", "UTF8"):
        add("error", "header-charset",
            "Content-Type must be 'text/plain; charset=UTF-8'"
            + (f", not charset={charset.group(1)}" if charset else ""))
    plural = meta.get("Plural-Forms")
    expected = languages.plural_forms(lang)
    if plural is None:
        add("warning" if expected is None else "error", "header-plural",
            "header has no Plural-Forms" + (f"; CLDR gives {expected!r}" if expected else ""))
    else:
        try:
            parse_plural_forms(plural)
            if expected is not None and not same_rule(plural, expected):
                add("error", "header-plural",
                    f"Plural-Forms {plural!r} differs from CLDR's {expected!r}")
        except (PluralFormsError, RecursionError) as exc:
            add("error", "header-plural", f"Plural-Forms cannot be read: {exc}")
    return problems


def check_plural_counts(po: pofile.PoFile) -> list[Problem]:
    """Every plural entry has as many forms as ``Plural-Forms`` says (as ``msgfmt -c``)."""
    try:
        count = parse_plural_forms(po.metadata.get("Plural-Forms", "")).count
    except (PluralFormsError, RecursionError):
        return []
    return [Problem(po.path, e.line, "error", "plural-forms",
                    f"{_short(e.msgid)} has {len(e.msgstr_plural)} plural forms; "
                    f"Plural-Forms says nplurals={count}")
            for e in po.entries
            if e.msgid_plural is not None and not e.obsolete and len(e.msgstr_plural) != count]


def check_entries(po: pofile.PoFile, template: Sequence[pofile.Entry],
                  lang: str) -> tuple[int, list[Problem]]:
    """Completeness against the template and every translated message's integrity.

    Returns the number of template messages translated (not fuzzy) and the problems.
    """
    problems: list[Problem] = []
    entries = {(e.msgctxt, e.msgid): e for e in po.entries if not e.obsolete}
    wanted = {(e.msgctxt, e.msgid) for e in template}
    translated = 0
    for reference in template:
        entry = entries.get((reference.msgctxt, reference.msgid))
        if entry is None:
            problems.append(Problem(po.path, 1, "error", "missing",
                                    f"{_short(reference.msgid)} (template line "
                                    f"{reference.line}) is missing; run `bij1code update`"))
            continue
        if entry.fuzzy:
            problems.append(Problem(po.path, entry.line, "error", "fuzzy",
                                    f"{_short(reference.msgid)} is fuzzy: check it, then "
                                    "remove the fuzzy flag"))
            continue
        if not entry.translated:
            problems.append(Problem(po.path, entry.line, "error", "untranslated",
                                    f"{_short(reference.msgid)} is not translated"))
            continue
        translated += 1
        texts = [(entry.msgid, entry.msgstr)] if entry.msgid_plural is None else [
            (entry.msgid if index == 0 else entry.msgid_plural, text)
            for index, text in sorted(entry.msgstr_plural.items())]
        for source, text in texts:
            if source.startswith("\n") != text.startswith("\n") or \
                    source.endswith("\n") != text.endswith("\n"):
                problems.append(Problem(po.path, entry.line, "error", "newline",
                                        f"{_short(source)}: msgid and msgstr must both begin "
                                        "and end with a newline, or neither (msgfmt -c)"))
            for severity, code, message in check_message(source, text):
                if code == "unchanged" and lang == SOURCE_LANG:
                    continue
                problems.append(Problem(po.path, entry.line, severity, code,
                                        f"{_short(entry.msgid)} {message}"))
    for entry in po.entries:
        if entry.obsolete:
            problems.append(Problem(po.path, entry.line, "warning", "obsolete",
                                    f"{_short(entry.msgid)} is obsolete (kept for reference)"))
        elif entry.key not in wanted:
            problems.append(Problem(po.path, entry.line, "warning", "extra",
                                    f"{_short(entry.msgid)} is not in the template: if the "
                                    "msgid (the Dutch) was edited, put it back, only msgstr is "
                                    "yours to change; else run `bij1code update`"))
    return translated, problems


def check_template(locales: Locales) -> tuple[list[pofile.Entry], list[Problem]]:
    """The template's messages, and problems with the template itself."""
    loaded = locales.load_template()
    if loaded.po is None:
        if isinstance(loaded.error, FileNotFoundError):
            return [], [Problem(str(locales.template_path), 0, "error", "template",
                                "the template is missing; run `bij1code extract`")]
        return [], _syntax_problems(loaded)
    template = loaded.po.active()
    problems: list[Problem] = []
    if [e.msgid for e in template] != [b.text for b in messages()]:
        problems.append(Problem(str(locales.template_path), 1, "error", "template-outdated",
                                "the template does not match the Dutch master; run "
                                "`bij1code extract` and `bij1code update`"))
    return template, problems


def check_language(locales: Locales, lang: str,
                   template: tuple[list[pofile.Entry], list[Problem]] | None = None) -> Report:
    """Check one language's catalogue against the template."""
    entries, template_problems = template or check_template(locales)
    status = locales.status(lang)
    report = Report(locale=lang, status=status, translated=0, total=len(entries))
    loaded = locales.load(lang)
    if loaded.po is None:
        report.problems = _syntax_problems(loaded)
        return report
    report.problems = check_header(loaded.po, lang) + check_plural_counts(loaded.po)
    report.translated, found = check_entries(loaded.po, entries, lang)
    report.problems += found
    if not entries:
        report.problems += template_problems
    return report


def check_all(locales: Locales, only: Iterable[str] | None = None) -> list[Report]:
    """Check every language (or those in ``only``); a template problem is its own report."""
    template = check_template(locales)
    chosen = list(only) if only else locales.languages()
    reports = [check_language(locales, lang, template) for lang in chosen]
    if template[1] and (template[0] or not reports):
        reports.insert(0, Report("template", "published", 0, len(template[0]), template[1]))
    return reports


def _short(msgid: str, width: int = 40) -> str:
    text = msgid if len(msgid) <= width else msgid[: width - 1] + "…"
    return f"msgid {text!r}"


def path_in(path: str, root: Path) -> str:
    """A path relative to ``root`` where possible, for messages and annotations."""
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return path
