"""Benchmark of the briefing note on one theme across documents (:func:`kit.teaching.theme_note.theme_note`).

Measured in one run, as medians of CPU time (a shared machine's load moves seconds, much less ratios): on generated
corpora of summary records and meetings coverage (``tests/generators_kinds.py``, English and French alternating) of
several sizes, the note on the theme most documents hold, as the apps build it (plain rows, no pandas), against the
note on one meeting of the bundled report in the same run. The time per document should stay flat (the note reads
each document once; the two-page cut is near-linear in the items).

Run::

    python benchmarks/theme_note_benchmark.py              # writes benchmarks/results/theme_note.md
    python benchmarks/theme_note_benchmark.py --sizes 20,100 --repeat 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kit import load_report  # noqa: E402 - the checkout is put on sys.path above
from kit.rows import ViewReport  # noqa: E402 - the checkout is put on sys.path above
from kit.teaching.note import build_note  # noqa: E402 - the checkout is put on sys.path above
from kit.teaching.theme_note import theme_note  # noqa: E402 - the checkout is put on sys.path above
from tests.generators_kinds import write_corpus  # noqa: E402 - the one generator of summary records and coverage


def _median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def _corpus(n: int) -> ViewReport:
    from kit import load_corpus

    with tempfile.TemporaryDirectory() as d:
        write_corpus(Path(d), n // 2, "summary_record", seed=1, n_paras=20)
        write_corpus(Path(d), n - n // 2, "meetings_coverage", seed=5000, n_paras=20)
        return ViewReport.from_report(load_corpus(d))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="20,100,200", help="corpus sizes in documents (default: 20,100,200)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "theme_note.md"))
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    load0 = os.getloadavg()[0]
    bundled = ViewReport.from_report(load_report())
    meeting = bundled.meetings[0]["meeting_id"]
    base = _median(lambda: build_note(bundled, meeting=meeting, lang="en"), args.repeat)
    rows = []
    for n in sizes:
        view = _corpus(n)
        counts: dict[str, set] = {}
        for t in view.themes:
            counts.setdefault(t["theme"], set()).add(t["report_id"])
        theme = max(sorted(counts), key=lambda th: len(counts[th]))
        took = _median(lambda v=view, th=theme: theme_note(v, th, lang="en"), args.repeat)
        note = theme_note(view, theme, lang="en")
        quoted = len({i.report_id for i in note.items if i.quote})
        rows.append(
            (
                n,
                len(counts[theme]),
                took,
                took / len(counts[theme]),
                took / base,
                note.words(),
                theme_note(view, theme, lang="fr").words(),
                quoted,
            )
        )
        print(f"{n} documents: {took:.2f} s", file=sys.stderr)
    load1 = os.getloadavg()[0]
    lines = [
        "# Theme note benchmark",
        "",
        f"Run on {dt.date.today().isoformat()} · Python {platform.python_version()} · {os.cpu_count()} cores · "
        f"load average at the start {load0:.1f}, at the end {load1:.1f} (CPU time of the process)",
        "",
        f"Command: `python benchmarks/theme_note_benchmark.py --sizes {args.sizes} --repeat {args.repeat}`",
        "",
        "The note on the theme most documents hold, on generated summary records and meetings coverage (20 "
        "paragraphs each, English and French), built from plain rows as the apps build it; the ratio compares it "
        f"with the note on one meeting of the bundled report in the same run ({base * 1000:.0f} ms).",
        "",
        "The words columns are the note's Markdown up to its annex, in English and in French: what the two pages' "
        "limit of 1,200 words counts. The Citations keep one line per document quoted and one line counting what "
        "is not quoted; the annex after the two pages lists it document by document, so the note fits at every "
        "size. The documents quoted column says how many of the documents with the theme the two pages quote.",
        "",
        "| documents | with the theme | theme note (median) | per document | ratio to one meeting note | "
        "words (en) | words (fr) | documents quoted |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n, k, took, per, ratio, words, words_fr, quoted in rows:
        lines.append(
            f"| {n:,} | {k:,} | {took:.2f} s | {per * 1000:.0f} ms | {ratio:.1f}x | {words:,} | "
            f"{words_fr:,} | {quoted:,} |"
        )
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
