"""Common mistakes, and never confirming another exercise's answer.

One job: find whether a wrong answer is one of the exercise's listed mistakes (:func:`mistake`: its hint says
what the participant's value is), unless that value is another exercise's answer, which the hint would confirm
(then no hint is given). Every exercise's answer and every mistake's value are computed once per report.

Examples
--------
>>> from kit import load_report
>>> from kit.teaching.exercises import EXERCISES
>>> r = load_report()
>>> answers_of(r)["1.1"] == EXERCISES["1.1"].expected(r)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ..canons import Canon, scalar
from ..exercise_model import Exercise, Mistake
from .answers import best_set, number_of, read_mapping
from .say import Result, Say, not_recognised, unknown_items

if TYPE_CHECKING:  # pragma: no cover
    from ...report import Report

__all__ = ["normal", "answers_of", "mistake", "near_or_unknown"]


def normal(ex: Exercise, value: Any, canon: Canon | None) -> Any:
    """An expected value or a mistake's value in the form answers are compared in."""
    c = canon or scalar
    if ex.kind in ("mapping", "figure"):
        return {c(k): scalar(v) for k, v in dict(value).items()}
    if isinstance(value, (set, frozenset, list, tuple, pd.Series, pd.Index)):
        return {c(v) for v in value}
    if ex.kind in ("set", "choice"):
        return {c(value)}
    return scalar(value)


_ANSWERS_CACHE: dict[int, tuple[Report, dict[str, Any]]] = {}


def answers_of(r: Report) -> dict[str, Any]:
    """Every exercise's expected answer on ``r`` (computed once per report)."""
    from ..exercises import EXERCISES

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


def _other_answers(ex: Exercise, r: Report, want: Any) -> tuple[set, list]:
    """The answers of the other exercises that differ from this one's: their numbers, and their sets and tables.

    A mistake's hint says what the participant's value is ("12 is the number of asks"); when that value is another
    exercise's answer, the hint would confirm that answer, so it is not given (the tip is, with the generic line).
    """
    from ..exercises import EXERCISES

    numbers: set = set()
    values: list = []
    for x, a in answers_of(r).items():
        if x == ex.id:
            continue
        if EXERCISES[x].kind == "number":
            n = scalar(a)
            if not (ex.kind == "number" and n == want):
                numbers.add(n)
        elif isinstance(a, (set, frozenset, dict)) and a != want:
            values.append(a)
    return numbers, values


def mistake(ex: Exercise, r: Report, got: Any, want: Any, canon: Canon | None, got_text: str, t: Say) -> Result | None:
    numbers, values = _other_answers(ex, r, want)
    if (ex.kind == "number" and got in numbers) or any(got == v for v in values):
        return None
    if ex.kind != "number" and hasattr(got, "__len__") and (len(got) in numbers or len(got) == len(want)):
        got_text = t.gettext("these {unit}", unit=t.unit(ex))  # its count is another exercise's answer
    for m, miss in _mistake_values(ex, r, want, canon):
        if ex.kind == "choice":
            hit = bool(got) and got <= normal(ex, miss, None) and not got <= want
        else:
            hit = miss == got
        if hit and miss != want:
            return t.result(ex, "wrong", t.gettext(m.hint, got=got_text))
    return None


_MISTAKES_CACHE: dict[tuple[int, str], tuple[Report, list]] = {}


def _mistake_values(ex: Exercise, r: Report, want: Any, canon: Canon | None) -> list[tuple[Mistake, Any]]:
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
                miss = number_of(miss)
            elif ex.kind in ("mapping", "figure"):
                miss = read_mapping(miss, canon)[0]
            else:
                miss = best_set(miss, want, canon)[1]
            values.append((m, miss))
        cached = _MISTAKES_CACHE[key] = (r, values)
    return cached[1]


def near_or_unknown(
    ex: Exercise, r: Report, got: Any, want: Any, canon: Canon | None, t: Say, said: dict | None = None
) -> Result | None:
    """A listed mistake's hint, or "not recognised" when no item of the answer is known; else ``None``."""
    near = mistake(ex, r, got, want, canon, t.ngettext("{count} value", "{count} values", len(got)), t)
    if near is not None:
        return near
    unknown = unknown_items(got, canon)
    if unknown and len(unknown) == len(got):
        return not_recognised(ex, unknown, canon, t, said)
    return None
