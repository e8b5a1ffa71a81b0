"""Explainable theme tagging: a theme is tagged where one of its terms occurs.

The vocabulary is ``data/reference/themes.csv`` (one row per theme, term and
language), so a trainer can read exactly why a paragraph is "COVID-19" and add
a term. A term is matched case-insensitively on word boundaries; a trailing
``*`` matches any ending (``vaccin*`` finds "vaccines" and "vaccination"), a
``*`` may also end a word inside a term (« état* hôte* » finds « États hôtes »), and
``'`` matches either apostrophe. A French gazetteer carries the French terms,
under the same theme ids.

This module uses :mod:`kit.gazetteer`, never the reverse: the gazetteer is the
reference-data layer, theme tagging an analysis on top of it
(:func:`tagger_for` gives the compiled tagger of a gazetteer).

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
    return re.sub(r"[\s-]+", "", text.lower().replace("’", "'"))


class ThemeTagger:
    """Compiled theme vocabulary.

    Parameters
    ----------
    rows : list of dict
        Rows with ``theme``, ``label`` and ``term`` (as in ``themes.csv``).
    label_column : str
        The column whose text labels a theme (``"label_fr"`` in a French report).
    """

    def __init__(self, rows: list[dict[str, str]], label_column: str = "label") -> None:
        self.labels: dict[str, str] = {}
        self._exact: dict[str, tuple[str, str]] = {}
        self._prefixes: list[tuple[str, str, str]] = []  # (key, theme, term), longest first
        self._inner: list[tuple[re.Pattern, str, str]] = []  # terms with a "*" inside ("état* hôte*")
        written: list[str] = []  # every exact term as written: "pre-deployment training" and "predeployment training"
        # share a key, but only the hyphenated one's pattern finds "pre-deployment training"
        for row in rows:
            theme, term = row.get("theme", ""), row.get("term", "").strip().lower()
            if not theme or not term:
                continue
            self.labels.setdefault(theme, row.get(label_column) or row.get("label") or theme)
            if "*" in term[:-1]:
                key = re.escape(_key(term)).replace(r"\*", r"[\w-]*")
                self._inner.append((re.compile(key), theme, term))
            elif term.endswith("*"):
                self._prefixes.append((_key(term[:-1]), theme, term))
            else:
                self._exact.setdefault(_key(term), (theme, term))
                written.append(term)
        self._prefixes.sort(key=lambda p: len(p[0]), reverse=True)
        self._seen: dict[str, tuple[str, str] | None] = {}
        surfaces = written + [t for _, _, t in self._prefixes] + [t for _, _, t in self._inner]
        body = trie_regex(surfaces, {" ": r"[\s-]+", "-": r"[\s-]?", "*": r"[\w-]*", "'": "['’]"})
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
        for pattern, theme, term in self._inner:
            if pattern.fullmatch(key):
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
            surface = text[m.start() : m.end()]
            found = self._identify(surface)
            if found:
                hits.append(ThemeHit(found[0], found[1], surface, m.start(), m.end()))
        return hits


@lru_cache(maxsize=8)
def tagger_for(g: Gazetteer) -> ThemeTagger:
    """The compiled theme vocabulary of a gazetteer (its language's terms), built once per gazetteer.

    >>> from kit.gazetteer import load_gazetteer
    >>> tagger = tagger_for(load_gazetteer(lang="fr"))
    >>> [(h.theme, tagger.labels[h.theme]) for h in tagger.find("la protection des civils")]
    [('poc', 'Protection des civils')]
    """
    return ThemeTagger(g.theme_rows, label_column=g.language.theme_label)
