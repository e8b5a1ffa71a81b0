"""Benchmark of the kit library: import, cold and warm load, a corpus of 1,000 reports, long reports.

Every number is reported with the *floor* measured in the same run: reading the
same bytes and running one regular-expression pass over them. Ratios to the
floor travel between machines better than seconds do.

Run::

    python benchmarks/parse_benchmark.py            # writes benchmarks/results/parse.md
    python benchmarks/parse_benchmark.py --corpus 200 --repeat 5 --long 1000,5000   # quicker
    python benchmarks/parse_benchmark.py --summary-records 1000 --meetings-coverage 1000 --verbatim-records 1000
    python benchmarks/parse_benchmark.py --kinds-only --summary-records 200 --meetings-coverage 0 --verbatim-records 200

Targets (issue "The kit library"): cold load < 50 ms, warm < 5 ms,
1,000 reports < 20 s on a 2-core machine; peak memory reported. Long reports (issue 11): the time
per paragraph of generated reports of 1,000, 5,000 and 20,000 paragraphs (``tests/conftest.py::
long_report``: a meeting every 25 paragraphs, a briefer introduced and speaking in each) should be
flat; each stage of the parse is timed too, so a stage that grows faster than the text shows.

Other document kinds: corpora of generated summary records, meetings coverage (press releases) and verbatim
records, English and French alternating (``tests/generators_kinds.py``, 30 paragraphs each), parsed with
``load_corpus`` as the report corpus is (target: 1,000 summary records < 20 s). The generator knows who speaks
in each paragraph, so the same run also gives the precision and recall of the (paragraph, speaker) pairs found.
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

import kit  # noqa: E402 - the checkout is put on sys.path above
from kit.report import DEFAULT_REPORT  # noqa: E402 - the checkout is put on sys.path above
from tests.conftest import long_report  # noqa: E402 - the one generator of long reports (tests use it too)
from tests.generators_kinds import write_corpus  # noqa: E402 - generated summary records and press releases


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
    names = [
        row["running_names"].split("|")[0]
        for row in kit.gazetteer.load_gazetteer().state_rows
        if row["status"] == "member" and not row["article"]
    ]
    for i in range(n):
        text = base
        for old in ("Kenya", "Norway", "Mexico", "Estonia"):
            text = text.replace(old, rng.choice(names))
        text = text.replace("2021", str(2000 + i % 25)).replace("Ladeb", rng.choice(["Ladeb", "Mensah", "Ito"]))
        (folder / f"report-{i:04d}.md").write_text(text, encoding="utf-8")


def long_report_rows(sizes: list[int], repeat: int) -> list[str]:
    """CPU time per paragraph of generated long reports: the whole ``load_text`` and its main stages.

    CPU time of this process (``time.process_time``), not wall time: on a shared machine it is the
    measure that does not depend on what else runs.
    """
    import warnings

    from kit.attribution import attribute, find_people
    from kit.gazetteer import load_gazetteer
    from kit.layout import parse_layout
    from kit.meetings import find_meetings
    from kit.mentions import find_mentions
    from kit.parse import _meeting_of, _one_pass
    from kit.sources import source_from_text
    from kit.themes import tagger_for

    g = load_gazetteer()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kit.load_text(long_report(100), name="warm-up.md")  # compile the reference tables first
    rows = [
        "| paragraphs | characters | whole parse (`load_text`) | **per paragraph** | layout | people "
        "(`find_people`) | meetings | attribution | mentions + themes |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    clock = time.process_time
    for n in sizes:
        text = long_report(n)
        samples: dict[str, list[float]] = {}

        def timed(stage: str, fn, *a, **kw):
            t = clock()
            out = fn(*a, **kw)
            samples.setdefault(stage, []).append(clock() - t)
            return out

        for _ in range(repeat):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                timed("total", kit.load_text, text, name=f"long-{n}.md")
                doc = timed("layout", parse_layout, source_from_text(text, name="long.md"))
                texts = [(p.number, p.text) for p in doc.paragraphs]
                people = timed("people", find_people, [" ".join(doc.front_matter)] + [x for _, x in texts], g)
                meetings = timed(
                    "meetings", find_meetings, [(p.number, p.text, p.section, p.section_title) for p in doc.paragraphs]
                )
                meeting_of = _meeting_of([p.number for p in doc.paragraphs], meetings)
                timed("attribution", attribute, texts, g, meeting_of=meeting_of, people=people)
                whole, _ = _one_pass(texts)
                t = clock()
                find_mentions(whole, g)
                tagger_for(g).find(whole)
                samples.setdefault("mentions", []).append(clock() - t)
        med = {k: statistics.median(v) for k, v in samples.items()}

        def per(seconds: float) -> str:
            return f"{seconds / n * 1e6:.0f} µs"

        rows.append(
            f"| {n:,} | {len(text):,} | {med['total']:.2f} s | **{per(med['total'])}** | "
            f"{per(med['layout'])} | {per(med['people'])} | {per(med['meetings'])} | "
            f"{per(med['attribution'])} | {per(med['mentions'])} |"
        )
        print(rows[-1], flush=True)
    return rows


CORPUS_CODE = """
import time, sys, resource, kit
t = time.perf_counter()
try:
    c = kit.load_corpus({folder!r})
except kit.ReportError as err:
    print("REFUSED", str(err).splitlines()[0])
    raise SystemExit(0)
d = time.perf_counter() - t
print(len(c.paragraphs), len(c.statements), file=sys.stderr)
c.statements[["report_id", "para", "speaker_id"]].to_csv({found!r}, index=False)
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(me.ru_maxrss, kids.ru_maxrss)
print(me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime)
print(d)
"""


def corpus_run(folder: Path) -> dict:
    """``load_corpus(folder)`` in a fresh process: seconds, memory, row counts, the floor for the same files,
    the (report_id, para, speaker_id) rows it found; or why the kit refused a file."""
    floor, t = 0.0, time.perf_counter()
    for p in sorted(folder.iterdir()):
        floor += floor_once(p)
    out = {"floor": floor, "floor_wall": time.perf_counter() - t, "found": set()}
    found_csv = folder.parent / (folder.name + "-found.csv")
    code = CORPUS_CODE.format(folder=str(folder), found=str(found_csv))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    lines = proc.stdout.strip().splitlines()
    if lines and lines[-1].startswith("REFUSED"):
        out["refused"] = lines[-1].removeprefix("REFUSED ").replace("|", "/")
        return out
    out["seconds"], out["cpu"] = float(lines[-1]), float(lines[-2])
    out["rss_parent_kb"], out["rss_child_kb"] = map(int, lines[-3].split())
    out["counts"] = proc.stderr.strip().splitlines()[-1]
    import csv

    with open(found_csv, encoding="utf-8") as f:
        out["found"] = {(r["report_id"], int(r["para"]), r["speaker_id"]) for r in csv.DictReader(f)}
    found_csv.unlink()
    return out


def kinds_rows(n_sr: int, n_mc: int, report_cpu_per_para: float | None = None, n_pv: int = 0) -> list[str]:
    """The generated summary-record, meetings-coverage and verbatim-record corpora: time, memory, and the pairs
    found; with
    ``report_cpu_per_para`` (the report corpus of the same run), the ratio of CPU time per paragraph."""
    rows = [
        "| corpus (EN and FR alternating, 30 paragraphs each) | documents | `load_corpus` (wall) | per document | "
        "CPU (all processes) | floor (read+regex) | ratio | max RSS parent / worker | paragraphs, statements | "
        "pairs: precision / recall | CPU per paragraph vs reports (same run) | target |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, n, target in (
        ("summary_record", n_sr, "< 20 s for 1,000"),
        ("meetings_coverage", n_mc, "-"),
        ("verbatim_record", n_pv, "-"),
    ):
        if not n:
            continue
        tmp = Path(tempfile.mkdtemp(prefix=f"kit-{kind}-"))
        try:
            folder = tmp / "docs"
            folder.mkdir()
            docs = write_corpus(folder, n, kind)
            res = corpus_run(folder)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        if "refused" in res:
            rows.append(
                f"| {kind} | {n} | refused: {res['refused']} | - | - | {res['floor'] * 1000:.0f} ms | - | - | "
                f"- | - | - | {target} |"
            )
            print(rows[-1], flush=True)
            continue
        expected = {(f"{kind}-{i:04d}", p, s) for i, d in enumerate(docs) for p, s in d.expected}
        n_paras = int(res["counts"].split()[0])
        ratio = f"{res['cpu'] / n_paras / report_cpu_per_para:.2f}x" if report_cpu_per_para else "-"
        tp = len(expected & res["found"])
        precision = tp / len(res["found"]) if res["found"] else 0.0
        rows.append(
            f"| {kind} | {n} | **{res['seconds']:.1f} s** | {res['seconds'] / n * 1000:.1f} ms | "
            f"{res['cpu']:.1f} s | {res['floor'] * 1000:.0f} ms | {res['seconds'] / res['floor']:.0f}x | "
            f"{res['rss_parent_kb'] / 1024:.0f} / {res['rss_child_kb'] / 1024:.0f} MB | {res['counts']} | "
            f"{100 * precision:.0f}% / {100 * tp / len(expected):.0f}% | {ratio} | {target} |"
        )
        print(rows[-1], flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=11, help="samples per measurement")
    ap.add_argument("--corpus", type=int, default=1000, help="documents in the corpus test")
    ap.add_argument("--long", default="1000,5000,20000", help="sizes (paragraphs) of the long generated reports")
    ap.add_argument("--long-repeat", type=int, default=3, help="samples per long report")
    ap.add_argument(
        "--summary-records",
        type=int,
        default=1000,
        help="generated summary records (EN and FR) in the corpus of that kind; 0 skips it",
    )
    ap.add_argument(
        "--meetings-coverage",
        type=int,
        default=1000,
        help="generated press releases (EN and FR) in the corpus of that kind; 0 skips it",
    )
    ap.add_argument(
        "--verbatim-records",
        type=int,
        default=1000,
        help="generated verbatim records (EN and FR) in the corpus of that kind; 0 skips it",
    )
    ap.add_argument(
        "--kinds-only",
        action="store_true",
        help="measure only the corpora of the other kinds (prints, writes nothing)",
    )
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "parse.md"))
    args = ap.parse_args()
    if args.kinds_only:
        kinds_rows(args.summary_records, args.meetings_coverage, n_pv=args.verbatim_records)
        return
    load_start = os.getloadavg()[0]
    sizes = [int(x) for x in args.long.split(",") if x.strip()]

    floor = [floor_once(DEFAULT_REPORT) for _ in range(args.repeat * 3)]
    floor_ms = median_ms(floor)

    import_kit = in_fresh_process(
        "import time; t=time.perf_counter(); import kit; print(time.perf_counter()-t)", args.repeat
    )
    import_all = in_fresh_process(
        "import time; t=time.perf_counter(); import kit.report; print(time.perf_counter()-t)", args.repeat
    )
    cold_first = in_fresh_process(
        "import time, kit.report as r; t=time.perf_counter(); r.load_report(); print(time.perf_counter()-t)",
        args.repeat,
    )

    kit.load_report()  # compile the reference tables once
    cold, cold_cpu = [], []
    for _ in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        kit.load_report(cache=False)
        cold.append(time.perf_counter() - t)
        cold_cpu.append(time.process_time() - c)  # CPU time: what the load of a shared machine changes least
    warm = []
    for _ in range(args.repeat * 10):
        t = time.perf_counter()
        kit.load_report()
        warm.append(time.perf_counter() - t)

    tmp = Path(tempfile.mkdtemp(prefix="kit-corpus-"))
    try:
        folder = tmp / "reports"
        folder.mkdir()
        make_corpus(folder, args.corpus)
        res = corpus_run(folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    corpus_s, corpus_floor, corpus_floor_wall = res["seconds"], res["floor"], res["floor_wall"]
    rss_parent_kb, rss_child_kb, counts = res["rss_parent_kb"], res["rss_child_kb"], res["counts"]

    one_rss_kb = int(
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import resource, kit; kit.load_report(); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)",
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        ).stdout.strip()
    )

    kind_rows = kinds_rows(
        args.summary_records, args.meetings_coverage, res["cpu"] / int(counts.split()[0]), args.verbatim_records
    )

    # Last: parsing long reports grows this process, and a child's max RSS counts its parent's pages.
    long_rows = long_report_rows(sizes, args.long_repeat)

    def row(name: str, ms: float, target: str) -> str:
        return f"| {name} | {ms:.2f} ms | {ms / floor_ms:.1f}x | {target} |"

    lines_out = [
        "# Parse benchmark",
        "",
        f"Run on {time.strftime('%Y-%m-%d')} · Python {platform.python_version()} · {os.cpu_count()} cores · "
        f"pandas {__import__('pandas').__version__} · load average at the start {load_start:.1f}, at the end "
        f"{os.getloadavg()[0]:.1f} (wall times grow with the load of a shared machine; CPU times much less)",
        "",
        f"Command: `python benchmarks/parse_benchmark.py --repeat {args.repeat} --corpus {args.corpus} "
        f"--summary-records {args.summary_records} --meetings-coverage {args.meetings_coverage} "
        f"--verbatim-records {args.verbatim_records} --long {args.long} --long-repeat {args.long_repeat}`",
        "",
        f"Floor: read the bundled report ({DEFAULT_REPORT.stat().st_size:,} bytes), decode, one regex pass: "
        f"**{floor_ms:.2f} ms** (median of {len(floor)}).",
        "",
        "| measurement (median) | time | ratio to floor | target |",
        "|---|---|---|---|",
        row("`import kit` (fresh process; pandas not loaded)", median_ms(import_kit), "-"),
        row("`import kit.report` (fresh process; loads pandas)", median_ms(import_all), "-"),
        row(
            "first `load_report()` in a fresh process (reads and compiles reference tables)", median_ms(cold_first), "-"
        ),
        row("cold `load_report(cache=False)` (parse, tables compiled)", median_ms(cold), "< 50 ms"),
        row("the same, CPU time of the process (`time.process_time`)", median_ms(cold_cpu), "< 50 ms"),
        row("warm `load_report()` (cached)", median_ms(warm), "< 5 ms"),
        "",
        f"Corpus: {args.corpus} report-sized documents (the bundled report with speakers, years and names "
        f"varied), `load_corpus()` with {os.cpu_count()} worker processes: **{corpus_s:.1f} s** "
        f"(target < 20 s; {corpus_s / args.corpus * 1000:.1f} ms per report; CPU of all processes "
        f"{res['cpu']:.1f} s, **{res['cpu'] / args.corpus * 1000:.1f} ms of CPU per report**); "
        "floor for the same files "
        f"{corpus_floor * 1000:.0f} ms of reading+regex ({corpus_s / corpus_floor:.0f}x; wall "
        f"{corpus_floor_wall * 1000:.0f} ms). Rows: paragraphs, statements = {counts}.",
        "",
        f"Peak memory (max RSS): one report loaded {one_rss_kb / 1024:.0f} MB; corpus parent process "
        f"{rss_parent_kb / 1024:.0f} MB, largest worker {rss_child_kb / 1024:.0f} MB.",
        "",
        "## Other document kinds",
        "",
        "Generated summary records and meetings coverage (`tests/generators_kinds.py`: invented documents laid "
        "out as the UN prints them, English and French alternating, 30 paragraphs each, a speaker per "
        "paragraph in the forms real documents use, continuation and narrative paragraphs), parsed with "
        f"`load_corpus()` ({os.cpu_count()} worker processes) as the report corpus above. The generator knows "
        "who speaks in each paragraph: precision and recall are over the (document, paragraph, speaker) "
        "triples (a measure on invented forms, not on real documents: see `real_documents.md`). On a shared "
        "machine the wall time follows the load; the CPU time of all processes much less, and its ratio per "
        "paragraph to the report corpus of the same run not at all: with the 2 worker processes, a corpus "
        "cannot take less wall time than half its CPU time.",
        "",
        *kind_rows,
        "",
        "## Long reports",
        "",
        "Generated reports (`tests/conftest.py::long_report`: a meeting every 25 paragraphs, each with a "
        "briefer introduced by title and name who then speaks, statements by one to three Member States), "
        f"parsed whole with `load_text` and stage by stage; CPU time of the process, medians of {args.long_repeat}. "
        "A linear parse keeps the time per paragraph flat as the report grows; a stage whose time per paragraph "
        "grows with the report is quadratic.",
        "",
        *long_rows,
        "",
    ]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines_out), encoding="utf-8")
    print("\n".join(lines_out))


if __name__ == "__main__":
    main()
