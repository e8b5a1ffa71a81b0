"""The kit's own exceptions.

Every error a user can meet while loading a report is a :class:`ReportError`
that names the file and, where it makes sense, the line or paragraph, so a
trainer can open the file and see the problem.

A message is an English template marked with :func:`kit.i18n.N_` (so Babel
extracts it into the catalogues) and its parameters, kept apart until the error
is shown: ``str(err)`` is the English message, ``err.localized("fr")`` the same
message in French (« ligne 3 » for "line 3").
"""

from __future__ import annotations

import json
import string
from collections.abc import Sequence
from typing import Any

from .i18n import N_, format_number, normalize, semicolon, translator

__all__ = [
    "LayoutError",
    "Message",
    "NotAReportError",
    "Problem",
    "ReportError",
    "SourceError",
    "ValidationError",
    "require",
]

# TRANSLATORS: where an error is, after the file name: "notes.md, line 3: ..."
_LINE = N_("line {line}")
# TRANSLATORS: where an error is: "notes.md, line 3, paragraph 2: ..."
_PARA = N_("paragraph {para}")
# TRANSLATORS: an error message after its place (file, line, paragraph); French puts a no-break space before the colon.
_PLACED = N_("{where}: {message}")
# TRANSLATORS: where a problem is in the tables: "statements row 3" (a table name of the data contract, a row from 0).
_ROW = N_("{table} row {row}")
# TRANSLATORS: where a problem is in a corpus: "report wgpko-2021" (the document's report_id).
_REPORT = N_("report {report_id}")


class ReportError(Exception):
    """A report could not be read or parsed.

    Parameters
    ----------
    message : str
        What is wrong, in plain words: an English template marked with ``N_``
        whose ``{name}`` placeholders are filled from ``params`` (``str.format``
        syntax; ``{size:,}`` groups digits as the language does). A message
        without parameters is used as it is, braces included.
    source : str, optional
        The file (or a label such as ``"<string>"``) the problem is in.
    line : int, optional
        1-based line number in the text the kit read.
    para : int, optional
        The paragraph number as printed in the report.
    **params
        The values of the template's placeholders (file names, numbers,
        quoted text: data, never translated).

    Attributes
    ----------
    template : str
        The English template, as marked for translation.
    params : dict
        Its parameters.
    message : str
        The English message (the template filled in), without the place.

    Examples
    --------
    >>> err = ReportError("no numbered paragraphs", source="empty.txt", line=1)
    >>> str(err)
    'empty.txt, line 1: no numbered paragraphs'
    >>> err = SourceError(N_("the file is empty"), source="notes.md", line=1)
    >>> err.localized("fr")
    'notes.md, ligne 1\\xa0: le fichier est vide'
    >>> err.localized("en") == str(err)
    True
    >>> big = SourceError(N_("the file is larger than a report can be ({size:,} bytes; the kit reads at most "
    ...                      "{limit:,}); is this the right file?"), source="x.txt", size=12345678, limit=10000000)
    >>> str(big)
    'x.txt: the file is larger than a report can be (12,345,678 bytes; the kit reads at most 10,000,000); is this the right file?'
    >>> print(big.localized("fr").replace("\\u202f", " ").replace("\\xa0", " "))
    x.txt : le fichier est plus gros qu'un rapport ne peut l'être (12 345 678 octets ; le kit lit au plus 10 000 000) ; est-ce le bon fichier ?
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        para: int | None = None,
        **params: Any,
    ) -> None:
        self.template = message
        self.params = params
        self.message = str(Message(message, **params))
        self.source = source
        self.line = line
        self.para = para
        super().__init__(self._format())

    def _format(self) -> str:
        where = []
        if self.source:
            where.append(str(self.source))
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.para is not None:
            where.append(f"paragraph {self.para}")
        return (", ".join(where) + ": " + self.message) if where else self.message

    def localized(self, lang: Any = None, *, source: bool = True) -> str:
        """The message in ``lang`` (the kit's current language when ``None``), with its place.

        English is exactly ``str(err)``. A message the catalogue does not know
        (an old-style message built before it was raised) comes back as it is;
        only its place ("line 3", « ligne 3 ») is translated. ``source=False``
        leaves out the file name (for a page that shows it apart), keeping the
        line and paragraph.

        >>> LayoutError(N_("no tables"), source="a.md", line=3).localized("fr", source=False)
        'ligne 3\\xa0: aucun tableau'
        """
        code = normalize(lang)
        if code == "en" and source:
            return str(self)
        gettext = translator(code).gettext
        message = Message(self.template, **self.params).localized(code)
        where = []
        if self.source and source:
            where.append(str(self.source))
        if self.line is not None:
            where.append(gettext(_LINE).format(line=self.line))
        if self.para is not None:
            where.append(gettext(_PARA).format(para=self.para))
        if not where:
            return message
        return gettext(_PLACED).format(where=", ".join(where), message=message)


class Message:
    """A message kept as an English template and its parameters, to be shown in any language.

    The part of an error that is itself a message (one of the problems a
    :class:`ValidationError` lists) is a ``Message``; a list of them as a
    parameter is shown joined with semicolons.

    Examples
    --------
    >>> m = Message(N_("two files give the same report_id: {ids}"), ids=["a", "b"])
    >>> str(m)
    "two files give the same report_id: ['a', 'b']"
    >>> m.localized("fr")
    "deux fichiers donnent le même report_id\\xa0: ['a', 'b']"
    >>> str(Message("{errors}", errors=[Message(N_("no tables")), Message(N_("no tables"))]))
    'no tables; no tables'
    """

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params

    def __str__(self) -> str:
        return _Formatter("en").format(self.template, **self.params) if self.params else self.template

    def __repr__(self) -> str:
        return f"Message({str(self)!r})"

    def localized(self, lang: Any = None) -> str:
        """The message in ``lang`` (the kit's current language when ``None``); English is ``str(message)``."""
        code = normalize(lang)
        if code == "en":
            return str(self)
        text = translator(code).gettext(self.template) if self.template else self.template
        return _Formatter(code).format(text, **self.params) if self.params else text


class _Formatter(string.Formatter):
    """``str.format`` in a language: ``{n:,}`` groups digits as it writes numbers ("1,000", « 1 000 »), a
    :class:`Message` is shown in it, and a list of messages is joined with its semicolon."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Message):
            return value.localized(self.lang)
        if isinstance(value, (list, tuple)) and value and all(isinstance(v, Message) for v in value):
            return semicolon(self.lang).join(v.localized(self.lang) for v in value)
        if format_spec == "," and isinstance(value, int) and not isinstance(value, bool):  # "1,000", « 1 000 »
            return format_number(value, self.lang)
        return super().format_field(value, format_spec)


class Problem(Message):
    """One thing wrong with a report: a code, a message template with its parameters, and where it is.

    The parser records the problems it noticed (a numbering gap, a speaker the reference tables do not know) as
    rows of the ``problems`` table (:meth:`as_row`); :mod:`kit.checks` finds the tables' inconsistencies as
    problems too, and a :class:`ValidationError` lists them. Shown in a language, a problem is its place ("line
    5", "statements row 3", "paragraph 26", « ligne 5 ») and its message, both from the catalogue; the place
    leaves out what the message already says (a template naming ``{para}`` is not placed at its paragraph).

    Parameters
    ----------
    code : str
        What kind of problem: ``"gap"``, ``"unknown_speaker"``, ``"missing_paragraph"`` ...
        (``docs/reference/data-contract.md`` and :data:`kit.checks.INVARIANTS` list them).
    template : str
        The English message, marked with :func:`kit.i18n.N_`; its placeholders are filled from the place
        (``para``, ``line``, ``expected``, ``table``, ``row``) and ``params``.
    report_id, table, row, para, line, expected : optional
        Where: the document (named only in a corpus), the table and its row (from 0, as ``df.iloc``), the
        paragraph number as printed, the line of the source file; ``expected`` is the paragraph number that was
        due (the ``problems`` table's column).
    **params
        The template's other values (data: never translated); plain JSON values.

    Examples
    --------
    >>> gap = Problem("gap", N_("paragraph {para} where {expected} was expected"), line=5, para=4, expected=3)
    >>> str(gap)
    'line 5: paragraph 4 where 3 was expected'
    >>> gap.localized("fr")
    'ligne 5\xa0: paragraphe 4 là où le 3 était attendu'
    >>> Problem.from_row(gap.as_row("r1")) == gap
    True
    >>> str(Problem("speaker_missing", N_("the speaker {speaker!r} is not in the speakers table"),
    ...             table="statements", row=3, para=26, speaker="XYZ"))
    "statements row 3, paragraph 26: the speaker 'XYZ' is not in the speakers table"
    """

    def __init__(
        self,
        code: str,
        template: str,
        *,
        report_id: str | None = None,
        table: str | None = None,
        row: int | None = None,
        para: int | None = None,
        line: int | None = None,
        expected: int | None = None,
        **params: Any,
    ) -> None:
        self.code, self.report_id, self.table, self.row = code, report_id, table, row
        self.para, self.line, self.expected = para, line, expected
        self.extra = params
        place = {
            k: v
            for k, v in (("table", table), ("row", row), ("para", para), ("line", line), ("expected", expected))
            if v is not None
        }
        super().__init__(template, **place, **params)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.code, self.template, self.para, self.line))

    def _key(self) -> tuple:
        return (
            self.code,
            self.template,
            self.report_id,
            self.table,
            self.row,
            self.para,
            self.line,
            self.expected,
            self.extra,
        )

    def __str__(self) -> str:
        return self.localized("en")

    def __repr__(self) -> str:
        return f"Problem({self.code!r}, {str(self)!r})"

    @property
    def message(self) -> Message:
        """What is wrong, without the place."""
        return Message(self.template, **self.params)

    def where(self, lang: Any = None) -> str:
        """The place in ``lang``: ``"line 5"``, ``"statements row 3, paragraph 26"`` (``""`` for none)."""
        gettext = translator(normalize(lang)).gettext
        parts = []
        if self.report_id is not None:
            parts.append(gettext(_REPORT).format(report_id=self.report_id))
        if self.line is not None and "{line" not in self.template:
            parts.append(gettext(_LINE).format(line=self.line))
        if self.table is not None and self.row is not None:
            parts.append(gettext(_ROW).format(table=self.table, row=self.row))
        if self.para is not None and self.line is None and "{para" not in self.template:
            parts.append(gettext(_PARA).format(para=self.para))
        return ", ".join(parts)

    def localized(self, lang: Any = None) -> str:
        """The place and the message in ``lang`` (the kit's current language when ``None``)."""
        code = normalize(lang)
        message = self.message.localized(code)
        where = self.where(code)
        return translator(code).gettext(_PLACED).format(where=where, message=message) if where else message

    def as_row(self, report_id: str | None = None) -> dict:
        """The problem as a row of the ``problems`` table: ``message`` is the English message (without the place),
        ``template`` and ``params`` (a JSON object, as text) what renders it in any language."""
        return {
            "report_id": report_id if report_id is not None else self.report_id,
            "problem": self.code,
            "para": self.para,
            "line": self.line,
            "expected": self.expected,
            "message": str(self.message),
            "template": self.template,
            "params": json.dumps(self.extra, ensure_ascii=False, sort_keys=True),
        }

    @classmethod
    def from_row(cls, row: Any) -> Problem:
        """A problem from a row of the ``problems`` table (a dict, or a dataframe row from ``itertuples``).

        A row without a template (a ``report.json`` of an older kit, a hand-made row) keeps its message as it
        is, in every language.

        >>> Problem.from_row({"problem": "x", "para": 2.0, "line": float("nan"), "message": "odd {braces}"})
        Problem('x', 'paragraph 2: odd {braces}')
        """
        get = row.get if isinstance(row, dict) else (lambda k: getattr(row, k, None))
        template = get("template") if isinstance(get("template"), str) and get("template") else None
        raw = get("params")
        try:
            params = json.loads(raw) if template and isinstance(raw, str) else {}
        except ValueError:
            params = {}
        if not isinstance(params, dict):
            params = {}
        if template is None:  # the message as it is: its braces are not placeholders
            template = str(get("message") or "").replace("{", "{{").replace("}", "}}")
        return cls(
            str(get("problem") or ""),
            template,
            para=_whole(get("para")),
            line=_whole(get("line")),
            expected=_whole(get("expected")),
            **params,
        )


def _whole(value: Any) -> int | None:
    """A paragraph or line number as an int (pandas gives 5.0 in a column with gaps); None for none."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number == number and number.is_integer() else None


class SourceError(ReportError):
    """The file cannot be turned into text (missing, empty, binary, bad encoding, unreadable PDF)."""


class LayoutError(ReportError):
    """The text is not a report of this kind (no numbered paragraphs, truncated, broken numbering)."""


class ValidationError(ReportError):
    """The parsed tables are inconsistent with each other or with the text.

    ``problems`` holds every :class:`Problem` found (:mod:`kit.checks`), the message listing the first ones.
    """

    problems: Sequence[Problem] = ()


class NotAReportError(LayoutError):
    """The text has numbered paragraphs but is not a report of reported speech (no meeting, no attributed speech).

    A note, minutes, a list, or a report in a language the kit does not read yet.
    """


def require(module: str, what: str, extra: str) -> Any:
    """Import an optional dependency, or raise a :class:`SourceError` that says which extra installs it.

    >>> require("json", "JSON", "export").__name__
    'json'
    >>> require("no_such_module_here", "Word (.docx)", "export")
    Traceback (most recent call last):
    ...
    kit.errors.SourceError: writing Word (.docx) needs the Python package no_such_module_here: pip install 'peacekeeping-briefing-kit[export]'
    """
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise SourceError(
            N_("writing {what} needs the Python package {module}: pip install 'peacekeeping-briefing-kit[{extra}]'"),
            what=what,
            module=module,
            extra=extra,
        ) from None
