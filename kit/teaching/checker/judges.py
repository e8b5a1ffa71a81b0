"""The judges: one per kind of exercise (a number, a set, a choice, a mapping, a chart), each saying why an answer
is wrong.

One job: compare a participant's answer, read by :mod:`.answers`, with the expected one, and word the verdict:
correct, a listed mistake's hint (:mod:`.mistakes`), or what is right, wrong and missing (never the expected
answer itself, nor a count of it). :data:`JUDGES` maps each kind of :class:`~kit.teaching.exercise_model.Exercise`
to its judge.

Examples
--------
>>> from kit import load_report
>>> from kit.teaching.exercises import EXERCISES
>>> r, ex = load_report(), EXERCISES["1.1"]
>>> JUDGES[ex.kind](ex, 99, ex.expected(r), r, None, Say("en")).status
'wrong'
>>> JUDGES[ex.kind](ex, ex.expected(r), ex.expected(r), r, None, Say("en"))
✔ 1.1: correct!
"""

from __future__ import annotations

import numbers
from typing import Any

from ...i18n import semicolon
from ..canons import scalar
from .answers import (
    best_set,
    choice_items,
    is_collection,
    is_figure,
    mapping_candidates,
    number_of,
    read_mapping,
    type_name,
)
from .mistakes import mistake, near_or_unknown, normal
from .say import Result, Say, not_recognised, shown, unknown_items

__all__ = ["JUDGES", "check_number", "check_set", "check_choice", "check_mapping", "check_figure"]


def check_number(ex, answer, want, r, canon, t: Say) -> Result:
    got = number_of(answer)
    if is_collection(got) or is_figure(got):
        return t.result(
            ex,
            "wrong",
            t.gettext(
                "this is a collection of values (a list or a table); the question "
                "wants one number. Try len(...), .nunique() or .sum()."
            ),
        )
    if not isinstance(got, numbers.Real) or isinstance(got, bool):
        shown = repr(got) if isinstance(got, (str, bool)) else t.gettext("a {kind}", kind=type_name(got))
        return t.result(
            ex,
            "wrong",
            t.gettext("{got} is not a number; the question wants how many {unit}.", got=shown, unit=t.unit(ex)),
        )
    want = scalar(want)
    if got == want:
        return t.correct(ex)
    near = mistake(ex, r, got, want, canon, f"{got}", t)
    if near is not None:
        return near
    message = t.gettext("{got} is too high.", got=got) if got > want else t.gettext("{got} is too low.", got=got)
    return t.result(ex, "wrong", message, tip=True)


def check_set(ex, answer, want, r, canon, t: Say) -> Result:
    want = normal(ex, want, canon)
    items, got, said = best_set(answer, want, canon)
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
    stop = near_or_unknown(ex, r, got, want, canon, t, said)
    if stop is not None:
        return stop
    unknown = unknown_items(got, canon)
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
                shown=shown(wrong, 5, said),
            )
        )
    if want - got:
        parts.append(t.gettext("some are missing"))
    msg = semicolon(t.lang).join(parts) + "."
    if unknown:
        msg += " " + t.gettext("(I do not recognise {shown}.)", shown=shown(unknown, 4, said))
    return t.result(ex, "wrong", msg, tip=True)


def check_choice(ex, answer, want, r, canon, t: Say) -> Result:
    want = normal(ex, want, canon)
    read = choice_items(answer, canon, want)
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
    unknown = unknown_items(got, canon)
    if unknown:
        return not_recognised(ex, unknown, canon, t, said)
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
    near = mistake(ex, r, got, want, canon, shown(items, len(items), said), t)
    if near is not None:
        return near
    return t.result(
        ex,
        "wrong",
        t.gettext(
            "{item} is not at the top. Did you sort in descending order (ascending=False)?",
            item=shown(items[:1], 1, said),
        ),
        tip=True,
    )


def check_mapping(ex, answer, want, r, canon, t: Say) -> Result:
    want = normal(ex, want, canon)
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
    got, said = read_mapping(answer, canon, want)
    if got == want:
        return t.correct(ex)
    stop = near_or_unknown(ex, r, got, want, canon, t, said)
    if stop is not None:
        return stop
    parts = []
    extra = sorted(set(got) - set(want), key=str)
    if extra:
        parts.append(t.gettext("{shown} should not be there", shown=shown(extra, 5, said).removesuffix(" ...")))
    off = sorted((k for k in set(got) & set(want) if got[k] != want[k]), key=str)
    if off:
        high, low = t.gettext("too high"), t.gettext("too low")
        parts.append(
            t.gettext(
                "the number is wrong for {items}",
                items=", ".join(f"{shown([k], 1, said)} ({high if _gt(got[k], want[k]) else low})" for k in off[:5]),
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


def check_figure(ex, answer, want, r, canon, t: Say) -> Result:
    if not is_figure(answer):
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
    return check_mapping(ex, answer, want, r, canon, t)


#: The judge of each kind of exercise.
JUDGES = {
    "number": check_number,
    "set": check_set,
    "choice": check_choice,
    "mapping": check_mapping,
    "figure": check_figure,
}
