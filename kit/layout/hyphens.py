"""Hard-wrapped lines joined, and words hyphenated at a line end mended: "peace-⏎keepers" is "peacekeepers",
"troop-⏎contributing" keeps its hyphen.

One job: the one rule (:func:`mend_hyphen`) and the words it knows (:class:`Vocabulary`: the report's own words
and the reference tables'), used by every reader and by :func:`join_lines`.

Examples
--------
>>> join_lines(["The peace-", "keepers of the troop-", "contributing countries."])
'The peacekeepers of the troop-contributing countries.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..gazetteer import read_table, reference_files
from ..language import LANGUAGES

__all__ = [
    "Vocabulary",
    "reference_vocabulary",
    "text_vocabulary",
    "mend_hyphen",
    "append_line",
    "join_lines",
    "HYPHEN_PREFIXES",
    "SOMETIMES_HYPHENATED",
    "LINE_END_HYPHEN",
]

_SUSPENDED = re.compile(r"(?:and|or|to|and/or)\b")
# Words hyphenated at a line end (see :func:`mend_hyphen`); a line that ends so ("Mo-", not a Markdown rule "---").
LINE_END_HYPHEN = re.compile(r"[^\W\d_]-\s*$")
_WORD = re.compile(r"[^\W\d_]+")
_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
#: Prefixes UN style always writes with a hyphen, in any report language (:mod:`kit.language`: "non-paper",
#: "self-defence", « sous-régionale », « vice-président »): "head-" + "tail" at a line end keeps its hyphen unless
#: the joined word is known. A line is mended before the report's language is known, so every language's count.
HYPHEN_PREFIXES = frozenset().union(*(L.hyphen_prefixes for L in LANGUAGES.values()))
#: Prefixes UN style often writes with a hyphen, but also as a syllable of a word ("ex-combatants" and
#: "ex-cellent", "co-chair" and "co-ming", "pre-deployment" and "pre-vious"): the hyphen is kept only when the
#: tail is a word the report or the reference tables use.
SOMETIMES_HYPHENATED = frozenset().union(*(L.sometimes_hyphenated for L in LANGUAGES.values()))


@dataclass(frozen=True)
class Vocabulary:
    """Words known to exist, for mending words hyphenated at a line end.

    ``words`` are lowercase words; ``compounds`` lowercase hyphenated compounds ("troop-contributing").
    """

    words: frozenset[str] = frozenset()
    compounds: frozenset[str] = frozenset()

    def __or__(self, other: Vocabulary) -> Vocabulary:
        return Vocabulary(self.words | other.words, self.compounds | other.compounds)


def _vocabulary_of(texts) -> tuple[set[str], set[str]]:
    """Words and hyphenated compounds of ``texts``; a compound of three words or more also gives each hyphenated
    pair ("day-to-day": "day-to", "to-day"), the pieces a line end can split it into."""
    words: set[str] = set()
    compounds: set[str] = set()
    for text in texts:
        low = text.lower()
        words.update(_WORD.findall(low))
        for compound in _COMPOUND.findall(low):
            compounds.add(compound)
            parts = compound.split("-")
            if len(parts) > 2:
                compounds.update(f"{a}-{b}" for a, b in zip(parts, parts[1:]))
    return words, compounds


@lru_cache(maxsize=8)
def reference_vocabulary(folder: Path | None = None) -> Vocabulary:
    """The words of the reference tables (names of States, missions, organizations, places, theme terms,
    verbs, in every language): known words, whatever a report's own text contains.

    >>> v = reference_vocabulary()
    >>> "mozambique" in v.words, "federation" in v.words, "troop-contributing" in v.compounds
    (True, True, True)
    """
    cells: list[str] = []
    for name in reference_files(folder):  # every table, by the one rule (a table the folder lacks is the shipped one)
        rows = read_table(name, folder)
        cells.extend(rows[0] if rows else ())  # the header's words too
        for row in rows:
            cells.extend(row.values())
    words, compounds = _vocabulary_of(cells)
    return Vocabulary(frozenset(words), frozenset(compounds))


def text_vocabulary(lines: tuple[str, ...] | list[str]) -> Vocabulary:
    """The words of a text, leaving out the two halves of each word hyphenated at a line end ("Mo-", "zambique"),
    which are not words of their own.

    >>> v = text_vocabulary(["the peacekeepers and troop-contributing", "countries of Mo-", "zambique"])
    >>> "peacekeepers" in v.words, "troop-contributing" in v.compounds, "zambique" in v.words
    (True, True, False)
    """
    kept = []
    cut_head = False
    for line in lines:
        text = line.strip()
        if cut_head:  # the first word of this line is the tail of a word hyphenated on the line before
            text = _WORD.sub("", text, count=1) if text[:1].isalpha() else text
        cut_head = text.endswith("-") and not text.endswith(" -")
        if cut_head:
            text = re.sub(r"[^\W\d_]+-$", "", text)
        kept.append(text)
    words, compounds = _vocabulary_of(kept)
    return Vocabulary(frozenset(words), frozenset(compounds))


def mend_hyphen(head: str, tail: str, known: Vocabulary) -> bool:
    """Is ``head-`` at a line end + ``tail`` on the next line one word split by the typesetter (drop the hyphen),
    rather than a hyphenated compound (keep it)?

    The rule, in order (``tail`` starts with a lowercase letter: a capital keeps the hyphen, "Guinea-Bissau",
    "Secretary-General"):

    1. the joined word is known (the report has it whole elsewhere, or a reference table has it:
       "peace-keepers" where "peacekeepers" is used, "Mo-zambique", "Russian Fed-eration") → one word;
    2. the hyphenated form is known: the report or a reference table writes it so ("troop-contributing",
       « sous-régionales »; a longer compound gives its pairs, "day-to-day": "to-day") → a compound;
    3. the head is a prefix UN style always writes with a hyphen (:data:`HYPHEN_PREFIXES`: "non-paper",
       "self-defence", « sous-régionale », « vice-président ») → a compound;
    4. the tail is a word of at least three letters the report or the reference tables use, and the head is a
       word of theirs too ("host-country", "in-person") or a prefix often written with a hyphen
       (:data:`SOMETIMES_HYPHENATED`: "ex-combatants", "co-chair") → a compound;
    5. otherwise a word split at a syllable ("train-ing", "protec-tion", "impor-tance", « main-tien ») → one word.

    On the bundled report and the audit reports, splitting every word used once at every position gives the wrong
    answer for about one split in 200 ("over-all" where "overall" is not used elsewhere).

    >>> v = Vocabulary(frozenset({"peacekeeping", "host", "country"}), frozenset())
    >>> mend_hyphen("peace", "keeping", v), mend_hyphen("train", "ing", v), mend_hyphen("host", "country", v)
    (True, True, False)
    >>> mend_hyphen("non", "paper", Vocabulary(frozenset({"paper"}), frozenset()))
    False
    """
    h, t = head.lower(), tail.lower()
    if h + t in known.words:
        return True
    if f"{h}-{t}" in known.compounds:
        return False
    if h in HYPHEN_PREFIXES:
        return False
    tail_is_word = len(t) >= 3 and t in known.words
    return not (tail_is_word and (h in SOMETIMES_HYPHENATED or (len(h) >= 2 and h in known.words)))


def append_line(buf: list[str], nxt: str, known: Vocabulary) -> None:
    """Add a wrapped line to a paragraph's pieces, mending a word hyphenated at the line end (:func:`mend_hyphen`).

    The paragraph is kept as a list of pieces and joined once at the end, so a
    paragraph of many lines costs time in proportion to its length.
    """
    if not buf:
        buf.append(nxt)
        return
    prev = buf[-1]
    if prev.endswith("-") and not prev.endswith(" -") and nxt[:1].isalnum():
        if nxt[:1].islower():
            head = re.search(r"([^\W\d_]+)-$", prev)
            tail = _WORD.match(nxt)
            joined = head and tail and (head.group(1) + tail.group(0)).lower() in known.words
            if not joined and _SUSPENDED.match(nxt):
                buf.append(" " + nxt)  # "troop-" + "and police-contributing"
                return
            if head and tail and mend_hyphen(head.group(1), tail.group(0), known):
                buf[-1] = prev[:-1]  # "peace-" + "keepers", "train-" + "ing"
        buf.append(nxt)  # "Secretary-" + "General", "troop-" + "contributing": a hyphenated compound
        return
    buf.append(" " + nxt)


def join_lines(lines: list[str], known: Vocabulary | None = None) -> str:
    """Hard-wrapped lines joined into one text, words hyphenated at a line end mended by :func:`mend_hyphen`
    (with ``known`` words, default: the lines' own and the reference tables').

    >>> join_lines(["The peace-", "keepers were  there,", "in Mo-", "zambique."])
    'The peacekeepers were there, in Mozambique.'
    """
    if known is None:
        known = (
            text_vocabulary(lines) | reference_vocabulary()
            if any(LINE_END_HYPHEN.search(line) for line in lines)
            else Vocabulary()
        )
    buf: list[str] = []
    for line in lines:
        if line.strip():
            append_line(buf, line.strip(), known)
    return " ".join("".join(buf).split())
