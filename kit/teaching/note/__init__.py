"""The briefing note: a brief on one meeting (or a report), every quote verbatim and cited.

:func:`build_note` reads the report's tables and returns a :class:`Note`: a heading and sections of
:class:`Item` s. Each quoted item's ``text`` is a whole sentence of the report, or the part of one sentence
that the report gives to one speaker (a sentence "..., while the representative of Tunisia called for ..."
is cut at the attribution, using the statements' ``start``/``end`` offsets). Markdown, HTML, Word and JSON
are rendered from this model (:mod:`kit.teaching.note_render`); the JSON schema is in the README
("Briefing note JSON").

Sections, in order: purpose and background, the officer's summary line (to complete), key messages (joint
positions of the most delegations, each once with all its delegations), briefers, delegations' positions grouped
by theme, asks and recommendations (:func:`kit.teaching.asks.ask_form`), key figures (:mod:`kit.teaching.figures`),
the issues for the Council and the points to make (to complete, with their supporting quotes) and citations.
Every speaker of the selection keeps at least one line, and every casualty, money or percentage figure is
quoted or listed as cut. A meeting note is cut to :data:`MAX_WORDS` words of Markdown (two A4 pages) by dropping
the least important items; the citations section names the paragraphs it does not quote.

The builder works on plain row tables (any object with the attributes of :class:`NoteTables`, such as
the apps' report) and never imports pandas; given a :class:`kit.Report` it converts the tables to rows.

One module per step, each with one job (read them in this order):

- :mod:`~kit.teaching.note.outline`: the kinds of item, the sections and their titles, the length limit;
- :mod:`~kit.teaching.note.model`: :class:`Note`, :class:`Section`, :class:`Item` and the JSON form;
- :mod:`~kit.teaching.note.tables`: what the note reads of a report (rows, language, dates, theme names);
- :mod:`~kit.teaching.note.pieces`: the sentences of the selection, each cut to one statement group;
- :mod:`~kit.teaching.note.builder`: the state the sections share (the selection, what is quoted so far);
- :mod:`~kit.teaching.note.sections`: the sections that quote the report, and every speaker's line;
- :mod:`~kit.teaching.note.cut`: the two-page cut;
- :mod:`~kit.teaching.note.build`: :func:`build_note`, the steps in order.

Examples
--------
>>> from kit import load_report
>>> note = build_note(load_report(), meeting="2021-04-13", lang="en")
>>> [s.key for s in note.sections]  # doctest: +NORMALIZE_WHITESPACE
['purpose', 'summary', 'key_messages', 'briefers', 'positions', 'asks', 'figures', 'issues', 'points',
 'citations']
>>> note.words() <= MAX_WORDS
True
>>> all(item.text for item in note.items)
True
"""

from __future__ import annotations

from .build import build_note
from .cut import BRIEF_WORDS, brief_span
from .model import Item, Note, NoteError, NoteTables, Section, json_schema
from .outline import (
    ANNEX_SECTIONS,
    CUT_LANG,
    KEY_FIGURE_KINDS,
    KINDS,
    MAX_WORDS,
    QUOTED_KINDS,
    SCHEMA,
    SECTION_EMPTY,
    SECTION_TITLES,
    TO_FILL,
)
from .tables import note_tables, theme_names

__all__ = [
    "Note",
    "Section",
    "Item",
    "NoteError",
    "NoteTables",
    "build_note",
    "note_tables",
    "json_schema",
    "MAX_WORDS",
    "SCHEMA",
    "KINDS",
    "QUOTED_KINDS",
    "SECTION_TITLES",
    "SECTION_EMPTY",
    "ANNEX_SECTIONS",
    "CUT_LANG",
    "TO_FILL",
    "KEY_FIGURE_KINDS",
    "BRIEF_WORDS",
    "brief_span",
    "theme_names",
]
