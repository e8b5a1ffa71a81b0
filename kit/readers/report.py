"""Annual reports of subsidiary bodies: today's layout (numbered paragraphs, meetings dated in a paragraph).

The report reader is :func:`kit.layout.parse_layout` as it is; :func:`kit.meetings.find_meetings` then finds
the meetings in the paragraphs (``Document.meetings`` stays ``None``).
"""

from __future__ import annotations

from pathlib import Path

from ..layout import Document, parse_layout
from ..sources import SourceText
from .base import Reader

__all__ = ["READER", "read_report"]


def read_report(source: SourceText, reference_folder: Path | None = None) -> Document:
    """The report's layout; the "truncated" error is deferred (:func:`kit.parse.parse_rows` first decides
    whether the text is reported speech at all)."""
    doc = parse_layout(source, defer_truncation=True, reference_folder=reference_folder)
    doc.kind = "report"
    return doc


READER = Reader(
    "report",
    lambda lines: True,
    read_report,
    "an annual report of a subsidiary body (numbered paragraphs, meetings dated in them)",
)
