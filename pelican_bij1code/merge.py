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
('We are BIJ1', ('fuzzy',), 'Wij zijn BIJ1')
"""

from __future__ import annotations

import difflib
from collections import Counter
from pathlib import Path

from . import files, languages, pofile, powriter
from .catalogue import DRAFT, Locales, UnsafePathError, folder_name, same_folder
from .extract import header_text, now
from .master import SOURCE_LANG
from .plurals import nplurals

#: How alike an old msgid must be to a new one to carry its translation over (as msgmerge).
SIMILARITY = 0.6


class MergeError(ValueError):
    """A catalogue or template that cannot be merged; ``problems`` are ``(file, line, text)``,
    ``written`` the languages whose file was replaced before the error (most often none)."""

    def __init__(self, problems: list[tuple[str, int, str]],
                 written: list[str] | None = None) -> None:
        self.problems = problems
        self.written = written or []
        super().__init__("; ".join(f"{f}:{n}: {t}" for f, n, t in problems))


#: How many characters the search for fuzzy matches may compare in one catalogue (a pair of
#: texts costs the sum of their lengths, and the product where they are compared in full):
#: it compares every new message with every old one, which a hostile catalogue of 2,000 long
#: messages made take a minute (the 44th pass). A real one (22 messages) uses a thousandth.
FUZZY_BUDGET = 30_000_000


class _Budget:
    """What is left of :data:`FUZZY_BUDGET` for one catalogue."""

    def __init__(self) -> None:
        self.left = FUZZY_BUDGET

    def spend(self, cost: int) -> bool:
        """Take ``cost`` from what is left; False (and nothing left) if it is not there."""
        self.left = self.left - cost if cost <= self.left else -1
        return self.left >= 0


def _closest(msgid: str, candidates: dict[str, pofile.Entry],
             budget: _Budget) -> pofile.Entry | None:
    """The old entry whose msgid is most like ``msgid`` (at least :data:`SIMILARITY`; of
    equals, the last), as msgmerge finds one; None if none is, or the budget ran out.

    Each candidate's quick upper bound of the likeness is found first; they are compared in
    full from the highest bound down, until no bound can beat the best found (the nearly
    same message among thousands of others is found first, and most are never compared).
    """
    bounds: list[tuple[float, int, difflib.SequenceMatcher[str], str, pofile.Entry]] = []
    for order, (text, entry) in enumerate(candidates.items()):
        if not budget.spend(len(msgid) + len(text)):
            return None
        matcher = difflib.SequenceMatcher(None, msgid, text, autojunk=False)
        if matcher.real_quick_ratio() >= SIMILARITY:
            bound = matcher.quick_ratio()
            if bound >= SIMILARITY:
                bounds.append((bound, order, matcher, text, entry))
    best, best_ratio, best_order = None, SIMILARITY, -1
    for bound, order, matcher, text, entry in sorted(bounds, key=lambda item: -item[0]):
        if bound < best_ratio:
            break  # nor can any after it
        if bound == best_ratio and order < best_order:
            continue  # it could only tie, and of equals the last wins
        if not budget.spend(2 * len(msgid) * len(text)):
            return None
        # difflib's likeness depends on which text comes first (0.61 one way, 0.48 the
        # other); gettext's does not: the greater of the two
        ratio = max(matcher.ratio(),
                    difflib.SequenceMatcher(None, text, msgid, autojunk=False).ratio())
        if ratio > best_ratio or (ratio == best_ratio and order > best_order):
            best, best_ratio, best_order = entry, ratio, order
    return best


def merge(old: pofile.PoFile, template: pofile.PoFile, lang: str,
          notes: list[str] | None = None) -> pofile.PoFile:
    """The catalogue ``old`` brought in step with ``template``.

    Each entry is a copy of the one it comes from, so that its unchanged parts keep their
    lines when written: only what the template changed is written afresh. A new message
    takes the translation of the most alike old one, fuzzy, as msgmerge does (also of one
    still in use: a message split in two gives each half its translation); where that search
    would compare more than :data:`FUZZY_BUDGET` allows, the rest start untranslated (and the
    old translations stay, obsolete), said in ``notes``.
    """
    active = {e.key: e for e in old.entries if not e.obsolete}
    obsolete = {e.key: e for e in old.entries if e.obsolete}
    used: set[tuple[str | None, str]] = set()
    entries: list[pofile.Entry] = []
    candidates = {e.msgid: e for e in [*obsolete.values(), *active.values()] if e.translations()}
    budget = _Budget()
    forms = nplurals(old.metadata.get("Plural-Forms", "")) or 2  # read once, not per entry
    for ref in template.active():
        fresh = dict(extracted_comments=list(ref.extracted_comments),
                     references=list(ref.references))
        match = active.get(ref.key) or obsolete.get(ref.key)
        if lang == SOURCE_LANG:
            flags = [f for f in (match.flags if match else []) if f != "fuzzy"]
            source = match if match is not None and match.plural == ref.plural else ref
            entries.append(source.replace(msgid=ref.msgid, msgid_plural=ref.msgid_plural,
                                          msgstr="" if ref.plural else ref.msgid,
                                          msgstr_plural=_source_forms(ref), flags=flags,
                                          obsolete=False, line=0, **fresh))
        elif match is not None:
            used.add(match.key)
            entries.append(_shaped_as(match, ref, forms).replace(
                obsolete=False, line=0, **fresh))
        else:
            close = _closest(ref.msgid, candidates, budget) if budget.left >= 0 else None
            if close is not None:
                used.add(close.key)
                entries.append(_shaped_as(close, ref, forms).replace(
                    msgid=ref.msgid, msgctxt=ref.msgctxt, obsolete=False, line=0, **fresh))
            else:
                entries.append(ref.replace(line=0))
    if budget.left < 0 and notes is not None:
        notes.append(f"{old.path}: the search for fuzzy matches stopped (too many or too long "
                     "messages to compare); the new messages it did not reach start "
                     "untranslated, and the old translations stay as obsolete #~ entries")
    wanted = {e.key for e in entries}
    for entry in [*active.values(), *obsolete.values()]:
        if entry.key not in used and entry.key not in wanted and entry.translations():
            entries.append(entry.replace(obsolete=True, references=[]))
    header = old.header
    created = template.metadata.get("POT-Creation-Date")
    dated = [value for name, value in old.metadata.items() if _is_field(name, "POT-Creation-Date")]
    if header is not None and created and dated[:1] != [created]:
        header = _with_field(header, "POT-Creation-Date", created) or header.replace(
            msgstr=_set_field(header.msgstr, "POT-Creation-Date", created), raw=None)
    return pofile.PoFile(path=old.path, header=header, entries=entries, newline=old.newline,
                         trailer=old.trailer)


def _set_field(msgstr: str, name: str, value: str) -> str:
    """A header's text with the first field ``name`` set to ``value`` (added after the
    project's fields if there is none), every other line as it was (a line without a colon,
    a second field of one name: the 66th pass saw them go).

    >>> _set_field("Project-Id-Version: x\\nX-Note\\nLanguage: en\\n", "POT-Creation-Date", "d")
    'Project-Id-Version: x\\nPOT-Creation-Date: d\\nX-Note\\nLanguage: en\\n'
    """
    lines = msgstr.split("\n")
    at = next((i for i, line in enumerate(lines) if _is_field(line.partition(":")[0], name)),
              None)
    if at is not None:
        lines[at] = f"{name}: {value}"
    else:
        after = [i + 1 for i, line in enumerate(lines) if line.partition(":")[0] in (
            "Project-Id-Version", "Report-Msgid-Bugs-To")]
        lines.insert(after[-1] if after else 0, f"{name}: {value}")
    return "\n".join(lines)


def _is_field(written: str, name: str) -> bool:
    """Whether a header field's name as written is ``name`` (in any case, with spaces around:
    ``pot-creation-date``, as the check reads it; the 69th pass saw a second one added)."""
    return written.strip().casefold() == name.casefold()


def _shaped_as(entry: pofile.Entry, ref: pofile.Entry, forms: int) -> pofile.Entry:
    """``entry`` (the old catalogue's, for the template's ``ref``) singular or plural as ``ref``
    is, as ``msgmerge`` makes it: fuzzy when its msgid, context or plural differ, with its
    old Dutch as the previous msgid (the first old Dutch, if it had one); a singular
    translation becomes each of ``forms`` plural forms, the first plural form the singular
    translation (:func:`update` refuses when that would lose another form).

    >>> plural = pofile.Entry("Wij", msgid_plural="Wij allen", msgstr_plural={0: "We", 1: "We"})
    >>> shaped = _shaped_as(plural, pofile.Entry("Wij"), 2)
    >>> shaped.msgstr, shaped.plural, shaped.fuzzy, shaped.previous_msgid_plural
    ('We', False, True, 'Wij allen')
    >>> _shaped_as(pofile.Entry("Wij", "We"), plural, 3).msgstr_plural
    {0: 'We', 1: 'We', 2: 'We'}
    """
    if entry.key == ref.key and entry.msgid_plural == ref.msgid_plural:
        return entry
    # Already fuzzy with its old Dutch: that is still the Dutch the translation was made
    # from (as msgmerge --previous keeps it).
    keep = entry.fuzzy and entry.previous_msgid is not None
    changed = dict(flags=list(dict.fromkeys([*entry.flags, "fuzzy"])),
                   previous_msgid=entry.previous_msgid if keep else entry.msgid,
                   previous_msgctxt=entry.previous_msgctxt if keep else entry.msgctxt,
                   previous_msgid_plural=entry.previous_msgid_plural if keep
                   else entry.msgid_plural)
    if entry.plural == ref.plural:
        return entry.replace(msgid_plural=ref.msgid_plural, **changed)
    if ref.plural:
        return entry.replace(msgid_plural=ref.msgid_plural, msgstr="",
                             msgstr_plural=dict.fromkeys(range(forms), entry.msgstr), **changed)
    return entry.replace(msgid_plural=None, msgstr=entry.msgstr_plural.get(0, ""),
                         msgstr_plural={}, **changed)


def _with_field(header: pofile.Entry, name: str, value: str) -> pofile.Entry | None:
    """The header with one field's value replaced in its own lines, every other line (and
    the way a tool wrapped them) kept; None when that cannot be done exactly.

    The new value takes the old one's characters one for one, across the lines the old one
    was wrapped over, so it must be as long (dates are).
    """
    old = pofile.parse_header(header.msgstr).get(name)
    if header.raw is None or old is None:
        return None
    old_text, new_text = powriter.escape(old), powriter.escape(value)  # as the file has them
    if len(old_text) != len(new_text):
        return None
    lines = header.raw.split("\n")
    spots: list[tuple[int, int]] = []  # (line, column) of each character of msgstr's strings
    reading = False
    for number, line in enumerate(lines):
        text = line.strip()
        if text.startswith("msgstr"):
            reading = True
        elif not (reading and text.startswith('"')):
            if reading and text:
                break
            continue
        first, last = line.find('"'), line.rfind('"')
        if first < 0 or last <= first:
            return None
        spots.extend((number, column) for column in range(first + 1, last))
    joined = "".join(lines[n][c] for n, c in spots)
    target = f"{powriter.escape(name)}: {old_text}"
    if joined.count(target) != 1:
        return None
    start = joined.index(target) + len(target) - len(old_text)
    edited = [list(line) for line in lines]
    for (number, column), char in zip(spots[start:], new_text, strict=False):
        edited[number][column] = char
    try:
        result = pofile.parse("\n".join("".join(line) for line in edited)).header
    except pofile.PoSyntaxError:
        return None
    wanted = header.msgstr.replace(f"{name}: {old}", f"{name}: {value}", 1)
    if result is None or result.msgstr != wanted:
        return None
    return result


def _source_forms(ref: pofile.Entry) -> dict[int, str]:
    """The Dutch catalogue's plural forms of a template entry: singular, then plural."""
    if ref.msgid_plural is None:
        return {}
    return {0: ref.msgid, 1: ref.msgid_plural}


def lost(old: pofile.PoFile, new: pofile.PoFile) -> list[tuple[int, str]]:
    """What of ``old`` the file ``new`` no longer holds: must be nothing.

    Every translated string (each plural form too, active and obsolete), every translator
    comment, every comment at the end of the file and every line of the header but the
    creation date, with the line it was on; each counted (a comment or translation two
    entries share is there twice, or one was lost; plural forms alike in one entry are one
    text, which making it singular keeps).
    """
    kept = Counter(text for entry in new.entries for text in set(entry.translations()))
    comments = Counter(comment for entry in new.entries for comment in entry.translator_comments)
    comments.update(map(_as_comment, new.trailing_comments))
    missing = [(e.line, text) for e in old.entries for text in dict.fromkeys(e.translations())
               if not _take(kept, text)]
    missing += [(e.line, "# " + c) for e in old.entries for c in e.translator_comments
                if not _take(comments, c)]
    missing += [(0, c) for c in old.trailing_comments if not _take(comments, _as_comment(c))]
    if old.header is not None:  # every header line but the date update sets
        fields = Counter(new.header.msgstr.split("\n") if new.header is not None else ())
        missing += [(old.header.line, line) for line in old.header.msgstr.split("\n")
                    if line and not _is_field(line.partition(":")[0], "POT-Creation-Date")
                    and not _take(fields, line)]
    return missing


def _as_comment(line: str) -> str:
    """A comment line at the end of a file as an entry keeps it: a translator comment's text
    (``# TODO`` is ``TODO``); any other comment (``#.``, ``#:``, ``#,``) as it is."""
    kind = line[1:2]
    return line if kind in (".", ":", *pofile.FLAG_MARKS) else line[1:].strip()


def _take(pool: Counter[str], text: str) -> bool:
    """Whether ``pool`` still holds ``text``; takes it."""
    if pool[text] <= 0:
        return False
    pool[text] -= 1
    return True


def update(locales: Locales, only: list[str] | None = None,
           notes: list[str] | None = None) -> list[str]:
    """Merge the template into every catalogue; returns the languages whose file changed.

    Every file is read and merged before any is written: one malformed catalogue, or a new
    text that would lose anything the old one held, stops the update with
    :class:`MergeError` and nothing is written. Each file is replaced only if it is still
    the one that was read.
    """
    langs = only or locales.languages()
    targets = _inside(locales, [locales.template_path,
                                *(locales.catalogue_path(lang) for lang in langs)])
    template = _read_all([locales.template_path])[0][0]
    olds = _read_all([locales.catalogue_path(lang) for lang in langs])
    plans: list[tuple[str, Path, str, files.Snapshot]] = []
    problems: list[tuple[str, int, str]] = []
    first_of: dict[Path, str] = {}  # the language each file is updated as
    for lang, (old, snapshot, data), target in zip(langs, olds, targets[1:], strict=True):
        path = locales.catalogue_path(lang)
        if target in first_of:  # a link to another language's file: one file, updated once
            if notes is not None:
                notes.append(f"{path}: the same file as {first_of[target]}'s (a link), "
                             f"updated once, as {first_of[target]}")
            continue
        first_of[target] = lang
        before = data.decode("utf-8")
        text = _keep_end(powriter.dump(merge(old, template, lang, notes)), old, before)
        if _lf(text) == _lf(before):
            continue  # nothing to change (a file with mixed line endings stays as it is)
        mixed = mixed_line_endings(data)
        if mixed is not None:
            problems.append((str(path), mixed, "mixed line endings: this line's ending "
                             "differs from line 1's (LF and CRLF), and update would rewrite "
                             "every line to one kind; save the file with one kind (your "
                             "editor's line-ending setting, or dos2unix), then update again"))
            continue
        try:
            new = pofile.parse(text, str(path))  # never write what we cannot read back
        except pofile.PoSyntaxError as exc:
            problems.extend((str(path), e.line, f"update would write an unreadable file: "
                             f"{e.message}") for e in exc.errors)
            continue
        if lang != SOURCE_LANG:
            reshaped = {e.line for e in old.entries if e.plural}  # a form is lost only so
            problems.extend((str(path), line, f"update would lose {what!r}" + (
                ", a plural form, which the singular message it becomes cannot hold: make "
                "it singular by hand (keep the form you want as msgstr, remove msgid_plural "
                "and the msgstr[N] lines), then update again" if line in reshaped else
                ", a comment on a message the template no longer has, with no translation "
                "to keep it: move it to another message, or delete it, then update again"
                if what.startswith("# ") else ""))
                for line, what in lost(old, new))
        plans.append((lang, target, text, snapshot))  # a symlink inside stays a symlink
    if problems:
        raise MergeError(problems)
    return _write_all(plans)


def _write_all(plans: list[tuple[str, Path, str, files.Snapshot]]) -> list[str]:
    """Write every file, or none: each is staged beside its target first, and replaced only
    once every staged file is written and every target is still the file that was read."""
    staged: list[tuple[str, Path, str, files.Snapshot]] = []
    done: list[str] = []
    try:
        for lang, path, text, snapshot in plans:
            tmp = files.stage(path, text)
            if tmp is not None:
                staged.append((lang, path, tmp, snapshot))
        for _, path, _, snapshot in staged:
            files.unchanged_since(path, snapshot)
        for lang, path, tmp, snapshot in staged:
            files.commit(tmp, path, snapshot)
            done.append(lang)
    except files.WriteError as exc:
        for lang, _, tmp, _ in staged:
            if lang not in done:
                files.discard(tmp)
        raise MergeError([(exc.path, 0, exc.reason)], done) from None
    return done


def _inside(locales: Locales, paths: list[Path]) -> list[Path]:
    """Each path resolved, if all are inside the locales folder (as ``check`` demands); else
    a MergeError naming those that are not, before anything is read."""
    resolved: list[Path] = []
    problems: list[tuple[str, int, str]] = []
    for path in paths:
        try:
            resolved.append(locales.inside(path))
        except UnsafePathError:
            problems.append((str(path), 0, f"points outside the locales folder {locales.root}; "
                             "not read, not written (make it a regular file there)"))
    if problems:
        raise MergeError(problems)
    return resolved


def _keep_end(text: str, old: pofile.PoFile, before: str) -> str:
    """``text`` ending as the old file (``before``) ended: without a line break after its last
    line (a hostile pass: ``update`` added one, and rewrote a file it had nothing to change
    in), or in the blank lines it ended in (pybabel writes one)."""
    end = before[len(before.rstrip("\r\n")):]
    if not end and before:
        return text.removesuffix(old.newline)
    if old.trailer or end.count("\n") < 2:
        return text
    return text.rstrip("\r\n") + end


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n")


def mixed_line_endings(data: bytes) -> int | None:
    r"""The first line whose ending (LF or CRLF) differs from line 1's, or None.

    >>> mixed_line_endings(b"a\r\nb\r\n"), mixed_line_endings(b"a\r\nb\nc\r\n")
    (None, 2)
    """
    lines = data.split(b"\n")[:-1]
    crlf = bool(lines) and lines[0].endswith(b"\r")
    return next((number for number, line in enumerate(lines, start=1)
                 if line.endswith(b"\r") != crlf), None)


def _read_all(paths: list[Path]) -> list[tuple[pofile.PoFile, files.Snapshot, bytes]]:
    """Parse every file, or raise one MergeError listing every problem in all of them."""
    results: list[tuple[pofile.PoFile, files.Snapshot, bytes]] = []
    problems: list[tuple[str, int, str]] = []
    for path in paths:
        try:
            data = files.read_regular(path)
            results.append((pofile.parse(data, str(path)), files.Snapshot.of(path, data), data))
        except pofile.PoSyntaxError as exc:
            problems.extend((exc.path, e.line, e.message) for e in exc.errors)
        except OSError as exc:
            problems.append((str(path), 0, f"cannot read the file ({exc.strerror or exc})"))
    if problems:
        raise MergeError(problems)
    return results


def init(locales: Locales, lang: str, status: str = DRAFT) -> str:
    """Start a catalogue for ``lang`` from the template; returns its normalised code.

    Plural-Forms comes from CLDR where Babel knows the language, else from our own table; a
    language nobody knows gets a guess, marked for the translator to confirm.
    """
    code = folder_name(lang) if lang == lang.strip() else None  # as every command reads it
    if code is None:
        raise ValueError(f"{lang!r} is not a language tag (try e.g. 'en', 'pap', 'srn')")
    if languages.normalise(code) == SOURCE_LANG and code != SOURCE_LANG:
        raise ValueError(f"{code!r} is Dutch, the source language: its text is the master "
                         "(gedragscode.nl.md), which pages in any Dutch show; there is "
                         "nothing to translate")
    path = locales.catalogue_path(code)
    # written where it is read (a link to a file of the folder stays a link), never outside
    target = locales.inside(path)
    status_target = locales.inside(locales.status_path)
    declared = locales.statuses()  # an unreadable status.toml stops init before any write
    try:  # what status.toml is now: init writes it only if it is still that
        status_was = files.Snapshot.of(status_target, files.read_regular(status_target))
    except FileNotFoundError:
        status_was = files.Snapshot.absent()
    if path.exists() or path.is_symlink():
        raise FileExistsError(f"{path} already exists; use `bij1code update` to refresh it")
    twin = locales.same_as(code)
    if twin is not None:  # sr_Latn beside sr@latin: two folders for one language
        raise FileExistsError(f"{locales.catalogue_path(twin)} already exists for {code!r} "
                              f"(the same language); use `bij1code update` to refresh it")
    template = _read_all([locales.template_path])[0][0]
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
    # status.toml is prepared first: if it cannot take the language, nothing is written
    # an existing line (de = "published") is a decision someone made: it is kept
    keep = code == SOURCE_LANG or any(same_folder(name, code) for name in declared)
    status_text = None if keep else locales.status_text(code, status)
    # neither file is replaced if someone saved it meanwhile (msginit, Weblate, an editor)
    files.write_atomic(target, powriter.dump(po), files.Snapshot.absent())
    if status_text is not None:
        try:
            files.write_atomic(status_target, status_text, status_was)
        except (OSError, files.WriteError):
            target.unlink(missing_ok=True)  # a catalogue never listed would be stuck
            raise
    return code
