"""``bij1code``: the translators' command line (extract, update, init, check, stats, render).

Exit codes: 0 all is well; 1 ``check`` found an error (any finding with ``--strict``), or
``render`` was asked for a language that cannot be published; 2 bad usage, an unreadable
folder or a malformed file (named with its line; nothing is written).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, files, languages
from .catalogue import DRAFT, PUBLISHED, Locales, LocalesError, shipped_locales_dir, status_key
from .check import Report, check_all, path_in
from .master import SOURCE_LANG

if TYPE_CHECKING:
    from .render import Renderer

# extract, merge, stats and render are imported by the commands that use them: `check`, the
# one CI runs on every change, starts faster without them (render pulls in html.parser).
#: render.FORMATS, written out so that building the parser does not import the renderer
#: (tests/test_check_startup.py checks that the two agree).
RENDER_FORMATS = ("html", "md", "txt")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--locales", metavar="DIR", default=argparse.SUPPRESS,
                        help="the locales folder (default: ./locales when it holds "
                             "gedragscode.pot, else the catalogues shipped with the package, "
                             "which only check, stats and render read)")
    parser = argparse.ArgumentParser(
        prog="bij1code", parents=[common],
        description="Translate, check and render BIJ1's code of conduct (gedragscode).")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser("extract", parents=[common],
                        help="regenerate gedragscode.pot from the Dutch master")
    p = commands.add_parser("update", parents=[common],
                            help="merge the template into every catalogue, keeping every "
                                 "translation")
    p.add_argument("--locale", action="append", metavar="LANG", help="only this language")
    p = commands.add_parser("init", parents=[common], help="start a catalogue for a language")
    p.add_argument("lang", metavar="LANG", help="language code, e.g. pap, srn, tr")
    p.add_argument("--published", action="store_true",
                   help="declare it published at once (default: a draft)")
    p = commands.add_parser("check", parents=[common],
                            help="the CI gate: fail on incomplete or unsafe catalogues")
    p.add_argument("--locale", action="append", metavar="LANG", help="only this language")
    p.add_argument("--format", choices=("text", "json", "github"), default="text")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p = commands.add_parser("stats", parents=[common], help="completeness per language")
    p.add_argument("--format", choices=("text", "json", "svg"), default="text")
    p.add_argument("--output", metavar="DIR", default="badges",
                   help="where svg badges go (default: badges/)")
    p = commands.add_parser("render", parents=[common],
                            help="the code in one or more languages")
    p.add_argument("lang", metavar="LANG", nargs="+")
    p.add_argument("--format", choices=RENDER_FORMATS, default="html")
    p.add_argument("--part", metavar="PART", help="wij, ik, samen, or a comma list")
    p.add_argument("--level", type=int, default=2, choices=range(1, 7), metavar="1-6",
                   help="heading level of the part titles (default 2)")
    p.add_argument("--preview", action="store_true",
                   help="render a draft or incomplete catalogue too (fuzzy entries shown, "
                        "missing ones in Dutch): for translators, never for publishing")
    p.add_argument("--numbered", action="store_true",
                   help="show each rule's name (wij-7); in HTML a link to the rule")
    p.add_argument("--standalone", action="store_true",
                   help="(html) one complete, self-contained document to print: A4, a page "
                        "per language")
    p.add_argument("--url", metavar="URL",
                   help="(--standalone) where the code is online: printed with a QR code")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    given = getattr(args, "locales", None)
    try:
        root = writable_locales(given) if args.command in WRITERS else \
            readable_locales(given)
    except UsageError as exc:
        print(f"bij1code {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    locales = Locales(root)
    try:
        locales.require()
        code = COMMANDS[args.command](locales, args)
        sys.stdout.flush()
        return code
    except (UsageError, LocalesError, FileExistsError, ValueError) as exc:
        problems = getattr(exc, "problems", None)  # a MergeError: every file and line
        if problems is None:
            print(f"bij1code {args.command}: {exc}", file=sys.stderr)
            return EXIT_USAGE
        for file, line, text in problems:
            print(f"{file}:{line}: {text}", file=sys.stderr)
        written = getattr(exc, "written", [])  # a rename failed after others succeeded
        print(f"bij1code {args.command}: " + (f"only these were written: {', '.join(written)}"
                                               if written else "nothing was written"),
              file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        _drop_output()
        return EXIT_OK
    except OSError as exc:  # a read-only folder, a full disk, /dev/full, a path that is a folder
        if exc.filename:
            print(f"bij1code {args.command}: {exc.filename}: {exc.strerror or exc}",
                  file=sys.stderr)
            return EXIT_USAGE
        _drop_output()
        print(f"bij1code {args.command}: cannot write the output ({exc.strerror or exc})",
              file=sys.stderr)
        return EXIT_USAGE


def _drop_output() -> None:
    """Send what is left of standard output nowhere, so that exiting does not fail again."""
    with contextlib.suppress(OSError, ValueError):  # not a real file: nothing to flush
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


WRITERS = frozenset({"extract", "update", "init"})


def writable_locales(given: str | None) -> Path:
    """The locales folder a writing command may write into: never an installed package.

    ``--locales DIR`` if given, else ``./locales`` when it holds ``gedragscode.pot`` (a
    checkout, or a site's repository), else a :class:`UsageError` asking for ``--locales``.
    A folder inside the installed package is refused either way: ``pip`` owns it, and an
    upgrade would silently throw the work away.

    >>> writable_locales("my-site/locales")
    PosixPath('my-site/locales')
    >>> writable_locales(str(Path(__file__).with_name("locales")))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    pelican_bij1code.cli.UsageError: ...locales is inside the installed package (...
    """
    if given:
        folder = Path(given)
    elif (Path("locales") / "gedragscode.pot").is_file():
        folder = Path("locales")
    else:
        raise UsageError("which locales folder? There is no ./locales with gedragscode.pot "
                         "here, and this command never writes into the installed package: "
                         "give --locales DIR (your copy of the catalogues), or run it in the "
                         "folder that holds locales/")
    package = Path(__file__).resolve().parent
    if files.resolve(folder).is_relative_to(package):
        raise UsageError(f"{folder} is inside the installed package ({package}); this command "
                         f"never writes there: copy the catalogues out "
                         f"(cp -r {folder} locales) and give --locales locales")
    return folder


def readable_locales(given: str | None) -> Path:
    """The locales folder a reading command reads: the one a writing command would write.

    ``--locales DIR`` if given, else ``./locales`` when it holds ``gedragscode.pot``, else the
    catalogues shipped with the package.
    """
    if given:
        return Path(given)
    if (Path("locales") / "gedragscode.pot").is_file():
        return Path("locales")
    return shipped_locales_dir()


def run() -> None:
    """The ``bij1code`` program: :func:`main`, then exit with its code."""
    sys.exit(main())


def cmd_extract(locales: Locales, args: argparse.Namespace) -> int:
    from .extract import extract

    changed = extract(locales)
    print(f"{locales.template_path}: {'written' if changed else 'unchanged'} "
          f"(from {locales.master_path})")
    return EXIT_OK


def cmd_update(locales: Locales, args: argparse.Namespace) -> int:
    from .merge import update

    only = _selected(locales, args.locale)
    notes: list[str] = []
    changed = update(locales, only, notes)
    for lang in only or locales.languages():
        state = "updated" if lang in changed else "unchanged"
        print(f"{locales.catalogue_path(lang)}: {state}")
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    return EXIT_OK


def cmd_init(locales: Locales, args: argparse.Namespace) -> int:
    from .merge import init

    code = init(locales, args.lang, PUBLISHED if args.published else DRAFT)
    status = locales.status(code)
    print(f"{locales.catalogue_path(code)}: created ({languages.name(code, 'en')}, {status})")
    if status == DRAFT:
        print(f"It is a draft: never rendered, never failing `bij1code check`. Publish it by "
              f"setting {status_key(code)} = \"published\" in {locales.status_path}.")
    return EXIT_OK


def cmd_check(locales: Locales, args: argparse.Namespace) -> int:
    only = _selected(locales, args.locale)
    reports = check_all(locales, only)
    cwd = Path.cwd()
    shown = {f: path_in(f, cwd) for f in {p.file for r in reports for p in r.problems}}
    for report in reports:
        report.problems = [p._replace(file=shown[p.file]) for p in report.problems]
    failed = any(r.fails(args.strict) for r in reports)
    if args.format == "json":
        import json

        print(json.dumps([r.as_dict() for r in reports], ensure_ascii=False, indent=2))
    elif args.format == "github":
        for report in reports:
            for p in report.problems:
                level = "error" if p.severity == "error" and report.status != DRAFT else \
                    "warning" if report.status != DRAFT else "notice"
                print(f"::{level} file={_gh_property(p.file)},line={max(p.line, 1)}::"
                      + _gh(f"{p.code} [{report.locale}] {p.message}"))
        print(_summary(reports, failed))
    else:
        print(_table(reports))
        for report in reports:
            if report.status == DRAFT and not only and report.problems:
                codes = Counter(p.code for p in report.problems)
                listed = ", ".join(f"{n} {code}" for code, n in codes.most_common())
                print(f"{report.locale} (draft): {listed}; see `bij1code check --locale "
                      f"{report.locale}`")
                continue
            for p in report.problems:
                print(f"{p.file}:{p.line}: {p.severity}: {p.code} {p.message}")
        print(_summary(reports, failed))
    return EXIT_FINDINGS if failed else EXIT_OK


def _gh(text: str) -> str:
    """Escape an annotation's message, as GitHub's toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    """Escape an annotation property (file=...), as GitHub's toolkit does."""
    return _gh(text).replace(":", "%3A").replace(",", "%2C")


def _table(reports: list[Report]) -> str:
    rows = [("language", "status", "translated", "percent", "errors", "warnings")]
    for r in reports:
        rows.append((r.locale, r.status, f"{r.translated}/{r.total}", f"{r.percent:.1f}%",
                     str(len(r.errors)), str(len(r.problems) - len(r.errors))))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
                     for row in rows)


def _summary(reports: list[Report], failed: bool) -> str:
    bad = [r.locale for r in reports if r.fails() or (failed and r.fails(True))]
    drafts = [r.locale for r in reports if r.status == DRAFT]
    text = "FAILED: " + ", ".join(bad) if failed else "OK: every published catalogue passes"
    if drafts:
        text += f" (drafts, reported only: {', '.join(drafts)})"
    return text


def cmd_stats(locales: Locales, args: argparse.Namespace) -> int:
    from .stats import badge_svg, stats

    rows = stats(locales)
    if args.format == "json":
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif args.format == "svg":
        out = Path(args.output)
        out.mkdir(parents=True, exist_ok=True)
        for row in rows:
            path = out / f"{row['locale']}.svg"
            # replaced whole, never written through: a symlink or a FIFO committed in its
            # place is replaced, not followed (the badge lands in the folder, not elsewhere)
            files.write_atomic(path, badge_svg(row))
            print(path)
    else:
        lines = [("language", "name", "status", "translated", "fuzzy", "untranslated",
                  "percent")]
        for row in rows:
            lines.append((str(row["locale"]), str(row["name"]), str(row["status"]),
                          f"{row['translated']}/{row['total']}", str(row["fuzzy"]),
                          str(row["untranslated"]), f"{row['percent']:.1f}%"))
        widths = [max(len(x[i]) for x in lines) for i in range(len(lines[0]))]
        for line in lines:
            print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
    return EXIT_OK


def cmd_render(locales: Locales, args: argparse.Namespace) -> int:
    from .render import Renderer, parse_parts

    for tag in args.lang:
        _lang(tag)  # a usage error names a tag that is none
    renderer = Renderer(locales)
    # each tag's folder as a page finds it (Dutch by any name, NL, nl-BE, nld, is the master)
    asked = {renderer.folder(tag): tag for tag in reversed(args.lang)}  # the first tag wins
    langs = list(dict.fromkeys(renderer.folder(tag) for tag in args.lang))
    parts = parse_parts(args.part)
    if args.standalone and args.format != "html":
        raise UsageError("--standalone makes an HTML document: use it with --format html")
    if args.url is not None and not args.standalone:
        raise UsageError("--url goes with --standalone (it prints the QR code)")
    if not args.preview:
        if any(lang != SOURCE_LANG for lang in langs):
            locales.statuses()  # a status file that cannot be read is exit 2, as for `check`
        # as on a page: en-US with a draft en_US falls back to en
        langs = list(dict.fromkeys(_usable_or_fallback(renderer, lang) for lang in langs))
    texts = []
    for copy, lang in enumerate(langs, start=1):  # `copy` keeps the rule ids unique
        if args.preview:
            if lang != "nl":
                _require_catalogue(locales, lang, asked.get(lang))
        else:
            ok, why = renderer.usable(lang)
            if not ok and not os.path.lexists(locales.catalogue_path(lang)):
                _require_catalogue(locales, lang, asked.get(lang))  # names the tag asked for
            if not ok:
                print(f"bij1code render: {why}; not rendered (use --preview to see a draft)",
                      file=sys.stderr)
                # as for `check`: a catalogue there but unusable (a draft, a finding, a FIFO,
                # a link out of the folder) is 1; none at all is a usage error
                return EXIT_FINDINGS if os.path.lexists(locales.catalogue_path(lang)) \
                    else EXIT_USAGE
        if not args.standalone:
            texts.append(renderer.render(lang, parts, args.level, args.format,
                                         preview=args.preview, numbered=args.numbered,
                                         copy=copy))
    if args.standalone:
        from .leaflet import document

        texts = [document(renderer, langs, args.url, parts, args.numbered, args.preview)]
    text = "\n".join(t if t.endswith("\n") else t + "\n" for t in texts)
    sys.stdout.write(text)
    return EXIT_OK


def _usable_or_fallback(renderer: Renderer, lang: str) -> str:
    """``lang``, or, when it cannot be rendered, the first folder of its lookup chain that
    can, as a page falls back (:func:`.languages.lookup_chain`: ``en_US`` to ``en``, ``zh_TW``
    to ``zh_Hant``; never into another script: ``pa_Arab`` never to ``pa``, Gurmukhi); says
    so on stderr."""
    if renderer.usable(lang)[0]:
        return lang
    for tag in languages.lookup_chain(lang)[1:]:
        folder = renderer.folder(tag)
        if folder != lang and renderer.usable(folder)[0]:
            print(f"bij1code render: {renderer.usable(lang)[1]}; rendering {folder!r} instead",
                  file=sys.stderr)
            return folder
    return lang


def _selected(locales: Locales, tags: list[str] | None) -> list[str] | None:
    """The folders a repeated ``--locale`` names, each once; None: all. Each tag finds its
    folder as a page's language does (:meth:`Locales.find`: ``sr-Latn`` never finds ``sr``,
    which is Cyrillic; ``pa-Arab`` never ``pa``, which is Gurmukhi).

    A tag that finds no catalogue is a usage error naming that tag and the folders there are.
    """
    if not tags:
        return None
    chosen = []
    for tag in tags:
        _lang(tag)  # a usage error names a tag that is none
        found = locales.find(tag)
        if found is None:
            raise UsageError(f"no catalogue for {ascii(tag)[:40]} in {locales.root} "
                             f"(have: {', '.join(locales.languages()) or 'none'})")
        chosen.append(found)
    chosen = list(dict.fromkeys(chosen))
    for lang in chosen:
        _require_catalogue(locales, lang)
    return chosen


def _require_catalogue(locales: Locales, lang: str, asked: str | None = None) -> None:
    """A usage error unless ``lang``'s catalogue is a regular file, saying which it is; none
    there names the tag ``asked`` for, if another (``zh-TW``, not the ``zh_Hant`` tried)."""
    path = locales.catalogue_path(lang)
    if path.is_file():
        return
    if os.path.lexists(path):
        raise UsageError(f"{path}: not a regular file (a folder, a FIFO, a device, or a link "
                         "to nothing or in a loop); not read")
    wanted = repr(lang) if asked in (None, lang) else f"{ascii(asked)[:40]} ({lang!r} or " \
        "a folder that means the same)"
    raise UsageError(f"no catalogue for {wanted} in {locales.root} "
                     f"(have: {', '.join(locales.languages()) or 'none'})")


def _lang(tag: str) -> str:
    code = languages.normalise(tag)
    if code is None:
        raise UsageError(f"{ascii(tag)[:40]} is not a language tag")
    return code


COMMANDS = {
    "extract": cmd_extract, "update": cmd_update, "init": cmd_init, "check": cmd_check,
    "stats": cmd_stats, "render": cmd_render,
}
