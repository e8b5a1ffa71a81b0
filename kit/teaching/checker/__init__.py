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

One module per job: :mod:`~kit.teaching.checker.answers` (reading an answer), :mod:`~kit.teaching.checker.judges`
(one judge per kind of exercise), :mod:`~kit.teaching.checker.mistakes` (the listed mistakes, and never confirming
another exercise's answer) and :mod:`~kit.teaching.checker.say` (the result and its words); this module runs a
check.

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
import os
import warnings
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pandas as pd

from ...i18n import N_
from ..canons import Canon, add_names, canon_for, loose_key, scalar  # noqa: F401 - the checker's names, re-exported
from ..exercise_model import Exercise, Mistake  # also the checker's names
from .answers import holds_collections, is_figure, type_name
from .judges import JUDGES
from .mistakes import answers_of
from .say import Result, Say, UnknownExercise

if TYPE_CHECKING:  # pragma: no cover
    from ...report import Report

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

NONE_HINT = N_(
    "your answer is None. print(...) shows a value but gives back None, and so do methods called with "
    "inplace=True. Put the expression itself after answer = (without print, without inplace=True)."
)


def check(exercise: str, answer: Any, report: Report | None = None, lang: str | None = None) -> Result:
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
    t = Say(lang)
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
                        kind=type_name(answer),
                    ),
                    tip=True,
                )
    record_progress(res)
    return res


def _unreadable(ex: Exercise, answer: Any, t: Say) -> Result | None:
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
    if callable(answer) and not is_figure(answer) and not isinstance(answer, (pd.Series, pd.DataFrame)):
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
    if holds_collections(answer):
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


def expected(exercise: str, report: Report | None = None) -> Any:
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
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
        }
    )
    try:
        with open(path, "a", encoding="utf-8") as f:
            f.write(line + "\n")
    except OSError as exc:
        warnings.warn(f"could not record progress in {path}: {exc}", stacklevel=3)


def _exercise(exercise: str, t: Say | None = None) -> Exercise:
    from ..exercises import BY_SLUG, EXERCISES

    ex = EXERCISES.get(str(exercise).strip()) or BY_SLUG.get(str(exercise).strip())
    if ex is None:
        t = t or Say(None)
        raise UnknownExercise(
            t.gettext(
                "there is no exercise {exercise}; the exercises are {known}.",
                exercise=str(exercise),
                known=", ".join(EXERCISES),
            )
        )
    return ex


def _report(report: Report | None) -> Report:
    if report is not None:
        return report
    from ...report import load_report

    return load_report()


def _judge(ex: Exercise, answer: Any, r: Report, t: Say) -> Result:
    """The verdict of the judge of ``ex``'s kind on ``answer`` (:data:`~kit.teaching.checker.judges.JUDGES`)."""
    canon = canon_for(ex.canon, r)
    want = answers_of(r)[ex.id] if ex.id in answers_of(r) else ex.expected(r)
    return JUDGES[ex.kind](ex, answer, want, r, canon, t)
