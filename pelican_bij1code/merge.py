"""Keeping catalogues in step with the template: ``update`` and ``init``.

``update`` works like ``msgmerge``, with one promise on top: no translation ever disappears.
An unchanged message keeps its translation and its lines byte for byte; a changed one keeps its
old translation, marked fuzzy, with the old Dutch as ``#| msgid``; a removed one becomes
obsolete (``#~``). Files are written atomically.

>>> template = pofile.parse('msgid ""\\nmsgstr ""\\n\\nmsgid "Wij zijn BIJ1."\\nmsgstr ""\\n')
>>> old = pofile.parse('msgid ""\\nmsgstr "Language: en\\\\n"\\n\\nmsgid "Wij zijn BIJ1"\\n'
...                    'msgstr "We are BIJ1"\\n')
>>> new = merge(old, template, "en")
>>> new.entries[0].msgstr, new.entries[0].flags, new.entries[0].previous_msgid
('We are BIJ1', ['fuzzy'], 'Wij zijn BIJ1')
"""

from __future__ import annotations

import difflib
from pathlib import Path

from . import languages, pofile
from .catalogue import DRAFT, Locales
from .extract import header_text, now
from .master import SOURCE_LANG

#: How alike an old msgid must be to a new one to carry its translation over (as msgmerge).
SIMILARITY = 0.6


class MergeError(ValueError):
    """A catalogue or template that cannot be merged; ``problems`` are ``(file, line, text)``."""

    def __init__(self, problems: list[tuple[str, int, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{f}:{n}: {t}" for f, n, t in problems))


def _closest(msgid: str, candidates: dict[str, pofile.Entry]) -> pofile.Entry | None:
    best, best_ratio = None, SIMILARITY
    for text, entry in candidates.items():
        matcher = difflib.SequenceMatcher(None, msgid, text, autojunk=False)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio:
            best, best_ratio = entry, ratio
    return best


def merge(old: pofile.PoFile, template: pofile.PoFile, lang: str) -> pofile.PoFile:
    """The catalogue ``old`` brought in step with ``template``."""
    active = {e.key: e for e in old.entries if not e.obsolete}
    obsolete = {e.key: e for e in old.entries if e.obsolete}
    used: set[tuple[str | None, str]] = set()
    entries: list[pofile.Entry] = []
    for ref in template.active():
        fresh = dict(extracted_comments=list(ref.extracted_comments),
                     references=list(ref.references))
        match = active.get(ref.key) or obsolete.get(ref.key)
        if lang == SOURCE_LANG:
            flags = [f for f in (match.flags if match else []) if f != "fuzzy"]
            comments = list(match.translator_comments) if match else []
            entries.append(ref.replace(msgstr=ref.msgid, flags=flags, raw=None,
                                   translator_comments=comments))
        elif match is not None:
            used.add(match.key)
            entries.append(match.replace(obsolete=False, raw=None, line=0, **fresh))
        else:
            pool = {e.msgid: e for k, e in {**obsolete, **active}.items()
                    if k not in used and e.msgstr}
            close = _closest(ref.msgid, pool)
            if close is not None:
                used.add(close.key)
                flags = list(dict.fromkeys([*close.flags, "fuzzy"]))
                entries.append(ref.replace(msgstr=close.msgstr, flags=flags, raw=None,
                                       previous_msgid=close.msgid,
                                       translator_comments=list(close.translator_comments)))
            else:
                entries.append(ref.replace(raw=None))
    for entry in [*active.values(), *obsolete.values()]:
        if entry.key not in used and entry.key not in {e.key for e in entries} \
                and (entry.msgstr or any(entry.msgstr_plural.values())):
            entries.append(entry.replace(obsolete=True, references=[], raw=None))
    header = old.header
    created = template.metadata.get("POT-Creation-Date")
    if header is not None and created:
        fields = old.metadata
        if fields.get("POT-Creation-Date") != created:
            fields["POT-Creation-Date"] = created
            header = header.replace(msgstr=header_text(fields), raw=None)
    return pofile.PoFile(path=old.path, header=header, entries=entries)


def _lost(old: pofile.PoFile, new: pofile.PoFile) -> list[pofile.Entry]:
    """Translations of ``old`` that ``new`` no longer holds anywhere (must be none)."""
    kept = {e.msgstr for e in new.entries}
    return [e for e in old.entries if e.msgstr and e.msgstr not in kept]


def update(locales: Locales, only: list[str] | None = None) -> list[str]:
    """Merge the template into every catalogue; returns the languages whose file changed.

    Every file is read and merged before any is written: one malformed catalogue stops the
    update with :class:`MergeError` and nothing is written.
    """
    template = _read_all([locales.template_path])[0]
    langs = only or locales.languages()
    olds = _read_all([locales.catalogue_path(lang) for lang in langs])
    plans: list[tuple[str, str]] = []
    for lang, old in zip(langs, olds, strict=True):
        new = merge(old, template, lang)
        lost = _lost(old, new) if lang != SOURCE_LANG else []
        if lost:
            raise MergeError([(old.path, e.line, "update would lose this translation")
                              for e in lost])
        originals = {e.key: e for e in old.entries}
        if old.header is not None:
            originals[old.header.key] = old.header
        plans.append((lang, pofile.dump(new, originals)))
    changed = []
    for lang, text in plans:
        pofile.parse(text, str(locales.catalogue_path(lang)))  # never write what we cannot read
        if pofile.write_atomic(locales.catalogue_path(lang), text):
            changed.append(lang)
    return changed


def _read_all(paths: list[Path]) -> list[pofile.PoFile]:
    """Parse every file, or raise one MergeError listing every problem in all of them."""
    results: list[pofile.PoFile] = []
    problems: list[tuple[str, int, str]] = []
    for path in paths:
        try:
            results.append(pofile.read(path))
        except pofile.PoSyntaxError as exc:
            problems.extend((exc.path, e.line, e.message) for e in exc.errors)
        except OSError as exc:
            problems.append((str(path), 0, exc.strerror or str(exc)))
    if problems:
        raise MergeError(problems)
    return results


def init(locales: Locales, lang: str, status: str = DRAFT) -> str:
    """Start a catalogue for ``lang`` from the template; returns its normalised code.

    Plural-Forms comes from CLDR where Babel knows the language, else from our own table; a
    language nobody knows gets a guess, marked for the translator to confirm.
    """
    code = languages.normalise(lang)
    if code is None:
        raise ValueError(f"{lang!r} is not a language tag (try e.g. 'en', 'pap', 'srn')")
    path = locales.catalogue_path(code)
    locales.statuses()  # an unreadable status.toml stops init before anything is written
    if path.exists():
        raise FileExistsError(f"{path} already exists; use `bij1code update` to refresh it")
    template = _read_all([locales.template_path])[0]
    plural = languages.plural_forms(code)
    comments = [
        f"{languages.name(code, 'en')} translation of BIJ1's code of conduct (gedragscode).",
        "Only the Dutch text is binding; the notice message says so in this language.",
    ]
    if plural is None:
        comments.append(f"CLDR has no plural rules for {code!r}: check Plural-Forms.")
        plural = "nplurals=2; plural=(n != 1);"
    fields = {
        "Project-Id-Version": "pelican-bij1code",
        "Report-Msgid-Bugs-To": "bestuur@bij1.org",
        "POT-Creation-Date": template.metadata.get("POT-Creation-Date", now()),
        "PO-Revision-Date": now(),
        "Last-Translator": "",
        "Language-Team": languages.name(code, "en"),
        "Language": code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural,
    }
    header = pofile.Entry(msgid="", msgstr=header_text(fields), translator_comments=comments)
    entries = [e.replace(raw=None, msgstr=e.msgid if code == SOURCE_LANG else "")
               for e in template.active()]
    po = pofile.PoFile(path=str(path), header=header, entries=entries)
    pofile.write_atomic(path, pofile.dump(po))
    if code != SOURCE_LANG:
        locales.set_status(code, status)
    return code
