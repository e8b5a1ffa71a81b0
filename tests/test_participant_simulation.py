"""The workshop rehearsed as a room uses it: each participant notebook, as shipped, run top to bottom in a fresh
kernel, with answers typed into its exercise cells.

For every notebook under ``notebooks/workshop/`` and ``notebooks/workshop/fr/`` one kernel runs the shipped cells
in order; after each exercise cell, cells are injected that answer it as participants do:

* the solution's answer lines **without** any line the notebook does not give (its ``import`` lines): a name the
  solution imports but the notebook never does (``px`` in 1.7 used to be) fails here;
* each catalogued mistake of the exercise (:mod:`kit.teaching.exercises`);
* plausible wrong values of every type (None, numbers, strings, lists, arrays, a Series of arrays, a table with
  the wrong index, a pie chart, a generator, a module, a function, a huge int, NaN ...);
* in French, names typed the French way (« Australie », « la République démocratique du Congo », « MINUSS »).

Each injected answer runs in a copy of the notebook's namespace, so it cannot define a name a later shipped cell
needs. The test then asserts: no exception anywhere (a cell that raises stops the run), the checker's catch-all
line never shown (it would hide a checker bug), every right answer accepted, every catalogued mistake named by
its own hint, and no message containing the expected answer or its count.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell

from kit import load_report
from kit.gazetteer import load_gazetteer
from kit.i18n import translator
from kit.teaching.checker import expected
from kit.teaching.exercises import EXERCISES
from kit.teaching.workshop_source import LANG_FOLDERS, NOTEBOOKS, _words

ROOT = Path(__file__).resolve().parent.parent
WORKSHOP = ROOT / "notebooks" / "workshop"
EXERCISE_CELL = re.compile(r'^answer = \.\.\.\ncheck\("([^"]+)", answer, r\)$')
IMPORT = re.compile(r"^\s*(?:import\s|from\s+\S+\s+import\s)")

#: Wrong values of every type a participant may put after ``answer =`` (their names only label failures).
WRONG_VALUES = {
    "None": "None",
    "a number": "9999",
    "a negative number": "-3",
    "a string": "'xyz'",
    "an empty string": "''",
    "a bool": "True",
    "a list": "[1, 2]",
    "an empty list": "[]",
    "a dict": "{'a': 1}",
    "an array": "_np.array([3, 1, 2])",
    "a Series of arrays": "_pd.Series([_np.array([1, 2]), _np.array([3])], index=['a', 'b'])",
    "a DataFrame with the wrong index": "_pd.DataFrame({'n': [1, 2]}, index=['x', 'y'])",
    "an empty DataFrame": "_pd.DataFrame()",
    "a figure of the wrong kind": "_px.pie(names=['a', 'b'], values=[1, 2])",
    "an empty figure": "_go.Figure()",
    "a generator": "(i for i in range(3))",
    "a module": "_np",
    "a function": "len",
    "a method": "r.statements['para'].nunique",
    "a huge int": "10 ** 40",
    "NaN": "float('nan')",
    "the whole report": "r",
    "a table of the report": "r.statements",
}

PRELUDE = """\
import json as _json
import numpy as _np
import pandas as _pd
import plotly.express as _px
import plotly.graph_objects as _go
from kit.teaching.exercises import EXERCISES as _EX


def _sim(ex, tries):
    for what, i, src in tries:
        ns = dict(globals())
        exec(compile(src, f"<{ex} {what} {i}>", "exec"), ns)
        res = ns["check"](ex, ns["answer"], ns["r"])
        print("SIM " + _json.dumps({"ex": ex, "what": what, "i": i, "status": res.status, "message": res.message,
                                    "shown": repr(res)}))
"""


def participant_lines(solution: str) -> str:
    """What a participant can type from the solution: its lines, without those the notebook does not give
    (imports)."""
    return "\n".join(line for line in solution.splitlines() if not IMPORT.match(line))


def _solutions(name: str) -> dict[str, str]:
    return {item[1]: item[2] for item in NOTEBOOKS[name] if item[0] == "exercise"}


def french_forms(ex_id: str, report) -> list[list[str]]:
    """The right answer of a speaker, country or mission exercise typed in French: names of the reference table's
    ``fr_name`` (with their article, and without), missions by their French acronym."""
    ex = EXERCISES[ex_id]
    want = expected(ex_id, report)
    if ex.kind != "set" or ex.canon not in ("speaker", "country", "mission"):
        return []
    g = load_gazetteer()
    if ex.canon == "mission":
        rows = {row["acronym"]: row for row in g.mission_rows}
        return [[rows[m].get("fr_acronym") or m for m in sorted(want)]]
    states = {row["iso3"]: row for row in g.state_rows}
    people = report.speakers.set_index("speaker_id")["name"].to_dict()

    def name(key, article):
        row = states.get(key)
        if row is None or not row.get("fr_name"):
            return people.get(key, key)
        art = (row.get("fr_article") or "").strip()
        if article and art:
            return f"{art} {row['fr_name']}" if not art.endswith(("'", "’")) else f"{art}{row['fr_name']}"
        return row["fr_name"]

    return [[name(k, False) for k in sorted(want)], [name(k, True) for k in sorted(want)]]


def distinct_mistakes(ex_id: str, report) -> list[int]:
    """The catalogued mistakes of ``ex_id`` whose answer differs from the right one on ``report``.

    A mistake is a mistake only where the data tells it apart: after a trainer moves a theme term (say
    "occupational safety" from ``covid19`` to ``safety_security``), "keeping only rows tied to a statement" may
    give the right paragraphs, and the checker rightly accepts it. Such a mistake is not injected, so the reference
    tables stay the trainer's to change.
    """
    ex = EXERCISES[ex_id]
    right = ex.expected(report)
    out = []
    for i, mistake in enumerate(ex.mistakes):
        try:
            same = bool(mistake.answer(report) == right)
        except (TypeError, ValueError):  # values of other shapes (a Series against a dict) differ
            same = False
        if not same:
            out.append(i)
    return out


def simulation(path: Path, name: str, lang: str, report) -> tuple[nbformat.NotebookNode, list[tuple]]:
    """The shipped notebook with the answering cells injected after each exercise cell, and what was injected."""
    nb = nbformat.read(path, as_version=4)
    _ = translator(lang).gettext
    solutions = _solutions(name)
    cells = [new_code_cell(PRELUDE)]
    injected: list[tuple] = []
    for cell in nb.cells:
        cells.append(cell)
        m = EXERCISE_CELL.match(cell.source) if cell.cell_type == "code" else None
        if not m:
            continue
        ex_id = m.group(1)
        tries = [("right", 0, participant_lines(_words(solutions[ex_id], _)))]
        tries += [
            ("mistake", i, f"answer = _EX[{ex_id!r}].mistakes[{i}].answer(r)") for i in distinct_mistakes(ex_id, report)
        ]
        tries += [("wrong", label, f"answer = {value}") for label, value in WRONG_VALUES.items()]
        if lang == "fr":
            tries += [("french", i, f"answer = {form!r}") for i, form in enumerate(french_forms(ex_id, report))]
        cells.append(new_code_cell(f"_sim({ex_id!r}, {tries!r})"))  # one cell per exercise: fewer round trips
        injected += [(ex_id, what, i, src) for what, i, src in tries]
    nb.cells = cells
    return nb, injected


def _results(nb: nbformat.NotebookNode) -> list[dict]:
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            for line in out.get("text", "").splitlines():
                if line.startswith("SIM "):
                    found.append(json.loads(line[4:]))
    return found


def _hint_parts(hint: str) -> list[str]:
    return [part.strip() for part in re.split(r"\{got\}", hint) if len(part.strip()) > 8]


def _numbers(text: str) -> set[str]:
    """The numbers of a message, leaving out exercise numbers ("1.6") and code (``range(a, b + 1)``)."""
    text = re.sub(r"\b\d+\.\d+\b", " ", text)
    return set(re.findall(r"(?<![\w.])\d+(?![\w.]*\d)", text))


def forbidden(ex_id: str, report) -> tuple[set[str], set[str]]:
    """What no message of ``ex_id`` may show: the expected number or the expected count (as a number), and the
    expected items (as ids)."""
    want = expected(ex_id, report)
    if EXERCISES[ex_id].kind == "number":
        return {str(int(want))}, set()
    size = len(want)
    items = {str(k) for k in (want.keys() if isinstance(want, dict) else want) if isinstance(k, str) and len(k) > 2}
    return ({str(size)} if size > 2 else set()), items


@pytest.fixture(scope="module")
def report():
    return load_report()


CASES = [(lang, name) for lang in LANG_FOLDERS for name in NOTEBOOKS]


@pytest.mark.parametrize("lang, name", CASES, ids=[f"{lang}-{name}" for lang, name in CASES])
def test_a_room_runs_the_notebook_as_shipped(lang, name, report, tmp_path):
    path = WORKSHOP / LANG_FOLDERS[lang] / f"{name}.ipynb"
    nb, injected = simulation(path, name, lang, report)
    assert injected, f"{path} has exercises"
    NotebookClient(
        nb, timeout=120, kernel_name="python3", allow_errors=False, resources={"metadata": {"path": str(tmp_path)}}
    ).execute()  # any exception fails here
    results = _results(nb)
    assert [(r["ex"], r["what"], r["i"]) for r in results] == [(e, w, i) for e, w, i, _s in injected]
    problems = []
    for res, (ex_id, what, i, src) in zip(results, injected):
        problems += [
            f"{lang} {name} {ex_id} {what} {i}: {src}\n   {why}\n   -> {res['shown']}"
            for why in _problems(res, ex_id, what, i, src, lang, report)
        ]
    assert not problems, "\n".join(problems)


def _problems(res: dict, ex_id: str, what: str, i, src: str, lang: str, report) -> list[str]:
    """What is wrong with the checker's answer ``res`` to an injected answer."""
    _ = translator(lang).gettext
    catch_all = _("I cannot read this answer ({kind}). Put a number, a list or a table after answer =.").split("(")[0]
    if catch_all in res["message"]:
        return ["the checker could not read the value (an exception inside it)"]
    if what in ("right", "french"):
        return [] if res["status"] == "correct" else ["a right answer is not accepted"]
    if res["status"] != "wrong":
        return ["a wrong answer is not called wrong"]
    found = []
    if what == "mistake":
        parts = _hint_parts(_(EXERCISES[ex_id].mistakes[i].hint))
        if not (parts and all(p in res["message"] for p in parts)):
            found.append("the catalogued mistake does not get its own hint")
    numbers, items = forbidden(ex_id, report)
    said = re.sub(r"\([^)]*\)|'[^']*'", " ", res["message"])  # the participant's own values, quoted
    if (_numbers(said) - _numbers(src)) & numbers:
        found.append("the message shows the expected answer or its count")
    literal = what == "wrong" and not re.search(r"\br\b", src)  # a value typed, not taken from the report
    if literal and [k for k in items if re.search(rf"(?<!\w){re.escape(k)}(?!\w)", res["message"])]:
        found.append("the message names an expected item")
    return found


def test_the_simulation_would_catch_a_missing_import(report, tmp_path):
    """The injected right answers carry no import: a notebook that never imports what a solution uses fails."""
    nb = nbformat.read(WORKSHOP / "01_who_spoke.ipynb", as_version=4)
    nb.cells = [c for c in nb.cells if "import plotly.express as px" not in c.source]
    tmp = tmp_path / "01_who_spoke.ipynb"
    nbformat.write(nb, tmp)
    broken, _injected = simulation(tmp, "01_who_spoke", "en", report)
    from nbclient.exceptions import CellExecutionError

    with pytest.raises(CellExecutionError, match="name 'px' is not defined"):
        NotebookClient(
            broken, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
        ).execute()


def test_participant_lines_drop_the_solutions_imports():
    assert (
        participant_lines("import plotly.express as px\nfrom kit import plots\n\nanswer = px.bar(t)")
        == "\nanswer = px.bar(t)"
    )
