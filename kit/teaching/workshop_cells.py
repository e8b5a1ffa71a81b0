"""The spec language of the workshop notebooks: one call per cell, read by :mod:`kit.teaching.workshop_source`.

One job: name the kinds of cell a notebook spec (:mod:`kit.teaching.workshop_notebooks`) is written with: a header,
Markdown (a catalogue msgid), code (``SETUP`` for the language's setup cell), a figure (its output not compared by
nbval) and an exercise with its solution code.

Examples
--------
>>> md("Some *prose*."), code("\\nlen(r.meetings)\\n"), exercise("1.1", "answer = len(r.meetings)")
(('md', 'Some *prose*.'), ('code', 'len(r.meetings)'), ('exercise', '1.1', 'answer = len(r.meetings)'))
"""

from __future__ import annotations

__all__ = ["SETUP", "IGNORE_OUTPUT", "md", "code", "figure", "exercise", "header"]

SETUP = "setup"  # a placeholder in the specs: the language's setup() cell

#: nbval compares every output except these cells' (a plotly figure's ids change at every run).
IGNORE_OUTPUT = "nbval-ignore-output"


def md(text: str) -> tuple:
    """A Markdown cell; ``text`` is the catalogue's msgid (marked with ``N_``), translated when built."""
    return ("md", text)


def code(src: str) -> tuple:
    """A code cell (``SETUP``: the language's setup cell)."""
    return ("code", src.strip("\n"))


def figure(src: str) -> tuple:
    """A cell that shows a plotly figure (its output is not compared by nbval)."""
    return ("figure", src.strip("\n"))


def exercise(number: str, solution: str) -> tuple:
    """An exercise: its question (from :mod:`kit.teaching.exercises`) and a code cell, ``answer = ...`` or the
    solution."""
    return ("exercise", number, solution.strip("\n"))


def header(
    name: str, title: str, questions: list[str], objectives: list[str], keypoints: list[str], intro: str = ""
) -> tuple:
    """The notebook's first cell: title, time, exercises, questions, objectives, key points (translated when built)."""
    return ("header", name, title, questions, objectives, keypoints, intro)
