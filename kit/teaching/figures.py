"""Key figures in report prose, typed by what they count, in English and French.

A figure is a number with what it counts: ``"104 personnel"``, ``"more than 4,000 peacekeepers"``,
``"$2.8-million"``, ``"124 per cent"``, ``"five of the nine heads"``, ``"60-plus years"``; in French
« 104 membres du personnel », « plus de 4 000 soldats de la paix », « 2,8 millions de dollars », « 124 % ».
Its kind comes from the counted noun and the figure's own clause, not from any word elsewhere in the
sentence ("armoured personnel carriers" does not make "more than 50 ... countries" a personnel figure):

* ``casualties`` -- people, with a word of death or injury in the figure's clause ("104 personnel had
  died", « étaient morts », « avaient perdu la vie », "the killing of two peacekeepers");
* ``personnel`` -- people who serve (peacekeepers, troops, officers, women, heads ...);
* ``money`` -- an amount of money; ``percentage``;
* ``people`` -- people who are not personnel: individuals, civilians, victims, or people whom the clause
  convicts, arrests or sentences ("six individuals had been convicted");
* ``count`` -- countries, missions, units, cases, incidents ...; ``duration`` -- years, months, decades.

The words are reference data: ``data/reference/figures.csv`` (``term``, ``kind``, ``lang``) lists the
counted nouns, number words, words of approximation, currencies and the verbs that make people
casualties or not personnel. What stays here is number grammar (``4,000.5`` in English, ``4 000,5`` in
French, with a space, a no-break space or a narrow no-break space) and what is not a figure: dates,
years, resolution and document numbers, ordinals, and the names with digits of ``abbreviations.csv``
(kind ``term``: ``C4ISR``, ``COVID-19``, ``level-II``).

Examples
--------
>>> [(f["text"], f["kind"]) for f in find_figures(
...     "The United States had built partnerships with more than 50 troop- and police-contributing "
...     "countries and had provided equipment, such as armoured personnel carriers.")]
[('more than 50 troop- and police-contributing countries', 'count')]
>>> [(f["text"], f["kind"]) for f in find_figures("The representative of Mexico said that 104 personnel had died in 2020.")]
[('104 personnel', 'casualties')]
>>> [(f["text"], f["kind"]) for f in find_figures("Six individuals had been convicted for killing 11 peacekeepers.")]
[('Six individuals', 'people'), ('11 peacekeepers', 'casualties')]
>>> [(f["text"], f["kind"]) for f in find_figures(
...     "Il a dit que plus de 4\u00a0000 soldats de la paix avaient perdu la vie et que 2,8 millions de dollars "
...     "avaient été versés.", lang="fr")]
[('plus de 4\xa0000 soldats de la paix', 'casualties'), ('2,8 millions de dollars', 'money')]
>>> figure_kind("On 13 April 2021, the Working Group met on resolution 2518 (2020).") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import read_table
from ..language import LANGUAGES, SUPPORTED

__all__ = ["FIGURE_KINDS", "find_figures", "figure_kind", "figure_terms"]

#: The kinds, most important first (the note lists figures in this order).
FIGURE_KINDS = ("casualties", "personnel", "money", "percentage", "people", "count", "duration")

# number grammar (digits, the words around a counted noun, dates and ordinals) is each language's, in kit.language
_SPACES = " \u00a0\u202f"


@lru_cache(maxsize=4)
def figure_terms(lang: str = "en") -> dict[str, tuple[str, ...]]:
    """The vocabulary of ``figures.csv`` in ``lang``: kind -> terms, longest first.

    >>> "peacekeepers" in figure_terms("en")["personnel"]
    True
    """
    out: dict[str, list[str]] = {}
    for row in read_table("figures.csv"):
        if (row.get("lang") or "en") == lang and row.get("term"):
            out.setdefault(row["kind"], []).append(row["term"])
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in out.items()}


def _alt(terms) -> str:
    """A regex alternative of phrases: any run of spaces matches any space, ``'`` matches ``’``."""
    parts = []
    for t in terms:
        rx = re.escape(t).replace(r"\ ", r"\s+").replace("'", "['’]").replace("\\-\\s+", "-\\s+")
        parts.append(rx)
    return "|".join(parts) or r"(?!x)x"


class _Grammar:
    """The compiled patterns that find figures in one language: a number and its counted noun, money, percentages,
    what looks like a number but is no figure (dates, years, symbols), and the words that make a figure a
    casualty. The words are ``figures.csv``'s; the number grammar is the language's (:mod:`kit.language`)."""

    def __init__(self, lang: str):
        v = figure_terms(lang)
        self.lang = lang
        L = LANGUAGES[lang]
        words = _alt(v.get("number", ()))
        self.num = rf"(?<![\w/.$-])(?:{L.fig_digits}|(?:{words}))(?:-plus|\+)?(?![\w/])"
        self.people = _alt(v.get("personnel", ()) + v.get("people", ()) + v.get("casualty_noun", ()))
        self.time = _alt(v.get("time", ()))
        self.counted = self._counted(v, L)
        self.kind_of_unit = {}
        for kind in ("count", "time", "people", "casualty_noun", "personnel"):  # the more specific last
            for t in v.get(kind, ()):
                self.kind_of_unit[self._norm(t)] = kind
        self.money, self.percent = self._money(v, L)
        self.not_figures = self._not_figures(L)
        # the figure's own clause: up to five words after the counted noun (no punctuation), then its verb
        after = _alt(v.get("casualty_after", ()) + v.get("not_personnel", ()))
        self.after = re.compile(rf"^(?:\s+[\w’'-]+){{0,5}}?\s+(?P<verb>{after})(?![\w])", re.I)
        self.casualty_verbs = {self._norm(t) for t in v.get("casualty_after", ())}
        self.before = re.compile(
            rf"(?<![\w])(?:{_alt(v.get('casualty_before', ()))})(?:\s+the|\s+of|\s+les?|\s+la)?\s*$", re.I
        )

    def _counted(self, v: dict, L) -> re.Pattern:
        """A number, perhaps approximate ("some 300"), then up to four words and its counted noun (the unit)."""
        approx = rf"(?:(?:{_alt(v.get('approx', ()))})\s+)?"
        units = _alt(
            sorted(
                v.get("personnel", ())
                + v.get("people", ())
                + v.get("casualty_noun", ())
                + v.get("count", ())
                + v.get("time", ()),
                key=len,
                reverse=True,
            )
        )
        stop = L.fig_stop
        return re.compile(
            rf"{approx}(?P<num>{self.num})(?:\s+{L.fig_of}\s+(?:{self.num}))?"
            rf"\s+(?P<mods>(?:(?!{stop})[\w’'-]+\s+){{0,4}}?)"
            rf"(?P<unit>{units})(?![\w-])",
            re.I,
        )

    @staticmethod
    def _money(v: dict, L) -> tuple[re.Pattern, re.Pattern]:
        """Sums of money ("$1.2 million", « 3 millions de dollars ») and percentages."""
        money_num = rf"(?:{L.fig_digits})"
        scale = _alt(v.get("scale", ()))
        currency = _alt(v.get("currency", ()))
        money = re.compile(
            rf"(?:(?:US|USD)\s?)?\$\s?{LANGUAGES['en'].fig_digits}(?:[-\s]?(?:{_alt(figure_terms('en').get('scale', ()))}))?"
            rf"|(?<![\w.,]){money_num}[{_SPACES}]?(?:(?:{scale})\s+)?(?:{L.fig_currency_of})?(?:{currency})(?![\w])"
            rf"|(?<![\w.,]){money_num}\s?(?:{scale})\s+(?:of\s+)?(?:{currency})(?![\w])",
            re.I,
        )
        percent = re.compile(rf"(?<![\w.,]){money_num}[{_SPACES}]?(?:{_alt(v.get('percent', ()))})(?![\w])", re.I)
        return money, percent

    @staticmethod
    def _not_figures(L) -> re.Pattern:
        """What looks like a number but is no figure: dates, months and years, resolution and document numbers."""
        months = L.month_alt
        return re.compile(
            (
                rf"\b\d{{1,2}}\s+(?:{months})(?:\s+\d{{4}})?"  # 13 April 2021
                rf"|\b(?:{months})\s+\d{{4}}"  # December 2020
                r"|\b\d{1,4}\s*\(\d{4}\)"  # resolution 2518 (2020)
                r"|\b[A-Z]+/[\w./-]+"  # document symbols
                r"|\b\d{1,3}/\d{1,4}\b"  # General Assembly resolution numbers
                r"|\b(?:19|20)\d\d(?:s)?\b" + L.fig_not_figures.format(m=months)  # years
            ),
            re.I,
        )

    @staticmethod
    def _norm(term: str) -> str:
        return re.sub(r"\s+", " ", term.replace("’", "'")).lower()

    def unit_kind(self, unit: str) -> str:
        return self.kind_of_unit.get(self._norm(unit), "count")


@lru_cache(maxsize=4)
def _grammar(lang: str) -> _Grammar:
    return _Grammar(lang if lang in LANGUAGES else SUPPORTED[0])


def _mask(sentence: str, g: _Grammar) -> str:
    """``sentence`` with everything that looks like a number but is not a figure blanked (same length)."""
    from ..sentences import abbreviations

    masked = g.not_figures.sub(lambda m: " " * len(m.group()), sentence)
    return _terms(abbreviations("term")).sub(lambda m: " " * len(m.group()), masked)


@lru_cache(maxsize=4)
def _terms(terms: frozenset[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def find_figures(sentence: str, lang: str = "en") -> list[dict]:
    """The figures of ``sentence`` (in the report language ``lang``): dicts with ``text`` (verbatim), ``kind``,
    ``start``, ``end``, in text order."""
    g = _grammar(lang)
    masked = _mask(sentence, g)
    found: list[dict] = []

    def add(start: int, end: int, kind: str) -> None:
        if any(f["start"] < end and start < f["end"] for f in found):
            return
        found.append({"text": sentence[start:end], "kind": kind, "start": start, "end": end})

    for m in g.money.finditer(masked):
        add(m.start(), m.end(), "money")
    for m in g.percent.finditer(masked):
        add(m.start(), m.end(), "percentage")
    for m in g.counted.finditer(masked):
        unit = m.group("unit")
        kind = g.unit_kind(unit)
        if kind == "time":
            kind = "duration"
        elif kind in ("personnel", "people", "casualty_noun"):
            verb = g.after.match(sentence[m.end() : m.end() + 80])
            if kind == "casualty_noun" or g.before.search(sentence[max(0, m.start() - 30) : m.start()]):
                kind = "casualties"
            elif verb:
                kind = "casualties" if g._norm(verb.group("verb")) in g.casualty_verbs else "people"
        if g._norm(unit) == "police" and re.match(
            r"\s+(?:components?|units?|division|commissioners?|advisers?)\b", sentence[m.end() :]
        ):
            continue
        add(m.start(), m.end(), kind)
    return sorted(found, key=lambda f: f["start"])


def figure_kind(sentence: str, lang: str = "en") -> str | None:
    """The most important kind among the figures of ``sentence`` (see :data:`FIGURE_KINDS`), or ``None``.

    >>> figure_kind("Since 2015, China had trained more 1,000 peacekeeping police.")
    'personnel'
    >>> figure_kind("Throughout the past 60-plus years, United Nations police had proved resilient.")
    'duration'
    >>> figure_kind("104 membres du personnel étaient morts d'accidents en 2020.", lang="fr")
    'casualties'
    """
    kinds = {f["kind"] for f in find_figures(sentence, lang)}
    return next((k for k in FIGURE_KINDS if k in kinds), None)
