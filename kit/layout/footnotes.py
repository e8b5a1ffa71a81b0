"""Footnotes: the text after a footnote rule to the end of the page, kept apart from the paragraphs.

One job: decide whether a line after the rule starts the next footnote (:func:`next_marker`), then find each
footnote's marker in the paragraphs of its page, remove it from their text and record which paragraph carried it
(:func:`place_footnotes`); a footnote no paragraph carries is kept, and said so.

Examples
--------
>>> next_marker([{"marker": "1"}], "2"), next_marker([{"marker": "1"}], "3"), next_marker([], "*")
(True, False, True)
"""

from __future__ import annotations

import re

from ..errors import Problem
from ..i18n import N_
from .model import Paragraph

__all__ = ["next_marker", "marker_pattern", "place_footnotes"]


def next_marker(block: list[dict], marker: str) -> bool:
    """May ``marker`` start the next footnote of a page's block? Numbers run in sequence; "*", "**", "†" may follow
    anything."""
    if not marker.isdigit():
        return True
    last = next((n["marker"] for n in reversed(block) if n["marker"].isdigit()), None)
    return last is None or int(marker) == int(last) + 1


def marker_pattern(marker: str) -> re.Pattern:
    """Where a footnote marker sits in the text: glued to a word or to punctuation ("priority.*", "Mali1"), or after
    a sentence's punctuation and a space where PDF text lowered a superscript ("(MONUSCO). 1 The ...")."""
    m = re.escape(marker)
    after = r"(?![\w*†‡§])"
    return re.compile(
        rf"(?:(?<=[^\W\d_]|[.,;:!?)\]”’\"]){m}{after}|(?<=[.;:!?)\]”’\"]) {m}{after}(?=\s+[A-Z“\"‘(«]|$))"
    )


def place_footnotes(notes: list[dict], paragraphs: list[Paragraph], problems: list[dict]) -> list[dict]:
    """Find each footnote's marker in the paragraphs of its page, remove it from the text and record the paragraph.

    >>> ps = [Paragraph(1, "One (MONUSCO). 1", 1), Paragraph(2, "Two was key.* Then.", 2)]
    >>> place_footnotes([{"marker": "1", "text": ["See."], "line": 9, "page": (0, 1)},
    ...                   {"marker": "*", "text": ["In French."], "line": 9, "page": (0, 1)}], ps, [])
    [{'marker': '1', 'text': 'See.', 'para': 1, 'line': 9}, {'marker': '*', 'text': 'In French.', 'para': 2, 'line': 9}]
    >>> [p.text for p in ps]
    ['One (MONUSCO).', 'Two was key. Then.']
    """
    out = []
    for note in notes:
        first, last = note["page"]
        pattern = marker_pattern(note["marker"])
        para = None
        for p in paragraphs[first : last + 1]:
            m = pattern.search(p.text)
            if m:
                p.text = " ".join((p.text[: m.start()] + p.text[m.end() :]).split())
                para = p.number
                break
        text = " ".join("".join(note["text"]).split())
        out.append({"marker": note["marker"], "text": text, "para": para, "line": note["line"]})
        if para is None:
            problems.append(
                Problem(
                    "footnote_unplaced",
                    N_("footnote {marker} ({text!r}) was kept apart, but no paragraph of its page carries its marker"),
                    line=note["line"],
                    marker=note["marker"],
                    text=text[:40],
                ).as_row()
            )
    return out
