"""Paragraph citations a briefer can paste: ``"S/2021/1086, paras. 26-28, 31"``.

Pandas-free, so the apps and the parser share one definition.

Examples
--------
>>> cite("S/2021/1086", [27, 26, 28, 31])
'S/2021/1086, paras. 26-28, 31'
>>> cite("wgpko-2021", 26)
'wgpko-2021, para. 26'
"""

from __future__ import annotations

import numbers
from typing import Iterable

__all__ = ["cite"]


def cite(label: str, paras: int | Iterable[int]) -> str:
    """Cite one paragraph or several (sorted, duplicates dropped, consecutive runs joined)."""
    numbers_ = sorted({int(paras)} if isinstance(paras, numbers.Integral) else {int(p) for p in paras})
    if not numbers_:
        raise ValueError("nothing to cite: no paragraph numbers given")
    runs: list[list[int]] = []
    for p in numbers_:
        if runs and p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    text = ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else f"{r[0]}" for r in runs)
    return f"{label}, para{'s' if len(numbers_) > 1 else ''}. {text}"
