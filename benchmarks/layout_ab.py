"""A/B benchmark of the layout step: ``parse_layout`` of this checkout against the one of a git revision.

A change to :mod:`kit.layout` (a refactor, a new rule) should not slow it down. Both versions run in one process,
interleaved (A B, B A, ...) on the same sources, and CPU time is measured, so the ratio holds on a loaded,
shared machine where wall times do not. The other version is ``kit/layout.py`` of ``--base`` (default ``main``),
read with ``git show`` and imported beside the checkout's own ``kit`` package.

Run::

    python benchmarks/layout_ab.py                      # against main; prints the table
    python benchmarks/layout_ab.py --base HEAD~1 --repeat 21 --out benchmarks/results/layout_ab.md

The sources: the bundled report (Markdown), a generated report of 5,000 paragraphs (``tests/conftest.py::
long_report``) as Markdown, and the same without its markup read as plain text (PDF-like text: running lines,
hyphens and mid-line paragraph numbers are looked for).
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kit.layout as layout  # noqa: E402 - the checkout is put on sys.path above
from kit.paths import DEFAULT_REPORT  # noqa: E402 - the same
from kit.sources import source_from_text  # noqa: E402 - the same
from tests.conftest import long_report  # noqa: E402 - the one generator of long reports (tests use it too)


def base_layout(revision: str):
    """``kit/layout.py`` of ``revision``, imported as ``kit.layout_base`` (its relative imports are the kit's)."""
    text = subprocess.run(
        ["git", "show", f"{revision}:kit/layout.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    path = Path(tempfile.mkdtemp()) / "layout_base.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("kit.layout_base", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["kit.layout_base"] = module
    spec.loader.exec_module(module)
    return module


def sources() -> dict:
    long_md = long_report(5000)
    return {
        "bundled report (Markdown)": source_from_text(DEFAULT_REPORT.read_text(encoding="utf-8"), name="r.md"),
        "5,000 paragraphs (Markdown)": source_from_text(long_md, name="long.md"),
        "5,000 paragraphs (plain text)": source_from_text(long_md.replace("**", ""), name="long.txt"),
    }


def measure(base, repeat: int) -> list[tuple[str, float, float]]:
    """(source, median CPU ms of the base, of this checkout), interleaved runs."""
    rows = []
    for name, source in sources().items():
        times: dict[str, list[float]] = {"base": [], "this": []}
        for i in range(repeat):
            order = (("base", base), ("this", layout)) if i % 2 else (("this", layout), ("base", base))
            for label, module in order:
                start = time.process_time()
                module.parse_layout(source, defer_truncation=True)
                times[label].append(time.process_time() - start)
        rows.append((name, statistics.median(times["base"]) * 1000, statistics.median(times["this"]) * 1000))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="git revision to compare with (default: main)")
    parser.add_argument("--repeat", type=int, default=15, help="runs of each version per source (default: 15)")
    parser.add_argument("--out", help="Markdown file to write the results to (default: print them)")
    args = parser.parse_args()
    rows = measure(base_layout(args.base), args.repeat)
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    lines = [
        "# Layout A/B benchmark",
        "",
        f"`parse_layout` of the checkout ({head.strip()}) against `{args.base}`, interleaved in one process, CPU "
        f"time, medians of {args.repeat} runs each · Python {platform.python_version()}.",
        "",
        f"Command: `python benchmarks/layout_ab.py --base {args.base} --repeat {args.repeat}`",
        "",
        f"| source | {args.base} | this checkout | ratio |",
        "|---|---|---|---|",
    ]
    lines += [f"| {name} | {a:.2f} ms | {b:.2f} ms | {b / a:.2f}x |" for name, a, b in rows]
    text = "\n".join(lines) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
