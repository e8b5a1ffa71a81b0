"""Document readers: one per kind of document, chosen by detection or given, all giving the same structure.

The kit reads four kinds of UN meeting records into the same tables:

* ``report``: an annual report of a subsidiary body (numbered paragraphs, meetings dated in them);
* ``summary_record``: a summary record (``A/C.4/78/SR.9``), its meeting dated in its header;
* ``meetings_coverage``: a press release covering a meeting (``SC/15312``), its paragraphs unnumbered;
* ``verbatim_record``: a verbatim record (``S/PV.9391``), speeches under their speakers' headings, its paragraphs
  unnumbered.

:func:`detect_kind`
reads the structure of the first lines (symbols, header lines); :func:`read` reads a source with the reader of its
kind and records the kind in ``Document.kind`` (``metadata["kind"]`` of a parsed report). Adding a kind is adding
a module with a :class:`~kit.readers.base.Reader` to :data:`READERS`, and its tests. ``docs/document-kinds.md``
describes each kind.

Examples
--------
>>> detect_kind("A/C.4/78/SR.9\\n\\nSummary record of the 9th meeting\\n")
'summary_record'
>>> detect_kind("9,391st Meeting (PM)\\nSC/15312\\n17 October 2023\\n")
'meetings_coverage'
>>> detect_kind("1. The representative of Chile said that it was so.")
'report'
>>> read("1. The representative of Chile said that it was so.").kind
'report'
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ReportError
from ..i18n import N_
from ..layout import Document
from ..sources import SourceText, source_from_text
from . import meetings_coverage, report, summary_record, verbatim_record
from .base import Reader, header_lines

__all__ = ["READERS", "KINDS", "KIND_NAMES", "Reader", "detect_kind", "read", "reader", "UNKNOWN_KIND"]

#: The readers, in the order detection tries them (the report, which takes anything, last).
READERS: dict[str, Reader] = {
    r.name: r for r in (verbatim_record.READER, summary_record.READER, meetings_coverage.READER, report.READER)
}
#: The kinds the kit reads into tables.
KIND_NAMES = ("report", "summary_record", "meetings_coverage", "verbatim_record")
#: Every kind name ``kind=`` accepts.
KINDS = KIND_NAMES

UNKNOWN_KIND = N_("unknown document kind {kind!r}: the kit reads {kinds}")


def reader(kind: str) -> Reader:
    """The reader of ``kind``; a :class:`kit.ReportError` listing the kinds for any other name.

    >>> reader("minutes")
    Traceback (most recent call last):
    ...
    kit.errors.ReportError: unknown document kind 'minutes': the kit reads report, summary_record, ...
    """
    try:
        return READERS[kind]
    except (KeyError, TypeError):
        raise ReportError(UNKNOWN_KIND, kind=kind, kinds=", ".join(KINDS)) from None


def detect_kind(source_text: SourceText | str) -> str:
    """The kind of a document, read from the structure of its first lines (symbols, header lines).

    ``"report"`` when no other reader recognises it.
    """
    lines = [line for _, line in header_lines(source_text, 200)]
    for r in READERS.values():
        if r.detect(lines):
            return r.name
    return "report"


def read(source: SourceText | str, kind: str | None = None, *, reference_folder: Path | None = None) -> Document:
    """Read ``source`` with the reader of ``kind`` (detected when ``None``).

    Raises
    ------
    kit.ReportError
        For an unknown kind; :class:`kit.NotAReportError` for a verbatim record without speeches or a press release
        that covers no meeting; :class:`kit.LayoutError` for a report or summary record without numbered paragraphs.
    """
    if isinstance(source, str):
        source = source_from_text(source)
    r = reader(kind) if kind is not None else READERS[detect_kind(source)]
    doc = r.read(source, reference_folder)
    doc.kind = r.name
    return doc
