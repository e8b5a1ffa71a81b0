"""The tables of a parsed report: their names and columns, defined once.

:class:`kit.Report` (pandas, for analysts), the apps' plain rows and every export use these names and this
column order. The README's "data contract" documents what each column means (``numbered``, the paragraphs'
last column, is described in ``docs/document-kinds.md``).

Examples
--------
>>> TABLES
('meetings', 'paragraphs', 'speakers', 'statements', 'mentions', 'themes')
>>> COLUMNS["statements"][:4]
['report_id', 'statement_id', 'para', 'meeting_id']
"""

from __future__ import annotations

__all__ = ["TABLES", "COLUMNS", "REPORT_SUFFIXES", "DOCUMENT_COLUMNS"]

#: The contract tables, in the order they are shown and exported (``problems`` comes after them).
TABLES = ("meetings", "paragraphs", "speakers", "statements", "mentions", "themes")

COLUMNS: dict[str, list[str]] = {
    "meetings": [
        "report_id",
        "meeting_id",
        "date",
        "title",
        "format",
        "chair",
        "first_para",
        "last_para",
        "section",
        "body",
    ],
    "paragraphs": [
        "report_id",
        "para",
        "section",
        "section_title",
        "subsection",
        "meeting_id",
        "text",
        "line",
        "pages",
        "n_chars",
        "numbered",
    ],
    "speakers": [
        "report_id",
        "speaker_id",
        "name",
        "kind",
        "country_iso3",
        "title",
        "organization",
        "honorific",
        "represents_iso3",
    ],
    "statements": [
        "report_id",
        "statement_id",
        "para",
        "meeting_id",
        "speaker_id",
        "speaker",
        "speaker_kind",
        "verb",
        "lemma",
        "text",
        "joint",
        "start",
        "end",
        "attribution",
        "group",
    ],
    "mentions": ["report_id", "para", "kind", "key", "surface", "start", "end"],
    "themes": ["report_id", "para", "statement_id", "theme", "label", "terms", "n_hits", "start", "end"],
    # message: in English; template and params (a JSON object, as text): the same in any language (kit.errors.Problem)
    "problems": ["report_id", "problem", "para", "line", "expected", "message", "template", "params"],
}

#: The per-document table of a report or a corpus (``Report.documents``, ``ViewReport.documents``): one row per
#: document, built from each document's metadata and its rows; ``kind`` is ``"report"`` unless a reader says
#: otherwise, ``language`` the document's ``metadata["lang"]``.
DOCUMENT_COLUMNS = ["report_id", "kind", "body", "date", "symbol", "language", "title", "n_paragraphs", "n_statements"]

#: File suffixes the kit reads as reports.
REPORT_SUFFIXES = {".md", ".txt", ".pdf", ".markdown"}
