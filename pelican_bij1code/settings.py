"""The ``BIJ1CODE_*`` settings of a Pelican site, validated before anything is rendered.

A wrong setting stops the build with a message that names it: Pelican would otherwise drop
every page that uses the shortcode and still exit 0. An unknown ``BIJ1CODE_`` name (a typo)
is an error too.

>>> validate({"BIJ1CODE_DEFAULT_LEVEL": 3, "SITENAME": "x"})
[]
>>> validate({"BIJ1CODE_DEFAULT_LEVEL": "x", "BIJ1CODE_STRIKT": True})
["BIJ1CODE_DEFAULT_LEVEL must be a whole number from 1 to 6, not 'x'", \
'BIJ1CODE_STRIKT is not a setting of pelican-bij1code (known: BIJ1CODE_DEFAULT_LEVEL, \
BIJ1CODE_FALLBACK_LANG, BIJ1CODE_LOCALES_DIR, BIJ1CODE_NUMBERED, BIJ1CODE_STRICT)']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .languages import normalise
from .render import is_level

PREFIX = "BIJ1CODE_"


class SettingsError(Exception):
    """One or more ``BIJ1CODE_*`` settings are wrong; Pelican exits with ``exitcode``."""

    exitcode = 1


def _level(value: Any) -> str | None:
    if is_level(value):
        return None
    return f"must be a whole number from 1 to 6, not {value!r}"


def _boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"must be True or False, not {value!r}"


def _fallback(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and normalise(value) is not None):
        return None
    return f"must be a language code such as 'nl' or 'en', not {value!r}"


def _locales_dir(value: Any) -> str | None:
    if value is None or value == "":
        return None  # the shipped catalogues
    if not isinstance(value, str | os.PathLike):
        return f"must be a folder (a str or a path), not {value!r}"
    folder = Path(value)
    if not folder.is_dir():
        return f"{str(folder)!r} is not a folder (relative to where pelican runs)"
    if not (folder / "gedragscode.pot").is_file():
        return f"{str(folder)!r} has no gedragscode.pot; is it a bij1code locales folder?"
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
    return problems


def require_valid(settings: Mapping[str, Any]) -> None:
    """Raise :class:`SettingsError` naming every wrong ``BIJ1CODE_*`` setting."""
    problems = validate(settings)
    if problems:
        raise SettingsError("pelican-bij1code settings: " + "; ".join(problems))
