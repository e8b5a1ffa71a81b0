"""Paragraph citations, in one format: ``"S/2021/1086, paras. 26-28, 31"``, or ``"(paras. 26-28, 31)"`` after
a quotation whose report is already named.

Pandas-free, so the parser, the apps and the briefing notes share one definition. ``lang`` gives the
abbreviations and the range of the language's citation style (French: ``"par. 26 à 28"``; catalogues of
:mod:`kit.i18n`).

Examples
--------
>>> cite("S/2021/1086", [27, 26, 28, 31])
'S/2021/1086, paras. 26-28, 31'
>>> cite("wgpko-2021", 26)
'wgpko-2021, para. 26'
>>> cite_paras([27, 26])
'(paras. 26-27)'
>>> cite("S/2021/1086", [27, 26, 28, 31], lang="fr"), cite_paras(27, lang="fr")
('S/2021/1086, par. 26 à 28, 31', '(par. 27)')

Two consecutive paragraphs are a pair, not a run, in languages that say so (French: « 56 et 57 »):

>>> cite("X", [56, 57]), cite("X", [56, 57], lang="fr"), cite("X", [56, 57, 58], lang="fr")
('X, paras. 56-57', 'X, par. 56 et 57', 'X, par. 56 à 58')

A citation across several documents names each, in the order given:

>>> cite_documents([("A/C.4/78/SR.9", [12]), ("S/2021/1086", [27, 26])])
'A/C.4/78/SR.9, para. 12; S/2021/1086, paras. 26-27'
"""

from __future__ import annotations

import numbers
from typing import Any, Iterable, Mapping

from .i18n import semicolon, translator

__all__ = ["cite", "cite_paras", "cite_documents", "cite_rows", "paragraphs"]


def _numbers(paras: int | Iterable[int]) -> list[int]:
    numbers_ = sorted({int(paras)} if isinstance(paras, numbers.Integral) else {int(p) for p in paras})
    if not numbers_:
        raise ValueError("nothing to cite: no paragraph numbers given")
    return numbers_


def paragraphs(paras: int | Iterable[int], lang: Any = "en") -> str:
    """``"para. 26"`` or ``"paras. 26-28, 31"`` (sorted, duplicates dropped, consecutive runs joined)."""
    tr = translator(lang)
    numbers_ = _numbers(paras)
    runs: list[list[int]] = []
    for p in numbers_:
        if runs and p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    # TRANSLATORS: a run of consecutive paragraph numbers in a citation ("paras. 26-28").
    run = tr.gettext("{first}-{last}")
    # TRANSLATORS: two consecutive paragraph numbers in a citation ("paras. 56-57"; French: « par. 56 et 57 »).
    pair = tr.gettext("{first}-{second}")
    text = ", ".join(
        f"{r[0]}"
        if len(r) == 1
        else pair.format(first=r[0], second=r[1])
        if len(r) == 2
        else run.format(first=r[0], last=r[-1])
        for r in runs
    )
    # TRANSLATORS: the abbreviation before the paragraph numbers of a citation.
    return tr.ngettext("para. {numbers}", "paras. {numbers}", len(numbers_)).format(numbers=text)


def cite(label: str, paras: int | Iterable[int], lang: Any = "en") -> str:
    """Cite one paragraph or several of the report ``label`` (its symbol, else its id)."""
    return f"{label}, {paragraphs(paras, lang)}"


def cite_documents(parts: Iterable[tuple[str, int | Iterable[int]]], lang: Any = "en") -> str:
    """Cite paragraphs of several documents: one ``cite`` per (label, paragraphs), joined by semicolons (a
    label given twice is cited once, with all its paragraphs).

    >>> cite_documents([("B", 3), ("A", [1, 2]), ("B", 4)], lang="fr").replace("\\xa0", " ")
    'B, par. 3 et 4 ; A, par. 1 et 2'
    """
    merged: dict[str, set[int]] = {}
    for label, paras in parts:
        merged.setdefault(label, set()).update(_numbers(paras))
    if not merged:
        raise ValueError("nothing to cite: no documents given")
    return semicolon(lang).join(cite(label, paras, lang) for label, paras in merged.items())


def cite_rows(labels: Mapping[str, str], rows: Iterable[tuple[str, int]], lang: Any = "en") -> str:
    """Cite (report_id, paragraph) pairs of a corpus: each document by its label (``labels``: report_id ->
    symbol or id), in the order of ``labels`` (the corpus's order), then any id it does not know.

    >>> cite_rows({"a": "S/2021/1", "b": "b"}, [("b", 4), ("a", 2), ("a", 3)])
    'S/2021/1, paras. 2-3; b, para. 4'
    """
    by_id: dict[str, set[int]] = {}
    for report_id, para in rows:
        by_id.setdefault(str(report_id), set()).add(int(para))
    order = [rid for rid in labels if rid in by_id] + [rid for rid in by_id if rid not in labels]
    return cite_documents([(labels.get(rid) or rid, by_id[rid]) for rid in order], lang)


def cite_paras(paras: int | Iterable[int], lang: Any = "en") -> str:
    """The short citation after a quotation: ``"(para. 27)"``, ``"(paras. 26-28, 31)"``."""
    return f"({paragraphs(paras, lang)})"
