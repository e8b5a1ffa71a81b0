"""Explainable theme tagging: a theme is tagged where one of its terms occurs.

The vocabulary is ``data/reference/themes.csv`` (one row per theme and term), so
a trainer can read exactly why a paragraph is "COVID-19" and add a term. A term
is matched case-insensitively on word boundaries; a trailing ``*`` matches any
ending (``vaccin*`` finds "vaccines" and "vaccination").

Examples
--------
>>> from kit.gazetteer import load_gazetteer
>>> tagger = ThemeTagger(load_gazetteer().theme_rows)
>>> [(h.theme, h.term, h.surface) for h in tagger.find("Vaccines were shipped during the COVID-19 pandemic.")][:2]
[('covid19', 'vaccin*', 'Vaccines'), ('covid19', 'covid*', 'COVID-19')]
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["ThemeHit", "ThemeTagger"]


class ThemeHit(NamedTuple):
    theme: str
    term: str
    surface: str
    start: int
    end: int


def _term_pattern(term: str) -> str:
    prefix = term.endswith("*")
    words = term.rstrip("*").split()
    body = r"[\s-]+".join(re.escape(w).replace(r"\-", r"[\s-]?") for w in words)
    return body + (r"[\w-]*" if prefix else "")


class ThemeTagger:
    """Compiled theme vocabulary.

    Parameters
    ----------
    rows : list of dict
        Rows with ``theme``, ``label`` and ``term`` (as in ``themes.csv``).
    """

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.labels: dict[str, str] = {}
        self._terms: list[tuple[str, str]] = []
        for row in rows:
            theme, term = row.get("theme", ""), row.get("term", "").strip().lower()
            if not theme or not term:
                continue
            self.labels.setdefault(theme, row.get("label") or theme)
            self._terms.append((theme, term))
        self._terms.sort(key=lambda t: len(t[1]), reverse=True)
        groups = "|".join(f"(?P<t{i}>{_term_pattern(term)})" for i, (_, term) in enumerate(self._terms))
        self.regex = re.compile(rf"(?<![\w-])(?:{groups or '(?!x)x'})(?![\w])", re.IGNORECASE)

    def find(self, text: str) -> list[ThemeHit]:
        """Every term occurrence in ``text`` (longest term wins where terms overlap)."""
        hits = []
        for m in self.regex.finditer(text):
            i = int(m.lastgroup[1:])  # type: ignore[index]
            theme, term = self._terms[i]
            hits.append(ThemeHit(theme, term, m.group(), m.start(), m.end()))
        return hits
