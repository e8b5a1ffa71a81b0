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

A corpus (:meth:`ViewReport.merge`, :func:`kit.load_corpus`) holds several documents in the same tables; each
row keeps its ``report_id`` and citations name the document:

>>> corpus = ViewReport.merge([view, ViewReport.from_rows({t: [] for t in TABLE_KEYS}, {"report_id": "b"})])
>>> corpus.cite_rows([{"report_id": "b", "para": 4}, {"report_id": "empty", "para": 2}])
'S/2099/1, para. 2; b, para. 4'
>>> [d["report_id"] for d in corpus.documents], corpus.is_corpus
(['b', 'empty'], True)
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .checks import INT_COLUMNS, check_rows, problems_error
from .citation import cite, cite_rows
from .errors import Message, ValidationError
from .i18n import N_
from .paths import as_created
from .schema import COLUMNS, TABLES

__all__ = [
    "ViewReport",
    "FORMAT",
    "FORMAT_VERSION",
    "TABLE_KEYS",
    "read_json",
    "write_json",
    "plain",
    "typed_rows",
    "document_metadata",
    "document_rows",
    "frame_rows",
]

#: The ``format`` field of every ``report.json``.
FORMAT = "peacekeeping-briefing-kit/report"
#: Bumped when a reader of the previous version could misread the file.
FORMAT_VERSION = 1
#: The tables a ``report.json`` holds: the contract tables, then ``problems``.
TABLE_KEYS = (*TABLES, "problems")

# Columns of whole numbers that pandas may hold as floats (5.0, when the column has a null).
_WHOLE = INT_COLUMNS | {"line", "expected"}


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
    cite_lang : str
        The language of :meth:`cite` and :meth:`cite_rows` (the apps set it to the page's language).
    text, texts, speaker, theme_label : dict
        Look-ups built on creation: paragraph number -> text (one document), (report_id, paragraph number) ->
        text (any report or corpus), speaker_id -> speaker row, theme -> label.
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
    cite_lang: str = field(default="en", compare=False, repr=False)

    def __post_init__(self) -> None:
        self.text = {p["para"]: p["text"] for p in self.paragraphs}
        self.texts = {(p.get("report_id", self.report_id), p["para"]): p["text"] for p in self.paragraphs}
        self.speaker: dict[str, dict] = {}
        for s in self.speakers:  # a corpus lists a speaker once per document: the first document's row
            self.speaker.setdefault(s["speaker_id"], s)
        self.theme_label = {t["theme"]: t["label"] for t in self.themes}

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, t))} {t}" for t in TABLES)
        return f"<ViewReport {self.report_id!r}: {counts}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ViewReport) and self.to_json() == other.to_json()

    @property
    def label(self) -> str:
        """What citations start with: the document symbol, else the report id (a corpus: its id)."""
        return self.metadata.get("symbol") or self.report_id

    @property
    def is_corpus(self) -> bool:
        """Whether this holds a corpus (:func:`kit.load_corpus`, a folder given to the apps)."""
        return self.memo("is_corpus", lambda: isinstance(self.metadata.get("reports"), dict))

    def memo(self, key: str, build):
        """``build()`` computed once per report object (the tables of a ViewReport are not changed once built:
        :func:`kit.views.shell.localized` makes a new one), for look-ups the apps need again and again."""
        found = self.__dict__.setdefault("_memo", {})
        if key not in found:
            found[key] = build()
        return found[key]

    @property
    def labels(self) -> dict[str, str]:
        """report_id -> what its citations start with (its symbol, else its id), in the corpus's order."""
        return self.memo(
            "labels",
            lambda: {
                rid: meta.get("symbol") or rid for rid, meta in document_metadata(self.report_id, self.metadata).items()
            },
        )

    @property
    def documents(self) -> list[dict]:
        """One row per document (:data:`kit.schema.DOCUMENT_COLUMNS`), by date."""
        return self.memo(
            "documents",
            lambda: document_rows(document_metadata(self.report_id, self.metadata), self.paragraphs, self.statements),
        )

    def para_text(self, row: dict) -> str:
        """The text of the paragraph a row (a statement, mention, theme) points at; ``""`` if none."""
        return self.texts.get((row.get("report_id", self.report_id), row["para"]), "")

    def cite(self, paras: int | Iterable[int], report_id: str | None = None) -> str:
        """A citation a briefer can paste (see :func:`kit.citation.cite`): paragraphs of this report, or of the
        document ``report_id`` of a corpus. A corpus cannot cite bare paragraph numbers (which document?):
        use :meth:`cite_rows`, or name the document."""
        labels = self.labels
        if report_id is None:
            if len(labels) > 1:
                raise ValueError(
                    f"this corpus holds {len(labels)} documents: say which (report_id=...) or cite "
                    "rows that keep their report_id (cite_rows)"
                )
            return cite(
                self.label if not self.is_corpus else next(iter(labels.values()), self.label), paras, self.cite_lang
            )
        return cite(labels.get(report_id) or report_id, paras, self.cite_lang)

    def cite_rows(self, rows: Iterable[dict]) -> str:
        """Cite the paragraphs of rows that keep their ``report_id`` (statements, mentions, themes): one
        document as :meth:`cite`, several each named (:func:`kit.citation.cite_rows`)."""
        pairs = [(row.get("report_id", self.report_id), row["para"]) for row in rows]
        if not self.is_corpus:
            return cite(self.label, [p for _r, p in pairs], self.cite_lang)
        return cite_rows(self.labels, pairs, self.cite_lang)

    @classmethod
    def merge(cls, parts: Iterable["ViewReport"], report_id: str = "corpus", meta: dict | None = None) -> "ViewReport":
        """A corpus: the documents' rows in one set of tables (each keeping its ``report_id``), their metadata
        under ``metadata["reports"]`` (report_id -> metadata) and the missions any of them names.

        Raises
        ------
        kit.ValidationError
            When two documents have the same ``report_id``.
        """
        parts = list(parts)
        ids = [p.report_id for p in parts]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValidationError(N_("two files give the same report_id: {ids}"), ids=twice)
        missions: dict[str, dict] = {}
        for p in parts:
            missions.update(p.missions)
        tables = {t: [row for p in parts for row in getattr(p, t)] for t in TABLE_KEYS}
        metadata = {**(meta or {}), "reports": {p.report_id: p.metadata for p in parts}}
        return cls(report_id, metadata, *(tables[t] for t in TABLES), missions=missions, problems=tables["problems"])

    # ------------------------------------------------------------------ report.json

    def to_json(self) -> dict:
        """The ``report.json`` object (plain JSON values all the way down)."""
        from . import __version__

        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "kit_version": __version__,
            "report_id": self.report_id,
            "metadata": self.metadata,
            "tables": {t: getattr(self, t) for t in TABLE_KEYS},
            "reference": {"missions": self.missions},
        }

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
        return cls(
            data["report_id"],
            data["metadata"],
            *(tables[t] for t in TABLES),
            missions=missions,
            problems=tables["problems"],
        )

    # ------------------------------------------------------------------ from the parser or from pandas

    @classmethod
    def from_rows(cls, rows: dict[str, list[dict]], meta: dict) -> "ViewReport":
        """From :func:`kit.parse.parse_rows` output, without pandas."""
        tables = {t: [{c: plain(row.get(c)) for c in COLUMNS[t]} for row in rows.get(t, [])] for t in TABLE_KEYS}
        return cls._build(meta["report_id"], meta, tables)

    @classmethod
    def from_report(cls, report) -> "ViewReport":
        """From a :class:`kit.Report` (its dataframes are read row by row; pandas is not imported here)."""
        tables = {t: frame_rows(getattr(report, t), COLUMNS[t]) for t in TABLE_KEYS}
        return cls._build(report.report_id, report.metadata, tables)

    @classmethod
    def _build(cls, report_id: str, meta: dict, tables: dict[str, list[dict]]) -> "ViewReport":
        acronyms = sorted({m["key"] for m in tables["mentions"] if m["kind"] == "mission"})
        return cls(
            report_id,
            {k: plain(v) for k, v in meta.items()},
            *(tables[t] for t in TABLES),
            missions=_mission_rows(acronyms),
            problems=tables["problems"],
        )


def document_metadata(report_id: str, metadata: dict) -> dict[str, dict]:
    """report_id -> metadata of each document: a corpus's ``metadata["reports"]``, else the one report's."""
    reports = metadata.get("reports")
    return reports if isinstance(reports, dict) else {report_id: metadata}


def document_rows(metas: dict[str, dict], paragraphs: list[dict], statements: list[dict]) -> list[dict]:
    """The per-document table (:data:`kit.schema.DOCUMENT_COLUMNS`) as row dicts, by date then id.

    ``kind`` defaults to ``"report"`` (the annual reports the kit has always read); ``date`` is an ISO string.

    >>> document_rows({"r1": {"lang": "fr", "date": _dt.date(2023, 1, 15)}}, [{"report_id": "r1"}], [])
    [{'report_id': 'r1', 'kind': 'report', 'body': None, 'date': '2023-01-15', 'symbol': None, 'language': 'fr', 'title': None, 'n_paragraphs': 1, 'n_statements': 0}]
    """
    n_paras: dict[str, int] = {}
    for p in paragraphs:
        n_paras[p["report_id"]] = n_paras.get(p["report_id"], 0) + 1
    n_statements: dict[str, int] = {}
    for s in statements:
        n_statements[s["report_id"]] = n_statements.get(s["report_id"], 0) + 1
    rows = [
        {
            "report_id": rid,
            "kind": meta.get("kind") or "report",
            "body": meta.get("body"),
            "date": plain(meta.get("date")),
            "symbol": meta.get("symbol"),
            "language": meta.get("lang"),
            "title": meta.get("title"),
            "n_paragraphs": n_paras.get(rid, 0),
            "n_statements": n_statements.get(rid, 0),
        }
        for rid, meta in metas.items()
    ]
    return sorted(rows, key=lambda row: (row["date"] is None, row["date"] or "", row["report_id"]))


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


def read_json(path: str | Path, sha256: str | None = None) -> ViewReport:
    """Read a ``report.json``; :class:`kit.ValidationError` naming the file if it is not one.

    ``sha256``: the digest of the file as this kit wrote it (the apps' cache keeps it beside the file); when the
    bytes still have it, the file is exactly what was written and its rows are not checked again (a corpus's
    cache holds tens of thousands of rows, and every app kernel reads it). Otherwise the file is checked whole.
    """
    try:
        raw = Path(path).read_bytes()
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(N_("this is not a report.json file ({reason})"), source=str(path), reason=exc) from exc
    try:
        if (
            sha256
            and hashlib.sha256(raw).hexdigest() == sha256
            and isinstance(data, dict)
            and isinstance(data.get("tables"), dict)
        ):
            tables = data["tables"]
            return ViewReport(
                data["report_id"],
                data["metadata"],
                *(tables[t] for t in TABLES),
                missions=(data.get("reference") or {}).get("missions") or {},
                problems=tables["problems"],
            )
        return ViewReport.from_json(data)
    except ValidationError as exc:
        placed = ValidationError(exc.template, source=str(path), **exc.params)
        placed.problems = exc.problems
        raise placed from None


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
    """Raise :class:`ValidationError` unless ``data`` has the shape of a ``report.json`` object whose tables are
    usable (:func:`kit.checks.check_rows` up to the ``usable`` level: the file's own envelope is checked here)."""

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
        if not isinstance(tables.get(name), list):
            fail(N_("the table {name!r} is missing"), name=name)
    for row in tables["paragraphs"]:
        if isinstance(row, dict) and "numbered" not in row:
            row["numbered"] = True  # a report.json of a kit before document kinds: every paragraph was numbered
    for row in tables["problems"]:
        if isinstance(row, dict) and "template" not in row and "params" not in row:  # before templated problems
            row["template"], row["params"] = None, None
    problems = check_rows(tables, level="usable")
    if problems:
        raise problems_error(problems, intro=N_("not a usable report.json: {errors}"))
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


def frame_rows(df, columns: list[str]) -> list[dict]:
    """The rows of a dataframe as dicts of plain values, in the schema's column order (what
    :meth:`kit.Report.validate` checks and ``report.json`` holds); whole numbers stay whole (5, not 5.0).

    Read column by column (``Series.tolist``): several times faster than row by row; a column the frame lacks
    is ``None`` in every row.
    """
    n = len(df)
    values = []
    for c in columns:
        if c not in df.columns:
            values.append([None] * n)
        elif c in _WHOLE:
            values.append([_whole(plain(v)) for v in df[c].tolist()])
        else:
            values.append([plain(v) for v in df[c].tolist()])
    return [dict(zip(columns, row)) for row in zip(*values)] if n else []


def _whole(v):
    """5.0 -> 5: a paragraph or line number of a column that pandas holds as floats (it has a null)."""
    return int(v) if isinstance(v, float) and v.is_integer() else v


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
