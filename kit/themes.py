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
from functools import lru_cache
from typing import NamedTuple

from .gazetteer import Gazetteer, trie_regex

__all__ = ["ThemeHit", "ThemeTagger", "tagger_for"]


class ThemeHit(NamedTuple):
    theme: str
    term: str
    surface: str
    start: int
    end: int


def _key(text: str) -> str:
    """Terms and matches compare without case, spaces or hyphens ("COVID 19" is "covid-19")."""
    return re.sub(r"[\s-]+", "", text.lower())


class ThemeTagger:
    """Compiled theme vocabulary.

    Parameters
    ----------
    rows : list of dict
        Rows with ``theme``, ``label`` and ``term`` (as in ``themes.csv``).
    """

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.labels: dict[str, str] = {}
        self._exact: dict[str, tuple[str, str]] = {}
        self._prefixes: list[tuple[str, str, str]] = []  # (key, theme, term), longest first
        for row in rows:
            theme, term = row.get("theme", ""), row.get("term", "").strip().lower()
            if not theme or not term:
                continue
            self.labels.setdefault(theme, row.get("label") or theme)
            if term.endswith("*"):
                self._prefixes.append((_key(term[:-1]), theme, term))
            else:
                self._exact.setdefault(_key(term), (theme, term))
        self._prefixes.sort(key=lambda p: len(p[0]), reverse=True)
        self._seen: dict[str, tuple[str, str] | None] = {}
        surfaces = [t for _, (_, t) in self._exact.items()] + [t for _, _, t in self._prefixes]
        body = trie_regex(surfaces, {" ": r"[\s-]+", "-": r"[\s-]?", "*": r"[\w-]*"})
        self._pattern = rf"(?<![\w-])(?:{body})(?![\w])"
        self.regex = re.compile(self._pattern)  # run on lower-cased text: faster than IGNORECASE

    def _identify(self, surface: str) -> tuple[str, str] | None:
        if surface in self._seen:
            return self._seen[surface]
        found = self._seen[surface] = self._lookup(surface)
        return found

    def _lookup(self, surface: str) -> tuple[str, str] | None:
        key = _key(surface)
        if key in self._exact:
            return self._exact[key]
        for prefix, theme, term in self._prefixes:
            if key.startswith(prefix):
                return theme, term
        return None

    def find(self, text: str) -> list[ThemeHit]:
        """Every term occurrence in ``text`` (the longest term wins where terms overlap)."""
        lower = text.lower()
        if len(lower) != len(text):  # a few characters change length when lower-cased
            regex, lower = re.compile(self._pattern, re.IGNORECASE), text
        else:
            regex = self.regex
        hits = []
        for m in regex.finditer(lower):
            surface = text[m.start():m.end()]
            found = self._identify(surface)
            if found:
                hits.append(ThemeHit(found[0], found[1], surface, m.start(), m.end()))
        return hits


@lru_cache(maxsize=8)
def tagger_for(g: Gazetteer) -> ThemeTagger:
    """The compiled theme vocabulary of a gazetteer (its language's terms), built once per gazetteer.

    It lives here, not on :class:`~kit.gazetteer.Gazetteer`: the reference tables never import the analysis
    built on them.
    """
    return ThemeTagger(g.theme_rows)
