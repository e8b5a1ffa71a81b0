"""One checker over plain rows: the invariants a report's tables keep, each a small named function.

The tables are the row dicts the parser builds (:func:`kit.parse.parse_rows`), the rows of a ``report.json``
(:mod:`kit.rows`) or a :class:`kit.Report`'s dataframes read row by row: the same checks for all three.
:data:`INVARIANTS` lists them in the order they run, each with its level:

``shape``
    Every row has its table's columns, with whole numbers, text and true/false where the contract says so.
    When a shape check fails, the others do not run (they would read columns that are not there).
``usable``
    What every reader of the tables relies on: each row cites a paragraph that exists, its offsets lie inside
    it and point at its text, statements name a speaker and a meeting of the tables, themes a statement.
    Reading a ``report.json`` (the apps' cache, ``load_report("report.json")``) checks up to here.
``valid``
    What a clean report keeps besides: it has paragraphs, numbered once each and in sequence (no gap,
    duplicate or out-of-order number among the parser's ``problems``), and every speaker speaks.
    :meth:`kit.Report.validate`, ``kit validate`` and ``load_report(..., strict=True)`` check everything.

A broken invariant is a :class:`kit.errors.Problem`: a code, an English message template marked for
translation with its parameters, and where (table, row from 0, paragraph; the document in a corpus).
:func:`problems_error` makes the :class:`kit.ValidationError` that lists them, in any language.

Examples
--------
>>> rows = {"paragraphs": [{"report_id": "r", "para": 1, "text": "Chile said it.", "meeting_id": None}],
...         "statements": [{"report_id": "r", "statement_id": "1.1", "para": 2, "speaker_id": "CHL",
...                         "meeting_id": None, "text": "Chile said it.", "start": 0, "end": 14}]}
>>> for problem in check_rows(rows, level="usable", shape=False):
...     print(problem.code, "|", problem, "|", problem.localized("fr").replace("\\xa0", " "))
missing_paragraph | statements row 0: the row cites paragraph 2, which is not in the paragraphs table | tableau \
statements, ligne 0 : la ligne cite le paragraphe 2, qui n'est pas dans le tableau paragraphs
speaker_missing | statements row 0, paragraph 2: the speaker 'CHL' is not in the speakers table | tableau \
statements, ligne 0, paragraphe 2 : l'orateur 'CHL' n'est pas dans le tableau speakers
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .errors import Message, Problem, ValidationError
from .i18n import N_
from .schema import COLUMNS

__all__ = [
    "INVARIANTS",
    "LEVELS",
    "Invariant",
    "check_rows",
    "problems_error",
    "NUMBERING",
    "INT_COLUMNS",
    "STR_COLUMNS",
    "NULLABLE",
    "MAX_LISTED",
]

#: The levels of :data:`INVARIANTS`, each including the ones before it.
LEVELS = ("shape", "usable", "valid")
#: Columns that hold whole numbers in every row (a paragraph number, an offset), and text.
INT_COLUMNS = frozenset({"para", "start", "end", "first_para", "last_para"})
STR_COLUMNS = frozenset(
    {"report_id", "text", "speaker_id", "meeting_id", "theme", "key", "statement_id", "name", "kind"}
)
#: Those that may be null (a paragraph outside meetings, a theme outside statements); any in ``problems``.
NULLABLE = frozenset({"meeting_id", "statement_id", "first_para", "last_para"})
#: The parser's ``problems`` that make a report invalid: its paragraph numbers do not run 1..N.
NUMBERING = frozenset({"gap", "duplicate", "out_of_order"})
#: How many problems an error lists before "(and N more)".
MAX_LISTED = 20


class _Tables:
    """The rows and the look-ups the invariants share (built once per check)."""

    def __init__(self, tables: Mapping[str, list[dict]]) -> None:
        self.rows = {name: list(tables.get(name) or []) for name in COLUMNS}
        ids = {row.get("report_id") for rows in self.rows.values() for row in rows if isinstance(row, dict)}
        self.corpus = len(ids) > 1  # a problem names its document only where there are several

    @cached_property
    def texts(self) -> dict[tuple, list[str]]:
        """(report_id, para) -> the texts of the paragraphs so numbered (two, when the number is duplicated)."""
        texts: dict[tuple, list[str]] = {}
        for p in self.rows["paragraphs"]:
            texts.setdefault((p["report_id"], p["para"]), []).append(p["text"])
        return texts

    def keys(self, table: str, column: str) -> set[tuple]:
        return {(row["report_id"], row[column]) for row in self.rows[table]}

    def problem(
        self,
        code: str,
        template: str,
        table: str | None = None,
        i: int | None = None,
        row: dict | None = None,
        **params: Any,
    ) -> Problem:
        """A problem at row ``i`` of ``table`` (at its paragraph; in a corpus, naming its document)."""
        rid = row.get("report_id") if row is not None and self.corpus else None
        para = row.get("para") if row is not None and table != "paragraphs" else None
        return Problem(code, template, report_id=rid, table=table, row=i, para=para, **params)


@dataclass(frozen=True)
class Invariant:
    """One check: its code (the problems' code), level (:data:`LEVELS`) and function (tables -> problems)."""

    code: str
    level: str
    check: Callable[[_Tables], Iterable[Problem]]

    @property
    def doc(self) -> str:
        """What it checks, in a line (the function's docstring)."""
        return (self.check.__doc__ or "").strip().splitlines()[0]


# ----------------------------------------------------------------------------------------------------- shape


def columns(t: _Tables) -> Iterator[Problem]:
    """Every row is an object with exactly its table's columns."""
    for name, want in COLUMNS.items():
        for i, row in enumerate(t.rows[name]):
            if type(row) is not dict:
                yield t.problem("columns", N_("the row is not an object"), name, i)
            elif row.keys() != set(want):
                yield t.problem(
                    "columns",
                    N_(
                        "the row does not have the table's columns (missing: {missing}; not in the table: {unexpected})"
                    ),
                    name,
                    i,
                    missing=", ".join(c for c in want if c not in row) or "-",
                    unexpected=", ".join(sorted(set(row) - set(want))) or "-",
                )


def column_types(t: _Tables) -> Iterator[Problem]:
    """Paragraph numbers and offsets are whole numbers, ids and text are text, ``numbered`` is true or false."""
    for name, want in COLUMNS.items():
        nullable = NULLABLE | set(want) if name == "problems" else NULLABLE  # a problem may concern no paragraph
        ints, strs = sorted(INT_COLUMNS & set(want)), sorted(STR_COLUMNS & set(want))
        for i, row in enumerate(t.rows[name]):
            for col in ints:  # JSON's numbers: int, never a bool
                if type(row[col]) is not int and not (row[col] is None and col in nullable):
                    yield t.problem(
                        "column_types",
                        N_("{column} is {value!r}, not a whole number"),
                        name,
                        i,
                        column=col,
                        value=row[col],
                    )
            for col in strs:
                if type(row[col]) is not str and not (row[col] is None and col in nullable):
                    yield t.problem(
                        "column_types", N_("{column} is {value!r}, not text"), name, i, column=col, value=row[col]
                    )
            if name == "paragraphs" and type(row["numbered"]) is not bool:
                yield t.problem(
                    "column_types",
                    N_("{column} is {value!r}, not true or false"),
                    name,
                    i,
                    column="numbered",
                    value=row["numbered"],
                )


# ---------------------------------------------------------------------------------------------------- usable

_CITING = ("statements", "mentions", "themes")


def cited_paragraph(t: _Tables) -> Iterator[Problem]:
    """Every statement, mention and theme cites a paragraph of the paragraphs table (of its own document)."""
    for name in _CITING:
        for i, row in enumerate(t.rows[name]):
            if (row["report_id"], row["para"]) not in t.texts:
                yield t.problem(
                    "missing_paragraph",
                    N_("the row cites paragraph {para}, which is not in the paragraphs table"),
                    name,
                    i,
                    row,
                )


def offsets_inside(t: _Tables) -> Iterator[Problem]:
    """The offsets of every statement, mention and theme lie inside its paragraph (0 <= start <= end <= length)."""
    for name in _CITING:
        for i, row in enumerate(t.rows[name]):
            texts = t.texts.get((row["report_id"], row["para"]))
            if texts and not any(0 <= row["start"] <= row["end"] <= len(text) for text in texts):
                yield t.problem(
                    "offsets_outside",
                    N_("offsets {start}-{end} lie outside the paragraph ({length} characters)"),
                    name,
                    i,
                    row,
                    start=row["start"],
                    end=row["end"],
                    length=len(texts[0]),
                )


def statement_text(t: _Tables) -> Iterator[Problem]:
    """Each statement's text is its paragraph's text from ``start`` to ``end``, and not empty."""
    for i, row in enumerate(t.rows["statements"]):
        texts = t.texts.get((row["report_id"], row["para"]))
        if texts and not any(
            row["start"] < row["end"] and text[row["start"] : row["end"]] == row["text"] for text in texts
        ):
            yield t.problem(
                "text_mismatch",
                N_("the offsets of statement {statement} do not point at its text"),
                "statements",
                i,
                row,
                statement=row["statement_id"],
            )


def mention_surface(t: _Tables) -> Iterator[Problem]:
    """Each mention's surface is its paragraph's text from ``start`` to ``end``."""
    for i, row in enumerate(t.rows["mentions"]):
        texts = t.texts.get((row["report_id"], row["para"]))
        if texts and not any(text[row["start"] : row["end"]] == row["surface"] for text in texts):
            yield t.problem(
                "surface_mismatch",
                N_("the offsets of the mention {surface!r} do not point at it"),
                "mentions",
                i,
                row,
                surface=row["surface"],
            )


def known_speaker(t: _Tables) -> Iterator[Problem]:
    """Every statement's speaker is a row of the speakers table."""
    speakers = t.keys("speakers", "speaker_id")
    for i, row in enumerate(t.rows["statements"]):
        if (row["report_id"], row["speaker_id"]) not in speakers:
            yield t.problem(
                "speaker_missing",
                N_("the speaker {speaker!r} is not in the speakers table"),
                "statements",
                i,
                row,
                speaker=row["speaker_id"],
            )


def known_meeting(t: _Tables) -> Iterator[Problem]:
    """Every paragraph's and statement's meeting (when it has one) is a row of the meetings table."""
    meetings = t.keys("meetings", "meeting_id")
    for name in ("paragraphs", "statements"):
        for i, row in enumerate(t.rows[name]):
            if row["meeting_id"] is not None and (row["report_id"], row["meeting_id"]) not in meetings:
                yield t.problem(
                    "meeting_missing",
                    N_("the meeting {meeting!r} is not in the meetings table"),
                    name,
                    i,
                    row,
                    meeting=row["meeting_id"],
                )


def known_statement(t: _Tables) -> Iterator[Problem]:
    """Every theme inside a statement names a row of the statements table."""
    statements = t.keys("statements", "statement_id")
    for i, row in enumerate(t.rows["themes"]):
        if row["statement_id"] is not None and (row["report_id"], row["statement_id"]) not in statements:
            yield t.problem(
                "statement_missing",
                N_("the statement {statement!r} is not in the statements table"),
                "themes",
                i,
                row,
                statement=row["statement_id"],
            )


# ----------------------------------------------------------------------------------------------------- valid


def has_paragraphs(t: _Tables) -> Iterator[Problem]:
    """The report has paragraphs (a file with none is not a report)."""
    if not t.rows["paragraphs"]:
        yield t.problem("no_paragraphs", N_("the paragraphs table is empty: this is not a report"))


def unique_paragraphs(t: _Tables) -> Iterator[Problem]:
    """Each paragraph number appears once in its document (a duplicate the parser recorded is said once, by
    :func:`numbering`)."""
    recorded = {
        (row.get("report_id"), row.get("para")) for row in t.rows["problems"] if row.get("problem") == "duplicate"
    }
    seen: set[tuple] = set()
    for i, row in enumerate(t.rows["paragraphs"]):
        key = (row["report_id"], row["para"])
        if key in seen and key not in recorded:
            yield t.problem(
                "duplicate_paragraph", N_("paragraph {number} appears twice"), "paragraphs", i, row, number=row["para"]
            )
        seen.add(key)


def numbering(t: _Tables) -> Iterator[Problem]:
    """The parser found no gap, duplicate or out-of-order paragraph number (its ``problems`` say where)."""
    for row in t.rows["problems"]:
        if row.get("problem") in NUMBERING:
            problem = Problem.from_row(row)
            if t.corpus:
                problem.report_id = row.get("report_id")
            yield problem


def speaker_speaks(t: _Tables) -> Iterator[Problem]:
    """Every row of the speakers table speaks: it has at least one statement."""
    speaking = t.keys("statements", "speaker_id")
    for i, row in enumerate(t.rows["speakers"]):
        if (row["report_id"], row["speaker_id"]) not in speaking:
            yield t.problem(
                "silent_speaker",
                N_("the speaker {speaker!r} has no statement"),
                "speakers",
                i,
                row,
                speaker=row["speaker_id"],
            )


#: Every invariant, in the order they run (shape first).
INVARIANTS: tuple[Invariant, ...] = (
    Invariant("columns", "shape", columns),
    Invariant("column_types", "shape", column_types),
    Invariant("missing_paragraph", "usable", cited_paragraph),
    Invariant("offsets_outside", "usable", offsets_inside),
    Invariant("text_mismatch", "usable", statement_text),
    Invariant("surface_mismatch", "usable", mention_surface),
    Invariant("speaker_missing", "usable", known_speaker),
    Invariant("meeting_missing", "usable", known_meeting),
    Invariant("statement_missing", "usable", known_statement),
    Invariant("no_paragraphs", "valid", has_paragraphs),
    Invariant("duplicate_paragraph", "valid", unique_paragraphs),
    Invariant("numbering", "valid", numbering),
    Invariant("silent_speaker", "valid", speaker_speaks),
)


def check_rows(tables: Mapping[str, list[dict]], *, level: str = "valid", shape: bool = True) -> list[Problem]:
    """Every problem of the tables (table name -> row dicts), up to ``level`` (:data:`LEVELS`).

    ``shape=False`` skips the shape checks, for rows that hold only the columns the checks read (a test's
    hand-made rows); a table missing from ``tables`` is empty. When a shape check fails, the problems it found
    are returned alone.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    t = _Tables(tables)
    upto = LEVELS[: LEVELS.index(level) + 1]
    broken = [p for inv in INVARIANTS if inv.level == "shape" and shape for p in inv.check(t)]
    if broken:  # the other checks read the columns the shape checks vouch for
        return broken
    return [p for inv in INVARIANTS if inv.level in upto and inv.level != "shape" for p in inv.check(t)]


def problems_error(problems: list[Problem], *, source: str | None = None, intro: str | None = None) -> ValidationError:
    """The :class:`kit.ValidationError` listing ``problems`` (the first :data:`MAX_LISTED`, then how many more),
    its ``problems`` attribute holding them all; ``intro`` a template with ``{errors}`` around the list."""
    shown = problems[:MAX_LISTED]
    listed = (
        Message(N_("{errors} (and {more} more)"), errors=shown, more=len(problems) - len(shown))
        if len(problems) > len(shown)
        else Message("{errors}", errors=shown)
    )
    error = ValidationError(intro or "{errors}", source=source, errors=listed)
    error.problems = list(problems)
    return error
