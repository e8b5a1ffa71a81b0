"""Sentence boundaries in report prose (abbreviation-aware, offset-preserving).

A period ends a sentence unless it closes an abbreviation listed in the reference table
``abbreviations.csv`` (rows of kind ``period``: ``Mr.``, ``Dr.``, ``para.``, ``e.g.`` ...), a single
initial (``Carlos A. Santos``) or an initialism (``U.N.``). Decimal numbers (``2.8``), document symbols
(``S/RES/2518 (2020)``) and closing quotes or brackets after the period are handled; a sentence may
start with a capital, a digit, an opening quote or a bracket.

:func:`clip_sentences` and :func:`key_sentence` cut sentences to a statement's ``start``/``end``
offsets, so a sentence that gives different words to different speakers ("..., while the
representative of Tunisia called for ...") yields each speaker only their own part.

Examples
--------
>>> sentence_spans("Mr. Ladeb said it. Dr. Lennartz agreed.")
[(0, 18), (19, 39)]
>>> text = "It recalled S/RES/2518 (2020). Japan gave $2.8 million (para. 29). “Yes.” He agreed."
>>> [text[s:e] for s, e in sentence_spans(text)]
['It recalled S/RES/2518 (2020).', 'Japan gave $2.8 million (para. 29).', '“Yes.”', 'He agreed.']
>>> text = "Morocco bemoaned the loss, while the representative of Pakistan said that 160 had been lost."
>>> [text[s:e] for s, e in clip_sentences(text, 0, 25)]
['Morocco bemoaned the loss']
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["sentence_spans", "sentence_at", "clip_sentences", "key_sentence", "abbreviations", "abbreviation_rows"]

_LAST_WORD = re.compile(r"([\w.’'-]+)\.$")
_BOUNDARY = re.compile(r"[.!?][\"”’)\]»]*\s+(?=[\"“‘(\[«]?\s?[A-ZÀ-ÖØ-Þ0-9])")  # French too: « … oui. À cet égard »
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


@lru_cache(maxsize=4)
def abbreviation_rows() -> tuple[dict[str, str], ...]:
    """The rows of ``abbreviations.csv``: from the reference folder (``KIT_REFERENCE_DIR``), else the kit's copy
    (:func:`kit.gazetteer.reference_path`)."""
    from .gazetteer import read_table

    return tuple(read_table("abbreviations.csv"))


@lru_cache(maxsize=8)
def abbreviations(kind: str = "period") -> frozenset[str]:
    """The ``abbreviation`` column of ``abbreviations.csv`` rows of this ``kind``.

    ``period`` entries are returned lower-case and without their final period (``"mr"``, ``"e.g"``), with the
    ``reference`` entries (``para.``, ``No.``, « par. »: a period before a number) among them; other kinds as
    written.

    >>> "para" in abbreviations("period") and "C4ISR" in abbreviations("term")
    True
    """
    kinds = {kind, "reference"} if kind == "period" else {kind}  # "para. 12": a reference's period is a period
    words = [r["abbreviation"] for r in abbreviation_rows() if r.get("kind") in kinds and r.get("abbreviation")]
    if kind == "period":
        return frozenset(w.lower().removesuffix(".") for w in words)
    return frozenset(words)


def _is_abbreviation(word: str) -> bool:
    return (
        word.lower() in abbreviations("period")
        or re.fullmatch(r"[A-Z]", word) is not None
        or _INITIALISM.fullmatch(word) is not None
    )


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences of ``text`` (surrounding whitespace excluded)."""
    return list(_sentence_spans(text))  # the parser asks for a paragraph's sentences at several steps


@lru_cache(maxsize=256)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    start = len(text) - len(text.lstrip())
    for m in _BOUNDARY.finditer(text):
        if m.start() < start:
            continue
        word = _LAST_WORD.search(text, max(start, m.start() - 24), m.start() + 1)
        if text[m.start()] == "." and word and _is_abbreviation(word.group(1)):
            continue
        end = m.end() - (len(m.group()) - len(m.group().rstrip()))
        spans.append((start, end))
        start = m.end()
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return tuple(spans)


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The span of the sentence containing ``offset``."""
    for s, e in spans:
        if s <= offset < e:
            return s, e
    return spans[-1] if spans else (0, 0)


_TRIM_END = re.compile(r"[\s,;:–—-]+$")


def clip_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The sentences of ``text`` that overlap ``[start, end)``, each cut to that range.

    A cut end drops the joining comma or semicolon ("..., while"), so the piece is the speaker's own
    words; whitespace is trimmed at both ends. Empty pieces are left out.
    """
    end = len(text) if end is None else end
    out = []
    for s, e in sentence_spans(text):
        if e <= start or s >= end:
            continue
        a, b = max(s, start), min(e, end)
        while a < b and text[a].isspace():
            a += 1
        piece = text[a:b]
        if b < e:  # cut at the next speaker's attribution
            piece = _TRIM_END.sub("", piece)
            for tail in (" while", " and", " whereas", " but"):
                if piece.endswith(tail) and b < e:
                    piece = _TRIM_END.sub("", piece[: -len(tail)])
        piece = piece.rstrip()
        if piece:
            out.append((a, a + len(piece)))
    return out


def key_sentence(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The first sentence of a statement that starts at ``start`` (and ends at ``end``), cut to it.

    This is the sentence in which the report attributes the statement: the one teaching material quotes.

    >>> t = "He spoke. The representative of Mexico called for vaccines. She agreed."
    >>> s, e = key_sentence(t, 10)
    >>> t[s:e]
    'The representative of Mexico called for vaccines.'
    """
    pieces = clip_sentences(text, start, end)
    if pieces:
        return pieces[0]
    return start, len(text.rstrip()) if end is None else end
