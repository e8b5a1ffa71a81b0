"""What every document reader shares: the reader record, header lines, dates, bodies, masking.

A reader turns a :class:`~kit.sources.SourceText` into a :class:`~kit.layout.Document`: the same paragraphs,
sections and (when the document dates its meeting in its header) meetings, whatever the document's kind. The
words of headers are language data (:func:`kit.language.document_words`); the bodies that symbols name are a
reference table (``data/reference/bodies.csv``).

Examples
--------
>>> body_of("A/C.4/78/SR.9"), body_of("AG/PK/246", "fr"), body_of("X/1")
('Fourth Committee', 'Comité spécial des opérations de maintien de la paix', None)
>>> find_date("Held at Headquarters, New York, on Tuesday, 17 October 2023, at 3 p.m.")
datetime.date(2023, 10, 17)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..gazetteer import read_table
from ..language import LANGUAGES, DocumentWords, document_words
from ..layout import Document
from ..meetings import parse_date
from ..sources import SourceText

__all__ = [
    "Reader",
    "header_lines",
    "find_date",
    "body_of",
    "body_named",
    "masked",
    "meeting_row",
    "UNDATED",
    "matches",
    "symbol_in",
    "HEADER_REACH",
]

#: The ``meeting_id`` of a meeting whose document prints no date (its ``date`` is ``None``, never a guessed one).
UNDATED = "undated"

#: How many non-blank lines from the top a detector reads: a header is never longer.
HEADER_REACH = 80

# Document symbols alone on a line: a summary record's, a verbatim record's, a press release's.
# A record's symbol may end the first line, after the organization's name ("United Nations      A/C.4/78/SR.9").
SYMBOLS = {
    # ... of the Assembly and the Council (A/C.4/78/SR.9, S/...) and of other organs: treaty bodies (CERD/C/SR.1366),
    # the Economic and Social Council's (E/C.12/SR.53)
    "summary_record": re.compile(r"(?:^|\s)(?P<symbol>[A-Z]{1,6}/(?:[\w.]+/)*SR\.\d+(?:/Corr\.\d+)?)$"),
    "verbatim_record": re.compile(r"(?:^|\s)(?P<symbol>[AS]/(?:[\w.]+/)*PV\.\d+(?:\s*\([\w ]+\))?(?:/Corr\.\d+)?)$"),
    # SC/15312, GA/SPD/790, GA/PK/246, CS/15312, CPSD/790, AG/PK/246: letters (two or more), then a number
    # ... alone on a line, or after the organ's name (« Conseil de sécurité CS/2669 »)
    "meetings_coverage": re.compile(r"(?:^|\s)(?P<symbol>[A-Z]{2,6}(?:/[A-Z]{2,6})*/\d{2,6}(?:/Rev\.\d+)?)$"),
}


_SYMBOL_LINE = 120  # the longest line searched for a symbol ("United Nations" + spaces + symbol fits)


@dataclass(frozen=True)
class Reader:
    """One document kind: its name, how to recognise it from its first lines, and how to read it.

    ``detect`` gets the first :data:`HEADER_REACH` non-blank lines, stripped; ``read`` gets the source and the
    reference folder (for the words that mend hyphens) and returns the :class:`~kit.layout.Document`.
    """

    name: str
    detect: Callable[[list[str]], bool]
    read: Callable[[SourceText, Path | None], Document]
    description: str = ""


def header_lines(source: SourceText | str, reach: int = HEADER_REACH) -> list[tuple[int, str]]:
    """``(0-based line index, stripped line)`` of the first ``reach`` non-blank lines.

    >>> header_lines("\\n  Summary record  \\n\\nHeld at X", 5)
    [(1, 'Summary record'), (3, 'Held at X')]
    """
    lines = source.lines if isinstance(source, SourceText) else tuple(source.split("\n"))
    out = []
    for i, line in enumerate(lines):
        if line.strip():
            out.append((i, line.strip()))
            if len(out) >= reach:
                break
    return out


def matches(field: str, line: str, words: DocumentWords | None = None) -> re.Match | None:
    """The match of the header pattern ``field`` (of :class:`~kit.language.DocumentWords`) in ``line``, in the
    given language or in any.

    >>> matches("opened", "La séance est ouverte à 15 h 10.").re.pattern.startswith("^La")
    True
    """
    for w in (words,) if words is not None else document_words():
        m = _compiled(w.code, field).match(line)
        if m:
            return m
    return None


def words_of(field: str, line: str) -> DocumentWords | None:
    """The language whose pattern ``field`` matches ``line`` (the header says what language it is in)."""
    return next((w for w in document_words() if _compiled(w.code, field).match(line)), None)


@lru_cache(maxsize=64)
def _compiled(code: str, field: str) -> re.Pattern:
    return re.compile(getattr(document_words(code), field))


def symbol_in(lines: list[str], kind: str) -> str | None:
    """The first line of ``lines`` that is a symbol of the kind's form (``A/C.4/78/SR.9``, ``SC/15312``)."""
    pattern = SYMBOLS[kind]
    # a line that carries a symbol is short: a paragraph's long line is not searched (its symbols are citations)
    return next(
        (m.group("symbol") for m in (pattern.search(line) for line in lines if len(line) <= _SYMBOL_LINE) if m), None
    )


@lru_cache(maxsize=1)
def _date_pattern() -> re.Pattern:
    months = "|".join(m for L in LANGUAGES.values() for m in L.months)
    return re.compile(rf"(?<!\d)(\d{{1,2}}(?:er)?)\s+({months})\s+(\d{{4}})(?!\d)", re.I)


def find_date(text: str) -> date | None:
    """The first full date in ``text`` (« mardi 17 octobre 2023 », "Tuesday, 17 October 2023"), else ``None``.

    >>> find_date("le mardi 17 octobre 2023, à 15 heures"), find_date("on Tuesday")
    (datetime.date(2023, 10, 17), None)
    """
    for m in _date_pattern().finditer(text):
        day = parse_date(m.group(0))
        if day:
            return day
    return None


@lru_cache(maxsize=4)
def _bodies(folder: Path | None) -> tuple[dict, ...]:
    rows = read_table("bodies.csv", folder)  # the reference folder's table, else the shipped one
    return tuple(sorted((r for r in rows if r.get("prefix")), key=lambda r: -len(r["prefix"])))


def body_of(symbol: str | None, lang: str = "en", folder: Path | None = None) -> str | None:
    """The body (organ, committee) a document symbol names, by the longest prefix of ``bodies.csv``, in ``lang``
    (the English name when the table has no name in that language)."""
    if not symbol:
        return None
    for row in _bodies(Path(folder) if folder is not None else None):
        if symbol.startswith(row["prefix"]):
            return row.get(f"{lang}_name") or row["name"]
    return None


def body_named(text: str, lang: str = "en", folder: Path | None = None) -> str | None:
    """The name in ``lang`` of the body ``text`` names in any language of ``bodies.csv``, perhaps followed by a
    parenthesis ("Fifth Committee (Resumed)"); ``None`` when ``text`` is not a body's name.

    >>> body_named("Quatrième Commission"), body_named("Fifth Committee (Resumed)", "fr"), body_named("Briefings")
    ('Fourth Committee', 'Cinquième Commission', None)
    >>> body_named("(Fourth Committee)")
    'Fourth Committee'
    """
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):  # "(Fourth Committee)" under the committee's full name
        text = text[1:-1]
    name = " ".join(re.sub(r"\s*\([^)]*\)\s*$", "", text).split()).casefold()
    for row in _bodies(Path(folder) if folder is not None else None):
        if name and name in {(row.get(k) or "").casefold() for k in row if k == "name" or k.endswith("_name")}:
            return row.get(f"{lang}_name") or row["name"]
    return None


def meeting_row(
    day: date | None, title: str | None, chair: str | None, body: str | None, first: int, last: int
) -> dict:
    """The one meeting a header dates: ``meeting_id`` is the date in ISO form, or :data:`UNDATED` with ``date``
    ``None`` when the header prints no date (the reader then records a ``meeting_date`` problem).

    >>> meeting_row(None, "27th Meeting (AM)", None, "Fourth Committee", 1, 5)["meeting_id"]
    'undated'
    """
    return {
        "meeting_id": day.isoformat() if day else UNDATED,
        "date": day,
        "title": title,
        "format": None,
        "chair": chair,
        "first_para": first,
        "last_para": last,
        "section": None,
        "body": body,
    }


def masked(source: SourceText, blank: set[int]) -> SourceText:
    """The source with the lines of ``blank`` (0-based indexes) emptied: the line numbers of every other line
    stay those of the document, so a paragraph's ``line`` still points at its first line."""
    lines = tuple("" if i in blank else line for i, line in enumerate(source.lines))
    return replace(source, lines=lines, headings=frozenset(source.headings - blank))
