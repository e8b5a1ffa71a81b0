"""Self-checking exercises for the workshop notebooks.

Every exercise computes its expected answer from the :class:`~kit.Report` it is
given, so the same notebook works on another year's report. A wrong answer gets
a specific hint when it matches a known mistake (counting briefers as
delegations, counting a joint statement once per co-speaker, joining on the
paragraph instead of the statement ...), and a generic but still useful one
otherwise (too high / too low, how many are missing, which items should not be
there). Hints never print the expected answer.

Answers are accepted in the forms pandas gives them: a number (``int``,
``numpy.int64``, ``"15"``), a list, set, tuple, ``Series``, ``Index``, a
one-column ``DataFrame`` (or the column of a wider one), in any order; names or
ids for speakers (``"Mexico"`` or ``"MEX"``), ids or labels for themes,
acronyms or full names for missions.

Examples
--------
>>> from kit import load_report
>>> r = load_report()
>>> check("meetings.count", ..., r)
… meetings.count: not answered yet (replace the ... with your answer and run the cell again)
>>> check("meetings.count", len(r.meetings), r)
✔ meetings.count: correct!
>>> check("meetings.count", len(r.paragraphs), r).status
'wrong'
"""

from __future__ import annotations

import numbers
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

import pandas as pd

from . import ASK_LEMMAS

if TYPE_CHECKING:  # pragma: no cover
    from ..report import Report

__all__ = ["Exercise", "Result", "EXERCISES", "check", "expected", "exercises", "ASK_LEMMAS", "SHOULD_PATTERN"]

#: What makes a sentence an ask even without an asking verb.
SHOULD_PATTERN = r"\b(?:should|needs? to|needed to)\b"

_MARK = {"correct": "✔", "wrong": "✘", "unanswered": "…"}


@dataclass
class Result:
    """The outcome of :func:`check`; prints as one line, is truthy when correct."""

    exercise: str
    status: str  # correct / wrong / unanswered
    message: str

    def __bool__(self) -> bool:
        return self.status == "correct"

    def __repr__(self) -> str:
        return f"{_MARK[self.status]} {self.exercise}: {self.message}"

    __str__ = __repr__


@dataclass
class Exercise:
    """One exercise.

    kind
        ``number`` (one number), ``set`` (a collection, any order) or ``choice``
        (one item; ties at the top are all accepted).
    expected
        Function of the report giving the answer (an int, or a set of items).
    near_misses
        ``(function of the report, hint)`` pairs: when the answer equals the
        near miss (and is not right) the hint is shown. ``{got}`` in a hint is
        replaced by a short description of the answer (its count, for a set).
    canon
        Function of the report giving a function that maps an item the
        participant typed to its canonical form (``"Mexico"`` -> ``"MEX"``).
    """

    id: str
    question: str
    kind: str
    expected: Callable[["Report"], Any]
    unit: str = "items"
    near_misses: list[tuple[Callable[["Report"], Any], str]] = field(default_factory=list)
    canon: Callable[["Report"], Callable[[Any], Any]] | None = None
    tip: str = ""


# ---------------------------------------------------------------------------
# normalizing answers

def _scalar(x: Any) -> Any:
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


def _candidates(answer: Any) -> list[list[Any]]:
    """The ways to read ``answer`` as a list of items (a frame's columns, a series' values or index)."""
    if isinstance(answer, pd.DataFrame):
        cols = [list(answer[c]) for c in answer.columns]
        if not isinstance(answer.index, pd.RangeIndex):
            cols.append(list(answer.index))
        return cols or [[]]
    if isinstance(answer, pd.Series):
        out = [list(answer.values)]
        if not isinstance(answer.index, pd.RangeIndex):
            out.append(list(answer.index))
        return out
    if isinstance(answer, dict):
        return [list(answer.keys()), list(answer.values())]
    if isinstance(answer, (str, bytes)) or not hasattr(answer, "__iter__"):
        return [[answer]]
    try:
        import numpy as np

        if isinstance(answer, np.ndarray):
            return [list(answer.ravel())]
    except ImportError:  # pragma: no cover
        pass
    return [list(answer)]


def _is_collection(answer: Any) -> bool:
    return not isinstance(answer, (str, bytes)) and hasattr(answer, "__iter__")


def _describe(items: list[Any], unit: str) -> str:
    return f"{len(set(items))} {unit}"


# ---------------------------------------------------------------------------
# canonical forms of speakers, themes, missions, resolutions

def _norm_text(s: Any) -> Any:
    s = _scalar(s)
    if isinstance(s, str):
        return re.sub(r"\s+", " ", s.replace("’", "'")).strip().lower().removeprefix("the ")
    return s


def _speaker_canon(r: "Report") -> Callable[[Any], Any]:
    table: dict[str, str] = {}
    for row in r.speakers.itertuples():
        sid = row.speaker_id
        names = {sid, row.name}
        if isinstance(row.name, str):
            if " of " in row.name and row.kind in ("member_state", "observer_state"):
                names.add(row.name.split(" of ")[0])  # "United Kingdom", "United States"
            if sid.startswith("person:"):
                names.add(row.name.split()[-1])  # surname
                names.add(sid.removeprefix("person:"))
        if isinstance(row.country_iso3, str):
            names.add(row.country_iso3)
        for n in names:
            if isinstance(n, str):
                table.setdefault(_norm_text(n), sid)
    for row in r.statements[["speaker_id", "speaker"]].drop_duplicates().itertuples():
        if isinstance(row.speaker, str):
            table.setdefault(_norm_text(row.speaker), row.speaker_id)
    return lambda x: table.get(_norm_text(x), _norm_text(x))


def _theme_canon(r: "Report") -> Callable[[Any], Any]:
    table = {}
    for row in r.themes[["theme", "label"]].drop_duplicates().itertuples():
        table[_norm_text(row.theme)] = row.theme
        table[_norm_text(row.label)] = row.theme
    return lambda x: table.get(_norm_text(x), _norm_text(x))


def _mission_canon(r: "Report") -> Callable[[Any], Any]:
    table = {}
    for row in r.mentions[r.mentions["kind"] == "mission"].itertuples():
        table[_norm_text(row.key)] = row.key
        table[_norm_text(row.surface)] = row.key
    return lambda x: table.get(_norm_text(x), _norm_text(x))


def _resolution_canon(r: "Report") -> Callable[[Any], Any]:
    def canon(x: Any) -> Any:
        x = _scalar(x)
        if not isinstance(x, str):
            return x
        s = re.sub(r"\s+", " ", x).strip()
        s = re.sub(r"^(?:Security Council\s+)?resolution\s+", "", s, flags=re.I)
        m = re.fullmatch(r"(?:S/RES/)?(\d{1,4})\s*\((\d{4})\)", s, flags=re.I)
        if m:
            return f"S/RES/{m.group(1)} ({m.group(2)})"
        return s.upper()
    return canon


# ---------------------------------------------------------------------------
# the report computations the exercises are about

def _member_statements(r: "Report") -> pd.DataFrame:
    return r.statements[r.statements["speaker_kind"] == "member_state"]


def _top(counts: pd.Series) -> set:
    counts = counts[counts > 0]
    return set(counts[counts == counts.max()].index) if len(counts) else set()


def _first_meeting(r: "Report") -> pd.Series:
    return r.meetings.sort_values(["date", "first_para"]).iloc[0]


def _meeting_paras(r: "Report") -> set:
    return set(r.paragraphs.loc[r.paragraphs["meeting_id"] == _first_meeting(r)["meeting_id"], "para"])


def _theme_paras(r: "Report", theme: str, statement_only: bool = False) -> set:
    t = r.themes[r.themes["theme"] == theme]
    if statement_only:
        t = t[t["statement_id"].notna()]
    return set(t["para"])


def _delegations_on(r: "Report", theme: str, on: str = "statement_id", members_only: bool = True) -> set:
    t = r.themes[(r.themes["theme"] == theme)]
    if on == "statement_id":
        t = t[t["statement_id"].notna()]
    st = _member_statements(r) if members_only else r.statements
    return set(st.merge(t[[on]].drop_duplicates(), on=on)["speaker_id"])


def _missions(r: "Report") -> pd.DataFrame:
    return r.mentions[r.mentions["kind"] == "mission"]


def _mission_table() -> pd.DataFrame:
    """missions.csv, the table the participants read in the workshop (not the political missions)."""
    from ..gazetteer import read_table

    return pd.DataFrame(read_table("missions.csv"))


def _hosts(r: "Report", mentioned_only: bool = True) -> set:
    ref = _mission_table()
    if mentioned_only:
        ref = ref[ref["acronym"].isin(set(_missions(r)["key"]))]
    return {code for cell in ref["host_iso3"] for code in str(cell).split("|") if code}


def _country_canon(r: "Report") -> Callable[[Any], Any]:
    from ..gazetteer import load_gazetteer

    table = {}
    for row in load_gazetteer().state_rows:
        for name in [row.get("iso3"), row.get("un_name"), *str(row.get("running_names", "")).split("|")]:
            if name:
                table.setdefault(_norm_text(name), row["iso3"])
    for row in _mission_table().itertuples():
        if "|" not in str(row.host_iso3):
            table.setdefault(_norm_text(row.host), row.host_iso3)
    return lambda x: table.get(_norm_text(x), _norm_text(x))


def _asks(r: "Report") -> pd.DataFrame:
    return r.statements[r.statements["lemma"].isin(ASK_LEMMAS)]


def _should_paras(r: "Report", pattern: str = SHOULD_PATTERN, case: bool = False) -> set:
    return set(r.paragraphs.loc[r.paragraphs["text"].str.contains(pattern, case=case, regex=True), "para"])


_M = "member_state"

EXERCISES: dict[str, Exercise] = {}


def _add(ex: Exercise) -> None:
    EXERCISES[ex.id] = ex


# 01 -- meetings and speakers ------------------------------------------------
_add(Exercise(
    "meetings.count", "How many meetings does the report cover?", "number",
    lambda r: len(r.meetings), "meetings",
    [(lambda r: r.paragraphs["meeting_id"].nunique(dropna=False),
      "close: you have {got}; paragraphs outside any meeting have an empty meeting_id, and you counted "
      "'empty' as a meeting. Count the rows of r.meetings, or use .nunique() (which drops empty values)."),
     (lambda r: len(r.paragraphs), "{got} is the number of paragraphs, not of meetings: look at r.meetings."),
     (lambda r: r.paragraphs["meeting_id"].notna().sum(),
      "{got} is the number of paragraphs that belong to a meeting; count the distinct meeting_id values.")]))
_add(Exercise(
    "meetings.first_paragraphs", "Which paragraph numbers report the first meeting of the year?", "set",
    _meeting_paras, "paragraphs",
    [(lambda r: set(range(int(_first_meeting(r)["first_para"]), int(_first_meeting(r)["last_para"]))),
      "close: you stopped one paragraph short. range(a, b) leaves out b: use range(a, b + 1)."),
     (lambda r: set(r.paragraphs.loc[r.paragraphs["meeting_id"].notna(), "para"]),
      "you have {got}: that is every paragraph of every meeting. Keep only the first meeting's meeting_id.")],
    tip="Filter r.paragraphs on meeting_id, or use first_para and last_para of r.meetings."))
_add(Exercise(
    "speakers.delegations", "Which delegations (Member States) spoke?", "set",
    lambda r: set(r.speakers.loc[r.speakers["kind"] == _M, "speaker_id"]), "speakers",
    [(lambda r: set(r.speakers["speaker_id"]),
      "you have {got}; did you count briefers and the Chair too? Keep rows where kind == 'member_state'."),
     (lambda r: set(r.mentions.loc[r.mentions["kind"] == "country", "key"]),
      "those are the countries *mentioned* in the text (r.mentions); the question is who spoke (r.speakers).")],
    canon=_speaker_canon))
_add(Exercise(
    "speakers.n_delegations", "How many delegations (Member States) spoke?", "number",
    lambda r: int((r.speakers["kind"] == _M).sum()), "delegations",
    [(lambda r: len(r.speakers),
      "you have {got} speakers; did you count briefers and the Chair too? Keep kind == 'member_state'."),
     (lambda r: len(_member_statements(r)),
      "you have {got}: that is the number of statements by delegations, not of delegations. "
      "Use .nunique() on speaker_id."),
     (lambda r: r.statements["speaker_id"].nunique(),
      "you have {got} different speakers; did you count briefers and the Chair too?")]))
_add(Exercise(
    "speakers.briefers", "Who briefed the Working Group (the briefers, not the Chair)?", "set",
    lambda r: set(r.speakers.loc[r.speakers["kind"] == "briefer", "speaker_id"]), "people",
    [(lambda r: set(r.speakers.loc[r.speakers["kind"].isin(["briefer", "chair"]), "speaker_id"]),
      "close: you included the Chair, who runs the meeting. Keep kind == 'briefer' only."),
     (lambda r: set(r.speakers.loc[r.speakers["kind"] != _M, "speaker_id"]),
      "close: keep kind == 'briefer' only (you have {got}).")],
    canon=_speaker_canon))
_add(Exercise(
    "statements.most_paragraphs", "Which delegation speaks in the most paragraphs?", "choice",
    lambda r: _top(_member_statements(r).groupby("speaker_id")["para"].nunique()), "delegation",
    [(lambda r: _top(_member_statements(r)["speaker_id"].value_counts()),
      "close: you counted statements. A delegation can make several statements in one paragraph (alone and "
      "jointly): count distinct paragraphs with .nunique()."),
     (lambda r: _top(r.statements.groupby("speaker_id")["para"].nunique()),
      "that is not a delegation: keep speaker_kind == 'member_state' before counting.")],
    canon=_speaker_canon))

# 02 -- themes -------------------------------------------------------------------
_add(Exercise(
    "themes.top", "Which theme is tagged in the most paragraphs?", "choice",
    lambda r: _top(r.themes.groupby("theme")["para"].nunique()), "theme",
    [(lambda r: _top(r.themes["theme"].value_counts()),
      "close: you counted theme rows. A paragraph with several statements has one row per statement: "
      "count distinct paragraphs with .nunique()."),
     (lambda r: _top(r.themes.groupby("theme")["n_hits"].sum()),
      "close: you added up term hits; the question counts paragraphs (.nunique() on para).")],
    canon=_theme_canon))
_add(Exercise(
    "themes.covid19_paragraphs", "Which paragraphs are tagged with the theme covid19?", "set",
    lambda r: _theme_paras(r, "covid19"), "paragraphs",
    [(lambda r: _theme_paras(r, "covid19", statement_only=True),
      "close: you kept only theme rows tied to a statement (you have {got}). Paragraphs where nobody is "
      "quoted count too: do not filter on statement_id.")]))
_add(Exercise(
    "themes.training_delegations",
    "Which delegations (Member States) made a statement tagged with the theme training?", "set",
    lambda r: _delegations_on(r, "training"), "delegations",
    [(lambda r: _delegations_on(r, "training", on="para"),
      "you joined on para: that brings in delegations who spoke in the same paragraph about something else. "
      "Merge the themes and statements on statement_id."),
     (lambda r: _delegations_on(r, "training", members_only=False),
      "close: you kept briefers and the Chair; keep speaker_kind == 'member_state'.")],
    canon=_speaker_canon))

# 03 -- missions and places ------------------------------------------------------
_add(Exercise(
    "missions.list", "Which peacekeeping missions does the report mention?", "set",
    lambda r: set(_missions(r)["key"]), "missions",
    [(lambda r: set(r.mentions.loc[r.mentions["kind"].isin(["mission", "country"]), "key"]),
      "you kept countries as well as missions: filter on kind == 'mission'.")],
    canon=_mission_canon))
_add(Exercise(
    "missions.top", "Which mission is mentioned in the most paragraphs?", "choice",
    lambda r: _top(_missions(r).groupby("key")["para"].nunique()), "mission",
    [(lambda r: _top(_missions(r)["key"].value_counts()),
      "close: you counted mentions; a mission named twice in one paragraph counts once here. "
      "Use .nunique() on para.")],
    canon=_mission_canon))
_add(Exercise(
    "missions.minusma_paragraphs", "In which paragraphs is MINUSMA mentioned?", "set",
    lambda r: set(_missions(r).loc[_missions(r)["key"] == "MINUSMA", "para"]), "paragraphs",
    [(lambda r: set(_missions(r)["para"]),
      "you have {got}: that is every paragraph naming any mission. Keep key == 'MINUSMA'.")]))
_add(Exercise(
    "missions.hosts", "In which countries are the missions the report mentions? (Names or ISO codes.)", "set",
    _hosts, "countries",
    [(lambda r: set(_mission_table()["host"]),
      "you have {got}: that is every mission in the reference table. Keep the missions the report mentions "
      "(merge with the mentions, or .isin())."),
     (lambda r: _hosts(r, mentioned_only=False),
      "you have {got}: that is every mission in the reference table. Keep the missions the report mentions "
      "(merge with the mentions, or .isin()).")],
    canon=_country_canon,
    tip="Merge the mission mentions with the reference table on the acronym, then take the host column."))
_add(Exercise(
    "mentions.n_countries", "How many different countries are mentioned in the text?", "number",
    lambda r: r.mentions.loc[r.mentions["kind"] == "country", "key"].nunique(), "countries",
    [(lambda r: int((r.mentions["kind"] == "country").sum()),
      "you have {got}: that is the number of country mentions; a country mentioned twice counts once. "
      "Use .nunique() on key."),
     (lambda r: len(set(r.mentions.loc[r.mentions["kind"] == "country", "key"])
                    | set(r.speakers.loc[r.speakers["kind"] == _M, "speaker_id"])),
      "you added the delegations that spoke; a speaker is not a mention. Count r.mentions only.")]))
_add(Exercise(
    "mentions.sc_resolutions", "Which Security Council resolutions does the report cite?", "set",
    lambda r: set(k for k in r.mentions.loc[r.mentions["kind"] == "resolution", "key"] if k.startswith("S/RES/")),
    "resolutions",
    [(lambda r: set(r.mentions.loc[r.mentions["kind"] == "resolution", "key"]),
      "close: General Assembly resolutions (A/RES/...) are not Security Council resolutions (S/RES/...)."),
     (lambda r: set(r.mentions.loc[r.mentions["kind"].isin(["resolution", "document"]), "key"]),
      "you kept other documents too: keep kind == 'resolution' and keys starting with 'S/RES/'.")],
    canon=_resolution_canon))

# 04 -- asks ----------------------------------------------------------------------
_add(Exercise(
    "asks.count", "How many asks are there (statements with an asking verb), counting a joint statement once?",
    "number", lambda r: _asks(r)["group"].nunique(), "asks",
    [(lambda r: len(_asks(r)),
      "close: you have {got}, so you included joint statements several times (once per co-speaker). "
      "Count distinct values of group."),
     (lambda r: _asks(r)["para"].nunique(),
      "you have {got}: that counts paragraphs; a paragraph can hold several asks. Count distinct groups."),
     (lambda r: int(r.statements["lemma"].eq("call for").sum()),
      "you kept only 'call for'; use .isin(ASK_LEMMAS) for every asking verb.")]))
_add(Exercise(
    "asks.callers", "Which delegations (Member States) called for something (lemma 'call for')?", "set",
    lambda r: set(_member_statements(r).loc[lambda d: d["lemma"] == "call for", "speaker_id"]), "delegations",
    [(lambda r: set(_member_statements(r).loc[lambda d: d["lemma"].isin(ASK_LEMMAS), "speaker_id"]),
      "you kept every asking verb ({got}); the question is about 'call for' only."),
     (lambda r: set(r.statements.loc[r.statements["lemma"] == "call for", "speaker_id"]),
      "close: keep speaker_kind == 'member_state'.")],
    canon=_speaker_canon))
_add(Exercise(
    "asks.top_asker", "Which speaker made the most asks (count statement rows)?", "choice",
    lambda r: _top(_asks(r)["speaker_id"].value_counts()), "speaker",
    [(lambda r: _top(r.statements["speaker_id"].value_counts()),
      "that is the speaker with the most statements of any kind: filter on lemma.isin(ASK_LEMMAS) first.")],
    canon=_speaker_canon))
_add(Exercise(
    "asks.should_paragraphs", "Which paragraphs contain 'should' or 'need to' (also 'needs to', 'needed to')?",
    "set", _should_paras, "paragraphs",
    [(lambda r: _should_paras(r, r"\bshould\b"),
      "close: you found 'should' but not 'need to' / 'needs to' / 'needed to'."),
     (lambda r: _should_paras(r, SHOULD_PATTERN, case=True),
      "close: a sentence can start with 'Should' or 'Need': use case=False."),
     (lambda r: _should_paras(r, r"need to"),
      "you found 'need to' but not 'should'.")]))


# ---------------------------------------------------------------------------

def exercises() -> pd.DataFrame:
    """The exercises as a table (id, kind, question)."""
    return pd.DataFrame([{"exercise": e.id, "kind": e.kind, "question": e.question} for e in EXERCISES.values()])


def _report(report: "Report | None") -> "Report":
    if report is not None:
        return report
    from ..report import load_report

    return load_report()


def expected(exercise_id: str, report: "Report | None" = None) -> Any:
    """The expected answer of an exercise for ``report`` (for trainers and tests)."""
    return EXERCISES[exercise_id].expected(_report(report))


def _canon_items(items: list[Any], canon: Callable[[Any], Any]) -> list[Any]:
    return [canon(_scalar(x)) for x in items]


def check(exercise_id: str, answer: Any, report: "Report | None" = None) -> Result:
    """Check ``answer`` to exercise ``exercise_id`` against ``report`` (the bundled report by default).

    Returns a :class:`Result` that prints one line: correct, not answered yet,
    or a hint.
    """
    try:
        ex = EXERCISES[exercise_id]
    except KeyError:
        raise KeyError(f"unknown exercise {exercise_id!r}; known: {', '.join(EXERCISES)}") from None
    if answer is Ellipsis or answer is None:
        return Result(ex.id, "unanswered", "not answered yet (replace the ... with your answer and run the cell again)")
    r = _report(report)
    canon = ex.canon(r) if ex.canon else _scalar
    want = ex.expected(r)
    if ex.kind == "number":
        return _check_number(ex, answer, want, r)
    if ex.kind == "choice":
        return _check_choice(ex, answer, {canon(_scalar(w)) for w in want}, r, canon)
    return _check_set(ex, answer, {canon(_scalar(w)) for w in want}, r, canon)


def _near(ex: Exercise, r: "Report", got: Any, want: Any, canon: Callable[[Any], Any] | None, got_text: str):
    for fn, hint in ex.near_misses:
        try:
            miss = fn(r)
        except Exception:  # noqa: BLE001 - a near miss that does not apply to this report
            continue
        if canon is not None:
            miss = {canon(_scalar(m)) for m in miss} if isinstance(miss, (set, list, tuple)) else canon(_scalar(miss))
        else:
            miss = _scalar(miss)
        hit = (got <= miss and got != want) if ex.kind == "choice" and isinstance(miss, set) else miss == got
        if hit and miss != want:
            return Result(ex.id, "wrong", hint.format(got=got_text))
    return None


def _check_number(ex: Exercise, answer: Any, want: Any, r: "Report") -> Result:
    if _is_collection(answer):
        items = _candidates(answer)[0]
        if len(items) != 1:
            return Result(ex.id, "wrong", f"this is a collection of {len(items)} values; the question wants one "
                                          "number. Try len(...), .nunique() or .sum().")
        answer = items[0]
    got = _scalar(answer)
    if not isinstance(got, numbers.Real) or isinstance(got, bool):
        return Result(ex.id, "wrong", f"{got!r} is not a number; the question wants how many {ex.unit}.")
    want = _scalar(want)
    if got == want:
        return Result(ex.id, "correct", "correct!")
    near = _near(ex, r, got, want, None, f"{got}")
    if near is not None:
        return near
    direction = "too high" if got > want else "too low"
    return Result(ex.id, "wrong", f"{got} is {direction}. {ex.tip}".strip())


def _check_set(ex: Exercise, answer: Any, want: set, r: "Report", canon: Callable[[Any], Any]) -> Result:
    best: list[Any] | None = None
    best_score = -1.0
    for cand in _candidates(answer):
        items = _canon_items(cand, canon)
        s = set(items)
        score = len(s & want) / max(len(s | want), 1)
        if score > best_score:
            best, best_score = items, score
    items = best or []
    got = set(items)
    if got == want:
        extra = ""
        if len(items) > len(got):
            extra = f" (you have {len(items)} rows for {len(got)} {ex.unit}: .unique() would tidy that up)"
        return Result(ex.id, "correct", "correct!" + extra)
    near = _near(ex, r, got, want, canon, _describe(items, ex.unit))
    if near is not None:
        return near
    missing = want - got
    wrong = sorted(got - want, key=str)
    parts = [f"you have {len(got & want)} of the {len(want)} {ex.unit}"]
    if missing:
        parts.append(f"{len(missing)} missing")
    if wrong:
        shown = ", ".join(repr(w) for w in wrong[:5]) + (" ..." if len(wrong) > 5 else "")
        parts.append(f"{len(wrong)} should not be there: {shown}")
    msg = "; ".join(parts) + "."
    if not got & want and want:
        msg = "none of these is right. " + msg
    return Result(ex.id, "wrong", f"{msg} {ex.tip}".strip())


def _check_choice(ex: Exercise, answer: Any, want: set, r: "Report", canon: Callable[[Any], Any]) -> Result:
    if isinstance(answer, (pd.Series, pd.DataFrame)) and len(answer) > 1:
        return Result(ex.id, "wrong", f"this is a table of {len(answer)} rows; the question wants one {ex.unit}. "
                                      "Sort it and take the first label (.idxmax() or .index[0]).")
    if _is_collection(answer) and not isinstance(answer, (pd.Series, pd.DataFrame)):
        items = list(answer)
        if len(items) != 1:
            return Result(ex.id, "wrong", f"you gave {len(items)} values; the question wants one {ex.unit}.")
        answer = items[0]
    if isinstance(answer, (pd.Series, pd.DataFrame)):
        answer = answer.index[0] if len(answer) else None
    got = canon(_scalar(answer))
    if got in want:
        note = "" if len(want) == 1 else f" ({len(want)} are tied at the top; any of them is right)"
        return Result(ex.id, "correct", "correct!" + note)
    near = _near(ex, r, {got}, want, canon, f"{answer!r}")
    if near is not None:
        return near
    return Result(ex.id, "wrong", f"{answer!r} is not at the top. Did you sort in descending order "
                                  f"(ascending=False)? {ex.tip}".strip())
