"""What the kit writes for other programs: one rule for every CSV and one Markdown escape.

Every CSV the kit writes (``kit export``, :meth:`kit.Report.export`, the apps' downloads) goes
through :func:`csv_cell`: a text cell that a spreadsheet would run as a formula (it starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return, as ``=HYPERLINK(...)`` or
``-2+3+cmd|' /C calc'!A0`` would) gets a leading apostrophe, so it is shown as text.

CSV files are UTF-8 **with a byte-order mark** (:data:`CSV_ENCODING`) and ``\\r\\n`` line ends
(RFC 4180): Excel then opens accented names (Côte d'Ivoire, Türkiye) correctly, and pandas,
R and Python's ``csv`` module (with ``encoding="utf-8-sig"``) read them as plain UTF-8.

Report text that goes into Markdown goes through :func:`escape_markdown`, so a ``<script>``
or a ``*`` in a report is shown as written, never run or rendered.

Examples
--------
>>> csv_cell("=HYPERLINK(1)"), csv_cell(5), csv_cell(None)
("'=HYPERLINK(1)", 5, '')
>>> escape_markdown("<script>*x*</script>")
'\\\\<script\\\\>\\\\*x\\\\*\\\\</script\\\\>'
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["csv_cell", "csv_text", "write_csv", "write_table", "escape_markdown", "CSV_ENCODING", "EXPORT_FORMATS"]

#: The encoding of every CSV the kit writes: UTF-8 with a byte-order mark (Excel reads accents correctly).
CSV_ENCODING = "utf-8-sig"
#: The formats :func:`write_table` writes.
EXPORT_FORMATS = ("csv", "parquet", "json")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def csv_cell(value: object) -> object:
    """A CSV cell a spreadsheet will not run: text starting with = + - @ tab or CR gets a leading apostrophe.

    ``None`` becomes an empty cell; numbers and other values are left as they are.

    >>> csv_cell("-2+3+cmd|' /C calc'!A0")
    "'-2+3+cmd|' /C calc'!A0"
    >>> csv_cell("The representative of Chile said it.")
    'The representative of Chile said it.'
    """
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_text(columns: Sequence[str], rows: Iterable[Sequence]) -> str:
    """CSV (RFC 4180, ``\\r\\n`` line ends) of plain values, every cell through :func:`csv_cell`.

    >>> csv_text(["para", "text"], [[1, "=1+1"]])
    "para,text\\r\\n1,'=1+1\\r\\n"
    """
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([csv_cell(c) for c in columns])
    for row in rows:
        w.writerow([csv_cell(v) for v in row])
    return buf.getvalue()


def write_csv(df: "pd.DataFrame", path: str | Path) -> Path:
    """Write a table as CSV the kit's one way: formula guard, UTF-8 with BOM, ``\\r\\n`` line ends."""
    path = Path(path)
    safe = df.copy()
    for name in safe.columns:
        col = safe[name]
        if col.dtype == object or str(col.dtype) in ("str", "string"):
            safe[name] = col.map(lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v)
    safe.to_csv(path, index=False, encoding=CSV_ENCODING, lineterminator="\r\n")
    return path


def write_table(df: "pd.DataFrame", path: str | Path, fmt: str) -> Path:
    """Write one table in one of :data:`EXPORT_FORMATS` (``csv``, ``parquet``, ``json``)."""
    path = Path(path)
    if fmt == "csv":
        return write_csv(df, path)
    if fmt == "parquet":
        from .errors import require

        require("pyarrow", "Parquet", "export")
        df.to_parquet(path, index=False)
    elif fmt == "json":
        df.to_json(path, orient="records", date_format="iso", force_ascii=False, indent=1)
    else:
        raise ValueError(f"unknown export format {fmt!r} (use {', '.join(EXPORT_FORMATS)})")
    return path


def escape_markdown(text: object) -> str:
    """Report text made inert in Markdown: markup characters and raw HTML are shown as written.

    The kit's one Markdown escape: the briefing note (``kit note``), the apps' Markdown downloads and any
    Markdown export use it. ``None`` is the empty string; anything else is its ``str()``.

    >>> escape_markdown("resolution 2518 (2020) [sic] #1 a_b")
    'resolution 2518 (2020) \\\\[sic\\\\] \\\\#1 a\\\\_b'
    >>> escape_markdown(None), escape_markdown(12)
    ('', '12')
    """
    return _MD_SPECIAL.sub(r"\\\1", "" if text is None else str(text))
