"""Entities a paragraph refers to: missions, countries, places, organizations, documents.

A mention is anything named in the text *other than* the speaker of a
statement ("The representative of Ireland recalled the contribution of
Ireland": the second "Ireland" is a mention, the first is the speaker).

* missions by acronym (``MINUSMA``) or by full name alone ("the United Nations
  Peacekeeping Force in Cyprus" is ``UNFICYP``); a full name followed by its
  acronym in brackets is one mention;
* countries by every running-text UN name, key = ISO3; a country inside a
  mission name ("Mission in South Sudan") is part of the mission, not a country;
* Security Council and General Assembly resolutions and other document symbols,
  normalized: ``resolution 2518 (2020)`` -> ``S/RES/2518 (2020)``, ``General
  Assembly resolution 34/169`` -> ``A/RES/34/169``, ``S/PRST/2001/3`` as is;
  in French the body follows the number (« résolution 2594 (2021) du Conseil
  de sécurité », « résolution 34/169 de l'Assemblée générale ») and the key is
  the same symbol.

Names are read with the gazetteer's language (:func:`kit.gazetteer.load_gazetteer`
``lang=``), and a mission keeps its English acronym as key whether the text says
UNMISS or MINUSS.

Examples
--------
>>> from kit.gazetteer import load_gazetteer
>>> [(m.kind, m.key, m.surface) for m in find_mentions("Security Council resolutions 2518 (2020) and 2594 (2021) in Mali.", load_gazetteer())]
[('resolution', 'S/RES/2518 (2020)', '2518 (2020)'), ('resolution', 'S/RES/2594 (2021)', '2594 (2021)'), ('country', 'MLI', 'Mali')]
>>> [(m.kind, m.key) for m in find_mentions("la résolution 2594 (2021) du Conseil de sécurité et la MINUSS", load_gazetteer(lang="fr"))]
[('resolution', 'S/RES/2594 (2021)'), ('mission', 'UNMISS')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .gazetteer import Gazetteer
from .language import LANGUAGES, language

__all__ = ["Mention", "find_mentions", "normalize_symbol"]


class Mention(NamedTuple):
    kind: str
    key: str
    surface: str
    start: int
    end: int


_ACRONYM_IN_BRACKETS = re.compile(r"\s*\(([A-Z][\w-]+)\)")


@lru_cache(maxsize=4)
def _patterns(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Resolution list, the body named before it ("Security Council resolution"), and after it (French)."""
    L = language(lang)
    return re.compile(L.resolution_list), re.compile(L.body_before), re.compile(L.body_after)


_RESOLUTION_ITEM = re.compile(r"(?P<sc>(?P<n>\d{1,4})\s*\((?P<y>\d{4})\))|(?P<ga>\d{1,3}/\d{1,4}[A-Z]?)")
_SYMBOL = re.compile(  # (the lookbehind after the first letter: the engine skips to an S, A or E)
    r"(?P<sym>(?:S|A|E)(?<![\w/][SAE])/(?:RES/|PRST/|AC\.\d+/|C\.\d+/)?\d{1,4}(?:/[\w.]+)*)"
    r"(?P<year>\s\(\d{4}\))?"
)


def normalize_symbol(number: str, year: str | None = None, body: str | None = None) -> str:
    """The UN document symbol of a resolution as cited in running text.

    >>> normalize_symbol("2518", "2020")
    'S/RES/2518 (2020)'
    >>> normalize_symbol("34/169", body="General Assembly")
    'A/RES/34/169'
    """
    if year:
        prefix = "A/RES/" if body and any(L.assembly in body for L in LANGUAGES.values()) else "S/RES/"
        return f"{prefix}{number} ({year})"
    return f"A/RES/{number}"


def find_mentions(text: str, g: Gazetteer, exclude: list[tuple[int, int]] | None = None) -> list[Mention]:
    """All mentions in ``text``, in order, skipping spans in ``exclude`` (speaker names)."""
    taken = bytearray(len(text))  # 1 where a character already belongs to a speaker name or a mention
    for a, b in exclude or []:
        taken[a:b] = b"\x01" * (b - a)
    found: list[Mention] = []

    def add(m: Mention) -> None:
        if taken.find(1, m.start, m.end) == -1:
            found.append(m)
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)

    resolution_list, body_before, body_after = _patterns(g.lang)
    for m in resolution_list.finditer(text):
        before = body_before.search(text, max(0, m.start() - 25), m.start())
        after = body_after.match(text, m.end("list") - (len(m.group("list")) - len(m.group("list").rstrip())))
        body = before.group(1) if before else (after.group().strip() if after else None)
        base = m.start("list")
        for item in _RESOLUTION_ITEM.finditer(m.group("list")):
            if item.group("sc"):
                key = normalize_symbol(item.group("n"), item.group("y"), body)
            else:
                key = normalize_symbol(item.group("ga"), body=body)
            add(Mention("resolution", key, item.group(), base + item.start(), base + item.end()))
    for m in _SYMBOL.finditer(text):
        sym = m.group("sym").rstrip(".")
        kind = "resolution" if "/RES/" in sym else "document"
        key = sym + (m.group("year") or "") if "/RES/" in sym else sym
        end = m.start() + len(sym) + (len(m.group("year") or "") if "/RES/" in sym else 0)
        add(Mention(kind, key, text[m.start() : end], m.start(), end))
    for m in g.entities.finditer(text):
        kind, key = m.key.split(":", 1)
        end = m.end
        if kind == "mission":  # "the United Nations Mission in South Sudan (UNMISS)" is one mention
            bracket = _ACRONYM_IN_BRACKETS.match(text, end)
            if bracket and g.missions.names.get(bracket.group(1)) == key:
                end = bracket.end()
        add(Mention(kind, key, text[m.start : end], m.start, end))
    found.sort(key=lambda x: x.start)
    return found
