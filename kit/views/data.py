"""The report the apps show, as plain Python tables, cached on disk.

Why not the pandas dataframes? 30 workshop participants open the apps at once
on a 2-core machine, and every Voilà page is its own kernel. Importing pandas
costs about 0.5 s and 60 MB per kernel. So the first kernel to open a report
parses it with :func:`kit.parse.parse_rows` (no pandas) and writes the tables as
JSON to a cache file (``kit serve`` does this before the room arrives); every later kernel reads that
file (a few milliseconds) and never imports pandas. The cache key covers the
report file (path, size, modification time), the parser's source files and the
reference tables, so editing any of them re-parses.

Widgets never parse: :func:`app_report` is the only door, and the parser
(``kit/*.py``) never imports ``kit.views``.

Examples
--------
>>> r = app_report()
>>> r.report_id, len(r.paragraphs), r.cite([27, 26, 28, 31])
('wgpko-2021', 71, 'wgpko-2021, paras. 26-28, 31')
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

from ..citation import cite
from ..errors import ReportError
from ..paths import DEFAULT_REPORT
from ..schema import TABLES as TABLE_NAMES

__all__ = ["ViewReport", "app_report", "report_path", "cache_dir", "cite", "CACHE_VERSION"]

CACHE_VERSION = 1
KIT_DIR = Path(__file__).resolve().parent.parent
_MEMO: dict[tuple, "ViewReport"] = {}


@dataclass
class ViewReport:
    """A parsed report as lists of row dicts (same columns as the :class:`kit.Report` tables).

    ``missions`` maps each mission acronym the report mentions to its row of
    ``missions.csv`` / ``political_missions.csv`` (name, host, lat, lon, ...).
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

    def __post_init__(self) -> None:
        self.text = {p["para"]: p["text"] for p in self.paragraphs}
        self.speaker = {s["speaker_id"]: s for s in self.speakers}
        self.theme_label = {t["theme"]: t["label"] for t in self.themes}

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, t))} {t}" for t in TABLE_NAMES)
        return f"<ViewReport {self.report_id!r}: {counts}>"

    @property
    def label(self) -> str:
        """What citations start with: the document symbol, else the report id."""
        return self.metadata.get("symbol") or self.report_id

    def cite(self, paras: int | Iterable[int]) -> str:
        return cite(self.label, paras)

    def to_json(self) -> dict:
        return {"version": CACHE_VERSION, "report_id": self.report_id, "metadata": self.metadata,
                "missions": self.missions, **{t: getattr(self, t) for t in TABLE_NAMES}}

    @classmethod
    def from_json(cls, data: dict) -> "ViewReport":
        return cls(data["report_id"], data["metadata"], *(data[t] for t in TABLE_NAMES), missions=data["missions"])

    @classmethod
    def from_rows(cls, rows: dict[str, list[dict]], meta: dict) -> "ViewReport":
        """Build from :func:`kit.parse.parse_rows` output: no pandas at all."""
        from ..schema import COLUMNS

        tables = {t: [{c: _plain(row.get(c)) for c in COLUMNS[t]} for row in rows[t]] for t in TABLE_NAMES}
        acronyms = sorted({m["key"] for m in tables["mentions"] if m["kind"] == "mission"})
        return cls(meta["report_id"], {k: _plain(v) for k, v in meta.items()}, *(tables[t] for t in TABLE_NAMES),
                   missions=_mission_rows(acronyms))

    @classmethod
    def from_report(cls, report) -> "ViewReport":
        """Convert a :class:`kit.Report` (pandas) into plain tables; dates become ISO strings."""
        tables = {t: _records(getattr(report, t)) for t in TABLE_NAMES}
        meta = {k: _plain(v) for k, v in report.metadata.items()}
        acronyms = sorted({m["key"] for m in tables["mentions"] if m["kind"] == "mission"})
        return cls(report.report_id, meta, *(tables[t] for t in TABLE_NAMES), missions=_mission_rows(acronyms))


def _plain(v):
    """A JSON-safe Python value: NaN/NaT -> None, dates -> ISO strings, numpy scalars -> Python."""
    if v is None:
        return None
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # numpy scalar
        try:
            v = v.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, _dt.datetime):
        return v.date().isoformat() if v.time() == _dt.time() else v.isoformat()
    if isinstance(v, _dt.date):
        return v.isoformat()
    if type(v).__name__ in ("NaTType", "NAType"):
        return None
    if type(v).__name__ == "Timestamp":
        return v.date().isoformat()
    return v


def _records(df) -> list[dict]:
    cols = list(df.columns)
    return [{c: _plain(v) for c, v in zip(cols, row)} for row in df.itertuples(index=False, name=None)]


def _mission_rows(acronyms: list[str]) -> dict[str, dict]:
    """The reference rows (peacekeeping and political missions) of the acronyms, lat/lon as floats or None."""
    from ..gazetteer import load_gazetteer  # already loaded: this runs on a cache miss, after the parse

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


def report_path() -> Path:
    """The report the apps open: ``$KIT_REPORT`` when set, else the bundled one."""
    env = os.environ.get("KIT_REPORT", "").strip()
    return Path(env).expanduser() if env else DEFAULT_REPORT


def cache_dir() -> Path:
    """``$KIT_CACHE_DIR``, else ``~/.cache/peacekeeping-briefing-kit`` (else the temp folder)."""
    env = os.environ.get("KIT_CACHE_DIR")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "peacekeeping-briefing-kit"


def _fingerprint(path: Path) -> str:
    """What the parse depends on: the report file, the parser's code and the reference tables."""
    from ..gazetteer import REFERENCE_DIR

    h = hashlib.sha256(f"v{CACHE_VERSION}".encode())
    st = path.stat()
    h.update(f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
    deps = sorted(KIT_DIR.glob("*.py")) + sorted(Path(REFERENCE_DIR).glob("*.csv")) + [Path(__file__)]
    for dep in deps:
        try:
            s = dep.stat()
        except OSError:
            continue
        h.update(f"{dep}|{s.st_size}|{s.st_mtime_ns}".encode())
    return h.hexdigest()[:24]


def app_report(path: str | Path | None = None, *, use_cache: bool = True) -> ViewReport:
    """The report for the apps: ``path``, else ``$KIT_REPORT``, else the bundled report.

    Raises :class:`kit.ReportError` naming the file when it is missing or cannot
    be parsed (the apps turn that into a friendly panel).
    """
    path = Path(path).expanduser() if path is not None else report_path()
    if not path.is_file():
        raise ReportError("the report file does not exist (check the KIT_REPORT setting)"
                          if not path.exists() else "this is not a file", source=str(path))
    key = _fingerprint(path)
    memo_key = (str(path), key)
    if use_cache and memo_key in _MEMO:
        return _MEMO[memo_key]
    file = cache_dir() / f"{path.stem}-{key}.json"
    if use_cache:
        try:
            with open(file, encoding="utf-8") as f:
                view = ViewReport.from_json(json.load(f))
            _MEMO[memo_key] = view
            return view
        except (OSError, ValueError, KeyError, TypeError):
            pass
    from ..parse import parse_rows  # the parser only on a cache miss, and never pandas
    from ..sources import read_source

    try:
        rows, meta = parse_rows(read_source(path))
    except ReportError:
        raise
    except Exception as exc:  # a parser bug must still reach the user as a message naming the file
        raise ReportError(f"the report could not be read ({type(exc).__name__}: {exc})", source=str(path)) from exc
    view = ViewReport.from_rows(rows, meta)
    if use_cache:
        _write_atomically(file, view.to_json())
        _MEMO[memo_key] = view
    return view


def _write_atomically(file: Path, data: dict) -> None:
    """Write via a temporary file and rename, so 30 kernels starting at once never read half a file."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=file.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        os.replace(tmp, file)
    except OSError:
        pass  # a read-only home: the apps still work, each kernel parses
