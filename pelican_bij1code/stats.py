"""Completeness per language, as numbers and as SVG badges.

Percent = template messages translated and not fuzzy, over all template messages.

>>> from .catalogue import Locales, shipped_locales_dir
>>> row = next(r for r in stats(Locales(shipped_locales_dir())) if r["locale"] == "en")
>>> row["status"], row["percent"]
('published', 100.0)
"""

from __future__ import annotations

from html import escape

from . import languages
from .catalogue import DRAFT, Locales, LocalesError
from .check import check_template

Row = dict[str, object]


#: The status of a folder that is one of two or more naming one language (``sr@ijekavianLatin``
#: and ``sr@ijekavianlatin``): whatever ``status.toml`` says, it is never rendered and
#: ``check`` fails it, as ``check`` reports it.
INVALID = "invalid"


def stats(locales: Locales) -> list[Row]:
    """One row per language: status (:data:`INVALID` for a folder with a twin), translated,
    fuzzy, untranslated, total, percent.

    A template that cannot be read raises :class:`LocalesError` (no row would mean anything).
    """
    template, problems = check_template(locales)
    if not template and problems:
        raise LocalesError(str(problems[0]))
    keys = [e.key for e in template]
    twins = {name for names in locales.twins() for name in names}
    rows: list[Row] = []
    for lang in locales.languages():
        loaded = locales.load(lang)
        entries = {e.key: e for e in loaded.po.active()} if loaded.po else {}
        translated = sum(1 for k in keys if k in entries and entries[k].translated)
        fuzzy = sum(1 for k in keys if k in entries and entries[k].fuzzy)
        total = len(keys)
        rows.append({
            "locale": lang,
            "name": languages.name(lang),
            # folders that name one language are never rendered and fail the check
            "status": INVALID if lang in twins else locales.status(lang),
            "translated": translated,
            "fuzzy": fuzzy,
            "untranslated": total - translated - fuzzy,
            "total": total,
            "percent": round(100.0 * translated / total, 1) if total else 0.0,
            "readable": loaded.po is not None,
        })
    return rows


def _width(text: str) -> int:
    """Rough rendered width of text in 11px Verdana, as shields.io badges use."""
    return int(sum(7.5 if ch.isupper() or ch.isdigit() else 6.2 for ch in text)) + 10


def badge_svg(row: Row) -> str:
    """A flat badge: ``gedragscode | <lang>: 100%`` (or ``draft 24%``), coloured by state."""
    label = f"gedragscode {row['locale']}"
    percent = float(row["percent"])  # type: ignore[arg-type]
    value = f"{percent:g}%" if row["status"] != DRAFT else f"draft {percent:g}%"
    if not row["readable"]:
        value, colour = "broken", "#e05d44"
    elif row["status"] == INVALID:
        value, colour = INVALID, "#e05d44"
    elif row["status"] == DRAFT:
        colour = "#9f9f9f"
    elif percent >= 100:
        colour = "#4c1"
    elif percent >= 80:
        colour = "#dfb317"
    else:
        colour = "#e05d44"
    left, right = _width(label), _width(value)
    total = left + right
    title = escape(f"{row['name']} ({row['locale']}): {value}, {row['status']}")
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" \
aria-label="{title}">
<title>{title}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/>\
<stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="{total}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="{left}" height="20" fill="#555"/>\
<rect x="{left}" width="{right}" height="20" fill="{colour}"/>\
<rect width="{total}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" \
font-size="11">
<text x="{left / 2}" y="14">{escape(label)}</text>
<text x="{left + right / 2}" y="14">{escape(value)}</text>
</g>
</svg>
"""
