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

import numbers
import os
from concurrent.futures import ProcessPoolExecutor
from bisect import bisect_right
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from .attribution import attribute, find_people
from .errors import ReportError, ValidationError
from .gazetteer import Gazetteer, load_gazetteer
from .layout import Document, parse_layout
from .meetings import document_metadata, find_meetings
from .mentions import find_mentions
from .sources import SourceText, read_source, source_from_text

__all__ = ["Report", "ReportWarning", "parse", "load_report", "load_corpus", "DEFAULT_REPORT", "TABLES"]

DEFAULT_REPORT = Path(__file__).resolve().parent.parent / "data" / "reports" / "wgpko-2021.md"
TABLES = ("meetings", "paragraphs", "speakers", "statements", "mentions", "themes")
REPORT_SUFFIXES = {".md", ".txt", ".pdf", ".markdown"}


class ReportWarning(UserWarning):
    """Something in the report looks wrong but the parse went on (numbering gaps, unknown speakers)."""


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
        counts = ", ".join(f"{len(getattr(self, t))} {t}" for t in TABLES)
        return f"<Report {self.report_id!r}: {counts}>"

    def tables(self) -> dict[str, pd.DataFrame]:
        """The contract tables by name (plus ``problems``)."""
        return {name: getattr(self, name) for name in (*TABLES, "problems")}

    def cite(self, para: int | Iterable[int]) -> str:
        """A citation a briefer can paste: ``"S/2021/1086, para. 26"`` or ``"<report_id>, paras. 5-7"``.

        >>> load_report().cite([27, 26, 28, 31])
        'wgpko-2021, paras. 26-28, 31'
        """
        paras = sorted({int(para)} if isinstance(para, numbers.Integral) else {int(p) for p in para})
        ranges, run = [], [paras[0]] if paras else []
        for p in paras[1:]:
            if p == run[-1] + 1:
                run.append(p)
            else:
                ranges.append(run)
                run = [p]
        if run:
            ranges.append(run)
        text = ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else f"{r[0]}" for r in ranges)
        label = self.metadata.get("symbol") or self.report_id
        return f"{label}, para{'s' if len(paras) > 1 else ''}. {text}"

    def validate(self) -> "Report":
        """Check the tables against each other and the text; raise :class:`ValidationError` if not.

        Checks: paragraph numbers unique; every statement, mention and theme row
        points at an existing paragraph; statements point at known speakers and
        meetings; offsets are inside the paragraph and ``text[start:end]`` is the
        recorded surface/text; paragraphs run 1..N with no gaps (a gap or
        duplicate recorded in ``problems`` is reported here as an error).

        Returns the report itself, so ``load_report().validate()`` chains.
        """
        errors: list[str] = []
        paras = self.paragraphs
        if paras["para"].duplicated().any():
            errors.append(f"duplicate paragraph numbers: {sorted(paras.loc[paras['para'].duplicated(), 'para'])}")
        texts = dict(zip(paras["para"], paras["text"]))
        for name in ("statements", "mentions", "themes"):
            df = getattr(self, name)
            missing = sorted(set(df["para"]) - set(texts))
            if missing:
                errors.append(f"{name} refer to paragraphs that do not exist: {missing}")
        st = self.statements
        unknown = sorted(set(st["speaker_id"]) - set(self.speakers["speaker_id"]))
        if unknown:
            errors.append(f"statements refer to unknown speakers: {unknown}")
        bad_meeting = sorted(set(st["meeting_id"].dropna()) - set(self.meetings["meeting_id"]))
        if bad_meeting:
            errors.append(f"statements refer to unknown meetings: {bad_meeting}")
        for row in st.itertuples():
            t = texts.get(row.para, "")
            if not (0 <= row.start < row.end <= len(t)) or t[row.start:row.end] != row.text:
                errors.append(f"statement {row.statement_id} (paragraph {row.para}): offsets do not match its text")
        for row in self.mentions.itertuples():
            if texts.get(row.para, "")[row.start:row.end] != row.surface:
                errors.append(f"mention {row.surface!r} (paragraph {row.para}): offsets do not point at it")
        if not self.themes.empty:
            bad = self.themes[~self.themes["statement_id"].isna() & ~self.themes["statement_id"].isin(st["statement_id"])]
            if len(bad):
                errors.append(f"themes refer to unknown statements: {sorted(set(bad['statement_id']))[:5]}")
        for row in self.problems.itertuples():
            if row.problem in ("gap", "duplicate", "out_of_order"):
                errors.append(f"line {row.line}: {row.message}")
        if errors:
            raise ValidationError("; ".join(errors[:20]) + (f" (and {len(errors) - 20} more)" if len(errors) > 20 else ""),
                                  source=self.metadata.get("source"))
        return self

    def export(self, folder: str | Path, formats: Iterable[str] = ("csv",)) -> list[Path]:
        """Write every table to ``folder`` as CSV, Parquet and/or JSON; returns the files written.

        >>> import tempfile; files = load_report().export(tempfile.mkdtemp(), ["csv", "json"])
        >>> sorted({f.suffix for f in files})
        ['.csv', '.json']
        """
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name, df in self.tables().items():
            for fmt in formats:
                path = folder / f"{name}.{fmt}"
                if fmt == "csv":
                    df.to_csv(path, index=False)
                elif fmt == "parquet":
                    df.to_parquet(path, index=False)
                elif fmt == "json":
                    df.to_json(path, orient="records", date_format="iso", force_ascii=False, indent=1)
                else:
                    raise ValueError(f"unknown export format {fmt!r} (use csv, parquet or json)")
                written.append(path)
        return written


# ---------------------------------------------------------------------------
# parsing: source -> layout -> analysis -> dataframes

def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """A dataframe from row dicts, built column by column (several times faster than from records)."""
    return pd.DataFrame({c: [r.get(c) for r in rows] for c in columns}) if rows else \
        pd.DataFrame({c: [] for c in columns})


_SEPARATOR = "\n\x00\n"  # between paragraphs in the one-pass text: no name or whitespace run crosses it


def _one_pass(texts: list[tuple[int, str]]) -> tuple[str, list[int]]:
    """All paragraph texts joined, and where each starts: the matchers then run once, not once per paragraph."""
    starts, pos = [], 0
    for _, text in texts:
        starts.append(pos)
        pos += len(text) + len(_SEPARATOR)
    return _SEPARATOR.join(t for _, t in texts), starts


COLUMNS = {
    "meetings": ["report_id", "meeting_id", "date", "title", "format", "chair", "first_para", "last_para",
                 "section", "body"],
    "paragraphs": ["report_id", "para", "section", "section_title", "subsection", "meeting_id", "text", "line",
                   "pages", "n_chars"],
    "speakers": ["report_id", "speaker_id", "name", "kind", "country_iso3", "title", "organization", "honorific",
                 "represents_iso3"],
    "statements": ["report_id", "statement_id", "para", "meeting_id", "speaker_id", "speaker", "speaker_kind",
                   "verb", "lemma", "text", "joint", "start", "end", "attribution", "group"],
    "mentions": ["report_id", "para", "kind", "key", "surface", "start", "end"],
    "themes": ["report_id", "para", "statement_id", "theme", "label", "terms", "n_hits", "start", "end"],
    "problems": ["report_id", "problem", "para", "line", "expected", "message"],
}


def parse(source: SourceText, *, report_id: str | None = None, gazetteer: Gazetteer | None = None,
          strict: bool = False) -> Report:
    """Parse a :class:`~kit.sources.SourceText` into a :class:`Report`.

    Parameters
    ----------
    strict : bool
        Raise :class:`~kit.errors.LayoutError` on numbering gaps or duplicates
        instead of recording them in ``problems`` (and warning).
    """
    rows, meta = parse_rows(source, report_id=report_id, gazetteer=gazetteer, strict=strict)
    return _report(meta["report_id"], rows, meta)


def _report(report_id: str, rows: dict[str, list[dict]], meta: dict) -> Report:
    frames = {name: _frame(rows[name], columns) for name, columns in COLUMNS.items()}
    frames["meetings"]["date"] = pd.to_datetime(frames["meetings"]["date"])
    return Report(report_id, metadata=meta, **frames)


def parse_rows(source: SourceText, *, report_id: str | None = None, gazetteer: Gazetteer | None = None,
               strict: bool = False) -> tuple[dict[str, list[dict]], dict]:
    """The rows of every table (plain dicts, no pandas) and the metadata: what :func:`parse` frames."""
    g = gazetteer or load_gazetteer()
    doc: Document = parse_layout(source)
    rid = report_id or Path(source.name).stem
    problems = list(doc.problems)
    if strict and problems:
        from .errors import LayoutError
        p = problems[0]
        raise LayoutError(p["message"], source=source.name, line=p["line"], para=p["para"])

    para_rows = [(p.number, p.text, p.section, p.section_title) for p in doc.paragraphs]
    meetings = find_meetings(para_rows)
    meeting_of: dict[int, str | None] = {p.number: None for p in doc.paragraphs}
    for m in meetings:
        for p in doc.paragraphs:
            if m["first_para"] <= p.number <= m["last_para"]:
                meeting_of[p.number] = m["meeting_id"]

    texts = [(p.number, p.text) for p in doc.paragraphs]
    people = find_people([" ".join(doc.front_matter)] + [t for _, t in texts], g)
    att = attribute(texts, g, meeting_of=meeting_of, people=people)
    problems += att.problems
    meta = document_metadata(doc.front_matter, texts, doc.symbol)
    chair = next((p for p in people.values() if p.is_chair), None)
    meta.update({"report_id": rid, "source": source.name, "format": source.format, "sha256": source.sha256,
                 "chair": chair.full_name if chair else None, "n_paragraphs": len(texts)})

    # meetings: chair of the meeting = first chair statement inside it
    speakers_kind = {sid: s.kind for sid, s in att.speakers.items()}
    for m in meetings:
        chair_sid = next((s.speaker_id for s in att.statements
                          if m["first_para"] <= s.para <= m["last_para"] and speakers_kind[s.speaker_id] == "chair"),
                         None)
        m["chair"] = att.speakers[chair_sid].name if chair_sid else meta["chair"]
        m["report_id"] = rid
    paragraph_rows = [
        {"report_id": rid, "para": p.number, "section": p.section, "section_title": p.section_title,
         "subsection": p.subsection,
         "meeting_id": meeting_of[p.number], "text": p.text, "line": p.line, "pages": p.pages,
         "n_chars": len(p.text)} for p in doc.paragraphs]
    speaker_rows = [{"report_id": rid, **vars(s)} for s in att.speakers.values()]

    st_rows = []
    counter: dict[int, int] = {}
    for s in att.statements:
        counter[s.para] = counter.get(s.para, 0) + 1
        st_rows.append({"report_id": rid, "statement_id": f"{s.para}.{counter[s.para]}", "para": s.para,
                        "meeting_id": meeting_of.get(s.para), "speaker_id": s.speaker_id, "verb": s.verb,
                        "lemma": s.lemma, "text": s.text, "joint": s.joint, "start": s.start, "end": s.end,
                        "attribution": s.attribution, "group": f"{s.para}.{s.group}",
                        "speaker": att.speakers[s.speaker_id].name, "speaker_kind": speakers_kind[s.speaker_id]})

    whole, starts = _one_pass(texts)
    exclude = [(starts[i] + a, starts[i] + b) for i, (para, _) in enumerate(texts)
               for a, b in att.name_spans.get(para, [])]
    mention_rows = []
    for m in find_mentions(whole, g, exclude):
        i = bisect_right(starts, m.start) - 1
        mention_rows.append({"report_id": rid, "para": texts[i][0], "kind": m.kind, "key": m.key,
                             "surface": m.surface, "start": m.start - starts[i], "end": m.end - starts[i]})
    by_para: dict[int, list[dict]] = {}
    for row in st_rows:
        by_para.setdefault(row["para"], []).append(row)
    grouped: dict[tuple[int, str | None, str], list] = {}
    for h in g.tagger.find(whole):
        i = bisect_right(starts, h.start) - 1
        para, offset = texts[i][0], h.start - starts[i]
        owners = [r["statement_id"] for r in by_para.get(para, []) if r["start"] <= offset < r["end"]]
        for owner in owners or [None]:
            grouped.setdefault((para, owner, h.theme), []).append((h, offset))
    theme_rows = [{"report_id": rid, "para": para, "statement_id": owner, "theme": theme,
                   "label": g.tagger.labels[theme],
                   "terms": "; ".join(dict.fromkeys(h.surface.lower() for h, _ in hs)),
                   "n_hits": len(hs), "start": hs[0][1], "end": hs[0][1] + len(hs[0][0].surface)}
                  for (para, owner, theme), hs in grouped.items()]
    if problems:
        warnings.warn(f"{source.name}: " + "; ".join(p["message"] for p in problems[:5]), ReportWarning,
                      stacklevel=4)
    rows = {"meetings": meetings, "paragraphs": paragraph_rows, "speakers": speaker_rows, "statements": st_rows,
            "mentions": mention_rows, "themes": theme_rows,
            "problems": [{"report_id": rid, **p} for p in problems]}
    return rows, meta


_CACHE: dict[tuple, Report] = {}


def load_report(path: str | Path | None = None, *, report_id: str | None = None, strict: bool = False,
                cache: bool = True) -> Report:
    """Load and parse a report (the bundled 2021 report by default).

    Parameters
    ----------
    path : str or Path, optional
        A ``.md``/``.txt`` report (markdown as shipped, or plain text extracted
        from the PDF) or the ``.pdf`` itself.
    report_id : str, optional
        Defaults to the file name without its extension.
    strict : bool
        Raise on paragraph numbering gaps or duplicates.
    cache : bool
        Reuse the parse of an unchanged file (keyed by path, size and
        modification time) within this process.

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
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, report_id, strict)
    except OSError:
        key = None
    if cache and key in _CACHE:
        return _CACHE[key]
    report = parse(read_source(path), report_id=report_id, strict=strict)
    if cache and key is not None:
        _CACHE[key] = report
    return report


def load_text(text: str, *, name: str = "<string>", report_id: str | None = None, strict: bool = False) -> Report:
    """Parse a report held in a string (handy in tests and notebooks)."""
    return parse(source_from_text(text, name=name), report_id=report_id or "report", strict=strict)


def load_corpus(folder: str | Path, *, pattern: str = "*", strict: bool = False,
                workers: int | None = None) -> Report:
    """Parse every report in ``folder`` into one :class:`Report` whose tables hold all of them.

    Rows keep their ``report_id`` (the file name), so years can be compared with
    ``groupby("report_id")``. A file that fails raises :class:`~kit.ReportError`
    naming it; nothing is skipped silently. Large corpora (64 files or more)
    are parsed in several processes (``workers``, default: one per core).
    """
    folder = Path(folder)
    files = sorted(p for p in folder.glob(pattern) if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
    if not files:
        raise ReportError(f"no report files ({', '.join(sorted(REPORT_SUFFIXES))}) in this folder",
                          source=str(folder))
    if workers is None:
        workers = min(os.cpu_count() or 1, 8) if len(files) >= 64 else 1
    paths = [str(p) for p in files]
    if workers > 1:
        size = max(1, -(-len(paths) // (workers * 4)))
        chunks = [(paths[i:i + size], strict) for i in range(0, len(paths), size)]
        with ProcessPoolExecutor(workers) as pool:
            parts = list(pool.map(_frames_of_files, chunks))
    else:
        parts = [_frames_of_files((paths, strict))]
    metas = [meta for _, chunk_metas in parts for meta in chunk_metas]
    ids = [meta["report_id"] for meta in metas]
    if len(set(ids)) != len(ids):
        raise ReportError(f"two files give the same report_id: {sorted({i for i in ids if ids.count(i) > 1})}",
                          source=str(folder))
    tables = {name: pd.concat([frames[name] for frames, _ in parts], ignore_index=True) for name in COLUMNS}
    return Report("corpus", metadata={"source": str(folder), "reports": {m["report_id"]: m for m in metas}},
                  **tables)


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
