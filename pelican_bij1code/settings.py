"""The ``BIJ1CODE_*`` settings of a Pelican site, validated before anything is rendered.

A wrong setting stops the build with a message that names it: Pelican would otherwise drop
every page that uses the shortcode and still exit 0. An unknown ``BIJ1CODE_`` name (a typo)
is an error too.

>>> validate({"BIJ1CODE_DEFAULT_LEVEL": 3, "SITENAME": "x", "BIJ1CODE_FALLBACK_LANG": "en"})
[]
>>> validate({"BIJ1CODE_FALLBACK_LANG": "xx"})  # doctest: +ELLIPSIS
["BIJ1CODE_FALLBACK_LANG must be 'nl' or a language published in ...; 'xx' has no \
catalogue there"]
>>> validate({"BIJ1CODE_DEFAULT_LEVEL": "x", "BIJ1CODE_STRIKT": True})
["BIJ1CODE_DEFAULT_LEVEL must be a whole number from 1 to 6, not 'x'", \
'BIJ1CODE_STRIKT is not a setting of pelican-bij1code (known: BIJ1CODE_DEFAULT_LEVEL, \
BIJ1CODE_FALLBACK_LANG, BIJ1CODE_LOCALES_DIR, BIJ1CODE_NUMBERED, BIJ1CODE_STRICT)']
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .languages import normalise
from .render import is_level

PREFIX = "BIJ1CODE_"


class SettingsError(SystemExit):
    """One or more ``BIJ1CODE_*`` settings are wrong: the build stops with exit code 1.

    A :class:`SystemExit`, not an :class:`Exception`: Pelican logs any exception from a plugin
    with its traceback (``exc_info=True``), which buries the one line that matters. The
    message is logged (CRITICAL, through Pelican's log) by :func:`require_valid`, and
    ``str()`` of the error is that message.
    """

    exitcode = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = 1

    def __str__(self) -> str:
        return self.message


def _level(value: Any) -> str | None:
    if is_level(value):
        return None
    return f"must be a whole number from 1 to 6, not {value!r}"


def _boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"must be True or False, not {value!r}"


def _fallback(value: Any) -> str | None:
    if isinstance(value, str) and normalise(value) is not None:
        return None  # whether the folder has it published: see validate()
    return f"must be a language code such as 'nl' or 'en', not {value!r}"


def _locales_dir(value: Any) -> str | None:
    if value is None:
        return None  # the shipped catalogues
    if isinstance(value, str) and not value.strip():
        return "is empty; leave it out to use the shipped catalogues, or name a folder"
    if not isinstance(value, str | os.PathLike):
        return f"must be a folder (a str or a path), not {value!r}"
    folder = Path(value)
    try:
        if not folder.is_dir():
            return f"{str(folder)[:200]!r} is not a folder (relative to where pelican runs)"
        if not (folder / "gedragscode.pot").is_file():
            return f"{str(folder)[:200]!r} has no gedragscode.pot; is it a bij1code locales folder?"
    except OSError as exc:  # a name too long, a folder not readable: is_dir() raises those
        return f"{str(folder)[:200]!r} cannot be read as a folder ({exc.strerror or exc})"
    return None


#: Each setting, its default, and its test (a reason when the value is wrong).
SETTINGS: dict[str, tuple[Any, Callable[[Any], str | None]]] = {
    "BIJ1CODE_LOCALES_DIR": (None, _locales_dir),
    "BIJ1CODE_FALLBACK_LANG": ("nl", _fallback),
    "BIJ1CODE_STRICT": (False, _boolean),
    "BIJ1CODE_NUMBERED": (False, _boolean),
    "BIJ1CODE_DEFAULT_LEVEL": (2, _level),
}


def validate(settings: Mapping[str, Any]) -> list[str]:
    """One sentence per wrong ``BIJ1CODE_*`` setting, each naming it (empty: all good)."""
    problems = []
    for name in sorted(k for k in settings if isinstance(k, str) and k.startswith(PREFIX)):
        if name not in SETTINGS:
            problems.append(f"{name} is not a setting of pelican-bij1code (known: "
                            f"{', '.join(sorted(SETTINGS))})")
            continue
        reason = SETTINGS[name][1](settings[name])
        if reason:
            problems.append(f"{name} {reason}")
    if not problems and "BIJ1CODE_FALLBACK_LANG" in settings:
        reason = _fallback_published(settings["BIJ1CODE_FALLBACK_LANG"],
                                     settings.get("BIJ1CODE_LOCALES_DIR"))
        if reason:
            problems.append(f"BIJ1CODE_FALLBACK_LANG {reason}")
    return problems


def _fallback_published(value: str, folder: Any) -> str | None:
    """Whether the last-resort language can always be rendered: Dutch, or a language the
    locales folder declares published (a draft or a missing one never is)."""
    from .catalogue import PUBLISHED, Locales, LocalesError, shipped_locales_dir
    from .master import SOURCE_LANG

    if normalise(value) == SOURCE_LANG:
        return None
    locales = Locales(folder if folder is not None else shipped_locales_dir())
    found = locales.find(value)
    try:
        status = locales.status(found) if found else None
    except LocalesError as exc:
        return f"{value!r} cannot be judged: {exc}"
    if status != PUBLISHED:
        shown = "has no catalogue" if found is None else f"is a {status}"
        return (f"must be 'nl' or a language published in {locales.root}; {value!r} {shown} "
                "there")
    return None


def require_valid(settings: Mapping[str, Any]) -> None:
    """Raise :class:`SettingsError` naming every wrong ``BIJ1CODE_*`` setting."""
    problems = validate(settings)
    if problems:
        message = "pelican-bij1code settings: " + "; ".join(problems)
        logging.getLogger(__name__).critical("%s", message)
        raise SettingsError(message)
