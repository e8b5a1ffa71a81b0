"""What the note reads of a report: its tables as plain rows, its language, its dates and its themes' names.

One job: turn whatever the caller gives (a :class:`kit.Report`, a corpus, the apps' rows) into what the builder
reads, and answer the questions the builder asks of the report as a whole.

Examples
--------
>>> from kit import load_report
>>> t = note_tables(load_report())
>>> isinstance(t.paragraphs, list), report_lang(t)
(True, 'en')
>>> as_date("2021-04-13T10:00")
datetime.date(2021, 4, 13)
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ...rows import ViewReport
from .model import NoteTables

__all__ = ["note_tables", "as_date", "report_lang", "theme_labels", "theme_names"]


def note_tables(report: Any) -> NoteTables:
    """The tables of ``report`` as plain rows: the apps' report as it is, a :class:`kit.Report` converted
    (:meth:`kit.rows.ViewReport.from_report`, the one conversion of the kit)."""
    if isinstance(getattr(report, "paragraphs", None), list):
        return report
    return ViewReport.from_report(report)


def as_date(v: Any) -> _dt.date | None:
    """The day ``v`` names (a date, a datetime or an ISO string), else ``None``."""
    if isinstance(v, _dt.datetime):
        return v.date()
    if isinstance(v, _dt.date):
        return v
    if isinstance(v, str):
        try:
            return _dt.date.fromisoformat(v[:10])
        except ValueError:
            return None
    return None


def report_lang(t: Any) -> str:
    """The language the report is written in (its metadata; else detected from its first paragraphs)."""
    from ...language import LANGUAGES, detect_language

    lang = str((t.metadata or {}).get("lang") or "")[:2].lower()
    if lang in LANGUAGES:
        return lang

    return detect_language(" ".join(str(p.get("text") or "") for p in t.paragraphs[:10]))


def _theme_rows() -> list[dict]:
    """The rows of the theme vocabulary (``themes.csv``), or none when the reference folder lacks it."""
    from ...gazetteer import read_table

    try:
        return read_table("themes.csv")
    except OSError:
        return []


def theme_labels(lang: str) -> dict[str, str]:
    """Theme labels of the vocabulary in ``lang`` (its column of themes.csv, ``label_fr``); the tables' own
    language's come from the report."""
    from ...language import LANGUAGES

    L = LANGUAGES.get(lang)
    if L is None or L.source:
        return {}
    return {r["theme"]: r[L.theme_label] for r in _theme_rows() if r.get(L.theme_label)}


def theme_names(themes: list[dict]) -> dict[str, str]:
    """Every name of the themes present in ``themes`` (rows of the themes table), casefolded -> theme id: the id,
    the report's label and the vocabulary's labels in every language (a French label finds an English report's
    theme).

    >>> theme_names([{"theme": "poc", "label": "Protection of civilians"}])["protection des civils"]
    'poc'
    """
    from ...language import LANGUAGES

    known: dict[str, str] = {}
    present = {row["theme"] for row in themes}
    columns = sorted({L.theme_label for L in LANGUAGES.values()})
    for row in _theme_rows():  # a theme's label in any language resolves, whatever the report's language
        if row.get("theme") in present:
            for column in columns:
                if row.get(column):
                    known[row[column].casefold()] = row["theme"]
    for row in themes:
        known[str(row["theme"]).casefold()] = row["theme"]
        known[str(row.get("label") or row["theme"]).casefold()] = row["theme"]
    return known
