"""The name tables of the exercise checker: what a participant types -> the report's key, one :class:`Canon` per
kind of item (speakers, countries, missions, themes, resolutions, paragraphs), built from the reference data and
the report's own tables, in English and French; and :func:`scalar`, which reads one plain value.

Examples
--------
>>> from kit import load_report
>>> c = canon_for("mission", load_report())
>>> c("MINUSS"), c("la MINUSS"), c("United Nations Mission in South Sudan")
('UNMISS', 'UNMISS', 'UNMISS')
>>> canon_for("country", load_report())("Democratic Republic of Congo")
'COD'
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..i18n import N_
from ..language import LANGUAGES
from .speakers import SpeakerNames, country_forms, name_key

if TYPE_CHECKING:  # pragma: no cover
    from ..report import Report

__all__ = ["Canon", "add_names", "canon_for", "loose_key", "mission_names", "scalar"]

# ---------------------------------------------------------------------------
# reading names: one table per kind of item, built from reference data and the report


class Canon:
    """Maps what a participant types to the report's key for it, and knows which keys exist.

    >>> c = Canon("speaker", {"mexico": "MEX", "mex": "MEX"})
    >>> c("Mexico"), c.known_item("MEX"), c.known_item(c("Brazil"))
    ('MEX', True, False)
    """

    def __init__(
        self,
        noun: str,
        table: dict[Any, Any],
        known: Iterable[Any] | None = None,
        convert: Callable[[Any], Any] | None = None,
    ) -> None:
        self.noun = noun
        self.table = table
        self.known = set(known) if known is not None else set(table.values())
        self.convert = convert
        self._memo: dict = {}
        self._loose_table: dict[str, Any] | None = None
        for k in self.known:
            if isinstance(k, str):
                self.table.setdefault(name_key(k), k)

    def __call__(self, x: Any) -> Any:
        """The key of ``x``; a string that names nothing comes back as typed (stripped), so messages quote it.

        Readings are remembered, and a text longer than any name (a paragraph of a table given whole) is not looked
        up: a whole table as an answer is read in a moment."""
        x = scalar(x)
        if isinstance(x, str) and len(x) > _LONGEST_NAME:
            return x
        try:
            return self._memo[(type(x), x)]
        except (KeyError, TypeError):
            pass
        key = self._read(x)
        try:
            self._memo[(type(x), x)] = key
        except TypeError:  # an unhashable item
            pass
        return key

    def _read(self, x: Any) -> Any:
        if self.convert is not None:
            y = self.convert(x)
            if y is not None:
                return y
        if not isinstance(x, str):
            return self.table.get(name_key(x), x)
        key = name_key(x)
        if key in self.table:
            return self.table[key]
        bare = _ARTICLES.sub("", key, count=1)  # « la MINUSS », « la Police des Nations Unies »
        if bare in self.table:
            return self.table[bare]
        return self._loose().get(loose_key(x), x)

    def _loose(self) -> dict[str, Any]:
        """The names of the table (and of the converter's table) by :func:`loose_key`; a loose key two items
        share is left out."""
        if self._loose_table is None:
            names = dict(getattr(self.convert, "table", {}) or {})
            names.update(self.table)
            loose: dict[str, Any] = {}
            for name, key in names.items():
                k = loose_key(name)
                if k and loose.get(k, key) != key:
                    loose[k] = None
                elif k:
                    loose[k] = key
            self._loose_table = {k: v for k, v in loose.items() if v is not None}
        return self._loose_table

    def known_item(self, key: Any) -> bool:
        return key in self.known


#: Small words a loose name leaves out: each language's articles, and "of" / « de » / « du » / « des ».
#: No name, title or citation a participant types is longer than this; longer texts are taken as they are.
_LONGEST_NAME = 160

_SMALL_WORDS = {
    w for L in LANGUAGES.values() for w in re.findall(r"[^\W\d_]+", re.sub(r"\\[a-zA-Z]", " ", L.articles))
} | {"of", "de", "du", "des", "d"}


def loose_key(name: Any) -> str:
    """A name with its small words ("the", "of", « de », « la ») and every space and punctuation mark left out:
    "Democratic Republic of Congo" and "the Democratic Republic of the Congo", "Anthony O Mullane" and "Anthony
    O'Mullane" meet.

    >>> loose_key("Democratic Republic of Congo") == loose_key("the Democratic Republic of the Congo")
    True
    >>> loose_key("Anthony O Mullane") == loose_key("Anthony O’Mullane")
    True
    """
    words = re.findall(r"\w+", name_key(name))
    return "".join(w for w in words if w not in _SMALL_WORDS)


_ARTICLES = re.compile("^(?:" + "|".join(L.articles for L in LANGUAGES.values()) + ")", re.I)


def add_names(table: dict[Any, Any], key: Any, names: Iterable[Any]) -> None:
    """Add every name in ``names`` (normalized) as a way to write ``key``; the first key to claim a name keeps it."""
    for n in names:
        if isinstance(n, str) and n.strip():
            table.setdefault(name_key(n), key)


def scalar(x: Any) -> Any:
    """A plain Python value: numpy scalars unwrapped, numeric strings and whole floats made ``int``."""
    if hasattr(x, "item") and not isinstance(x, (str, bytes)) and getattr(x, "ndim", 0) == 0:
        try:
            x = x.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(x, str):
        x = x.strip()
        if re.fullmatch(r"[+-]?\d+", x):
            return int(x)
        return x
    if isinstance(x, bool):
        return x
    if isinstance(x, numbers.Integral):
        return int(x)
    if isinstance(x, numbers.Real) and float(x).is_integer():
        return int(x)
    return x


# ---------------------------------------------------------------------------
# the name tables (one per kind of item), from the reference data and the report's own tables.
# Speakers are read by the one resolver of the kit, kit.teaching.speakers.SpeakerNames.

_CANON_CACHE: dict[tuple[str, int], tuple[Report, Canon]] = {}


def canon_for(name: str | None, r: Report) -> Canon | None:
    """The :class:`Canon` called ``name`` for report ``r`` (cached for the last reports checked)."""
    if name is None:
        return None
    key = (name, id(r))
    cached = _CANON_CACHE.get(key)
    if cached is None or cached[0] is not r:  # the cache keeps the report, so its id is not reused meanwhile
        if len(_CANON_CACHE) > 32:
            _CANON_CACHE.clear()
        cached = _CANON_CACHE[key] = (r, _BUILDERS[name](r))
    return cached[1]


def speaker_canon(r: Report) -> Canon:
    """Speakers by any name :class:`kit.teaching.speakers.SpeakerNames` reads: id, name (accents optional), ISO
    code, the reference table's names and initials ("UK"), surname, first name, honorific + surname
    ("Major General Menon", "Dr. Lennartz")."""
    names = SpeakerNames(r.speakers, r.statements[["speaker_id", "speaker"]].drop_duplicates())
    return Canon(N_("a speaker"), {}, known=set(r.speakers["speaker_id"]), convert=names)


def country_canon(r: Report) -> Canon:
    """Countries by ISO code, UN name and running names in English and French (with or without the French article),
    their initials and the ``country`` rows of abbreviations.csv ("DRC", « RDC », « RCA »), mission host names, and
    the names the report itself prints (its mentions and its delegations)."""
    from ..gazetteer import load_gazetteer

    g = load_gazetteer()
    table: dict[str, str] = {}
    for iso, names in country_forms().items():
        add_names(table, iso, names)
    for row in g.mission_rows:
        if row.get("host") and "|" not in str(row.get("host_iso3", "")) and row.get("host_iso3"):
            add_names(table, row["host_iso3"], [row["host"]])
    for row in r.mentions[r.mentions["kind"] == "country"].itertuples():
        add_names(table, row.key, [row.surface])
    for row in r.speakers[r.speakers["country_iso3"].notna()].itertuples():
        add_names(table, row.country_iso3, [row.name])
    return Canon(N_("a country"), table, known={row["iso3"] for row in g.state_rows})


def _prefixes() -> list[str]:
    """The column prefixes of the reference tables: ``""`` (the tables' own language) and each other language's
    (``"fr_"``)."""
    return [""] + [L.column_prefix for L in LANGUAGES.values() if not L.source]


def mission_names(row: dict) -> list[str]:
    """Every name of a ``missions.csv`` row after its acronyms: full and other names in every language."""
    return [
        name for p in _prefixes() for name in (row.get(f"{p}name", ""), *str(row.get(f"{p}alt_names", "")).split("|"))
    ]


def mission_canon(r: Report) -> Canon:
    """Missions by English or French acronym (UNMISS, MINUSS), full name and other names in both languages
    (missions.csv), and the words the report prints ("Mission des Nations Unies au Soudan du Sud (MINUSS)")."""
    from ..gazetteer import load_gazetteer

    rows = load_gazetteer().mission_rows
    table: dict[str, str] = {}
    for row in rows:  # the acronyms first: no French acronym or name may take another mission's acronym
        add_names(table, row["acronym"], [row["acronym"]])
    for row in rows:
        add_names(table, row["acronym"], [row.get(f"{p}acronym", "") for p in _prefixes()[1:]])
    for row in rows:
        add_names(table, row["acronym"], mission_names(row))
    for row in r.mentions[r.mentions["kind"] == "mission"].itertuples():
        add_names(table, row.key, [row.key, row.surface, re.sub(r"\s*\([^)]*\)$", "", str(row.surface))])
    return Canon(N_("a mission"), table)


def theme_canon(r: Report) -> Canon:
    """Themes by id or label, English or French (the vocabulary's ``label`` and ``label_fr``, and the report's
    themes table, whose labels are in the report's language)."""
    from ..gazetteer import load_gazetteer

    table: dict[str, str] = {}
    for row in load_gazetteer().theme_rows:
        add_names(table, row["theme"], [row["theme"], *(row.get(L.theme_label, "") for L in LANGUAGES.values())])
    for row in r.themes[["theme", "label"]].drop_duplicates().itertuples():
        add_names(table, row.theme, [row.theme, row.label])
    return Canon(N_("a theme"), table)


_CITATION = re.compile(
    r"(?<![\w/])(?:(?P<body>[SA])/RES/)?(?P<n>\d{1,4}(?:/\d{1,4})?)(?:\s*\((?P<y>\d{4})\))?(?![\w/])", re.I
)


def resolution_canon(r: Report) -> Canon:
    """Resolutions by symbol with or without its year ("S/RES/2518 (2020)", "S/RES/2518"), as cited in English or
    French ("resolution 2518 (2020)", "Security Council resolution 2518", « la résolution 2518 (2020) du Conseil de
    sécurité », "2518 (2020)") or by the bare number 2518. A General Assembly resolution (A/RES/34/169) is read
    when the citation says so (its symbol, "34/169", or the Assembly named in either language)."""
    keys = sorted(
        set(r.mentions.loc[r.mentions["kind"] == "resolution", "key"]),
        key=lambda k: (not str(k).startswith("S/RES/"), str(k)),
    )
    by_number: dict[tuple[str, str], str] = {}
    for k in keys:
        m = re.match(r"([SA])/RES/(\d[\d/]*)", str(k))
        if m:
            by_number.setdefault((m.group(1), m.group(2)), k)
            by_number.setdefault(("", m.group(2)), k)  # the bare number: a Council resolution first

    def convert(x: Any) -> Any:
        if isinstance(x, int):
            return by_number.get(("", str(x)))
        if not isinstance(x, str):
            return None
        s = re.sub(r"\s+", " ", x).strip()
        cites = list(_CITATION.finditer(s))
        if len(cites) != 1 or re.search(r"\d", s[: cites[0].start()] + s[cites[0].end() :]):
            return s.upper() if s.upper().startswith(("S/", "A/")) else None
        m = cites[0]
        rest = s[: m.start()] + s[m.end() :]
        body = (m.group("body") or "").upper()
        if not body and (
            "/" in m.group("n") or any(L.assembly.casefold() in rest.casefold() for L in LANGUAGES.values())
        ):
            body = "A"
        if m.group("y") and body != "A":
            return f"S/RES/{m.group('n')} ({m.group('y')})"
        return by_number.get((body, m.group("n"))) or (f"{body}/RES/{m.group('n')}" if body else None)

    return Canon(N_("a resolution"), {name_key(k): k for k in keys}, known=keys, convert=convert)


def para_canon(r: Report) -> Canon:
    """Paragraph numbers, also written "27", "para. 27" or "paragraph 27"."""

    def convert(x: Any) -> Any:
        if isinstance(x, str):
            m = re.fullmatch(r"(?:para(?:graph)?s?\.?\s*)?(\d+)", x.strip(), flags=re.I)
            return int(m.group(1)) if m else None
        return None

    return Canon(N_("a paragraph number"), {}, known={int(p) for p in r.paragraphs["para"]}, convert=convert)


_BUILDERS: dict[str, Callable[[Report], Canon]] = {
    "speaker": speaker_canon,
    "country": country_canon,
    "mission": mission_canon,
    "theme": theme_canon,
    "resolution": resolution_canon,
    "para": para_canon,
}
