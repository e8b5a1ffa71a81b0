"""Benchmark of the kit library: import, cold and warm load, a corpus of 1,000 reports.

Every number is reported with the *floor* measured in the same run: reading the
same bytes and running one regular-expression pass over them. Ratios to the
floor travel between machines better than seconds do.

Run::

    python benchmarks/parse_benchmark.py            # writes benchmarks/results/parse.md
    python benchmarks/parse_benchmark.py --corpus 200 --repeat 5   # quicker

Targets (issue "The kit library"): cold load < 50 ms, warm < 5 ms,
1,000 reports < 20 s on a 2-core machine; peak memory reported.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kit  # noqa: E402
from kit.report import DEFAULT_REPORT  # noqa: E402


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def floor_once(path: Path) -> float:
    """Read the bytes, decode, one regex pass: the least any parser must do."""
    t = time.perf_counter()
    text = path.read_bytes().decode("utf-8")
    len(re.findall(r"\w+", text))
    return time.perf_counter() - t


def in_fresh_process(code: str, repeat: int) -> list[float]:
    """Run ``code`` (which prints one float, seconds) in ``repeat`` fresh interpreters."""
    out = []
    for _ in range(repeat):
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        out.append(float(proc.stdout.strip().splitlines()[-1]))
    return out


def make_corpus(folder: Path, n: int, seed: int = 1) -> None:
    """n report-sized documents: the bundled report with speakers, dates and numbers varied,
    so no two files are the same (no cache can help)."""
    rng = random.Random(seed)
    base = DEFAULT_REPORT.read_text(encoding="utf-8")
    names = [row["running_names"].split("|")[0] for row in kit.gazetteer.load_gazetteer().state_rows
             if row["status"] == "member" and not row["article"]]
    for i in range(n):
        text = base
        for old in ("Kenya", "Norway", "Mexico", "Estonia"):
            text = text.replace(old, rng.choice(names))
        text = text.replace("2021", str(2000 + i % 25)).replace("Ladeb", rng.choice(["Ladeb", "Mensah", "Ito"]))
        (folder / f"report-{i:04d}.md").write_text(text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=11, help="samples per measurement")
    ap.add_argument("--corpus", type=int, default=1000, help="documents in the corpus test")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "parse.md"))
    args = ap.parse_args()

    floor = [floor_once(DEFAULT_REPORT) for _ in range(args.repeat * 3)]
    floor_ms = median_ms(floor)

    import_kit = in_fresh_process("import time; t=time.perf_counter(); import kit; print(time.perf_counter()-t)",
                                  args.repeat)
    import_all = in_fresh_process(
        "import time; t=time.perf_counter(); import kit.report; print(time.perf_counter()-t)", args.repeat)
    cold_first = in_fresh_process(
        "import time, kit.report as r; t=time.perf_counter(); r.load_report(); print(time.perf_counter()-t)",
        args.repeat)

    kit.load_report()  # compile the reference tables once
    cold = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        kit.load_report(cache=False)
        cold.append(time.perf_counter() - t)
    warm = []
    for _ in range(args.repeat * 10):
        t = time.perf_counter()
        kit.load_report()
        warm.append(time.perf_counter() - t)

    tmp = Path(tempfile.mkdtemp(prefix="kit-corpus-"))
    try:
        make_corpus(tmp, args.corpus)
        corpus_floor = 0.0
        t = time.perf_counter()
        for p in sorted(tmp.iterdir()):
            corpus_floor += floor_once(p)
        corpus_floor_wall = time.perf_counter() - t
        code = ("import time, sys, resource, kit; t=time.perf_counter(); "
                f"c=kit.load_corpus({str(tmp)!r}); d=time.perf_counter()-t; "
                "print(len(c.paragraphs), len(c.statements), file=sys.stderr); "
                "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
                "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); print(d)")
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        lines = proc.stdout.strip().splitlines()
        corpus_s = float(lines[-1])
        rss_parent_kb, rss_child_kb = map(int, lines[-2].split())
        counts = proc.stderr.strip().splitlines()[-1]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    one_rss_kb = int(subprocess.run(
        [sys.executable, "-c", "import resource, kit; kit.load_report(); "
                               "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"],
        capture_output=True, text=True, cwd=ROOT, check=True).stdout.strip())

    def row(name: str, ms: float, target: str) -> str:
        return f"| {name} | {ms:.2f} ms | {ms / floor_ms:.1f}x | {target} |"

    lines_out = [
        "# Parse benchmark",
        "",
        f"Run on {time.strftime('%Y-%m-%d')} · Python {platform.python_version()} · {os.cpu_count()} cores · "
        f"pandas {__import__('pandas').__version__}",
        "",
        f"Command: `python benchmarks/parse_benchmark.py --repeat {args.repeat} --corpus {args.corpus}`",
        "",
        f"Floor: read the bundled report ({DEFAULT_REPORT.stat().st_size:,} bytes), decode, one regex pass: "
        f"**{floor_ms:.2f} ms** (median of {len(floor)}).",
        "",
        "| measurement (median) | time | ratio to floor | target |",
        "|---|---|---|---|",
        row("`import kit` (fresh process; pandas not loaded)", median_ms(import_kit), "-"),
        row("`import kit.report` (fresh process; loads pandas)", median_ms(import_all), "-"),
        row("first `load_report()` in a fresh process (reads and compiles reference tables)",
            median_ms(cold_first), "-"),
        row("cold `load_report(cache=False)` (parse, tables compiled)", median_ms(cold), "< 50 ms"),
        row("warm `load_report()` (cached)", median_ms(warm), "< 5 ms"),
        "",
        f"Corpus: {args.corpus} report-sized documents (the bundled report with speakers, years and names "
        f"varied), `load_corpus()` with {os.cpu_count()} worker processes: **{corpus_s:.1f} s** "
        f"(target < 20 s; {corpus_s / args.corpus * 1000:.1f} ms per report); floor for the same files "
        f"{corpus_floor * 1000:.0f} ms of reading+regex ({corpus_s / corpus_floor:.0f}x; wall "
        f"{corpus_floor_wall * 1000:.0f} ms). Rows: paragraphs, statements = {counts}.",
        "",
        f"Peak memory (max RSS): one report loaded {one_rss_kb / 1024:.0f} MB; corpus parent process "
        f"{rss_parent_kb / 1024:.0f} MB, largest worker {rss_child_kb / 1024:.0f} MB.",
        "",
    ]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines_out), encoding="utf-8")
    print("\n".join(lines_out))


if __name__ == "__main__":
    main()
