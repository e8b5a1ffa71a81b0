"""Peacekeeping Briefing Kit: UN reports of reported speech as tidy, cited dataframes.

>>> from kit import load_report
>>> r = load_report()            # the bundled 2021 report of the Working Group on Peacekeeping Operations
>>> r.statements.groupby("speaker")["para"].nunique().sort_values(ascending=False).head(3)  # doctest: +SKIP

The heavy modules (pandas) load on first use, so ``import kit`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import LayoutError, NotAReportError, Problem, ReportError, SourceError, ValidationError

__all__ = [
    "load_report",
    "load_corpus",
    "load_text",
    "Report",
    "ReportWarning",
    "DEFAULT_REPORT",
    "TABLES",
    "ReportError",
    "SourceError",
    "LayoutError",
    "NotAReportError",
    "ValidationError",
    "Problem",
    "load_bilingual",
    "Bilingual",
]
#: The kit's version, defined once: ``pyproject.toml`` reads it from here (``[tool.setuptools.dynamic]``).
__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .bilingual import Bilingual, load_bilingual
    from .report import DEFAULT_REPORT, TABLES, Report, ReportWarning, load_corpus, load_report, load_text


def __getattr__(name: str):
    if name in {"load_report", "load_corpus", "load_text", "Report", "ReportWarning", "DEFAULT_REPORT", "TABLES"}:
        from . import report

        return getattr(report, name)
    if name in {"load_bilingual", "Bilingual"}:
        from . import bilingual

        return getattr(bilingual, name)
    raise AttributeError(f"module 'kit' has no attribute {name!r}")
