"""Where words occur in a paragraph: term spans, merged spans, keyword in context.

Text analysis for the apps' searches and theme hits, kept apart from the markup that shows it
(:mod:`kit.views.html`). Plain text in, offsets and plain text out.

Examples
--------
>>> term_spans("Women peacekeepers and women, peace and security", ["women, peace and security"])
[(23, 48)]
>>> merge_spans([(5, 9), (0, 3), (2, 4)], 8)
[(0, 4), (5, 8)]
"""

from __future__ import annotations

import re
from typing import Iterable

__all__ = ["merge_spans", "term_spans", "kwic"]


def merge_spans(spans: Iterable[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans inside a text of length ``n`` (overlapping or touching spans joined)."""
    out: list[list[int]] = []
    for s, e in sorted((max(0, int(s)), min(n, int(e))) for s, e in spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def term_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Where any of ``terms`` occurs in ``text`` (case-insensitive, spaces/hyphens interchangeable; a
    trailing ``*`` or a longer word both match the stem)."""
    spans = []
    for term in terms:
        term = term.strip().rstrip("*")
        if not term:
            continue
        pattern = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", term))
        spans += [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){pattern}[\w-]*", text, re.IGNORECASE)]
    return merge_spans(spans, len(text))


def kwic(text: str, start: int, end: int, width: int = 90) -> tuple[str, str, str]:
    """Keyword in context: (left, match, right) plain text, trimmed at word boundaries.

    >>> kwic("one two three four five six", 8, 13, width=6)
    ('…two ', 'three', ' four…')
    """
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    if start - width > 0:
        left = "…" + left.split(" ", 1)[-1] if " " in left else "…" + left
    if end + width < len(text):
        right = (right.rsplit(" ", 1)[0] if " " in right else right) + "…"
    return left, text[start:end], right
