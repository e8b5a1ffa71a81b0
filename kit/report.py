"""The :class:`Report`: a parsed report as tidy pandas dataframes, with provenance.

Every table has ``report_id`` and ``para`` (the paragraph number as printed),
so every row can be cited. See the README for the data contract.

Examples
--------
>>> from kit import load_report
>>> r = load_report()
>>> r.statements.query("speaker_id == 'MEX'")["para"].tolist()
[26, 26, 27, 32, 33]
>>> r.cite(26)
'wgpko-2021, para. 26'
"""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from . import exports
from .checks import check_rows, problems_error
from .citation import cite, cite_rows
from .errors import ReportError
from .gazetteer import Gazetteer
from .i18n import N_, colon, format_number, normalize, translator
from .parse import ReportWarning, parse_rows
from .paths import DEFAULT_REPORT, as_created
from .rows import ViewReport, document_metadata, document_rows, frame_rows, read_json, typed_rows, write_json
from .schema import COLUMNS, DOCUMENT_COLUMNS, TABLES
from .sources import SourceText, corpus_files, read_source, source_from_text

__all__ = ["Report", "ReportWarning", "parse", "load_report", "load_corpus", "DEFAULT_REPORT", "TABLES"]


def _count(table: str, n: int, lang: str) -> str:
    """``"71 paragraphs"`` (« 71 paragraphes »): the rows of one table of the contract, in ``lang``."""
    ngettext = translator(lang).ngettext
    forms = {
        "meetings": lambda: ngettext("{n} meeting", "{n} meetings", n),
        "paragraphs": lambda: ngettext("{n} paragraph", "{n} paragraphs", n),
        "speakers": lambda: ngettext("{n} speaker", "{n} speakers", n),
        "statements": lambda: ngettext("{n} statement", "{n} statements", n),
        "mentions": lambda: ngettext("{n} mention", "{n} mentions", n),
        "themes": lambda: ngettext("{n} theme", "{n} themes", n),
    }
    text = forms[table]() if table in forms else f"{{n}} {table}"
    return text.format(n=format_number(n, lang))


@dataclass
class Report:
    """A parsed report.

    Attributes
    ----------
    report_id : str
    meetings, paragraphs, speakers, statements, mentions, themes : pandas.DataFrame
        The tables of the data contract (see README).
    problems : pandas.DataFrame
        What the parser noticed and did not hide: numbering gaps and duplicates,
        unknown speaker names. Empty for a clean report.
    metadata : dict
        Document date, symbol, title, period covered, body, chair, source format.
    """

    report_id: str
    meetings: pd.DataFrame
    paragraphs: pd.DataFrame
    speakers: pd.DataFrame
    statements: pd.DataFrame
    mentions: pd.DataFrame
    themes: pd.DataFrame
    problems: pd.DataFrame
    metadata: dict = field(default_factory=dict)

    def __repr__(self) -> str:
        return self.summary()

    def summary(self, lang: str | None = None) -> str:
        """The one line a notebook shows for a report (its ``repr``): its id and the rows of each table, in
        ``lang`` (default: the process's language, :func:`kit.i18n.get_language`).

        >>> load_report().summary("fr").split(",")[0]
        "<Report 'wgpko-2021'\\xa0: 2 réunions"
        """
        code = normalize(lang)
        counts = ", ".join(_count(table, len(getattr(self, table)), code) for table in TABLES)
        return f"<Report {self.report_id!r}{colon(code)} {counts}>"

    def tables(self) -> dict[str, pd.DataFrame]:
        """The contract tables by name (plus ``problems``)."""
        return {name: getattr(self, name) for name in (*TABLES, "problems")}

    @property
    def labels(self) -> dict[str, str]:
        """report_id -> what its citations start with (the document's symbol, else its id), for each document."""
        return {
            rid: meta.get("symbol") or rid for rid, meta in document_metadata(self.report_id, self.metadata).items()
        }

    @property
    def documents(self) -> pd.DataFrame:
        """One row per document (:data:`kit.schema.DOCUMENT_COLUMNS`: report_id, kind, body, date, symbol,
        language, title, n_paragraphs, n_statements), by date; a single report has one row.

        >>> load_report().documents[["report_id", "kind", "language", "n_paragraphs"]].values.tolist()
        [['wgpko-2021', 'report', 'en', 71]]
        """
        rows = document_rows(
            document_metadata(self.report_id, self.metadata),
            [{"report_id": rid} for rid in self.paragraphs["report_id"]],
            [{"report_id": rid} for rid in self.statements["report_id"]],
        )
        frame = _frame(rows, DOCUMENT_COLUMNS)
        frame["date"] = pd.to_datetime(frame["date"])
        return frame

    def cite(self, para, report_id: str | None = None, lang: str = "en") -> str:
        """A citation a briefer can paste: ``"S/2021/1086, para. 26"`` or ``"<report_id>, paras. 5-7"``.

        ``para`` is a paragraph number, several, or rows (a dataframe with ``report_id`` and ``para``
        columns, such as a slice of ``statements``). A corpus names the document of each: give it rows, or
        paragraphs and the ``report_id`` they belong to; bare numbers of a corpus of several documents raise
        ``ValueError`` (which document?).

        >>> load_report().cite([27, 26, 28, 31])
        'wgpko-2021, paras. 26-28, 31'
        >>> r = load_report(); r.cite(r.statements.query("speaker_id == 'MEX'"), lang="fr")
        'wgpko-2021, par. 26 et 27, 32 et 33'
        """
        labels = self.labels
        if hasattr(para, "columns"):  # rows that keep their document
            if "report_id" not in para.columns or "para" not in para.columns:
                raise ValueError("rows to cite need a report_id and a para column")
            return cite_rows(labels, zip(para["report_id"], para["para"]), lang)
        if report_id is not None:
            if report_id not in labels:
                raise ValueError(f"no document {report_id!r} here; the documents are {', '.join(labels)}")
            return cite(labels[report_id], para, lang)
        if len(labels) > 1:
            raise ValueError(
                f"this corpus holds {len(labels)} documents: say which (report_id=...) or cite rows "
                "that keep their report_id (a slice of a table)"
            )
        return cite(
            next(iter(labels.values()))
            if "reports" in self.metadata
            else self.metadata.get("symbol") or self.report_id,
            para,
            lang,
        )

    def validate(self) -> "Report":
        """Check the tables against each other and the text; raise :class:`ValidationError` if not.

        The checks are :data:`kit.checks.INVARIANTS`, all of them (the ``valid`` level), over the tables' rows:
        every row has its table's columns and types; every statement, mention and theme cites a paragraph that
        exists and its offsets point at its text; statements name speakers and meetings of the tables, themes
        statements; there are paragraphs, each number once, running 1..N (a gap or duplicate the parser recorded
        in ``problems`` is an error here); every speaker speaks. The error lists each problem with where it is
        (``err.problems``), in the kit's language (``err.localized("fr")``). A corpus names each document.

        Returns the report itself, so ``load_report().validate()`` chains.

        >>> import kit; r = load_report(cache=False); r.statements.loc[0, "speaker_id"] = "XYZ"
        >>> try:
        ...     r.validate()
        ... except kit.ValidationError as err:
        ...     print([(p.code, p.table, p.row) for p in err.problems])
        ...     print(err.localized("fr").split(": ", 1)[1].replace("\xa0", " "))
        [('speaker_missing', 'statements', 0)]
        tableau statements, ligne 0, paragraphe 7 : l'orateur 'XYZ' n'est pas dans le tableau speakers
        """
        problems = check_rows({name: frame_rows(df, COLUMNS[name]) for name, df in self.tables().items()})
        if problems:
            raise problems_error(problems, source=self.metadata.get("source"))
        return self

    def copy(self) -> "Report":
        """An independent copy: changing its tables or metadata never changes this report.

        >>> r = load_report(); c = r.copy(); c.statements.loc[0, "para"] = -1
        >>> int(r.statements.loc[0, "para"]) != -1
        True
        """
        return Report(
            self.report_id,
            metadata=copy.deepcopy(self.metadata),
            **{name: df.copy() for name, df in self.tables().items()},
        )

    def export(self, folder: str | Path, formats: Iterable[str] = ("csv",)) -> list[Path]:
        """Write every table to ``folder`` as CSV and/or Parquet (a file per table) and/or JSON (all tables in
        one ``report.json``, read back by :func:`load_report`); returns the files written.

        The files are written to a temporary folder next to ``folder`` and moved
        into place only when all of them are written, so a failure halfway (a
        full disk, a missing Parquet engine) leaves no half export. CSV files
        follow :mod:`kit.exports` (formula guard, UTF-8 with a byte-order mark).

        Raises
        ------
        ReportError
            If ``folder`` is an existing file, or a file cannot be written.

        >>> import tempfile; files = load_report().export(tempfile.mkdtemp(), ["csv", "json"])
        >>> sorted({f.suffix for f in files})
        ['.csv', '.json']
        """
        folder = Path(folder)
        formats = list(dict.fromkeys(formats))
        unknown = [f for f in formats if f not in exports.EXPORT_FORMATS]
        if unknown:
            raise ValueError(f"unknown export format {unknown[0]!r} (use {', '.join(exports.EXPORT_FORMATS)})")
        if folder.exists() and not folder.is_dir():
            raise ReportError(
                N_("this is a file, not a folder: give the folder to write the tables into"), source=str(folder)
            )
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            staging = as_created(tempfile.mkdtemp(prefix=f".{folder.name}-", suffix=".partial", dir=folder.parent))
        except OSError as exc:
            raise ReportError(
                N_("the folder could not be created ({reason})"), source=str(folder), reason=exc.strerror or exc
            ) from None
        try:
            staged = []
            for fmt in formats:
                if fmt == "json":  # one file, report.json: the format documented in the README (kit.rows)
                    staged.append(write_json(ViewReport.from_report(self), staging / "report.json"))
                    continue
                staged += [
                    exports.write_table(df, staging / f"{name}.{fmt}", fmt) for name, df in self.tables().items()
                ]
            if not folder.exists():
                os.replace(staging, folder)  # one rename: the export appears whole
            else:
                for path in staged:
                    os.replace(path, folder / path.name)
        except OSError as exc:
            raise ReportError(
                N_("the export could not be written ({reason}); nothing was written"),
                source=str(folder),
                reason=exc.strerror or exc,
            ) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return [folder / path.name for path in staged]


# ---------------------------------------------------------------------------
# parsing: source -> layout -> analysis -> dataframes


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """A dataframe from row dicts, built column by column (several times faster than from records)."""
    return (
        pd.DataFrame({c: [r.get(c) for r in rows] for c in columns}) if rows else pd.DataFrame({c: [] for c in columns})
    )


def parse(
    source: SourceText,
    *,
    report_id: str | None = None,
    gazetteer: Gazetteer | None = None,
    strict: bool = False,
    lang: str | None = None,
    kind: str | None = None,
) -> Report:
    """Parse a :class:`~kit.sources.SourceText` into a :class:`Report`.

    Parameters
    ----------
    strict : bool
        Check the tables as :meth:`Report.validate` does (:mod:`kit.checks`) and raise its
        :class:`~kit.errors.ValidationError` listing every problem (a numbering gap or duplicate among them),
        instead of recording them in ``problems`` (and warning).
    kind : str, optional
        The document's kind (:data:`kit.readers.KINDS`), detected when omitted (``metadata["kind"]``).
    """
    rows, meta = parse_rows(source, report_id=report_id, gazetteer=gazetteer, strict=strict, lang=lang, kind=kind)
    return _report(meta["report_id"], rows, meta)


def _report(report_id: str, rows: dict[str, list[dict]], meta: dict) -> Report:
    frames = {name: _frame(rows[name], columns) for name, columns in COLUMNS.items()}
    frames["meetings"]["date"] = pd.to_datetime(frames["meetings"]["date"])
    return Report(report_id, metadata=meta, **frames)


_CACHE: dict[tuple, Report] = {}


def load_report(
    path: str | Path | None = None,
    *,
    report_id: str | None = None,
    strict: bool = False,
    cache: bool = True,
    lang: str | None = None,
    kind: str | None = None,
) -> Report:
    """Load and parse a report (the bundled 2021 report by default).

    Parameters
    ----------
    path : str or Path, optional
        A ``.md``/``.txt`` report (markdown as shipped, or plain text extracted
        from the PDF) or the ``.pdf`` itself, or a ``report.json`` written by ``kit export --format json``.
    report_id : str, optional
        Defaults to the file name without its extension.
    strict : bool
        Raise :class:`kit.ValidationError` where :meth:`Report.validate` would (paragraph numbering gaps or
        duplicates among them), listing every problem.
    lang : {"en", "fr"}, optional
        The report's language; detected from the text when omitted (``metadata["lang"]``).
    kind : {"report", "summary_record", "meetings_coverage", "verbatim_record"}, optional
        The document's kind, which chooses its reader (:mod:`kit.readers`); detected from the text when omitted
        (``metadata["kind"]``). Another name raises :class:`kit.ReportError` listing the kinds.
    cache : bool
        Reuse the parse of an unchanged file (keyed by path, size and
        modification time) within this process. Every call returns its own
        copy, so changing ``r.statements`` in place never changes what another
        caller (an exercise checker, another app) gets.

    Raises
    ------
    kit.ReportError
        With the file and line, for a missing, empty, binary, non-UTF-8,
        truncated or non-report file.

    Examples
    --------
    >>> r = load_report()
    >>> len(r.paragraphs), r.meetings["meeting_id"].tolist()
    (71, ['2021-04-13', '2021-10-12'])
    """
    path = Path(path) if path is not None else DEFAULT_REPORT
    if path.suffix.lower() == ".json":  # a report.json written by `kit export --format json` (kit.rows)
        view = read_json(path)
        return _report(view.report_id, *typed_rows(view))
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, report_id, strict, lang, kind)
    except OSError:
        key = None
    if cache and key in _CACHE:
        return _CACHE[key].copy()
    report = parse(read_source(path), report_id=report_id, strict=strict, lang=lang, kind=kind)
    if cache and key is not None:
        _CACHE[key] = report
        return report.copy()
    return report


def load_text(
    text: str,
    *,
    name: str = "<string>",
    report_id: str | None = None,
    strict: bool = False,
    lang: str | None = None,
    kind: str | None = None,
) -> Report:
    """Parse a report held in a string (handy in tests and notebooks); ``lang`` and ``kind`` as in
    :func:`load_report`."""
    return parse(
        source_from_text(text, name=name), report_id=report_id or "report", strict=strict, lang=lang, kind=kind
    )


def load_corpus(folder: str | Path, *, pattern: str = "*", strict: bool = False, workers: int | None = None) -> Report:
    """Parse every document in ``folder`` into one :class:`Report` whose tables hold all of them.

    Documents may be of several kinds and in English or French (each file's language is detected). Rows keep
    their ``report_id`` (the file name), so documents and years can be compared with ``groupby("report_id")``;
    ``documents`` lists them (kind, body, date, symbol, language) and :meth:`Report.cite` names the document of
    each paragraph cited ("A/C.4/78/SR.9, para. 12"). A file that fails, or a file that is not a report
    (another suffix: a spreadsheet left in the folder), raises :class:`~kit.ReportError` naming it; nothing is
    skipped silently except hidden files (``.DS_Store``). Large corpora (64 files or more) are parsed in
    several processes (``workers``, default: one per core, at most 8).

    Examples
    --------
    >>> import shutil, tempfile; folder = Path(tempfile.mkdtemp())
    >>> _ = shutil.copy(DEFAULT_REPORT, folder / "wgpko-2021.md")
    >>> corpus = load_corpus(folder)
    >>> corpus.documents["report_id"].tolist(), corpus.cite(corpus.statements.query("speaker_id == 'MEX'"))
    (['wgpko-2021'], 'wgpko-2021, paras. 26-27, 32-33')
    """
    folder = Path(folder)
    paths = [str(p) for p in corpus_files(folder, pattern)]
    if workers is None:
        workers = min(os.cpu_count() or 1, 8) if len(paths) >= 64 else 1
    if workers > 1:
        from concurrent.futures import ProcessPoolExecutor  # here: a browser Python has no processes

        size = max(1, -(-len(paths) // (workers * 4)))
        chunks = [(paths[i : i + size], strict) for i in range(0, len(paths), size)]
        with ProcessPoolExecutor(workers) as pool:
            parts = list(pool.map(_frames_of_files, chunks))
    else:
        parts = [_frames_of_files((paths, strict))]
    metas = [meta for _, chunk_metas in parts for meta in chunk_metas]
    ids = [meta["report_id"] for meta in metas]
    if len(set(ids)) != len(ids):
        raise ReportError(
            N_("two files give the same report_id: {ids}"),
            source=str(folder),
            ids=sorted({i for i in ids if ids.count(i) > 1}),
        )
    tables = {name: pd.concat([frames[name] for frames, _ in parts], ignore_index=True) for name in COLUMNS}
    return Report(
        "corpus",
        metadata={"source": str(folder), "title": folder.resolve().name, "reports": {m["report_id"]: m for m in metas}},
        **tables,
    )


def _frames_of_files(job: tuple[list[str], bool]) -> tuple[dict[str, pd.DataFrame], list[dict]]:
    """Parse several files and frame their rows together (what one worker process sends back)."""
    paths, strict = job
    rows: dict[str, list[dict]] = {name: [] for name in COLUMNS}
    metas = []
    for path in paths:
        file_rows, meta = parse_rows(read_source(path), strict=strict)
        for name in COLUMNS:
            rows[name] += file_rows[name]
        metas.append(meta)
    report = _report("chunk", rows, {})
    return report.tables(), metas
