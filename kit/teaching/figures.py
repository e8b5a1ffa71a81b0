"""Key figures in report prose, typed by what they count.

A figure is a number with what it counts: ``"104 personnel"``, ``"more than 4,000 peacekeepers"``,
``"$2.8-million"``, ``"124 per cent"``, ``"five of the nine heads"``, ``"60-plus years"``. Its kind comes
from the counted noun, not from any word elsewhere in the sentence ("armoured personnel carriers" does
not make "more than 50 ... countries" a personnel figure):

* ``casualties`` -- people, with a word of death or injury next to the figure ("104 personnel had died");
* ``personnel`` -- people (peacekeepers, troops, officers, women, heads ...);
* ``money`` -- an amount of money; ``percentage``;
* ``count`` -- countries, missions, units, cases, incidents ...; ``duration`` -- years, months, decades.

Dates, years, resolution and document numbers, ordinals and the names with digits of the reference
table ``abbreviations.csv`` (kind ``term``: ``C4ISR``, ``COVID-19``, ``level-II``) are not figures.

Examples
--------
>>> [(f["text"], f["kind"]) for f in find_figures(
...     "The United States had built partnerships with more than 50 troop- and police-contributing "
...     "countries and had provided equipment, such as armoured personnel carriers.")]
[('more than 50 troop- and police-contributing countries', 'count')]
>>> [(f["text"], f["kind"]) for f in find_figures("The representative of Mexico said that 104 personnel had died in 2020.")]
[('104 personnel', 'casualties')]
>>> figure_kind("On 13 April 2021, the Working Group met on resolution 2518 (2020).") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["FIGURE_KINDS", "find_figures", "figure_kind"]

#: The kinds, most important first (the note lists figures in this order).
FIGURE_KINDS = ("casualties", "personnel", "money", "percentage", "count", "duration")

_WORDS = ("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
          "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|"
          "thousands?|dozens?|millions?")
_NUM = rf"(?<![\w/.$-])(?:\d[\d,]*(?:\.\d+)?|(?:{_WORDS}))(?:-plus|\+)?(?![\w/])"
_APPROX = r"(?:(?:more\s+than|over|some|about|around|nearly|almost|at\s+least|fewer\s+than|less\s+than|up\s+to|" \
          r"a\s+total\s+of|approximately|roughly|more)\s+)?"
_PEOPLE = (r"peacekeepers|personnel|individuals|people|persons|soldiers|officers|troops|women|men|girls|boys|"
           r"children|civilians|staff|members|experts|advisers|advisors|focal\s+points|heads|police|policewomen|"
           "policemen|observers|contingents|perpetrators|refugees|victims|fatalities|deaths|casualties|"
           "trainers|trainees|instructors|commanders|nationals|uniformed|workers")
_COUNT = (r"countries|States|nations|missions|operations|units|battalions|companies|helicopters|aircraft|vehicles|"
          "cases|incidents|attacks|events|projects|courses|sessions|visits|teams|hospitals|camps|bases|pledges|"
          r"partners|partner\s+countries|institutions|languages|sectors|regions|provinces|sites")
_TIME = "years|year|months|month|weeks|week|days|day|decades|decade|hours|hour"
_COUNTED = re.compile(
    rf"{_APPROX}(?P<num>{_NUM})(?:\s+(?:of\s+the|out\s+of)\s+(?:{_NUM}))?"
    rf"\s+(?P<mods>(?:(?!(?:of|in|to|for|from|with|by|at|on|and\s+the)\b)[\w’'-]+\s+){{0,4}}?)"
    rf"(?P<unit>{_PEOPLE}|{_COUNT}|{_TIME})(?![\w-])", re.I)
_MONEY = re.compile(r"(?:(?:US|USD)\s?)?\$\s?\d[\d,]*(?:\.\d+)?(?:[-\s]?(?:million|billion|thousand))?"
                    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:million|billion)\s+(?:United\s+States\s+)?(?:dollars|euros|francs)",
                    re.I)
_PERCENT = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent\b)", re.I)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NOT_FIGURES = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTHS})(?:\s+\d{{4}})?"         # 13 April 2021
    rf"|\b(?:{_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}"             # April 13, 2021
    rf"|\b(?:{_MONTHS})\s+\d{{4}}"                           # December 2020
    r"|\b\d{1,4}\s*\(\d{4}\)"                                # resolution 2518 (2020)
    r"|\bresolutions?\s+\d+(?:/\d+)?"                        # resolution 1325, resolution 34/169
    r"|\b[A-Z]+/[\w./-]+"                                    # document symbols
    r"|\b\d{1,3}/\d{1,4}\b"                                  # General Assembly resolution numbers
    r"|\b(?:19|20)\d\d(?:s)?\b"                              # years
    r"|\b\d+(?:st|nd|rd|th)\b", re.I)                        # ordinals
_CASUALTY_AFTER = re.compile(r"^(?:\s+[\w’'-]+){0,5}?\s+(?:had\s+|have\s+|were\s+|was\s+)?(?:been\s+)?"
                             r"(?:died|killed|lost|injured|wounded|perished|fallen)\b", re.I)
_CASUALTY_BEFORE = re.compile(r"(?:killing|killed|kill|death\s+of|deaths\s+of|loss\s+of|injuring|wounding)"
                              r"(?:\s+the|\s+of)?\s*$", re.I)
_CASUALTY_UNITS = re.compile(r"^(?:fatalities|deaths|casualties)$", re.I)


def _mask(sentence: str) -> str:
    """``sentence`` with everything that looks like a number but is not a figure blanked (same length)."""
    from ..sentences import abbreviations

    masked = _NOT_FIGURES.sub(lambda m: " " * len(m.group()), sentence)
    return _terms(abbreviations("term")).sub(lambda m: " " * len(m.group()), masked)


@lru_cache(maxsize=4)
def _terms(terms: frozenset[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def find_figures(sentence: str) -> list[dict]:
    """The figures of ``sentence``: dicts with ``text`` (verbatim), ``kind``, ``start``, ``end``, in text order."""
    masked = _mask(sentence)
    found: list[dict] = []

    def add(start: int, end: int, kind: str) -> None:
        if any(f["start"] < end and start < f["end"] for f in found):
            return
        found.append({"text": sentence[start:end], "kind": kind, "start": start, "end": end})

    for m in _MONEY.finditer(masked):
        add(m.start(), m.end(), "money")
    for m in _PERCENT.finditer(masked):
        add(m.start(), m.end(), "percentage")
    for m in _COUNTED.finditer(masked):
        unit = m.group("unit").lower()
        if re.fullmatch(_TIME, unit):
            kind = "duration"
        elif re.fullmatch(_PEOPLE, unit, re.I):
            kind = "personnel"
            if (_CASUALTY_UNITS.match(unit) or _CASUALTY_AFTER.match(sentence[m.end():m.end() + 60])
                    or _CASUALTY_BEFORE.search(sentence[max(0, m.start() - 20):m.start()])):
                kind = "casualties"
        else:
            kind = "count"
        if "police" == unit and re.match(r"\s+(?:components?|units?|division|commissioners?|advisers?)\b",
                                         sentence[m.end():]):
            continue
        add(m.start(), m.end(), kind)
    return sorted(found, key=lambda f: f["start"])


def figure_kind(sentence: str) -> str | None:
    """The most important kind among the figures of ``sentence`` (see :data:`FIGURE_KINDS`), or ``None``.

    >>> figure_kind("Since 2015, China had trained more 1,000 peacekeeping police.")
    'personnel'
    >>> figure_kind("Throughout the past 60-plus years, United Nations police had proved resilient.")
    'duration'
    """
    kinds = {f["kind"] for f in find_figures(sentence)}
    return next((k for k in FIGURE_KINDS if k in kinds), None)
