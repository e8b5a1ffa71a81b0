"""The four workshop notebooks, one module each: their prose, steps and solution code, in the order taught.

:data:`NOTEBOOKS` maps each notebook's name to its cells (the spec language of :mod:`kit.teaching.workshop_cells`);
:mod:`kit.teaching.workshop_source` builds the notebooks from it.

Examples
--------
>>> list(NOTEBOOKS)
['01_who_spoke', '02_on_what', '03_where', '04_asks']
>>> NOTEBOOKS["01_who_spoke"][0][0]
'header'
"""

from __future__ import annotations

from . import asks, on_what, where, who_spoke

__all__ = ["NOTEBOOKS"]

#: Each notebook's name (its file, ``01_who_spoke.ipynb``) -> its cells.
NOTEBOOKS: dict[str, list] = {
    "01_who_spoke": who_spoke.CELLS,
    "02_on_what": on_what.CELLS,
    "03_where": where.CELLS,
    "04_asks": asks.CELLS,
}
