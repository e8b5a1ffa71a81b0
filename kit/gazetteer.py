"""Reference tables from ``data/reference/``: who and what a report can name.

The tables are CSV files a trainer can open in a spreadsheet and extend:
UN Member States and observers (UN names, running-text forms, ISO3 codes),
other places, United Nations peacekeeping operations and special political
missions, organizations that take the floor, reporting verbs, honorifics and
the theme vocabulary. Nothing here knows about any single report.

A gazetteer is loaded for one language (``lang="en"``, ``"fr"`` or any of
:mod:`kit.language`): the French one matches the ``fr_*`` name columns (« la
Côte d'Ivoire », « MINUSS ») and the rows of the verb, honorific and theme
tables whose ``lang`` is ``fr``, and
every name keeps its canonical key (ISO3 code, English acronym), so an English
and a French version of one report give the same keys.

Every reference table is read one way, :func:`read_table` (or
:meth:`Gazetteer.table`, read once per gazetteer), with one fallback rule,
:func:`reference_path`: a table missing from the folder (``KIT_REFERENCE_DIR``)
is the shipped one, the same for every table. What a key is called in a
language (a theme's label, a State's or mission's name) is
:meth:`Gazetteer.label`.

A :class:`Matcher` turns a table's surface forms into one regular expression
that finds the *longest* name at each place, so "Bosnia and Herzegovina" is one
country and "the United Kingdom of Great Britain and Northern Ireland" is not
cut at "the United Kingdom".

Examples
--------
>>> g = load_gazetteer()
>>> g.countries.match("the Bolivarian Republic of Venezuela said", 4)
('VEN', 36)
>>> [(m.key, m.surface) for m in g.missions.finditer("deployed in MINUSMA and the United Nations Peacekeeping Force in Cyprus")]
[('MINUSMA', 'MINUSMA'), ('UNFICYP', 'United Nations Peacekeeping Force in Cyprus')]
>>> [m.key for m in load_gazetteer(lang="fr").missions.finditer("la MINUSS et la Force intérimaire des Nations Unies au Liban")]
['UNMISS', 'UNIFIL']
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple

from .language import Language, language
from .paths import REFERENCE_DIR, SHIPPED_REFERENCE_DIR

__all__ = [
    "REFERENCE_DIR",
    "Gazetteer",
    "Matcher",
    "Match",
    "load_gazetteer",
    "read_table",
    "reference_path",
    "reference_files",
    "LABEL_KINDS",
]


class Match(NamedTuple):
    start: int
    end: int
    key: str
    surface: str


def reference_path(name: str, folder: str | Path | None = None) -> Path:
    """The file the kit reads for the reference table ``name``: the ONE fallback rule.

    ``folder`` (default: :data:`REFERENCE_DIR`, i.e. ``KIT_REFERENCE_DIR`` when set) is a trainer's copy of
    ``data/reference``; it may hold only the tables the trainer changed. A table it lacks is read from the tables
    the kit ships, the same for every table. ``FileNotFoundError`` naming both places when neither has it.

    >>> reference_path("themes.csv").name, reference_path("themes.csv", "/nonexistent") == reference_path("themes.csv")
    ('themes.csv', True)
    """
    folder = Path(folder) if folder is not None else REFERENCE_DIR
    for path in (folder / name, SHIPPED_REFERENCE_DIR / name):
        if path.is_file():
            return path
    raise FileNotFoundError(f"reference table {name} is neither in {folder} nor in {SHIPPED_REFERENCE_DIR}")


def reference_files(folder: str | Path | None = None) -> dict[str, Path]:
    """Every reference table the kit reads from ``folder`` (name -> file), by :func:`reference_path`'s rule.

    >>> files = reference_files(); files["member_states.csv"] == reference_path("member_states.csv")
    True
    """
    folder = Path(folder) if folder is not None else REFERENCE_DIR
    names = {p.name for d in (SHIPPED_REFERENCE_DIR, folder) if d.is_dir() for p in d.glob("*.csv")}
    return {name: reference_path(name, folder) for name in sorted(names)}


def read_table(name: str, folder: str | Path | None = None) -> list[dict[str, str]]:
    """Read one reference CSV as a list of dicts (empty cells are empty strings).

    The file is found by :func:`reference_path` (a table missing from ``folder`` is the shipped one).

    >>> read_table("themes.csv")[0]["theme"]
    'safety_security'
    """
    with open(reference_path(name, folder), encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(f)]


#: What :meth:`Gazetteer.label` names: kind -> (tables, key column, the label column in a :class:`Language`).
LABEL_KINDS = {
    "theme": (("themes.csv",), "theme", lambda L: L.theme_label),
    "state": (("member_states.csv",), "iso3", lambda L: L.column_prefix + "name" if L.column_prefix else "un_name"),
    "mission": (("missions.csv", "political_missions.csv"), "acronym", lambda L: L.column_prefix + "name"),
    "mission_acronym": (("missions.csv", "political_missions.csv"), "acronym", lambda L: L.column_prefix + "acronym"),
    "mission_host": (("missions.csv", "political_missions.csv"), "acronym", lambda L: L.column_prefix + "host"),
    "organization": (("organizations.csv",), "key", lambda L: L.column_prefix + "name"),
}


def _split(cell: str) -> list[str]:
    return [s.strip() for s in cell.split("|") if s.strip()]


_SPECIAL = {" ": r"\s+", "'": "['’]", "-": r"-\s?"}  # "Trinité-et- Tobago": a PDF line break after a hyphen


def trie_regex(surfaces: list[str], special: dict[str, str] | None = None, *, not_after: str | None = None) -> str:
    r"""One regular expression for many literal names, shaped as a trie.

    A plain alternation of 600 names makes the regex engine try every name at
    every position; a trie shares prefixes, so matching costs about one pass.
    Greedy optional groups make the longest name win. ``special`` maps a
    character to a regex fragment (by default a space matches any whitespace,
    including a line wrap, ``'`` matches either apostrophe and a hyphen may be
    followed by a space where a PDF line broke after it).

    ``not_after`` (a character class such as ``r"[\w-]"``) keeps a name from starting right after such a
    character, as a lookbehind ``(?<![\w-])`` before the whole expression would, but checked after each name's
    first character: an expression that starts with its names' first letters lets the regex engine skip to
    the places where one occurs, where a leading lookbehind makes it try every position of the text.

    >>> trie_regex(["Niger", "Nigeria"])
    'Niger(?:ia)?'
    >>> trie_regex(["Niger", "Mali"], not_after=r"\w")
    '(?:M(?<!\\w[\\s\\S])ali|N(?<!\\w[\\s\\S])iger)'
    >>> [m.group() for m in re.finditer(trie_regex(["Niger", "Mali"], not_after=r"\w"), "Niger, Somalia, Mali")]
    ['Niger', 'Mali']
    """
    special = _SPECIAL if special is None else special
    trie: dict = {}
    for surface in surfaces:
        node = trie
        for ch in surface.replace("’", "'"):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict, first: bool = False) -> str:
        optional = "" in node
        alts = [(_first(ch) if first else special.get(ch, re.escape(ch))) + emit(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if optional:
            return body + "?" if len(alts) == 1 and len(alts[0]) == 1 else f"(?:{body})?"
        return body

    def _first(ch: str) -> str:
        """A name's first character, then the lookbehind: the character before it is not ``not_after``."""
        if ch in special:  # a fragment of any width (a space's): the lookbehind goes before it
            return f"(?<!{not_after}){special[ch]}"
        return rf"{re.escape(ch)}(?<!{not_after}[\s\S])"

    if not_after is None or "" in trie:  # (an empty name matches nowhere but at a position checked before it)
        body = emit(trie)
        return (f"(?<!{not_after})" if not_after and body else "") + body or r"(?!x)x"
    return emit(trie, first=True) or r"(?!x)x"


class Matcher:
    """Finds the longest known surface form at each position of a text.

    Parameters
    ----------
    names : dict
        Surface form -> key (e.g. ``{"United Kingdom": "GBR"}``).
    ignore_case : bool
        Match regardless of case (used for themes, not for proper names).
    """

    def __init__(self, names: dict[str, str], *, ignore_case: bool = False) -> None:
        self._ignore_case = ignore_case
        self.names = dict(names)
        self._seen: dict[str, str] = {}  # surface as written -> key (memo)
        self._keys = {self._norm(k): v for k, v in names.items()}

    @cached_property
    def regex(self) -> re.Pattern:
        """Compiled on first use: compiling a large trie costs milliseconds a matcher may never need."""
        body = trie_regex([self._norm(k) for k in self.names], not_after=r"[\w-]")
        return re.compile(rf"(?:{body})(?![\w-])", re.IGNORECASE if self._ignore_case else 0)

    def _norm(self, s: str) -> str:
        s = re.sub(r"-\s+", "-", re.sub(r"\s+", " ", s.replace("’", "'")))
        return s.lower() if self._ignore_case else s

    def key_of(self, surface: str) -> str:
        """The key of a surface form found by this matcher."""
        try:
            return self._seen[surface]
        except KeyError:
            key = self._seen[surface] = self._keys[self._norm(surface)]
            return key

    def finditer(self, text: str) -> Iterator[Match]:
        for m in self.regex.finditer(text):
            yield Match(m.start(), m.end(), self.key_of(m.group()), m.group())

    def match(self, text: str, pos: int) -> tuple[str, int] | None:
        """The key and end of a name starting exactly at ``pos``, or ``None``."""
        m = self.regex.match(text, pos)
        return (self.key_of(m.group()), m.end()) if m else None


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """All reference tables of one ``data/reference`` folder, ready to match.

    The ``*_rows`` attributes are the tables as read; the matchers find names in text.
    """

    state_rows: list[dict[str, str]]
    place_rows: list[dict[str, str]]
    mission_rows: list[dict[str, str]]
    org_rows: list[dict[str, str]]
    theme_rows: list[dict[str, str]]
    verb_rows: list[dict[str, str]]
    honorifics: list[str]
    countries: Matcher
    places: Matcher
    missions: Matcher
    orgs: Matcher
    folder: Path
    lang: str = "en"
    _tables: dict = field(default_factory=dict, repr=False)  # name -> rows, read on first use
    _label_memo: dict = field(default_factory=dict, repr=False)  # (kind, column) -> key -> label

    @property
    def language(self) -> Language:
        """The closed-class grammar of this gazetteer's language (:mod:`kit.language`)."""
        return language(self.lang)

    def table(self, name: str) -> list[dict[str, str]]:
        """Every row of the reference table ``name`` (all languages), read once per gazetteer.

        The one way the kit reads a reference table: from this gazetteer's folder, else the shipped one
        (:func:`reference_path`). The rows are shared: do not change them.

        >>> load_gazetteer().table("missions.csv")[0]["acronym"]
        'UNTSO'
        """
        if name not in self._tables:
            self._tables[name] = read_table(name, self.folder)
        return list(self._tables[name])

    def label(self, kind: str, key: str, lang: str | None = None) -> str | None:
        """How readers of ``lang`` (default: this gazetteer's) name ``key``, from the reference tables.

        ``kind`` is one of :data:`LABEL_KINDS`: ``theme`` (``label``, ``label_fr``), ``state`` (``un_name``,
        ``fr_name``), ``mission`` (``name``, ``fr_name``), ``mission_acronym`` (``acronym``, ``fr_acronym``), ``mission_host`` (``host``, ``fr_host``) or
        ``organization``. ``None`` when the table has no label for ``key`` in ``lang``: callers keep the name they
        have (the report's own).

        >>> g = load_gazetteer()
        >>> g.label("state", "MAR", "fr"), g.label("mission_acronym", "UNMISS", "fr"), g.label("theme", "nope", "fr")
        ('Maroc', 'MINUSS', None)
        >>> g.label("theme", "safety_security", "fr") == load_gazetteer(lang="fr").label("theme", "safety_security")
        True
        """
        column = LABEL_KINDS[kind][2](language(lang or self.lang))
        return self._labels(kind, column).get(key)

    def _labels(self, kind: str, column: str) -> dict[str, str]:
        memo = self._label_memo.get((kind, column))
        if memo is None:
            memo = self._label_memo[(kind, column)] = {}
            tables, key_column, _ = LABEL_KINDS[kind]
            for name in tables:
                for row in self.table(name):
                    if row.get(column) and row.get(key_column):
                        memo.setdefault(row[key_column], row[column])
        return memo

    def state(self, iso3: str) -> dict[str, str]:
        """The Member State row of an ISO3 code (``KeyError`` if unknown)."""
        return self._by_key["iso3"][iso3]

    def mission(self, acronym: str) -> dict[str, str]:
        """The mission row of an acronym (``KeyError`` if unknown)."""
        return self._by_key["acronym"][acronym]

    def org(self, key: str) -> dict[str, str]:
        """The organization row of a key (``KeyError`` if unknown)."""
        return self._by_key["key"][key]

    @cached_property
    def honorific_rows(self) -> list[dict[str, str]]:
        """Every row of ``honorifics.csv``, in every language (:attr:`honorifics` holds this gazetteer's own)."""
        return self.table("honorifics.csv")

    def honorific_in(self, honorific: str | None, lang: str) -> str | None:
        """How running text in ``lang`` writes a person's ``honorific``, with the article it takes there.

        An honorific of another language is looked up in the ``<lang>_honorific`` and ``<lang>_article``
        columns of ``honorifics.csv`` ("Major General" -> « le général de division »); one of ``lang`` itself
        takes its row's ``<lang>_article``. ``None`` when the table gives no form in ``lang`` (an honorific it
        does not list, or a row whose cell is empty): name the person without an honorific then.

        >>> g = load_gazetteer()
        >>> g.honorific_in("Major General", "fr"), g.honorific_in("Mr.", "fr"), g.honorific_in("Admiral", "fr")
        ('le général de division', 'M.', "l'amiral")
        >>> g.honorific_in("générale de division", "fr"), g.honorific_in("Mr.", "en"), g.honorific_in("Grand Vizier", "fr")
        ('la générale de division', 'Mr.', None)
        """
        wanted = str(honorific or "").strip()
        code = language(lang).code
        rows = [r for r in self.honorific_rows if (r.get("honorific") or "").strip() == wanted] if wanted else []
        own = [r for r in rows if (r.get("lang") or "en") == code]
        row = (own or rows or [None])[0]
        if row is None:
            return None
        written = wanted if own else (row.get(f"{code}_honorific") or "").strip()
        if not written:
            return None
        article = (row.get(f"{code}_article") or "").strip()
        return f"{article}{written}" if article.endswith(("'", "’")) else f"{article} {written}".strip()

    @cached_property
    def _by_key(self) -> dict[str, dict[str, dict[str, str]]]:
        return {
            "iso3": {r["iso3"]: r for r in self.state_rows},
            "acronym": {r["acronym"]: r for r in self.mission_rows},
            "key": {r["key"]: r for r in self.org_rows},
        }

    @cached_property
    def entities(self) -> Matcher:
        """Missions, organizations, countries and places in one matcher (one pass over a text).

        Keys are ``"kind:key"``; where two tables share a surface form the first
        kind in that order wins.

        >>> load_gazetteer().entities.match("UNFICYP and Mali", 0)
        ('mission:UNFICYP', 7)
        """
        names: dict[str, str] = {}
        for kind, matcher in (
            ("mission", self.missions),
            ("organization", self.orgs),
            ("country", self.countries),
            ("place", self.places),
        ):
            for surface, key in matcher.names.items():
                names.setdefault(surface, f"{kind}:{key}")
        return Matcher(names)


def _bare_capitals(name: str) -> str:
    """``name`` with its capitals' accents dropped, as typography often prints them.

    >>> _bare_capitals("États-Unis d'Amérique"), _bare_capitals("Émirats arabes unis")
    ("Etats-Unis d'Amérique", 'Emirats arabes unis')
    """
    return "".join(unicodedata.normalize("NFD", c)[0] if c.isupper() else c for c in name)


def _surface_names(
    rows: list[dict[str, str]],
    key: str,
    columns: tuple[str, ...],
    *,
    skip_bracketed: bool = False,
    articles: str = r"the\s+",
    bare_capitals: bool = False,
) -> dict[str, str]:
    """Surface form -> key from the name columns of a table ("|" separates several names in a cell).

    A leading article is dropped (the grammar reads it separately: "the",
    « le », « la », « les », « l' »); ``skip_bracketed`` leaves out list forms
    such as "Venezuela (Bolivarian Republic of)" that never occur in running text.
    """
    leading = re.compile(rf"^(?:{articles})")
    names: dict[str, str] = {}
    for row in rows:
        for column in columns:
            for name in _split(row.get(column, "")):
                name = leading.sub("", name, count=1)
                if name and not (skip_bracketed and "(" in name):
                    names.setdefault(name, row[key])
                    if bare_capitals:  # « Etats-Unis » as printed for « États-Unis »
                        names.setdefault(_bare_capitals(name), row[key])
    return names


# The name columns of each table: the tables' own columns, or those of a language's prefix (``fr_name``). Text in
# another language keeps the acronyms of the tables' own too (UNFICYP, UNMOGIP are written alike in both).
_SOURCE_COLUMNS = {
    "states": ("un_name", "running_names"),
    "places": ("name", "running_names"),
    "missions": ("acronym", "name", "alt_names"),
    "orgs": ("name", "running_names"),
}


def _name_columns(L: Language) -> dict[str, tuple[str, ...]]:
    """The columns whose names a text in the language ``L`` writes, per table kind.

    >>> _name_columns(language("fr"))["missions"]
    ('fr_acronym', 'acronym', 'fr_name', 'fr_alt_names')
    """
    p = L.column_prefix
    if not p:
        return _SOURCE_COLUMNS
    return {
        "states": (f"{p}name", f"{p}running_names"),
        "places": (f"{p}name", f"{p}running_names"),
        "missions": (f"{p}acronym", "acronym", f"{p}name", f"{p}alt_names"),
        "orgs": (f"{p}name", f"{p}running_names"),
    }


def _in_language(rows: list[dict[str, str]], lang: str) -> list[dict[str, str]]:
    """Rows of a table with a ``lang`` column that belong to ``lang`` (an empty cell is English)."""
    return [row for row in rows if (row.get("lang") or "en") == lang]


def load_gazetteer(folder: str | Path | None = None, lang: str = "en") -> Gazetteer:
    """Load and compile the reference tables of one language (cached per folder and language).

    Parameters
    ----------
    folder : path, optional
        A folder of reference tables (default :data:`REFERENCE_DIR`); a table it lacks is the shipped one
        (:func:`reference_path`).
    lang : {"en", "fr"}
        The language of the reports to read.
    """
    return _load(Path(folder) if folder else REFERENCE_DIR, language(lang).code)


@lru_cache(maxsize=8)
def _load(folder: Path, lang: str) -> Gazetteer:
    states = read_table("member_states.csv", folder)
    places = read_table("other_places.csv", folder)
    missions = read_table("missions.csv", folder) + read_table("political_missions.csv", folder)
    orgs = read_table("organizations.csv", folder)
    themes = _in_language(read_table("themes.csv", folder), lang)
    verbs = _in_language(read_table("reporting_verbs.csv", folder), lang)
    honorifics = [row["honorific"] for row in _in_language(read_table("honorifics.csv", folder), lang)]
    columns, articles, bare = _name_columns(language(lang)), language(lang).articles, language(lang).bare_capitals
    return Gazetteer(
        state_rows=states,
        place_rows=places,
        mission_rows=missions,
        org_rows=orgs,
        theme_rows=themes,
        verb_rows=verbs,
        honorifics=honorifics,
        countries=Matcher(
            _surface_names(
                states, "iso3", columns["states"], skip_bracketed=True, articles=articles, bare_capitals=bare
            )
        ),
        places=Matcher(_surface_names(places, "key", columns["places"], articles=articles, bare_capitals=bare)),
        missions=Matcher(_surface_names(missions, "acronym", columns["missions"])),
        orgs=Matcher(_surface_names(orgs, "key", columns["orgs"], articles=articles, bare_capitals=bare)),
        folder=folder,
        lang=lang,
    )
