"""How long a participant waits for the exercise checker, by kind of answer (in one process, on the bundled report).

For each exercise, the checker is given its right answer, each catalogued mistake, and the heavy answers a room
gives (a whole table of the report, the report itself, a Series of arrays): the median time of ``--reps`` calls
per kind of answer, and the slowest single check. The first call of each report (parsing, name tables) is timed
apart. Writes ``benchmarks/results/checker.md``.

Run::

    .venv/bin/python benchmarks/checker_benchmark.py            # 5 repetitions
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from pathlib import Path

import numpy as np
import pandas as pd

from kit import load_report
from kit.teaching.checker import check, expected
from kit.teaching.exercises import EXERCISES

OUT = Path(__file__).resolve().parent / "results" / "checker.md"


def answers(r) -> dict[str, list[tuple[str, object]]]:
    """Kind of answer -> (exercise, value) pairs."""
    heavy = {
        "r.statements": r.statements,
        "r.themes": r.themes,
        "the report": r,
        "a Series of arrays": r.statements.groupby("speaker")["para"].unique(),
    }
    out: dict[str, list] = {"right answer": [], "catalogued mistake": []}
    out.update({k: [] for k in heavy})
    for ex_id, ex in EXERCISES.items():
        if ex.kind != "figure":
            out["right answer"].append((ex_id, expected(ex_id, r)))
        out["catalogued mistake"] += [(ex_id, m.answer(r)) for m in ex.mistakes]
        for k, v in heavy.items():
            out[k].append((ex_id, v))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    r = load_report()
    t0 = time.perf_counter()
    check("1.3", ["Mexico"], r)
    first = time.perf_counter() - t0
    rows = []
    for kind, pairs in answers(r).items():
        times = []
        for _ in range(args.reps):
            for ex_id, value in pairs:
                t = time.perf_counter()
                check(ex_id, value, r)
                times.append(time.perf_counter() - t)
        rows.append((kind, len(pairs), statistics.median(times) * 1000, max(times) * 1000))
    lines = [
        "# Exercise checker: time per check",
        "",
        f"`python benchmarks/checker_benchmark.py --reps {args.reps}`, {platform.python_version()}, "
        f"{platform.machine()}; the bundled report; pandas {pd.__version__}, numpy {np.__version__}.",
        "",
        f"First check of a report (its name tables and every exercise's answer): {first * 1000:.0f} ms.",
        "",
        "| Answer | Exercises | Median per check (ms) | Slowest check (ms) |",
        "|---|---|---|---|",
    ]
    lines += [f"| {kind} | {n} | {med:.1f} | {worst:.1f} |" for kind, n, med, worst in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
