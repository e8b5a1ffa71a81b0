"""What an exercise of the workshop is: :class:`Exercise` and its common :class:`Mistake`.

The model on its own, so the exercises (:mod:`kit.teaching.exercises`) and the checker
(:mod:`kit.teaching.checker`) both import it and neither imports the other to define it.

>>> e = Exercise("1.1", "speakers.count", "How many?", "number", lambda r: 3)
>>> e.unit, e.core, e.mistakes
('items', False, [])
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..i18n import N_

if TYPE_CHECKING:
    from ..report import Report

__all__ = ["Exercise", "Mistake"]


@dataclass
class Mistake:
    """A common mistake: ``answer(report)`` is what a participant making it gets, ``hint`` what to tell them.

    ``{got}`` in the hint is replaced by a short description of the participant's answer.
    """

    answer: Callable[[Report], Any]
    hint: str


@dataclass
class Exercise:
    """One exercise of the workshop.

    Parameters
    ----------
    id
        The number shown in the notebook, e.g. ``"1.3"`` (what the progress file records).
    slug
        A readable name, e.g. ``"speakers.delegations"`` (also accepted by :func:`check`).
    kind
        ``number``, ``set`` (any order), ``choice`` (one item; tied items all accepted, alone or together),
        ``mapping`` (a number per item, e.g. a ``value_counts()``) or ``figure`` (a plotly bar chart of a mapping).
    expected
        Function of the report giving the answer (a number, a set, or a dict for mapping/figure).
    canon
        Name of the :class:`Canon` that reads the items (``speaker``, ``theme``, ``mission``, ``country``,
        ``resolution``, ``para``), or ``None`` for plain values.
    core
        ``True`` for the ~8 exercises of the 90-minute session; the others are stretch exercises.
    """

    id: str
    slug: str
    question: str
    kind: str
    expected: Callable[[Report], Any]
    unit: str = N_("items")
    mistakes: list[Mistake] = field(default_factory=list)
    canon: str | None = None
    core: bool = False
    tip: str = ""
