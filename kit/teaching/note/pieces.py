"""The pieces a note quotes from: the sentences of the selected paragraphs, each cut to one statement group.

One job: read the statements and the themes of a report's paragraphs and return :class:`Piece` s, the units the
sections choose from. A piece is a whole sentence of its paragraph, or the part of one sentence the report gives
to one group of speakers (a sentence "..., while the representative of Tunisia called for ..." gives two pieces,
cut at the statements' ``start``/``end`` offsets); ``sentence`` then keeps the whole sentence. Sentences no
statement covers (a meeting's opening, "Several Member States ...") are pieces without speakers.

Examples
--------
>>> from kit import load_report
>>> from kit.teaching.note.tables import note_tables
>>> t = note_tables(load_report())
>>> pieces = find_pieces(t, [p["para"] for p in t.paragraphs], {s["speaker_id"]: s["kind"] for s in t.speakers})
>>> all(t.text[p.para][p.start : p.end] == p.text for p in pieces)
True
>>> any(p.key is None for p in pieces) and any(p.speaker_ids for p in pieces)
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...sentences import clip_sentences, sentence_spans

__all__ = ["Piece", "find_pieces", "long_penalty"]

#: Term patterns by (para, statement_id or None), then by theme: what the theme tagger found there.
TermPatterns = dict[tuple, dict[str, list[re.Pattern]]]


@dataclass
class Piece:
    """One sentence of a paragraph, or one speaker group's part of it, with what the selection asks of it."""

    para: int
    start: int
    end: int
    text: str
    speaker_ids: list[str]
    kinds: set[str]
    verb: str | None
    lemma: str | None
    key: tuple | None  # (para, group) of its statement group; None when unattributed
    index: int  # position of the piece in its statement group
    themes: dict[str, int] = field(default_factory=dict)  # theme -> term hits in the piece
    sentence: tuple[int, int] | None = None  # the whole sentence, when the piece is one speaker's part of it

    @property
    def words(self) -> int:
        return len(self.text.split())


def long_penalty(p: Piece) -> float:
    """How much a long piece loses in priority: a third of a point per word over 45.

    >>> long_penalty(Piece(1, 0, 4, "word " * 60, [], set(), None, None, None, 0))
    5.0
    """
    return max(0, p.words - 45) / 3


def find_pieces(t: Any, paras: list[int], kind_of: dict[str, str]) -> list[Piece]:
    """The pieces of paragraphs ``paras`` of ``t`` (plain row tables), in reading order: the statements' sentences,
    then the sentences no statement covers; ``kind_of`` gives each speaker's kind (``"briefer"``, ...)."""
    terms = _term_patterns(t)
    para_set = set(paras)
    groups: dict[tuple, list[dict]] = {}
    for st in t.statements:
        if st["para"] in para_set:
            groups.setdefault((st["para"], st.get("group") or st["statement_id"]), []).append(st)
    pieces: list[Piece] = []
    covered: dict[int, list[tuple[int, int]]] = {}
    for key, rows in groups.items():
        pieces += _group_pieces(t.text[key[0]], key, rows, terms, kind_of, covered)
    for para in paras:
        pieces += _unattributed_pieces(t.text[para], para, covered.get(para, []), terms)
    pieces.sort(key=lambda p: (p.para, p.start))
    return pieces


def _term_patterns(t: Any) -> TermPatterns:
    """(para, statement_id or None) -> theme -> term patterns the tagger found there."""
    out: TermPatterns = {}
    for row in t.themes:
        terms = [x.strip() for x in str(row.get("terms") or "").split(";") if x.strip()]
        rx = [re.compile(rf"(?<![\w-]){re.escape(x)}(?![\w])", re.I) for x in terms]
        out.setdefault((row["para"], row.get("statement_id")), {}).setdefault(row["theme"], []).extend(rx)
    return out


def _hits(text: str, theme_rx: dict[str, list[re.Pattern]]) -> dict[str, int]:
    """Theme -> how many of its terms ``text`` holds (themes with none left out)."""
    return {th: n for th, rx in theme_rx.items() if (n := sum(len(x.findall(text)) for x in rx))}


def _group_pieces(
    text: str,
    key: tuple,
    rows: list[dict],
    terms: TermPatterns,
    kind_of: dict[str, str],
    covered: dict[int, list[tuple[int, int]]],
) -> list[Piece]:
    """The sentences of one statement group (``rows``, the statements of ``key`` = (para, group)) in its paragraph
    ``text``; the group's span is added to ``covered``."""
    para = key[0]
    start, end = min(int(r["start"]) for r in rows), max(int(r["end"]) for r in rows)
    covered.setdefault(para, []).append((start, end))
    sids = list(dict.fromkeys(r["speaker_id"] for r in rows))
    theme_rx: dict[str, list[re.Pattern]] = {}
    for r in rows:
        for th, rx in terms.get((para, r["statement_id"]), {}).items():
            theme_rx.setdefault(th, []).extend(rx)
    kinds = {kind_of.get(s, "other") for s in sids}
    out = []
    for i, (a, b) in enumerate(clip_sentences(text, start, end)):
        p = Piece(para, a, b, text[a:b], sids, set(kinds), rows[0].get("verb"), rows[0].get("lemma"), key, i)
        whole = next(((x, y) for x, y in sentence_spans(text) if x <= a and b <= y), (a, b))
        p.sentence = whole if whole != (a, b) else None
        p.themes = _hits(p.text, theme_rx)
        out.append(p)
    return out


def _unattributed_pieces(text: str, para: int, spans: list[tuple[int, int]], terms: TermPatterns) -> list[Piece]:
    """The sentences of three words or more of paragraph ``text`` outside the statements' ``spans``."""
    gaps, pos = [], 0
    for a, b in sorted(spans) + [(len(text), len(text))]:
        if a > pos:
            gaps.append((pos, a))
        pos = max(pos, b)
    out = []
    for ga, gb in gaps:
        for i, (a, b) in enumerate(clip_sentences(text, ga, gb)):
            if len(text[a:b].split()) < 3:
                continue
            p = Piece(para, a, b, text[a:b], [], set(), None, None, None, i)
            p.themes = _hits(p.text, terms.get((para, None), {}))
            out.append(p)
    return out
