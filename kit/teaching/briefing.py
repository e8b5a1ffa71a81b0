"""The briefing note (compatibility module): :func:`build_note` and the model live in :mod:`kit.teaching.note`,
the renderings in :mod:`kit.teaching.note_render`, key figures in :mod:`kit.teaching.figures`.

>>> from kit.teaching import note
>>> from kit.teaching.briefing import build_note, Note
>>> Note is note.Note and build_note is note.build_note
True
"""

from __future__ import annotations

from .figures import figure_kind, find_figures
from .note import Item, Note, NoteError, Section, build_note
from .note_render import cite_paras

__all__ = ["Note", "Section", "Item", "build_note", "NoteError", "figure_kind", "find_figures", "cite_paras"]
