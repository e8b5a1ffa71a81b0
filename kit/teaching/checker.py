"""The checking engine of the workshop exercises: read an answer in any reasonable form, compare, explain.

The exercises themselves (questions, how each answer is computed from the
report, the common mistakes and their hints) are in
:mod:`kit.teaching.exercises`; this module knows nothing about one report.

What the engine does with an answer:

* ``...`` -> "not answered yet"; ``None`` -> explains that ``print(...)`` and
  ``inplace=True`` return ``None``;
* reads numbers, strings, lists, sets, ``Series``, ``Index``, ``DataFrame``
  (a one-row frame too), ``numpy`` arrays, dicts and plotly figures;
* maps names to the report's keys with :class:`Canon` tables (:mod:`kit.teaching.canons`) built from the
  reference data and the report's tables, in English and French (speakers
  through :class:`kit.teaching.speakers.SpeakerNames`: "UK", « RDC », "Dr.
  Lennartz", "Major General (retired) Jai Menon", « le général de division
  Menon », "Luis Carrilho"; a mission's acronym or full name in either
  language, "MINUSS"; a theme's id or label, « Police des Nations Unies »;
  "S/RES/2518", "resolution 2518", « la résolution 2518 (2020) »);
* reads tied answers given together: a list, or a table of the tied labels
  (``c[c == c.max()]``); a name typed loosely ("Democratic Republic of Congo",
  "Anthony O Mullane": :func:`loose_key`) when no exact form matches;
* never raises, whatever the value: a table of lists (``.unique()``), a
  function without its brackets, a generator, a module, the whole report or
  NaN get a line saying what the value is and what to do, a chart of another
  kind is named ("pie"), and anything else gets one catch-all line (which
  ``tests/test_participant_simulation.py`` fails on, so it hides no bug);
* says when a value is not recognised, quoting it as the participant wrote it
  (case and accents kept), gives a specific hint when the answer is a listed
  common mistake, and never prints the expected answer or a count of it, nor
  a hint that would confirm another exercise's answer (a mistake's hint is
  left out when the participant's value is another exercise's answer).

Messages are in the language given to :func:`check` (``lang="fr"``) or the process's language
(:func:`kit.i18n.set_language`, which the French notebooks call): questions, hints and units come from the
catalogue of :mod:`kit.i18n` (they are marked ``N_`` in :mod:`kit.teaching.exercises`).

When the environment variable ``KIT_PROGRESS_FILE`` is set, every checked
answer appends one JSON line ``{"exercise": "1.3", "correct": true, "time":
"2026-11-29T10:00:00+00:00"}`` to that file (``kit workshop`` counts them).

Examples
--------
>>> from kit import load_report
>>> r = load_report()
>>> check("1.1", ..., r)
… 1.1: not answered yet (replace the ... with your answer and run the cell again)
>>> check("1.1", len(r.meetings), r)
✔ 1.1: correct!
>>> check("1.1", None, r).status
'wrong'
"""

from __future__ import annotations

import json
import numbers
import os
import warnings
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Iterable

import pandas as pd

from ..i18n import N_, colon, normalize, semicolon, translator
from .canons import Canon, add_names, canon_for, loose_key, scalar  # noqa: F401 - the checker's names, re-exported
from .exercise_model import Exercise, Mistake  # also the checker's names

if TYPE_CHECKING:  # pragma: no cover
    from ..report import Report

__all__ = [
    "Canon",
    "Exercise",
    "Mistake",
    "Result",
    "UnknownExercise",
    "canon_for",
    "check",
    "expected",
    "record_progress",
    "PROGRESS_ENV",
    "loose_key",
]

#: Environment variable naming the file the checker appends its progress lines to.
PROGRESS_ENV = "KIT_PROGRESS_FILE"

_MARK = {"correct": "✔", "wrong": "✘", "unanswered": "…"}

NONE_HINT = N_(
    "your answer is None. print(...) shows a value but gives back None, and so do methods called with "
    "inplace=True. Put the expression itself after answer = (without print, without inplace=True)."
)


@dataclass
class Result:
    """The outcome of :func:`check`; prints as one line and is truthy when correct."""

    exercise: str
    status: str  # correct / wrong / unanswered
    message: str
    lang: str = "en"

    def __bool__(self) -> bool:
        return self.status == "correct"

    def __repr__(self) -> str:
        return f"{_MARK[self.status]} {self.exercise}{colon(self.lang)} {self.message}"

    __str__ = __repr__


# ---------------------------------------------------------------------------
# reading answers


def _is_figure(x: Any) -> bool:
    return hasattr(x, "data") and hasattr(x, "layout") and hasattr(x, "to_dict")


def is_collection(answer: Any) -> bool:
    return not isinstance(answer, (str, bytes, dict)) and hasattr(answer, "__iter__") or isinstance(answer, dict)


def candidates(answer: Any) -> list[list[Any]]:
    """The ways to read ``answer`` as a list of items (each column of a frame, a series' values or index ...)."""
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
    if hasattr(answer, "ravel"):
        return [list(answer.ravel())]
    return [list(answer)]


def figure_pairs(fig: Any) -> list[tuple[Any, Any]]:
    """The (category, value) pairs drawn by a plotly bar (or scatter) chart, whichever way it is oriented."""
    pairs: list[tuple[Any, Any]] = []
    for trace in fig.data:
        x = list(trace.x) if getattr(trace, "x", None) is not None else []
        y = list(trace.y) if getattr(trace, "y", None) is not None else []
        if getattr(trace, "orientation", None) == "h":
            x, y = y, x
        pairs += list(zip(x, y))
    return pairs


def mapping_candidates(answer: Any) -> list[list[tuple[Any, Any]]]:
    """The ways to read ``answer`` as (item, number) pairs."""
    if _is_figure(answer):
        return [figure_pairs(answer)]
    if isinstance(answer, dict):
        return [list(answer.items())]
    if isinstance(answer, pd.Series):
        return [list(answer.items())]
    if isinstance(answer, pd.DataFrame):
        cols = list(answer.columns)
        num = [c for c in cols if pd.api.types.is_numeric_dtype(answer[c])]
        keys = [list(answer[c]) for c in cols if c not in num]
        if not isinstance(answer.index, pd.RangeIndex) or not keys:
            keys.append(list(answer.index))
        return [list(zip(k, answer[c])) for c in num for k in keys]
    return []


# ---------------------------------------------------------------------------
# the checks


def check(exercise: str, answer: Any, report: "Report | None" = None, lang: str | None = None) -> Result:
    """Check ``answer`` to ``exercise`` (its number, e.g. ``"1.3"``) against ``report`` (the bundled one by default).

    Returns a :class:`Result` that prints one line: correct, not answered yet, or a hint, in ``lang`` (default:
    the process's language, :func:`kit.i18n.get_language`; the French notebooks set it to French). An exercise
    number that does not exist gives a line naming the exercises there are.

    >>> from kit import load_report
    >>> check("1.1", ..., load_report(), lang="fr")
    … 1.1\u00a0: pas encore de réponse (remplacez les ... par votre réponse et exécutez de nouveau la cellule)
    >>> check("9.9", 1).message.startswith("there is no exercise 9.9; the exercises are 1.1, 1.2")
    True
    """
    t = _Say(lang)
    try:
        ex = _exercise(exercise, t)
    except UnknownExercise as exc:
        return Result(str(exercise), "wrong", str(exc), t.lang)
    if answer is Ellipsis:
        return Result(
            ex.id,
            "unanswered",
            t.gettext("not answered yet (replace the ... with your answer and run the cell again)"),
            t.lang,
        )
    if answer is None:
        res = Result(ex.id, "wrong", t.gettext(NONE_HINT), t.lang)
    else:
        r = _report(report)
        res = _unreadable(ex, answer, t)
        if res is None:
            try:
                res = _judge(ex, answer, r, t)
            except Exception:  # noqa: BLE001 - no value a participant types may end in a traceback
                res = t.result(
                    ex,
                    "wrong",
                    t.gettext(
                        "I cannot read this answer ({kind}). Put a number, a list or a table after answer =.",
                        kind=_type_name(answer),
                    ),
                    tip=True,
                )
    record_progress(res)
    return res


def _type_name(answer: Any) -> str:
    """The kind of value ``answer`` is, as Python names it (``ndarray``, ``generator``, ``module`` ...)."""
    return type(answer).__name__


def _holds_collections(answer: Any) -> bool:
    """A table whose cells are lists or arrays (what ``.groupby(...)[...].unique()`` gives)."""
    if isinstance(answer, pd.Series):
        values = list(answer.values[:50])
    elif isinstance(answer, pd.DataFrame):
        values = [v for c in answer.columns for v in list(answer[c].values[:50])]
    else:
        return False
    return any(hasattr(v, "__len__") and not isinstance(v, (str, bytes)) for v in values)


def _unreadable(ex: Exercise, answer: Any, t: "_Say") -> "Result | None":
    """A hint for a value no exercise can be answered with (a function, a module, a generator, a table of
    lists, a number that is not a number), or ``None`` when the answer can be read."""
    import inspect

    if hasattr(answer, "statements") and hasattr(answer, "paragraphs") and hasattr(answer, "cite"):
        return t.result(
            ex,
            "wrong",
            t.gettext(
                "this is the whole report (r); pick the table the question is about, "
                "such as r.meetings or r.statements, and work on it."
            ),
            tip=True,
        )
    if inspect.ismodule(answer):
        return t.result(
            ex,
            "wrong",
            t.gettext("this is a module (something you import), not an answer: put a value after answer =."),
        )
    if callable(answer) and not _is_figure(answer) and not isinstance(answer, (pd.Series, pd.DataFrame)):
        return t.result(
            ex,
            "wrong",
            t.gettext(
                "this is a function or a method, not its result: add the brackets "
                "that call it, for example .nunique() rather than .nunique."
            ),
        )
    if inspect.isgenerator(answer) or type(answer).__name__ in ("map", "filter", "zip", "enumerate"):
        return t.result(
            ex,
            "wrong",
            t.gettext("this is a generator, which gives its values only once: make it a list with list(...)."),
        )
    if _holds_collections(answer):
        return t.result(
            ex,
            "wrong",
            t.gettext(
                "your table holds lists of values in its cells (what .unique() "
                "gives). Count them with .nunique(), or flatten them."
            ),
            tip=True,
        )
    if isinstance(answer, float) and answer != answer:
        return t.result(
            ex,
            "wrong",
            t.gettext("your answer is NaN (not a number): an empty selection or a missing value. Check your filter."),
            tip=True,
        )
    return None


class UnknownExercise(KeyError):
    """No exercise has this number or name; the message (in the checker's language) names the ones there are."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class _Say:
    """The messages of one check in one language: ``t.gettext("... {n} ...", n=3)``; ``t.ex(text)`` for catalogue text."""

    def __init__(self, lang: str | None) -> None:
        self.lang = normalize(lang)
        self.tr = translator(self.lang)

    def gettext(self, message: str, **values: Any) -> str:
        return self.tr.gettext(message).format(**values) if values else self.tr.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int, **values: Any) -> str:
        return self.tr.ngettext(singular, plural, count).format(count=count, **values)

    def unit(self, ex: Exercise) -> str:
        return self.tr.gettext(ex.unit)

    def tip(self, ex: Exercise) -> str:
        return self.tr.gettext(ex.tip) if ex.tip else ""

    def result(self, ex: Exercise, status: str, message: str, tip: bool = False) -> "Result":
        if tip and ex.tip:
            message = f"{message} {self.tip(ex)}"
        return Result(ex.id, status, message.strip(), self.lang)

    def correct(self, ex: Exercise, extra: str = "") -> "Result":
        return Result(ex.id, "correct", self.gettext("correct!") + extra, self.lang)


def expected(exercise: str, report: "Report | None" = None) -> Any:
    """The expected answer of an exercise for ``report`` (for trainers and tests); :class:`UnknownExercise` (a
    ``KeyError``) naming the exercises there are for a number that does not exist."""
    return _exercise(exercise).expected(_report(report))


def record_progress(res: Result, path: str | None = None) -> None:
    """Append ``res`` as one JSON line to ``$KIT_PROGRESS_FILE`` (nothing happens when it is not set)."""
    path = path or os.environ.get(PROGRESS_ENV)
    if not path or res.status == "unanswered":
        return
    line = json.dumps(
        {
            "exercise": res.exercise,
            "correct": bool(res),
            "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
    )
    try:
        with open(path, "a", encoding="utf-8") as f:
            f.write(line + "\n")
    except OSError as exc:
        warnings.warn(f"could not record progress in {path}: {exc}", stacklevel=3)


def _exercise(exercise: str, t: "_Say | None" = None) -> Exercise:
    from .exercises import EXERCISES, BY_SLUG

    ex = EXERCISES.get(str(exercise).strip()) or BY_SLUG.get(str(exercise).strip())
    if ex is None:
        t = t or _Say(None)
        raise UnknownExercise(
            t.gettext(
                "there is no exercise {exercise}; the exercises are {known}.",
                exercise=str(exercise),
                known=", ".join(EXERCISES),
            )
        )
    return ex


def _report(report: "Report | None") -> "Report":
    if report is not None:
        return report
    from ..report import load_report

    return load_report()


def _judge(ex: Exercise, answer: Any, r: "Report", t: _Say) -> Result:
    canon = canon_for(ex.canon, r)
    want = _answers(r)[ex.id] if ex.id in _answers(r) else ex.expected(r)
    judge = {
        "number": _check_number,
        "set": _check_set,
        "choice": _check_choice,
        "mapping": _check_mapping,
        "figure": _check_figure,
    }[ex.kind]
    return judge(ex, answer, want, r, canon, t)


def _normal(ex: Exercise, value: Any, canon: Canon | None) -> Any:
    """An expected value or a mistake's value in the form answers are compared in."""
    c = canon or scalar
    if ex.kind in ("mapping", "figure"):
        return {c(k): scalar(v) for k, v in dict(value).items()}
    if isinstance(value, (set, frozenset, list, tuple, pd.Series, pd.Index)):
        return {c(v) for v in value}
    if ex.kind in ("set", "choice"):
        return {c(value)}
    return scalar(value)


# --- never confirm another exercise's answer ------------------------------------------------

_ANSWERS_CACHE: dict[int, tuple["Report", dict[str, Any]]] = {}


def _answers(r: "Report") -> dict[str, Any]:
    """Every exercise's expected answer on ``r`` (computed once per report)."""
    from .exercises import EXERCISES

    cached = _ANSWERS_CACHE.get(id(r))
    if cached is None or cached[0] is not r:
        if len(_ANSWERS_CACHE) > 8:
            _ANSWERS_CACHE.clear()
        answers = {}
        for x, other in EXERCISES.items():
            try:
                answers[x] = other.expected(r)
            except Exception:  # noqa: BLE001 - an exercise this report cannot answer
                continue
        cached = _ANSWERS_CACHE[id(r)] = (r, answers)
    return cached[1]


def _other_answers(ex: Exercise, r: "Report", want: Any) -> tuple[set, list]:
    """The answers of the other exercises that differ from this one's: their numbers, and their sets and tables.

    A mistake's hint says what the participant's value is ("12 is the number of asks"); when that value is another
    exercise's answer, the hint would confirm that answer, so it is not given (the tip is, with the generic line).
    """
    from .exercises import EXERCISES

    numbers: set = set()
    values: list = []
    for x, a in _answers(r).items():
        if x == ex.id:
            continue
        if EXERCISES[x].kind == "number":
            n = scalar(a)
            if not (ex.kind == "number" and n == want):
                numbers.add(n)
        elif isinstance(a, (set, frozenset, dict)) and a != want:
            values.append(a)
    return numbers, values


def _mistake(
    ex: Exercise, r: "Report", got: Any, want: Any, canon: Canon | None, got_text: str, t: _Say
) -> Result | None:
    numbers, values = _other_answers(ex, r, want)
    if (ex.kind == "number" and got in numbers) or any(got == v for v in values):
        return None
    if ex.kind != "number" and hasattr(got, "__len__") and (len(got) in numbers or len(got) == len(want)):
        got_text = t.gettext("these {unit}", unit=t.unit(ex))  # its count is another exercise's answer
    for m, miss in _mistake_values(ex, r, want, canon):
        if ex.kind == "choice":
            hit = bool(got) and got <= _normal(ex, miss, None) and not got <= want
        else:
            hit = miss == got
        if hit and miss != want:
            return t.result(ex, "wrong", t.gettext(m.hint, got=got_text))
    return None


_MISTAKES_CACHE: dict[tuple[int, str], tuple["Report", list]] = {}


def _mistake_values(ex: Exercise, r: "Report", want: Any, canon: Canon | None) -> list[tuple[Mistake, Any]]:
    """Each listed mistake of ``ex`` and its value on ``r``, read as answers are (computed once per report)."""
    key = (id(r), ex.id)
    cached = _MISTAKES_CACHE.get(key)
    if cached is None or cached[0] is not r:
        if len(_MISTAKES_CACHE) > 64:
            _MISTAKES_CACHE.clear()
        values = []
        for m in ex.mistakes:
            try:
                miss = m.answer(r)
            except Exception:  # noqa: BLE001 - a mistake that cannot be made on this report
                continue
            if ex.kind in ("number",):
                miss = _number_of(miss)
            elif ex.kind in ("mapping", "figure"):
                miss = _read_mapping(miss, canon)[0]
            else:
                miss = _best_set(miss, want, canon)[1]
            values.append((m, miss))
        cached = _MISTAKES_CACHE[key] = (r, values)
    return cached[1]


def _near_or_unknown(
    ex: Exercise, r: "Report", got: Any, want: Any, canon: Canon | None, t: _Say, said: dict | None = None
) -> Result | None:
    """A listed mistake's hint, or "not recognised" when no item of the answer is known; else ``None``."""
    near = _mistake(ex, r, got, want, canon, t.ngettext("{count} value", "{count} values", len(got)), t)
    if near is not None:
        return near
    unknown = _unknown(got, canon)
    if unknown and len(unknown) == len(got):
        return _not_recognised(ex, unknown, canon, t, said)
    return None


def _number_of(answer: Any) -> Any:
    if _is_figure(answer):
        return answer
    if isinstance(answer, pd.DataFrame) and answer.size == 1:
        return scalar(answer.iloc[0, 0])
    if is_collection(answer) and not isinstance(answer, dict):
        items = candidates(answer)[0]
        return scalar(items[0]) if len(items) == 1 else answer
    return scalar(answer)


def _check_number(ex, answer, want, r, canon, t: _Say) -> Result:
    got = _number_of(answer)
    if is_collection(got) or _is_figure(got):
        return t.result(
            ex,
            "wrong",
            t.gettext(
                "this is a collection of values (a list or a table); the question "
                "wants one number. Try len(...), .nunique() or .sum()."
            ),
        )
    if not isinstance(got, numbers.Real) or isinstance(got, bool):
        shown = repr(got) if isinstance(got, (str, bool)) else t.gettext("a {kind}", kind=_type_name(got))
        return t.result(
            ex,
            "wrong",
            t.gettext("{got} is not a number; the question wants how many {unit}.", got=shown, unit=t.unit(ex)),
        )
    want = scalar(want)
    if got == want:
        return t.correct(ex)
    near = _mistake(ex, r, got, want, canon, f"{got}", t)
    if near is not None:
        return near
    message = t.gettext("{got} is too high.", got=got) if got > want else t.gettext("{got} is too low.", got=got)
    return t.result(ex, "wrong", message, tip=True)


def _said(items: list[Any], raw: list[Any]) -> dict:
    """Each key of an answer -> the participant's own text for it (the first one they wrote)."""
    said: dict = {}
    for k, x in zip(items, raw):
        try:
            said.setdefault(k, scalar(x))
        except TypeError:  # an unhashable item
            continue
    return said


def _best_set(answer: Any, want: set, canon: Canon | None) -> tuple[list[Any], set, dict]:
    """The reading of ``answer`` (which column, values or index) closest to ``want``: its keys, their set, and
    what the participant wrote for each key."""
    c = canon or scalar
    best: list[Any] = []
    raw: list[Any] = []
    best_score = -1.0
    for cand in candidates(answer):
        items = [c(x) for x in cand]
        s = set(items)
        score = len(s & want) / max(len(s | want), 1)
        if canon is not None:
            score += 0.001 * sum(canon.known_item(i) for i in s) / max(len(s), 1)
        if score > best_score:
            best, raw, best_score = items, cand, score
    return best, set(best), _said(best, raw)


def _unknown(items: Iterable[Any], canon: Canon | None) -> list[Any]:
    if canon is None:
        return []
    return sorted({i for i in items if not canon.known_item(i)}, key=str)


def _shown(values: list[Any], most: int, said: dict | None = None) -> str:
    """Values as the participant wrote them (case and accents kept), at most ``most``."""
    said = said or {}
    return ", ".join(repr(said.get(v, v)) for v in values[:most]) + (" ..." if len(values) > most else "")


def _not_recognised(ex: Exercise, unknown: list[Any], canon: Canon, t: _Say, said: dict | None = None) -> Result:
    return t.result(
        ex,
        "wrong",
        t.gettext(
            "I do not recognise {shown} as {noun} in this report. Check the spelling, "
            "or use the ids or names from the tables.",
            shown=_shown(unknown, 4, said),
            noun=t.gettext(canon.noun),
        ),
        tip=True,
    )


def _check_set(ex, answer, want, r, canon, t: _Say) -> Result:
    want = _normal(ex, want, canon)
    items, got, said = _best_set(answer, want, canon)
    if got == want:
        extra = ""
        if len(items) > len(got):
            extra = t.gettext(
                " (you have {rows} rows for {n} {unit}: .unique() would tidy that up)",
                rows=len(items),
                n=len(got),
                unit=t.unit(ex),
            )
        return t.correct(ex, extra)
    stop = _near_or_unknown(ex, r, got, want, canon, t, said)
    if stop is not None:
        return stop
    unknown = _unknown(got, canon)
    wrong = sorted(got - want, key=str)
    right = len(got & want)
    parts = [
        t.gettext("every right one is in your answer")
        if right and right == len(want)
        else t.ngettext("{count} of yours is right", "{count} of yours are right", right)
    ]
    if wrong:
        parts.append(
            t.ngettext(
                "{count} should not be there ({shown})",
                "{count} should not be there ({shown})",
                len(wrong),
                shown=_shown(wrong, 5, said),
            )
        )
    if want - got:
        parts.append(t.gettext("some are missing"))
    msg = semicolon(t.lang).join(parts) + "."
    if unknown:
        msg += " " + t.gettext("(I do not recognise {shown}.)", shown=_shown(unknown, 4, said))
    return t.result(ex, "wrong", msg, tip=True)


def _readings(table: "pd.Series | pd.DataFrame") -> list[list[Any]]:
    """The columns of labels a table may hold: its index (unless a plain row number) and each of its columns."""
    out = [] if isinstance(table.index, pd.RangeIndex) else [list(table.index)]
    if isinstance(table, pd.DataFrame):
        out += [list(table[c]) for c in table.columns]
    else:
        out.append(list(table.values))
    return out


def _choice_items(answer: Any, canon: Canon | None, want: set) -> tuple[list[Any], dict] | None:
    """The item(s) a choice answer names, and what the participant wrote for each: a value, a list of tied values,
    the first row of a one-row table, or the labels of a table of tied items (``c[c == c.max()]``). ``None`` for a
    table of several rows that is not (part of) the tie."""
    c = canon or scalar
    if isinstance(answer, (pd.Series, pd.DataFrame)):
        if len(answer) == 0:
            return [], {}
        if len(answer) > 1:
            for raw in _readings(answer):
                items = [c(x) for x in raw]
                if set(items) <= want:  # the tied labels (or some of them) given as a table
                    return items, _said(items, raw)
            return None
        raws = [answer.index[0]] + (list(answer.iloc[0]) if isinstance(answer, pd.DataFrame) else [answer.iloc[0]])
        readings = [([c(x)], [x]) for x in raws]
        known = [rd for rd in readings if canon is not None and canon.known_item(rd[0][0])]
        items, raw = (known or readings)[0]
        return items, _said(items, raw)
    if is_collection(answer):
        raw = candidates(answer)[0]
        items = [c(x) for x in raw]
        return items, _said(items, raw)
    return [c(answer)], _said([c(answer)], [answer])


def _check_choice(ex, answer, want, r, canon, t: _Say) -> Result:
    want = _normal(ex, want, canon)
    read = _choice_items(answer, canon, want)
    unit = t.unit(ex)
    if read is None:
        return t.result(
            ex,
            "wrong",
            t.gettext(
                "this is a table of {rows} rows; the question wants one {unit}. Sort it and "
                "take the first label (.idxmax() or .index[0]).",
                rows=len(answer),
                unit=unit,
            ),
        )
    items, said = read
    got = set(items)
    if not got:
        return t.result(ex, "wrong", t.gettext("this is empty; the question wants one {unit}.", unit=unit))
    if got and (got <= want and (len(got) == 1 or got == want)):
        tie = t.gettext(" ({n} are tied at the top; any of them is right, or all of them together)", n=len(want))
        return t.correct(ex, tie if len(want) > 1 else "")
    unknown = _unknown(got, canon)
    if unknown:
        return _not_recognised(ex, unknown, canon, t, said)
    if len(got) > 1 and not got <= want:
        return t.result(
            ex,
            "wrong",
            t.gettext(
                "you gave {n} values; the question wants one {unit} (or every one tied at the top).",
                n=len(got),
                unit=unit,
            ),
        )
    if len(got) > 1:
        return t.result(
            ex,
            "wrong",
            t.gettext(
                "these are tied at the top, but some of the tied ones are missing: give one of them, or all of them."
            ),
        )
    near = _mistake(ex, r, got, want, canon, _shown(items, len(items), said), t)
    if near is not None:
        return near
    return t.result(
        ex,
        "wrong",
        t.gettext(
            "{item} is not at the top. Did you sort in descending order (ascending=False)?",
            item=_shown(items[:1], 1, said),
        ),
        tip=True,
    )


def _read_mapping(answer: Any, canon: Canon | None, want: dict | None = None) -> tuple[dict, dict]:
    """The (item -> number) reading of ``answer`` closest to ``want``, and what the participant wrote per item."""
    c = canon or scalar
    best: dict = {}
    said: dict = {}
    best_score = -1.0
    for pairs in mapping_candidates(answer):
        m = {c(k): scalar(v) for k, v in pairs}
        score = len(set(m) & set(want or {})) + 0.5 * sum(canon.known_item(k) for k in m) if canon else len(m)
        if score > best_score:
            best, best_score = m, score
            said = _said([c(k) for k, _ in pairs], [k for k, _ in pairs])
    return best, said


def _check_mapping(ex, answer, want, r, canon, t: _Say) -> Result:
    want = _normal(ex, want, canon)
    if not mapping_candidates(answer):
        return t.result(
            ex,
            "wrong",
            t.gettext(
                "the question wants a number for each of the {unit}, as a table (a Series "
                "such as .value_counts() or .groupby(...)[...].nunique() gives).",
                unit=t.unit(ex),
            ),
        )
    got, said = _read_mapping(answer, canon, want)
    if got == want:
        return t.correct(ex)
    stop = _near_or_unknown(ex, r, got, want, canon, t, said)
    if stop is not None:
        return stop
    parts = []
    extra = sorted(set(got) - set(want), key=str)
    if extra:
        parts.append(t.gettext("{shown} should not be there", shown=_shown(extra, 5, said).removesuffix(" ...")))
    off = sorted((k for k in set(got) & set(want) if got[k] != want[k]), key=str)
    if off:
        high, low = t.gettext("too high"), t.gettext("too low")
        parts.append(
            t.gettext(
                "the number is wrong for {items}",
                items=", ".join(f"{_shown([k], 1, said)} ({high if _gt(got[k], want[k]) else low})" for k in off[:5]),
            )
        )
    if set(want) - set(got):
        parts.append(t.gettext("some {unit} are missing", unit=t.unit(ex)))
    return t.result(ex, "wrong", semicolon(t.lang).join(parts) + ".", tip=True)


def _gt(a: Any, b: Any) -> bool:
    try:
        return a > b
    except TypeError:
        return False


def _check_figure(ex, answer, want, r, canon, t: _Say) -> Result:
    if not _is_figure(answer):
        return t.result(
            ex,
            "wrong",
            t.gettext("the question wants a chart: make one with px.bar(...) and put the figure after answer =."),
        )
    if not answer.data:
        return t.result(ex, "wrong", t.gettext("this chart is empty: give px.bar your table (and x= and y=)."))
    kinds = sorted({str(getattr(trace, "type", "") or "") for trace in answer.data} - {"bar"})
    if kinds:
        return t.result(
            ex,
            "wrong",
            t.gettext(
                "this is a chart of another kind ({kind}); the question wants a bar chart: px.bar(...).",
                kind=", ".join(kinds),
            ),
        )
    return _check_mapping(ex, answer, want, r, canon, t)
