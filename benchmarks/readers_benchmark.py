"""Benchmark of the document readers (kit.readers): what detection costs, and that every reader stays linear.

Measured in one run, as medians, and compared as ratios within the run (a shared machine's load moves seconds,
much less ratios):

* the bundled report parsed whole (``parse_rows``) with its kind detected, and with ``kind="report"`` given:
  the cost of detection;
* ``detect_kind`` alone on the bundled report;
* the structure step (``kit.readers.read``) of the same generated paragraphs (``tests/conftest.py::long_report``,
  as plain text) as an annual report and as a summary record (a header, "The meeting was called to order", the paragraphs,
  "The meeting rose"), and as meetings coverage (the same texts without numbers, blank-line blocks), at two
  sizes: the time per paragraph should be flat, and close to the report's.

Run::

    python benchmarks/readers_benchmark.py               # writes benchmarks/results/readers.md
    python benchmarks/readers_benchmark.py --sizes 1000,5000 --repeat 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kit.parse import parse_rows  # noqa: E402 - the checkout is put on sys.path above
from kit.paths import DEFAULT_REPORT  # noqa: E402 - the checkout is put on sys.path above
from kit.readers import detect_kind, read  # noqa: E402 - the checkout is put on sys.path above
from kit.sources import read_source, source_from_text  # noqa: E402 - the checkout is put on sys.path above
from tests.conftest import long_report  # noqa: E402 - the one generator of long reports

RECORD_HEAD = (
    "United Nations    A/C.4/78/SR.9\n\nFourth Committee\n\nSummary record of the 9th meeting\n"
    "Held at Headquarters, New York, on Tuesday, 17 October 2023, at 3 p.m.\n\n"
    "Chair: Mr. Lindqvist (Sweden)\n\nThe meeting was called to order at 3.05 p.m.\n\n"
)
RELEASE_HEAD = (
    "9,391st Meeting (PM)\nSC/15312\n17 October 2023\n\nCouncil Hears Briefing on Peacekeeping\n\n"
    "For information media. Not an official record.\n\n"
)


def median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def documents(n: int) -> dict[str, str]:
    """The same generated paragraphs as a report, a summary record and meetings coverage."""
    report = long_report(n).replace("**", "")  # plain text, as the record and the release: the same layout path
    paragraphs = [line for line in report.split("\n") if re.match(r"\d+\. ", line)]
    record = RECORD_HEAD + "\n\n".join(paragraphs) + "\n\nThe meeting rose at 6 p.m.\n"
    release = RELEASE_HEAD + "\n\n".join(re.sub(r"^\d+\. ", "", p) for p in paragraphs) + "\n\n* *** *\n"
    return {"report": report, "summary_record": record, "meetings_coverage": release}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="paragraphs of the generated documents")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "readers.md"))
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    load_start = os.getloadavg()[0]

    source = read_source(DEFAULT_REPORT)
    parse_rows(source)  # reference tables compiled once, outside the timings
    detected = median_seconds(lambda: parse_rows(source), args.repeat * 3)
    given = median_seconds(lambda: parse_rows(source, kind="report"), args.repeat * 3)
    detect = median_seconds(lambda: [detect_kind(source) for _ in range(100)], args.repeat) / 100

    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        docs = {kind: source_from_text(text, name=f"{kind}.txt") for kind, text in documents(n).items()}
        per = {}
        for kind, src in docs.items():
            doc = read(src)
            assert doc.kind == kind and len(doc.paragraphs) == n, (kind, len(doc.paragraphs))
            per[kind] = median_seconds(lambda src=src: read(src), args.repeat) / n
        rows.append((n, per))

    lines = [
        "# Readers benchmark",
        "",
        f"Run on {dt.date.today().isoformat()} · Python {platform.python_version()} · {os.cpu_count()} cores · "
        f"load average at the start {load_start:.1f}, at the end {os.getloadavg()[0]:.1f} (CPU time of the process)",
        "",
        f"Command: `python benchmarks/readers_benchmark.py --sizes {args.sizes} --repeat {args.repeat}`",
        "",
        "## Detection",
        "",
        "| measurement (median) | time | ratio |",
        "|---|---|---|",
        f"| `parse_rows` of the bundled report, kind detected | {detected * 1e3:.2f} ms | "
        f"{detected / given:.2f}x the kind given |",
        f'| `parse_rows` of the bundled report, `kind="report"` | {given * 1e3:.2f} ms | 1.00x |',
        f"| `detect_kind` of the bundled report | {detect * 1e6:.0f} µs | {detect / given * 100:.1f}% of a parse |",
        "",
        "## Structure step per paragraph (`kit.readers.read`)",
        "",
        "The same generated paragraphs (`tests/conftest.py::long_report`) read as each kind. Flat columns mean a "
        "linear reader; the ratio compares each kind with the annual report of the same size.",
        "",
        "| paragraphs | report | summary record | ratio | meetings coverage | ratio |",
        "|---|---|---|---|---|---|",
    ]
    for n, per in rows:
        r, s, c = per["report"], per["summary_record"], per["meetings_coverage"]
        lines.append(
            f"| {n:,} | {r * 1e6:.1f} µs | {s * 1e6:.1f} µs | {s / r:.2f}x | {c * 1e6:.1f} µs | {c / r:.2f}x |"
        )
    text = "\n".join(lines) + "\n"
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
