"""What a check says: its :class:`Result`, in the checker's language (:class:`Say`), naming the values it quotes.

One job: the words of the checker. Every message goes through the catalogue (:mod:`kit.i18n`); a value is quoted
as the participant wrote it (:func:`shown`), and a value no table of the report knows is named as such
(:func:`not_recognised`).

Examples
--------
>>> Result("1.1", "correct", "correct!")
✔ 1.1: correct!
>>> Say("fr").gettext("correct!")
'correct\u00a0!'
>>> shown(["a", "b", "c"], 2, {"a": "A"})
"'A', 'b' ..."
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ...i18n import colon, normalize, translator
from ..canons import Canon
from ..exercise_model import Exercise

__all__ = ["Result", "UnknownExercise", "Say", "shown", "unknown_items", "not_recognised"]

_MARK = {"correct": "✔", "wrong": "✘", "unanswered": "…"}


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


class UnknownExercise(KeyError):
    """No exercise has this number or name; the message (in the checker's language) names the ones there are."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class Say:
    """The messages of one check in one language: ``t.gettext("... {n} ...", n=3)``; an exercise's unit and tip
    (``t.unit(ex)``, ``t.tip(ex)``); its :class:`Result` (``t.result``, ``t.correct``)."""

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

    def result(self, ex: Exercise, status: str, message: str, tip: bool = False) -> Result:
        if tip and ex.tip:
            message = f"{message} {self.tip(ex)}"
        return Result(ex.id, status, message.strip(), self.lang)

    def correct(self, ex: Exercise, extra: str = "") -> Result:
        return Result(ex.id, "correct", self.gettext("correct!") + extra, self.lang)


def unknown_items(items: Iterable[Any], canon: Canon | None) -> list[Any]:
    if canon is None:
        return []
    return sorted({i for i in items if not canon.known_item(i)}, key=str)


def shown(values: list[Any], most: int, said: dict | None = None) -> str:
    """Values as the participant wrote them (case and accents kept), at most ``most``."""
    said = said or {}
    return ", ".join(repr(said.get(v, v)) for v in values[:most]) + (" ..." if len(values) > most else "")


def not_recognised(ex: Exercise, unknown: list[Any], canon: Canon, t: Say, said: dict | None = None) -> Result:
    return t.result(
        ex,
        "wrong",
        t.gettext(
            "I do not recognise {shown} as {noun} in this report. Check the spelling, "
            "or use the ids or names from the tables.",
            shown=shown(unknown, 4, said),
            noun=t.gettext(canon.noun),
        ),
        tip=True,
    )
