"""Sentence boundaries in report prose (abbreviation-aware, offset-preserving).

Examples
--------
>>> sentence_spans("Mr. Ladeb said it. Dr. Lennartz agreed.")
[(0, 18), (19, 39)]
"""

from __future__ import annotations

import re

__all__ = ["sentence_spans", "sentence_at"]

_ABBREVIATIONS = {
    "mr", "ms", "mrs", "dr", "prof", "no", "nos", "st", "gen", "lt", "col", "maj", "brig", "e.g", "i.e",
    "etc", "vs", "para", "paras", "inc", "co", "jr", "sr", "art", "arts", "fig", "vol", "op", "cit", "mme",
    "distr", "rev", "corr", "add", "ibid", "approx", "dept", "govt", "p", "pp",
}
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_BOUNDARY = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences of ``text``."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        word = _LAST_WORD.search(text, max(start, m.start() - 24), m.start() + 1)
        if word and (word.group(1).lower() in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1))):
            continue
        end = m.end() - (len(m.group()) - len(m.group().rstrip()))
        spans.append((start, end))
        start = m.end()
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The span of the sentence containing ``offset``."""
    for s, e in spans:
        if s <= offset < e:
            return s, e
    return spans[-1] if spans else (0, 0)
