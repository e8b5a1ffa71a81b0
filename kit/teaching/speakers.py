"""Which speaker a name means: one resolver for the briefing note and the workshop checker.

A participant or a briefer types a speaker the way the report or everyday usage writes it: the kit's id
(``"MEX"``, ``"person:menon"``), the full or short name (``"United Kingdom"``), a short form from
``abbreviations.csv`` (``"UK"``, ``"DRC"``), a surname, a first name, a name with its honorific as the
report writes it (``"Major General Menon"``, ``"Major General (retired) Jai Menon"``, ``"Dr. Lennartz"``,
``"Mr. Carrilho"``) or in French with its article (« le général de division Menon », « M. Carrilho »), with or
without accents (``"Luis Carrilho"``) or the article (``"the Sudan"``, « Royaume-Uni »). The honorifics are those
of ``honorifics.csv`` in every language; the article before one and the bracket after one are the per-language
patterns of :mod:`kit.language`. :class:`SpeakerNames` maps all of these to the kit's ``speaker_id``.

It works on plain row dicts (the apps' tables) and on pandas DataFrames alike, and never imports pandas.

Examples
--------
>>> names = SpeakerNames([
...     {"speaker_id": "GBR", "name": "United Kingdom of Great Britain and Northern Ireland",
...      "kind": "member_state", "country_iso3": "GBR"},
...     {"speaker_id": "person:carrilho", "name": "Luís Carrilho", "kind": "briefer", "honorific": "Mr."},
...     {"speaker_id": "person:menon", "name": "Jai Menon", "kind": "briefer", "honorific": "Major General"}])
>>> names("UK"), names("the United Kingdom"), names("Royaume-Uni"), names("Mr. Carrilho"), names("luis")
('GBR', 'GBR', 'GBR', 'person:carrilho', 'person:carrilho')
>>> names("Major General (retired) Jai Menon"), names("le général de division Menon"), names("Atlantis")
('person:menon', 'person:menon', None)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterable, Mapping

from ..display import display_names  # the one rule of a State's display name (kit.display); importable from here

__all__ = [
    "SpeakerNames",
    "name_key",
    "rows_of",
    "initials",
    "state_names",
    "country_forms",
    "display_names",
    "official_name",
]


def name_key(name: Any) -> str:
    """A name folded for look-up: accents, case, apostrophes, spacing, a leading "the" and final period ignored.

    >>> name_key("  The Côte d’Ivoire ")
    "cote d'ivoire"
    """
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("’", "'")
    s = re.sub(r"\s+", " ", s).strip().casefold().removesuffix(".")
    return s.removeprefix("the ")


@lru_cache(maxsize=1)
def _titles() -> dict[str, Mapping]:
    from ..gazetteer import read_table

    try:
        return {name_key(row["name"]): row for row in read_table("titles.csv") if row.get("name")}
    except OSError:  # a reference folder without the table: titles stay in the report's words
        return {}


def official_name(text: Any, lang: str) -> str | None:
    """A job title, office or body an English report names (``titles.csv``), in ``lang`` (its ``{lang}_name``
    column); ``None`` where the table has no such form.

    >>> official_name("Office for the Peacekeeping Strategic Partnership", "fr")
    'Bureau du partenariat stratégique pour le maintien de la paix'
    >>> official_name("Chief Cook", "fr") is None
    True
    """
    row = _titles().get(name_key(text)) if _str(text) else None
    return (row.get(f"{lang}_name") or None) if row is not None else None


def rows_of(table: Any) -> list[Mapping]:
    """Row dicts of a table given as a list of dicts or as a pandas DataFrame (without importing pandas)."""
    if hasattr(table, "to_dict") and hasattr(table, "columns"):
        return table.to_dict("records")
    return list(table or ())


def _str(v: Any) -> str | None:
    return v if isinstance(v, str) and v.strip() else None


class SpeakerNames:
    """Look up speakers by any name a person would type.

    Parameters
    ----------
    speakers : rows (dicts or a DataFrame) of the ``speakers`` table
    statements : rows of the ``statements`` table, optional: adds the forms the report itself uses
        (the ``speaker`` column, e.g. "the United States").

    Calling the object with a name returns the ``speaker_id``, or ``None`` when the name means no
    speaker, or several (an ambiguous fragment).
    """

    def __init__(self, speakers: Any, statements: Any = ()) -> None:
        self.ids: list[str] = []
        self.table: dict[str, str] = {}
        self.honorifics: set[str] = set()
        rows = rows_of(speakers)
        short = country_forms()
        firsts: dict[str, set[str]] = {}
        for row in rows:
            parts = (_str(row.get("name")) or "").split()
            if row["speaker_id"].startswith("person:") and len(parts) > 1:
                firsts.setdefault(name_key(parts[0]), set()).add(row["speaker_id"])
        for row in rows:
            sid = row["speaker_id"]
            self.ids.append(sid)
            names = [sid, _str(row.get("name")), _str(row.get("country_iso3"))]
            name = _str(row.get("name")) or ""
            honorific = _str(row.get("honorific"))
            if honorific:
                self.honorifics.add(name_key(honorific))
            if row.get("kind") == "chair":
                names.append("chair")
            if sid.startswith("person:"):
                parts = name.split()
                names += [sid.removeprefix("person:"), *(parts[-1:] if parts else [])]
                if parts and len(firsts.get(name_key(parts[0]), ())) == 1:  # a first name only when no one shares it
                    names.append(parts[0])
            iso = _str(row.get("country_iso3"))
            if iso:
                names += short.get(iso, [])
            for n in names:
                if n:
                    self.table.setdefault(name_key(n), sid)
        for row in rows_of(statements):
            if _str(row.get("speaker")):
                self.table.setdefault(name_key(row["speaker"]), row["speaker_id"])
        self.honorifics |= _honorifics()

    def __call__(self, name: Any) -> str | None:
        if not isinstance(name, str) or not name.strip():
            return None
        key = name_key(name)
        if key in self.table:
            return self.table[key]
        stripped = self._strip_honorific(key)
        if stripped in self.table:
            return self.table[stripped]
        hits = {
            sid
            for k, sid in self.table.items()
            if len(stripped) >= 3 and re.search(rf"(?<!\w){re.escape(stripped)}(?!\w)", k)
        }
        return hits.pop() if len(hits) == 1 else None

    def _strip_honorific(self, key: str) -> str:
        """``key`` without what may stand before a name: an article before an honorific (« le général de
        division »), one or more honorifics, and a bracketed qualifier ("(retired)", « (à la retraite) »)."""
        article, paren = _around_honorifics()
        hons = sorted((h for h in self.honorifics if h), key=len, reverse=True)

        def strip_one(s: str) -> str | None:
            for h in hons:
                for form in (h + ". ", h + " "):
                    if s.startswith(form):
                        return s[len(form) :].lstrip()
            return None

        rest = article.sub("", key, count=1)
        if strip_one(rest) is None:  # an article is stripped only before an honorific ("La Rue" stays)
            rest = key
        stripped = False
        while (nxt := strip_one(rest)) is not None:
            rest, stripped = nxt, True
            rest = paren.sub("", rest, count=1)
        return rest.strip() if stripped else key

    def resolve(self, names: Iterable[str]) -> list[str]:
        """The ids of ``names`` in order, duplicates dropped; ``KeyError`` naming the first unknown one."""
        out = []
        for n in names:
            sid = self(n)
            if sid is None:
                raise KeyError(n)
            out.append(sid)
        return list(dict.fromkeys(out))


def initials(name: str) -> str:
    """The initials of a name's capitalized words ("Democratic Republic of the Congo" -> "DRC").

    >>> initials("United Kingdom"), initials("Central African Republic")
    ('UK', 'CAR')
    """
    return "".join(w[0] for w in re.findall(r"\b[A-Z][\w'-]*", name))


def _other_languages() -> list:
    """The languages whose names are columns of their own in the reference tables (``fr_name``): all but the
    tables' own (:attr:`kit.language.Language.source`)."""
    from ..language import LANGUAGES

    return [L for L in LANGUAGES.values() if not L.source]


def _names_of_state(row: Mapping) -> list[str]:
    """The UN names and running names of a ``member_states.csv`` row, in English and each other language; a
    running name of another language also without its article (« le Royaume-Uni » and « Royaume-Uni »)."""
    names = [row.get("un_name", ""), *str(row.get("running_names", "")).split("|")]
    for L in _other_languages():
        running = [n for n in str(row.get(f"{L.column_prefix}running_names", "")).split("|") if n]
        names += [row.get(f"{L.column_prefix}name", ""), *running, *(_bare(n, L) for n in running)]
    return list(dict.fromkeys(n for n in names if n))


def _english_names(row: Mapping) -> list[str]:
    return [n for n in [row.get("un_name", ""), *str(row.get("running_names", "")).split("|")] if n]


def state_names(row: Mapping) -> list[str]:
    """Every way the reference data lets a person write a State: ISO code, UN names and running names (English
    and French), and their initials ("UK", "DRC") where no other State shares them."""
    names = _names_of_state(row)
    shared = _shared_initials()
    return [
        row.get("iso3", ""),
        *names,
        *(i for n in _english_names(row) if len(i := initials(n)) >= 2 and i not in shared),
    ]


@lru_cache(maxsize=1)
def _state_rows() -> tuple[dict, ...]:
    from ..gazetteer import load_gazetteer

    try:
        return tuple(load_gazetteer().table("member_states.csv"))
    except OSError:
        return ()


@lru_cache(maxsize=1)
def _shared_initials() -> frozenset[str]:
    """Initials that two States share, or that are another State's ISO code (so they name no one)."""
    owners: dict[str, set[str]] = {}
    for row in _state_rows():
        owners.setdefault(row["iso3"], set()).add(row["iso3"])
        for n in _english_names(row):
            owners.setdefault(initials(n), set()).add(row["iso3"])
    return frozenset(k for k, v in owners.items() if len(v) > 1)


def country_forms() -> dict[str, list[str]]:
    """ISO3 -> every form a person may write a State in: :func:`state_names` of ``member_states.csv`` and the
    ``country`` rows of ``abbreviations.csv`` in any language ("UK", "DRC", « RDC », « RCA »)."""
    from ..sentences import abbreviation_rows

    out: dict[str, list[str]] = {}
    for row in _state_rows():
        out.setdefault(row["iso3"], []).extend(state_names(row))
    for row in abbreviation_rows():
        if row.get("kind") == "country" and row.get("expansion"):
            out.setdefault(row["expansion"], []).append(row["abbreviation"])
    return out


@lru_cache(maxsize=1)
def _around_honorifics() -> tuple[re.Pattern, re.Pattern]:
    """The articles that may precede an honorific and the brackets that may follow one, in every report
    language (:mod:`kit.language`), as patterns on a :func:`name_key` (folded) string."""
    from ..language import LANGUAGES

    articles = [L.hon_article for L in LANGUAGES.values() if L.hon_article]
    parens = [L.hon_paren for L in LANGUAGES.values() if L.hon_paren]
    article = re.compile(rf"^(?:{'|'.join(articles)})" if articles else r"(?!x)x", re.I)
    paren = re.compile(rf"^(?:{'|'.join(parens)})\s*" if parens else r"(?!x)x")
    return article, paren


def _honorifics() -> set[str]:
    """Honorifics and ranks of ``honorifics.csv`` (folded), e.g. "mr", "major general", and their French forms with
    the article French text writes (« le général de division », as the French handout names a person)."""
    from ..gazetteer import load_gazetteer

    g = load_gazetteer()
    try:
        rows = g.table("honorifics.csv")
    except OSError:
        return set()
    other = {g.honorific_in(r["honorific"], L.code) for L in _other_languages() for r in rows if r.get("honorific")}
    return {name_key(r["honorific"]) for r in rows if r.get("honorific")} | {name_key(f) for f in other if f}


def _bare(name: str, L: Any) -> str:
    """A running name of the language ``L`` without its article: "le Royaume-Uni" -> "Royaume-Uni".

    >>> from kit.language import LANGUAGES
    >>> _bare("le Royaume-Uni", LANGUAGES["fr"]), _bare("l’Égypte", LANGUAGES["fr"])
    ('Royaume-Uni', 'Égypte')
    """
    return re.sub(rf"^(?:{L.articles})", "", name.strip())
