"""Before and after: the parse's CPU time in two checkouts of the kit, measured in one run.

On a shared machine the times of two runs made minutes apart are not comparable (the load changes); this
script interleaves the two checkouts round by round, in fresh processes, and reports CPU time (which the
load changes least), medians and the ratio after / before of the same run.

* cold load: ``load_report(cache=False)`` of the bundled report, CPU time of the process (``time.process_time``),
  after one load that compiles the reference tables;
* corpus: ``load_corpus`` of report-sized documents (:func:`parse_benchmark.make_corpus`, the same files for both
  checkouts), CPU time of all processes (``resource.getrusage``, parent and workers) per report.

Run::

    git archive 717a96d | (mkdir -p /tmp/before && tar -x -C /tmp/before)   # the checkout to compare with
    python benchmarks/parse_compare.py --before /tmp/before          # writes benchmarks/results/parse_compare.md
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.parse_benchmark import CORPUS_CODE, make_corpus  # noqa: E402 - the checkout is put on sys.path

COLD_CODE = """
import time, warnings, sys
warnings.simplefilter("ignore")
from kit.report import load_report
load_report(cache=False)
for _ in range({loads}):
    t = time.process_time()
    load_report(cache=False)
    print(time.process_time() - t)
"""


def run_in(tree: Path, code: str) -> list[str]:
    """Run ``code`` in a fresh interpreter with ``tree`` (a checkout) first on the path; its output lines."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tree, env=env, check=True)
    return proc.stdout.strip().splitlines()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", required=True, help="a checkout of the kit to compare with (a folder)")
    ap.add_argument("--after", default=str(ROOT), help="the checkout measured against it (default: this one)")
    ap.add_argument("--rounds", type=int, default=4, help="interleaved rounds of cold loads")
    ap.add_argument("--loads", type=int, default=10, help="cold loads per round and checkout")
    ap.add_argument("--corpus", type=int, default=200, help="documents in the corpus (0 skips it)")
    ap.add_argument("--corpus-rounds", type=int, default=2, help="interleaved rounds of the corpus")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "parse_compare.md"))
    args = ap.parse_args()
    trees = {"before": Path(args.before).resolve(), "after": Path(args.after).resolve()}
    load_start = os.getloadavg()[0]

    cold: dict[str, list[float]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            cold[name] += [float(x) * 1000 for x in run_in(tree, COLD_CODE.format(loads=args.loads))]
            print(name, f"cold CPU median so far {statistics.median(cold[name]):.1f} ms", flush=True)

    corpus: dict[str, list[float]] = {name: [] for name in trees}
    if args.corpus:
        tmp = Path(tempfile.mkdtemp(prefix="kit-compare-"))
        try:
            folder = tmp / "reports"
            folder.mkdir()
            make_corpus(folder, args.corpus)
            code = CORPUS_CODE.format(folder=str(folder), found=str(tmp / "found.csv"))
            for _ in range(args.corpus_rounds):
                for name, tree in trees.items():
                    cpu = float(run_in(tree, code)[-2])
                    corpus[name].append(cpu / args.corpus * 1000)
                    print(name, f"corpus CPU {corpus[name][-1]:.1f} ms per report", flush=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def med(xs: list[float]) -> str:
        return f"{statistics.median(xs):.1f} ms" if xs else "-"

    def ratio(table: dict[str, list[float]]) -> str:
        if not table["before"] or not table["after"]:
            return "-"
        return f"{statistics.median(table['after']) / statistics.median(table['before']):.2f}"

    lines = [
        "# Parse CPU time: before and after, one run",
        "",
        f"Run on {time.strftime('%Y-%m-%d')} · {os.cpu_count()} cores · load average at the start {load_start:.1f}, "
        f"at the end {os.getloadavg()[0]:.1f} · before: `{trees['before']}`, after: `{trees['after']}`",
        "",
        f"Command: `python benchmarks/parse_compare.py --before <checkout> --rounds {args.rounds} --loads "
        f"{args.loads} --corpus {args.corpus} --corpus-rounds {args.corpus_rounds}` (the checkouts interleaved, "
        "round by round, each in fresh processes)",
        "",
        "| measurement (median, CPU time) | samples each | before | after | after / before |",
        "|---|---|---|---|---|",
        f"| cold `load_report(cache=False)`, CPU of the process | {len(cold['after'])} | {med(cold['before'])} | "
        f"{med(cold['after'])} | {ratio(cold)} |",
    ]
    if args.corpus:
        lines.append(
            f"| `load_corpus` of {args.corpus} reports, CPU of all processes per report | {len(corpus['after'])} | "
            f"{med(corpus['before'])} | {med(corpus['after'])} | {ratio(corpus)} |"
        )
    lines.append("")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
