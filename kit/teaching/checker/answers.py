"""Reading an answer: the ways a participant's value can be read as items, a number or (item, number) pairs.

One job: turn whatever a participant typed (a number, a string, a list, a set, a ``Series``, an ``Index``, a
``DataFrame``, a ``numpy`` array, a dict, a plotly figure) into what the judges compare (:mod:`.judges`); each
reading keeps what the participant wrote for each item (:func:`said_of`), to quote it back.

Examples
--------
>>> import pandas as pd
>>> candidates(pd.Series(["a", "b"], index=["MEX", "GHA"]))
[['a', 'b'], ['MEX', 'GHA']]
>>> number_of([12]), is_collection({"a": 1}), is_collection("abc")
(12, True, False)
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..canons import Canon, scalar

__all__ = [
    "is_figure",
    "is_collection",
    "candidates",
    "figure_pairs",
    "mapping_candidates",
    "type_name",
    "holds_collections",
    "number_of",
    "said_of",
    "best_set",
    "choice_items",
    "read_mapping",
]


def is_figure(x: Any) -> bool:
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
    if is_figure(answer):
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


def type_name(answer: Any) -> str:
    """The kind of value ``answer`` is, as Python names it (``ndarray``, ``generator``, ``module`` ...)."""
    return type(answer).__name__


def holds_collections(answer: Any) -> bool:
    """A table whose cells are lists or arrays (what ``.groupby(...)[...].unique()`` gives)."""
    if isinstance(answer, pd.Series):
        values = list(answer.values[:50])
    elif isinstance(answer, pd.DataFrame):
        values = [v for c in answer.columns for v in list(answer[c].values[:50])]
    else:
        return False
    return any(hasattr(v, "__len__") and not isinstance(v, (str, bytes)) for v in values)


def number_of(answer: Any) -> Any:
    if is_figure(answer):
        return answer
    if isinstance(answer, pd.DataFrame) and answer.size == 1:
        return scalar(answer.iloc[0, 0])
    if is_collection(answer) and not isinstance(answer, dict):
        items = candidates(answer)[0]
        return scalar(items[0]) if len(items) == 1 else answer
    return scalar(answer)


def said_of(items: list[Any], raw: list[Any]) -> dict:
    """Each key of an answer -> the participant's own text for it (the first one they wrote)."""
    said: dict = {}
    for k, x in zip(items, raw):
        try:
            said.setdefault(k, scalar(x))
        except TypeError:  # an unhashable item
            continue
    return said


def best_set(answer: Any, want: set, canon: Canon | None) -> tuple[list[Any], set, dict]:
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
    return best, set(best), said_of(best, raw)


def _readings(table: pd.Series | pd.DataFrame) -> list[list[Any]]:
    """The columns of labels a table may hold: its index (unless a plain row number) and each of its columns."""
    out = [] if isinstance(table.index, pd.RangeIndex) else [list(table.index)]
    if isinstance(table, pd.DataFrame):
        out += [list(table[c]) for c in table.columns]
    else:
        out.append(list(table.values))
    return out


def choice_items(answer: Any, canon: Canon | None, want: set) -> tuple[list[Any], dict] | None:
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
                    return items, said_of(items, raw)
            return None
        raws = [answer.index[0]] + (list(answer.iloc[0]) if isinstance(answer, pd.DataFrame) else [answer.iloc[0]])
        readings = [([c(x)], [x]) for x in raws]
        known = [rd for rd in readings if canon is not None and canon.known_item(rd[0][0])]
        items, raw = (known or readings)[0]
        return items, said_of(items, raw)
    if is_collection(answer):
        raw = candidates(answer)[0]
        items = [c(x) for x in raw]
        return items, said_of(items, raw)
    return [c(answer)], said_of([c(answer)], [answer])


def read_mapping(answer: Any, canon: Canon | None, want: dict | None = None) -> tuple[dict, dict]:
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
            said = said_of([c(k) for k, _ in pairs], [k for k, _ in pairs])
    return best, said
