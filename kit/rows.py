"""A parsed report as plain rows, and ``report.json``, the one file format that holds it.

:class:`kit.Report` (pandas, for analysts) and :class:`ViewReport` (lists of row dicts, for the app kernels,
which never import pandas) are two faces of the same tables, whose names and columns are defined once in
:mod:`kit.schema`. ``report.json`` is what ``kit export --format json`` writes and what the apps keep in their
cache; the README's "report.json" section documents it. This module imports neither pandas nor the parser.

The file is one JSON object::

    {"format": "peacekeeping-briefing-kit/report", "version": 1, "kit_version": "0.1.0",
     "report_id": "wgpko-2021", "metadata": {...},
     "tables": {"meetings": [{...}, ...], "paragraphs": [...], ..., "problems": [...]},
     "reference": {"missions": {"MINUSCA": {...}, ...}}}

Examples
--------
>>> view = ViewReport.from_rows({t: [] for t in TABLE_KEYS}, {"report_id": "empty", "symbol": "S/2099/1"})
>>> view.cite([3, 1, 2])
'S/2099/1, paras. 1-3'
>>> ViewReport.from_json(view.to_json()) == view
True
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .citation import cite
from .errors import Message, ValidationError
from .i18n import N_
from .paths import as_created
from .schema import COLUMNS, TABLES

__all__ = ["ViewReport", "FORMAT", "FORMAT_VERSION", "TABLE_KEYS", "read_json", "write_json", "plain", "typed_rows"]

#: The ``format`` field of every ``report.json``.
FORMAT = "peacekeeping-briefing-kit/report"
#: Bumped when a reader of the previous version could misread the file.
FORMAT_VERSION = 1
#: The tables a ``report.json`` holds: the contract tables, then ``problems``.
TABLE_KEYS = (*TABLES, "problems")

# Columns that must hold whole numbers in every row (a paragraph number, an offset), and text.
_INT_COLUMNS = {"para", "start", "end", "first_para", "last_para"}
_STR_COLUMNS = {"report_id", "text", "speaker_id", "meeting_id", "theme", "key", "statement_id", "name", "kind"}
_NULLABLE = {"meeting_id", "statement_id", "first_para", "last_para"}


@dataclass
class ViewReport:
    """A parsed report as lists of row dicts, with the :class:`kit.Report` tables' columns.

    Attributes
    ----------
    report_id : str
    metadata : dict
        Document date, symbol, title, period, body, chair, source file and its SHA-256.
    meetings, paragraphs, speakers, statements, mentions, themes, problems : list of dict
        One dict per row, keyed by the columns of :data:`kit.schema.COLUMNS`; dates are ISO strings.
    missions : dict
        Each mission acronym the report names -> its row of the reference tables (name, host, lat, lon, ...).
    text, speaker, theme_label : dict
        Look-ups built on creation: paragraph number -> text, speaker_id -> speaker row, theme -> label.
    """

    report_id: str
    metadata: dict
    meetings: list[dict]
    paragraphs: list[dict]
    speakers: list[dict]
    statements: list[dict]
    mentions: list[dict]
    themes: list[dict]
    missions: dict[str, dict] = field(default_factory=dict)
    problems: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = {p["para"]: p["text"] for p in self.paragraphs}
        self.speaker = {s["speaker_id"]: s for s in self.speakers}
        self.theme_label = {t["theme"]: t["label"] for t in self.themes}

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, t))} {t}" for t in TABLES)
        return f"<ViewReport {self.report_id!r}: {counts}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ViewReport) and self.to_json() == other.to_json()

    @property
    def label(self) -> str:
        """What citations start with: the document symbol, else the report id."""
        return self.metadata.get("symbol") or self.report_id

    def cite(self, paras: int | Iterable[int]) -> str:
        """A citation a briefer can paste (see :func:`kit.citation.cite`)."""
        return cite(self.label, paras)

    # ------------------------------------------------------------------ report.json

    def to_json(self) -> dict:
        """The ``report.json`` object (plain JSON values all the way down)."""
        from . import __version__

        return {"format": FORMAT, "version": FORMAT_VERSION, "kit_version": __version__,
                "report_id": self.report_id, "metadata": self.metadata,
                "tables": {t: getattr(self, t) for t in TABLE_KEYS},
                "reference": {"missions": self.missions}}

    @classmethod
    def from_json(cls, data: object) -> "ViewReport":
        """Read a ``report.json`` object, checking its shape first.

        Raises
        ------
        kit.ValidationError
            Naming what is wrong: another format or version, a missing table, a row without the table's
            columns, a paragraph number that is not a number, a statement citing a paragraph that is not there.
        """
        _check(data)
        tables = data["tables"]
        missions = (data.get("reference") or {}).get("missions") or {}
        return cls(data["report_id"], data["metadata"], *(tables[t] for t in TABLES), missions=missions,
                   problems=tables["problems"])

    # ------------------------------------------------------------------ from the parser or from pandas

    @classmethod
    def from_rows(cls, rows: dict[str, list[dict]], meta: dict) -> "ViewReport":
        """From :func:`kit.parse.parse_rows` output, without pandas."""
        tables = {t: [{c: plain(row.get(c)) for c in COLUMNS[t]} for row in rows.get(t, [])] for t in TABLE_KEYS}
        return cls._build(meta["report_id"], meta, tables)

    @classmethod
    def from_report(cls, report) -> "ViewReport":
        """From a :class:`kit.Report` (its dataframes are read row by row; pandas is not imported here)."""
        tables = {t: _records(getattr(report, t), COLUMNS[t]) for t in TABLE_KEYS}
        return cls._build(report.report_id, report.metadata, tables)

    @classmethod
    def _build(cls, report_id: str, meta: dict, tables: dict[str, list[dict]]) -> "ViewReport":
        acronyms = sorted({m["key"] for m in tables["mentions"] if m["kind"] == "mission"})
        return cls(report_id, {k: plain(v) for k, v in meta.items()}, *(tables[t] for t in TABLES),
                   missions=_mission_rows(acronyms), problems=tables["problems"])


def write_json(view: ViewReport, path: str | Path) -> Path:
    """Write ``report.json`` atomically (a temporary file renamed over the target), so a reader never sees
    half a file, even with several writers at once."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(view.to_json(), f, ensure_ascii=False, allow_nan=False)
        os.replace(as_created(tmp), path)  # readable as any file the user writes, not mkstemp's 0600
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def read_json(path: str | Path) -> ViewReport:
    """Read a ``report.json``; :class:`kit.ValidationError` naming the file if it is not one."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(N_("this is not a report.json file ({reason})"), source=str(path), reason=exc) from exc
    try:
        return ViewReport.from_json(data)
    except ValidationError as exc:
        raise ValidationError(exc.template, source=str(path), **exc.params) from None


def typed_rows(view: ViewReport) -> tuple[dict[str, list[dict]], dict]:
    """The tables and metadata as :func:`kit.parse.parse_rows` gives them (dates as :class:`datetime.date`),
    so a :class:`kit.Report` built from a ``report.json`` equals the one built by the parser."""
    tables = {t: getattr(view, t) for t in TABLE_KEYS}
    tables["meetings"] = [{**m, "date": _date(m.get("date"))} for m in view.meetings]
    meta = {k: _date(v) if k in _DATE_FIELDS else v for k, v in view.metadata.items()}
    return tables, meta


_DATE_FIELDS = {"date", "period_start", "period_end"}


def _date(v):
    return _dt.date.fromisoformat(v) if isinstance(v, str) and v else v


def _check(data: object) -> None:
    """Raise :class:`ValidationError` unless ``data`` has the shape of a ``report.json`` object."""
    def fail(what: str, **params: object) -> None:
        raise ValidationError(N_("not a usable report.json: {what}"), what=Message(what, **params))

    if not isinstance(data, dict):
        fail(N_("the file holds no JSON object"))
    if data.get("format") != FORMAT:
        fail(N_("format is {got!r}, expected {want!r}"), got=data.get("format"), want=FORMAT)
    if data.get("version") != FORMAT_VERSION:
        fail(N_("version {got!r}; this kit reads version {want}"), got=data.get("version"), want=FORMAT_VERSION)
    if not isinstance(data.get("report_id"), str) or not isinstance(data.get("metadata"), dict):
        fail(N_("report_id (text) and metadata (an object) are required"))
    tables = data.get("tables")
    if not isinstance(tables, dict):
        fail(N_("no tables"))
    for name in TABLE_KEYS:
        rows = tables.get(name)
        if not isinstance(rows, list):
            fail(N_("the table {name!r} is missing"), name=name)
        want = set(COLUMNS[name])
        for i, row in enumerate(rows):
            if not isinstance(row, dict) or set(row) != want:
                fail(N_("row {i} of {name!r} does not have the table's columns"), i=i, name=name)
            for col in want & _INT_COLUMNS:
                v = row[col]
                nullable = col in _NULLABLE or name == "problems"  # a problem may concern no one paragraph
                if not (isinstance(v, int) and not isinstance(v, bool)) and not (v is None and nullable):
                    fail(N_("row {i} of {name!r}: {col} is {v!r}, not a whole number"), i=i, name=name, col=col, v=v)
            for col in want & _STR_COLUMNS:
                if not isinstance(row[col], str) and not (row[col] is None and (col in _NULLABLE or name == "problems")):
                    fail(N_("row {i} of {name!r}: {col} is {v!r}, not text"), i=i, name=name, col=col, v=row[col])
    # keyed by report too: a corpus (kit.load_corpus) holds several reports' paragraph 1
    paras = {(p["report_id"], p["para"]): p["text"] for p in tables["paragraphs"]}
    speakers = {(s["report_id"], s["speaker_id"]) for s in tables["speakers"]}
    for name in ("statements", "mentions", "themes"):
        for row in tables[name]:
            text = paras.get((row["report_id"], row["para"]))
            if text is None:
                fail(N_("{name} cite paragraph {para}, which is not in the paragraphs table"), name=name, para=row["para"])
            if name != "themes" and not 0 <= row["start"] <= row["end"] <= len(text):
                fail(N_("{name}: offsets {start}-{end} lie outside paragraph {para}"), name=name, start=row["start"],
                     end=row["end"], para=row["para"])
    for row in tables["statements"]:
        if (row["report_id"], row["speaker_id"]) not in speakers:
            fail(N_("statement {statement} has the unknown speaker {speaker!r}"), statement=row["statement_id"],
                 speaker=row["speaker_id"])
    missions = (data.get("reference") or {}).get("missions", {})
    if not isinstance(missions, dict) or not all(isinstance(v, dict) for v in missions.values()):
        fail(N_("reference.missions must map acronyms to rows"))


def plain(v):
    """A JSON-safe Python value: NaN/NaT -> None, dates -> ISO strings, numpy scalars -> Python.

    >>> plain(float("nan")), plain(_dt.date(2021, 4, 13)), plain(_dt.datetime(2021, 4, 13, 10, 30))
    (None, '2021-04-13', '2021-04-13T10:30:00')
    """
    if v is None:
        return None
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # a numpy scalar
        try:
            v = v.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(v, float) and math.isnan(v):
        return None
    if type(v).__name__ in ("NaTType", "NAType"):
        return None
    if isinstance(v, _dt.datetime):  # pandas' Timestamp is one
        return v.date().isoformat() if v.time() == _dt.time() else v.isoformat()
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, dict):  # e.g. a corpus's metadata: one dict per report
        return {str(k): plain(x) for k, x in v.items()}
    return v


def _records(df, columns: list[str]) -> list[dict]:
    """The rows of a dataframe as dicts of plain values, in the schema's column order."""
    cols = list(df.columns)
    rows = [{c: plain(v) for c, v in zip(cols, row)} for row in df.itertuples(index=False, name=None)]
    return [{c: row.get(c) for c in columns} for row in rows]


def _mission_rows(acronyms: list[str]) -> dict[str, dict]:
    """The reference rows (peacekeeping and political missions) of the acronyms, lat/lon as floats or None."""
    if not acronyms:
        return {}
    from .gazetteer import load_gazetteer  # already loaded after a parse

    rows: dict[str, dict] = {}
    for row in load_gazetteer().mission_rows:
        if row.get("acronym") in acronyms and row["acronym"] not in rows:
            out: dict = dict(row)
            for k in ("lat", "lon"):
                try:
                    out[k] = float(row.get(k) or "nan")
                except ValueError:
                    out[k] = float("nan")
                if math.isnan(out[k]):
                    out[k] = None
            rows[row["acronym"]] = out
    return rows
