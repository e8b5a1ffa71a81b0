"""The one source of the workshop notebooks: participant versions and, on demand, the trainer's solutions.

* :func:`build_participants` writes ``NN_*.ipynb`` whose exercise cells hold
  ``answer = ...`` (committed in ``notebooks/workshop/`` and shipped in the wheel);
* :func:`build_solutions` writes the same notebooks with the answers filled in.
  They are never committed nor served: the trainer makes them on purpose with
  ``kit solutions --out DIR``.

The questions, kinds and checks are in :mod:`kit.teaching.exercises`; the prose, the steps and the solution
code of each notebook in :mod:`kit.teaching.workshop_notebooks` (written with the cells of
:mod:`kit.teaching.workshop_cells`); this module builds the notebooks from them. The prose is English,
marked for the catalogue (``N_``); ``lang="fr"`` builds the French set
(``notebooks/workshop/fr/``) from the same cells, with the French catalogue of
:mod:`kit.i18n` (quotes from the report stay in the report's language). Timings in each
notebook's header are those of :data:`AGENDA`, which the trainer guide's agenda
repeats (a test keeps them equal).

Examples
--------
>>> import tempfile, pathlib
>>> out = build_solutions(pathlib.Path(tempfile.mkdtemp()))
>>> [p.name for p in out]
['01_who_spoke.ipynb', '02_on_what.ipynb', '03_where.ipynb', '04_asks.ipynb']
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from ..i18n import LANGUAGES, N_, normalize, translator
from .exercises import EXERCISES
from .workshop_cells import IGNORE_OUTPUT, SETUP
from .workshop_notebooks import NOTEBOOKS

__all__ = [
    "AGENDA",
    "MINUTES",
    "NOTEBOOKS",
    "block_minutes",
    "LANG_FOLDERS",
    "PARTICIPANTS_ENV",
    "build_participants",
    "build_solutions",
    "notebook",
    "setup",
]

#: Set (to anything but "0") in participants' environments, where :func:`build_solutions` refuses to run.
PARTICIPANTS_ENV = "KIT_PARTICIPANTS"

#: Where each language's participant notebooks live, under ``notebooks/workshop`` (the languages the kit ships
#: notebooks for; this lists files, it is no grammar).
LANG_FOLDERS = {"en": ".", "fr": "fr"}

#: Start and end of each notebook's block in the 90-minute agenda (the trainer guide shows the same).
AGENDA: dict[str, tuple[str, str]] = {
    "01_who_spoke": ("0:08", "0:33"),
    "02_on_what": ("0:33", "0:53"),
    "03_where": ("0:58", "1:13"),
    "04_asks": ("1:13", "1:25"),
}

#: How each block's minutes are spent: walk-through on the projector, exercises in pairs, discussion. They add up
#: to the block's length (a test checks it); the trainer guide's agenda shows the same split.
MINUTES: dict[str, tuple[int, int, int]] = {
    "01_who_spoke": (5, 15, 5),
    "02_on_what": (4, 12, 4),
    "03_where": (3, 9, 3),
    "04_asks": (3, 6, 3),
}


def block_minutes(name: str) -> int:
    """The length of a notebook's block on the agenda, in minutes.

    >>> block_minutes("01_who_spoke")
    25
    """
    start, end = AGENDA[name]
    h0, m0 = map(int, start.split(":"))
    h1, m1 = map(int, end.split(":"))
    return (h1 * 60 + m1) - (h0 * 60 + m0)


def setup(lang: str = "en") -> str:
    """The first code cell: load the report (and, in a French notebook, make the checker speak French)."""
    lines = ["from kit import load_report", "from kit.teaching.checker import check"]
    if lang != LANGUAGES[0]:  # a language other than the messages' own: the checker speaks it
        lines += ["from kit.i18n import set_language", "", f"set_language({lang!r})"]
    return "\n".join(lines + ["", "r = load_report()", "r"])


#: The words of the charts' titles and labels in code cells, written ``"⟪Paragraphs⟫"`` in the cells: each language's
#: notebooks get them from its catalogue, so a French chart has French titles (the code is otherwise the same).
CHART_WORDS = (
    N_("Paragraphs"),
    N_("Kind of speaker"),
    N_("Paragraphs per kind of speaker"),
    N_("Delegation"),
    N_("Paragraphs per delegation"),
    N_("Meeting"),
    N_("Theme"),
    N_("Themes by meeting"),
    N_("Mission"),
    N_("Missions named, by meeting"),
)

_WORD = re.compile("⟪([^⟫]+)⟫")


def _words(src: str, _) -> str:
    """``src`` with each ``⟪text⟫`` replaced by ``text`` in the notebook's language (one of :data:`CHART_WORDS`)."""
    return _WORD.sub(lambda m: _(m.group(1)).replace('"', "'"), src)


def _header(item: tuple, _) -> str:
    _kind, name, title, questions, objectives, keypoints, intro = item
    start, end = AGENDA[name]
    minutes = block_minutes(name)
    walk, pairs, discuss = MINUTES[name]
    core = [e.id for e in EXERCISES.values() if e.core and e.id.startswith(name[1] + ".")]
    stretch = [e.id for e in EXERCISES.values() if not e.core and e.id.startswith(name[1] + ".")]
    lines = [
        f"# {_(title)}",
        "",
        _(
            "**Time:** {minutes} minutes ({start}–{end} on the workshop agenda). **Core exercises:** {core}. "
            "**Stretch** (if you finish early): {stretch}."
        ).format(minutes=minutes, start=start, end=end, core=", ".join(core), stretch=", ".join(stretch)),
        "",
        _(
            "{walk} minutes of walk-through, {pairs} minutes of exercises in pairs, {discuss} minutes of discussion."
        ).format(walk=walk, pairs=pairs, discuss=discuss),
        "",
        _("**Questions**"),
        *[f"* {_(q)}" for q in questions],
        "",
        _("**Objectives** -- by the end you can:"),
        *[f"* {_(o)}" for o in objectives],
        "",
        _("**Key points**"),
        *[f"* {_(k)}" for k in keypoints],
    ]
    if intro:
        lines += ["", _(intro).strip("\n")]
    return "\n".join(lines)


def _cells(name: str, spec: list, solution: bool, lang: str) -> list:
    _ = translator(lang).gettext
    cells = []
    for item in spec:
        kind = item[0]
        if kind == "header":
            cells.append(new_markdown_cell(_header(item, _)))
        elif kind == "md":
            cells.append(new_markdown_cell(_(item[1]).strip("\n")))
        elif kind == "code":
            cells.append(new_code_cell(setup(lang) if item[1] == SETUP else _words(item[1], _)))
        elif kind == "figure":
            cells.append(new_code_cell(_words(item[1], _), metadata={"tags": [IGNORE_OUTPUT]}))
        else:
            _kind, number, sol = item
            ex = EXERCISES[number]
            label = _("core") if ex.core else _("stretch")
            tip = "\n\n" + _("*Tip:* {tip}").format(tip=_(ex.tip)) if ex.tip else ""
            cells.append(
                new_markdown_cell(
                    _("**Exercise {number}** ({label}). {question}").format(
                        number=number, label=label, question=_(ex.question)
                    )
                    + tip
                )
            )
            body = _words(sol, _) if solution else "answer = ..."
            cells.append(new_code_cell(f'{body}\ncheck("{number}", answer, r)'))
    return cells


#: The first cell of a notebook with the solutions.
SOLUTIONS_NOTE = N_(
    "> **Trainer's version (solutions)** of `{name}.ipynb`. Do not share it with participants: made with "
    "`kit solutions --out DIR`, it is not part of the repository."
)


def notebook(name: str, solution: bool = False, lang: str = "en") -> nbformat.NotebookNode:
    """The notebook ``name`` (e.g. ``"01_who_spoke"``), participant version or with the solutions, in ``lang``."""
    lang = normalize(lang)
    nb = new_notebook(cells=_cells(name, NOTEBOOKS[name], solution, lang))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    if lang != LANGUAGES[0]:
        nb.metadata["kit"] = {"lang": lang}
    if solution:
        nb.cells.insert(0, new_markdown_cell(translator(lang).gettext(SOLUTIONS_NOTE).format(name=name)))
    for i, cell in enumerate(nb.cells):  # stable cell ids between builds
        cell["id"] = f"{name[:2]}-{i:02d}"
    return nb


def _write(folder: Path, solution: bool, lang: str) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in NOTEBOOKS:
        path = folder / f"{name}.ipynb"
        nbformat.write(notebook(name, solution, lang), path)
        written.append(path)
    return written


def build_participants(folder: Path, lang: str = "en") -> list[Path]:
    """Write the participant notebooks (unexecuted) in ``lang`` into ``folder``; returns their paths."""
    return _write(folder, solution=False, lang=lang)


def build_solutions(folder: Path, lang: str = "en") -> list[Path]:
    """Write the trainer's notebooks with every answer filled in (unexecuted), in ``lang``, into ``folder``.

    Refused (:class:`~kit.errors.SourceError`) where ``$KIT_PARTICIPANTS`` is set: Binder (``binder/start``)
    and the participants' servers of ``kit workshop`` set it, so a participant's notebook cell cannot write
    the solutions with ``!kit solutions``.
    """
    if os.environ.get(PARTICIPANTS_ENV, "").strip() not in ("", "0"):
        from ..errors import SourceError

        raise SourceError(
            translator(lang).gettext(
                "the solutions are for the trainer, and this is a participants' environment (Binder or kit "
                "workshop): make them on your own computer with kit solutions --out FOLDER"
            )
        )
    return _write(folder, solution=True, lang=lang)
